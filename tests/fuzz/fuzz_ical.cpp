// libFuzzer target: iCalendar through libical.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rapport/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  if (auto r = rapport::import_icalendar(bytes)) {
    if (r->report.imported != r->events.size()) __builtin_trap();
    if (!rapport::export_json(*r)) __builtin_trap();
  }
  return 0;
}
