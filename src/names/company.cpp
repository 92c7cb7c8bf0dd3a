// Company names: legal forms removed for display, keys for comparing employers.
// The legal-form table is generated from data/legal_forms.tsv at build time.
#include "rapport/company.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "names/legal_forms.hpp"
#include "names/name_case.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {
namespace {

namespace nm = detail::names;
using detail::decode_utf8;
using detail::legal_form_match;
using detail::legal_form_position;
using detail::legal_form_row;

constexpr std::size_t max_company_bytes = 1024;
constexpr std::size_t max_form_tokens = 8;

bool is_ignored_in_form(char32_t c) { return c == '.' || c == ' ' || c == ',' || c == '(' || c == ')'; }

// Case-folded letters of a form without dots, spaces, commas, parentheses:
// "S. A." → "sa", "AB (publ)" → "abpubl", "GmbH & Co. KG" → "gmbh&cokg".
void append_compact(std::string &out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      if (!is_ignored_in_form(b)) out.push_back((b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b));
      continue;
    }
    const char32_t c = decode_utf8(s, i);
    if (!is_ignored_in_form(c)) detail::append_utf8(out, nm::fold(c));
  }
}

std::string compact(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_compact(out, s);
  return out;
}

// The same without case folding: "S.p.A." → "SpA".
std::string letters(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    if (!is_ignored_in_form(decode_utf8(s, i))) out.append(s.substr(start, i - start));
  }
  return out;
}

std::string ascii_upper(std::string s) {
  for (auto &c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// Hashes std::string and std::string_view alike, so that a key is looked up
// without building a std::string.
struct key_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct form_table {
  std::unordered_map<std::string, std::vector<const legal_form_row *>, key_hash, std::equal_to<>> by_key;
  std::vector<const legal_form_row *> attached;  // longest first
  std::size_t longest_key = 0;                   // bytes of the longest compact key

  form_table() {
    for (std::size_t i = 0; i < detail::legal_form_row_count; ++i) {
      const auto &row = detail::legal_form_rows[i];
      const std::string key = compact(row.form);
      longest_key = std::max(longest_key, key.size());
      by_key[key].push_back(&row);
      if (row.match == legal_form_match::attached) attached.push_back(&row);
    }
    std::stable_sort(attached.begin(), attached.end(),
                     [](const auto *a, const auto *b) { return a->form.size() > b->form.size(); });
  }
};

const form_table &forms() {
  static const form_table table;
  return table;
}

// Whether the text `written` (which compacts to the row's key) is that form.
bool accepts(const legal_form_row &row, std::string_view written) {
  if (row.match != legal_form_match::strict) return true;
  if (written.find('.') != std::string_view::npos) return true;  // "s.a.", "S. p. A."
  const std::string l = letters(written);
  const std::string canon = letters(row.form);
  // Undotted: in capitals, or in the form's own mixed case ("SpA", "Co"); an
  // all-lowercase form ("a.s.") needs its dots, or "Beer as" would lose a word.
  const bool canon_has_upper = std::any_of(canon.begin(), canon.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return l == ascii_upper(canon) || (canon_has_upper && l == canon);
}

bool position_ok(const legal_form_row &row, bool at_end) {
  if (row.position == legal_form_position::either) return true;
  return at_end ? row.position == legal_form_position::end : row.position == legal_form_position::start;
}

// The row for `written`, whose compact key is `key`.
const legal_form_row *lookup(std::string_view written, std::string_view key, bool at_end) {
  const auto &t = forms();
  if (key.empty() || key.size() > t.longest_key) return nullptr;
  const auto it = t.by_key.find(key);
  if (it == t.by_key.end()) return nullptr;
  for (const auto *row : it->second)
    if (position_ok(*row, at_end) && accepts(*row, written)) return row;
  return nullptr;
}

bool has_alnum(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = decode_utf8(s, i);
    if (nm::is_letter(c) || (c >= '0' && c <= '9')) return true;
  }
  return false;
}

// White space collapsed to single spaces, trimmed. Input: valid UTF-8.
std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = decode_utf8(s, i);
    if (nm::is_space(c) || c < 0x20) { space = !out.empty(); continue; }
    if (nm::is_invisible(c)) continue;
    if (space) { out.push_back(' '); space = false; }
    out.append(s.substr(start, i - start));
  }
  return out;
}

// True when `s` is printable ASCII with single spaces and no space at either end,
// i.e. collapse(s) == s.
bool is_collapsed_ascii(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return s.empty();
  char prev = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7F || (c == ' ' && prev == ' ')) return false;
    prev = c;
  }
  return true;
}

// Trims spaces and the punctuation a removed form leaves behind ("Acme," "Acme -").
std::string_view trim_leftover(std::string_view s) {
  auto junk = [](char c) { return c == ' ' || c == ',' || c == ';' || c == '-' || c == '/' || c == ':'; };
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  return s;
}

// Removes quotes around the whole name: ООО «Ромашка» → Ромашка.
std::string_view strip_enclosing_quotes(std::string_view s) {
  static constexpr std::string_view pairs[][2] = {
      {"\"", "\""}, {"\u00AB", "\u00BB"}, {"\u201E", "\u201C"}, {"\u201C", "\u201D"}, {"\u300C", "\u300D"}};
  for (const auto &p : pairs)
    if (s.size() > p[0].size() + p[1].size() && s.substr(0, p[0].size()) == p[0] &&
        s.substr(s.size() - p[1].size()) == p[1])
      return s.substr(p[0].size(), s.size() - p[0].size() - p[1].size());
  return s;
}

struct span { std::size_t begin, end; };

// `display` with a leading "The" dropped and "&" read as "and"; `storage` holds
// the text when it had to change.
std::string_view key_text(std::string_view display, std::string &storage) {
  std::string_view s = display;
  if (s.size() > 4 && (s.substr(0, 4) == "The " || s.substr(0, 4) == "the " || s.substr(0, 4) == "THE ")) s.remove_prefix(4);
  if (s.find('&') == std::string_view::npos) return s;
  for (char c : s) {
    if (c == '&') storage += " and ";
    else storage.push_back(c);
  }
  return storage;
}

} // namespace

namespace {

// parse_company_name into `out` (default-constructed), without the match keys,
// the legal form and the raw input when `full` is false (company_display_name
// needs only the display).
result<void> parse_company(std::string_view raw, bool full, company_name &out) {
  if (raw.size() > max_company_bytes)
    return make_error(errc::limit_exceeded, "company name longer than " + std::to_string(max_company_bytes) + " bytes");
  error err;
  if (!detail::check_utf8(raw, err)) return err;
  std::string nfc_storage;
  std::string_view nfc = raw;
  if (!detail::is_ascii(raw)) {  // ASCII is already NFC
    auto n = to_nfc(raw);
    if (!n) return n.error();
    nfc_storage = std::move(*n);
    nfc = nfc_storage;
  }
  if (full) out.raw = std::string(raw);
  std::string collapsed;
  std::string_view text = nfc;
  if (!is_collapsed_ascii(nfc)) {
    collapsed = collapse(nfc);
    text = collapsed;
  }

  std::vector<span> tokens;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    tokens.push_back({i, end});
    i = end + 1;
  }
  const std::size_t n = tokens.size();
  std::string_view rest = text;
  // The forms found (at most one at the start, one at the end, or one attached)
  // and how each was written (views of `text` or of the table).
  std::array<const legal_form_row *, 2> found{};
  std::array<std::string_view, 2> found_written{};
  std::size_t found_count = 0;

  // The longest form at the end, then one at the start; at least one token
  // stays. Keys grow one token at a time, and the search stops once the key is
  // longer than any form. A match of every token means the name is nothing but
  // a legal form ("GmbH & Co. KG", "AG"): it then stays whole.
  std::size_t first = 0, last = n;  // remaining tokens [first, last)
  std::string key;
  bool bare_form = false;
  if (n > 0) {
    // The last tokens compacted once, in order; the key of the last k is a suffix.
    const std::size_t m = std::min(max_form_tokens, n);
    std::array<std::size_t, max_form_tokens + 1> from{};  // from[k]: where the key of the last k tokens starts
    for (std::size_t k = m; k >= 1; --k) {
      from[k] = key.size();
      append_compact(key, text.substr(tokens[n - k].begin, tokens[n - k].end - tokens[n - k].begin));
    }
    std::size_t best = 0;
    const legal_form_row *best_row = nullptr;
    for (std::size_t k = 1; k <= m; ++k) {
      const std::string_view key_k = std::string_view(key).substr(from[k]);
      if (key_k.size() > forms().longest_key) break;
      const std::string_view written = text.substr(tokens[n - k].begin, tokens[n - 1].end - tokens[n - k].begin);
      if (k == n) {
        bare_form = lookup(written, key_k, true) || lookup(written, key_k, false);
      } else if (const auto *row = lookup(written, key_k, true)) {
        best = k;
        best_row = row;
      }
    }
    if (best_row && !bare_form) {
      found[found_count] = best_row;
      found_written[found_count++] = text.substr(tokens[n - best].begin, tokens[n - 1].end - tokens[n - best].begin);
      last = n - best;
    }
  }
  if (!bare_form && last > 1) {
    std::size_t best = 0;
    const legal_form_row *best_row = nullptr;
    key.clear();
    for (std::size_t k = 1; k <= std::min(max_form_tokens, last - 1); ++k) {
      append_compact(key, text.substr(tokens[k - 1].begin, tokens[k - 1].end - tokens[k - 1].begin));
      if (key.size() > forms().longest_key) break;
      const std::string_view written = text.substr(0, tokens[k - 1].end);
      if (const auto *row = lookup(written, key, false)) { best = k; best_row = row; }
    }
    if (best_row) {
      found[1] = found[0];  // the start's form goes first
      found_written[1] = found_written[0];
      found[0] = best_row;
      found_written[0] = text.substr(0, tokens[best - 1].end);
      ++found_count;
      first = best;
    }
  }
  // After "&" or "and", "Co" is part of the name: "Pepper & Co", "Goldman Sachs & Co.".
  if (last < n && last > first) {
    const std::string_view before = text.substr(tokens[last - 1].begin, tokens[last - 1].end - tokens[last - 1].begin);
    if (before == "&" || before == "and" || before == "und" || before == "et") {
      --found_count;  // the end's form, the last one found
      last = n;
    }
  }
  if (n > 0 && first < last) rest = text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);

  // Forms written without a space (CJK): ソニー株式会社, 株式会社東芝, (주)카카오.
  if (found_count == 0 && !bare_form && !detail::is_ascii(rest)) {  // the attached forms are all CJK
    for (const auto *row : forms().attached) {
      const auto f = row->form;
      if (rest.size() > f.size() && position_ok(*row, true) && rest.substr(rest.size() - f.size()) == f &&
          has_alnum(rest.substr(0, rest.size() - f.size()))) {
        found[found_count] = row;
        found_written[found_count++] = f;
        rest = rest.substr(0, rest.size() - f.size());
        break;
      }
      if (rest.size() > f.size() && position_ok(*row, false) && rest.substr(0, f.size()) == f &&
          has_alnum(rest.substr(f.size()))) {
        found[found_count] = row;
        found_written[found_count++] = f;
        rest = rest.substr(f.size());
        break;
      }
    }
  }

  std::string_view display = trim_leftover(strip_enclosing_quotes(trim_leftover(rest)));
  // Never reduce a name to nothing: "AG" stays "AG".
  if (!has_alnum(display)) {
    display = text;
    found_count = 0;
  }
  out.display = std::string(display);
  if (!full) return {};
  for (std::size_t i = 0; i < found_count; ++i) {
    const std::string_view sep = i == 0 ? "" : " ";
    out.legal_form.append(sep).append(found_written[i]);
    out.legal_form_canonical.append(sep).append(found[i]->form);
    if (out.jurisdictions.empty()) out.jurisdictions = found[i]->jurisdiction;
    else if (out.jurisdictions != found[i]->jurisdiction) out.jurisdictions.append(",").append(found[i]->jurisdiction);
  }
  std::string key_storage;
  auto keys = make_match_keys(key_text(out.display, key_storage));
  if (!keys) return keys.error();
  out.keys = std::move(*keys);
  return {};
}

} // namespace

result<company_name> parse_company_name(std::string_view raw) {
  company_name out;
  if (auto r = parse_company(raw, true, out); !r) return r.error();
  return out;
}

result<std::string> company_display_name(std::string_view raw) {
  company_name c;
  if (auto r = parse_company(raw, false, c); !r) return r.error();
  return std::move(c.display);
}

result<std::string> company_key(std::string_view raw) {
  auto c = parse_company_name(raw);
  if (!c) return c.error();
  return std::move(c->keys.german);
}

bool same_company(std::string_view a, std::string_view b) {
  const auto ka = company_key(a);
  const auto kb = company_key(b);
  return ka && kb && !ka->empty() && *ka == *kb;
}

} // namespace v1
} // namespace rapport
