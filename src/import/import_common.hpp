// Private: what every importer shares — the problem log, record delivery to a
// sink (a vector or a directory_builder), file reading, ids and dates.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/normalize.hpp"
#include "rapport/import.hpp"

namespace rapport::detail {

/** Where imported records go. A non-ok result means the record was refused. */
struct record_sink {
  virtual ~record_sink() = default;
  virtual result<void> add(contact &&c) = 0;
  /**
   * A contact whose every field the importer has checked to be UTF-8; `id_tag`
   * is builder_access::id_tag(c.id) when the importer computed it, else 0 with
   * `has_tag` false.
   */
  virtual result<void> add_checked(contact &&c, std::uint32_t id_tag, bool has_tag) {
    (void)id_tag;
    (void)has_tag;
    return add(std::move(c));
  }
  virtual result<void> add(event &&e) = 0;
  virtual result<void> add(challenge &&c) = 0;
  virtual result<void> add_sender(contact &&c) = 0;
  /** A hint: about `n` more contacts are coming. */
  virtual void expect_contacts(std::size_t n) { (void)n; }
};

/** Collects records into an `imported`. */
struct collect_sink final : record_sink {
  explicit collect_sink(imported &out) : out_(out) {}
  result<void> add(contact &&c) override { out_.contacts.push_back(std::move(c)); return {}; }
  result<void> add(event &&e) override { out_.events.push_back(std::move(e)); return {}; }
  result<void> add(challenge &&c) override { out_.challenges.push_back(std::move(c)); return {}; }
  result<void> add_sender(contact &&c) override { out_.sender = std::move(c); return {}; }
  void expect_contacts(std::size_t n) override {
    try {
      out_.contacts.reserve(out_.contacts.size() + n);
    } catch (const std::exception &) {
      // Only a hint: without it the vector grows as records come.
    }
  }

private:
  imported &out_;
};

/** Where a problem is, in the input. */
struct location {
  std::size_t line = 0, column = 0, offset = import_problem::npos;
};

/**
 * The state of one import: options, the report, and the record being read.
 * Importers call begin_record() for each record, problem() for each thing that
 * is not clean, and deliver() or skip() to end the record. When stopped() is
 * true the importer must return at once; finish() then yields the error.
 */
class import_context {
public:
  import_context(const import_options &options, std::string file, record_sink &sink);

  const import_options &options() const noexcept { return options_; }
  const import_limits &limits() const noexcept { return options_.limits; }
  bool strict() const noexcept { return options_.mode == import_mode::strict; }
  const std::string &file() const noexcept { return file_; }

  /** Starts a record; fails (and stops) when limits.max_records is reached. */
  bool begin_record(location where);
  std::size_t record_index() const noexcept { return record_; }

  /** A repair inside the current record. Returns false when the import must stop (strict). */
  bool repaired(errc code, location where, std::string field, std::string message);
  /** The current record is skipped. Returns false when the import must stop. */
  bool skipped(errc code, location where, std::string field, std::string message);
  /** A problem not tied to one record (e.g. junk between records). Returns false when the import must stop. */
  bool note(errc code, location where, std::string message);
  /** Stops the import in either mode. Always returns false. */
  bool fatal(errc code, location where, std::string message);

  /** Hands the current record to the sink; a refusal is reported as skipped. */
  template <class Record>
  bool deliver(Record &&r, location where) {
    auto added = sink_.add(std::forward<Record>(r));
    return finish_record(added, where);
  }
  /** A contact is normalized first (options.normalize). */
  bool deliver(contact &&c, location where) {
    import_normalization counts;
    if (options_.normalize) normalizer_.apply(c, counts);
    return deliver_normalized(std::move(c), counts, where);
  }
  /** A contact normalized elsewhere (a CSV worker thread), with what its normalization counted. */
  bool deliver_normalized(contact &&c, const import_normalization &counts, location where, std::uint32_t id_tag = 0,
                          bool has_tag = false) {
    auto added = fields_checked_ ? sink_.add_checked(std::move(c), id_tag, has_tag) : sink_.add(std::move(c));
    if (added) add_counts(report_.normalization, counts);
    return finish_record(added, where);
  }
  bool deliver_sender(contact &&c, location where) {
    import_normalization counts;
    if (options_.normalize) normalizer_.apply(c, counts);
    auto added = sink_.add_sender(std::move(c));
    if (added) add_counts(report_.normalization, counts);
    return finish_record(added, where);
  }
  /** The importer checks every field of a contact for UTF-8 (CSV): the sink need not again. */
  void set_fields_checked(bool checked) noexcept { fields_checked_ = checked; }
  /** How the importer fills name parts (the JSON importer's are already structured). */
  void set_name_parts(name_parts_are parts) noexcept { normalizer_.set_name_parts(parts); }

  /** Passes a size hint to the sink. */
  void expect_contacts(std::size_t n) { sink_.expect_contacts(n); }

  bool stopped() const noexcept { return stopped_; }
  /** The report, or the error that stopped the import. */
  result<import_report> finish();

private:
  bool add_problem(problem_action action, errc code, location where, std::string field, std::string message,
                   bool in_record);
  bool finish_record(const result<void> &added, location where);

  const import_options &options_;
  std::string file_;
  record_sink &sink_;
  contact_normalizer normalizer_;
  import_report report_;
  std::size_t record_ = import_problem::npos;
  std::size_t records_seen_ = 0;
  bool record_repaired_ = false;
  bool fields_checked_ = false;
  bool stopped_ = false;
  error error_;
};

/** Runs `body(ctx)` with a collecting sink and returns the records and the report. */
template <class Body>
result<imported> collect(const import_options &options, std::string file, Body &&body) {
  imported out;
  collect_sink sink(out);
  import_context ctx(options, std::move(file), sink);
  body(ctx);
  auto report = ctx.finish();
  if (!report) return report.error();
  out.report = std::move(*report);
  return out;
}

/**
 * Text input as UTF-8: strips a UTF-8 BOM; converts UTF-16 (BOM, or the NUL
 * pattern of ASCII text) into `storage` and points `bytes` at it. False (the
 * import is stopped) when the input cannot be decoded.
 */
bool decode_text_input(import_context &ctx, std::string_view &bytes, std::string &storage);

/**
 * Leaves valid UTF-8 as is; otherwise reads `value` as Windows-1252 and
 * reports the repair at `where` (+ the bad byte). False when the import must stop.
 */
bool repair_utf8(import_context &ctx, std::string &value, location where, const std::string &field);

/** The name problems use for `path`. */
std::string display_name(const std::filesystem::path &path, const import_options &options);

/** Reads a whole file, refusing one over limits.max_file_bytes. Errors: not_found, io_error, limit_exceeded. */
result<std::string> read_whole_file(const std::filesystem::path &path, const import_limits &limits);

/** Reads a file in chunks into a buffer that keeps an unconsumed tail. */
class chunk_reader {
public:
  chunk_reader() = default;
  chunk_reader(const chunk_reader &) = delete;
  chunk_reader &operator=(const chunk_reader &) = delete;
  ~chunk_reader();
  /** Errors: not_found, io_error, limit_exceeded (file over max_file_bytes). */
  result<void> open(const std::filesystem::path &path, const import_limits &limits);
  /** Drops the first `consumed` bytes and reads more. False at end of file (or on a read error: see failed()). */
  bool refill(std::size_t consumed);
  std::string_view data() const noexcept { return {buffer_.data(), size_}; }
  bool eof() const noexcept { return eof_; }
  bool failed() const noexcept { return failed_; }
  /** Byte offset of data()[0] in the file. */
  std::size_t base() const noexcept { return base_; }

private:
  std::FILE *file_ = nullptr;
  std::string buffer_;
  std::size_t size_ = 0;
  std::size_t base_ = 0;
  bool eof_ = false;
  bool failed_ = false;
};

/** "linkedin:<slug>" for a linkedin.com/in/<slug> URL, else "". */
std::string linkedin_id(std::string_view url);

/**
 * The documented contact id: linkedin_id(url), else "email:<lower-cased email>",
 * else "name:" + 16 hex digits of FNV-1a 64 over given \x1f family \x1f company.
 */
std::string contact_id(std::string_view url, std::string_view email, std::string_view given, std::string_view family,
                       std::string_view company);

/** FNV-1a, 64 bits. */
std::uint64_t fnv1a64(std::string_view s) noexcept;

/** Dates as exports write them: "07 Feb 2023", "1/8/18, 6:14 PM", "9-Sep-22", "2023-02-07". */
std::optional<std::chrono::year_month_day> parse_loose_date(std::string_view s);

/** Trims ASCII spaces and tabs. */
std::string_view trim(std::string_view s) noexcept;

/** ASCII case-insensitive equality. */
bool iequals(std::string_view a, std::string_view b) noexcept;

/** 1-based line and column of byte `offset` in `text` (one scan from the start: for one error). */
location locate(std::string_view text, std::size_t offset);

/**
 * locate() for many offsets of one text: the line starts are found once, each
 * offset is then a binary search (a document of 100 k records is located in
 * one pass instead of one pass per record).
 */
class line_index {
public:
  explicit line_index(std::string_view text);
  location locate(std::size_t offset) const;

private:
  std::size_t size_ = 0;
  std::vector<std::size_t> starts_;  // byte offset of each line's first byte; starts_[0] == 0
};

/** A lower-case slug: letters and digits kept, runs of anything else become '-'. Non-ASCII UTF-8 is kept. */
std::string slug(std::string_view s);

} // namespace rapport::detail
