#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "rapport/review.hpp"
#include "review/review_composed.hpp"
#include "templates/ast.hpp"
#include "templates/template_impl.hpp"
#include "support/compose_world.hpp"
#include "synthetic_network.hpp"

using namespace rapport;
using namespace rapport::test;
namespace tpl = rapport::detail::tpl;

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

// Every field of an item, contexts and their evidence included.
std::string every_field(const result<composition> &r) {
  if (!r)
    return std::string("error ") + to_string(r.error().code) + " " + r.error().message + " @" +
           std::to_string(r.error().offset);
  std::string s = std::string(to_string(r->status)) + "|" + r->recipient_id + "|" + r->message;
  for (const auto &h : r->homework) s += "|hw " + h.code + " " + std::to_string(int(h.side)) + " " + h.message;
  const auto &n = r->note;
  s += "|" + n.text + "|" + n.locale + "|" + n.catalog_locale + "|" + to_string(n.form) + "|" +
       std::to_string(n.length) + "|" + std::to_string(n.limit) + "|" + to_string(n.unit) + "|" + n.slot;
  for (const auto &c : n.contexts) {
    s += "|ctx " + std::string(to_string(c.kind)) + " " + std::to_string(c.strength) + " " + c.event_id + " " +
         c.event_name + " " + std::to_string(c.days_until) + " " + std::to_string(c.place) + " " + c.challenge_title +
         " " + c.offer_summary + " " + c.mutual_name + " " + c.organization + " " + c.school + " " + c.topic;
    for (const auto &e : c.evidence)
      s += "|evd " + std::to_string(int(e.side)) + " " + e.record + " " + e.field + " " + e.value;
  }
  for (const auto &x : n.steps) s += "|step " + std::string(to_string(x.action)) + " " + x.detail;
  for (const auto &d : n.dropped) s += "|drop " + d;
  for (const auto &w : n.warnings) s += "|warn " + w;
  return s;
}

std::string every_field(const batch_warning &w) {
  return w.code + "|" + w.slot + "|" + std::to_string(w.count) + "|" + w.message;
}

} // namespace

TEST_CASE("batch - compose_each hands over compose_all's items, each index once, in order, at 1, 2 and 8 threads") {
  synthetic::network_options no;
  no.contacts = 1500;
  auto net = synthetic::make_network(no);
  for (int reasons : {1, 2}) {
    for (const char *locale : {"", "de"}) {
      auto o = options_at(march_first_plus(0));
      o.allow_self_introduction = true;
      o.locale = locale;
      o.reasons = reasons;
      o.platform = reasons == 2 ? "email" : "linkedin-connection-note";
      auto all = compose_all(net.dir, net.sender, {}, o, 1);
      REQUIRE(all);
      for (unsigned threads : {1u, 2u, 8u}) {
        INFO("reasons " << reasons << ", locale '" << locale << "', threads " << threads);
        std::vector<std::string> seen;
        std::vector<std::size_t> order;
        auto warnings = compose_each(
            net.dir, net.sender, {}, o,
            [&](std::size_t i, const result<composition> &item) {
              order.push_back(i);
              seen.push_back(every_field(item));
            },
            threads);
        REQUIRE(warnings);
        REQUIRE(order.size() == all->items.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
          REQUIRE(order[i] == i);
          REQUIRE(seen[i] == every_field(all->items[i]));
        }
        REQUIRE(warnings->size() == all->warnings.size());
        for (std::size_t i = 0; i < warnings->size(); ++i)
          CHECK(every_field((*warnings)[i]) == every_field(all->warnings[i]));
      }
    }
  }
}

TEST_CASE("batch - compose_each: near-duplicates are warned as by compose_all, unknown ids are not_found items") {
  directory_builder b;
  REQUIRE(b.add_event(fair("hm-2026", "Hannover Messe", 2026, 2026y / April / 20, 2026y / April / 24)));
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) {  // several chunks
    auto c = person("c-" + std::to_string(i), i % 2 ? "Anna" : "Bea", "Muster", "");
    c.languages = {"en"};
    at_event(c, "hm-2026", event_role::exhibitor);
    ids.push_back(c.id);
    if (i % 50 == 7) ids.push_back("nobody-" + std::to_string(i));
    REQUIRE(b.add_contact(std::move(c)));
  }
  auto dir = b.build();
  REQUIRE(dir);
  auto me = compose_sender();
  for (unsigned threads : {1u, 3u}) {
    std::vector<int> calls(ids.size(), 0);
    std::size_t unknown = 0;
    auto warnings = compose_each(
        *dir, me, ids, options_at(march_first_plus(0)),
        [&](std::size_t i, const result<composition> &item) {
          ++calls.at(i);
          if (!item) {
            CHECK(item.error().code == errc::not_found);
            CHECK(ids[i].rfind("nobody-", 0) == 0);
            ++unknown;
          } else {
            CHECK(item->recipient_id == ids[i]);
          }
        },
        threads);
    REQUIRE(warnings);
    CHECK(std::all_of(calls.begin(), calls.end(), [](int n) { return n == 1; }));
    CHECK(unknown == 6);
    auto all = compose_all(*dir, me, ids, options_at(march_first_plus(0)), threads);
    REQUIRE(all);
    REQUIRE_FALSE(warnings->empty());
    REQUIRE(warnings->size() == all->warnings.size());
    std::size_t flagged = 0;
    for (std::size_t i = 0; i < warnings->size(); ++i) {
      CHECK((*warnings)[i].code == "near_duplicates");
      CHECK(every_field((*warnings)[i]) == every_field(all->warnings[i]));
      flagged += (*warnings)[i].count;
    }
    CHECK(flagged == 300);  // whichever clauses the variation leaves out
  }
}

TEST_CASE("batch - compose_each: option errors come back before any item, a throwing sink stops the batch") {
  auto w = make_compose_world();
  auto o = options_at(march_first_plus(0));
  o.locale = "\xFF";
  std::size_t calls = 0;
  auto bad = compose_each(w.dir, w.me, {}, o, [&](std::size_t, const result<composition> &) { ++calls; }, 2);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::invalid_utf8);
  CHECK(calls == 0);
  o.locale.clear();
  o.reasons = 3;
  CHECK(compose_each(w.dir, w.me, {}, o, [&](std::size_t, const result<composition> &) { ++calls; }, 2).error().code ==
        errc::invalid_argument);
  CHECK(calls == 0);

  synthetic::network_options no;
  no.contacts = 1500;
  auto net = synthetic::make_network(no);
  auto ok = options_at(march_first_plus(0));
  for (unsigned threads : {1u, 2u}) {
    std::size_t seen = 0;
    CHECK_THROWS_AS(compose_each(
                        net.dir, net.sender, {}, ok,
                        [&](std::size_t i, const result<composition> &) {
                          ++seen;
                          if (i == 100) throw std::runtime_error("disk full");
                        },
                        threads),
                    std::runtime_error);
    CHECK(seen == 101);
  }
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

namespace {

// What compose reports for the findings of review() on a note (compose.cpp's wording).
std::vector<std::string> expected_review_warnings(const composition &c, const contact &recipient, const contact &me,
                                                  const compose_options &o) {
  std::vector<std::string> out;
  const platform_profile profile = o.profile ? *o.profile : *find_platform(o.platform);
  review_options ro;
  ro.tier = o.tier;
  ro.sender = &me;
  ro.contexts = c.note.contexts;
  ro.now = o.now;
  ro.locale = c.note.catalog_locale;
  auto found = review(c.note.text, recipient, profile, ro);
  if (!found) {
    out.push_back("review failed: " + found.error().message);
    return out;
  }
  for (const auto &x : *found) {
    if (c.note.contexts.empty() && x.code == finding_code::no_reason)
      out.push_back("self-introduction: nothing is shared, the note only states who you are and why you write");
    else
      out.push_back(std::string("review found ") + to_string(x.code) + ": " + x.message + " (a bug in rapport)");
  }
  return out;
}

std::vector<std::string> reported_review_warnings(const composition &c) {
  std::vector<std::string> out;
  for (const auto &w : c.note.warnings)
    if (w.rfind("review ", 0) == 0 || w.rfind("self-introduction: nothing", 0) == 0) out.push_back(w);
  return out;
}

// Every composed note of the batch: the findings compose reported (its fast
// path for composed notes) are those of a full review() of the note.
std::size_t check_review_matches(const directory &dir, const contact &me, const compose_options &o,
                                 std::span<const std::string> ids = {}) {
  auto all = compose_all(dir, me, ids, o, 2);
  REQUIRE(all);
  std::size_t notes = 0;
  for (const auto &item : all->items) {
    if (!item || item->status != errc::ok) continue;
    const contact *r = dir.find_contact(item->recipient_id);
    REQUIRE(r);
    INFO(item->note.text);
    CHECK(reported_review_warnings(*item) == expected_review_warnings(*item, *r, me, o));
    ++notes;
  }
  return notes;
}

contact hostile_sender(std::string purpose) {
  auto me = person("me", "Jonas", "Becker", "Hamburg, Germany");
  at_event(me, "hm-2026", event_role::exhibitor);
  me.organizations.push_back({"Nordlicht Analytics GmbH", "", "", true, std::nullopt, std::nullopt});
  me.purpose = std::move(purpose);
  return me;
}

// Recipients whose data a review must catch: bidi controls, mojibake, capitals
// the recaser leaves (a preferred name), placeholders and greeting words as
// names, the sender's own name, CJK and Cyrillic names; in en/de/fr/es.
directory hostile_directory(std::vector<std::string> &ids) {
  directory_builder b;
  REQUIRE(b.add_event(fair("hm-2026", "Hannover Messe", 2026, 2026y / April / 20, 2026y / April / 24)));
  const std::vector<std::pair<std::string, std::string>> names = {
      {"Anna", "Schmidt"}, {"Ann\u202Ea", "Schmidt"}, {"M\u00C3\u00BCller", "Hans"}, {"JOHN", "SMITH"},
      {"mary", "o'neil"}, {"{first_name}", "X"}, {"Hi", "There"}, {"Dear", "Friend"}, {"Jonas", "Becker"},
      {"Ana\u200B", "Li"}, {"J\tO", "Z"}, {"Anna  Maria", "Ruiz"}, {"DR.", "Who"}, {"[Name]", "Q"},
      {"%FIRSTNAME%", "P"}, {"Zo\u00EB", "\u00DCnal"}, {"\u592A\u90CE", "\u5C71\u7530"},
      {"\u0418\u0432\u0430\u043D", "\u041F\u0435\u0442\u0440\u043E\u0432"}, {"ANNA-LENA", "M\u00DCLLER"},
      {"\u00C3\u00A9", "\u00C3"}, {"Network", "Professional"}, {"Greetings", "Hello"}};
  int k = 0;
  for (const char *loc : {"en", "de", "fr", "es"})
    for (const auto &[g, f] : names) {
      auto c = person("h" + std::to_string(k++), g, f, "Hamburg, Germany");
      c.languages = {loc};
      at_event(c, "hm-2026", k % 3 ? event_role::exhibitor : event_role::attendee);
      if (k % 5 == 0) c.name.preferred = k % 10 == 0 ? "JOHNNY" : "Bob";
      if (k % 7 == 0) c.gender = grammatical_gender::feminine;
      if (k % 4 == 0)
        c.organizations.push_back({"I'd like to add you to my professional network GmbH", "", "", true, std::nullopt, std::nullopt});
      ids.push_back(c.id);
      REQUIRE(b.add_contact(std::move(c)));
    }
  auto dir = b.build();
  REQUIRE(dir);
  return std::move(*dir);
}

} // namespace

TEST_CASE("batch - the review of composed notes finds what review() finds, synthetic networks") {
  std::size_t notes = 0;
  for (std::uint64_t seed : {42u, 7u}) {
    synthetic::network_options no;
    no.contacts = 300;
    no.seed = seed;
    auto net = synthetic::make_network(no);
    for (const char *platform : {"linkedin-connection-note", "email"})
      for (const char *locale : {"", "de", "fr", "es"}) {
        auto o = options_at(march_first_plus(0), platform);
        o.allow_self_introduction = true;
        o.locale = locale;
        o.seed = seed;
        notes += check_review_matches(net.dir, net.sender, o);
      }
  }
  CHECK(notes > 1000);
}

TEST_CASE("batch - the review of composed notes finds what review() finds, hostile data") {
  std::vector<std::string> ids;
  const auto dir = hostile_directory(ids);
  std::size_t notes = 0;
  for (const char *purpose : {"predictive maintenance", "I'd like to add you to my professional network on LinkedIn",
                              "Ich m\u00F6chte Sie gerne zu meinem beruflichen Netzwerk hinzuf\u00FCgen", "{first_name}",
                              "\u00C3\u00BCber  uns"})
    for (const char *platform : {"linkedin-connection-note", "email"})
      for (int form = 0; form < 3; ++form) {
        const auto me = hostile_sender(purpose);
        auto o = options_at(march_first_plus(0), platform);
        if (form < 2) o.form = form == 0 ? formality::formal : formality::informal;
        notes += check_review_matches(dir, me, o, ids);
        o.locale = "de";
        notes += check_review_matches(dir, me, o, ids);
      }
  CHECK(notes > 1000);
}

TEST_CASE("batch - user catalogs: placeholders, greetings without a name, the sender's name, the name twice") {
  std::vector<std::string> ids;
  const auto dir = hostile_directory(ids);
  auto builtin = catalog::builtin();
  REQUIRE(builtin);
  const std::string po =
      "msgid \"\"\nmsgstr \"Language: en\\n\"\n\n"
      "msgctxt \"event/both-exhibiting/upcoming/short/informal\"\nmsgid \"a\"\n"
      "msgstr \"Hi '{'first_name'}', I am {sender_given_name}. We both exhibit at {event_name}.\"\n"
      "msgctxt \"event/both-attending/upcoming/short/informal\"\nmsgid \"b\"\n"
      "msgstr \"Hello {recipient_given_name}  ,  I'd like to add you to my professional network.\"\n"
      "msgctxt \"event/both-exhibiting/upcoming/short/formal\"\nmsgid \"c\"\n"
      "msgstr \"Hi {sender_given_name}, we both exhibit at {event_name}, {recipient_given_name}. "
      "{recipient_given_name}, see you there.\"\n"
      "msgctxt \"event/both-attending/upcoming/short/formal\"\nmsgid \"d\"\n"
      "msgstr \"Hello , see you at {event_name}, {recipient_given_name}. I am {sender_given_name}.\"\n";
  auto mine = builtin->overlay_bytes(po, "mine.po", "en");
  if (!mine) FAIL(mine.error().message);
  std::size_t notes = 0;
  for (const char *platform : {"linkedin-connection-note", "email"})
    for (auto form : {formality::informal, formality::formal}) {
      auto o = options_at(march_first_plus(0), platform);
      o.templates = &*mine;
      o.locale = "en";
      o.form = form;
      notes += check_review_matches(dir, hostile_sender("predictive maintenance"), o, ids);
    }
  CHECK(notes > 100);

  // The template that says the name twice: both places get each recipient's name.
  auto o = options_at(march_first_plus(0));
  o.templates = &*mine;
  o.locale = "en";
  o.form = formality::formal;
  const std::vector<std::string> three = {"h0", "h3", "h0"};  // exhibitors Anna Schmidt, JOHN SMITH, Anna Schmidt
  auto all = compose_all(dir, hostile_sender(""), three, o, 1);
  REQUIRE(all);
  REQUIRE(all->items.size() == 3);
  for (const auto &item : all->items) {
    REQUIRE(item);
    REQUIRE(item->status == errc::ok);
    const std::string &t = item->note.text;
    INFO(t);
    const std::string head = "Hi Jonas, we both exhibit at Hannover Messe, ", tail = ", see you there.";
    REQUIRE(t.rfind(head, 0) == 0);
    REQUIRE(t.size() > head.size() + tail.size());
    REQUIRE(t.substr(t.size() - tail.size()) == tail);
    const std::string names = t.substr(head.size(), t.size() - head.size() - tail.size());  // "<name>. <name>"
    const auto dot = names.find(". ");
    REQUIRE(dot != std::string::npos);
    CHECK(names.substr(0, dot) == names.substr(dot + 2));
  }
  CHECK(all->items[0]->note.text.find("Anna") != std::string::npos);
  CHECK(all->items[1]->note.text.find("Smith") != std::string::npos);
  CHECK(all->items[2]->note.text == all->items[0]->note.text);
}

TEST_CASE("batch - review_composed folds a draft from its pieces as review() folds it whole") {
  auto w = make_compose_world();
  const contact &anna = *w.dir.find_contact("anna");
  const auto platform = *find_platform("linkedin-connection-note");
  const std::size_t limit = *platform_limit(platform, platform_field::body, "");
  review_options ro;
  ro.sender = &w.me;
  ro.now = march_first_plus(0);
  ro.locale = "en";
  detail::composed_review_memo memo;
  // Drafts with the name between separators, at the edges, doubled, next to
  // white space, inside other words, with invisible characters and mojibake.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Hi Anna, I'm Jonas from Nordlicht. We both exhibit at Hannover Messe.", "Anna"},
      {"Hi  Anna , I'm Jonas.", "Anna"},
      {"Hi \tAnna\t, I'm Jonas.", "Anna"},
      {"Hi Anna", "Anna"},
      {"Anna, hi.", "Anna"},
      {"Hi Annabel, Anna! I'm Jonas.", "Anna"},
      {"Hi ANNA, I'm Jonas from Nordlicht.", "ANNA"},
      {"Hi Ann\u202Ea, I'm Jonas.", "Ann\u202Ea"},
      {"Hi M\u00C3\u00BCller, I'm Jonas.", "M\u00C3\u00BCller"},
      {"Hallo Frau Schmidt, ich bin Jonas.", "Frau Schmidt"},
      {"Hi {first_name}, I'm Jonas.", "{first_name}"},
      {"Hi , Anna. I'd like to add you to my professional network.", " Anna"},
      {"Hi Anna , Anna , I'm Jonas", "Anna "},
      {"Hi J\u00FCrgen,\n\n\nI'm Jonas.", "J\u00FCrgen"},
      {"Hi \u592A\u90CE, I'm Jonas.", "\u592A\u90CE"},
      {"Hi Anna\u2019s team, I'm Jonas.", "Anna"},
      {"Hi 2Anna, I'm Jonas.", "Anna"},
      {"Hi , I'm Jonas.", ","},
      {"Hi Anna, I'm Jonas.", ""},
  };
  // Every text around every name: boilerplate, generic reasons and the
  // sender's introduction before and after the name; names that are words of
  // those phrases, the sender's name, capitals, greeting words.
  const std::vector<std::pair<std::string, std::string>> around = {
      {"Hi ", ", I'd like to add you to my professional network."},
      {"I'd like to add you to my professional network, ", "! I'm Jonas from Nordlicht."},
      {"Hello ", ", we met at Hannover Messe. Let's connect."},
      {"Hi ", ", I'm reaching out because we share an interest. Best, Jonas"},
      {"Dear ", ", I would like to join your network."},
      {"Hallo ", ", ich möchte Sie gerne zu meinem beruflichen Netzwerk hinzufügen."},
      {"Hi ", ", NORDLICHT ANALYTICS here. See you at HANNOVER MESSE."},
      {"Bonjour ", ", je suis Jonas de Nordlicht Analytics."},
      {"Hi ", ". Nice to meet you."},
      {"Hi ", ", "},
  };
  const std::vector<std::string> names = {"Anna",    "Jonas",        "Nordlicht", "network",  "Network Professional",
                                          "ANNA",    "ANNA SCHMIDT", "Hi",        "Greetings", "Messe",
                                          "I'm",     "Hannover",     "Zoë",       "Jürgen",    "Becker"};
  std::vector<std::pair<std::string, std::string>> all_cases = cases;
  for (const auto &[before, after] : around)
    for (const auto &name : names) all_cases.emplace_back(before + name + after, name);
  for (const auto &[draft, name] : all_cases) {
    INFO(draft << " | " << name);
    auto full = review(draft, anna, platform, ro);
    auto fast = detail::review_composed(draft, anna, platform, ro, limit, std::nullopt, name, memo);
    REQUIRE(full);
    REQUIRE(fast);
    REQUIRE(full->size() == fast->size());
    for (std::size_t k = 0; k < full->size(); ++k) {
      CHECK((*full)[k].code == (*fast)[k].code);
      CHECK((*full)[k].begin == (*fast)[k].begin);
      CHECK((*full)[k].end == (*fast)[k].end);
      CHECK((*full)[k].message == (*fast)[k].message);
      CHECK((*full)[k].suggestion == (*fast)[k].suggestion);
    }
  }
}

TEST_CASE("batch - compose_all's notes are compose()'s, field by field") {
  synthetic::network_options no;
  no.contacts = 300;
  auto net = synthetic::make_network(no);
  for (const char *locale : {"", "de"}) {
    auto o = options_at(march_first_plus(0));
    o.allow_self_introduction = true;
    o.locale = locale;
    auto all = compose_all(net.dir, net.sender, {}, o, 1);
    REQUIRE(all);
    for (const auto &item : all->items) {
      REQUIRE(item);
      const contact *r = net.dir.find_contact(item->recipient_id);
      REQUIRE(r);
      auto one = compose(net.dir, net.sender, *r, o);
      REQUIRE(one);
      CHECK(fingerprint(item) == fingerprint(one));
      CHECK(item->note.length == one->note.length);
      CHECK(item->note.dropped == one->note.dropped);
      CHECK(item->note.steps.size() == one->note.steps.size());
      CHECK(item->note.contexts.size() == one->note.contexts.size());
    }
  }
}

TEST_CASE("batch - arguments set by index render as set() sets them, errors included") {
  auto t = message_template::compile("{event_name}, {days_until} days, {sender_role, select, exhibitor {exhibiting} other {there}}", "en");
  if (!t) FAIL(t.error().message);
  REQUIRE(t);
  const int name = tpl::find_argument("event_name"), days = tpl::find_argument("days_until"),
            role = tpl::find_argument("sender_role");
  REQUIRE(name >= 0);
  template_args by_name, by_index;
  by_name.set("event_name", "Hannover Messe").set("days_until", std::int64_t{3}).set("sender_role", "exhibitor");
  tpl::set_valid_text(by_index, name, "Hannover Messe");
  tpl::set_number(by_index, days, 3);
  tpl::set_valid_text(by_index, role, "exhibitor");
  CHECK(*t->render(by_name) == *t->render(by_index));
  // A moved-from object has no storage: set() makes one.
  template_args moved;
  template_args keep(std::move(moved));
  tpl::set_valid_text(moved, name, "Web Summit");
  CHECK(moved.has("event_name"));
  // The wrong kind of value is refused as set() refuses it.
  template_args wrong_by_index, wrong_by_name;
  tpl::set_number(wrong_by_index, name, 3);
  wrong_by_name.set("event_name", std::int64_t{3});
  auto a = t->render(wrong_by_index), b = t->render(wrong_by_name);
  REQUIRE_FALSE(a);
  REQUIRE_FALSE(b);
  CHECK(a.error().message == b.error().message);
}
