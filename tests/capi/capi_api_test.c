/* Plain C tests of the C ABI beyond text: directory, discovery, ranking,
   catalogs, platforms and the JSON layer. Each function is also called with
   NULL, the wrong handle type, a freed-looking handle (magic cleared),
   invalid UTF-8, zero and huge lengths, from tables. */
#include "capi_fixture.h"
#include "check.h"
#include <stdint.h>

static int str_eq(rapport_str s, const char *lit) { return s.data != NULL && s.len == strlen(lit) && strcmp(s.data, lit) == 0; }

/* ---- one live handle of each type ------------------------------------------------ */

enum { H_STRINGS, H_CONTACT, H_EVENT, H_CHALLENGE, H_BUILDER, H_DIRECTORY, H_SENDER, H_CONTEXTS, H_RESULTS,
       H_CATALOG, H_LOOKUP, H_PLATFORM, H_COUNT };
static void *live[H_COUNT];
static rapport_contact *anna; /* a recipient for the live sender */

/* What a freed handle looks like to the library: its magic word cleared. The
   library must not be handed a really freed pointer in a test (that is
   undefined behaviour, and ASan rightly stops it). */
static uint64_t freed_image[16];

static void make_handles(void) {
  rapport_contact *me = fixture_me();
  rapport_directory *dir = fixture_directory(0);
  CHECK(rapport_platform_ids((rapport_strings **)&live[H_STRINGS]) == RAPPORT_OK);
  live[H_CONTACT] = me;
  CHECK(rapport_event_new(S("e"), (rapport_event **)&live[H_EVENT]) == RAPPORT_OK);
  CHECK(rapport_challenge_new(S("c"), (rapport_challenge **)&live[H_CHALLENGE]) == RAPPORT_OK);
  CHECK(rapport_directory_builder_new((rapport_directory_builder **)&live[H_BUILDER]) == RAPPORT_OK);
  live[H_DIRECTORY] = dir;
  CHECK(rapport_directory_find_contact(dir, S("anna"), &anna) == RAPPORT_OK);
  CHECK(rapport_sender_new(dir, me, (rapport_sender **)&live[H_SENDER]) == RAPPORT_OK);
  CHECK(rapport_sender_discover_id(live[H_SENDER], S("anna"), FIXTURE_NOW, NULL, (rapport_contexts **)&live[H_CONTEXTS]) == RAPPORT_OK);
  CHECK(rapport_rank(dir, me, FIXTURE_NOW, 3, NULL, NULL, (rapport_results **)&live[H_RESULTS]) == RAPPORT_OK);
  CHECK(rapport_catalog_builtin((rapport_catalog **)&live[H_CATALOG]) == RAPPORT_OK);
  CHECK(rapport_catalog_lookup(live[H_CATALOG], S("en"), S("city/same-city/short/informal"), (rapport_lookup **)&live[H_LOOKUP]) == RAPPORT_OK);
  CHECK(rapport_platform_find(S("linkedin-connection-note"), (rapport_platform **)&live[H_PLATFORM]) == RAPPORT_OK);
}

static void free_handles(void) {
  rapport_contact_free(anna);
  rapport_strings_free(live[H_STRINGS]);
  rapport_contact_free(live[H_CONTACT]);
  rapport_event_free(live[H_EVENT]);
  rapport_challenge_free(live[H_CHALLENGE]);
  rapport_directory_builder_free(live[H_BUILDER]);
  rapport_directory_free(live[H_DIRECTORY]);
  rapport_sender_free(live[H_SENDER]);
  rapport_contexts_free(live[H_CONTEXTS]);
  rapport_results_free(live[H_RESULTS]);
  rapport_catalog_free(live[H_CATALOG]);
  rapport_lookup_free(live[H_LOOKUP]);
  rapport_platform_free(live[H_PLATFORM]);
}

/* ---- table: every handle-taking function, with a bad handle ----------------------- */

/* Calls one function with handle h (others arguments valid); returns its status. */
typedef int (*handle_call)(void *h);

static void *other(int type) { return live[(type + 1) % H_COUNT]; }

#define OUTS                                                                                        \
  size_t n = 0;                                                                                     \
  int i = 0;                                                                                        \
  double d = 0;                                                                                     \
  rapport_str s = {NULL, 0};                                                                        \
  (void)n; (void)i; (void)d; (void)s

static int c_strings_count(void *h) { OUTS; return rapport_strings_count(h, &n); }
static int c_strings_get(void *h) { OUTS; return rapport_strings_get(h, 0, &s); }
static int c_contact_set_text(void *h) { return rapport_contact_set_text(h, RAPPORT_CONTACT_HEADLINE, S("x")); }
static int c_contact_get_text(void *h) { OUTS; return rapport_contact_get_text(h, RAPPORT_CONTACT_ID, &s); }
static int c_contact_add_text(void *h) { return rapport_contact_add_text(h, RAPPORT_CONTACT_TOPICS, S("x")); }
static int c_contact_list_count(void *h) { OUTS; return rapport_contact_list_count(h, RAPPORT_CONTACT_TOPICS, &n); }
static int c_contact_set_formality(void *h) { return rapport_contact_set_formality(h, RAPPORT_FORMALITY_FORMAL); }
static int c_contact_set_gender(void *h) { return rapport_contact_set_gender(h, RAPPORT_GENDER_NEUTRAL); }
static int c_contact_set_name_order(void *h) { return rapport_contact_set_name_order(h, RAPPORT_NAME_FAMILY_FIRST); }
static int c_contact_add_event(void *h) { return rapport_contact_add_event(h, S("x"), RAPPORT_ROLE_SPEAKER); }
static int c_contact_add_org(void *h) {
  rapport_organization o;
  rapport_organization_init(&o);
  return rapport_contact_add_organization(h, &o);
}
static int c_contact_add_offer(void *h) { return rapport_contact_add_offer(h, S("o"), S("s"), NULL, NULL, 0); }
static int c_event_set_text(void *h) { return rapport_event_set_text(h, RAPPORT_EVENT_URL, S("x")); }
static int c_event_add_alias(void *h) { return rapport_event_add_alias(h, S("x")); }
static int c_event_set_edition(void *h) { return rapport_event_set_edition(h, 1); }
static int c_event_set_days(void *h) { return rapport_event_set_days(h, 2026, 1, 1, 2026, 1, 2); }
static int c_event_set_times(void *h) { return rapport_event_set_times(h, 0, 60); }
static int c_challenge_set_text(void *h) { return rapport_challenge_set_text(h, RAPPORT_CHALLENGE_TITLE, S("x")); }
static int c_challenge_add_text(void *h) { return rapport_challenge_add_text(h, RAPPORT_CHALLENGE_KEYWORDS, S("x")); }
/* Builds after each add, which empties the builder, so that adding the same record again is no duplicate. */
static int emptied(int status, void *builder) {
  rapport_directory *d = NULL;
  if (status == RAPPORT_OK) fixture_must(rapport_directory_builder_build(builder, &d), "build");
  rapport_directory_free(d);
  return status;
}
static int c_builder_add_contact(void *h) { return emptied(rapport_directory_builder_add_contact(h, live[H_CONTACT]), h); }
static int c_builder_add_contact_arg(void *h) { return emptied(rapport_directory_builder_add_contact(live[H_BUILDER], h), live[H_BUILDER]); }
static int c_builder_add_event(void *h) { return emptied(rapport_directory_builder_add_event(h, live[H_EVENT]), h); }
static int c_builder_add_event_arg(void *h) { return emptied(rapport_directory_builder_add_event(live[H_BUILDER], h), live[H_BUILDER]); }
static int c_builder_add_challenge(void *h) { return emptied(rapport_directory_builder_add_challenge(h, live[H_CHALLENGE]), h); }
static int c_builder_add_challenge_arg(void *h) {
  return emptied(rapport_directory_builder_add_challenge(live[H_BUILDER], h), live[H_BUILDER]);
}
static int c_builder_build(void *h) {
  rapport_directory *d = NULL;
  int st = rapport_directory_builder_build(h, &d);
  rapport_directory_free(d);
  return st;
}
static int c_dir_contact_count(void *h) { OUTS; return rapport_directory_contact_count(h, &n); }
static int c_dir_warning_count(void *h) { OUTS; return rapport_directory_warning_count(h, &n); }
static int c_dir_warning(void *h) { OUTS; return rapport_directory_warning(h, 0, &i, &s); }
static int c_dir_find(void *h) {
  rapport_contact *c = NULL;
  int st = rapport_directory_find_contact(h, S("anna"), &c);
  rapport_contact_free(c);
  return st;
}
static int c_dir_contact_id(void *h) { OUTS; return rapport_directory_contact_id(h, 0, &s); }
static int discover_with(void *dir, void *sender, void *recipient) {
  rapport_contexts *x = NULL;
  int st = rapport_discover(dir, sender, recipient, FIXTURE_NOW, NULL, &x);
  rapport_contexts_free(x);
  return st;
}
static int c_discover_dir(void *h) { return discover_with(h, live[H_CONTACT], anna); }
static int c_discover_sender(void *h) { return discover_with(live[H_DIRECTORY], h, anna); }
static int c_discover_recipient(void *h) { return h == live[H_CONTACT] ? discover_with(live[H_DIRECTORY], live[H_CONTACT], anna) : discover_with(live[H_DIRECTORY], live[H_CONTACT], h); }
static int c_sender_new_dir(void *h) {
  rapport_sender *x = NULL;
  int st = rapport_sender_new(h, live[H_CONTACT], &x);
  rapport_sender_free(x);
  return st;
}
static int c_sender_new_contact(void *h) {
  rapport_sender *x = NULL;
  int st = rapport_sender_new(live[H_DIRECTORY], h, &x);
  rapport_sender_free(x);
  return st;
}
static int c_sender_discover(void *h) {
  rapport_contexts *x = NULL;
  int st = rapport_sender_discover(h, anna, FIXTURE_NOW, NULL, &x);
  rapport_contexts_free(x);
  return st;
}
static int c_sender_discover_recipient(void *h) {
  rapport_contexts *x = NULL;
  int st = rapport_sender_discover(live[H_SENDER], h == live[H_CONTACT] ? anna : h, FIXTURE_NOW, NULL, &x);
  rapport_contexts_free(x);
  return st;
}
static int c_sender_discover_id(void *h) {
  rapport_contexts *x = NULL;
  int st = rapport_sender_discover_id(h, S("anna"), FIXTURE_NOW, NULL, &x);
  rapport_contexts_free(x);
  return st;
}
static int c_contexts_count(void *h) { OUTS; return rapport_contexts_count(h, &n); }
static int c_contexts_kind(void *h) { OUTS; return rapport_contexts_kind(h, 0, &i); }
static int c_contexts_strength(void *h) { OUTS; return rapport_contexts_strength(h, 0, &d); }
static int c_contexts_situation(void *h) { OUTS; return rapport_contexts_situation(h, 0, &s); }
static int c_contexts_fact_count(void *h) { OUTS; return rapport_contexts_fact_count(h, 0, &n); }
static int c_contexts_fact(void *h) { OUTS; return rapport_contexts_fact(h, 0, 0, &s, &s); }
static int c_contexts_fact_find(void *h) { OUTS; return rapport_contexts_fact_find(h, 0, S("event_id"), &s); }
static int c_contexts_evidence_count(void *h) { OUTS; return rapport_contexts_evidence_count(h, 0, &n); }
static int c_contexts_evidence(void *h) { OUTS; return rapport_contexts_evidence(h, 0, 0, &i, &s, &s, &s); }
static int c_rank_dir(void *h) {
  rapport_results *r = NULL;
  int st = rapport_rank(h, live[H_CONTACT], FIXTURE_NOW, 3, NULL, NULL, &r);
  rapport_results_free(r);
  return st;
}
static int c_rank_sender(void *h) {
  rapport_results *r = NULL;
  int st = rapport_rank(live[H_DIRECTORY], h, FIXTURE_NOW, 3, NULL, NULL, &r);
  rapport_results_free(r);
  return st;
}
static int c_sender_rank(void *h) {
  rapport_results *r = NULL;
  int st = rapport_sender_rank(h, FIXTURE_NOW, 3, NULL, NULL, &r);
  rapport_results_free(r);
  return st;
}
static int c_results_count(void *h) { OUTS; return rapport_results_count(h, &n); }
static int c_results_recipient(void *h) { OUTS; return rapport_results_recipient(h, 0, &s); }
static int c_results_contexts(void *h) {
  const rapport_contexts *x = NULL;
  return rapport_results_contexts(h, &x);
}
static int c_catalog_add_bytes(void *h) {
  rapport_catalog *x = NULL;
  int st = rapport_catalog_add_bytes(h, NULL, 0, S("empty"), S("en"), &x);
  rapport_catalog_free(x);
  return st;
}
static int c_catalog_add_file(void *h) {
  rapport_catalog *x = NULL;
  int st = rapport_catalog_add_file(h, S("/nonexistent/x.po"), S("en"), &x);
  rapport_catalog_free(x);
  return st == RAPPORT_EIO ? RAPPORT_OK : st;
}
static int c_catalog_locales(void *h) {
  rapport_strings *x = NULL;
  int st = rapport_catalog_locales(h, &x);
  rapport_strings_free(x);
  return st;
}
static int c_catalog_slots(void *h) {
  rapport_strings *x = NULL;
  int st = rapport_catalog_slots(h, S("en"), &x);
  rapport_strings_free(x);
  return st;
}
static int c_catalog_lookup(void *h) {
  rapport_lookup *x = NULL;
  int st = rapport_catalog_lookup(h, S("de"), S("city/same-city/short/formal"), &x);
  rapport_lookup_free(x);
  return st;
}
static int c_catalog_render(void *h) {
  static const rapport_arg args[] = {{S("recipient_given_name"), S("Anna")}, {S("sender_given_name"), S("Sam")},
                                     {S("city_name"), S("Munich")}};
  char *out = NULL;
  int st = rapport_catalog_render(h, S("en"), S("city/same-city/short/informal"), args, 3, &out, NULL);
  rapport_string_free(out);
  return st;
}
static int c_lookup_get(void *h) { OUTS; return rapport_lookup_get(h, RAPPORT_LOOKUP_PATTERN, &s); }
static int c_lookup_fallback(void *h) { OUTS; return rapport_lookup_fallback(h, &i); }
static int c_lookup_tried(void *h) {
  rapport_strings *x = NULL;
  int st = rapport_lookup_tried(h, &x);
  rapport_strings_free(x);
  return st;
}
static int c_platform_get(void *h) { OUTS; return rapport_platform_get(h, RAPPORT_PLATFORM_DISPLAY_NAME, &s); }
static int c_platform_unit(void *h) { OUTS; return rapport_platform_unit(h, &i); }
static int c_platform_confidence(void *h) { OUTS; return rapport_platform_confidence_of(h, &i); }
static int c_platform_tiers(void *h) {
  rapport_strings *x = NULL;
  int st = rapport_platform_tiers(h, &x);
  rapport_strings_free(x);
  return st;
}
static int c_platform_limit(void *h) { OUTS; return rapport_platform_limit(h, RAPPORT_FIELD_BODY, NULL, 0, &n); }

static const struct {
  const char *name;
  int type; /* the handle type the argument must be */
  handle_call call;
} handle_table[] = {
    {"strings_count", H_STRINGS, c_strings_count},
    {"strings_get", H_STRINGS, c_strings_get},
    {"contact_set_text", H_CONTACT, c_contact_set_text},
    {"contact_get_text", H_CONTACT, c_contact_get_text},
    {"contact_add_text", H_CONTACT, c_contact_add_text},
    {"contact_list_count", H_CONTACT, c_contact_list_count},
    {"contact_set_formality", H_CONTACT, c_contact_set_formality},
    {"contact_set_gender", H_CONTACT, c_contact_set_gender},
    {"contact_set_name_order", H_CONTACT, c_contact_set_name_order},
    {"contact_add_event", H_CONTACT, c_contact_add_event},
    {"contact_add_organization", H_CONTACT, c_contact_add_org},
    {"contact_add_offer", H_CONTACT, c_contact_add_offer},
    {"event_set_text", H_EVENT, c_event_set_text},
    {"event_add_alias", H_EVENT, c_event_add_alias},
    {"event_set_edition", H_EVENT, c_event_set_edition},
    {"event_set_days", H_EVENT, c_event_set_days},
    {"event_set_times", H_EVENT, c_event_set_times},
    {"challenge_set_text", H_CHALLENGE, c_challenge_set_text},
    {"challenge_add_text", H_CHALLENGE, c_challenge_add_text},
    {"builder_add_contact", H_BUILDER, c_builder_add_contact},
    {"builder_add_contact(contact)", H_CONTACT, c_builder_add_contact_arg},
    {"builder_add_event", H_BUILDER, c_builder_add_event},
    {"builder_add_event(event)", H_EVENT, c_builder_add_event_arg},
    {"builder_add_challenge", H_BUILDER, c_builder_add_challenge},
    {"builder_add_challenge(challenge)", H_CHALLENGE, c_builder_add_challenge_arg},
    {"builder_build", H_BUILDER, c_builder_build},
    {"directory_contact_count", H_DIRECTORY, c_dir_contact_count},
    {"directory_warning_count", H_DIRECTORY, c_dir_warning_count},
    {"directory_warning", H_DIRECTORY, c_dir_warning},
    {"directory_find_contact", H_DIRECTORY, c_dir_find},
    {"directory_contact_id", H_DIRECTORY, c_dir_contact_id},
    {"discover(dir)", H_DIRECTORY, c_discover_dir},
    {"discover(sender)", H_CONTACT, c_discover_sender},
    {"discover(recipient)", H_CONTACT, c_discover_recipient},
    {"sender_new(dir)", H_DIRECTORY, c_sender_new_dir},
    {"sender_new(contact)", H_CONTACT, c_sender_new_contact},
    {"sender_discover", H_SENDER, c_sender_discover},
    {"sender_discover(recipient)", H_CONTACT, c_sender_discover_recipient},
    {"sender_discover_id", H_SENDER, c_sender_discover_id},
    {"contexts_count", H_CONTEXTS, c_contexts_count},
    {"contexts_kind", H_CONTEXTS, c_contexts_kind},
    {"contexts_strength", H_CONTEXTS, c_contexts_strength},
    {"contexts_situation", H_CONTEXTS, c_contexts_situation},
    {"contexts_fact_count", H_CONTEXTS, c_contexts_fact_count},
    {"contexts_fact", H_CONTEXTS, c_contexts_fact},
    {"contexts_fact_find", H_CONTEXTS, c_contexts_fact_find},
    {"contexts_evidence_count", H_CONTEXTS, c_contexts_evidence_count},
    {"contexts_evidence", H_CONTEXTS, c_contexts_evidence},
    {"rank(dir)", H_DIRECTORY, c_rank_dir},
    {"rank(sender)", H_CONTACT, c_rank_sender},
    {"sender_rank", H_SENDER, c_sender_rank},
    {"results_count", H_RESULTS, c_results_count},
    {"results_recipient", H_RESULTS, c_results_recipient},
    {"results_contexts", H_RESULTS, c_results_contexts},
    {"catalog_add_bytes", H_CATALOG, c_catalog_add_bytes},
    {"catalog_add_file", H_CATALOG, c_catalog_add_file},
    {"catalog_locales", H_CATALOG, c_catalog_locales},
    {"catalog_slots", H_CATALOG, c_catalog_slots},
    {"catalog_lookup", H_CATALOG, c_catalog_lookup},
    {"catalog_render", H_CATALOG, c_catalog_render},
    {"lookup_get", H_LOOKUP, c_lookup_get},
    {"lookup_fallback", H_LOOKUP, c_lookup_fallback},
    {"lookup_tried", H_LOOKUP, c_lookup_tried},
    {"platform_get", H_PLATFORM, c_platform_get},
    {"platform_unit", H_PLATFORM, c_platform_unit},
    {"platform_confidence_of", H_PLATFORM, c_platform_confidence},
    {"platform_tiers", H_PLATFORM, c_platform_tiers},
    {"platform_limit", H_PLATFORM, c_platform_limit},
};

static void test_handles(void) {
  size_t k;
  for (k = 0; k < sizeof handle_table / sizeof handle_table[0]; ++k) {
    int good, st;
    /* the good handle works (builder_build empties the builder, which is fine) */
    good = handle_table[k].call(live[handle_table[k].type]);
    if (good != RAPPORT_OK) fprintf(stderr, "%s with a good handle: %d %s\n", handle_table[k].name, good, rapport_last_error());
    CHECK(good == RAPPORT_OK);
    st = handle_table[k].call(NULL);
    if (st != RAPPORT_EINVAL) fprintf(stderr, "%s(NULL): %d\n", handle_table[k].name, st);
    CHECK(st == RAPPORT_EINVAL);
    st = handle_table[k].call(other(handle_table[k].type));
    if (st != RAPPORT_EINVAL) fprintf(stderr, "%s(wrong handle): %d\n", handle_table[k].name, st);
    CHECK(st == RAPPORT_EINVAL);
    CHECK(strstr(rapport_last_error(), "wrong handle type") != NULL);
    st = handle_table[k].call(freed_image);
    CHECK(st == RAPPORT_EINVAL);
    CHECK(strstr(rapport_last_error(), "freed") != NULL);
  }
}

/* Every *_free() takes NULL, another handle type and a freed-looking handle without harm. */
static void test_frees(void) {
  void *bad[3];
  size_t k;
  bad[0] = NULL;
  bad[1] = freed_image;
  for (k = 0; k < 3; ++k) {
    bad[2] = live[H_STRINGS]; /* a live handle of another type (the strings free is skipped for it) */
    rapport_contact_free(bad[k]);
    rapport_event_free(bad[k]);
    rapport_challenge_free(bad[k]);
    rapport_directory_builder_free(bad[k]);
    rapport_directory_free(bad[k]);
    rapport_sender_free(bad[k]);
    rapport_contexts_free(bad[k]);
    rapport_results_free(bad[k]);
    rapport_catalog_free(bad[k]);
    rapport_lookup_free(bad[k]);
    rapport_platform_free(bad[k]);
    if (k < 2) rapport_strings_free(bad[k]);
  }
  rapport_string_free(NULL);
  CHECK(rapport_strings_count(live[H_STRINGS], &k) == RAPPORT_OK); /* survived */
  /* the contexts lent by results are not freed by rapport_contexts_free */
  {
    const rapport_contexts *lent = NULL;
    size_t n = 0;
    CHECK(rapport_results_contexts(live[H_RESULTS], &lent) == RAPPORT_OK);
    rapport_contexts_free((rapport_contexts *)lent);
    CHECK(rapport_contexts_count(lent, &n) == RAPPORT_OK);
  }
}

/* ---- table: every function taking a string: invalid UTF-8, NULL, zero and huge lengths -- */

typedef int (*text_call)(const char *text, size_t len);

static int t_contact_new(const char *t, size_t n) {
  rapport_contact *c = NULL;
  int st = rapport_contact_new(t, n, &c);
  rapport_contact_free(c);
  return st;
}
static int t_event_new(const char *t, size_t n) {
  rapport_event *e = NULL;
  int st = rapport_event_new(t, n, &e);
  rapport_event_free(e);
  return st;
}
static int t_challenge_new(const char *t, size_t n) {
  rapport_challenge *c = NULL;
  int st = rapport_challenge_new(t, n, &c);
  rapport_challenge_free(c);
  return st;
}
static int t_contact_set_text(const char *t, size_t n) { return rapport_contact_set_text(live[H_CONTACT], RAPPORT_CONTACT_HEADLINE, t, n); }
static int t_contact_add_text(const char *t, size_t n) { return rapport_contact_add_text(live[H_CONTACT], RAPPORT_CONTACT_SCHOOLS, t, n); }
static int t_contact_add_event(const char *t, size_t n) { return rapport_contact_add_event(live[H_CONTACT], t, n, RAPPORT_ROLE_ATTENDEE); }
static int t_contact_org(const char *t, size_t n) {
  rapport_organization o;
  rapport_organization_init(&o);
  o.title = t;
  o.title_len = n;
  return rapport_contact_add_organization(live[H_CONTACT], &o);
}
static int t_offer_id(const char *t, size_t n) { return rapport_contact_add_offer(live[H_CONTACT], t, n, S("x"), NULL, NULL, 0); }
static int t_offer_challenge(const char *t, size_t n) {
  const char *ids[1];
  size_t lens[1];
  ids[0] = t;
  lens[0] = n;
  return rapport_contact_add_offer(live[H_CONTACT], S("o"), S("x"), ids, lens, 1);
}
static int t_event_set_text(const char *t, size_t n) { return rapport_event_set_text(live[H_EVENT], RAPPORT_EVENT_VENUE, t, n); }
static int t_event_alias(const char *t, size_t n) { return rapport_event_add_alias(live[H_EVENT], t, n); }
static int t_challenge_set_text(const char *t, size_t n) { return rapport_challenge_set_text(live[H_CHALLENGE], RAPPORT_CHALLENGE_DESCRIPTION, t, n); }
static int t_challenge_add_text(const char *t, size_t n) { return rapport_challenge_add_text(live[H_CHALLENGE], RAPPORT_CHALLENGE_INDUSTRIES, t, n); }
static int t_find_contact(const char *t, size_t n) {
  rapport_contact *c = NULL;
  int st = rapport_directory_find_contact(live[H_DIRECTORY], t, n, &c);
  rapport_contact_free(c);
  return st;
}
static int t_discover_id(const char *t, size_t n) {
  rapport_contexts *x = NULL;
  int st = rapport_sender_discover_id(live[H_SENDER], t, n, FIXTURE_NOW, NULL, &x);
  rapport_contexts_free(x);
  return st;
}
static int t_fact_find(const char *t, size_t n) {
  rapport_str s;
  return rapport_contexts_fact_find(live[H_CONTEXTS], 0, t, n, &s);
}
static int t_rank_event(const char *t, size_t n) {
  rapport_rank_filter f;
  rapport_results *r = NULL;
  int st;
  rapport_rank_filter_init(&f);
  f.event_id = t;
  f.event_id_len = n;
  st = rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, 3, &f, NULL, &r);
  rapport_results_free(r);
  return st;
}
static int t_catalog_file(const char *t, size_t n) {
  rapport_catalog *x = NULL;
  int st = rapport_catalog_add_file(live[H_CATALOG], t, n, S("en"), &x);
  rapport_catalog_free(x);
  return st;
}
static int t_catalog_bytes_name(const char *t, size_t n) {
  rapport_catalog *x = NULL;
  int st = rapport_catalog_add_bytes(live[H_CATALOG], S(""), t, n, S("en"), &x);
  rapport_catalog_free(x);
  return st;
}
static int t_catalog_slots(const char *t, size_t n) {
  rapport_strings *x = NULL;
  int st = rapport_catalog_slots(live[H_CATALOG], t, n, &x);
  rapport_strings_free(x);
  return st;
}
static int t_lookup_locale(const char *t, size_t n) {
  rapport_lookup *x = NULL;
  int st = rapport_catalog_lookup(live[H_CATALOG], t, n, S("city/same-city/short/formal"), &x);
  rapport_lookup_free(x);
  return st;
}
static int t_lookup_slot(const char *t, size_t n) {
  rapport_lookup *x = NULL;
  int st = rapport_catalog_lookup(live[H_CATALOG], S("en"), t, n, &x);
  rapport_lookup_free(x);
  return st;
}
static int t_render_value(const char *t, size_t n) {
  rapport_arg a[3] = {{S("recipient_given_name"), NULL, 0}, {S("sender_given_name"), S("Sam")}, {S("city_name"), S("Munich")}};
  char *out = NULL;
  int st;
  a[0].value = t;
  a[0].value_len = n;
  st = rapport_catalog_render(live[H_CATALOG], S("en"), S("city/same-city/short/informal"), a, 3, &out, NULL);
  rapport_string_free(out);
  return st;
}
static int t_platform_find(const char *t, size_t n) {
  rapport_platform *p = NULL;
  int st = rapport_platform_find(t, n, &p);
  rapport_platform_free(p);
  return st;
}
static int t_platform_tier(const char *t, size_t n) {
  size_t v;
  return rapport_platform_limit(live[H_PLATFORM], RAPPORT_FIELD_BODY, t, n, &v);
}
static int t_json(const char *t, size_t n) {
  char *out = NULL;
  int st = rapport_json_call(t, n, &out, NULL);
  if (st != RAPPORT_OK) CHECK(out != NULL && strstr(out, "\"ok\":false") != NULL);
  rapport_string_free(out);
  return st;
}

static const struct {
  const char *name;
  text_call call;
  int empty; /* status for (NULL, 0) */
} text_table[] = {
    {"contact_new", t_contact_new, RAPPORT_OK},
    {"event_new", t_event_new, RAPPORT_OK},
    {"challenge_new", t_challenge_new, RAPPORT_OK},
    {"contact_set_text", t_contact_set_text, RAPPORT_OK},
    {"contact_add_text", t_contact_add_text, RAPPORT_OK},
    {"contact_add_event", t_contact_add_event, RAPPORT_OK},
    {"contact_add_organization", t_contact_org, RAPPORT_OK},
    {"contact_add_offer(id)", t_offer_id, RAPPORT_OK},
    {"contact_add_offer(challenge)", t_offer_challenge, RAPPORT_OK},
    {"event_set_text", t_event_set_text, RAPPORT_OK},
    {"event_add_alias", t_event_alias, RAPPORT_OK},
    {"challenge_set_text", t_challenge_set_text, RAPPORT_OK},
    {"challenge_add_text", t_challenge_add_text, RAPPORT_OK},
    {"directory_find_contact", t_find_contact, RAPPORT_ENOTFOUND},
    {"sender_discover_id", t_discover_id, RAPPORT_ENOTFOUND},
    {"contexts_fact_find", t_fact_find, RAPPORT_ENOTFOUND},
    {"rank(event_id)", t_rank_event, RAPPORT_OK},
    {"catalog_add_file", t_catalog_file, RAPPORT_EIO},
    {"catalog_add_bytes(name)", t_catalog_bytes_name, RAPPORT_OK},
    {"catalog_slots", t_catalog_slots, RAPPORT_OK},
    {"catalog_lookup(locale)", t_lookup_locale, RAPPORT_OK},
    {"catalog_lookup(slot)", t_lookup_slot, RAPPORT_ENOTFOUND},
    {"catalog_render(value)", t_render_value, RAPPORT_OK},
    {"platform_find", t_platform_find, RAPPORT_ENOTFOUND},
    {"platform_limit(tier)", t_platform_tier, RAPPORT_OK},
    {"json_call", t_json, RAPPORT_EPARSE},
};

static void test_texts(void) {
  size_t k;
  for (k = 0; k < sizeof text_table / sizeof text_table[0]; ++k) {
    int st = text_table[k].call("ab\xFF", 3);
    if (st != RAPPORT_EUTF8) fprintf(stderr, "%s(invalid UTF-8): %d %s\n", text_table[k].name, st, rapport_last_error());
    CHECK(st == RAPPORT_EUTF8);
    CHECK(rapport_last_error_offset() == 2);
    st = text_table[k].call(NULL, 5);
    if (st != RAPPORT_EINVAL) fprintf(stderr, "%s(NULL, 5): %d\n", text_table[k].name, st);
    CHECK(st == RAPPORT_EINVAL);
    st = text_table[k].call("x", SIZE_MAX);
    if (st != RAPPORT_ELIMIT) fprintf(stderr, "%s(huge): %d\n", text_table[k].name, st);
    CHECK(st == RAPPORT_ELIMIT);
    st = text_table[k].call(NULL, 0);
    if (st != text_table[k].empty) fprintf(stderr, "%s(NULL, 0): %d %s\n", text_table[k].name, st, rapport_last_error());
    CHECK(st == text_table[k].empty);
  }
}

/* ---- behaviour -------------------------------------------------------------------- */

static void test_contact_fields(void) {
  rapport_contact *c = NULL;
  rapport_str s;
  size_t n = 0;
  int f;
  CHECK(rapport_contact_new(S("x"), &c) == RAPPORT_OK);
  for (f = RAPPORT_CONTACT_ID; f <= RAPPORT_CONTACT_PURPOSE; ++f) {
    CHECK(rapport_contact_set_text(c, f, S("Zo\xC3\xAB")) == RAPPORT_OK);
    CHECK(rapport_contact_get_text(c, f, &s) == RAPPORT_OK && str_eq(s, "Zo\xC3\xAB"));
  }
  CHECK(rapport_contact_set_text(c, 14, S("x")) == RAPPORT_EINVAL);
  CHECK(rapport_contact_set_text(c, -1, S("x")) == RAPPORT_EINVAL);
  CHECK(rapport_contact_get_text(c, 99, &s) == RAPPORT_EINVAL);
  CHECK(rapport_contact_get_text(c, 0, NULL) == RAPPORT_EINVAL);
  for (f = RAPPORT_CONTACT_LANGUAGES; f <= RAPPORT_CONTACT_CONNECTIONS; ++f) {
    CHECK(rapport_contact_add_text(c, f, S("a")) == RAPPORT_OK);
    CHECK(rapport_contact_list_count(c, f, &n) == RAPPORT_OK && n == 1);
  }
  CHECK(rapport_contact_add_text(c, 4, S("a")) == RAPPORT_EINVAL);
  CHECK(rapport_contact_list_count(c, 4, &n) == RAPPORT_EINVAL);
  CHECK(rapport_contact_list_count(c, 0, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_contact_set_formality(c, 3) == RAPPORT_EINVAL);
  CHECK(rapport_contact_set_formality(c, RAPPORT_FORMALITY_UNKNOWN) == RAPPORT_OK);
  CHECK(rapport_contact_set_gender(c, 4) == RAPPORT_EINVAL);
  CHECK(rapport_contact_set_gender(c, -1) == RAPPORT_EINVAL);
  CHECK(rapport_contact_set_name_order(c, 2) == RAPPORT_EINVAL);
  CHECK(rapport_contact_add_event(c, S("e"), 5) == RAPPORT_EINVAL);
  CHECK(rapport_contact_add_organization(c, NULL) == RAPPORT_EINVAL);
  {
    rapport_organization o;
    rapport_organization_init(&o);
    o.size = 8;
    CHECK(rapport_contact_add_organization(c, &o) == RAPPORT_EINVAL);
    CHECK(strstr(rapport_last_error(), "rapport_organization_init") != NULL);
    rapport_organization_init(&o);
    o.name = NULL;
    o.name_len = 4;
    CHECK(rapport_contact_add_organization(c, &o) == RAPPORT_EINVAL);
  }
  CHECK(rapport_contact_add_offer(c, S("o"), S("s"), NULL, NULL, 2) == RAPPORT_EINVAL);
  CHECK(rapport_contact_new(S("x"), NULL) == RAPPORT_EINVAL);
  rapport_organization_init(NULL);
  rapport_contact_free(c);
}

static void test_event_fields(void) {
  rapport_event *e = NULL;
  rapport_directory_builder *b = NULL;
  CHECK(rapport_event_new(S("e"), &e) == RAPPORT_OK);
  CHECK(rapport_event_set_text(e, 7, S("x")) == RAPPORT_EINVAL);
  CHECK(rapport_event_set_days(e, 2026, 2, 30, 2026, 3, 1) == RAPPORT_EINVAL);
  CHECK(rapport_event_set_days(e, 2026, 13, 1, 2026, 3, 1) == RAPPORT_EINVAL);
  CHECK(rapport_event_set_days(e, 2026, 3, 1, 2026, 0, 1) == RAPPORT_EINVAL);
  CHECK(rapport_directory_builder_new(&b) == RAPPORT_OK);
  /* inverted dates and unknown zones: the C++ validation message comes through */
  CHECK(rapport_event_set_days(e, 2026, 3, 9, 2026, 3, 1) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_event(b, e) == RAPPORT_EINVAL);
  CHECK(rapport_last_error()[0] != '\0');
  CHECK(rapport_event_set_days(e, 2026, 3, 1, 2026, 3, 2) == RAPPORT_OK);
  CHECK(rapport_event_set_text(e, RAPPORT_EVENT_TIME_ZONE, S("Mars/Olympus")) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_event(b, e) == RAPPORT_EINVAL);
  CHECK(rapport_event_set_text(e, RAPPORT_EVENT_TIME_ZONE, S("Europe/Lisbon")) == RAPPORT_OK);
  CHECK(rapport_event_set_times(e, 100, 50) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_event(b, e) == RAPPORT_EINVAL);
  CHECK(rapport_event_set_times(e, 50, 100) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_event(b, e) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_event(b, e) == RAPPORT_EINVAL); /* duplicate id */
  CHECK(strstr(rapport_last_error(), "e") != NULL);
  CHECK(rapport_challenge_set_text(live[H_CHALLENGE], 3, S("x")) == RAPPORT_EINVAL);
  CHECK(rapport_challenge_add_text(live[H_CHALLENGE], 2, S("x")) == RAPPORT_EINVAL);
  CHECK(rapport_directory_builder_new(NULL) == RAPPORT_EINVAL);
  CHECK(rapport_directory_builder_build(b, NULL) == RAPPORT_EINVAL);
  rapport_directory_builder_free(b);
  rapport_event_free(e);
}

static void test_builder_errors(void) {
  rapport_directory_builder *b = NULL;
  rapport_contact *c = NULL;
  rapport_directory *dir = NULL;
  size_t n = 9;
  CHECK(rapport_directory_builder_new(&b) == RAPPORT_OK);
  CHECK(rapport_contact_new(NULL, 0, &c) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_contact(b, c) == RAPPORT_EINVAL); /* empty id */
  CHECK(rapport_last_error()[0] != '\0');
  CHECK(rapport_contact_set_text(c, RAPPORT_CONTACT_ID, S("z")) == RAPPORT_OK);
  CHECK(rapport_directory_builder_add_contact(b, c) == RAPPORT_OK);
  CHECK(rapport_last_error()[0] == '\0');
  CHECK(rapport_directory_builder_add_contact(b, c) == RAPPORT_EINVAL); /* duplicate */
  CHECK(strstr(rapport_last_error(), "z") != NULL);
  CHECK(rapport_directory_builder_build(b, &dir) == RAPPORT_OK);
  CHECK(rapport_directory_contact_count(dir, &n) == RAPPORT_OK && n == 1);
  rapport_directory_free(dir);
  /* the builder was emptied and stays usable */
  CHECK(rapport_directory_builder_build(b, &dir) == RAPPORT_OK);
  CHECK(rapport_directory_contact_count(dir, &n) == RAPPORT_OK && n == 0);
  rapport_directory_free(dir);
  rapport_directory_builder_free(b);
  rapport_contact_free(c);
}

static void test_directory(void) {
  rapport_directory *dir = live[H_DIRECTORY];
  size_t n = 0;
  int st = 0;
  rapport_str s;
  rapport_contact *c = NULL;
  CHECK(rapport_directory_contact_count(dir, &n) == RAPPORT_OK && n == 4);
  CHECK(rapport_directory_contact_id(dir, 0, &s) == RAPPORT_OK && str_eq(s, "anna"));
  CHECK(rapport_directory_contact_id(dir, 4, &s) == RAPPORT_EINVAL);
  /* the fair's venue resolves to no place, dora's event is unknown: two warnings */
  CHECK(rapport_directory_warning_count(dir, &n) == RAPPORT_OK && n == 2);
  CHECK(rapport_directory_warning(dir, 1, &st, &s) == RAPPORT_OK);
  CHECK(st == RAPPORT_ENOTFOUND);
  CHECK(s.data != NULL && strstr(s.data, "no-such-event") != NULL);
  CHECK(rapport_directory_warning(dir, 0, NULL, NULL) == RAPPORT_OK);
  CHECK(rapport_directory_warning(dir, 2, &st, &s) == RAPPORT_EINVAL);
  CHECK(rapport_directory_find_contact(dir, S("anna"), &c) == RAPPORT_OK);
  CHECK(rapport_contact_get_text(c, RAPPORT_CONTACT_NAME_GIVEN, &s) == RAPPORT_OK && str_eq(s, "Anna"));
  rapport_contact_free(c);
  c = (rapport_contact *)1;
  CHECK(rapport_directory_find_contact(dir, S("nobody"), &c) == RAPPORT_ENOTFOUND && c == NULL);
  CHECK(rapport_directory_find_contact(dir, S("anna"), NULL) == RAPPORT_EINVAL);
  CHECK(rapport_directory_contact_count(dir, NULL) == RAPPORT_EINVAL);
}

static void test_discovery(void) {
  rapport_contexts *x = live[H_CONTEXTS];
  size_t n = 0, k;
  int kind = -1, side = -1;
  double strength = 0;
  rapport_str name, value, record, field;
  rapport_discover_options o;

  CHECK(rapport_contexts_count(x, &n) == RAPPORT_OK && n == 3);
  CHECK(rapport_contexts_kind(x, 0, &kind) == RAPPORT_OK && kind == RAPPORT_CONTEXT_EVENT);
  CHECK(rapport_contexts_strength(x, 0, &strength) == RAPPORT_OK && strength > 0.99 && strength <= 1.0);
  CHECK(rapport_contexts_situation(x, 0, &value) == RAPPORT_OK && str_eq(value, "event/both-exhibiting/upcoming"));
  CHECK(rapport_contexts_fact_find(x, 0, S("days_until"), &value) == RAPPORT_OK && str_eq(value, "37"));
  CHECK(rapport_contexts_fact_find(x, 0, S("event_name"), &value) == RAPPORT_OK && str_eq(value, "bauma"));
  CHECK(rapport_contexts_fact_find(x, 0, S("school"), &value) == RAPPORT_ENOTFOUND);
  CHECK(rapport_contexts_fact_count(x, 0, &n) == RAPPORT_OK && n == 7);
  CHECK(rapport_contexts_fact(x, 0, 0, &name, &value) == RAPPORT_OK && str_eq(name, "event_id") && str_eq(value, "bauma-2026"));
  CHECK(rapport_contexts_fact(x, 0, 7, &name, &value) == RAPPORT_EINVAL);
  CHECK(rapport_contexts_fact(x, 0, 0, NULL, NULL) == RAPPORT_OK);
  CHECK(rapport_contexts_kind(x, 1, &kind) == RAPPORT_OK && kind == RAPPORT_CONTEXT_SAME_CITY);
  CHECK(rapport_contexts_fact_find(x, 1, S("place"), &value) == RAPPORT_OK && value.len > 0);
  CHECK(rapport_contexts_kind(x, 2, &kind) == RAPPORT_OK && kind == RAPPORT_CONTEXT_TOPIC);
  CHECK(rapport_contexts_kind(x, 3, &kind) == RAPPORT_EINVAL);
  CHECK(strstr(rapport_last_error(), "out of range") != NULL);
  CHECK(rapport_contexts_kind(x, (size_t)-1, &kind) == RAPPORT_EINVAL);
  CHECK(rapport_contexts_kind(x, 0, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_contexts_evidence_count(x, 0, &n) == RAPPORT_OK && n >= 2);
  for (k = 0; k < n; ++k) {
    CHECK(rapport_contexts_evidence(x, 0, k, &side, &record, &field, &value) == RAPPORT_OK);
    CHECK(side >= RAPPORT_SIDE_SENDER && side <= RAPPORT_SIDE_SHARED && record.len > 0 && field.len > 0);
  }
  CHECK(rapport_contexts_evidence(x, 0, n, &side, NULL, NULL, NULL) == RAPPORT_EINVAL);

  /* discover without preparing: the same contexts */
  {
    rapport_contact *me = live[H_CONTACT];
    rapport_contexts *y = NULL;
    CHECK(rapport_discover(live[H_DIRECTORY], me, anna, FIXTURE_NOW, NULL, &y) == RAPPORT_OK);
    CHECK(rapport_contexts_count(y, &n) == RAPPORT_OK && n == 3);
    rapport_contexts_free(y);
    /* options: size checked, min_strength in [0,1] */
    rapport_discover_options_init(&o);
    o.min_strength = 0.6;
    CHECK(rapport_discover(live[H_DIRECTORY], me, anna, FIXTURE_NOW, &o, &y) == RAPPORT_OK);
    CHECK(rapport_contexts_count(y, &n) == RAPPORT_OK && n == 1);
    rapport_contexts_free(y);
    o.min_strength = 2.0;
    CHECK(rapport_discover(live[H_DIRECTORY], me, anna, FIXTURE_NOW, &o, &y) == RAPPORT_EINVAL);
    rapport_discover_options_init(&o);
    o.size = 1;
    CHECK(rapport_discover(live[H_DIRECTORY], me, anna, FIXTURE_NOW, &o, &y) == RAPPORT_EINVAL && y == NULL);
    CHECK(rapport_discover(live[H_DIRECTORY], me, anna, FIXTURE_NOW, NULL, NULL) == RAPPORT_EINVAL);
    /* sender and recipient the same contact */
    CHECK(rapport_discover(live[H_DIRECTORY], me, me, FIXTURE_NOW, NULL, &y) == RAPPORT_EINVAL);
    CHECK(rapport_sender_discover_id(live[H_SENDER], S("me"), FIXTURE_NOW, NULL, &y) == RAPPORT_EINVAL);
    /* the challenge context: carl works in Automotive */
    CHECK(rapport_sender_discover_id(live[H_SENDER], S("carl"), FIXTURE_NOW, NULL, &y) == RAPPORT_OK);
    CHECK(rapport_contexts_kind(y, 0, &kind) == RAPPORT_OK && kind == RAPPORT_CONTEXT_CHALLENGE);
    CHECK(rapport_contexts_fact_find(y, 0, S("offer_id"), &value) == RAPPORT_OK && str_eq(value, "passport"));
    rapport_contexts_free(y);
    rapport_discover_options_init(NULL);
  }
}

static void test_ranking(void) {
  rapport_results *r = NULL;
  const rapport_contexts *best = NULL;
  rapport_rank_filter f;
  rapport_str s;
  size_t n = 0;
  int kind;

  CHECK(rapport_results_count(live[H_RESULTS], &n) == RAPPORT_OK && n == 2);
  CHECK(rapport_results_recipient(live[H_RESULTS], 0, &s) == RAPPORT_OK && str_eq(s, "anna"));
  CHECK(rapport_results_recipient(live[H_RESULTS], 1, &s) == RAPPORT_OK && str_eq(s, "carl"));
  CHECK(rapport_results_recipient(live[H_RESULTS], 2, &s) == RAPPORT_EINVAL);
  CHECK(rapport_results_contexts(live[H_RESULTS], &best) == RAPPORT_OK);
  CHECK(rapport_contexts_kind(best, 1, &kind) == RAPPORT_OK && kind == RAPPORT_CONTEXT_CHALLENGE);

  rapport_rank_filter_init(&f);
  f.kinds = RAPPORT_KIND_BIT(RAPPORT_CONTEXT_CHALLENGE);
  CHECK(rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, 10, &f, NULL, &r) == RAPPORT_OK);
  CHECK(rapport_results_count(r, &n) == RAPPORT_OK && n == 1);
  rapport_results_free(r);
  rapport_rank_filter_init(&f);
  f.event_id = "bauma-2026";
  f.event_id_len = 10;
  CHECK(rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, 10, &f, NULL, &r) == RAPPORT_OK);
  CHECK(rapport_results_count(r, &n) == RAPPORT_OK && n == 1);
  rapport_results_free(r);
  f.event_id = "nope";
  f.event_id_len = 4;
  CHECK(rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, 10, &f, NULL, &r) == RAPPORT_ENOTFOUND && r == NULL);
  rapport_rank_filter_init(&f);
  f.kinds = 1u << 7;
  CHECK(rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, 10, &f, NULL, &r) == RAPPORT_EINVAL);
  rapport_rank_filter_init(&f);
  f.size = 0;
  CHECK(rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, 10, &f, NULL, &r) == RAPPORT_EINVAL);
  rapport_rank_filter_init(&f);
  f.min_strength = -1;
  CHECK(rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, 10, &f, NULL, &r) == RAPPORT_EINVAL);
  CHECK(rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, 0, NULL, NULL, &r) == RAPPORT_OK);
  CHECK(rapport_results_count(r, &n) == RAPPORT_OK && n == 0);
  rapport_results_free(r);
  CHECK(rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, (size_t)-1, NULL, NULL, &r) == RAPPORT_OK);
  rapport_results_free(r);
  CHECK(rapport_sender_rank(live[H_SENDER], FIXTURE_NOW, 1, NULL, NULL, NULL) == RAPPORT_EINVAL);
  rapport_rank_filter_init(NULL);
}

static int list_has(rapport_strings *l, const char *want) {
  size_t n = 0, k;
  rapport_str s;
  if (rapport_strings_count(l, &n) != RAPPORT_OK) return 0;
  for (k = 0; k < n; ++k)
    if (rapport_strings_get(l, k, &s) == RAPPORT_OK && str_eq(s, want)) return 1;
  return 0;
}

static void test_catalogs(void) {
  rapport_catalog *cat = live[H_CATALOG], *mine = NULL;
  rapport_strings *l = NULL;
  rapport_lookup *hit = NULL;
  rapport_str s;
  int fb = -1;
  char *out = NULL;
  size_t len = 0, n = 0;
  static const char po[] =
      "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      "msgctxt \"city/same-city/short/informal\"\nmsgid \"x\"\nmsgstr \"Yo {recipient_given_name}!\"\n";
  static const char broken[] = "msgctxt \"city/same-city/short/informal\"\nmsgid \"x\"\nmsgstr \"Yo {recipient_given_name\"\n";
  rapport_arg args[3] = {{S("recipient_given_name"), S("Anna")}, {S("sender_given_name"), S("Sam")}, {S("city_name"), S("Munich")}};

  CHECK(rapport_catalog_locales(cat, &l) == RAPPORT_OK && list_has(l, "en") && list_has(l, "de"));
  rapport_strings_free(l);
  CHECK(rapport_catalog_slots(cat, S("en"), &l) == RAPPORT_OK && list_has(l, "city/same-city/short/informal"));
  CHECK(rapport_strings_get(l, (size_t)-1, &s) == RAPPORT_EINVAL);
  CHECK(rapport_strings_get(l, 0, NULL) == RAPPORT_EINVAL);
  rapport_strings_free(l);
  CHECK(rapport_catalog_situations(&l) == RAPPORT_OK && list_has(l, "city/same-city"));
  rapport_strings_free(l);
  CHECK(rapport_catalog_situations(NULL) == RAPPORT_EINVAL);

  CHECK(rapport_catalog_lookup(cat, S("es-MX"), S("city/same-city/short/formal"), &hit) == RAPPORT_OK);
  CHECK(rapport_lookup_fallback(hit, &fb) == RAPPORT_OK && fb == 1);
  CHECK(rapport_lookup_get(hit, RAPPORT_LOOKUP_CATALOG_LOCALE, &s) == RAPPORT_OK && str_eq(s, "es"));
  CHECK(rapport_lookup_get(hit, RAPPORT_LOOKUP_REQUESTED_LOCALE, &s) == RAPPORT_OK && str_eq(s, "es-MX"));
  CHECK(rapport_lookup_get(hit, RAPPORT_LOOKUP_SOURCE, &s) == RAPPORT_OK && strstr(s.data, "es") != NULL);
  CHECK(rapport_lookup_get(hit, 5, &s) == RAPPORT_EINVAL);
  CHECK(rapport_lookup_tried(hit, &l) == RAPPORT_OK && list_has(l, "es-MX"));
  rapport_strings_free(l);
  rapport_lookup_free(hit);
  CHECK(rapport_catalog_lookup(cat, S("en"), S("no/such/slot"), &hit) == RAPPORT_ENOTFOUND && hit == NULL);

  CHECK(rapport_catalog_render(cat, S("en"), S("city/same-city/short/informal"), args, 3, &out, &len) == RAPPORT_OK);
  CHECK(out != NULL && strstr(out, "Hi Anna") != NULL && strstr(out, "Munich") != NULL && len == strlen(out));
  rapport_string_free(out);
  /* a required argument missing: never "Hi ," */
  CHECK(rapport_catalog_render(cat, S("en"), S("city/same-city/short/informal"), args + 1, 2, &out, &len) == RAPPORT_EINVAL);
  CHECK(out == NULL);
  CHECK(rapport_catalog_render(cat, S("en"), S("city/same-city/short/informal"), NULL, 3, &out, &len) == RAPPORT_EINVAL);
  args[0].name = "not_an_argument";
  args[0].name_len = 15;
  CHECK(rapport_catalog_render(cat, S("en"), S("city/same-city/short/informal"), args, 3, &out, &len) == RAPPORT_EINVAL);
  args[0].name = "mutual_count";
  args[0].name_len = 12;
  args[0].value = "three";
  args[0].value_len = 5;
  CHECK(rapport_catalog_render(cat, S("en"), S("city/same-city/short/informal"), args, 3, &out, &len) == RAPPORT_EINVAL);
  CHECK(strstr(rapport_last_error(), "number") != NULL);

  /* a user catalog from bytes */
  CHECK(rapport_catalog_add_bytes(cat, po, sizeof po - 1, S("mine.po"), S("en"), &mine) == RAPPORT_OK);
  args[0].name = "recipient_given_name";
  args[0].name_len = 20;
  args[0].value = "Anna";
  args[0].value_len = 4;
  CHECK(rapport_catalog_render(mine, S("en"), S("city/same-city/short/informal"), args, 1, &out, NULL) == RAPPORT_OK);
  CHECK(out != NULL && strcmp(out, "Yo Anna!") == 0);
  rapport_string_free(out);
  CHECK(rapport_catalog_lookup(mine, S("en"), S("city/same-city/short/informal"), &hit) == RAPPORT_OK);
  CHECK(rapport_lookup_get(hit, RAPPORT_LOOKUP_SOURCE, &s) == RAPPORT_OK && str_eq(s, "mine.po"));
  rapport_lookup_free(hit);
  rapport_catalog_free(mine);
  mine = NULL;
  CHECK(rapport_catalog_add_bytes(cat, broken, sizeof broken - 1, S("broken.po"), S("en"), &mine) == RAPPORT_EPARSE);
  CHECK(mine == NULL && strstr(rapport_last_error(), "broken.po") != NULL);
  CHECK(rapport_catalog_add_bytes(cat, NULL, 4, S("x"), S("en"), &mine) == RAPPORT_EINVAL);
  CHECK(rapport_catalog_add_bytes(cat, "x", SIZE_MAX, S("x"), S("en"), &mine) == RAPPORT_ELIMIT);
  CHECK(rapport_catalog_builtin(NULL) == RAPPORT_EINVAL);
  (void)n;
}

static void test_platforms(void) {
  rapport_strings *l = NULL;
  rapport_platform *p = live[H_PLATFORM], *c = NULL;
  size_t n = 0;
  int v = -1;
  rapport_str s;
  CHECK(rapport_platform_ids(&l) == RAPPORT_OK && list_has(l, "linkedin-connection-note") && list_has(l, "email"));
  rapport_strings_free(l);
  CHECK(rapport_platform_ids(NULL) == RAPPORT_EINVAL);
  CHECK(rapport_platform_get(p, RAPPORT_PLATFORM_ID, &s) == RAPPORT_OK && str_eq(s, "linkedin-connection-note"));
  CHECK(rapport_platform_get(p, 3, &s) == RAPPORT_EINVAL);
  CHECK(rapport_platform_limit(p, RAPPORT_FIELD_BODY, S("free"), &n) == RAPPORT_OK && n == 200);
  CHECK(rapport_platform_limit(p, RAPPORT_FIELD_BODY, S("premium"), &n) == RAPPORT_OK && n == 300);
  CHECK(rapport_platform_limit(p, RAPPORT_FIELD_BODY, S("gold"), &n) == RAPPORT_ENOTFOUND);
  CHECK(rapport_platform_limit(p, RAPPORT_FIELD_SUBJECT, NULL, 0, &n) == RAPPORT_ENOTFOUND);
  CHECK(rapport_platform_limit(p, 2, NULL, 0, &n) == RAPPORT_EINVAL);
  CHECK(rapport_platform_limit(p, RAPPORT_FIELD_BODY, NULL, 0, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_platform_tiers(p, &l) == RAPPORT_OK && list_has(l, "free") && list_has(l, "premium"));
  rapport_strings_free(l);
  CHECK(rapport_platform_unit(p, &v) == RAPPORT_OK && v >= RAPPORT_UNIT_GRAPHEMES && v <= RAPPORT_UNIT_X_WEIGHTED);
  CHECK(rapport_platform_custom(500, RAPPORT_UNIT_GRAPHEMES, RAPPORT_NO_LIMIT, &c) == RAPPORT_OK);
  CHECK(rapport_platform_limit(c, RAPPORT_FIELD_BODY, NULL, 0, &n) == RAPPORT_OK && n == 500);
  CHECK(rapport_platform_limit(c, RAPPORT_FIELD_SUBJECT, NULL, 0, &n) == RAPPORT_OK && n == RAPPORT_NO_LIMIT);
  CHECK(rapport_platform_confidence_of(c, &v) == RAPPORT_OK && v == RAPPORT_CONFIDENCE_USER);
  rapport_platform_free(c);
  c = NULL;
  CHECK(rapport_platform_custom(0, RAPPORT_UNIT_GRAPHEMES, RAPPORT_NO_LIMIT, &c) == RAPPORT_EINVAL && c == NULL);
  CHECK(rapport_platform_custom(10, 9, RAPPORT_NO_LIMIT, &c) == RAPPORT_EINVAL);
  CHECK(rapport_platform_custom(10, 0, RAPPORT_NO_LIMIT, NULL) == RAPPORT_EINVAL);
}

static void expect_json(const char *req, int status, const char *needle) {
  char *out = NULL;
  size_t len = 0;
  int st = rapport_json_call(req, strlen(req), &out, &len);
  if (st != status || out == NULL || strstr(out, needle) == NULL)
    fprintf(stderr, "json %s -> %d %s\n", req, st, out ? out : "(null)");
  CHECK(st == status);
  CHECK(out != NULL && strstr(out, needle) != NULL && len == strlen(out));
  rapport_string_free(out);
}

static void test_json(void) {
  expect_json("{\"op\":\"text.length\",\"text\":\"Zo\xC3\xAB\",\"unit\":\"utf16\"}", RAPPORT_OK, "\"length\":3");
  expect_json("{\"op\":\"text.truncate\",\"text\":\"Hello wonderful world\",\"limit\":10}", RAPPORT_OK, "\"truncated\":true");
  expect_json("{\"op\":\"platforms\"}", RAPPORT_OK, "linkedin-connection-note");
  expect_json("{\"op\":\"platforms\",\"id\":\"linkedin-connection-note\"}", RAPPORT_OK, "\"premium\":300");
  expect_json("{\"op\":\"catalog.slots\"}", RAPPORT_OK, "\"de\"");
  expect_json("{\"op\":\"catalog.slots\",\"locale\":\"fr\"}", RAPPORT_OK, "city/same-city/short/formal");
  expect_json("{\"op\":\"catalog.render\",\"locale\":\"en\",\"slot\":\"city/same-city/short/informal\","
              "\"args\":{\"recipient_given_name\":\"Anna\",\"sender_given_name\":\"Sam\",\"city_name\":\"Munich\"}}",
              RAPPORT_OK, "Hi Anna");
  expect_json("{\"op\":\"discover\",\"now\":1772366400,\"directory\":{"
              "\"events\":[{\"id\":\"bauma-2026\",\"name\":\"bauma\",\"first_day\":\"2026-04-07\",\"last_day\":\"2026-04-13\","
              "\"time_zone\":\"Europe/Berlin\"}],"
              "\"contacts\":[{\"id\":\"anna\",\"name\":{\"given\":\"Anna\",\"family\":\"Schmidt\"},"
              "\"events\":[{\"event_id\":\"bauma-2026\",\"role\":\"exhibitor\"}]}]},"
              "\"sender\":{\"id\":\"me\",\"events\":[{\"event_id\":\"bauma-2026\",\"role\":\"exhibitor\"}]},"
              "\"recipient_id\":\"anna\"}",
              RAPPORT_OK, "event/both-exhibiting/upcoming");
  expect_json("{\"op\":\"rank\",\"now\":1772366400,\"k\":5,\"directory\":{\"contacts\":[{\"id\":\"a\",\"topics\":[\"ceramics\"]},"
              "{\"id\":\"b\",\"topics\":[\"knitting\"]}]},\"sender\":{\"id\":\"me\",\"topics\":[\"Ceramics\"]}}",
              RAPPORT_OK, "\"recipient_id\":\"a\"");
  expect_json("{\"op\":\"rank\",\"directory\":{},\"sender\":{\"id\":\"me\"},\"filter\":{\"event_id\":\"x\"}}", RAPPORT_ENOTFOUND,
              "\"code\":\"ENOTFOUND\"");
  expect_json("{\"op\":\"fly\"}", RAPPORT_EINVAL, "unknown op");
  expect_json("[1,2]", RAPPORT_EINVAL, "\"ok\":false");
  expect_json("{\"op\":\"text.length\",\"text\":3}", RAPPORT_EINVAL, "must be a string");
  expect_json("{\"op\":\"discover\",\"directory\":{\"contacts\":[{\"id\":\"\"}]},\"sender\":{\"id\":\"me\"},\"recipient_id\":\"x\"}",
              RAPPORT_EINVAL, "directory.contacts[0]");
  expect_json("{\"op\":", RAPPORT_EPARSE, "\"code\":\"EPARSE\"");
  expect_json("", RAPPORT_EPARSE, "\"ok\":false");
  CHECK(rapport_json_call("{}", 2, NULL, NULL) == RAPPORT_EINVAL);
}

int main(void) {
  make_handles();
  test_contact_fields();
  test_event_fields();
  test_builder_errors();
  test_directory();
  test_discovery();
  test_ranking();
  test_catalogs();
  test_platforms();
  test_json();
  test_texts();
  test_handles();
  test_frees();
  free_handles();
  return check_summary();
}
