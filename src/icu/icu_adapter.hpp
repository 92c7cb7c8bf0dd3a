// Private: the thin layer between rapport and ICU. Only files in src/ include it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/utext.h>
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

/**
 * This thread's clone of the root-locale character (extended grapheme cluster)
 * BreakIterator. BreakIterators are not thread-safe: each thread clones the
 * process-wide prototype once. The process locale never matters.
 */
::icu::BreakIterator &thread_grapheme_iterator();

/**
 * This thread's grapheme iterator set once on a whole UTF-8 text (read in
 * place through UText, no UTF-16 copy) and queried range by range. One cursor
 * at a time per thread: they share the thread's iterator.
 */
class grapheme_cursor {
public:
  explicit grapheme_cursor(std::string_view valid);
  ~grapheme_cursor();
  grapheme_cursor(const grapheme_cursor &) = delete;
  grapheme_cursor &operator=(const grapheme_cursor &) = delete;

  /** Appends the boundaries strictly inside [begin, end); `begin` must be a boundary. */
  void boundaries(std::size_t begin, std::size_t end, std::vector<std::size_t> &out);
  /** Number of boundaries strictly inside (begin, end); `begin` must be a boundary. */
  std::size_t count(std::size_t begin, std::size_t end);

private:
  UText ut_ = UTEXT_INITIALIZER;
  ::icu::BreakIterator *bi_ = nullptr;
};

/**
 * Appends to `out` the grapheme boundaries that ICU finds strictly inside
 * `valid` (well-formed UTF-8), as byte offsets plus `base`. Works on the UTF-8
 * directly (UText), without a UTF-16 copy.
 */
void grapheme_boundaries(std::string_view valid, std::size_t base, std::vector<std::size_t> &out);

/** Number of grapheme clusters ICU finds in `valid` (well-formed UTF-8). */
std::size_t count_graphemes(std::string_view valid);

/** `valid` (well-formed UTF-8) in NFC, straight from and to UTF-8. */
std::string nfc_utf8(std::string_view valid);

} // namespace rapport::detail::icu
