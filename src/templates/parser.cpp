// MessageFormat (v1) parser: pattern → ast. Follows ICU's MessagePattern with
// ApostropheMode DOUBLE_OPTIONAL: "''" is one apostrophe; a single "'" starts
// quoted text only before '{', '}' or (in a plural sub-message) '#', and ends
// at the next single "'"; any other apostrophe is literal.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "templates/ast.hpp"
#include "rapport/text.hpp"
#include "text/utf8.hpp"

namespace rapport::detail::tpl {

namespace {

constexpr int max_depth = 16;
constexpr std::size_t max_pattern = 64 * 1024;

bool is_space(unsigned char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_ident_start(unsigned char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident(unsigned char c) noexcept { return is_ident_start(c) || (c >= '0' && c <= '9') || c == '-'; }

enum class parent { none, select, plural };

class parser {
public:
  explicit parser(std::string_view s) : s_(s) {}

  result<std::shared_ptr<ast>> run() {
    auto a = std::make_shared<ast>();
    a->pattern = std::string(s_);
    a_ = a.get();
    if (!parse_message(a->root, parent::none, 0, false)) return err_;
    if (i_ < s_.size()) return fail(errc::parse_error, "unmatched '}'", i_);
    a->required_mask = required_ & ~absent_is_other_mask();
    return a;
  }

private:
  std::string_view s_;
  std::size_t i_ = 0;
  ast *a_ = nullptr;
  error err_;
  std::uint64_t required_ = 0;  // args seen outside optional show bodies
  int in_show_ = 0;

  static std::uint64_t absent_is_other_mask() {
    std::uint64_t m = 0;
    const auto v = argument_vocabulary();
    for (std::size_t k = 0; k < v.size(); ++k)
      if (v[k].absent_is_other) m |= std::uint64_t{1} << k;
    return m;
  }

  bool fail_b(errc code, std::string msg, std::size_t at) {
    err_ = make_error(code, std::move(msg), at);
    return false;
  }
  error fail(errc code, std::string msg, std::size_t at) {
    fail_b(code, std::move(msg), at);
    return err_;
  }

  void skip_space() {
    while (i_ < s_.size() && is_space(static_cast<unsigned char>(s_[i_]))) ++i_;
  }

  static void push_text(message &m, std::string &buf) {
    if (buf.empty()) return;
    if (!m.empty() && m.back().kind == node_kind::text) {
      m.back().text += buf;
    } else {
      node n;
      n.kind = node_kind::text;
      n.text = buf;
      m.push_back(std::move(n));
    }
    buf.clear();
  }

  // Parses a message up to (not including) the closing '}' when nested, or to the end.
  bool parse_message(message &m, parent p, int depth, bool nested) {
    if (depth > max_depth) return fail_b(errc::limit_exceeded, "nesting deeper than 16 levels", i_);
    std::string buf;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '\'') {
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '\'') {  // '' → '
          buf.push_back('\'');
          i_ += 2;
          continue;
        }
        const char next = i_ + 1 < s_.size() ? s_[i_ + 1] : '\0';
        if (next == '{' || next == '}' || (p == parent::plural && next == '#')) {
          // Quoted literal text up to the next single apostrophe.
          i_ += 1;
          for (;;) {
            if (i_ >= s_.size()) break;  // unterminated: quoted to the end (ICU does the same)
            if (s_[i_] == '\'') {
              if (i_ + 1 < s_.size() && s_[i_ + 1] == '\'') {
                buf.push_back('\'');
                i_ += 2;
                continue;
              }
              ++i_;
              break;
            }
            buf.push_back(s_[i_++]);
          }
          continue;
        }
        buf.push_back('\'');
        ++i_;
        continue;
      }
      if (c == '{') {
        push_text(m, buf);
        if (!parse_argument(m, depth)) return false;
        continue;
      }
      if (c == '}') {
        if (!nested) return fail_b(errc::parse_error, "unmatched '}'", i_);
        push_text(m, buf);
        return true;
      }
      if (c == '#' && p == parent::plural) {
        push_text(m, buf);
        node n;
        n.kind = node_kind::pound;
        n.offset = i_;
        m.push_back(std::move(n));
        ++i_;
        continue;
      }
      buf.push_back(c);
      ++i_;
    }
    if (nested) return fail_b(errc::parse_error, "unterminated sub-message: missing '}'", s_.size());
    push_text(m, buf);
    return true;
  }

  std::string_view identifier() {
    const std::size_t start = i_;
    if (i_ < s_.size() && is_ident_start(static_cast<unsigned char>(s_[i_]))) {
      ++i_;
      while (i_ < s_.size() && is_ident(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    return s_.substr(start, i_ - start);
  }

  bool expect(char c, const char *what) {
    skip_space();
    if (i_ >= s_.size()) return fail_b(errc::parse_error, std::string("unexpected end of pattern, expected ") + what, i_);
    if (s_[i_] != c) return fail_b(errc::parse_error, std::string("expected ") + what, i_);
    ++i_;
    return true;
  }

  bool use_argument(int id) {
    const std::uint64_t bit = std::uint64_t{1} << id;
    a_->used_mask |= bit;
    if (in_show_ == 0) required_ |= bit;
    return true;
  }

  bool check_type(int id, std::initializer_list<argument_type> ok, std::string_view how, std::size_t at) {
    const auto &info = argument_vocabulary()[static_cast<std::size_t>(id)];
    if (std::find(ok.begin(), ok.end(), info.type) != ok.end()) return true;
    return fail_b(errc::invalid_argument,
                  "argument '" + std::string(info.name) + "' cannot be used as " + std::string(how), at);
  }

  // At '{'.
  bool parse_argument(message &m, int depth) {
    const std::size_t open = i_;
    ++i_;
    skip_space();
    const std::size_t name_at = i_;
    const std::string_view name = identifier();
    if (name.empty()) {
      if (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9')
        return fail_b(errc::invalid_argument, "numbered arguments are not supported: use a name", name_at);
      return fail_b(errc::parse_error, "expected an argument name", name_at);
    }
    skip_space();
    if (i_ >= s_.size()) return fail_b(errc::parse_error, "unterminated argument: missing '}'", i_);

    const bool is_opt = name.size() > 4 && name.substr(0, 4) == "opt_";
    int id = -1;
    if (!is_opt) {
      id = find_argument(name);
      if (id < 0) return fail_b(errc::invalid_argument, "unknown argument name '" + std::string(name) + "'", name_at);
    }

    node n;
    n.arg = id;
    n.offset = open;
    if (s_[i_] == '}') {
      ++i_;
      if (is_opt) return fail_b(errc::parse_error, "optional clause '" + std::string(name) + "' must be a select", name_at);
      if (!check_type(id, {argument_type::text, argument_type::number, argument_type::date}, "a plain {argument}", name_at))
        return false;
      n.kind = node_kind::simple;
      if (argument_vocabulary()[static_cast<std::size_t>(id)].type != argument_type::text) {
        n.formatter = static_cast<int>(a_->formatters.size());
        const auto t = argument_vocabulary()[static_cast<std::size_t>(id)].type;
        a_->formatters.push_back({t == argument_type::date ? node_kind::simple : node_kind::number, style::none, {}});
      }
      use_argument(id);
      m.push_back(std::move(n));
      return true;
    }
    if (s_[i_] != ',') return fail_b(errc::parse_error, "expected ',' or '}' after the argument name", i_);
    ++i_;
    skip_space();
    const std::size_t type_at = i_;
    const std::string_view type = identifier();
    skip_space();
    if (i_ >= s_.size()) return fail_b(errc::parse_error, "unterminated argument: missing '}'", i_);
    if (type == "select") {
      if (is_opt) return parse_optional(m, n, name.substr(4), depth);
      if (!check_type(id, {argument_type::keyword}, "a select", name_at)) return false;
      n.kind = node_kind::select;
      use_argument(id);
      if (!expect(',', "',' after select")) return false;
      if (!parse_branches(n, parent::select, depth, false)) return false;
      m.push_back(std::move(n));
      return true;
    }
    if (is_opt) return fail_b(errc::parse_error, "optional clause '" + std::string(name) + "' must be a select", name_at);
    if (type == "plural" || type == "selectordinal") {
      if (!check_type(id, {argument_type::number}, type == "plural" ? "a plural" : "a selectordinal", name_at)) return false;
      n.kind = type == "plural" ? node_kind::plural : node_kind::ordinal;
      use_argument(id);
      if (!expect(',', "',' after plural")) return false;
      if (!parse_branches(n, parent::plural, depth, true)) return false;
      m.push_back(std::move(n));
      return true;
    }
    if (type == "number" || type == "date" || type == "time") {
      if (type == "number") {
        if (!check_type(id, {argument_type::number}, "a number", name_at)) return false;
        n.kind = node_kind::number;
      } else {
        if (!check_type(id, {argument_type::date}, std::string(type), name_at)) return false;
        n.kind = type == "date" ? node_kind::date : node_kind::time;
      }
      use_argument(id);
      if (s_[i_] == '}') {
        ++i_;
        n.st = n.kind == node_kind::number ? style::none : style::medium;
      } else {
        if (s_[i_] != ',') return fail_b(errc::parse_error, "expected ',' or '}' after the argument type", i_);
        ++i_;
        std::string text;
        const std::size_t style_at = i_;
        if (!parse_style_text(text)) return false;
        // Trim.
        const auto b = text.find_first_not_of(" \t\r\n");
        const auto e = text.find_last_not_of(" \t\r\n");
        text = b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
        if (text.rfind("::", 0) == 0) {
          n.st = style::skeleton;
          n.text = text.substr(2);
          if (n.text.empty()) return fail_b(errc::parse_error, "empty skeleton", style_at);
        } else if (n.kind == node_kind::number) {
          if (text == "integer") n.st = style::integer;
          else if (text == "percent") n.st = style::percent;
          else return fail_b(errc::parse_error, "unsupported number style '" + text + "' (use integer, percent or ::skeleton)", style_at);
        } else {
          if (text == "short") n.st = style::short_;
          else if (text == "medium") n.st = style::medium;
          else if (text == "long") n.st = style::long_;
          else if (text == "full") n.st = style::full;
          else return fail_b(errc::parse_error, "unsupported " + std::string(type) + " style '" + text + "' (use short, medium, long, full or ::skeleton)", style_at);
        }
      }
      n.formatter = static_cast<int>(a_->formatters.size());
      a_->formatters.push_back({n.kind, n.st, n.text});
      m.push_back(std::move(n));
      return true;
    }
    if (type.empty()) return fail_b(errc::parse_error, "expected an argument type", type_at);
    return fail_b(errc::parse_error, "unsupported argument type '" + std::string(type) + "'", type_at);
  }

  // Style text after "type,": up to the matching '}' (nested braces and quotes allowed).
  bool parse_style_text(std::string &out) {
    int level = 0;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '\'') {
        const auto close = s_.find('\'', i_ + 1);
        if (close == std::string_view::npos) return fail_b(errc::parse_error, "unterminated quote in style", i_);
        out.append(s_.substr(i_ + 1, close - i_ - 1));
        i_ = close + 1;
        continue;
      }
      if (c == '{') ++level;
      if (c == '}') {
        if (level == 0) { ++i_; return true; }
        --level;
      }
      out.push_back(c);
      ++i_;
    }
    return fail_b(errc::parse_error, "unterminated argument: missing '}'", i_);
  }

  bool parse_branches(node &n, parent p, int depth, bool plural) {
    skip_space();
    if (plural && s_.substr(i_, 7) == "offset:") {
      i_ += 7;
      skip_space();
      double v = 0;
      const auto *b = s_.data() + i_;
      const auto r = std::from_chars(b, s_.data() + s_.size(), v);
      if (r.ec != std::errc() || !std::isfinite(v)) return fail_b(errc::parse_error, "bad plural offset", i_);
      i_ += static_cast<std::size_t>(r.ptr - b);
      n.plural_offset = v;
      skip_space();
    }
    for (;;) {
      skip_space();
      if (i_ >= s_.size()) return fail_b(errc::parse_error, "unterminated argument: missing '}'", i_);
      if (s_[i_] == '}') { ++i_; break; }
      const std::size_t key_at = i_;
      branch br;
      if (plural && s_[i_] == '=') {
        ++i_;
        double v = 0;
        const auto *b = s_.data() + i_;
        const auto r = std::from_chars(b, s_.data() + s_.size(), v);
        if (r.ec != std::errc() || !std::isfinite(v)) return fail_b(errc::parse_error, "bad explicit value after '='", i_);
        i_ += static_cast<std::size_t>(r.ptr - b);
        br.exact = true;
        br.exact_value = v;
        br.key = std::string(s_.substr(key_at, i_ - key_at));
      } else {
        const std::string_view key = identifier();
        if (key.empty()) return fail_b(errc::parse_error, "expected a selector keyword", key_at);
        br.key = std::string(key);
        if (plural && plural_category_of(key) < 0)
          return fail_b(errc::parse_error, "unknown plural keyword '" + br.key + "' (zero, one, two, few, many, other or =N)", key_at);
      }
      for (const auto &other : n.branches)
        if (other.key == br.key) return fail_b(errc::parse_error, "duplicate selector '" + br.key + "'", key_at);
      skip_space();
      if (i_ >= s_.size() || s_[i_] != '{') return fail_b(errc::parse_error, "expected '{' after selector '" + br.key + "'", i_);
      ++i_;
      if (!parse_message(br.body, p, depth + 1, true)) return false;
      ++i_;  // the closing '}'
      const int idx = static_cast<int>(n.branches.size());
      if (br.key == "other") n.other_branch = idx;
      if (plural && !br.exact) n.by_category[static_cast<std::size_t>(plural_category_of(br.key))] = static_cast<std::int8_t>(idx);
      n.branches.push_back(std::move(br));
    }
    if (n.other_branch < 0) return fail_b(errc::parse_error, "missing 'other' selector", n.offset);
    return true;
  }

  static std::uint64_t collect_mask(const message &m) {
    std::uint64_t mask = 0;
    for (const auto &n : m) {
      if (n.arg >= 0) mask |= std::uint64_t{1} << n.arg;
      for (const auto &b : n.branches) mask |= collect_mask(b.body);
    }
    return mask;
  }

  // {opt_x, select, show {…} other {…}}: at the text after "select".
  bool parse_optional(message &m, node &n, std::string_view clause, int depth) {
    n.kind = node_kind::optional;
    n.text = std::string(clause);
    if (std::find(a_->clauses.begin(), a_->clauses.end(), n.text) != a_->clauses.end())
      return fail_b(errc::parse_error, "optional clause 'opt_" + n.text + "' appears twice", n.offset);
    if (a_->clauses.size() >= 64) return fail_b(errc::limit_exceeded, "more than 64 optional clauses", n.offset);
    n.clause = static_cast<int>(a_->clauses.size());
    a_->clauses.push_back(n.text);
    if (!expect(',', "',' after select")) return false;
    // Parse branches; the "show" body does not make its arguments required.
    skip_space();
    for (;;) {
      skip_space();
      if (i_ >= s_.size()) return fail_b(errc::parse_error, "unterminated argument: missing '}'", i_);
      if (s_[i_] == '}') { ++i_; break; }
      const std::size_t key_at = i_;
      branch br;
      br.key = std::string(identifier());
      if (br.key != "show" && br.key != "other")
        return fail_b(errc::parse_error, "optional clause selectors are 'show' and 'other', not '" + br.key + "'", key_at);
      for (const auto &other : n.branches)
        if (other.key == br.key) return fail_b(errc::parse_error, "duplicate selector '" + br.key + "'", key_at);
      skip_space();
      if (i_ >= s_.size() || s_[i_] != '{') return fail_b(errc::parse_error, "expected '{' after selector '" + br.key + "'", i_);
      ++i_;
      const bool show = br.key == "show";
      if (show) ++in_show_;
      const bool ok = parse_message(br.body, parent::select, depth + 1, true);
      if (show) --in_show_;
      if (!ok) return false;
      ++i_;
      const int idx = static_cast<int>(n.branches.size());
      if (show) n.show_branch = idx;
      else n.other_branch = idx;
      n.branches.push_back(std::move(br));
    }
    if (n.show_branch < 0 || n.other_branch < 0)
      return fail_b(errc::parse_error, "optional clause 'opt_" + n.text + "' needs both 'show' and 'other'", n.offset);
    n.show_mask = collect_mask(n.branches[static_cast<std::size_t>(n.show_branch)].body) & ~absent_is_other_mask();
    m.push_back(std::move(n));
    return true;
  }
};

} // namespace

int plural_category_of(std::string_view k) noexcept {
  static constexpr std::string_view names[] = {"zero", "one", "two", "few", "many", "other"};
  for (int i = 0; i < plural_category_count; ++i)
    if (names[i] == k) return i;
  return -1;
}

result<std::shared_ptr<ast>> parse(std::string_view pattern) {
  if (auto bad = find_invalid_utf8(pattern)) return utf8_error(*bad);
  if (pattern.size() > max_pattern)
    return make_error(errc::limit_exceeded, "pattern longer than 64 KiB", max_pattern);
  return parser(pattern).run();
}

} // namespace rapport::detail::tpl
