#include "rapport/discovery.hpp"

#include <algorithm>
#include <array>
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

// ---- writing contexts in place ----------------------------------------------------
// compose's batch workers pass the same vector note after note: its contexts and
// their evidence items are written over, and a string that already holds the
// bytes it should (the sender's side of an evidence item, the event the previous
// note shared too) is left as it is.

using traits = std::char_traits<char>;

// Inlined: called a dozen times per note, each mostly a compare of a few bytes.
#define RAPPORT_INLINE __attribute__((always_inline)) inline

// s = v, unless s holds those bytes already.
RAPPORT_INLINE void set(std::string &s, std::string_view v) {
  if (s.size() == v.size() && traits::compare(s.data(), v.data(), v.size()) == 0) return;
  s.assign(v);
}

// s = a + b, unless s holds those bytes already; a prefix `a` it holds is kept.
RAPPORT_INLINE void set(std::string &s, std::string_view a, std::string_view b) {
  if (s.size() >= a.size() && traits::compare(s.data(), a.data(), a.size()) == 0) {
    if (s.size() == a.size() + b.size() && traits::compare(s.data() + a.size(), b.data(), b.size()) == 0) return;
    s.erase(a.size());
  } else {
    s.assign(a);
  }
  s.append(b);
}

// s = field + "[" + i + "]" + suffix ("events[3].role"), unless s holds those
// bytes already: compared piece by piece, built only when they differ.
RAPPORT_INLINE void set_path(std::string &s, std::string_view field, std::size_t i, std::string_view suffix = {}) {
  char digits[24];
  std::size_t k = sizeof digits;
  do { digits[--k] = static_cast<char>('0' + i % 10); i /= 10; } while (i);
  const std::string_view number(digits + k, sizeof digits - k);
  const std::size_t open = field.size(), close = open + 1 + number.size();
  if (s.size() == close + 1 + suffix.size() && s[open] == '[' && s[close] == ']' &&
      traits::compare(s.data(), field.data(), field.size()) == 0 &&
      traits::compare(s.data() + open + 1, number.data(), number.size()) == 0 &&
      traits::compare(s.data() + close + 1, suffix.data(), suffix.size()) == 0)
    return;
  s.assign(field);
  s.push_back('[');
  s.append(number);
  s.push_back(']');
  s.append(suffix);
}

// A field path with two indexes, "offers[0].challenge_ids[2]", built on the
// stack (the names are this file's short literals; a longer path would go to the heap).
class path {
public:
  path(std::string_view field, std::size_t i, std::string_view middle, std::size_t j) {
    add(field);
    add_index(i);
    add(middle);
    add_index(j);
  }
  std::string_view view() const { return spilled_ ? std::string_view(heap_) : std::string_view(buf_, n_); }

private:
  void add(std::string_view s) {
    if (!spilled_ && n_ + s.size() > sizeof buf_) {
      heap_.assign(buf_, n_);
      spilled_ = true;
    }
    if (spilled_) {
      heap_.append(s);
      return;
    }
    traits::copy(buf_ + n_, s.data(), s.size());
    n_ += s.size();
  }
  void add_index(std::size_t i) {
    char digits[24];
    std::size_t k = sizeof digits;
    digits[--k] = ']';
    do { digits[--k] = static_cast<char>('0' + i % 10); i /= 10; } while (i);
    digits[--k] = '[';
    add(std::string_view(digits + k, sizeof digits - k));
  }

  char buf_[64];
  std::size_t n_ = 0;
  bool spilled_ = false;
  std::string heap_;
};

// item = {side, <kind><id>, field, value}: "contact:anna", "location", "Berlin".
void put(evidence_item &item, evidence_side side, std::string_view kind, std::string_view id, std::string_view field,
         std::string_view value) {
  item.side = side;
  set(item.record, kind, id);
  set(item.field, field);
  set(item.value, value);
}

// item = {side, "contact:<id>", field[i]suffix, value}: "contact:anna", "events[0].role", "speaker".
void put(evidence_item &item, evidence_side side, std::string_view id, std::string_view field, std::size_t i,
         std::string_view suffix, std::string_view value) {
  item.side = side;
  set(item.record, "contact:", id);
  set_path(item.field, field, i, suffix);
  set(item.value, value);
}

// to_string(role) as a view, each name measured once.
std::string_view role_name(event_role role) {
  static const std::array<std::string_view, 5> names = {to_string(event_role::attendee), to_string(event_role::exhibitor),
                                                        to_string(event_role::speaker), to_string(event_role::sponsor),
                                                        to_string(event_role::organizer)};
  const auto i = static_cast<std::size_t>(role);
  return i < names.size() ? names[i] : std::string_view(to_string(role));
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

// The contexts of one note, written over out[0…] (reused) then appended.
class contexts_writer {
public:
  explicit contexts_writer(std::vector<shared_context> &out) : out_(out) {}

  // The next context, of `kind`, with `evidence` items for the caller to set
  // whole. Every other field is back to its default, but for the strings of
  // `kind` (event: event_id and event_name; challenge: challenge_id,
  // challenge_title, offer_id, offer_summary, industry; mutual_connection:
  // mutual_id, mutual_name; past_employer: organization; school: school;
  // topic: topic), which the caller sets, each of them.
  shared_context &next(context_kind kind, std::size_t evidence) {
    shared_context &c = used_ == out_.size() ? out_.emplace_back() : reset(out_[used_], kind);
    ++used_;
    c.kind = kind;
    c.evidence.resize(evidence);
    return c;
  }

  // out holds exactly the contexts written.
  void finish() { out_.resize(used_); }

private:
  // Field by field (assigning shared_context{} costs ~800 instructions): a
  // field added to shared_context must be reset here too, which this size check
  // recalls (on libstdc++, x86-64, where the dump-and-diff of every field ran).
  static shared_context &reset(shared_context &c, context_kind kind) {
#if defined(__GLIBCXX__) && defined(__x86_64__)
    static_assert(sizeof(shared_context) == 472, "shared_context changed: reset the new fields in reset()");
#endif
    c.strength = 0.0;
    if (kind != context_kind::event) {
      c.event_id.clear();
      c.event_name.clear();
    }
    c.relation = event_relation::other;
    c.timing = event_timing::upcoming;
    c.sender_role = event_role::attendee;
    c.recipient_role = event_role::attendee;
    c.days_until = 0;
    c.place = no_place;
    c.place_ambiguous = false;
    if (kind != context_kind::challenge) {
      c.challenge_id.clear();
      c.challenge_title.clear();
      c.offer_id.clear();
      c.offer_summary.clear();
      c.industry.clear();
    }
    if (kind != context_kind::mutual_connection) {
      c.mutual_id.clear();
      c.mutual_name.clear();
    }
    c.mutual_count = 0;
    if (kind != context_kind::past_employer) c.organization.clear();
    c.sender_current = false;
    c.recipient_current = false;
    c.years_overlap = -1;
    if (kind != context_kind::school) c.school.clear();
    if (kind != context_kind::topic) c.topic.clear();
    return c;
  }

  std::vector<shared_context> &out_;
  std::size_t used_ = 0;
};

void events(const detail::directory_data &d, const contact &s, const contact &r, const detail::contact_info &si,
            const detail::contact_info &ri, std::chrono::sys_seconds now, const discovery_weights &w,
            contexts_writer &out) {
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
    shared_context &best = out.next(context_kind::event, 3);
    best.strength = best_strength;
    set(best.event_id, e.id);
    set(best.event_name, e.name);
    best.relation = detail::relation_of(sp.role, rp.role);
    best.timing = when.timing;
    best.days_until = when.days_until;
    best.sender_role = sp.role;
    best.recipient_role = rp.role;
    put(best.evidence[0], evidence_side::sender, s.id, "events", bx->second, ".role", role_name(sp.role));
    put(best.evidence[1], evidence_side::recipient, r.id, "events", by->second, ".role", role_name(rp.role));
    put(best.evidence[2], evidence_side::shared, "event:", e.id, "name", e.name);
    a = a_end;
    b = b_end;
  }
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
        set_path(where, "topics", t);
        what = r.topics[t];
        return true;
      }
  }
  return false;
}

void challenges(const detail::directory_data &d, const contact &s, const contact &r, const detail::contact_info &si,
                const detail::contact_info &ri, bool r_in, std::uint32_t r_idx, const discovery_weights &w,
                contexts_writer &out) {
  if (ri.industries.empty()) return;
  for (const auto &[h, o, j] : si.challenges) {
    // Does it affect one of the recipient's industries? If so, which field says so?
    const auto &affected = d.challenge_industries[h];
    std::size_t hit = ri.industries.size();
    for (std::size_t i = 0; i < ri.industries.size() && hit == ri.industries.size(); ++i)
      if (std::find(affected.begin(), affected.end(), ri.industries[i]) != affected.end()) hit = i;
    if (hit == ri.industries.size()) continue;
    const std::int32_t where = ri.industry_fields[hit];
    const std::string &value = where < 0 ? r.industry : r.organizations[static_cast<std::size_t>(where)].industry;
    const challenge &ch = d.challenges[h];
    std::string kw_field, kw_value;
    // Directory records were searched for the challenge's keywords when the directory was built.
    const bool indexed = r_in && !std::binary_search(d.challenge_keyword_hits[h].begin(), d.challenge_keyword_hits[h].end(), r_idx);
    const bool keyword = !indexed && keyword_shows(d, h, r, kw_field, kw_value);
    shared_context &c = out.next(context_kind::challenge, keyword ? 4 : 3);
    c.strength = detail::challenge_strength(keyword, w);
    set(c.challenge_id, ch.id);
    set(c.challenge_title, ch.title);
    set(c.offer_id, s.offers[o].id);
    set(c.offer_summary, s.offers[o].summary);
    set(c.industry, value);
    put(c.evidence[0], evidence_side::sender, "contact:", s.id, path("offers", o, ".challenge_ids", j).view(), ch.id);
    if (where < 0)
      put(c.evidence[1], evidence_side::recipient, "contact:", r.id, "industry", value);
    else
      put(c.evidence[1], evidence_side::recipient, r.id, "organizations", static_cast<std::size_t>(where), ".industry", value);
    put(c.evidence[2], evidence_side::shared, "challenge:", ch.id, "industries", value);
    if (keyword) put(c.evidence[3], evidence_side::recipient, "contact:", r.id, kw_field, kw_value);
  }
}

void mutuals(const detail::directory_data &d, const contact &s, const contact &r, const detail::contact_info &si,
             const detail::contact_info &ri, bool s_in, std::uint32_t s_idx, bool r_in, std::uint32_t r_idx,
             const discovery_weights &w, contexts_writer &out) {
  // The connections both have but the two themselves (both lists sorted): how many, and the first.
  // A side that is a record of the directory is that record (ids are unique there).
  const auto excluded = [&](std::uint32_t m) {
    return (s_in ? m == s_idx : d.contacts[m].id == s.id) || (r_in ? m == r_idx : d.contacts[m].id == r.id);
  };
  std::size_t count = 0;
  std::uint32_t first = 0;
  for (auto a = si.neighbours.begin(), b = ri.neighbours.begin(); a != si.neighbours.end() && b != ri.neighbours.end();) {
    if (*a < *b) { ++a; continue; }
    if (*b < *a) { ++b; continue; }
    if (!excluded(*a) && count++ == 0) first = *a;
    ++a;
    ++b;
  }
  if (count == 0) return;
  const contact &m = d.contacts[first];
  shared_context &c = out.next(context_kind::mutual_connection, 2);
  c.strength = detail::mutual_strength(count, w);
  set(c.mutual_id, m.id);
  c.mutual_name = detail::display_name(m);
  c.mutual_count = count;
  // A well-connected sender has many ids of one length that share a prefix: the
  // last byte tells most of them apart before their bytes are compared.
  const auto is_m = [&](const std::string &id) {
    return id.size() == m.id.size() && (id.empty() || id.back() == m.id.back()) && id == m.id;
  };
  const auto side_evidence = [&](evidence_item &item, evidence_side side, const contact &who) {
    auto pos = std::find_if(who.connections.begin(), who.connections.end(), is_m);
    if (pos != who.connections.end())
      put(item, side, who.id, "connections", static_cast<std::size_t>(pos - who.connections.begin()), {}, m.id);
    else
      put(item, side, "contact:", m.id, "connections", who.id);  // the edge was declared by the mutual contact
  };
  side_evidence(c.evidence[0], evidence_side::sender, s);
  side_evidence(c.evidence[1], evidence_side::recipient, r);
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
          const discovery_weights &w, contexts_writer &out) {
  if (si.place == no_place || ri.place == no_place || !same_city(si.place, ri.place)) return;
  shared_context &c = out.next(context_kind::same_city, 2);
  c.place = place_to_name(si.place, ri.place, ri.cluster);
  c.place_ambiguous = si.place_ambiguous || ri.place_ambiguous;
  c.strength = detail::city_strength(si.place == ri.place, c.place_ambiguous, w);
  put(c.evidence[0], evidence_side::sender, "contact:", s.id, "location", s.location);
  put(c.evidence[1], evidence_side::recipient, "contact:", r.id, "location", r.location);
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
               std::chrono::sys_seconds now, const discovery_weights &w, contexts_writer &out) {
  const auto this_year = [&] {
    return static_cast<int>(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(now)}.year());
  };
  for (const auto &so : si.orgs)
    for (const auto &ro : ri.orgs) {
      if (so.key != ro.key) continue;
      shared_context &c = out.next(context_kind::past_employer, 2);
      c.strength = detail::org_strength(so.current && ro.current, w);
      set(c.organization, r.organizations[ro.index].name);
      c.sender_current = so.current;
      c.recipient_current = ro.current;
      c.years_overlap = years_overlap(s.organizations[so.index], r.organizations[ro.index], this_year());
      put(c.evidence[0], evidence_side::sender, s.id, "organizations", so.index, ".name", s.organizations[so.index].name);
      put(c.evidence[1], evidence_side::recipient, r.id, "organizations", ro.index, ".name", c.organization);
    }
}

void keyed(context_kind kind, std::string_view field, const std::vector<std::string> &sv, const std::vector<std::string> &rv,
           std::span<const std::pair<detail::key_id, std::uint32_t>> sk,
           std::span<const std::pair<detail::key_id, std::uint32_t>> rk, const contact &s, const contact &r,
           double strength, contexts_writer &out) {
  for (const auto &[skey, sidx] : sk)
    for (const auto &[rkey, ridx] : rk) {
      if (skey != rkey) continue;
      shared_context &c = out.next(kind, 2);
      c.strength = strength;
      set(kind == context_kind::school ? c.school : c.topic, rv[ridx]);
      put(c.evidence[0], evidence_side::sender, s.id, field, sidx, {}, sv[sidx]);
      put(c.evidence[1], evidence_side::recipient, r.id, field, ridx, {}, rv[ridx]);
    }
}

#undef RAPPORT_INLINE

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
  std::optional<detail::contact_info_storage> r_storage;  // only for a recipient outside the directory
  const auto &si = ps.info;
  const auto ri = r_in ? d.info[r_idx] : detail::info_for(d, recipient, r_storage.emplace());

  contexts_writer writer(out);
  events(d, sender, recipient, si, ri, now, w, writer);
  challenges(d, sender, recipient, si, ri, r_in, r_idx, w, writer);
  mutuals(d, sender, recipient, si, ri, ps.in_directory, ps.index, r_in, r_idx, w, writer);
  city(sender, recipient, si, ri, w, writer);
  employers(sender, recipient, si, ri, now, w, writer);
  keyed(context_kind::school, "schools", sender.schools, recipient.schools, si.schools, ri.schools, sender, recipient,
        w.school, writer);
  keyed(context_kind::topic, "topics", sender.topics, recipient.topics, si.topics, ri.topics, sender, recipient,
        w.topic, writer);
  writer.finish();

  if (options.min_strength > 0)
    out.erase(std::remove_if(out.begin(), out.end(), [&](const auto &c) { return c.strength < options.min_strength; }),
              out.end());
  const auto before = [](const shared_context &a, const shared_context &b) {
    if (a.strength != b.strength) return a.strength > b.strength;
    if (a.kind != b.kind) return a.kind < b.kind;
    return tie_key(a) < tie_key(b);
  };
  // Already in order (often: events come first and are the strongest), a
  // stable sort would leave it as it is; it would also allocate a buffer.
  if (!std::is_sorted(out.begin(), out.end(), before)) std::stable_sort(out.begin(), out.end(), before);
  return {};
}

} // namespace
} // namespace v1
} // namespace rapport
