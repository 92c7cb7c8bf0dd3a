// Two-reason notes: the second context, its sentence, and what fitting did to it.
#include "compose/second_reason.hpp"

#include <algorithm>

#include "rapport/place.hpp"

namespace rapport::detail {

namespace {

using namespace rapport::v1;

std::string_view language_of(std::string_view tag) { return tag.substr(0, tag.find_first_of("-_")); }

// The place an event takes place in, or no_place.
place_id event_place(const shared_context &c, const directory &dir) {
  if (c.kind != context_kind::event) return no_place;
  const event *e = dir.find_event(c.event_id);
  return e ? e->place : no_place;
}

// Two contexts that say the same thing twice: the same kind (two events, two
// cities…), or an event in the city both are based in.
bool same_subject(const shared_context &a, const shared_context &b, const directory &dir) {
  if (a.kind == b.kind) return true;
  for (const auto &[x, y] : {std::pair{&a, &b}, std::pair{&b, &a}})
    if (x->kind == context_kind::event && y->kind == context_kind::same_city) {
      const place_id p = event_place(*x, dir);
      if (p != no_place && y->place != no_place && same_city(p, y->place)) return true;
    }
  return false;
}

} // namespace

void choose_reasons(std::vector<shared_context> &contexts, int reasons, const directory &dir,
                    std::vector<std::string> &warnings) {
  if (contexts.empty()) return;
  if (reasons < 2) {
    contexts.resize(1);
    return;
  }
  const auto second = std::find_if(contexts.begin() + 1, contexts.end(), [&](const shared_context &c) {
    return !same_subject(contexts.front(), c, dir);
  });
  if (second == contexts.end()) {
    const std::string kind = to_string(contexts.front().kind);
    warnings.push_back(contexts.size() == 1
                           ? "two reasons were asked for, but only one context is shared (" + kind +
                                 "): the note gives one reason"
                           : "two reasons were asked for, but the other shared contexts say the same as the first (" +
                                 kind + "): the note gives one reason");
    contexts.resize(1);
    return;
  }
  std::rotate(contexts.begin() + 1, second, second + 1);
  contexts.resize(2);
}

std::string second_reason_slot(std::string_view situation, note_length length, formality form) {
  return "also/" + slot_id(situation, length, form);
}

void set_second_reason(const lookup_result *also, std::string_view note_language, fit_request &req,
                       std::vector<shared_context> &contexts, std::vector<std::string> &warnings) {
  if (contexts.size() < 2) return;
  const shared_context &c = contexts[1];
  const auto one_reason = [&](const std::string &why) {
    warnings.push_back("two reasons were asked for, but " + why + ": the note gives one reason (" +
                       to_string(contexts.front().kind) + ")");
    contexts.resize(1);
  };
  if (!also || language_of(also->catalog_locale) != language_of(note_language)) {
    one_reason("the catalog has no second-reason sentence for '" + c.situation() + "' in " + std::string(note_language));
    return;
  }
  const bool has_place = std::any_of(req.variants.begin(), req.variants.end(), [](const message_template &t) {
    const auto clauses = t.optional_clauses();
    return std::find(clauses.begin(), clauses.end(), second_reason_clause) != clauses.end();
  });
  if (!has_place) {
    one_reason("the note's template has no place for a second reason (opt_also)");
    return;
  }
  auto text = also->tmpl.render(req.args);
  if (!text) {
    one_reason("the second-reason sentence '" + also->slot + "' cannot be rendered (" + text.error().message + ")");
    return;
  }
  req.args.set(second_reason_argument, *text);
}

void settle_second_reason(composed_note &note, std::vector<shared_context> &contexts) {
  auto &d = note.dropped;
  const auto at = std::find(d.begin(), d.end(), second_reason_clause);
  if (at == d.end()) return;
  if (contexts.size() < 2) {  // there was no second reason to say
    d.erase(at);
    return;
  }
  const bool fitting = std::any_of(note.steps.begin(), note.steps.end(), [](const fit_step &s) {
    return s.action == fit_action::drop_clause && s.detail == second_reason_clause;
  });
  const std::string why = fitting ? " to fit the limit of " + std::to_string(note.limit) + " (" + to_string(note.unit) + ")"
                                  : std::string(": the template used has no place for it");
  note.warnings.push_back(std::string("the second reason (") + to_string(contexts[1].kind) + ") was left out" + why);
  contexts.resize(1);
}

} // namespace rapport::detail
