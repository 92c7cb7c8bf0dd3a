#include "rapport/formality.hpp"

namespace rapport {
inline namespace v1 {

const char *to_string(formality f) noexcept { return f == formality::formal ? "formal" : "informal"; }

const char *to_string(grammatical_gender g) noexcept {
  switch (g) {
  case grammatical_gender::unknown: return "unknown";
  case grammatical_gender::feminine: return "feminine";
  case grammatical_gender::masculine: return "masculine";
  case grammatical_gender::neutral: return "neutral";
  }
  return "unknown";
}

} // namespace v1
} // namespace rapport
