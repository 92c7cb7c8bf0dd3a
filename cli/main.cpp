// rapport — command-line entry point.
#include <cstring>
#include <iostream>
#include <string_view>

#include "commands.hpp"
#include "rapport/version.hpp"

namespace {

constexpr const char *usage = R"(usage: rapport <command> [options]

commands:
  demo        show rapport at work on the bundled sample data
  --version   print the library version
  --help      print this help

exit codes: 0 success, 1 a problem with the input, 2 wrong usage
)";

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << usage;
    return 2;
  }
  const std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << usage;
    return 0;
  }
  if (cmd == "--version") {
    std::cout << "rapport " << rapport::version() << '\n';
    return 0;
  }
  if (cmd == "demo") return rapport::cli::run_demo(std::cout);
  std::cerr << "rapport: unknown command '" << cmd << "'\n" << usage;
  return 2;
}
