// The demo's embedded sample: a sender, about thirty contacts in en/de/fr/es
// with the noise real exports have, three events and three challenges.
// Plain C++ tables, private to the CLI (the JSON importer is the library's job).
#include "sample_data.hpp"

#include <chrono>

#include "rapport/person_name.hpp"

namespace rapport::cli {
namespace {

using namespace std::chrono;

struct row {
  const char *id;
  const char *name;      // as typed into one field, noise included
  const char *locale;    // preferred locale; "" = from languages
  const char *languages; // comma-separated
  const char *headline;
  const char *org;       // current organization, legal form included
  const char *industry;
  const char *location;  // LinkedIn phrasings
  const char *events;    // "event-id:role,..."
  const char *connections;
  const char *topics;
};

// clang-format off
const row rows[] = {
  {"anna-schmidt", "DR. ANNA SCHMIDT, MBA, PMP", "de", "de,en", "COO at Kühlhaus Nord", "Kühlhaus Nord GmbH & Co. KG", "Warehousing", "Großraum Hamburg", "logimat-2027:exhibitor", "", ""},
  {"tom-becker", "Tom Becker (he/him)", "", "de", "Head of Operations", "Frischelogistik AG", "Logistics", "Hamburg und Umgebung", "logimat-2027:exhibitor", "", ""},
  {"claire-dubois", "Claire Dubois 🌱", "", "fr,en", "Directrice qualité", "Laboratoires Aubert S.A.", "Pharmaceutical Manufacturing", "Lyon, Auvergne-Rhône-Alpes, France", "ccs-2026:speaker", "", ""},
  {"lucia-fernandez", "Lucía Fernández", "es-MX", "es", "Gerente de cadena de frío", "Grupo Frío Norte S.A. de C.V.", "Food and Beverage Manufacturing", "Área metropolitana de Monterrey", "", "", ""},
  {"sam-okafor", "Sam Okafor", "", "en", "VP Supply Chain", "ColdBox, Inc.", "Logistics", "Greater Boston", "", "jan-devries", ""},
  {"jan-devries", "Jan de Vries", "", "nl,en", "Investor", "North Sea Ventures B.V.", "Venture Capital", "Amsterdam, North Holland, Netherlands", "", "lena-hoffmann,sam-okafor,marta-nowak", ""},
  {"marta-nowak", "Marta Nowak", "", "pl,en", "Energy manager", "Chłodnie Polskie Sp. z o.o.", "Warehousing", "Warsaw, Mazowieckie, Poland", "", "jan-devries", ""},
  {"jean-martin", "JEAN-PIERRE MARTIN", "", "fr", "Responsable maintenance", "Froid Service SARL", "Facilities Services", "Région de Paris", "ccs-2026:attendee", "", ""},
  {"maria-garcia", "María José García-López", "", "es", "Directora de operaciones", "Congelados del Sur S.L.", "Food and Beverage Manufacturing", "Sevilla, Andalucía, España", "logimat-2027:attendee", "", ""},
  {"kenji-yamada", "山田 健二", "ja", "ja,en", "物流部長", "ヤマト冷蔵株式会社", "Logistics", "東京", "logimat-2027:attendee", "", ""},
  {"priya-sharma", "Priya Sharma | Cold chain 🚚 | Speaker", "", "en", "Founder", "FreshRoute Pvt Ltd", "Logistics", "Bengaluru, Karnataka, India", "ccs-2026:speaker", "", ""},
  {"oliver-smith", "oliver smith", "", "en", "Warehouse manager", "Smith & Sons Ltd", "Warehousing", "Hamburg, Germany", "", "", ""},
  {"greta-lund", "Frau Greta Lund", "de", "de", "Einkaufsleiterin", "Nordfisch AG", "Food and Beverage Manufacturing", "Kiel, Schleswig-Holstein", "", "", ""},
  {"ahmed-hassan", "Ahmed Hassan", "", "en,ar", "Cold-store engineer", "Gulf Cold Stores LLC", "Warehousing", "Dubai, United Arab Emirates", "ws-2025:attendee", "", ""},
  {"sofia-rossi", "Sofia Rossi", "", "it,en", "Quality lead", "Farmaceutici Riuniti S.p.A.", "Pharmaceutical Manufacturing", "Milan, Lombardy, Italy", "", "", ""},
  {"lukas-weber", "Prof. Dr. Lukas Weber", "de", "de", "Professor für Kältetechnik", "TU Hamburg", "Higher Education", "Hamburg", "", "", "refrigeration"},
  {"emma-wilson", "Emma Wilson, CPA", "", "en", "CFO", "Polar Foods plc", "Food and Beverage Manufacturing", "London, England, United Kingdom", "", "", ""},
  {"pierre-lefevre", "Pierre Lefèvre", "", "fr", "Chef de projet", "Transfroid SAS", "Logistics", "Grand Lyon", "logimat-2027:exhibitor", "", ""},
  {"carmen-ruiz", "Carmen Ruiz (she/her)", "", "es", "Jefa de almacén", "Almacenes Ruiz S.A.", "Retail", "Madrid, Comunidad de Madrid, España", "", "", ""},
  {"noah-brown", "Noah Brown", "", "en", "Student", "", "", "Portland", "", "", ""},
  {"eva-novak", "Eva Novák", "", "cs,en", "Consultant", "", "", "", "", "", ""},
  {"felix-wagner", "Felix Wagner 🚀", "", "de", "Gründer", "KältePilot UG (haftungsbeschränkt)", "Software Development", "Berlin Metropolitan Area", "ws-2026:attendee", "", "cold chain"},
  {"ines-costa", "Inês Costa", "", "pt,es", "Diretora", "Frio Atlântico Lda", "Logistics", "Lisbon, Portugal", "ws-2025:speaker", "", ""},
  {"david-cohen", "David Cohen", "", "en", "Head of Sustainability", "Cohen Retail Group", "Retail", "New York City Metropolitan Area", "ccs-2026:attendee", "", ""},
  {"hannah-koch", "Hannah Koch", "", "de", "Energieberaterin", "Koch Energie GmbH", "Renewable Energy", "Hamburg, Deutschland", "", "", ""},
  {"marc-dupont", "Marc Dupont", "", "fr", "Acheteur", "Dupont Frères", "Retail", "Bordeaux, Nouvelle-Aquitaine, France", "", "", ""},
  {"ana-lopez", "Ana López", "", "es", "Consultora", "", "Consulting", "Paris", "", "", ""},
  {"yuki-tanaka", "田中 由紀", "ja", "ja", "研究者", "", "", "大阪", "", "", ""},
  {"ben-carter", "BEN CARTER", "", "en", "Sales", "Carter Cooling Co.", "Facilities Services", "Austin, Texas Metropolitan Area", "", "", ""},
  {"olga-ivanova", "Ольга Иванова", "", "ru,en", "Logistics analyst", "", "Logistics", "", "", "", ""},
};
// clang-format on

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find(',', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

event_role role_of(std::string_view r) {
  if (r == "exhibitor") return event_role::exhibitor;
  if (r == "speaker") return event_role::speaker;
  if (r == "sponsor") return event_role::sponsor;
  if (r == "organizer") return event_role::organizer;
  return event_role::attendee;
}

event fair(const char *id, const char *name, const char *series, int edition, year_month_day first,
           year_month_day last, const char *tz, const char *location) {
  event e;
  e.id = id;
  e.name = name;
  e.series = series;
  e.edition = edition;
  e.all_day = true;
  e.first_day = first;
  e.last_day = last;
  e.time_zone = tz;
  e.location = location;
  return e;
}

} // namespace

std::chrono::sys_seconds sample_now() { return sys_seconds(sys_days(2026y / November / 27) + hours(9)); }

result<sample> load_sample() {
  sample s;
  contact &me = s.sender;
  me.id = "lena-hoffmann";
  me.name.given = "Lena";
  me.name.family = "Hoffmann";
  me.headline = "Co-founder of Frostwerk";
  me.organizations.push_back({"Frostwerk GmbH", "Co-founder", "Industrial Automation", true, 2021, std::nullopt});
  me.location = "Hamburg, Germany";
  me.languages = {"de", "en"};
  me.purpose = "smart cold-chain sensors";
  me.events = {{"logimat-2027", event_role::exhibitor}, {"ccs-2026", event_role::attendee},
               {"ws-2026", event_role::attendee}};
  me.offers = {{"sensors", "wireless sensors that cut cooling energy by a fifth", {"cold-energy", "f-gas"}},
               {"logs", "audit-ready temperature logs", {"gdp"}}};
  me.connections = {"jan-devries"};

  directory_builder b;
  for (auto e : {fair("logimat-2027", "LogiMAT", "logimat", 2027, 2027y / March / 9, 2027y / March / 11, "Europe/Berlin",
                      "Stuttgart, Germany"),
                 fair("ccs-2026", "Cold Chain Summit", "cold-chain-summit", 2026, 2026y / November / 10,
                      2026y / November / 11, "Europe/Amsterdam", "Rotterdam, Netherlands"),
                 fair("ws-2025", "Web Summit", "web-summit", 2025, 2025y / November / 10, 2025y / November / 13,
                      "Europe/Lisbon", "Lisbon, Portugal"),
                 fair("ws-2026", "Web Summit", "web-summit", 2026, 2026y / November / 9, 2026y / November / 12,
                      "Europe/Lisbon", "Lisbon, Portugal")})
    if (auto r = b.add_event(std::move(e)); !r) return r.error();
  challenge energy{"cold-energy", "rising energy costs in cold storage", "Electricity is the largest cost of a cold store.",
                   {"Warehousing", "Logistics"}, {"energy", "cold storage"}};
  challenge fgas{"f-gas", "the EU F-gas phase-down", "Refrigerants with a high warming potential are being phased out.",
                 {"Food and Beverage Manufacturing", "Retail"}, {"f-gas", "refrigerant"}};
  challenge gdp{"gdp", "GDP temperature compliance", "Medicines must be stored and shipped within their range.",
                {"Pharmaceutical Manufacturing"}, {"GDP", "temperature"}};
  for (auto c : {energy, fgas, gdp})
    if (auto r = b.add_challenge(std::move(c)); !r) return r.error();

  for (const auto &r : rows) {
    contact c;
    c.id = r.id;
    c.languages = split(r.languages);
    c.locale = r.locale;
    auto name = parse_person_name(r.name, {.locale = c.locale.empty() && !c.languages.empty() ? c.languages[0] : c.locale});
    if (!name) return name.error();
    c.name = std::move(*name);
    c.headline = r.headline;
    if (*r.org) c.organizations.push_back({r.org, r.headline, r.industry, true, std::nullopt, std::nullopt});
    c.industry = r.industry;
    c.location = r.location;
    for (const auto &e : split(r.events)) {
      const auto colon = e.find(':');
      c.events.push_back({e.substr(0, colon), role_of(e.substr(colon + 1))});
    }
    c.connections = split(r.connections);
    c.topics = split(r.topics);
    if (auto added = b.add_contact(std::move(c)); !added) return added.error();
  }
  auto dir = b.build();
  if (!dir) return dir.error();
  s.dir = std::move(*dir);
  return s;
}

} // namespace rapport::cli
