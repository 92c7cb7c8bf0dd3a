// rapport — contacts: the people a sender may write to, and the sender.
//
// A contact is plain data: who the person is (name parts, headline, current
// and past organizations, industry, location, languages), what they take part
// in (events with a role, schools, topics) and whom they know (1st-degree
// connections, by contact id). The sender is a contact too, with what they
// offer (each offer addressing zero or more industry challenges) and why they
// reach out (the purpose).
//
// Contacts go into a directory (directory.hpp), which validates them, resolves
// their locations to places and indexes them for discovery.
//
//     rapport::contact anna;
//     anna.id = "linkedin:anna-schmidt";
//     anna.name.given = "Anna"; anna.name.family = "Schmidt";
//     anna.location = "Greater Munich Metropolitan Area";
//     anna.events.push_back({"bauma-2025", rapport::event_role::exhibitor});
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "rapport/formality.hpp"
#include "rapport/person_name.hpp"
#include "rapport/place.hpp"

namespace rapport {
inline namespace v1 {

/** A person's part in an event. */
enum class event_role { attendee, exhibitor, speaker, sponsor, organizer };

/** "attendee", "exhibitor", "speaker", "sponsor", "organizer". */
const char *to_string(event_role role) noexcept;

/** Work at an organization, current or past. */
struct organization {
  std::string name;           ///< as written: "SAP SE", "Siemens AG"
  std::string title;          ///< position held there
  std::string industry;       ///< the organization's industry, when known
  bool current = true;
  std::optional<int> start_year;
  std::optional<int> end_year;
  /**
   * The name a note says, without the legal form: "SAP" for "SAP SE"
   * (company_display_name). Set by the importers; empty = not derived yet
   * (compose derives it from `name`).
   */
  std::string display{};  // (braces: aggregate initializers that stop at end_year stay warning-free)
  /**
   * The key two spellings of one employer share (company_key): "sap". Set by
   * the importers; empty = the directory derives it from `name`. A key that is
   * not company_key(name) makes the directory match on it anyway.
   */
  std::string key{};
};

/** Taking part in an event (by event id) in a role. */
struct event_participation {
  std::string event_id;
  event_role role = event_role::attendee;
};

/** Something the sender can help with; it addresses zero or more challenges (by id). */
struct offer {
  std::string id;
  std::string summary;                     ///< "cutting energy use in cold storage"
  std::vector<std::string> challenge_ids;
};

/** A person: a recipient, or the sender. */
struct contact {
  std::string id;                          ///< stable and unique within a directory
  person_name name;
  std::string headline;                    ///< position or LinkedIn headline
  std::vector<organization> organizations; ///< current and past
  std::string industry;                    ///< the person's own industry
  std::string location;                    ///< as written: "Greater Munich Metropolitan Area"
  place_id place = no_place;               ///< resolved from `location` by the importers or the directory unless set
  /// With `place`: several places fitted `location` and the larger was taken (resolve_place's `ambiguous`).
  bool place_ambiguous = false;
  std::vector<std::string> languages;      ///< BCP 47 tags the person reads, best first
  std::string locale;                      ///< preferred locale for notes ("de-AT"); "" = first language or "en"
  std::optional<formality> formality_preference; ///< how they prefer to be addressed; nullopt = unknown
  grammatical_gender gender = grammatical_gender::unknown;
  /**
   * The day the sender and this person connected (LinkedIn's "Connected On"),
   * when the source says; nullopt when unknown. A recent connection is a
   * warmer opening than one from ten years ago.
   */
  std::optional<std::chrono::year_month_day> connected_on;

  std::vector<event_participation> events;
  std::vector<std::string> schools;
  std::vector<std::string> topics;
  std::vector<std::string> connections;    ///< ids of 1st-degree connections

  // The sender's side:
  std::vector<offer> offers;               ///< what I can help with
  std::string purpose;                     ///< why I reach out, in a few words
};

} // namespace v1
} // namespace rapport
