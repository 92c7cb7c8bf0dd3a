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
// not the id, when you persist contacts.
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

/** The entry for `id`, or nullopt for an unknown id. */
std::optional<place_info> place(place_id id) noexcept;

/** How a location string resolved. */
struct place_resolution {
  place_id id = no_place;          ///< best match; no_place when nothing matched
  bool ambiguous = false;          ///< several places fit and nothing in the text chose one
  double confidence = 0.0;         ///< in [0,1]; lowered by ambiguity and fuzzy phrasing
  std::vector<place_id> candidates;///< every place that fitted, best first
};

/**
 * Resolves a free-text location ("Greater Boston", "Paris, Texas", "Région de
 * Lyon", "Großraum München") to a place. Text that names no known place gives
 * id == no_place; that is not an error. Errors: invalid_utf8.
 */
result<place_resolution> resolve_place(std::string_view location);

/**
 * True when `inner` lies within `outer`: the same place, a city within a metro
 * ("Brooklyn" within "New York City"), or a city or metro within its country.
 */
bool place_within(place_id inner, place_id outer) noexcept;

/**
 * True when two places count as the same city for networking: equal ids, one
 * within the other's metro, or both in the same metro.
 */
bool same_city(place_id a, place_id b) noexcept;

/**
 * The place's name for display in `locale` (BCP 47, "de", "fr-CA"): "Munich"
 * in English, "München" in German. Falls back to the English name.
 * Errors: not_found for an unknown id.
 */
result<std::string> place_display_name(place_id id, std::string_view locale);

} // namespace v1
} // namespace rapport
