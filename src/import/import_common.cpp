#include "import/import_common.hpp"

#include "icu/charset.hpp"
#include "rapport/text.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace rapport {
inline namespace v1 {

const char *to_string(import_format f) noexcept {
  switch (f) {
  case import_format::linkedin_csv: return "linkedin_csv";
  case import_format::csv: return "csv";
  case import_format::vcard: return "vcard";
  case import_format::icalendar: return "icalendar";
  case import_format::json: return "json";
  }
  return "csv";
}

const char *to_string(problem_action a) noexcept {
  switch (a) {
  case problem_action::skipped: return "skipped";
  case problem_action::repaired: return "repaired";
  case problem_action::fatal: return "fatal";
  }
  return "repaired";
}

std::string to_string(const import_problem &p) {
  std::string s = p.file.empty() ? std::string("<input>") : p.file;
  if (p.line != 0) {
    s += ':' + std::to_string(p.line);
    if (p.column != 0) s += ':' + std::to_string(p.column);
  }
  s += ": ";
  if (p.record != import_problem::npos) s += "record " + std::to_string(p.record) + ": ";
  if (!p.field.empty()) s += "field " + p.field + ": ";
  s += p.message;
  s += " (";
  s += to_string(p.action);
  s += ')';
  return s;
}

} // namespace v1
} // namespace rapport

namespace rapport::detail {

import_context::import_context(const import_options &options, std::string file, record_sink &sink)
    : options_(options), file_(std::move(file)), sink_(sink) {}

bool import_context::begin_record(location where) {
  if (stopped_) return false;
  record_ = records_seen_++;
  record_repaired_ = false;
  if (records_seen_ > options_.limits.max_records)
    return fatal(errc::limit_exceeded, where,
                 "more than " + std::to_string(options_.limits.max_records) + " records (limits.max_records)");
  return true;
}

bool import_context::add_problem(problem_action action, errc code, location where, std::string field,
                                 std::string message, bool in_record) {
  import_problem p;
  p.code = code;
  p.action = action;
  p.file = file_;
  p.line = where.line;
  p.column = where.column;
  p.offset = where.offset;
  p.record = in_record ? record_ : import_problem::npos;
  p.field = std::move(field);
  p.message = std::move(message);
  if (strict() || action == problem_action::fatal) {
    p.action = problem_action::fatal;
    if (!stopped_) {
      stopped_ = true;
      error_ = make_error(code, to_string(p), where.offset);
    }
  }
  if (report_.problems.size() < options_.limits.max_problems)
    report_.problems.push_back(std::move(p));
  else
    ++report_.problems_not_kept;
  return !stopped_;
}

bool import_context::repaired(errc code, location where, std::string field, std::string message) {
  record_repaired_ = true;
  return add_problem(problem_action::repaired, code, where, std::move(field), std::move(message), true);
}

bool import_context::skipped(errc code, location where, std::string field, std::string message) {
  ++report_.skipped;
  return add_problem(problem_action::skipped, code, where, std::move(field), std::move(message), true);
}

bool import_context::note(errc code, location where, std::string message) {
  return add_problem(problem_action::repaired, code, where, {}, std::move(message), false);
}

bool import_context::fatal(errc code, location where, std::string message) {
  add_problem(problem_action::fatal, code, where, {}, std::move(message), false);
  return false;
}

bool import_context::finish_record(const result<void> &added, location where) {
  if (!added) return skipped(added.error().code, where, {}, added.error().message);
  ++report_.imported;
  if (record_repaired_) ++report_.repaired;
  return !stopped_;
}

result<import_report> import_context::finish() {
  if (stopped_) return error_;
  return std::move(report_);
}

// ---- files ----------------------------------------------------------------------

std::string display_name(const std::filesystem::path &path, const import_options &options) {
  return options.file_name.empty() ? path.string() : options.file_name;
}

namespace {

// 'path', built without `"'" + std::string`, on which g++ 12 -O2 warns (-Wrestrict, a false positive).
std::string quoted(const std::filesystem::path &path) {
  std::string s(1, '\'');
  s += path.string();
  s += '\'';
  return s;
}

result<std::FILE *> open_checked(const std::filesystem::path &path, const import_limits &limits) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return make_error(errc::not_found, "cannot open " + quoted(path) + ": no such file");
  if (std::filesystem::is_directory(status))
    return make_error(errc::io_error, "cannot read " + quoted(path) + ": it is a directory");
  if (std::filesystem::is_regular_file(status)) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limits.max_file_bytes)
    {
      std::string message = quoted(path);
      message += " has ";
      message += std::to_string(size);
      message += " bytes, more than limits.max_file_bytes (";
      message += std::to_string(limits.max_file_bytes);
      message += ')';
      return make_error(errc::limit_exceeded, std::move(message));
    }
  }
  std::FILE *f = std::fopen(path.c_str(), "rb");
  if (!f) return make_error(errc::io_error, "cannot open " + quoted(path) + ": " + std::strerror(errno));
  return f;
}

} // namespace

result<std::string> read_whole_file(const std::filesystem::path &path, const import_limits &limits) {
  auto f = open_checked(path, limits);
  if (!f) return f.error();
  std::string text;
  std::array<char, 1 << 16> chunk;
  bool failed = false;
  for (;;) {
    const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), *f);
    if (n == 0) {
      failed = std::ferror(*f) != 0;
      break;
    }
    if (text.size() + n > limits.max_file_bytes) {
      std::fclose(*f);
      return make_error(errc::limit_exceeded, quoted(path) + " is larger than limits.max_file_bytes (" +
                                                  std::to_string(limits.max_file_bytes) + ")");
    }
    text.append(chunk.data(), n);
  }
  std::fclose(*f);
  if (failed) return make_error(errc::io_error, "reading " + quoted(path) + " failed");
  return text;
}

chunk_reader::~chunk_reader() {
  if (file_) std::fclose(file_);
}

result<void> chunk_reader::open(const std::filesystem::path &path, const import_limits &limits) {
  auto f = open_checked(path, limits);
  if (!f) return f.error();
  file_ = *f;
  buffer_.resize(std::size_t(1) << 20);
  return {};
}

bool chunk_reader::refill(std::size_t consumed) {
  if (consumed > 0) {
    std::memmove(buffer_.data(), buffer_.data() + consumed, size_ - consumed);
    size_ -= consumed;
    base_ += consumed;
  }
  if (eof_ || !file_) return false;
  if (buffer_.size() - size_ < (std::size_t(1) << 19)) buffer_.resize(buffer_.size() * 2);
  const std::size_t n = std::fread(buffer_.data() + size_, 1, buffer_.size() - size_, file_);
  size_ += n;
  if (n == 0) {
    eof_ = true;
    failed_ = std::ferror(file_) != 0;
    return false;
  }
  return true;
}

// ---- text input ----------------------------------------------------------------

namespace {
const char *utf16_kind(std::string_view s) {
  if (s.size() >= 2 && s[0] == '\xFF' && s[1] == '\xFE') return "UTF-16LE";
  if (s.size() >= 2 && s[0] == '\xFE' && s[1] == '\xFF') return "UTF-16BE";
  if (s.size() >= 8 && s[1] == '\0' && s[3] == '\0' && s[0] != '\0' && s[2] != '\0') return "UTF-16LE";
  if (s.size() >= 8 && s[0] == '\0' && s[2] == '\0' && s[1] != '\0' && s[3] != '\0') return "UTF-16BE";
  return nullptr;
}
} // namespace

bool decode_text_input(import_context &ctx, std::string_view &bytes, std::string &storage) {
  if (const char *kind = utf16_kind(bytes)) {
    std::string_view body = bytes;
    if (body.substr(0, 2) == "\xFF\xFE" || body.substr(0, 2) == "\xFE\xFF") body.remove_prefix(2);
    auto r = icu::convert_to_utf8(body, kind);
    if (!r)
      return ctx.fatal(errc::invalid_utf8, {0, 0, r.error().offset},
                       std::string("the input looks like ") + kind + " but " + r.error().message);
    storage = std::move(*r);
    bytes = storage;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return true;
}

bool repair_utf8(import_context &ctx, std::string &value, location where, const std::string &field) {
  const auto bad = find_invalid_utf8(value);
  if (!bad) return true;
  auto fallback = icu::convert_to_utf8(value, "windows-1252");
  value = fallback ? std::move(*fallback) : std::string();
  return ctx.repaired(errc::invalid_utf8, where, field,
                      "invalid UTF-8 at byte " + std::to_string(*bad) + " of the value; read as Windows-1252");
}

// ---- ids, dates, text ------------------------------------------------------------

std::uint64_t fnv1a64(std::string_view s) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

namespace {
char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
} // namespace

std::string linkedin_id(std::string_view url) {
  url = trim(url);
  static constexpr std::string_view marker = "linkedin.com/in/";
  std::size_t at = std::string_view::npos;
  // Exports write it in lowercase: find that with one search, then look for
  // an earlier one in any case only before it (the first one counts).
  std::size_t lower = std::string_view::npos;
  for (std::size_t i = url.find(marker.substr(1)); i != std::string_view::npos; i = url.find(marker.substr(1), i + 1))
    if (i > 0 && (url[i - 1] == 'l' || url[i - 1] == 'L')) {
      lower = i - 1;
      break;
    }
  for (std::size_t i = url.find_first_of("lL");
       i != std::string_view::npos && i < lower && i + marker.size() <= url.size(); i = url.find_first_of("lL", i + 1))
    if (iequals(url.substr(i, marker.size()), marker)) {
      at = i;
      break;
    }
  if (at == std::string_view::npos) at = lower;
  if (at == std::string_view::npos) return {};
  // Only the scheme and the host may precede: "https://www.", "de.", "".
  const std::string_view before = url.substr(0, at);
  const std::size_t scheme = before.find("://");
  const std::string_view host = scheme == std::string_view::npos ? before : before.substr(scheme + 3);
  if (host.find('/') != std::string_view::npos) return {};
  const std::size_t start = at + marker.size();
  std::size_t end = start;
  while (end < url.size() && url[end] != '/' && url[end] != '?' && url[end] != '#') ++end;
  if (end == start) return {};
  std::string id;
  id.reserve(9 + end - start);
  id.append("linkedin:").append(url.substr(start, end - start));
  for (std::size_t i = 9; i < id.size(); ++i) id[i] = ascii_lower(id[i]);
  return id;
}

std::string contact_id(std::string_view url, std::string_view email, std::string_view given, std::string_view family,
                       std::string_view company) {
  if (auto id = linkedin_id(url); !id.empty()) return id;
  email = trim(email);
  if (!email.empty()) {
    std::string id = "email:";
    for (char c : email) id += ascii_lower(c);
    return id;
  }
  std::string key;
  key.reserve(given.size() + family.size() + company.size() + 2);
  key.append(trim(given)).append(1, '\x1f').append(trim(family)).append(1, '\x1f').append(trim(company));
  static constexpr char hex[] = "0123456789abcdef";
  std::uint64_t h = fnv1a64(key);
  std::string id = "name:0000000000000000";
  for (int i = 20; i >= 5; --i, h >>= 4) id[static_cast<std::size_t>(i)] = hex[h & 15];
  return id;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

location locate(std::string_view text, std::size_t offset) {
  location l;
  l.offset = offset;
  l.line = 1;
  std::size_t line_start = 0;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] == '\n') {
      ++l.line;
      line_start = i + 1;
    }
  l.column = offset - line_start + 1;
  return l;
}

line_index::line_index(std::string_view text) : size_(text.size()) {
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) starts_.push_back(i + 1);
}

location line_index::locate(std::size_t offset) const {
  const std::size_t end = offset < size_ ? offset : size_;
  // The last line start at or before `end` (a start equal to end + 1 belongs to the next line).
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), end);
  const auto line = static_cast<std::size_t>(it - starts_.begin());  // >= 1: starts_[0] == 0
  location l;
  l.offset = offset;
  l.line = line;
  l.column = offset - starts_[line - 1] + 1;
  return l;
}

std::string slug(std::string_view s) {
  std::string out;
  bool dash = false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (keep) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += ascii_lower(ch);
    } else {
      dash = true;
    }
  }
  return out;
}

namespace {

bool read_int(std::string_view &s, int &out, std::size_t min_digits, std::size_t max_digits) {
  std::size_t n = 0;
  int v = 0;
  while (n < s.size() && n < max_digits && s[n] >= '0' && s[n] <= '9') v = v * 10 + (s[n++] - '0');
  if (n < min_digits) return false;
  if (n < s.size() && s[n] >= '0' && s[n] <= '9') return false;
  out = v;
  s.remove_prefix(n);
  return true;
}

bool read_month_name(std::string_view &s, int &month) {
  static constexpr std::array<const char *, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                         "jul", "aug", "sep", "oct", "nov", "dec"};
  std::size_t n = 0;
  while (n < s.size() && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))) ++n;
  if (n < 3) return false;
  const std::string_view word = s.substr(0, n);
  for (std::size_t m = 0; m < names.size(); ++m) {
    if (!iequals(word.substr(0, 3), names[m])) continue;
    // "Sep", "Sept", "September" all count; "Mayday" does not.
    static constexpr std::array<const char *, 12> full = {"january", "february", "march",     "april",
                                                          "may",     "june",     "july",      "august",
                                                          "september", "october", "november", "december"};
    const std::string_view f = full[m];
    if (n > 3 && !(n <= f.size() && iequals(word, f.substr(0, n)))) return false;
    month = static_cast<int>(m) + 1;
    s.remove_prefix(n);
    return true;
  }
  return false;
}

int full_year(int y, std::size_t digits) { return digits <= 2 ? (y < 70 ? 2000 + y : 1900 + y) : y; }

std::optional<std::chrono::year_month_day> make_date(int y, int m, int d) {
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || y < 1900 || y > 2200) return std::nullopt;
  return ymd;
}

std::size_t digits_at(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return n;
}

} // namespace

std::optional<std::chrono::year_month_day> parse_loose_date(std::string_view s) {
  s = trim(s);
  int a = 0, b = 0, c = 0, month = 0;
  std::string_view t = s;
  const std::size_t first_digits = digits_at(t);
  if (first_digits == 4) {  // 2023-02-07
    if (!read_int(t, a, 4, 4) || t.empty() || t[0] != '-') return std::nullopt;
    t.remove_prefix(1);
    if (!read_int(t, b, 1, 2) || t.empty() || t[0] != '-') return std::nullopt;
    t.remove_prefix(1);
    if (!read_int(t, c, 1, 2)) return std::nullopt;
    if (!t.empty() && t[0] != 'T' && t[0] != ' ') return std::nullopt;
    return make_date(a, b, c);
  }
  if (first_digits == 0 || first_digits > 2) return std::nullopt;
  read_int(t, a, 1, 2);
  if (t.empty()) return std::nullopt;
  const char sep = t[0];
  if (sep == ' ' || sep == '-') {  // 07 Feb 2023, 9-Sep-22
    t.remove_prefix(1);
    if (!read_month_name(t, month) || t.empty() || t[0] != sep) return std::nullopt;
    t.remove_prefix(1);
    const std::size_t yd = digits_at(t);
    if ((yd != 2 && yd != 4) || !read_int(t, c, yd, yd) || !trim(t).empty()) return std::nullopt;
    return make_date(full_year(c, yd), month, a);
  }
  if (sep == '/') {  // 1/8/18, 6:14 PM — month first (US), unless the first number cannot be a month
    t.remove_prefix(1);
    if (!read_int(t, b, 1, 2) || t.empty() || t[0] != '/') return std::nullopt;
    t.remove_prefix(1);
    const std::size_t yd = digits_at(t);
    if ((yd != 2 && yd != 4) || !read_int(t, c, yd, yd)) return std::nullopt;
    if (!t.empty() && t[0] != ',' && t[0] != ' ') return std::nullopt;
    const int y = full_year(c, yd);
    if (a > 12 && b <= 12) return make_date(y, b, a);
    return make_date(y, a, b);
  }
  return std::nullopt;
}

} // namespace rapport::detail
