// rapport — command-line entry point.
#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

#include "commands.hpp"
#include "options.hpp"
#include "rapport/version.hpp"

namespace {

constexpr const char *usage = R"(usage: rapport <command> [options]

commands:
  demo        show rapport at work on the bundled sample data
  compose     notes (or refusals with homework) for your contacts
  review      the findings for a draft note to one contact
  rank        whom to write to first, and why
  import      import a contacts/events file: counts, problems, or JSON
  check       as import; exit 1 when the file has any problem
  catalogs    the built-in template catalogs
  platforms   the built-in platform profiles and their limits
  --version   print the library version
  --help      print this help

`rapport <command> --help` describes each command (docs/cli.md: all of them).

exit codes: 0 success; 1 a problem with the input, or findings/refusals where
the command says so; 2 wrong usage; 3 internal error
)";

int dispatch(int argc, char **argv) {
  using namespace rapport::cli;
  const std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << usage;
    return exit_ok;
  }
  if (cmd == "--version") {
    std::cout << "rapport " << rapport::version() << '\n';
    return exit_ok;
  }
  if (cmd == "demo") return run_demo(std::cout);
  if (cmd == "compose") return run_compose(argc, argv);
  if (cmd == "review") return run_review(argc, argv);
  if (cmd == "rank") return run_rank(argc, argv);
  if (cmd == "import") return run_import(argc, argv);
  if (cmd == "check") return run_check(argc, argv);
  if (cmd == "catalogs") return run_catalogs(argc, argv);
  if (cmd == "platforms") return run_platforms(argc, argv);
  std::cerr << "rapport: unknown command '" << cmd << "'\n" << usage;
  return exit_usage;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << usage;
    return rapport::cli::exit_usage;
  }
  try {
    return dispatch(argc, argv);
  } catch (const std::exception &e) {
    std::cerr << "rapport: internal error: " << e.what() << '\n';
    return rapport::cli::exit_internal;
  }
}
