// Two-reason notes (compose_options::reasons = 2) on the batch path: 1,024
// recipients in German who exhibit at the sender's fair and live in the
// sender's city, composed with one reason and with two ("… Wir sind außerdem
// beide in Hamburg zu Hause."), as an e-mail (standard note) and as a LinkedIn
// connection note (short note; the second sentence still fits the 200 units).
//
//   cmake --preset release && cmake --build --preset release --target rapport_bench
//   build/release/bench/rapport_bench --benchmark_filter=reasons
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>
#include <vector>

#include "rapport/compose.hpp"

#include "fair_world.hpp"

namespace {

using namespace std::chrono;

struct reasons_world {
  rapport::directory dir;
  rapport::contact me;
  std::vector<std::string> ids;
};

const reasons_world &two_reason_world() {
  static const reasons_world w = [] {
    const char *const givens[] = {"Anna", "Lukas", "Sofia", "Jonas", "Emma", "Noah", "Mia", "Jürgen", "Zoë", "Lea"};
    const char *const families[] = {"Schmidt", "Müller", "Weber", "Fischer", "Becker", "Wagner", "Koch", "Richter"};
    reasons_world w;
    rapport::directory_builder b;
    (void)b.add_event(rapport::bench::hannover_messe());
    for (int i = 0; i < 1024; ++i) {
      rapport::contact c;
      c.id = std::to_string(i);
      c.id.insert(0, 1, 'c');
      c.name.given = givens[i % 10];
      c.name.family = families[(i / 10) % 8];
      c.locale = "de";
      c.location = "Hamburg, Germany";
      c.events.push_back({"hm-2026", rapport::event_role::exhibitor});
      w.ids.push_back(c.id);
      (void)b.add_contact(std::move(c));
    }
    w.dir = std::move(*b.build());
    w.me = rapport::bench::fair_sender("");
    w.me.location = "Hamburg, Germany";
    return w;
  }();
  return w;
}

// Arguments: reasons (1 or 2), platform (0 = email, 1 = LinkedIn connection note).
void reasons_batch(benchmark::State &state) {
  const auto &w = two_reason_world();
  rapport::compose_options o;
  o.now = sys_seconds(sys_days(2026y / March / 1) + hours(12));
  o.reasons = static_cast<int>(state.range(0));
  o.platform = state.range(1) == 0 ? "email" : "linkedin-connection-note";
  std::size_t notes = 0;
  for (auto _ : state) {
    auto all = rapport::compose_all(w.dir, w.me, w.ids, o, 1);
    if (!all) {
      state.SkipWithError(all.error().message.c_str());
      return;
    }
    notes += all->items.size();
    benchmark::DoNotOptimize(all);
  }
  state.counters["notes/s"] = benchmark::Counter(static_cast<double>(notes), benchmark::Counter::kIsRate);
}
BENCHMARK(reasons_batch)->ArgNames({"reasons", "linkedin"})->ArgsProduct({{1, 2}, {0, 1}})->Unit(benchmark::kMillisecond);

} // namespace
