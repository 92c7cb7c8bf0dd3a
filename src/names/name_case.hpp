// Private: character classes and locale-explicit case mapping for names and
// company names. Case mapping never uses the process locale: ASCII is mapped
// by hand and everything else by ICU with an explicit locale (root unless the
// caller asked for Dutch or Turkish rules).
#pragma once

#include <string>
#include <string_view>

namespace rapport::detail::names {

/** Which language's case rules to apply (all others behave like root). */
enum class case_rules { root, dutch, turkish };

/** "Word" with its first letter titlecased and the rest lowercased. Input: valid UTF-8. */
std::string title_case(std::string_view word, case_rules rules);

/** `word` in lowercase. Input: valid UTF-8. */
std::string lower_case(std::string_view word, case_rules rules);

// Out-of-line ICU lookups for code points >= 0x80.
char32_t fold_icu(char32_t c) noexcept;
bool is_letter_icu(char32_t c) noexcept;
bool is_upper_icu(char32_t c) noexcept;
bool is_lower_icu(char32_t c) noexcept;
bool is_latin_icu(char32_t c) noexcept;
bool is_space_icu(char32_t c) noexcept;
bool is_emoji_like_icu(char32_t c) noexcept;
bool is_invisible_icu(char32_t c) noexcept;
bool is_cjk(char32_t c) noexcept;    ///< Han, Hiragana, Katakana or Hangul
bool is_hangul(char32_t c) noexcept;
bool is_kana(char32_t c) noexcept;

// ASCII answers inline (the common case), everything else from ICU.
inline bool ascii_alpha(char32_t c) noexcept { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/** Simple case fold of one code point (locale-independent). */
inline char32_t fold(char32_t c) noexcept {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return fold_icu(c);
}
inline bool is_letter(char32_t c) noexcept { return c < 0x80 ? ascii_alpha(c) : is_letter_icu(c); }
/** General category Lu. */
inline bool is_upper(char32_t c) noexcept { return c < 0x80 ? (c >= 'A' && c <= 'Z') : is_upper_icu(c); }
/** General category Ll. */
inline bool is_lower(char32_t c) noexcept { return c < 0x80 ? (c >= 'a' && c <= 'z') : is_lower_icu(c); }
/** A letter of the Latin script. */
inline bool is_latin(char32_t c) noexcept { return c < 0x80 ? ascii_alpha(c) : is_latin_icu(c); }
/** White space (Unicode White_Space). */
inline bool is_space(char32_t c) noexcept { return c < 0x80 ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : is_space_icu(c); }
/** Emoji, flags, pictographs and other symbols that are never part of a name. */
inline bool is_emoji_like(char32_t c) noexcept { return c >= 0x80 && is_emoji_like_icu(c); }
/** Zero-width, bidi and other invisible format characters (dropped silently). */
inline bool is_invisible(char32_t c) noexcept { return c >= 0x80 && is_invisible_icu(c); }

} // namespace rapport::detail::names
