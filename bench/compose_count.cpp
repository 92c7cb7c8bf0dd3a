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
// GCC 12 at -O3 warns falsely (-Wrestrict) on the generator's "c" + std::string.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
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
  const char *const givens[] = {"Anna", "Lukas", "Sofía", "Chloé", "Emma", "Noah", "Mari-Liis", "Jürgen", "Zoë", "Priya"};
  const char *const families[] = {"Schmidt", "Müller", "García", "Dubois", "Smith", "O'Neil", "Tamm", "Nowak", "Patel", "Rossi"};
  batch b;
  rapport::directory_builder d;
  rapport::event e;
  e.id = "hm-2026";
  e.name = "Hannover Messe";
  e.all_day = true;
  e.first_day = 2026y / April / 20;
  e.last_day = 2026y / April / 24;
  e.time_zone = "Europe/Berlin";
  (void)d.add_event(e);
  for (int i = 0; i < 4096; ++i) {
    rapport::contact c;
    c.id = std::to_string(i);
    c.id.insert(0, 1, 'c');
    c.name.given = givens[i % 10];
    c.name.family = families[(i / 10) % 10];
    c.languages = {"en"};
    c.events.push_back({"hm-2026", rapport::event_role::exhibitor});
    b.ids.push_back(c.id);
    (void)d.add_contact(std::move(c));
  }
  b.dir = std::move(*d.build());
  b.me.id = "me";
  b.me.name.given = "Jonas";
  b.me.name.family = "Becker";
  b.me.organizations.push_back({"Nordlicht Analytics GmbH", "", "", true, std::nullopt, std::nullopt});
  b.me.events.push_back({"hm-2026", rapport::event_role::exhibitor});
  b.me.purpose = "predictive maintenance";
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

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

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
