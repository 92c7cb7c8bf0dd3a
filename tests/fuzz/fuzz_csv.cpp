// libFuzzer target: LinkedIn and generic CSV. Must never crash, leak or hang,
// and every result must be an error or records with a consistent report.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rapport/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  rapport::import_options options;
  options.limits.max_line_bytes = 1 << 16;
  if (auto r = rapport::import_linkedin_csv(bytes, options)) {
    if (r->report.imported != r->contacts.size()) __builtin_trap();
  }
  rapport::csv_mapping mapping;
  mapping.columns = {{"a", rapport::contact_field::full_name}, {"b", rapport::contact_field::email},
                     {"c", rapport::contact_field::connected_on}};
  mapping.delimiter = ';';
  (void)rapport::import_csv(bytes, mapping, options);
  return 0;
}
