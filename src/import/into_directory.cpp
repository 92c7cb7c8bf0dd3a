// Importing straight into a directory_builder: each record is added as it is read.
#include "directory/directory_data.hpp"
#include "import/formats.hpp"

namespace rapport::detail {
namespace {

struct builder_sink final : record_sink {
  explicit builder_sink(directory_builder &b) : builder(b) {}
  result<void> add(contact &&c) override { return builder.add_contact(std::move(c)); }
  result<void> add_checked(contact &&c, std::uint32_t id_tag, bool has_tag) override {
    return has_tag ? builder_access::add_checked_contact(builder, std::move(c), id_tag)
                   : builder_access::add_checked_contact(builder, std::move(c));
  }
  result<void> add(event &&e) override { return builder.add_event(std::move(e)); }
  result<void> add(challenge &&c) override { return builder.add_challenge(std::move(c)); }
  result<void> add_sender(contact &&) override {
    return make_error(errc::invalid_argument,
                      "the sender profile is not a directory record; read it with import_json");
  }
  directory_builder &builder;
};

void run_format(import_context &ctx, import_format format, std::string_view bytes, chunk_reader *reader,
                const csv_mapping &mapping) {
  switch (format) {
  case import_format::linkedin_csv: run_linkedin_csv(ctx, {bytes, reader}); return;
  case import_format::csv: run_generic_csv(ctx, {bytes, reader}, mapping); return;
  case import_format::vcard: run_vcard(ctx, bytes); return;
  case import_format::icalendar: run_icalendar(ctx, bytes); return;
  case import_format::json: run_json(ctx, bytes); return;
  }
}

} // namespace
} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

result<import_report> import_into(directory_builder &builder, import_format format, const std::filesystem::path &path,
                                  const import_options &options, const csv_mapping &mapping) {
  detail::builder_sink sink(builder);
  detail::import_context ctx(options, detail::display_name(path, options), sink);
  if (format == import_format::linkedin_csv || format == import_format::csv) {
    detail::chunk_reader reader;  // CSV streams: memory stays bounded by the builder
    if (auto r = reader.open(path, options.limits); !r) return r.error();
    detail::run_format(ctx, format, {}, &reader, mapping);
  } else {
    auto text = detail::read_whole_file(path, options.limits);
    if (!text) return text.error();
    detail::run_format(ctx, format, *text, nullptr, mapping);
  }
  return ctx.finish();
}

result<import_report> import_bytes_into(directory_builder &builder, import_format format, std::string_view bytes,
                                        const import_options &options, const csv_mapping &mapping) {
  if (bytes.size() > options.limits.max_file_bytes)
    return make_error(errc::limit_exceeded, "input is larger than limits.max_file_bytes (" +
                                                std::to_string(options.limits.max_file_bytes) + ")");
  detail::builder_sink sink(builder);
  detail::import_context ctx(options, options.file_name, sink);
  detail::run_format(ctx, format, bytes, nullptr, mapping);
  return ctx.finish();
}

} // namespace v1
} // namespace rapport
