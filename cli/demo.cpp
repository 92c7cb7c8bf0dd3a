// `rapport demo`: the whole product on the embedded sample (cli/sample_data.cpp):
// whom to write to and why, the notes, the refusals with their homework, and a
// review of a bad draft.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"
#include "rapport/compose.hpp"
#include "rapport/person_name.hpp"
#include "rapport/ranking.hpp"
#include "rapport/review.hpp"
#include "sample_data.hpp"

namespace rapport::cli {
namespace {

std::string name_of(const contact &c) {
  auto n = display_name(c.name);
  return n ? *n : c.id;
}

// Why, in a few English words.
std::string reason(const shared_context &c) {
  switch (c.kind) {
  case context_kind::event: {
    std::string when = to_string(c.timing);
    if (c.timing == event_timing::upcoming) when += ", in " + std::to_string(c.days_until) + " days";
    return "event " + c.event_name + ": " + to_string(c.relation) + " (" + when + ")";
  }
  case context_kind::challenge: return "challenge \"" + c.challenge_title + "\" (" + c.industry + ") ← your offer";
  case context_kind::mutual_connection: return "mutual connection " + c.mutual_name;
  case context_kind::same_city: return std::string("same city") + (c.place_ambiguous ? " (ambiguous)" : "");
  case context_kind::past_employer: return "past employer " + c.organization;
  case context_kind::school: return "school " + c.school;
  case context_kind::topic: return "topic " + c.topic;
  }
  return "";
}

std::string evidence_line(const shared_context &c) {
  std::string out;
  for (const auto &e : c.evidence) {
    if (!out.empty()) out += "; ";
    out += e.record + " " + e.field + " = \"" + e.value + "\"";
  }
  return out;
}

std::string fixed2(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

// Wraps `text` at `width` bytes on spaces, each line indented.
void wrapped(std::ostream &out, const std::string &text, std::size_t width, const char *indent) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = std::min(text.size(), at + width);
    const auto nl = text.find('\n', at);
    if (nl != std::string::npos && nl < end) end = nl;
    else if (end < text.size()) {
      const auto space = text.rfind(' ', end);
      if (space != std::string::npos && space > at) end = space;
    }
    out << indent << text.substr(at, end - at) << '\n';
    at = end;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n')) ++at;
  }
}

} // namespace

int run_demo(std::ostream &out) {
  auto s = load_sample();
  if (!s) {
    out << "sample: " << s.error().message << '\n';
    return 1;
  }
  const auto now = sample_now();
  compose_options o;
  o.now = now;
  o.platform = "linkedin-connection-note";

  out << "rapport demo: " << name_of(s->sender) << " (" << s->sender.headline << ", " << s->sender.location
      << ") writes LinkedIn connection notes\n"
      << "to " << s->dir.contacts().size() << " contacts, on 27 November 2026. Purpose: \"" << s->sender.purpose
      << "\".\n\n";

  auto ranked = rank_recipients(s->dir, s->sender, now, 7);
  if (!ranked) {
    out << "ranking: " << ranked.error().message << '\n';
    return 1;
  }
  out << "Top recipients, strongest shared context first\n";
  int k = 0;
  for (const auto &r : *ranked) {
    auto c = compose(s->dir, s->sender, *r.recipient, o);
    if (!c) {
      out << "compose: " << c.error().message << '\n';
      return 1;
    }
    const auto &n = c->note;
    out << "\n" << ++k << ". " << name_of(*r.recipient) << " [" << r.recipient->name.raw << "]  strength "
        << fixed2(r.best.strength) << "\n   why: " << reason(r.best) << '\n';
    wrapped(out, "evidence: " + evidence_line(r.best), 100, "   ");
    out << "   " << n.slot << " · " << n.locale << " · " << n.length << "/" << n.limit << " " << to_string(n.unit)
        << "\n";
    for (const auto &st : n.steps) out << "   fitted: " << to_string(st.action) << " " << st.detail << " → " << st.length << "\n";
    wrapped(out, n.text, 100, "   > ");
    for (const auto &w : n.warnings) out << "   ! " << w << '\n';
  }

  out << "\nStrangers: no shared context, no note — and what would unlock one\n";
  for (const char *id : {"noah-brown", "eva-novak", "yuki-tanaka"}) {
    const contact *r = s->dir.find_contact(id);
    auto c = compose(s->dir, s->sender, *r, o);
    if (!c) {
      out << "compose: " << c.error().message << '\n';
      return 1;
    }
    out << "\n  " << name_of(*r) << " (" << (r->location.empty() ? "no location" : r->location) << "): "
        << to_string(c->status) << '\n';
    std::size_t shown = 0;
    for (const auto &h : c->homework) {
      if (++shown > 4) break;
      out << "    - " << h.message << "  [" << h.code << "]\n";
    }
  }

  // A draft as people write them, reviewed the way the recipient would read it.
  {
    const contact &anna = *s->dir.find_contact("anna-schmidt");
    const std::string draft =
        "Hi ANNA SCHMIDT,  I'd like to add you to my professional network on LinkedIn. Best, {sender_name}";
    out << "\nReview of a hand-written draft to " << name_of(anna) << ":\n";
    wrapped(out, "\"" + draft + "\"", 100, "  ");
    auto platform = find_platform("linkedin-connection-note");
    review_options ro;
    ro.sender = &s->sender;
    ro.dir = &s->dir;
    ro.now = now;
    auto findings = platform ? review(draft, anna, *platform, ro) : result<std::vector<finding>>(platform.error());
    if (!findings) {
      out << "review: " << findings.error().message << '\n';
      return 1;
    }
    for (const auto &f : *findings) {
      out << "  - " << to_string(f.level) << " " << to_string(f.code) << ": " << f.message;
      if (!f.suggestion.empty()) out << "  → \"" << f.suggestion << '"';
      out << '\n';
    }
  }

  auto all = compose_all(s->dir, s->sender, {}, o);
  if (!all) {
    out << "compose_all: " << all.error().message << '\n';
    return 1;
  }
  std::size_t notes = 0, refused = 0;
  for (const auto &i : all->items) (i && i->status == errc::ok ? notes : refused)++;
  out << "\nThe whole directory (compose_all, all cores): " << notes << " notes, " << refused
      << " refusals, " << all->warnings.size() << (all->warnings.size() == 1 ? " batch warning.\n" : " batch warnings.\n");
  for (const auto &w : all->warnings) out << "  ! " << w.message << '\n';
  return 0;
}

} // namespace rapport::cli
