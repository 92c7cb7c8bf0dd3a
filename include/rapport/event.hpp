// rapport — events: fairs, conferences, meetups, one edition each.
//
// An event is one edition: "Web Summit 2025" and "Web Summit 2026" are two
// events of one series, and being at one of them is not being at the other.
// Times are instants (UTC) for timed events, and local calendar days for
// all-day events; both are read in the event's time zone when rapport decides
// whether an event is upcoming, happening now, or past.
//
//     rapport::event e;
//     e.id = "bauma-2025"; e.name = "bauma"; e.series = "bauma"; e.edition = 2025;
//     e.all_day = true; e.first_day = 2025y/April/7; e.last_day = 2025y/April/13;
//     e.time_zone = "Europe/Berlin"; e.location = "Messe München";
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "rapport/place.hpp"

namespace rapport {
inline namespace v1 {

/** One edition of an event. */
struct event {
  std::string id;                    ///< stable and unique within a directory
  std::string name;                  ///< "Web Summit"
  std::vector<std::string> aliases;  ///< other names: "WebSummit", "WS25"
  std::string series;                ///< what editions share: "web-summit"; "" = none
  int edition = 0;                   ///< the edition's year (or number); 0 = unknown

  bool all_day = false;
  std::chrono::sys_seconds start{};  ///< timed events: first instant (UTC)
  std::chrono::sys_seconds end{};    ///< timed events: last instant (UTC); == start when unknown
  std::chrono::year_month_day first_day{}; ///< all-day events: first local day
  std::chrono::year_month_day last_day{};  ///< all-day events: last local day (inclusive)
  std::string time_zone;             ///< IANA ("Europe/Lisbon"); "" = UTC

  std::string venue;                 ///< "Altice Arena"
  std::string location;              ///< as written: "Lisbon, Portugal"
  place_id place = no_place;         ///< resolved from `location` by the directory unless set
  std::string url;
};

} // namespace v1
} // namespace rapport
