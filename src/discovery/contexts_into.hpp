// find_shared_contexts() into a caller's vector, for compose's batch workers.
#pragma once

#include <chrono>
#include <string_view>
#include <vector>

#include "rapport/discovery.hpp"
#include "rapport/result.hpp"

namespace rapport::detail {

/**
 * find_shared_contexts(sender, recipient, now, options), written into `out`:
 * the same contexts in the same order. The contexts `out` holds on entry are
 * reused for the event contexts (their strings and evidence keep their
 * capacity), so a worker that passes the same vector note after note does not
 * allocate them again. On error, `out` is left in a valid but unspecified state.
 */
result<void> find_shared_contexts_into(const prepared_sender &sender, const contact &recipient,
                                       std::chrono::sys_seconds now, const discovery_options &options,
                                       std::vector<shared_context> &out);

/** c.situation() without a string to build: a view of a static literal. */
std::string_view situation_name(const shared_context &c) noexcept;

} // namespace rapport::detail
