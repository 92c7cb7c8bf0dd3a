// Private: the RFC 4180 tokenizer and the row-to-contact driver shared by the
// LinkedIn and the generic CSV importers.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "import/import_common.hpp"

namespace rapport::detail {

/** Splits CSV records out of a buffer that may end mid-record. */
class csv_tokenizer {
public:
  enum class status { record, need_more, end, unterminated_quote };

  explicit csv_tokenizer(char delimiter = ',') : delim_(delimiter) {}

  /**
   * Reads one record of `buf` starting at `pos`. On status::record, fields()
   * hold it (views valid until the next call or a change of `buf`) and `pos`
   * is past its terminator. need_more: the record may continue beyond `buf`
   * (only when !eof); nothing was consumed. end: no bytes left.
   * unterminated_quote: a quote opened at quote_offset() never closes (eof).
   */
  status next(std::string_view buf, std::size_t &pos, bool eof);
  /** As next(), but only finds where the record ends (newlines() too); fields() is not filled. */
  status skip(std::string_view buf, std::size_t &pos, bool eof);

  const std::vector<std::string_view> &fields() const noexcept { return views_; }
  /** Offset in `buf` where field `i` starts. */
  std::size_t field_offset(std::size_t i) const noexcept { return raw_[i].source; }
  /** Newlines the last record spanned (its terminator included). */
  std::size_t newlines() const noexcept { return newlines_; }
  std::size_t quote_offset() const noexcept { return quote_offset_; }

private:
  template <bool Store>
  status scan(std::string_view buf, std::size_t &pos, bool eof);
  struct raw_field {
    std::size_t begin, size;  // in buf, or in scratch_ when in_scratch
    std::size_t source;       // where the field starts in buf
    bool in_scratch;
  };
  char delim_;
  std::vector<raw_field> raw_;
  std::vector<std::string_view> views_;
  std::string scratch_;
  std::size_t newlines_ = 0;
  std::size_t quote_offset_ = 0;
};

/** What each column of a CSV file becomes. */
struct csv_plan {
  std::vector<std::string> header;       ///< column names as written
  std::vector<contact_field> fields;     ///< per column
  std::size_t header_fields = 0;
};

/**
 * Finds the header among the first records of the input and returns the plan;
 * called with each record until it returns true. Returning an error stops the import.
 */
using header_finder = std::function<result<bool>(const std::vector<std::string_view> &record, csv_plan &plan)>;

/** Where CSV bytes come from: the whole input, or a file in chunks. */
struct csv_source {
  std::string_view bytes;    ///< used when reader is null
  chunk_reader *reader = nullptr;
};

/** Reads records from `source` into contacts, reporting through `ctx`. */
void run_csv_import(import_context &ctx, const csv_source &source, char delimiter, const header_finder &find_header,
                    const char *format_name);

/** The plan for a generic mapping; errors when a mapped column is missing. */
result<bool> plan_from_mapping(const csv_mapping &mapping, const std::vector<std::string_view> &record, csv_plan &plan);

} // namespace rapport::detail
