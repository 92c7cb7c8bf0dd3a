#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "rapport/company.hpp"

namespace {

struct company_row {
  std::string input, display, legal_form;
};

// tests/fixtures/company_names.tsv: input, display, legal form as written.
std::vector<company_row> load_company_fixture() {
  std::ifstream in(std::string(RAPPORT_FIXTURES) + "/company_names.tsv");
  REQUIRE(in);
  std::vector<company_row> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::size_t start = 0;
    for (;;) {
      const auto tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    REQUIRE(cols.size() == 3);
    rows.push_back({cols[0], cols[1], cols[2]});
  }
  return rows;
}

} // namespace

TEST_CASE("companies - legal forms across jurisdictions are removed for display") {
  const auto rows = load_company_fixture();
  REQUIRE(rows.size() > 80);
  for (const auto &r : rows) {
    INFO("'" << r.input << "'");
    const auto c = rapport::parse_company_name(r.input);
    REQUIRE(c);
    CHECK(c->display == r.display);
    CHECK(c->legal_form == r.legal_form);
    CHECK(c->raw == r.input);
    CHECK(c->jurisdictions.empty() == r.legal_form.empty());
    const auto d = rapport::company_display_name(r.input);
    REQUIRE(d);
    CHECK(*d == r.display);
  }
}

TEST_CASE("companies - the legal form found is reported with its canonical spelling and jurisdictions") {
  struct row { const char *in; const char *canonical; const char *jurisdictions; };
  const std::vector<row> table = {
      {"Acme G M B H", "GmbH", "DE,AT,CH"},
      {"ACME INC", "Inc.", "US,CA,PH"},
      {"SAP SE", "SE", "EU"},
      {"Acme GmbH & Co KG", "GmbH & Co. KG", "DE,AT"},
      {"H&M Hennes & Mauritz AB (publ)", "AB (publ)", "SE"},
      {"ソニー株式会社", "株式会社", "JP"},
      {"PT Bank Central Asia Tbk", "PT Tbk", "ID"},
  };
  for (const auto &r : table) {
    INFO(r.in);
    const auto c = rapport::parse_company_name(r.in);
    REQUIRE(c);
    CHECK(c->legal_form_canonical == r.canonical);
    CHECK(c->jurisdictions == r.jurisdictions);
  }
}

TEST_CASE("companies - forms that spell a word match only in their own case or with dots") {
  struct row { const char *in; const char *display; };
  const std::vector<row> table = {
      {"Bella Spa", "Bella Spa"},   // not S.p.A.
      {"BELLA SPA", "BELLA"},       // capitals: read as S.p.A.
      {"Bella S.p.a.", "Bella"},
      {"Acme Sa", "Acme Sa"},
      {"Acme SA", "Acme"},
      {"Pepper & Co", "Pepper & Co"},  // after "&", "Co" is part of the name
      {"Goldman Sachs & Co. LLC", "Goldman Sachs & Co."},
      {"Beer as", "Beer as"},
      {"Beer AS", "Beer"},
  };
  for (const auto &r : table) {
    INFO(r.in);
    const auto d = rapport::company_display_name(r.in);
    REQUIRE(d);
    CHECK(*d == r.display);
  }
}

TEST_CASE("companies - one employer under different spellings has one key") {
  struct row { std::vector<std::string> spellings; };
  const std::vector<row> table = {
      {{"SAP SE", "SAP", "sap", "SAP S.E."}},
      {{"Siemens AG", "SIEMENS", "Siemens Aktiengesellschaft"}},
      {{"Société Générale S.A.", "Societe Generale", "SOCIÉTÉ GÉNÉRALE"}},
      {{"Bank of America Corp", "Bank of America", "bank of america corporation"}},
      {{"The Boeing Company", "Boeing Company"}},
      {{"Johnson & Johnson", "Johnson and Johnson"}},
      {{"Müller GmbH", "Mueller GmbH", "MULLER"}},
      {{"ソニー株式会社", "ソニー"}},
  };
  for (const auto &r : table) {
    const auto first = rapport::company_key(r.spellings.front());
    REQUIRE(first);
    CHECK_FALSE(first->empty());
    for (const auto &s : r.spellings) {
      INFO(r.spellings.front() << " vs " << s);
      CHECK(rapport::same_company(r.spellings.front(), s));
    }
  }
  CHECK(*rapport::company_key("SAP SE") == "sap");
}

TEST_CASE("companies - different companies stay different") {
  CHECK_FALSE(rapport::same_company("SAP SE", "SAS Institute"));
  CHECK_FALSE(rapport::same_company("AB InBev", "InBev"));
  CHECK_FALSE(rapport::same_company("", ""));
  CHECK_FALSE(rapport::same_company("Acme", std::string("Acme\xC3")));
}

TEST_CASE("companies - invalid UTF-8 and oversized input are errors") {
  const std::string bad = std::string("Acme ") + "\xC3" + " GmbH";
  const auto c = rapport::parse_company_name(bad);
  REQUIRE_FALSE(c);
  CHECK(c.error().code == rapport::errc::invalid_utf8);
  CHECK(c.error().offset == 5);
  CHECK(rapport::company_display_name(bad).error().code == rapport::errc::invalid_utf8);
  CHECK(rapport::company_key(bad).error().code == rapport::errc::invalid_utf8);
  const auto big = rapport::parse_company_name(std::string(5000, 'x'));
  REQUIRE_FALSE(big);
  CHECK(big.error().code == rapport::errc::limit_exceeded);
}

TEST_CASE("companies - empty input gives an empty name, not an error") {
  const auto c = rapport::parse_company_name("   ");
  REQUIRE(c);
  CHECK(c->display.empty());
  CHECK(c->legal_form.empty());
}
