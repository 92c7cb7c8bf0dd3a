/* Plain C tests of the C ABI: good input, NULLs, invalid UTF-8, zero lengths. */
#include <rapport.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                             \
  do {                                                                          \
    ++checks;                                                                   \
    if (!(cond)) {                                                              \
      ++failures;                                                               \
      fprintf(stderr, "%s:%d: CHECK(%s) failed (last error: %s)\n", __FILE__,  \
              __LINE__, #cond, rapport_last_error());                           \
    }                                                                           \
  } while (0)

static void test_version(void) {
  CHECK(rapport_version() == RAPPORT_VERSION_NUMBER);
  CHECK(strcmp(rapport_version_string(), "0.1.0") == 0);
}

static void test_validate(void) {
  size_t off = 99;
  CHECK(rapport_utf8_validate("Zo\xC3\xAB", 4, &off) == RAPPORT_OK);
  CHECK(rapport_last_error()[0] == '\0');
  CHECK(rapport_utf8_validate("ab\xFF", 3, &off) == RAPPORT_EUTF8);
  CHECK(off == 2);
  CHECK(rapport_last_error_offset() == 2);
  CHECK(strstr(rapport_last_error(), "byte 2") != NULL);
  CHECK(rapport_utf8_validate(NULL, 0, NULL) == RAPPORT_OK);
  CHECK(rapport_utf8_validate(NULL, 5, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_utf8_validate("", 0, NULL) == RAPPORT_OK);
}

static void test_match_key(void) {
  char *out = NULL;
  size_t len = 0;
  CHECK(rapport_text_match_key("M\xC3\xBCnchen", 8, RAPPORT_KEY_GERMAN, &out, &len) == RAPPORT_OK);
  CHECK(out != NULL && strcmp(out, "munchen") == 0 && len == 7);
  rapport_string_free(out);
  out = (char *)1;
  CHECK(rapport_text_match_key("\xC3", 1, RAPPORT_KEY_FOLDED, &out, &len) == RAPPORT_EUTF8);
  CHECK(out == NULL);
  CHECK(rapport_text_match_key("x", 1, 42, &out, &len) == RAPPORT_EINVAL);
  CHECK(rapport_text_match_key("x", 1, -1, &out, &len) == RAPPORT_EINVAL);
  CHECK(rapport_text_match_key("x", 1, RAPPORT_KEY_FOLDED, NULL, &len) == RAPPORT_EINVAL);
  CHECK(rapport_text_match_key(NULL, 3, RAPPORT_KEY_FOLDED, &out, &len) == RAPPORT_EINVAL);
  CHECK(rapport_text_match_key(NULL, 0, RAPPORT_KEY_FOLDED, &out, NULL) == RAPPORT_OK);
  CHECK(out != NULL && out[0] == '\0');
  rapport_string_free(out);
  rapport_string_free(NULL);
}

int main(void) {
  test_version();
  test_validate();
  test_match_key();
  printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}
