// Sanitizing untrusted text: bidi controls, invisible characters, controls.
#include <optional>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/graphemes.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {
namespace {

bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

bool has(char32_t c, UProperty p) { return u_hasBinaryProperty(static_cast<UChar32>(c), p); }

bool is_tag(char32_t c) { return c >= 0xE0020 && c <= 0xE007F; }

// Scripts whose spelling needs ZWJ or ZWNJ (Persian, Indic conjuncts…).
bool uses_joiners(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
  case USCRIPT_ARABIC: case USCRIPT_SYRIAC: case USCRIPT_NKO: case USCRIPT_MONGOLIAN: case USCRIPT_DEVANAGARI:
  case USCRIPT_BENGALI: case USCRIPT_GURMUKHI: case USCRIPT_GUJARATI: case USCRIPT_ORIYA: case USCRIPT_TAMIL:
  case USCRIPT_TELUGU: case USCRIPT_KANNADA: case USCRIPT_MALAYALAM: case USCRIPT_SINHALA: case USCRIPT_KHMER:
  case USCRIPT_MYANMAR: case USCRIPT_TIBETAN: case USCRIPT_INHERITED:
    return true;
  default:
    return false;
  }
}

// A visible base a variation selector may follow: a letter, mark, number,
// punctuation or symbol (not white space, a control or a format character).
bool is_visible_base(char32_t c) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_P_MASK | U_GC_S_MASK)) != 0;
}

// May ZWJ join `before` and `after` inside an emoji sequence?
bool emoji_zwj(char32_t before, char32_t after) {
  const bool left = has(before, UCHAR_EXTENDED_PICTOGRAPHIC) || has(before, UCHAR_EMOJI_MODIFIER) || before == 0xFE0F;
  return left && has(after, UCHAR_EXTENDED_PICTOGRAPHIC);
}

} // namespace

const char *to_string(removal_kind kind) noexcept {
  switch (kind) {
  case removal_kind::bidi_control: return "bidi_control";
  case removal_kind::invisible: return "invisible";
  case removal_kind::control: return "control";
  }
  return "unknown";
}

result<sanitized> sanitize(std::string_view text) {
  error err;
  if (!detail::check_text(text, err)) return err;
  sanitized out;
  out.text.reserve(text.size());
  char32_t prev = 0;       // last kept code point
  bool have_prev = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t c = detail::decode_utf8(text, i);
    std::optional<removal_kind> why;
    if (c < 0x80) {
      if ((c < 0x20 && c != U'\n') || c == 0x7F) why = removal_kind::control;
    } else if (c <= 0x9F) {
      why = removal_kind::control;
    } else if (is_bidi_control(c)) {
      why = removal_kind::bidi_control;
    } else if (c == 0x200D || c == 0x200C) {
      std::size_t j = i;
      const char32_t next = i < text.size() ? detail::decode_utf8(text, j) : 0;
      const bool keep = have_prev && next != 0 &&
                        ((c == 0x200D && emoji_zwj(prev, next)) || (uses_joiners(prev) && uses_joiners(next) &&
                                                                    has(next, UCHAR_ALPHABETIC)));
      if (!keep) why = removal_kind::invisible;
    } else if (has(c, UCHAR_VARIATION_SELECTOR)) {
      if (!have_prev || !is_visible_base(prev)) why = removal_kind::invisible;
    } else if (is_tag(c)) {
      if (!have_prev || !(prev == 0x1F3F4 || is_tag(prev))) why = removal_kind::invisible;
    } else if (has(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || c == 0x2800) {
      // U+2800 BRAILLE PATTERN BLANK is not default-ignorable but renders as
      // nothing; it is the usual tool for "invisible" names.
      why = removal_kind::invisible;
    }
    if (why) {
      out.removed.push_back({at, c, *why});
    } else {
      out.text.append(text.substr(at, i - at));
      prev = c;
      have_prev = true;
    }
  }
  return out;
}

} // namespace v1
} // namespace rapport
