// rapport — ranking a network: who should get my next personal notes?
//
// rank_recipients() returns the top-k contacts of a directory by their best
// shared context with the sender. It answers "who should get my five notes
// this month?" (no filter) and "whom do I know at Web Summit?" (an event
// filter). It walks the directory's inverted indexes from the strongest
// possible context down and stops as soon as the top k are certain, so a
// selective query touches only candidates, not the whole network.
//
// The result equals a full scan that runs find_shared_contexts() on every
// contact and keeps the best k (ties broken by contact id).
//
//     rapport::rank_filter at_summit;
//     at_summit.event_id = "web-summit-2026";
//     auto top = rapport::rank_recipients(dir, me, now, 20, at_summit);
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "rapport/contact.hpp"
#include "rapport/directory.hpp"
#include "rapport/discovery.hpp"
#include "rapport/result.hpp"

namespace rapport {
inline namespace v1 {

/** Which contacts may be ranked. Every condition given must hold. */
struct rank_filter {
  std::vector<context_kind> kinds;   ///< only contexts of these kinds count; empty = all kinds
  std::string event_id;              ///< only contacts taking part in this event ("whom do I know at Web Summit?")
  double min_strength = 0.0;         ///< only contacts whose best context is at least this strong
  std::function<bool(const contact &)> predicate; ///< any other condition; called from the calling thread
};

/** One ranked contact. */
struct ranked_contact {
  const contact *recipient = nullptr; ///< points into the directory
  shared_context best;                ///< its strongest context with the sender
};

/**
 * The top `k` contacts of `dir` by their best shared context with `sender`,
 * strongest first, ties by contact id. The sender itself (same id) is never
 * ranked. Errors: not_found when the filter names an unknown event.
 */
result<std::vector<ranked_contact>> rank_recipients(const directory &dir, const contact &sender,
                                                    std::chrono::sys_seconds now, std::size_t k,
                                                    const rank_filter &filter = {},
                                                    const discovery_options &options = {});

/** The same, for a sender prepared once (cheaper when ranking repeatedly). */
result<std::vector<ranked_contact>> rank_recipients(const prepared_sender &sender, std::chrono::sys_seconds now,
                                                    std::size_t k, const rank_filter &filter = {},
                                                    const discovery_options &options = {});

} // namespace v1
} // namespace rapport
