// Match keys: the ASCII fast path against text that needs ICU.
#include <benchmark/benchmark.h>

#include <string>

#include "rapport/text.hpp"

static void keys(benchmark::State &state, std::string text) {
  for (auto _ : state) benchmark::DoNotOptimize(rapport::make_match_keys(text));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(keys, ascii_name, std::string("Jonathan O'Neil-Smith"));
BENCHMARK_CAPTURE(keys, german_city, std::string("Großraum München"));
BENCHMARK_CAPTURE(keys, cjk_company, std::string("株式会社 東京エレクトロン"));
