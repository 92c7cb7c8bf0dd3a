/* Plain C tests of composing and reviewing through the C ABI: a note, a
   refusal with homework, a review, and every call with bad input. */
#include <rapport.h>
#include "check.h"
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define S(lit) lit, sizeof(lit) - 1

static int contains(rapport_str s, const char *needle) {
  size_t n = strlen(needle);
  for (size_t i = 0; i + n <= s.len; ++i)
    if (memcmp(s.data + i, needle, n) == 0) return 1;
  return 0;
}

static rapport_contact *person(const char *id, const char *given, const char *family, const char *location) {
  rapport_contact *c = NULL;
  CHECK(rapport_contact_new(id, strlen(id), &c) == RAPPORT_OK);
  CHECK(rapport_contact_set_text(c, RAPPORT_CONTACT_NAME_GIVEN, given, strlen(given)) == RAPPORT_OK);
  CHECK(rapport_contact_set_text(c, RAPPORT_CONTACT_NAME_FAMILY, family, strlen(family)) == RAPPORT_OK);
  CHECK(rapport_contact_set_text(c, RAPPORT_CONTACT_LOCATION, location, strlen(location)) == RAPPORT_OK);
  return c;
}

int main(void) {
  /* 2026-03-01 00:00 UTC */
  const int64_t now = 1772323200;
  rapport_directory_builder *b = NULL;
  CHECK(rapport_directory_builder_new(&b) == RAPPORT_OK);
  rapport_event *fair = NULL;
  CHECK(rapport_event_new(S("hm-2026"), &fair) == RAPPORT_OK);
  CHECK(rapport_event_set_text(fair, RAPPORT_EVENT_NAME, S("Hannover Messe")) == RAPPORT_OK);
  CHECK(rapport_event_set_text(fair, RAPPORT_EVENT_TIME_ZONE, S("Europe/Berlin")) == RAPPORT_OK);
  CHECK(rapport_event_set_days(fair, 2026, 4, 20, 2026, 4, 24) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_event(b, fair) == RAPPORT_OK);

  rapport_contact *anna = person("anna", "Anna", "Schmidt", "Lisbon, Portugal");
  CHECK(rapport_contact_set_text(anna, RAPPORT_CONTACT_LOCALE, S("de")) == RAPPORT_OK);
  CHECK(rapport_contact_add_event(anna, S("hm-2026"), RAPPORT_ROLE_EXHIBITOR) == RAPPORT_OK);
  rapport_contact *stranger = person("xu", "Xu", "Ming", "Chengdu, China");
  CHECK(rapport_directory_builder_add_contact(b, anna) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_contact(b, stranger) == RAPPORT_OK);
  /* Lena exhibits at the fair and lives in the sender's city: two reasons. */
  rapport_contact *lena = person("lena", "Lena", "Vogel", "Berlin, Germany");
  CHECK(rapport_contact_set_text(lena, RAPPORT_CONTACT_LOCALE, S("en")) == RAPPORT_OK);
  CHECK(rapport_contact_add_event(lena, S("hm-2026"), RAPPORT_ROLE_EXHIBITOR) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_contact(b, lena) == RAPPORT_OK);
  rapport_directory *dir = NULL;
  CHECK(rapport_directory_builder_build(b, &dir) == RAPPORT_OK);

  rapport_contact *me = person("me", "Jonas", "Becker", "Berlin, Germany");
  rapport_organization org;
  rapport_organization_init(&org);
  org.name = "Nordlicht Analytics GmbH";
  org.name_len = strlen(org.name);
  CHECK(rapport_contact_add_organization(me, &org) == RAPPORT_OK);
  CHECK(rapport_contact_add_event(me, S("hm-2026"), RAPPORT_ROLE_EXHIBITOR) == RAPPORT_OK);

  /* A note: German, both exhibiting, fitted, reviewed clean. */
  rapport_note *note = NULL;
  CHECK(rapport_compose(dir, me, anna, now, NULL, &note) == RAPPORT_OK);
  int status = -100;
  CHECK(rapport_note_status(note, &status) == RAPPORT_OK && status == RAPPORT_OK);
  rapport_str text = {0}, slot = {0}, locale = {0};
  CHECK(rapport_note_text(note, &text) == RAPPORT_OK && contains(text, "Hannover Messe") && contains(text, "Anna"));
  CHECK(rapport_note_slot(note, &slot) == RAPPORT_OK && contains(slot, "event/both-exhibiting/upcoming"));
  CHECK(rapport_note_locale(note, &locale) == RAPPORT_OK && locale.len == 2 && memcmp(locale.data, "de", 2) == 0);
  size_t length = 0, limit = 0, n = 99;
  CHECK(rapport_note_length(note, &length, &limit) == RAPPORT_OK && length > 0 && length <= limit && limit == 200);
  CHECK(rapport_note_warning_count(note, &n) == RAPPORT_OK && n == 0);
  CHECK(rapport_note_homework_count(note, &n) == RAPPORT_OK && n == 0);
  const rapport_contexts *ctx = NULL;
  CHECK(rapport_note_contexts(note, &ctx) == RAPPORT_OK && ctx != NULL);
  CHECK(rapport_contexts_count(ctx, &n) == RAPPORT_OK && n == 1);
  rapport_contexts_free((rapport_contexts *)ctx); /* borrowed: ignored */
  CHECK(rapport_contexts_count(ctx, &n) == RAPPORT_OK);

  /* Options: English, informal, premium tier. */
  rapport_compose_options o;
  rapport_compose_options_init(&o);
  CHECK(o.size == sizeof o && o.formality == -1);
  o.locale = "en";
  o.locale_len = 2;
  o.formality = RAPPORT_INFORMAL;
  o.tier = "premium";
  o.tier_len = 7;
  rapport_note *en = NULL;
  CHECK(rapport_compose(dir, me, anna, now, &o, &en) == RAPPORT_OK);
  CHECK(rapport_note_text(en, &text) == RAPPORT_OK && contains(text, "Hi Anna"));
  CHECK(rapport_note_length(en, NULL, &limit) == RAPPORT_OK && limit == 300);
  rapport_note_free(en);

  /* Two reasons: the fair, and the city, in one note with both contexts. */
  rapport_compose_options_init(&o);
  CHECK(o.reasons == 1);
  o.reasons = 2;
  o.tier = "premium";
  o.tier_len = 7;
  rapport_note *two = NULL;
  CHECK(rapport_compose(dir, me, lena, now, &o, &two) == RAPPORT_OK);
  CHECK(rapport_note_text(two, &text) == RAPPORT_OK && contains(text, "Hannover Messe") && contains(text, "Berlin"));
  CHECK(rapport_note_contexts(two, &ctx) == RAPPORT_OK && rapport_contexts_count(ctx, &n) == RAPPORT_OK && n == 2);
  rapport_note_free(two);
  /* A caller built before `reasons` existed passes the older size: one reason. */
  o.size = offsetof(rapport_compose_options, reasons);
  CHECK(rapport_compose(dir, me, lena, now, &o, &two) == RAPPORT_OK);
  CHECK(rapport_note_contexts(two, &ctx) == RAPPORT_OK && rapport_contexts_count(ctx, &n) == RAPPORT_OK && n == 1);
  rapport_note_free(two);
  rapport_compose_options_init(&o);
  o.reasons = 3;
  CHECK(rapport_compose(dir, me, lena, now, &o, &two) == RAPPORT_EINVAL && strstr(rapport_last_error(), "reasons"));
  o.reasons = 0;
  CHECK(rapport_compose(dir, me, lena, now, &o, &two) == RAPPORT_EINVAL);

  /* The purpose per language: Anna reads German, Lena English. */
  {
    const char *tags[] = {"de", "en"};
    const size_t tag_lens[] = {2, 2};
    const char *texts[] = {"vorausschauende Wartung", "predictive maintenance"};
    const size_t text_lens[] = {strlen(texts[0]), strlen(texts[1])};
    rapport_compose_options_init(&o);
    CHECK(o.purpose_count == 0 && o.purpose_locales == NULL && o.purpose_texts == NULL);
    o.platform = "email";
    o.platform_len = 5;
    o.purpose_locales = tags;
    o.purpose_locale_lens = tag_lens;
    o.purpose_texts = texts;
    o.purpose_text_lens = text_lens;
    o.purpose_count = 2;
    rapport_note *de = NULL, *en2 = NULL;
    CHECK(rapport_compose(dir, me, anna, now, &o, &de) == RAPPORT_OK);
    CHECK(rapport_note_text(de, &text) == RAPPORT_OK && contains(text, "vorausschauende Wartung") &&
          !contains(text, "predictive maintenance"));
    CHECK(rapport_note_warning_count(de, &n) == RAPPORT_OK && n == 0);
    rapport_note_free(de);
    CHECK(rapport_compose(dir, me, lena, now, &o, &en2) == RAPPORT_OK);
    CHECK(rapport_note_text(en2, &text) == RAPPORT_OK && contains(text, "predictive maintenance"));
    rapport_note_free(en2);
    /* The batch too. */
    rapport_batch *batch = NULL;
    CHECK(rapport_compose_all(dir, me, NULL, NULL, 0, now, &o, 1, &batch) == RAPPORT_OK);
    CHECK(rapport_batch_count(batch, &n) == RAPPORT_OK && n == 3);
    rapport_batch_free(batch);
    /* A caller built before the purposes existed passes the older size: none (the sender has no purpose). */
    o.size = offsetof(rapport_compose_options, purpose_locales);
    CHECK(rapport_compose(dir, me, anna, now, &o, &de) == RAPPORT_OK);
    CHECK(rapport_note_text(de, &text) == RAPPORT_OK && contains(text, "Anna") && !contains(text, "Wartung"));
    rapport_note_free(de);
    o.size = sizeof o;
    /* NULL arrays with a count, a NULL entry, a bad tag, a tag twice, invalid UTF-8. */
    rapport_note *bad_note = (rapport_note *)1;
    o.purpose_texts = NULL;
    CHECK(rapport_compose(dir, me, anna, now, &o, &bad_note) == RAPPORT_EINVAL && bad_note == NULL &&
          strstr(rapport_last_error(), "purpose_count"));
    o.purpose_texts = texts;
    o.purpose_locale_lens = NULL;
    CHECK(rapport_compose_all(dir, me, NULL, NULL, 0, now, &o, 1, &batch) == RAPPORT_EINVAL);
    o.purpose_locale_lens = tag_lens;
    const char *null_tag[] = {"de", NULL};
    o.purpose_locales = null_tag;
    CHECK(rapport_compose(dir, me, anna, now, &o, &bad_note) == RAPPORT_EINVAL &&
          strstr(rapport_last_error(), "purpose_locales[1]"));
    const char *odd[] = {"de", "e n"};
    o.purpose_locales = odd;
    CHECK(rapport_compose(dir, me, anna, now, &o, &bad_note) == RAPPORT_EINVAL &&
          strstr(rapport_last_error(), "purposes[1].locale"));
    const char *twice[] = {"de", "DE"};
    o.purpose_locales = twice;
    CHECK(rapport_compose(dir, me, anna, now, &o, &bad_note) == RAPPORT_EINVAL &&
          strstr(rapport_last_error(), "twice"));
    o.purpose_locales = tags;
    const char *broken[] = {"Wartung", "maintenance \xFF"};
    const size_t broken_lens[] = {7, strlen(broken[1])};
    o.purpose_texts = broken;
    o.purpose_text_lens = broken_lens;
    CHECK(rapport_compose(dir, me, anna, now, &o, &bad_note) == RAPPORT_EUTF8 &&
          strstr(rapport_last_error(), "purposes[1].text"));
    /* Count 0: the arrays are not read. */
    o.purpose_locales = NULL;
    o.purpose_texts = NULL;
    o.purpose_count = 0;
    CHECK(rapport_compose(dir, me, anna, now, &o, &de) == RAPPORT_OK);
    rapport_note_free(de);
  }

  /* A refusal is not an error: status and homework. */
  rapport_note *refusal = NULL;
  CHECK(rapport_compose(dir, me, stranger, now, NULL, &refusal) == RAPPORT_OK);
  CHECK(rapport_note_status(refusal, &status) == RAPPORT_OK && status == RAPPORT_ENOCONTEXT);
  CHECK(rapport_note_text(refusal, &text) == RAPPORT_OK && text.len == 0);
  CHECK(rapport_note_homework_count(refusal, &n) == RAPPORT_OK && n > 0);
  rapport_str code = {0}, message = {0};
  CHECK(rapport_note_homework(refusal, 0, &code, &message) == RAPPORT_OK && code.len > 0 && message.len > 0);
  CHECK(rapport_note_homework(refusal, n, &code, &message) == RAPPORT_EINVAL);
  rapport_note_free(refusal);

  /* Bad input. */
  rapport_note *bad = (rapport_note *)1;
  CHECK(rapport_compose(NULL, me, anna, now, NULL, &bad) == RAPPORT_EINVAL && bad == NULL);
  CHECK(rapport_compose(dir, NULL, anna, now, NULL, &bad) == RAPPORT_EINVAL);
  CHECK(rapport_compose(dir, me, NULL, now, NULL, &bad) == RAPPORT_EINVAL);
  CHECK(rapport_compose(dir, me, anna, now, NULL, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_compose(dir, (const rapport_contact *)dir, anna, now, NULL, &bad) == RAPPORT_EINVAL);
  CHECK(strstr(rapport_last_error(), "wrong handle type") != NULL);
  o.size = 3;
  CHECK(rapport_compose(dir, me, anna, now, &o, &bad) == RAPPORT_EINVAL);
  rapport_compose_options_init(&o);
  o.locale = "d\xff";
  o.locale_len = 2;
  CHECK(rapport_compose(dir, me, anna, now, &o, &bad) == RAPPORT_EUTF8 && rapport_last_error_offset() == 1);
  rapport_compose_options_init(&o);
  o.platform = "carrier-pigeon";
  o.platform_len = strlen(o.platform);
  CHECK(rapport_compose(dir, me, anna, now, &o, &bad) == RAPPORT_ENOTFOUND);
  rapport_compose_options_init(&o);
  o.locale = NULL;
  o.locale_len = 5;
  CHECK(rapport_compose(dir, me, anna, now, &o, &bad) == RAPPORT_EINVAL);
  rapport_compose_options_init(&o);
  o.formality = 7;
  CHECK(rapport_compose(dir, me, anna, now, &o, &bad) == RAPPORT_EINVAL);
  CHECK(rapport_note_text(NULL, &text) == RAPPORT_EINVAL);
  CHECK(rapport_note_text(note, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_note_status((const rapport_note *)dir, &status) == RAPPORT_EINVAL);
  CHECK(rapport_note_warning(note, 0, &text) == RAPPORT_EINVAL);
  rapport_note_free(NULL);
  rapport_note_free((rapport_note *)dir); /* another type: ignored */
  rapport_compose_options_init(NULL);

  /* Review. */
  rapport_platform *li = NULL;
  CHECK(rapport_platform_find(S("linkedin-connection-note"), &li) == RAPPORT_OK);
  rapport_findings *f = NULL;
  const char *draft = "Hi {{first_name}},  I'd like to add you to my professional network on LinkedIn.";
  CHECK(rapport_review(draft, strlen(draft), anna, li, NULL, &f) == RAPPORT_OK);
  CHECK(rapport_findings_count(f, &n) == RAPPORT_OK && n >= 3);
  int severity = -1;
  size_t begin = 99, end = 99;
  rapport_str suggestion = {0};
  CHECK(rapport_findings_get(f, 0, &code, &severity, &begin, &end, &message, &suggestion) == RAPPORT_OK);
  CHECK(code.len == strlen("placeholder_left") && memcmp(code.data, "placeholder_left", code.len) == 0);
  CHECK(severity == RAPPORT_SEVERITY_ERROR && begin == 3 && end == 17);
  CHECK(suggestion.len == 4 && memcmp(suggestion.data, "Anna", 4) == 0);
  CHECK(rapport_findings_get(f, n, &code, NULL, NULL, NULL, NULL, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_findings_get(f, 0, NULL, NULL, NULL, NULL, NULL, NULL) == RAPPORT_OK);
  rapport_findings_free(f);

  /* The composed note reviews clean, with the sender known. */
  rapport_review_options ro;
  rapport_review_options_init(&ro);
  ro.sender = me;
  CHECK(rapport_note_text(note, &text) == RAPPORT_OK);
  CHECK(rapport_review(text.data, text.len, anna, li, &ro, &f) == RAPPORT_OK);
  CHECK(rapport_findings_count(f, &n) == RAPPORT_OK && n == 0);
  rapport_findings_free(f);

  rapport_findings *fb = (rapport_findings *)1;
  CHECK(rapport_review("ab\xff", 3, anna, li, NULL, &fb) == RAPPORT_EUTF8 && fb == NULL && rapport_last_error_offset() == 2);
  CHECK(rapport_review(NULL, 4, anna, li, NULL, &fb) == RAPPORT_EINVAL);
  CHECK(rapport_review(NULL, 0, anna, li, NULL, &fb) == RAPPORT_OK);
  rapport_findings_free(fb);
  CHECK(rapport_review("x", SIZE_MAX, anna, li, NULL, &fb) == RAPPORT_ELIMIT);
  CHECK(rapport_review("x", 1, NULL, li, NULL, &fb) == RAPPORT_EINVAL);
  CHECK(rapport_review("x", 1, anna, NULL, NULL, &fb) == RAPPORT_EINVAL);
  CHECK(rapport_review("x", 1, anna, (const rapport_platform *)anna, NULL, &fb) == RAPPORT_EINVAL);
  CHECK(rapport_review("x", 1, anna, li, NULL, NULL) == RAPPORT_EINVAL);
  ro.tier = "platinum";
  ro.tier_len = 8;
  CHECK(rapport_review("x", 1, anna, li, &ro, &fb) == RAPPORT_ENOTFOUND);
  rapport_review_options_init(&ro);
  ro.sender = (const rapport_contact *)li;
  CHECK(rapport_review("x", 1, anna, li, &ro, &fb) == RAPPORT_EINVAL);
  ro.size = 1;
  CHECK(rapport_review("x", 1, anna, li, &ro, &fb) == RAPPORT_EINVAL);
  CHECK(rapport_findings_count(NULL, &n) == RAPPORT_EINVAL);
  CHECK(rapport_findings_count((const rapport_findings *)li, &n) == RAPPORT_EINVAL);
  rapport_findings_free(NULL);
  rapport_review_options_init(NULL);

  rapport_note_free(note);
  rapport_platform_free(li);
  rapport_contact_free(me);
  rapport_contact_free(anna);
  rapport_contact_free(stranger);
  rapport_contact_free(lena);
  rapport_event_free(fair);
  rapport_directory_free(dir);
  rapport_directory_builder_free(b);
  return check_summary();
}
