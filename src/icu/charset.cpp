#include "icu/charset.hpp"

#include <memory>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace rapport::detail::icu {

result<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset) {
  const std::string name(charset);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(name.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status) || !cnv) return make_error(errc::not_found, "unknown charset '" + name + "'");
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> out(bytes.size() * 2 + 16);
  const char *src = bytes.data();
  UChar *target = out.data();
  ucnv_toUnicode(cnv.get(), &target, out.data() + out.size(), &src, bytes.data() + bytes.size(), nullptr, true,
                 &status);
  if (U_FAILURE(status)) {
    const auto at = static_cast<std::size_t>(src - bytes.data());
    return make_error(errc::invalid_utf8,
                      "bytes not valid in " + name + " near byte " + std::to_string(at > 0 ? at - 1 : 0),
                      at > 0 ? at - 1 : 0);
  }
  std::string utf8;
  ::icu::UnicodeString(out.data(), static_cast<int32_t>(target - out.data())).toUTF8String(utf8);
  return utf8;
}

} // namespace rapport::detail::icu
