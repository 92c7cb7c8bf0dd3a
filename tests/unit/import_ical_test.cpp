#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "rapport/import.hpp"
#include "support/import_helpers.hpp"

using namespace rapport;
using namespace rapport::test;
using namespace std::chrono;

namespace {

const std::string &fixtures = test::import_fixtures;
const std::string shared = std::string(RAPPORT_SHARED_TESTDATA) + "/ics/";

sys_seconds utc(year_month_day d, int h, int m = 0) { return sys_days(d) + hours(h) + minutes(m); }

} // namespace

TEST_CASE("import - iCalendar all-day, zoned, UTC, floating and DURATION events map to rapport events") {
  auto r = import_icalendar_file(fixtures + "events.ics");
  REQUIRE(r);
  CHECK(r->report.clean());
  REQUIRE(r->events.size() == 7);

  const event *bauma = find_record(r->events, "bauma-2025@example.com");
  REQUIRE(bauma);
  CHECK(bauma->name == "bauma 2025");
  CHECK(bauma->series == "bauma");
  CHECK(bauma->edition == 2025);
  CHECK(bauma->all_day);
  CHECK(bauma->first_day == year_month_day{2025y / April / 7});
  CHECK(bauma->last_day == year_month_day{2025y / April / 13});  // DTEND 20250414 is exclusive
  CHECK(bauma->location == "Messe München, Munich, Germany");
  CHECK(bauma->url == "https://bauma.de/");

  struct row { const char *id; sys_seconds start, end; const char *zone; };
  const std::vector<row> timed = {
      {"keynote-1@example.com", utc(2025y / April / 8, 7, 30), utc(2025y / April / 8, 8, 30), "Europe/Berlin"},  // CEST
      {"web-summit-2025@example.com", utc(2025y / November / 10, 9), utc(2025y / November / 13, 18), ""},  // DURATION P3DT9H
      {"meetup@example.com", utc(2025y / June / 1, 18), utc(2025y / June / 1, 20), ""},  // floating, read as UTC
      {"weekly@example.com@20250505T100000", utc(2025y / May / 6, 8), utc(2025y / May / 6, 9), "Europe/Berlin"},
      {"iana-no-vtimezone@example.com", utc(2026y / January / 11, 14), utc(2026y / January / 13, 22), "America/New_York"},
  };
  for (const auto &t : timed) {
    INFO(t.id);
    const event *e = find_record(r->events, t.id);
    REQUIRE(e);
    CHECK_FALSE(e->all_day);
    CHECK(e->start == t.start);
    CHECK(e->end == t.end);
    CHECK(e->time_zone == t.zone);
  }
  const event *web = find_record(r->events, "web-summit-2025@example.com");
  CHECK(web->series == "web-summit");
  CHECK(web->location == "Lisbon, Portugal");
  const event *hack = find_record(r->events, "one-day@example.com");
  REQUIRE(hack);
  CHECK(hack->all_day);
  CHECK(hack->first_day == hack->last_day);
  CHECK(find_record(r->events, "iana-no-vtimezone@example.com")->series == "nrf-retail-s-big-show");
}

TEST_CASE("import - iCalendar VEVENTs without a VCALENDAR wrapper import") {
  auto r = import_icalendar_file(fixtures + "bare_vevent.ics");
  REQUIRE(r);
  REQUIRE(r->events.size() == 1);
  CHECK(r->events[0].name == "Hannover Messe 2026");
  CHECK(r->events[0].last_day == year_month_day{2026y / April / 24});
}

TEST_CASE("import - iCalendar TZIDs: Windows names map to IANA, other VTIMEZONEs convert and are reported") {
  auto r = import_icalendar_file(fixtures + "windows_tzid.ics", named("w.ics"));
  REQUIRE(r);
  REQUIRE(r->events.size() == 3);
  const event *outlook = find_record(r->events, "outlook-1");
  REQUIRE(outlook);
  CHECK(outlook->time_zone == "Europe/Berlin");
  CHECK(outlook->start == utc(2025y / March / 12, 13));
  const event *custom = find_record(r->events, "custom-1");
  REQUIRE(custom);
  CHECK(custom->start == utc(2025y / March / 12, 4, 30));  // +05:30 from the file's VTIMEZONE
  CHECK(custom->time_zone.empty());  // not whole hours: no fixed Etc/GMT zone fits
  const event *nowhere = find_record(r->events, "nowhere-1");
  REQUIRE(nowhere);
  CHECK(nowhere->start == utc(2025y / March / 12, 10));
  const auto m = messages(r->report);
  CHECK_THAT(m, Catch::Matchers::VectorContains(std::string(
                    "w.ics:33:1: record 1: field DTSTART: TZID 'Custom Zone' is not an IANA zone; converted with the file's VTIMEZONE (repaired)")));
  CHECK_THAT(m, Catch::Matchers::VectorContains(std::string(
                    "w.ics:39:1: record 2: field DTSTART: TZID 'Mars/Olympus' is neither an IANA zone nor defined by a VTIMEZONE; read as UTC (repaired)")));
  auto strict = import_icalendar_file(fixtures + "windows_tzid.ics", named("", import_mode::strict));
  REQUIRE_FALSE(strict);
  CHECK(strict.error().code == errc::not_found);
}

TEST_CASE("import - a truncated iCalendar file keeps complete events and says where it was cut") {
  auto r = import_icalendar_file(fixtures + "truncated.ics", named("t.ics"));
  REQUIRE(r);
  REQUIRE(r->events.size() == 1);
  CHECK(r->events[0].id == "complete");
  CHECK(r->report.skipped == 1);
  const auto m = messages(r->report);
  CHECK_THAT(m, Catch::Matchers::VectorContains(std::string(
                    "t.ics:8:1: record 1: VEVENT opened at line 8 has no END:VEVENT (truncated input); skipped (skipped)")));
  CHECK_THAT(m, Catch::Matchers::VectorContains(std::string(
                    "t.ics:1:1: VCALENDAR opened at line 1 has no END:VCALENDAR (truncated input) (repaired)")));
}

TEST_CASE("import - iCalendar problems inside events are reported, the event kept or skipped as fits") {
  struct row { const char *what; std::string body; std::size_t imported, skipped; std::string problem; };
  auto wrap = [](const std::string &ev) { return "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n" + ev + "END:VEVENT\nEND:VCALENDAR\n"; };
  const std::vector<row> table = {
      {"no DTSTART", wrap("UID:a\nSUMMARY:x\n"), 0, 1, "c.ics:3:1: record 0: field DTSTART: VEVENT without DTSTART; skipped (skipped)"},
      {"no UID", wrap("SUMMARY:x\nDTSTART:20250101T000000Z\n"), 1, 0, "VEVENT without UID; id ics:"},
      {"end before start", wrap("UID:a\nSUMMARY:x\nDTSTART:20250102T000000Z\nDTEND:20250101T000000Z\n"), 1, 0,
       "c.ics:3:1: record 0: field DTEND: DTEND is before DTSTART; end set to start (repaired)"},
      {"all-day end not after start", wrap("UID:a\nSUMMARY:x\nDTSTART;VALUE=DATE:20250102\nDTEND;VALUE=DATE:20250102\n"), 1, 0,
       "DTEND is not after DTSTART; a one-day event"},
      {"invalid UTF-8 in SUMMARY", wrap("UID:a\nSUMMARY:Caf\xE9\nDTSTART:20250101T000000Z\n"), 1, 0,
       "c.ics:3:1: record 0: field SUMMARY: invalid UTF-8 at byte 3 of the value; read as Windows-1252 (repaired)"},
  };
  for (const auto &t : table) {
    INFO(t.what);
    auto r = import_icalendar(t.body, named("c.ics"));
    REQUIRE(r);
    CHECK(r->report.imported == t.imported);
    CHECK(r->report.skipped == t.skipped);
    bool found = false;
    for (const auto &m : messages(r->report)) found = found || m.find(t.problem) != std::string::npos;
    CHECK(found);
  }
  auto cafe = import_icalendar(table[4].body);
  REQUIRE(cafe);
  CHECK(cafe->events.at(0).name == "Café");
}

TEST_CASE("import - input that is no calendar, or nested too deep, is an error") {
  auto none = import_icalendar("hello\nworld\n");
  REQUIRE_FALSE(none);
  CHECK(none.error().code == errc::parse_error);
  std::string deep = "BEGIN:VCALENDAR\n";
  for (int i = 0; i < 40; ++i) deep += "BEGIN:X-NEST\n";
  auto nested = import_icalendar(deep);
  REQUIRE_FALSE(nested);
  CHECK(nested.error().code == errc::limit_exceeded);
  CHECK_THAT(nested.error().message, Catch::Matchers::Contains(":33:1: components nested deeper than limits.max_depth"));
}

TEST_CASE("import - shared testdata: every ical4j and ical.js calendar imports or fails with a located error") {
  std::size_t valid = 0, invalid = 0;
  for (const auto &dir : {"ical4j", "ical.js"})
    for (const auto &entry : std::filesystem::directory_iterator(shared + dir)) {
      if (entry.path().extension() != ".ics") continue;
      const std::string name = entry.path().filename().string();
      INFO(name);
      auto r = import_icalendar_file(entry.path());
      if (name.find("samples__invalid__") != std::string::npos) {
        ++invalid;
        if (!r) CHECK_THAT(r.error().message, Catch::Matchers::Matches(".*\\.ics:[0-9]+:[0-9]+: .*"));
        continue;
      }
      ++valid;
      REQUIRE(r);
      for (const auto &e : r->events) {
        CHECK_FALSE(e.id.empty());
        if (e.all_day) CHECK(sys_days(e.last_day) >= sys_days(e.first_day));
        else CHECK(e.end >= e.start);
      }
    }
  CHECK(valid > 100);
  CHECK(invalid == 22);
}

TEST_CASE("import - shared testdata: ical.js calendars agree with their jCal on the fields rapport uses") {
  std::size_t compared = 0;
  for (const auto &entry : std::filesystem::directory_iterator(shared + "ical.js")) {
    const auto &path = entry.path();
    if (path.extension() != ".json") continue;
    auto ics = path;
    ics.replace_extension(".ics");
    if (!std::filesystem::exists(ics)) continue;
    INFO(path.filename().string());
    const auto jcal = nlohmann::json::parse(slurp(path));
    auto r = import_icalendar_file(ics);
    if (!r) {  // a calendar with nothing calendar-like (jCal of an empty document) must be empty in jCal too
      CHECK(r.error().code == errc::parse_error);
      continue;
    }
    std::vector<nlohmann::json> vevents;
    std::vector<nlohmann::json> roots = jcal.is_array() && jcal[0].is_string() ? std::vector<nlohmann::json>{jcal}
                                                                               : jcal.get<std::vector<nlohmann::json>>();
    for (const auto &cal : roots)
      if (cal[0] == "vcalendar")
        for (const auto &c : cal[2])
          if (c[0] == "vevent") vevents.push_back(c);
    std::size_t with_start = 0;
    for (const auto &ev : vevents) {
      std::string uid, summary, start, type;
      for (const auto &p : ev[1]) {
        if (p[0] == "uid") uid = p[3];
        if (p[0] == "summary") summary = p[3];
        if (p[0] == "dtstart") {
          start = p[3];
          type = p[2];
        }
      }
      if (start.empty()) continue;
      ++with_start;
      const event *e = find_record(r->events, uid);
      REQUIRE(e);
      CHECK(e->name == summary);
      if (type == "date") {
        CHECK(e->all_day);
        const year_month_day d{year(std::stoi(start.substr(0, 4))), month(unsigned(std::stoi(start.substr(5, 2)))),
                               day(unsigned(std::stoi(start.substr(8, 2))))};
        CHECK(e->first_day == d);
      }
      ++compared;
    }
    CHECK(r->events.size() == with_start);
    CHECK(r->report.skipped == vevents.size() - with_start);
  }
  CHECK(compared >= 1);
}

TEST_CASE("import - importers may run on several threads at once") {
  // libical, ICU converters and time zones are used per call; run under the tsan preset too.
  const std::string ics = slurp(fixtures + "events.ics");
  const std::string vcf = slurp(fixtures + "v21_qp_charsets.vcf");
  std::vector<std::size_t> counts(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        auto e = import_icalendar(ics);
        auto v = import_vcard(vcf);
        if (e && v) counts[t] += e->events.size() + v->contacts.size();
      }
    });
  for (auto &th : threads) th.join();
  for (auto n : counts) CHECK(n == 20 * (7 + 2));
}
