// resolve_place on a mix of location strings as LinkedIn profiles and exports
// write them: English, German, French and Spanish phrasings, comma forms,
// state codes, homonyms, non-Latin scripts and text that names no place.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "rapport/place.hpp"

namespace {

const std::vector<std::string> &linkedin_mix() {
  static const std::vector<std::string> mix = {
      "San Francisco Bay Area", "New York City Metropolitan Area", "Greater Seattle Area", "Greater Boston",
      "Los Angeles Metropolitan Area", "Greater Chicago Area", "Washington DC-Baltimore Area",
      "Dallas-Fort Worth Metroplex", "Austin, Texas, United States", "Portland, Oregon Metropolitan Area",
      "Brooklyn, NY", "Denver, Colorado, United States", "Atlanta Metropolitan Area", "Paris, TX",
      "Greater Toronto Area, Canada", "Vancouver, British Columbia, Canada", "Montreal, Quebec, Canada",
      "London Area, United Kingdom", "London, England, United Kingdom", "Cambridge, England, United Kingdom",
      "Greater Manchester, England, United Kingdom", "Dublin, County Dublin, Ireland",
      "Greater Munich Metropolitan Area", "München, Bayern, Deutschland", "Berlin, Berlin, Germany",
      "Frankfurt Rhine-Main Metropolitan Area", "Hamburg, Germany", "Köln und Umgebung", "Großraum Stuttgart",
      "Zürich, Schweiz", "Vienna, Austria", "Greater Paris Metropolitan Region", "Région de Lyon",
      "Paris et périphérie", "Área metropolitana de Madrid", "Barcelona, Cataluña, España", "Lisbon, Portugal",
      "Milan, Lombardy, Italy", "Amsterdam Area", "Greater Stockholm Metropolitan Area", "Warsaw, Mazowieckie, Poland",
      "Tel Aviv Area", "Dubai, United Arab Emirates", "Bengaluru, Karnataka, India", "Greater Hyderabad Area",
      "Singapore", "Tokyo, Japan", "東京都", "Sydney, New South Wales, Australia", "São Paulo, São Paulo, Brazil",
      "Gran Buenos Aires", "Mexico City, Mexico", "Remote", "Germany", "Portland",
  };
  return mix;
}

void resolve_mix(benchmark::State &state, bool ascii_only) {
  std::vector<std::string> inputs;
  for (const auto &s : linkedin_mix()) {
    bool ascii = true;
    for (unsigned char c : s) ascii = ascii && c < 0x80;
    if (ascii || !ascii_only) inputs.push_back(s);
  }
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = rapport::resolve_place(inputs[i]);
    benchmark::DoNotOptimize(r);
    if (++i == inputs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::to_string(inputs.size()) + " strings");
}

void places_resolve_linkedin_mix(benchmark::State &state) { resolve_mix(state, false); }
void places_resolve_ascii_only(benchmark::State &state) { resolve_mix(state, true); }

void places_resolve(benchmark::State &state, std::string text) {
  for (auto _ : state) benchmark::DoNotOptimize(rapport::resolve_place(text));
  state.SetItemsProcessed(state.iterations());
}

void places_same_city(benchmark::State &state) {
  const auto a = rapport::resolve_place("Brooklyn, NY")->id;
  const auto b = rapport::resolve_place("New York City Metropolitan Area")->id;
  for (auto _ : state) benchmark::DoNotOptimize(rapport::same_city(a, b));
}

void places_display_name(benchmark::State &state) {
  const auto id = rapport::resolve_place("Vienna")->id;
  for (auto _ : state) benchmark::DoNotOptimize(rapport::place_display_name(id, "de"));
}

} // namespace

BENCHMARK(places_resolve_linkedin_mix);
BENCHMARK(places_resolve_ascii_only);
BENCHMARK_CAPTURE(places_resolve, ascii_metro, std::string("Greater Munich Metropolitan Area"));
BENCHMARK_CAPTURE(places_resolve, ascii_city_region_country, std::string("Austin, Texas, United States"));
BENCHMARK_CAPTURE(places_resolve, latin_diacritics, std::string("München, Bayern, Deutschland"));
BENCHMARK_CAPTURE(places_resolve, cjk, std::string("東京都"));
BENCHMARK_CAPTURE(places_resolve, no_place, std::string("Remote"));
BENCHMARK(places_same_city);
BENCHMARK(places_display_name);
