// Private: the compiled form of a MessageFormat pattern, and the argument
// vocabulary. Parsed once (parser.cpp), rendered many times (render.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/result.hpp"
#include "rapport/template.hpp"

namespace rapport::detail::tpl {

/** Index of `name` in argument_vocabulary(), or -1. */
int find_argument(std::string_view name) noexcept;

enum class node_kind : std::uint8_t {
  text,      ///< literal text (quotes already resolved)
  simple,    ///< {name}
  number,    ///< {name, number[, style]}
  date,      ///< {name, date[, style]}
  time,      ///< {name, time[, style]}
  select,    ///< {name, select, k {…} …}
  plural,    ///< {name, plural, …}
  ordinal,   ///< {name, selectordinal, …}
  pound,     ///< '#' inside a plural sub-message
  optional,  ///< {opt_x, select, show {…} other {…}}
};

/** Number and date styles. For skeletons, `node::style_text` holds the skeleton. */
enum class style : std::uint8_t { none, integer, percent, skeleton, short_, medium, long_, full };

/** CLDR plural categories, in ICU's keyword spelling. */
enum class plural_category : std::uint8_t { zero, one, two, few, many, other };
constexpr int plural_category_count = 6;
/** Category for an ICU keyword ("one"…), or -1. */
int plural_category_of(std::string_view keyword) noexcept;

struct node;
using message = std::vector<node>;

struct branch {
  std::string key;             ///< select keyword, plural keyword, or "=N"
  bool exact = false;          ///< plural "=N"
  double exact_value = 0;
  message body;
};

struct node {
  node_kind kind = node_kind::text;
  std::string text;            ///< literal (text), clause name (optional), style text (skeleton)
  int arg = -1;                ///< vocabulary index
  style st = style::none;
  double plural_offset = 0;
  std::vector<branch> branches;
  /// plural/ordinal: index into branches for each category, -1 when absent; other always set.
  std::array<std::int8_t, plural_category_count> by_category{{-1, -1, -1, -1, -1, -1}};
  int other_branch = -1;       ///< select/plural/ordinal/optional: index of "other"
  int show_branch = -1;        ///< optional: index of "show"
  int clause = -1;             ///< optional: clause index in ast::clauses
  int formatter = -1;          ///< number/date/time/simple date: index into the bound formatter list
  std::uint64_t show_mask = 0; ///< optional: arguments the "show" body needs
  std::size_t offset = 0;      ///< byte offset in the pattern
};

/** A parsed pattern, independent of any locale. */
struct ast {
  std::string pattern;
  message root;
  std::uint64_t used_mask = 0;      ///< every argument used
  std::uint64_t required_mask = 0;  ///< used outside optional "show" bodies (minus absent_is_other)
  std::vector<std::string> clauses; ///< optional clause names
  /// Formatters the template needs, in node order (node::formatter indexes here).
  struct formatter_need {
    node_kind kind;  ///< number, date, time, or simple (a date value in {name})
    style st;
    std::string skeleton;
  };
  std::vector<formatter_need> formatters;
};

/** Parses `pattern`. On error: parse_error / invalid_argument with the byte offset. */
result<std::shared_ptr<ast>> parse(std::string_view pattern);

} // namespace rapport::detail::tpl
