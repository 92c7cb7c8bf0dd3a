#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <unicode/brkiter.h>

#include "rapport/catalog.hpp"

using rapport::catalog;
using rapport::errc;
using rapport::formality;
using rapport::note_length;
using rapport::template_args;

namespace {

const std::vector<std::string> builtin_locales = {"de", "en", "es", "fr"};

struct arg_set {
  std::string name;
  template_args args;
  std::map<std::string, std::string> raw;
};

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// tests/fixtures/templates/arg_sets.tsv
std::vector<arg_set> load_arg_sets() {
  std::vector<arg_set> sets;
  std::istringstream in(read_file(std::string(RAPPORT_FIXTURES) + "/templates/arg_sets.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    arg_set set;
    std::getline(fields, set.name, '\t');
    std::string field;
    while (std::getline(fields, field, '\t')) {
      const auto eq = field.find('=');
      REQUIRE(eq != std::string::npos);
      const std::string name = field.substr(0, eq), value = field.substr(eq + 1);
      set.raw[name] = value;
      rapport::argument_type type = rapport::argument_type::text;
      for (const auto &a : rapport::argument_vocabulary())
        if (a.name == name) type = a.type;
      if (type == rapport::argument_type::number) {
        set.args.set(name, static_cast<std::int64_t>(std::stoll(value)));
      } else if (type == rapport::argument_type::date) {
        const auto at = value.find('@');
        set.args.set(name, rapport::date_value{std::stoll(value.substr(0, at)), value.substr(at + 1)});
      } else {
        set.args.set(name, value);
      }
    }
    sets.push_back(std::move(set));
  }
  REQUIRE(sets.size() >= 4);
  return sets;
}

const catalog &builtin() {
  static const catalog cat = [] {
    auto c = catalog::builtin();
    if (!c) FAIL(c.error().message);
    return *c;
  }();
  return cat;
}

// User-perceived characters, by ICU's BreakIterator.
std::size_t graphemes(const std::string &s) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), st));
  REQUIRE(U_SUCCESS(st));
  const auto u = icu::UnicodeString::fromUTF8(s);
  it->setText(u);
  std::size_t n = 0;
  it->first();
  while (it->next() != icu::BreakIterator::DONE) ++n;
  return n;
}

bool has_empty_value_trace(const std::string &s) {
  for (const char *bad : {" ,", " .", "  ", ",,", "Hi ,", "Hallo ,", "Bonjour ,", "Hola, ."})
    if (s.find(bad) != std::string::npos) return true;
  return s.empty() || s.front() == ' ' || s.back() == ' ';
}

} // namespace

TEST_CASE("catalog - the built-in locales have every slot of every situation") {
  const auto &cat = builtin();
  CHECK(cat.locales() == builtin_locales);
  for (const auto &loc : builtin_locales) {
    const auto slots = cat.slots(loc);
    // every situation: four slots; every one but the self-introduction: a second-reason
    // sentence per register ("also/<situation>/short/<formality>")
    CHECK(slots.size() == rapport::builtin_situations().size() * 4 + (rapport::builtin_situations().size() - 1) * 2);
    for (const auto situation : rapport::builtin_situations()) {
      std::vector<std::string> ids;
      for (auto len : {note_length::short_note, note_length::standard})
        for (auto f : {formality::formal, formality::informal}) ids.push_back(rapport::slot_id(situation, len, f));
      if (situation != "self-introduction")
        for (auto f : {formality::formal, formality::informal})
          ids.push_back("also/" + rapport::slot_id(situation, note_length::short_note, f));
      for (const auto &id : ids) {
        INFO(loc << " " << id);
        auto hit = cat.lookup(loc, id);
        REQUIRE(hit);
        CHECK_FALSE(hit->fallback);
        CHECK(hit->catalog_locale == loc);
        // every note but the self-introduction has a place for a second reason
        const auto clauses = hit->tmpl.optional_clauses();
        const bool has_also = std::find(clauses.begin(), clauses.end(), "also") != clauses.end();
        CHECK(has_also == (situation != "self-introduction" && !id.starts_with("also/")));
      }
    }
  }
}

TEST_CASE("catalog - at least three situations per context kind") {
  std::map<std::string, int> per_kind;
  for (const auto s : rapport::builtin_situations()) per_kind[std::string(s.substr(0, s.find('/')))]++;
  for (const auto &[kind, n] : per_kind) {
    INFO(kind);
    if (kind != "self-introduction") CHECK(n >= 3);
  }
  CHECK(per_kind.size() == 8);
}

TEST_CASE("catalog - every built-in slot renders without leftovers in every locale, formality and gender") {
  const auto &cat = builtin();
  auto sets = load_arg_sets();
  std::size_t rendered = 0;
  for (auto &set : sets) {
    for (const char *gender : {"", "feminine", "masculine", "other"}) {
      template_args args = set.args;
      if (*gender) args.set("recipient_gender", gender);
      for (const auto &loc : builtin_locales) {
        for (const auto &slot : cat.slots(loc)) {
          INFO(set.name << " / " << gender << " / " << loc << " / " << slot);
          auto hit = cat.lookup(loc, slot, args);
          REQUIRE(hit);
          REQUIRE(hit->missing.empty());
          auto text = hit->tmpl.render(args);
          if (!text) FAIL(text.error().message);
          ++rendered;
          CHECK(text->find("opt_") == std::string::npos);
          CHECK_FALSE(has_empty_value_trace(*text));
          if (set.name != "syntax") {
            CHECK(text->find('{') == std::string::npos);
            CHECK(text->find('}') == std::string::npos);
          } else if (!slot.starts_with("also/")) {
            CHECK(text->find("{x}") != std::string::npos);  // the value, literally
          }
          if (set.name == "typical" && slot.find("/short/") != std::string::npos) {
            INFO(*text);
            CHECK(graphemes(*text) <= 200);
          }
        }
      }
    }
  }
  const std::size_t situations = rapport::builtin_situations().size();
  CHECK(rendered == sets.size() * 4 * builtin_locales.size() * (situations * 4 + (situations - 1) * 2));
}

TEST_CASE("catalog - greetings follow a stated gender and stay neutral otherwise") {
  const auto &cat = builtin();
  auto base = template_args{}.set("recipient_given_name", "Anna").set("sender_given_name", "Jonas").set("city_name", "Köln");
  struct row { const char *locale; const char *slot; const char *gender; const char *starts; };
  const std::vector<row> table = {
      {"de", "city/same-city/standard/formal", "", "Hallo Anna,"},
      {"de", "city/same-city/standard/formal", "feminine", "Liebe Anna,"},
      {"de", "city/same-city/standard/informal", "masculine", "Lieber Anna,"},  // the caller said so
      {"fr", "city/same-city/standard/formal", "", "Bonjour Anna,"},
      {"fr", "city/same-city/standard/formal", "feminine", "Chère Anna,"},
      {"es", "city/same-city/standard/formal", "", "Hola, Anna:"},
      {"es", "city/same-city/standard/formal", "feminine", "Estimada Anna:"},
      {"en", "city/same-city/short/formal", "feminine", "Hi Anna,"},
  };
  for (const auto &r : table) {
    INFO(r.locale << " " << r.slot << " " << r.gender);
    auto args = base;
    if (*r.gender) args.set("recipient_gender", r.gender);
    auto hit = cat.lookup(r.locale, r.slot);
    REQUIRE(hit);
    auto text = hit->tmpl.render(args);
    REQUIRE(text);
    CHECK(text->rfind(r.starts, 0) == 0);
  }
}

TEST_CASE("catalog - formal and informal forms differ where the language distinguishes them") {
  const auto &cat = builtin();
  auto args = template_args{}.set("recipient_given_name", "Anna").set("sender_given_name", "Jonas").set("mutual_name", "Lea");
  struct row { const char *locale; const char *formal_word; const char *informal_word; };
  for (const auto &r : std::vector<row>{{"de", "Ihnen", "dir"}, {"fr", "vous", "te"}, {"es", "le", "te"}}) {
    INFO(r.locale);
    auto f = cat.lookup(r.locale, "mutual/introduced-by/short/formal");
    auto i = cat.lookup(r.locale, "mutual/introduced-by/short/informal");
    REQUIRE(f);
    REQUIRE(i);
    const auto ft = *f->tmpl.render(args), it = *i->tmpl.render(args);
    CHECK(ft.find(std::string(" ") + r.formal_word + " ") != std::string::npos);
    CHECK(it.find(std::string(" ") + r.informal_word + " ") != std::string::npos);
  }
}

TEST_CASE("catalog - dates follow the recipient's locale and the event's time zone") {
  const auto &cat = builtin();
  auto args = template_args{}
                  .set("recipient_given_name", "Anna")
                  .set("sender_given_name", "Jonas")
                  .set("event_name", "Hannover Messe")
                  .set("event_date", rapport::date_value{1773356400000, "Europe/Berlin"});  // 13 March 00:00 in Berlin
  struct row { const char *locale; const char *want; };
  for (const auto &r : std::vector<row>{{"en", "on March 13"}, {"de", "am 13. März"}, {"fr", "le 13 mars"}, {"es", "el 13 de marzo"}}) {
    auto hit = cat.lookup(r.locale, "event/both-attending/upcoming/short/formal");
    REQUIRE(hit);
    auto text = hit->tmpl.render(args);
    REQUIRE(text);
    INFO(*text);
    CHECK(text->find(r.want) != std::string::npos);
  }
}

TEST_CASE("catalog - a slot missing in a locale falls back es-MX → es → en, and says so") {
  CHECK(rapport::locale_fallback_chain("es_mx") == std::vector<std::string>{"es-MX", "es", "en"});
  CHECK(rapport::locale_fallback_chain("zh-hant-tw") == std::vector<std::string>{"zh-Hant-TW", "zh-Hant", "zh", "en"});
  const auto &cat = builtin();
  auto hit = cat.lookup("es-MX", "city/same-city/short/informal");
  REQUIRE(hit);
  CHECK(hit->fallback);
  CHECK(hit->requested_locale == "es-MX");
  CHECK(hit->catalog_locale == "es");
  CHECK(hit->tried == std::vector<std::string>{"es-MX"});
  CHECK(hit->tmpl.locale() == "es-MX");  // numbers and dates for Mexico

  // A user catalog for es-MX with one slot; an es slot missing: falls back to en.
  auto po = std::string("msgid \"\"\nmsgstr \"Language: es-MX\\n\"\n\n"
                        "msgctxt \"city/same-city/short/informal\"\nmsgid \"x\"\nmsgstr \"¡Hola, {recipient_given_name}! Soy {sender_given_name}.\"\n\n"
                        "msgctxt \"custom/brand-new/short/formal\"\nmsgid \"Hi {recipient_given_name}\"\nmsgstr \"\"\n");
  auto mx = cat.overlay_bytes(po, "mx.po");
  REQUIRE(mx);
  auto direct = mx->lookup("es-MX", "city/same-city/short/informal");
  REQUIRE(direct);
  CHECK_FALSE(direct->fallback);
  CHECK(direct->source == "mx.po");
  auto only_en = catalog::empty().overlay_bytes(
      "msgctxt \"custom/brand-new/short/formal\"\nmsgid \"Hi {recipient_given_name}\"\nmsgstr \"Hi {recipient_given_name}!\"\n",
      "en.po", "en");
  REQUIRE(only_en);
  auto far = only_en->lookup("es-MX", "custom/brand-new/short/formal");
  REQUIRE(far);
  CHECK(far->fallback);
  CHECK(far->catalog_locale == "en");
  CHECK(far->tried == std::vector<std::string>{"es-MX", "es"});
  CHECK(far->tmpl.locale() == "en");  // English text: English dates
  auto none = cat.lookup("de", "event/never-heard-of/short/formal");
  REQUIRE_FALSE(none);
  CHECK(none.error().code == errc::not_found);
}

TEST_CASE("catalog - user catalogs overlay the built-ins slot by slot, from .po or .mo, file or bytes") {
  const auto &cat = builtin();
  const std::string path = std::string(RAPPORT_FIXTURES) + "/templates/user_de.po";
  auto mine = cat.overlay_file(path);
  REQUIRE(mine);
  auto args = template_args{}.set("recipient_given_name", "Anna").set("sender_given_name", "Jonas").set("city_name", "Köln");
  auto replaced = mine->lookup("de", "city/same-city/short/informal");
  REQUIRE(replaced);
  CHECK(replaced->source == path);
  CHECK(*replaced->tmpl.render(args) == "Servus Anna, Jonas hier – auch aus Köln! Auf einen Kaffee?");
  auto kept = mine->lookup("de", "city/same-city/short/formal");
  REQUIRE(kept);
  CHECK(kept->source == "data/templates/de.po");
  // The built-in catalog itself is unchanged.
  CHECK(builtin().lookup("de", "city/same-city/short/informal")->source == "data/templates/de.po");

  // The same catalog compiled to .mo (by msgfmt at build time) gives the same text.
  auto mo = cat.overlay_file(RAPPORT_USER_MO, "de");
  REQUIRE(mo);
  CHECK(*mo->lookup("de", "city/same-city/short/informal")->tmpl.render(args) ==
        "Servus Anna, Jonas hier – auch aus Köln! Auf einen Kaffee?");
  auto missing = cat.overlay_file("/nonexistent/rapport.po", "de");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == errc::io_error);
}

TEST_CASE("catalog - syntax errors name the catalog, slot, line and column") {
  struct row { std::string po; errc code; std::string where; };
  const std::vector<row> table = {
      {"msgctxt \"city/same-city/short/formal\"\nmsgid \"x\"\nmsgstr \"Hi {recipient_given_name\"\n", errc::parse_error,
       "bad.po: slot 'city/same-city/short/formal', line 3, column 33"},
      {"\nmsgctxt \"city/same-city/short/formal\"\nmsgid \"x\"\nmsgstr \"\"\n\"Hi {recipient_given_name},\\n\"\n\"I'm {first_name}.\"\n",
       errc::invalid_argument, "bad.po: slot 'city/same-city/short/formal', line 6, column 7: unknown argument name 'first_name'"},
      {"msgctxt \"city/same-city/short/formal\"\nmsgid \"x\"\nmsgstr \"{recipient_gender, select, feminine {Liebe}}\"\n",
       errc::parse_error, "line 3, column 9: missing 'other'"},
      {"msgctxt \"city/same city\"\nmsgid \"x\"\nmsgstr \"y\"\n", errc::parse_error, "slot 'city/same city', line 3"},
      {"msgctxt \"a/b/short/formal\"\nmsgid \"x\"\nmsgstr \"y\n", errc::parse_error, "bad.po: line 3, column 10: unterminated string"},
      {"msgid \"x\"\nmsgstr \"y\"\n", errc::parse_error, "entry without msgctxt"},
  };
  for (const auto &r : table) {
    INFO(r.po);
    auto c = builtin().overlay_bytes(r.po, "bad.po", "de");
    REQUIRE_FALSE(c);
    CHECK(c.error().code == r.code);
    INFO(c.error().message);
    CHECK(c.error().message.find(r.where) != std::string::npos);
  }
  const std::string bad_po = "msgctxt \"a/b/short/formal\"\nmsgid \"x\"\nmsgstr \"\xc3\"\n";
  auto bad_utf8 = catalog::empty().overlay_bytes(bad_po, "u.po", "de");
  REQUIRE_FALSE(bad_utf8);
  CHECK(bad_utf8.error().code == errc::invalid_utf8);
  CHECK(bad_utf8.error().offset == bad_po.find('\xc3'));
}

TEST_CASE("catalog - fuzzy and untranslated entries are skipped like msgfmt does") {
  const std::string po =
      "#, fuzzy\nmsgctxt \"city/same-city/short/formal\"\nmsgid \"x\"\nmsgstr \"Grüß Gott {recipient_given_name}\"\n\n"
      "msgctxt \"city/visiting/short/formal\"\nmsgid \"x\"\nmsgstr \"\"\n";
  auto c = builtin().overlay_bytes(po, "partial.po", "de");
  REQUIRE(c);
  CHECK(c->lookup("de", "city/same-city/short/formal")->source == "data/templates/de.po");
  CHECK(c->lookup("de", "city/visiting/short/formal")->source == "data/templates/de.po");
}

TEST_CASE("catalog - choose picks the first slot whose arguments are all given") {
  const auto &cat = builtin();
  auto args = template_args{}.set("recipient_given_name", "Anna").set("sender_given_name", "Jonas").set("city_name", "Berlin");
  const std::vector<std::string> prefs = {"event/both-attending/upcoming/short/formal", "city/same-city/short/formal"};
  auto hit = cat.choose("en", prefs, args);
  REQUIRE(hit);
  CHECK(hit->slot == "city/same-city/short/formal");
  auto look = cat.lookup("en", prefs[0], args);
  REQUIRE(look);
  CHECK(look->missing == std::vector<std::string>{"event_name"});
  auto none = cat.choose("en", std::vector<std::string>{prefs[0]}, args);
  REQUIRE_FALSE(none);
  CHECK(none.error().code == errc::invalid_argument);
  CHECK(none.error().message.find("event_name") != std::string::npos);
}

TEST_CASE("catalog - a missing optional value drops its clause instead of leaving a gap") {
  const auto &cat = builtin();
  auto hit = cat.lookup("en", "event/both-exhibiting/upcoming/short/formal");
  REQUIRE(hit);
  CHECK(hit->tmpl.required_arguments() == std::vector<std::string>{"recipient_given_name", "sender_given_name", "event_name"});
  auto r = hit->tmpl.render(template_args{}
                                .set("recipient_given_name", "Anna")
                                .set("sender_given_name", "Jonas")
                                .set("event_name", "Hannover Messe")
                                .set("purpose", "sensors"),
                            {{"purpose"}});
  REQUIRE(r);
  CHECK(r->text == "Hi Anna, I’m Jonas. We’re both exhibiting at Hannover Messe. Shall we meet at the show?");
  CHECK(r->dropped == std::vector<std::string>{"org", "date", "also", "purpose"});
}

TEST_CASE("catalog - lookups and renders from 8 threads agree") {
  const auto &cat = builtin();
  auto sets = load_arg_sets();
  const auto &args = sets.front().args;
  std::vector<std::string> want;
  for (const auto &loc : builtin_locales)
    for (const auto &slot : cat.slots(loc)) want.push_back(*cat.lookup(loc, slot)->tmpl.render(args));
  std::vector<std::vector<std::string>> got(8);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < 8; ++k)
    threads.emplace_back([&, k] {
      for (const auto &loc : builtin_locales)
        for (const auto &slot : cat.slots(loc)) got[k].push_back(cat.lookup(loc, slot)->tmpl.render(args).value_or(std::string("error")));
    });
  for (auto &t : threads) t.join();
  for (const auto &g : got) CHECK(g == want);
}

TEST_CASE("catalog - one contact in common is named as the one, never 'one contact, including'") {
  const auto &cat = builtin();
  struct row {
    const char *locale;
    int count;
    bool name_shown;  // false: the fitter dropped opt_mutual
    const char *says;
  };
  const row rows[] = {
      {"en", 1, true, "We both know Jan de Vries."},
      {"en", 1, false, "We have a contact in common."},
      {"en", 2, true, "We have 2 contacts in common, including Jan de Vries."},
      {"en", 12, false, "We have 12 contacts in common."},
      {"de", 1, true, "Wir kennen beide Jan de Vries."},
      {"de", 1, false, "Wir haben einen gemeinsamen Kontakt."},
      {"de", 2, true, "Wir haben 2 gemeinsame Kontakte, darunter Jan de Vries."},
      {"fr", 1, true, "Nous connaissons Jan de Vries, vous comme moi."},
      {"fr", 1, false, "Nous avons un contact en commun."},
      {"fr", 0, false, "Nous avons 0 contact en commun."},  // French: 0 takes the singular
      {"fr", 2, true, "Nous avons 2 contacts en commun, dont Jan de Vries."},
      {"es", 1, true, "Usted y yo conocemos a Jan de Vries."},
      {"es", 1, false, "Tenemos un contacto en común."},
      {"es", 2, true, "Tenemos 2 contactos en común, entre ellos Jan de Vries."},
  };
  for (const auto &r : rows) {
    auto hit = cat.lookup(r.locale, "mutual/shared-contacts/short/formal");
    REQUIRE(hit);
    auto args = template_args{}
                    .set("recipient_given_name", "Anna")
                    .set("sender_given_name", "Jonas")
                    .set("mutual_name", "Jan de Vries")
                    .set("mutual_count", r.count);
    rapport::render_options ro;
    if (!r.name_shown) ro.drop = {"mutual"};
    auto text = hit->tmpl.render(args, ro);
    REQUIRE(text);
    INFO(r.locale << " " << r.count << ": " << text->text);
    CHECK(text->text.find(r.says) != std::string::npos);
  }
  // the standard notes and the second-reason sentences, in every locale and register
  for (const auto &loc : builtin_locales)
    for (const char *slot : {"mutual/shared-contacts/short/formal", "mutual/shared-contacts/short/informal",
                             "mutual/shared-contacts/standard/formal", "mutual/shared-contacts/standard/informal",
                             "also/mutual/shared-contacts/short/formal", "also/mutual/shared-contacts/short/informal"}) {
      auto hit = cat.lookup(loc, slot);
      REQUIRE(hit);
      auto one = hit->tmpl.render(template_args{}
                                      .set("recipient_given_name", "Anna")
                                      .set("sender_given_name", "Jonas")
                                      .set("mutual_name", "Jan de Vries")
                                      .set("mutual_count", 1));
      REQUIRE(one);
      INFO(loc << " " << slot << ": " << *one);
      CHECK(one->find("Jan de Vries") != std::string::npos);
      for (const char *bad : {"including", "darunter", "dont", "entre ellos", "1 ", "paths", "Wege", "chemins", "caminos"})
        CHECK(one->find(bad) == std::string::npos);
    }
}

TEST_CASE("catalog - days and years read right for 0, 1 and more in every language") {
  const auto &cat = builtin();
  struct row {
    const char *locale;
    const char *slot;
    const char *argument;
    int value;
    const char *says;
  };
  const row rows[] = {
      {"en", "event/recently-past/standard/formal", "days_since", 0, "We were both at bauma earlier today,"},
      {"en", "event/recently-past/standard/formal", "days_since", 1, "We were both at bauma yesterday,"},
      {"en", "event/recently-past/standard/formal", "days_since", 3, "We were both at bauma 3 days ago,"},
      {"de", "event/recently-past/standard/formal", "days_since", 0, "Wir waren heute beide bei bauma"},
      {"de", "event/recently-past/standard/formal", "days_since", 1, "Wir waren gestern beide bei bauma"},
      {"de", "event/recently-past/standard/formal", "days_since", 3, "Wir waren vor 3 Tagen beide bei bauma"},
      {"fr", "event/recently-past/standard/formal", "days_since", 0, "Nous étions à bauma aujourd’hui,"},  // not "hier"
      {"fr", "event/recently-past/standard/formal", "days_since", 1, "Nous étions à bauma hier,"},
      {"fr", "event/recently-past/standard/formal", "days_since", 3, "Nous étions à bauma il y a 3 jours,"},
      {"es", "event/recently-past/standard/formal", "days_since", 0, "estuvimos en bauma hoy"},
      {"es", "event/recently-past/standard/formal", "days_since", 1, "estuvimos en bauma ayer"},
      {"fr", "past-employer/overlapped/standard/formal", "years_overlap", 1, "pendant un an."},
      {"fr", "past-employer/overlapped/standard/formal", "years_overlap", 0, "pendant 0 an."},  // French: 0 is singular
      {"fr", "past-employer/overlapped/standard/formal", "years_overlap", 2, "pendant 2 ans."},
      {"de", "past-employer/overlapped/standard/formal", "years_overlap", 1, "ein Jahr davon sogar zur selben Zeit"},
      {"es", "past-employer/overlapped/standard/formal", "years_overlap", 1, "durante un año."},
  };
  for (const auto &r : rows) {
    auto hit = cat.lookup(r.locale, r.slot);
    REQUIRE(hit);
    auto text = hit->tmpl.render(template_args{}
                                     .set("recipient_given_name", "Anna")
                                     .set("sender_given_name", "Jonas")
                                     .set("event_name", "bauma")
                                     .set("employer_name", "Siemens")
                                     .set(r.argument, r.value));
    REQUIRE(text);
    INFO(r.locale << " " << r.argument << "=" << r.value << ": " << *text);
    CHECK(text->find(r.says) != std::string::npos);
  }
}
