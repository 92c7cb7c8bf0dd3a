// rapport — the directory: an immutable, indexed set of contacts, events and
// challenges.
//
// A directory_builder takes records one at a time and checks each as it comes
// (well-formed UTF-8 in every field, a non-empty id that is unique among its
// kind), so a bad record is reported and the others are kept. build() resolves
// locations to places, folds names into match keys and builds the inverted
// indexes (event → participants, city → contacts, industry → contacts…) that
// discovery and ranking use. References it cannot honour (a participation in
// an unknown event, an offer for an unknown challenge) are dropped and reported
// in warnings(): nothing is dropped silently.
//
// A built directory never changes; any number of threads may read it at once.
// Copies are cheap (shared ownership).
//
//     rapport::directory_builder b;
//     if (auto r = b.add_contact(anna); !r) report(r.error());
//     auto dir = b.build();
//     const rapport::contact *c = dir->find_contact("linkedin:anna-schmidt");
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "rapport/challenge.hpp"
#include "rapport/contact.hpp"
#include "rapport/event.hpp"
#include "rapport/result.hpp"

namespace rapport::detail {
struct directory_data;
struct directory_access;
struct builder_access;
} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

/** An immutable set of contacts, events and challenges, indexed for discovery. */
class directory {
public:
  /** An empty directory. */
  directory();

  /** Contacts in the order of their ids (byte order): the stable order used to break ties. */
  const std::vector<contact> &contacts() const noexcept;
  const std::vector<event> &events() const noexcept;
  const std::vector<challenge> &challenges() const noexcept;

  /** The record with `id`, or nullptr. Pointers stay valid as long as any copy of the directory lives. */
  const contact *find_contact(std::string_view id) const noexcept;
  const event *find_event(std::string_view id) const noexcept;
  const challenge *find_challenge(std::string_view id) const noexcept;

  /** What build() dropped or could not resolve, one entry per problem. */
  const std::vector<error> &warnings() const noexcept;

  /** Approximate heap bytes held by the directory (records and indexes). */
  std::size_t memory_bytes() const noexcept;

private:
  friend struct rapport::detail::directory_access;
  friend class directory_builder;
  explicit directory(std::shared_ptr<const detail::directory_data> data);
  std::shared_ptr<const detail::directory_data> data_;
};

/** Collects records, then builds a directory. Not thread-safe; use one per thread. */
class directory_builder {
public:
  directory_builder();
  ~directory_builder();
  directory_builder(directory_builder &&) noexcept;
  directory_builder &operator=(directory_builder &&) noexcept;

  /**
   * Adds a contact. Errors: invalid_argument (empty or duplicate id),
   * invalid_utf8 (the message names the field, e.g. "organizations[1].name").
   * A rejected contact is not added; the builder stays usable.
   */
  result<void> add_contact(contact c);

  /** Adds an event. Errors as add_contact, plus invalid_argument for an unknown time zone or inverted dates. */
  result<void> add_event(event e);

  /** Adds a challenge. Errors as add_contact. */
  result<void> add_challenge(challenge c);

  /** Number of contacts added so far. */
  std::size_t contact_count() const noexcept;

  /**
   * Builds the directory and empties the builder. Resolves each location that
   * has no place yet. Errors: none today (problems become warnings); the
   * result type leaves room for limits.
   */
  result<directory> build();

private:
  friend struct rapport::detail::builder_access;
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace v1
} // namespace rapport
