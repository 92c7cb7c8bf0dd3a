#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "discovery/contexts_into.hpp"
#include "rapport/discovery.hpp"
#include "support/people.hpp"
#include "synthetic_network.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

struct world {
  directory dir;
  contact me;
};

// A sender and a directory built from the given records.
world make_world(contact me, std::vector<contact> people, std::vector<event> events = {},
                 std::vector<challenge> challenges = {}) {
  directory_builder b;
  for (auto &e : events) REQUIRE(b.add_event(std::move(e)));
  for (auto &c : challenges) REQUIRE(b.add_challenge(std::move(c)));
  for (auto &p : people) REQUIRE(b.add_contact(std::move(p)));
  auto dir = b.build();
  REQUIRE(dir);
  return {std::move(*dir), std::move(me)};
}

std::vector<shared_context> shared(const world &w, const char *recipient, sys_seconds now) {
  const contact *r = w.dir.find_contact(recipient);
  REQUIRE(r != nullptr);
  auto found = find_shared_contexts(w.dir, w.me, *r, now);
  REQUIRE(found);
  return *found;
}

} // namespace

TEST_CASE("discovery - both exhibiting at an upcoming event ranks first") {
  auto me = person("me", "Sam", "Sender", "Munich, Germany");
  at_event(me, "bauma-2026", event_role::exhibitor);
  me.topics = {"Construction robotics"};
  auto anna = person("anna", "Anna", "Schmidt", "München, Bayern, Deutschland");
  at_event(anna, "bauma-2026", event_role::exhibitor);
  anna.topics = {"construction robotics"};
  auto w = make_world(me, {anna}, {fair("bauma-2026", "bauma", 2026, 2026y / April / 7, 2026y / April / 13)});

  const auto found = shared(w, "anna", march_first_plus(0));
  REQUIRE(found.size() == 3);
  CHECK(found[0].kind == context_kind::event);
  CHECK(found[0].relation == event_relation::both_exhibiting);
  CHECK(found[0].timing == event_timing::upcoming);
  CHECK(found[0].days_until == 37);
  CHECK(found[0].strength == Approx(1.0));
  CHECK(found[0].situation() == "event/both-exhibiting/upcoming");
  CHECK(found[1].kind == context_kind::same_city);
  CHECK(found[2].kind == context_kind::topic);
  CHECK(found[2].topic == "construction robotics");
}

TEST_CASE("discovery - Web Summit 2025 is not Web Summit 2026") {
  auto me = person("me", "Sam", "Sender");
  at_event(me, "websummit-2026", event_role::attendee);
  auto bo = person("bo", "Bo", "Li");
  at_event(bo, "websummit-2025", event_role::attendee);
  auto w = make_world(me, {bo},
                      {fair("websummit-2025", "Web Summit", 2025, 2025y / November / 10, 2025y / November / 13, "Europe/Lisbon"),
                       fair("websummit-2026", "Web Summit", 2026, 2026y / November / 9, 2026y / November / 12, "Europe/Lisbon")});
  CHECK(shared(w, "bo", march_first_plus(0)).empty());
}

TEST_CASE("discovery - no shared data, no context") {
  auto me = person("me", "Sam", "Sender", "Lisbon, Portugal");
  me.topics = {"cold chain"};
  me.schools = {"Universidade de Lisboa"};
  auto stranger = person("x", "Xu", "Ming", "Chengdu, China");
  stranger.topics = {"ceramics"};
  stranger.schools = {"Sichuan University"};
  auto nobody = person("y", "", "");
  auto w = make_world(me, {stranger, nobody});
  CHECK(shared(w, "x", march_first_plus(0)).empty());
  CHECK(shared(w, "y", march_first_plus(0)).empty());
}

TEST_CASE("discovery - roles pair into relations of documented strength") {
  struct row { event_role mine, theirs; event_relation want; double strength; };
  const discovery_weights dw;
  const std::vector<row> table = {
      {event_role::exhibitor, event_role::exhibitor, event_relation::both_exhibiting, dw.both_exhibiting},
      {event_role::speaker, event_role::attendee, event_relation::speaker_attendee, dw.speaker_attendee},
      {event_role::attendee, event_role::speaker, event_relation::speaker_attendee, dw.speaker_attendee},
      {event_role::speaker, event_role::speaker, event_relation::both_speaking, dw.both_speaking},
      {event_role::sponsor, event_role::exhibitor, event_relation::sponsor_exhibitor, dw.sponsor_exhibitor},
      {event_role::exhibitor, event_role::sponsor, event_relation::sponsor_exhibitor, dw.sponsor_exhibitor},
      {event_role::organizer, event_role::attendee, event_relation::organizer_participant, dw.organizer_participant},
      {event_role::attendee, event_role::attendee, event_relation::both_attending, dw.both_attending},
      {event_role::exhibitor, event_role::attendee, event_relation::other, dw.other_event},
  };
  for (const auto &r : table) {
    INFO(to_string(r.mine) << " / " << to_string(r.theirs));
    auto me = person("me", "Sam", "Sender");
    at_event(me, "expo", r.mine);
    auto them = person("them", "Ty", "Ode");
    at_event(them, "expo", r.theirs);
    auto w = make_world(me, {them}, {fair("expo", "Expo", 2026, 2026y / March / 20, 2026y / March / 22)});
    const auto found = shared(w, "them", march_first_plus(0));
    REQUIRE(found.size() == 1);
    CHECK(found[0].relation == r.want);
    CHECK(found[0].strength == Approx(r.strength));
    CHECK(found[0].sender_role == r.mine);
    CHECK(found[0].recipient_role == r.theirs);
  }
}

TEST_CASE("discovery - timing: advance contact is strongest, long past is weak") {
  struct row { int now_offset_days; event_timing want; double factor; };
  const discovery_weights dw;
  // The fair runs on local days 2026-03-20 .. 2026-03-22.
  const std::vector<row> table = {
      {0, event_timing::upcoming, 1.0},                   // 19 days ahead
      {-200, event_timing::upcoming, 0.70 + 0.30 * (365.0 - 219.0) / (365.0 - 56.0)},  // 219 days ahead
      {-400, event_timing::upcoming, dw.upcoming_far},     // over a year ahead
      {19, event_timing::happening_now, dw.happening_now},
      {21, event_timing::happening_now, dw.happening_now},
      {22, event_timing::recently_past, dw.recently_past}, // the day after
      {51, event_timing::recently_past, dw.recently_past}, // 30 days after
      {52, event_timing::long_past, dw.long_past},
      {800, event_timing::long_past, dw.very_long_past},
  };
  auto me = person("me", "Sam", "Sender");
  at_event(me, "expo", event_role::exhibitor);
  auto them = person("them", "Ty", "Ode");
  at_event(them, "expo", event_role::exhibitor);
  auto w = make_world(me, {them}, {fair("expo", "Expo", 2026, 2026y / March / 20, 2026y / March / 22)});
  for (const auto &r : table) {
    INFO("now = 2026-03-01 + " << r.now_offset_days << " days");
    const auto found = shared(w, "them", march_first_plus(r.now_offset_days));
    REQUIRE(found.size() == 1);
    CHECK(found[0].timing == r.want);
    CHECK(found[0].strength == Approx(r.factor));
  }
}

TEST_CASE("discovery - an event's day is read in the event's time zone") {
  // 2026-03-11 23:30 UTC is already 12 March in Tokyo, the fair's first day.
  const sys_seconds now = sys_seconds(sys_days(2026y / March / 11) + hours(23) + minutes(30));
  auto me = person("me", "Sam", "Sender");
  at_event(me, "tokyo", event_role::exhibitor);
  auto them = person("them", "Ty", "Ode");
  at_event(them, "tokyo", event_role::exhibitor);
  auto w = make_world(me, {them}, {fair("tokyo", "Tokyo Expo", 2026, 2026y / March / 12, 2026y / March / 13, "Asia/Tokyo")});
  const auto found = shared(w, "them", now);
  REQUIRE(found.size() == 1);
  CHECK(found[0].timing == event_timing::happening_now);
  CHECK(found[0].days_until == 0);

  // A timed talk on 2026-03-12 09:00–10:00 in Tokyo (00:00–01:00 UTC): at 08:30 local it is upcoming, today.
  event talk;
  talk.id = "talk";
  talk.name = "Keynote";
  talk.start = sys_seconds(sys_days(2026y / March / 12));
  talk.end = talk.start + hours(1);
  talk.time_zone = "Asia/Tokyo";
  auto speaker = person("me", "Sam", "Sender");
  at_event(speaker, "talk", event_role::speaker);
  auto listener = person("them", "Ty", "Ode");
  at_event(listener, "talk", event_role::attendee);
  auto w2 = make_world(speaker, {listener}, {talk});
  const auto before = shared(w2, "them", now);
  REQUIRE(before.size() == 1);
  CHECK(before[0].timing == event_timing::upcoming);
  CHECK(before[0].days_until == 0);
  CHECK(shared(w2, "them", now + minutes(45))[0].timing == event_timing::happening_now);
  CHECK(shared(w2, "them", now + hours(2))[0].timing == event_timing::recently_past);
}

TEST_CASE("discovery - an industry challenge needs an affected industry and an offer for it") {
  auto me = person("me", "Sam", "Sender");
  offer o;
  o.id = "passport";
  o.summary = "battery passport data pipelines";
  o.challenge_ids = {"eu-battery-passport"};
  me.offers.push_back(o);
  auto maker = person("maker", "Mia", "Berg");
  maker.industry = "Battery Manufacturing";
  auto viaorg = person("viaorg", "Olu", "Ade");
  viaorg.organizations.push_back({"Volta GmbH", "CTO", "battery manufacturing", true, {}, {}});
  viaorg.headline = "CTO | Battery Passport readiness";
  auto other = person("other", "Al", "Fox");
  other.industry = "Retail";
  auto w = make_world(me, {maker, viaorg, other}, {},
                      {hardship("eu-battery-passport", "the EU battery passport",
                                {"Battery Manufacturing", "Automotive"}, {"battery passport"})});
  const auto m = shared(w, "maker", march_first_plus(0));
  REQUIRE(m.size() == 1);
  CHECK(m[0].kind == context_kind::challenge);
  CHECK(m[0].challenge_title == "the EU battery passport");
  CHECK(m[0].offer_summary == "battery passport data pipelines");
  CHECK(m[0].strength == Approx(discovery_weights{}.challenge));
  CHECK(m[0].evidence[1].field == "industry");

  const auto v = shared(w, "viaorg", march_first_plus(0));
  REQUIRE(v.size() == 1);
  CHECK(v[0].evidence[1].field == "organizations[0].industry");
  CHECK(v[0].strength == Approx(discovery_weights{}.challenge + discovery_weights{}.challenge_keyword_bonus));
  CHECK(v[0].evidence.back().field == "headline");

  CHECK(shared(w, "other", march_first_plus(0)).empty());

  // Without the offer the challenge is no reason at all.
  world w2 = make_world(person("me", "Sam", "Sender"), {maker}, {},
                        {hardship("eu-battery-passport", "t", {"Battery Manufacturing"})});
  CHECK(shared(w2, "maker", march_first_plus(0)).empty());
}

TEST_CASE("discovery - a mutual connection is named, counted and evidenced") {
  auto me = person("me", "Sam", "Sender");
  me.connections = {"jan", "kim", "zoe"};
  auto jan = person("jan", "Jan", "de Vries");
  auto kim = person("kim", "Kim", "Lee");
  auto zoe = person("zoe", "Zoë", "Ang");
  auto rec = person("rec", "Rae", "Cho");
  rec.connections = {"kim", "zoe"};
  jan.connections = {"rec"};  // declared from the other side
  auto w = make_world(me, {jan, kim, zoe, rec});
  const auto found = shared(w, "rec", march_first_plus(0));
  REQUIRE(found.size() == 1);
  CHECK(found[0].kind == context_kind::mutual_connection);
  CHECK(found[0].mutual_count == 3);
  CHECK(found[0].mutual_id == "jan");
  CHECK(found[0].mutual_name == "Jan de Vries");
  CHECK(found[0].strength == Approx(0.45 + 2 * 0.03));
  REQUIRE(found[0].evidence.size() == 2);
  CHECK(found[0].evidence[0].field == "connections[0]");
  CHECK(found[0].evidence[1].record == "contact:jan");
}

TEST_CASE("discovery - employers, schools and topics match across spellings") {
  auto me = person("me", "Sam", "Sender");
  me.organizations.push_back({"Müller Logistik", "Analyst", "", false, 2015, 2019});
  me.schools = {"ETH Zürich"};
  me.topics = {"Supply-Chain Resilience"};
  auto rec = person("rec", "Rae", "Cho");
  rec.organizations.push_back({"MUELLER LOGISTIK", "Head of Ops", "", true, {}, {}});
  rec.schools = {"ETH Zurich"};
  rec.topics = {"supply chain resilience"};
  auto w = make_world(me, {rec});
  const auto found = shared(w, "rec", march_first_plus(0));
  REQUIRE(found.size() == 3);
  CHECK(found[0].kind == context_kind::past_employer);
  CHECK(found[0].organization == "MUELLER LOGISTIK");
  CHECK(found[0].strength == Approx(discovery_weights{}.past_employer));
  CHECK(found[1].kind == context_kind::school);
  CHECK(found[1].school == "ETH Zurich");
  CHECK(found[2].kind == context_kind::topic);
  CHECK(found[2].evidence[0].field == "topics[0]");
  CHECK(found[2].evidence[1].value == "supply chain resilience");
}

TEST_CASE("discovery - same city: one place, or one within the other's metro") {
  struct row { const char *mine; const char *theirs; bool shared; bool same_place; bool ambiguous; };
  const std::vector<row> table = {
      {"Munich, Germany", "Greater Munich Metropolitan Area", true, false, false},
      {"München, Bayern, Deutschland", "Munich, Germany", true, true, false},
      {"Brooklyn, NY", "New York City Metropolitan Area", true, false, false},
      {"San Francisco Bay Area", "Santa Clara, California", true, false, false},
      {"Portland, Oregon", "Portland, Maine", false, false, false},
      {"Paris, Texas", "Paris, France", false, false, false},
      {"Zürich", "Zurich, Switzerland", true, true, false},
      {"Lisbon, Portugal", "Berlin, Germany", false, false, false},
      {"Lisbon, Portugal", "", false, false, false},
  };
  for (const auto &r : table) {
    INFO(r.mine << " / " << r.theirs);
    auto w = make_world(person("me", "Sam", "Sender", r.mine), {person("them", "Ty", "Ode", r.theirs)});
    const auto found = shared(w, "them", march_first_plus(0));
    if (!r.shared) {
      CHECK(found.empty());
      continue;
    }
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == context_kind::same_city);
    CHECK(found[0].place_ambiguous == r.ambiguous);
    const discovery_weights dw;
    if (r.same_place) {
      CHECK(found[0].strength == Approx(dw.same_place));
    } else {
      CHECK(found[0].strength <= dw.same_place);
    }
    CHECK(found[0].evidence[0].field == "location");
  }
}

TEST_CASE("discovery - an ambiguous location still counts, but weighs less") {
  auto w = make_world(person("me", "Sam", "Sender", "Portland, Oregon"), {person("them", "Ty", "Ode", "Portland")});
  const auto found = shared(w, "them", march_first_plus(0));
  REQUIRE(found.size() == 1);
  CHECK(found[0].place_ambiguous);
  CHECK(found[0].strength < discovery_weights{}.same_place);
}

TEST_CASE("discovery - the same person on both sides is an error") {
  auto w = make_world(person("me", "Sam", "Sender"), {person("me", "Sam", "Sender")});
  auto found = find_shared_contexts(w.dir, w.me, *w.dir.find_contact("me"), march_first_plus(0));
  REQUIRE_FALSE(found);
  CHECK(found.error().code == errc::invalid_argument);
}

TEST_CASE("discovery - equal strengths are ordered by kind, then by name") {
  auto me = person("me", "Sam", "Sender");
  me.topics = {"zeta", "alpha", "mid"};
  auto rec = person("rec", "Rae", "Cho");
  rec.topics = {"mid", "zeta", "alpha"};
  auto w = make_world(me, {rec});
  const auto found = shared(w, "rec", march_first_plus(0));
  REQUIRE(found.size() == 3);
  CHECK(found[0].topic == "alpha");
  CHECK(found[1].topic == "mid");
  CHECK(found[2].topic == "zeta");
}

TEST_CASE("discovery - a shared employer is found despite legal forms") {
  auto me = person("me", "Sam", "Sender");
  me.organizations.push_back({"SAP SE", "Consultant", "", false, 2012, 2018});
  auto rec = person("rec", "Rae", "Cho");
  rec.organizations.push_back({"sap", "Architect", "", true, {}, {}});
  auto other = person("other", "Oz", "Ek");
  other.organizations.push_back({"SAPIENT Inc.", "Dev", "", true, {}, {}});
  auto w = make_world(me, {rec, other});
  const auto found = shared(w, "rec", march_first_plus(0));
  REQUIRE(found.size() == 1);
  CHECK(found[0].kind == context_kind::past_employer);
  CHECK(found[0].organization == "sap");
  CHECK(shared(w, "other", march_first_plus(0)).empty());
}

TEST_CASE("discovery - a same-city context names the place both would recognise") {
  struct row { const char *mine; const char *theirs; const char *named_en; };
  const std::vector<row> table = {
      {"Munich, Germany", "Greater Munich Metropolitan Area", "Munich"},   // one side gave only the metro
      {"Großraum München", "München, Bayern, Deutschland", "Munich"},
      {"Zürich", "Zurich, Switzerland", "Zurich"},                          // the same place
  };
  for (const auto &r : table) {
    INFO(r.mine << " / " << r.theirs);
    auto w = make_world(person("me", "Sam", "Sender", r.mine), {person("them", "Ty", "Ode", r.theirs)});
    const auto found = shared(w, "them", march_first_plus(0));
    REQUIRE(found.size() == 1);
    CHECK(place_display_name(found[0].place, "en").value() == r.named_en);
  }
}

namespace {

// Every field of a context, evidence included, on one line each.
std::vector<std::string> fields(const std::vector<shared_context> &cs) {
  std::vector<std::string> out;
  for (const auto &c : cs) {
    out.push_back(std::string(to_string(c.kind)) + "|" + std::to_string(c.strength) + "|" + c.event_id + "|" +
                  c.event_name + "|" + to_string(c.relation) + "|" + to_string(c.timing) + "|" +
                  to_string(c.sender_role) + "|" + to_string(c.recipient_role) + "|" + std::to_string(c.days_until) +
                  "|" + std::to_string(c.place) + "|" + std::to_string(c.place_ambiguous) + "|" + c.challenge_id +
                  "|" + c.challenge_title + "|" + c.offer_id + "|" + c.offer_summary + "|" + c.industry + "|" +
                  c.mutual_id + "|" + c.mutual_name + "|" + std::to_string(c.mutual_count) + "|" + c.organization +
                  "|" + std::to_string(c.sender_current) + "|" + std::to_string(c.recipient_current) + "|" +
                  std::to_string(c.years_overlap) + "|" + c.school + "|" + c.topic);
    for (const auto &e : c.evidence)
      out.push_back("  " + std::to_string(static_cast<int>(e.side)) + "|" + e.record + "|" + e.field + "|" + e.value);
  }
  return out;
}

} // namespace

TEST_CASE("discovery - a vector reused note after note gets what a fresh one gets") {
  synthetic::network_options no;
  no.contacts = 600;
  no.events = 20;
  no.seed = 7;
  const auto net = synthetic::make_network(no);
  const prepared_sender prepared(net.dir, net.sender);
  // Recipients in an order that mixes many contexts with few, and one outside the directory.
  std::vector<contact> recipients(net.dir.contacts().begin(), net.dir.contacts().end());
  std::reverse(recipients.begin() + static_cast<std::ptrdiff_t>(recipients.size() / 2), recipients.end());
  contact outsider = recipients[3];
  outsider.id = "not-in-the-directory";
  recipients.push_back(outsider);
  std::size_t contexts = 0;
  for (double min_strength : {0.0, 0.3}) {
    discovery_options o;
    o.min_strength = min_strength;
    std::vector<shared_context> reused;
    for (const auto &r : recipients) {
      if (r.id == net.sender.id) continue;
      INFO(r.id << ", min_strength " << min_strength);
      const auto fresh = find_shared_contexts(prepared, r, march_first_plus(0), o);
      REQUIRE(fresh);
      REQUIRE(detail::find_shared_contexts_into(prepared, r, march_first_plus(0), o, reused));
      REQUIRE(fields(reused) == fields(*fresh));
      contexts += fresh->size();
    }
  }
  CHECK(contexts > recipients.size());  // the network shares something with most of them
}
