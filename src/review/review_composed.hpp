// review() for notes compose() wrote: internal, used by compose only.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "rapport/review.hpp"

namespace rapport::detail {

struct composed_review_memo_data;

/**
 * Per-worker state of review_composed(): the folded views of the template
 * text around the greeting name (one entry per distinct text before and after
 * it), so that a note is folded by joining them with the name folded alone.
 * Not thread-safe: one per worker thread. Bounded (cleared when it grows).
 */
class composed_review_memo {
public:
  composed_review_memo();
  ~composed_review_memo();
  composed_review_memo(composed_review_memo &&) noexcept;
  composed_review_memo &operator=(composed_review_memo &&) noexcept;
  composed_review_memo_data &data() { return *data_; }

private:
  std::unique_ptr<composed_review_memo_data> data_;
};

/**
 * The findings of review() for a draft that compose() rendered: the same
 * checks, without the steps whose outcome is known for a composed note (the
 * UTF-8 check of the draft, the platform limit lookup: `limit` is the one
 * compose used for options.field and options.tier; `length`, when given, is
 * length(draft, platform.unit), as fit() measured it). `greeting` is the
 * recipient's name as the note greets them (any text: it is only used to
 * split the draft; empty: no split). When it lies between separators, the
 * draft is folded from the memo's folds of the text around it and of the name
 * (exactly the folded view of the whole draft), and the word-level checks
 * that the text around the name decides, for a name none of whose words they
 * look for, come from the memo (see review.cpp, piece_facts). Errors:
 * limit_exceeded above max_text_size; discovery's errors when contexts are
 * discovered.
 */
result<std::vector<v1::finding>> review_composed(std::string_view draft, const v1::contact &recipient,
                                                 const v1::platform_profile &platform,
                                                 const v1::review_options &options, std::size_t limit,
                                                 std::optional<std::size_t> length, std::string_view greeting,
                                                 composed_review_memo &memo);

} // namespace rapport::detail
