// Private to the CLI: hand-written option parsing, loading the input files,
// and small output helpers shared by the subcommands.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/contact.hpp"
#include "rapport/directory.hpp"
#include "rapport/discovery.hpp"
#include "rapport/import.hpp"
#include "rapport/result.hpp"

namespace rapport::cli {

/** Exit codes of every subcommand (documented in `rapport --help` and docs/cli.md). */
inline constexpr int exit_ok = 0;
inline constexpr int exit_problems = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_internal = 3;

/** An option a subcommand accepts: "--to" (takes a value) or "--json" (a flag). */
struct option_spec {
  std::string_view name;
  bool takes_value = false;
  std::string_view alias = {}; ///< e.g. "-k"
};

/** Parsed command line: option → values (flags get one empty value), and positional arguments. */
struct parsed_args {
  std::map<std::string, std::vector<std::string>, std::less<>> values;
  std::vector<std::string> positional;

  bool has(std::string_view name) const { return values.find(name) != values.end(); }
  /** The last value given for `name`, or `fallback`. */
  std::string get(std::string_view name, std::string fallback = {}) const;
  /** Every value given for `name`, in order. */
  std::vector<std::string> all(std::string_view name) const;
};

/**
 * Parses argv[first..argc) against `specs` ("--name value", "--name=value",
 * "-k N"); "--help"/"-h" is always accepted. Errors: invalid_argument with a
 * one-line message (unknown option, missing value).
 */
result<parsed_args> parse_args(int argc, char **argv, int first, std::span<const option_spec> specs);

/** "2026-11-27" or "2026-11-27T09:00:00Z" → seconds; nullopt when malformed. */
std::optional<std::chrono::sys_seconds> parse_instant(std::string_view text);

/** Picks the import format of `path` from `explicit_format` (linkedin|csv|vcard|ics|json) or the extension and, for .csv, the header. */
result<import_format> detect_format(const std::filesystem::path &path, std::string_view explicit_format);

/** A column mapping for a generic CSV file, guessed from its header names (Name, Email, Company…). */
csv_mapping guess_csv_mapping(const std::filesystem::path &path);

/** The importer of `format` on `path`. */
result<imported> import_path(const std::filesystem::path &path, import_format format, const import_options &options = {});

/** "file:line:column: message" for a fatal import error (line and column computed from the byte offset when known). */
std::string locate(const std::filesystem::path &path, const error &e);

/** What --me, --contacts, --events and --challenges gave. */
struct loaded_inputs {
  std::optional<contact> me;
  directory dir;
  std::size_t problems = 0; ///< import problems (each printed on stderr)
};

/**
 * Loads --contacts (required), --events, --challenges and --me (required when
 * `need_me`) into a directory; prints every import problem on `err`.
 * Errors: the first fatal import error, located ("file:line:column: …").
 */
result<loaded_inputs> load_inputs(const parsed_args &args, bool need_me, std::ostream &err);

/** A contact's display name, or its id. */
std::string name_of(const contact &c);

/** Why, in a few English words ("event Anuga: both exhibiting (upcoming, in 12 days)"). */
std::string describe(const shared_context &c);

/** `s` as a JSON string literal, with quotes. */
std::string json_string(std::string_view s);

/** `s` as a CSV field (RFC 4180: quoted when it holds a comma, quote or newline). */
std::string csv_field(std::string_view s);

} // namespace rapport::cli
