// Resolving location strings against the generated gazetteer.
//
// A location is cut at commas and semicolons into segments ("Brooklyn", "NY").
// Each segment becomes a match key; the key, or the key without LinkedIn's area
// phrasing ("greater … area", "grossraum …", "region de …"), is looked up in
// the generated hash table. Every place a segment names is then scored by the
// other segments: one that contains it supports it ("Texas" for Paris, TX), one
// that neither contains it nor lies inside it speaks against it. The best
// score wins; containers of the winner fall away (New York State behind New
// York City); homonyms left over make the answer ambiguous and the larger
// place wins.
#include "rapport/place.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "places/place_key.hpp"
#include "places/place_tables.hpp"
#include "rapport/text.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {
namespace {

namespace dp = detail::places;

const dp::place_row *row_of(place_id id) noexcept { return id != no_place && id <= dp::row_count ? &dp::rows[id - 1] : nullptr; }

/** The places a match key names (empty span when none). */
struct id_span {
  const std::uint32_t *begin = nullptr;
  std::uint32_t size = 0;
};

id_span lookup(std::string_view key) noexcept {
  if (key.empty()) return {};
  std::uint32_t h = dp::fnv1a(key) & dp::hash_mask;
  while (const std::uint32_t slot = dp::hash_slots[h]) {
    const dp::key_entry &e = dp::keys[slot - 1];
    if (std::string_view(dp::blob + e.off, e.len) == key) return {dp::key_places + e.first, e.count};
    h = (h + 1) & dp::hash_mask;
  }
  return {};
}

/**
 * The lookup key of valid UTF-8: the german match key, computed from tables
 * for Latin text. Beyond Latin, the folded key when the gazetteer has it (no
 * transliteration needed), else the german key.
 */
void key_of(std::string_view text, std::string &out) {
  if (dp::fast_place_key(text, dp::latin_fold, dp::blob, out)) return;
  auto folded = match_key(text, key_kind::folded);
  if (folded && lookup(*folded).size) {
    out = std::move(*folded);
    return;
  }
  auto k = match_key(text, key_kind::german);
  out = k ? std::move(*k) : std::string();
}

// LinkedIn's and people's area phrasing, as written; turned into keys once.
constexpr std::array prefix_text = {
    "Greater", "Großraum", "Metropolregion", "Region", "Région métropolitaine de", "Région de", "Agglomération de",
    "Grand", "Área metropolitana de", "Área metropolitana del", "Zona metropolitana de", "Gran", "Área de",
    "Region of", "City of", "Stadt", "Ville de", "Ciudad de", "Metropolitan", "Großraum Region"};
constexpr std::array suffix_text = {
    "Metropolitan Area", "Metropolitan Region", "Metro Area", "Metroplex", "Bay Area", "Area", "Region",
    "und Umgebung", "Umgebung", "et périphérie", "et environs", "y alrededores", "Metropolitana", "Metro",
    "Urban Area", "Region und Umgebung", "und Region", "e Região"};

struct phrases {
  std::vector<std::string> prefixes, suffixes;
  phrases() {
    std::string k;
    for (const char *p : prefix_text) { key_of(p, k); prefixes.push_back(k + ' '); }
    for (const char *s : suffix_text) { key_of(s, k); suffixes.push_back(' ' + k); }
    // Longest first: "region de " before "region ".
    auto longer = [](const std::string &a, const std::string &b) { return a.size() > b.size(); };
    std::stable_sort(prefixes.begin(), prefixes.end(), longer);
    std::stable_sort(suffixes.begin(), suffixes.end(), longer);
  }
};
const phrases &phrase_keys() {
  static const phrases p;
  return p;
}

/** `key` without one leading or trailing area phrase; false when it has none. */
bool strip_phrase(std::string_view &key) {
  for (const auto &p : phrase_keys().prefixes)
    if (key.size() > p.size() && key.substr(0, p.size()) == p) { key.remove_prefix(p.size()); return true; }
  for (const auto &s : phrase_keys().suffixes)
    if (key.size() > s.size() && key.substr(key.size() - s.size()) == s) { key.remove_suffix(s.size()); return true; }
  return false;
}

constexpr std::size_t max_segments = 8;
constexpr std::size_t max_ids = 24;
constexpr std::size_t max_split_key = 64;

/** The places one segment of the text names. */
struct segment {
  std::array<place_id, max_ids> ids;  // the first `count` are set
  std::size_t count = 0;
  bool phrase = false;  ///< named through an area phrase ("Greater X", "X und Umgebung")
  void clear() {
    count = 0;
    phrase = false;
  }
  // Weak names (from a less common language) count only when no strong one shares the key.
  void add(id_span s) {
    bool any_strong = false;
    for (std::uint32_t i = 0; i < s.size; ++i) any_strong = any_strong || !(s.begin[i] & dp::weak_bit);
    for (std::uint32_t i = 0; i < s.size && count < max_ids; ++i)
      if (!any_strong || !(s.begin[i] & dp::weak_bit)) ids[count++] = s.begin[i] & ~dp::weak_bit;
  }
};

struct segments {
  std::array<segment, max_segments> seg;  // the first `count` are set
  std::size_t count = 0;
  std::size_t unmatched = 0;  ///< non-empty segments that named nothing
};

/** Looks up one key, trying the area phrasings and a split into two names. */
void match_key_into(std::string_view key, segments &out) {
  if (out.count >= max_segments) return;
  std::array<std::string_view, 4> tries{};
  std::size_t n = 0;
  tries[n++] = key;
  for (std::string_view k = key;;) {
    if (auto s = lookup(k); s.size) {
      segment &g = out.seg[out.count++];
      g.clear();
      g.add(s);
      g.phrase = n > 1;
      return;
    }
    if (n == tries.size() || !strip_phrase(k)) break;
    tries[n++] = k;
  }
  // "Portland OR", "Austin Texas": two names without a comma. Only for short
  // keys, so that a long text costs linear time.
  for (std::size_t i = 0; i < n && key.size() <= max_split_key; ++i) {
    const std::string_view k = tries[i];
    for (std::size_t sp = k.rfind(' '); sp != std::string_view::npos && sp > 0; sp = k.rfind(' ', sp - 1)) {
      auto left = lookup(k.substr(0, sp));
      auto right = lookup(k.substr(sp + 1));
      if (left.size && right.size && out.count + 2 <= max_segments) {
        segment &a = out.seg[out.count++];
        a.clear();
        a.add(left);
        a.phrase = i > 0;
        segment &b = out.seg[out.count++];
        b.clear();
        b.add(right);
        return;
      }
    }
  }
  ++out.unmatched;
}

bool within_row(place_id inner, place_id outer) noexcept {
  if (inner == outer) return inner != no_place;
  const auto *o = row_of(outer);
  for (const auto *r = row_of(inner); r && o; r = row_of(r->parent)) {
    switch (o->kind) {
    case dp::row_country: if (r->country_row == outer) return true; break;
    case dp::row_region: if (r->region == outer) return true; break;
    case dp::row_metro: if (r->metro == outer) return true; break;
    case dp::row_city: if (r->parent == outer) return true; break;
    default: break;
    }
  }
  return false;
}

std::uint32_t population_of(place_id id) {
  const auto *r = row_of(id);
  return r ? r->population : 0;
}

struct scored {
  place_id id;
  int score;
  bool phrase;
};

} // namespace

std::optional<place_info> place(place_id id) noexcept {
  const auto *r = row_of(id);
  if (!r) return std::nullopt;
  place_info p;
  p.id = id;
  p.kind = static_cast<place_kind>(r->kind);
  p.english_name = dp::str(r->en);
  p.local_name = dp::str(r->local);
  p.country = r->country[0] ? std::string_view(r->country, 2) : std::string_view();
  p.region = dp::str(r->region_name);
  p.metro = r->metro;
  p.population = r->population;
  return p;
}

result<place_resolution> resolve_place(std::string_view location) {
  error err;
  if (!detail::check_utf8(location, err)) return err;

  thread_local std::string key;
  segments segs;
  std::size_t start = 0;
  while (start <= location.size()) {
    std::size_t end = start;
    while (end < location.size() && location[end] != ',' && location[end] != ';') ++end;
    key_of(location.substr(start, end - start), key);
    if (!key.empty()) match_key_into(key, segs);
    start = end + 1;
  }

  place_resolution res;
  if (segs.count == 0) return res;

  // Score every place named by any segment against the other segments.
  std::array<scored, max_segments * max_ids> all;  // the first n are set
  std::size_t n = 0;
  int best_score = -1000;
  for (std::size_t s = 0; s < segs.count; ++s) {
    for (std::size_t i = 0; i < segs.seg[s].count; ++i) {
      const place_id m = segs.seg[s].ids[i];
      int score = 0;
      for (std::size_t t = 0; t < segs.count; ++t) {
        if (t == s) continue;
        bool contains = false, inside = false;
        for (std::size_t j = 0; j < segs.seg[t].count; ++j) {
          const place_id o = segs.seg[t].ids[j];
          if (o == m) { inside = true; continue; }
          if (within_row(m, o)) contains = true;
          else if (within_row(o, m)) inside = true;
        }
        score += contains ? 1 : (inside ? 0 : -1);
      }
      all[n++] = {m, score, segs.seg[s].phrase};
      best_score = std::max(best_score, score);
    }
  }

  // The best-scoring places, without those that contain another of them.
  std::array<scored, max_segments * max_ids> top;  // the first tn are set
  std::size_t tn = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (all[i].score != best_score) continue;
    bool container = false, dup = false;
    for (std::size_t j = 0; j < n && !container; ++j)
      if (all[j].score == best_score && all[j].id != all[i].id && within_row(all[j].id, all[i].id)) container = true;
    for (std::size_t j = 0; j < tn && !dup; ++j) {
      if (top[j].id == all[i].id) { dup = true; top[j].phrase = top[j].phrase || all[i].phrase; }
    }
    if (!container && !dup) top[tn++] = all[i];
  }
  if (tn == 0) return res;
  // Larger first; a stable insertion sort, as there are only a few (and no allocation).
  for (std::size_t i = 1; i < tn; ++i)
    for (std::size_t j = i; j > 0 && population_of(top[j - 1].id) < population_of(top[j].id); --j)
      std::swap(top[j - 1], top[j]);

  const scored best = top[0];
  double total = 0;
  res.candidates.reserve(tn + 1);
  for (std::size_t i = 0; i < tn; ++i) {
    const auto pop = population_of(top[i].id);
    if (i == 0 || pop > 0) {
      res.candidates.push_back(top[i].id);
      total += pop;
    }
  }
  res.ambiguous = res.candidates.size() > 1;

  const auto *r = row_of(best.id);
  res.id = best.id;
  // "Greater Boston", "Brooklyn Area": the area phrase names the city's metro.
  if (best.phrase && r->kind == dp::row_city && r->metro != no_place) {
    res.id = r->metro;
    res.candidates.insert(res.candidates.begin(), r->metro);
  }

  double confidence = 1.0;
  if (best.phrase) confidence *= 0.95;
  if (r->icu_only) confidence *= 0.7;  // a time-zone exemplar, not a curated city
  if (segs.unmatched) confidence *= 0.8;
  if (best_score < 0) confidence *= 0.5;  // the qualifiers point elsewhere
  if (res.ambiguous) {
    const double share = total > 0 ? population_of(best.id) / total : 0.5;
    confidence *= 0.3 + 0.5 * share;
  }
  res.confidence = confidence;
  return res;
}

bool place_within(place_id inner, place_id outer) noexcept {
  if (!row_of(inner) || !row_of(outer)) return false;
  if (within_row(inner, outer)) return true;
  // A city in a region lies within the region's country, and so on up.
  const auto *r = row_of(inner);
  return row_of(outer)->kind == dp::row_country && r->country_row == outer;
}

namespace {
/** The metro of a city, else its outermost enclosing city, else itself. */
place_id city_group(place_id id) noexcept {
  const auto *r = row_of(id);
  if (!r) return no_place;
  if (r->kind == dp::row_metro) return id;
  if (r->kind != dp::row_city) return no_place;
  if (r->metro) return r->metro;
  while (r->parent) {
    id = r->parent;
    r = row_of(id);
    if (r->metro) return r->metro;
  }
  return id;
}
} // namespace

bool same_city(place_id a, place_id b) noexcept {
  if (!row_of(a) || !row_of(b)) return false;
  if (a == b) return true;
  const place_id ga = city_group(a);
  return ga != no_place && ga == city_group(b);
}

} // namespace v1
} // namespace rapport
