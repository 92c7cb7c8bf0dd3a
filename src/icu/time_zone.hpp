// Private: time-zone arithmetic through ICU.
#pragma once

#include <chrono>
#include <string_view>

namespace rapport::detail::icu {

/** True when ICU knows the IANA time zone `id` ("" counts as UTC). */
bool is_known_time_zone(std::string_view id);

/** The local calendar day of instant `t` in time zone `id` ("" = UTC; unknown zones read as UTC). */
std::chrono::sys_days local_day(std::chrono::sys_seconds t, std::string_view id);

} // namespace rapport::detail::icu
