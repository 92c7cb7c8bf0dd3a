// libFuzzer target: vCard 2.1/3.0/4.0.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rapport/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  if (auto r = rapport::import_vcard(bytes)) {
    if (r->report.imported != r->contacts.size()) __builtin_trap();
    // Whatever was imported is valid UTF-8 and so exports.
    if (!rapport::export_json(*r)) __builtin_trap();
  }
  return 0;
}
