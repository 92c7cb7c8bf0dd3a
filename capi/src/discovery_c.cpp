// C ABI: discovery (shared contexts) and ranking.
#include "capi_internal.hpp"

#include <chrono>

#include "rapport/place.hpp"

namespace rapport::capi {

context_view make_view(shared_context &&c) {
  context_view v;
  v.kind = static_cast<int>(c.kind);
  v.strength = c.strength;
  v.situation = c.situation();
  auto add = [&](const char *name, std::string value) { v.facts.emplace_back(name, std::move(value)); };
  switch (c.kind) {
  case context_kind::event:
    add("event_id", std::move(c.event_id));
    add("event_name", std::move(c.event_name));
    add("relation", to_string(c.relation));
    add("timing", to_string(c.timing));
    add("sender_role", to_string(c.sender_role));
    add("recipient_role", to_string(c.recipient_role));
    add("days_until", std::to_string(c.days_until));
    break;
  case context_kind::same_city: {
    auto name = place_display_name(c.place, "en");
    add("place", name ? *name : std::string());
    add("place_ambiguous", c.place_ambiguous ? "true" : "false");
    break;
  }
  case context_kind::challenge:
    add("challenge_id", std::move(c.challenge_id));
    add("challenge_title", std::move(c.challenge_title));
    add("offer_id", std::move(c.offer_id));
    add("offer_summary", std::move(c.offer_summary));
    add("industry", std::move(c.industry));
    break;
  case context_kind::mutual_connection:
    add("mutual_id", std::move(c.mutual_id));
    add("mutual_name", std::move(c.mutual_name));
    add("mutual_count", std::to_string(c.mutual_count));
    break;
  case context_kind::past_employer: add("organization", std::move(c.organization)); break;
  case context_kind::school: add("school", std::move(c.school)); break;
  case context_kind::topic: add("topic", std::move(c.topic)); break;
  }
  v.evidence = std::move(c.evidence);
  return v;
}

} // namespace rapport::capi

using namespace rapport::capi;

namespace {

std::chrono::sys_seconds at(int64_t unix) { return std::chrono::sys_seconds{std::chrono::seconds{unix}}; }

int read_options(const rapport_discover_options *opts, rapport::discovery_options &o) {
  if (opts == nullptr) return RAPPORT_OK;
  if (int s = check_size(opts, "opts", "rapport_discover_options_init")) return s;
  if (!(opts->min_strength >= 0.0 && opts->min_strength <= 1.0))
    return fail(RAPPORT_EINVAL, "opts->min_strength must be in [0, 1]");
  o.min_strength = opts->min_strength;
  return RAPPORT_OK;
}

int read_filter(const rapport_rank_filter *filter, rapport::rank_filter &f) {
  if (filter == nullptr) return RAPPORT_OK;
  if (int s = check_size(filter, "filter", "rapport_rank_filter_init")) return s;
  constexpr unsigned all = (1u << (RAPPORT_CONTEXT_TOPIC + 1)) - 1;
  if ((filter->kinds & ~all) != 0) return fail(RAPPORT_EINVAL, "filter->kinds has unknown kind bits");
  for (int k = RAPPORT_CONTEXT_EVENT; k <= RAPPORT_CONTEXT_TOPIC; ++k)
    if ((filter->kinds & RAPPORT_KIND_BIT(k)) != 0) f.kinds.push_back(static_cast<rapport::context_kind>(k));
  if (int s = check_text(filter->event_id, filter->event_id_len, "filter->event_id")) return s;
  f.event_id.assign(view(filter->event_id, filter->event_id_len));
  if (!(filter->min_strength >= 0.0 && filter->min_strength <= 1.0))
    return fail(RAPPORT_EINVAL, "filter->min_strength must be in [0, 1]");
  f.min_strength = filter->min_strength;
  return RAPPORT_OK;
}

int give_contexts(rapport::result<std::vector<rapport::shared_context>> found, rapport_contexts **out) {
  if (!found) return fail(found.error());
  std::vector<context_view> items;
  items.reserve(found->size());
  for (auto &c : *found) items.push_back(make_view(std::move(c)));
  return give_handle(out, std::move(items));
}

int give_results(rapport::result<std::vector<rapport::ranked_contact>> ranked, rapport_results **out) {
  if (!ranked) return fail(ranked.error());
  std::vector<std::string> ids;
  rapport_contexts best{rapport_contexts::expected_magic, {}, true};
  for (auto &r : *ranked) {
    ids.push_back(r.recipient->id);
    best.items.push_back(make_view(std::move(r.best)));
  }
  return give_handle(out, std::move(ids), std::move(best));
}

const context_view *item(const rapport_contexts *contexts, size_t index, int &status) {
  status = check_handle(contexts, "contexts");
  if (status != RAPPORT_OK) return nullptr;
  status = check_index(index, contexts->items.size());
  return status == RAPPORT_OK ? &contexts->items[index] : nullptr;
}

// Shim for a one-value accessor of context `index`: checks, then writes get(context) to *out.
template <class T, class Get>
int read_context(const rapport_contexts *contexts, size_t index, T *out, Get get) {
  return guarded([&]() -> int {
    int s;
    const context_view *c = item(contexts, index, s);
    if (c == nullptr) return s;
    if ((s = check_out(out))) return s;
    get(*c, out);
    return RAPPORT_OK;
  });
}

} // namespace

extern "C" {

void rapport_discover_options_init(rapport_discover_options *opts) {
  if (opts == nullptr) return;
  *opts = rapport_discover_options{};
  opts->size = sizeof(rapport_discover_options);
}

int rapport_discover(const rapport_directory *dir, const rapport_contact *sender, const rapport_contact *recipient,
                     int64_t now_unix, const rapport_discover_options *opts, rapport_contexts **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_handle(sender, "sender")) return s;
    if (int s = check_handle(recipient, "recipient")) return s;
    rapport::discovery_options o;
    if (int s = read_options(opts, o)) return s;
    return give_contexts(rapport::find_shared_contexts(dir->value, sender->value, recipient->value, at(now_unix), o), out);
  });
}

int rapport_sender_new(const rapport_directory *dir, const rapport_contact *sender, rapport_sender **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_handle(sender, "sender")) return s;
    return give_handle(out, rapport::prepared_sender(dir->value, sender->value));
  });
}

void rapport_sender_free(rapport_sender *sender) { destroy(sender); }

int rapport_sender_discover(const rapport_sender *sender, const rapport_contact *recipient, int64_t now_unix,
                            const rapport_discover_options *opts, rapport_contexts **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(sender, "sender")) return s;
    if (int s = check_handle(recipient, "recipient")) return s;
    rapport::discovery_options o;
    if (int s = read_options(opts, o)) return s;
    return give_contexts(rapport::find_shared_contexts(sender->value, recipient->value, at(now_unix), o), out);
  });
}

int rapport_sender_discover_id(const rapport_sender *sender, const char *id, size_t len, int64_t now_unix,
                               const rapport_discover_options *opts, rapport_contexts **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(sender, "sender")) return s;
    if (int s = check_text(id, len, "id")) return s;
    rapport::discovery_options o;
    if (int s = read_options(opts, o)) return s;
    const rapport::contact *c = sender->value.dir().find_contact(view(id, len));
    if (c == nullptr) return fail(RAPPORT_ENOTFOUND, "no contact with id '" + std::string(view(id, len)) + "'");
    return give_contexts(rapport::find_shared_contexts(sender->value, *c, at(now_unix), o), out);
  });
}

void rapport_contexts_free(rapport_contexts *contexts) {
  if (contexts != nullptr && magic_of(contexts) == rapport_contexts::expected_magic && contexts->borrowed) return;
  destroy(contexts);
}

int rapport_contexts_count(const rapport_contexts *contexts, size_t *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(contexts, "contexts")) return s;
    if (int s = check_out(out)) return s;
    *out = contexts->items.size();
    return RAPPORT_OK;
  });
}

int rapport_contexts_kind(const rapport_contexts *contexts, size_t index, int *out) {
  return read_context(contexts, index, out, [](const context_view &c, int *o) { *o = c.kind; });
}

int rapport_contexts_strength(const rapport_contexts *contexts, size_t index, double *out) {
  return read_context(contexts, index, out, [](const context_view &c, double *o) { *o = c.strength; });
}

int rapport_contexts_situation(const rapport_contexts *contexts, size_t index, rapport_str *out) {
  return read_context(contexts, index, out, [](const context_view &c, rapport_str *o) { borrow(c.situation, o); });
}

int rapport_contexts_fact_count(const rapport_contexts *contexts, size_t index, size_t *out) {
  return read_context(contexts, index, out, [](const context_view &c, size_t *o) { *o = c.facts.size(); });
}

int rapport_contexts_fact(const rapport_contexts *contexts, size_t index, size_t fact, rapport_str *out_name,
                          rapport_str *out_value) {
  return guarded([&]() -> int {
    int s;
    const context_view *c = item(contexts, index, s);
    if (c == nullptr) return s;
    if ((s = check_index(fact, c->facts.size()))) return s;
    if (out_name != nullptr) borrow(c->facts[fact].first, out_name);
    if (out_value != nullptr) borrow(c->facts[fact].second, out_value);
    return RAPPORT_OK;
  });
}

int rapport_contexts_fact_find(const rapport_contexts *contexts, size_t index, const char *name, size_t name_len,
                               rapport_str *out_value) {
  return guarded([&]() -> int {
    int s;
    const context_view *c = item(contexts, index, s);
    if (c == nullptr) return s;
    if ((s = check_out(out_value, "out_value"))) return s;
    if ((s = check_text(name, name_len, "name"))) return s;
    for (const auto &f : c->facts)
      if (f.first == view(name, name_len)) {
        borrow(f.second, out_value);
        return RAPPORT_OK;
      }
    return fail(RAPPORT_ENOTFOUND, "no fact '" + std::string(view(name, name_len)) + "' in a " +
                                       rapport::to_string(static_cast<rapport::context_kind>(c->kind)) + " context");
  });
}

int rapport_contexts_evidence_count(const rapport_contexts *contexts, size_t index, size_t *out) {
  return read_context(contexts, index, out, [](const context_view &c, size_t *o) { *o = c.evidence.size(); });
}

int rapport_contexts_evidence(const rapport_contexts *contexts, size_t index, size_t item_index, int *out_side,
                              rapport_str *out_record, rapport_str *out_field, rapport_str *out_value) {
  return guarded([&]() -> int {
    int s;
    const context_view *c = item(contexts, index, s);
    if (c == nullptr) return s;
    if ((s = check_index(item_index, c->evidence.size()))) return s;
    const rapport::evidence_item &e = c->evidence[item_index];
    if (out_side != nullptr) *out_side = static_cast<int>(e.side);
    if (out_record != nullptr) borrow(e.record, out_record);
    if (out_field != nullptr) borrow(e.field, out_field);
    if (out_value != nullptr) borrow(e.value, out_value);
    return RAPPORT_OK;
  });
}

void rapport_rank_filter_init(rapport_rank_filter *filter) {
  if (filter == nullptr) return;
  *filter = rapport_rank_filter{};
  filter->size = sizeof(rapport_rank_filter);
}

int rapport_rank(const rapport_directory *dir, const rapport_contact *sender, int64_t now_unix, size_t k,
                 const rapport_rank_filter *filter, const rapport_discover_options *opts, rapport_results **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_handle(sender, "sender")) return s;
    rapport::rank_filter f;
    if (int s = read_filter(filter, f)) return s;
    rapport::discovery_options o;
    if (int s = read_options(opts, o)) return s;
    return give_results(rapport::rank_recipients(dir->value, sender->value, at(now_unix), k, f, o), out);
  });
}

int rapport_sender_rank(const rapport_sender *sender, int64_t now_unix, size_t k, const rapport_rank_filter *filter,
                        const rapport_discover_options *opts, rapport_results **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(sender, "sender")) return s;
    rapport::rank_filter f;
    if (int s = read_filter(filter, f)) return s;
    rapport::discovery_options o;
    if (int s = read_options(opts, o)) return s;
    return give_results(rapport::rank_recipients(sender->value, at(now_unix), k, f, o), out);
  });
}

void rapport_results_free(rapport_results *results) {
  if (results == nullptr || magic_of(results) != rapport_results::expected_magic) return;
  results->best.magic = 0;
  destroy(results);
}

int rapport_results_count(const rapport_results *results, size_t *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(results, "results")) return s;
    if (int s = check_out(out)) return s;
    *out = results->ids.size();
    return RAPPORT_OK;
  });
}

int rapport_results_recipient(const rapport_results *results, size_t index, rapport_str *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(results, "results")) return s;
    if (int s = check_out(out)) return s;
    if (int s = check_index(index, results->ids.size())) return s;
    borrow(results->ids[index], out);
    return RAPPORT_OK;
  });
}

int rapport_results_contexts(const rapport_results *results, const rapport_contexts **out) {
  return guarded([&]() -> int {
    if (int s = check_handle(results, "results")) return s;
    if (int s = check_out(out)) return s;
    *out = &results->best;
    return RAPPORT_OK;
  });
}

} // extern "C"
