// `rapport review`: the findings for a draft, as the recipient would read it.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "commands.hpp"
#include "options.hpp"
#include "rapport/review.hpp"

namespace rapport::cli {
namespace {

constexpr const char *review_help = R"(usage: rapport review --to ID --contacts FILE [options] (--draft TEXT | --draft-file FILE | < draft)

Reviews a draft note to one recipient: wrong or missing names, leftover
placeholders, boilerplate, no reason to write, over the platform's limit…

  --to ID              the recipient's contact id
  --contacts FILE      contacts: .csv (LinkedIn or generic), .vcf or .json (repeatable)
  --events FILE        events: .ics or .json (repeatable)
  --challenges FILE    challenges: .json (repeatable)
  --me FILE            the sender profile (enables the self-introduction and reason checks)
  --platform ID        platform profile (default linkedin-connection-note)
  --tier T             platform tier (default: the profile's first)
  --now DATE           the clock, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (default: now)
  --draft TEXT         the draft; or --draft-file FILE; or the draft on stdin

output: one line per finding: severity code [begin,end): message (→ suggestion)
exit: 0 no error-severity finding, 1 an error finding or a bad input file,
2 wrong usage, 3 internal error
)";

constexpr option_spec review_options_spec[] = {
    {"--to", true},       {"--contacts", true}, {"--events", true}, {"--challenges", true}, {"--me", true},
    {"--platform", true}, {"--tier", true},     {"--now", true},    {"--draft", true},      {"--draft-file", true},
};

} // namespace

int run_review(int argc, char **argv) {
  auto args = parse_args(argc, argv, 2, review_options_spec);
  if (!args) {
    std::cerr << "rapport review: " << args.error().message << "\n" << review_help;
    return exit_usage;
  }
  if (args->has("--help")) {
    std::cout << review_help;
    return exit_ok;
  }
  if (!args->positional.empty() || !args->has("--to") || !args->has("--contacts") ||
      (args->has("--draft") && args->has("--draft-file"))) {
    std::cerr << "rapport review: give --to, --contacts and at most one of --draft, --draft-file\n" << review_help;
    return exit_usage;
  }
  review_options ro;
  if (args->has("--now")) {
    auto now = parse_instant(args->get("--now"));
    if (!now) {
      std::cerr << "rapport review: --now wants YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ\n";
      return exit_usage;
    }
    ro.now = *now;
  }
  auto platform = find_platform(args->get("--platform", "linkedin-connection-note"));
  if (!platform) {
    std::cerr << "rapport review: " << platform.error().message << '\n';
    return exit_usage;
  }
  std::string draft;
  if (args->has("--draft")) {
    draft = args->get("--draft");
  } else if (args->has("--draft-file")) {
    std::ifstream in(args->get("--draft-file"), std::ios::binary);
    if (!in) {
      std::cerr << "rapport review: " << args->get("--draft-file") << ": cannot read\n";
      return exit_problems;
    }
    draft.assign(std::istreambuf_iterator<char>(in), {});
  } else {
    draft.assign(std::istreambuf_iterator<char>(std::cin), {});
  }
  // A trailing newline from a file or a pipe is not part of the note.
  while (!draft.empty() && (draft.back() == '\n' || draft.back() == '\r')) draft.pop_back();

  auto in = load_inputs(*args, false, std::cerr);
  if (!in) {
    std::cerr << "rapport review: " << in.error().message << '\n';
    return exit_problems;
  }
  const contact *to = in->dir.find_contact(args->get("--to"));
  if (!to) {
    std::cerr << "rapport review: no contact with id '" << args->get("--to") << "'\n";
    return exit_problems;
  }
  ro.tier = args->get("--tier");
  if (in->me) {
    ro.sender = &*in->me;
    ro.dir = &in->dir;
  }
  auto found = review(draft, *to, *platform, ro);
  if (!found) {
    std::cerr << "rapport review: " << found.error().message;
    if (found.error().offset != error::npos) std::cerr << " (byte " << found.error().offset << ")";
    std::cerr << '\n';
    return found.error().code == errc::not_found ? exit_usage : exit_problems;
  }
  int code = exit_ok;
  for (const auto &f : *found) {
    std::cout << to_string(f.level) << ' ' << to_string(f.code) << " [" << f.begin << ',' << f.end
              << "): " << f.message;
    if (!f.suggestion.empty()) std::cout << " → \"" << f.suggestion << '"';
    std::cout << '\n';
    if (f.level == severity::error) code = exit_problems;
  }
  if (found->empty()) std::cout << "no findings\n";
  return code;
}

} // namespace rapport::cli
