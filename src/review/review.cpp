// review(): the blunders a recipient notices, found on a folded view of the draft.
//
// One pass folds the draft into hashed words with a map back to its bytes
// (lexicon.hpp); every word-level check (greeting, names, boilerplate,
// introduction, reason) then compares integers. Byte-level checks (limit,
// placeholders, white space, invisible characters, mojibake) read the draft
// itself. Nothing here allocates for a clean ASCII note except the folded
// view, which is reused per thread. For notes compose_all() writes,
// review_composed (at the end) joins the folded view from per-worker folds of
// the template text around the greeting name, and takes the outcome of the
// checks that text decides from the same memo.
#include "rapport/review.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "names/name_case.hpp"
#include "rapport/company.hpp"
#include "rapport/person_name.hpp"
#include "rapport/place.hpp"
#include "rapport/text.hpp"
#include "review/lexicon.hpp"
#include "review/review_composed.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {

const char *to_string(finding_code code) noexcept {
  switch (code) {
  case finding_code::over_limit: return "over_limit";
  case finding_code::placeholder_left: return "placeholder_left";
  case finding_code::empty_greeting: return "empty_greeting";
  case finding_code::wrong_name: return "wrong_name";
  case finding_code::all_caps_name: return "all_caps_name";
  case finding_code::generic_boilerplate: return "generic_boilerplate";
  case finding_code::no_reason: return "no_reason";
  case finding_code::no_self_introduction: return "no_self_introduction";
  case finding_code::invisible_characters: return "invisible_characters";
  case finding_code::mojibake: return "mojibake";
  case finding_code::repeated_whitespace: return "repeated_whitespace";
  }
  return "unknown";
}

const char *to_string(severity level) noexcept {
  switch (level) {
  case severity::error: return "error";
  case severity::warning: return "warning";
  case severity::info: return "info";
  }
  return "unknown";
}

namespace {

using namespace rapport::detail::review;
namespace nm = rapport::detail::names;

// ---- small helpers -----------------------------------------------------------------

std::size_t utf8_len(unsigned char b) noexcept { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

char32_t cp_at(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  return detail::decode_utf8(s, i);
}

bool is_hspace(char c) noexcept { return c == ' ' || c == '\t'; }

// Bytes of the horizontal white space at d[p]: space, tab, no-break space
// (U+00A0) or narrow no-break space (U+202F, French typography); 0 for none.
std::size_t hspace_at(std::string_view d, std::size_t p) noexcept {
  if (p >= d.size()) return 0;
  const char c = d[p];
  if (is_hspace(c)) return 1;
  if (c == '\xC2') return p + 1 < d.size() && d[p + 1] == '\xA0' ? 2 : 0;                        // U+00A0
  if (c == '\xE2') return p + 2 < d.size() && d[p + 1] == '\x80' && d[p + 2] == '\xAF' ? 3 : 0;  // U+202F
  return 0;
}

// d.substr(p, s.size()) == s, for p <= d.size().
bool bytes_at(std::string_view d, std::size_t p, std::string_view s) noexcept {
  return d.size() - p >= s.size() && std::memcmp(d.data() + p, s.data(), s.size()) == 0;
}

bool is_cjk_cp(char32_t c) noexcept {
  return (c >= 0x1100 && c < 0x1200) || (c >= 0x3040 && c < 0x3100) || (c >= 0x3130 && c < 0x3190) ||
         (c >= 0x3400 && c < 0x4DC0) || (c >= 0x4E00 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7B0) ||
         (c >= 0xF900 && c < 0xFB00) || (c >= 0x20000 && c < 0x31350);
}

bool has_cjk(std::string_view s) noexcept {
  // Every range above starts at U+1100 or later: a lead byte E1 or above.
  if (!detail::has_byte_e0_up(s)) return false;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0xE1) { ++i; continue; }
    if (is_cjk_cp(detail::decode_utf8(s, i))) return true;
  }
  return false;
}

bool is_ascii_alnum(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

finding make(finding_code code, severity level, std::size_t b, std::size_t e, std::string message,
             std::string suggestion = {}) {
  finding f;
  f.code = code;
  f.level = level;
  f.begin = b;
  f.end = e;
  f.message = std::move(message);
  f.suggestion = std::move(suggestion);
  return f;
}

std::string in_quotes(std::string_view s) { return "\u201C" + std::string(s) + "\u201D"; }

// ---- per-thread state ------------------------------------------------------------------

// A small per-thread memo for values that cost an ICU call or a parse
// (company display names, localized place names). Cleared when it grows.
template <class K, class V>
struct memo {
  std::unordered_map<K, V> map;
  template <class F>
  const V &get(const K &key, F &&make) {
    auto it = map.find(key);
    if (it != map.end()) return it->second;
    if (map.size() > 4096) map.clear();
    return map.emplace(key, make()).first->second;
  }
};

// Facts a note may mention, as phrases matched on German hashes. Reused per
// thread: reset() keeps the vectors' capacity.
struct needle_set {
  std::vector<phrase> items;
  std::size_t count = 0;
  std::uint64_t bloom = 0;

  void reset() { count = 0; bloom = 0; }
  bool empty() const { return count == 0; }

  std::size_t next() {
    if (count == items.size()) items.emplace_back();
    phrase &p = items[count];
    p.h.clear();
    p.hg.clear();
    p.folded.clear();
    p.cjk = false;
    return count++;
  }

  void add(std::string_view text, folded_text &tmp, bool significant_words = false) {
    if (text.empty() || find_invalid_utf8(text)) return;
    fold(text, tmp);
    if (tmp.words.empty()) return;
    bool cjk = false;
    for (const auto &wd : tmp.words) cjk = cjk || wd.cjk;
    const std::size_t k = next();
    for (const auto &wd : tmp.words) { items[k].h.push_back(wd.h); items[k].hg.push_back(wd.hg); }
    items[k].cjk = cjk;
    if (cjk) items[k].folded = std::string(tmp.text().substr(1, tmp.len - 2));
    bloom |= 1ULL << (items[k].hg[0] & 63);
    if (cjk || tmp.words.size() < 2) return;
    if (significant_words) {
      const lexicon &lx = lex();
      for (const auto &wd : tmp.words) {
        if (wd.fe - wd.fb < 4 || lx.stopwords.find(wd.h) >= 0) continue;
        const std::size_t one = next();
        items[one].h.push_back(wd.h);
        items[one].hg.push_back(wd.hg);
        bloom |= 1ULL << (wd.hg & 63);
      }
    }
    // "Web Summit 2025" is also "Web Summit".
    const auto last = tmp.word(tmp.words.back());
    if (std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const std::size_t q = next();
      items[q].h.assign(items[k].h.begin(), items[k].h.end() - 1);
      items[q].hg.assign(items[k].hg.begin(), items[k].hg.end() - 1);
    }
  }

  bool found_in(const folded_text &ft) const {
    for (std::size_t i = 0; i < count; ++i)
      if (items[i].cjk && ft.text().find(items[i].folded) != std::string_view::npos) return true;
    for (std::size_t k = 0; k < ft.words.size(); ++k) {
      const std::uint64_t hg = ft.words[k].hg;
      if (!(bloom & (1ULL << (hg & 63)))) continue;
      for (std::size_t i = 0; i < count; ++i) {
        const phrase &p = items[i];
        if (!p.cjk && p.hg[0] == hg && phrase_at(ft, k, p, true)) return true;
      }
    }
    return false;
  }
};

// ---- names ------------------------------------------------------------------------------

struct name_word {
  std::uint64_t h = 0, hg = 0;
  bool umlaut = false;
  bool given_like = false;  // given, preferred or middle: nicknames apply
  bool latin = true;        // folds to ASCII
  std::string text;         // as written in the contact
};

struct name_parts {
  std::vector<name_word> words;
  std::vector<std::string> cjk_forms;  // family, given, family+given… without spaces, for CJK greetings
  bool any_cjk = false;
};

// A text whose fold is at hand (review_composed: the greeting name).
struct known_fold {
  std::string_view text;
  const folded_text *folded = nullptr;
};

// The words of a name part, per thread, keyed by the part (one map for given
// names, one for family names): the same given and family names come back
// from note to note in a batch. Looked up by view, without building a key.
struct part_words {
  std::vector<name_word> words;
  bool cjk = false;  // has_cjk(part)
};
struct view_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using part_words_map = std::unordered_map<std::string, part_words, view_hash, std::equal_to<>>;

// Adds the words of `part` to `out`; true when the part has CJK characters.
bool add_part(std::string_view part, bool given_like, name_parts &out, folded_text &tmp, const known_fold &known = {}) {
  if (part.empty()) return false;
  thread_local part_words_map memo[2];
  part_words_map &map = memo[given_like ? 1 : 0];
  auto it = map.find(part);
  if (it == map.end()) {
    if (map.size() > 4096) map.clear();
    part_words pw;
    pw.cjk = has_cjk(part);
    if (!find_invalid_utf8(part)) {
      const folded_text *f = &tmp;
      if (known.folded && part == known.text) f = known.folded;  // fold() of the same bytes
      else fold(part, tmp);
      for (const auto &w : f->words) {
        name_word n;
        n.h = w.h;
        n.hg = w.hg;
        n.umlaut = w.umlaut;
        n.given_like = given_like;
        n.latin = detail::is_ascii(f->word(w));
        n.text = std::string(part.substr(w.sb, w.se - w.sb));
        pw.words.push_back(std::move(n));
      }
    }
    it = map.emplace(std::string(part), std::move(pw)).first;
  }
  out.words.insert(out.words.end(), it->second.words.begin(), it->second.words.end());
  return it->second.cjk;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out.push_back(c);
  return out;
}

void parts_into(const person_name &name, name_parts &p, folded_text &tmp, const known_fold &known = {}) {
  p.words.clear();
  p.cjk_forms.clear();
  const person_name *n = &name;
  std::optional<person_name> parsed;
  if (name.given.empty() && name.family.empty() && name.preferred.empty() && !name.raw.empty()) {
    if (auto r = parse_person_name(name.raw)) n = &parsed.emplace(std::move(*r));
  }
  const bool given_cjk = add_part(n->given, true, p, tmp, known);
  const bool preferred_cjk = add_part(n->preferred, true, p, tmp, known);
  add_part(n->middle, true, p, tmp, known);
  const bool family_cjk = add_part(n->family, false, p, tmp, known);
  p.any_cjk = given_cjk || family_cjk || preferred_cjk;
  if (p.any_cjk) {
    const std::string g = without_spaces(n->given), f = without_spaces(n->family), pr = without_spaces(n->preferred);
    for (const auto &s : {f, g, pr, f + g, g + f})
      if (!s.empty()) p.cjk_forms.push_back(s);
  }
}

// The parts of the last name seen, per thread: a batch reviews many notes
// from one sender, and compose reviews several drafts for one recipient.
struct parts_cache {
  std::string given, family, preferred, middle, raw;
  name_parts parts;
  bool valid = false;

  const name_parts &get(const person_name &n, folded_text &tmp) {
    if (valid && n.given == given && n.family == family && n.preferred == preferred && n.middle == middle && n.raw == raw)
      return parts;
    parts_into(n, parts, tmp);
    given = n.given;
    family = n.family;
    preferred = n.preferred;
    middle = n.middle;
    raw = n.raw;
    valid = true;
    return parts;
  }
};

struct workspace {
  folded_text draft;
  folded_text tmp;
  name_parts composed_parts; // review_composed: the recipient's name parts (not kept across notes)
  memo<std::string, std::string> companies;
  memo<place_id, std::vector<std::string>> places;
  // match_key(word, ascii) of the words compared across scripts ("Ivan" and
  // "Иван"): an ICU transliteration each, the same words note after note.
  memo<std::string, std::pair<bool, std::string>> ascii_keys;
  needle_set needles;
  parts_cache recipient, sender;
};

workspace &ws() {
  thread_local workspace w;
  return w;
}

std::string company_display(workspace &w, const std::string &raw) {
  return w.companies.get(raw, [&] {
    auto d = company_display_name(raw);
    return d ? *d : std::string();
  });
}

bool word_matches(const fword &w, std::string_view folded, std::string_view source, const name_word &n,
                  const lexicon &lx) {
  if (w.h == n.h) return true;
  if (w.hg == n.hg && (w.umlaut || n.umlaut)) return true;
  if (n.given_like && lx.nicknames(w.h, n.h)) return true;
  const bool latin = detail::is_ascii(folded);
  if (latin != n.latin) {  // "Ivan" for "Иван": compare transliterations
    auto &keys = ws().ascii_keys;
    const auto key = [&](std::string_view word) {
      return keys.get(std::string(word), [&] {
        auto k = match_key(word, key_kind::ascii);
        return k ? std::pair<bool, std::string>(true, std::move(*k)) : std::pair<bool, std::string>(false, {});
      });
    };
    const std::pair<bool, std::string> a = key(source);  // a copy: the next get() may clear the memo
    const auto &b = key(n.text);
    return a.first && b.first && !a.second.empty() && a.second == b.second;
  }
  return false;
}

// ---- over_limit -------------------------------------------------------------------------

const char *unit_words(length_unit u) {
  switch (u) {
  case length_unit::graphemes: return "characters";
  case length_unit::code_points: return "code points";
  case length_unit::utf16: return "UTF-16 units";
  case length_unit::x_weighted: return "weighted characters";
  }
  return "units";
}

// `known`: the draft's length in platform.unit when the caller measured it (compose), else nullptr.
void check_limit(std::string_view draft, bool ascii, const platform_profile &platform, std::size_t limit,
                 const review_options &opt, const std::size_t *known, std::vector<finding> &out) {
  if (limit == no_limit) return;
  std::size_t n = 0;
  if (known) {
    n = *known;
  } else if (platform.unit != length_unit::x_weighted && ascii) {
    n = draft.size();
  } else {
    auto len = length(draft, platform.unit);
    if (!len) return;
    n = *len;
  }
  if (n <= limit) return;
  // The longest prefix, cut at a grapheme boundary, that fits.
  auto bounds = grapheme_boundaries(draft);
  std::size_t cut = 0;
  if (bounds) {
    std::size_t lo = 0, hi = bounds->size() - 1;  // invariant: prefix to bounds[lo] fits
    while (lo < hi) {
      const std::size_t mid = (lo + hi + 1) / 2;
      auto l = length(draft.substr(0, (*bounds)[mid]), platform.unit);
      if (l && *l <= limit) lo = mid; else hi = mid - 1;
    }
    cut = (*bounds)[lo];
  }
  const std::string tier = opt.tier.empty() && !platform.tiers.empty() ? platform.tiers.front() : opt.tier;
  out.push_back(make(finding_code::over_limit, severity::error, cut, draft.size(),
                     "The " + std::string(to_string(opt.field)) + " is " + std::to_string(n) + " " +
                         unit_words(platform.unit) + " long; " +
                         (platform.display_name.empty() ? platform.id : platform.display_name) +
                         (tier.empty() ? std::string() : " (" + tier + ")") + " allows " + std::to_string(limit) + "."));
}

// ---- invisible characters -------------------------------------------------------------------

void check_invisible(std::string_view draft, std::vector<finding> &out) {
  auto s = sanitize(draft);
  if (!s) return;
  const auto &rm = s->removed;
  for (std::size_t k = 0; k < rm.size();) {
    const auto skip = [&](const removal &r) {
      if (r.code_point == U'\t') return true;  // reported as white space
      return r.code_point == U'\r' && r.offset + 1 < draft.size() && draft[r.offset + 1] == '\n';
    };
    if (skip(rm[k])) { ++k; continue; }
    const std::size_t b = rm[k].offset;
    std::size_t e = b + utf8_len(static_cast<unsigned char>(draft[b]));
    removal_kind kind = rm[k].kind;
    bool mixed = false;
    std::size_t count = 1;
    ++k;
    while (k < rm.size() && rm[k].offset == e && !skip(rm[k])) {
      mixed = mixed || rm[k].kind != kind;
      e += utf8_len(static_cast<unsigned char>(draft[e]));
      ++count;
      ++k;
    }
    std::string what = mixed ? "invisible or control characters"
                       : kind == removal_kind::bidi_control ? "bidirectional control characters"
                       : kind == removal_kind::invisible    ? "invisible characters"
                                                            : "control characters";
    if (count == 1) what.pop_back();  // singular
    out.push_back(make(finding_code::invisible_characters, severity::warning, b, e,
                       std::to_string(count) + " " + what + " (e.g. U+" +
                           [](char32_t c) {
                             char buf[12];
                             std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
                             return std::string(buf);
                           }(cp_at(draft, b)) +
                           ") that the recipient cannot see; remove them.",
                       ""));
  }
}

// ---- mojibake ---------------------------------------------------------------------------------

bool cp1252_like(char32_t c) noexcept {
  if (c >= 0x80 && c <= 0xFF) return true;
  switch (c) {
  case 0x152: case 0x153: case 0x160: case 0x161: case 0x178: case 0x17D: case 0x17E: case 0x192:
  case 0x2C6: case 0x2DC: case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201A: case 0x201C:
  case 0x201D: case 0x201E: case 0x2020: case 0x2021: case 0x2022: case 0x2026: case 0x2030: case 0x2039:
  case 0x203A: case 0x20AC: case 0x2122:
    return true;
  default:
    return false;
  }
}

void check_mojibake(std::string_view draft, std::vector<finding> &out) {
  for (std::size_t i = 0; i < draft.size();) {
    if (static_cast<unsigned char>(draft[i]) < 0x80) { ++i; continue; }
    std::size_t j = i, count = 0;
    bool lead = false;
    while (j < draft.size() && static_cast<unsigned char>(draft[j]) >= 0x80) {
      std::size_t k = j;
      const char32_t c = detail::decode_utf8(draft, k);
      if (!cp1252_like(c)) break;
      lead = lead || (c >= 0xC2 && c <= 0xF4);
      j = k;
      ++count;
    }
    if (j == i) {  // a non-cp1252 character
      i += utf8_len(static_cast<unsigned char>(draft[i]));
      continue;
    }
    if (count >= 2 && lead) {
      const std::string_view run = draft.substr(i, j - i);
      auto fixed = repair_mojibake(run);
      if (fixed && *fixed && **fixed != run) {
        const std::string &rep = **fixed;
        // Trim what did not change, whole code points at a time.
        std::size_t pre = 0;
        while (pre < run.size() && pre < rep.size()) {
          const std::size_t l = utf8_len(static_cast<unsigned char>(run[pre]));
          if (run.substr(pre, l) != std::string_view(rep).substr(pre, l)) break;
          pre += l;
        }
        std::size_t suf = 0;
        while (suf < run.size() - pre && suf < rep.size() - pre) {
          std::size_t p = run.size() - suf - 1;
          while (p > pre && (static_cast<unsigned char>(run[p]) & 0xC0) == 0x80) --p;
          const std::size_t l = run.size() - suf - p;
          if (l > rep.size() - pre - suf || run.substr(p, l) != std::string_view(rep).substr(rep.size() - suf - l, l)) break;
          suf += l;
        }
        const std::string_view bad = run.substr(pre, run.size() - pre - suf);
        out.push_back(make(finding_code::mojibake, severity::error, i + pre, i + pre + bad.size(),
                           in_quotes(bad) + " looks like UTF-8 read as Windows-1252; it should read " +
                               in_quotes(rep.substr(pre, rep.size() - pre - suf)) + ".",
                           rep.substr(pre, rep.size() - pre - suf)));
      }
    }
    i = j;
  }
}

// ---- repeated white space ----------------------------------------------------------------------

void check_whitespace(std::string_view draft, std::vector<finding> &out) {
  const std::size_t n = draft.size();
  for (std::size_t i = 0; i < n;) {
    const char c = draft[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') { ++i; continue; }
    std::size_t j = i;
    std::size_t newlines = 0;
    while (j < n && (draft[j] == ' ' || draft[j] == '\t' || draft[j] == '\n' || draft[j] == '\r')) {
      if (draft[j] == '\n') ++newlines;
      ++j;
    }
    if (newlines >= 3) {
      const std::size_t first = draft.find('\n', i), last = draft.rfind('\n', j - 1);
      out.push_back(make(finding_code::repeated_whitespace, severity::info, first, last + 1,
                         std::to_string(newlines - 1) + " blank lines in a row; one is enough.", "\n\n"));
    } else {
      // Horizontal runs inside the white space, split at line breaks.
      for (std::size_t a = i; a < j;) {
        if (draft[a] == '\n' || draft[a] == '\r') { ++a; continue; }
        std::size_t b = a;
        bool tab = false;
        while (b < j && (draft[b] == ' ' || draft[b] == '\t')) { tab = tab || draft[b] == '\t'; ++b; }
        if (b - a >= 2 || tab) {
          const bool edge = a == 0 || b == n || draft[a - 1] == '\n' || draft[b] == '\n' || draft[b] == '\r';
          out.push_back(make(finding_code::repeated_whitespace, severity::info, a, b,
                             tab ? std::string("A tab where a space belongs.")
                                 : std::to_string(b - a) + " spaces in a row" + (edge ? " at the edge of a line." : "; one is enough."),
                             edge ? "" : " "));
        }
        a = b;
      }
    }
    i = j;
  }
}

// ---- placeholders ------------------------------------------------------------------------------

enum class field_kind { none, given, family, company };

struct ident_info {
  bool vocab = false;  // made of placeholder words with at least one field word
  field_kind kind = field_kind::none;
};

// Splits an identifier at separators and camelCase ("recipient.firstName" →
// recipient, first, name) and looks the pieces up.
ident_info classify_ident(std::string_view content, workspace &w) {
  const lexicon &lx = lex();
  ident_info info;
  std::string spaced, whole;
  for (std::size_t i = 0; i < content.size(); ++i) {
    const char c = content[i];
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0 && content[i - 1] >= 'a' && content[i - 1] <= 'z') spaced.push_back(' ');
    spaced.push_back(c);
    if (c != ' ' && c != '_' && c != '.' && c != '-' && c != ':' && c != '|' && c != '!') whole.push_back(c);
  }
  if (find_invalid_utf8(spaced)) return info;
  fold(spaced, w.tmp);
  bool all = !w.tmp.words.empty(), field = false;
  bool given = false, family = false, company = false, first = false, last = false;
  for (const auto &wd : w.tmp.words) {
    const int v = lx.placeholder_words.find(wd.h);
    if (v < 0) { all = false; continue; }
    field = field || v == 1;
    const auto word = w.tmp.word(wd);
    if (word == "first" || word == "given") first = true;
    if (word == "last" || word == "family") last = true;
    if (word == "firstname" || word == "fname" || word == "fn" || word == "vorname" || word == "prenom" || word == "nombre") given = true;
    if (word == "lastname" || word == "surname" || word == "lname" || word == "ln" || word == "nachname" || word == "apellido" || word == "nom") family = true;
    if (word == "company" || word == "companyname" || word == "organization" || word == "organisation" || word == "org" ||
        word == "firma" || word == "unternehmen" || word == "entreprise" || word == "societe" || word == "empresa")
      company = true;
    if (word == "name" && !first && !last) given = true;
  }
  if (!whole.empty() && !find_invalid_utf8(whole)) {
    fold(whole, w.tmp);
    if (w.tmp.words.size() == 1 && lx.placeholder_words.find(w.tmp.words[0].h) == 1) {
      field = all = true;
      const auto word = w.tmp.word(w.tmp.words[0]);
      if (word == "firstname" || word == "fname" || word == "fn" || word == "vorname" || word == "prenom") given = true;
      if (word == "lastname" || word == "surname" || word == "lname" || word == "nachname") family = true;
      if (word == "companyname" || word == "company") company = true;
    }
  }
  info.vocab = all && field;
  if (company) info.kind = field_kind::company;
  else if (last || family) info.kind = field_kind::family;
  else if (first || given) info.kind = field_kind::given;
  return info;
}

// An identifier: letters (any script), digits and _ . - : | !, with at most
// single inner spaces when `spaces`; 1–60 bytes after trimming.
bool is_ident(std::string_view s, bool spaces) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty() || s.size() > 60) return false;
  bool letter = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      const char c = s[i];
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') letter = true;
      else if (c == ' ') { if (!spaces || s[i - 1] == ' ') return false; }
      else if (!(c >= '0' && c <= '9') && c != '_' && c != '.' && c != '-' && c != ':' && c != '|' && c != '!') return false;
      ++i;
      continue;
    }
    const char32_t c = detail::decode_utf8(s, i);
    if (!nm::is_letter(c)) return false;
    letter = true;
  }
  return letter;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  return s;
}

struct placeholder_hit {
  std::size_t b = 0, e = 0;
  std::string_view content;
};

// Finds a placeholder starting at i; sets hit and returns true.
bool placeholder_at(std::string_view d, std::size_t i, workspace &w, placeholder_hit &hit, ident_info &info) {
  const auto close_within = [&](std::size_t from, std::string_view close, std::size_t max) -> std::size_t {
    const std::size_t lim = std::min(d.size(), from + max + close.size());
    const auto pos = d.substr(0, lim).find(close, from);
    if (pos == std::string_view::npos) return std::string_view::npos;
    // No line break inside.
    if (d.substr(from, pos - from).find('\n') != std::string_view::npos) return std::string_view::npos;
    return pos;
  };
  const auto prev_alnum = i > 0 && is_ascii_alnum(d[i - 1]);
  const auto starts = [&](std::string_view open) { return d.substr(i, open.size()) == open; };
  const auto take = [&](std::size_t open, std::string_view close, std::size_t max, bool strong, bool spaces) {
    const std::size_t from = i + open;
    const std::size_t pos = close_within(from, close, max);
    if (pos == std::string_view::npos || pos == from) return false;
    const std::string_view content = d.substr(from, pos - from);
    if (!is_ident(content, spaces)) return false;
    info = classify_ident(trim(content), w);
    if (!strong && !info.vocab) return false;
    hit = {i, pos + close.size(), trim(content)};
    return true;
  };
  switch (d[i]) {
  case '{':
    if (starts("{{")) return take(2, "}}", 60, true, true);
    return take(1, "}", 60, true, false) || take(1, "}", 60, false, true);
  case '$':
    return starts("${") && take(2, "}", 60, true, false);
  case '*':
    return starts("*|") && take(2, "|*", 60, true, false);
  case '[':
    if (starts("[[")) return take(2, "]]", 60, true, true);
    return take(1, "]", 60, false, true);
  case '<':
    if (starts("<<")) return take(2, ">>", 60, true, true);
    return take(1, ">", 60, false, true);
  case '%':
    if (prev_alnum) return false;
    if (starts("%%")) return take(2, "%%", 40, true, false);
    if (take(1, "%", 40, false, false)) return true;
    {  // %FIRSTNAME%: an upper-case identifier
      const std::size_t pos = close_within(i + 1, "%", 40);
      if (pos == std::string_view::npos || pos == i + 1) return false;
      const std::string_view c = d.substr(i + 1, pos - i - 1);
      if (!is_ident(c, false) || !(c[0] >= 'A' && c[0] <= 'Z')) return false;
      for (char ch : c)
        if (ch >= 'a' && ch <= 'z') return false;
      if (pos + 1 < d.size() && is_ascii_alnum(d[pos + 1])) return false;
      info = classify_ident(c, w);
      hit = {i, pos + 1, c};
      return true;
    }
  case '#':
    if (prev_alnum) return false;
    return take(1, "#", 40, false, false);
  case '_': {
    if (prev_alnum || (i > 0 && d[i - 1] == '_')) return false;
    std::size_t j = i;
    while (j < d.size() && (is_ascii_alnum(d[j]) || d[j] == '_')) ++j;
    if (j - i < 3 || d[j - 1] != '_') return false;
    std::size_t a = i, b = j;
    while (a < b && d[a] == '_') ++a;
    while (b > a && d[b - 1] == '_') --b;
    if (a == b) return false;
    const std::string_view c = d.substr(a, b - a);
    info = classify_ident(c, w);
    if (!info.vocab) return false;
    hit = {i, j, c};
    return true;
  }
  default:
    return false;
  }
}

std::string current_company(const contact &c, workspace &w) {
  for (const auto &o : c.organizations)
    if (o.current && !o.name.empty() && !find_invalid_utf8(o.name)) return company_display(w, o.name);
  return {};
}

std::string informal_name(const contact &c, std::string_view locale) {
  auto g = greeting_name(c.name, locale.empty() ? std::string_view("en") : locale, formality::informal);
  return g ? *g : std::string();
}

// A merge field for the writer's own details: "sender_name", "Your Name" (in
// templates people copy, "your" is the person sending), "my_company".
bool names_the_writer(std::string_view field) {
  std::string lower(field);
  for (auto &ch : lower)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  for (std::string_view word : {"sender", "your", "my_", "my ", "my.", "signature", "absender", "votre", "vuestro", "tu_"})
    if (lower.find(word) != std::string::npos) return true;
  return lower.rfind("myname", 0) == 0 || lower.rfind("mycompany", 0) == 0;  // camelCase "myName"
}

void check_placeholders(std::string_view d, const contact &recipient, std::string_view locale, workspace &w,
                        std::vector<finding> &out) {
  for (std::size_t i = 0; i < d.size();) {
    const char c = d[i];
    if (c != '{' && c != '[' && c != '<' && c != '%' && c != '#' && c != '_' && c != '$' && c != '*') { ++i; continue; }
    placeholder_hit hit;
    ident_info info;
    if (!placeholder_at(d, i, w, hit, info)) { ++i; continue; }
    std::string suggestion;
    if (names_the_writer(hit.content)) {
      // "{sender_name}", "[Your Name]", "{{my_company}}": the writer's own field; no recipient value fits.
    } else if (info.kind == field_kind::given) suggestion = informal_name(recipient, locale);
    else if (info.kind == field_kind::family) suggestion = recipient.name.family;
    else if (info.kind == field_kind::company) suggestion = current_company(recipient, w);
    out.push_back(make(finding_code::placeholder_left, severity::error, hit.b, hit.e,
                       "The merge field " + in_quotes(d.substr(hit.b, hit.e - hit.b)) + " was never filled in.",
                       std::move(suggestion)));
    i = hit.e;
  }
}

// ---- greeting: empty_greeting and wrong_name ------------------------------------------------------

constexpr std::string_view cjk_suffixes[] = {"様", "さま", "さん", "殿", "先生", "君", "くん", "ちゃん", "님", "씨"};

std::string_view strip_cjk_suffix(std::string_view s) {
  for (auto suf : cjk_suffixes)
    if (s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf) {
      s.remove_suffix(suf.size());
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
      return s;
    }
  return s;
}

// Scans a name-like token at q: letters and marks, with inner apostrophes and hyphens.
std::size_t token_end(std::string_view d, std::size_t q) {
  std::size_t i = q;
  while (i < d.size()) {
    std::size_t k = i;
    const char32_t c = detail::decode_utf8(d, k);
    const bool mark = c >= 0x300 && c < 0x370;
    if (nm::is_letter(c) || mark || (c >= '0' && c <= '9')) { i = k; continue; }
    if ((c == '\'' || c == 0x2019 || c == '-' || c == 0x2010) && k < d.size() && i > q && nm::is_letter(cp_at(d, k))) { i = k; continue; }
    break;
  }
  return i;
}

struct greeting_ctx {
  std::string_view draft;
  const contact &recipient;
  std::string_view locale;
  const folded_text &ft;
  const name_parts &rp;
  const name_parts *sp;
  workspace &w;
};

enum class token_class { honorific, name_ok, name_bad, filler, stop };

// Classifies the draft words inside [b, e): the recipient's name, a title, a filler…
token_class classify_token(const greeting_ctx &g, std::size_t b, std::size_t e, bool &sender_name, title_gender &gender) {
  const lexicon &lx = lex();
  const std::string_view text = g.draft.substr(b, e - b);
  if (g.rp.words.empty() && g.rp.cjk_forms.empty()) return token_class::name_ok;  // nothing to compare with
  if (has_cjk(text)) {
    if (!g.rp.any_cjk) return token_class::name_ok;  // cannot judge a CJK name against a Latin one
    const std::string core = without_spaces(strip_cjk_suffix(text));
    for (const auto &f : g.rp.cjk_forms)
      if (core == f) return token_class::name_ok;
    if (g.sp) {
      for (const auto &sw : g.sp->cjk_forms)
        if (core == sw) sender_name = true;
    }
    return token_class::name_bad;
  }
  // A Latin name for a recipient whose name is written only in CJK ("Hi Taro"
  // to 山田 太郎): transliteration cannot tell, so it is not judged.
  if (g.rp.any_cjk && std::none_of(g.rp.words.begin(), g.rp.words.end(), [](const name_word &n) { return n.latin; }))
    return token_class::name_ok;
  // The folded words of the token.
  std::size_t first = 0;
  while (first < g.ft.words.size() && g.ft.words[first].sb < b) ++first;
  std::size_t last = first;
  while (last < g.ft.words.size() && g.ft.words[last].se <= e) ++last;
  if (first == last) return token_class::stop;
  bool all = true;
  for (std::size_t k = first; k < last; ++k) {
    const fword &wd = g.ft.words[k];
    const auto src = g.draft.substr(wd.sb, wd.se - wd.sb);
    bool ok = false;
    for (const auto &n : g.rp.words)
      if (word_matches(wd, g.ft.word(wd), src, n, lx)) { ok = true; break; }
    all = all && ok;
  }
  if (all) return token_class::name_ok;
  if (last - first == 1) {
    const std::uint64_t h = g.ft.words[first].h;
    if (const int t = lx.honorifics.find(h); t >= 0) { gender = static_cast<title_gender>(t); return token_class::honorific; }
    if (lx.fillers.find(h) >= 0) return token_class::filler;
    if (lx.stopwords.find(h) >= 0) return token_class::stop;
  }
  const char32_t c0 = cp_at(g.draft, b);
  if (nm::is_lower(c0)) return token_class::stop;
  if (!nm::is_upper(c0) && !nm::is_letter(c0)) return token_class::stop;
  if (g.sp) {
    bool mine = true;
    for (std::size_t k = first; k < last && mine; ++k) {
      const fword &wd = g.ft.words[k];
      bool ok = false;
      for (const auto &n : g.sp->words)
        if (n.h == wd.h || (n.hg == wd.hg && (n.umlaut || wd.umlaut))) ok = true;
      mine = ok;
    }
    sender_name = mine;
  }
  return token_class::name_bad;
}

void check_greeting(const greeting_ctx &g, std::vector<finding> &out) {
  const lexicon &lx = lex();
  const std::string_view d = g.draft;
  const folded_text &ft = g.ft;
  if (ft.words.empty()) return;
  // Where the text starts: past white space and opening marks.
  std::size_t start = 0;
  while (start < d.size()) {
    std::size_t k = start;
    const char32_t c = detail::decode_utf8(d, k);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA1 || c == 0xBF || c == '"' || c == 0x201C || c == 0x201E) start = k;
    else break;
  }
  // A CJK greeting: "山田様、" at the very start.
  if (has_cjk(d.substr(start, 4)) && g.rp.any_cjk) {
    std::size_t e = start;
    while (e < d.size()) {
      std::size_t k = e;
      const char32_t c = detail::decode_utf8(d, k);
      if (!(is_cjk_cp(c) || c == ' ')) break;
      e = k;
    }
    const std::string_view seg = d.substr(start, e - start);
    for (auto suf : cjk_suffixes) {
      if (seg.size() < suf.size() || seg.substr(seg.size() - suf.size()) != suf) continue;
      if (seg.size() == suf.size()) {
        out.push_back(make(finding_code::empty_greeting, severity::error, start, e,
                           "The salutation has no name before " + in_quotes(suf) + ".",
                           g.rp.cjk_forms.empty() ? std::string() : g.rp.cjk_forms.front() + std::string(suf)));
        return;
      }
      bool sender = false;
      title_gender tg = title_gender::none;
      if (classify_token(g, start, e - suf.size(), sender, tg) == token_class::name_bad) {
        const std::string_view bad = strip_cjk_suffix(seg);
        out.push_back(make(finding_code::wrong_name, severity::error, start, start + bad.size(),
                           sender ? "The salutation names you, the sender, not the recipient."
                                  : "The salutation names " + in_quotes(bad) + ", not the recipient.",
                           g.rp.cjk_forms.empty() ? std::string() : g.rp.cjk_forms.front()));
      }
      return;
    }
    return;
  }
  // A greeting word at the start.
  std::size_t w0 = 0;
  while (w0 < ft.words.size() && ft.words[w0].sb < start) ++w0;
  if (w0 >= ft.words.size() || ft.words[w0].sb != start) return;
  const phrase *gp = nullptr;
  const std::uint64_t h0 = ft.words[w0].h;  // phrase_at fails at once on another first word
  for (auto it = std::lower_bound(lx.greeting_first.begin(), lx.greeting_first.end(), std::pair{h0, std::uint32_t{0}});
       it != lx.greeting_first.end() && it->first == h0; ++it)
    if (phrase_at(ft, w0, lx.greetings[it->second], false)) { gp = &lx.greetings[it->second]; break; }
  if (!gp) return;
  const bool needs_name = (gp->tag & 1) != 0;
  const bool french = (gp->tag & 2) != 0;  // "Bonjour !": French puts a space before ! ? : ;
  const std::size_t gb = start, ge = ft.words[w0 + gp->h.size() - 1].se;
  const std::string_view greeting = d.substr(gb, ge - gb);
  std::size_t p = ge, spaces = 0;
  for (std::size_t l; (l = hspace_at(d, p)) != 0; p += l) ++spaces;
  const char c = p < d.size() ? d[p] : '\0';
  const auto suggest = [&](std::string_view punct) {
    std::string name = informal_name(g.recipient, g.locale);
    return name.empty() ? std::string() : std::string(greeting) + " " + name + std::string(punct);
  };
  const auto empty = [&](std::size_t e, std::string_view punct) {
    out.push_back(make(finding_code::empty_greeting, severity::error, gb, e,
                       in_quotes(trim(d.substr(gb, e - gb))) + " greets no one: the name is missing.", suggest(punct)));
  };
  if (c == '\0' || c == '\n' || c == '\r') {
    if (spaces > 0 || needs_name) empty(p, c == '\0' ? "" : ",");
    return;
  }
  if (c == ',' || c == '!' || c == '.' || c == ':' || c == ';' || c == '?') {
    const bool typography = french && c != ',' && c != '.' && !needs_name;
    if ((spaces > 0 && !typography) || needs_name) { empty(p + 1, std::string_view(&d[p], 1)); return; }
    if (c != ',') return;
    ++p;
    for (std::size_t l; (l = hspace_at(d, p)) != 0;) p += l;
  }
  // "Hi {}", "Hi []", "Hi <>", "Hi ()": a merge field that came out empty.
  for (std::string_view pair : {"{{}}", "{}", "[]", "<>", "()", "%%"}) {
    if (bytes_at(d, p, pair)) {
      std::size_t e = p + pair.size();
      if (e < d.size() && is_ascii_alnum(d[e])) break;  // "%%NAME%%" is a placeholder
      if (e < d.size() && (d[e] == ',' || d[e] == '!' || d[e] == '.' || d[e] == ':')) ++e;
      empty(e, ",");
      return;
    }
  }
  const bool after_comma = p > ge && d[ge] == ',';
  // The name: up to five tokens, titles skipped.
  struct tok { std::size_t b, e; token_class cls; bool sender; title_gender gender; };
  tok toks[6];
  std::size_t nt = 0;
  bool closed = false, filler = false;
  std::size_t q = p;
  while (nt < 6) {
    if (q >= d.size() || !nm::is_letter(cp_at(d, q))) break;
    std::size_t e = token_end(d, q);
    if (e == q) break;
    bool sender = false;
    title_gender tg = title_gender::none;
    token_class cls = classify_token(g, q, e, sender, tg);
    if (cls == token_class::stop) break;
    if (cls == token_class::filler) { filler = true; break; }
    if (cls == token_class::honorific && e < d.size() && d[e] == '.') ++e;
    toks[nt++] = {q, e, cls, sender, tg};
    q = e;
    for (std::size_t l; (l = hspace_at(d, q)) != 0;) q += l;
    if (q == e && !(q < d.size() && nm::is_letter(cp_at(d, q)))) break;
  }
  if (filler || nt == 0) return;
  // What follows the name.
  std::size_t after = toks[nt - 1].e;
  for (std::size_t l; (l = hspace_at(d, after)) != 0;) after += l;
  const char next = after < d.size() ? d[after] : '\0';
  closed = next == '\0' || next == ',' || next == '!' || next == '.' || next == ':' || next == ';' || next == '\n' ||
           next == '\r' || next == '?' || next == '-' || static_cast<unsigned char>(next) >= 0x80;
  if (after_comma && !closed) return;  // "Hi, I'm Sam from …": no name after the comma
  // "Hi Sam here", "Hallo, Sam hier": the sender introducing themselves.
  if (!closed) {
    const std::size_t we = token_end(d, after);
    const std::string_view w = d.substr(after, we - after);
    if (w == "here" || w == "hier" || w == "ici" || w == "aqui" || w == "aquí") return;
  }
  std::size_t nb = 0, ne = 0, bad_count = 0;
  bool sender_bad = false, honorific = false;
  title_gender tg = title_gender::none;
  std::size_t hb = 0, he = 0;
  for (std::size_t k = 0; k < nt; ++k) {
    if (toks[k].cls == token_class::honorific) {
      honorific = true;
      if (toks[k].gender != title_gender::none) { tg = toks[k].gender; hb = toks[k].b; he = toks[k].e; }
      continue;
    }
    if (nb == ne) nb = toks[k].b;
    ne = toks[k].e;
    if (toks[k].cls == token_class::name_bad) { ++bad_count; sender_bad = sender_bad || toks[k].sender; }
  }
  if (bad_count > 0) {
    std::string suggestion;
    if (honorific && !g.recipient.name.family.empty()) suggestion = g.recipient.name.family;
    else suggestion = informal_name(g.recipient, g.locale);
    const std::string_view written = d.substr(nb, ne - nb);
    out.push_back(make(finding_code::wrong_name, severity::error, nb, ne,
                       sender_bad ? "The greeting names you, the sender (" + in_quotes(written) + "), not the recipient."
                                  : "The greeting names " + in_quotes(written) + ", not the recipient.",
                       std::move(suggestion)));
    return;
  }
  // A title that contradicts the recipient's stated gender ("Herr" for a woman).
  grammatical_gender rg = g.recipient.gender != grammatical_gender::unknown ? g.recipient.gender : g.recipient.name.gender;
  if (tg != title_gender::none && (rg == grammatical_gender::feminine || rg == grammatical_gender::masculine)) {
    const bool fem = tg == title_gender::feminine;
    if (fem != (rg == grammatical_gender::feminine))
      out.push_back(make(finding_code::wrong_name, severity::error, hb, he,
                         "The title " + in_quotes(d.substr(hb, he - hb)) + " does not match how the recipient is addressed.", ""));
  }
}

// ---- all_caps_name ----------------------------------------------------------------------------------

// Cheap pre-test for is_all_caps_name(): three bytes or more, no ASCII lowercase letter.
bool maybe_caps(std::string_view s) noexcept {
  if (s.size() < 3) return false;
  for (char c : s)
    if (c >= 'a' && c <= 'z') return false;
  return true;
}

void check_all_caps(std::string_view d, const folded_text &ft, const name_parts &rp, std::vector<finding> &out) {
  const lexicon &lx = lex();
  if (rp.words.empty()) return;
  for (std::size_t k = 0; k < ft.words.size();) {
    const fword &wd = ft.words[k];
    const std::string_view src = d.substr(wd.sb, wd.se - wd.sb);
    const name_word *hit = nullptr;
    if (!wd.cjk && maybe_caps(src) && is_all_caps_name(src))
      for (const auto &n : rp.words)
        if (word_matches(wd, ft.word(wd), src, n, lx)) { hit = &n; break; }
    if (!hit) { ++k; continue; }
    // Extend over the following capitalized name words ("ANNA SCHMIDT").
    const std::size_t b = wd.sb;
    std::size_t e = wd.se;
    std::string suggestion;
    const auto proper = [](const name_word &n) {
      return is_all_caps_name(n.text) ? nm::title_case(n.text, nm::case_rules::root) : n.text;
    };
    suggestion = proper(*hit);
    ++k;
    while (k < ft.words.size()) {
      const fword &nx = ft.words[k];
      const std::string_view gap = d.substr(e, nx.sb - e);
      if (gap != " " && gap != "-") break;
      const std::string_view s2 = d.substr(nx.sb, nx.se - nx.sb);
      const name_word *h2 = nullptr;
      if (is_all_caps_name(s2) || (s2.size() <= 3 && !nm::is_lower(cp_at(s2, 0))))
        for (const auto &n : rp.words)
          if (word_matches(nx, ft.word(nx), s2, n, lx)) { h2 = &n; break; }
      if (!h2 || !is_all_caps_name(d.substr(b, nx.se - b))) break;
      suggestion += std::string(gap) + proper(*h2);
      e = nx.se;
      ++k;
    }
    out.push_back(make(finding_code::all_caps_name, severity::warning, b, e,
                       "The recipient's name is written in capitals (" + in_quotes(d.substr(b, e - b)) + ").",
                       std::move(suggestion)));
  }
}

// ---- boilerplate ----------------------------------------------------------------------------------------

void check_boilerplate(std::string_view d, const folded_text &ft, std::vector<finding> &out) {
  const lexicon &lx = lex();
  for (std::size_t k = 0; k < ft.words.size();) {
    const phrase *p = lx.boilerplate.longest_at(ft, k);
    if (!p) { ++k; continue; }
    const std::size_t b = ft.words[k].sb;
    std::size_t e = ft.words[k + p->h.size() - 1].se;
    if (e < d.size() && (d[e] == '.' || d[e] == '!')) ++e;
    out.push_back(make(finding_code::generic_boilerplate, severity::warning, b, e,
                       "This is the platform's default invitation text; say why you want to connect instead.", ""));
    k += p->h.size();
  }
}

// ---- no_reason ----------------------------------------------------------------------------------------------

const std::vector<std::string> &place_names(place_id id, workspace &w) {
  return w.places.get(id, [&] {
    std::vector<std::string> names;
    const auto add = [&](place_id pid) {
      if (auto info = place(pid)) {
        names.emplace_back(info->english_name);
        names.emplace_back(info->local_name);
      }
      for (const char *loc : {"en", "de", "fr", "es"})
        if (auto n = place_display_name(pid, loc)) names.push_back(std::move(*n));
    };
    add(id);
    if (auto info = place(id); info && info->metro != no_place) add(info->metro);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  });
}

std::string context_hint(const shared_context &c) {
  switch (c.kind) {
  case context_kind::event: return c.event_name.empty() ? "the event you share" : c.event_name;
  case context_kind::challenge: return c.challenge_title.empty() ? "the challenge you can help with" : c.challenge_title;
  case context_kind::mutual_connection: return c.mutual_name.empty() ? "your mutual connection" : c.mutual_name;
  case context_kind::same_city: {
    if (auto n = place_display_name(c.place, "en")) return *n;
    return "your city";
  }
  case context_kind::past_employer: return c.organization;
  case context_kind::school: return c.school;
  case context_kind::topic: return c.topic;
  }
  return {};
}

bool generic_reason(const folded_text &ft) {
  const lexicon &lx = lex();
  for (std::size_t k = 0; k < ft.words.size(); ++k)
    if (lx.reasons.longest_at(ft, k)) return true;
  return false;
}

// `generic_known`: generic_reason(ft) when the caller knows it (review_composed), else nullptr.
void check_reason(const folded_text &ft, const contact &recipient, const contact *sender,
                  const std::vector<shared_context> &contexts, const review_options &opt, workspace &w,
                  std::vector<finding> &out, const bool *generic_known = nullptr) {
  if (generic_known ? *generic_known : generic_reason(ft)) return;
  needle_set &n = w.needles;
  n.reset();
  // Why the sender writes is a reason too ("I'd love to talk about battery passports").
  if (sender) n.add(sender->purpose, w.tmp, true);
  if (contexts.empty()) {
    if (!n.empty() && n.found_in(ft)) return;
    out.push_back(make(finding_code::no_reason, severity::warning, 0, 0,
                       "The note gives no reason to connect: mention what you share (an event, a city, a contact).", ""));
    return;
  }
  for (const auto &c : contexts) {
    switch (c.kind) {
    case context_kind::event:
      n.add(c.event_name, w.tmp);
      if (opt.dir)
        if (const event *e = opt.dir->find_event(c.event_id)) {
          n.add(e->name, w.tmp);
          for (const auto &a : e->aliases) n.add(a, w.tmp);
          n.add(e->venue, w.tmp);
          if (e->place != no_place)  // "see you in Munich next week" for bauma
            for (const auto &name : place_names(e->place, w)) n.add(name, w.tmp);
        }
      break;
    case context_kind::same_city:
      if (c.place != no_place)
        for (const auto &name : place_names(c.place, w)) n.add(name, w.tmp);
      if (recipient.place != no_place && recipient.place != c.place)
        for (const auto &name : place_names(recipient.place, w)) n.add(name, w.tmp);
      for (std::string_view loc = recipient.location; !loc.empty();) {
        const auto comma = loc.find(',');
        n.add(trim(loc.substr(0, comma)), w.tmp);
        loc = comma == std::string_view::npos ? std::string_view{} : loc.substr(comma + 1);
      }
      break;
    case context_kind::challenge:
      n.add(c.challenge_title, w.tmp, true);
      n.add(c.offer_summary, w.tmp, true);
      n.add(c.industry, w.tmp);
      if (opt.dir)
        if (const challenge *ch = opt.dir->find_challenge(c.challenge_id))
          for (const auto &k : ch->keywords) n.add(k, w.tmp);
      break;
    case context_kind::mutual_connection:
      n.add(c.mutual_name, w.tmp);
      if (!c.mutual_name.empty() && !find_invalid_utf8(c.mutual_name)) {
        const auto sp = c.mutual_name.find(' ');
        if (sp != std::string::npos && sp >= 3) n.add(std::string_view(c.mutual_name).substr(0, sp), w.tmp);
      }
      break;
    case context_kind::past_employer:
      if (!find_invalid_utf8(c.organization)) n.add(company_display(w, c.organization), w.tmp);
      n.add(c.organization, w.tmp);
      for (const auto &o : recipient.organizations)  // the display compose says when the importer set one
        if (o.name == c.organization && !o.display.empty()) n.add(o.display, w.tmp);
      break;
    case context_kind::school: n.add(c.school, w.tmp, true); break;
    case context_kind::topic: n.add(c.topic, w.tmp, true); break;
    }
  }
  if (n.found_in(ft)) return;
  out.push_back(make(finding_code::no_reason, severity::warning, 0, 0,
                     "The note gives no reason to connect; you could mention " + context_hint(contexts.front()) + ".", ""));
}

// ---- no_self_introduction ----------------------------------------------------------------------------------

finding no_introduction() {
  return make(finding_code::no_self_introduction, severity::warning, 0, 0,
              "The note never says who you are: add your name or where you work.", "");
}

// The sender's organizations as check_introduction looks for them.
void sender_org_needles(const contact &sender, workspace &w, needle_set &orgs) {
  orgs.reset();
  for (const auto &o : sender.organizations) {
    if (!o.display.empty() && !find_invalid_utf8(o.display)) orgs.add(o.display, w.tmp);  // what compose says
    if (o.name.empty() || find_invalid_utf8(o.name)) continue;
    orgs.add(company_display(w, o.name), w.tmp);
  }
}

void check_introduction(const folded_text &ft, const contact &sender, const name_parts &sp, workspace &w,
                        std::vector<finding> &out) {
  const lexicon &lx = lex();
  for (const auto &wd : ft.words)
    for (const auto &n : sp.words)
      if (n.h == wd.h || (n.hg == wd.hg && (n.umlaut || wd.umlaut))) return;
  for (const auto &f : sp.cjk_forms)
    if (ft.text().find(f) != std::string_view::npos) return;
  for (std::size_t k = 0; k < ft.words.size(); ++k)
    if (lx.introductions.longest_at(ft, k)) return;
  needle_set &orgs = w.needles;
  sender_org_needles(sender, w, orgs);
  if (!orgs.empty() && orgs.found_in(ft)) return;
  out.push_back(no_introduction());
}

// Outcomes of word-level checks that review_composed knows without reading
// the draft's words (see piece_facts).
struct known_outcomes {
  bool no_caps = false;             // no word of the draft can be an ALL-CAPS name: check_all_caps finds nothing
  bool boilerplate = false;         // check_boilerplate finds `boilerplate_first`, then `boilerplate_second` moved by `shift`
  const std::vector<finding> *boilerplate_first = nullptr, *boilerplate_second = nullptr;
  std::size_t shift = 0;
  bool generic = false;             // generic_reason(draft's words) is `generic_reason`
  bool generic_reason = false;
  bool introduction = false;        // check_introduction finds nothing (`introduced`) or its one finding
  bool introduced = false;
  const std::vector<finding> *mojibake = nullptr;  // check_mojibake's findings (nullptr: unknown)
  known_fold name;                  // the greeting name and its fold (a name part equal to it is not folded again)
};

// Every check, on a draft known to be valid UTF-8 and no larger than
// max_text_size, against `limit` (the platform's limit for options.field and tier).
// `folded`: ws().draft already holds fold(draft) (review_composed joins it from
// pieces); `known`: outcomes review_composed knows (nullptr: none).
result<std::vector<finding>> review_checked(std::string_view draft, const contact &recipient,
                                            const platform_profile &platform, const review_options &options,
                                            std::size_t limit, const std::size_t *known_length, bool folded = false,
                                            const known_outcomes *known = nullptr) {
  std::vector<shared_context> discovered;
  const std::vector<shared_context> *contexts = &options.contexts;
  if (options.contexts.empty() && options.dir && options.sender) {
    const auto now = options.now == std::chrono::sys_seconds{}
                         ? std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now())
                         : options.now;
    auto found = find_shared_contexts(*options.dir, *options.sender, recipient, now);
    if (!found) return found.error();
    discovered = std::move(*found);
    contexts = &discovered;
  }

  workspace &w = ws();
  std::vector<finding> out;
  const std::string_view locale =
      !options.locale.empty() ? std::string_view(options.locale) : std::string_view(recipient.locale);

  if (!folded) fold(draft, w.draft);  // names and needles are folded into w.tmp; the draft stays in w.draft
  const folded_text &ft = w.draft;
  check_limit(draft, !ft.non_ascii, platform, limit, options, known_length, out);
  if (ft.suspicious) check_invisible(draft, out);
  if (known && known->mojibake) out.insert(out.end(), known->mojibake->begin(), known->mojibake->end());
  else if (ft.maybe_mojibake) check_mojibake(draft, out);
  if (ft.spacing) check_whitespace(draft, out);
  if (ft.delimiters) check_placeholders(draft, recipient, locale, w, out);

  // A batch reviews each recipient once: their parts are built afresh (no
  // cache to compare with and copy into), reusing the greeting name's fold.
  const name_parts &rp = known ? (parts_into(recipient.name, w.composed_parts, w.tmp, known->name), w.composed_parts)
                               : w.recipient.get(recipient.name, w.tmp);
  static const name_parts no_parts;
  const name_parts &sp = options.sender ? w.sender.get(options.sender->name, w.tmp) : no_parts;
  const greeting_ctx g{draft, recipient, locale, ft, rp, options.sender ? &sp : nullptr, w};
  // A placeholder right after the greeting is reported once, as a placeholder.
  check_greeting(g, out);
  if (!(known && known->no_caps)) check_all_caps(draft, ft, rp, out);
  if (known && known->boilerplate) {
    out.insert(out.end(), known->boilerplate_first->begin(), known->boilerplate_first->end());
    for (finding f : *known->boilerplate_second) {
      f.begin += known->shift;
      f.end += known->shift;
      out.push_back(std::move(f));
    }
  } else {
    check_boilerplate(draft, ft, out);
  }
  check_reason(ft, recipient, options.sender, *contexts, options, w, out,
               known && known->generic ? &known->generic_reason : nullptr);
  if (options.sender) {
    if (known && known->introduction) {
      if (!known->introduced) out.push_back(no_introduction());
    } else {
      check_introduction(ft, *options.sender, sp, w, out);
    }
  }

  // Text garbled by mojibake is reported once, as mojibake ("Ã\u00AD" hides a soft hyphen).
  std::vector<std::pair<std::size_t, std::size_t>> garbled;
  for (const auto &f : out)
    if (f.code == finding_code::mojibake) garbled.emplace_back(f.begin, f.end);
  if (!garbled.empty())
    std::erase_if(out, [&](const finding &f) {
      if (f.code != finding_code::wrong_name && f.code != finding_code::all_caps_name &&
          f.code != finding_code::invisible_characters)
        return false;
      for (const auto &[b, e] : garbled)
        if (f.begin < e && b < f.end) return true;
      return false;
    });
  // Keep the per-thread buffers for ordinary notes, not for a one-off huge draft.
  if (w.draft.buf.size() > (std::size_t{1} << 20)) w.draft = folded_text{};
  std::stable_sort(out.begin(), out.end(), [](const finding &a, const finding &b) {
    const bool wa = a.begin == 0 && a.end == 0, wb = b.begin == 0 && b.end == 0;
    if (wa != wb) return wb;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end < b.end;
  });
  return out;
}

} // namespace

result<std::vector<finding>> review(std::string_view draft, const contact &recipient, const platform_profile &platform,
                                    const review_options &options) {
  if (auto bad = find_invalid_utf8(draft)) return detail::utf8_error(*bad);
  if (draft.size() > max_text_size) return make_error(errc::limit_exceeded, "draft is larger than 256 MiB");
  auto limit = platform_limit(platform, options.field, options.tier);
  if (!limit) return limit.error();
  return review_checked(draft, recipient, platform, options, *limit, nullptr);
}

} // namespace v1
} // namespace rapport

namespace rapport::detail {

// A text folded alone (prefix or suffix of a note around the greeting name),
// compact: only [0, len) of the buffers.
struct folded_piece {
  std::string buf;
  std::vector<std::uint32_t> src;
  std::vector<review::fword> words;
  bool suspicious = false, maybe_mojibake = false, non_ascii = false, spacing = false, delimiters = false;

  void take(const review::folded_text &t) {
    buf.assign(t.buf.data(), t.len);
    src.assign(t.src.begin(), t.src.begin() + static_cast<std::ptrdiff_t>(t.len));
    words.assign(t.words.begin(), t.words.end());
    suspicious = t.suspicious;
    maybe_mojibake = t.maybe_mojibake;
    non_ascii = t.non_ascii;
    spacing = t.spacing;
    delimiters = t.delimiters;
  }
};

// What the word-level checks find in the text around the name, each part
// read alone. When no word of the name can take part in what a check looks
// for (an "inert" name: none of its words is a word of the check's phrases),
// a match in the whole draft lies within one part, so these are the check's
// outcome for the whole draft (review_composed).
struct piece_facts {
  bool caps = false;                     // a word may be an ALL-CAPS name (check_all_caps looks at it)
  std::vector<v1::finding> boilerplate[2];  // check_boilerplate on the prefix, on the suffix (offsets in the part)
  bool generic = false;                  // a generic reason phrase (check_reason stops there)
  bool introduced = false;               // check_introduction finds the sender in a part
  std::vector<v1::finding> mojibake[2];  // check_mojibake on the prefix, on the suffix (offsets in the part)
};

struct composed_review_memo_data {
  // The suffix's source offsets and words as they sit in a joined draft, for
  // one length of the name in bytes and folded (what they are shifted by).
  struct shifted_suffix {
    std::size_t name_size = 0, name_folded = 0;
    std::vector<std::uint32_t> src;
    std::vector<review::fword> words;
  };
  struct entry {
    folded_piece prefix, suffix;
    piece_facts facts;
    std::vector<shifted_suffix> shifted;  // a few name lengths, replaced in turn
    std::size_t next_shifted = 0;
  };
  std::unordered_map<std::string, entry> map;  // key: prefix size (8 bytes), prefix, suffix
  std::string key;
  const std::string *last_key = nullptr;  // the entry used last (a batch uses few, in runs)
  entry *last = nullptr;
  // Per sender (the memo is cleared when it changes): the words that can
  // introduce them (their name's words, ASCII and German hashes; their
  // organizations' words, German hashes), and whether words decide it at all
  // (not when a name or an organization is CJK, which is searched as text).
  const v1::contact *sender = nullptr;
  bool has_sender = false;
  bool intro_by_words = false;
  std::unordered_set<std::uint64_t> sender_words;
  // Greeting names folded alone (first names come back from note to note),
  // compact; bounded like `map`.
  std::unordered_map<std::string, review::folded_text> names;
  std::vector<v1::finding> mojibake;  // review_composed: the draft's mojibake findings
};

composed_review_memo::composed_review_memo() : data_(std::make_unique<composed_review_memo_data>()) {}
composed_review_memo::~composed_review_memo() = default;
composed_review_memo::composed_review_memo(composed_review_memo &&) noexcept = default;
composed_review_memo &composed_review_memo::operator=(composed_review_memo &&) noexcept = default;

namespace {

// An ASCII byte fold() treats as a word break.
bool ascii_break(char c) noexcept {
  const auto b = static_cast<unsigned char>(c);
  return b < 0x80 && !((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'));
}

bool ascii_space(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The words of the lexicon's phrase tables (ASCII hashes, any position).
struct lexicon_words {
  std::unordered_set<std::uint64_t> boilerplate, reasons, introductions;
};

const lexicon_words &lex_words() {
  static const lexicon_words words = [] {
    lexicon_words w;
    const auto &lx = review::lex();
    for (const auto &p : lx.boilerplate.phrases()) w.boilerplate.insert(p.h.begin(), p.h.end());
    for (const auto &p : lx.reasons.phrases()) w.reasons.insert(p.h.begin(), p.h.end());
    for (const auto &p : lx.introductions.phrases()) w.introductions.insert(p.h.begin(), p.h.end());
    return w;
  }();
  return words;
}

// check_all_caps looks at this word (an ALL-CAPS name candidate).
bool caps_candidate(std::string_view text, const review::fword &wd) {
  const std::string_view src = text.substr(wd.sb, wd.se - wd.sb);
  return !wd.cjk && v1::maybe_caps(src) && is_all_caps_name(src);
}

// The sender's words (composed_review_memo_data), once per sender.
void prepare_sender(composed_review_memo_data &m, const v1::contact *sender) {
  if (m.has_sender && m.sender == sender) return;
  m.map.clear();
  m.last = nullptr;
  m.last_key = nullptr;
  m.sender = sender;
  m.has_sender = true;
  m.sender_words.clear();
  m.intro_by_words = false;
  if (!sender) return;
  auto &w = v1::ws();
  const auto &sp = w.sender.get(sender->name, w.tmp);
  v1::needle_set orgs;
  v1::sender_org_needles(*sender, w, orgs);
  bool cjk = !sp.cjk_forms.empty();
  for (const auto &n : sp.words) m.sender_words.insert({n.h, n.hg});
  for (std::size_t k = 0; k < orgs.count; ++k) {
    cjk = cjk || orgs.items[k].cjk;
    m.sender_words.insert(orgs.items[k].hg.begin(), orgs.items[k].hg.end());
  }
  m.intro_by_words = !cjk;
}

// piece_facts of one part (folded in `ft`), added to `f`.
void add_facts(std::string_view text, const review::folded_text &ft, int part, const v1::contact *sender,
               const composed_review_memo_data &m, piece_facts &f) {
  for (const auto &wd : ft.words) f.caps = f.caps || caps_candidate(text, wd);
  if (ft.maybe_mojibake) v1::check_mojibake(text, f.mojibake[part]);
  v1::check_boilerplate(text, ft, f.boilerplate[part]);
  f.generic = f.generic || v1::generic_reason(ft);
  if (!sender || !m.intro_by_words || f.introduced) return;
  // check_introduction's tests, on this part's words.
  auto &w = v1::ws();
  const auto &sp = w.sender.get(sender->name, w.tmp);
  const auto &lx = review::lex();
  for (const auto &wd : ft.words)
    for (const auto &n : sp.words)
      if (n.h == wd.h || (n.hg == wd.hg && (n.umlaut || wd.umlaut))) f.introduced = true;
  for (std::size_t k = 0; k < ft.words.size() && !f.introduced; ++k)
    if (lx.introductions.longest_at(ft, k)) f.introduced = true;
  if (!f.introduced) {
    v1::needle_set &orgs = w.needles;
    v1::sender_org_needles(*sender, w, orgs);
    f.introduced = !orgs.empty() && orgs.found_in(ft);
  }
}

// fold(name), kept in the memo (compact: its buffers hold just the fold).
const review::folded_text *folded_name(composed_review_memo_data &m, std::string_view name) {
  auto it = m.names.find(std::string(name));
  if (it == m.names.end()) {
    if (m.names.size() >= 4096) m.names.clear();  // a few hundred bytes each: bounded per worker
    review::folded_text f;
    review::fold(name, f);
    review::folded_text c;
    c.buf.assign(f.buf.data(), f.len);
    c.src.assign(f.src.begin(), f.src.begin() + static_cast<std::ptrdiff_t>(f.len));
    c.len = f.len;
    c.store.assign(f.words.begin(), f.words.end());
    c.words = std::span<const review::fword>(c.store.data(), c.store.size());
    c.suspicious = f.suspicious;
    c.maybe_mojibake = f.maybe_mojibake;
    c.non_ascii = f.non_ascii;
    c.spacing = f.spacing;
    c.delimiters = f.delimiters;
    it = m.names.emplace(std::string(name), std::move(c)).first;
  }
  return &it->second;
}

// fold(draft, out), built from cached folds of the text before and after an
// occurrence of `name` and a fold of `name` alone. fold() reads left to
// right and a word ends at any ASCII byte that is not a letter or digit, so
// when such a byte lies on both sides of the name, the words, the folded
// bytes and their source offsets of the whole are those of the three parts
// joined (each part's folded text opens and closes with one space; the joins
// keep one), and its flags are the parts' flags, except "white space after
// white space" across a join, checked here. False (out untouched) when the
// name does not lie between such bytes or has no word. On success, `used` is
// the parts' entry and `at` where the name starts.
bool fold_joined(std::string_view draft, std::string_view name, composed_review_memo_data &m,
                 const v1::contact *sender, const review::folded_text *&name_fold, review::folded_text &out,
                 const composed_review_memo_data::entry *&used, std::size_t &at) {
  if (name.empty()) return false;
  at = draft.find(name);
  while (at != std::string_view::npos &&
         !(at > 0 && at + name.size() < draft.size() && ascii_break(draft[at - 1]) && ascii_break(draft[at + name.size()])))
    at = draft.find(name, at + 1);
  if (at == std::string_view::npos) return false;
  const std::string_view prefix = draft.substr(0, at), suffix = draft.substr(at + name.size());
  prepare_sender(m, sender);

  const std::uint64_t plen = prefix.size();
  const auto same_as = [&](const std::string &k) {
    return k.size() == sizeof plen + draft.size() - name.size() && std::memcmp(k.data(), &plen, sizeof plen) == 0 &&
           std::string_view(k).substr(sizeof plen, prefix.size()) == prefix &&
           std::string_view(k).substr(sizeof plen + prefix.size()) == suffix;
  };
  if (!m.last || !same_as(*m.last_key)) {
    std::string &key = m.key;
    key.assign(reinterpret_cast<const char *>(&plen), sizeof plen).append(prefix).append(suffix);
    auto it = m.map.find(key);
    if (it == m.map.end()) {
      if (m.map.size() >= 1024) m.map.clear();  // a few KB each: bounded per worker
      composed_review_memo_data::entry e;
      review::folded_text tmp;
      review::fold(prefix, tmp);
      e.prefix.take(tmp);
      add_facts(prefix, tmp, 0, sender, m, e.facts);
      review::fold(suffix, tmp);
      e.suffix.take(tmp);
      add_facts(suffix, tmp, 1, sender, m, e.facts);
      it = m.map.emplace(key, std::move(e)).first;
    }
    m.last_key = &it->first;  // nodes are stable until the map is cleared, which happens only above
    m.last = &it->second;
  }
  used = m.last;
  const review::folded_text *gp = folded_name(m, name);
  if (!gp || gp->words.empty()) return false;
  name_fold = gp;
  const folded_piece &p = m.last->prefix, &s = m.last->suffix;
  const review::folded_text &g = *gp;
  // Each part's folded text is " … " with at least the opening space.
  if (p.buf.empty() || s.buf.empty() || g.len < 2 || p.buf.back() != ' ' || s.buf.front() != ' ' ||
      g.buf[g.len - 1] != ' ')
    return false;

  out.clear();
  const std::size_t glen = g.len - 1, slen = s.buf.size() - 1;  // without the opening space
  const std::size_t n = p.buf.size() + glen + slen;
  if (out.buf.size() < n) out.buf.resize(n);
  if (out.src.size() < n) out.src.resize(n);
  const std::size_t nw = p.words.size() + g.words.size() + s.words.size();
  if (out.store.size() < nw) out.store.resize(nw);
  const auto gat = static_cast<std::uint32_t>(at), sat = static_cast<std::uint32_t>(at + name.size());
  const auto gshift = static_cast<std::uint32_t>(p.buf.size() - 1);
  const auto sshift = static_cast<std::uint32_t>(p.buf.size() + glen - 1);
  // The suffix shifted for this name's lengths: computed once per length pair.
  composed_review_memo_data::entry &entry = *m.last;
  composed_review_memo_data::shifted_suffix *ss = nullptr;
  for (auto &x : entry.shifted)
    if (x.name_size == name.size() && x.name_folded == glen) { ss = &x; break; }
  if (!ss) {
    constexpr std::size_t keep = 8;
    if (entry.shifted.size() < keep) {
      ss = &entry.shifted.emplace_back();
    } else {
      ss = &entry.shifted[entry.next_shifted];
      entry.next_shifted = (entry.next_shifted + 1) % keep;
    }
    ss->name_size = name.size();
    ss->name_folded = glen;
    ss->src.resize(slen);
    for (std::size_t k = 0; k < slen; ++k) ss->src[k] = s.src[k + 1] + sat;
    ss->words.resize(s.words.size());
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      review::fword y = s.words[k];
      y.fb += sshift; y.fe += sshift; y.sb += sat; y.se += sat;
      ss->words[k] = y;
    }
  }
  char *B = out.buf.data();
  std::uint32_t *S = out.src.data();
  std::memcpy(B, p.buf.data(), p.buf.size());
  std::memcpy(B + p.buf.size(), g.buf.data() + 1, glen);
  std::memcpy(B + p.buf.size() + glen, s.buf.data() + 1, slen);
  std::memcpy(S, p.src.data(), p.buf.size() * sizeof *S);
  for (std::size_t k = 0; k < glen; ++k) S[p.buf.size() + k] = g.src[k + 1] + gat;
  if (slen) std::memcpy(S + p.buf.size() + glen, ss->src.data(), slen * sizeof *S);
  review::fword *W = out.store.data();
  std::size_t w = p.words.size();
  if (w) std::memcpy(static_cast<void *>(W), p.words.data(), w * sizeof *W);
  for (const auto &x : g.words) {
    review::fword y = x;
    y.fb += gshift; y.fe += gshift; y.sb += gat; y.se += gat;
    W[w++] = y;
  }
  if (!ss->words.empty()) std::memcpy(static_cast<void *>(W + w), ss->words.data(), ss->words.size() * sizeof *W);
  w += ss->words.size();
  out.len = n;
  out.words = std::span<const review::fword>(W, w);
  out.suspicious = p.suspicious || g.suspicious || s.suspicious;
  out.maybe_mojibake = p.maybe_mojibake || g.maybe_mojibake || s.maybe_mojibake;
  out.non_ascii = p.non_ascii || g.non_ascii || s.non_ascii;
  out.delimiters = p.delimiters || g.delimiters || s.delimiters;
  out.spacing = p.spacing || g.spacing || s.spacing || (ascii_space(prefix.back()) && ascii_space(name.front())) ||
                (ascii_space(name.back()) && ascii_space(suffix.front()));
  return true;
}

// None of the name's words is in `set` (by ASCII hash, and by German hash when `german`).
bool inert(const review::folded_text &name, const std::unordered_set<std::uint64_t> &set, bool german) {
  for (const auto &wd : name.words)
    if (set.count(wd.h) || (german && set.count(wd.hg))) return false;
  return true;
}

} // namespace

result<std::vector<v1::finding>> review_composed(std::string_view draft, const v1::contact &recipient,
                                                 const v1::platform_profile &platform,
                                                 const v1::review_options &options, std::size_t limit,
                                                 std::optional<std::size_t> length, std::string_view greeting,
                                                 composed_review_memo &memo) {
  // Skipped, and why: (1) the UTF-8 check of the draft: a composed note is
  // rendered from parsed templates and arguments that template_args::set
  // validated (it refuses invalid UTF-8), ICU's formatted numbers and dates are
  // UTF-8 it wrote, and the fitter cuts at grapheme boundaries; (2) the
  // platform_limit() lookup: compose looked up this very limit (same profile,
  // field and tier) and passes it in; (3) measuring the draft for over_limit
  // when compose passes the length fit() measured with length(text, unit), the
  // same function over the same text and unit (the limit is still compared).
  // Every check of the draft still runs,
  // including over_limit, placeholder_left, invisible_characters and mojibake:
  // their outcome depends on the user's data and catalogs.
  // (4) folding the whole draft: it is joined from the folds of the text
  // around the greeting name, cached per worker, and of the name (fold_joined).
  // (5) the word-level checks whose outcome the text around the name decides:
  // when no word of the name is a word the check looks for, a match lies
  // within the text before or after the name, read once per worker
  // (piece_facts): boilerplate, generic reasons, the sender's introduction,
  // and ALL-CAPS names when no word at all is a candidate. The greeting, the
  // names and the shared contexts are checked on every note.
  if (draft.size() > max_text_size) return make_error(errc::limit_exceeded, "draft is larger than 256 MiB");
  auto &w = v1::ws();
  auto &m = memo.data();
  const composed_review_memo_data::entry *e = nullptr;
  std::size_t at = 0;
  const review::folded_text *folded = nullptr;
  const bool joined = draft.size() < (std::size_t{1} << 20) &&
                      fold_joined(draft, greeting, m, options.sender, folded, w.draft, e, at);
  if (!joined) return v1::review_checked(draft, recipient, platform, options, limit, length ? &*length : nullptr);

  const review::folded_text &name = *folded;
  const lexicon_words &lw = lex_words();
  const piece_facts &f = e->facts;
  v1::known_outcomes k;
  bool caps = f.caps;
  for (const auto &wd : name.words) caps = caps || caps_candidate(greeting, wd);
  k.no_caps = !caps;
  if (inert(name, lw.boilerplate, false)) {
    k.boilerplate = true;
    k.boilerplate_first = &f.boilerplate[0];
    k.boilerplate_second = &f.boilerplate[1];
    k.shift = at + greeting.size();
  }
  if (f.generic || inert(name, lw.reasons, false)) {
    k.generic = true;
    k.generic_reason = f.generic;
  }
  if (options.sender && m.intro_by_words &&
      (f.introduced || (inert(name, lw.introductions, false) && inert(name, m.sender_words, true)))) {
    k.introduction = true;
    k.introduced = f.introduced;
  }
  // Mojibake runs are non-ASCII and the name lies between ASCII bytes: the
  // draft's runs are the parts' runs.
  m.mojibake.clear();
  if (w.draft.maybe_mojibake) {
    m.mojibake.insert(m.mojibake.end(), f.mojibake[0].begin(), f.mojibake[0].end());
    if (name.maybe_mojibake) {
      const std::size_t from = m.mojibake.size();
      v1::check_mojibake(greeting, m.mojibake);
      for (std::size_t i = from; i < m.mojibake.size(); ++i) {
        m.mojibake[i].begin += at;
        m.mojibake[i].end += at;
      }
    }
    for (v1::finding x : f.mojibake[1]) {
      x.begin += at + greeting.size();
      x.end += at + greeting.size();
      m.mojibake.push_back(std::move(x));
    }
  }
  k.mojibake = &m.mojibake;
  k.name = {greeting, folded};
  return v1::review_checked(draft, recipient, platform, options, limit, length ? &*length : nullptr, true, &k);
}

} // namespace rapport::detail
