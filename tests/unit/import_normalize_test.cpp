// Normalization at import (docs/formats.md, "Normalization"): names cleaned,
// companies keyed, locations resolved — per format — and nothing lost.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "names/person_name_detail.hpp"
#include "rapport/company.hpp"
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
