#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <tuple>

#include "rapport/import.hpp"
#include "support/import_helpers.hpp"

using namespace rapport;
using namespace rapport::test;
using namespace std::chrono;

namespace {

const std::string &fixtures = test::import_fixtures;

// Field-by-field equality, written out so that a field export_json forgets shows up here.
bool same(const organization &a, const organization &b) {
  return std::tie(a.name, a.title, a.industry, a.current, a.start_year, a.end_year) ==
         std::tie(b.name, b.title, b.industry, b.current, b.start_year, b.end_year);
}
bool same(const contact &a, const contact &b) {
  if (a.organizations.size() != b.organizations.size() || a.events.size() != b.events.size() ||
      a.offers.size() != b.offers.size())
    return false;
  for (std::size_t i = 0; i < a.organizations.size(); ++i)
    if (!same(a.organizations[i], b.organizations[i])) return false;
  for (std::size_t i = 0; i < a.events.size(); ++i)
    if (a.events[i].event_id != b.events[i].event_id || a.events[i].role != b.events[i].role) return false;
  for (std::size_t i = 0; i < a.offers.size(); ++i)
    if (std::tie(a.offers[i].id, a.offers[i].summary, a.offers[i].challenge_ids) !=
        std::tie(b.offers[i].id, b.offers[i].summary, b.offers[i].challenge_ids))
      return false;
  return std::tie(a.id, a.name.given, a.name.family, a.name.middle, a.name.prefix, a.name.suffix, a.name.preferred,
                  a.name.raw, a.headline, a.industry, a.location, a.languages, a.locale, a.formality_preference,
                  a.gender, a.connected_on, a.schools, a.topics, a.connections, a.purpose) ==
         std::tie(b.id, b.name.given, b.name.family, b.name.middle, b.name.prefix, b.name.suffix, b.name.preferred,
                  b.name.raw, b.headline, b.industry, b.location, b.languages, b.locale, b.formality_preference,
                  b.gender, b.connected_on, b.schools, b.topics, b.connections, b.purpose);
}
bool same(const event &a, const event &b) {
  return std::tie(a.id, a.name, a.aliases, a.series, a.edition, a.all_day, a.start, a.end, a.first_day, a.last_day,
                  a.time_zone, a.venue, a.location, a.url) ==
         std::tie(b.id, b.name, b.aliases, b.series, b.edition, b.all_day, b.start, b.end, b.first_day, b.last_day,
                  b.time_zone, b.venue, b.location, b.url);
}
bool same(const challenge &a, const challenge &b) {
  return std::tie(a.id, a.title, a.description, a.industries, a.keywords) ==
         std::tie(b.id, b.title, b.description, b.industries, b.keywords);
}
template <class T>
bool same(const std::vector<T> &a, const std::vector<T> &b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}
bool same(const imported &a, const imported &b) {
  if (a.sender.has_value() != b.sender.has_value()) return false;
  if (a.sender && !same(*a.sender, *b.sender)) return false;
  return same(a.contacts, b.contacts) && same(a.events, b.events) && same(a.challenges, b.challenges);
}

imported rich_document() {
  imported d;
  contact me;
  me.id = "me";
  me.name.given = "Lena";
  me.name.family = "Vogel";
  me.name.middle = "Maria";
  me.name.prefix = "Dr.";
  me.name.suffix = "PhD";
  me.name.preferred = "Leni";
  me.name.raw = "Dr. Lena Maria Vogel, PhD";
  me.headline = "Founder, cold-chain analytics";
  me.organizations.push_back({"FrostIQ GmbH", "CEO", "Software", true, 2021, std::nullopt});
  me.organizations.push_back({"Linde", "Engineer", "Chemicals", false, 2012, 2020});
  me.industry = "Software Development";
  me.location = "München, Bayern, Deutschland";
  me.languages = {"de", "en"};
  me.locale = "de-DE";
  me.formality_preference = formality::formal;
  me.gender = grammatical_gender::feminine;
  me.offers.push_back({"o1", "cutting energy use in cold storage", {"eu-f-gas"}});
  me.purpose = "find pilot customers";
  d.sender = me;

  contact c;
  c.id = "linkedin:jan-kowalski";
  c.name.given = "Jan";
  c.name.family = "Kowalski";
  c.name.raw = "Jan Kowalski 🚀";
  c.organizations.push_back({"Biedronka", "Head of Logistics", "Retail", true, {}, {}});
  c.location = "Warsaw, Poland";
  c.connected_on = 2023y / February / 7;
  c.events.push_back({"anuga-2025", event_role::exhibitor});
  c.events.push_back({"call-1", event_role::speaker});
  c.schools = {"Politechnika Warszawska"};
  c.topics = {"cold chain", "food waste"};
  c.connections = {"me"};
  d.contacts.push_back(c);
  contact bare;
  bare.id = "email:x@y.z";
  d.contacts.push_back(bare);

  event fair;
  fair.id = "anuga-2025";
  fair.name = "Anuga";
  fair.aliases = {"ANUGA"};
  fair.series = "anuga";
  fair.edition = 2025;
  fair.all_day = true;
  fair.first_day = 2025y / October / 4;
  fair.last_day = 2025y / October / 8;
  fair.time_zone = "Europe/Berlin";
  fair.venue = "Koelnmesse";
  fair.location = "Köln";
  fair.url = "https://www.anuga.com/";
  d.events.push_back(fair);
  event call;
  call.id = "call-1";
  call.name = "Cold chain webinar";
  call.start = sys_days(2025y / May / 20) + hours(14);
  call.end = call.start + minutes(45);
  d.events.push_back(call);

  d.challenges.push_back({"eu-f-gas", "the EU F-gas phase-down", "HFC refrigerants are being phased out.",
                          {"Retail", "Food and Beverage Manufacturing"}, {"refrigeration", "f-gas"}});
  return d;
}

} // namespace

TEST_CASE("import - JSON export then import gives back equal records, and the same text again") {
  const imported doc = rich_document();
  auto text = export_json(doc);
  REQUIRE(text);
  CHECK(text->rfind("{\n  \"format\": \"rapport\",\n  \"version\": 1,", 0) == 0);
  auto back = import_json(*text);
  REQUIRE(back);
  CHECK(back->report.clean());
  CHECK(same(doc, *back));
  auto again = export_json(*back);
  REQUIRE(again);
  CHECK(*again == *text);
}

TEST_CASE("import - records from every format survive a JSON round trip") {
  struct row { const char *file; result<imported> (*read)(const std::filesystem::path &, const import_options &); };
  const std::vector<row> table = {
      {"linkedin_current.csv", import_linkedin_csv_file}, {"linkedin_old.csv", import_linkedin_csv_file},
      {"v21_qp_charsets.vcf", import_vcard_file},         {"v30_folding_groups.vcf", import_vcard_file},
      {"events.ics", import_icalendar_file},              {"windows_tzid.ics", import_icalendar_file},
  };
  for (const auto &t : table) {
    INFO(t.file);
    auto first = t.read(fixtures + t.file, {});
    REQUIRE(first);
    auto text = export_json(*first);
    REQUIRE(text);
    auto second = import_json(*text);
    REQUIRE(second);
    CHECK(second->report.clean());
    CHECK(same(*first, *second));
  }
}

TEST_CASE("import - JSON records with wrong fields are skipped with their path and line") {
  const std::string text = R"({
  "format": "rapport",
  "version": 1,
  "contacts": [
    {"id": "ok", "name": {"given": "A"}},
    {"id": "bad-languages", "languages": "de"},
    {"name": {"given": "no id"}},
    {"id": "typo", "headlin": "x"},
    {"id": "bad-role", "events": [{"event_id": "e", "role": "visitor"}]},
    {"id": "bad-date", "connected_on": "2023-02-30"},
    42
  ],
  "events": [
    {"id": "timed-without-start", "name": "x"},
    {"id": "fine", "all_day": true, "first_day": "2025-01-01"}
  ]
})";
  auto r = import_json(text, named("d.json"));
  REQUIRE(r);
  CHECK(r->contacts.size() == 2);
  CHECK(r->events.size() == 1);
  CHECK(r->events[0].last_day == year_month_day{2025y / January / 1});
  const auto m = messages(r->report);
  for (const char *expected : {
           "d.json:6:5: record 3: field contacts[1].languages: expected an array of strings (skipped)",
           "d.json:7:5: record 4: field contacts[2].id: a contact needs a non-empty id (skipped)",
           "d.json:8:5: record 5: field contacts[3].headlin: unknown key ignored (repaired)",
           "d.json:9:5: record 6: field contacts[4].events[0].role: unknown value 'visitor' (skipped)",
           "d.json:10:5: record 7: field contacts[5].connected_on: no such day '2023-02-30' (skipped)",
           "d.json:11:5: record 8: field contacts[6]: expected an object (skipped)",
           "d.json:14:5: record 0: field events[0].start: a timed event needs start (or set all_day) (skipped)",
       }) {
    CHECK_THAT(m, Catch::Matchers::VectorContains(std::string(expected)));
  }
}

TEST_CASE("import - JSON that is not a rapport document is an error with its location") {
  struct row { const char *what; std::string text; errc code; std::string says; };
  std::string deep = "{\"format\":\"rapport\",\"version\":1,\"contacts\":[";
  for (int i = 0; i < 40; ++i) deep += "[";
  const std::vector<row> table = {
      {"not JSON", "{\n  \"format\": \"rapport\",\n  oops\n}", errc::parse_error, "j.json:3:3: not valid JSON"},
      {"invalid UTF-8", "{\"format\": \"rap\xFFport\"}", errc::invalid_utf8, "j.json:1:16: invalid UTF-8 at byte 15"},
      {"another format", R"({"format": "other", "version": 1})", errc::parse_error, "not a rapport document"},
      {"a newer version", R"({"format": "rapport", "version": 2})", errc::parse_error, "unsupported rapport document version"},
      {"nested too deep", deep, errc::limit_exceeded, "JSON nested deeper than limits.max_depth (32)"},
  };
  for (const auto &t : table) {
    INFO(t.what);
    auto r = import_json(t.text, named("j.json"));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == t.code);
    CHECK_THAT(r.error().message, Catch::Matchers::Contains(t.says));
  }
}

TEST_CASE("import - export refuses records that are not UTF-8 and names them") {
  imported doc;
  contact c;
  c.id = "x";
  c.headline = "bad \xC3";
  doc.contacts.push_back(c);
  auto r = export_json(doc);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::invalid_utf8);
  CHECK(r.error().message == "contacts[0] has a field that is not valid UTF-8");
}

TEST_CASE("import - a JSON document into a directory: the sender is reported, the rest added") {
  auto text = export_json(rich_document());
  REQUIRE(text);
  directory_builder b;
  auto r = import_bytes_into(b, import_format::json, *text, named("doc.json"));
  REQUIRE(r);
  CHECK(r->imported == 5);  // 2 contacts, 2 events, 1 challenge
  CHECK(r->skipped == 1);
  CHECK_THAT(messages(*r), Catch::Matchers::VectorContains(std::string(
                               "doc.json:4:13: record 0: the sender profile is not a directory record; read it with import_json (skipped)")));
  auto dir = b.build();
  REQUIRE(dir);
  CHECK(dir->find_event("anuga-2025") != nullptr);
  CHECK(dir->find_challenge("eu-f-gas") != nullptr);
}

TEST_CASE("import - the documented example document imports cleanly") {
  auto r = import_json_file(fixtures + "document.json");
  REQUIRE(r);
  CHECK(r->report.clean());
  REQUIRE(r->sender);
  CHECK(r->sender->offers.at(0).challenge_ids == std::vector<std::string>{"eu-f-gas"});
  CHECK(r->contacts.at(0).connected_on == year_month_day{2023y / February / 7});
  CHECK(r->contacts.at(0).events.at(0).role == event_role::exhibitor);
  CHECK(r->events.at(1).end - r->events.at(1).start == minutes(45));
  CHECK(r->challenges.at(0).industries.size() == 2);
}

TEST_CASE("import - a JSON number too large for a double is a parse error, not an exception (fuzz find)") {
  auto r = import_json_file(fixtures + "regressions/json-number-overflow.json");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::parse_error);
  CHECK_THAT(r.error().message, Catch::Matchers::Contains("not valid JSON: number overflow parsing '7777e777777000'"));
  auto inside = import_json(R"({"format": "rapport", "version": 1, "contacts": [{"id": "x", "n": 1e999999}]})");
  REQUIRE_FALSE(inside);
  CHECK(inside.error().code == errc::parse_error);
}
