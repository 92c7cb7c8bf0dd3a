// Composing on the batch path — discovery + render + fit + review per note —
// against ICU MessageFormat::format alone on the same pattern, in the same run,
// and (after the benchmarks) Jinja2 rendering the same note (bench/jinja2_baseline.py).
//
//   cmake --preset release && cmake --build --preset release --target compose_bench
//   build/release/bench/compose_bench
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include <unicode/msgfmt.h>

#include "rapport/catalog.hpp"
#include "rapport/compose.hpp"
#include "rapport/discovery.hpp"

#include "fair_world.hpp"

namespace {

using namespace std::chrono;

struct world {
  rapport::directory dir;
  rapport::contact me;
  std::vector<std::string> ids;
};

// `n` English-speaking contacts who all exhibit at the same upcoming fair: every
// note is the short both-exhibiting note of the issue.
const world &event_world() {
  static const world w = [] {
    world w;
    rapport::directory_builder b;
    (void)b.add_event(rapport::bench::hannover_messe());
    for (int i = 0; i < 4096; ++i) {
      auto c = rapport::bench::fair_exhibitor(i);
      w.ids.push_back(c.id);
      (void)b.add_contact(std::move(c));
    }
    w.dir = std::move(*b.build());
    w.me = rapport::bench::fair_sender();
    return w;
  }();
  return w;
}

rapport::compose_options options() {
  rapport::compose_options o;
  o.now = sys_seconds(sys_days(2026y / March / 1) + hours(12));
  o.locale = "en";
  return o;
}

// The batch path on one thread: what the "1 M notes/s per core" is about.
void compose_batch_short_event(benchmark::State &state) {
  const auto &w = event_world();
  const auto o = options();
  std::size_t notes = 0;
  for (auto _ : state) {
    auto all = rapport::compose_all(w.dir, w.me, w.ids, o, 1);
    if (!all) { state.SkipWithError(all.error().message.c_str()); return; }
    notes += all->items.size();
    benchmark::DoNotOptimize(all);
  }
  state.counters["notes/s"] = benchmark::Counter(static_cast<double>(notes), benchmark::Counter::kIsRate);
}
BENCHMARK(compose_batch_short_event)->Unit(benchmark::kMillisecond);

// The same batch streamed: compose_each() on one thread, its sink doing what a
// caller writing the notes out does — appending each text and a newline to one
// output buffer (cleared, capacity kept, per batch).
void compose_each_short_event(benchmark::State &state) {
  const auto &w = event_world();
  const auto o = options();
  std::size_t notes = 0;
  std::string out;
  for (auto _ : state) {
    out.clear();
    auto warnings = rapport::compose_each(
        w.dir, w.me, w.ids, o,
        [&](std::size_t, const rapport::result<rapport::composition> &item) {
          if (item && item->status == rapport::errc::ok) out.append(item->note.text).push_back('\n');
        },
        1);
    if (!warnings) { state.SkipWithError(warnings.error().message.c_str()); return; }
    notes += w.ids.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["notes/s"] = benchmark::Counter(static_cast<double>(notes), benchmark::Counter::kIsRate);
}
BENCHMARK(compose_each_short_event)->Unit(benchmark::kMillisecond);

// The floor the API sets: making (copying) and freeing the 4,096 results of a
// batch — every string, context and evidence item — without composing anything.
void compose_floor_copy_results(benchmark::State &state) {
  const auto &w = event_world();
  const auto o = options();
  auto all = rapport::compose_all(w.dir, w.me, w.ids, o, 1);
  if (!all) { state.SkipWithError(all.error().message.c_str()); return; }
  std::size_t notes = 0;
  for (auto _ : state) {
    auto copy = all->items;
    notes += copy.size();
    benchmark::DoNotOptimize(copy);
  }
  state.counters["notes/s"] = benchmark::Counter(static_cast<double>(notes), benchmark::Counter::kIsRate);
}
BENCHMARK(compose_floor_copy_results)->Unit(benchmark::kMillisecond);

// One compose() call: prepares the sender, the platform and the templates each time.
void compose_single(benchmark::State &state) {
  const auto &w = event_world();
  const auto o = options();
  const auto *r = w.dir.find_contact("c1");
  for (auto _ : state) {
    auto c = rapport::compose(w.dir, w.me, *r, o);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(compose_single);

// Discovery alone for the same pair (prepared sender), for the profile.
void compose_part_discovery(benchmark::State &state) {
  const auto &w = event_world();
  rapport::prepared_sender p(w.dir, w.me);
  const auto *r = w.dir.find_contact("c1");
  const auto now = options().now;
  for (auto _ : state) {
    auto c = rapport::find_shared_contexts(p, *r, now);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(compose_part_discovery);

// The same template rendered by rapport alone (no discovery, fit or review).
void compose_part_render(benchmark::State &state) {
  auto cat = rapport::catalog::builtin();
  auto hit = cat->lookup("en", "event/both-exhibiting/upcoming/short/informal");
  auto a = rapport::template_args{}
               .set("recipient_given_name", "Anna")
               .set("sender_given_name", "Jonas")
               .set("sender_org", "Nordlicht Analytics")
               .set("event_name", "Hannover Messe")
               .set("event_date", rapport::date_value{1776686400000, "Europe/Berlin"})
               .set("purpose", "predictive maintenance");
  for (auto _ : state) {
    auto s = hit->tmpl.render(a);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(compose_part_render);

// ICU MessageFormat::format alone on the same pattern (opt_* selects given "show").
void compose_baseline_icu_messageformat(benchmark::State &state) {
  auto cat = rapport::catalog::builtin();
  auto hit = cat->lookup("en", "event/both-exhibiting/upcoming/short/informal");
  UErrorCode st = U_ZERO_ERROR;
  icu::MessageFormat mf(icu::UnicodeString::fromUTF8(hit->tmpl.pattern()), icu::Locale("en"), st);
  if (U_FAILURE(st)) { state.SkipWithError(u_errorName(st)); return; }
  const char *const names8[] = {"recipient_given_name", "sender_given_name", "opt_org", "sender_org",
                                "event_name", "opt_date", "event_date", "opt_purpose", "purpose"};
  std::vector<icu::UnicodeString> names;
  for (const char *n : names8) names.push_back(icu::UnicodeString::fromUTF8(n));
  std::vector<icu::Formattable> values = {
      icu::Formattable(icu::UnicodeString::fromUTF8("Anna")), icu::Formattable(icu::UnicodeString::fromUTF8("Jonas")),
      icu::Formattable(icu::UnicodeString::fromUTF8("show")),
      icu::Formattable(icu::UnicodeString::fromUTF8("Nordlicht Analytics")),
      icu::Formattable(icu::UnicodeString::fromUTF8("Hannover Messe")), icu::Formattable(icu::UnicodeString::fromUTF8("show")),
      icu::Formattable(1776686400000.0, icu::Formattable::kIsDate), icu::Formattable(icu::UnicodeString::fromUTF8("show")),
      icu::Formattable(icu::UnicodeString::fromUTF8("predictive maintenance"))};
  for (auto _ : state) {
    icu::UnicodeString out;
    mf.format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, st);
    benchmark::DoNotOptimize(out);
  }
  state.counters["notes/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(compose_baseline_icu_messageformat);

} // namespace

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
#ifdef RAPPORT_JINJA2_BASELINE
  // The Jinja2 figure, same note, same machine, same run.
  return std::system("/usr/bin/python3 " RAPPORT_JINJA2_BASELINE " 200000") == 0 ? 0 : 1;
#else
  return 0;
#endif
}
