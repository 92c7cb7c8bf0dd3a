# Compares the built C ABI library with the committed baseline
# (capi/abi/rapport_c.abi) using abidiff. Fails on an incompatible change
# (a removed or changed function, a changed struct layout or enum value) and
# on abidiff errors; added functions are compatible and only reported.
#
# Only the exported interface is compared (--exported-interfaces-only), types
# are limited to those of the public header (--headers-dir2), and added
# symbols are not listed (--no-added-syms). That makes the result the same for
# the dev and the sanitizer builds: the asan/tsan libraries differ only in
# instrumentation and in undefined references to the sanitizer runtime, which
# are not exported definitions and so are not part of the compared surface.
execute_process(
  COMMAND ${ABIDIFF} --headers-dir2 ${HEADERS} --drop-private-types --exported-interfaces-only --no-added-syms
          ${BASELINE} ${LIB}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
# abidiff's status is a bit field: 1 error, 2 usage error, 4 ABI change, 8 incompatible ABI change.
math(EXPR fatal "${rc} & 11")
if(NOT fatal EQUAL 0)
  message(FATAL_ERROR "abidiff status ${rc}: the C ABI changed incompatibly against ${BASELINE} "
                      "(see docs/c-api.md, 'Changing the ABI on purpose', and scripts/update-abi-baseline)")
endif()
math(EXPR changed "${rc} & 4")
if(NOT changed EQUAL 0)
  message(STATUS "compatible ABI additions; refresh the baseline with scripts/update-abi-baseline")
endif()
