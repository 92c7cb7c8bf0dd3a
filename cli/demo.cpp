// `rapport demo`. Until the composer exists it shows the text core at work on
// bundled sample names and places; the composer issue replaces it with notes.
#include <iomanip>
#include <string>
#include <vector>

#include "commands.hpp"
#include "rapport/text.hpp"

namespace rapport::cli {

int run_demo(std::ostream &out) {
  out << "rapport demo — the text core on sample data\n\n";
  out << "Match keys: spellings that name the same thing meet.\n";
  const std::vector<std::vector<std::string>> groups = {
      {"München", "MUNCHEN", "Muenchen", "Großraum München"},
      {"Zürich", "Zurich", "ZUERICH"},
      {"José García", "JOSE GARCIA", "Jose Garcia"},
  };
  for (const auto &g : groups) {
    for (const auto &s : g) {
      auto k = match_key(s, key_kind::german);
      out << "  " << std::left << std::setw(22) << s << " -> " << (k ? *k : k.error().message) << '\n';
    }
    out << '\n';
  }
  return 0;
}

} // namespace rapport::cli
