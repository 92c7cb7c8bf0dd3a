// Names and companies: the per-row cost of cleaning a LinkedIn export
// (target: well under 1 µs per typical ASCII name, >= 1 M rows/s overall).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "rapport/company.hpp"
#include "rapport/person_name.hpp"

namespace {

const std::vector<std::string> ascii_names = {
    "Jane Doe", "John Smith", "Mari-Liis Tamm", "Sean O'Neil", "Katherine (Kate) Smith",
    "Dr. Anna Schmidt, MBA, PMP", "MARI-LIIS TAMM", "van der Berg, Jan", "Robert \"Bob\" Jones", "Anna Schmidt (she/her) | Hiring"};

const std::vector<std::string> companies = {
    "Acme GmbH & Co. KG", "SAP SE", "Bank of America Corp", "Acme, Inc.", "Google",
    "Societe Generale S.A.", "TOYOTA MOTOR CORPORATION", "H&M Hennes & Mauritz AB (publ)", "AB InBev", "Wipro Limited"};

void parse_and_greet(benchmark::State &state, std::string name) {
  for (auto _ : state) {
    auto n = rapport::parse_person_name(name);
    benchmark::DoNotOptimize(rapport::greeting_name(*n, "en"));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(parse_and_greet, plain_ascii, std::string("Jane Doe"));
BENCHMARK_CAPTURE(parse_and_greet, all_caps, std::string("MARI-LIIS TAMM"));
BENCHMARK_CAPTURE(parse_and_greet, noisy_ascii, std::string("Dr. Anna Schmidt, MBA, PMP"));
BENCHMARK_CAPTURE(parse_and_greet, headline_and_emoji, std::string("🚀 Jane Doe 🇺🇸 | Open to work"));
BENCHMARK_CAPTURE(parse_and_greet, accented_caps, std::string("JEAN-FRANÇOIS DE LA TOUR"));
BENCHMARK_CAPTURE(parse_and_greet, japanese, std::string("山田 太郎"));

void parse_and_greet_mix(benchmark::State &state) {
  std::size_t i = 0;
  for (auto _ : state) {
    auto n = rapport::parse_person_name(ascii_names[i++ % ascii_names.size()]);
    benchmark::DoNotOptimize(rapport::greeting_name(*n, "en"));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(parse_and_greet_mix);

void company_display(benchmark::State &state, std::string name) {
  for (auto _ : state) benchmark::DoNotOptimize(rapport::company_display_name(name));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(company_display, plain, std::string("Google"));
BENCHMARK_CAPTURE(company_display, gmbh_co_kg, std::string("Acme GmbH & Co. KG"));
BENCHMARK_CAPTURE(company_display, kabushiki, std::string("ソニー株式会社"));

void company_parse_mix(benchmark::State &state) {
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(rapport::parse_company_name(companies[i++ % companies.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(company_parse_mix);

// One LinkedIn Connections.csv row: First Name, Last Name, Company.
void linkedin_row(benchmark::State &state) {
  struct row { std::string first, last, company; };
  const std::vector<row> rows = {
      {"Jane", "Doe", "Acme, Inc."}, {"MARI-LIIS", "TAMM", "Bolt Technology OU"},
      {"Katherine (Kate)", "Smith", "Google"}, {"Anna", "Schmidt, MBA", "SAP SE"},
      {"Jan", "van der Berg", "Philips N.V."}, {"Sean", "O'Neil", "Bank of America Corp"}};
  std::size_t i = 0;
  for (auto _ : state) {
    const auto &r = rows[i++ % rows.size()];
    auto n = rapport::parse_person_name(r.first, r.last, {});
    benchmark::DoNotOptimize(rapport::greeting_name(*n, "en"));
    benchmark::DoNotOptimize(rapport::parse_company_name(r.company));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(linkedin_row);

} // namespace
