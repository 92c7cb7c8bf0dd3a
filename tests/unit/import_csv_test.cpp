#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "import/import_common.hpp"
#include "rapport/import.hpp"
#include "support/import_helpers.hpp"

using namespace rapport;
using namespace rapport::test;
using namespace std::chrono;

namespace {

import_options with_limits(const import_limits &limits) {
  import_options o;
  o.limits = limits;
  return o;
}

const std::string &fixtures = test::import_fixtures;

// A temporary file removed at the end of the scope.
struct temp_file {
  std::filesystem::path path;
  explicit temp_file(const std::string &name, const std::string &bytes)
      : path(std::filesystem::temp_directory_path() / ("rapport-test-" + std::to_string(::getpid()) + "-" + name)) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~temp_file() { std::filesystem::remove(path); }
};

const std::string header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";

} // namespace

TEST_CASE("import - LinkedIn current export with BOM, CRLF and the Notes preamble keeps every identifiable row") {
  auto r = import_linkedin_csv_file(fixtures + "linkedin_current.csv", named("Connections.csv"));
  REQUIRE(r);
  CHECK(r->report.imported == 6);
  CHECK(r->report.skipped == 1);
  CHECK(r->report.repaired == 2);
  CHECK(r->contacts.size() == 6);

  const contact *anna = find_record(r->contacts, "linkedin:anna-schmidt-4711");
  REQUIRE(anna);
  CHECK(anna->name.given == "Anna");
  CHECK(anna->name.family == "Schmidt");
  CHECK(anna->name.raw == "Anna Schmidt");
  REQUIRE(anna->organizations.size() == 1);
  CHECK(anna->organizations[0].name == "Siemens AG");
  CHECK(anna->organizations[0].title == "Head of Procurement");
  CHECK(anna->organizations[0].current);
  CHECK(anna->headline == "Head of Procurement");
  CHECK(anna->connected_on == year_month_day{2023y / February / 7});

  struct row { const char *id, *given, *family, *company, *position, *clean_given, *clean_family, *raw; };
  const std::vector<row> table = {
      {"linkedin:boli", "Bo", "Li", "Acme, Inc.", "CTO", "Bo", "Li", "Bo Li"},  // quoted comma
      {"linkedin:zoe-mueller", "Zoë 🌻", "Müller (she/her)", "Grün & Partner", "Beraterin", "Zoë", "Müller",
       "Zoë 🌻 Müller (she/her)"},  // emoji, pronouns
      {"linkedin:juergen-weiss", "Dr. Jürgen", "Weiß, MBA, PMP", "Bosch", "Senior Manager, \"Digital\" Sales",
       "Jürgen", "Weiß", "Dr. Jürgen Weiß, MBA, PMP"},
  };
  import_options as_written = named("Connections.csv");
  as_written.normalize = false;
  auto w = import_linkedin_csv_file(fixtures + "linkedin_current.csv", as_written);
  REQUIRE(w);
  CHECK(messages(w->report) == messages(r->report));
  for (const auto &t : table) {
    INFO(t.id);
    const contact *c = find_record(r->contacts, t.id);  // normalized (the default)
    REQUIRE(c);
    CHECK(c->name.given == t.clean_given);
    CHECK(c->name.family == t.clean_family);
    CHECK(c->name.raw == t.raw);
    CHECK(c->organizations.at(0).name == t.company);
    CHECK(c->organizations.at(0).title == t.position);
    const contact *raw = find_record(w->contacts, t.id);  // normalize = false: as written
    REQUIRE(raw);
    CHECK(raw->name.given == t.given);
    CHECK(raw->name.family == t.family);
    CHECK(raw->name.raw == t.raw);
    CHECK(raw->organizations.at(0).display.empty());
  }
  const contact *ghost = find_record(r->contacts, "linkedin:ghost-profile");
  REQUIRE(ghost);
  CHECK(ghost->name.raw.empty());

  const auto m = messages(r->report);
  CHECK_THAT(m, Catch::Matchers::VectorContains(std::string(
                    "Connections.csv:9:1: record 4: row has no name; kept because it has a URL or email (repaired)")));
  CHECK_THAT(m, Catch::Matchers::VectorContains(std::string(
                    "Connections.csv:10:1: record 5: row has no name, URL or email; nothing identifies the contact (skipped)")));
  CHECK_THAT(m, Catch::Matchers::VectorContains(std::string(
                    "Connections.csv:11:68: record 6: field Connected On: unrecognised date 'sometime in 2019'; "
                    "connected_on left empty (repaired)")));
}

TEST_CASE("import - LinkedIn older export without URL column takes ids from the email, then a name hash") {
  auto r = import_linkedin_csv_file(fixtures + "linkedin_old.csv");
  REQUIRE(r);
  CHECK(r->report.clean());
  REQUIRE(r->contacts.size() == 3);
  CHECK(r->contacts[0].id == "email:john.smith@example.com");
  CHECK(r->contacts[0].connected_on == year_month_day{2018y / January / 8});
  CHECK(r->contacts[1].id == detail::contact_id("", "", "Maria", "Garcia", "Iberdrola"));
  CHECK(r->contacts[1].id.rfind("name:", 0) == 0);
  CHECK(r->contacts[1].id.size() == 21);
  CHECK(r->contacts[1].connected_on == year_month_day{2017y / December / 31});
  CHECK(r->contacts[2].organizations.at(0).title.empty());
  CHECK(r->contacts[2].headline.empty());
}

TEST_CASE("import - Excel re-saves with 9-Sep-22 dates and no preamble import") {
  auto r = import_linkedin_csv_file(fixtures + "linkedin_excel.csv");
  REQUIRE(r);
  CHECK(r->report.clean());
  REQUIRE(r->contacts.size() == 2);
  CHECK(r->contacts[0].connected_on == year_month_day{2022y / September / 9});
  CHECK(r->contacts[1].connected_on == year_month_day{2023y / January / 17});
}

TEST_CASE("import - connection dates in every form the exports write") {
  struct row { const char *text; std::optional<year_month_day> day; };
  const std::vector<row> table = {
      {"07 Feb 2023", 2023y / February / 7},
      {"7 Feb 2023", 2023y / February / 7},
      {" 07 Feb 2023 ", 2023y / February / 7},
      {"1/8/18, 6:14 PM", 2018y / January / 8},
      {"12/31/17", 2017y / December / 31},
      {"31/12/2017", 2017y / December / 31},  // the first number cannot be a month: day first
      {"9-Sep-22", 2022y / September / 9},
      {"09-Sept-2022", 2022y / September / 9},
      {"17-January-23", 2023y / January / 17},
      {"2023-02-07", 2023y / February / 7},
      {"1/1/99", 1999y / January / 1},
      {"sometime", std::nullopt},
      {"32 Jan 2023", std::nullopt},
      {"29-Feb-23", std::nullopt},
      {"7 Mayday 2023", std::nullopt},
      {"13/13/2013", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto &t : table) {
    INFO(t.text);
    CHECK(detail::parse_loose_date(t.text) == t.day);
  }
}

TEST_CASE("import - contact ids prefer the LinkedIn URL, then the email, then a stable name hash") {
  struct row { const char *url, *email, *given, *family, *company, *id; };
  const std::vector<row> table = {
      {"https://www.linkedin.com/in/Anna-S/", "a@b.c", "Anna", "S", "X", "linkedin:anna-s"},
      {"http://de.linkedin.com/in/jw?trk=x", "", "J", "W", "", "linkedin:jw"},
      {"linkedin.com/in/plain", "", "", "", "", "linkedin:plain"},
      {"https://example.com/redirect?to=https://www.linkedin.com/in/x", "Me@Example.COM", "", "", "", "email:me@example.com"},
      {"https://www.linkedin.com/company/acme", "", "Al", "Bo", "Acme", "name:"},
  };
  for (const auto &t : table) {
    INFO(t.url);
    const std::string id = detail::contact_id(t.url, t.email, t.given, t.family, t.company);
    if (std::string_view(t.id) == "name:") {
      CHECK(id.rfind("name:", 0) == 0);
      CHECK(id == detail::contact_id("", "", "Al", "Bo", "Acme"));  // stable
      CHECK(id != detail::contact_id("", "", "Al", "Bo", "Globex"));
    } else {
      CHECK(id == t.id);
    }
  }
  CHECK(detail::contact_id("", "", "Maria", "Garcia", "Iberdrola") == "name:fbdcc23f9578f1c0");  // frozen: ids must not drift
}

TEST_CASE("import - CSV blunders are reported with file, line and column and the other rows are kept") {
  struct row {
    const char *what;
    std::string body;
    std::size_t imported, skipped;
    std::string problem;
  };
  const std::vector<row> table = {
      {"invalid UTF-8 in one row", "A,B,,,Co,Pos,07 Feb 2023\r\nC,D\xC3(,,,Co,Pos,07 Feb 2023\r\nE,F,,,Co,Pos,07 Feb 2023\r\n", 2, 1,
       "in.csv:3:4: record 1: field Last Name: invalid UTF-8 at byte 1 of the field; row skipped (skipped)"},
      {"a row with too many columns", "A,B,,,Co,Pos,07 Feb 2023,extra,more\r\n", 1, 0,
       "in.csv:2:1: record 0: row has 9 fields, the header has 7; extra fields ignored (repaired)"},
      {"a row with too few columns", "A,B,,a@b.c\r\n", 1, 0,
       "in.csv:2:1: record 0: row has 4 fields, the header has 7; missing fields left empty (repaired)"},
      {"an embedded newline moves later rows down a line", "A,B,,,\"Co\nLine two\",Pos,\r\nC,D,,,Co,Pos,99 Foo 2023\r\n", 2, 0,
       "in.csv:4:14: record 1: field Connected On: unrecognised date '99 Foo 2023'; connected_on left empty (repaired)"},
      {"an unterminated quote at the end", "A,B,,,Co,Pos,\r\nC,D,,,\"Co,Pos,\r\n", 1, 1,
       "in.csv:3:7: record 1: a quoted field opened here never closes (truncated file?); the rest of the file is this row (skipped)"},
      {"a LinkedIn URL that is not a profile", "A,B,https://www.linkedin.com/company/acme,,Co,Pos,\r\n", 1, 0,
       "in.csv:2:1: record 0: URL 'https://www.linkedin.com/company/acme' is not a LinkedIn profile; not used for the id (repaired)"},
  };
  for (const auto &t : table) {
    INFO(t.what);
    auto r = import_linkedin_csv("\xEF\xBB\xBF" + header + t.body, named("in.csv"));
    REQUIRE(r);
    CHECK(r->report.imported == t.imported);
    CHECK(r->report.skipped == t.skipped);
    CHECK_THAT(messages(r->report), Catch::Matchers::VectorContains(t.problem));
  }
}

TEST_CASE("import - strict mode fails on the first problem with its location") {
  const std::string text = header + "A,B,,,Co,Pos,07 Feb 2023\r\nC,D,,,Co,Pos,not a date\r\n";
  auto lenient = import_linkedin_csv(text);
  REQUIRE(lenient);
  CHECK(lenient->contacts.size() == 2);
  auto strict = import_linkedin_csv(text, named("s.csv", import_mode::strict));
  REQUIRE_FALSE(strict);
  CHECK(strict.error().code == errc::parse_error);
  CHECK(strict.error().message ==
        "s.csv:3:14: record 1: field Connected On: unrecognised date 'not a date'; connected_on left empty (fatal)");
  CHECK(strict.error().offset == header.size() + 26 + 13);
}

TEST_CASE("import - a file that is no LinkedIn export is refused, not half-read") {
  struct row { const char *what; std::string text; errc code; std::string says; };
  const std::vector<row> table = {
      {"no header", "a,b,c\n1,2,3\n", errc::parse_error, "no header row found; is this a LinkedIn Connections.csv file?"},
      {"empty", "", errc::parse_error, "no header row found"},
      {"UTF-16", std::string("\xFF\xFE" "F\0i\0", 6), errc::invalid_utf8, "the file is UTF-16"},
  };
  for (const auto &t : table) {
    INFO(t.what);
    auto r = import_linkedin_csv(t.text);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == t.code);
    CHECK_THAT(r.error().message, Catch::Matchers::Contains(t.says));
  }
  auto missing = import_linkedin_csv_file(fixtures + "no-such-file.csv");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == errc::not_found);
}

TEST_CASE("import - generic CSV maps columns and honours RFC 4180 quoting") {
  csv_mapping m;
  m.columns = {{"Full Name", contact_field::full_name}, {"Mail", contact_field::email},
               {"Employer", contact_field::organization}, {"Role", contact_field::title},
               {"City", contact_field::location}, {"Tags", contact_field::topics}};
  auto r = import_csv_file(fixtures + "generic.csv", m);
  REQUIRE(r);
  CHECK(r->report.clean());
  REQUIRE(r->contacts.size() == 2);
  const auto &eve = r->contacts[0];
  CHECK(eve.id == "email:eve@example.org");
  CHECK(eve.name.raw == "Eve \"Evie\" Adams");
  CHECK(eve.name.given == "Eve");  // normalized: the full name parsed
  CHECK(eve.name.preferred == "Evie");
  CHECK(eve.name.family == "Adams");
  CHECK(eve.organizations.at(0).title == "VP, Research");
  CHECK(eve.location == "Lisbon, Portugal");
  CHECK(eve.topics == std::vector<std::string>{"ai", "robotics"});
  CHECK(r->contacts[1].name.raw == "Frank\nOcean");

  csv_mapping wrong{{{"Nickname", contact_field::given_name}}, ','};
  auto bad = import_csv_file(fixtures + "generic.csv", wrong);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::invalid_argument);
  CHECK_THAT(bad.error().message, Catch::Matchers::Contains("the mapping names column 'Nickname'"));

  csv_mapping semicolons{{{"name", contact_field::full_name}, {"id", contact_field::id}}, ';'};
  auto s = import_csv("id;name\nx1;\"A; B\"\n", semicolons);
  REQUIRE(s);
  REQUIRE(s->contacts.size() == 1);
  CHECK(s->contacts[0].id == "x1");
  CHECK(s->contacts[0].name.raw == "A; B");
}

TEST_CASE("import - limits stop hostile input with limit_exceeded") {
  struct row { const char *what; import_limits limits; std::string text; std::string says; };
  import_limits small_line;
  small_line.max_line_bytes = 64;
  import_limits few_records;
  few_records.max_records = 2;
  import_limits small_file;
  small_file.max_file_bytes = 16;
  const std::string rows = "A,B,,,C,D,\nE,F,,,C,D,\nG,H,,,C,D,\n";
  const std::vector<row> table = {
      {"a record longer than max_line_bytes", small_line, header + "A,B,,,\"" + std::string(100, 'x') + "\",D,\n",
       "record longer than limits.max_line_bytes (64 bytes)"},
      {"more records than max_records", few_records, header + rows, "more than 2 records (limits.max_records)"},
      {"input larger than max_file_bytes", small_file, header + rows, "input is larger than limits.max_file_bytes"},
  };
  for (const auto &t : table) {
    INFO(t.what);
    auto r = import_linkedin_csv(t.text, with_limits(t.limits));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::limit_exceeded);
    CHECK_THAT(r.error().message, Catch::Matchers::Contains(t.says));
  }
  // An unterminated quote in a streamed file stops at the line limit, not at the end of memory.
  temp_file f("unterminated.csv", header + "A,B,,,\"open" + std::string(3 << 20, 'x'));
  auto streamed = import_linkedin_csv_file(f.path);
  REQUIRE_FALSE(streamed);
  CHECK(streamed.error().code == errc::limit_exceeded);
  CHECK_THAT(streamed.error().message, Catch::Matchers::Contains(":2:1: a record longer than limits.max_line_bytes"));
}

TEST_CASE("import - a file read in chunks gives the same records and lines as the same bytes") {
  std::string text = "\xEF\xBB\xBF" + header;
  for (int i = 0; i < 40000; ++i) {
    text += "Given" + std::to_string(i) + ",Family,https://www.linkedin.com/in/p" + std::to_string(i) + ",,";
    text += (i % 7 == 0) ? "\"Multi\nline, \"\"quoted\"\" company\"" : "Company";
    text += ",Title,07 Feb 2023\r\n";
  }
  text += "Bad,Date,,,Co,Pos,never\r\n";
  temp_file f("chunks.csv", text);
  auto from_file = import_linkedin_csv_file(f.path);
  auto from_bytes = import_linkedin_csv(text, named(f.path.string()));
  REQUIRE(from_file);
  REQUIRE(from_bytes);
  REQUIRE(from_file->contacts.size() == 40001);
  REQUIRE(from_bytes->contacts.size() == 40001);
  for (std::size_t i = 0; i < from_file->contacts.size(); i += 997) {
    CHECK(from_file->contacts[i].id == from_bytes->contacts[i].id);
    CHECK(from_file->contacts[i].organizations.at(0).name == from_bytes->contacts[i].organizations.at(0).name);
  }
  CHECK(from_file->contacts[7].organizations.at(0).name == "Multi\nline, \"quoted\" company");
  REQUIRE(from_file->report.problems.size() == 1);
  REQUIRE(from_bytes->report.problems.size() == 1);
  CHECK(to_string(from_file->report.problems[0]) == to_string(from_bytes->report.problems[0]));
  CHECK(from_file->report.problems[0].line == 2 + 40000 + 40000 / 7 + 1);
}

TEST_CASE("import - a record that ends exactly at a chunk boundary does not end the file") {
  constexpr std::size_t chunk = std::size_t(1) << 20;  // chunk_reader's first read
  std::string text = header;
  std::size_t rows = 0;
  const std::string row = "A,B,,,Co,Pos,\n";
  while (text.size() + 2 * row.size() < chunk) {
    text += "A" + std::to_string(rows++) + row.substr(1);
  }
  // One row padded so that its newline is the chunk's last byte.
  const std::string start = "Pad,B,,,";
  const std::string end = ",Pos,\n";
  text += start + std::string(chunk - text.size() - start.size() - end.size(), 'x') + end;
  ++rows;
  REQUIRE(text.size() == chunk);
  for (int i = 0; i < 10; ++i, ++rows) text += "Z" + std::to_string(i) + ",B,,,Co,Pos,\n";
  temp_file f("boundary.csv", text);
  auto r = import_linkedin_csv_file(f.path);
  REQUIRE(r);
  CHECK(r->report.clean());
  CHECK(r->contacts.size() == rows);
}

TEST_CASE("import - into a directory builder, records the builder refuses become problems") {
  const std::string text = header + "A,B,https://www.linkedin.com/in/same,,Co,Pos,\r\n" +
                           "C,D,https://www.linkedin.com/in/same,,Co,Pos,\r\n" + "E,F,,e@f.g,Co,Pos,\r\n";
  directory_builder b;
  auto r = import_bytes_into(b, import_format::linkedin_csv, text, named("dup.csv"));
  REQUIRE(r);
  CHECK(r->imported == 2);
  CHECK(r->skipped == 1);
  CHECK_THAT(messages(*r), Catch::Matchers::VectorContains(std::string(
                               "dup.csv:3:1: record 1: duplicate contact id 'linkedin:same' (skipped)")));
  CHECK(b.contact_count() == 2);

  directory_builder from_file;
  auto f = import_into(from_file, import_format::linkedin_csv, fixtures + "linkedin_current.csv");
  REQUIRE(f);
  CHECK(f->imported == 6);
  auto dir = from_file.build();
  REQUIRE(dir);
  CHECK(dir->find_contact("linkedin:boli") != nullptr);
}

TEST_CASE("import - problems beyond max_problems are counted, not kept") {
  std::string text = header;
  for (int i = 0; i < 20; ++i) text += "A" + std::to_string(i) + ",B,,,Co,Pos,bad date\n";
  import_options o;
  o.limits.max_problems = 5;
  auto r = import_linkedin_csv(text, o);
  REQUIRE(r);
  CHECK(r->report.problems.size() == 5);
  CHECK(r->report.problems_not_kept == 15);
  CHECK(r->report.imported == 20);
  CHECK(r->report.repaired == 20);
  CHECK_FALSE(r->report.clean());
}

TEST_CASE("import - a document's records are located at the line and column one scan would give") {
  for (std::string_view text : {std::string_view(""), std::string_view("\n"), std::string_view("a\nbc\n\nd"),
                                std::string_view("{\r\n  \"x\": [\n    1,\n    2\n  ]\n}"), std::string_view("no newline")}) {
    const detail::line_index lines(text);
    for (std::size_t offset = 0; offset <= text.size() + 1; ++offset) {
      INFO("offset " << offset << " of " << text.size());
      const auto a = detail::locate(text, offset), b = lines.locate(offset);
      CHECK(a.line == b.line);
      CHECK(a.column == b.column);
      CHECK(a.offset == b.offset);
    }
  }
}
