// rapport — company names: the name people say, and a key to compare them.
//
// Profiles and CRMs write "Acme GmbH & Co. KG", "Société Générale S.A.",
// "ソニー株式会社", "H&M Hennes & Mauritz AB (publ)", "Acme, Inc.". A note says
// "Acme", "Société Générale", "ソニー". company_display_name() removes the legal
// form (from a table of forms across jurisdictions, compiled into the library
// from data/legal_forms.tsv) and keeps everything else as written: acronyms,
// brand casing ("adidas", "IKEA"), and words that merely look like a legal form
// when they are not at the end ("AB InBev", "SAS Institute").
// A name is never reduced to nothing: "AG" stays "AG".
//
// company_key() / same_company() compare employers: "SAP SE", "SAP" and "sap"
// are the same company.
//
//     auto c = rapport::parse_company_name("Acme GmbH & Co. KG");
//     // c->display == "Acme", c->legal_form == "GmbH & Co. KG", c->jurisdictions == "DE,AT"
#pragma once

#include <string>
#include <string_view>

#include "rapport/result.hpp"
#include "rapport/text.hpp"

namespace rapport {
inline namespace v1 {

/** A company name split into the name people say and its legal form. */
struct company_name {
  std::string display;         ///< "Acme" (NFC, white space collapsed)
  std::string legal_form;      ///< the form as written in the input: "GmbH & Co. KG", "Inc"; empty if none
  std::string legal_form_canonical; ///< the table's spelling: "Inc." for "INC"
  std::string jurisdictions;   ///< ISO 3166-1 codes of the form, "DE,AT"; "EU" for SE; empty if none
  match_keys keys;             ///< keys of `display` with "&" read as "and" and a leading "The" dropped
  std::string raw;             ///< the input exactly as given
};

/**
 * Parses a company name: NFC, collapsed white space, legal form removed from
 * the end (or, for forms such as "株式会社", "ООО", "PT", from the start).
 * Errors: invalid_utf8 (with the byte offset), limit_exceeded over 1024 bytes.
 *
 *     rapport::parse_company_name("TOYOTA MOTOR CORPORATION")->display  // "TOYOTA MOTOR"
 */
result<company_name> parse_company_name(std::string_view raw);

/**
 * The name to show in a note: the input without its legal form, case kept.
 * Errors: as parse_company_name().
 *
 *     rapport::company_display_name("Acme, Inc.")  // "Acme"
 */
result<std::string> company_display_name(std::string_view raw);

/**
 * The key under which two spellings of one employer compare equal: the german
 * match key of the display name, with "&" read as "and" and a leading "The"
 * dropped. "SAP SE", "SAP" and "sap" give "sap". Errors: invalid_utf8.
 */
result<std::string> company_key(std::string_view raw);

/**
 * True when `a` and `b` name the same company by company_key(). Empty names
 * and invalid UTF-8 never match.
 *
 *     rapport::same_company("SAP SE", "sap")  // true
 */
bool same_company(std::string_view a, std::string_view b);

} // namespace v1
} // namespace rapport
