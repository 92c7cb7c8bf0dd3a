// Person names: parsing noisy name fields, fixing ALL CAPS, greeting per locale.
// The rules, with their reasons and limits, are in docs/names.md.
#include "rapport/person_name.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <utility>
#include <string>
#include <unordered_map>
#include <vector>

#include "names/name_case.hpp"
#include "names/person_name_detail.hpp"
#include "rapport/text.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {
namespace {

namespace nm = detail::names;
using detail::decode_utf8;

constexpr std::size_t max_name_bytes = 1024;

// ---- small curated tables ----------------------------------------------------
// Keys are lowercase ASCII (or lowercase UTF-8) with dots, hyphens and
// apostrophes removed, so "Dr.", "DR" and "dr" share the key "dr".

struct honorific {
  std::string_view key;
  grammatical_gender gender;
  bool academic; // Dr., Prof.: kept in German and English formal greetings
};

constexpr std::array honorifics = {
    honorific{"dr", grammatical_gender::unknown, true},
    honorific{"prof", grammatical_gender::unknown, true},
    honorific{"professor", grammatical_gender::unknown, true},
    honorific{"profdr", grammatical_gender::unknown, true},
    honorific{"dring", grammatical_gender::unknown, true},
    honorific{"dra", grammatical_gender::feminine, true},
    honorific{"mr", grammatical_gender::masculine, false},
    honorific{"mrs", grammatical_gender::feminine, false},
    honorific{"ms", grammatical_gender::feminine, false},
    honorific{"miss", grammatical_gender::feminine, false},
    honorific{"mx", grammatical_gender::unknown, false},
    honorific{"herr", grammatical_gender::masculine, false},
    honorific{"frau", grammatical_gender::feminine, false},
    honorific{"hr", grammatical_gender::masculine, false},
    honorific{"monsieur", grammatical_gender::masculine, false},
    honorific{"madame", grammatical_gender::feminine, false},
    honorific{"mme", grammatical_gender::feminine, false},
    honorific{"mlle", grammatical_gender::feminine, false},
    honorific{"mademoiselle", grammatical_gender::feminine, false},
    honorific{"sr", grammatical_gender::masculine, false},
    honorific{"sra", grammatical_gender::feminine, false},
    honorific{"srta", grammatical_gender::feminine, false},
    honorific{"señor", grammatical_gender::masculine, false},
    honorific{"señora", grammatical_gender::feminine, false},
    honorific{"señorita", grammatical_gender::feminine, false},
    honorific{"sig", grammatical_gender::masculine, false},
    honorific{"sigra", grammatical_gender::feminine, false},
    honorific{"signor", grammatical_gender::masculine, false},
    honorific{"signora", grammatical_gender::feminine, false},
    honorific{"dott", grammatical_gender::unknown, false},
    honorific{"dottssa", grammatical_gender::feminine, false},
    honorific{"ing", grammatical_gender::unknown, false},
    honorific{"dipling", grammatical_gender::unknown, false},
    honorific{"diplkfm", grammatical_gender::unknown, false},
    honorific{"mag", grammatical_gender::unknown, false},
    honorific{"avv", grammatical_gender::unknown, false},
    honorific{"mevrouw", grammatical_gender::feminine, false},
    honorific{"mevr", grammatical_gender::feminine, false},
    honorific{"meneer", grammatical_gender::masculine, false},
    honorific{"dhr", grammatical_gender::masculine, false},
    honorific{"sir", grammatical_gender::masculine, false},
    honorific{"dame", grammatical_gender::feminine, false},
    honorific{"rev", grammatical_gender::unknown, false},
    honorific{"revd", grammatical_gender::unknown, false},
    honorific{"hon", grammatical_gender::unknown, false},
};

// Words that continue an academic title: "Dr. med.", "Dr. rer. nat.", "Prof. Dr. h.c."
constexpr std::array<std::string_view, 12> title_continuations = {
    "med", "rer", "nat", "phil", "jur", "hc", "habil", "dent", "vet", "oec", "pol", "mult"};

// Post-nominal credentials and honours (uppercase, dots and hyphens removed).
constexpr std::array<std::string_view, 64> credentials = {
    "PHD",   "DPHIL", "MBA",    "EMBA",    "PMP",   "CPA",   "CFA",   "CFP",   "ESQ",    "LLM",     "LLB",
    "MSC",   "BSC",   "MENG",   "BENG",    "MPH",   "MPA",   "MSW",   "LCSW",  "PENG",   "CENG",    "CISSP",
    "CISA",  "CISM",  "CCNA",   "CCNP",    "CCIE",  "CSM",   "CSPO",  "PMIACP","SHRMCP", "SHRMSCP", "SPHR",
    "ACCA",  "FCCA",  "FCA",    "CIPD",    "MCIPD", "FCIPD", "CAIA",  "FRM",   "DBA",    "EDD",     "PSYD",
    "PHARMD","DPT",   "MBBS",   "FRCS",    "MRCP",  "FRSA",  "OBE",   "MBE",   "CBE",    "KBE",     "DBE",
    "MIET",  "CMGR",  "CSCP",   "CPIM",    "ITIL",  "PRINCE2","MFA",  "DDS",   "DMD"};

// Credentials that are also short words or name parts ("Jack Ma", "Ba"): removed
// only after a comma, when dotted ("M.A."), or in capitals inside a mixed-case name.
constexpr std::array<std::string_view, 16> ambiguous_credentials = {
    "MA", "MS", "BA", "BS", "MD", "PE", "CA", "RN", "NP", "JD", "DO", "OD", "KC", "QC", "PHR", "MED"};

constexpr std::array<std::string_view, 5> generational = {"JR", "SR", "II", "III", "IV"};

// Lowercase when inside a name ("Jean-François de la Tour"), never first or last.
constexpr std::array<std::string_view, 25> particles = {
    "van", "de",  "von", "da",  "di",  "del",   "der",  "den", "du",  "la",  "le",  "dos", "das",
    "ter", "ten", "zu",  "zum", "zur", "vom",   "des",  "dei", "do",  "della", "degli", "y"};

// "Mac" names written with a capital after Mac. Everything else keeps one
// capital: MACK → Mack, MACHADO → Machado, MACEY → Macey.
constexpr std::array<std::string_view, 70> mac_names = {
    "allister", "alister", "arthur",  "askill",  "aulay",   "bain",    "beth",    "bride",   "callum",
    "carthy",   "cormack", "crae",    "dermott", "diarmid", "donald",  "donell",  "dougall", "dowell",
    "duff",     "ewan",    "ewen",    "fadyen",  "farlane", "gillivray","gowan",  "gregor",  "guire",
    "hugh",     "innes",   "intyre",  "isaac",   "iver",    "ivor",    "kay",     "kenna",   "kenzie",
    "kinlay",   "kinnon",  "kintosh", "lachlan", "laren",   "lean",    "lennan",  "leod",    "mahon",
    "manus",    "master",  "michael", "millan",  "murray",  "nab",     "nally",   "namara",  "naughton",
    "neil",     "neill",   "niven",   "pherson", "phail",   "phee",    "quarrie", "queen",   "rae",
    "swain",    "taggart", "tavish",  "vicar",   "whirter", "william", "williams"};

// First words of Spanish/Portuguese compound given names (with an es/pt hint).
constexpr std::array<std::string_view, 12> compound_given_first = {
    "maría", "maria", "josé", "jose", "juan", "ana", "luis", "miguel", "jesús", "jesus", "juana", "rosa"};

// Given names that end a compound given name ("María José", "Juan Carlos"): with
// only three words, "Ana García López" is a given name and two surnames unless
// the second word is one of these.
constexpr std::array<std::string_view, 40> compound_given_second = {
    "josé",   "jose",    "luis",    "maría",   "maria",  "carlos",  "antonio", "manuel", "luisa",  "isabel",
    "carmen", "elena",   "teresa",  "pilar",   "fernanda","eugenia","cristina","francisco","javier","ángel",
    "angel",  "miguel",  "ignacio", "alberto", "andrés", "andres",  "pablo",   "juan",   "rosa",   "paula",
    "lucía",  "lucia",   "sofía",   "sofia",   "beatriz","jesús",   "jesus",   "ana",    "inés",   "ines"};

// Words that mark a comma segment as a headline rather than a given name.
constexpr std::array<std::string_view, 48> headline_words = {
    "ceo",       "cto",      "cfo",       "coo",        "cmo",      "cio",       "cpo",      "vp",
    "svp",       "evp",      "founder",   "cofounder",  "owner",    "manager",   "director", "engineer",
    "developer", "consultant","recruiter","recruiting", "hiring",   "marketing", "sales",    "president",
    "partner",   "head",     "lead",      "student",    "author",   "speaker",   "coach",    "advisor",
    "adviser",   "investor", "entrepreneur","freelancer","freelance","open",     "growth",   "hacker",
    "talent",    "hr",       "specialist","analyst",    "designer", "architect", "officer",  "executive"};

constexpr std::array<std::string_view, 40> pronoun_words = {
    "she", "her", "hers", "he",  "him", "his", "they", "them", "their", "theirs",
    "ze",  "hir", "zir",  "xe",  "xem", "xir", "sie",  "ihr",  "ihm",   "er",
    "es",  "ihn", "dey",  "dem", "il",  "lui", "elle", "iel",  "ella",  "él",
    "el",  "ele", "ela",  "hen", "hon", "han", "any",  "all",  "pronouns", "pronoun"};

constexpr std::array<std::string_view, 9> chinese_compound_surnames = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "歐陽", "司馬", "諸葛"};
constexpr std::array<std::string_view, 7> korean_compound_surnames = {
    "남궁", "황보", "제갈", "선우", "서문", "독고", "사공"};

// Linear search, comparing sizes first: the tables are small, and most words
// differ in length from most entries.
template <class Table>
bool contains(const Table &table, std::string_view key) {
  for (const auto &e : table)
    if (e.size() == key.size() && e[0] == key[0] && std::char_traits<char>::compare(e.data(), key.data(), e.size()) == 0)
      return true;
  return false;
}

// ---- small string helpers ------------------------------------------------------

// Lowercase key without dots, hyphens and apostrophes ("Dr.-Ing." → "dring"),
// in a fixed buffer: every table word is short, so a longer word gets an
// empty key, which matches nothing.
class word_key {
public:
  explicit word_key(std::string_view word) {
    for (std::size_t i = 0; i < word.size();) {
      const auto b = static_cast<unsigned char>(word[i]);
      if (b < 0x80) {
        ++i;
        if (b == '.' || b == '-' || b == '\'') continue;
        if (n_ == sizeof buf_) { n_ = 0; return; }
        buf_[n_++] = (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
        continue;
      }
      const char32_t c = decode_utf8(word, i);
      if (c == U'\u2019') continue;
      std::string enc;
      detail::append_utf8(enc, nm::fold(c));
      if (n_ + enc.size() > sizeof buf_) { n_ = 0; return; }
      for (char e : enc) buf_[n_++] = e;
    }
  }
  std::string_view view() const { return {buf_, n_}; }
  operator std::string_view() const { return view(); }

private:
  char buf_[24];
  std::size_t n_ = 0;
};

// Uppercase ASCII key for credentials (dots and hyphens removed); non-ASCII or
// long words give an empty key.
class upper_key {
public:
  explicit upper_key(std::string_view word) {
    for (char c : word) {
      if (c == '.' || c == '-') continue;
      if (static_cast<unsigned char>(c) >= 0x80 || n_ == sizeof buf_) { n_ = 0; return; }
      buf_[n_++] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  std::string_view view() const { return {buf_, n_}; }

private:
  char buf_[12];
  std::size_t n_ = 0;
};

bool has_letter(std::string_view word) {
  for (std::size_t i = 0; i < word.size();)
    if (nm::is_letter(decode_utf8(word, i))) return true;
  return false;
}

bool has_cjk(std::string_view word) {
  // Han, kana and Hangul start at U+1100: in UTF-8, at a lead byte E1 or above
  // (a byte below it is ASCII, a continuation byte or a lower lead byte).
  if (!detail::has_byte_e0_up(word)) return false;
  for (std::size_t i = 0; i < word.size();) {
    if (static_cast<unsigned char>(word[i]) < 0xE1) {
      ++i;
      continue;
    }
    if (nm::is_cjk(decode_utf8(word, i))) return true;
  }
  return false;
}

bool all_upper_letters(std::string_view word) {
  bool any = false;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = decode_utf8(word, i);
    if (nm::is_lower(c)) return false;
    if (nm::is_upper(c)) any = true;
  }
  return any;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) { decode_utf8(s, i); ++n; }
  return n;
}

std::string join(const std::vector<std::string> &words, std::string_view sep, std::size_t from = 0,
                 std::size_t to = std::string::npos) {
  std::string out;
  to = std::min(to, words.size());
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += sep;
    out += words[i];
  }
  return out;
}

std::string language_of(std::string_view locale) {
  std::string lang;
  for (char c : locale) {
    if (c == '-' || c == '_' || c == '.' || c == '@') break;
    lang.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return lang;
}

std::string region_of(std::string_view locale) {
  // The first 2-letter or 3-digit subtag after the language: "en-GB", "es_419".
  std::size_t start = locale.find_first_of("-_");
  while (start != std::string_view::npos) {
    const std::size_t end = locale.find_first_of("-_.@", start + 1);
    const auto sub = locale.substr(start + 1, end == std::string_view::npos ? std::string_view::npos : end - start - 1);
    if (sub.size() == 2 || sub.size() == 3) {
      std::string r(sub);
      for (auto &c : r) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      if (sub.size() == 2 || (sub[0] >= '0' && sub[0] <= '9')) return r;
    }
    start = end;
  }
  return {};
}

// ---- scanning: emoji, headline junk, groups, quotes, commas --------------------

struct group {
  std::string content;
  bool quoted = false;      // "Bob", “Bob”, 'Bob'
  std::size_t segment = 0;  // comma segment it appeared in
  std::size_t after = 0;    // number of words of that segment before it
};

struct scanned {
  std::vector<std::vector<std::string>> segments{1};
  std::vector<group> groups;
};

bool is_open_bracket(char32_t c) { return c == '(' || c == '[' || c == '{' || c == U'（' || c == U'【' || c == U'［'; }
bool is_close_bracket(char32_t c) { return c == ')' || c == ']' || c == '}' || c == U'）' || c == U'】' || c == U'］'; }

char32_t closing_quote(char32_t open) {
  switch (open) {
  case '"': return '"';
  case '\'': return '\'';
  case U'\u201C': return U'\u201D'; // “ ”
  case U'\u201E': return U'\u201C'; // „ “
  case U'\u00AB': return U'\u00BB'; // « »
  case U'\u00BB': return U'\u00AB'; // » « (Danish, Swedish)
  case U'\u2018': return U'\u2019'; // ‘ ’
  case U'\u201A': return U'\u2018'; // ‚ ‘
  case U'\u300C': return U'\u300D'; // 「 」
  default: return 0;
  }
}

// A separator after which the rest is a headline: "|", "•", " - ", " / ", " @ ".
bool is_headline_separator(std::string_view s, std::size_t start, std::size_t next, char32_t c) {
  switch (c) {
  case '|': case U'｜': case U'•': case U'·': case U'–': case U'—': case U'―': case U'⋅': case U'∙':
    return true;
  case '-': case '/': case '@': case '~': case ':': {
    const bool space_before = start == 0 || s[start - 1] == ' ' || s[start - 1] == '\t';
    const bool space_after = next >= s.size() || s[next] == ' ' || s[next] == '\t';
    return space_before && space_after;
  }
  default:
    return false;
  }
}

// True when a letter occurs in s[from..] before the end (skipping emoji and space).
bool letters_follow(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size();)
    if (nm::is_letter(decode_utf8(s, i))) return true;
  return false;
}

// Most names are plain ASCII words: letters, dots, and hyphens or apostrophes
// inside a word. They need none of the cases below (no quotes, groups, commas,
// separators or emoji), so they are split on spaces directly.
bool is_plain_ascii(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (nm::ascii_alpha(static_cast<unsigned char>(c)) || c == ' ' || c == '.') continue;
    if ((c == '-' || c == '\'') && i > 0 && s[i - 1] != ' ') continue;
    return false;
  }
  return true;
}

scanned scan(std::string_view s) {
  scanned out;
  if (is_plain_ascii(s)) {
    auto &words = out.segments.back();
    words.reserve(4);
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t end = std::min(s.find(' ', i), s.size());
      if (end > i) words.emplace_back(s.substr(i, end - i));
      i = end + 1;
    }
    return out;
  }
  std::string word;
  bool seen_letter = false;
  out.segments.back().reserve(4);
  auto flush = [&] {
    if (!word.empty()) out.segments.back().push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = decode_utf8(s, i);
    if (nm::is_emoji_like(c)) {
      // A spaced emoji between words starts a headline ("Jane Doe 🔥 Growth
      // Hacker"); emoji glued to a word ("✨Jane✨"), leading and trailing emoji
      // and flags are dropped.
      std::size_t run_end = i;
      while (run_end < s.size()) {
        std::size_t j = run_end;
        if (!nm::is_emoji_like(decode_utf8(s, j))) break;
        run_end = j;
      }
      const bool spaced = start > 0 && s[start - 1] == ' ' && run_end < s.size() && s[run_end] == ' ';
      if (seen_letter && spaced && letters_follow(s, run_end)) break;
      i = run_end;
      continue;
    }
    if (nm::is_invisible(c)) continue;
    if (nm::is_space(c) || (c < 0x20) || (c >= 0x7F && c < 0xA0)) { flush(); continue; }
    if (is_headline_separator(s, start, i, c)) {
      if (seen_letter) break;
      flush();
      continue;
    }
    if (c == ',' || c == U'，' || c == ';' || c == U'、') {
      flush();
      out.segments.emplace_back();
      continue;
    }
    if (is_open_bracket(c)) {
      flush();
      int depth = 1;
      std::size_t j = i;
      std::size_t content_end = s.size();
      while (j < s.size()) {
        const std::size_t at = j;
        const char32_t d = decode_utf8(s, j);
        if (is_open_bracket(d)) ++depth;
        else if (is_close_bracket(d) && --depth == 0) { content_end = at; break; }
      }
      out.groups.push_back({std::string(s.substr(i, content_end - i)), false, out.segments.size() - 1,
                            out.segments.back().size()});
      i = j;
      continue;
    }
    if (word.empty()) {
      if (const char32_t close = closing_quote(c)) {
        std::size_t j = i;
        std::size_t content_end = std::string_view::npos;
        while (j < s.size()) {
          const std::size_t at = j;
          const char32_t d = decode_utf8(s, j);
          if (d == close || (close == U'\u201D' && d == U'\u201C')) { content_end = at; break; }
        }
        if (content_end != std::string_view::npos) {
          out.groups.push_back({std::string(s.substr(i, content_end - i)), true, out.segments.size() - 1,
                                out.segments.back().size()});
          i = j;
        }
        continue;  // an unmatched opening quote is dropped
      }
    }
    if (is_close_bracket(c) || c == '"' || c == U'\u201C' || c == U'\u201D' || c == U'\u00AB' || c == U'\u00BB' ||
        c == '!' || c == '?' || c == '*' || c == '#' || c == '_' || c == '+' || c == '=' || c == '<' || c == '>')
      continue;
    if (nm::is_letter(c)) seen_letter = true;
    if (c < 0x80) word.push_back(static_cast<char>(c));
    else word.append(s.substr(start, i - start));
  }
  flush();
  return out;
}

// ---- classifying words and groups ------------------------------------------------

const honorific *find_honorific(std::string_view word) {
  if (word.size() > 16) return nullptr;
  const word_key key(word);
  const std::string_view k = key.view();
  if (k.empty()) return nullptr;
  for (const auto &h : honorifics)
    if (h.key.size() == k.size() && h.key[0] == k[0] && h.key == k) return &h;
  return nullptr;
}

bool is_particle(std::string_view word) {
  if (word.size() > 6) return false;
  return contains(particles, word_key(word));
}

// Credential or generational suffix. `after_comma`: in its own comma segment,
// where ambiguous ones ("MA") are safe to take.
bool is_credential(std::string_view word, bool after_comma, bool name_all_caps) {
  const upper_key key(word);
  const std::string_view k = key.view();
  if (k.empty()) return false;
  if (contains(credentials, k) || contains(generational, k)) {
    // Generational "II"/"III"/"IV" only as written in capitals; "Jr"/"Sr" any case.
    if ((k == "II" || k == "III" || k == "IV") && !all_upper_letters(word)) return false;
    return true;
  }
  if (contains(ambiguous_credentials, k)) {
    if (after_comma) return true;
    const bool dotted = word.find('.') != std::string_view::npos;
    return dotted || (all_upper_letters(word) && !name_all_caps);
  }
  return false;
}

bool is_pronoun_text(std::string_view text) {
  std::string part;
  bool any = false;
  auto check = [&]() {
    if (part.empty()) return true;
    const bool ok = contains(pronoun_words, word_key(part));
    any = any || ok;
    part.clear();
    return ok;
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = decode_utf8(text, i);
    if (c == '/' || c == ',' || c == '|' || c == ' ' || c == ':') {
      if (!check()) return false;
    } else {
      part.append(text.substr(start, i - start));
    }
  }
  return check() && any;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string w;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = decode_utf8(text, i);
    if (nm::is_space(c) || c == ',' || c == ';') {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
    } else {
      w.append(text.substr(start, i - start));
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

bool is_name_word(std::string_view word) {
  if (!has_letter(word)) return false;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = decode_utf8(word, i);
    if (!(nm::is_letter(c) || c == '-' || c == '\'' || c == U'\u2019' || c == '.')) return false;
  }
  return true;
}

bool is_headline_segment(const std::vector<std::string> &words) {
  for (const auto &w : words)
    if (contains(headline_words, word_key(w)) || !is_name_word(w)) return true;
  return false;
}

// ---- case -------------------------------------------------------------------------

struct case_census {
  std::size_t upper = 0, lower = 0;
  bool non_latin_cased = false;
  // With `until_lower`, stops at the first lowercase letter (all_caps() is false from then on).
  void add(std::string_view s, bool until_lower = false) {
    // "McDONALD", "MacLEOD": a capitalized Mc/Mac before capitals counts as capitals.
    for (std::string_view pre : {"Mc", "Mac"})
      if (s.size() > pre.size() + 2 && s.substr(0, pre.size()) == pre && all_upper_letters(s.substr(pre.size()))) {
        s.remove_prefix(pre.size());
        upper += 1;
        break;
      }
    for (std::size_t i = 0; i < s.size();) {
      const char32_t c = decode_utf8(s, i);
      const bool u = nm::is_upper(c), l = nm::is_lower(c);
      if (!u && !l) continue;
      if (u) ++upper; else ++lower;
      if (l && until_lower) return;
      if (!nm::is_latin(c)) non_latin_cased = true;
    }
  }
  bool all_caps() const { return upper >= 3 && lower == 0; }
  bool all_lower() const { return lower >= 2 && upper == 0; }
};

std::string recase_part(std::string_view part, nm::case_rules rules) {
  std::string lower = nm::lower_case(part, rules);
  // Mc + capital always; Mac + capital only for the curated Scottish/Irish names.
  if (lower.size() >= 4 && lower.compare(0, 2, "mc") == 0)
    return "Mc" + nm::title_case(std::string_view(lower).substr(2), rules);
  if (lower.size() >= 6 && lower.compare(0, 3, "mac") == 0 && contains(mac_names, std::string_view(lower).substr(3)))
    return "Mac" + nm::title_case(std::string_view(lower).substr(3), rules);
  return nm::title_case(lower, rules);
}

// Title-cases each part between hyphens and apostrophes: MARI-LIIS → Mari-Liis,
// O'NEIL → O'Neil. Interior particles stay lowercase: DE LA TOUR → de la Tour.
std::string recase_word(std::string_view word, bool interior, nm::case_rules rules) {
  if (interior && is_particle(word)) return nm::lower_case(word, rules);
  std::string out;
  std::size_t part_start = 0;
  for (std::size_t i = 0; i < word.size();) {
    const std::size_t at = i;
    const char32_t c = decode_utf8(word, i);
    if (c == '-' || c == '\'' || c == U'\u2019' || c == U'\u2010') {
      out += recase_part(word.substr(part_start, at - part_start), rules);
      out.append(word.substr(at, i - at));
      part_start = i;
    }
  }
  out += recase_part(word.substr(part_start), rules);
  return out;
}

nm::case_rules case_rules_for(std::string_view lang, std::string_view text) {
  if (lang == "nl") return nm::case_rules::dutch;
  // Turkish rules (I → ı) only when the text itself was typed with Turkish
  // capitals: a name in capitals with "İ" somewhere. "ŞIMŞEK" typed without İ
  // is far more often "Şimşek" than "Şımşek".
  if ((lang == "tr" || lang == "az") && text.find("\u0130") != std::string_view::npos) return nm::case_rules::turkish;
  return nm::case_rules::root;
}

// ---- the parser --------------------------------------------------------------------

struct parse_state {
  std::vector<std::string> prefix_words;
  std::vector<std::string> suffix_words;
  std::vector<std::string> pronouns;
  std::string preferred;
  grammatical_gender gender = grammatical_gender::unknown;
  bool gender_conflict = false;
  bool academic = false;
};

// Removes leading honorifics ("Prof. Dr.", "Frau", "Dr. med.") from `words`.
void take_honorifics(std::vector<std::string> &words, parse_state &st) {
  std::size_t n = 0;
  bool prev_academic = false;
  while (n + 1 < words.size()) {
    if (const auto *h = find_honorific(words[n])) {
      st.prefix_words.push_back(words[n]);
      if (h->academic) st.academic = true;
      if (h->gender != grammatical_gender::unknown) {
        if (st.gender != grammatical_gender::unknown && st.gender != h->gender) st.gender_conflict = true;
        st.gender = h->gender;
      }
      prev_academic = h->academic;
      ++n;
    } else if (prev_academic && contains(title_continuations, word_key(words[n]))) {
      st.prefix_words.push_back(words[n]);
      ++n;
    } else {
      break;
    }
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n));
}

// Removes trailing credentials ("MBA", "PhD", "Jr.") while a name word remains.
void take_credentials(std::vector<std::string> &words, parse_state &st, bool name_all_caps) {
  std::vector<std::string> taken;
  while (words.size() > 1 && is_credential(words.back(), false, name_all_caps)) {
    taken.insert(taken.begin(), words.back());
    words.pop_back();
  }
  st.suffix_words.insert(st.suffix_words.end(), taken.begin(), taken.end());
}

// Pronoun words written without parentheses: "Anna Schmidt she/her".
void take_pronoun_words(std::vector<std::string> &words, parse_state &st) {
  std::erase_if(words, [&](const std::string &w) {
    if (w.find('/') == std::string::npos || !is_pronoun_text(w)) return false;
    st.pronouns.push_back(w);
    return true;
  });
}

// Drops words without a letter ("-", "&", "2") and stray trailing punctuation.
// A word starts with a letter or an apostrophe ("'t Hooft") and ends with a
// letter or a dot ("J.", "Jr."): "/Anna", "@Jane" and "Doe:" lose the rest.
void tidy_words(std::vector<std::string> &words) {
  for (auto &w : words) {
    std::size_t begin = 0;
    while (begin < w.size()) {
      std::size_t i = begin;
      const char32_t c = decode_utf8(w, i);
      if (nm::is_letter(c) || c == '\'' || c == U'\u2019') break;
      begin = i;
    }
    w.erase(0, begin);
    while (!w.empty()) {
      std::size_t start = w.size() - 1;
      while (start > 0 && (static_cast<unsigned char>(w[start]) & 0xC0) == 0x80) --start;
      std::size_t i = start;
      const char32_t c = decode_utf8(w, i);
      if (nm::is_letter(c) || c == '.') break;
      w.erase(start);
    }
  }
  std::erase_if(words, [](const std::string &w) { return !has_letter(w); });
}

void classify_groups(const scanned &sc, parse_state &st, std::size_t given_segment, bool nicknames = true) {
  if (sc.groups.empty()) return;
  // Honorifics before the given name do not count: "Dr. Katherine (Kate) Smith".
  std::size_t honorific_words = 0;
  if (given_segment < sc.segments.size())
    for (const auto &w : sc.segments[given_segment]) {
      if (!find_honorific(w)) break;
      ++honorific_words;
    }
  for (const auto &g : sc.groups) {
    std::string_view content = g.content;
    while (!content.empty() && content.front() == ' ') content.remove_prefix(1);
    while (!content.empty() && content.back() == ' ') content.remove_suffix(1);
    if (content.empty()) continue;
    if (!g.quoted && is_pronoun_text(content)) {
      st.pronouns.emplace_back(content);
      continue;
    }
    auto words = split_words(content);
    tidy_words(words);
    if (!g.quoted && !words.empty() &&
        std::all_of(words.begin(), words.end(), [](const std::string &w) { return is_credential(w, true, false); })) {
      st.suffix_words.insert(st.suffix_words.end(), words.begin(), words.end());
      continue;
    }
    // A nickname: one name word in quotes anywhere, or in parentheses right
    // after the given name ("Katherine (Kate) Smith"). Other parentheses (a
    // maiden name, a location) are not part of the greeting name.
    const bool right_place = g.quoted || (g.segment == given_segment && g.after == honorific_words + 1);
    if (nicknames && right_place && words.size() == 1 && is_name_word(words[0]) && st.preferred.empty())
      st.preferred = words[0];
  }
}

struct name_parts {
  std::vector<std::string> given, middle, family;
  name_order order = name_order::given_first;
};

// Splits one unspaced CJK token into family and given where the script allows it.
void split_cjk(const std::string &token, std::string_view lang, name_parts &p) {
  p.order = name_order::family_first;
  bool hangul = false, kana = false;
  for (std::size_t i = 0; i < token.size();) {
    const char32_t c = decode_utf8(token, i);
    hangul = hangul || nm::is_hangul(c);
    kana = kana || nm::is_kana(c);
  }
  const std::size_t n = code_points(token);
  auto split_at = [&](std::size_t family_cps) {
    std::size_t i = 0;
    for (std::size_t k = 0; k < family_cps; ++k) decode_utf8(token, i);
    p.family.push_back(token.substr(0, i));
    p.given.push_back(token.substr(i));
  };
  if (hangul && !kana && n >= 2 && n <= 4) {
    // Korean: one-syllable surnames except a few two-syllable ones.
    bool two = false;
    if (n >= 3)
      for (auto s : korean_compound_surnames)
        if (token.compare(0, s.size(), s) == 0) two = true;
    split_at(two ? 2 : 1);
    return;
  }
  if (!hangul && !kana && lang == "zh" && n >= 2 && n <= 4) {
    bool two = false;
    if (n >= 3)
      for (auto s : chinese_compound_surnames)
        if (token.compare(0, s.size(), s) == 0) two = true;
    split_at(two ? 2 : 1);
    return;
  }
  // Japanese (and Han text without a hint): family names have one to three
  // characters, so an unspaced name is kept whole; "山田太郎様" is correct.
  p.family.push_back(token);
}

name_parts assign_parts(std::vector<std::string> words, std::string_view lang) {
  name_parts p;
  if (words.empty()) return p;
  if (has_cjk(words[0])) {
    if (words.size() == 1) {
      split_cjk(words[0], lang, p);
    } else {
      p.order = name_order::family_first;
      p.family.push_back(words[0]);
      p.given.assign(words.begin() + 1, words.end());
    }
    return p;
  }
  const std::size_t n = words.size();
  if (n == 1) {
    p.given = std::move(words);
    return p;
  }
  if (lang == "hu" || lang == "vi") {
    p.order = name_order::family_first;
    p.family.push_back(words[0]);
    if (lang == "hu") {  // Kovács Anna Mária: Anna is the given name
      p.given.push_back(words[1]);
      p.middle.assign(words.begin() + 2, words.end());
    } else {             // Nguyễn Văn An: An is the given name
      p.middle.assign(words.begin() + 1, words.end() - 1);
      p.given.push_back(words.back());
    }
    return p;
  }
  // A name that starts with a lowercase particle is a surname alone: "van Gogh",
  // "van der Berg" ("Van Morrison" is a given name).
  if (is_particle(words[0]) && words[0][0] >= 'a' && words[0][0] <= 'z') {
    p.family = std::move(words);
    return p;
  }
  std::size_t given_end = 1;
  const bool iberian = lang == "es" || lang == "pt";
  if (iberian && n >= 3 && contains(compound_given_first, word_key(words[0])) && !is_particle(words[1]) &&
      (n > 3 || contains(compound_given_second, word_key(words[1]))))
    given_end = 2;
  std::size_t family_start = n - 1;
  for (std::size_t i = given_end; i + 1 < n; ++i)
    if (is_particle(words[i])) { family_start = i; break; }
  if (family_start == n - 1 && lang == "es" && n - given_end >= 2) family_start = n - 2;  // two surnames
  const auto at = [&](std::size_t i) { return std::make_move_iterator(words.begin() + static_cast<std::ptrdiff_t>(i)); };
  p.given.assign(at(0), at(given_end));
  p.middle.assign(at(given_end), at(family_start));
  p.family.assign(at(family_start), at(n));
  return p;
}

// Validated NFC text: a view of the input when it is ASCII (already NFC),
// otherwise of the normalized copy held here.
struct nfc_text {
  std::string storage;
  std::string_view view;
};

// True when valid UTF-8 `text` is NFC for certain without asking ICU: every
// code point is below U+0300 (no combining marks, nothing that composes), in
// U+1F000..U+1FFFF (emoji, flags: no canonical decompositions) or ZWJ / VS16.
bool surely_nfc(std::string_view text) noexcept {
  const auto *p = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char b = p[i];
    if (b < 0x80) { ++i; continue; }
    if (b < 0xCC) { i += 2; continue; }  // U+0080..U+02FF
    if (b == 0xF0 && i + 1 < n && p[i + 1] == 0x9F) { i += 4; continue; }  // U+1F000..U+1FFFF
    if (i + 2 < n && ((b == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x8D) ||   // U+200D
                      (b == 0xEF && p[i + 1] == 0xB8 && p[i + 2] == 0x8F))) {  // U+FE0F
      i += 3;
      continue;
    }
    return false;
  }
  return true;
}

result<nfc_text> checked_nfc(std::string_view text) {
  if (text.size() > max_name_bytes)
    return make_error(errc::limit_exceeded, "name longer than " + std::to_string(max_name_bytes) + " bytes");
  error err;
  if (!detail::check_utf8(text, err)) return err;
  nfc_text out;
  if (surely_nfc(text)) {
    out.view = text;
    return out;
  }
  auto n = to_nfc(text);
  if (!n) return n.error();
  out.storage = std::move(*n);
  return out;
}

// nfc_text is returned by value; its view must be re-pointed at its own storage.
std::string_view view_of(const nfc_text &t) { return t.storage.empty() ? t.view : std::string_view(t.storage); }

void finish(person_name &out, parse_state &st, name_parts &parts, std::string_view lang, bool fix_case,
            std::string_view raw_text) {
  case_census census;
  for (const auto *v : {&parts.given, &parts.middle, &parts.family})
    for (const auto &w : *v) census.add(w);
  census.add(st.preferred);
  const bool recase = fix_case && !census.non_latin_cased && (census.all_caps() || census.all_lower());
  if (recase) {
    const auto rules = case_rules_for(lang, raw_text);
    // Interior = neither the first nor the last word in reading order.
    std::vector<std::string *> order;
    auto push = [&](std::vector<std::string> &v) { for (auto &w : v) order.push_back(&w); };
    if (parts.order == name_order::family_first) { push(parts.family); push(parts.given); push(parts.middle); }
    else { push(parts.given); push(parts.middle); push(parts.family); }
    for (std::size_t i = 0; i < order.size(); ++i)
      *order[i] = recase_word(*order[i], i > 0 && i + 1 < order.size(), rules);
    if (!st.preferred.empty()) st.preferred = recase_word(st.preferred, false, rules);
    out.recased = true;
  }
  out.given = join(parts.given, " ");
  out.middle = join(parts.middle, " ");
  out.family = join(parts.family, " ");
  out.order = parts.order;
  out.prefix = join(st.prefix_words, " ");
  out.suffix = join(st.suffix_words, ", ");
  out.pronouns = join(st.pronouns, ", ");
  out.preferred = st.preferred == out.given ? std::string() : st.preferred;
  out.gender = st.gender_conflict ? grammatical_gender::unknown : st.gender;
  out.academic_title = st.academic;
}

bool words_all_caps(const std::vector<std::vector<std::string>> &segments) {
  case_census c;
  for (const auto &seg : segments)
    for (const auto &w : seg) c.add(w);
  return c.all_caps();
}

} // namespace
} // namespace v1
} // namespace rapport

namespace rapport::detail::names {

prefix_info read_prefix(std::string_view prefix) {
  prefix_info out;
  bool conflict = false;
  for (const auto &w : ::rapport::v1::split_words(prefix)) {
    const auto *h = ::rapport::v1::find_honorific(w);
    if (!h) continue;
    out.academic = out.academic || h->academic;
    if (h->gender == grammatical_gender::unknown) continue;
    if (out.gender != grammatical_gender::unknown && out.gender != h->gender) conflict = true;
    out.gender = h->gender;
  }
  if (conflict) out.gender = grammatical_gender::unknown;
  return out;
}

} // namespace rapport::detail::names

namespace rapport {
inline namespace v1 {

bool is_all_caps_name(std::string_view text) {
  if (find_invalid_utf8(text)) return false;
  case_census c;
  c.add(text, true);
  return c.all_caps();
}

result<person_name> parse_person_name(std::string_view raw, const name_parse_options &options) {
  auto nfc = checked_nfc(raw);
  if (!nfc) return nfc.error();
  const std::string lang = language_of(options.locale);
  person_name out;
  out.raw = std::string(raw);
  parse_state st;

  const std::string_view text = view_of(*nfc);
  scanned sc = scan(text);
  for (auto &seg : sc.segments) { take_pronoun_words(seg, st); tidy_words(seg); }
  const bool caps = words_all_caps(sc.segments);

  // Comma segments after the first: credentials ("MBA, PMP"), the given name of
  // "Last, First", or a headline ("Marketing Lead") that is dropped.
  std::vector<std::string> &first = sc.segments[0];
  std::vector<std::string> given_seg;
  bool last_first = false;
  for (std::size_t k = 1; k < sc.segments.size(); ++k) {
    auto &seg = sc.segments[k];
    if (seg.empty()) continue;
    if (std::all_of(seg.begin(), seg.end(), [](const std::string &w) { return is_credential(w, true, false); })) {
      st.suffix_words.insert(st.suffix_words.end(), seg.begin(), seg.end());
      continue;
    }
    if (k == 1 && !first.empty() && seg.size() <= 4 && !is_headline_segment(seg)) {
      // "van der Berg, Jan", "Tamm, Mari-Liis": one family word or a particle
      // name; two words only for Iberian double surnames ("García López, María").
      const bool iberian = lang == "es" || lang == "pt";
      const std::size_t first_words = first.size() - (find_honorific(first[0]) && first.size() > 1 ? 1 : 0);
      if (first_words == 1 || is_particle(first[first.size() - first_words]) || (iberian && first_words == 2)) {
        given_seg = seg;  // copied: classify_groups still reads the segment
        take_honorifics(given_seg, st);  // "Schmidt, Dr. Anna"
        last_first = true;
        continue;
      }
    }
    break;  // a headline: ignore the rest
  }

  classify_groups(sc, st, last_first ? 1 : 0);
  take_honorifics(first, st);
  name_parts parts;
  if (last_first) {
    take_credentials(given_seg, st, caps);
    take_credentials(first, st, caps);
    if (has_cjk(first.empty() ? std::string() : first[0])) parts.order = name_order::family_first;
    parts.family = std::move(first);
    if (!given_seg.empty()) {
      std::size_t given_end = 1;
      if ((lang == "es" || lang == "pt") && given_seg.size() >= 2 && contains(compound_given_first, word_key(given_seg[0])))
        given_end = 2;
      parts.given.assign(given_seg.begin(), given_seg.begin() + static_cast<std::ptrdiff_t>(given_end));
      parts.middle.assign(given_seg.begin() + static_cast<std::ptrdiff_t>(given_end), given_seg.end());
    }
  } else {
    take_credentials(first, st, caps);
    // After an honorific, a lone word is a family name: "Dr. Schmidt", "Frau Müller".
    const bool honorific_and_one_word = !st.prefix_words.empty() && first.size() == 1 && !has_cjk(first[0]);
    parts = assign_parts(std::move(first), lang);
    if (honorific_and_one_word) std::swap(parts.given, parts.family);
  }
  finish(out, st, parts, lang, options.fix_case, text);
  return out;
}

namespace {

// One field of a two-field name, cleaned: its words, and the pronouns,
// credentials and (given field only) nickname moved out of it.
struct cleaned_field {
  std::vector<std::string> words, pronouns, suffix_words;
  std::string preferred;
};

result<cleaned_field> clean_field(std::string_view raw, bool is_given) {
  auto nfc = checked_nfc(raw);
  if (!nfc) return nfc.error();
  parse_state st;
  scanned sc = scan(view_of(*nfc));
  for (auto &seg : sc.segments) { take_pronoun_words(seg, st); tidy_words(seg); }
  for (std::size_t k = 1; k < sc.segments.size(); ++k) {
    const auto &seg = sc.segments[k];
    if (!seg.empty() &&
        std::all_of(seg.begin(), seg.end(), [](const std::string &w) { return is_credential(w, true, false); }))
      st.suffix_words.insert(st.suffix_words.end(), seg.begin(), seg.end());
  }
  // A nickname in the family field ("Smith (Kate)") is not taken; pronouns and credentials are.
  classify_groups(sc, st, 0, is_given);
  cleaned_field out;
  out.words = std::move(sc.segments[0]);
  out.pronouns = std::move(st.pronouns);
  out.suffix_words = std::move(st.suffix_words);
  out.preferred = std::move(st.preferred);
  return out;
}

// Given names recur a lot in an address book ("Anna", "Zoë 🌻"), family names
// often: each thread keeps the fields it cleaned last (a bounded cache; the
// result depends only on the text and on which field it is).
result<cleaned_field> cleaned_field_of(std::string_view raw, bool is_given) {
  constexpr std::size_t max_cached = 4096;
  constexpr std::size_t max_key = 64;
  thread_local std::unordered_map<std::string, cleaned_field> cache[2];
  if (raw.size() > max_key) return clean_field(raw, is_given);
  auto &c = cache[is_given ? 1 : 0];
  thread_local std::string key;
  key.assign(raw);
  if (auto it = c.find(key); it != c.end()) return it->second;
  auto r = clean_field(raw, is_given);
  if (!r) return r;
  if (c.size() >= max_cached) c.clear();
  c.emplace(key, *r);
  return r;
}

// The common case of a two-field name, answered without the general parser:
// each field is words of Latin letters (U+0000-U+024F, so already NFC) with
// single spaces, "-", "'" and "." only right after a letter; no honorific
// before a second given word, no credential after a second family word, and
// no recasing to do. The parser then returns the fields as they are, so this
// does too (tests/unit/person_name_test.cpp compares both on a corpus).
// Nothing is returned when any of that does not hold.
bool plain_two_fields(std::string_view given, std::string_view family) {
  if (given.size() > max_name_bytes || family.size() > max_name_bytes) return false;
  std::array<std::string_view, 8> words[2];
  std::size_t count[2] = {0, 0};
  std::size_t upper = 0, lower = 0;  // the case census, counted on the way (case_census without its Mc rule)
  const std::string_view fields[2] = {given, family};
  for (int f = 0; f < 2; ++f) {
    const std::string_view s = fields[f];
    std::size_t word_start = 0;
    bool after_letter = false;  // the previous code point was a letter
    for (std::size_t i = 0; i < s.size();) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b < 0x80) {
        if (nm::ascii_alpha(b)) {
          ++(b <= 'Z' ? upper : lower);
          after_letter = true;
          ++i;
          continue;
        }
        if (b == ' ') {
          if (!after_letter && !(i > 0 && s[i - 1] == '.')) return false;  // leading or double space
          if (count[f] == words[f].size()) return false;
          words[f][count[f]++] = s.substr(word_start, i - word_start);
          word_start = ++i;
          after_letter = false;
          continue;
        }
        // "-" and "'" between letters; "." after a letter, at the end of a word or before another letter.
        const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
        if ((b == '-' || b == '\'') && after_letter && (nm::ascii_alpha(next) || (next >= 0xC3 && next <= 0xC9))) {
          after_letter = false;
          ++i;
          continue;
        }
        if (b == '.' && after_letter) {
          after_letter = false;
          ++i;
          continue;
        }
        return false;
      }
      // U+00C0..U+027F: two bytes (checked here: the input is not validated yet).
      if (b < 0xC3 || b > 0xC9 || i + 1 >= s.size() || (static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80)
        return false;
      const std::size_t j = i + 2;
      const char32_t c = (char32_t(b & 0x1F) << 6) | char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F);
      if (c < 0xC0 || c > 0x24F || !nm::is_letter(c)) return false;
      if (i == word_start || after_letter || (i > 0 && (s[i - 1] == '-' || s[i - 1] == '\''))) {
        if (nm::is_upper(c)) ++upper;
        else if (nm::is_lower(c)) ++lower;
        after_letter = true;
        i = j;
        continue;
      }
      return false;
    }
    if (!s.empty()) {
      if (!after_letter && s.back() != '.') return false;  // trailing space or dangling "-"
      if (count[f] == words[f].size()) return false;
      words[f][count[f]++] = s.substr(word_start);
    }
  }
  // Words must start with a letter (tidy_words would cut anything else).
  for (int f = 0; f < 2; ++f)
    for (std::size_t k = 0; k < count[f]; ++k) {
      const auto b = static_cast<unsigned char>(words[f][k][0]);
      if (!(nm::ascii_alpha(b) || b >= 0x80)) return false;
    }
  if (count[0] > 1 && find_honorific(words[0][0])) return false;
  // case_census reads "McDONALD" as capitals: such a word goes to the parser.
  for (int f = 0; f < 2; ++f)
    for (std::size_t k = 0; k < count[f]; ++k) {
      const std::string_view w = words[f][k];
      for (std::string_view pre : {"Mc", "Mac"})
        if (w.size() > pre.size() + 2 && w.substr(0, pre.size()) == pre && all_upper_letters(w.substr(pre.size())))
          return false;
    }
  const bool all_caps = upper >= 3 && lower == 0, all_lower = lower >= 2 && upper == 0;
  if (count[1] > 1 && is_credential(words[1][count[1] - 1], false, all_caps)) return false;
  return !all_caps && !all_lower;  // recasing is the parser's job
}

} // namespace

result<person_name> parse_person_name(std::string_view given, std::string_view family,
                                      const name_parse_options &options) {
  if (options.fix_case && plain_two_fields(given, family)) {
    person_name out;
    out.raw.reserve(given.size() + 1 + family.size());
    out.raw.assign(given);
    if (!given.empty() && !family.empty()) out.raw += ' ';
    out.raw += family;
    out.given = std::string(given);
    out.family = std::string(family);
    const std::string lang = language_of(options.locale);
    if (lang == "hu" || lang == "vi") out.order = name_order::family_first;
    return out;
  }
  return detail::names::parse_two_fields_general(given, family, options);
}

} // namespace v1
} // namespace rapport

namespace rapport::detail::names {

bool is_plain_two_field_name(std::string_view given, std::string_view family) {
  return ::rapport::v1::plain_two_fields(given, family);
}

result<person_name> parse_two_fields_general(std::string_view given, std::string_view family,
                                             const name_parse_options &options) {
  using namespace ::rapport::v1;
  const std::string lang = language_of(options.locale);
  person_name out;
  parse_state st;
  std::vector<std::string> gw, fw;
  for (const bool is_given : {true, false}) {
    auto c = cleaned_field_of(is_given ? given : family, is_given);
    if (!c) return c.error();
    (is_given ? gw : fw) = std::move(c->words);
    st.pronouns.insert(st.pronouns.end(), c->pronouns.begin(), c->pronouns.end());
    st.suffix_words.insert(st.suffix_words.end(), c->suffix_words.begin(), c->suffix_words.end());
    if (is_given) st.preferred = std::move(c->preferred);
  }
  out.raw = std::string(given);
  if (!given.empty() && !family.empty()) out.raw += ' ';
  out.raw += family;
  take_honorifics(gw, st);
  case_census census;
  for (const auto &w : gw) census.add(w);
  for (const auto &w : fw) census.add(w);
  take_credentials(fw, st, census.all_caps());

  name_parts parts;
  const bool cjk = (!gw.empty() && has_cjk(gw[0])) || (!fw.empty() && has_cjk(fw[0]));
  parts.given = std::move(gw);
  parts.family = std::move(fw);
  if (cjk || lang == "hu" || lang == "vi") parts.order = name_order::family_first;
  finish(out, st, parts, lang, options.fix_case, out.raw);
  return out;
}

} // namespace rapport::detail::names

namespace rapport {
inline namespace v1 {

// ---- greeting and display ---------------------------------------------------------------

namespace {

bool name_is_cjk(const person_name &n) { return has_cjk(n.family) || has_cjk(n.given); }

// Family and given in native CJK order without a space: "山田太郎", "김민준".
std::string cjk_full(const person_name &n) {
  std::string out = n.family;
  for (const auto *part : {&n.given, &n.middle}) {
    if (part->empty()) continue;
    // CJK parts join without a space ("山田太郎"); a Latin part is set apart ("de la Cruz 花子").
    if (!out.empty() && !(has_cjk(*part) && has_cjk(out))) out += ' ';
    out += *part;
  }
  return out;
}

// "Anna Schmidt" (Western order), or "Kovács Anna" when `family_first`.
std::string latin_full(const person_name &n, bool family_first) {
  std::string given = n.given;
  if (family_first) {
    std::string out = n.family;
    if (!given.empty()) out += (out.empty() ? "" : " ") + given;
    return out;
  }
  std::string out = given;
  if (!n.family.empty()) out += (out.empty() ? "" : " ") + n.family;
  return out;
}

// Dutch (Netherlands): a surname without a given name before it capitalizes its
// first particle: "van der Berg" → "Van der Berg".
std::string family_alone(const person_name &n, std::string_view lang, std::string_view region) {
  std::string fam = n.family;
  if (lang == "nl" && region != "BE" && !fam.empty() && fam[0] >= 'a' && fam[0] <= 'z') {
    const auto sp = fam.find(' ');
    if (sp != std::string::npos && is_particle(std::string_view(fam).substr(0, sp)))
      fam[0] = static_cast<char>(fam[0] - 'a' + 'A');
  }
  return fam;
}

// The academic part of the prefix as written: "Dr.", "Prof. Dr.", "Dr. med.".
std::string academic_prefix(const person_name &n) {
  std::string out;
  bool prev_academic = false;
  for (const auto &w : split_words(n.prefix)) {
    const auto *h = find_honorific(w);
    const bool keep = (h && h->academic) || (prev_academic && contains(title_continuations, word_key(w)));
    if (keep) out += (out.empty() ? "" : " ") + w;
    prev_academic = h ? h->academic : prev_academic && keep;
  }
  return out;
}

std::string with_space(std::string a, std::string_view b) {
  if (b.empty()) return a;
  if (!a.empty()) a += ' ';
  a += b;
  return a;
}

// True when no byte has its high bit set (so the text is valid UTF-8), eight
// bytes at a time.
bool ascii_only(std::string_view s) {
  const char *p = s.data();
  std::size_t n = s.size();
  std::uint64_t any = 0;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    any |= w;
  }
  for (; n > 0; ++p, --n) any |= static_cast<unsigned char>(*p);
  return (any & 0x8080808080808080ull) == 0;
}

// A person_name filled in by the caller may hold anything: every part is
// checked before it is decoded.
std::optional<error> check_name(const person_name &n) {
  const std::pair<const char *, const std::string *> parts[] = {
      {"given", &n.given},   {"middle", &n.middle}, {"family", &n.family},
      {"prefix", &n.prefix}, {"suffix", &n.suffix}, {"preferred", &n.preferred}};
  for (const auto &[field, value] : parts) {
    if (ascii_only(*value)) continue;
    if (const auto bad = find_invalid_utf8(*value))
      return make_error(errc::invalid_utf8, std::string("invalid UTF-8 in person_name::") + field + " at byte " +
                                                std::to_string(*bad), *bad);
  }
  return std::nullopt;
}

} // namespace

namespace {

// The language subtag of a locale, lowercased, "en" when empty ("en" for
// "EN_gb"): its first three bytes at most, which tell the two-letter codes
// compared below from each other and from anything longer.
class language_code {
public:
  explicit language_code(std::string_view locale) {
    for (char c : locale) {
      if (c == '-' || c == '_' || c == '.' || c == '@') break;
      if (n_ == sizeof buf_) break;
      buf_[n_++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (n_ == 0) {
      buf_[0] = 'e';
      buf_[1] = 'n';
      n_ = 2;
    }
  }
  bool is(const char (&code)[3]) const { return n_ == 2 && buf_[0] == code[0] && buf_[1] == code[1]; }
  std::string_view view() const { return {buf_, n_}; }

private:
  char buf_[3];
  std::size_t n_ = 0;
};

// greeting_name() for a name and locale known to be valid UTF-8.
result<std::string> greeting_of(const person_name &name, std::string_view locale, formality form) {
  const language_code lang(locale);
  const bool formal = form == formality::formal;
  const bool cjk = name_is_cjk(name);
  const std::string &call = !name.preferred.empty() ? name.preferred : name.given;
  std::string out;

  if (lang.is("ja")) {
    const std::string &base = !name.family.empty() ? name.family : call;
    if (!base.empty()) out.append(base).append(formal ? "様" : "さん");
  } else if (lang.is("ko")) {
    const std::string base = cjk ? cjk_full(name) : (formal ? latin_full(name, false) : (call.empty() ? name.family : call));
    if (!base.empty()) out = base + " 님";
  } else if (lang.is("zh")) {
    if (cjk) {
      if (formal && !name.family.empty() && name.gender != grammatical_gender::unknown)
        out = name.family + (name.gender == grammatical_gender::feminine ? "女士" : "先生");
      else
        out = cjk_full(name);
    } else {
      out = formal || call.empty() ? latin_full(name, false) : call;
    }
  } else if (cjk) {
    // A CJK-script name in a language without its honorifics: as written, whole.
    out = cjk_full(name);
  } else if (!formal && !call.empty()) {
    return call;  // the usual case: copied once, into the result
  } else {
    // Formal, or informal without a given name: "Hi Dr. Schmidt", "Hallo Frau
    // Müller" read better than a bare surname.
    const std::string region = region_of(locale);
    const bool stated = name.gender != grammatical_gender::unknown;
    const bool fem = name.gender == grammatical_gender::feminine;
    const bool has_family = !name.family.empty();
    const std::string acad = name.academic_title ? academic_prefix(name) : std::string();
    if (lang.is("de")) {
      if (stated && has_family) out = with_space(with_space(fem ? "Frau" : "Herr", acad), name.family);
      else out = with_space(acad, latin_full(name, false));
    } else if (lang.is("en")) {
      const bool no_dots = region == "GB" || region == "IE" || region == "AU" || region == "NZ" || region == "ZA";
      if (!acad.empty() && has_family) {
        std::string t = split_words(acad).front();
        if (no_dots) std::erase(t, '.');
        out = with_space(t, name.family);
      } else if (stated && has_family) {
        out = std::string(fem ? "Ms" : "Mr") + (no_dots ? " " : ". ") + name.family;
      } else {
        out = latin_full(name, false);
      }
    } else if (stated && has_family && (lang.is("fr") || lang.is("es") || lang.is("it") || lang.is("pt") || lang.is("nl"))) {
      std::string_view title;
      if (lang.is("fr")) title = fem ? "Madame" : "Monsieur";
      else if (lang.is("es") || lang.is("pt")) title = fem ? "Sra." : "Sr.";
      else if (lang.is("it")) title = fem ? "Sig.ra" : "Sig.";
      else title = fem ? "mevrouw" : "meneer";
      out = with_space(std::string(title), family_alone(name, lang.view(), region));
    } else {
      out = latin_full(name, lang.is("hu") || lang.is("vi"));
    }
    if (name.given.empty() && out == name.family) out = family_alone(name, lang.view(), region);
  }
  if (out.empty()) return make_error(errc::not_found, "the name has nothing to greet");
  return out;
}

} // namespace

result<std::string> greeting_name(const person_name &name, std::string_view locale, formality form) {
  if (auto e = check_name(name)) return *e;
  if (auto bad = find_invalid_utf8(locale)) return detail::utf8_error(*bad);
  return greeting_of(name, locale, form);
}

} // namespace v1
} // namespace rapport

namespace rapport::detail::names {

result<std::string> greeting_name_valid(const person_name &name, std::string_view locale, formality form) {
  return greeting_of(name, locale, form);
}

} // namespace rapport::detail::names

namespace rapport {
inline namespace v1 {

result<std::string> display_name(const person_name &name, const display_name_options &options) {
  if (auto e = check_name(name)) return *e;
  const std::string lang = language_of(options.locale);
  std::string out;
  if (name_is_cjk(name)) {
    out = cjk_full(name);
  } else {
    const bool family_first = lang.empty() ? name.order == name_order::family_first : (lang == "hu" || lang == "vi");
    std::string given = name.given;
    if (options.with_preferred && !name.preferred.empty()) given += " (" + name.preferred + ")";
    if (family_first && lang == "vi") {  // Nguyễn Văn An
      out = with_space(with_space(name.family, name.middle), given);
    } else {
      if (!name.middle.empty()) given = with_space(given, name.middle);
      out = family_first ? with_space(name.family, given) : with_space(given, name.family);
    }
  }
  if (out.empty()) return make_error(errc::not_found, "the name is empty");
  if (options.with_prefix && !name.prefix.empty()) out = name.prefix + " " + out;
  if (options.with_suffix && !name.suffix.empty()) out += ", " + name.suffix;
  return out;
}

} // namespace v1
} // namespace rapport
