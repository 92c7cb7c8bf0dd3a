#include "icu/icu_adapter.hpp"

#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace rapport::detail::icu {

const ::icu::Normalizer2 &nfc() {
  UErrorCode status = U_ZERO_ERROR;
  static const ::icu::Normalizer2 *n = ::icu::Normalizer2::getNFCInstance(status);
  if (n == nullptr) throw std::runtime_error("ICU: NFC normalizer unavailable");
  return *n;
}

const ::icu::Normalizer2 &nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  static const ::icu::Normalizer2 *n = ::icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (n == nullptr) throw std::runtime_error("ICU: NFKC_Casefold normalizer unavailable");
  return *n;
}

::icu::Transliterator &thread_transliterator(const char *id) {
  thread_local std::map<std::string, std::unique_ptr<::icu::Transliterator>> cache;
  auto &slot = cache[id];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(::icu::Transliterator::createInstance(::icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !slot)
      throw std::runtime_error(std::string("ICU: cannot create transliterator ") + id + ": " + u_errorName(status));
  }
  return *slot;
}

} // namespace rapport::detail::icu

#include <unicode/bytestream.h>
#include <unicode/utext.h>

namespace rapport::detail::icu {
namespace {

const ::icu::BreakIterator &grapheme_prototype() {
  static const std::unique_ptr<::icu::BreakIterator> proto = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<::icu::BreakIterator> bi(::icu::BreakIterator::createCharacterInstance(::icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !bi) throw std::runtime_error(std::string("ICU: no character BreakIterator: ") + u_errorName(status));
    return bi;
  }();
  return *proto;
}

} // namespace

::icu::BreakIterator &thread_grapheme_iterator() {
  thread_local std::unique_ptr<::icu::BreakIterator> mine(grapheme_prototype().clone());
  if (!mine) throw std::runtime_error("ICU: cannot clone the character BreakIterator");
  return *mine;
}

grapheme_cursor::grapheme_cursor(std::string_view valid) {
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&ut_, valid.data(), static_cast<int64_t>(valid.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: utext_openUTF8 failed: ") + u_errorName(status));
  bi_ = &thread_grapheme_iterator();
  bi_->setText(&ut_, status);
  if (U_FAILURE(status)) {
    utext_close(&ut_);
    throw std::runtime_error(std::string("ICU: BreakIterator::setText failed: ") + u_errorName(status));
  }
}

grapheme_cursor::~grapheme_cursor() { utext_close(&ut_); }

void grapheme_cursor::boundaries(std::size_t begin, std::size_t end, std::vector<std::size_t> &out) {
  for (int32_t b = bi_->following(static_cast<int32_t>(begin));
       b != ::icu::BreakIterator::DONE && static_cast<std::size_t>(b) < end; b = bi_->next())
    out.push_back(static_cast<std::size_t>(b));
}

std::size_t grapheme_cursor::count(std::size_t begin, std::size_t end) {
  std::size_t n = 0;
  for (int32_t b = bi_->following(static_cast<int32_t>(begin));
       b != ::icu::BreakIterator::DONE && static_cast<std::size_t>(b) < end; b = bi_->next())
    ++n;
  return n;
}

void grapheme_boundaries(std::string_view valid, std::size_t base, std::vector<std::size_t> &out) {
  if (valid.empty()) return;
  grapheme_cursor c(valid);
  const std::size_t first = out.size();
  c.boundaries(0, valid.size(), out);
  if (base != 0)
    for (std::size_t k = first; k < out.size(); ++k) out[k] += base;
}

std::size_t count_graphemes(std::string_view valid) {
  if (valid.empty()) return 0;
  grapheme_cursor c(valid);
  return c.count(0, valid.size()) + 1;
}

std::string nfc_utf8(std::string_view valid) {
  UErrorCode status = U_ZERO_ERROR;
  const ::icu::StringPiece piece(valid.data(), static_cast<int32_t>(valid.size()));
  if (nfc().isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(valid);
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(valid.size());
  ::icu::StringByteSink<std::string> sink(&out);
  nfc().normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: NFC failed: ") + u_errorName(status));
  return out;
}

} // namespace rapport::detail::icu
