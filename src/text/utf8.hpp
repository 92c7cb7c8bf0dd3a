// Private: UTF-8 decoding helpers shared by the text core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "rapport/result.hpp"

namespace rapport::detail {

/**
 * Decodes the code point starting at `i` of well-formed UTF-8 and advances `i`.
 * Precondition: the text was validated.
 */
inline char32_t decode_utf8(std::string_view s, std::size_t &i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { ++i; return b0; }
  if (b0 < 0xE0) {
    char32_t c = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    i += 2;
    return c;
  }
  if (b0 < 0xF0) {
    char32_t c = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    i += 3;
    return c;
  }
  char32_t c = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
               ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
  i += 4;
  return c;
}

/** Appends `cp` to `out` as UTF-8. */
inline void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/** True when every byte is ASCII. */
inline bool is_ascii(std::string_view s) noexcept {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

/**
 * True when a byte of `s` is E0 or above (bits 7, 6 and 5 set), read eight or
 * four bytes at a time (the last two words may overlap). In UTF-8, every code
 * point from U+0800 up (CJK, kana, Hangul…) starts with such a byte: a text
 * without one is ASCII, Latin, Greek, Cyrillic, Hebrew or Arabic.
 */
inline bool has_byte_e0_up(std::string_view s) noexcept {
  const char *p = s.data();
  std::size_t n = s.size();
  for (; n > 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if (w & (w << 1) & (w << 2) & 0x8080808080808080ull) return true;
  }
  if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    return (((a & (a << 1) & (a << 2)) | (b & (b << 1) & (b << 2))) & 0x80808080u) != 0;
  }
  for (; n > 0; ++p, --n)
    if (static_cast<unsigned char>(*p) >= 0xE0) return true;
  return false;
}

/** The invalid_utf8 error for `text`, or nullopt-equivalent: an error with code ok. */
error utf8_error(std::size_t offset);

/** Validates `text`; on failure fills `err` and returns false. */
bool check_utf8(std::string_view text, error &err);

} // namespace rapport::detail
