// Private: what the importers' name normalization needs from the name parser.
#pragma once

#include <string_view>

#include "rapport/formality.hpp"
#include "rapport/person_name.hpp"

namespace rapport::detail::names {

/** What honorific prefixes written on their own say ("Frau Dr." → feminine, academic). */
struct prefix_info {
  grammatical_gender gender = grammatical_gender::unknown;  ///< unknown when none or conflicting
  bool academic = false;                                    ///< "Dr.", "Prof." among them
};

/**
 * The general two-field parser, without parse_person_name's shortcut for
 * plain names: the tests check that both agree.
 */
result<person_name> parse_two_fields_general(std::string_view given, std::string_view family,
                                             const name_parse_options &options);

/**
 * True when parse_person_name(given, family) with fix_case returns the two
 * fields unchanged (plain Latin words, nothing to move out, nothing to recase):
 * given and family as they are, raw = "given family", order family-first only
 * for a "hu" or "vi" locale, everything else empty or default.
 */
bool is_plain_two_field_name(std::string_view given, std::string_view family);

/**
 * greeting_name() for a name and locale the caller knows to be valid UTF-8,
 * without checking them again: the same result. For compose's batch path, whose
 * recipients are records of a built directory (directory_builder::add_contact
 * checks every name part; the importers' add_checked_contact, every field) and
 * whose locale was checked when the options were.
 */
result<std::string> greeting_name_valid(const person_name &name, std::string_view locale, formality form);

/** Reads the known honorifics among the words of `prefix` (a vCard N prefix). Input: valid UTF-8. */
prefix_info read_prefix(std::string_view prefix);

} // namespace rapport::detail::names
