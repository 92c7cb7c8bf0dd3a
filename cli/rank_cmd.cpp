// `rapport rank`: whom to write to first, with the best shared context of each.
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "options.hpp"
#include "rapport/ranking.hpp"

namespace rapport::cli {
namespace {

constexpr const char *rank_help = R"(usage: rapport rank --me profile.json --contacts FILE [options]

The top contacts by their strongest shared context with the sender.

  --me FILE            the sender profile: a rapport JSON document with "sender"
  --contacts FILE      contacts: .csv (LinkedIn or generic), .vcf or .json (repeatable)
  --events FILE        events: .ics or .json (repeatable)
  --challenges FILE    challenges: .json (repeatable)
  -k N                 how many (default 10)
  --event ID           only contacts taking part in this event
  --now DATE           the clock, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (default: now)

output: rank, strength, id, name, the best context
exit: 0 done, 1 a bad input file or an unknown event, 2 wrong usage, 3 internal error
)";

constexpr option_spec rank_options_spec[] = {
    {"--me", true}, {"--contacts", true}, {"--events", true}, {"--challenges", true},
    {"-k", true, "--k"}, {"--event", true}, {"--now", true},
};

} // namespace

int run_rank(int argc, char **argv) {
  auto args = parse_args(argc, argv, 2, rank_options_spec);
  if (!args) {
    std::cerr << "rapport rank: " << args.error().message << "\n" << rank_help;
    return exit_usage;
  }
  if (args->has("--help")) {
    std::cout << rank_help;
    return exit_ok;
  }
  if (!args->positional.empty() || !args->has("--me") || !args->has("--contacts")) {
    std::cerr << "rapport rank: --me and --contacts are required\n" << rank_help;
    return exit_usage;
  }
  std::size_t k = 10;
  if (args->has("-k")) {
    const auto text = args->get("-k");
    std::size_t used = 0;
    unsigned long long v = 0;
    try {
      v = std::stoull(text, &used);
    } catch (const std::exception &) {
      used = 0;
    }
    if (used != text.size() || text.empty() || text[0] == '-' || v == 0) {
      std::cerr << "rapport rank: -k wants a positive number, not '" << text << "'\n";
      return exit_usage;
    }
    k = static_cast<std::size_t>(v);
  }
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (args->has("--now")) {
    auto n = parse_instant(args->get("--now"));
    if (!n) {
      std::cerr << "rapport rank: --now wants YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ\n";
      return exit_usage;
    }
    now = *n;
  }
  auto in = load_inputs(*args, true, std::cerr);
  if (!in) {
    std::cerr << "rapport rank: " << in.error().message << '\n';
    return exit_problems;
  }
  rank_filter filter;
  filter.event_id = args->get("--event");
  auto ranked = rank_recipients(in->dir, *in->me, now, k, filter);
  if (!ranked) {
    std::cerr << "rapport rank: " << ranked.error().message << '\n';
    return ranked.error().code == errc::not_found ? exit_problems : exit_internal;
  }
  std::size_t i = 0;
  for (const auto &r : *ranked) {
    char strength[16];
    std::snprintf(strength, sizeof strength, "%.2f", r.best.strength);
    std::cout << ++i << ". " << strength << "  " << r.recipient->id << " (" << name_of(*r.recipient)
              << "): " << describe(r.best) << '\n';
  }
  if (ranked->empty()) std::cout << "no contact shares a context with the sender\n";
  return exit_ok;
}

} // namespace rapport::cli
