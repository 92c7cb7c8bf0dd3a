/* Plain C tests of batch composition (rapport_compose_all, the batch handle,
   its notes and its flat view) and of importing into a directory builder
   (files and bytes in every format, the report), each function also with
   NULL, the wrong handle type, a freed-looking handle, invalid UTF-8, zero
   and huge lengths. */
#include "capi_fixture.h"
#include "check.h"
#include <stdint.h>

static int str_eq(rapport_str s, const char *lit) { return s.data != NULL && s.len == strlen(lit) && memcmp(s.data, lit, s.len) == 0; }
static int has(const char *haystack, const char *needle) { return strstr(haystack, needle) != NULL; }

/* What a freed handle looks like to the library: its magic word cleared. */
static uint64_t freed_image[16];

/* ---- batch compose ---------------------------------------------------------------- */

static void test_batch_all_contacts(rapport_directory *dir, rapport_contact *me) {
  rapport_batch *batch = NULL;
  rapport_batch_view v;
  size_t n = 0, contacts = 0, i, notes = 0, refusals = 0;
  CHECK(rapport_directory_contact_count(dir, &contacts) == RAPPORT_OK);
  CHECK(rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 2, &batch) == RAPPORT_OK && batch != NULL);
  CHECK(rapport_batch_count(batch, &n) == RAPPORT_OK && n == contacts - 1); /* every contact but the sender */

  rapport_batch_view_init(&v);
  CHECK(v.size == sizeof v && v.count == 0 && v.texts == NULL);
  CHECK(rapport_batch_view_get(batch, &v) == RAPPORT_OK);
  CHECK(v.count == n && v.text_offsets[0] == 0 && v.text_offsets[n] == v.texts_len);
  CHECK(v.recipient_id_offsets[0] == 0 && v.recipient_id_offsets[n] == v.recipient_ids_len);
  for (i = 0; i < n; ++i) {
    int status = -100;
    rapport_str id, message, text;
    const rapport_note *note = NULL;
    const char *t = v.texts + v.text_offsets[i];
    const size_t tlen = v.text_offsets[i + 1] - v.text_offsets[i] - 1;
    CHECK(t[tlen] == '\0' && strlen(t) == tlen);
    CHECK(rapport_batch_item(batch, i, &status, &id, &message) == RAPPORT_OK);
    CHECK(status == v.statuses[i]);
    CHECK(id.len == v.recipient_id_offsets[i + 1] - v.recipient_id_offsets[i] - 1 &&
          memcmp(id.data, v.recipient_ids + v.recipient_id_offsets[i], id.len) == 0);
    CHECK(!(id.len == 2 && memcmp(id.data, "me", 2) == 0));
    CHECK(rapport_batch_note(batch, i, &note) == RAPPORT_OK && note != NULL);
    /* the note is read with the rapport_note_* functions: the same text */
    CHECK(rapport_note_text(note, &text) == RAPPORT_OK && text.len == tlen && memcmp(text.data, t, tlen) == 0);
    if (status == RAPPORT_OK) {
      ++notes;
      CHECK(tlen > 0 && message.len == 0);
    } else {
      size_t hw = 0;
      ++refusals;
      CHECK(status == RAPPORT_ENOCONTEXT && tlen == 0 && message.len > 0);
      CHECK(rapport_note_homework_count(note, &hw) == RAPPORT_OK && hw > 0);
    }
  }
  CHECK(notes > 0 && refusals > 0); /* dora has nothing in common with the sender */

  /* anna's note equals a single rapport_compose */
  {
    rapport_contact *anna = NULL;
    rapport_note *single = NULL;
    rapport_str a, b, slot;
    const rapport_note *in_batch = NULL;
    const rapport_contexts *ctx = NULL;
    size_t k = 0;
    for (i = 0; i < n; ++i)
      if (strcmp(v.recipient_ids + v.recipient_id_offsets[i], "anna") == 0) break;
    CHECK(i < n);
    CHECK(rapport_directory_find_contact(dir, S("anna"), &anna) == RAPPORT_OK);
    CHECK(rapport_compose(dir, me, anna, FIXTURE_NOW, NULL, &single) == RAPPORT_OK);
    CHECK(rapport_batch_note(batch, i, &in_batch) == RAPPORT_OK);
    CHECK(rapport_note_text(single, &a) == RAPPORT_OK && rapport_note_text(in_batch, &b) == RAPPORT_OK);
    CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
    CHECK(rapport_note_slot(in_batch, &slot) == RAPPORT_OK && slot.len > 0);
    CHECK(rapport_note_contexts(in_batch, &ctx) == RAPPORT_OK && rapport_contexts_count(ctx, &k) == RAPPORT_OK && k > 0);
    /* borrowed: rapport_note_free and rapport_contexts_free ignore them */
    rapport_note_free((rapport_note *)in_batch);
    rapport_contexts_free((rapport_contexts *)ctx);
    CHECK(rapport_note_text(in_batch, &b) == RAPPORT_OK && b.len == a.len);
    CHECK(rapport_contexts_count(ctx, &k) == RAPPORT_OK);
    rapport_note_free(single);
    rapport_contact_free(anna);
  }

  /* the fixture's 400 generated contacts get near-identical notes: a batch warning */
  {
    size_t w = 0, cnt = 0;
    rapport_str code, slot, message;
    CHECK(rapport_batch_warning_count(batch, &w) == RAPPORT_OK && w > 0);
    CHECK(rapport_batch_warning(batch, 0, &code, &slot, &cnt, &message) == RAPPORT_OK);
    CHECK(str_eq(code, "near_duplicates") && slot.len > 0 && cnt > 5 && message.len > 0);
    CHECK(rapport_batch_warning(batch, 0, NULL, NULL, NULL, NULL) == RAPPORT_OK);
    CHECK(rapport_batch_warning(batch, w, &code, &slot, &cnt, &message) == RAPPORT_EINVAL);
  }

  /* one thread gives the same texts as two */
  {
    rapport_batch *one = NULL;
    rapport_batch_view w;
    rapport_batch_view_init(&w);
    CHECK(rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 1, &one) == RAPPORT_OK);
    CHECK(rapport_batch_view_get(one, &w) == RAPPORT_OK);
    CHECK(w.count == v.count && w.texts_len == v.texts_len && memcmp(w.texts, v.texts, v.texts_len) == 0);
    CHECK(memcmp(w.statuses, v.statuses, n * sizeof(int)) == 0);
    rapport_batch_free(one);
  }
  rapport_batch_free(batch);
}

static void test_batch_ids(rapport_directory *dir, rapport_contact *me) {
  const char *ids[] = {"carl", "nobody", "anna", "", "dora"};
  const size_t lens[] = {4, 6, 4, 0, 4};
  rapport_batch *batch = NULL;
  rapport_batch_view v;
  const rapport_note *note = (const rapport_note *)1;
  rapport_str id, message;
  int status = 0;
  size_t n = 0;
  rapport_compose_options o;

  rapport_compose_options_init(&o);
  o.locale = "en";
  o.locale_len = 2;
  CHECK(rapport_compose_all(dir, me, ids, lens, 5, FIXTURE_NOW, &o, 0, &batch) == RAPPORT_OK);
  CHECK(rapport_batch_count(batch, &n) == RAPPORT_OK && n == 5);
  rapport_batch_view_init(&v);
  CHECK(rapport_batch_view_get(batch, &v) == RAPPORT_OK);
  /* input order; an unknown or empty id fails that item only */
  CHECK(strcmp(v.recipient_ids + v.recipient_id_offsets[0], "carl") == 0);
  CHECK(strcmp(v.recipient_ids + v.recipient_id_offsets[2], "anna") == 0 && v.statuses[2] == RAPPORT_OK);
  CHECK(v.statuses[1] == RAPPORT_ENOTFOUND && v.statuses[3] == RAPPORT_ENOTFOUND);
  CHECK(v.statuses[4] == RAPPORT_ENOCONTEXT);
  CHECK(v.text_offsets[2] - v.text_offsets[1] == 1); /* a failed item has an empty text */
  CHECK(rapport_batch_item(batch, 1, &status, &id, &message) == RAPPORT_OK);
  CHECK(status == RAPPORT_ENOTFOUND && str_eq(id, "nobody") && has(message.data, "nobody"));
  CHECK(rapport_batch_note(batch, 1, &note) == RAPPORT_ENOTFOUND && note == NULL);
  CHECK(has(rapport_last_error(), "item 1") && has(rapport_last_error(), "nobody"));
  CHECK(rapport_batch_note(batch, 2, &note) == RAPPORT_OK && note != NULL);
  CHECK(rapport_batch_item(batch, 2, NULL, NULL, NULL) == RAPPORT_OK);
  CHECK(rapport_batch_item(batch, 5, &status, &id, &message) == RAPPORT_EINVAL);
  CHECK(rapport_batch_note(batch, 5, &note) == RAPPORT_EINVAL);
  rapport_batch_free(batch);

  /* a non-NULL empty list: an empty batch */
  batch = NULL;
  CHECK(rapport_compose_all(dir, me, ids, lens, 0, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_OK);
  CHECK(rapport_batch_count(batch, &n) == RAPPORT_OK && n == 0);
  rapport_batch_view_init(&v);
  CHECK(rapport_batch_view_get(batch, &v) == RAPPORT_OK && v.count == 0 && v.texts_len == 0 && v.text_offsets[0] == 0);
  CHECK(v.texts != NULL && v.recipient_ids != NULL);
  rapport_batch_free(batch);
}

static void test_batch_bad_input(rapport_directory *dir, rapport_contact *me) {
  const char *bad_utf8[] = {"anna", "ca\xffl"};
  const size_t bad_lens[] = {4, 4};
  const char *null_id[] = {"anna", NULL};
  const size_t huge[] = {4, SIZE_MAX};
  rapport_batch *batch = (rapport_batch *)1;
  rapport_compose_options o;
  rapport_batch_view v;
  size_t n = 0;

  CHECK(rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 0, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_compose_all(NULL, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_EINVAL && batch == NULL);
  CHECK(rapport_compose_all(dir, NULL, NULL, NULL, 0, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_EINVAL);
  CHECK(rapport_compose_all((const rapport_directory *)me, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_EINVAL);
  CHECK(has(rapport_last_error(), "wrong handle type"));
  CHECK(rapport_compose_all(dir, (const rapport_contact *)dir, NULL, NULL, 0, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_EINVAL);
  CHECK(rapport_compose_all((const rapport_directory *)freed_image, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_EINVAL);
  CHECK(has(rapport_last_error(), "freed"));
  CHECK(rapport_compose_all(dir, me, NULL, bad_lens, 2, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_EINVAL);
  CHECK(rapport_compose_all(dir, me, bad_utf8, NULL, 2, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_EINVAL);
  CHECK(rapport_compose_all(dir, me, bad_utf8, bad_lens, 2, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_EUTF8 && batch == NULL);
  CHECK(rapport_last_error_offset() == 2 && has(rapport_last_error(), "recipient_ids[1]"));
  CHECK(rapport_compose_all(dir, me, null_id, bad_lens, 2, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_EINVAL);
  CHECK(rapport_compose_all(dir, me, bad_utf8, huge, 2, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_ELIMIT);
  rapport_compose_options_init(&o);
  o.size = 1;
  CHECK(rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, &o, 0, &batch) == RAPPORT_EINVAL);
  rapport_compose_options_init(&o);
  o.platform = "carrier-pigeon";
  o.platform_len = strlen(o.platform);
  CHECK(rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, &o, 0, &batch) == RAPPORT_ENOTFOUND);
  rapport_compose_options_init(&o);
  o.locale = "d\xff";
  o.locale_len = 2;
  CHECK(rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, &o, 0, &batch) == RAPPORT_EUTF8 && rapport_last_error_offset() == 1);

  /* accessors: NULL, wrong type, freed-looking handle, NULL outs, sizes */
  CHECK(rapport_compose_all(dir, me, NULL, NULL, 0, FIXTURE_NOW, NULL, 0, &batch) == RAPPORT_OK);
  {
    const void *wrong[] = {NULL, dir, freed_image};
    const rapport_note *note = NULL;
    rapport_str s;
    int i;
    for (i = 0; i < 3; ++i) {
      const rapport_batch *b = wrong[i];
      rapport_batch_view_init(&v);
      CHECK(rapport_batch_count(b, &n) == RAPPORT_EINVAL);
      CHECK(rapport_batch_item(b, 0, NULL, &s, &s) == RAPPORT_EINVAL);
      CHECK(rapport_batch_note(b, 0, &note) == RAPPORT_EINVAL);
      CHECK(rapport_batch_view_get(b, &v) == RAPPORT_EINVAL);
      CHECK(rapport_batch_warning_count(b, &n) == RAPPORT_EINVAL);
      CHECK(rapport_batch_warning(b, 0, &s, &s, &n, &s) == RAPPORT_EINVAL);
    }
    CHECK(rapport_batch_count(batch, NULL) == RAPPORT_EINVAL);
    CHECK(rapport_batch_note(batch, 0, NULL) == RAPPORT_EINVAL);
    CHECK(rapport_batch_view_get(batch, NULL) == RAPPORT_EINVAL);
    CHECK(rapport_batch_warning_count(batch, NULL) == RAPPORT_EINVAL);
    rapport_batch_view_init(&v);
    v.size = 8;
    CHECK(rapport_batch_view_get(batch, &v) == RAPPORT_EINVAL && has(rapport_last_error(), "rapport_batch_view_init"));
    /* a batch note is not a batch, a batch is not a note */
    CHECK(rapport_batch_note(batch, 0, &note) == RAPPORT_OK);
    CHECK(rapport_batch_count((const rapport_batch *)note, &n) == RAPPORT_EINVAL);
    CHECK(rapport_note_text((const rapport_note *)batch, &s) == RAPPORT_EINVAL);
  }
  rapport_batch_view_init(NULL);
  rapport_batch_free(NULL);
  rapport_batch_free((rapport_batch *)dir); /* another type: ignored */
  rapport_batch_free((rapport_batch *)freed_image);
  rapport_batch_free(batch);
}

/* ---- import ------------------------------------------------------------------------ */

static const char linkedin[] =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Anna,Schmidt,https://www.linkedin.com/in/anna-schmidt-4711,,Siemens AG,Head of Procurement,07 Feb 2023\n"
    ",,,,,,\n"
    "Bo,Berg,,bo@example.org,ACME,CTO,someday\n";

static const char generic[] = "Name;Mail;City\nEve Adams;eve@example.org;Lisbon\nFrank Ocean;frank@example.org;Berlin\n";

static const char vcard[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Diaz;Carla;;;\r\nFN:Carla Diaz\r\nEMAIL:carla@example.org\r\n"
    "ORG:Globex\r\nEND:VCARD\r\n";

static const char ical[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:hm-2026\r\nSUMMARY:Hannover Messe\r\n"
    "DTSTART;VALUE=DATE:20260420\r\nDTEND;VALUE=DATE:20260425\r\nLOCATION:Hannover\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

static const char json[] =
    "{\"format\": \"rapport\", \"version\": 1, \"contacts\": ["
    "{\"id\": \"x1\", \"name\": {\"given\": \"Xia\", \"family\": \"Li\"}},"
    "{\"id\": \"x2\", \"name\": 42}]}";

static void counts(const rapport_import_report *r, size_t *imported, size_t *skipped, size_t *repaired) {
  size_t not_kept = 99;
  CHECK(rapport_import_report_counts(r, imported, skipped, repaired, &not_kept) == RAPPORT_OK && not_kept == 0);
}

static void test_import_formats(void) {
  rapport_directory_builder *b = NULL;
  rapport_directory *dir = NULL;
  rapport_import_report *r = NULL;
  rapport_import_options o;
  rapport_import_problem p;
  rapport_csv_mapping m;
  rapport_csv_column cols[3];
  size_t imported = 0, skipped = 0, repaired = 0, problems = 0, n = 0;
  rapport_contact *c = NULL;
  rapport_str s;

  CHECK(rapport_directory_builder_new(&b) == RAPPORT_OK);
  rapport_import_options_init(&o);
  CHECK(o.size == sizeof o && o.mode == RAPPORT_IMPORT_LENIENT && o.limits == NULL);
  o.file_name = "Connections.csv";
  o.file_name_len = strlen(o.file_name);

  /* LinkedIn: two people, a row with nothing is skipped, a bad date repaired */
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_LINKEDIN_CSV, S(linkedin), &o, NULL, &r) == RAPPORT_OK);
  counts(r, &imported, &skipped, &repaired);
  CHECK(imported == 2 && skipped == 1 && repaired == 1);
  CHECK(rapport_import_report_problem_count(r, &problems) == RAPPORT_OK && problems == 2);
  rapport_import_problem_init(&p);
  CHECK(p.size == sizeof p);
  CHECK(rapport_import_report_problem(r, 0, &p) == RAPPORT_OK);
  CHECK(str_eq(p.file, "Connections.csv") && p.line == 3 && p.record == 1 && p.action == RAPPORT_PROBLEM_SKIPPED);
  CHECK(p.message.len > 0 && has(p.display.data, "Connections.csv:3") && has(p.display.data, "(skipped)"));
  CHECK(rapport_import_report_problem(r, 1, &p) == RAPPORT_OK);
  CHECK(p.line == 4 && p.record == 2 && p.action == RAPPORT_PROBLEM_REPAIRED && str_eq(p.field, "Connected On"));
  CHECK(p.status == RAPPORT_EPARSE || p.status == RAPPORT_EINVAL);
  CHECK(rapport_import_report_problem(r, 2, &p) == RAPPORT_EINVAL);
  rapport_import_report_free(r);

  /* generic CSV with a mapping and another delimiter */
  rapport_csv_mapping_init(&m);
  CHECK(m.size == sizeof m && m.delimiter == ',' && m.column_count == 0);
  cols[0].header = "Name", cols[0].header_len = 4, cols[0].field = RAPPORT_CSV_FULL_NAME;
  cols[1].header = "Mail", cols[1].header_len = 4, cols[1].field = RAPPORT_CSV_EMAIL;
  cols[2].header = "City", cols[2].header_len = 4, cols[2].field = RAPPORT_CSV_LOCATION;
  m.columns = cols, m.column_count = 3, m.delimiter = ';';
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_CSV, S(generic), NULL, &m, &r) == RAPPORT_OK);
  counts(r, &imported, &skipped, &repaired);
  CHECK(imported == 2 && skipped == 0 && repaired == 0);
  CHECK(rapport_import_report_problem_count(r, &problems) == RAPPORT_OK && problems == 0);
  rapport_import_report_free(r);

  /* vCard, iCalendar, JSON (one record with a wrong-typed name is skipped) */
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_VCARD, S(vcard), NULL, NULL, &r) == RAPPORT_OK);
  counts(r, &imported, &skipped, &repaired);
  CHECK(imported == 1 && skipped == 0);
  rapport_import_report_free(r);
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_ICALENDAR, S(ical), NULL, NULL, &r) == RAPPORT_OK);
  counts(r, &imported, &skipped, &repaired);
  CHECK(imported == 1 && skipped == 0);
  rapport_import_report_free(r);
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, S(json), NULL, NULL, &r) == RAPPORT_OK);
  counts(r, &imported, &skipped, &repaired);
  CHECK(imported == 1 && skipped == 1);
  CHECK(rapport_import_report_problem(r, 0, &p) == RAPPORT_OK && has(p.field.data, "contacts[1]"));
  CHECK(p.action == RAPPORT_PROBLEM_SKIPPED);
  rapport_import_report_free(r);

  /* from files */
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_LINKEDIN_CSV, S(RAPPORT_FIXTURES "/import/linkedin_old.csv"),
                                              NULL, NULL, &r) == RAPPORT_OK);
  counts(r, &imported, &skipped, &repaired);
  CHECK(imported == 3);
  rapport_import_report_free(r);
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_VCARD, S(RAPPORT_FIXTURES "/import/outlook_utf16.vcf"),
                                              NULL, NULL, &r) == RAPPORT_OK);
  counts(r, &imported, &skipped, &repaired);
  CHECK(imported >= 1);
  rapport_import_report_free(r);
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_ICALENDAR, S(RAPPORT_FIXTURES "/import/events.ics"),
                                              NULL, NULL, &r) == RAPPORT_OK);
  counts(r, &imported, &skipped, &repaired);
  CHECK(imported >= 1);
  CHECK(rapport_import_report_problem_count(r, &problems) == RAPPORT_OK);
  if (problems > 0) {
    CHECK(rapport_import_report_problem(r, 0, &p) == RAPPORT_OK && has(p.file.data, "events.ics"));
  }
  rapport_import_report_free(r);

  /* what was imported is in the directory */
  CHECK(rapport_directory_builder_build(b, &dir) == RAPPORT_OK);
  CHECK(rapport_directory_contact_count(dir, &n) == RAPPORT_OK && n >= 9);
  CHECK(rapport_directory_find_contact(dir, S("linkedin:anna-schmidt-4711"), &c) == RAPPORT_OK);
  CHECK(rapport_contact_get_text(c, RAPPORT_CONTACT_NAME_GIVEN, &s) == RAPPORT_OK && str_eq(s, "Anna"));
  rapport_contact_free(c);
  CHECK(rapport_directory_find_contact(dir, S("email:eve@example.org"), &c) == RAPPORT_OK);
  CHECK(rapport_contact_get_text(c, RAPPORT_CONTACT_LOCATION, &s) == RAPPORT_OK && str_eq(s, "Lisbon"));
  rapport_contact_free(c);
  CHECK(rapport_directory_find_contact(dir, S("x1"), &c) == RAPPORT_OK);
  rapport_contact_free(c);
  rapport_directory_free(dir);
  rapport_directory_builder_free(b);
}

static void test_import_bad_input(void) {
  rapport_directory_builder *b = NULL;
  rapport_import_report *r = (rapport_import_report *)1;
  rapport_import_options o;
  rapport_import_limits l;
  rapport_import_problem p;
  rapport_csv_mapping m;
  rapport_csv_column col;
  size_t n = 0;

  CHECK(rapport_directory_builder_new(&b) == RAPPORT_OK);
  /* handles and out */
  CHECK(rapport_directory_builder_import_bytes(NULL, RAPPORT_IMPORT_JSON, S(json), NULL, NULL, &r) == RAPPORT_EINVAL && r == NULL);
  CHECK(rapport_directory_builder_import_bytes((rapport_directory_builder *)freed_image, RAPPORT_IMPORT_JSON, S(json), NULL, NULL, &r) == RAPPORT_EINVAL);
  CHECK(has(rapport_last_error(), "freed"));
  CHECK(rapport_directory_builder_import_file(NULL, RAPPORT_IMPORT_JSON, S("x.json"), NULL, NULL, &r) == RAPPORT_EINVAL);
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, S(json), NULL, NULL, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_JSON, S("x.json"), NULL, NULL, NULL) == RAPPORT_EINVAL);
  /* formats */
  CHECK(rapport_directory_builder_import_bytes(b, 5, S(json), NULL, NULL, &r) == RAPPORT_EINVAL);
  CHECK(rapport_directory_builder_import_bytes(b, -1, S(json), NULL, NULL, &r) == RAPPORT_EINVAL);
  /* bytes: NULL with a length, nothing, a huge length (refused before reading), over a limit */
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, NULL, 4, NULL, NULL, &r) == RAPPORT_EINVAL);
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, NULL, 0, NULL, NULL, &r) == RAPPORT_EPARSE && r == NULL);
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_LINKEDIN_CSV, NULL, 0, NULL, NULL, &r) == RAPPORT_EPARSE);
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, "{", SIZE_MAX, NULL, NULL, &r) == RAPPORT_ELIMIT);
  rapport_import_limits_init(&l);
  CHECK(l.size == sizeof l && l.max_file_bytes == ((size_t)2 << 30) && l.max_depth == 32 && l.max_problems == 10000);
  l.max_file_bytes = 10;
  rapport_import_options_init(&o);
  o.limits = &l;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, S(json), &o, NULL, &r) == RAPPORT_ELIMIT);
  rapport_import_limits_init(&l);
  l.max_records = 1;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_LINKEDIN_CSV, S(linkedin), &o, NULL, &r) == RAPPORT_ELIMIT);
  l.size = 3;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, S(json), &o, NULL, &r) == RAPPORT_EINVAL);
  CHECK(has(rapport_last_error(), "rapport_import_limits_init"));
  /* options: size, mode, file name */
  rapport_import_options_init(&o);
  o.size = 1;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, S(json), &o, NULL, &r) == RAPPORT_EINVAL);
  rapport_import_options_init(&o);
  o.mode = 2;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, S(json), &o, NULL, &r) == RAPPORT_EINVAL);
  rapport_import_options_init(&o);
  o.file_name = "a\xc3";
  o.file_name_len = 2;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, S(json), &o, NULL, &r) == RAPPORT_EUTF8);
  CHECK(rapport_last_error_offset() == 1);
  o.file_name = NULL;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, S(json), &o, NULL, &r) == RAPPORT_EINVAL);
  o.file_name_len = SIZE_MAX;
  o.file_name = "x";
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_JSON, S(json), &o, NULL, &r) == RAPPORT_ELIMIT);
  /* strict mode fails on the first problem */
  rapport_import_options_init(&o);
  o.mode = RAPPORT_IMPORT_STRICT;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_LINKEDIN_CSV, S(linkedin), &o, NULL, &r) != RAPPORT_OK && r == NULL);
  CHECK(strlen(rapport_last_error()) > 0);
  /* mappings */
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_CSV, S(generic), NULL, NULL, &r) == RAPPORT_EINVAL);
  rapport_csv_mapping_init(&m);
  m.size = 2;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_CSV, S(generic), NULL, &m, &r) == RAPPORT_EINVAL);
  rapport_csv_mapping_init(&m);
  m.column_count = 1;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_CSV, S(generic), NULL, &m, &r) == RAPPORT_EINVAL);
  col.header = "Na\xffme", col.header_len = 5, col.field = RAPPORT_CSV_FULL_NAME;
  m.columns = &col, m.delimiter = ';';
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_CSV, S(generic), NULL, &m, &r) == RAPPORT_EUTF8);
  CHECK(rapport_last_error_offset() == 2 && has(rapport_last_error(), "columns[0].header"));
  col.header = "Name", col.header_len = 4, col.field = 99;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_CSV, S(generic), NULL, &m, &r) == RAPPORT_EINVAL);
  col.header = "Surname", col.header_len = 7, col.field = RAPPORT_CSV_FAMILY_NAME;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_CSV, S(generic), NULL, &m, &r) == RAPPORT_EINVAL);
  col.header = NULL, col.header_len = 3;
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_CSV, S(generic), NULL, &m, &r) == RAPPORT_EINVAL);
  /* the mapping is ignored by the other formats */
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_VCARD, S(vcard), NULL, &m, &r) == RAPPORT_OK);
  rapport_import_report_free(r);
  /* paths: missing file, invalid UTF-8, NULL, empty, huge length */
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_VCARD, S("/nonexistent/contacts.vcf"), NULL, NULL, &r) == RAPPORT_ENOTFOUND);
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_VCARD, S("/tmp/\xff.vcf"), NULL, NULL, &r) == RAPPORT_EUTF8);
  CHECK(rapport_last_error_offset() == 5);
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_VCARD, NULL, 3, NULL, NULL, &r) == RAPPORT_EINVAL);
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_VCARD, NULL, 0, NULL, NULL, &r) == RAPPORT_EINVAL);
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_VCARD, "x", SIZE_MAX, NULL, NULL, &r) == RAPPORT_ELIMIT);
  CHECK(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_CSV, S("x.csv"), NULL, NULL, &r) == RAPPORT_EINVAL);

  /* report accessors: NULL, wrong type, freed-looking, NULL outs, sizes */
  CHECK(rapport_directory_builder_import_bytes(b, RAPPORT_IMPORT_LINKEDIN_CSV, S(linkedin), NULL, NULL, &r) == RAPPORT_OK);
  {
    const void *wrong[] = {NULL, b, freed_image};
    int i;
    for (i = 0; i < 3; ++i) {
      const rapport_import_report *x = wrong[i];
      rapport_import_problem_init(&p);
      CHECK(rapport_import_report_counts(x, &n, NULL, NULL, NULL) == RAPPORT_EINVAL);
      CHECK(rapport_import_report_problem_count(x, &n) == RAPPORT_EINVAL);
      CHECK(rapport_import_report_problem(x, 0, &p) == RAPPORT_EINVAL);
    }
    CHECK(rapport_import_report_counts(r, NULL, NULL, NULL, NULL) == RAPPORT_OK);
    CHECK(rapport_import_report_problem_count(r, NULL) == RAPPORT_EINVAL);
    CHECK(rapport_import_report_problem(r, 0, NULL) == RAPPORT_EINVAL);
    rapport_import_problem_init(&p);
    p.size = 4;
    CHECK(rapport_import_report_problem(r, 0, &p) == RAPPORT_EINVAL && has(rapport_last_error(), "rapport_import_problem_init"));
    /* an import report is not a builder */
    {
      rapport_import_report *other = NULL;
      CHECK(rapport_directory_builder_import_bytes((rapport_directory_builder *)r, RAPPORT_IMPORT_JSON, S(json), NULL, NULL, &other) == RAPPORT_EINVAL);
      CHECK(other == NULL);
    }
  }
  rapport_import_report_free(r);
  rapport_import_report_free(NULL);
  rapport_import_report_free((rapport_import_report *)b); /* another type: ignored */
  rapport_import_report_free((rapport_import_report *)freed_image);
  rapport_import_limits_init(NULL);
  rapport_import_options_init(NULL);
  rapport_csv_mapping_init(NULL);
  rapport_import_problem_init(NULL);
  rapport_directory_builder_free(b);
}

int main(void) {
  rapport_contact *me = fixture_me();
  rapport_directory *dir = fixture_directory(400);
  test_batch_all_contacts(dir, me);
  test_batch_ids(dir, me);
  test_batch_bad_input(dir, me);
  test_import_formats();
  test_import_bad_input();
  rapport_contact_free(me);
  rapport_directory_free(dir);
  return check_summary();
}
