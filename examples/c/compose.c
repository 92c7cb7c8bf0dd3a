/* Composing a note through the C ABI: build a directory, compose, read the
   note (or the homework of a refusal), free everything. Run by ctest. */
#include <rapport.h>

#include <stdio.h>
#include <string.h>

#define S(lit) lit, sizeof(lit) - 1

static int ok(int status) {
  if (status != RAPPORT_OK) fprintf(stderr, "rapport: %s\n", rapport_last_error());
  return status == RAPPORT_OK;
}

int main(void) {
  rapport_directory_builder *b = NULL;
  rapport_event *fair = NULL;
  rapport_contact *anna = NULL, *me = NULL;
  rapport_directory *dir = NULL;
  rapport_note *note = NULL;
  int rc = 1;

  if (!ok(rapport_directory_builder_new(&b)) || !ok(rapport_event_new(S("hm-2026"), &fair)) ||
      !ok(rapport_event_set_text(fair, RAPPORT_EVENT_NAME, S("Hannover Messe"))) ||
      !ok(rapport_event_set_text(fair, RAPPORT_EVENT_TIME_ZONE, S("Europe/Berlin"))) ||
      !ok(rapport_event_set_days(fair, 2026, 4, 20, 2026, 4, 24)) || !ok(rapport_directory_builder_add_event(b, fair)))
    goto done;

  if (!ok(rapport_contact_new(S("anna"), &anna)) ||
      !ok(rapport_contact_set_text(anna, RAPPORT_CONTACT_NAME_GIVEN, S("Anna"))) ||
      !ok(rapport_contact_set_text(anna, RAPPORT_CONTACT_NAME_FAMILY, S("Schmidt"))) ||
      !ok(rapport_contact_set_text(anna, RAPPORT_CONTACT_LOCALE, S("de"))) ||
      !ok(rapport_contact_add_event(anna, S("hm-2026"), RAPPORT_ROLE_EXHIBITOR)) ||
      !ok(rapport_directory_builder_add_contact(b, anna)) || !ok(rapport_directory_builder_build(b, &dir)))
    goto done;

  if (!ok(rapport_contact_new(S("me"), &me)) ||
      !ok(rapport_contact_set_text(me, RAPPORT_CONTACT_NAME_GIVEN, S("Jonas"))) ||
      !ok(rapport_contact_add_event(me, S("hm-2026"), RAPPORT_ROLE_EXHIBITOR)))
    goto done;

  /* 2026-03-01 00:00 UTC; options NULL: LinkedIn connection note, the recipient's language. */
  if (!ok(rapport_compose(dir, me, anna, 1772323200, NULL, &note))) goto done;
  int status = 0;
  rapport_str text, slot;
  size_t length = 0, limit = 0;
  if (!ok(rapport_note_status(note, &status)) || !ok(rapport_note_text(note, &text)) ||
      !ok(rapport_note_slot(note, &slot)) || !ok(rapport_note_length(note, &length, &limit)))
    goto done;
  if (status == RAPPORT_OK) {
    printf("%.*s\n%.*s, %zu/%zu\n", (int)text.len, text.data, (int)slot.len, slot.data, length, limit);
    rc = 0;
  } else {
    size_t n = 0;
    rapport_note_homework_count(note, &n);
    for (size_t i = 0; i < n; ++i) {
      rapport_str code, message;
      if (rapport_note_homework(note, i, &code, &message) == RAPPORT_OK)
        printf("homework: %.*s\n", (int)message.len, message.data);
    }
  }

done:
  rapport_note_free(note);
  rapport_contact_free(me);
  rapport_contact_free(anna);
  rapport_event_free(fair);
  rapport_directory_free(dir);
  rapport_directory_builder_free(b);
  return rc;
}
