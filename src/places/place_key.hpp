// Private: the match key of a location segment without ICU for ASCII and
// Latin-1/Latin Extended text. Shared by the library and by gen_places, which
// checks at build time that it agrees with rapport::match_key(german) on every
// name in the gazetteer.
#pragma once

#include <string>
#include <string_view>

#include "places/place_tables.hpp"

namespace rapport::detail::places {

/**
 * Writes the german match key of valid UTF-8 `text` into `out` and returns
 * true, or returns false when `text` holds a code point above U+024F (or a
 * combining mark), which needs ICU. `fold` is the table of U+0080..U+024F.
 */
inline bool fast_place_key(std::string_view text, const fold_entry *fold, const char *fold_blob, std::string &out) {
  out.clear();
  bool pending_space = false;
  auto put = [&](char c) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_space) { out.push_back(' '); pending_space = false; }
      out.push_back(c);
    } else if (c != '\'' && c != '`') {
      pending_space = !out.empty();
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) { put(static_cast<char>(b0)); ++i; continue; }
    if (b0 >= 0xE0 || i + 1 >= text.size()) return false;  // U+0800 and above
    const char32_t cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
    i += 2;
    if (cp < fold_first || cp > fold_last) return false;
    const fold_entry &f = fold[cp - fold_first];
    if (f.separator == 2) return false;
    if (f.separator == 1) { pending_space = !out.empty(); continue; }
    for (std::uint32_t k = 0; k < f.to.len; ++k) put(fold_blob[f.to.off + k]);
  }
  // The German reading: "ae", "oe", "ue" collapse to their vowel.
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.size(); ++r) {
    const char c = out[r];
    out[w++] = c;
    if ((c == 'a' || c == 'o' || c == 'u') && r + 1 < out.size() && out[r + 1] == 'e') ++r;
  }
  out.resize(w);
  return true;
}

} // namespace rapport::detail::places
