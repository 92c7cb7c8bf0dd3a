// `rapport compose`: notes (or refusals with homework) for many recipients.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "commands.hpp"
#include "options.hpp"
#include "rapport/compose.hpp"

namespace rapport::cli {
namespace {

constexpr const char *compose_help = R"(usage: rapport compose --me profile.json --contacts FILE [options]

Composes a note for each recipient (default: every contact), or a refusal
with the homework that would unlock one.

  --me FILE            the sender profile: a rapport JSON document with "sender"
  --contacts FILE      contacts: .csv (LinkedIn or generic), .vcf or .json (repeatable)
  --events FILE        events: .ics or .json (repeatable)
  --challenges FILE    challenges: .json (repeatable)
  --to ID              a recipient id (repeatable; default: all contacts)
  --platform ID        platform profile (default linkedin-connection-note; see `rapport platforms`)
  --tier T             platform tier (default: the profile's first)
  --locale L           the notes' locale (default: each recipient's)
  --formality F        formal or informal (default: each recipient's)
  --reasons N          1 or 2: how many shared contexts a note may mention (default 1)
  --purpose LANG=TEXT  your purpose in one language, e.g. de=vorausschauende Wartung
                       (repeatable; a note takes its locale's, else its language's,
                       else the profile's "purpose"; LANG= with no text: none in LANG)
  --now DATE           the clock, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (default: now)
  --json | --jsonl | --csv   machine-readable output instead of the table

exit: 0 done (refusals are answers, not failures), 1 an input file or a
recipient id is bad, 2 wrong usage, 3 internal error
)";

constexpr option_spec compose_options_spec[] = {
    {"--me", true},      {"--contacts", true},  {"--events", true}, {"--challenges", true},
    {"--to", true},      {"--platform", true},  {"--tier", true},   {"--locale", true},
    {"--formality", true}, {"--now", true},     {"--json", false},  {"--jsonl", false},
    {"--csv", false},    {"--reasons", true},   {"--purpose", true},
};

std::string homework_text(const composition &c) {
  std::string out;
  for (const auto &h : c.homework) {
    if (!out.empty()) out += "; ";
    out += h.message;
  }
  return out;
}

std::string json_item(const std::string &id, const result<composition> &item) {
  std::string out = "{\"recipient\":" + json_string(id);
  if (!item) {
    return out + ",\"status\":" + json_string(to_string(item.error().code)) +
           ",\"error\":" + json_string(item.error().message) + "}";
  }
  const auto &c = *item;
  out += ",\"status\":" + json_string(to_string(c.status));
  if (c.status == errc::ok) {
    const auto &n = c.note;
    out += ",\"text\":" + json_string(n.text) + ",\"locale\":" + json_string(n.locale) +
           ",\"formality\":" + json_string(to_string(n.form)) + ",\"slot\":" + json_string(n.slot) +
           ",\"length\":" + std::to_string(n.length) + ",\"unit\":" + json_string(to_string(n.unit));
    out += ",\"limit\":" + (n.limit == no_limit ? std::string("null") : std::to_string(n.limit));
    out += ",\"contexts\":[";
    for (std::size_t i = 0; i < n.contexts.size(); ++i)
      out += (i ? "," : "") + json_string(describe(n.contexts[i]));
    out += "],\"warnings\":[";
    for (std::size_t i = 0; i < n.warnings.size(); ++i) out += (i ? "," : "") + json_string(n.warnings[i]);
    out += "]";
  } else {
    out += ",\"message\":" + json_string(c.message) + ",\"homework\":[";
    for (std::size_t i = 0; i < c.homework.size(); ++i)
      out += std::string(i ? "," : "") + "{\"code\":" + json_string(c.homework[i].code) +
             ",\"message\":" + json_string(c.homework[i].message) + "}";
    out += "]";
  }
  return out + "}";
}

// Progress on stderr: only for a terminal and a large batch.
class progress {
public:
  explicit progress(std::size_t total) : total_(total), shown_(total > 1000 && ::isatty(2)) {}
  bool shown() const { return shown_; }
  void update(std::size_t done) {
    if (!shown_) return;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = secs > 0 ? double(done) / secs : 0.0;
    const double eta = rate > 0 ? double(total_ - done) / rate : 0.0;
    std::fprintf(stderr, "\rcomposing: %zu/%zu  %.0f notes/s  ETA %.0fs   ", done, total_, rate, eta);
    if (done == total_) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }

private:
  std::size_t total_;
  bool shown_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

} // namespace

int run_compose(int argc, char **argv) {
  auto args = parse_args(argc, argv, 2, compose_options_spec);
  if (!args) {
    std::cerr << "rapport compose: " << args.error().message << "\n" << compose_help;
    return exit_usage;
  }
  if (args->has("--help")) {
    std::cout << compose_help;
    return exit_ok;
  }
  if (!args->positional.empty()) {
    std::cerr << "rapport compose: unexpected argument '" << args->positional.front() << "'\n" << compose_help;
    return exit_usage;
  }
  const int formats = int(args->has("--json")) + int(args->has("--jsonl")) + int(args->has("--csv"));
  if (formats > 1) {
    std::cerr << "rapport compose: give at most one of --json, --jsonl, --csv\n";
    return exit_usage;
  }
  if (!args->has("--me") || !args->has("--contacts")) {
    std::cerr << "rapport compose: --me and --contacts are required\n" << compose_help;
    return exit_usage;
  }
  compose_options o;
  o.platform = args->get("--platform", o.platform);
  o.tier = args->get("--tier");
  o.locale = args->get("--locale");
  if (args->has("--formality")) {
    const auto f = args->get("--formality");
    if (f == "formal") o.form = formality::formal;
    else if (f == "informal") o.form = formality::informal;
    else {
      std::cerr << "rapport compose: --formality is formal or informal, not '" << f << "'\n";
      return exit_usage;
    }
  }
  if (args->has("--reasons")) {
    const auto r = args->get("--reasons");
    if (r != "1" && r != "2") {
      std::cerr << "rapport compose: --reasons is 1 or 2, not '" << r << "'\n";
      return exit_usage;
    }
    o.reasons = r == "1" ? 1 : 2;
  }
  for (const auto &p : args->all("--purpose")) {
    const auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "rapport compose: --purpose wants LANG=TEXT (e.g. de=vorausschauende Wartung), not '" << p << "'\n";
      return exit_usage;
    }
    o.purposes.push_back({p.substr(0, eq), p.substr(eq + 1)});
  }
  if (args->has("--now")) {
    auto now = parse_instant(args->get("--now"));
    if (!now) {
      std::cerr << "rapport compose: --now wants YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ\n";
      return exit_usage;
    }
    o.now = *now;
  }

  auto in = load_inputs(*args, true, std::cerr);
  if (!in) {
    std::cerr << "rapport compose: " << in.error().message << '\n';
    return exit_problems;
  }
  std::vector<std::string> ids = args->all("--to");
  if (ids.empty())
    for (const auto &c : in->dir.contacts())
      if (c.id != in->me->id) ids.push_back(c.id);

  // Each item is printed as soon as it is composed, in input order
  // (compose_each: nothing is kept), with a progress line for large batches on
  // a terminal. Batch warnings (near-duplicates) cover the whole batch.
  progress bar(ids.size());
  int code = exit_ok;
  // The JSON bracket and the CSV header come with the first item (or at the
  // end), so that an option error prints nothing on stdout.
  bool opened = false;
  const auto open = [&] {
    if (opened) return;
    opened = true;
    if (args->has("--json")) std::cout << "[";
    if (args->has("--csv")) std::cout << "recipient,status,text,message,homework\n";
  };
  const auto print = [&](std::size_t i, const result<composition> &item) {
    open();
    const auto &id = ids[i];
    if (!item) // an unknown id, the sender as recipient, a field that is not UTF-8: the input; anything else: a bug
      code = std::max(code, item.error().code == errc::internal ? exit_internal : exit_problems);
    if (args->has("--json")) {
      std::cout << (i ? ",\n " : "\n ") << json_item(id, item);
    } else if (args->has("--jsonl")) {
      std::cout << json_item(id, item) << '\n';
    } else if (args->has("--csv")) {
      std::cout << csv_field(id) << ',';
      if (!item) std::cout << to_string(item.error().code) << ",," << csv_field(item.error().message) << ",\n";
      else
        std::cout << to_string(item->status) << ',' << csv_field(item->status == errc::ok ? item->note.text : "")
                  << ',' << csv_field(item->message) << ',' << csv_field(homework_text(*item)) << '\n';
    } else {
      const contact *r = in->dir.find_contact(id);
      std::cout << id;
      if (r) std::cout << " (" << name_of(*r) << ")";
      if (!item) {
        std::cout << "  " << to_string(item.error().code) << "\n  ! " << item.error().message << "\n\n";
        return;
      }
      std::cout << "  " << to_string(item->status) << '\n';
      if (item->status == errc::ok) {
        const auto &n = item->note;
        std::cout << "  " << n.slot << " · " << n.locale << " · " << n.length;
        if (n.limit != no_limit) std::cout << "/" << n.limit;
        std::cout << " " << to_string(n.unit) << '\n';
        std::cout << "  > " << n.text << '\n';
        for (const auto &w : n.warnings) std::cout << "  ! " << w << '\n';
      } else {
        std::cout << "  " << item->message << '\n';
        for (const auto &h : item->homework) std::cout << "  - " << h.message << "  [" << h.code << "]\n";
      }
      std::cout << '\n';
    }
  };
  auto warnings = compose_each(in->dir, *in->me, ids, o, [&](std::size_t i, const result<composition> &item) {
    print(i, item);
    if ((i + 1) % 4096 == 0 || i + 1 == ids.size()) bar.update(i + 1);
  });
  if (!warnings) {
    const bool usage = warnings.error().code == errc::not_found || warnings.error().code == errc::invalid_argument ||
                       warnings.error().code == errc::invalid_utf8;
    std::cerr << "rapport compose: " << warnings.error().message << '\n';
    return usage ? exit_usage : exit_internal;
  }
  open();
  if (args->has("--json")) std::cout << (ids.empty() ? "]\n" : "\n]\n");
  for (const auto &w : *warnings) std::cerr << "warning: " << w.message << '\n';
  return code;
}

} // namespace rapport::cli
