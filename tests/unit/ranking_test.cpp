#include <catch2/catch.hpp>

#include <thread>

#include "discovery/ranking_scan.hpp"
#include "rapport/ranking.hpp"
#include "support/people.hpp"
#include "synthetic_network.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

std::vector<std::string> ids(const std::vector<ranked_contact> &v) {
  std::vector<std::string> out;
  for (const auto &r : v) out.push_back(r.recipient->id);
  return out;
}

} // namespace

TEST_CASE("ranking - the index walk returns exactly what a full scan returns") {
  synthetic::network_options opts;
  opts.contacts = 3000;
  opts.events = 40;
  auto net = synthetic::make_network(opts);
  const auto now = march_first_plus(0);

  struct row { const char *what; std::size_t k; rank_filter filter; };
  rank_filter events_only;
  events_only.kinds = {context_kind::event};
  rank_filter city_only;
  city_only.kinds = {context_kind::same_city};
  rank_filter at_event;
  at_event.event_id = "event-10";
  rank_filter strong;
  strong.min_strength = 0.5;
  rank_filter odd_ids;
  odd_ids.predicate = [](const contact &c) { return (c.id.back() - '0') % 2 == 1; };
  rank_filter topics_and_schools;
  topics_and_schools.kinds = {context_kind::topic, context_kind::school};
  const std::vector<row> table = {
      {"top 5", 5, {}},        {"top 100", 100, {}},        {"top 1000", 1000, {}},
      {"events only", 50, events_only}, {"same city only", 200, city_only}, {"at one event", 30, at_event},
      {"strong only", 3000, strong},    {"a predicate", 70, odd_ids},       {"topics and schools", 500, topics_and_schools},
  };
  for (const auto &r : table) {
    INFO(r.what);
    auto fast = rank_recipients(net.dir, net.sender, now, r.k, r.filter);
    auto slow = detail::rank_recipients_full_scan(net.dir, net.sender, now, r.k, r.filter, {});
    REQUIRE(fast);
    REQUIRE(slow);
    CHECK(ids(*fast) == ids(*slow));
    REQUIRE(fast->size() == slow->size());
    for (std::size_t i = 0; i < fast->size(); ++i) {
      CHECK((*fast)[i].best.strength == (*slow)[i].best.strength);
      CHECK((*fast)[i].best.kind == (*slow)[i].best.kind);
    }
    if (r.filter.kinds.size() == 1)
      for (const auto &x : *fast) CHECK(x.best.kind == r.filter.kinds.front());
  }
}

TEST_CASE("ranking - whom do I know at an event") {
  auto me = person("me", "Sam", "Sender", "Munich, Germany");
  auto a = person("a", "Ann", "A", "Munich, Germany");
  at_event(a, "summit", event_role::attendee);
  auto b = person("b", "Ben", "B");
  at_event(b, "summit", event_role::speaker);
  auto c = person("c", "Cat", "C", "Munich, Germany");  // same city, not at the summit
  directory_builder bld;
  REQUIRE(bld.add_event(fair("summit", "Web Summit", 2026, 2026y / November / 9, 2026y / November / 12, "Europe/Lisbon")));
  for (auto p : {a, b, c}) REQUIRE(bld.add_contact(p));
  auto dir = bld.build();
  REQUIRE(dir);
  rank_filter at_summit;
  at_summit.event_id = "summit";
  auto top = rank_recipients(*dir, me, march_first_plus(0), 10, at_summit);
  REQUIRE(top);
  REQUIRE(ids(*top) == std::vector<std::string>{"a"});  // b shares nothing with me
  CHECK((*top)[0].best.kind == context_kind::same_city);

  at_summit.event_id = "nope";
  auto missing = rank_recipients(*dir, me, march_first_plus(0), 10, at_summit);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == errc::not_found);
}

TEST_CASE("ranking - equal strengths are ranked by contact id, and the sender never ranks") {
  auto me = person("me", "Sam", "Sender");
  me.topics = {"robotics"};
  directory_builder bld;
  for (const char *id : {"zed", "amy", "me", "kai", "bob"}) {
    auto p = person(id, id, "");
    p.topics = {"Robotics"};
    REQUIRE(bld.add_contact(p));
  }
  auto dir = bld.build();
  REQUIRE(dir);
  auto top = rank_recipients(*dir, me, march_first_plus(0), 3);
  REQUIRE(top);
  CHECK(ids(*top) == std::vector<std::string>{"amy", "bob", "kai"});
  auto none = rank_recipients(*dir, me, march_first_plus(0), 0);
  REQUIRE(none);
  CHECK(none->empty());
}

TEST_CASE("ranking - many threads may read one directory at once") {
  synthetic::network_options opts;
  opts.contacts = 1500;
  opts.events = 20;
  auto net = synthetic::make_network(opts);
  const auto now = march_first_plus(0);
  auto serial = rank_recipients(net.dir, net.sender, now, 50);
  REQUIRE(serial);
  const auto want = ids(*serial);

  std::vector<std::vector<std::string>> got(4);
  std::vector<std::size_t> contexts(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        auto r = rank_recipients(net.dir, net.sender, now, 50);
        if (r) got[t] = ids(*r);
        for (const auto &c : net.dir.contacts()) {
          auto found = find_shared_contexts(net.dir, net.sender, c, now);
          if (found && round == 0) contexts[t] += found->size();
        }
      }
    });
  for (auto &th : threads) th.join();
  for (std::size_t t = 0; t < got.size(); ++t) {
    CHECK(got[t] == want);
    CHECK(contexts[t] == contexts[0]);
  }
  CHECK(contexts[0] > 0);
}
