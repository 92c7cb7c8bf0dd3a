// Private: the thin layer between rapport and ICU. Only files in src/ include it.
#pragma once

#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace rapport::detail::icu {

/** UTF-8 (already validated) to ICU's UTF-16 string. */
inline ::icu::UnicodeString to_unicode(std::string_view utf8) {
  return ::icu::UnicodeString::fromUTF8(::icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

/** ICU's UTF-16 string back to UTF-8. */
inline std::string to_utf8(const ::icu::UnicodeString &s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

/** Process-wide NFC and NFKC_Casefold normalizers (ICU singletons, thread-safe). */
const ::icu::Normalizer2 &nfc();
const ::icu::Normalizer2 &nfkc_casefold();

/**
 * This thread's instance of the transliterator with `id` (e.g. "Any-Latin;
 * Latin-ASCII"). Transliterators are costly to build and are not shared
 * across threads, so each thread builds its own once.
 */
::icu::Transliterator &thread_transliterator(const char *id);

} // namespace rapport::detail::icu
