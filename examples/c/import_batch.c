/* Importing LinkedIn's Connections.csv through the C ABI and composing a note
   for every connection in one call: the import report (counts, then each
   problem on one line), then the batch read through its flat view, with the
   homework of each refusal. Run by ctest on a fixture.

   usage: import_batch Connections.csv */
#include <rapport.h>

#include <stdio.h>
#include <string.h>

static int ok(int status) {
  if (status != RAPPORT_OK) fprintf(stderr, "rapport: %s\n", rapport_last_error());
  return status == RAPPORT_OK;
}

int main(int argc, char **argv) {
  rapport_directory_builder *b = NULL;
  rapport_import_report *report = NULL;
  rapport_directory *dir = NULL;
  rapport_contact *me = NULL;
  rapport_batch *batch = NULL;
  rapport_organization org;
  rapport_batch_view v;
  rapport_import_problem p;
  size_t imported = 0, skipped = 0, repaired = 0, problems = 0, i;
  int rc = 1;

  if (argc != 2) {
    fprintf(stderr, "usage: import_batch Connections.csv\n");
    return 2;
  }
  /* 1. Import into a builder: lenient, default limits. */
  if (!ok(rapport_directory_builder_new(&b)) ||
      !ok(rapport_directory_builder_import_file(b, RAPPORT_IMPORT_LINKEDIN_CSV, argv[1], strlen(argv[1]), NULL, NULL,
                                                &report)) ||
      !ok(rapport_import_report_counts(report, &imported, &skipped, &repaired, NULL)) ||
      !ok(rapport_import_report_problem_count(report, &problems)))
    goto done;
  printf("imported %zu, skipped %zu, repaired %zu\n", imported, skipped, repaired);
  rapport_import_problem_init(&p);
  for (i = 0; i < problems; ++i) {
    if (!ok(rapport_import_report_problem(report, i, &p))) goto done;
    printf("  %s\n", p.display.data);
  }
  if (!ok(rapport_directory_builder_build(b, &dir))) goto done;

  /* 2. The sender used to work at Bosch. */
  rapport_organization_init(&org);
  org.name = "Bosch GmbH";
  org.name_len = strlen(org.name);
  org.current = 0;
  org.start_year = 2014;
  org.end_year = 2019;
  if (!ok(rapport_contact_new("me", 2, &me)) ||
      !ok(rapport_contact_set_text(me, RAPPORT_CONTACT_NAME_GIVEN, "Sam", 3)) ||
      !ok(rapport_contact_add_organization(me, &org)))
    goto done;

  /* 3. One call for every connection; then the whole batch through one view. */
  if (!ok(rapport_compose_all(dir, me, NULL, NULL, 0, 1772366400 /* 2026-03-01 */, NULL, 0, &batch))) goto done;
  rapport_batch_view_init(&v);
  if (!ok(rapport_batch_view_get(batch, &v))) goto done;
  for (i = 0; i < v.count; ++i) {
    const char *id = v.recipient_ids + v.recipient_id_offsets[i];
    if (v.statuses[i] == RAPPORT_OK) {
      printf("%s: %s\n", id, v.texts + v.text_offsets[i]);
    } else {
      /* a refusal: its note handle has the homework (borrowed from the batch) */
      const rapport_note *note = NULL;
      rapport_str code;
      size_t n = 0;
      if (!ok(rapport_batch_note(batch, i, &note)) || !ok(rapport_note_homework_count(note, &n))) goto done;
      if (n > 0 && !ok(rapport_note_homework(note, 0, &code, NULL))) goto done;
      printf("%s: no note (%s)\n", id, n > 0 ? code.data : "no homework");
    }
  }
  rc = 0;
done:
  rapport_batch_free(batch);
  rapport_contact_free(me);
  rapport_directory_free(dir);
  rapport_import_report_free(report);
  rapport_directory_builder_free(b);
  return rc;
}
