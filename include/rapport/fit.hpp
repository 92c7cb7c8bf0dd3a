// rapport — fitting a note to a platform's limit.
//
// A note that is too long is shortened in a fixed order, and every step is
// reported:
//   1. a shorter variant (the "short" slot instead of "standard");
//   2. optional clauses dropped, least useful first (date, city, headline…);
//   3. shorter name forms (the given name alone instead of "Dr. Anna Schmidt");
//   4. a cut at a word boundary that never splits a grapheme cluster
//      (text.hpp truncate(), in the platform's unit, with an ellipsis).
// The result never exceeds the limit in its unit.
//
//     rapport::fit_request r;
//     r.variants = {*standard, *short_one};
//     r.args = args; r.unit = rapport::length_unit::utf16; r.limit = 200;
//     auto f = rapport::fit(r);  // f->text fits; f->steps says how
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "rapport/result.hpp"
#include "rapport/template.hpp"
#include "rapport/text.hpp"

namespace rapport {
inline namespace v1 {

/** What the fitter did. */
enum class fit_action { shorter_variant, drop_clause, shorter_name, truncate };

/** "shorter_variant", "drop_clause", "shorter_name", "truncate". */
const char *to_string(fit_action action) noexcept;

/** One step of fitting. */
struct fit_step {
  fit_action action = fit_action::truncate;
  std::string detail;        ///< the variant's name, the clause, the argument, or "at N"
  std::size_t length = 0;    ///< the note's length after this step, in the unit
};

/** What to fit. */
struct fit_request {
  std::vector<message_template> variants;  ///< preferred first (standard), then shorter ones (short)
  std::vector<std::string> variant_names;  ///< for the steps (slot ids); may be empty
  template_args args;
  std::vector<std::string> drop;           ///< clauses left out from the start (not a fitting step)
  std::vector<std::string> drop_order;     ///< clauses the fitter may drop, first dropped first
  std::vector<std::pair<std::string, std::string>> shorter_names; ///< argument → shorter value, in order
  length_unit unit = length_unit::graphemes;
  std::size_t limit = static_cast<std::size_t>(-1);
  std::string ellipsis = "\u2026";
};

/** A fitted text. */
struct fitted {
  std::string text;
  std::size_t length = 0;               ///< in the request's unit, <= limit
  std::size_t variant = 0;              ///< index in fit_request::variants
  std::vector<std::string> dropped;     ///< every clause not rendered
  std::vector<fit_step> steps;
};

/**
 * Renders the first variant and applies the fitting steps in order until the
 * text fits. Errors: invalid_argument (no variant, or a variant cannot render
 * with `args`), invalid_utf8 (a value), internal.
 */
result<fitted> fit(const fit_request &request);

} // namespace v1
} // namespace rapport
