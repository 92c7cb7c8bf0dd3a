// Private: lengths in each unit, and the pieces a truncation may not split.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "rapport/text.hpp"

namespace rapport::detail {

/** Byte ranges [first, second) of the URLs X would shorten to 23, in order (see docs/text.md). */
std::vector<std::pair<std::size_t, std::size_t>> find_urls(std::string_view valid);

/** X weight of one code point: 1 in the light ranges (U+0000–U+10FF, …), else 2. */
constexpr std::size_t x_code_point_weight(char32_t c) noexcept {
  return (c <= 0x10FF || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F) || (c >= 0x2032 && c <= 0x2037))
             ? 1
             : 2;
}

/** What one URL weighs on X (t.co links). */
inline constexpr std::size_t x_url_weight = 23;

/** One unsplittable piece of a text: it ends at byte `end` and measures `length`. */
struct piece {
  std::size_t end = 0;
  std::size_t length = 0;
};

/**
 * `valid` cut into the pieces a truncation may not split — grapheme clusters,
 * and for x_weighted whole URLs — each with its length in `unit`. The lengths
 * add up to measure(valid, unit) when `valid` is NFC.
 */
std::vector<piece> pieces(std::string_view valid, length_unit unit, grapheme_engine engine = grapheme_engine::fast);

/** Length of `valid` (well-formed UTF-8) in `unit`; graphemes and x_weighted measure its NFC form. */
std::size_t measure(std::string_view valid, length_unit unit);

/** measure() of a text already in NFC (skips the normalization check). */
std::size_t measure_nfc(std::string_view nfc, length_unit unit);

} // namespace rapport::detail
