// Ranking a network: who should get my next notes, and whom do I know at an event?
#include <chrono>
#include <iostream>

#include "rapport/rapport.hpp"

int main() {
  using namespace std::chrono;
  rapport::directory_builder b;
  rapport::event summit;
  summit.id = "websummit-2026";
  summit.name = "Web Summit";
  summit.all_day = true;
  summit.first_day = 2026y / November / 9;
  summit.last_day = 2026y / November / 12;
  summit.time_zone = "Europe/Lisbon";
  if (!b.add_event(summit)) return 1;

  struct person { const char *id, *name, *location; rapport::event_role role; bool at_summit; };
  const person people[] = {
      {"ana", "Ana Sousa", "Lisbon, Portugal", rapport::event_role::speaker, true},
      {"ben", "Ben Ode", "Berlin, Germany", rapport::event_role::attendee, true},
      {"chloe", "Chloé Roux", "Greater Lisbon", rapport::event_role::attendee, false},
      {"dev", "Dev Rao", "Bengaluru, Karnataka, India", rapport::event_role::attendee, false},
  };
  for (const auto &p : people) {
    rapport::contact c;
    c.id = p.id;
    c.name = *rapport::parse_person_name(p.name);
    c.location = p.location;
    if (p.at_summit) c.events.push_back({"websummit-2026", p.role});
    if (!b.add_contact(c)) return 1;
  }
  auto dir = b.build();
  if (!dir) return 1;

  rapport::contact me;
  me.id = "me";
  me.name.given = "Sam";
  me.location = "Lisbon, Portugal";
  me.events.push_back({"websummit-2026", rapport::event_role::attendee});
  const auto now = sys_seconds(sys_days(2026y / October / 1));

  auto top = rapport::rank_recipients(*dir, me, now, 3);
  if (!top) return 1;
  std::cout << "top 3:\n";
  for (const auto &r : *top)
    std::cout << "  " << r.recipient->id << "  " << r.best.situation() << "  " << r.best.strength << '\n';

  rapport::rank_filter at_summit;
  at_summit.event_id = "websummit-2026";
  auto there = rapport::rank_recipients(*dir, me, now, 10, at_summit);
  if (!there) return 1;
  std::cout << "at Web Summit: " << there->size() << " contacts\n";
  return top->size() == 3 && there->size() == 2 ? 0 : 1;
}
