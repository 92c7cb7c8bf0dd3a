// review(): the per-note cost, since compose() reviews every note it writes
// (compose's batch target: 1 M notes/s/core, review included; review's own
// target: under 1 µs for a typical ASCII/Latin note).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "rapport/person_name.hpp"
#include "rapport/platform.hpp"
#include "rapport/review.hpp"

namespace {

struct fixture {
  rapport::contact anna, sam;
  rapport::platform_profile platform;
  rapport::review_options options;

  fixture() {
    anna.id = "anna";
    anna.name = *rapport::parse_person_name("Anna Schmidt");
    anna.organizations.push_back({"Acme GmbH", "Head of Procurement", "", true, {}, {}});
    sam.id = "sam";
    sam.name = *rapport::parse_person_name("Sam Taylor");
    sam.organizations.push_back({"Volta GmbH", "Head of Sales", "", true, {}, {}});
    platform = *rapport::find_platform("linkedin-connection-note");
    rapport::shared_context c;
    c.kind = rapport::context_kind::event;
    c.event_id = "bauma-2025";
    c.event_name = "bauma";
    options.sender = &sam;
    options.contexts = {c};
  }
};

// 180 characters, clean: what compose writes.
const std::string clean_en =
    "Hi Anna, I\u2019m Sam from Volta. We\u2019re both exhibiting at bauma on April 7. I\u2019d love to talk "
    "about battery systems for compact machines there. Shall we meet at the show?";
const std::string clean_ascii =
    "Hi Anna, I'm Sam from Volta. We're both exhibiting at bauma on April 7. I'd love to talk about battery "
    "systems for compact machines there. Shall we meet at the show? Best, Sam";
const std::string clean_de =
    "Hallo Anna, ich bin Sam von Volta. Wir stellen beide bei der bauma am 7. April aus. Ich würde dort gern "
    "mit dir über Batteriesysteme für Kompaktmaschinen sprechen. Bis bald!";
const std::string blunders =
    "Hi {{first_name}} ,  I\u2019d like to add you to my professional network on LinkedIn. JosÃ© says hi \u200B";

void review_note(benchmark::State &state, const std::string *draft) {
  const fixture f;
  for (auto _ : state) benchmark::DoNotOptimize(rapport::review(*draft, f.anna, f.platform, f.options));
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * draft->size()));
}
BENCHMARK_CAPTURE(review_note, clean_ascii_180, &clean_ascii);
BENCHMARK_CAPTURE(review_note, clean_en_curly_quotes, &clean_en);
BENCHMARK_CAPTURE(review_note, clean_de_umlauts, &clean_de);
BENCHMARK_CAPTURE(review_note, five_blunders, &blunders);

} // namespace
