// rapport — platform profiles: where a note goes, and how much fits there.
//
// A profile names a channel (a LinkedIn connection note, an InMail, an email,
// an X direct message…), the unit the platform counts characters in, and the
// limit of each field (subject, body) per tier ("free", "premium"). The
// built-in profiles come from data/platforms/platforms.json, compiled into the
// library; docs/platforms.md gives the source and the confidence of every
// number. Users overlay their own profiles by id from a JSON document of the
// same format (platform_registry::overlay), e.g. when a platform changes a limit.
//
//     auto p = rapport::find_platform("linkedin-connection-note");
//     auto n = rapport::platform_limit(*p, rapport::platform_field::body, "premium");  // 300
#pragma once

#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/result.hpp"
#include "rapport/text.hpp"

namespace rapport {
inline namespace v1 {

/** A part of a message that has its own limit. */
enum class platform_field { subject, body };

/** Name of a field: "subject", "body". */
const char *to_string(platform_field field) noexcept;

/** The limit value of a field that has no limit (e.g. an email body). */
inline constexpr std::size_t no_limit = std::numeric_limits<std::size_t>::max();

/** How sure we are of a profile's numbers (see docs/platforms.md). */
enum class platform_confidence {
  documented, ///< the platform's own help pages state it
  observed,   ///< measured in the product or widely reported, not documented
  convention, ///< no platform limit; a standard's recommendation or common practice
  user,       ///< supplied by the user (overlay or custom_platform)
};

/** Name of a confidence level: "documented", "observed", "convention", "user". */
const char *to_string(platform_confidence confidence) noexcept;

/** One field of a profile, with one limit per tier (same order as platform_profile::tiers). */
struct platform_field_spec {
  platform_field field = platform_field::body;
  std::vector<std::size_t> limits; ///< in the profile's unit; no_limit when unlimited
};

/** Where a note is sent and what fits. */
struct platform_profile {
  std::string id;                   ///< "linkedin-connection-note"
  std::string display_name;         ///< "LinkedIn connection note"
  length_unit unit = length_unit::utf16; ///< how the platform counts
  std::vector<std::string> tiers;   ///< at least one, first is the default: {"free", "premium"}
  std::vector<platform_field_spec> fields;
  platform_confidence confidence = platform_confidence::documented;
  std::string source;               ///< where the numbers come from (URL or reference)
};

/**
 * The limit of `field` for `tier` (empty tier: the first, default one); no_limit
 * for an unlimited field. Errors: not_found when the profile has no such field
 * (an InMail has a subject, a connection note has not) or no such tier;
 * invalid_utf8 for a tier that is not UTF-8.
 *
 *     rapport::platform_limit(p, rapport::platform_field::body, "free")  // 200
 */
result<std::size_t> platform_limit(const platform_profile &profile, platform_field field,
                                   std::string_view tier = {});

/**
 * A one-off profile with id "custom" and the user's own limits and unit.
 * Errors: invalid_argument for a zero limit.
 *
 *     auto p = rapport::custom_platform(500, rapport::length_unit::graphemes);
 */
result<platform_profile> custom_platform(std::size_t body_limit, length_unit unit,
                                         std::size_t subject_limit = no_limit);

/**
 * An immutable set of profiles, shareable across threads. builtin() holds the
 * compiled-in profiles; overlay() returns a new registry in which each profile
 * of a JSON document (same format as data/platforms/platforms.json) replaces
 * the profile with the same id, or is added.
 */
class platform_registry {
public:
  /** The built-in profiles (built once, thread-safe). */
  static const platform_registry &builtin();

  /**
   * A copy of this registry with the profiles of `json_document` laid over it.
   * Errors: invalid_utf8, parse_error (malformed JSON or a bad profile, with the
   * byte offset where known), limit_exceeded for documents over 1 MiB.
   *
   *     auto r = rapport::platform_registry::builtin().overlay(R"({"profiles":[...]})");
   */
  result<platform_registry> overlay(std::string_view json_document) const;

  /** overlay() with the contents of a file. Errors: io_error, and those of overlay(). */
  result<platform_registry> overlay_file(const std::filesystem::path &path) const;

  /** The profile with `id`. Errors: not_found, invalid_utf8. */
  result<platform_profile> find(std::string_view id) const;

  /** Every id, sorted. */
  std::vector<std::string> ids() const;

private:
  std::vector<platform_profile> profiles_; // sorted by id
};

/** builtin().find(id). Errors: not_found, invalid_utf8. */
result<platform_profile> find_platform(std::string_view id);

/** builtin().ids(): "custom", "email", "instagram-dm", "linkedin-connection-note", … */
std::vector<std::string> platform_ids();

} // namespace v1
} // namespace rapport
