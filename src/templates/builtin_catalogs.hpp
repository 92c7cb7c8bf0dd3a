// Private: the built-in catalogs, compiled by msgfmt at build time and embedded
// by cmake/embed_catalogs.py (the generated builtin_catalogs.cpp).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace rapport::detail::tpl {

/** Where a slot's msgstr starts in the source .po. */
struct slot_line {
  const char *slot;
  int line;
};

/** One embedded catalog. */
struct embedded_catalog {
  const char *locale;       ///< "de"
  const char *po_name;      ///< "data/templates/de.po", for messages
  const unsigned char *mo;  ///< the .mo bytes
  std::size_t mo_size;
  const slot_line *lines;   ///< sorted by slot
  std::size_t line_count;
};

std::span<const embedded_catalog> builtin_catalogs() noexcept;

} // namespace rapport::detail::tpl
