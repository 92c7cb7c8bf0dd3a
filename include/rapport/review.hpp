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

/** What is wrong. The codes are the API; they never change meaning. */
enum class finding_code {
  over_limit,            ///< longer than the platform allows, in its unit
  placeholder_left,      ///< {{first_name}}, {first_name}, [Name], %FIRSTNAME%, <name>, #firstName#, _FN_
  empty_greeting,        ///< "Hi ,", "Hello !": a greeting whose name is missing
  wrong_name,            ///< the greeting names someone other than the recipient
  all_caps_name,         ///< the recipient's name written in capitals ("Hi ANNA")
  generic_boilerplate,   ///< the platform's default invitation text (en/de/fr/es)
  no_reason,             ///< no shared context is mentioned
  no_self_introduction,  ///< the sender never says who they are
  invisible_characters,  ///< bidi controls, zero-width or control characters
  mojibake,              ///< UTF-8 read as Windows-1252 ("Ã©" for "é")
  repeated_whitespace,   ///< doubled spaces or blank-line runs
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

/** What review knows besides the draft. Everything is optional. */
struct review_options {
  std::string tier;                    ///< platform tier ("free", "premium"); "" = the profile's default
  platform_field field = platform_field::body;
  const contact *sender = nullptr;     ///< enables no_self_introduction, and wrong_name for the sender's own name
  const directory *dir = nullptr;      ///< with sender: contexts are discovered when `contexts` is empty
  std::vector<shared_context> contexts;///< what a good note could mention (for no_reason)
  std::chrono::sys_seconds now{};      ///< for discovery; epoch = the current time
  std::string locale;                  ///< the draft's language ("de"); "" = recognise en/de/fr/es greetings
};

/**
 * The findings for `draft`, sent to `recipient` on `platform`, in the order
 * of their spans (whole-draft findings last). An empty list means nothing to
 * fix. Errors: invalid_utf8 with the offset of the first bad byte (that is
 * reported as an error, not a finding, since nothing else can be read
 * reliably); not_found for an unknown tier.
 */
result<std::vector<finding>> review(std::string_view draft, const contact &recipient, const platform_profile &platform,
                                    const review_options &options = {});

} // namespace v1
} // namespace rapport
