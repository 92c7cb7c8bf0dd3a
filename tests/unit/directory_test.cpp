#include <catch2/catch.hpp>

#include "rapport/directory.hpp"
#include "support/people.hpp"

using namespace rapport;
using namespace rapport::test;

TEST_CASE("directory - a bad record is reported with its field and the others are kept") {
  directory_builder b;
  REQUIRE(b.add_contact(person("a", "Anna", "Schmidt")));

  struct row { const char *what; contact c; errc code; const char *says; };
  contact bad_org = person("b", "Bo", "Li");
  bad_org.organizations.push_back({"Acme", "", "", true, {}, {}});
  bad_org.organizations.push_back({std::string("Bad\xFF") + "Corp", "", "", false, {}, {}});
  contact bad_topic = person("c", "Cy", "Ng");
  bad_topic.topics = {"ok", "\xC3"};
  const std::vector<row> table = {
      {"duplicate id", person("a", "Another", "Anna"), errc::invalid_argument, "duplicate contact id 'a'"},
      {"empty id", person("", "No", "Id"), errc::invalid_argument, "contact without an id"},
      {"bad organization name", bad_org, errc::invalid_utf8, "contact 'b': field organizations[1].name: invalid UTF-8 at byte 3"},
      {"bad topic", bad_topic, errc::invalid_utf8, "contact 'c': field topics[1]: invalid UTF-8 at byte 0"},
  };
  for (const auto &r : table) {
    INFO(r.what);
    auto added = b.add_contact(r.c);
    REQUIRE_FALSE(added);
    CHECK(added.error().code == r.code);
    CHECK(added.error().message == r.says);
  }
  REQUIRE(b.add_contact(person("d", "Dee", "Okafor")));
  CHECK(b.contact_count() == 2);
  auto dir = b.build();
  REQUIRE(dir);
  CHECK(dir->contacts().size() == 2);
  CHECK(dir->find_contact("a")->name.given == "Anna");
  CHECK(dir->find_contact("b") == nullptr);
}

TEST_CASE("directory - events with unknown time zones or inverted dates are refused") {
  directory_builder b;
  auto tz = fair("e1", "Expo", 2026, 2026y / May / 4, 2026y / May / 6, "Mars/Olympus_Mons");
  auto r1 = b.add_event(tz);
  REQUIRE_FALSE(r1);
  CHECK(r1.error().message == "event 'e1': time_zone 'Mars/Olympus_Mons' is not a known time zone");
  auto inverted = fair("e2", "Expo", 2026, 2026y / May / 6, 2026y / May / 4);
  auto r2 = b.add_event(inverted);
  REQUIRE_FALSE(r2);
  CHECK(r2.error().message == "event 'e2': last_day is before first_day");
  CHECK(b.add_event(fair("e3", "Expo", 2026, 2026y / May / 4, 2026y / May / 6)));
}

TEST_CASE("directory - references it cannot honour become warnings, not silence") {
  directory_builder b;
  auto a = person("a", "Anna", "Schmidt");
  at_event(a, "no-such-event", event_role::attendee);
  a.connections = {"ghost"};
  offer o;
  o.id = "o1";
  o.summary = "help";
  o.challenge_ids = {"no-such-challenge"};
  a.offers.push_back(o);
  REQUIRE(b.add_contact(a));
  auto dir = b.build();
  REQUIRE(dir);
  std::vector<std::string> messages;
  for (const auto &w : dir->warnings()) messages.push_back(w.message);
  CHECK_THAT(messages, Catch::Matchers::VectorContains(std::string(
                           "contact 'a': events[0].event_id 'no-such-event' is not a known event; participation ignored")));
  CHECK_THAT(messages, Catch::Matchers::VectorContains(std::string(
                           "contact 'a': offers[0] addresses unknown challenge 'no-such-challenge'")));
  CHECK_THAT(messages, Catch::Matchers::VectorContains(std::string(
                           "1 connections name contacts that are not in the directory; they cannot count as mutual connections")));
}

TEST_CASE("directory - records are found by id and listed in id order") {
  directory_builder b;
  for (const char *id : {"m", "c", "x", "a"}) REQUIRE(b.add_contact(person(id, id, "")));
  REQUIRE(b.add_challenge(hardship("h", "t", {"Retail"})));
  auto dir = b.build();
  REQUIRE(dir);
  std::vector<std::string> ids;
  for (const auto &c : dir->contacts()) ids.push_back(c.id);
  CHECK(ids == std::vector<std::string>{"a", "c", "m", "x"});
  CHECK(dir->find_contact("x") == &dir->contacts()[3]);
  CHECK(dir->find_contact("nobody") == nullptr);
  CHECK(dir->find_challenge("h")->title == "t");
  CHECK(dir->memory_bytes() > 0);
}
