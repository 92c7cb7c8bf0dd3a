// Private: the gazetteer tables generated at build time by gen/gen_places.cpp
// (from data/places/*.tsv and ICU) into <build>/src/places_data.cpp.
#pragma once

#include <cstdint>
#include <string_view>

namespace rapport::detail::places {

/** A string in `blob`: offset and length in bytes. */
struct str_ref {
  std::uint32_t off;
  std::uint32_t len;
};

/** Row kinds, numerically equal to rapport::place_kind. */
enum : std::uint8_t { row_country = 0, row_region = 1, row_metro = 2, row_city = 3 };

/**
 * One gazetteer entry; its place_id is its index + 1. Links (metro, parent,
 * region, country_row) are place ids, 0 for none.
 */
struct place_row {
  str_ref en;           ///< English name
  str_ref local;        ///< name in the country's main language
  str_ref de, fr, es;   ///< curated names; empty when equal to `en`
  str_ref region_name;  ///< English name of the first-level region
  str_ref zone;         ///< ICU canonical time zone whose exemplar city this is; empty for none
  str_ref lang;         ///< main language of the country ("de"), from ICU likely subtags
  char country[2];      ///< ISO 3166-1 alpha-2; both NUL for none
  std::uint8_t kind;
  std::uint8_t icu_only; ///< 1 for cities known only from ICU's time-zone exemplars
  std::uint32_t metro;
  std::uint32_t parent;  ///< enclosing city (a borough's city), 0 for none
  std::uint32_t region;
  std::uint32_t country_row;
  std::uint32_t population;
};

/**
 * A distinct match key and the places it names: key_places[first, first+count),
 * each a place id, with weak_bit set for a weak name.
 */
struct key_entry {
  std::uint32_t off;    ///< the key in `blob`
  std::uint32_t first;
  std::uint16_t len;
  std::uint16_t count;
};

/** How one code point of U+0080..U+024F folds into a german match key. */
struct fold_entry {
  str_ref to;           ///< ASCII text before digraph collapse (empty for apostrophes)
  std::uint8_t separator; ///< 1 when the code point separates words, 2 when only ICU can fold it
};

/** Set in a key_places entry when only a less common language gives the place that name. */
inline constexpr std::uint32_t weak_bit = 0x80000000u;

inline constexpr char32_t fold_first = 0x80;
inline constexpr char32_t fold_last = 0x24F;

extern const char blob[];
extern const place_row rows[];
extern const std::uint32_t row_count;
extern const key_entry keys[];
extern const std::uint32_t key_count;
extern const std::uint32_t key_places[];
/** Open-addressing hash of keys (FNV-1a, linear probing): key index + 1, 0 = empty. */
extern const std::uint32_t hash_slots[];
extern const std::uint32_t hash_mask;
extern const fold_entry latin_fold[fold_last - fold_first + 1];

/** FNV-1a, the hash the generator used. */
constexpr std::uint32_t fnv1a(std::string_view s) noexcept {
  std::uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

inline std::string_view str(str_ref r) noexcept { return {blob + r.off, r.len}; }

} // namespace rapport::detail::places
