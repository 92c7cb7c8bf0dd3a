// extern "C" shims for importing files and bytes into a directory builder,
// and the import report handle.
#include "capi_internal.hpp"

#include <filesystem>
#include <memory>

namespace rapport::capi {
namespace {

int read_format(int format, rapport::import_format &out) {
  if (!in_range(format, RAPPORT_IMPORT_LINKEDIN_CSV, RAPPORT_IMPORT_JSON))
    return fail(RAPPORT_EINVAL, "unknown import format " + std::to_string(format) + " (a rapport_import_format)");
  out = static_cast<rapport::import_format>(format);
  return RAPPORT_OK;
}

int read_import_options(const rapport_import_options *opts, rapport::import_options &o) {
  if (opts == nullptr) return RAPPORT_OK;
  if (int s = check_size(opts, "opts", "rapport_import_options_init")) return s;
  if (opts->mode != RAPPORT_IMPORT_LENIENT && opts->mode != RAPPORT_IMPORT_STRICT)
    return fail(RAPPORT_EINVAL, "opts->mode must be RAPPORT_IMPORT_LENIENT or RAPPORT_IMPORT_STRICT");
  o.mode = opts->mode == RAPPORT_IMPORT_STRICT ? rapport::import_mode::strict : rapport::import_mode::lenient;
  if (int s = check_text(opts->file_name, opts->file_name_len, "opts->file_name")) return s;
  o.file_name.assign(view(opts->file_name, opts->file_name_len));
  if (const rapport_import_limits *l = opts->limits) {
    if (int s = check_size(l, "opts->limits", "rapport_import_limits_init")) return s;
    o.limits.max_file_bytes = l->max_file_bytes;
    o.limits.max_line_bytes = l->max_line_bytes;
    o.limits.max_records = l->max_records;
    o.limits.max_depth = l->max_depth;
    o.limits.max_problems = l->max_problems;
  }
  return RAPPORT_OK;
}

int read_mapping(rapport::import_format format, const rapport_csv_mapping *m, rapport::csv_mapping &out) {
  if (format != rapport::import_format::csv) return RAPPORT_OK;  // used only for generic CSV
  if (m == nullptr) return fail(RAPPORT_EINVAL, "mapping is NULL: RAPPORT_IMPORT_CSV needs a rapport_csv_mapping");
  if (int s = check_size(m, "mapping", "rapport_csv_mapping_init")) return s;
  if (m->columns == nullptr && m->column_count != 0)
    return fail(RAPPORT_EINVAL, "mapping->columns is NULL but column_count is not 0");
  out.delimiter = m->delimiter;
  out.columns.reserve(m->column_count);
  for (std::size_t i = 0; i < m->column_count; ++i) {
    const rapport_csv_column &c = m->columns[i];
    const std::string what = "mapping->columns[" + std::to_string(i) + "]";
    if (int s = check_text(c.header, c.header_len, (what + ".header").c_str())) return s;
    if (!in_range(c.field, RAPPORT_CSV_IGNORE, RAPPORT_CSV_CONNECTED_ON))
      return fail(RAPPORT_EINVAL, what + ".field: unknown field " + std::to_string(c.field) + " (a rapport_csv_field)");
    out.columns.emplace_back(std::string(view(c.header, c.header_len)), static_cast<rapport::contact_field>(c.field));
  }
  return RAPPORT_OK;
}

int give_report(rapport::result<rapport::import_report> r, rapport_import_report **out) {
  if (!r) return fail(r.error());
  auto report = std::make_unique<rapport_import_report>();
  report->magic = rapport_import_report::expected_magic;
  report->value = std::move(*r);
  report->display.reserve(report->value.problems.size());
  for (const auto &p : report->value.problems) report->display.push_back(rapport::to_string(p));
  *out = report.release();
  return RAPPORT_OK;
}

// The checks both entries share; `format`, `o` and `mapping` are filled.
int prepare(rapport_directory_builder *builder, int format_value, const rapport_import_options *opts,
            const rapport_csv_mapping *mapping, rapport_import_report **out, rapport::import_format &format,
            rapport::import_options &o, rapport::csv_mapping &m) {
  if (int s = check_out(out)) return s;
  *out = nullptr;
  if (int s = check_handle(builder, "builder")) return s;
  if (int s = read_format(format_value, format)) return s;
  if (int s = read_import_options(opts, o)) return s;
  return read_mapping(format, mapping, m);
}

} // namespace
} // namespace rapport::capi

using namespace rapport::capi;

extern "C" {

void rapport_import_limits_init(rapport_import_limits *limits) {
  if (limits == nullptr) return;
  const rapport::import_limits d;
  *limits = rapport_import_limits{};
  limits->size = sizeof(rapport_import_limits);
  limits->max_file_bytes = d.max_file_bytes;
  limits->max_line_bytes = d.max_line_bytes;
  limits->max_records = d.max_records;
  limits->max_depth = d.max_depth;
  limits->max_problems = d.max_problems;
}

void rapport_import_options_init(rapport_import_options *opts) {
  if (opts == nullptr) return;
  *opts = rapport_import_options{};
  opts->size = sizeof(rapport_import_options);
  opts->mode = RAPPORT_IMPORT_LENIENT;
}

void rapport_csv_mapping_init(rapport_csv_mapping *mapping) {
  if (mapping == nullptr) return;
  *mapping = rapport_csv_mapping{};
  mapping->size = sizeof(rapport_csv_mapping);
  mapping->delimiter = ',';
}

int rapport_directory_builder_import_file(rapport_directory_builder *builder, int format, const char *path,
                                          size_t path_len, const rapport_import_options *opts,
                                          const rapport_csv_mapping *mapping, rapport_import_report **out) {
  return guarded([&]() -> int {
    rapport::import_format f{};
    rapport::import_options o;
    rapport::csv_mapping m;
    if (int s = prepare(builder, format, opts, mapping, out, f, o, m)) return s;
    if (int s = check_text(path, path_len, "path")) return s;
    if (path_len == 0) return fail(RAPPORT_EINVAL, "path is empty");
    const std::filesystem::path p(std::u8string(reinterpret_cast<const char8_t *>(path), path_len));
    return give_report(rapport::import_into(builder->value, f, p, o, m), out);
  });
}

int rapport_directory_builder_import_bytes(rapport_directory_builder *builder, int format, const char *bytes,
                                           size_t len, const rapport_import_options *opts,
                                           const rapport_csv_mapping *mapping, rapport_import_report **out) {
  return guarded([&]() -> int {
    rapport::import_format f{};
    rapport::import_options o;
    rapport::csv_mapping m;
    if (int s = prepare(builder, format, opts, mapping, out, f, o, m)) return s;
    if (bytes == nullptr && len != 0) return fail(RAPPORT_EINVAL, "bytes is NULL but its length is not 0");
    // Not checked as UTF-8: an importer decodes what it reads (UTF-16 or
    // Windows-1252 vCards) and reports bad bytes as problems. Over
    // limits.max_file_bytes the import refuses before reading.
    return give_report(rapport::import_bytes_into(builder->value, f, view(bytes, len), o, m), out);
  });
}

void rapport_import_report_free(rapport_import_report *report) { destroy(report); }

int rapport_import_report_counts(const rapport_import_report *report, size_t *out_imported, size_t *out_skipped,
                                 size_t *out_repaired, size_t *out_not_kept) {
  return guarded([&]() -> int {
    if (int s = check_handle(report, "report")) return s;
    if (out_imported != nullptr) *out_imported = report->value.imported;
    if (out_skipped != nullptr) *out_skipped = report->value.skipped;
    if (out_repaired != nullptr) *out_repaired = report->value.repaired;
    if (out_not_kept != nullptr) *out_not_kept = report->value.problems_not_kept;
    return RAPPORT_OK;
  });
}

int rapport_import_report_problem_count(const rapport_import_report *report, size_t *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(report, "report")) return s;
    if (int s = check_out(out)) return s;
    *out = report->value.problems.size();
    return RAPPORT_OK;
  });
}

void rapport_import_problem_init(rapport_import_problem *problem) {
  if (problem == nullptr) return;
  *problem = rapport_import_problem{};
  problem->size = sizeof(rapport_import_problem);
}

int rapport_import_report_problem(const rapport_import_report *report, size_t index, rapport_import_problem *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(report, "report")) return s;
    if (int s = check_out(out)) return s;
    if (int s = check_size(out, "out", "rapport_import_problem_init")) return s;
    if (int s = check_index(index, report->value.problems.size())) return s;
    const rapport::import_problem &p = report->value.problems[index];
    out->status = status_of(p.code);
    out->action = static_cast<int>(p.action);
    borrow(p.file, &out->file);
    out->line = p.line;
    out->column = p.column;
    out->offset = p.offset;  // npos is SIZE_MAX, RAPPORT_NPOS
    out->record = p.record;
    borrow(p.field, &out->field);
    borrow(p.message, &out->message);
    borrow(report->display[index], &out->display);
    return RAPPORT_OK;
  });
}

} // extern "C"
