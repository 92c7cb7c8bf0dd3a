// Private: what the importers' name normalization needs from the name parser.
#pragma once

#include <string_view>

#include "rapport/formality.hpp"

namespace rapport::detail::names {

/** What honorific prefixes written on their own say ("Frau Dr." → feminine, academic). */
struct prefix_info {
  grammatical_gender gender = grammatical_gender::unknown;  ///< unknown when none or conflicting
  bool academic = false;                                    ///< "Dr.", "Prof." among them
};

/** Reads the known honorifics among the words of `prefix` (a vCard N prefix). Input: valid UTF-8. */
prefix_info read_prefix(std::string_view prefix);

} // namespace rapport::detail::names
