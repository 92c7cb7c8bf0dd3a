#include <catch2/catch.hpp>

#include <algorithm>

#include "support/compose_world.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {


// A seed under which the variation hash keeps (bit clear) or drops (bit set) a clause.
std::uint64_t seed_where(const char *recipient, std::uint64_t bit, bool set) {
  for (std::uint64_t s = 0;; ++s)
    if (((variation_hash("me", recipient, s) & bit) != 0) == set) return s;
}


std::vector<std::string> codes(const composition &c) {
  std::vector<std::string> out;
  for (const auto &h : c.homework) out.push_back(h.code);
  return out;
}

bool has(const std::vector<std::string> &v, const char *s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// An organization written `name`, displayed `display` by an importer (empty:
// none): what the note says and never says.
struct display_row {
  const char *what;
  const char *name;
  const char *display;
  const char *says;
  const char *never;
};


} // namespace

TEST_CASE("compose - both exhibiting at Hannover Messe, in German, formal, date in the event's zone") {
  auto w = make_compose_world();
  auto o = options_at(march_first_plus(0));
  o.seed = seed_where("anna", 1, false);
  const auto c = compose_for(w, "anna", o);
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.slot == "event/both-exhibiting/upcoming/short/formal");
  CHECK(c.note.locale == "de");
  CHECK(c.note.form == formality::formal);
  CHECK(contains(c.note.text, "Hallo Anna Schmidt, ich bin Jonas von Nordlicht Analytics."));
  CHECK(contains(c.note.text, "Wir stellen beide bei Hannover Messe am 20. April aus."));
  CHECK_FALSE(contains(c.note.text, "GmbH"));
  REQUIRE(c.note.contexts.size() == 1);
  CHECK(c.note.contexts[0].event_id == "hm-2026");
  CHECK_FALSE(c.note.contexts[0].evidence.empty());
  CHECK(c.note.unit == length_unit::utf16);
  CHECK(c.note.limit == 200);
  CHECK(c.note.length <= c.note.limit);
  CHECK(c.note.steps.empty());
  no_review_findings(c);
}

TEST_CASE("compose - the same city is named in the note's language") {
  auto w = make_compose_world();
  struct row {
    const char *locale;
    const char *greeting;
    const char *city;
  };
  const row rows[] = {
      {"", "Bonjour Claire Dubois", "à Hambourg"},  // the recipient's first language: French
      {"es", "Hola, Claire Dubois", "Hamburgo"},
      {"de-AT", "Hallo Claire Dubois", "in Hamburg"},
      {"en", "Hi Claire", "in Hamburg"},
  };
  for (const auto &r : rows) {
    auto o = options_at(march_first_plus(0));
    o.locale = r.locale;
    const auto c = compose_for(w, "claire", o);
    INFO(r.locale << ": " << c.note.text);
    REQUIRE(c.status == errc::ok);
    CHECK(c.note.contexts.at(0).kind == context_kind::same_city);
    CHECK(contains(c.note.text, r.greeting));
    CHECK(contains(c.note.text, r.city));
    no_review_findings(c);
  }
}

TEST_CASE("compose - a challenge in es-MX falls back to the es catalog and says so") {
  auto w = make_compose_world();
  w.me.purpose = "ahorro de energía";
  const auto c = compose_for(w, "lucia", options_at(march_first_plus(0)));
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.locale == "es-MX");
  CHECK(c.note.catalog_locale == "es");
  CHECK(c.note.form == formality::informal);  // the recipient's preference beats the Spanish default
  CHECK(c.note.slot == "challenge/can-help/short/informal");
  CHECK(contains(c.note.text, "Hola, Lucía. Soy Jonas, de Nordlicht Analytics."));
  CHECK(contains(c.note.text, "rising energy costs in cold storage"));
  CHECK(std::any_of(c.note.warnings.begin(), c.note.warnings.end(),
                    [](const std::string &s) { return contains(s, "used the es catalog"); }));
  no_review_findings(c);
}

TEST_CASE("compose - a mutual connection is named, in English, informal by default") {
  auto w = make_compose_world();
  const auto c = compose_for(w, "sam", options_at(march_first_plus(0)));
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.form == formality::informal);
  CHECK(c.note.slot == "mutual/shared-contacts/short/informal");
  CHECK(contains(c.note.text, "Hi Sam, I’m Jonas from Nordlicht Analytics."));
  CHECK(contains(c.note.text, "Jan de Vries"));
  no_review_findings(c);
}

TEST_CASE("compose - a stated gender is used, and only then") {
  auto w = make_compose_world();
  const auto greta = compose_for(w, "greta", options_at(march_first_plus(0)));
  CHECK(contains(greta.note.text, "Liebe Frau Lund"));
  CHECK(greta.note.slot == "event/both-attending/upcoming/short/formal");  // she speaks, I attend: not "exhibiting"
  const auto anna = compose_for(w, "anna", options_at(march_first_plus(0)));
  CHECK(contains(anna.note.text, "Hallo Anna"));
  CHECK_FALSE(contains(anna.note.text, "Liebe"));
}

TEST_CASE("compose - after her talk: I heard your talk") {
  auto w = make_compose_world();
  const auto c = compose_for(w, "greta", options_at(sys_seconds(sys_days(2026y / November / 20))));
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.slot == "event/speaker-attendee/past/short/formal");
  CHECK(contains(c.note.text, "Ich habe Ihren Vortrag bei Web Summit gehört."));
}

TEST_CASE("compose - a language without a catalog gets English, and a warning") {
  auto w = make_compose_world();
  auto o = options_at(march_first_plus(0));
  o.locale = "ja-JP";
  const auto c = compose_for(w, "claire", o);
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.catalog_locale == "en");
  CHECK(contains(c.note.text, "in Hamburg"));
  CHECK_FALSE(c.note.warnings.empty());
}

TEST_CASE("compose - an e-mail gets the standard note with a sign-off") {
  auto w = make_compose_world();
  w.me.purpose = "predictive maintenance";
  auto o = options_at(march_first_plus(0), "email");
  o.locale = "en";
  o.form = formality::formal;
  o.seed = seed_where("anna", 2, false);
  const auto c = compose_for(w, "anna", o);
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.slot == "event/both-exhibiting/upcoming/standard/formal");
  CHECK(contains(c.note.text, "Dear Anna Schmidt,\n"));
  CHECK(contains(c.note.text, "I’m Jonas, Head of Data at Nordlicht."));
  CHECK(contains(c.note.text, "predictive maintenance"));
  CHECK(contains(c.note.text, "Best regards,\nJonas"));
  no_review_findings(c);
}

TEST_CASE("compose - strangers get no note, and the homework that would unlock one") {
  auto w = make_compose_world();
  const auto ben = compose_for(w, "ben", options_at(march_first_plus(0)));
  CHECK(ben.status == errc::no_shared_context);
  CHECK(ben.note.text.empty());
  const auto b = codes(ben);
  CHECK(has(b, "different_cities"));
  CHECK(has(b, "no_shared_event"));
  CHECK(has(b, "recipient_industry_unknown"));
  CHECK(has(b, "recipient_no_connections"));

  const auto paul = compose_for(w, "paul", options_at(march_first_plus(0)));
  CHECK(paul.status == errc::no_shared_context);
  const auto p = codes(paul);
  CHECK(has(p, "recipient_no_location"));
  CHECK(has(p, "recipient_no_events"));
  CHECK_FALSE(has(p, "different_cities"));
  CHECK(paul.homework.front().message == "the recipient has no city on record");

  w.me.events.clear();
  w.me.offers.clear();
  w.me.location = "Atlantis";
  const auto again = compose_for(w, "ben", options_at(march_first_plus(0)));
  const auto a = codes(again);
  CHECK(has(a, "sender_no_events"));
  CHECK(has(a, "sender_no_offers"));
  CHECK(has(a, "sender_location_unresolved"));
  for (const auto &h : again.homework)
    if (h.code == "sender_no_events") CHECK(h.message == "you share no event: add the events you attend");
}

TEST_CASE("compose - an offer for another industry is homework, not a note") {
  auto w = make_compose_world();
  directory_builder b;
  auto rita = person("rita", "Rita", "Costa", "Lisbon, Portugal");
  rita.industry = "Banking";
  REQUIRE(b.add_challenge(hardship("cold-chain-energy", "rising energy costs in cold storage", {"Logistics"})));
  REQUIRE(b.add_contact(rita));
  auto dir = b.build();
  REQUIRE(dir);
  auto c = compose(*dir, w.me, *dir->find_contact("rita"), options_at(march_first_plus(0)));
  REQUIRE(c);
  CHECK(c->status == errc::no_shared_context);
  CHECK(has(codes(*c), "industry_unaffected"));
}

TEST_CASE("compose - self-introduction only with a purpose, and never with a fake reason") {
  auto w = make_compose_world();
  auto o = options_at(march_first_plus(0));
  o.allow_self_introduction = true;
  const auto none = compose_for(w, "ben", o);
  CHECK(none.status == errc::no_shared_context);
  CHECK(contains(none.message, "no purpose"));

  w.me.purpose = "cold-chain analytics";
  const auto c = compose_for(w, "ben", o);
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.slot == "self-introduction/short/informal");
  CHECK(c.note.contexts.empty());
  CHECK(contains(c.note.text, "Hi Ben, I’m Jonas from Nordlicht Analytics."));
  CHECK(contains(c.note.text, "cold-chain analytics"));
  CHECK_FALSE(c.homework.empty());  // the homework still says what would give a real reason
}

TEST_CASE("compose - values are data, never template syntax") {
  auto w = make_compose_world();
  directory_builder b;
  auto e = fair("odd", "C{x}nf #1 '{event_name}'", 2026, 2026y / April / 20, 2026y / April / 21);
  REQUIRE(b.add_event(e));
  auto r = person("r", "Rae", "O'Brien", "");
  r.languages = {"en"};
  at_event(r, "odd", event_role::attendee);
  REQUIRE(b.add_contact(r));
  auto dir = b.build();
  REQUIRE(dir);
  auto me = w.me;
  at_event(me, "odd", event_role::attendee);
  auto c = compose(*dir, me, *dir->find_contact("r"), options_at(march_first_plus(0)));
  REQUIRE(c);
  REQUIRE(c->status == errc::ok);
  CHECK(contains(c->note.text, "C{x}nf #1 '{event_name}'"));
}

TEST_CASE("compose - bad options are errors") {
  auto w = make_compose_world();
  const contact &anna = *w.dir.find_contact("anna");
  auto o = options_at(march_first_plus(0));
  o.locale = std::string("de\xC3(", 4);
  auto bad = compose(w.dir, w.me, anna, o);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::invalid_utf8);
  CHECK(bad.error().offset == 2);

  o = options_at(march_first_plus(0));
  o.reasons = 3;
  CHECK(compose(w.dir, w.me, anna, o).error().code == errc::invalid_argument);
  o = options_at(march_first_plus(0), "pigeon-post");
  CHECK(compose(w.dir, w.me, anna, o).error().code == errc::not_found);
  o = options_at(march_first_plus(0));
  o.tier = "platinum";
  CHECK(compose(w.dir, w.me, anna, o).error().code == errc::not_found);
  CHECK(compose(w.dir, w.me, w.me, options_at(march_first_plus(0))).error().code == errc::invalid_argument);
}

TEST_CASE("compose - a tight custom limit: clauses, then names, then a cut, never over") {
  auto w = make_compose_world();
  w.me.purpose = "predictive maintenance";
  auto p = custom_platform(90, length_unit::graphemes);
  REQUIRE(p);
  auto o = options_at(march_first_plus(0));
  o.profile = &*p;
  o.locale = "en";
  o.form = formality::formal;
  o.seed = seed_where("anna", 1, false);
  const auto c = compose_for(w, "anna", o);
  REQUIRE(c.status == errc::ok);
  INFO(c.note.text);
  CHECK(c.note.length <= 90);
  CHECK(*length(c.note.text, length_unit::graphemes) == c.note.length);
  REQUIRE(c.note.steps.size() >= 2);
  // Steps never go back: drop_clause* then shorter_name* then truncate?
  for (std::size_t i = 1; i < c.note.steps.size(); ++i)
    CHECK(static_cast<int>(c.note.steps[i - 1].action) <= static_cast<int>(c.note.steps[i].action));
  CHECK(c.note.steps.front().action == fit_action::drop_clause);
  CHECK(c.note.steps.front().detail == "date");
  CHECK(c.note.text.rfind("Hi Anna, I’m Jonas", 0) == 0);  // "Anna Schmidt" shortened to "Anna"
  no_review_findings(c);
}

TEST_CASE("compose - a shared employer is said as the years allow: joined, at the same time, apart, or just both") {
  struct row {
    const char *what;
    bool sender_current;
    std::optional<int> sender_from, sender_to;
    bool recipient_current;
    std::optional<int> recipient_from, recipient_to;
    const char *situation;
    int years_overlap;
    const char *says;
    const char *never;
  };
  const row rows[] = {
      {"the sender left, the recipient works there now", false, 2012, 2018, true, std::nullopt, std::nullopt,
       "past-employer/recipient-joined", -1, "I used to work at Siemens, where you are now.", "at the same time"},
      {"both left, years overlap", false, 2012, 2018, false, 2015, 2020, "past-employer/overlapped", 3,
       "We both worked at Siemens at the same time.", "different times"},
      {"both left, years apart", false, 2012, 2014, false, 2016, 2020, "past-employer/alumni", 0,
       "We both used to work at Siemens, though at different times.", "at the same time"},
      {"both left, the recipient's years unknown", false, 2012, 2018, false, std::nullopt, std::nullopt,
       "past-employer/overlapped", -1, "We both worked at Siemens.", "at the same time"},
      {"both left in the same year only: unknown", false, 2012, 2018, false, 2018, 2020, "past-employer/overlapped",
       -1, "We both worked at Siemens.", "at the same time"},
      {"the sender is there now, the recipient left", true, 2015, std::nullopt, false, 2010, 2016,
       "past-employer/recipient-left", 1, "You used to work at Siemens, where I work now.", "We both"},
      {"the sender is there now, the recipient left, years unknown", true, std::nullopt, std::nullopt, false,
       std::nullopt, std::nullopt, "past-employer/recipient-left", -1, "You used to work at Siemens, where I work now.",
       "at the same time"},
      {"both work there now", true, 2015, std::nullopt, true, 2019, std::nullopt, "past-employer/colleagues", 7,
       "We both work at Siemens.", "worked"},
      {"both work there now, years unknown", true, std::nullopt, std::nullopt, true, std::nullopt, std::nullopt,
       "past-employer/colleagues", -1, "We both work at Siemens.", "worked"},
  };
  for (const auto &x : rows) {
    INFO(x.what);
    auto me = person("me", "Jonas", "Becker");
    me.organizations.push_back({"Siemens AG", "Engineer", "", x.sender_current, x.sender_from, x.sender_to});
    auto r = person("rae", "Rae", "Cho");
    r.organizations.push_back({"Siemens", "Head of Ops", "", x.recipient_current, x.recipient_from, x.recipient_to});
    r.languages = {"en"};
    directory_builder b;
    REQUIRE(b.add_contact(r));
    auto dir = b.build();
    REQUIRE(dir);
    auto found = find_shared_contexts(*dir, me, *dir->find_contact("rae"), march_first_plus(0));
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    CHECK(found->front().situation() == x.situation);
    CHECK(found->front().years_overlap == x.years_overlap);
    auto c = compose(*dir, me, *dir->find_contact("rae"), options_at(march_first_plus(0)));
    REQUIRE(c);
    REQUIRE(c->status == errc::ok);
    INFO(c->note.text);
    CHECK(contains(c->note.text, x.says));
    CHECK_FALSE(contains(c->note.text, x.never));
    CHECK_FALSE(contains(c->note.text, "from Siemens"));  // the sender's company is said once, as the reason
    no_review_findings(*c);
  }
}

TEST_CASE("compose - still at the shared employer: present tense in every language, register and length") {
  struct row {
    const char *locale;
    bool recipient_current;  // the sender works there now
    formality form;
    const char *says;
    const char *never;  // the past tense of "we both worked there"
  };
  const row rows[] = {
      {"en", true, formality::formal, "We both work at Siemens", "worked"},
      {"en", true, formality::informal, "We both work at Siemens", "worked"},
      {"en", false, formality::formal, "You used to work at Siemens, where I work now", "We both"},
      {"en", false, formality::informal, "You used to work at Siemens, where I work now", "We both"},
      {"de", true, formality::formal, "Wir arbeiten beide bei Siemens", "gearbeitet"},
      {"de", true, formality::informal, "Wir arbeiten beide bei Siemens", "gearbeitet"},
      {"de", false, formality::formal, "Sie waren früher bei Siemens, wo ich jetzt arbeite", "Wir haben beide"},
      {"de", false, formality::informal, "Du warst früher bei Siemens, wo ich jetzt arbeite", "Wir haben beide"},
      {"fr", true, formality::formal, "Nous travaillons chez Siemens, vous comme moi", "avons travaillé"},
      {"fr", true, formality::informal, "Nous travaillons chez Siemens, toi comme moi", "avons travaillé"},
      {"fr", false, formality::formal, "Vous avez travaillé chez Siemens, où je travaille aujourd’hui", "Nous avons"},
      {"fr", false, formality::informal, "Tu as travaillé chez Siemens, où je travaille aujourd’hui", "Nous avons"},
      {"es", true, formality::formal, "Usted y yo trabajamos actualmente en Siemens", "trabajamos en"},
      {"es", true, formality::informal, "Tú y yo trabajamos actualmente en Siemens", "trabajamos en"},
      {"es", false, formality::formal, "Usted trabajó en Siemens, donde yo trabajo ahora", "y yo trabajamos"},
      {"es", false, formality::informal, "Tú trabajaste en Siemens, donde yo trabajo ahora", "y yo trabajamos"},
  };
  auto me = person("me", "Jonas", "Becker");
  me.organizations.push_back({"Siemens AG", "Engineer", "", true, 2015, std::nullopt});
  for (const auto &x : rows) {
    auto r = person("rae", "Rae", "Cho");
    r.locale = x.locale;
    r.organizations.push_back({"Siemens", "Head of Ops", "", x.recipient_current, 2010, x.recipient_current ? std::nullopt : std::optional<int>(2016)});
    directory_builder b;
    REQUIRE(b.add_contact(r));
    auto dir = b.build();
    REQUIRE(dir);
    const std::string situation = x.recipient_current ? "past-employer/colleagues" : "past-employer/recipient-left";
    for (const auto len : {note_length::short_note, note_length::standard}) {
      auto o = options_at(march_first_plus(0), "email");
      o.form = x.form;
      o.length = len;
      auto c = compose(*dir, me, *dir->find_contact("rae"), o);
      REQUIRE(c);
      REQUIRE(c->status == errc::ok);
      INFO(x.locale << " " << c->note.slot << "\n" << c->note.text);
      CHECK(c->note.slot == slot_id(situation, len, x.form));
      CHECK(c->note.catalog_locale == x.locale);
      CHECK(contains(c->note.text, x.says));
      CHECK_FALSE(contains(c->note.text, x.never));
      no_review_findings(*c);
    }
  }
}

TEST_CASE("compose - the employer is named as the recipient's importer displays it, not in the record's capitals") {
  const display_row rows[] = {
      {"a display from the importer", "SIEMENS AG", "Siemens", "where you are now", "SIEMENS"},
      {"no display: derived from the name as before", "SIEMENS AG", "", "I used to work at SIEMENS, where you are now", "Siemens"},
      {"a display that shares no word with the name", "Bayerische Motoren Werke AG", "BMW",
       "I used to work at BMW, where you are now", "Bayerische"},
  };
  for (const auto &x : rows) {
    INFO(x.what);
    auto me = person("me", "Jonas", "Becker");
    me.organizations.push_back({x.name, "Engineer", "", false, 2012, 2018});
    auto r = person("rae", "Rae", "Cho");
    r.languages = {"en"};
    organization o{x.name, "Head of Ops", "", true, 2019, std::nullopt};
    o.display = x.display;
    r.organizations.push_back(o);
    directory_builder b;
    REQUIRE(b.add_contact(r));
    auto dir = b.build();
    REQUIRE(dir);
    auto c = compose(*dir, me, *dir->find_contact("rae"), options_at(march_first_plus(0)));
    REQUIRE(c);
    REQUIRE(c->status == errc::ok);
    INFO(c->note.text);
    CHECK(c->note.slot.starts_with("past-employer/recipient-joined/"));
    CHECK(contains(c->note.text, x.says));
    if (*x.display) CHECK(contains(c->note.text, std::string("I used to work at ") + x.display + ","));
    CHECK_FALSE(contains(c->note.text, x.never));
    no_review_findings(*c);
  }
}

TEST_CASE("compose - the sender introduces their company as their importer displays it") {
  const display_row rows[] = {
      {"a display from the importer", "NORDLICHT ANALYTICS GMBH", "Nordlicht Analytics", "I’m Jonas from Nordlicht Analytics.",
       "NORDLICHT"},
      {"no display: the name without its legal form, as written", "NORDLICHT ANALYTICS GMBH", "",
       "I’m Jonas from NORDLICHT ANALYTICS.", "GMBH"},
      {"a display that shares no word with the name", "Bayerische Motoren Werke AG", "BMW", "I’m Jonas from BMW.",
       "Bayerische"},
  };
  for (const auto &x : rows) {
    INFO(x.what);
    auto w = make_compose_world();
    w.me.headline.clear();  // the note introduces the sender by organization
    organization o{x.name, "Head of Data", "", true, 2019, std::nullopt};
    o.display = x.display;
    w.me.organizations = {o};
    auto opt = options_at(march_first_plus(0));
    opt.locale = "en";
    const auto c = compose_for(w, "anna", opt);
    REQUIRE(c.status == errc::ok);
    INFO(c.note.text);
    CHECK(contains(c.note.text, x.says));
    CHECK_FALSE(contains(c.note.text, x.never));
    no_review_findings(c);
  }
}

TEST_CASE("compose - a sender's organization display that is not UTF-8 is refused, naming the field") {
  auto w = make_compose_world();
  organization o{"Nordlicht Analytics GmbH", "Head of Data", "", true, 2019, std::nullopt};
  o.display = "Nordlicht \xC3";
  w.me.organizations = {o};
  auto c = compose(w.dir, w.me, *w.dir.find_contact("anna"), options_at(march_first_plus(0)));
  REQUIRE_FALSE(c);
  CHECK(c.error().code == errc::invalid_utf8);
  CHECK(contains(c.error().message, "organization display"));
}
