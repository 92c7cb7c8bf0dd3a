// The batch world of the compose benchmarks (compose_bench, compose_count,
// capi_bench, reasons_bench): the sender Jonas Becker of Nordlicht Analytics
// exhibits at Hannover Messe 2026 (20–24 April, Europe/Berlin), and `n`
// recipients exhibit there too, so that every note is the short
// both-exhibiting note of issue #5. One definition, so the benches measure
// the same notes.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "rapport/contact.hpp"
#include "rapport/event.hpp"

namespace rapport::bench {

/** Hannover Messe 2026, all day, in Berlin's time zone. */
inline event hannover_messe() {
  using namespace std::chrono;
  event e;
  e.id = "hm-2026";
  e.name = "Hannover Messe";
  e.all_day = true;
  e.first_day = 2026y / April / 20;
  e.last_day = 2026y / April / 24;
  e.time_zone = "Europe/Berlin";
  return e;
}

/** The sender: exhibiting at the fair, with an organization and (optionally) a purpose. */
inline contact fair_sender(std::string purpose = "predictive maintenance") {
  contact me;
  me.id = "me";
  me.name.given = "Jonas";
  me.name.family = "Becker";
  me.organizations.push_back({"Nordlicht Analytics GmbH", "", "", true, std::nullopt, std::nullopt});
  me.events.push_back({"hm-2026", event_role::exhibitor});
  me.purpose = std::move(purpose);
  return me;
}

/** Exhibitor number `i` ("c<i>"): English-speaking, names from a mixed list of ten by ten. */
inline contact fair_exhibitor(int i) {
  static const char *const givens[] = {"Anna", "Lukas", "Sofía", "Chloé", "Emma", "Noah", "Mari-Liis", "Jürgen", "Zoë", "Priya"};
  static const char *const families[] = {"Schmidt", "Müller", "García", "Dubois", "Smith", "O'Neil", "Tamm", "Nowak", "Patel", "Rossi"};
  contact c;
  c.id = std::to_string(i);
  c.id.insert(0, 1, 'c');  // not "c" + …: GCC 12 warns falsely (-Wrestrict)
  c.name.given = givens[i % 10];
  c.name.family = families[(i / 10) % 10];
  c.languages = {"en"};
  c.events.push_back({"hm-2026", event_role::exhibitor});
  return c;
}

} // namespace rapport::bench
