// A note that offers help with a challenge the recipient's industry faces:
// the recipient works in an affected industry, and one of your offers
// addresses the challenge. Both sides must show it, or there is no note.
#include <chrono>
#include <iostream>

#include "rapport/rapport.hpp"

int main() {
  using namespace std::chrono;
  rapport::directory_builder b;
  rapport::challenge passport;
  passport.id = "eu-battery-passport";
  passport.title = "el pasaporte europeo de baterías";
  passport.industries = {"Battery Manufacturing"};
  passport.keywords = {"battery passport"};
  if (!b.add_challenge(passport)) return 1;

  rapport::contact ana;
  ana.id = "ana";
  ana.name = *rapport::parse_person_name("Ana García López", {.locale = "es"});  // two family names
  ana.locale = "es";
  ana.industry = "Battery Manufacturing";
  if (!b.add_contact(ana)) return 1;
  auto dir = b.build();
  if (!dir) return 1;

  rapport::contact me;
  me.id = "me";
  me.name.given = "Jonas";
  me.name.family = "Becker";
  me.organizations.push_back({"Nordlicht Analytics GmbH", "Head of Data", "", true, std::nullopt, std::nullopt});
  me.offers.push_back({"passport-data", "datos para el pasaporte de baterías", {"eu-battery-passport"}});

  rapport::compose_options o;
  o.now = sys_seconds(sys_days(2026y / March / 1));
  auto c = rapport::compose(*dir, me, *dir->find_contact("ana"), o);
  if (!c || c->status != rapport::errc::ok) return 1;
  std::cout << c->note.text << '\n' << c->note.slot << '\n';
  for (const auto &e : c->note.contexts.front().evidence) std::cout << "evidence: " << e.record << " " << e.field << '\n';
  return c->note.warnings.empty() ? 0 : 1;
}
