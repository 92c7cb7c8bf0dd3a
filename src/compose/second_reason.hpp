// Two-reason notes (compose_options::reasons = 2): which second context, and
// its sentence. The second reason is one whole sentence from an "also/<situation>/…"
// slot, rendered with the note's arguments and passed to the note's template as
// {second_reason} inside the optional clause opt_also, which the fitter drops
// first (docs/templates.md, "Two reasons").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rapport/catalog.hpp"
#include "rapport/compose.hpp"
#include "rapport/fit.hpp"

namespace rapport::detail {

/** The optional clause that holds the second reason ("opt_also"), by its name without "opt_". */
inline constexpr std::string_view second_reason_clause = "also";
/** The argument that carries the rendered sentence into the note's template. */
inline constexpr std::string_view second_reason_argument = "second_reason";

/**
 * Keeps the contexts the note will mention, strongest first: the first one,
 * and with `reasons` = 2 the strongest one of another kind that is not about
 * the same place (an event in Hamburg and "both based in Hamburg" are one
 * reason). When two were asked for and only one can be given, says why in `warnings`.
 */
void choose_reasons(std::vector<shared_context> &contexts, int reasons, const directory &dir,
                    std::vector<std::string> &warnings);

/** The slot of a second-reason sentence: "also/city/same-city/short/formal". */
std::string second_reason_slot(std::string_view situation, note_length length, formality form);

/**
 * Renders the sentence of contexts[1] (`also`: its slot's lookup, or nullptr)
 * with `req.args` and sets it as the argument second_reason. When it cannot be
 * said (no sentence in the note's language `note_language`, a template
 * without opt_also, a render error), the note gives one reason: contexts is cut
 * to one and `warnings` says why.
 */
void set_second_reason(const lookup_result *also, std::string_view note_language, fit_request &req,
                       std::vector<shared_context> &contexts, std::vector<std::string> &warnings);

/**
 * After fitting: when the fitter left the second reason out, contexts is cut
 * to the one the note mentions and `note.warnings` says so (`note.dropped`
 * keeps "also"); a note that never had a second reason does not list "also"
 * as dropped.
 */
void settle_second_reason(composed_note &note, std::vector<shared_context> &contexts);

} // namespace rapport::detail
