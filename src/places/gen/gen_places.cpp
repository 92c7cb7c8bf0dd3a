// gen_places: builds the gazetteer tables compiled into librapport.
//
//     gen_places <data/places dir> <output .cpp>
//
// Reads the curated TSV files (countries, regions, cities and metros) and
// merges them with what ICU knows: every country's name in every language
// (Locale::getDisplayCountry) and the exemplar cities of the canonical time
// zones in every language (TimeZoneNames::getExemplarLocationName). Every name
// becomes a rapport match key (key_kind::german). The output is one string
// blob plus integer tables (see src/places/place_tables.hpp), so it compiles
// in a second and needs nothing at run time.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uclean.h>

#include "places/place_key.hpp"
#include "places/place_tables.hpp"
#include "rapport/text.hpp"

namespace {

using rapport::detail::places::fnv1a;

[[noreturn]] void fail(const std::string &what) { throw std::runtime_error(what); }

std::string utf8(const icu::UnicodeString &s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string key_of(const std::string &name) {
  auto k = rapport::match_key(name, rapport::key_kind::german);
  if (!k) fail("invalid UTF-8 in name: " + name);
  return *k;
}

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) { out.push_back(cur); cur.clear(); }
    else cur.push_back(c);
  }
  out.push_back(cur);
  return out;
}

/** A TSV file with a header line; '#' lines and blank lines are skipped. */
struct table {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;

  const std::string &get(std::size_t row, const std::string &col) const {
    auto it = std::find(header.begin(), header.end(), col);
    if (it == header.end()) fail(path + ": no column " + col);
    return rows[row][static_cast<std::size_t>(it - header.begin())];
  }
};

table read_tsv(const std::string &path) {
  std::ifstream in(path);
  if (!in) fail("cannot open " + path);
  table t;
  t.path = path;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cells = split(line, '\t');
    if (t.header.empty()) { t.header = cells; continue; }
    if (cells.size() > t.header.size()) fail(path + ":" + std::to_string(n) + ": too many cells");
    cells.resize(t.header.size());
    t.rows.push_back(cells);
    t.lines.push_back(n);
  }
  if (t.header.empty()) fail(path + ": no header line");
  return t;
}

std::uint32_t to_u32(const std::string &s, const std::string &where) {
  if (s.empty()) return 0;
  std::size_t used = 0;
  unsigned long v = 0;
  try { v = std::stoul(s, &used); } catch (...) { fail(where + ": not a number: " + s); }
  if (used != s.size()) fail(where + ": not a number: " + s);
  return static_cast<std::uint32_t>(v);
}

struct row {
  std::string en, local, de, fr, es, region_name, zone, lang;
  std::string country;  // alpha-2 or empty
  std::uint8_t kind = 0;
  bool icu_only = false;
  std::string metro_id, parent_id, region_code;  // resolved later
  std::uint32_t metro = 0, parent = 0, region = 0, country_row = 0, population = 0;
  std::vector<std::string> names;  // every spelling, keyed later
  std::set<std::string> weak;      // names only a less common language gives (ICU)

  /** A name from ICU in `language`: strong in en/de/fr/es and the country's own language. */
  void add_icu_name(const std::string &name, const char *language) {
    const std::string l = language;
    const bool strong = l == "en" || l == "de" || l == "fr" || l == "es" || l == lang;
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
      if (!strong) weak.insert(name);
    } else if (strong) {
      weak.erase(name);
    }
  }
};

class generator {
public:
  explicit generator(std::string dir) : dir_(std::move(dir)) {}

  void run(const std::string &out_path) {
    collect_languages();
    load_countries();
    load_regions();
    load_cities();
    merge_icu_zones();
    link();
    build_fold();
    build_keys();
    write(out_path);
  }

private:
  std::string dir_;
  std::vector<row> rows_;
  std::vector<icu::Locale> languages_;  // one locale per language ICU has data for
  std::map<std::string, std::uint32_t> country_by_code_, region_by_code_;
  std::map<std::string, std::uint32_t> ids_;  // curated id -> place id
  std::map<std::string, std::vector<std::uint32_t>> key_rows_;

  std::uint32_t add(row r) {
    rows_.push_back(std::move(r));
    return static_cast<std::uint32_t>(rows_.size());  // place id = index + 1
  }

  void collect_languages() {
    int32_t n = 0;
    const icu::Locale *all = icu::Locale::getAvailableLocales(n);
    std::set<std::string> seen;
    for (int32_t i = 0; i < n; ++i) {
      const icu::Locale &l = all[i];
      if (*l.getCountry() != '\0' || *l.getVariant() != '\0') continue;  // language(-script) only
      if (seen.insert(l.getName()).second) languages_.push_back(l);
    }
  }

  static std::string main_language(const std::string &country) {
    UErrorCode st = U_ZERO_ERROR;
    icu::Locale l("und", country.c_str());
    l.addLikelySubtags(st);
    if (U_FAILURE(st)) return "en";
    return l.getLanguage();
  }

  void load_countries() {
    const table t = read_tsv(dir_ + "/countries.tsv");
    std::map<std::string, std::size_t> curated;
    for (std::size_t i = 0; i < t.rows.size(); ++i) curated[t.get(i, "code")] = i;

    const char *const *codes = icu::Locale::getISOCountries();
    for (; *codes; ++codes) {
      const std::string code = *codes;
      icu::Locale region_locale("", code.c_str());
      icu::UnicodeString en_u;
      const std::string en = utf8(region_locale.getDisplayCountry(icu::Locale::getEnglish(), en_u));
      if (en.empty() || en == code) continue;  // ICU has no name for it
      row r;
      r.kind = rapport::detail::places::row_country;
      r.country = code;
      r.en = en;
      r.lang = main_language(code);
      icu::UnicodeString local_u;
      r.local = utf8(region_locale.getDisplayCountry(icu::Locale(r.lang.c_str()), local_u));
      r.names.push_back(en);
      r.names.push_back(r.local);
      for (const auto &lang : languages_) {
        icu::UnicodeString u;
        region_locale.getDisplayCountry(lang, u);
        std::string name = utf8(u);
        if (name != code) r.add_icu_name(name, lang.getLanguage());
      }
      r.de = display_if_different(region_locale, "de", en);
      r.fr = display_if_different(region_locale, "fr", en);
      r.es = display_if_different(region_locale, "es", en);
      if (auto it = curated.find(code); it != curated.end()) {
        const std::string where = t.path + ":" + std::to_string(t.lines[it->second]);
        r.population = to_u32(t.get(it->second, "population"), where);
        for (auto &a : split(t.get(it->second, "aliases"), '|')) {
          if (a.find(',') != std::string::npos) fail(where + ": alias with a comma can never match: " + a);
          if (!a.empty()) r.names.push_back(a);
          r.weak.erase(a);  // curated, so strong
        }
        if (!t.get(it->second, "en").empty()) {
          r.names.push_back(r.en);
          r.en = t.get(it->second, "en");
        }
        curated.erase(it);
      } else {
        r.population = 100000;  // unknown: small, so homonym cities and regions win
      }
      country_by_code_[code] = add(std::move(r));
    }
    if (!curated.empty()) fail(t.path + ": ICU does not know country " + curated.begin()->first);
  }

  static std::string display_if_different(const icu::Locale &region_locale, const char *lang, const std::string &en) {
    icu::UnicodeString u;
    std::string s = utf8(region_locale.getDisplayCountry(icu::Locale(lang), u));
    return s == en ? std::string() : s;
  }

  void add_names(row &r, const table &t, std::size_t i) {
    for (const char *col : {"en", "local", "de", "fr", "es"}) {
      const std::string &v = t.get(i, col);
      if (!v.empty()) r.names.push_back(v);
    }
    for (auto &a : split(t.get(i, "aliases"), '|')) {
      if (a.find(',') != std::string::npos)
        fail(t.path + ":" + std::to_string(t.lines[i]) + ": alias with a comma can never match: " + a);
      if (!a.empty()) r.names.push_back(a);
    }
  }

  void load_regions() {
    const table t = read_tsv(dir_ + "/regions.tsv");
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const std::string where = t.path + ":" + std::to_string(t.lines[i]);
      row r;
      r.kind = rapport::detail::places::row_region;
      const std::string code = t.get(i, "code");
      if (code.size() < 4 || code[2] != '-') fail(where + ": region code must look like US-CA");
      r.country = code.substr(0, 2);
      if (!country_by_code_.count(r.country)) fail(where + ": unknown country " + r.country);
      r.en = t.get(i, "en");
      r.local = t.get(i, "local").empty() ? r.en : t.get(i, "local");
      r.de = t.get(i, "de");
      r.fr = t.get(i, "fr");
      r.es = t.get(i, "es");
      r.population = to_u32(t.get(i, "population"), where);
      r.lang = main_language(r.country);
      add_names(r, t, i);
      if (r.en.empty()) fail(where + ": region without English name");
      if (region_by_code_.count(code)) fail(where + ": duplicate region " + code);
      region_by_code_[code] = add(std::move(r));
    }
  }

  void load_cities() {
    const table t = read_tsv(dir_ + "/cities.tsv");
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const std::string where = t.path + ":" + std::to_string(t.lines[i]);
      row r;
      const std::string kind = t.get(i, "kind");
      if (kind == "city") r.kind = rapport::detail::places::row_city;
      else if (kind == "metro") r.kind = rapport::detail::places::row_metro;
      else fail(where + ": kind must be city or metro");
      r.country = t.get(i, "country");
      if (!country_by_code_.count(r.country)) fail(where + ": unknown country " + r.country);
      r.en = t.get(i, "en");
      if (r.en.empty()) fail(where + ": no English name");
      r.local = t.get(i, "local").empty() ? r.en : t.get(i, "local");
      r.de = t.get(i, "de");
      r.fr = t.get(i, "fr");
      r.es = t.get(i, "es");
      r.population = to_u32(t.get(i, "population"), where);
      if (r.population == 0) fail(where + ": curated places need a population");
      r.region_code = t.get(i, "region");
      r.metro_id = t.get(i, "metro");
      r.parent_id = t.get(i, "within");
      r.zone = t.get(i, "zone");
      r.lang = main_language(r.country);
      add_names(r, t, i);
      const std::string id = t.get(i, "id");
      if (id.empty() || ids_.count(id)) fail(where + ": missing or duplicate id " + id);
      ids_[id] = add(std::move(r));
    }
  }

  void merge_icu_zones() {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> zones(
        icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, st));
    if (U_FAILURE(st)) fail("ICU: cannot list time zones");
    std::vector<std::unique_ptr<icu::TimeZoneNames>> names;
    for (const auto &lang : languages_) {
      st = U_ZERO_ERROR;
      names.emplace_back(icu::TimeZoneNames::createInstance(lang, st));
      if (U_FAILURE(st)) fail(std::string("ICU: no time zone names for ") + lang.getName());
    }
    std::unique_ptr<icu::TimeZoneNames> english(icu::TimeZoneNames::createInstance(icu::Locale::getEnglish(), st));
    std::map<std::string, std::uint32_t> zone_owner, city_keys;
    for (std::uint32_t i = 0; i < rows_.size(); ++i) {
      const row &r = rows_[i];
      if (r.kind != rapport::detail::places::row_city) continue;
      if (!r.zone.empty()) zone_owner[r.zone] = i + 1;
      for (const auto &n : r.names) city_keys.emplace(r.country + ":" + key_of(n), i + 1);
    }
    const icu::UnicodeString *zone = nullptr;
    while ((zone = zones->snext(st)) != nullptr && U_SUCCESS(st)) {
      char region[8] = {};
      UErrorCode rst = U_ZERO_ERROR;
      icu::TimeZone::getRegion(*zone, region, sizeof region, rst);
      if (U_FAILURE(rst) || std::string(region).size() != 2 || !country_by_code_.count(region)) continue;
      icu::UnicodeString u;
      const std::string en_full = utf8(english->getExemplarLocationName(*zone, u));
      const std::string en = first_part(en_full);
      if (en.empty()) continue;
      const std::string zone_id = utf8(*zone);
      // The curated city that names this zone's exemplar, in the same country.
      std::uint32_t target = 0;
      if (auto it = zone_owner.find(zone_id); it != zone_owner.end()) target = it->second;
      else if (auto jt = city_keys.find(std::string(region) + ":" + key_of(en)); jt != city_keys.end() &&
               rows_[jt->second - 1].zone.empty())
        target = jt->second;
      // A zone named after its country ("America/Costa_Rica", "Asia/Kuwait")
      // names no city.
      if (!target && keys_of_country(region).count(key_of(en))) continue;
      // Research stations and the sub-zones ICU itself must qualify ("Knox,
      // Indiana", "Center, North Dakota") are not places people live and work.
      if (!target && (std::string(region) == "AQ" || en_full != en)) continue;
      if (!target) {
        row r;
        r.kind = rapport::detail::places::row_city;
        r.icu_only = true;
        r.country = region;
        r.en = en;
        r.lang = main_language(r.country);
        icu::UnicodeString lu;
        UErrorCode lst = U_ZERO_ERROR;
        std::unique_ptr<icu::TimeZoneNames> local(icu::TimeZoneNames::createInstance(icu::Locale(r.lang.c_str()), lst));
        r.local = U_SUCCESS(lst) ? first_part(utf8(local->getExemplarLocationName(*zone, lu))) : en;
        if (r.local.empty()) r.local = en;
        r.names.push_back(en);
        target = add(std::move(r));
      }
      row &r = rows_[target - 1];
      r.zone = zone_id;
      // "Mexico", the French exemplar of Mexico City, names the country.
      const std::set<std::string> &country_keys = keys_of_country(region);
      for (std::size_t li = 0; li < names.size(); ++li) {
        icu::UnicodeString v;
        std::string name = first_part(utf8(names[li]->getExemplarLocationName(*zone, v)));
        if (!name.empty() && !country_keys.count(key_of(name))) r.add_icu_name(name, languages_[li].getLanguage());
      }
    }
  }

  std::map<std::string, std::set<std::string>> country_keys_;
  const std::set<std::string> &keys_of_country(const std::string &code) {
    auto &keys = country_keys_[code];
    if (keys.empty())
      for (const auto &n : rows_[country_by_code_.at(code) - 1].names) keys.insert(key_of(n));
    return keys;
  }

  // "Knox, Indiana" -> "Knox": ICU qualifies some exemplar cities.
  // "Knox [Indiana]" in French.
  static std::string first_part(const std::string &s) {
    std::size_t cut = s.size();
    for (const char *q : {", ", " [", " ("}) cut = std::min(cut, s.find(q));
    return s.substr(0, cut);
  }

  void link() {
    for (auto &r : rows_) {
      if (!r.country.empty()) r.country_row = country_by_code_.at(r.country);
      if (!r.region_code.empty()) {
        auto it = region_by_code_.find(r.region_code);
        if (it == region_by_code_.end()) fail(r.en + ": unknown region " + r.region_code);
        r.region = it->second;
        r.region_name = rows_[it->second - 1].en;
        if (rows_[it->second - 1].country != r.country) fail(r.en + ": region " + r.region_code + " is in another country");
      }
      if (!r.metro_id.empty()) {
        auto it = ids_.find(r.metro_id);
        if (it == ids_.end() || rows_[it->second - 1].kind != rapport::detail::places::row_metro)
          fail(r.en + ": unknown metro " + r.metro_id);
        r.metro = it->second;
      }
      if (!r.parent_id.empty()) {
        auto it = ids_.find(r.parent_id);
        if (it == ids_.end() || rows_[it->second - 1].kind != rapport::detail::places::row_city)
          fail(r.en + ": unknown enclosing city " + r.parent_id);
        r.parent = it->second;
      }
    }
    // A borough inherits its city's metro.
    for (auto &r : rows_)
      if (r.parent && !r.metro) r.metro = rows_[r.parent - 1].metro;
  }

  // The fold of each code point of U+0080..U+024F, taken from match_key
  // itself so that the run-time fast path gives the same keys.
  std::vector<std::string> fold_to_;
  std::vector<std::uint8_t> fold_sep_;
  mutable std::vector<rapport::detail::places::fold_entry> cached_;
  mutable std::string cached_blob_;

  void build_fold() {
    using namespace rapport::detail::places;
    for (char32_t cp = fold_first; cp <= fold_last; ++cp) {
      std::string one;
      append_utf8(one, cp);
      const bool sep = key_of("a" + one + "b") == "a b";
      std::string to;
      if (!sep) {
        if (cp == U'\u00E4' || cp == U'\u00C4') to = "a";
        else if (cp == U'\u00F6' || cp == U'\u00D6') to = "o";
        else if (cp == U'\u00FC' || cp == U'\u00DC') to = "u";
        else {
          auto a = rapport::match_key(one, rapport::key_kind::ascii);
          to = a ? *a : std::string();
        }
      }
      fold_to_.push_back(to);
      fold_sep_.push_back(sep ? 1 : 0);
    }
    // A code point whose fold depends on its neighbours is left to ICU.
    for (char32_t cp = fold_first; cp <= fold_last; ++cp) {
      std::string one;
      append_utf8(one, cp);
      for (const std::string &probe : {one, "a" + one + "b", "U" + one + "e", one + one, "Z" + one, one + " x"}) {
        cached_.clear();
        if (!fast_agrees(probe, key_of(probe))) { fold_sep_[cp - fold_first] = 2; break; }
      }
    }
    cached_.clear();
  }

  bool fast_agrees(const std::string &name, const std::string &key) const {
    using namespace rapport::detail::places;
    if (cached_.empty()) {
      cached_blob_.clear();
      for (std::size_t i = 0; i < fold_to_.size(); ++i) {
        cached_.push_back({{static_cast<std::uint32_t>(cached_blob_.size()), static_cast<std::uint32_t>(fold_to_[i].size())},
                           fold_sep_[i]});
        cached_blob_ += fold_to_[i];
      }
    }
    std::string fast;
    return !fast_place_key(name, cached_.data(), cached_blob_.data(), fast) || fast == key;
  }

  // Checks that the run-time fast path agrees with match_key on `name`.
  void check_fast_key(const std::string &name, const std::string &key) const {
    if (!fast_agrees(name, key)) fail("the fast key of \"" + name + "\" differs from match_key's \"" + key + "\"");
  }

  // A key names a place strongly when any of the place's names with that key
  // is strong; key_places marks weak entries with weak_bit, and the resolver
  // ignores them where a strong entry shares the key ("Albany" is a name of
  // Albania in one of ICU's languages, but Albany, NY is meant).
  void build_keys() {
    for (std::uint32_t i = 0; i < rows_.size(); ++i) {
      std::map<std::string, bool> mine;  // key -> strong
      auto note = [&](const std::string &k, bool strong) {
        if (k.empty()) return;
        auto [it, fresh] = mine.emplace(k, strong);
        if (!fresh) it->second = it->second || strong;
      };
      for (const auto &n : rows_[i].names) {
        const bool strong = !rows_[i].weak.count(n);
        std::string k = key_of(n);
        check_fast_key(n, k);
        note(k, strong);
        // Beyond Latin the run time looks up the folded key first ("東京",
        // "москва"), which needs no transliteration; ASCII keys cannot collide
        // with these.
        std::string fast;
        if (!fast_place_key(n, cached_.data(), cached_blob_.data(), fast)) {
          auto folded = rapport::match_key(n, rapport::key_kind::folded);
          if (folded && *folded != k) note(*folded, strong);
        }
      }
      for (const auto &[k, strong] : mine)
        key_rows_[k].push_back((i + 1) | (strong ? 0u : rapport::detail::places::weak_bit));
    }
  }

  // ---- output ------------------------------------------------------------
  std::string blob_;
  std::unordered_map<std::string, rapport::detail::places::str_ref> interned_;

  rapport::detail::places::str_ref intern(const std::string &s) {
    if (s.empty()) return {0, 0};
    if (auto it = interned_.find(s); it != interned_.end()) return it->second;
    rapport::detail::places::str_ref r{static_cast<std::uint32_t>(blob_.size()), static_cast<std::uint32_t>(s.size())};
    blob_ += s;
    interned_.emplace(s, r);
    return r;
  }

  static std::string ref(rapport::detail::places::str_ref r) {
    return "{" + std::to_string(r.off) + "," + std::to_string(r.len) + "}";
  }

  static void append_utf8(std::string &out, char32_t cp) {
    if (cp < 0x80) out.push_back(static_cast<char>(cp));
    else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  void write(const std::string &out_path) {
    using namespace rapport::detail::places;
    std::ostringstream rows_out, keys_out, places_out, fold_out;

    for (const auto &r : rows_) {
      auto c = [&](std::size_t k) { return r.country.size() == 2 ? "'" + std::string(1, r.country[k]) + "'" : std::string("0"); };
      rows_out << "{" << ref(intern(r.en)) << "," << ref(intern(r.local)) << "," << ref(intern(r.de)) << ","
               << ref(intern(r.fr)) << "," << ref(intern(r.es)) << "," << ref(intern(r.region_name)) << ","
               << ref(intern(r.zone)) << "," << ref(intern(r.lang)) << ",{" << c(0) << "," << c(1) << "},"
               << int(r.kind) << "," << (r.icu_only ? 1 : 0) << "," << r.metro << "," << r.parent << ","
               << r.region << "," << r.country_row << "," << r.population << "},\n";
    }

    std::vector<std::string> key_list;
    std::uint32_t first = 0;
    for (auto &[k, ids] : key_rows_) {
      key_list.push_back(k);
      const auto r = intern(k);
      if (k.size() > 0xFFFF || ids.size() > 0xFFFF) fail("key too long or too common: " + k);
      keys_out << "{" << r.off << "," << first << "," << r.len << "," << ids.size() << "},\n";
      for (auto id : ids) places_out << id << ",";
      places_out << "\n";
      first += static_cast<std::uint32_t>(ids.size());
    }

    std::uint32_t size = 1;
    while (size < key_list.size() * 2) size <<= 1;
    std::vector<std::uint32_t> slots(size, 0);
    for (std::uint32_t i = 0; i < key_list.size(); ++i) {
      std::uint32_t h = fnv1a(key_list[i]) & (size - 1);
      while (slots[h]) h = (h + 1) & (size - 1);
      slots[h] = i + 1;
    }

    for (std::size_t i = 0; i < fold_to_.size(); ++i) {
      fold_out << "{" << ref(intern(fold_to_[i])) << "," << int(fold_sep_[i]) << "},";
      if ((i & 7) == 7) fold_out << "\n";
    }

    std::ofstream out(out_path, std::ios::binary);
    if (!out) fail("cannot write " + out_path);
    out << "// Generated by gen_places from data/places and ICU " U_ICU_VERSION ". Do not edit.\n"
        << "// " << rows_.size() << " places, " << key_list.size() << " match keys, " << blob_.size()
        << " bytes of strings.\n"
        << "#include \"places/place_tables.hpp\"\n\n"
        << "#if defined(__GNUC__)\n#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n#endif\n\n"
        << "namespace rapport::detail::places {\n\n"
        << "const char blob[] =\n";
    write_blob(out);
    out << ";\n\nconst place_row rows[] = {\n" << rows_out.str() << "};\n"
        << "const std::uint32_t row_count = " << rows_.size() << ";\n\n"
        << "const key_entry keys[] = {\n" << keys_out.str() << "};\n"
        << "const std::uint32_t key_count = " << key_list.size() << ";\n\n"
        << "const std::uint32_t key_places[] = {\n" << places_out.str() << "};\n\n"
        << "const std::uint32_t hash_slots[] = {\n";
    for (std::size_t i = 0; i < slots.size(); ++i) out << slots[i] << (i % 16 == 15 ? ",\n" : ",");
    out << "};\nconst std::uint32_t hash_mask = " << (size - 1) << ";\n\n"
        << "const fold_entry latin_fold[fold_last - fold_first + 1] = {\n" << fold_out.str() << "};\n\n"
        << "} // namespace rapport::detail::places\n";
    if (!out) fail("cannot write " + out_path);
    std::cerr << "gen_places: " << rows_.size() << " places, " << key_list.size() << " keys, " << blob_.size()
              << " bytes of strings\n";
  }

  void write_blob(std::ostream &out) const {
    std::string line = "\"";
    for (unsigned char c : blob_) {
      if (c == '"' || c == '\\') { line += '\\'; line += static_cast<char>(c); }
      else if (c < 0x20 || c == 0x7F) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\%03o", c);
        line += buf;
      } else line += static_cast<char>(c);
      if (line.size() >= 100 && c < 0x80) {  // never inside a UTF-8 sequence
        out << line << "\"\n";
        line = "\"";
      }
    }
    out << line << "\"";
  }
};

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: gen_places <data/places dir> <output.cpp>\n";
    return 2;
  }
  try {
    generator(argv[1]).run(argv[2]);
  } catch (const std::exception &e) {
    std::cerr << "gen_places: " << e.what() << '\n';
    return 1;
  }
  u_cleanup();
  return 0;
}
