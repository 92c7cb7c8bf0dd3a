// Instruction counts of the batch path, for callgrind (stable on a busy machine,
// where timings vary by ±30%): one compose_all() batch, results freed, counted
// after a warm-up batch. docs/performance.md ("Compose") gives the figures.
//
//   cmake --build --preset release --target compose_count
//   valgrind --tool=callgrind --toggle-collect='*measured_batch*' build/release/bench/compose_count event
//   valgrind --tool=callgrind --toggle-collect='*measured_batch*' build/release/bench/compose_count mixed [locale]
//   valgrind --tool=callgrind --toggle-collect='*measured_batch*' build/release/bench/compose_count event each
//
// "event": the 4,096 short event notes of compose_bench; "mixed": every
// contact of the synthetic network of 1,500 (seed 42) — all kinds of context,
// refusals with homework included. "each": compose_each() instead of
// compose_all(), its sink appending each note to one output buffer (cleared,
// not freed, between batches). Divide callgrind's total by the notes printed.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "rapport/compose.hpp"

#include "fair_world.hpp"
#include "synthetic_network.hpp"

namespace {

using namespace std::chrono;

struct batch {
  rapport::directory dir;
  rapport::contact me;
  std::vector<std::string> ids;  // empty: every contact
  rapport::compose_options options;
};

batch event_batch() {
  batch b;
  rapport::directory_builder d;
  (void)d.add_event(rapport::bench::hannover_messe());
  for (int i = 0; i < 4096; ++i) {
    auto c = rapport::bench::fair_exhibitor(i);
    b.ids.push_back(c.id);
    (void)d.add_contact(std::move(c));
  }
  b.dir = std::move(*d.build());
  b.me = rapport::bench::fair_sender();
  b.options.locale = "en";
  return b;
}

batch mixed_batch(const char *locale) {
  rapport::synthetic::network_options no;
  no.contacts = 1500;
  no.seed = 42;
  auto net = rapport::synthetic::make_network(no);
  batch b{std::move(net.dir), std::move(net.sender), {}, {}};
  b.options.locale = locale;
  return b;
}

// Composes the batch and frees the results (as compose_bench's loop does).
__attribute__((noinline)) std::size_t measured_batch(const batch &b) {
  auto all = rapport::compose_all(b.dir, b.me, b.ids, b.options, 1);
  if (!all) return 0;
  std::size_t notes = 0;
  for (const auto &item : all->items) notes += item && item->status == rapport::errc::ok;
  return notes;
}

// The same batch through compose_each(), the notes appended to `out`.
__attribute__((noinline)) std::size_t each_batch(const batch &b, std::string &out) {
  out.clear();
  std::size_t notes = 0;
  auto w = rapport::compose_each(
      b.dir, b.me, b.ids, b.options,
      [&](std::size_t, const rapport::result<rapport::composition> &item) {
        if (!item || item->status != rapport::errc::ok) return;
        out.append(item->note.text).push_back('\n');
        ++notes;
      },
      1);
  return w ? notes : 0;
}

__attribute__((noinline)) std::size_t measured_batch_each(const batch &b, std::string &out) { return each_batch(b, out); }

} // namespace

int main(int argc, char **argv) {
  const bool mixed = argc > 1 && std::strcmp(argv[1], "mixed") == 0;
  const bool each = argc > 1 && std::strcmp(argv[argc - 1], "each") == 0;
  const char *locale = argc > 2 && std::strcmp(argv[2], "each") != 0 ? argv[2] : "";
  batch b = mixed ? mixed_batch(locale) : event_batch();
  b.options.now = sys_seconds(sys_days(2026y / March / 1) + hours(12));
  const auto items = b.ids.empty() ? b.dir.contacts().size() : b.ids.size();
  std::string out;
  // warm-up: catalogs, ICU formatters, lexicon (and the output buffer's capacity)
  const std::size_t notes = each ? (each_batch(b, out), measured_batch_each(b, out))
                                 : ((void)rapport::compose_all(b.dir, b.me, b.ids, b.options, 1), measured_batch(b));
  std::printf("%zu items, %zu notes\n", items, notes);
  return notes > 0 ? 0 : 1;
}
