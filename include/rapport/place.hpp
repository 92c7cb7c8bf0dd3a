// rapport — places: resolving location strings as people and LinkedIn write them.
//
// "Greater Munich Metropolitan Area", "München, Bayern, Deutschland",
// "Munich, Germany" and "Großraum München" all resolve to one place; "Brooklyn,
// NY" lies within New York City's metro; "Portland, Maine" is not "Portland,
// Oregon". The gazetteer is compiled into the library (generated at build time
// from ICU's localized city and country names plus curated data in
// data/places): nothing is read from disk at run time.
//
// A place_id is stable for one build of the library; store the location text,
// not the id, when you persist contacts. Everything here is thread-safe; the
// tables are immutable. How resolution works, the data files and how to add a
// city: docs/places.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/result.hpp"

namespace rapport {
inline namespace v1 {

/** Identifies a place in the built-in gazetteer. 0 means "no place". */
using place_id = std::uint32_t;
inline constexpr place_id no_place = 0;

/** What kind of place an id names. */
enum class place_kind { country, region, metro, city };

/** A gazetteer entry. Views point into static storage. */
struct place_info {
  place_id id = no_place;
  place_kind kind = place_kind::city;
  std::string_view english_name;  ///< "Munich"
  std::string_view local_name;    ///< "München" (in the place's main language)
  std::string_view country;       ///< ISO 3166-1 alpha-2, "DE"; empty for none
  std::string_view region;        ///< first-level region in English, "Bavaria"; may be empty
  place_id metro = no_place;      ///< metro area it belongs to, if any
  std::uint32_t population = 0;   ///< rough, for preferring the larger of two homonyms
};

/**
 * The entry for `id`, or nullopt for an unknown id (including no_place).
 *
 *     rapport::place(id)->english_name  // "Munich"
 */
std::optional<place_info> place(place_id id) noexcept;

/** How a location string resolved. */
struct place_resolution {
  place_id id = no_place;          ///< best match; no_place when nothing matched
  bool ambiguous = false;          ///< several places fit and nothing in the text chose one
  double confidence = 0.0;         ///< in [0,1]; 1 for an exact, qualified match; lowered by
                                   ///< ambiguity, area phrasing, unknown parts, ICU-only cities
  std::vector<place_id> candidates;///< every place that fitted, best (id) first; empty when none
};

/**
 * Resolves a free-text location ("Greater Boston", "Paris, Texas", "Région de
 * Lyon", "Großraum München", "東京") to a place. Understands LinkedIn's area
 * phrasings in en/de/fr/es ("Greater X Area", "X und Umgebung", "Grand X",
 * "Área metropolitana de X"…) and "City, Region, Country" in any order; a
 * city named through an area phrase resolves to its metro. With no qualifier,
 * homonyms make the result ambiguous and the larger place wins. Text that
 * names no known place gives id == no_place; that is not an error.
 * Errors: invalid_utf8 (with the byte offset).
 *
 *     auto r = rapport::resolve_place("Portland, ME");  // Portland, Maine
 *     if (r && r->id != rapport::no_place) use(r->id);
 */
result<place_resolution> resolve_place(std::string_view location);

/**
 * True when `inner` lies within `outer`: the same place, or `outer` is the
 * enclosing city, metro, region or country of `inner` ("Brooklyn" within New
 * York City, its metro, New York State and the United States). False for
 * unknown ids.
 */
bool place_within(place_id inner, place_id outer) noexcept;

/**
 * True when two places count as the same city for networking: equal ids, one
 * within the other's metro or city, or both in the same metro ("Santa Clara"
 * and "San Francisco Bay Area"; "Cambridge, MA" and "Boston"). False for
 * unknown ids and for distinct regions or countries.
 *
 *     rapport::same_city(rapport::resolve_place("Brooklyn, NY")->id,
 *                        rapport::resolve_place("NYC")->id)  // true
 */
bool same_city(place_id a, place_id b) noexcept;

/**
 * The place's name for display in `locale` (BCP 47, "de", "fr-CA"): "Munich"
 * in English, "München" in German, "Múnich" in Spanish, "東京" in Japanese.
 * Uses the curated de/fr/es names, ICU's localized country and time-zone city
 * names, the local name, and falls back to the English name.
 * Errors: not_found for an unknown id, invalid_utf8 for a bad locale.
 */
result<std::string> place_display_name(place_id id, std::string_view locale);

} // namespace v1
} // namespace rapport
