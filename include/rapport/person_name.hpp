// rapport — person names (the parts a contact's name is made of).
#pragma once

#include <string>

namespace rapport {
inline namespace v1 {

/** The parts of a person's name, as given or as parsed from the raw name. */
struct person_name {
  std::string given;
  std::string family;
  std::string middle;
  std::string prefix;
  std::string suffix;
  std::string preferred;
  std::string raw;
};

} // namespace v1
} // namespace rapport
