/* Plain C tests of the C ABI: good input, NULLs, invalid UTF-8, zero and huge lengths, option sizes. */
#include <rapport.h>
#include "check.h"
#include <stdio.h>
#include <string.h>

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

/* "Zo\u00EB \U0001F469\u200D\U0001F4BB": 5 graphemes, 7 code points, 9 UTF-16 units, X weight 6. */
static const char zoe[] = "Zo\xC3\xAB \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB";

static void test_length(void) {
  size_t n = 99;
  CHECK(rapport_text_length(zoe, sizeof zoe - 1, RAPPORT_UNIT_GRAPHEMES, &n) == RAPPORT_OK && n == 5);
  CHECK(rapport_text_length(zoe, sizeof zoe - 1, RAPPORT_UNIT_CODE_POINTS, &n) == RAPPORT_OK && n == 7);
  CHECK(rapport_text_length(zoe, sizeof zoe - 1, RAPPORT_UNIT_UTF16, &n) == RAPPORT_OK && n == 9);
  CHECK(rapport_text_length(zoe, sizeof zoe - 1, RAPPORT_UNIT_X_WEIGHTED, &n) == RAPPORT_OK && n == 6);
  /* zero length, with or without a pointer */
  CHECK(rapport_text_length(NULL, 0, RAPPORT_UNIT_GRAPHEMES, &n) == RAPPORT_OK && n == 0);
  CHECK(rapport_text_length("", 0, RAPPORT_UNIT_X_WEIGHTED, &n) == RAPPORT_OK && n == 0);
  /* NULLs and bad units */
  CHECK(rapport_text_length(NULL, 3, RAPPORT_UNIT_GRAPHEMES, &n) == RAPPORT_EINVAL);
  CHECK(rapport_text_length("abc", 3, RAPPORT_UNIT_GRAPHEMES, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_text_length("abc", 3, 4, &n) == RAPPORT_EINVAL);
  CHECK(rapport_text_length("abc", 3, -1, &n) == RAPPORT_EINVAL);
  /* invalid UTF-8 */
  CHECK(rapport_text_length("ab\xC3(", 4, RAPPORT_UNIT_UTF16, &n) == RAPPORT_EUTF8);
  CHECK(rapport_last_error_offset() == 2);
  /* huge: refused before anything is read */
  CHECK(rapport_text_length("abc", (size_t)-1, RAPPORT_UNIT_GRAPHEMES, &n) == RAPPORT_ELIMIT);
  CHECK(strstr(rapport_last_error(), "limit") != NULL);
}

static void test_long_text(void) {
  enum { big = 1 << 20 };
  static char text[big];
  size_t n = 0;
  char *out = NULL;
  size_t out_len = 0;
  int truncated = 0;
  rapport_truncate_options opts;
  memset(text, 'a', big);
  CHECK(rapport_text_length(text, big, RAPPORT_UNIT_GRAPHEMES, &n) == RAPPORT_OK && n == big);
  rapport_truncate_options_init(&opts);
  opts.limit = 10;
  CHECK(rapport_text_truncate(text, big, &opts, &out, &out_len, &truncated) == RAPPORT_OK);
  CHECK(out_len == 12 && truncated == 1); /* nine 'a' and the three bytes of U+2026 */
  rapport_string_free(out);
}

static void test_truncate(void) {
  rapport_truncate_options opts;
  char *out = NULL;
  size_t len = 0;
  int truncated = -1;
  const char *text = "We both exhibit at Hannover Messe";

  rapport_truncate_options_init(&opts);
  CHECK(opts.size == sizeof opts);
  CHECK(opts.unit == RAPPORT_UNIT_GRAPHEMES && opts.limit == 0 && opts.prefer_word_boundary == 1);
  CHECK(opts.ellipsis_len == 3 && memcmp(opts.ellipsis, "\xE2\x80\xA6", 3) == 0);
  rapport_truncate_options_init(NULL);

  opts.limit = 21;
  CHECK(rapport_text_truncate(text, strlen(text), &opts, &out, &len, &truncated) == RAPPORT_OK);
  CHECK(out != NULL && strcmp(out, "We both exhibit at\xE2\x80\xA6") == 0 && len == strlen(out) && truncated == 1);
  rapport_string_free(out);

  /* a text that fits comes back whole; out_len and out_truncated may be NULL */
  opts.limit = 100;
  opts.ellipsis = NULL;
  opts.ellipsis_len = 0;
  CHECK(rapport_text_truncate(text, strlen(text), &opts, &out, NULL, NULL) == RAPPORT_OK);
  CHECK(out != NULL && strcmp(out, text) == 0);
  rapport_string_free(out);

  /* a family emoji is never split: X weight 2, limit 1 leaves nothing */
  opts.unit = RAPPORT_UNIT_X_WEIGHTED;
  opts.limit = 1;
  CHECK(rapport_text_truncate("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 18, &opts, &out,
                              &len, &truncated) == RAPPORT_OK);
  CHECK(out != NULL && len == 0 && truncated == 1);
  rapport_string_free(out);

  /* zero length */
  CHECK(rapport_text_truncate(NULL, 0, &opts, &out, &len, &truncated) == RAPPORT_OK);
  CHECK(out != NULL && out[0] == '\0' && len == 0 && truncated == 0);
  rapport_string_free(out);

  /* NULLs, bad options */
  out = (char *)1;
  CHECK(rapport_text_truncate(text, 5, NULL, &out, &len, NULL) == RAPPORT_EINVAL);
  CHECK(out == NULL);
  CHECK(rapport_text_truncate(text, 5, &opts, NULL, &len, NULL) == RAPPORT_EINVAL);
  CHECK(rapport_text_truncate(NULL, 5, &opts, &out, &len, NULL) == RAPPORT_EINVAL);
  opts.ellipsis_len = 2;
  CHECK(rapport_text_truncate(text, 5, &opts, &out, &len, NULL) == RAPPORT_EINVAL); /* ellipsis NULL, len 2 */
  rapport_truncate_options_init(&opts);
  opts.unit = 9;
  CHECK(rapport_text_truncate(text, 5, &opts, &out, &len, NULL) == RAPPORT_EINVAL);
  /* wrong size field: zero, too small, too large */
  rapport_truncate_options_init(&opts);
  opts.size = 0;
  CHECK(rapport_text_truncate(text, 5, &opts, &out, &len, NULL) == RAPPORT_EINVAL);
  CHECK(strstr(rapport_last_error(), "size") != NULL);
  opts.size = sizeof opts - 1;
  CHECK(rapport_text_truncate(text, 5, &opts, &out, &len, NULL) == RAPPORT_EINVAL);
  opts.size = sizeof opts + 8;
  CHECK(rapport_text_truncate(text, 5, &opts, &out, &len, NULL) == RAPPORT_EINVAL);
  /* invalid UTF-8 in the text and in the ellipsis */
  rapport_truncate_options_init(&opts);
  opts.limit = 2;
  CHECK(rapport_text_truncate("abc\xFF", 4, &opts, &out, &len, NULL) == RAPPORT_EUTF8);
  CHECK(rapport_last_error_offset() == 3);
  opts.ellipsis = "\xE2\x80";
  opts.ellipsis_len = 2;
  CHECK(rapport_text_truncate("abcdef", 6, &opts, &out, &len, NULL) == RAPPORT_EUTF8);
  CHECK(out == NULL);
  /* huge */
  rapport_truncate_options_init(&opts);
  CHECK(rapport_text_truncate("abc", (size_t)-1, &opts, &out, &len, NULL) == RAPPORT_ELIMIT);
  opts.ellipsis_len = (size_t)-1;
  CHECK(rapport_text_truncate("abc", 3, &opts, &out, &len, NULL) == RAPPORT_ELIMIT);
}

static void test_sanitize(void) {
  char *out = NULL;
  size_t len = 0;
  size_t removed = 99;
  /* U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE and a tab go; the emoji's ZWJ stays */
  const char *in = "\xE2\x80\xAEJo\xE2\x80\x8Bhn\t\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB";
  CHECK(rapport_text_sanitize(in, strlen(in), &out, &len, &removed) == RAPPORT_OK);
  CHECK(out != NULL && strcmp(out, "John\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB") == 0);
  CHECK(len == strlen(out) && removed == 3);
  rapport_string_free(out);
  CHECK(rapport_text_sanitize("clean", 5, &out, NULL, NULL) == RAPPORT_OK);
  CHECK(out != NULL && strcmp(out, "clean") == 0);
  rapport_string_free(out);
  CHECK(rapport_text_sanitize(NULL, 0, &out, &len, &removed) == RAPPORT_OK);
  CHECK(out != NULL && len == 0 && removed == 0);
  rapport_string_free(out);
  CHECK(rapport_text_sanitize(NULL, 1, &out, &len, &removed) == RAPPORT_EINVAL);
  CHECK(rapport_text_sanitize("x", 1, NULL, &len, &removed) == RAPPORT_EINVAL);
  out = (char *)1;
  CHECK(rapport_text_sanitize("ok\xED\xA0\x80", 5, &out, &len, &removed) == RAPPORT_EUTF8);
  CHECK(out == NULL && rapport_last_error_offset() == 2);
  CHECK(rapport_text_sanitize("x", (size_t)-1, &out, &len, &removed) == RAPPORT_ELIMIT);
}

int main(void) {
  test_version();
  test_validate();
  test_match_key();
  test_length();
  test_long_text();
  test_truncate();
  test_sanitize();
  return check_summary();
}
