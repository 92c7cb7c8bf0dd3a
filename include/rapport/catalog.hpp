// rapport — translator catalogs of note templates, organized by slot.
//
// A slot names one template: context kind × situation × length × formality,
// e.g. "event/both-exhibiting/upcoming/short/formal". Each locale has its own
// template for a slot. The built-in catalogs (en, de, fr, es) come from the
// gettext files data/templates/<locale>.po (msgctxt = slot id, msgid = the
// English template, msgstr = the translation, all ICU MessageFormat), compiled
// by msgfmt at build time and embedded in the library: nothing is read from
// disk at run time.
//
// Lookup falls back along the locale chain (es-MX → es → en) and says so.
// Users overlay their own catalogs (.po or .mo, a file or bytes) slot by slot.
// Every template is validated when a catalog is loaded: syntax errors and
// unknown argument names are reported with catalog, slot, line and column.
//
// A catalog is immutable and cheap to copy; share it between threads freely.
//
//     auto cat = rapport::catalog::builtin();
//     auto hit = cat->lookup("es-MX", "city/same-city/short/informal");
//     if (hit && hit->fallback) log("using " + hit->catalog_locale);
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/formality.hpp"
#include "rapport/result.hpp"
#include "rapport/template.hpp"

namespace rapport {
inline namespace v1 {

/** How long a note is: short fits 200 characters with typical names. */
enum class note_length { short_note, standard };

/** "short" / "standard". */
const char *to_string(note_length length) noexcept;

/**
 * The slot id for a situation, e.g. slot_id("city/same-city", note_length::short_note,
 * formality::informal) == "city/same-city/short/informal".
 */
std::string slot_id(std::string_view situation, note_length length, formality f);

/** The situations every built-in locale has a slot for (4 slots each: short/standard × formal/informal). */
std::span<const std::string_view> builtin_situations() noexcept;

/**
 * The locales tried for `locale`, most specific first, ending with "en":
 * "es_MX" → {"es-MX", "es", "en"}. Tags are normalized (underscore → hyphen,
 * language lower case, region upper case).
 */
std::vector<std::string> locale_fallback_chain(std::string_view locale);

/** A template found for a slot, and how it was found. */
struct lookup_result {
  message_template tmpl;              ///< bound to the locale dates and numbers are shown in
  std::string slot;                   ///< the slot id that was found
  std::string requested_locale;       ///< normalized
  std::string catalog_locale;         ///< the catalog that had the slot ("es" for "es-MX")
  std::string source;                 ///< "builtin:es" or the overlay's name / path
  bool fallback = false;              ///< catalog_locale differs from requested_locale
  std::vector<std::string> tried;     ///< locales tried without the slot, in order
  std::vector<std::string> missing;   ///< required arguments not given (lookup with args)
};

/**
 * A set of templates per locale and slot. Build with builtin(), then overlay
 * user catalogs; each overlay returns a new catalog and leaves this one as it was.
 */
class catalog {
public:
  /**
   * The built-in catalogs (en, de, fr, es), loaded from the embedded .mo data
   * on first use and shared. Errors: parse_error if a built-in template is
   * invalid (a bug the tests catch), internal (Boost.Locale failed).
   */
  static result<catalog> builtin();

  /** A catalog with no templates (to build one from user catalogs only). */
  static catalog empty();

  /**
   * This catalog with the templates of a user catalog file (.po or .mo, told
   * apart by the .mo magic number) laid over it slot by slot. `locale` is the
   * catalog's locale; empty means the "Language:" field of its header.
   * Errors: io_error, parse_error and invalid_argument (message: "<name>: slot
   * '<slot>', line L, column C: <what>"; error::offset is the byte offset in
   * the file), invalid_utf8.
   *
   *     auto mine = cat->overlay_file("brand/de.po");
   */
  result<catalog> overlay_file(std::string_view path, std::string_view locale = {}) const;

  /** As overlay_file, from bytes in memory; `name` appears in messages and lookup_result::source. */
  result<catalog> overlay_bytes(std::string_view bytes, std::string_view name, std::string_view locale = {}) const;

  /**
   * The template for `slot` in `locale` or along its fallback chain. Errors:
   * not_found (no locale of the chain has the slot), invalid_utf8.
   */
  result<lookup_result> lookup(std::string_view locale, std::string_view slot) const;

  /** As lookup, and fills lookup_result::missing with the required arguments `args` lacks. */
  result<lookup_result> lookup(std::string_view locale, std::string_view slot, const template_args &args) const;

  /**
   * The first of `slots` (in order of preference) whose template can render
   * with `args` (no required argument missing). Errors: not_found (no slot
   * found), invalid_argument (every slot found needs an argument `args` lacks;
   * the message names them).
   */
  result<lookup_result> choose(std::string_view locale, std::span<const std::string> slots, const template_args &args) const;

  /** Locales that have at least one slot, sorted. */
  std::vector<std::string> locales() const;
  /** Slot ids of exactly `locale` (no fallback), sorted. */
  std::vector<std::string> slots(std::string_view locale) const;

  struct impl;

private:
  explicit catalog(std::shared_ptr<const impl> p) : impl_(std::move(p)) {}
  std::shared_ptr<const impl> impl_;
};

} // namespace v1
} // namespace rapport
