// Reviewing a hand-written draft before it is sent: the codes are the API.
#include <iostream>

#include "rapport/rapport.hpp"

int main() {
  rapport::contact kate;
  kate.id = "kate";
  kate.name = *rapport::parse_person_name("Katherine (Kate) O'Neil");

  const auto platform = rapport::find_platform("linkedin-connection-note");
  if (!platform) return 1;
  const char *draft = "Hi {{first_name}},  I'd like to add you to my professional network on LinkedIn.";
  auto found = rapport::review(draft, kate, *platform);
  if (!found) return 1;
  for (const auto &f : *found)
    std::cout << rapport::to_string(f.level) << " " << rapport::to_string(f.code) << " [" << f.begin << "," << f.end
              << ") " << f.message << (f.suggestion.empty() ? "" : " -> " + f.suggestion) << '\n';
  return found->empty() ? 1 : 0;
}
