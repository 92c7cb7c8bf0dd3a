// NFC and match keys.
#include "rapport/text.hpp"

#include <unicode/uchar.h>

#include "icu/icu_adapter.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {
namespace {

// Apostrophes vanish inside keys ("O'Brien" = "OBrien"); other punctuation,
// symbols and white space separate words.
bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC' || c == U'\u2018' || c == U'`'; }

bool is_separator(char32_t c) {
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  const auto cat = u_charType(static_cast<UChar32>(c));
  switch (cat) {
  case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: case U_CONTROL_CHAR:
  case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION: case U_CONNECTOR_PUNCTUATION:
  case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
  case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
    return true;
  default:
    return false;
  }
}

// Folds separators to single spaces, drops apostrophes, trims. Input: valid UTF-8.
std::string fold_separators(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = detail::decode_utf8(s, i);
    if (is_apostrophe(c)) continue;
    if (is_separator(c)) { pending_space = !out.empty(); continue; }
    if (pending_space) { out.push_back(' '); pending_space = false; }
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::string ascii_lower_fold(std::string_view s) {
  std::string lowered(s);
  for (auto &ch : lowered)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return fold_separators(lowered);
}

std::string folded_key(std::string_view valid) {
  if (detail::is_ascii(valid)) return ascii_lower_fold(valid);
  UErrorCode status = U_ZERO_ERROR;
  auto u = detail::icu::nfkc_casefold().normalize(detail::icu::to_unicode(valid), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: NFKC_Casefold failed");
  return fold_separators(detail::icu::to_utf8(u));
}

std::string ascii_key_from_folded(const std::string &folded) {
  if (detail::is_ascii(folded)) return folded;
  auto u = detail::icu::to_unicode(folded);
  detail::icu::thread_transliterator("Any-Latin; Latin-ASCII").transliterate(u);
  return ascii_lower_fold(detail::icu::to_utf8(u));
}

// From the folded key: umlauts become their base letter before transliteration,
// then the digraphs ae/oe/ue collapse, so ü, ue and u meet.
std::string german_key_from_folded(const std::string &folded, const std::string &ascii) {
  std::string base;
  if (detail::is_ascii(folded)) {
    base = ascii;
  } else {
    std::string pre;
    pre.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size();) {
      const std::size_t start = i;
      const char32_t c = detail::decode_utf8(folded, i);
      switch (c) {
      case U'ä': pre += 'a'; break;
      case U'ö': pre += 'o'; break;
      case U'ü': pre += 'u'; break;
      default: pre.append(folded, start, i - start);
      }
    }
    base = ascii_key_from_folded(pre);
  }
  std::string out;
  out.reserve(base.size());
  for (std::size_t i = 0; i < base.size(); ++i) {
    const char c = base[i];
    out.push_back(c);
    if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < base.size() && base[i + 1] == 'e') ++i;
  }
  return out;
}

} // namespace

result<std::string> to_nfc(std::string_view text) {
  error err;
  if (!detail::check_utf8(text, err)) return err;
  if (detail::is_ascii(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  auto u = detail::icu::to_unicode(text);
  if (detail::icu::nfc().isNormalized(u, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  auto n = detail::icu::nfc().normalize(u, status);
  if (U_FAILURE(status)) return make_error(errc::internal, std::string("ICU: NFC failed: ") + u_errorName(status));
  return detail::icu::to_utf8(n);
}

result<match_keys> make_match_keys(std::string_view text) {
  error err;
  if (!detail::check_utf8(text, err)) return err;
  match_keys k;
  k.folded = folded_key(text);
  k.ascii = ascii_key_from_folded(k.folded);
  k.german = german_key_from_folded(k.folded, k.ascii);
  return k;
}

result<std::string> match_key(std::string_view text, key_kind kind) {
  error err;
  if (!detail::check_utf8(text, err)) return err;
  std::string folded = folded_key(text);
  if (kind == key_kind::folded) return folded;
  std::string ascii = ascii_key_from_folded(folded);
  if (kind == key_kind::ascii) return ascii;
  return german_key_from_folded(folded, ascii);
}

bool same_key(std::string_view a, std::string_view b) {
  auto ka = match_key(a, key_kind::german);
  auto kb = match_key(b, key_kind::german);
  return ka && kb && !ka->empty() && *ka == *kb;
}

} // namespace v1
} // namespace rapport
