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

/** Simple case fold of one code point (locale-independent). */
char32_t fold(char32_t c) noexcept;

bool is_letter(char32_t c) noexcept;
bool is_upper(char32_t c) noexcept;  ///< general category Lu
bool is_lower(char32_t c) noexcept;  ///< general category Ll
bool is_latin(char32_t c) noexcept;  ///< a letter of the Latin script
bool is_cjk(char32_t c) noexcept;    ///< Han, Hiragana, Katakana or Hangul
bool is_hangul(char32_t c) noexcept;
bool is_kana(char32_t c) noexcept;
bool is_space(char32_t c) noexcept;  ///< white space (Unicode White_Space)

/** Emoji, flags, pictographs and other symbols that are never part of a name. */
bool is_emoji_like(char32_t c) noexcept;

/** Zero-width, bidi and other invisible format characters (dropped silently). */
bool is_invisible(char32_t c) noexcept;

} // namespace rapport::detail::names
