// Private: normalization at import (docs/formats.md, "Normalization") — each
// contact's name parsed and cleaned, its organizations given a display name
// and a company key, its location resolved to a place. Companies and
// locations repeat a lot in an address book, so each distinct text is
// normalized once per import (bounded caches).
#pragma once

#include <string>
#include <unordered_map>

#include "rapport/import.hpp"

namespace rapport::detail {

/** How the importer filled name parts. */
enum class name_parts_are {
  as_typed,  ///< given/family exactly as a person typed them (CSV, vCard N): they are cleaned
  clean,     ///< already structured (rapport JSON): kept; only a name given as raw alone is parsed
};

/** Normalizes contacts; one per import (or per thread): not thread-safe. */
class contact_normalizer {
public:
  explicit contact_normalizer(name_parts_are parts = name_parts_are::as_typed) : parts_(parts) {}
  void set_name_parts(name_parts_are parts) noexcept { parts_ = parts; }

  /** Normalizes `c` in place and counts what changed into `counts`. Never fails: what cannot be normalized stays as written. */
  void apply(contact &c, import_normalization &counts);

private:
  struct company_entry {
    std::string display, key;
    bool legal_form = false;
  };
  struct place_entry {
    place_id id = no_place;
    bool ambiguous = false;
  };
  void normalize_name(contact &c, import_normalization &counts);
  const company_entry &company(const std::string &raw);
  const place_entry &where(const std::string &location);

  name_parts_are parts_;
  std::unordered_map<std::string, company_entry> companies_;
  std::unordered_map<std::string, place_entry> places_;
};

/** Adds `b` to `a`. */
void add_counts(import_normalization &a, const import_normalization &b) noexcept;

} // namespace rapport::detail
