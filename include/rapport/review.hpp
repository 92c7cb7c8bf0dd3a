// rapport — reviewing a note before it is sent.
//
// review() reads a draft — hand-written or composed — the way a careful
// recipient would, and reports the blunders people make: the wrong name, a
// leaked "{first_name}", "Hi ,", an ALL-CAPS name, the platform's default
// invitation text, no reason to connect, no word about who is writing, text
// over the platform's limit, invisible characters, mojibake, doubled spaces.
//
// Each finding has a stable code (the API: match on it), a severity, the byte
// span of the draft it is about and an English message. compose() runs review
// on every note it writes, and its notes have no findings.
//
//     auto found = rapport::review(draft, recipient, *rapport::find_platform("linkedin-connection-note"));
//     for (const auto &f : *found) std::cout << rapport::to_string(f.code) << ": " << f.message << '\n';
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/contact.hpp"
#include "rapport/directory.hpp"
#include "rapport/discovery.hpp"
#include "rapport/platform.hpp"
#include "rapport/result.hpp"

namespace rapport {
inline namespace v1 {

/**
 * What is wrong. The codes are the API; they never change meaning, and new
 * ones are appended. What triggers each one, its severity and its known false
 * negatives: docs/review.md.
 */
enum class finding_code {
  over_limit,            ///< longer than the platform allows, in its unit (error; span: the part past the limit)
  placeholder_left,      ///< {{first_name}}, {first_name}, [Name], %FIRSTNAME%, <name>, #firstName#, _FN_ (error)
  empty_greeting,        ///< "Hi ,", "Hello !", "Dear,": a greeting whose name is missing (error)
  wrong_name,            ///< the greeting names someone other than the recipient, or the sender (error)
  all_caps_name,         ///< the recipient's name written in capitals ("Hi ANNA") (warning)
  generic_boilerplate,   ///< the platform's default invitation text, en/de/fr/es (warning)
  no_reason,             ///< no shared context is mentioned (warning, whole draft)
  no_self_introduction,  ///< the sender never says who they are (warning, whole draft; needs a sender)
  invisible_characters,  ///< bidi controls, zero-width or control characters, one finding per run (warning)
  mojibake,              ///< UTF-8 read as Windows-1252 ("Ã©" for "é"); suggestion = the repair (error)
  repeated_whitespace,   ///< doubled spaces, tabs, two or more blank lines in a row (info)
};

/** The stable code string: "over_limit", "placeholder_left", … */
const char *to_string(finding_code code) noexcept;

/** How bad it is. */
enum class severity {
  error,    ///< do not send as is: the recipient will notice (wrong name, leftover placeholder, over limit)
  warning,  ///< likely to be ignored (boilerplate, no reason, no introduction)
  info,     ///< cosmetic (doubled spaces)
};

/** "error", "warning", "info". */
const char *to_string(severity level) noexcept;

/** One problem in a draft. */
struct finding {
  finding_code code = finding_code::no_reason;
  severity level = severity::warning;
  std::size_t begin = 0;   ///< byte span [begin, end) in the draft; both 0 for the draft as a whole
  std::size_t end = 0;
  std::string message;     ///< English, one sentence
  std::string suggestion;  ///< a replacement for the span when there is an obvious one ("Anna", the repaired text); may be empty
};

/** What review knows besides the draft. Everything is optional; pointers are borrowed for the call. */
struct review_options {
  std::string tier;                    ///< platform tier ("free", "premium"); "" = the profile's default
  platform_field field = platform_field::body; ///< which limit applies (the draft is that field's text)
  const contact *sender = nullptr;     ///< enables no_self_introduction, and wrong_name for the sender's own name;
                                       ///< the sender's `purpose` counts as a reason when the draft mentions it
  const directory *dir = nullptr;      ///< with sender: contexts are discovered when `contexts` is empty; also
                                       ///< supplies event aliases and challenge keywords for no_reason
  std::vector<shared_context> contexts;///< what a good note could mention (for no_reason)
  std::chrono::sys_seconds now{};      ///< for discovery; epoch = the current time
  std::string locale;                  ///< the draft's language ("de"), for suggestions; "" = the recipient's
                                       ///< locale. Greetings of en/de/fr/es are recognised whatever it says.
};

/**
 * The findings for `draft`, sent to `recipient` on `platform`, in the order
 * of their spans (whole-draft findings last). An empty list means nothing to
 * fix. Spans always lie on UTF-8 boundaries of `draft`. Errors: invalid_utf8
 * with the offset of the first bad byte (that is reported as an error, not a
 * finding, since nothing else can be read reliably); not_found for an unknown
 * tier or a field the platform does not have; limit_exceeded above
 * max_text_size; discovery's errors when contexts are discovered.
 * Thread-safe; each thread keeps small caches (buffers, the last names seen).
 *
 *     rapport::review_options o;
 *     o.sender = &me;
 *     o.contexts = {context};
 *     auto found = rapport::review("Hi {{first_name}}, …", anna, platform, o);
 *     // found->front().code == finding_code::placeholder_left, suggestion "Anna"
 */
result<std::vector<finding>> review(std::string_view draft, const contact &recipient, const platform_profile &platform,
                                    const review_options &options = {});

} // namespace v1
} // namespace rapport
