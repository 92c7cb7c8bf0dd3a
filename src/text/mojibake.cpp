// Repairing UTF-8 that was decoded as Windows-1252 or Latin-1.
//
// Each code point maps back to the byte it came from: ASCII and U+00A0–U+00FF
// to themselves, the Windows-1252 punctuation (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ”
// • – — ˜ ™ š › œ ž Ÿ) to 0x80–0x9F, and C1 controls U+0080–U+009F (what
// Latin-1 decoders make of those bytes) to themselves. A run of such code
// points that spells a well-formed multi-byte UTF-8 sequence — a lead byte
// 0xC2–0xF4 then its continuation bytes 0x80–0xBF — is replaced by the
// character it encodes, if that is a character people write (not a control,
// unassigned or private use). Text that merely contains those letters is left alone:
// "SÃO" has "Ã" (0xC3) followed by "O" (0x4F), which is not a continuation
// byte, so it is legitimate Portuguese, not mojibake. Double encoding
// ("ÃƒÂ©") is undone by repeating the repair, at most three times.
#include <optional>

#include <unicode/uchar.h>

#include "text/graphemes.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {
namespace {

// The Windows-1252 byte `c` was decoded from, or -1.
int cp1252_byte(char32_t c) {
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return static_cast<int>(c);
  if (c <= 0x9F) return static_cast<int>(c); // C1 control: a Latin-1 decoder
  switch (c) {
  case 0x20AC: return 0x80; case 0x201A: return 0x82; case 0x0192: return 0x83; case 0x201E: return 0x84;
  case 0x2026: return 0x85; case 0x2020: return 0x86; case 0x2021: return 0x87; case 0x02C6: return 0x88;
  case 0x2030: return 0x89; case 0x0160: return 0x8A; case 0x2039: return 0x8B; case 0x0152: return 0x8C;
  case 0x017D: return 0x8E; case 0x2018: return 0x91; case 0x2019: return 0x92; case 0x201C: return 0x93;
  case 0x201D: return 0x94; case 0x2022: return 0x95; case 0x2013: return 0x96; case 0x2014: return 0x97;
  case 0x02DC: return 0x98; case 0x2122: return 0x99; case 0x0161: return 0x9A; case 0x203A: return 0x9B;
  case 0x0153: return 0x9C; case 0x017E: return 0x9E; case 0x0178: return 0x9F;
  default: return -1;
  }
}

// Would the character these bytes encode appear in real text? "Â…" would
// decode to U+0085 (a control) and "×»" to U+05FB (unassigned): left alone.
bool plausible(std::string_view utf8) {
  std::size_t i = 0;
  const auto c = static_cast<UChar32>(detail::decode_utf8(utf8, i));
  switch (u_charType(c)) {
  case U_CONTROL_CHAR: case U_UNASSIGNED: case U_PRIVATE_USE_CHAR: case U_SURROGATE:
    return false;
  default:
    return true;
  }
}

// One pass; returns nullopt when nothing was repaired.
std::optional<std::string> repair_once(std::string_view s) {
  std::string out;
  bool changed = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t c = detail::decode_utf8(s, i);
    const int lead = cp1252_byte(c);
    const int need = (lead >= 0xC2 && lead <= 0xDF) ? 1 : (lead >= 0xE0 && lead <= 0xEF) ? 2 : (lead >= 0xF0 && lead <= 0xF4) ? 3 : 0;
    if (need != 0) {
      std::string bytes(1, static_cast<char>(lead));
      std::size_t j = i;
      while (static_cast<int>(bytes.size()) <= need && j < s.size()) {
        const int b = cp1252_byte(detail::decode_utf8(s, j));
        if (b < 0x80 || b > 0xBF) break;
        bytes.push_back(static_cast<char>(b));
      }
      // Well-formed (no overlong, surrogate or out-of-range sequence), and
      // something a person writes (not a control, unassigned or private use)?
      if (static_cast<int>(bytes.size()) == need + 1 && !find_invalid_utf8(bytes) && plausible(bytes)) {
        out.append(bytes);
        i = j;
        changed = true;
        continue;
      }
    }
    out.append(s.substr(at, i - at));
  }
  if (!changed) return std::nullopt;
  return out;
}

} // namespace

result<std::optional<std::string>> repair_mojibake(std::string_view text) {
  error err;
  if (!detail::check_text(text, err)) return err;
  std::optional<std::string> repaired;
  for (int round = 0; round < 3; ++round) {
    auto next = repair_once(repaired ? std::string_view(*repaired) : text);
    if (!next) break;
    repaired = std::move(next);
  }
  return repaired;
}

} // namespace v1
} // namespace rapport
