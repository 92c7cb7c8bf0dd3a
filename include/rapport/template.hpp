// rapport — message templates: compile once, render many times.
//
// A template is an ICU MessageFormat (v1) pattern with *named* arguments from
// a closed vocabulary (argument_vocabulary(): recipient_given_name,
// sender_org, event_date…). Supported: plain {name}, select, plural (with
// offset and =N), selectordinal, number (none, integer, percent, ::skeleton),
// date and time (short, medium, long, full, ::skeleton). choice and
// spellout/ordinal/duration are rejected. Unknown argument names are rejected
// at compile time.
//
// Optional clauses are selects on an `opt_<clause>` argument, which stay valid
// MessageFormat for translators:
//
//     "Hi {recipient_given_name}, I'm {sender_given_name}{opt_org, select, show { from {sender_org}} other {}}."
//
// The caller never passes `opt_*`: a clause is rendered ("show") unless the
// caller drops it, or one of the arguments it uses is missing (then it is
// dropped and reported). Arguments used outside every optional clause are
// required: rendering without one is an error, never "Hi ,".
//
// Rendering is data-safe (values are never parsed as syntax), allocation-light
// and thread-safe: a compiled template is immutable, ICU formatters are cached
// per locale and used per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/result.hpp"

namespace rapport {
namespace detail::tpl {
struct template_access;
}
inline namespace v1 {

/** What kind of value an argument takes. */
enum class argument_type {
  text,     ///< a display string (a name, an organization…), rendered literally
  keyword,  ///< a select keyword, e.g. recipient_gender: feminine, masculine, other
  number,   ///< an integer or a decimal number, for plural and number
  date,     ///< an instant plus the IANA time zone of the event, for date and time
};

/** One argument name of the vocabulary. */
struct argument_info {
  std::string_view name;         ///< e.g. "recipient_given_name"
  argument_type type;            ///< the kind of value it takes
  bool absent_is_other;          ///< a select on it takes "other" when it is not given
  std::string_view description;  ///< one line, English
};

/**
 * Every argument name a template may use, in a stable order.
 *
 *     for (const auto &a : rapport::argument_vocabulary()) std::cout << a.name << '\n';
 */
std::span<const argument_info> argument_vocabulary() noexcept;

/** An instant (milliseconds since the Unix epoch, UTC) and the IANA zone to show it in. */
struct date_value {
  std::int64_t unix_ms = 0;
  std::string time_zone = "UTC";  ///< the event's zone, e.g. "Europe/Berlin"
};

/**
 * Named argument values for rendering. Names must come from the vocabulary;
 * setting an unknown name is remembered and reported by render() as
 * errc::invalid_argument. Values are copied; text is never parsed as syntax.
 *
 *     rapport::template_args a;
 *     a.set("recipient_given_name", "Anna").set("mutual_count", 3);
 */
class template_args {
public:
  template_args();
  ~template_args();
  template_args(const template_args &);
  template_args(template_args &&) noexcept;
  template_args &operator=(const template_args &);
  template_args &operator=(template_args &&) noexcept;

  /** Sets a text or keyword argument. */
  template_args &set(std::string_view name, std::string_view value);
  template_args &set(std::string_view name, const char *value) { return set(name, std::string_view(value)); }
  /** Sets a number argument. */
  template_args &set(std::string_view name, std::int64_t value);
  template_args &set(std::string_view name, int value) { return set(name, static_cast<std::int64_t>(value)); }
  template_args &set(std::string_view name, double value);
  /** Sets a date argument. */
  template_args &set(std::string_view name, date_value value);
  /** Removes an argument (no-op when it was not set). */
  template_args &erase(std::string_view name);
  /** True when `name` has a value. */
  bool has(std::string_view name) const noexcept;
  /** Names of the arguments that have a value, in vocabulary order. */
  std::vector<std::string> names() const;

  struct impl;
  /** The storage, for the renderer (a moved-from object reads as empty). */
  const impl &internal() const noexcept;

private:
  std::unique_ptr<impl> impl_;
};

/** What render() may leave out. */
struct render_options {
  /// Optional clauses to drop, by clause name without "opt_" (e.g. "purpose").
  std::vector<std::string> drop;
};

/** A rendered note and what was left out of it. */
struct rendered_text {
  std::string text;
  std::vector<std::string> dropped;  ///< optional clauses not rendered (asked or missing values)
};

/**
 * A compiled template: immutable, cheap to copy (shared), safe to render from
 * any number of threads.
 *
 *     auto t = rapport::message_template::compile("Hi {recipient_given_name}!", "en");
 *     auto s = t->render(rapport::template_args{}.set("recipient_given_name", "Anna"));  // "Hi Anna!"
 */
class message_template {
public:
  /**
   * Parses `pattern` for `locale` (a BCP 47 tag: plural rules, number and
   * date formats). Errors: invalid_utf8, parse_error (error::offset is the
   * byte offset in the pattern), invalid_argument (unknown argument name, or
   * a name used with the wrong type, e.g. {event_date, number}).
   */
  static result<message_template> compile(std::string_view pattern, std::string_view locale);

  /**
   * The text for `args`. Errors: invalid_argument (a required argument is
   * missing, an unknown name was set, a value of the wrong type),
   * invalid_utf8 (a text value), internal (ICU failed).
   */
  result<std::string> render(const template_args &args) const;

  /** As render(args), dropping the optional clauses listed in `options`. */
  result<rendered_text> render(const template_args &args, const render_options &options) const;

  /** The same template formatting dates and numbers for another locale (same language). */
  result<message_template> with_locale(std::string_view locale) const;

  /** The source pattern. */
  const std::string &pattern() const noexcept;
  /** The locale numbers, plurals and dates are formatted for. */
  const std::string &locale() const noexcept;
  /** Every argument the template uses, in vocabulary order. */
  std::vector<std::string> arguments() const;
  /** Arguments used outside every optional clause (keyword args absent_is_other excluded). */
  std::vector<std::string> required_arguments() const;
  /** Names of the optional clauses ("purpose" for opt_purpose), in order of appearance. */
  std::vector<std::string> optional_clauses() const;
  /** Required arguments that `args` does not give. Empty when the template can render. */
  std::vector<std::string> missing_arguments(const template_args &args) const;

  struct impl;

private:
  friend struct detail::tpl::template_access;
  explicit message_template(std::shared_ptr<const impl> p) : impl_(std::move(p)) {}
  std::shared_ptr<const impl> impl_;
};

/**
 * Parses `pattern` without compiling it for a locale, only to check it.
 * Same errors as message_template::compile. Used by the fuzz target.
 */
result<std::vector<std::string>> check_template_syntax(std::string_view pattern);

} // namespace v1
} // namespace rapport
