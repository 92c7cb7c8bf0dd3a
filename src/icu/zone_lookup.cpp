#include "icu/zone_lookup.hpp"

#include <memory>

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include "icu/icu_adapter.hpp"

namespace rapport::detail::icu {
namespace {

// The canonical IANA id of a system zone ("Japan" → "Asia/Tokyo"), or "".
std::string canonical(std::string_view id) {
  ::icu::UnicodeString out;
  UBool system = false;
  UErrorCode status = U_ZERO_ERROR;
  ::icu::TimeZone::getCanonicalID(to_unicode(id), out, system, status);
  if (U_FAILURE(status) || !system) return {};
  // Keep the id as written when it is itself an IANA name ("Europe/Kiev" stays, not "Europe/Kyiv").
  return id.find('/') != std::string_view::npos ? std::string(id) : to_utf8(out);
}

} // namespace

std::string iana_zone_for(std::string_view tzid) {
  while (!tzid.empty() && (tzid.front() == ' ' || tzid.front() == '"')) tzid.remove_prefix(1);
  while (!tzid.empty() && (tzid.back() == ' ' || tzid.back() == '"')) tzid.remove_suffix(1);
  if (tzid.empty()) return {};
  // The id itself, then ever shorter '/'-separated tails of it.
  for (std::string_view tail = tzid;;) {
    if (auto id = canonical(tail); !id.empty()) return id;
    const auto slash = tail.find('/');
    if (slash == std::string_view::npos) break;
    tail.remove_prefix(slash + 1);
  }
  ::icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  ::icu::TimeZone::getIDForWindowsID(to_unicode(tzid), "001", out, status);
  if (U_SUCCESS(status) && !out.isEmpty()) return to_utf8(out);
  return {};
}

std::optional<std::chrono::sys_seconds> local_to_utc(std::chrono::local_seconds local, std::string_view zone) {
  std::unique_ptr<::icu::TimeZone> tz(::icu::TimeZone::createTimeZone(to_unicode(zone)));
  ::icu::UnicodeString got;
  tz->getID(got);
  if (got == ::icu::UnicodeString(u"Etc/Unknown")) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  ::icu::GregorianCalendar cal(tz.release(), status);
  if (U_FAILURE(status)) return std::nullopt;
  const auto days = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{local - days};
  cal.clear();
  cal.set(static_cast<int32_t>(static_cast<int>(ymd.year())), static_cast<int32_t>(unsigned(ymd.month())) - 1,
          static_cast<int32_t>(unsigned(ymd.day())), static_cast<int32_t>(hms.hours().count()),
          static_cast<int32_t>(hms.minutes().count()), static_cast<int32_t>(hms.seconds().count()));
  const UDate ms = cal.getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return std::chrono::sys_seconds(std::chrono::seconds(static_cast<std::int64_t>(ms / 1000.0)));
}

} // namespace rapport::detail::icu
