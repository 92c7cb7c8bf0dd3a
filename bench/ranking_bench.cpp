// Ranking a network of synthetic contacts: the inverted-index walk against a
// full scan that runs discovery on every contact, in the same run.
//
//   build/release/bench/rapport_bench --benchmark_filter=rank
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "discovery/ranking_scan.hpp"
#include "rapport/ranking.hpp"
#include "synthetic_network.hpp"

namespace {

const rapport::synthetic::network &network_of(std::size_t n) {
  static std::map<std::size_t, std::unique_ptr<rapport::synthetic::network>> cache;
  auto &slot = cache[n];
  if (!slot) {
    rapport::synthetic::network_options opts;
    opts.contacts = n;
    opts.events = 400;
    slot = std::make_unique<rapport::synthetic::network>(rapport::synthetic::make_network(opts));
  }
  return *slot;
}

const auto now = std::chrono::sys_seconds(std::chrono::sys_days(std::chrono::year(2026) / 3 / 1));

void report(benchmark::State &state, const rapport::synthetic::network &net) {
  state.counters["contacts"] = static_cast<double>(net.dir.contacts().size());
  state.counters["bytes_per_contact"] =
      static_cast<double>(net.dir.memory_bytes()) / static_cast<double>(net.dir.contacts().size());
}

void rank_top100_indexed(benchmark::State &state) {
  const auto &net = network_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(rapport::rank_recipients(net.dir, net.sender, now, 100));
  report(state, net);
}

void rank_top100_full_scan(benchmark::State &state) {
  const auto &net = network_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state)
    benchmark::DoNotOptimize(rapport::detail::rank_recipients_full_scan(net.dir, net.sender, now, 100, {}, {}));
  report(state, net);
}

void rank_at_event_indexed(benchmark::State &state) {
  const auto &net = network_of(static_cast<std::size_t>(state.range(0)));
  rapport::rank_filter f;
  f.event_id = "event-10";
  for (auto _ : state) benchmark::DoNotOptimize(rapport::rank_recipients(net.dir, net.sender, now, 100, f));
}

void rank_same_city_indexed(benchmark::State &state) {
  const auto &net = network_of(static_cast<std::size_t>(state.range(0)));
  rapport::rank_filter f;
  f.kinds = {rapport::context_kind::same_city};
  for (auto _ : state) benchmark::DoNotOptimize(rapport::rank_recipients(net.dir, net.sender, now, 100, f));
}

// Discovery for one pair, the sender prepared once (the batch path). Arg 1:
// the stride through the contacts (1 = in directory order, as a batch walks
// them; 7919 = scattered, every pair a cache miss).
void discovery_prepared_sender(benchmark::State &state) {
  const auto &net = network_of(static_cast<std::size_t>(state.range(0)));
  const auto stride = static_cast<std::size_t>(state.range(1));
  const rapport::prepared_sender me(net.dir, net.sender);
  const auto &contacts = net.dir.contacts();
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    auto r = rapport::find_shared_contexts(me, contacts[i], now);
    found += r->size();
    i = (i + stride) % contacts.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["contexts_per_pair"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

// Discovery for one pair, the sender prepared on every call (the convenience overload).
void discovery_unprepared_sender(benchmark::State &state) {
  const auto &net = network_of(static_cast<std::size_t>(state.range(0)));
  const auto &contacts = net.dir.contacts();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rapport::find_shared_contexts(net.dir, net.sender, contacts[i], now));
    i = (i + 7919) % contacts.size();
  }
  state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(rank_top100_indexed)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(rank_top100_full_scan)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(rank_at_event_indexed)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(rank_same_city_indexed)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(discovery_prepared_sender)->Args({1000000, 1})->Args({1000000, 7919});
BENCHMARK(discovery_unprepared_sender)->Arg(1000000);
