// compose_options::purposes: the sender's purpose in each recipient's language.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/compose_world.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

const std::vector<localized_text> four_languages = {{"de", "vorausschauende Wartung"},
                                                    {"fr", "maintenance prédictive"},
                                                    {"es", "mantenimiento predictivo"},
                                                    {"en", "predictive maintenance"}};

// E-mail: standard notes with no limit, so the fitter never drops the purpose.
compose_options email_options() { return options_at(march_first_plus(0), "email"); }


} // namespace

TEST_CASE("compose purposes - each recipient of a multilingual batch reads the purpose in their language") {
  auto w = make_compose_world();
  w.me.purpose = "condition monitoring";
  auto o = email_options();
  o.purposes = four_languages;
  struct row {
    const char *id;
    const char *catalog;
    const char *purpose;
  };
  const std::vector<row> rows = {{"anna", "de", "vorausschauende Wartung"},
                                 {"claire", "fr", "maintenance prédictive"},
                                 {"lucia", "es", "mantenimiento predictivo"},
                                 {"sam", "en", "predictive maintenance"},
                                 {"greta", "de", "vorausschauende Wartung"}};
  std::vector<std::string> ids;
  for (const auto &r : rows) ids.emplace_back(r.id);
  auto all = compose_all(w.dir, w.me, ids, o, 1);
  REQUIRE(all);
  REQUIRE(all->items.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto &item = all->items[i];
    INFO(rows[i].id);
    REQUIRE(item);
    REQUIRE(item->status == errc::ok);
    INFO(item->note.text);
    CHECK(item->note.catalog_locale == rows[i].catalog);
    CHECK(contains(item->note.text, rows[i].purpose));
    for (const auto &other : four_languages)
      if (other.text != rows[i].purpose) CHECK_FALSE(contains(item->note.text, other.text));
    CHECK_FALSE(contains(item->note.text, w.me.purpose));
    no_review_findings(*item);
  }
}

TEST_CASE("compose purposes - a note reads as if the sender's purpose were the entry for its language") {
  // The entry changes the purpose and nothing else: the same note as with
  // sender.purpose set to it, on a platform that has to fit the note too.
  auto w = make_compose_world();
  w.me.purpose = "condition monitoring";
  for (const char *platform : {"email", "linkedin-connection-note"}) {
    for (const char *id : {"anna", "claire", "lucia", "sam", "greta"}) {
      INFO(platform << " " << id);
      auto o = options_at(march_first_plus(0), platform);
      o.purposes = four_languages;
      const auto with = compose_for(w, id, o);
      REQUIRE(with.status == errc::ok);
      auto plain = w;
      for (const auto &e : four_languages)
        if (e.locale == with.note.catalog_locale) plain.me.purpose = e.text;
      const auto expected = compose_for(plain, id, options_at(march_first_plus(0), platform));
      CHECK(with.note.text == expected.note.text);
      CHECK(with.note.warnings == expected.note.warnings);
      CHECK(with.note.slot == expected.note.slot);
      CHECK(with.note.dropped == expected.note.dropped);
      no_review_findings(with);
    }
  }
}

TEST_CASE("compose purposes - a regional locale takes its own entry, else its language's") {
  auto w = make_compose_world();
  w.me.purpose = "condition monitoring";
  struct row {
    const char *note_locale;
    std::vector<localized_text> purposes;
    const char *expected;
  };
  const std::vector<row> rows = {
      {"de-AT", {{"de", "vorausschauende Wartung"}}, "vorausschauende Wartung"},
      {"de-AT", {{"de", "vorausschauende Wartung"}, {"de-AT", "Wartung mit Weitblick"}}, "Wartung mit Weitblick"},
      {"de", {{"de", "vorausschauende Wartung"}, {"de-AT", "Wartung mit Weitblick"}}, "vorausschauende Wartung"},
      {"de_at", {{"DE_at", "Wartung mit Weitblick"}}, "Wartung mit Weitblick"},
      {"es-MX", {{"ES", "mantenimiento predictivo"}}, "mantenimiento predictivo"},
      // a language without a catalog is written in English: the English entry
      {"pt-BR", {{"pt", "manutenção preditiva"}, {"en", "predictive maintenance"}}, "predictive maintenance"},
  };
  for (const auto &r : rows) {
    INFO(r.note_locale << " → " << r.expected);
    auto o = email_options();
    o.locale = r.note_locale;
    o.purposes = r.purposes;
    const auto c = compose_for(w, "anna", o);
    REQUIRE(c.status == errc::ok);
    INFO(c.note.text);
    CHECK(contains(c.note.text, r.expected));
    CHECK_FALSE(contains(c.note.text, w.me.purpose));
    no_review_findings(c);
  }
}

TEST_CASE("compose purposes - a language without an entry falls back to the sender's purpose") {
  auto w = make_compose_world();
  w.me.purpose = "condition monitoring";
  auto o = email_options();
  o.purposes = {{"de", "vorausschauende Wartung"}};
  for (const char *id : {"claire", "lucia", "sam"}) {
    INFO(id);
    const auto c = compose_for(w, id, o);
    REQUIRE(c.status == errc::ok);
    CHECK(contains(c.note.text, "condition monitoring"));
    CHECK_FALSE(contains(c.note.text, "vorausschauende Wartung"));
    no_review_findings(c);
  }
}

TEST_CASE("compose purposes - an empty entry gives the wording without a purpose") {
  auto w = make_compose_world();
  w.me.purpose = "condition monitoring";
  auto none = w;
  none.me.purpose.clear();
  for (const char *platform : {"email", "linkedin-connection-note"}) {
    for (const char *id : {"anna", "greta"}) {
      INFO(platform << " " << id);
      auto o = options_at(march_first_plus(0), platform);
      o.purposes = {{"de", ""}, {"fr", "maintenance prédictive"}};
      const auto c = compose_for(w, id, o);
      REQUIRE(c.status == errc::ok);
      CHECK_FALSE(contains(c.note.text, "condition monitoring"));
      CHECK(c.note.text == compose_for(none, id, options_at(march_first_plus(0), platform)).note.text);
      no_review_findings(c);
    }
  }
}

TEST_CASE("compose purposes - a self-introduction states the purpose in the note's language") {
  auto w = make_compose_world();  // ben shares nothing with the sender
  auto o = email_options();
  o.allow_self_introduction = true;
  o.locale = "de";
  o.purposes = {{"de", "vorausschauende Wartung"}, {"en", "predictive maintenance"}};
  const auto c = compose_for(w, "ben", o);  // no sender.purpose: the entry is enough
  REQUIRE(c.status == errc::ok);
  CHECK(c.note.slot.rfind("self-introduction/", 0) == 0);
  CHECK(c.note.catalog_locale == "de");
  CHECK(contains(c.note.text, "vorausschauende Wartung"));
  CHECK_FALSE(contains(c.note.text, "predictive maintenance"));
  no_review_findings(c);
  // The same note, and the same review, as with the sender's purpose in German.
  auto german = w;
  german.me.purpose = "vorausschauende Wartung";
  auto plain = o;
  plain.purposes.clear();
  const auto expected = compose_for(german, "ben", plain);
  CHECK(c.note.text == expected.note.text);
  CHECK(c.note.warnings == expected.note.warnings);

  o.locale.clear();  // ben reads English
  const auto en = compose_for(w, "ben", o);
  REQUIRE(en.status == errc::ok);
  CHECK(contains(en.note.text, "predictive maintenance"));
  no_review_findings(en);
}

TEST_CASE("compose purposes - a self-introduction is refused when the note's language has no purpose") {
  struct row {
    const char *name;
    std::string sender_purpose;
    std::vector<localized_text> purposes;
  };
  const std::vector<row> rows = {
      {"no entry for German, no sender purpose", "", {{"en", "predictive maintenance"}}},
      {"an empty German entry", "condition monitoring", {{"de", ""}}},
  };
  for (const auto &r : rows) {
    INFO(r.name);
    auto w = make_compose_world();
    w.me.purpose = r.sender_purpose;
    auto o = email_options();
    o.allow_self_introduction = true;
    o.locale = "de";
    o.purposes = r.purposes;
    const auto c = compose_for(w, "ben", o);
    CHECK(c.status == errc::no_shared_context);
    CHECK(c.message == "nothing is shared with ben and you gave no purpose to introduce yourself with");
    CHECK(c.note.text.empty());
    CHECK(c.note.warnings.empty());
    CHECK_FALSE(c.homework.empty());
  }
}

TEST_CASE("compose purposes - a bad entry is refused, naming it") {
  auto w = make_compose_world();
  struct row {
    std::vector<localized_text> purposes;
    errc code;
    const char *message;
    std::size_t offset;
  };
  const std::vector<row> rows = {
      {{{"de", "Wartung"}, {"f\xC3", "x"}}, errc::invalid_utf8, "purposes[1].locale: invalid UTF-8", 1},
      {{{"de", "Wart\xFFung"}}, errc::invalid_utf8, "purposes[0].text: invalid UTF-8", 4},
      {{{"", "x"}}, errc::invalid_argument, "purposes[0].locale: '' is not a well-formed language tag", 0},
      {{{"de", "x"}, {"de--AT", "y"}}, errc::invalid_argument, "purposes[1].locale: 'de--AT' is not", 0},
      {{{"d", "x"}}, errc::invalid_argument, "purposes[0].locale: 'd' is not", 0},
      {{{"de AT", "x"}}, errc::invalid_argument, "purposes[0].locale: 'de AT' is not", 0},
      {{{"1de", "x"}}, errc::invalid_argument, "purposes[0].locale: '1de' is not", 0},
      {{{"de-", "x"}}, errc::invalid_argument, "purposes[0].locale: 'de-' is not", 0},
      {{{"de", "x"}, {"fr", "y"}, {"DE", "z"}}, errc::invalid_argument,
       "purposes[2].locale: 'DE' is given twice (also purposes[0])", 0},
      {{{"de-AT", "x"}, {"de_at", "z"}}, errc::invalid_argument, "purposes[1].locale: 'de_at' is given twice", 0},
  };
  const contact &anna = *w.dir.find_contact("anna");
  for (const auto &r : rows) {
    INFO(r.message);
    auto o = email_options();
    o.purposes = r.purposes;
    auto one = compose(w.dir, w.me, anna, o);
    REQUIRE_FALSE(one);
    CHECK(one.error().code == r.code);
    CHECK(one.error().message.rfind(r.message, 0) == 0);
    if (r.code == errc::invalid_utf8) CHECK(one.error().offset == r.offset);
    auto all = compose_all(w.dir, w.me, {}, o, 1);
    REQUIRE_FALSE(all);
    CHECK(all.error().code == r.code);
    bool called = false;
    auto each = compose_each(w.dir, w.me, {}, o, [&](std::size_t, const result<composition> &) { called = true; }, 1);
    REQUIRE_FALSE(each);
    CHECK(each.error().message == one.error().message);
    CHECK_FALSE(called);
  }
}

TEST_CASE("compose purposes - compose_all gives the same notes on 1, 2 and 8 threads") {
  auto w = make_compose_world();
  w.me.purpose = "condition monitoring";
  auto o = options_at(march_first_plus(0));
  o.allow_self_introduction = true;
  o.purposes = {{"de", "vorausschauende Wartung"}, {"fr", ""}, {"es", "mantenimiento predictivo"}};
  // Enough recipients for several chunks of work: every contact, many times over.
  std::vector<std::string> ids;
  for (int round = 0; round < 60; ++round)
    for (const auto &c : w.dir.contacts())
      if (c.id != w.me.id) ids.push_back(c.id);
  auto one = compose_all(w.dir, w.me, ids, o, 1);
  REQUIRE(one);
  std::size_t notes = 0;
  for (const auto &item : one->items) {
    REQUIRE(item);
    if (item->status != errc::ok) continue;
    ++notes;
    no_review_findings(*item);
    if (item->note.catalog_locale == "de") CHECK(contains(item->note.text, "vorausschauende Wartung"));
    if (item->note.catalog_locale == "es") CHECK(contains(item->note.text, "mantenimiento predictivo"));
    if (item->note.catalog_locale == "fr") CHECK_FALSE(contains(item->note.text, "condition monitoring"));
  }
  CHECK(notes > ids.size() / 2);
  for (unsigned threads : {2u, 8u}) {
    INFO(threads << " threads");
    auto many = compose_all(w.dir, w.me, ids, o, threads);
    REQUIRE(many);
    REQUIRE(many->items.size() == one->items.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      REQUIRE(many->items[i]);
      CHECK(many->items[i]->status == one->items[i]->status);
      CHECK(many->items[i]->note.text == one->items[i]->note.text);
    }
    CHECK(many->warnings.size() == one->warnings.size());
  }
}
