// The URLs X counts as 23: a documented subset of twitter-text's extractor.
//
// A URL is an optional "http://" or "https://" (any case), then a host of at
// least two dot-separated ASCII labels ([A-Za-z0-9-], no leading or trailing
// hyphen), an optional ":port" and an optional path, query or fragment started
// by '/', '?' or '#'. Without a scheme the last label must be a known top-level
// domain: every ISO 3166 country code (from ICU) plus a fixed list of common
// generic ones; with a scheme any alphabetic label of two letters or more will
// do. The character before a URL must not be an ASCII letter or digit, one of
// "@$#._-/", a fullwidth @ or # or a bidi embedding (as in twitter-text, other
// scripts may touch it: "東京example.jp"), so e-mail addresses are not URLs;
// and the path stops at white space or "<>\"" and drops trailing ".,;:!?'" and
// an unbalanced ')'. Internationalized host names are not recognised.
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/uloc.h>

#include "text/measure.hpp"
#include "text/utf8.hpp"

namespace rapport::detail {
namespace {

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_alnum(char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

const std::unordered_set<std::string> &known_tlds() {
  static const std::unordered_set<std::string> tlds = [] {
    std::unordered_set<std::string> s = {
        "com",   "net",    "org",    "edu",    "gov",    "mil",    "int",     "info",   "biz",     "name",
        "pro",   "aero",   "asia",   "cat",    "coop",   "jobs",   "mobi",    "museum", "tel",     "travel",
        "app",   "dev",    "page",   "blog",   "shop",   "store",  "online",  "site",   "tech",    "cloud",
        "xyz",   "club",   "live",   "news",   "email",  "design", "agency",  "studio", "digital", "media",
        "group", "global", "world",  "network", "systems", "software", "company", "link", "today", "life",
        "works", "events", "expert", "solutions", "consulting", "academy", "center", "partners", "team", "uk",
        "eu",    "su",     "ac"};
    for (const char *const *cc = uloc_getISOCountries(); *cc != nullptr; ++cc) {
      std::string code(*cc);
      if (code.size() != 2) continue;
      std::transform(code.begin(), code.end(), code.begin(), ascii_lower);
      s.insert(code);
    }
    return s;
  }();
  return tlds;
}

bool starts_with_nocase(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if (ascii_lower(s[at + k]) != prefix[k]) return false;
  return true;
}

// May a URL start right after the code point that ends at `at`?
bool valid_before(std::string_view s, std::size_t at) {
  if (at == 0) return true;
  std::size_t k = at - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  std::size_t j = k;
  const char32_t c = decode_utf8(s, j);
  if (c < 0x80) return !ascii_alnum(static_cast<char>(c)) && std::strchr("@$#._-/", static_cast<int>(c)) == nullptr;
  return c != U'\uFF20' && c != U'\uFF03' && !(c >= 0x202A && c <= 0x202E); // fullwidth @ #, bidi embeddings
}

// Parses a host at `at`; returns its end (0 on failure) and whether the last label is a known TLD.
std::size_t parse_host(std::string_view s, std::size_t at, bool has_scheme) {
  std::size_t i = at;
  std::size_t labels = 0;
  std::size_t last_label = at;
  std::size_t end = 0;
  while (true) {
    const std::size_t label = i;
    while (i < s.size() && (ascii_alnum(s[i]) || s[i] == '-')) ++i;
    if (i == label || s[label] == '-' || s[i - 1] == '-') break;
    ++labels;
    last_label = label;
    end = i;
    if (i + 1 < s.size() && s[i] == '.' && ascii_alnum(s[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  if (labels < 2) return 0;
  // The host must not run straight into a letter (a non-ASCII one: "example.comé").
  if (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80) {
    std::size_t j = end;
    if (u_isalnum(static_cast<UChar32>(decode_utf8(s, j)))) return 0;
  }
  std::string tld(s.substr(last_label, end - last_label));
  std::transform(tld.begin(), tld.end(), tld.begin(), ascii_lower);
  if (has_scheme) {
    const bool alpha = std::all_of(tld.begin(), tld.end(), ascii_alpha);
    return (alpha && tld.size() >= 2) || tld.rfind("xn--", 0) == 0 ? end : 0;
  }
  return known_tlds().count(tld) != 0 ? end : 0;
}

bool path_char(std::string_view s, std::size_t &i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    if (b <= 0x20 || b == 0x7F || std::strchr("\"<>\\^`{|}", b) != nullptr) return false;
    ++i;
    return true;
  }
  std::size_t j = i;
  const auto c = static_cast<UChar32>(decode_utf8(s, j));
  if (!u_isalnum(c) && !(U_GET_GC_MASK(c) & U_GC_M_MASK)) return false;
  i = j;
  return true;
}

// Parses a URL at `at`; returns its end, or 0.
std::size_t parse_url(std::string_view s, std::size_t at) {
  std::size_t i = at;
  bool has_scheme = false;
  if (starts_with_nocase(s, i, "https://")) {
    i += 8;
    has_scheme = true;
  } else if (starts_with_nocase(s, i, "http://")) {
    i += 7;
    has_scheme = true;
  }
  const std::size_t host_end = parse_host(s, i, has_scheme);
  if (host_end == 0) return 0;
  i = host_end;
  if (i + 1 < s.size() && s[i] == ':' && s[i + 1] >= '0' && s[i + 1] <= '9') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  if (i < s.size() && (s[i] == '/' || s[i] == '?' || s[i] == '#')) {
    const std::size_t path = i;
    while (i < s.size() && path_char(s, i)) {}
    // Trailing sentence punctuation is not part of the URL.
    while (i > path) {
      const char last = s[i - 1];
      if (std::strchr(".,;:!?'", last) != nullptr) {
        --i;
      } else if (last == ')' && std::count(s.begin() + static_cast<std::ptrdiff_t>(path), s.begin() + static_cast<std::ptrdiff_t>(i), '(') <
                                    std::count(s.begin() + static_cast<std::ptrdiff_t>(path), s.begin() + static_cast<std::ptrdiff_t>(i), ')')) {
        --i;
      } else {
        break;
      }
    }
  }
  return i;
}

} // namespace

std::vector<std::pair<std::size_t, std::size_t>> find_urls(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (ascii_alnum(s[i]) && valid_before(s, i)) {
      if (const std::size_t end = parse_url(s, i)) {
        out.emplace_back(i, end);
        i = end;
        continue;
      }
    }
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return out;
}

} // namespace rapport::detail
