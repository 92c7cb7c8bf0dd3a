#include <catch2/catch.hpp>

#include "support/compose_world.hpp"
#include "synthetic_network.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// Everything of an item that must not depend on the thread count.
std::string fingerprint(const result<composition> &r) {
  if (!r) return std::string("error ") + to_string(r.error().code) + " " + r.error().message;
  std::string s = std::string(to_string(r->status)) + "|" + r->recipient_id + "|" + r->note.slot + "|" + r->note.text;
  for (const auto &h : r->homework) s += "|" + h.code;
  for (const auto &w : r->note.warnings) s += "|" + w;
  return s;
}

} // namespace

TEST_CASE("batch - 1, 2 and 8 threads give the same notes in input order") {
  synthetic::network_options no;
  no.contacts = 1500;
  auto net = synthetic::make_network(no);
  compose_options o;
  o.now = march_first_plus(0);
  o.allow_self_introduction = true;
  std::vector<std::vector<std::string>> runs;
  for (unsigned threads : {1u, 2u, 8u}) {
    auto all = compose_all(net.dir, net.sender, {}, o, threads);
    REQUIRE(all);
    REQUIRE(all->items.size() == net.dir.contacts().size() - (net.dir.find_contact(net.sender.id) ? 1 : 0));
    std::vector<std::string> fp;
    for (const auto &item : all->items) {
      fp.push_back(fingerprint(item));
      REQUIRE(item);
      for (const auto &w : item->note.warnings) {
        INFO(item->note.text);
        if (w.rfind("review", 0) == 0) FAIL_CHECK(item->note.slot + " | " + w);
      }
    }
    runs.push_back(std::move(fp));
  }
  CHECK(runs[0] == runs[1]);
  CHECK(runs[0] == runs[2]);
  std::size_t composed = 0;
  for (const auto &f : runs[0]) composed += f.rfind("ok|", 0) == 0;
  CHECK(composed > 100);
}

TEST_CASE("batch - items follow the ids given, unknown ids are not_found items") {
  auto w = make_compose_world();
  const std::vector<std::string> ids = {"sam", "nobody", "anna", "ben"};
  auto all = compose_all(w.dir, w.me, ids, options_at(march_first_plus(0)), 2);
  REQUIRE(all);
  REQUIRE(all->items.size() == 4);
  CHECK(all->items[0]->recipient_id == "sam");
  CHECK(all->items[1].error().code == errc::not_found);
  CHECK(all->items[2]->recipient_id == "anna");
  CHECK(all->items[3]->status == errc::no_shared_context);
}

TEST_CASE("batch - variation is reproducible for a seed and changes with it") {
  synthetic::network_options no;
  no.contacts = 400;
  auto net = synthetic::make_network(no);
  compose_options o;
  o.now = march_first_plus(0);
  auto texts = [&](std::uint64_t seed) {
    o.seed = seed;
    auto all = compose_all(net.dir, net.sender, {}, o, 2);
    REQUIRE(all);
    std::vector<std::string> v;
    for (const auto &i : all->items) v.push_back(fingerprint(i));
    return v;
  };
  const auto a = texts(1), b = texts(1), c = texts(2);
  CHECK(a == b);
  CHECK(a != c);
  CHECK(variation_hash("me", "anna", 0) == variation_hash("me", "anna", 0));
  CHECK(variation_hash("me", "anna", 0) != variation_hash("me", "anna", 1));
  // FNV-1a 64 (checked with a three-line Python reference): ten zero bytes; "me" 0 "anna" 0 and a zero seed
  CHECK(variation_hash("", "", 0) == 0x69d307cc20f6ef8dull);
  CHECK(variation_hash("me", "anna", 0) == 0xc400a0db698f2bc1ull);
}

TEST_CASE("batch - many notes identical but for the name are flagged") {
  directory_builder b;
  REQUIRE(b.add_event(fair("hm-2026", "Hannover Messe", 2026, 2026y / April / 20, 2026y / April / 24)));
  const char *const given[] = {"Anna", "Bea", "Carla", "Dora", "Eva", "Frida", "Gina", "Hanna", "Ida", "Jana",
                               "Karla", "Lena", "Mia", "Nina", "Olga", "Pia"};
  std::vector<std::string> ids;
  for (const char *g : given) {
    auto c = person(std::string("c-") + g, g, "Muster", "");
    c.languages = {"en"};
    at_event(c, "hm-2026", event_role::exhibitor);
    ids.push_back(c.id);
    REQUIRE(b.add_contact(std::move(c)));
  }
  auto dir = b.build();
  REQUIRE(dir);
  auto me = compose_sender();
  auto all = compose_all(*dir, me, ids, options_at(march_first_plus(0)), 2);
  REQUIRE(all);
  REQUIRE_FALSE(all->warnings.empty());
  CHECK(all->warnings[0].code == "near_duplicates");
  CHECK(all->warnings[0].slot == "event/both-exhibiting/upcoming/short/informal");
  CHECK(all->warnings[0].count > 5);

  // A small batch is not flagged.
  ids.resize(5);
  auto few = compose_all(*dir, me, ids, options_at(march_first_plus(0)), 2);
  REQUIRE(few);
  CHECK(few->warnings.empty());
}

TEST_CASE("batch - option errors come back once, not per item") {
  auto w = make_compose_world();
  auto o = options_at(march_first_plus(0));
  o.locale = "\xFF";
  auto all = compose_all(w.dir, w.me, {}, o, 2);
  REQUIRE_FALSE(all);
  CHECK(all.error().code == errc::invalid_utf8);
}

namespace {

// The review findings compose reported for an item ("review found <code>: …").
std::vector<std::string> review_warnings(const result<composition> &r) {
  std::vector<std::string> out;
  if (!r) return out;
  for (const auto &w : r->note.warnings)
    if (w.rfind("review found ", 0) == 0) out.push_back(w);
  return out;
}

bool any_starts(const std::vector<std::string> &v, const std::string &prefix) {
  for (const auto &s : v)
    if (s.rfind(prefix, 0) == 0) return true;
  return false;
}

} // namespace

TEST_CASE("batch - the review of composed notes still catches bad data: a bidi control in a name") {
  directory_builder b;
  REQUIRE(b.add_event(fair("hm-2026", "Hannover Messe", 2026, 2026y / April / 20, 2026y / April / 24)));
  auto clean = person("clean", "Anna", "Schmidt", "");
  clean.languages = {"en"};
  at_event(clean, "hm-2026", event_role::exhibitor);
  auto bidi = person("bidi", "Ann\u202Ea", "Schmidt", "");  // RIGHT-TO-LEFT OVERRIDE inside the given name
  bidi.languages = {"en"};
  at_event(bidi, "hm-2026", event_role::exhibitor);
  REQUIRE(b.add_contact(clean));
  REQUIRE(b.add_contact(bidi));
  auto dir = b.build();
  REQUIRE(dir);
  auto me = person("me", "Jonas", "Becker", "");
  at_event(me, "hm-2026", event_role::exhibitor);
  const std::vector<std::string> ids = {"clean", "bidi"};
  auto all = compose_all(*dir, me, ids, options_at(march_first_plus(0)), 1);
  REQUIRE(all);
  REQUIRE(all->items.size() == 2);
  REQUIRE(all->items[0]);
  REQUIRE(all->items[1]);
  REQUIRE(all->items[1]->status == errc::ok);
  CHECK(review_warnings(all->items[0]).empty());
  INFO(all->items[1]->note.text);
  CHECK(any_starts(review_warnings(all->items[1]), "review found invisible_characters"));
}

TEST_CASE("batch - the review of composed notes still catches a user catalog that leaves a placeholder") {
  auto w = make_compose_world();
  auto builtin = catalog::builtin();
  REQUIRE(builtin);
  // The informal English note, with a literal "{first_name}" ('{' quotes a brace in the syntax).
  const std::string po =
      "msgid \"\"\nmsgstr \"Language: en\\n\"\n\n"
      "msgctxt \"event/both-exhibiting/upcoming/short/informal\"\n"
      "msgid \"x\"\n"
      "msgstr \"Hi '{'first_name'}', I am {sender_given_name}. We both exhibit at {event_name}.\"\n";
  auto mine = builtin->overlay_bytes(po, "mine.po", "en");
  REQUIRE(mine);
  auto o = options_at(march_first_plus(0));
  o.templates = &*mine;
  o.locale = "en";
  o.form = formality::informal;
  const std::vector<std::string> ids = {"anna"};
  auto all = compose_all(w.dir, w.me, ids, o, 1);
  REQUIRE(all);
  REQUIRE(all->items.size() == 1);
  REQUIRE(all->items[0]);
  REQUIRE(all->items[0]->status == errc::ok);
  INFO(all->items[0]->note.text);
  CHECK(all->items[0]->note.text.find("{first_name}") != std::string::npos);
  CHECK(any_starts(review_warnings(all->items[0]), "review found placeholder_left"));
}
