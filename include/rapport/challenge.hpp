// rapport — industry challenges: what an industry is up against right now.
//
// "EU battery regulation: digital battery passports by 2027" affects battery
// makers and car makers. When a recipient works in an affected industry and
// one of the sender's offers addresses the challenge, that is a reason to
// connect (discovery.hpp).
#pragma once

#include <string>
#include <vector>

namespace rapport {
inline namespace v1 {

/** A challenge facing one or more industries. */
struct challenge {
  std::string id;                       ///< stable and unique within a directory
  std::string title;                    ///< short, for a note: "the new EU battery passport"
  std::string description;              ///< a sentence or two, for people
  std::vector<std::string> industries;  ///< industries it affects, as LinkedIn names them
  std::vector<std::string> keywords;    ///< words that show it in a headline or topic
};

} // namespace v1
} // namespace rapport
