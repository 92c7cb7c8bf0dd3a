#include "names/name_case.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "icu/icu_adapter.hpp"
#include "text/utf8.hpp"

namespace rapport::detail::names {
namespace {

const ::icu::Locale &locale_for(case_rules rules) {
  static const ::icu::Locale root = ::icu::Locale::getRoot();
  static const ::icu::Locale dutch("nl");
  static const ::icu::Locale turkish("tr");
  switch (rules) {
  case case_rules::dutch: return dutch;
  case case_rules::turkish: return turkish;
  case case_rules::root: break;
  }
  return root;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

} // namespace

std::string lower_case(std::string_view word, case_rules rules) {
  if (is_ascii(word) && rules != case_rules::turkish) {
    std::string out(word);
    for (auto &c : out) c = ascii_lower(c);
    return out;
  }
  auto u = icu::to_unicode(word);
  u.toLower(locale_for(rules));
  return icu::to_utf8(u);
}

std::string title_case(std::string_view word, case_rules rules) {
  if (is_ascii(word) && rules != case_rules::turkish) {
    std::string out(word);
    bool first = true;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const char c = out[i];
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (first && alpha) {
        out[i] = ascii_upper(c);
        // Dutch "IJ" is one letter: "ijsselmeer" → "IJsselmeer".
        if (rules == case_rules::dutch && (c == 'i' || c == 'I') && i + 1 < out.size() &&
            (out[i + 1] == 'j' || out[i + 1] == 'J'))
          out[++i] = 'J';
        first = false;
      } else {
        out[i] = ascii_lower(c);
      }
    }
    return out;
  }
  auto u = icu::to_unicode(word);
  u.toTitle(nullptr, locale_for(rules), U_TITLECASE_WHOLE_STRING);
  return icu::to_utf8(u);
}

char32_t fold_icu(char32_t c) noexcept {
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

bool is_letter_icu(char32_t c) noexcept {
  const auto u = static_cast<UChar32>(c);
  return u_isalpha(u) || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

bool is_upper_icu(char32_t c) noexcept { return u_charType(static_cast<UChar32>(c)) == U_UPPERCASE_LETTER; }

bool is_lower_icu(char32_t c) noexcept { return u_charType(static_cast<UChar32>(c)) == U_LOWERCASE_LETTER; }

bool is_latin_icu(char32_t c) noexcept {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN && U_SUCCESS(status);
}

bool is_cjk(char32_t c) noexcept {
  if (c < 0x1100) return false;
  UErrorCode status = U_ZERO_ERROR;
  const auto s = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) && (s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_HANGUL);
}

bool is_hangul(char32_t c) noexcept {
  if (c < 0x1100) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HANGUL && U_SUCCESS(status);
}

bool is_kana(char32_t c) noexcept {
  if (c < 0x3040) return false;
  UErrorCode status = U_ZERO_ERROR;
  const auto s = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) && (s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA);
}

bool is_space_icu(char32_t c) noexcept { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool is_emoji_like_icu(char32_t c) noexcept {
  const auto u = static_cast<UChar32>(c);
  if (c == 0x200D || c == 0x20E3 || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0020 && c <= 0xE007F)) return true;
  if (u_hasBinaryProperty(u, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(u, UCHAR_REGIONAL_INDICATOR) ||
      u_hasBinaryProperty(u, UCHAR_EMOJI_MODIFIER))
    return true;
  return u_charType(u) == U_OTHER_SYMBOL;
}

bool is_invisible_icu(char32_t c) noexcept {
  if (c == 0x200D) return false;  // ZWJ belongs to emoji sequences, handled there
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR;
}

} // namespace rapport::detail::names
