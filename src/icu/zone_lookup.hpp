// Private: naming and applying time zones found in imported files, through ICU.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rapport::detail::icu {

/**
 * The IANA id for a calendar file's TZID: the id itself when ICU knows it
 * ("Europe/Berlin"), the IANA tail of a vendor path ("/mozilla.org/20050126_1/
 * Europe/Berlin"), or the zone of a Windows name ("W. Europe Standard Time").
 * "" when none fits.
 */
std::string iana_zone_for(std::string_view tzid);

/** The UTC instant of a local wall-clock time in IANA zone `zone`; nullopt for an unknown zone. */
std::optional<std::chrono::sys_seconds> local_to_utc(std::chrono::local_seconds local, std::string_view zone);

} // namespace rapport::detail::icu
