// `rapport catalogs` and `rapport platforms`: what is built in.
#include <iostream>

#include "commands.hpp"
#include "options.hpp"
#include "rapport/catalog.hpp"
#include "rapport/platform.hpp"

namespace rapport::cli {
namespace {

constexpr const char *catalogs_help = R"(usage: rapport catalogs

The built-in template catalogs: each locale with its number of slots, then
the situations every locale has a slot for.
exit: 0 done, 2 wrong usage, 3 internal error
)";

constexpr const char *platforms_help = R"(usage: rapport platforms

The built-in platform profiles: id, name, the unit lengths are counted in,
how sure the numbers are, and the limit of each field per tier.
exit: 0 done, 2 wrong usage, 3 internal error
)";

// No options but --help; anything else is wrong usage.
int check_no_args(int argc, char **argv, const char *name, const char *help, bool &done) {
  auto args = parse_args(argc, argv, 2, {});
  done = true;
  if (!args || !args->positional.empty()) {
    std::cerr << name << (args ? "unexpected argument '" + args->positional.front() + "'" : args.error().message)
              << '\n' << help;
    return exit_usage;
  }
  if (args->has("--help")) {
    std::cout << help;
    return exit_ok;
  }
  done = false;
  return exit_ok;
}

std::string limit_text(std::size_t n) { return n == no_limit ? "unlimited" : std::to_string(n); }

} // namespace

int run_catalogs(int argc, char **argv) {
  bool done = false;
  if (int code = check_no_args(argc, argv, "rapport catalogs: ", catalogs_help, done); done) return code;
  auto cat = catalog::builtin();
  if (!cat) {
    std::cerr << "rapport catalogs: " << cat.error().message << '\n';
    return exit_internal;
  }
  std::cout << "locales:\n";
  for (const auto &l : cat->locales()) std::cout << "  " << l << "  " << cat->slots(l).size() << " slots\n";
  const auto situations = builtin_situations();
  std::cout << "situations (" << situations.size() << ", 4 slots each: short/standard × formal/informal):\n";
  for (const auto &s : situations) std::cout << "  " << s << '\n';
  return exit_ok;
}

int run_platforms(int argc, char **argv) {
  bool done = false;
  if (int code = check_no_args(argc, argv, "rapport platforms: ", platforms_help, done); done) return code;
  for (const auto &id : platform_ids()) {
    auto p = find_platform(id);
    if (!p) {
      std::cerr << "rapport platforms: " << p.error().message << '\n';
      return exit_internal;
    }
    std::cout << p->id << "  (" << p->display_name << ")  unit " << to_string(p->unit) << ", "
              << to_string(p->confidence) << '\n';
    for (std::size_t t = 0; t < p->tiers.size(); ++t) {
      std::cout << "  " << p->tiers[t] << (t == 0 ? " (default)" : "") << ":";
      for (const auto &f : p->fields)
        std::cout << ' ' << to_string(f.field) << ' ' << (t < f.limits.size() ? limit_text(f.limits[t]) : "?");
      std::cout << '\n';
    }
  }
  return exit_ok;
}

} // namespace rapport::cli
