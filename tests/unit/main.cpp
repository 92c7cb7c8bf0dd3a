// Test runner. Adopts the process locale first, so that running the suite
// under LC_ALL=tr_TR.UTF-8 (and others) exercises locale-sensitive code.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <clocale>
#include <locale>

int main(int argc, char *argv[]) {
  std::setlocale(LC_ALL, "");
  try {
    std::locale::global(std::locale(""));
  } catch (const std::exception &) {
    // An unknown locale name: keep "C", as a misconfigured host would.
  }
  return Catch::Session().run(argc, argv);
}
