// Normalization at import (docs/formats.md, "Normalization"): names cleaned,
// companies keyed, locations resolved — per format — and nothing lost.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "names/person_name_detail.hpp"
#include "rapport/company.hpp"
#include "rapport/compose.hpp"
#include "rapport/discovery.hpp"
#include "rapport/import.hpp"
#include "rapport/person_name.hpp"
#include "rapport/place.hpp"
#include "support/import_helpers.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

const std::string &fixtures = test::import_fixtures;

import_options as_written() {
  import_options o;
  o.normalize = false;
  return o;
}

place_id place_of(std::string_view text) {
  auto r = resolve_place(text);
  return r ? r->id : no_place;
}

} // namespace

TEST_CASE("import normalization - LinkedIn names are cleaned, companies keyed, the raw text kept") {
  auto r = import_linkedin_csv_file(fixtures + "normalize_linkedin.csv");
  REQUIRE(r);
  CHECK(r->report.clean());  // normalization is not a problem
  REQUIRE(r->contacts.size() == 7);
  struct row {
    const char *id, *given, *family, *prefix, *suffix, *preferred, *pronouns, *raw, *display, *key;
    bool recased;
  };
  const std::vector<row> table = {
      {"linkedin:zoe", "Zoë", "Müller", "", "", "", "she/her", "Zoë 🌻 Müller (she/her)", "Grün & Partner",
       "grun and partner", false},
      {"linkedin:mari-liis", "Mari-Liis", "Tamm", "", "", "", "", "MARI-LIIS TAMM", "Bolt Technology", "bolt technology", true},
      {"linkedin:juergen", "Jürgen", "Weiß", "Dr.", "MBA, PMP", "", "", "Dr. Jürgen Weiß, MBA, PMP", "Robert Bosch",
       "robert bosch", false},
      {"linkedin:kate", "Katherine", "Smith", "", "", "Kate", "", "Katherine (Kate) Smith", "Acme", "acme", false},
      {"linkedin:jan", "Jan", "van der Berg", "", "", "", "", "jan van der berg", "Philips", "philips", true},
      {"linkedin:anna", "Anna", "Schmidt", "", "", "", "", "Anna Schmidt", "SAP", "sap", false},
      {"linkedin:sean", "Sean", "O'Neil", "", "", "", "", "Sean O'Neil 🚀 | Hiring", "SAP", "sap", false},
  };
  for (const auto &t : table) {
    INFO(t.id);
    const contact *c = find_record(r->contacts, t.id);
    REQUIRE(c);
    CHECK(c->name.given == t.given);
    CHECK(c->name.family == t.family);
    CHECK(c->name.prefix == t.prefix);
    CHECK(c->name.suffix == t.suffix);
    CHECK(c->name.preferred == t.preferred);
    CHECK(c->name.pronouns == t.pronouns);
    CHECK(c->name.raw == t.raw);
    CHECK(c->name.recased == t.recased);
    REQUIRE(c->organizations.size() == 1);
    CHECK(c->organizations[0].display == t.display);
    CHECK(c->organizations[0].key == t.key);
    CHECK(c->organizations[0].key == company_key(c->organizations[0].name).value());
  }
  const auto &n = r->report.normalization;
  CHECK(n.names_cleaned == 4);  // Zoë, Jürgen, Kate, Sean
  CHECK(n.names_recased == 2);  // MARI-LIIS TAMM, jan van der berg
  CHECK(n.companies_without_legal_form == 6);  // all but SAP
  CHECK(n.places_resolved + n.places_unknown == 0);  // LinkedIn has no location column
  CHECK(find_record(r->contacts, "linkedin:juergen")->name.academic_title);
}

TEST_CASE("import normalization - as written, the same file keeps every field as typed and reports the same") {
  auto normalized = import_linkedin_csv_file(fixtures + "normalize_linkedin.csv");
  auto raw = import_linkedin_csv_file(fixtures + "normalize_linkedin.csv", as_written());
  REQUIRE(normalized);
  REQUIRE(raw);
  CHECK(messages(raw->report) == messages(normalized->report));
  CHECK(raw->report.imported == normalized->report.imported);
  CHECK(raw->report.normalization.names_cleaned == 0);
  const contact *zoe = find_record(raw->contacts, "linkedin:zoe");
  REQUIRE(zoe);
  CHECK(zoe->name.given == "Zoë 🌻");
  CHECK(zoe->name.family == "Müller (she/her)");
  CHECK(zoe->organizations[0].display.empty());
  CHECK(zoe->organizations[0].key.empty());
  // Ids come from the file, not from normalized values: the same either way.
  for (std::size_t i = 0; i < raw->contacts.size(); ++i) CHECK(raw->contacts[i].id == normalized->contacts[i].id);
}

TEST_CASE("import normalization - strict mode: normalizing is never a problem") {
  auto r = import_linkedin_csv_file(fixtures + "normalize_linkedin.csv", named("n.csv", import_mode::strict));
  REQUIRE(r);
  CHECK(r->contacts.size() == 7);
}

TEST_CASE("import normalization - generic CSV: the contact's language guides the name, locations become places") {
  csv_mapping m{{{"Name", contact_field::full_name}, {"Mail", contact_field::email},
                 {"Employer", contact_field::organization}, {"City", contact_field::location},
                 {"Languages", contact_field::languages}}};
  auto r = import_csv_file(fixtures + "normalize_generic.csv", m);
  REQUIRE(r);
  CHECK(r->report.clean());
  REQUIRE(r->contacts.size() == 4);
  struct row { const char *id, *given, *middle, *family; place_id place; };
  const std::vector<row> table = {
      {"email:ana@example.es", "Ana", "", "García López", place_of("Madrid, Spain")},  // "es": two surnames
      {"email:ana2@example.com", "Ana", "García", "López", place_of("Madrid, Spain")},  // no language: no assumption
      {"email:priya@example.in", "Priya", "", "Patel", place_of("Portland, ME")},
      {"email:lea@example.fr", "Lea", "", "Martin", no_place},
  };
  for (const auto &t : table) {
    INFO(t.id);
    const contact *c = find_record(r->contacts, t.id);
    REQUIRE(c);
    CHECK(c->name.given == t.given);
    CHECK(c->name.middle == t.middle);
    CHECK(c->name.family == t.family);
    CHECK(c->place == t.place);
  }
  CHECK(place_of("Madrid, Spain") != no_place);
  CHECK(place_of("Portland, ME") != place_of("Portland, OR"));
  const auto &n = r->report.normalization;
  CHECK(n.places_resolved == 3);
  CHECK(n.places_unknown == 1);
  CHECK(n.names_recased == 1);
  CHECK(n.companies_without_legal_form == 2);  // Telefónica S.A., Infosys Limited
  auto greet = greeting_name(find_record(r->contacts, "email:ana@example.es")->name, "es", formality::formal);
  REQUIRE(greet);
  CHECK(*greet == "Ana García López");
}

TEST_CASE("import normalization - vCard: N parts cleaned, its prefix read, ADR resolved") {
  auto r = import_vcard_file(fixtures + "normalize.vcf");
  REQUIRE(r);
  REQUIRE(r->contacts.size() == 2);
  const contact *anna = find_record(r->contacts, "email:anna@example.de");
  REQUIRE(anna);
  CHECK(anna->name.given == "Anna");
  CHECK(anna->name.middle == "Maria");
  CHECK(anna->name.family == "Müller");
  CHECK(anna->name.prefix == "Frau Dr.");
  CHECK(anna->name.raw == "Frau Dr. ANNA MARIA MÜLLER");
  CHECK(anna->name.gender == grammatical_gender::feminine);
  CHECK(anna->name.academic_title);
  CHECK(anna->organizations.at(0).display == "Siemens");
  CHECK(anna->place == place_of("München, Bayern, Deutschland"));
  CHECK(anna->place != no_place);
  auto greet = greeting_name(anna->name, "de", formality::formal);
  REQUIRE(greet);
  CHECK(*greet == "Frau Dr. Müller");

  const contact *kovacs = find_record(r->contacts, "email:kovacs@example.hu");
  REQUIRE(kovacs);
  CHECK(kovacs->name.family == "Kovács");  // FN alone, parsed with the card's LANG
  CHECK(kovacs->name.given == "Anna");
  CHECK(kovacs->place == place_of("Springfield"));
  CHECK(kovacs->place_ambiguous == resolve_place("Springfield")->ambiguous);
}

TEST_CASE("import normalization - JSON: structured names are kept, a raw-only name is parsed") {
  auto r = import_json_file(fixtures + "normalize.json");
  REQUIRE(r);
  CHECK(r->report.clean());
  REQUIRE(r->contacts.size() == 2);
  CHECK(r->contacts[0].name.given == "jan");  // rapport's own document: taken as structured
  CHECK(r->contacts[0].organizations[0].display == company_display_name("Biedronka sp. z o.o.").value());
  CHECK(r->contacts[0].place == place_of("Warsaw, Poland"));
  CHECK(r->contacts[1].name.given == "Anna");
  CHECK(r->contacts[1].name.family == "Schmidt");
  CHECK(r->contacts[1].name.suffix == "MBA");
  CHECK(r->contacts[1].name.raw == "Dr. Anna Schmidt, MBA");
  // Export writes what was read, not the derived fields: importing it again gives the same text.
  auto text = export_json(*r);
  REQUIRE(text);
  auto again = import_json(*text);
  REQUIRE(again);
  CHECK(export_json(*again).value() == *text);
}

TEST_CASE("import normalization - a directory finds the same shared contexts with or without it") {
  contact me;
  me.id = "me";
  me.name.given = "Lena";
  me.name.family = "Vogel";
  me.organizations.push_back({"SAP SE", "Consultant", "", false, 2012, 2018});
  for (bool normalize : {true, false}) {
    INFO(normalize);
    import_options o;
    o.normalize = normalize;
    directory_builder b;
    auto report = import_into(b, import_format::linkedin_csv, fixtures + "normalize_linkedin.csv", o);
    REQUIRE(report);
    REQUIRE(b.add_contact(me));
    auto dir = b.build();
    REQUIRE(dir);
    for (const char *id : {"linkedin:anna", "linkedin:sean", "linkedin:kate"}) {
      INFO(id);
      auto found = find_shared_contexts(*dir, *dir->find_contact("me"), *dir->find_contact(id),
                                        std::chrono::sys_seconds(std::chrono::hours(24 * 20000)));
      REQUIRE(found);
      const bool past_employer = !found->empty() && found->front().kind == context_kind::past_employer;
      CHECK(past_employer == (std::string(id) != "linkedin:kate"));  // SAP and SAP SE are the same company
    }
  }
}

TEST_CASE("names - the plain-name shortcut gives what the general parser gives") {
  const std::vector<std::string> given = {"Anna", "Anna Maria", "Dr. Anna", "JOHN", "jan", "Zoë", "Łukasz",
                                          "Marie-Émilie", "J.R.", "Ærø", "İsmail", "DeAndre", "Anna  Maria",
                                          " Anna", "Anna-", "O'Brien", "Prof Jan", "Sr", "", "Ng", "ÅSA",
                                          "Zoë 🌻", "Katherine (Kate)", "Mr.", "Jean-françois", "A. B."};
  const std::vector<std::string> family = {"Schmidt", "van der Berg", "Smith Jr.", "Schmidt MBA", "MÜLLER", "Weiß",
                                           "McDONALD", "MacDonald", "O'Neil", "García López", "", "Li", "Ma",
                                           "Müller (she/her)", "Straße", "smith", "Jr", "Ó Súilleabháin", "d'Artagnan"};
  for (const char *locale : {"", "hu", "nl", "tr", "es"})
    for (const auto &g : given)
      for (const auto &f : family) {
        INFO("'" << g << "' '" << f << "' " << locale);
        auto fast = parse_person_name(g, f, {.locale = locale});
        auto slow = detail::names::parse_two_fields_general(g, f, {.locale = locale});
        REQUIRE(fast.has_value() == slow.has_value());
        if (!fast) continue;
        CHECK(fast->given == slow->given);
        CHECK(fast->middle == slow->middle);
        CHECK(fast->family == slow->family);
        CHECK(fast->prefix == slow->prefix);
        CHECK(fast->suffix == slow->suffix);
        CHECK(fast->preferred == slow->preferred);
        CHECK(fast->pronouns == slow->pronouns);
        CHECK(fast->raw == slow->raw);
        CHECK(fast->order == slow->order);
        CHECK(fast->gender == slow->gender);
        CHECK(fast->academic_title == slow->academic_title);
        CHECK(fast->recased == slow->recased);
      }
}

namespace {

// A CSV with every kind of row: quoted newlines and commas, "" escapes, bad
// dates, bad UTF-8, rows without a name, extra and missing fields, CRLF and LF.
std::string mixed_csv(std::size_t rows) {
  std::string out = "Notes:\r\n\"Some\nlines\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
  for (std::size_t i = 0; i < rows; ++i) {
    const std::string n = std::to_string(i);
    switch (i % 9) {
    case 0: out += "Anna,Schmidt,https://www.linkedin.com/in/a" + n + ",,Siemens AG,CTO,07 Feb 2023\r\n"; break;
    case 1: out += "\"Zoë 🌻\",\"Müller\n(she/her)\",https://linkedin.com/in/z" + n + ",,\"Acme, Inc.\",\"Head, \"\"Sales\"\"\",9-Sep-22\n"; break;
    case 2: out += "JAN,KOWALSKI,,jan" + n + "@example.com,Biedronka,,sometime\r\n"; break;
    case 3: out += ",,,,,,\r\n"; break;  // nothing identifies it: skipped
    case 4: out += "Bad\xff" "Byte,X,https://www.linkedin.com/in/b" + n + ",,,,\r\n"; break;
    case 5: out += "Eve,Adams,https://example.com/eve" + n + ",,Bosch,Analyst,2023-02-07,extra\r\n"; break;
    case 6: out += "Li,Wei,https://www.linkedin.com/in/l" + n + "\r\n"; break;  // missing fields
    case 7: out += "\r\n"; break;  // blank
    default: out += "Dr. Jürgen,\"Weiß, MBA\",https://www.linkedin.com/in/j" + n + ",,Robert Bosch GmbH,CTO,\"1/8/18, 6:14 PM\"\r\n";
    }
  }
  return out;
}

struct run {
  bool ok;
  std::string error, records;
  std::vector<std::string> problems;
  std::size_t imported, skipped, repaired, not_kept, cleaned, recased, companies;
};

run import_with(const std::string &text, import_options o) {
  auto r = import_linkedin_csv(text, o);
  if (!r) return {false, r.error().message, {}, {}, 0, 0, 0, 0, 0, 0, 0};
  auto json = export_json(*r);
  std::string records = json ? *json : json.error().message;
  for (const auto &c : r->contacts)
    for (const auto &org : c.organizations) records += "\n" + org.display + "|" + org.key;
  const auto &rep = r->report;
  return {true, {}, records, messages(rep), rep.imported, rep.skipped, rep.repaired, rep.problems_not_kept,
          rep.normalization.names_cleaned, rep.normalization.names_recased,
          rep.normalization.companies_without_legal_form};
}

} // namespace

TEST_CASE("import - CSV rows read by several threads give what one thread gives, problems and limits included") {
  const std::string text = mixed_csv(5000);
  struct variant { const char *what; import_mode mode; std::size_t max_problems, max_records; bool normalize; };
  const std::vector<variant> table = {
      {"lenient", import_mode::lenient, 10'000, 10'000'000, true},
      {"as written", import_mode::lenient, 10'000, 10'000'000, false},
      {"strict stops at the first problem", import_mode::strict, 10'000, 10'000'000, true},
      {"few problems kept", import_mode::lenient, 7, 10'000'000, true},
      {"record limit in the middle", import_mode::lenient, 10'000, 3000, true},
  };
  for (const auto &v : table) {
    INFO(v.what);
    import_options o = named("mixed.csv", v.mode);
    o.limits.max_problems = v.max_problems;
    o.limits.max_records = v.max_records;
    o.normalize = v.normalize;
    const run serial = import_with(text, o);
    for (unsigned threads : {2u, 3u, 0u}) {
      INFO(threads << " threads");
      o.threads = threads;
      const run parallel = import_with(text, o);
      CHECK(parallel.ok == serial.ok);
      CHECK(parallel.error == serial.error);
      CHECK(parallel.records == serial.records);
      CHECK(parallel.problems == serial.problems);
      CHECK(std::tie(parallel.imported, parallel.skipped, parallel.repaired, parallel.not_kept, parallel.cleaned,
                     parallel.recased, parallel.companies) ==
            std::tie(serial.imported, serial.skipped, serial.repaired, serial.not_kept, serial.cleaned, serial.recased,
                     serial.companies));
    }
  }
  // The fixtures too, from files (streamed in chunks) and into a builder.
  for (const char *file : {"linkedin_current.csv", "linkedin_old.csv", "linkedin_excel.csv", "normalize_linkedin.csv"}) {
    INFO(file);
    import_options o;
    auto one = import_linkedin_csv_file(fixtures + file, o);
    o.threads = 2;
    auto two = import_linkedin_csv_file(fixtures + file, o);
    REQUIRE(one);
    REQUIRE(two);
    CHECK(export_json(*one).value() == export_json(*two).value());
    CHECK(messages(one->report) == messages(two->report));
    directory_builder b1, b2;
    o.threads = 1;
    auto r1 = import_into(b1, import_format::linkedin_csv, fixtures + file, o);
    o.threads = 2;
    auto r2 = import_into(b2, import_format::linkedin_csv, fixtures + file, o);
    REQUIRE(r1);
    REQUIRE(r2);
    CHECK(messages(*r1) == messages(*r2));
    CHECK(b1.contact_count() == b2.contact_count());
  }
}

TEST_CASE("compose - a name given only raw is parsed with the person's own language, not the note's") {
  contact me;
  me.id = "me";
  me.name.given = "Jonas";
  me.name.family = "Becker";
  me.location = "Hamburg, Germany";
  contact anna;  // built by hand: only the raw name, as a person writes it
  anna.id = "kovacs";
  anna.name.raw = "Kovács Anna";
  anna.languages = {"hu"};
  anna.location = "Hamburg, Germany";
  directory_builder b;
  REQUIRE(b.add_contact(me));
  REQUIRE(b.add_contact(anna));
  auto dir = b.build();
  REQUIRE(dir);
  compose_options o;
  o.locale = "en";  // the note is English; the name is Hungarian
  o.form = formality::informal;
  o.now = std::chrono::sys_seconds(std::chrono::hours(24 * 20000));
  auto c = compose(*dir, *dir->find_contact("me"), *dir->find_contact("kovacs"), o);
  REQUIRE(c);
  INFO(c->note.text);
  CHECK(c->note.text.find("Anna") != std::string::npos);
  CHECK(c->note.text.find("Kovács,") == std::string::npos);
  CHECK(c->note.text.find("Hi Kovács") == std::string::npos);
}
