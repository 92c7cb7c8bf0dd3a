// A note to someone based in the same city, in the recipient's language:
// "Munich, Germany" and "Großraum München" are one place, and the note names
// it as the recipient would ("Munich" in English, "München" in German).
#include <chrono>
#include <iostream>

#include "rapport/rapport.hpp"

int main() {
  using namespace std::chrono;
  rapport::directory_builder b;
  rapport::contact lea;
  lea.id = "lea";
  lea.name = *rapport::parse_person_name("Léa Martin");
  lea.locale = "fr";
  lea.location = "Großraum München";
  if (!b.add_contact(lea)) return 1;
  auto dir = b.build();
  if (!dir) return 1;

  rapport::contact me;
  me.id = "me";
  me.name.given = "Sam";
  me.name.family = "Okafor";
  me.location = "Munich, Germany";
  me.organizations.push_back({"Frostwerk GmbH", "Founder", "", true, std::nullopt, std::nullopt});
  me.purpose = "cold-chain sensors";

  rapport::compose_options o;
  o.now = sys_seconds(sys_days(2026y / March / 1));
  auto c = rapport::compose(*dir, me, *dir->find_contact("lea"), o);
  if (!c || c->status != rapport::errc::ok) return 1;
  std::cout << c->note.text << '\n' << c->note.slot << '\n';
  return c->note.warnings.empty() ? 0 : 1;
}
