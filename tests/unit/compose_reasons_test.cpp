// Two-reason notes (compose_options::reasons = 2): the second context, its
// sentence in four languages, the fitter leaving it out first, and the
// second-reason sentences of the catalogs rendered and reviewed in every note.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "rapport/catalog.hpp"
#include "rapport/compose.hpp"
#include "rapport/person_name.hpp"
#include "rapport/place.hpp"
#include "rapport/review.hpp"
#include "support/compose_world.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// The sender of compose_world (Jonas in Hamburg: exhibits at Hannover Messe,
// attends Web Summit 2026, worked at Siemens, cuts energy use in cold storage,
// knows Jan) and recipients who share two or more things with him.
compose_world make_two_reason_world() {
  std::vector<contact> people;
  auto jan = person("jan", "Jan", "de Vries", "Amsterdam");
  jan.connections = {"me", "greta", "marie", "lena", "ines", "ole"};
  people.push_back(jan);

  // de: an event (Web Summit, she speaks) and the same city (Hamburg)
  auto greta = person("greta", "Greta", "Lund", "Hamburg");
  greta.locale = "de";
  greta.gender = grammatical_gender::feminine;
  at_event(greta, "ws-2026", event_role::speaker);
  greta.connections = {"jan"};
  people.push_back(greta);

  // fr: the same city and a mutual connection
  auto marie = person("marie", "Marie", "Leroy", "Hamburg, Germany");
  marie.languages = {"fr"};
  marie.connections = {"jan"};
  people.push_back(marie);

  // en: a challenge of her industry and a mutual connection
  auto lena = person("lena", "Lena", "Brooks", "Chicago, Illinois");
  lena.languages = {"en"};
  lena.industry = "Logistics";
  lena.connections = {"jan"};
  people.push_back(lena);

  // es: both exhibiting at Hannover Messe, and the same past employer
  auto ines = person("ines", "Inés", "Romero", "Madrid");
  ines.locale = "es";
  at_event(ines, "hm-2026", event_role::exhibitor);
  ines.organizations.push_back({"Siemens AG", "Engineer", "Industrial Automation", false, 2014, 2017});
  ines.connections = {"jan"};
  people.push_back(ines);

  // en: one context only (the city)
  auto paul = person("paul", "Paul", "Martin", "Hamburg, Germany");
  paul.languages = {"en"};
  people.push_back(paul);

  // en: two events, nothing else: two reasons of one kind are one reason
  auto kim = person("kim", "Kim", "Ng", "Singapore");
  kim.languages = {"en"};
  at_event(kim, "hm-2026", event_role::exhibitor);
  at_event(kim, "ws-2026", event_role::attendee);
  people.push_back(kim);

  // en: a meetup in Hamburg, the city Hamburg, and Jan: the city says the
  // meetup's place again, so the second reason is Jan
  auto ole = person("ole", "Ole", "Berg", "Hamburg, Germany");
  ole.languages = {"en"};
  at_event(ole, "hh-meetup", event_role::attendee);
  ole.connections = {"jan"};
  people.push_back(ole);

  directory_builder b;
  REQUIRE(b.add_event(fair("hm-2026", "Hannover Messe", 2026, 2026y / April / 20, 2026y / April / 24)));
  REQUIRE(b.add_event(fair("ws-2026", "Web Summit", 2026, 2026y / November / 9, 2026y / November / 12, "Europe/Lisbon")));
  auto meetup = fair("hh-meetup", "Data Hamburg", 2026, 2026y / March / 19, 2026y / March / 19);
  meetup.location = "Hamburg, Germany";
  REQUIRE(b.add_event(meetup));
  REQUIRE(b.add_challenge(hardship("cold-chain-energy", "rising energy costs in cold storage",
                                   {"Food and Beverage Manufacturing", "Logistics"})));
  for (auto &p : people) REQUIRE(b.add_contact(std::move(p)));
  auto dir = b.build();
  REQUIRE(dir);
  auto me = compose_sender();
  at_event(me, "hh-meetup", event_role::attendee);
  return {std::move(*dir), me};
}



bool any_contains(const std::vector<std::string> &v, const std::string &part) {
  return std::any_of(v.begin(), v.end(), [&](const std::string &s) { return contains(s, part); });
}


} // namespace

TEST_CASE("compose reasons - two reasons: both sentences, in the recipient's language and register") {
  const auto w = make_two_reason_world();
  struct row {
    const char *who;
    const char *platform;
    context_kind first, second;
    const char *first_says, *second_says;
  };
  const row rows[] = {
      // de, formal (the German custom), she speaks at Web Summit and lives in Hamburg
      {"greta", "linkedin-connection-note", context_kind::event, context_kind::same_city,
       "Liebe Frau Lund, ich bin Jonas von Nordlicht Analytics. Wir sind beide bei Web Summit am 9. November.",
       "Wir sind außerdem beide in Hamburg zu Hause."},
      {"greta", "email", context_kind::event, context_kind::same_city, "Web Summit",
       "Wir sind außerdem beide in Hamburg zu Hause."},
      // fr, vous: the city, then Jan (one contact in common: no "including")
      {"marie", "linkedin-connection-note", context_kind::same_city, context_kind::mutual_connection,
       "Je vois que nous vivons à Hambourg, vous comme moi.", "Nous avons aussi un contact en commun\u00a0: Jan de Vries."},
      {"marie", "email", context_kind::same_city, context_kind::mutual_connection, "Hambourg",
       "Nous avons aussi un contact en commun\u00a0: Jan de Vries."},
      // en: the challenge, then Jan
      {"lena", "email", context_kind::challenge, context_kind::mutual_connection, "rising energy costs in cold storage",
       "We also both know Jan de Vries."},
      // es, usted: both exhibiting, then Jan (stronger than their past employer, Siemens)
      {"ines", "email", context_kind::event, context_kind::mutual_connection, "usted y yo exponemos en Hannover Messe",
       "Además, tenemos un contacto en común: Jan de Vries."},
      // en: the meetup in Hamburg; "both based in Hamburg" would say its place again
      {"ole", "linkedin-connection-note", context_kind::event, context_kind::mutual_connection, "Data Hamburg",
       "We also both know Jan de Vries."},
  };
  for (const auto &r : rows) {
    auto o = options_at(march_first_plus(0), r.platform);
    o.reasons = 2;
    const auto c = compose_for(w, r.who, o);
    INFO(r.who << " / " << r.platform << ":\n" << c.note.text);
    REQUIRE(c.status == errc::ok);
    REQUIRE(c.note.contexts.size() == 2);
    CHECK(c.note.contexts[0].kind == r.first);
    CHECK(c.note.contexts[1].kind == r.second);
    CHECK_FALSE(c.note.contexts[1].evidence.empty());
    CHECK(contains(c.note.text, r.first_says));
    CHECK(contains(c.note.text, r.second_says));
    // the second reason comes after the first, once
    CHECK(c.note.text.find(r.second_says) > c.note.text.find(r.first_says));
    CHECK(c.note.text.find(r.second_says) == c.note.text.rfind(r.second_says));
    CHECK_FALSE(std::count(c.note.dropped.begin(), c.note.dropped.end(), "also"));
    CHECK_FALSE(any_contains(c.note.warnings, "two reasons"));
    CHECK(c.note.length <= c.note.limit);
    no_review_findings(c);
  }
}

TEST_CASE("compose reasons - one reason asked: one sentence, and the catalogs' second reason never shows") {
  const auto w = make_two_reason_world();
  for (const char *who : {"greta", "marie", "lena", "ines", "ole"}) {
    const auto c = compose_for(w, who, options_at(march_first_plus(0), "email"));
    INFO(who << ":\n" << c.note.text);
    REQUIRE(c.status == errc::ok);
    CHECK(c.note.contexts.size() == 1);
    for (const char *also : {"also", "außerdem", "Außerdem", "aussi", "Además"}) CHECK_FALSE(contains(c.note.text, also));
    CHECK_FALSE(std::count(c.note.dropped.begin(), c.note.dropped.end(), "also"));
    CHECK(c.note.warnings.empty());
  }
}

TEST_CASE("compose reasons - a second reason too long for a LinkedIn note is left out first, and the note says so") {
  const auto w = make_two_reason_world();
  auto o = options_at(march_first_plus(0));  // LinkedIn connection note: 200 UTF-16 units
  o.reasons = 2;
  o.locale = "en";
  const auto c = compose_for(w, "lena", o);
  INFO(c.note.text);
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.limit == 200);
  CHECK(c.note.length <= 200);
  REQUIRE_FALSE(c.note.steps.empty());
  CHECK(c.note.steps.front().action == fit_action::drop_clause);
  CHECK(c.note.steps.front().detail == "also");
  CHECK(std::count(c.note.dropped.begin(), c.note.dropped.end(), "also") == 1);
  CHECK(any_contains(c.note.warnings, "the second reason (mutual_connection) was left out to fit the limit of 200"));
  REQUIRE(c.note.contexts.size() == 1);  // what the note mentions
  CHECK(c.note.contexts[0].kind == context_kind::challenge);
  CHECK_FALSE(contains(c.note.text, "Jan de Vries"));
  no_review_findings(c);
}

TEST_CASE("compose reasons - two reasons asked with one to give: a one-reason note and a warning") {
  const auto w = make_two_reason_world();
  struct row {
    const char *who;
    const char *warning;
  };
  const row rows[] = {
      {"paul", "two reasons were asked for, but only one context is shared (same_city): the note gives one reason"},
      {"kim", "two reasons were asked for, but the other shared contexts say the same as the first (event)"},
  };
  for (const auto &r : rows) {
    auto o = options_at(march_first_plus(0));
    o.reasons = 2;
    const auto c = compose_for(w, r.who, o);
    INFO(r.who << ": " << c.note.text);
    REQUIRE(c.status == errc::ok);
    CHECK(c.note.contexts.size() == 1);
    CHECK(any_contains(c.note.warnings, r.warning));
    CHECK_FALSE(std::count(c.note.dropped.begin(), c.note.dropped.end(), "also"));
    no_review_findings(c);
  }
}

TEST_CASE("compose reasons - a batch of two-reason notes is the same on 1, 2 and 8 threads") {
  const auto w = make_two_reason_world();
  for (const char *platform : {"linkedin-connection-note", "email"}) {
    auto o = options_at(march_first_plus(0), platform);
    o.reasons = 2;
    auto one = compose_all(w.dir, w.me, {}, o, 1);
    REQUIRE(one);
    std::size_t two_reason_notes = 0;
    for (const auto &it : one->items)
      if (it && it->status == errc::ok && it->note.contexts.size() == 2) ++two_reason_notes;
    CHECK(two_reason_notes >= 4);
    for (unsigned threads : {2u, 8u}) {
      auto many = compose_all(w.dir, w.me, {}, o, threads);
      REQUIRE(many);
      REQUIRE(many->items.size() == one->items.size());
      for (std::size_t i = 0; i < one->items.size(); ++i) {
        REQUIRE(bool(many->items[i]) == bool(one->items[i]));
        if (!one->items[i]) continue;
        const auto &a = one->items[i]->note, &b = many->items[i]->note;
        CHECK(a.text == b.text);
        CHECK(a.warnings == b.warnings);
        CHECK(a.dropped == b.dropped);
        REQUIRE(a.contexts.size() == b.contexts.size());
        for (std::size_t k = 0; k < a.contexts.size(); ++k) CHECK(a.contexts[k].kind == b.contexts[k].kind);
      }
    }
  }
}

TEST_CASE("compose reasons - a user catalog without second-reason sentences gives one reason and says why") {
  const auto w = make_two_reason_world();
  auto builtin = catalog::builtin();
  REQUIRE(builtin);
  // A German overlay whose same-city sentence is in another language than the note's: an
  // Italian catalog has the note, and no Italian second reason exists (the chain falls back to en).
  const std::string po = "msgid \"\"\nmsgstr \"\"\n\"Language: it\\n\"\n\n"
                         "msgctxt \"event/both-attending/upcoming/short/formal\"\n"
                         "msgid \"x\"\n"
                         "msgstr \"Ciao {recipient_given_name}, sono {sender_given_name}. Andiamo entrambi a "
                         "{event_name}.{opt_also, select, show { {second_reason}} other {}} Ci vediamo lì?\"\n";
  auto cat = builtin->overlay_bytes(po, "it.po");
  REQUIRE(cat);
  auto o = options_at(march_first_plus(0));
  o.reasons = 2;
  o.locale = "it";
  o.form = formality::formal;
  o.templates = &*cat;
  const auto c = compose_for(w, "greta", o);
  INFO(c.note.text);
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.catalog_locale == "it");
  CHECK(c.note.contexts.size() == 1);
  CHECK(any_contains(c.note.warnings, "no second-reason sentence for 'city/same-city' in it"));
  CHECK_FALSE(contains(c.note.text, "also"));
  no_review_findings(c);
}

namespace {

// The context a slot's kind speaks of, with the values the arguments below give.
shared_context context_for(const std::string &kind, place_id munich) {
  shared_context c;
  if (kind == "event") {
    c.kind = context_kind::event;
    c.event_id = "bauma-2025";
    c.event_name = "bauma";
  } else if (kind == "city") {
    c.kind = context_kind::same_city;
    c.place = munich;
  } else if (kind == "challenge") {
    c.kind = context_kind::challenge;
    c.challenge_title = "the EU battery passport";
    c.offer_summary = "traceability software";
  } else if (kind == "mutual") {
    c.kind = context_kind::mutual_connection;
    c.mutual_name = "Jan de Vries";
  } else if (kind == "past-employer") {
    c.kind = context_kind::past_employer;
    c.organization = "Siemens AG";
  } else if (kind == "school") {
    c.kind = context_kind::school;
    c.school = "TU München";
  } else {
    c.kind = context_kind::topic;
    c.topic = "circular economy";
  }
  return c;
}

contact recipient_named(const char *raw, grammatical_gender g, const char *locale = "") {
  contact c;
  c.id = raw;
  auto n = parse_person_name(raw, {.locale = locale});
  REQUIRE(n);
  c.name = *n;
  c.gender = g;
  c.name.gender = g;
  return c;
}

std::string kind_of(std::string_view slot) {
  if (slot.starts_with("also/")) slot.remove_prefix(5);
  return std::string(slot.substr(0, slot.find('/')));
}

} // namespace

TEST_CASE("compose reasons - every note with every second reason of another kind renders and reviews clean") {
  auto cat = catalog::builtin();
  REQUIRE(cat);
  const place_id munich = resolve_place("Munich, Germany")->id;
  const std::vector<contact> recipients = {
      recipient_named("Dr. Anna Schmidt", grammatical_gender::feminine),
      recipient_named("JÜRGEN MÜLLER", grammatical_gender::masculine),
      recipient_named("Mari-Liis Tamm", grammatical_gender::unknown),
      recipient_named("José María García-López", grammatical_gender::unknown, "es"),
  };
  const std::map<std::string, std::string> purpose = {{"en", "battery systems for compact machines"},
                                                      {"de", "Batteriesysteme für Kompaktmaschinen"},
                                                      {"fr", "les systèmes de batteries pour engins compacts"},
                                                      {"es", "sistemas de baterías para máquinas compactas"}};
  auto me = person("me", "Sam", "Taylor");
  me.organizations.push_back({"Volta GmbH", "Head of Sales", "", true, {}, {}});
  const auto email = find_platform("email");
  REQUIRE(email);
  std::string failures;
  std::size_t reviewed = 0, also_used = 0;
  for (const std::string locale : {"en", "de", "fr", "es"}) {
    me.purpose = purpose.at(locale);
    const auto slots = cat->slots(locale);
    std::vector<std::string> seconds;
    for (const auto &s : slots)
      if (s.starts_with("also/")) seconds.push_back(s);
    REQUIRE(seconds.size() == (builtin_situations().size() - 1) * 2);  // every situation but the self-introduction
    for (const auto &slot : slots) {
      if (slot.starts_with("also/") || slot.starts_with("self-introduction")) continue;
      const bool formal = slot.ends_with("/formal");
      for (const auto &second : seconds) {
        if (kind_of(second) == kind_of(slot) || second.ends_with("/formal") != formal) continue;
        const contact &who = recipients[reviewed % recipients.size()];
        const char *gender = who.gender == grammatical_gender::feminine    ? "feminine"
                             : who.gender == grammatical_gender::masculine ? "masculine"
                                                                           : "other";
        auto greet = greeting_name(who.name, locale, formal ? formality::formal : formality::informal);
        REQUIRE(greet);
        template_args a;
        a.set("recipient_given_name", *greet).set("recipient_gender", gender).set("recipient_org", "Acme");
        a.set("sender_given_name", "Sam").set("sender_family_name", "Taylor").set("sender_org", "Volta");
        a.set("sender_headline", "Head of Sales at Volta").set("purpose", purpose.at(locale));
        a.set("event_name", "bauma").set("event_date", date_value{1775548800000, "Europe/Berlin"});
        a.set("event_city", *place_display_name(munich, locale)).set("talk_title", "Electric compact machines");
        a.set("city_name", *place_display_name(munich, locale));
        a.set("challenge_title", "the EU battery passport").set("offer_summary", "traceability software");
        a.set("mutual_name", "Jan de Vries").set("mutual_count", reviewed % 2 ? 1 : 3).set("employer_name", "Siemens");
        a.set("school_name", "TU München").set("program_name", "Mechanical Engineering");
        a.set("topic_name", "circular economy").set("article_title", "Batteries in construction");
        a.set("group_name", "VDMA Construction Equipment").set("years_overlap", 2);
        auto also = cat->lookup(locale, second);
        REQUIRE(also);
        auto sentence = also->tmpl.render(a);
        REQUIRE(sentence);
        a.set("second_reason", *sentence);
        auto main = cat->lookup(locale, slot);
        REQUIRE(main);
        auto text = main->tmpl.render(a);
        REQUIRE(text);
        const std::string where = slot + " + " + second + " (" + locale + ")";
        if (text->find(*sentence) == std::string::npos || text->find(*sentence) != text->rfind(*sentence))
          failures += where + ": the second reason is not there once: " + *text + "\n";
        for (const char *bad : {"  ", " .", "..", ". .", "{", "}", "opt_"})
          if (text->find(bad) != std::string::npos) failures += where + ": '" + bad + "' in: " + *text + "\n";
        // the second reason follows the end of a sentence, with one space
        const auto at = text->find(*sentence);
        if (at < 2 || text->compare(at - 2, 2, ". ") != 0)
          failures += where + ": the second reason does not follow a full stop: " + *text + "\n";
        review_options opt;
        opt.sender = &me;
        opt.locale = locale;
        opt.contexts = {context_for(kind_of(slot), munich), context_for(kind_of(second), munich)};
        auto found = review(*text, who, *email, opt);
        REQUIRE(found);
        ++reviewed;
        ++also_used;
        for (const auto &f : *found)
          failures += where + ": " + to_string(f.code) + ": " + f.message + "\n  " + *text + "\n";
      }
    }
  }
  CHECK(reviewed >= 4 * 92 * 18);
  CHECK(failures == "");
}
