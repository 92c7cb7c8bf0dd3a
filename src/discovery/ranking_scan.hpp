// Private: the reference ranking by full scan, for tests and benchmarks. It
// runs find_shared_contexts() on every contact; rank_recipients() must return
// exactly the same list.
#pragma once

#include "rapport/ranking.hpp"

namespace rapport::detail {

result<std::vector<ranked_contact>> rank_recipients_full_scan(const directory &dir, const contact &sender,
                                                              std::chrono::sys_seconds now, std::size_t k,
                                                              const rank_filter &filter,
                                                              const discovery_options &options);

} // namespace rapport::detail
