// LinkedIn's Connections.csv: find the header below the "Notes:" preamble and
// map LinkedIn's column names; the CSV driver does the rest.
#include <array>

#include "import/formats.hpp"

namespace rapport::detail {
namespace {

struct known_column {
  const char *name;
  contact_field field;
};

// Column names of every export shape seen so far (current, older, localized-English variants).
constexpr std::array<known_column, 11> linkedin_columns = {{
    {"First Name", contact_field::given_name},
    {"Last Name", contact_field::family_name},
    {"URL", contact_field::profile_url},
    {"Profile URL", contact_field::profile_url},
    {"Email Address", contact_field::email},
    {"E-mail Address", contact_field::email},
    {"Email", contact_field::email},
    {"Company", contact_field::organization},
    {"Position", contact_field::title},
    {"Connected On", contact_field::connected_on},
    {"Connected on", contact_field::connected_on},
}};

std::string_view without_bom(std::string_view s) {
  return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s;
}

result<bool> linkedin_header(const std::vector<std::string_view> &record, csv_plan &plan) {
  bool first = false, last = false;
  for (auto f : record) {
    const auto name = trim(without_bom(f));
    first = first || iequals(name, "First Name");
    last = last || iequals(name, "Last Name");
  }
  if (!first || !last) return false;  // still in the preamble
  plan.header.clear();
  plan.fields.assign(record.size(), contact_field::ignore);
  plan.header_fields = record.size();
  for (std::size_t i = 0; i < record.size(); ++i) {
    const auto name = trim(without_bom(record[i]));
    plan.header.emplace_back(name);
    for (const auto &k : linkedin_columns)
      if (iequals(name, k.name)) plan.fields[i] = k.field;
  }
  return true;
}

} // namespace

void run_linkedin_csv(import_context &ctx, const csv_source &source) {
  run_csv_import(ctx, source, ',', linkedin_header, "LinkedIn Connections.csv");
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

result<imported> import_linkedin_csv(std::string_view bytes, const import_options &options) {
  if (bytes.size() > options.limits.max_file_bytes)
    return make_error(errc::limit_exceeded, "input is larger than limits.max_file_bytes (" +
                                                std::to_string(options.limits.max_file_bytes) + ")");
  return detail::collect(options, options.file_name, [&](detail::import_context &ctx) {
    detail::run_linkedin_csv(ctx, {bytes, nullptr});
  });
}

result<imported> import_linkedin_csv_file(const std::filesystem::path &path, const import_options &options) {
  detail::chunk_reader reader;
  if (auto r = reader.open(path, options.limits); !r) return r.error();
  return detail::collect(options, detail::display_name(path, options), [&](detail::import_context &ctx) {
    detail::run_linkedin_csv(ctx, {{}, &reader});
  });
}

} // namespace v1
} // namespace rapport
