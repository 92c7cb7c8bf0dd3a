// Private: grapheme segmentation shared by length, truncation and the tests.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "rapport/text.hpp"

namespace rapport::detail {

/**
 * Grapheme boundaries of `valid` (well-formed UTF-8, not normalized): 0, each
 * cluster start, and valid.size() (just {0} for empty text).
 */
std::vector<std::size_t> boundaries_of(std::string_view valid, grapheme_engine engine);

/** Number of grapheme clusters in `valid` (well-formed UTF-8). */
std::size_t graphemes_in(std::string_view valid, grapheme_engine engine);

/**
 * True when UAX #29 always breaks between `before` and `after`, whatever
 * surrounds them: both have Grapheme_Cluster_Break Other, Control, CR or LF,
 * and they are not CR, LF. Such a position is also one the rules never look
 * across. (The fast path's premise: see graphemes.cpp.)
 */
bool always_breaks(char32_t before, char32_t after);

/** True when every byte of `s` is ASCII (eight bytes at a time). */
bool all_ascii(std::string_view s) noexcept;

/** Texts longer than this are refused (ICU indexes with int32_t). */
inline constexpr std::size_t max_text_bytes = max_text_size;
static_assert(max_text_bytes < (std::size_t{1} << 31));

/** Validates size and UTF-8 of `text`; on failure fills `err` and returns false. */
bool check_text(std::string_view text, error &err);

} // namespace rapport::detail
