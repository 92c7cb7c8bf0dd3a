// `rapport import` and `rapport check`: read a file, count, report every problem.
#include <iostream>

#include "commands.hpp"
#include "options.hpp"

namespace rapport::cli {
namespace {

constexpr const char *import_help = R"(usage: rapport import FILE [--format linkedin|csv|vcard|ics|json] [--json]
       rapport check FILE [--format linkedin|csv|vcard|ics|json]

Imports contacts, events and challenges from FILE and reports what happened:
how many records were imported, skipped and repaired, and every problem as
file:line:column. The format follows the extension (.csv: LinkedIn's export
when the header says so, generic CSV otherwise; .vcf; .ics; .json) unless
--format says.

  --format F   linkedin, csv, vcard, ics or json
  --json       (import) write the records as a rapport JSON document on stdout;
               the counts and problems go to stderr

exit: import: 0 imported (problems are reported), 1 the file cannot be read at all;
      check: 0 clean, 1 any problem; both: 2 wrong usage, 3 internal error
)";

constexpr option_spec import_options_spec[] = {{"--format", true}, {"--json", false}};
constexpr option_spec check_options_spec[] = {{"--format", true}};

int run(int argc, char **argv, bool check) {
  const char *name = check ? "rapport check: " : "rapport import: ";
  auto args = check ? parse_args(argc, argv, 2, check_options_spec) : parse_args(argc, argv, 2, import_options_spec);
  if (!args) {
    std::cerr << name << args.error().message << "\n" << import_help;
    return exit_usage;
  }
  if (args->has("--help")) {
    std::cout << import_help;
    return exit_ok;
  }
  if (args->positional.size() != 1) {
    std::cerr << name << "give exactly one FILE\n" << import_help;
    return exit_usage;
  }
  const std::string path = args->positional.front();
  auto format = detect_format(path, args->get("--format"));
  if (!format) {
    std::cerr << name << format.error().message << '\n';
    return exit_usage;
  }
  auto doc = import_path(path, *format);
  if (!doc) {
    std::cerr << locate(path, doc.error()) << '\n';
    return exit_problems;
  }
  const bool json = args->has("--json");
  auto &summary = json ? std::cerr : std::cout;
  const auto &r = doc->report;
  summary << path << ": " << to_string(*format) << ": " << r.imported << " imported, " << r.skipped << " skipped, "
          << r.repaired << " repaired";
  summary << " (" << doc->contacts.size() << " contacts, " << doc->events.size() << " events, "
          << doc->challenges.size() << " challenges" << (doc->sender ? ", a sender" : "") << ")\n";
  for (const auto &p : r.problems) summary << to_string(p) << '\n';
  if (r.problems_not_kept) summary << "… and " << r.problems_not_kept << " more problems\n";
  if (json) {
    auto text = export_json(*doc);
    if (!text) {
      std::cerr << name << text.error().message << '\n';
      return exit_problems;
    }
    std::cout << *text;
    if (!text->empty() && text->back() != '\n') std::cout << '\n';
  }
  return check && !r.clean() ? exit_problems : exit_ok;
}

} // namespace

int run_import(int argc, char **argv) { return run(argc, argv, false); }
int run_check(int argc, char **argv) { return run(argc, argv, true); }

} // namespace rapport::cli
