// CSV: an RFC 4180 tokenizer that works on chunks, and rows → contacts.
#include <algorithm>
#include <bit>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "directory/directory_data.hpp"
#include "import/formats.hpp"
#include "rapport/text.hpp"

namespace rapport::detail {

namespace {

// The first i in [from, n) where p[i] is the delimiter, '\n' or '\r' (n if none),
// eight bytes at a time: fields are short, but this loop is most of the tokenizer.
std::size_t field_end(const char *p, std::size_t from, std::size_t n, char delim) noexcept {
  std::size_t i = from;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const std::uint64_t d = ones * static_cast<unsigned char>(delim), lf = ones * '\n', cr = ones * '\r';
    auto zero_bytes = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };  // lowest set bit exact
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      const std::uint64_t hit = zero_bytes(w ^ d) | zero_bytes(w ^ lf) | zero_bytes(w ^ cr);
      if (hit) return i + static_cast<std::size_t>(std::countr_zero(hit) >> 3);
    }
  }
  while (i < n && p[i] != delim && p[i] != '\n' && p[i] != '\r') ++i;
  return i;
}

} // namespace

template <bool Store>
csv_tokenizer::status csv_tokenizer::scan(std::string_view buf, std::size_t &pos, bool eof) {
  const std::size_t n = buf.size();
  const char *p = buf.data();
  raw_.clear();
  scratch_.clear();
  newlines_ = 0;
  if (pos >= n) return eof ? status::end : status::need_more;  // a record may end exactly at a chunk's end
  std::size_t i = pos;
  for (;;) {
    const std::size_t field_start = i;
    if (i < n && p[i] == '"') {
      quote_offset_ = i;
      ++i;
      std::size_t seg = i;
      bool in_scratch = false;
      for (;;) {
        const void *q = std::memchr(p + i, '"', n - i);
        if (!q) {
          if (!eof) return status::need_more;
          return status::unterminated_quote;
        }
        const std::size_t qi = static_cast<std::size_t>(static_cast<const char *>(q) - p);
        newlines_ += static_cast<std::size_t>(std::count(p + i, p + qi, '\n'));
        if (qi + 1 >= n && !eof) return status::need_more;
        if (qi + 1 < n && p[qi + 1] == '"') {  // "" is one quote
          if constexpr (!Store) {
          } else if (!in_scratch) {
            in_scratch = true;
            seg = scratch_.size();
            scratch_.append(p + field_start + 1, qi + 1 - (field_start + 1));
          } else {
            scratch_.append(p + i, qi + 1 - i);
          }
          i = qi + 2;
          continue;
        }
        // The closing quote. Text between it and the delimiter is kept as written.
        const std::size_t j = field_end(p, qi + 1, n, delim_);
        if constexpr (!Store) {
        } else if (in_scratch) {
          scratch_.append(p + i, qi - i);
          scratch_.append(p + qi + 1, j - qi - 1);
          raw_.push_back({seg, scratch_.size() - seg, field_start, true});
        } else if (j == qi + 1) {
          raw_.push_back({field_start + 1, qi - field_start - 1, field_start, false});
        } else {
          const std::size_t s = scratch_.size();
          scratch_.append(p + field_start + 1, qi - field_start - 1);
          scratch_.append(p + qi + 1, j - qi - 1);
          raw_.push_back({s, scratch_.size() - s, field_start, true});
        }
        i = j;
        break;
      }
    } else {
      i = field_end(p, i, n, delim_);
      if constexpr (Store) raw_.push_back({field_start, i - field_start, field_start, false});
    }
    if (i >= n) {
      if (!eof) return status::need_more;
      break;
    }
    if (p[i] == delim_) {
      ++i;
      continue;
    }
    if (p[i] == '\r') {
      if (i + 1 >= n && !eof) return status::need_more;
      i += (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
    } else {
      ++i;
    }
    ++newlines_;
    break;
  }
  pos = i;
  if constexpr (!Store) return status::record;
  views_.resize(raw_.size());
  for (std::size_t k = 0; k < raw_.size(); ++k)
    views_[k] = raw_[k].in_scratch ? std::string_view(scratch_).substr(raw_[k].begin, raw_[k].size)
                                   : buf.substr(raw_[k].begin, raw_[k].size);
  return status::record;
}

csv_tokenizer::status csv_tokenizer::next(std::string_view buf, std::size_t &pos, bool eof) {
  return scan<true>(buf, pos, eof);
}

csv_tokenizer::status csv_tokenizer::skip(std::string_view buf, std::size_t &pos, bool eof) {
  return scan<false>(buf, pos, eof);
}

namespace {

void split_list(std::string_view s, std::vector<std::string> &out) {
  while (!s.empty()) {
    const std::size_t semi = s.find(';');
    const std::string_view item = trim(s.substr(0, semi));
    if (!item.empty()) out.emplace_back(item);
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
}

// Line and column of `offset` in `buf`, given that `record_start` is at the start of `line`.
location where_in(std::string_view buf, std::size_t base, std::size_t record_start, std::size_t line,
                  std::size_t offset) {
  location l;
  l.offset = base + offset;
  l.line = line;
  std::size_t line_start = record_start;
  for (std::size_t i = record_start; i < offset && i < buf.size(); ++i)
    if (buf[i] == '\n') {
      ++l.line;
      line_start = i + 1;
    }
  l.column = offset - line_start + 1;
  return l;
}

// Reads one row into a contact. `Target` is the import_context itself (serial)
// or a worker's record log (parallel), which the context replays in order.
template <class Target>
struct row_reader {
  Target &ctx;
  const csv_plan &plan;

  // Returns false when the import must stop.
  bool read(const std::vector<std::string_view> &f, const csv_tokenizer &tok, std::string_view buf, std::size_t base,
            std::size_t record_start, std::size_t line) {
    const location rec{line, 1, base + record_start};
    if (!ctx.begin_record(rec)) return false;
    auto at = [&](std::size_t col) { return where_in(buf, base, record_start, line, tok.field_offset(col)); };
    auto column_name = [&](std::size_t col) {
      return col < plan.header.size() ? plan.header[col] : "column " + std::to_string(col + 1);
    };
    for (std::size_t col = 0; col < f.size(); ++col) {
      if (auto bad = find_invalid_utf8(f[col])) {
        // Point at the bad byte itself when the field's text lies in the buffer (it does unless "" was unescaped).
        const auto text = reinterpret_cast<std::uintptr_t>(f[col].data());
        const auto first = reinterpret_cast<std::uintptr_t>(buf.data());
        const std::size_t text_start =
            text >= first && text < first + buf.size() ? static_cast<std::size_t>(text - first) : tok.field_offset(col);
        const location l = where_in(buf, base, record_start, line, text_start + *bad);
        return ctx.skipped(errc::invalid_utf8, l, column_name(col), "invalid UTF-8 at byte " + std::to_string(*bad) +
                                                                      " of the field; row skipped");
      }
    }
    if (f.size() != plan.header_fields) {
      const std::string counts = "row has " + std::to_string(f.size()) + " fields, the header has " +
                                 std::to_string(plan.header_fields);
      if (!ctx.repaired(errc::parse_error, rec, {},
                        counts + (f.size() > plan.header_fields ? "; extra fields ignored" : "; missing fields left empty")))
        return false;
    }
    contact c;
    std::string_view url, email, company, title, date, id;
    std::size_t date_col = 0;
    bool has_org = false;
    for (std::size_t col = 0; col < f.size() && col < plan.fields.size(); ++col) {
      const std::string_view v = trim(f[col]);
      switch (plan.fields[col]) {
      case contact_field::ignore: break;
      case contact_field::id: id = v; break;
      case contact_field::given_name: c.name.given = v; break;
      case contact_field::family_name: c.name.family = v; break;
      case contact_field::full_name: c.name.raw = v; break;
      case contact_field::email: email = v; break;
      case contact_field::profile_url: url = v; break;
      case contact_field::organization: company = v; has_org = true; break;
      case contact_field::title: title = v; has_org = true; break;
      case contact_field::headline: c.headline = v; break;
      case contact_field::industry: c.industry = v; break;
      case contact_field::location: c.location = v; break;
      case contact_field::languages: split_list(v, c.languages); break;
      case contact_field::topics: split_list(v, c.topics); break;
      case contact_field::schools: split_list(v, c.schools); break;
      case contact_field::connected_on: date = v; date_col = col; break;
      }
    }
    if (c.name.raw.empty() && (!c.name.given.empty() || !c.name.family.empty())) {
      c.name.raw = c.name.given;
      if (!c.name.family.empty()) {
        if (!c.name.raw.empty()) c.name.raw += ' ';
        c.name.raw += c.name.family;
      }
    }
    if (has_org && (!company.empty() || !title.empty())) {
      organization o;
      o.name = company;
      o.title = title;
      if (c.headline.empty()) c.headline = title;
      c.organizations.push_back(std::move(o));
    }
    if (!date.empty()) {
      c.connected_on = parse_loose_date(date);
      if (!c.connected_on && !ctx.repaired(errc::parse_error, at(date_col), column_name(date_col),
                                           "unrecognised date '" + std::string(date) + "'; connected_on left empty"))
        return false;
    }
    if (c.name.raw.empty()) {
      if (id.empty() && url.empty() && email.empty())
        return ctx.skipped(errc::invalid_argument, rec, {}, "row has no name, URL or email; nothing identifies the contact");
      if (!ctx.repaired(errc::invalid_argument, rec, {}, "row has no name; kept because it has a URL or email"))
        return false;
    }
    std::string profile = url.empty() ? std::string() : linkedin_id(url);
    if (!url.empty() && profile.empty() && id.empty() &&
        !ctx.repaired(errc::invalid_argument, rec, {}, "URL '" + std::string(url) + "' is not a LinkedIn profile; not used for the id"))
      return false;
    if (!id.empty())
      c.id = id;
    else if (!profile.empty())
      c.id = std::move(profile);
    else
      c.id = contact_id({}, email, c.name.given.empty() && c.name.family.empty() ? c.name.raw : c.name.given,
                        c.name.family, company);
    return ctx.deliver(std::move(c), rec);
  }
};

bool blank(const std::vector<std::string_view> &f) { return f.size() == 1 && trim(f[0]).empty(); }

// ---- parallel rows ------------------------------------------------------------------
// The calling thread splits records (the tokenizer finds where each ends, so
// quoted newlines are honoured) and copies them into batches; workers turn a
// batch's rows into contacts, normalized, and log what they would have told
// the import_context; the calling thread replays the logs in input order. The
// context therefore sees exactly the calls of a serial run: same records,
// problems, counts, strict-mode stop and limits.

struct logged_problem {
  problem_action action;
  errc code;
  location where;
  std::string field, message;
};

struct logged_record {
  location rec;
  std::vector<logged_problem> problems;
  std::optional<contact> c;
  import_normalization counts;
  std::uint32_t id_tag = 0;  // the builder's hash of c->id, made here while the id is in this core's cache
};

// What a worker offers row_reader in place of the import_context.
struct record_log {
  std::vector<logged_record> &out;
  contact_normalizer &normalizer;
  bool normalize;
  bool begin_record(location where) {
    out.emplace_back().rec = where;
    return true;
  }
  bool repaired(errc code, location where, std::string field, std::string message) {
    out.back().problems.push_back({problem_action::repaired, code, where, std::move(field), std::move(message)});
    return true;
  }
  bool skipped(errc code, location where, std::string field, std::string message) {
    out.back().problems.push_back({problem_action::skipped, code, where, std::move(field), std::move(message)});
    return true;
  }
  bool deliver(contact &&c, location) {
    auto &r = out.back();
    if (normalize) normalizer.apply(c, r.counts);
    r.id_tag = builder_access::id_tag(c.id);
    r.c = std::move(c);
    return true;
  }
};

struct csv_batch {
  struct row {
    std::size_t begin, end;  // in text
    std::size_t line, offset;  // where the record starts in the input
  };
  std::string text;
  std::vector<row> rows;
  std::vector<logged_record> out;
  std::exception_ptr failure;  // what a worker threw (out of memory); rethrown on the reading thread
  bool done = false;
};

class csv_workers {
public:
  csv_workers(unsigned threads, const csv_plan &plan, char delimiter, bool normalize)
      : plan_(plan), delimiter_(delimiter), normalize_(normalize) {
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }
  ~csv_workers() {
    {
      std::lock_guard lock(m_);
      quit_ = true;
    }
    work_cv_.notify_all();
    for (auto &t : threads_) t.join();
  }
  csv_workers(const csv_workers &) = delete;
  csv_workers &operator=(const csv_workers &) = delete;

  void submit(std::unique_ptr<csv_batch> b) {
    std::lock_guard lock(m_);
    todo_.push_back(b.get());
    in_order_.push_back(std::move(b));
    work_cv_.notify_one();
  }
  std::size_t in_flight() const { return in_order_.size(); }
  /** The oldest batch, once done (blocks); nullptr when none is left. */
  std::unique_ptr<csv_batch> next_done() {
    std::unique_lock lock(m_);
    if (in_order_.empty()) return nullptr;
    done_cv_.wait(lock, [&] { return in_order_.front()->done; });
    auto b = std::move(in_order_.front());
    in_order_.pop_front();
    return b;
  }

private:
  void work() {
    contact_normalizer normalizer;  // each thread its own caches
    csv_tokenizer tok(delimiter_);
    for (;;) {
      csv_batch *b = nullptr;
      {
        std::unique_lock lock(m_);
        work_cv_.wait(lock, [&] { return quit_ || !todo_.empty(); });
        if (quit_) return;
        b = todo_.front();
        todo_.pop_front();
      }
      try {
        b->out.clear();  // a recycled batch: its old records are destroyed here, not on the reading thread
        record_log log{b->out, normalizer, normalize_};
        row_reader<record_log> rows{log, plan_};
        b->out.reserve(b->rows.size());
        for (const auto &r : b->rows) {
          const std::string_view text = std::string_view(b->text).substr(r.begin, r.end - r.begin);
          std::size_t pos = 0;
          tok.next(text, pos, true);  // a whole record: its fields as the serial run saw them
          if (blank(tok.fields())) continue;  // the serial run ignores it without a word
          rows.read(tok.fields(), tok, text, r.offset, 0, r.line);
        }
      } catch (...) {
        b->failure = std::current_exception();
      }
      {
        std::lock_guard lock(m_);
        b->done = true;
      }
      done_cv_.notify_all();
    }
  }

  const csv_plan &plan_;
  char delimiter_;
  bool normalize_;
  std::mutex m_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<csv_batch *> todo_;
  std::deque<std::unique_ptr<csv_batch>> in_order_;
  bool quit_ = false;
  std::vector<std::thread> threads_;
};

// Replays a worker's log into the context. False when the import must stop.
bool replay(import_context &ctx, csv_batch &b) {
  if (b.failure) std::rethrow_exception(std::exchange(b.failure, nullptr));  // as the serial run would have thrown
  for (auto &r : b.out) {
    if (!ctx.begin_record(r.rec)) return false;
    bool skipped = false;
    for (auto &p : r.problems) {
      const bool go = p.action == problem_action::skipped
                          ? ctx.skipped(p.code, p.where, std::move(p.field), std::move(p.message))
                          : ctx.repaired(p.code, p.where, std::move(p.field), std::move(p.message));
      if (!go) return false;
      skipped = skipped || p.action == problem_action::skipped;
    }
    if (skipped || !r.c) continue;
    if (!ctx.deliver_normalized(std::move(*r.c), r.counts, r.rec, r.id_tag, true)) return false;
  }
  return true;
}

unsigned thread_count(unsigned asked) {
  if (asked != 0) return std::min(asked, 64u);
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : std::min(n, 8u);
}

} // namespace

void run_csv_import(import_context &ctx, const csv_source &source, char delimiter, const header_finder &find_header,
                    const char *format_name) {
  ctx.set_fields_checked(true);  // row_reader checks every field of a row before using it
  csv_tokenizer tok(delimiter);
  csv_plan plan;
  bool have_header = false;
  std::size_t line = 1;
  std::size_t pos = 0;
  std::size_t records_before_header = 0;
  const std::size_t max_line = ctx.limits().max_line_bytes;
  chunk_reader *reader = source.reader;
  if (reader) reader->refill(0);
  auto data = [&]() { return reader ? reader->data() : source.bytes; };
  auto eof = [&]() { return reader ? reader->eof() : true; };
  auto base = [&]() { return reader ? reader->base() : std::size_t(0); };
  if (data().substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  // Whole input at hand: at most one contact per line, so the records need not move while growing.
  // Bounded, so that a file of bare newlines cannot make it reserve gigabytes.
  if (!reader) {
    const auto lines = static_cast<std::size_t>(std::count(source.bytes.begin(), source.bytes.end(), '\n'));
    ctx.expect_contacts(std::min({lines, source.bytes.size() / 32, std::size_t(1) << 21}));
  }
  if (data().substr(0, 2) == "\xFF\xFE" || data().substr(0, 2) == "\xFE\xFF") {
    ctx.fatal(errc::invalid_utf8, {1, 1, 0}, "the file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel) and import again");
    return;
  }
  // Rows go to worker threads in batches once the header is known (threads > 1).
  const unsigned threads = thread_count(ctx.options().threads);
  std::optional<csv_workers> workers;
  std::unique_ptr<csv_batch> batch;
  constexpr std::size_t batch_rows = 1024;
  bool stop = false;
  bool parallel = false;  // the header is known and workers read the rows
  // Replays finished batches until at most `keep` are in flight. False when the import must stop.
  std::vector<std::unique_ptr<csv_batch>> spare;  // replayed batches, reused with their capacity
  auto drain = [&](std::size_t keep) {
    if (!workers) return true;
    while (!stop && workers->in_flight() > keep) {
      auto done = workers->next_done();
      if (!replay(ctx, *done)) stop = true;
      done->done = false;
      spare.push_back(std::move(done));
    }
    return !stop;
  };
  auto submit = [&] {
    if (batch && !batch->rows.empty()) workers->submit(std::move(batch));
    batch.reset();
    return drain(std::size_t(4) * threads);
  };
  // Everything read so far reaches the context before the main loop reports anything itself.
  auto flush = [&] { return !workers || (submit() && drain(0)); };
  for (;;) {
    std::string_view buf = data();
    const std::size_t record_start = pos;
    // Once rows go to workers, this thread only needs where each record ends.
    const auto st = parallel ? tok.skip(buf, pos, eof()) : tok.next(buf, pos, eof());
    if (st == csv_tokenizer::status::need_more) {
      if (buf.size() - record_start > max_line) {
        if (!flush()) return;
        ctx.fatal(errc::limit_exceeded, {line, 1, base() + record_start},
                  "a record longer than limits.max_line_bytes (" + std::to_string(max_line) +
                      " bytes) starts here; an unterminated quote?");
        return;
      }
      reader->refill(record_start);
      pos = 0;
      if (reader->failed()) {
        if (!flush()) return;
        ctx.fatal(errc::io_error, {line, 1, base()}, "reading the file failed");
        return;
      }
      continue;
    }
    if (st == csv_tokenizer::status::end) break;
    if (st == csv_tokenizer::status::unterminated_quote) {
      const location l = where_in(buf, base(), record_start, line, tok.quote_offset());
      if (!have_header) {
        ctx.fatal(errc::parse_error, l, "a quoted field opened here never closes, before any header row");
        return;
      }
      if (flush() && ctx.begin_record({line, 1, base() + record_start}))
        ctx.skipped(errc::parse_error, l, {}, "a quoted field opened here never closes (truncated file?); the rest of the file is this row");
      return;
    }
    if (pos - record_start > max_line) {
      if (!flush()) return;
      ctx.fatal(errc::limit_exceeded, {line, 1, base() + record_start},
                "record longer than limits.max_line_bytes (" + std::to_string(max_line) + " bytes)");
      return;
    }
    const std::size_t record_line = line;
    line += tok.newlines();
    if (parallel) {  // blank records too: the worker sees that they are blank
      if (!batch && !spare.empty()) {
        batch = std::move(spare.back());
        spare.pop_back();
        batch->text.clear();
        batch->rows.clear();
      }
      if (!batch) {
        batch = std::make_unique<csv_batch>();
        batch->rows.reserve(batch_rows);
        batch->text.reserve(batch_rows * 128);
      }
      const std::size_t at = batch->text.size();
      batch->text.append(buf.substr(record_start, pos - record_start));
      batch->rows.push_back({at, batch->text.size(), record_line, base() + record_start});
      if (batch->rows.size() == batch_rows && !submit()) return;
      continue;
    }
    const auto &fields = tok.fields();
    if (blank(fields)) continue;
    if (!have_header) {
      auto found = find_header(fields, plan);
      if (!found) {
        ctx.fatal(found.error().code, {record_line, 1, base() + record_start}, found.error().message);
        return;
      }
      have_header = *found;
      if (have_header && threads > 1) {
        workers.emplace(threads, plan, delimiter, ctx.options().normalize);
        parallel = true;
      }
      if (!have_header && ++records_before_header > 50) {
        ctx.fatal(errc::parse_error, {record_line, 1, base() + record_start},
                  std::string("no header row found in the first 50 records; is this a ") + format_name + " file?");
        return;
      }
      continue;
    }
    row_reader<import_context> rows{ctx, plan};
    if (!rows.read(fields, tok, buf, base(), record_start, record_line)) return;
  }
  if (!flush()) return;
  if (!have_header) ctx.fatal(errc::parse_error, {line, 0, base() + pos}, std::string("no header row found; is this a ") + format_name + " file?");
}

result<bool> plan_from_mapping(const csv_mapping &mapping, const std::vector<std::string_view> &record, csv_plan &plan) {
  plan.header.clear();
  for (auto f : record) plan.header.emplace_back(trim(f));
  plan.header_fields = record.size();
  plan.fields.assign(record.size(), contact_field::ignore);
  for (const auto &[name, field] : mapping.columns) {
    const auto it = std::find(plan.header.begin(), plan.header.end(), std::string(trim(name)));
    if (it == plan.header.end())
      return make_error(errc::invalid_argument, "the mapping names column '" + name + "', which the header does not have");
    plan.fields[static_cast<std::size_t>(it - plan.header.begin())] = field;
  }
  return true;
}

void run_generic_csv(import_context &ctx, const csv_source &source, const csv_mapping &mapping) {
  run_csv_import(ctx, source, mapping.delimiter,
                 [&](const std::vector<std::string_view> &r, csv_plan &p) { return plan_from_mapping(mapping, r, p); },
                 "CSV");
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

namespace {

result<imported> run_generic(const detail::csv_source &source, const csv_mapping &mapping, const import_options &options,
                             std::string file) {
  return detail::collect(options, std::move(file),
                         [&](detail::import_context &ctx) { detail::run_generic_csv(ctx, source, mapping); });
}

} // namespace

result<imported> import_csv(std::string_view bytes, const csv_mapping &mapping, const import_options &options) {
  if (bytes.size() > options.limits.max_file_bytes)
    return make_error(errc::limit_exceeded, "input is larger than limits.max_file_bytes");
  return run_generic({bytes, nullptr}, mapping, options, options.file_name);
}

result<imported> import_csv_file(const std::filesystem::path &path, const csv_mapping &mapping,
                                 const import_options &options) {
  detail::chunk_reader reader;
  if (auto r = reader.open(path, options.limits); !r) return r.error();
  return run_generic({{}, &reader}, mapping, options, detail::display_name(path, options));
}

} // namespace v1
} // namespace rapport
