// Many recipients, streamed: compose_each() hands each note to a callback in
// input order, so a large batch can be written out as it is composed without
// keeping every result in memory. Built and run by ctest.
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "rapport/rapport.hpp"

int main() {
  using namespace std::chrono;

  // A fair, and a few hundred exhibitors (one of them has no events: a refusal).
  rapport::directory_builder b;
  rapport::event fair;
  fair.id = "hm-2026";
  fair.name = "Hannover Messe";
  fair.all_day = true;
  fair.first_day = 2026y / April / 20;
  fair.last_day = 2026y / April / 24;
  fair.time_zone = "Europe/Berlin";
  if (!b.add_event(fair)) return 1;
  const char *const givens[] = {"Anna", "Lukas", "Sofía", "Chloé", "Noah"};
  std::vector<std::string> ids;
  for (int i = 0; i < 500; ++i) {
    rapport::contact c;
    c.id = "c" + std::to_string(i);
    c.name.given = givens[i % 5];
    c.name.family = "Muster";
    c.languages = {"en"};
    if (i != 3) c.events.push_back({"hm-2026", rapport::event_role::exhibitor});
    ids.push_back(c.id);
    if (!b.add_contact(std::move(c))) return 1;
  }
  ids.push_back("nobody");  // an unknown id: a not_found item, the batch goes on
  auto dir = b.build();
  if (!dir) return 1;

  rapport::contact me;
  me.id = "me";
  me.name.given = "Jonas";
  me.name.family = "Becker";
  me.events.push_back({"hm-2026", rapport::event_role::exhibitor});

  rapport::compose_options o;
  o.now = sys_seconds(sys_days(2026y / March / 1));
  o.locale = "en";

  // The sink runs once per recipient, in input order, one call at a time (it
  // needs no lock). The item is only valid during the call: copy what you keep.
  std::size_t notes = 0, refusals = 0, errors = 0;
  auto warnings = rapport::compose_each(*dir, me, ids, o, [&](std::size_t i, const auto &item) {
    if (!item) {
      ++errors;
      std::cout << ids[i] << ": " << item.error().message << '\n';
    } else if (item->status != rapport::errc::ok) {
      ++refusals;
      std::cout << ids[i] << ": no note (" << item->message << ")\n";
    } else if (notes++ < 2) {
      std::cout << ids[i] << ": " << item->note.text << '\n';
    }
  });
  if (!warnings) {
    std::cerr << warnings.error().message << '\n';
    return 1;
  }
  std::cout << notes << " notes, " << refusals << " refusal, " << errors << " error\n";
  // The batch warnings: 500 notes that differ only by the name will be noticed.
  for (const auto &w : *warnings) std::cout << "batch warning: " << w.code << " (" << w.count << " notes)\n";
  return 0;
}
