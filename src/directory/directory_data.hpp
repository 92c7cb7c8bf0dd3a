// Private: what a built directory holds, shared by directory.cpp, discovery and ranking.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rapport/directory.hpp"
#include "rapport/discovery.hpp"

namespace rapport::detail {

/** Interned match key (german key) id. */
using key_id = std::uint32_t;
inline constexpr key_id no_key = std::numeric_limits<key_id>::max();

/** A contact's organization, folded for matching. */
struct org_ref {
  key_id key = no_key;
  bool current = false;
  std::uint32_t index = 0;  ///< position in contact::organizations
};

/**
 * What build() derives from one contact, in vectors: filled while building
 * (then packed into the directory's pools) and for contacts outside the directory.
 */
struct contact_info_storage {
  place_id place = no_place;
  place_id cluster = no_place;   ///< metro of the place, or the place itself
  bool place_ambiguous = false;
  std::vector<key_id> industries;        ///< own industry and current organizations' industries
  std::vector<std::int32_t> industry_fields; ///< parallel to industries: -1 = contact::industry, i = organizations[i].industry
  std::vector<org_ref> orgs;
  std::vector<std::pair<key_id, std::uint32_t>> schools;  ///< key, index in contact::schools
  std::vector<std::pair<key_id, std::uint32_t>> topics;   ///< key, index in contact::topics
  std::vector<std::uint32_t> neighbours;                  ///< contact indexes of connections (sorted, unique)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> events;  ///< (event index, index in contact::events), sorted
  /// Offers' known challenges: (challenge index, offer index, index in offer::challenge_ids), first offer per challenge.
  std::vector<std::array<std::uint32_t, 3>> challenges;
};

/**
 * The same as views. A built directory keeps every contact's lists in a few
 * contiguous pools, so walking contacts in order walks memory in order (one
 * heap block per list per contact made discovery wait on a cache miss for each).
 */
struct contact_info {
  place_id place = no_place;
  place_id cluster = no_place;
  bool place_ambiguous = false;
  std::span<const key_id> industries;
  std::span<const std::int32_t> industry_fields;
  std::span<const org_ref> orgs;
  std::span<const std::pair<key_id, std::uint32_t>> schools;
  std::span<const std::pair<key_id, std::uint32_t>> topics;
  std::span<const std::uint32_t> neighbours;
  std::span<const std::pair<std::uint32_t, std::uint32_t>> events;
  std::span<const std::array<std::uint32_t, 3>> challenges;
};

/** Views of `s` (which must outlive them). */
contact_info view(const contact_info_storage &s);

/** A participation in an event, by event index. */
struct participant {
  std::uint32_t contact = 0;
  event_role role = event_role::attendee;
};

struct directory_data {
  std::vector<contact> contacts;             // sorted by id
  std::vector<contact_info> info;            // parallel to contacts; views into the pools below
  struct {
    std::vector<key_id> industries;
    std::vector<std::int32_t> industry_fields;
    std::vector<org_ref> orgs;
    std::vector<std::pair<key_id, std::uint32_t>> schools, topics;
    std::vector<std::uint32_t> neighbours;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> events;
    std::vector<std::array<std::uint32_t, 3>> challenges;
  } pools;
  std::vector<event> events;                 // sorted by id
  std::vector<challenge> challenges;         // sorted by id
  std::vector<error> warnings;

  std::unordered_map<std::string_view, std::uint32_t> contact_by_id, event_by_id, challenge_by_id;
  std::unordered_map<std::string, key_id> keys;  // interned german match keys

  // Inverted indexes; every posting list is sorted by contact index.
  std::vector<std::vector<participant>> participants;                 // per event
  std::unordered_map<place_id, std::vector<place_id>> cluster_places; // cluster -> places in it
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_place;  // (place << 1 | ambiguous)
  std::unordered_map<key_id, std::vector<std::uint32_t>> by_industry;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_org;    // (key << 1 | current)
  std::unordered_map<key_id, std::vector<std::uint32_t>> by_school;
  std::unordered_map<key_id, std::vector<std::uint32_t>> by_topic;
  std::vector<std::vector<key_id>> challenge_industries;     // per challenge
  std::vector<std::vector<std::uint32_t>> challenge_keyword_hits; // per challenge: contacts whose headline/topics show a keyword
  std::vector<std::vector<std::string>> challenge_keywords;  // per challenge: folded keywords

  key_id find_key(std::string_view german_key) const {
    auto it = keys.find(std::string(german_key));
    return it == keys.end() ? no_key : it->second;
  }
};

struct prepared_sender_data;

/** What the importers use of a directory_builder beyond its public interface. */
struct builder_access {
  /**
   * add_contact for a contact whose every field the caller has checked to be
   * UTF-8 (the CSV importer checks each field of a row): the id is still
   * checked for being present and unique.
   */
  static result<void> add_checked_contact(directory_builder &b, contact &&c);
  /** The same with `tag` = id_tag(c.id), computed where the id was made (a worker thread). */
  static result<void> add_checked_contact(directory_builder &b, contact &&c, std::uint32_t tag);
  /** The hash the builder files a contact id under. */
  static std::uint32_t id_tag(std::string_view id) noexcept;
};

struct directory_access {
  static const directory_data &data(const directory &d) { return *d.data_; }
  static const prepared_sender_data &data(const prepared_sender &s) { return *s.data_; }
};

/** A sender prepared for many recipients: its derived info computed once. */
struct prepared_sender_data {
  directory dir;
  contact sender;
  contact_info_storage storage;  ///< used when the sender is not a record of `dir`
  contact_info info;
  bool in_directory = false;
  std::uint32_t index = 0;
};

/** The german match key of `s`, or "" for invalid UTF-8 (validated earlier). */
std::string german_key(std::string_view s);

/** The key two spellings of one employer share ("SAP SE" = "sap"), or "". */
std::string org_key(std::string_view s);

/** Folded key (for keyword search in headlines). */
std::string folded_key(std::string_view s);

/** True when `keyword` (folded) occurs in `text` (folded) on word boundaries. */
bool contains_words(std::string_view text, std::string_view keyword);

/**
 * The derived info of a contact: the directory's own when `c` is one of its
 * records, otherwise computed into `storage` (place resolved, keys looked up).
 */
contact_info info_for(const directory_data &d, const contact &c, contact_info_storage &storage);

/** Fills `info.events` and `info.challenges` from the contact's participations and offers. */
void link_events_and_challenges(const directory_data &d, const contact &c, contact_info_storage &info);

/** Whether `c` is a record of `d` (same object), and its index. */
bool index_of(const directory_data &d, const contact &c, std::uint32_t &index);

/** Display name of a contact for notes: preferred or given name plus family name. */
std::string display_name(const contact &c);

} // namespace rapport::detail
