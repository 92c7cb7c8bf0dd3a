# Build step: embeds the word lists of data/review/ as strings in a C++ file.
# Usage: cmake -DIN_DIR=data/review -DOUT=review_data.cpp -DNAMES=greetings.tsv,honorifics.tsv,... -P embed_review_data.cmake
set(body "")
string(REPLACE "," ";" NAMES "${NAMES}")
foreach(name IN LISTS NAMES)
  file(READ "${IN_DIR}/${name}" text)
  if(text MATCHES "\\)rapport_review\"")
    message(FATAL_ERROR "${IN_DIR}/${name} contains the raw-string delimiter")
  endif()
  string(REGEX REPLACE "[.-]" "_" var "${name}")
  string(APPEND body "extern const std::string_view ${var};\nconst std::string_view ${var} = R\"rapport_review(${text})rapport_review\";\n\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from data/review/ by src/review/embed_review_data.cmake. Do not edit.
#include <string_view>

namespace rapport::detail::review_data {

${body}} // namespace rapport::detail::review_data
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
