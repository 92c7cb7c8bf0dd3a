/* CHECK() for the plain-C tests of the C ABI: counts checks and failures, and
   prints each failure with its file:line and the library's last error message.
   Each test program includes it once and ends with `return check_summary();`. */
#ifndef RAPPORT_TEST_CHECK_H
#define RAPPORT_TEST_CHECK_H

#include <rapport.h>

#include <stdio.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                          \
  do {                                                                                       \
    ++checks;                                                                                \
    if (!(cond)) {                                                                           \
      ++failures;                                                                            \
      fprintf(stderr, "%s:%d: CHECK(%s) failed (last error: %s)\n", __FILE__, __LINE__, #cond, \
              rapport_last_error());                                                         \
    }                                                                                        \
  } while (0)

/* Prints "N passed, M failed" and gives the exit status: 0 when nothing failed. */
static int check_summary(void) {
  printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}

#endif
