// Private: each format's reader, writing records to an import_context's sink.
#pragma once

#include <string_view>

#include "import/csv_reader.hpp"
#include "import/import_common.hpp"

namespace rapport::detail {

void run_linkedin_csv(import_context &ctx, const csv_source &source);
void run_generic_csv(import_context &ctx, const csv_source &source, const csv_mapping &mapping);
void run_vcard(import_context &ctx, std::string_view bytes);
void run_icalendar(import_context &ctx, std::string_view bytes);
void run_json(import_context &ctx, std::string_view bytes);

} // namespace rapport::detail
