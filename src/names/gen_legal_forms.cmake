# Build step: turns data/legal_forms.tsv into a C++ table, so nothing is read
# at run time. Usage: cmake -DIN=legal_forms.tsv -DOUT=legal_forms_data.cpp -P gen_legal_forms.cmake
file(STRINGS "${IN}" lines ENCODING UTF-8)
set(rows "")
set(count 0)
foreach(line IN LISTS lines)
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  endif()
  string(REPLACE "\t" ";" cols "${line}")
  list(LENGTH cols n)
  if(NOT n EQUAL 4)
    message(FATAL_ERROR "${IN}: expected 4 tab-separated columns: ${line}")
  endif()
  list(GET cols 0 form)
  list(GET cols 1 jurisdiction)
  list(GET cols 2 position)
  list(GET cols 3 match)
  if(NOT position MATCHES "^(end|start|either)$")
    message(FATAL_ERROR "${IN}: bad position '${position}': ${line}")
  endif()
  if(NOT match MATCHES "^(word|strict|attached)$")
    message(FATAL_ERROR "${IN}: bad match '${match}': ${line}")
  endif()
  string(REPLACE "\\" "\\\\" form "${form}")
  string(REPLACE "\"" "\\\"" form "${form}")
  string(APPEND rows "    {\"${form}\", \"${jurisdiction}\", legal_form_position::${position}, legal_form_match::${match}},\n")
  math(EXPR count "${count} + 1")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from data/legal_forms.tsv by src/names/gen_legal_forms.cmake. Do not edit.
#include \"names/legal_forms.hpp\"

namespace rapport::detail {

const legal_form_row legal_form_rows[] = {
${rows}};
const std::size_t legal_form_row_count = ${count};

} // namespace rapport::detail
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
