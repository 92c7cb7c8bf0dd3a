#include "text/utf8.hpp"

#include "rapport/text.hpp"

namespace rapport {
inline namespace v1 {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
  const auto *p = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char b = p[i];
    if (b < 0x80) { ++i; continue; }
    auto cont = [&](std::size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
    if (b >= 0xC2 && b <= 0xDF) {
      if (!cont(1)) return i;
      i += 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      if (!cont(1) || !cont(2)) return i;
      const unsigned char b1 = p[i + 1];
      if (b == 0xE0 && b1 < 0xA0) return i;  // overlong
      if (b == 0xED && b1 >= 0xA0) return i; // surrogate
      i += 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      if (!cont(1) || !cont(2) || !cont(3)) return i;
      const unsigned char b1 = p[i + 1];
      if (b == 0xF0 && b1 < 0x90) return i;  // overlong
      if (b == 0xF4 && b1 >= 0x90) return i; // above U+10FFFF
      i += 4;
    } else {
      return i;
    }
  }
  return std::nullopt;
}

} // namespace v1
} // namespace rapport

namespace rapport::detail {

error utf8_error(std::size_t offset) {
  return make_error(errc::invalid_utf8, "invalid UTF-8 at byte " + std::to_string(offset), offset);
}

bool check_utf8(std::string_view text, error &err) {
  if (auto bad = find_invalid_utf8(text)) {
    err = utf8_error(*bad);
    return false;
  }
  return true;
}

} // namespace rapport::detail
