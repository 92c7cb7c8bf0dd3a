// vCard 2.1 (versit), 3.0 (RFC 2426) and 4.0 (RFC 6350) → contacts.
//
// One pass over the lines. Properties rapport does not use are skipped without
// copying their folded continuation lines (photos are most of an address book's bytes).
#include <algorithm>
#include <array>
#include <cstring>

#include "icu/charset.hpp"
#include "import/formats.hpp"
#include "rapport/text.hpp"

namespace rapport::detail {
namespace {

enum class prop { other, begin, end, version, n, fn, org, title, adr, email, url, note, categories, social, lang };

prop classify(std::string_view name) {
  struct entry { const char *name; prop p; };
  static constexpr std::array<entry, 14> table = {{
      {"BEGIN", prop::begin}, {"END", prop::end}, {"VERSION", prop::version}, {"N", prop::n}, {"FN", prop::fn},
      {"ORG", prop::org}, {"TITLE", prop::title}, {"ADR", prop::adr}, {"EMAIL", prop::email}, {"URL", prop::url},
      {"NOTE", prop::note}, {"CATEGORIES", prop::categories}, {"X-SOCIALPROFILE", prop::social}, {"LANG", prop::lang},
  }};
  for (const auto &e : table)
    if (iequals(name, e.name)) return e.p;
  return prop::other;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Physical lines of the text: [begin, end) without the terminator.
struct line_cursor {
  std::string_view text;
  std::size_t pos = 0;
  std::size_t line = 0;  // number of the line last returned

  bool next(std::string_view &out, std::size_t &start) {
    if (pos >= text.size()) return false;
    start = pos;
    const char *p = text.data() + pos;
    const std::size_t left = text.size() - pos;
    const void *nl = std::memchr(p, '\n', left);
    std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char *>(nl) - p) : left;
    const void *cr = std::memchr(p, '\r', len);
    if (cr) {  // a lone CR ends a line too (old Mac exports); iPhone exports write CR CR LF
      const std::size_t crl = static_cast<std::size_t>(static_cast<const char *>(cr) - p);
      out = std::string_view(p, crl);
      std::size_t k = crl;
      while (k < left && p[k] == '\r') ++k;
      if (k < left && p[k] == '\n') ++k;
      pos += k;
    } else {
      out = std::string_view(p, len);
      pos += len + (nl ? 1 : 0);
    }
    ++line;
    return true;
  }
  bool peek_continuation() const { return pos < text.size() && is_space(text[pos]); }
};

struct param_info {
  bool quoted_printable = false;
  static constexpr int no_pref = 1000;
  int pref_rank = no_pref;  // 1 = most preferred (PREF=1, TYPE=pref); RFC 6350 ranks run 1..100
  std::string_view charset;
  std::string_view type;  // TYPE values, raw
};

// Name and parameters of a property line; `value_at` is the index after ':'.
bool split_property(std::string_view line, std::string_view &name, std::string_view &params, std::size_t &value_at) {
  std::size_t i = 0;
  while (i < line.size() && line[i] != ';' && line[i] != ':') ++i;
  name = line.substr(0, i);
  if (auto dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);  // item1.EMAIL
  name = trim(name);
  const std::size_t params_at = i;
  bool quoted = false;
  while (i < line.size() && (quoted || line[i] != ':')) {
    if (line[i] == '"') quoted = !quoted;
    ++i;
  }
  if (i >= line.size()) return false;
  params = line.substr(params_at, i - params_at);
  value_at = i + 1;
  return true;
}

param_info parse_params(std::string_view params) {
  param_info info;
  while (!params.empty()) {
    if (params[0] == ';') params.remove_prefix(1);
    std::size_t end = 0;
    bool quoted = false;
    while (end < params.size() && (quoted || params[end] != ';')) {
      if (params[end] == '"') quoted = !quoted;
      ++end;
    }
    std::string_view p = trim(params.substr(0, end));
    params.remove_prefix(end);
    const auto eq = p.find('=');
    std::string_view key = eq == std::string_view::npos ? std::string_view() : trim(p.substr(0, eq));
    std::string_view value = eq == std::string_view::npos ? p : trim(p.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (key.empty() || iequals(key, "ENCODING")) {
      if (iequals(value, "QUOTED-PRINTABLE")) info.quoted_printable = true;
    }
    if (iequals(key, "CHARSET")) info.charset = value;
    if (key.empty() || iequals(key, "TYPE")) {
      info.type = value;
      std::string_view v = value;
      while (!v.empty()) {
        const auto comma = v.find(',');
        if (iequals(trim(v.substr(0, comma)), "PREF")) info.pref_rank = 1;
        if (comma == std::string_view::npos) break;
        v.remove_prefix(comma + 1);
      }
    }
    if (iequals(key, "PREF")) {
      int rank = 0;
      for (char c : value)
        if (c >= '0' && c <= '9' && rank <= 100) rank = rank * 10 + (c - '0');  // bounded: no overflow on junk
      info.pref_rank = std::min(info.pref_rank, std::clamp(rank, 1, 100));
    }
  }
  return info;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// QUOTED-PRINTABLE to bytes; soft breaks were joined already. False on a malformed escape (kept literally).
bool decode_qp(std::string_view in, std::string &out) {
  out.clear();
  bool clean = true;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '=') {
      out += in[i];
      continue;
    }
    if (i + 2 < in.size() + 0 && hex_value(in[i + 1]) >= 0 && hex_value(in[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
      i += 2;
    } else if (i + 1 == in.size()) {
      // a trailing soft break with nothing after it
    } else {
      clean = false;
      out += '=';
    }
  }
  return clean;
}

// Splits on an unescaped separator and resolves backslash escapes.
std::vector<std::string> split_escaped(std::string_view v, char sep) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '\\' && i + 1 < v.size()) {
      const char e = v[++i];
      parts.back() += (e == 'n' || e == 'N') ? '\n' : e;
    } else if (c == sep) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

std::string unescape(std::string_view v) { return std::move(split_escaped(v, '\0').front()); }

struct card {
  std::size_t line = 0, offset = 0;
  bool have_n = false;
  std::vector<std::string> n;
  std::string fn, org, title, email, linkedin, location;
  int email_rank = param_info::no_pref + 1, adr_rank = param_info::no_pref + 1;
  std::vector<std::string> topics;
  std::vector<std::pair<int, std::string>> languages;
};

class vcard_reader {
public:
  vcard_reader(import_context &ctx, std::string_view text) : ctx_(ctx), lines_{text, 0, 0} {}

  void run() {
    std::string_view first;
    std::size_t start = 0;
    bool any = false;
    while (lines_.next(first, start)) {
      if (!read_line(first, start, any)) return;
    }
    if (depth_ > 0) {
      const location l{card_.line, 1, card_.offset};
      if (!ctx_.repaired(errc::parse_error, l, {}, "vCard opened at line " + std::to_string(card_.line) +
                                                       " has no END:VCARD (truncated input); kept what was read"))
        return;
      finish_card();
    }
    if (!any && !ctx_.stopped()) ctx_.fatal(errc::parse_error, {1, 1, 0}, "no BEGIN:VCARD found; is this a vCard file?");
  }

private:
  // Reads the logical line that starts with physical line `first`. False when the import must stop.
  bool read_line(std::string_view first, std::size_t start, bool &any) {
    const std::size_t line_no = lines_.line;
    const location where{line_no, 1, start};
    if (trim(first).empty() && !lines_.peek_continuation()) return true;
    std::string_view name, params;
    std::size_t value_at = 0;
    const bool has_colon = split_property(first, name, params, value_at);
    const prop p = has_colon ? classify(name) : prop::other;
    const bool wanted = depth_ == 1 && p != prop::other && p != prop::begin && p != prop::end;
    const param_info info = has_colon ? parse_params(params) : param_info{};
    const bool qp = info.quoted_printable;
    std::string_view logical = first;
    std::size_t total = first.size();
    if (lines_.peek_continuation() || (qp && !first.empty() && first.back() == '=')) {
      joined_.assign(first);
      std::string_view next;
      std::size_t next_start = 0;
      bool soft = qp && !first.empty() && first.back() == '=';
      for (;;) {
        if (!soft && !lines_.peek_continuation()) break;
        if (!lines_.next(next, next_start)) break;
        total += next.size();
        const bool was_soft = soft;
        soft = qp && !next.empty() && next.back() == '=';
        if (total > ctx_.limits().max_line_bytes) break;
        if (!wanted) continue;
        if (was_soft) {
          joined_.pop_back();
          joined_.append(next);
        } else {
          joined_.append(next.substr(1));
        }
      }
      logical = joined_;
    }
    if (total > ctx_.limits().max_line_bytes)
      return ctx_.fatal(errc::limit_exceeded, where,
                        "a line longer than limits.max_line_bytes (" + std::to_string(ctx_.limits().max_line_bytes) + ")");
    if (!has_colon) {
      if (depth_ == 0) return ctx_.note(errc::parse_error, where, "text outside any vCard ignored");
      if (depth_ == 1) return ctx_.repaired(errc::parse_error, where, {}, "line without ':' is not a property; ignored");
      return true;
    }
    if (p == prop::begin) {
      if (!iequals(trim(first.substr(value_at)), "VCARD")) return true;
      if (depth_ == 0) {
        any = true;
        if (!ctx_.begin_record(where)) return false;
        card_ = card{};
        card_.line = line_no;
        card_.offset = start;
      }
      if (++depth_ > ctx_.limits().max_depth)
        return ctx_.fatal(errc::limit_exceeded, where, "vCards nested deeper than limits.max_depth");
      return true;
    }
    if (p == prop::end) {
      if (!iequals(trim(first.substr(value_at)), "VCARD")) return true;
      if (depth_ == 0) return ctx_.note(errc::parse_error, where, "END:VCARD without BEGIN:VCARD ignored");
      if (--depth_ == 0) return finish_card();
      return true;
    }
    if (depth_ == 0) return ctx_.note(errc::parse_error, where, "property outside any vCard ignored");
    if (!wanted) return true;
    const std::string_view raw_value = logical.substr(std::min(value_at, logical.size()));
    const location value_where{line_no, value_at + 1, start + value_at};
    std::string value;
    if (!decode(raw_value, info, value, value_where, name)) return false;
    apply(p, info, value);
    return true;
  }

  // Transfer encoding and charset → UTF-8 text in `out`. False when the import must stop.
  bool decode(std::string_view raw, const param_info &info, std::string &out, location where, std::string_view name) {
    std::string_view bytes = raw;
    if (info.quoted_printable) {
      if (!decode_qp(raw, qp_) && !ctx_.repaired(errc::parse_error, where, std::string(name),
                                                 "malformed QUOTED-PRINTABLE escape kept as written"))
        return false;
      bytes = qp_;
    }
    if (!info.charset.empty() && !iequals(info.charset, "UTF-8") && !iequals(info.charset, "US-ASCII")) {
      auto converted = icu::convert_to_utf8(bytes, info.charset);
      if (converted) {
        out = std::move(*converted);
        return true;
      }
      if (!ctx_.repaired(converted.error().code, where, std::string(name),
                         converted.error().message + "; read as UTF-8 or Windows-1252"))
        return false;
    }
    if (auto bad = find_invalid_utf8(bytes)) {
      auto fallback = icu::convert_to_utf8(bytes, "windows-1252");
      location at = where;
      if (!info.quoted_printable) {
        at.column += *bad;
        at.offset += *bad;
      }
      if (!ctx_.repaired(errc::invalid_utf8, at, std::string(name),
                         "invalid UTF-8 at byte " + std::to_string(*bad) + " of the value; read as Windows-1252"))
        return false;
      if (fallback) {
        out = std::move(*fallback);
      } else {
        out.clear();
      }
      return true;
    }
    out.assign(bytes);
    return true;
  }

  // Puts a decoded value where it belongs in the card being read.
  void apply(prop p, const param_info &info, const std::string &value) {
    switch (p) {
    case prop::n:
      if (card_.have_n) break;  // the first N counts, as for every single-valued property
      card_.have_n = true;
      card_.n = split_escaped(value, ';');
      for (auto &part : card_.n) std::replace(part.begin(), part.end(), ',', ' ');  // "Jean,Paul" (several given names)
      break;
    case prop::fn:
      if (card_.fn.empty()) card_.fn = unescape(value);
      break;
    case prop::org:
      if (card_.org.empty()) card_.org = split_escaped(value, ';').front();
      break;
    case prop::title:
      if (card_.title.empty()) card_.title = unescape(value);
      break;
    case prop::adr: {
      if (info.pref_rank >= card_.adr_rank) break;
      auto parts = split_escaped(value, ';');
      parts.resize(7);
      std::string loc;
      for (std::size_t i : {3u, 4u, 6u}) {
        const auto t = trim(parts[i]);
        if (t.empty()) continue;
        if (!loc.empty()) loc += ", ";
        loc += t;
      }
      if (!loc.empty()) {
        card_.location = std::move(loc);
        card_.adr_rank = info.pref_rank;
      }
      break;
    }
    case prop::email: {
      const std::string e{trim(unescape(value))};
      if (!e.empty() && info.pref_rank < card_.email_rank) {
        card_.email = e;
        card_.email_rank = info.pref_rank;
      }
      break;
    }
    case prop::url:
    case prop::social:
      if (card_.linkedin.empty()) card_.linkedin = linkedin_id(unescape(value));
      break;
    case prop::categories:
      for (auto &t : split_escaped(value, ','))
        if (!trim(t).empty()) card_.topics.emplace_back(trim(t));
      break;
    case prop::lang: {
      const std::string tag{trim(unescape(value))};
      if (!tag.empty()) card_.languages.emplace_back(info.pref_rank, tag);
      break;
    }
    case prop::note:  // decoded (so a broken one is reported) but not stored: contact has no free-text field
    case prop::version:
    case prop::begin:
    case prop::end:
    case prop::other: break;
    }
  }

  bool finish_card() {
    card &k = card_;
    const location where{k.line, 1, k.offset};
    contact c;
    if (k.have_n) {
      k.n.resize(5);
      c.name.family = trim(k.n[0]);
      c.name.given = trim(k.n[1]);
      c.name.middle = trim(k.n[2]);
      c.name.prefix = trim(k.n[3]);
      c.name.suffix = trim(k.n[4]);
    }
    c.name.raw = trim(k.fn);
    if (c.name.raw.empty()) {
      for (const std::string *part : {&c.name.prefix, &c.name.given, &c.name.middle, &c.name.family, &c.name.suffix}) {
        if (part->empty()) continue;
        if (!c.name.raw.empty()) c.name.raw += ' ';
        c.name.raw += *part;
      }
    }
    if (!k.org.empty() || !k.title.empty()) {
      organization o;
      o.name = trim(k.org);
      o.title = trim(k.title);
      c.headline = o.title;
      c.organizations.push_back(std::move(o));
    }
    c.location = std::move(k.location);
    c.topics = std::move(k.topics);
    std::stable_sort(k.languages.begin(), k.languages.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &l : k.languages) c.languages.push_back(std::move(l.second));
    if (c.name.raw.empty()) {
      if (k.linkedin.empty() && k.email.empty())
        return ctx_.skipped(errc::invalid_argument, where, "N", "vCard has no name, email or LinkedIn URL; nothing identifies the contact");
      if (!ctx_.repaired(errc::invalid_argument, where, "N", "vCard has no name; kept because it has an email or LinkedIn URL"))
        return false;
    }
    const std::string &given = c.name.given.empty() && c.name.family.empty() ? c.name.raw : c.name.given;
    c.id = k.linkedin.empty() ? contact_id({}, k.email, given, c.name.family, k.org) : k.linkedin;
    return ctx_.deliver(std::move(c), where);
  }

  import_context &ctx_;
  line_cursor lines_;
  std::size_t depth_ = 0;
  card card_;
  std::string joined_, qp_;
};

} // namespace

void run_vcard(import_context &ctx, std::string_view bytes) {
  std::string converted;
  if (!decode_text_input(ctx, bytes, converted)) return;
  vcard_reader(ctx, bytes).run();
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

result<imported> import_vcard(std::string_view bytes, const import_options &options) {
  if (bytes.size() > options.limits.max_file_bytes)
    return make_error(errc::limit_exceeded, "input is larger than limits.max_file_bytes (" +
                                                std::to_string(options.limits.max_file_bytes) + ")");
  return detail::collect(options, options.file_name, [&](detail::import_context &ctx) { detail::run_vcard(ctx, bytes); });
}

result<imported> import_vcard_file(const std::filesystem::path &path, const import_options &options) {
  auto text = detail::read_whole_file(path, options.limits);
  if (!text) return text.error();
  return detail::collect(options, detail::display_name(path, options),
                         [&](detail::import_context &ctx) { detail::run_vcard(ctx, *text); });
}

} // namespace v1
} // namespace rapport
