# Build step: embeds data/platforms/platforms.json as a string in a C++ file.
# Usage: cmake -DIN=platforms.json -DOUT=platforms_data.cpp -P embed_json.cmake
file(READ "${IN}" text)
if(text MATCHES "\\)rapport_json\"")
  message(FATAL_ERROR "${IN} contains the raw-string delimiter")
endif()
file(WRITE "${OUT}.tmp" "// Generated from data/platforms/platforms.json by src/platforms/embed_json.cmake. Do not edit.
#include <string_view>

namespace rapport::detail {

extern const std::string_view builtin_platforms_json;
const std::string_view builtin_platforms_json = R\"rapport_json(${text})rapport_json\";

} // namespace rapport::detail
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
