// Private: what a message_template holds, and how the library builds one.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "icu/format_cache.hpp"
#include "rapport/template.hpp"
#include "templates/ast.hpp"

namespace rapport {
inline namespace v1 {

struct message_template::impl {
  std::shared_ptr<const detail::tpl::ast> ast;
  std::shared_ptr<const detail::icu::locale_formats> formats;
  std::vector<detail::icu::bound_formatter> formatters;  ///< parallel to ast->formatters
};

} // namespace v1
} // namespace rapport

namespace rapport::detail::tpl {

/** Builds a message_template from its parts (message_template's constructor is private). */
struct template_access {
  static message_template make(std::shared_ptr<const message_template::impl> p) { return message_template(std::move(p)); }
  static const message_template::impl &get(const message_template &t) { return *t.impl_; }
};

/**
 * True when argument `arg` (a vocabulary index) occurs in `t` only as a plain
 * {name}: no select, plural, number or date reads it, so a render copies its
 * text verbatim wherever it shows, and nothing else in the output depends on it
 * but whether it is present. compose splices recipients' names into a text
 * rendered once on that ground (see render_watching).
 */
bool verbatim_only(const message_template &t, int arg) noexcept;

/**
 * t.render(args, options), and in `at` the byte offsets of the text where
 * the value of argument `arg` was copied in, in order (cleared first).
 */
result<rendered_text> render_watching(const message_template &t, const template_args &args,
                                      const render_options &options, int arg, std::vector<std::size_t> &at);

/**
 * a.set(name of `id`, value) for a value known to be valid UTF-8 (from the
 * validated directory, a string literal, ICU's output), without checking it
 * again or looking the name up. Same outcome as set() otherwise.
 */
void set_valid_text(template_args &a, int id, std::string_view value);
/** a.set(name of `id`, value), without looking the name up. */
void set_number(template_args &a, int id, std::int64_t value);
/** a.set(name of `id`, value), without looking the name up. */
void set_date(template_args &a, int id, date_value value);

/**
 * a = base, for a request reset from the same, unchanging `base` note after
 * note: the values of base's that `a` still holds (not stored into since the
 * last reset_to() from base, by set() or its fast variants above) are not
 * copied again. `base` must not change between the calls.
 */
void reset_to(template_args &a, const template_args &base);

/** Binds a parsed pattern to the formatters of `locale`. Errors: invalid_argument (locale), parse_error (skeleton). */
result<message_template> bind(std::shared_ptr<const ast> a, std::string_view locale);

} // namespace rapport::detail::tpl
