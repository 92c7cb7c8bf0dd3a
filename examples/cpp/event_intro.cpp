// A connection note for someone who exhibits at the same fair:
// directory → discovery → compose → review. Built and run by ctest.
#include <chrono>
#include <iostream>

#include "rapport/rapport.hpp"

int main() {
  using namespace std::chrono;

  // 1. The directory: the people you may write to, and the events they attend.
  rapport::directory_builder b;
  rapport::event fair;
  fair.id = "hm-2026";
  fair.name = "Hannover Messe";
  fair.all_day = true;
  fair.first_day = 2026y / April / 20;
  fair.last_day = 2026y / April / 24;
  fair.time_zone = "Europe/Berlin";
  if (!b.add_event(fair)) return 1;

  rapport::contact anna;
  anna.id = "anna";
  anna.name = *rapport::parse_person_name("Dr. Anna Schmidt, MBA");
  anna.locale = "de";
  anna.events.push_back({"hm-2026", rapport::event_role::exhibitor});
  if (!b.add_contact(anna)) return 1;
  auto dir = b.build();
  if (!dir) return 1;

  // 2. You, the sender.
  rapport::contact me;
  me.id = "me";
  me.name.given = "Jonas";
  me.name.family = "Becker";
  me.organizations.push_back({"Nordlicht Analytics GmbH", "Head of Data", "", true, 2019, std::nullopt});
  me.events.push_back({"hm-2026", rapport::event_role::exhibitor});

  // 3. What you share, with the evidence.
  const auto now = sys_seconds(sys_days(2026y / March / 1));
  const rapport::contact &recipient = *dir->find_contact("anna");
  auto shared = rapport::find_shared_contexts(*dir, me, recipient, now);
  if (!shared || shared->empty()) return 1;
  std::cout << "shared: " << rapport::to_string(shared->front().kind) << " " << shared->front().event_name << '\n';

  // 4. The note: German (Anna's locale), formal, fitted to LinkedIn's 200 UTF-16 units.
  rapport::compose_options o;
  o.now = now;
  o.platform = "linkedin-connection-note";
  auto c = rapport::compose(*dir, me, recipient, o);
  if (!c) {
    std::cerr << c.error().message << '\n';
    return 1;
  }
  if (c->status != rapport::errc::ok) {
    for (const auto &h : c->homework) std::cout << "homework: " << h.message << '\n';
    return 1;
  }
  std::cout << c->note.text << '\n'
            << c->note.slot << ", " << c->note.length << "/" << c->note.limit << '\n';

  // 5. Review ran on the note: a composed note has no findings (they would be in note.warnings).
  for (const auto &w : c->note.warnings) std::cout << "warning: " << w << '\n';
  if (!c->note.warnings.empty()) return 1;
  std::cout << "review: no findings\n";
  return 0;
}
