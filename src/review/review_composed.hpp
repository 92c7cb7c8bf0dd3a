// review() for notes compose() wrote: internal, used by compose only.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "rapport/review.hpp"

namespace rapport::detail {

/**
 * The findings of review() for a draft that compose() rendered: the same
 * checks, without the steps whose outcome is known for a composed note (the
 * UTF-8 check of the draft, the platform limit lookup: `limit` is the one
 * compose used for options.field and options.tier; `length`, when given, is
 * length(draft, platform.unit), as fit() measured it). Errors: limit_exceeded
 * above max_text_size; discovery's errors when contexts are discovered.
 */
result<std::vector<v1::finding>> review_composed(std::string_view draft, const v1::contact &recipient,
                                                 const v1::platform_profile &platform,
                                                 const v1::review_options &options, std::size_t limit,
                                                 std::optional<std::size_t> length);

} // namespace rapport::detail
