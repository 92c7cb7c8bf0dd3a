// Private: ICU formatters the template renderer needs, cached per locale.
//
// * Plural categories: ICU PluralRules, precomputed for the integers 0..999
//   (an immutable table, so the common case needs no ICU call at all), and a
//   per-thread PluralRules for every other number.
// * Numbers: icu::number::LocalizedNumberFormatter, which ICU documents as
//   immutable and thread-safe; shared.
// * Dates: the pattern for a locale + style/skeleton is resolved once (the
//   DateTimePatternGenerator, ~0.6 ms to build, is made once per locale and
//   used under a mutex only at template compile time); the SimpleDateFormat
//   that formats (not thread-safe: it mutates its Calendar) is per thread,
//   keyed by locale + pattern + time zone.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include "rapport/result.hpp"
#include "templates/ast.hpp"

namespace rapport::detail::icu {

/** A number argument: an exact integer or a double. */
struct number_value {
  bool is_int = true;
  std::int64_t i = 0;
  double d = 0;
  double as_double() const noexcept { return is_int ? static_cast<double>(i) : d; }
};

/** A formatter bound to a template node for one locale. */
struct bound_formatter {
  tpl::node_kind kind = tpl::node_kind::number;
  std::shared_ptr<const ::icu::number::LocalizedNumberFormatter> number;  ///< number nodes
  std::string date_key;          ///< locale + '\n' + pattern + '\n' (dates); the zone is appended
  ::icu::UnicodeString date_pattern;
};

/** Immutable per-locale data, shared by every template compiled for the locale. */
class locale_formats {
public:
  /** The data for a BCP 47 tag (built once per process, then shared). Errors: invalid_argument. */
  static result<std::shared_ptr<const locale_formats>> get(std::string_view tag);

  const std::string &tag() const noexcept { return tag_; }
  const ::icu::Locale &locale() const noexcept { return locale_; }

  /** Plural category (tpl::plural_category) of `n` for plural (cardinal) or selectordinal. */
  int category(const number_value &n, bool ordinal) const;

  /** Appends `n` formatted as MessageFormat's default number format ({n}, #). */
  void format_default(const number_value &n, std::string &out) const;
  /** Appends `n` formatted by `f`. */
  static void format_with(const ::icu::number::LocalizedNumberFormatter &f, const number_value &n, std::string &out);

  /** Resolves the formatter a template node needs. Errors: parse_error (bad skeleton). */
  result<bound_formatter> bind(const tpl::ast::formatter_need &need) const;

  /** Appends the date `unix_ms` shown in `zone` with `f` (per-thread formatter). Errors: invalid_argument (zone). */
  result<bool> format_date(const bound_formatter &f, std::int64_t unix_ms, std::string_view zone, std::string &out) const;

  struct impl;
  explicit locale_formats(std::unique_ptr<impl> p);
  ~locale_formats();

private:
  std::string tag_;
  ::icu::Locale locale_;
  std::array<std::uint8_t, 1000> cardinal_{};
  std::array<std::uint8_t, 1000> ordinal_{};
  bool ascii_digits_ = false;
  std::unique_ptr<impl> impl_;
};

} // namespace rapport::detail::icu
