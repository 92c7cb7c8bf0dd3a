// Test fixture for compose, fit and batch: a sender in Hamburg who exhibits at
// Hannover Messe, and recipients in en/de/fr/es with one kind of shared context each.
#pragma once

#include <catch2/catch.hpp>

#include "rapport/compose.hpp"
#include "support/people.hpp"

namespace rapport::test {

struct compose_world {
  directory dir;
  contact me;
};

inline contact compose_sender() {
  auto me = person("me", "Jonas", "Becker", "Hamburg, Germany");
  me.headline = "Head of Data at Nordlicht";
  me.organizations.push_back({"Nordlicht Analytics GmbH", "Head of Data", "Software", true, 2019, std::nullopt});
  me.organizations.push_back({"Siemens AG", "Engineer", "Industrial Automation", false, 2012, 2018});
  at_event(me, "hm-2026", event_role::exhibitor);
  at_event(me, "ws-2026", event_role::attendee);
  me.offers.push_back({"cold", "we cut energy use in cold storage by a third", {"cold-chain-energy"}});
  me.connections = {"jan"};
  me.languages = {"de", "en"};
  return me;
}

inline compose_world make_compose_world() {
  std::vector<contact> people;
  auto anna = person("anna", "Anna", "Schmidt", "Großraum München");
  anna.locale = "de";
  anna.organizations.push_back({"Kühlwerk GmbH & Co. KG", "COO", "", true, std::nullopt, std::nullopt});
  at_event(anna, "hm-2026", event_role::exhibitor);
  people.push_back(anna);

  auto claire = person("claire", "Claire", "Dubois", "Hamburg, Germany");
  claire.languages = {"fr", "en"};
  people.push_back(claire);

  auto lucia = person("lucia", "Lucía", "Fernández", "Ciudad de México");
  lucia.locale = "es-MX";
  lucia.industry = "Food and Beverage Manufacturing";
  lucia.formality_preference = formality::informal;
  people.push_back(lucia);

  auto sam = person("sam", "Sam", "Taylor", "Austin, Texas");
  sam.connections = {"jan"};
  sam.languages = {"en"};
  people.push_back(sam);

  auto jan = person("jan", "Jan", "de Vries", "Amsterdam");
  jan.connections = {"me", "sam"};
  people.push_back(jan);

  auto ben = person("ben", "Ben", "Okafor", "Lagos, Nigeria");
  ben.languages = {"en"};
  at_event(ben, "ws-2025", event_role::speaker);
  people.push_back(ben);

  auto paul = person("paul", "Paul", "Martin", "");
  paul.languages = {"en"};
  people.push_back(paul);

  auto greta = person("greta", "Greta", "Lund", "Hamburg");
  greta.locale = "de";
  greta.gender = grammatical_gender::feminine;
  at_event(greta, "ws-2026", event_role::speaker);
  people.push_back(greta);

  directory_builder b;
  REQUIRE(b.add_event(fair("hm-2026", "Hannover Messe", 2026, 2026y / April / 20, 2026y / April / 24)));
  REQUIRE(b.add_event(fair("ws-2025", "Web Summit", 2025, 2025y / November / 10, 2025y / November / 13, "Europe/Lisbon")));
  REQUIRE(b.add_event(fair("ws-2026", "Web Summit", 2026, 2026y / November / 9, 2026y / November / 12, "Europe/Lisbon")));
  REQUIRE(b.add_challenge(hardship("cold-chain-energy", "rising energy costs in cold storage",
                                   {"Food and Beverage Manufacturing", "Logistics"})));
  for (auto &p : people) REQUIRE(b.add_contact(std::move(p)));
  auto dir = b.build();
  REQUIRE(dir);
  return {std::move(*dir), compose_sender()};
}

/** compose() for the world's contact `id`, which must exist and compose without error. */
inline composition compose_for(const compose_world &w, const char *id, const compose_options &o) {
  const contact *r = w.dir.find_contact(id);
  REQUIRE(r != nullptr);
  auto c = compose(w.dir, w.me, *r, o);
  REQUIRE(c);
  return *c;
}

inline compose_options options_at(sys_seconds now, std::string platform = "linkedin-connection-note") {
  compose_options o;
  o.now = now;
  o.platform = std::move(platform);
  return o;
}

inline bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// Review findings are bugs: compose reports them as warnings starting "review".
inline void no_review_findings(const composition &c) {
  for (const auto &w : c.note.warnings) {
    INFO(c.note.text);
    if (w.rfind("review", 0) == 0) FAIL_CHECK(w);
  }
}

} // namespace rapport::test
