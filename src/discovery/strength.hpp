// Private: the strength of each kind of shared context. Discovery and ranking
// both use these, so a ranked contact's score is exactly its best context's strength.
#pragma once

#include <algorithm>
#include <chrono>

#include "rapport/discovery.hpp"
#include "rapport/event.hpp"

namespace rapport::detail {

inline event_relation relation_of(event_role a, event_role b) {
  using r = event_role;
  auto either = [&](r x, r y) { return (a == x && b == y) || (a == y && b == x); };
  if (a == r::exhibitor && b == r::exhibitor) return event_relation::both_exhibiting;
  if (either(r::speaker, r::attendee)) return event_relation::speaker_attendee;
  if (a == r::speaker && b == r::speaker) return event_relation::both_speaking;
  if (either(r::sponsor, r::exhibitor)) return event_relation::sponsor_exhibitor;
  if (a == r::organizer || b == r::organizer) return event_relation::organizer_participant;
  if (a == r::attendee && b == r::attendee) return event_relation::both_attending;
  return event_relation::other;
}

inline double relation_weight(event_relation rel, const discovery_weights &w) {
  switch (rel) {
  case event_relation::both_exhibiting: return w.both_exhibiting;
  case event_relation::speaker_attendee: return w.speaker_attendee;
  case event_relation::both_speaking: return w.both_speaking;
  case event_relation::sponsor_exhibitor: return w.sponsor_exhibitor;
  case event_relation::organizer_participant: return w.organizer_participant;
  case event_relation::both_attending: return w.both_attending;
  case event_relation::other: return w.other_event;
  }
  return w.other_event;
}

/** When an event is relative to now, in its time zone. */
struct event_when {
  event_timing timing = event_timing::upcoming;
  int days_until = 0;  ///< to the first local day; negative once started
  int days_since = 0;  ///< since the last local day, when past
};

event_when when_of(const event &e, std::chrono::sys_seconds now);

inline double timing_factor(const event_when &t, const discovery_weights &w) {
  switch (t.timing) {
  case event_timing::upcoming:
    if (t.days_until <= w.advance_days) return 1.0;
    if (t.days_until >= 365) return w.upcoming_far;
    return 1.0 - (1.0 - w.upcoming_far) * double(t.days_until - w.advance_days) / double(365 - w.advance_days);
  case event_timing::happening_now: return w.happening_now;
  case event_timing::recently_past: return w.recently_past;
  case event_timing::long_past: return t.days_since <= 730 ? w.long_past : w.very_long_past;
  }
  return w.long_past;
}

inline double event_strength(event_role a, event_role b, const event_when &t, const discovery_weights &w) {
  return relation_weight(relation_of(a, b), w) * timing_factor(t, w);
}

inline double mutual_strength(std::size_t n, const discovery_weights &w) {
  return std::min(w.mutual_max, w.mutual_connection + w.mutual_per_extra * double(n - 1));
}

inline double city_strength(bool same_place, bool ambiguous, const discovery_weights &w) {
  return (same_place ? w.same_place : w.same_metro) * (ambiguous ? w.ambiguous_place_factor : 1.0);
}

inline double org_strength(bool both_current, const discovery_weights &w) {
  return both_current ? w.current_colleague : w.past_employer;
}

inline double challenge_strength(bool keyword, const discovery_weights &w) {
  return std::min(1.0, w.challenge + (keyword ? w.challenge_keyword_bonus : 0.0));
}

} // namespace rapport::detail
