// Private: reading gettext catalogs — .po text (for user catalogs, with
// positions for error messages) and .mo binaries (to enumerate slots; the
// translations of .mo catalogs are then fetched through Boost.Locale).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/result.hpp"

namespace rapport::detail::tpl {

/** A piece of a .po string literal: where its text starts in the file. */
struct po_segment {
  std::size_t value_offset = 0;  ///< offset of this piece in the unescaped value
  std::size_t file_offset = 0;   ///< byte offset in the file just after the opening quote
  std::size_t line = 0;          ///< 1-based
};

/** One message of a catalog. */
struct po_entry {
  std::string context;     ///< msgctxt (the slot id); empty when absent
  bool has_context = false;
  std::string id;          ///< msgid
  std::string str;         ///< msgstr
  bool fuzzy = false;
  bool plural = false;     ///< had msgid_plural
  std::size_t line = 0;    ///< line of msgstr (1-based), 0 when unknown (.mo)
  std::vector<po_segment> segments;  ///< pieces of msgstr (.po only)
};

/** A parsed catalog file. */
struct gettext_file {
  std::vector<po_entry> entries;  ///< without the header entry
  std::string language;           ///< the header's "Language:" field, if any
};

/** Parses .po text. Errors: parse_error / invalid_utf8 with "line L, column C" in the message and the byte offset. */
result<gettext_file> parse_po(std::string_view text, std::string_view name);

/** True when `bytes` start with the .mo magic number (either byte order). */
bool is_mo(std::string_view bytes) noexcept;

/** Parses a .mo binary. Errors: parse_error (truncated or malformed). */
result<gettext_file> parse_mo(std::string_view bytes, std::string_view name);

/** 1-based line and column (in code points) of byte `offset` of `text`. */
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset);

/** File byte offset of byte `value_offset` of an entry's unescaped msgstr (.po entries). */
std::size_t file_offset_of(const po_entry &e, std::string_view file, std::size_t value_offset);

/**
 * The translations of `keys` (context, id) in a .mo catalog, looked up through
 * Boost.Locale's gettext backend (messages_info with a callback that hands it
 * the bytes: nothing is read from disk). A key without translation gives "".
 * Errors: internal (Boost.Locale rejected the catalog).
 */
result<std::vector<std::string>> boost_translate(std::string_view mo_bytes, std::string_view language,
                                                 const std::vector<std::pair<std::string, std::string>> &keys);

} // namespace rapport::detail::tpl
