// Place names for display in a locale: the curated de/fr/es name, else ICU's
// localized country name or time-zone exemplar city, else the local name when
// the locale speaks the country's language, else English.
#include "rapport/place.hpp"

#include <map>
#include <memory>
#include <string>

#include <unicode/locid.h>
#include <unicode/tznames.h>

#include "icu/icu_adapter.hpp"
#include "places/place_tables.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {
namespace {

namespace dp = detail::places;

/** This thread's TimeZoneNames for `tag` (TimeZoneNames is not thread-safe to share). */
::icu::TimeZoneNames *zone_names(const std::string &tag, const ::icu::Locale &locale) {
  thread_local std::map<std::string, std::unique_ptr<::icu::TimeZoneNames>> cache;
  auto &slot = cache[tag];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(::icu::TimeZoneNames::createInstance(locale, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

std::string language_of(std::string_view tag) {
  std::string lang;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    lang.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return lang;
}

} // namespace

result<std::string> place_display_name(place_id id, std::string_view locale) {
  error err;
  if (!detail::check_utf8(locale, err)) return err;
  if (id == no_place || id > dp::row_count) return make_error(errc::not_found, "no place with id " + std::to_string(id));
  const dp::place_row &r = dp::rows[id - 1];
  const std::string lang = language_of(locale);
  const std::string english(dp::str(r.en));
  if (lang.empty() || lang == "en") return english;

  UErrorCode status = U_ZERO_ERROR;
  const ::icu::Locale loc = ::icu::Locale::forLanguageTag(::icu::StringPiece(locale.data(), static_cast<int32_t>(locale.size())), status);
  const bool icu_locale = U_SUCCESS(status) && !loc.isBogus();

  // Curated names first: ICU falls back to a name derived from the zone ID
  // ("Montreal" for French) where it has no translation.
  const dp::str_ref curated = lang == "de" ? r.de : lang == "fr" ? r.fr : lang == "es" ? r.es : dp::str_ref{0, 0};
  if (curated.len) return std::string(dp::str(curated));
  if (r.kind == dp::row_country && icu_locale) {
    const std::string code(r.country, 2);
    ::icu::UnicodeString name;
    ::icu::Locale("", code.c_str()).getDisplayCountry(loc, name);
    std::string s = detail::icu::to_utf8(name);
    if (!s.empty() && s != code) return s;
  }
  if (r.kind == dp::row_city && r.zone.len && icu_locale) {
    if (auto *names = zone_names(std::string(locale), loc)) {
      ::icu::UnicodeString name;
      names->getExemplarLocationName(detail::icu::to_unicode(dp::str(r.zone)), name);
      std::string s = detail::icu::to_utf8(name);
      for (const char *q : {", ", " [", " ("})  // "Knox, Indiana", "Knox [Indiana]"
        if (auto cut = s.find(q); cut != std::string::npos) s.resize(cut);
      if (!s.empty()) return s;
    }
  }
  if (r.lang.len && dp::str(r.lang) == lang) return std::string(dp::str(r.local));
  return english;
}

} // namespace v1
} // namespace rapport
