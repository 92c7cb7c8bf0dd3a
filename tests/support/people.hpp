// Test helpers: terse constructors for contacts, events and challenges.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "rapport/challenge.hpp"
#include "rapport/contact.hpp"
#include "rapport/event.hpp"

namespace rapport::test {

using namespace std::chrono;

inline contact person(std::string id, std::string given, std::string family, std::string location = "") {
  contact c;
  c.id = std::move(id);
  c.name.given = std::move(given);
  c.name.family = std::move(family);
  c.location = std::move(location);
  return c;
}

inline contact &at_event(contact &c, std::string event_id, event_role role) {
  c.events.push_back({std::move(event_id), role});
  return c;
}

/** An all-day event on local days [first, last] in `tz`. */
inline event fair(std::string id, std::string name, int edition, year_month_day first, year_month_day last,
                  std::string tz = "Europe/Berlin") {
  event e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.series = e.name;
  e.edition = edition;
  e.all_day = true;
  e.first_day = first;
  e.last_day = last;
  e.time_zone = std::move(tz);
  return e;
}

inline challenge hardship(std::string id, std::string title, std::vector<std::string> industries,
                          std::vector<std::string> keywords = {}) {
  challenge c;
  c.id = std::move(id);
  c.title = std::move(title);
  c.industries = std::move(industries);
  c.keywords = std::move(keywords);
  return c;
}

/** 2026-03-01T12:00:00Z plus `days`. */
inline sys_seconds march_first_plus(int days) {
  return sys_seconds(sys_days(2026y / March / 1) + hours(12) + days * hours(24));
}

} // namespace rapport::test
