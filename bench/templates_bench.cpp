// Template rendering vs ICU's own MessageFormat::format, same pattern, same
// arguments, same run. Both sides build their formatter once, outside the loop;
// ICU's output stays UTF-16 (no conversion is charged to it), ours is UTF-8.
//
//   cmake --preset release && cmake --build --preset release --target rapport_bench
//   build/release/bench/rapport_bench --benchmark_filter=template
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include <unicode/msgfmt.h>

#include "rapport/catalog.hpp"
#include "rapport/template.hpp"

namespace {

// A typical note: a select, a plural and a few strings.
const char *const note_pattern =
    "{recipient_gender, select, feminine {Liebe} masculine {Lieber} other {Hallo}} {recipient_given_name}, "
    "ich bin {sender_given_name} von {sender_org}. Wir haben "
    "{mutual_count, plural, one {einen gemeinsamen Kontakt} other {# gemeinsame Kontakte}} und sind beide bei "
    "{event_name}. Ich würde gern mit Ihnen über {purpose} sprechen.";

struct arg { const char *name; const char *text; std::int64_t number; };
const std::vector<arg> note_args = {
    {"recipient_gender", "feminine", 0}, {"recipient_given_name", "Anna", 0}, {"sender_given_name", "Jonas", 0},
    {"sender_org", "Nordlicht Analytics", 0}, {"mutual_count", nullptr, 12}, {"event_name", "Hannover Messe", 0},
    {"purpose", "vorausschauende Wartung", 0},
};

void template_render_rapport(benchmark::State &state) {
  auto t = rapport::message_template::compile(note_pattern, "de");
  if (!t) { state.SkipWithError(t.error().message.c_str()); return; }
  rapport::template_args a;
  for (const auto &x : note_args) {
    if (x.text) a.set(x.name, x.text);
    else a.set(x.name, x.number);
  }
  for (auto _ : state) {
    auto s = t->render(a);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(template_render_rapport);

void template_render_icu_messageformat(benchmark::State &state) {
  UErrorCode st = U_ZERO_ERROR;
  icu::MessageFormat mf(icu::UnicodeString::fromUTF8(note_pattern), icu::Locale("de"), st);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto &x : note_args) {
    names.push_back(icu::UnicodeString::fromUTF8(x.name));
    if (x.text) values.emplace_back(icu::UnicodeString::fromUTF8(x.text));
    else values.emplace_back(static_cast<int64_t>(x.number));
  }
  if (U_FAILURE(st)) { state.SkipWithError(u_errorName(st)); return; }
  for (auto _ : state) {
    icu::UnicodeString out;
    mf.format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, st);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(template_render_icu_messageformat);

// A built-in slot with a date (cached per-thread SimpleDateFormat) and optional clauses.
void template_render_catalog_slot_with_date(benchmark::State &state) {
  auto cat = rapport::catalog::builtin();
  if (!cat) { state.SkipWithError(cat.error().message.c_str()); return; }
  auto hit = cat->lookup("de", "event/both-exhibiting/upcoming/short/formal");
  if (!hit) { state.SkipWithError(hit.error().message.c_str()); return; }
  auto a = rapport::template_args{}
               .set("recipient_given_name", "Anna")
               .set("sender_given_name", "Jonas")
               .set("sender_org", "Nordlicht Analytics")
               .set("event_name", "Hannover Messe")
               .set("event_date", rapport::date_value{1776672000000, "Europe/Berlin"})
               .set("purpose", "vorausschauende Wartung");
  for (auto _ : state) {
    auto s = hit->tmpl.render(a);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(template_render_catalog_slot_with_date);

void template_compile(benchmark::State &state) {
  for (auto _ : state) {
    auto t = rapport::message_template::compile(note_pattern, "de");
    benchmark::DoNotOptimize(t);
  }
}
BENCHMARK(template_compile);

} // namespace
