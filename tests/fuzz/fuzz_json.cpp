// libFuzzer target: rapport JSON documents; what imports must export and re-import to the same text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rapport/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  auto r = rapport::import_json(bytes);
  if (!r) return 0;
  auto text = rapport::export_json(*r);
  if (!text) __builtin_trap();
  auto again = rapport::import_json(*text);
  if (!again) __builtin_trap();
  auto text2 = rapport::export_json(*again);
  if (!text2 || *text2 != *text) __builtin_trap();
  return 0;
}
