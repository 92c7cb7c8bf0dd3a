// rapport — discovery: what a sender and a recipient really share.
//
// find_shared_contexts() looks at both sides and returns every context the
// data on both sides shows, strongest first, each with the facts a template
// needs and the evidence (which field of which record supports it):
//
//  * event       — both exhibiting, one speaking and the other attending, both
//                  attending, sponsor and exhibitor…; stronger when the event
//                  is upcoming (advance contact, best within ~8 weeks), weaker
//                  when it is long past. Another edition of a series is a
//                  different event.
//  * same_city   — same place, or one within the other's metro; ambiguous
//                  locations weigh less.
//  * challenge   — the recipient's industry (or their company's) faces a
//                  challenge that one of the sender's offers addresses.
//  * mutual_connection, past_employer, school, topic.
//
// Honesty first: nothing is guessed. No shared data, no context. Weights are
// in discovery_weights (documented in docs/discovery.md) and can be changed.
//
//     auto found = rapport::find_shared_contexts(dir, me, *dir.find_contact("anna"), now);
//     if (found && !found->empty()) use(found->front());
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "rapport/contact.hpp"
#include "rapport/directory.hpp"
#include "rapport/place.hpp"
#include "rapport/result.hpp"

namespace rapport::detail {
struct prepared_sender_data;
} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

/** What kind of thing is shared. The order is the tie-break order. */
enum class context_kind { event, challenge, mutual_connection, same_city, past_employer, school, topic };

/** "event", "challenge", "mutual_connection", "same_city", "past_employer", "school", "topic". */
const char *to_string(context_kind kind) noexcept;

/** How both sides take part in a shared event. */
enum class event_relation {
  both_exhibiting,
  speaker_attendee,   ///< one speaks, the other attends (either way round)
  both_speaking,
  sponsor_exhibitor,  ///< one sponsors, the other exhibits (either way round)
  organizer_participant,
  both_attending,
  other,              ///< any other pair of roles (e.g. both sponsoring)
};

/** "both-exhibiting", "speaker-attendee", … (the slot spelling). */
const char *to_string(event_relation r) noexcept;

/** When the event is, relative to `now`, in the event's time zone. */
enum class event_timing { upcoming, happening_now, recently_past, long_past };

/** "upcoming", "happening-now", "recently-past", "long-past". */
const char *to_string(event_timing t) noexcept;

/** Which side a piece of evidence comes from. */
enum class evidence_side { sender, recipient, shared };

/** One field of one record that supports a context. */
struct evidence_item {
  evidence_side side = evidence_side::sender;
  std::string record;   ///< "contact:anna", "event:bauma-2025", "challenge:eu-battery-passport"
  std::string field;    ///< "events[0].role", "location", "industry", "connections[3]"
  std::string value;    ///< the field's value as stored
};

/** One thing sender and recipient share, with what a template needs to say it. */
struct shared_context {
  context_kind kind = context_kind::event;
  double strength = 0.0;            ///< in [0,1]

  // event
  std::string event_id;
  std::string event_name;
  event_relation relation = event_relation::other;
  event_timing timing = event_timing::upcoming;
  event_role sender_role = event_role::attendee;
  event_role recipient_role = event_role::attendee;
  int days_until = 0;               ///< local days from now to the first day (negative once it started)

  // same_city
  place_id place = no_place;        ///< the place to name: the shared place, the city when one side gave
                                    ///< only its metro, else the common metro; display it with place_display_name()
  bool place_ambiguous = false;

  // challenge
  std::string challenge_id;
  std::string challenge_title;
  std::string offer_id;
  std::string offer_summary;
  std::string industry;             ///< the recipient's industry as written

  // mutual_connection
  std::string mutual_id;            ///< the first mutual connection by id order
  std::string mutual_name;          ///< their display name ("Jan de Vries")
  std::size_t mutual_count = 0;

  // past_employer, school, topic
  std::string organization;         ///< as the recipient wrote it
  bool sender_current = false;      ///< past_employer: the sender still works there
  bool recipient_current = false;   ///< past_employer: the recipient still works there
  int years_overlap = -1;           ///< past_employer: whole years both were there, from the start/end years
                                    ///< (a current job runs to `now`); 0 = at different times; -1 = unknown
  std::string school;
  std::string topic;

  std::vector<evidence_item> evidence;

  /**
   * The catalog situation (one of builtin_situations()) that says this context
   * truthfully: "event/both-exhibiting/upcoming", "city/same-city",
   * "mutual/shared-contacts"… Event relation × timing maps to the nearest
   * built-in event situation (docs/discovery.md, "Situations").
   */
  std::string situation() const;
};

/** Base strengths and time factors. See docs/discovery.md for the reasoning. */
struct discovery_weights {
  // event, by relation
  double both_exhibiting = 1.00;
  double speaker_attendee = 0.90;
  double both_speaking = 0.90;
  double sponsor_exhibitor = 0.85;
  double organizer_participant = 0.80;
  double both_attending = 0.75;
  double other_event = 0.65;
  // event, by timing (multiplied)
  int advance_days = 56;            ///< upcoming within this many days: full strength
  double upcoming_far = 0.70;       ///< factor for an upcoming event a year or more away (linear in between)
  double happening_now = 0.95;
  int recent_days = 30;             ///< past up to this many days: recently_past
  double recently_past = 0.80;
  double long_past = 0.30;          ///< past, up to two years
  double very_long_past = 0.15;     ///< past, over two years
  // others
  double challenge = 0.60;
  double challenge_keyword_bonus = 0.10;  ///< a challenge keyword also shows in the recipient's headline or topics
  double mutual_connection = 0.45;
  double mutual_per_extra = 0.03;   ///< per further mutual connection
  double mutual_max = 0.60;
  double same_place = 0.50;
  double same_metro = 0.45;
  double ambiguous_place_factor = 0.60;
  double past_employer = 0.40;
  double current_colleague = 0.25;  ///< both at it now: they probably know each other
  double school = 0.35;
  double topic = 0.30;
};

/** Options for discovery. */
struct discovery_options {
  discovery_weights weights;
  double min_strength = 0.0;  ///< contexts weaker than this are left out
};

/**
 * A sender prepared for discovery against one directory: its location is
 * resolved, its names folded and its events, offers and connections looked up
 * once, for any number of recipients. Immutable; share it between threads.
 * Holds copies of what it needs (the directory is shared, not copied).
 *
 *     rapport::prepared_sender me(dir, my_profile);
 *     for (const auto &c : dir.contacts()) use(rapport::find_shared_contexts(me, c, now));
 */
class prepared_sender {
public:
  prepared_sender(const directory &dir, const contact &sender);

  const contact &sender() const noexcept;
  const directory &dir() const noexcept;

private:
  friend struct rapport::detail::directory_access;
  std::shared_ptr<const detail::prepared_sender_data> data_;
};

/**
 * Every context the prepared sender and `recipient` share, strongest first
 * (ties: kind order, then the context's key), each with evidence. An empty
 * list means nothing is shared. Errors: invalid_argument when sender and
 * recipient are the same contact.
 */
result<std::vector<shared_context>> find_shared_contexts(const prepared_sender &sender, const contact &recipient,
                                                         std::chrono::sys_seconds now,
                                                         const discovery_options &options = {});

/**
 * Every context sender and recipient share, strongest first (ties: kind order,
 * then the context's key), each with evidence. An empty list means nothing is
 * shared. Sender and recipient need not be in the directory, but events,
 * challenges and mutual connections are looked up there. For many recipients,
 * prepare the sender once (prepared_sender) instead.
 * Errors: invalid_argument when sender and recipient are the same contact.
 */
result<std::vector<shared_context>> find_shared_contexts(const directory &dir, const contact &sender,
                                                         const contact &recipient,
                                                         std::chrono::sys_seconds now,
                                                         const discovery_options &options = {});

} // namespace v1
} // namespace rapport
