#include "templates/gettext_files.hpp"

#include <cstdint>
#include <cstring>

#include "rapport/text.hpp"
#include "text/utf8.hpp"

namespace rapport::detail::tpl {

std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

// ---- .po ------------------------------------------------------------------------

namespace {

// The value of a header field ("Language:") in a catalog header, trimmed.
std::string header_field(const std::string &header, std::string_view key) {
  const auto pos = header.find(key);
  if (pos == std::string::npos) return {};
  const auto end = header.find('\n', pos);
  std::string v = header.substr(pos + key.size(), end == std::string::npos ? std::string::npos : end - pos - key.size());
  const auto b = v.find_first_not_of(" \t");
  const auto e = v.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : v.substr(b, e - b + 1);
}

class po_parser {
public:
  po_parser(std::string_view text, std::string_view name) : s_(text), name_(name) {}

  result<gettext_file> run() {
    if (auto bad = find_invalid_utf8(s_)) {
      fail_at(errc::invalid_utf8, "invalid UTF-8", *bad);
      return err_;
    }
    std::size_t i = 0;
    for (;;) {
      const std::size_t eol = std::min(s_.find('\n', i), s_.size());
      std::string_view line = s_.substr(i, eol - i);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!parse_line(line, i)) return err_;
      if (eol >= s_.size()) break;
      i = eol + 1;
      ++line_;
    }
    if (!flush()) return err_;
    return std::move(out_);
  }

private:
  enum class field { none, ctxt, id, id_plural, str, str_other };
  std::string_view s_;
  std::string_view name_;
  std::size_t line_ = 1;
  std::size_t entry_start_ = 0;
  gettext_file out_;
  po_entry cur_;
  field f_ = field::none;
  bool in_entry_ = false, have_str_ = false, pending_fuzzy_ = false;
  std::string scratch_;
  error err_;

  bool parse_line(std::string_view line, std::size_t line_start) {
    std::size_t p = 0;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    const std::string_view rest = line.substr(p);
    if (rest.empty() || rest.rfind("#~", 0) == 0) return true;  // blank, or an obsolete entry
    if (rest[0] == '#') {
      if (in_entry_ && have_str_ && !flush()) return false;  // a comment after a full entry starts the next
      if (rest.rfind("#,", 0) == 0 && rest.find("fuzzy") != std::string_view::npos) pending_fuzzy_ = true;
      return true;
    }
    if (rest[0] == '"') {
      if (f_ == field::none) return fail("a string without a keyword before it", line_start + p);
      return read_string(line, p, line_start);
    }
    std::size_t k = 0;
    while (k < rest.size() && rest[k] != ' ' && rest[k] != '\t' && rest[k] != '"') ++k;
    const std::string_view kw = rest.substr(0, k);
    if (kw == "msgctxt" || (kw == "msgid" && !(in_entry_ && f_ == field::ctxt))) {
      if (!flush()) return false;
      in_entry_ = true;
      entry_start_ = line_start + p;
      cur_.fuzzy = pending_fuzzy_;
      pending_fuzzy_ = false;
    }
    if (kw == "msgctxt") {
      f_ = field::ctxt;
      cur_.has_context = true;
    } else if (kw == "msgid") {
      f_ = field::id;
    } else if (kw == "msgid_plural") {
      if (!in_entry_) return fail("msgid_plural without msgid", line_start + p);
      f_ = field::id_plural;
      cur_.plural = true;
    } else if (kw == "msgstr" || kw == "msgstr[0]") {
      if (!in_entry_ || have_str_) return fail("msgstr without msgid", line_start + p);
      f_ = field::str;
      have_str_ = true;
      cur_.line = line_;
    } else if (kw.rfind("msgstr[", 0) == 0) {
      if (!in_entry_) return fail("msgstr without msgid", line_start + p);
      f_ = field::str_other;
    } else {
      return fail("unknown keyword '" + std::string(kw) + "'", line_start + p);
    }
    std::size_t q = p + k;
    while (q < line.size() && (line[q] == ' ' || line[q] == '\t')) ++q;
    if (q >= line.size() || line[q] != '"') return fail("expected a quoted string", line_start + q);
    return read_string(line, q, line_start);
  }

  bool flush() {
    if (!in_entry_) return true;
    if (!have_str_) return fail("entry without msgstr", entry_start_);
    if (!cur_.has_context && cur_.id.empty()) {
      out_.language = header_field(cur_.str, "Language:");
    } else {
      out_.entries.push_back(std::move(cur_));
    }
    cur_ = po_entry{};
    in_entry_ = have_str_ = false;
    f_ = field::none;
    return true;
  }

  std::string *target() {
    switch (f_) {
    case field::ctxt: return &cur_.context;
    case field::id: return &cur_.id;
    case field::str: return &cur_.str;
    default: scratch_.clear(); return &scratch_;  // msgid_plural, msgstr[n>0]: not used
    }
  }

  void fail_at(errc code, const std::string &what, std::size_t offset) {
    const auto [l, c] = line_column(s_, offset);
    err_ = make_error(code, std::string(name_) + ": line " + std::to_string(l) + ", column " + std::to_string(c) + ": " + what,
                      offset);
  }
  bool fail(const std::string &what, std::size_t offset) {
    fail_at(errc::parse_error, what, offset);
    return false;
  }

  // Reads the C-style string starting at line[q] == '"' into the current field.
  bool read_string(std::string_view line, std::size_t q, std::size_t line_start) {
    std::string *dst = target();
    if (f_ == field::str) cur_.segments.push_back({dst->size(), line_start + q + 1, line_});
    std::size_t k = q + 1;
    for (;;) {
      if (k >= line.size()) return fail("unterminated string", line_start + k);
      const char c = line[k];
      if (c == '"') break;
      if (c == '\\') {
        if (k + 1 >= line.size()) return fail("unterminated escape", line_start + k);
        const char e = line[k + 1];
        switch (e) {
        case 'n': dst->push_back('\n'); break;
        case 't': dst->push_back('\t'); break;
        case 'r': dst->push_back('\r'); break;
        case '"': dst->push_back('"'); break;
        case '\\': dst->push_back('\\'); break;
        default: return fail(std::string("unknown escape '\\") + e + "'", line_start + k);
        }
        k += 2;
        continue;
      }
      dst->push_back(c);
      ++k;
    }
    ++k;
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
    if (k < line.size()) return fail("unexpected text after the string", line_start + k);
    return true;
  }
};

} // namespace

result<gettext_file> parse_po(std::string_view text, std::string_view name) { return po_parser(text, name).run(); }

std::size_t file_offset_of(const po_entry &e, std::string_view file, std::size_t value_offset) {
  if (e.segments.empty()) return error::npos;
  std::size_t s = 0;
  while (s + 1 < e.segments.size() && e.segments[s + 1].value_offset <= value_offset) ++s;
  const auto &seg = e.segments[s];
  std::size_t remaining = value_offset - seg.value_offset;
  std::size_t k = seg.file_offset;
  while (remaining > 0 && k < file.size() && file[k] != '"') {
    k += file[k] == '\\' ? 2 : 1;
    --remaining;
  }
  return k;
}

// ---- .mo ------------------------------------------------------------------------

bool is_mo(std::string_view b) noexcept {
  if (b.size() < 4) return false;
  const auto *p = reinterpret_cast<const unsigned char *>(b.data());
  return (p[0] == 0xde && p[1] == 0x12 && p[2] == 0x04 && p[3] == 0x95) ||
         (p[0] == 0x95 && p[1] == 0x04 && p[2] == 0x12 && p[3] == 0xde);
}

result<gettext_file> parse_mo(std::string_view b, std::string_view name) {
  const auto bad = [&](const char *what) {
    return make_error(errc::parse_error, std::string(name) + ": not a valid .mo file: " + what);
  };
  if (!is_mo(b) || b.size() < 28) return bad("no magic number or a truncated header");
  const auto *p = reinterpret_cast<const unsigned char *>(b.data());
  const bool little = p[0] == 0xde;
  auto u32 = [&](std::size_t at) -> std::uint32_t {
    const auto *q = p + at;
    return little ? (std::uint32_t{q[0]} | std::uint32_t{q[1]} << 8 | std::uint32_t{q[2]} << 16 | std::uint32_t{q[3]} << 24)
                  : (std::uint32_t{q[3]} | std::uint32_t{q[2]} << 8 | std::uint32_t{q[1]} << 16 | std::uint32_t{q[0]} << 24);
  };
  // Every check that Boost.Locale's reader does not do itself happens here,
  // before the bytes reach it: tables in range, strings NUL-terminated, and a
  // hash table whose size and entries cannot send a lookup out of bounds.
  const std::uint32_t revision = u32(4);
  if ((revision >> 16) > 1) return bad("unknown major revision");
  const std::uint64_t n = u32(8), orig = u32(12), trans = u32(16), hash_size = u32(20), hash_off = u32(24);
  if (orig + n * 8 > b.size() || trans + n * 8 > b.size()) return bad("string tables out of range");
  if (orig % 4 != 0 || trans % 4 != 0 || hash_off % 4 != 0) return bad("misaligned table");
  if (hash_size < 3) return bad("no usable hash table (compile with msgfmt)");
  if (hash_off + hash_size * 4 > b.size()) return bad("hash table out of range");
  for (std::uint64_t h = 0; h < hash_size; ++h)
    if (u32(static_cast<std::size_t>(hash_off + h * 4)) > n) return bad("hash table entry out of range");
  auto str_at = [&](std::uint64_t table, std::uint64_t k, std::string_view &out) {
    const std::uint64_t len = u32(static_cast<std::size_t>(table + k * 8));
    const std::uint64_t off = u32(static_cast<std::size_t>(table + k * 8 + 4));
    if (off >= b.size() || len >= b.size() - off) return false;  // room for the terminating NUL
    if (b[static_cast<std::size_t>(off + len)] != '\0') return false;
    out = b.substr(static_cast<std::size_t>(off), static_cast<std::size_t>(len));
    return true;
  };
  gettext_file out;
  for (std::uint64_t k = 0; k < n; ++k) {
    std::string_view o, t;
    if (!str_at(orig, k, o) || !str_at(trans, k, t)) return bad("string out of range");
    if (find_invalid_utf8(o)) return bad("invalid UTF-8 in a msgid");
    if (find_invalid_utf8(t)) return bad("invalid UTF-8 in a msgstr");
    po_entry e;
    const auto nul = o.find('\0');
    if (nul != std::string_view::npos) {
      e.plural = true;
      o = o.substr(0, nul);
      t = t.substr(0, t.find('\0'));
    }
    const auto eot = o.find('\x04');
    if (eot != std::string_view::npos) {
      e.has_context = true;
      e.context = std::string(o.substr(0, eot));
      e.id = std::string(o.substr(eot + 1));
    } else {
      e.id = std::string(o);
    }
    e.str = std::string(t);
    if (!e.has_context && e.id.empty()) {
      out.language = header_field(e.str, "Language:");
      continue;
    }
    out.entries.push_back(std::move(e));
  }
  return out;
}

} // namespace rapport::detail::tpl
