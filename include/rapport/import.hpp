// rapport — importing: contacts, events and challenges from the files people have.
//
// Every importer reads bytes (std::string_view) or a file, and returns the
// records it read plus an import_report: how many records were imported,
// skipped or repaired, and one import_problem per thing that was not clean
// (file, line, column, record index, field, message). Nothing is dropped
// silently: a skipped row or an ignored bad date is a problem in the report.
//
// Formats (docs/formats.md says what maps to what):
//   - LinkedIn's Connections.csv, every shape seen in the wild, and generic
//     CSV (RFC 4180) with a column mapping;
//   - vCard 2.1, 3.0 and 4.0 (address books of phones, Outlook, Gmail…);
//   - iCalendar (VEVENTs of fairs and conferences);
//   - rapport's own JSON document (sender, contacts, events, challenges,
//     offers), which export_json writes back.
//
// Lenient mode (the default) keeps every good record and reports the rest;
// strict mode fails on the first problem. Limits (file size, line length,
// record count, nesting depth) protect against hostile or broken input; going
// over one is always an error (errc::limit_exceeded).
//
//     auto r = rapport::import_linkedin_csv_file("Connections.csv");
//     if (!r) { std::cerr << r.error().message << '\n'; return; }
//     for (const auto &p : r->report.problems) std::cerr << rapport::to_string(p) << '\n';
//     use(r->contacts);
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapport/challenge.hpp"
#include "rapport/contact.hpp"
#include "rapport/directory.hpp"
#include "rapport/event.hpp"
#include "rapport/result.hpp"

namespace rapport {
inline namespace v1 {

/** The formats rapport imports. */
enum class import_format { linkedin_csv, csv, vcard, icalendar, json };

/** "linkedin_csv", "csv", "vcard", "icalendar", "json". */
const char *to_string(import_format f) noexcept;

/** Lenient keeps good records and reports problems; strict fails on the first problem. */
enum class import_mode { lenient, strict };

/**
 * Hard limits. Going over one stops the import with errc::limit_exceeded in
 * either mode: the input is hostile or broken, not merely untidy.
 */
struct import_limits {
  std::size_t max_file_bytes = std::size_t(2) << 30;  ///< whole input; 2 GiB
  std::size_t max_line_bytes = std::size_t(1) << 20;  ///< one logical line (a CSV record, an unfolded property); 1 MiB
  std::size_t max_records = 10'000'000;               ///< records of all kinds in one input
  std::size_t max_depth = 32;                         ///< JSON nesting, nested vCards / calendar components
  std::size_t max_problems = 10'000;                  ///< problems kept in full; later ones are only counted
};

/** Options every importer takes. */
struct import_options {
  import_mode mode = import_mode::lenient;
  import_limits limits;
  /** Name used for `file` in problems when importing bytes; the path when importing a file. */
  std::string file_name;
  /**
   * Normalize each contact as it is read (docs/formats.md, "Normalization"):
   * names parsed and cleaned, companies without their legal form and keyed,
   * locations resolved to places. The values as written stay in name.raw,
   * organizations[].name and location. false: fields exactly as written.
   */
  bool normalize = true;
  /**
   * Threads for the CSV importers (LinkedIn and generic): 0 = as many as the
   * machine has (at most 8), 1 = the calling thread only; at most 64. The
   * records, their order and the problems are the same whatever the number.
   */
  unsigned threads = 1;
};

/** What happened to the record a problem belongs to. */
enum class problem_action {
  skipped,   ///< the record was not imported
  repaired,  ///< the record was imported; a field was fixed, guessed or left empty
  fatal,     ///< the import stopped here (strict mode, a limit, an unreadable file)
};

/** "skipped", "repaired", "fatal". */
const char *to_string(problem_action a) noexcept;

/** One thing in the input that was not clean. */
struct import_problem {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  errc code = errc::parse_error;
  problem_action action = problem_action::repaired;
  std::string file;             ///< file name, or options.file_name for bytes
  std::size_t line = 0;         ///< 1-based; 0 = not tied to a line
  std::size_t column = 0;       ///< 1-based byte column within the line; 0 = not tied to a column
  std::size_t offset = npos;    ///< byte offset in the (decoded) input, or npos
  std::size_t record = npos;    ///< 0-based index of the record in the input (data row, vCard, VEVENT), or npos
  std::string field;            ///< "Connected On", "EMAIL", "DTSTART", "contacts[3].name"; may be empty
  std::string message;          ///< English, one line
};

/**
 * "Connections.csv:12:5: record 9: field Email Address: invalid UTF-8 (skipped)".
 * Parts that do not apply are left out.
 */
std::string to_string(const import_problem &p);

/**
 * What normalization did (import_options::normalize). These are not problems:
 * the values as written are kept next to the normalized ones.
 */
struct import_normalization {
  std::size_t names_cleaned = 0;     ///< names from which pronouns, credentials, honorifics, nicknames, emoji or a headline were moved or dropped
  std::size_t names_recased = 0;     ///< names written ALL CAPS or all lowercase whose case was fixed
  std::size_t names_unparsed = 0;    ///< names the parser refused (over 1024 bytes): kept as written
  std::size_t companies_without_legal_form = 0;  ///< organizations whose display name dropped a legal form ("Siemens AG" → "Siemens")
  std::size_t places_resolved = 0;   ///< locations resolved to a place (ambiguous ones included)
  std::size_t places_ambiguous = 0;  ///< of those, resolved to the larger of several places that fit
  std::size_t places_unknown = 0;    ///< locations that name no known place (place left empty)
};

/** Counts and problems of one import. */
struct import_report {
  std::size_t imported = 0;  ///< records imported (repaired ones included)
  std::size_t skipped = 0;   ///< records found but not imported
  std::size_t repaired = 0;  ///< imported records that had at least one problem
  std::vector<import_problem> problems;  ///< first limits.max_problems problems, in input order
  std::size_t problems_not_kept = 0;     ///< problems beyond limits.max_problems (counted, not kept)
  import_normalization normalization;    ///< what normalization changed (not problems)

  /** True when there was nothing to report. */
  bool clean() const noexcept { return problems.empty() && problems_not_kept == 0; }
};

/** Records read from one input. */
struct imported {
  std::optional<contact> sender;      ///< only the JSON format carries a sender profile
  std::vector<contact> contacts;
  std::vector<event> events;
  std::vector<challenge> challenges;
  import_report report;
};

// ---- LinkedIn and CSV ------------------------------------------------------------

/**
 * Reads LinkedIn's Connections.csv: the current export (a "Notes:" preamble,
 * then First Name, Last Name, URL, Email Address, Company, Position, Connected
 * On), the older one (no preamble, no URL) and Excel re-saves; CRLF or LF; with
 * or without a UTF-8 BOM. Company and Position become organizations[0] and the
 * headline; Connected On ("07 Feb 2023", "1/8/18, 6:14 PM", "9-Sep-22",
 * "2023-02-07") becomes connected_on. With options.normalize (the default)
 * the name is parsed (pronouns, credentials, emoji moved out, ALL CAPS
 * recased; name.raw keeps "First Last" as written) and the company gets its
 * display name and key; otherwise names are kept as written.
 *
 * Contact ids: "linkedin:<slug>" from a linkedin.com/in/<slug> URL, else
 * "email:<address>" (lower-cased), else "name:<16 hex digits>", a 64-bit FNV-1a
 * hash of given, family and company (stable across runs and versions).
 * A row with no name is kept when it has a URL or an email (repaired), else skipped.
 * Errors: parse_error (no header row), limit_exceeded, io_error; in strict mode,
 * the first problem.
 *
 *     rapport::import_options o;
 *     o.file_name = "Connections.csv";  // for problem locations
 *     auto r = rapport::import_linkedin_csv(bytes, o);
 */
result<imported> import_linkedin_csv(std::string_view bytes, const import_options &options = {});
/** import_linkedin_csv on a file, read in chunks: memory does not grow with the file. Errors as above, plus not_found. */
result<imported> import_linkedin_csv_file(const std::filesystem::path &path, const import_options &options = {});

/** Contact fields a generic CSV column can fill. */
enum class contact_field {
  ignore,        ///< read, not used
  id,            ///< the contact id as is
  given_name, family_name, full_name,  ///< name.given, name.family, name.raw
  email,         ///< used for the id only (contact has no email field)
  profile_url,   ///< used for the id only ("linkedin:<slug>" for LinkedIn URLs)
  organization, title, headline, industry, location,
  languages, topics, schools,  ///< lists, split on ';'
  connected_on,  ///< a date in any of the forms import_linkedin_csv accepts
};

/** How a generic CSV file maps to contacts. */
struct csv_mapping {
  /** Header name (matched exactly after trimming spaces) → field. Unmapped columns are ignored. */
  std::vector<std::pair<std::string, contact_field>> columns;
  char delimiter = ',';
};

/**
 * Reads RFC 4180 CSV (quoted fields, embedded newlines, "" for a quote) whose
 * first record is a header, mapping columns to contact fields. Ids as for
 * import_linkedin_csv unless a column maps to contact_field::id.
 * Errors: invalid_argument (a mapped column is missing from the header), as import_linkedin_csv otherwise.
 *
 *     rapport::csv_mapping m{{{"Name", rapport::contact_field::full_name}, {"Mail", rapport::contact_field::email}}};
 *     auto r = rapport::import_csv(bytes, m);
 */
result<imported> import_csv(std::string_view bytes, const csv_mapping &mapping, const import_options &options = {});
/** import_csv on a file, read in chunks. */
result<imported> import_csv_file(const std::filesystem::path &path, const csv_mapping &mapping,
                                 const import_options &options = {});

// ---- vCard and iCalendar ---------------------------------------------------------

/**
 * Reads vCard 2.1, 3.0 and 4.0: folding, escapes, parameters, groups
 * (item1.EMAIL), QUOTED-PRINTABLE, CHARSET (UTF-8, Windows-1252, ISO-8859-x,
 * Shift_JIS…), UTF-16 files, BOMs. N/FN → name, ORG/TITLE → organizations[0]
 * and headline, ADR → location, CATEGORIES → topics, LANG → languages;
 * EMAIL, URL and X-SOCIALPROFILE choose the id as for import_linkedin_csv.
 * Errors: parse_error (no vCard at all), limit_exceeded, invalid_utf8 (the input is not text).
 */
result<imported> import_vcard(std::string_view bytes, const import_options &options = {});
/** import_vcard on a file. */
result<imported> import_vcard_file(const std::filesystem::path &path, const import_options &options = {});

/**
 * Reads the VEVENTs of an iCalendar file (with or without a VCALENDAR wrapper):
 * SUMMARY → name, DTSTART/DTEND/DURATION → start/end (UTC) or first_day/last_day
 * (all-day; iCalendar's exclusive end becomes an inclusive last day), TZID →
 * time_zone when it names an IANA zone, LOCATION, URL. Id: UID, plus
 * "@" RECURRENCE-ID for an overridden occurrence; edition: the start year.
 * A truncated file imports what is complete and reports where it was cut.
 * Errors: parse_error (nothing calendar-like), limit_exceeded.
 */
result<imported> import_icalendar(std::string_view bytes, const import_options &options = {});
/** import_icalendar on a file. */
result<imported> import_icalendar_file(const std::filesystem::path &path, const import_options &options = {});

// ---- rapport's JSON document ---------------------------------------------------

/**
 * Reads a rapport JSON document (docs/formats.md, data/schema/rapport.schema.json):
 * {"format": "rapport", "version": 1, "sender": {...}, "contacts": [...],
 * "events": [...], "challenges": [...]}. A record with a wrong-typed or
 * invalid field is skipped and reported with its JSON path.
 * Errors: parse_error (not JSON, or not this document), invalid_utf8, limit_exceeded.
 */
result<imported> import_json(std::string_view bytes, const import_options &options = {});
/** import_json on a file. */
result<imported> import_json_file(const std::filesystem::path &path, const import_options &options = {});

/**
 * Writes `doc` (its report is not written) as a rapport JSON document that
 * import_json reads back to equal records. Output is UTF-8, two-space indented.
 * Errors: invalid_utf8 (a field is not UTF-8; the message names it).
 *
 *     auto text = rapport::export_json(*rapport::import_vcard(bytes));
 */
result<std::string> export_json(const imported &doc);

// ---- straight into a directory ---------------------------------------------------

/**
 * Imports `path` in `format` and adds each record to `builder` as it is read,
 * so only the builder holds the records. Records the builder refuses (a
 * duplicate id, an unknown time zone) are problems too (skipped). A JSON
 * document's sender is not a directory record: it is reported as skipped;
 * read it with import_json. `mapping` is used only for import_format::csv.
 * Errors: as the format's importer.
 *
 *     rapport::directory_builder b;
 *     auto report = rapport::import_into(b, rapport::import_format::linkedin_csv, "Connections.csv");
 */
result<import_report> import_into(directory_builder &builder, import_format format, const std::filesystem::path &path,
                                  const import_options &options = {}, const csv_mapping &mapping = {});
/** import_into on bytes. */
result<import_report> import_bytes_into(directory_builder &builder, import_format format, std::string_view bytes,
                                        const import_options &options = {}, const csv_mapping &mapping = {});

} // namespace v1
} // namespace rapport
