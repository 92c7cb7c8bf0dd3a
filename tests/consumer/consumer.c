#include <rapport.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  char *key = NULL;
  size_t len = 0;
  if (rapport_version() != RAPPORT_VERSION_NUMBER) return 1;
  if (rapport_text_match_key("MUENCHEN", 8, RAPPORT_KEY_GERMAN, &key, &len) != RAPPORT_OK) return 2;
  int ok = strcmp(key, "munchen") == 0;
  printf("rapport %s: %s\n", rapport_version_string(), key);
  rapport_string_free(key);
  return ok ? 0 : 3;
}
