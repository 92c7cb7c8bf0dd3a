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
