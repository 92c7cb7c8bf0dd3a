#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "rapport/import.hpp"
#include "support/import_helpers.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

const std::string &fixtures = test::import_fixtures;
const std::string shared = std::string(RAPPORT_SHARED_TESTDATA) + "/vcard/";

} // namespace

TEST_CASE("import - vCard 2.1 decodes QUOTED-PRINTABLE soft breaks and legacy charsets") {
  auto r = import_vcard_file(fixtures + "v21_qp_charsets.vcf");
  REQUIRE(r);
  CHECK(r->report.clean());
  REQUIRE(r->contacts.size() == 2);
  const contact &j = r->contacts[0];
  CHECK(j.id == "email:juergen@example.de");
  CHECK(j.name.family == "Müller");        // ISO-8859-1 through QP
  CHECK(j.name.given == "Jürgen");
  CHECK(j.name.prefix == "Dr.");
  CHECK(j.name.raw == "Dr. Jürgen Müller");
  CHECK(j.organizations.at(0).name == "Café €uro GmbH");  // Windows-1252: 0x80 is the euro sign
  CHECK(j.organizations.at(0).title == "Geschäftsführer für Vertrieb und Marketing");  // soft line break joined
  CHECK(j.headline == j.organizations.at(0).title);
  CHECK(j.location == "München, Bayern, Deutschland");
  const contact &t = r->contacts[1];
  CHECK(t.name.family == "山田");
  CHECK(t.name.given == "太郎");
  CHECK(t.name.raw == "山田 太郎");
  CHECK(t.organizations.at(0).name == "トヨタ自動車");
}

TEST_CASE("import - vCard 3.0 folding, escapes, groups and lower-case keywords") {
  auto r = import_vcard_file(fixtures + "v30_folding_groups.vcf");
  REQUIRE(r);
  CHECK(r->report.clean());
  REQUIRE(r->contacts.size() == 2);
  const contact &s = r->contacts[0];
  CHECK(s.id == "linkedin:siobhan-obrien");  // item2.URL, a LinkedIn profile, wins over the email
  CHECK(s.name.family == "O'Brien");
  CHECK(s.name.given == "Siobhán");
  CHECK(s.organizations.at(0).name == "Example, Ltd.");  // \, unescaped; the unit after ';' is not the name
  CHECK(s.organizations.at(0).title == "Director; Strategy");
  CHECK(s.location == "Dublin, Ireland");
  CHECK(s.topics == std::vector<std::string>{"energy", "climate tech", "Energy Storage"});
  CHECK(s.languages == std::vector<std::string>{"ga"});
  const contact &t = r->contacts[1];
  CHECK(t.id == "linkedin:thu-nguyen");  // x-socialprofile, lower case
  CHECK(t.name.raw == "Thu Nguyen");
  CHECK(t.location == "Hanoi, Vietnam");  // the preferred address, not the first
}

TEST_CASE("import - vCard 4.0 PREF orders emails and languages") {
  auto r = import_vcard_file(fixtures + "v40.vcf");
  REQUIRE(r);
  REQUIRE(r->contacts.size() == 1);
  const contact &a = r->contacts[0];
  CHECK(a.id == "email:amara.okafor@dangote.example");
  CHECK(a.languages == std::vector<std::string>{"ig", "en"});
  CHECK(a.location == "Lagos, Lagos State, Nigeria");
  CHECK(a.topics == std::vector<std::string>{"cement", "decarbonisation"});
  CHECK(a.name.prefix == "Dr.");
  CHECK(a.name.raw == "Dr. Amara Okafor");
}

TEST_CASE("import - vCard from Outlook in UTF-16 with a BOM, and the NUL pattern without one") {
  auto r = import_vcard_file(fixtures + "outlook_utf16.vcf");
  REQUIRE(r);
  REQUIRE(r->contacts.size() == 1);
  CHECK(r->contacts[0].name.given == "Łukasz");
  CHECK(r->contacts[0].id == "email:lukasz@example.pl");
  const std::string with_bom = slurp(fixtures + "outlook_utf16.vcf");
  auto no_bom = import_vcard(std::string_view(with_bom).substr(2));
  REQUIRE(no_bom);
  REQUIRE(no_bom->contacts.size() == 1);
  CHECK(no_bom->contacts[0].organizations.at(0).name == "Orlen");
  auto utf8_bom = import_vcard("\xEF\xBB\xBF" "BEGIN:VCARD\nFN:A B\nEMAIL:a@b.c\nEND:VCARD\n");
  REQUIRE(utf8_bom);
  CHECK(utf8_bom->contacts.size() == 1);
}

TEST_CASE("import - vCard problems are located and the other cards kept") {
  struct row { const char *what; std::string text; std::size_t imported, skipped; std::string problem; };
  const std::vector<row> table = {
      {"a truncated last card is kept and reported", slurp(fixtures + "truncated.vcf"), 2, 0,
       "v.vcf:6:1: record 1: vCard opened at line 6 has no END:VCARD (truncated input); kept what was read (repaired)"},
      {"8-bit text without CHARSET is read as Windows-1252",
       "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ren\xE9 Dupont\r\nEMAIL:r@d.fr\r\nEND:VCARD\r\n", 1, 0,
       "v.vcf:3:7: record 0: field FN: invalid UTF-8 at byte 3 of the value; read as Windows-1252 (repaired)"},
      {"a card with nothing that identifies anyone is skipped",
       "BEGIN:VCARD\nVERSION:4.0\nTEL:+1 555\nEND:VCARD\nBEGIN:VCARD\nFN:Ok\nEND:VCARD\n", 1, 1,
       "v.vcf:1:1: record 0: field N: vCard has no name, email or LinkedIn URL; nothing identifies the contact (skipped)"},
      {"an unknown charset falls back and says so",
       "BEGIN:VCARD\nFN;CHARSET=X-NO-SUCH:Plain\nEND:VCARD\n", 1, 0,
       "v.vcf:2:22: record 0: field FN: unknown charset 'X-NO-SUCH'; read as UTF-8 or Windows-1252 (repaired)"},
      {"a line without a colon", "BEGIN:VCARD\nFN:Ok\njunk here\nEND:VCARD\n", 1, 0,
       "v.vcf:3:1: record 0: line without ':' is not a property; ignored (repaired)"},
      {"text between cards", "hello\nBEGIN:VCARD\nFN:Ok\nEND:VCARD\n", 1, 0, "v.vcf:1:1: text outside any vCard ignored (repaired)"},
  };
  for (const auto &t : table) {
    INFO(t.what);
    auto r = import_vcard(t.text, named("v.vcf"));
    REQUIRE(r);
    CHECK(r->report.imported == t.imported);
    CHECK(r->report.skipped == t.skipped);
    CHECK_THAT(messages(r->report), Catch::Matchers::VectorContains(t.problem));
  }
  auto strict = import_vcard(table[1].text, named("", import_mode::strict));
  REQUIRE_FALSE(strict);
  CHECK(strict.error().code == errc::invalid_utf8);
}

TEST_CASE("import - vCard input that is no vCard, or nested too deep, is an error") {
  auto none = import_vcard("FN:nobody\n");
  REQUIRE_FALSE(none);
  CHECK(none.error().code == errc::parse_error);
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "BEGIN:VCARD\n";
  auto nested = import_vcard(deep);
  REQUIRE_FALSE(nested);
  CHECK(nested.error().code == errc::limit_exceeded);
  import_options small;
  small.limits.max_line_bytes = 32;
  auto long_line = import_vcard("BEGIN:VCARD\nNOTE:" + std::string(20, 'x') + "\n " + std::string(20, 'y') + "\nEND:VCARD\n", small);
  REQUIRE_FALSE(long_line);
  CHECK(long_line.error().code == errc::limit_exceeded);
}

TEST_CASE("import - vCards nested in AGENT are not contacts of their own") {
  const std::string text = "BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nEMAIL:boss@x.y\nAGENT:\nBEGIN:VCARD\nFN:Assistant\n"
                           "EMAIL:assistant@x.y\nEND:VCARD\nTITLE:Chief\nEND:VCARD\n";
  auto r = import_vcard(text);
  REQUIRE(r);
  REQUIRE(r->contacts.size() == 1);
  CHECK(r->contacts[0].id == "email:boss@x.y");
  CHECK(r->contacts[0].headline == "Chief");
}

TEST_CASE("import - shared testdata: every third-party vCard file imports") {
  std::size_t files = 0;
  for (const auto &dir : {"ez-vcard", "ical.js"})
    for (const auto &entry : std::filesystem::directory_iterator(shared + dir)) {
      if (entry.path().extension() != ".vcf") continue;
      ++files;
      INFO(entry.path().filename().string());
      auto r = import_vcard_file(entry.path());
      REQUIRE(r);
      CHECK(r->report.imported + r->report.skipped >= 1);
      for (const auto &c : r->contacts) CHECK_FALSE(c.id.empty());
    }
  CHECK(files == 23);
}

namespace {

// The first value of a jCard property as text; arrays joined by ' '.
std::string jtext(const nlohmann::json &v) {
  if (v.is_string()) return v.get<std::string>();
  std::string out;
  if (v.is_array())
    for (const auto &x : v) {
      const std::string s = jtext(x);
      if (s.empty()) continue;
      if (!out.empty()) out += ' ';
      out += s;
    }
  return out;
}

bool has_pref(const nlohmann::json &params) {
  if (!params.contains("type")) return params.contains("pref");
  const auto &t = params["type"];
  if (t.is_string()) return t == "pref";
  for (const auto &x : t)
    if (x == "pref") return true;
  return false;
}

} // namespace

TEST_CASE("import - shared testdata: ical.js vCards agree with their jCard on the fields rapport uses") {
  for (const char *name : {"test__parser__vcard", "test__parser__vcard3", "test__parser__vcard_author",
                           "test__parser__escape_semicolon", "test__parser__vcard_grouped"}) {
    INFO(name);
    const auto jcard = nlohmann::json::parse(slurp(shared + "ical.js/" + name + ".json"));
    import_options as_written;  // the jCard holds the fields as written
    as_written.normalize = false;
    auto r = import_vcard_file(shared + "ical.js/" + name + ".vcf", as_written);
    REQUIRE(r);
    std::string fn, family, given, org, title, email, pref_email, location;
    bool have_n = false, have_adr = false;
    std::vector<std::string> topics;
    for (const auto &p : jcard[1]) {
      const std::string prop = p[0];
      const auto &value = p[3];
      if (prop == "fn" && fn.empty()) fn = jtext(value);
      if (prop == "n" && !have_n) {
        have_n = true;
        family = jtext(value[0]);
        given = jtext(value[1]);
      }
      if (prop == "org" && org.empty()) org = value.is_array() ? jtext(value[0]) : jtext(value);
      if (prop == "title" && title.empty()) title = jtext(value);
      if (prop == "email" && email.empty()) email = jtext(value);
      if (prop == "email" && pref_email.empty() && has_pref(p[1])) pref_email = jtext(value);
      if (prop == "categories")
        for (std::size_t i = 3; i < p.size(); ++i) topics.push_back(p[i].get<std::string>());
      if (prop == "adr" && !have_adr && value.is_array()) {
        have_adr = true;
        for (std::size_t i : {3u, 4u, 6u})
          if (i < value.size() && !jtext(value[i]).empty()) location += (location.empty() ? "" : ", ") + jtext(value[i]);
      }
    }
    if (!pref_email.empty()) email = pref_email;
    if (fn.empty() && !have_n && email.empty()) {  // nothing identifies the card: reported, not imported
      CHECK(r->contacts.empty());
      CHECK(r->report.skipped == 1);
      continue;
    }
    REQUIRE(r->contacts.size() == 1);
    const contact &c = r->contacts[0];
    CHECK(c.name.raw == fn);
    CHECK(c.name.family == family);
    CHECK(c.name.given == given);
    CHECK((c.organizations.empty() ? std::string() : c.organizations[0].name) == org);
    CHECK((c.organizations.empty() ? std::string() : c.organizations[0].title) == title);
    CHECK(c.topics == topics);
    CHECK(c.location == location);
    if (!email.empty()) CHECK(c.id == "email:" + email);
  }
}

TEST_CASE("import - vCard PREF values out of range neither overflow nor outrank PREF=1 (fuzz find)") {
  auto r = import_vcard_file(fixtures + "regressions/vcard-pref-overflow.vcf");
  REQUIRE(r);
  const std::string text = "BEGIN:VCARD\nFN:A\nEMAIL;PREF=99999999999999:last@x.y\nEMAIL;PREF=1:first@x.y\n"
                           "EMAIL;PREF=100:other@x.y\nEND:VCARD\n";
  auto p = import_vcard(text);
  REQUIRE(p);
  REQUIRE(p->contacts.size() == 1);
  CHECK(p->contacts[0].id == "email:first@x.y");
}
