// Grapheme counting and truncation: the fast path against ICU's BreakIterator,
// on notes of about 200 characters in four kinds of text.
#include <benchmark/benchmark.h>

#include <string>

#include "rapport/text.hpp"

namespace {

// `unit` repeated and cut to about `graphemes` clusters (the cut drops a trailing space).
std::string repeat_to(const std::string &unit, std::size_t graphemes) {
  std::string s;
  while (rapport::count_graphemes(s).value() <= graphemes) s += unit;
  rapport::truncate_options o;
  o.limit = graphemes;
  o.ellipsis = "";
  o.prefer_word_boundary = false;
  return rapport::truncate(s, o).value().text;
}

const std::string ascii = repeat_to("Hi Sam, we are both exhibiting at Hannover Messe next month. ", 200);
const std::string latin = repeat_to("Bonjour Zoë, ravie d'échanger à Zürich sur la décarbonation ; à bientôt ! ", 200);
const std::string cjk = repeat_to("田中さん、来月の東京ビッグサイトの展示会でお会いしましょう。", 200);
const std::string emoji = repeat_to("Congrats 🎉🚀 teams 👩‍💻👨‍💻 ship to 🇩🇪🇫🇷 👍🏽 ", 200);

void sizes(benchmark::State &state, const std::string *text) {
  for (auto _ : state) benchmark::DoNotOptimize(text->size());
  state.counters["bytes"] = static_cast<double>(text->size());
  state.counters["graphemes"] = static_cast<double>(rapport::count_graphemes(*text).value());
}

void count(benchmark::State &state, const std::string *text, rapport::grapheme_engine engine) {
  for (auto _ : state) benchmark::DoNotOptimize(rapport::count_graphemes(*text, engine));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text->size()));
}

void cut(benchmark::State &state, const std::string *text, rapport::grapheme_engine engine) {
  rapport::truncate_options o;
  o.limit = 100;
  o.engine = engine;
  for (auto _ : state) benchmark::DoNotOptimize(rapport::truncate(*text, o));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text->size()));
}

using rapport::grapheme_engine;

} // namespace

BENCHMARK_CAPTURE(sizes, ascii, &ascii);
BENCHMARK_CAPTURE(sizes, latin, &latin);
BENCHMARK_CAPTURE(sizes, cjk, &cjk);
BENCHMARK_CAPTURE(sizes, emoji, &emoji);

BENCHMARK_CAPTURE(count, ascii_fast, &ascii, grapheme_engine::fast);
BENCHMARK_CAPTURE(count, ascii_icu, &ascii, grapheme_engine::icu);
BENCHMARK_CAPTURE(count, latin_fast, &latin, grapheme_engine::fast);
BENCHMARK_CAPTURE(count, latin_icu, &latin, grapheme_engine::icu);
BENCHMARK_CAPTURE(count, cjk_fast, &cjk, grapheme_engine::fast);
BENCHMARK_CAPTURE(count, cjk_icu, &cjk, grapheme_engine::icu);
BENCHMARK_CAPTURE(count, emoji_fast, &emoji, grapheme_engine::fast);
BENCHMARK_CAPTURE(count, emoji_icu, &emoji, grapheme_engine::icu);

BENCHMARK_CAPTURE(cut, ascii_fast, &ascii, grapheme_engine::fast);
BENCHMARK_CAPTURE(cut, ascii_icu, &ascii, grapheme_engine::icu);
BENCHMARK_CAPTURE(cut, latin_fast, &latin, grapheme_engine::fast);
BENCHMARK_CAPTURE(cut, latin_icu, &latin, grapheme_engine::icu);
BENCHMARK_CAPTURE(cut, cjk_fast, &cjk, grapheme_engine::fast);
BENCHMARK_CAPTURE(cut, cjk_icu, &cjk, grapheme_engine::icu);
BENCHMARK_CAPTURE(cut, emoji_fast, &emoji, grapheme_engine::fast);
BENCHMARK_CAPTURE(cut, emoji_icu, &emoji, grapheme_engine::icu);

// The floor under every call: validating the UTF-8.
static void validate(benchmark::State &state, const std::string *text) {
  for (auto _ : state) benchmark::DoNotOptimize(rapport::find_invalid_utf8(*text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text->size()));
}
BENCHMARK_CAPTURE(validate, ascii, &ascii);
BENCHMARK_CAPTURE(validate, latin, &latin);
BENCHMARK_CAPTURE(validate, cjk, &cjk);
BENCHMARK_CAPTURE(validate, emoji, &emoji);
