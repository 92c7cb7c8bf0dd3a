// Private: legacy charsets and UTF-16 to UTF-8, through ICU converters (ucnv).
#pragma once

#include <string>
#include <string_view>

#include "rapport/result.hpp"

namespace rapport::detail::icu {

/**
 * Converts `bytes` in `charset` (any name or alias ICU knows: "Windows-1252",
 * "ISO-8859-2", "Shift_JIS", "UTF-16LE"…) to UTF-8. Errors: not_found for an
 * unknown charset; invalid_utf8 with the byte offset where the input is not
 * valid in that charset.
 */
result<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset);

} // namespace rapport::detail::icu
