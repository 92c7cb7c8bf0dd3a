#include "rapport/discovery.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <tuple>

#include "directory/directory_data.hpp"
#include "discovery/contexts_into.hpp"
#include "discovery/strength.hpp"
#include "icu/time_zone.hpp"

namespace rapport {
inline namespace v1 {

const char *to_string(context_kind kind) noexcept {
  switch (kind) {
  case context_kind::event: return "event";
  case context_kind::challenge: return "challenge";
  case context_kind::mutual_connection: return "mutual_connection";
  case context_kind::same_city: return "same_city";
  case context_kind::past_employer: return "past_employer";
  case context_kind::school: return "school";
  case context_kind::topic: return "topic";
  }
  return "event";
}

const char *to_string(event_relation r) noexcept {
  switch (r) {
  case event_relation::both_exhibiting: return "both-exhibiting";
  case event_relation::speaker_attendee: return "speaker-attendee";
  case event_relation::both_speaking: return "both-speaking";
  case event_relation::sponsor_exhibitor: return "sponsor-exhibitor";
  case event_relation::organizer_participant: return "organizer-participant";
  case event_relation::both_attending: return "both-attending";
  case event_relation::other: return "other";
  }
  return "other";
}

const char *to_string(event_timing t) noexcept {
  switch (t) {
  case event_timing::upcoming: return "upcoming";
  case event_timing::happening_now: return "happening-now";
  case event_timing::recently_past: return "recently-past";
  case event_timing::long_past: return "long-past";
  }
  return "upcoming";
}

// The catalog's situation ids (builtin_situations()). Events: relation × timing
// maps to the nearest built-in situation that stays true (docs/discovery.md):
// upcoming → both-exhibiting only when both exhibit, else both-attending ("we're
// both going to"); happening now → happening-now; past → speaker-attendee/past
// when the recipient spoke and the sender attended ("I heard your talk"), else
// recently-past (a follow-up), however long ago.
std::string shared_context::situation() const { return std::string(detail::situation_name(*this)); }

} // namespace v1
} // namespace rapport

namespace rapport::detail {

std::string_view situation_name(const shared_context &c) noexcept {
  switch (c.kind) {
  case context_kind::event:
    switch (c.timing) {
    case event_timing::upcoming:
      return c.relation == event_relation::both_exhibiting ? "event/both-exhibiting/upcoming"
                                                         : "event/both-attending/upcoming";
    case event_timing::happening_now: return "event/happening-now";
    case event_timing::recently_past:
    case event_timing::long_past:
      return c.recipient_role == event_role::speaker && c.sender_role == event_role::attendee ? "event/speaker-attendee/past"
                                                                                          : "event/recently-past";
    }
    return "event/recently-past";
  case context_kind::challenge: return "challenge/can-help";
  case context_kind::mutual_connection: return "mutual/shared-contacts";
  case context_kind::same_city: return "city/same-city";
  case context_kind::past_employer:
    // "I used to work at X, where you are now"; "we both work at X" while both
    // are there; "you used to work at X, where I work now"; "… though at
    // different times" only when the years say so and both have left; else
    // "we both worked at X" (with "at the same time" only when the years say so: compose).
    if (!c.sender_current && c.recipient_current) return "past-employer/recipient-joined";
    if (c.sender_current && c.recipient_current) return "past-employer/colleagues";
    if (c.sender_current) return "past-employer/recipient-left";
    if (!c.sender_current && !c.recipient_current && c.years_overlap == 0) return "past-employer/alumni";
    return "past-employer/overlapped";
  case context_kind::school: return "school/same-school";
  case context_kind::topic: return "topic/same-interest";
  }
  return "self-introduction";
}

event_when when_of(const event &e, std::chrono::sys_seconds now) {
  using namespace std::chrono;
  const sys_days today = icu::local_day(now, e.time_zone);
  event_when w;
  sys_days first, last;
  if (e.all_day) {
    first = sys_days(e.first_day);
    last = sys_days(e.last_day);
  } else {
    first = icu::local_day(e.start, e.time_zone);
    last = icu::local_day(std::max(e.start, e.end), e.time_zone);
  }
  w.days_until = static_cast<int>((first - today).count());
  const bool started = e.all_day ? today >= first : now >= e.start;
  const bool ended = e.all_day ? today > last : now > std::max(e.start, e.end);
  if (!started) {
    w.timing = event_timing::upcoming;
  } else if (!ended) {
    w.timing = event_timing::happening_now;
  } else {
    w.days_since = std::max(0, static_cast<int>((today - last).count()));
    w.timing = w.days_since <= 30 ? event_timing::recently_past : event_timing::long_past;
  }
  return w;
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

namespace {

std::string record(const contact &c) { return "contact:" + c.id; }

evidence_item ev(evidence_side side, std::string rec, std::string field, std::string value) {
  return evidence_item{side, std::move(rec), std::move(field), std::move(value)};
}

std::string at(const char *field, std::size_t i) { return std::string(field) + "[" + std::to_string(i) + "]"; }

// item = {side, "contact:<id>", "<field>[<i>]<suffix>", value}, each string built once.
void fill(evidence_item &item, evidence_side side, const contact &c, std::string_view field, std::size_t i,
          std::string_view suffix, std::string_view value) {
  item.side = side;
  item.record.clear();
  item.field.clear();
  item.record.reserve(8 + c.id.size());
  item.record.append("contact:").append(c.id);
  char digits[24];
  std::size_t n = 0;
  do { digits[n++] = static_cast<char>('0' + i % 10); i /= 10; } while (i);
  item.field.reserve(field.size() + n + 2 + suffix.size());
  item.field.append(field).push_back('[');
  while (n) item.field.push_back(digits[--n]);
  item.field.append("]").append(suffix);
  item.value.assign(value);
}

// The sort key that breaks ties between equally strong contexts of one kind.
const std::string &tie_key(const shared_context &c) {
  switch (c.kind) {
  case context_kind::event: return c.event_id;
  case context_kind::challenge: return c.challenge_id;
  case context_kind::mutual_connection: return c.mutual_id;
  case context_kind::past_employer: return c.organization;
  case context_kind::school: return c.school;
  case context_kind::topic: return c.topic;
  case context_kind::same_city: break;
  }
  static const std::string none;
  return none;
}

// The next context of `out`: a reused one (out[used], back to its default
// values but for its evidence, which the caller sets whole; its strings keep
// their buffers) or a new one.
shared_context &next_context(std::vector<shared_context> &out, std::size_t &used) {
  if (used == out.size()) {
    ++used;
    return out.emplace_back();
  }
  // Field by field (assigning shared_context{} costs ~800 instructions): a
  // field added to shared_context must be reset here too, which this size check
  // recalls (on libstdc++, x86-64, where the dump-and-diff of every field ran).
#if defined(__GLIBCXX__) && defined(__x86_64__)
  static_assert(sizeof(shared_context) == 472, "shared_context changed: reset the new fields in next_context()");
#endif
  shared_context &c = out[used++];
  c.kind = context_kind::event;
  c.strength = 0.0;
  c.event_id.clear();
  c.event_name.clear();
  c.relation = event_relation::other;
  c.timing = event_timing::upcoming;
  c.sender_role = event_role::attendee;
  c.recipient_role = event_role::attendee;
  c.days_until = 0;
  c.place = no_place;
  c.place_ambiguous = false;
  c.challenge_id.clear();
  c.challenge_title.clear();
  c.offer_id.clear();
  c.offer_summary.clear();
  c.industry.clear();
  c.mutual_id.clear();
  c.mutual_name.clear();
  c.mutual_count = 0;
  c.organization.clear();
  c.sender_current = false;
  c.recipient_current = false;
  c.years_overlap = -1;
  c.school.clear();
  c.topic.clear();
  return c;
}

// The event contexts, written over out[0…] (reused) then appended; out holds
// exactly them on return.
void events(const detail::directory_data &d, const contact &s, const contact &r, const detail::contact_info &si,
            const detail::contact_info &ri, std::chrono::sys_seconds now, const discovery_weights &w,
            std::vector<shared_context> &out) {
  std::size_t used = 0;
  // Both lists are sorted by event index: walk them together, one context per shared event.
  auto a = si.events.begin(), b = ri.events.begin();
  while (a != si.events.end() && b != ri.events.end()) {
    if (a->first < b->first) { ++a; continue; }
    if (b->first < a->first) { ++b; continue; }
    const std::uint32_t ei = a->first;
    const auto a_end = std::find_if(a, si.events.end(), [&](const auto &x) { return x.first != ei; });
    const auto b_end = std::find_if(b, ri.events.end(), [&](const auto &x) { return x.first != ei; });
    const event &e = d.events[ei];
    const auto when = detail::when_of(e, now);
    // The strongest pair of roles (the first one of equal strength); the
    // context is built once, in place.
    auto bx = a, by = b;
    double best_strength = 0.0;
    bool found = false;
    for (auto x = a; x != a_end; ++x)
      for (auto y = b; y != b_end; ++y) {
        const double strength = detail::event_strength(s.events[x->second].role, r.events[y->second].role, when, w);
        if (found && strength <= best_strength) continue;
        found = true;
        best_strength = strength;
        bx = x;
        by = y;
      }
    const auto &sp = s.events[bx->second];
    const auto &rp = r.events[by->second];
    shared_context &best = next_context(out, used);
    best.kind = context_kind::event;
    best.strength = best_strength;
    best.event_id = e.id;
    best.event_name = e.name;
    best.relation = detail::relation_of(sp.role, rp.role);
    best.timing = when.timing;
    best.days_until = when.days_until;
    best.sender_role = sp.role;
    best.recipient_role = rp.role;
    best.evidence.resize(3);
    fill(best.evidence[0], evidence_side::sender, s, "events", bx->second, ".role", to_string(sp.role));
    fill(best.evidence[1], evidence_side::recipient, r, "events", by->second, ".role", to_string(rp.role));
    evidence_item &shared = best.evidence[2];
    shared.side = evidence_side::shared;
    shared.record.clear();
    shared.record.reserve(6 + e.id.size());
    shared.record.append("event:").append(e.id);
    shared.field = "name";
    shared.value = e.name;
    a = a_end;
    b = b_end;
  }
  out.resize(used);
}

bool keyword_shows(const detail::directory_data &d, std::uint32_t h, const contact &r, std::string &where, std::string &what) {
  if (d.challenge_keywords[h].empty()) return false;
  const std::string headline = detail::folded_key(r.headline);
  for (std::size_t k = 0; k < d.challenge_keywords[h].size(); ++k) {
    const auto &kw = d.challenge_keywords[h][k];
    if (detail::contains_words(headline, kw)) {
      where = "headline";
      what = r.headline;
      return true;
    }
    for (std::size_t t = 0; t < r.topics.size(); ++t)
      if (detail::contains_words(detail::folded_key(r.topics[t]), kw)) {
        where = at("topics", t);
        what = r.topics[t];
        return true;
      }
  }
  return false;
}

void challenges(const detail::directory_data &d, const contact &s, const contact &r, const detail::contact_info &si,
                const detail::contact_info &ri, bool r_in, std::uint32_t r_idx, const discovery_weights &w,
                std::vector<shared_context> &out) {
  if (ri.industries.empty()) return;
  for (const auto &[h, o, j] : si.challenges) {
    {
      // Does it affect one of the recipient's industries? If so, which field says so?
      const auto &affected = d.challenge_industries[h];
      std::size_t hit = ri.industries.size();
      for (std::size_t i = 0; i < ri.industries.size() && hit == ri.industries.size(); ++i)
        if (std::find(affected.begin(), affected.end(), ri.industries[i]) != affected.end()) hit = i;
      if (hit == ri.industries.size()) continue;
      const std::int32_t where = ri.industry_fields[hit];
      const std::string field = where < 0 ? std::string("industry") : at("organizations", static_cast<std::size_t>(where)) + ".industry";
      const std::string &value = where < 0 ? r.industry : r.organizations[static_cast<std::size_t>(where)].industry;
      const challenge &ch = d.challenges[h];
      std::string kw_field, kw_value;
      // Directory records were searched for the challenge's keywords when the directory was built.
      const bool indexed = r_in && !std::binary_search(d.challenge_keyword_hits[h].begin(), d.challenge_keyword_hits[h].end(), r_idx);
      const bool keyword = !indexed && keyword_shows(d, h, r, kw_field, kw_value);
      shared_context c;
      c.kind = context_kind::challenge;
      c.strength = detail::challenge_strength(keyword, w);
      c.challenge_id = ch.id;
      c.challenge_title = ch.title;
      c.offer_id = s.offers[o].id;
      c.offer_summary = s.offers[o].summary;
      c.industry = value;
      c.evidence = {
          ev(evidence_side::sender, record(s), at("offers", o) + ".challenge_ids" + "[" + std::to_string(j) + "]", ch.id),
          ev(evidence_side::recipient, record(r), field, value),
          ev(evidence_side::shared, "challenge:" + ch.id, "industries", value),
      };
      if (keyword) c.evidence.push_back(ev(evidence_side::recipient, record(r), kw_field, kw_value));
      out.push_back(std::move(c));
    }
  }
}

void mutuals(const detail::directory_data &d, const contact &s, const contact &r, const detail::contact_info &si,
             const detail::contact_info &ri, bool s_in, std::uint32_t s_idx, bool r_in, std::uint32_t r_idx,
             const discovery_weights &w, std::vector<shared_context> &out) {
  std::vector<std::uint32_t> common;
  std::set_intersection(si.neighbours.begin(), si.neighbours.end(), ri.neighbours.begin(), ri.neighbours.end(),
                        std::back_inserter(common));
  common.erase(std::remove_if(common.begin(), common.end(),
                              [&](std::uint32_t m) { return (s_in && m == s_idx) || (r_in && m == r_idx) ||
                                                            d.contacts[m].id == s.id || d.contacts[m].id == r.id; }),
               common.end());
  if (common.empty()) return;
  const contact &m = d.contacts[common.front()];
  shared_context c;
  c.kind = context_kind::mutual_connection;
  c.strength = detail::mutual_strength(common.size(), w);
  c.mutual_id = m.id;
  c.mutual_name = detail::display_name(m);
  c.mutual_count = common.size();
  auto side_evidence = [&](evidence_side side, const contact &who) {
    auto pos = std::find(who.connections.begin(), who.connections.end(), m.id);
    if (pos != who.connections.end())
      return ev(side, record(who), at("connections", static_cast<std::size_t>(pos - who.connections.begin())), m.id);
    return ev(side, record(m), "connections", who.id);  // the edge was declared by the mutual contact
  };
  c.evidence = {side_evidence(evidence_side::sender, s), side_evidence(evidence_side::recipient, r)};
  out.push_back(std::move(c));
}

bool is_metro(place_id p) {
  auto info = place(p);
  return info && info->kind == place_kind::metro;
}

// The place a note should name for two places in one city area: the place
// itself when equal; the city when one side gave only its metro ("Greater
// Munich" and "Munich": Munich); the city when one lies within it (Brooklyn and
// New York City: New York City); otherwise their common metro.
place_id place_to_name(place_id a, place_id b, place_id cluster) {
  if (a == b) return a;
  if (place_within(a, b)) return is_metro(b) ? a : b;
  if (place_within(b, a)) return is_metro(a) ? b : a;
  return cluster != no_place ? cluster : b;
}

void city(const contact &s, const contact &r, const detail::contact_info &si, const detail::contact_info &ri,
          const discovery_weights &w, std::vector<shared_context> &out) {
  if (si.place == no_place || ri.place == no_place || !same_city(si.place, ri.place)) return;
  shared_context c;
  c.kind = context_kind::same_city;
  c.place = place_to_name(si.place, ri.place, ri.cluster);
  c.place_ambiguous = si.place_ambiguous || ri.place_ambiguous;
  c.strength = detail::city_strength(si.place == ri.place, c.place_ambiguous, w);
  c.evidence = {ev(evidence_side::sender, record(s), "location", s.location),
                ev(evidence_side::recipient, record(r), "location", r.location)};
  out.push_back(std::move(c));
}

// Whole years two jobs overlapped: -1 when a start is unknown, or an end of a
// past job, or when they only share a boundary year (2019–2021 and 2021–2023
// may or may not have met); 0 when they were there at different times.
int years_overlap(const organization &a, const organization &b, int this_year) {
  const auto end = [&](const organization &o) -> std::optional<int> {
    if (o.current) return this_year;
    return o.end_year;
  };
  const auto ea = end(a), eb = end(b);
  if (!a.start_year || !b.start_year || !ea || !eb) return -1;
  const int from = std::max(*a.start_year, *b.start_year), to = std::min(*ea, *eb);
  if (to < from) return 0;
  if (to == from) return -1;
  return to - from;
}

void employers(const contact &s, const contact &r, const detail::contact_info &si, const detail::contact_info &ri,
               std::chrono::sys_seconds now, const discovery_weights &w, std::vector<shared_context> &out) {
  const int this_year = static_cast<int>(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(now)}.year());
  for (const auto &so : si.orgs)
    for (const auto &ro : ri.orgs) {
      if (so.key != ro.key) continue;
      shared_context c;
      c.kind = context_kind::past_employer;
      c.strength = detail::org_strength(so.current && ro.current, w);
      c.organization = r.organizations[ro.index].name;
      c.sender_current = so.current;
      c.recipient_current = ro.current;
      c.years_overlap = years_overlap(s.organizations[so.index], r.organizations[ro.index], this_year);
      c.evidence = {ev(evidence_side::sender, record(s), at("organizations", so.index) + ".name", s.organizations[so.index].name),
                    ev(evidence_side::recipient, record(r), at("organizations", ro.index) + ".name", c.organization)};
      out.push_back(std::move(c));
    }
}

void keyed(context_kind kind, const char *field, const std::vector<std::string> &sv, const std::vector<std::string> &rv,
           std::span<const std::pair<detail::key_id, std::uint32_t>> sk,
           std::span<const std::pair<detail::key_id, std::uint32_t>> rk, const contact &s, const contact &r,
           double strength, std::vector<shared_context> &out) {
  for (const auto &[skey, sidx] : sk)
    for (const auto &[rkey, ridx] : rk) {
      if (skey != rkey) continue;
      shared_context c;
      c.kind = kind;
      c.strength = strength;
      (kind == context_kind::school ? c.school : c.topic) = rv[ridx];
      c.evidence = {ev(evidence_side::sender, record(s), at(field, sidx), sv[sidx]),
                    ev(evidence_side::recipient, record(r), at(field, ridx), rv[ridx])};
      out.push_back(std::move(c));
    }
}

} // namespace

prepared_sender::prepared_sender(const directory &dir, const contact &sender) {
  auto data = std::make_shared<detail::prepared_sender_data>();
  data->dir = dir;
  const auto &d = detail::directory_access::data(dir);
  std::uint32_t index = 0;
  if (detail::index_of(d, sender, index)) {
    data->in_directory = true;
    data->index = index;
    data->sender = sender;
    data->info = d.info[index];
  } else {
    data->sender = sender;
    data->info = detail::info_for(d, data->sender, data->storage);
  }
  data_ = std::move(data);
}

const contact &prepared_sender::sender() const noexcept { return data_->sender; }
const directory &prepared_sender::dir() const noexcept { return data_->dir; }

result<std::vector<shared_context>> find_shared_contexts(const directory &dir, const contact &sender,
                                                         const contact &recipient, std::chrono::sys_seconds now,
                                                         const discovery_options &options) {
  if (&sender == &recipient || sender.id == recipient.id)
    return make_error(errc::invalid_argument, "sender and recipient are the same contact '" + sender.id + "'");
  return find_shared_contexts(prepared_sender(dir, sender), recipient, now, options);
}

namespace {
result<void> contexts_into(const prepared_sender &prepared, const contact &recipient, std::chrono::sys_seconds now,
                           const discovery_options &options, std::vector<shared_context> &out);
} // namespace

result<std::vector<shared_context>> find_shared_contexts(const prepared_sender &prepared, const contact &recipient,
                                                         std::chrono::sys_seconds now,
                                                         const discovery_options &options) {
  std::vector<shared_context> out;
  auto r = contexts_into(prepared, recipient, now, options, out);
  if (!r) return r.error();
  return out;
}

} // namespace v1
} // namespace rapport

namespace rapport::detail {

result<void> find_shared_contexts_into(const prepared_sender &prepared, const contact &recipient,
                                       std::chrono::sys_seconds now, const discovery_options &options,
                                       std::vector<shared_context> &out) {
  return contexts_into(prepared, recipient, now, options, out);
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {
namespace {

// find_shared_contexts(), into `out` (detail::find_shared_contexts_into).
result<void> contexts_into(const prepared_sender &prepared, const contact &recipient, std::chrono::sys_seconds now,
                           const discovery_options &options, std::vector<shared_context> &out) {
  const auto &ps = detail::directory_access::data(prepared);
  const contact &sender = ps.sender;
  if (sender.id == recipient.id)
    return make_error(errc::invalid_argument, "sender and recipient are the same contact '" + sender.id + "'");
  const auto &d = detail::directory_access::data(ps.dir);
  const auto &w = options.weights;
  std::uint32_t r_idx = 0;
  const bool r_in = detail::index_of(d, recipient, r_idx);
  detail::contact_info_storage r_storage;
  const auto &si = ps.info;
  const auto ri = detail::info_for(d, recipient, r_storage);

  events(d, sender, recipient, si, ri, now, w, out);
  challenges(d, sender, recipient, si, ri, r_in, r_idx, w, out);
  mutuals(d, sender, recipient, si, ri, ps.in_directory, ps.index, r_in, r_idx, w, out);
  city(sender, recipient, si, ri, w, out);
  employers(sender, recipient, si, ri, now, w, out);
  keyed(context_kind::school, "schools", sender.schools, recipient.schools, si.schools, ri.schools, sender, recipient,
        w.school, out);
  keyed(context_kind::topic, "topics", sender.topics, recipient.topics, si.topics, ri.topics, sender, recipient,
        w.topic, out);

  if (options.min_strength > 0)
    out.erase(std::remove_if(out.begin(), out.end(), [&](const auto &c) { return c.strength < options.min_strength; }),
              out.end());
  if (out.size() > 1) {  // stable_sort allocates a buffer even for one element
    std::stable_sort(out.begin(), out.end(), [](const shared_context &a, const shared_context &b) {
      if (a.strength != b.strength) return a.strength > b.strength;
      if (a.kind != b.kind) return a.kind < b.kind;
      return tie_key(a) < tie_key(b);
    });
  }
  return {};
}

} // namespace
} // namespace v1
} // namespace rapport
