// rapport — person names: cleaning what people type into a name field, and
// greeting them the way their language does.
//
// Names arrive noisy: "MARI-LIIS TAMM", "Dr. Anna Schmidt, MBA, PMP",
// "Anna Schmidt (she/her) | Hiring", "🚀 Jane Doe 🇺🇸", "van der Berg, Jan",
// "Katherine (Kate) Smith". parse_person_name() splits such a string into
// parts, fixes the case only of names written ALL CAPS or all lowercase (mixed
// case is kept as the person wrote it: "DeAndre", "d'Artagnan"), and moves
// honorifics, credentials, pronouns, emoji and headline junk out of the way.
// greeting_name() then says what goes after "Hi"/"Hallo"/"Bonjour": "Kate",
// "山田様", "Kovács Anna", "Frau Schmidt" (only when a gender was stated).
//
// rapport never infers a gender from a name. The rules and their limits are in
// docs/names.md; the traps are in docs/falsehoods.md.
//
//     auto n = rapport::parse_person_name("MARI-LIIS TAMM");
//     // n->given == "Mari-Liis", n->family == "Tamm"
//     auto g = rapport::greeting_name(*n, "en");  // "Mari-Liis"
#pragma once

#include <string>
#include <string_view>

#include "rapport/formality.hpp"
#include "rapport/result.hpp"

namespace rapport {
inline namespace v1 {

/** In which order the parts of a name are written. */
enum class name_order {
  given_first,  ///< "Anna Schmidt"
  family_first, ///< "山田 太郎", "Kovács Anna", "Nguyễn Văn An"
};



/** A parsed person name. Every string is UTF-8 in NFC; parts may be empty. */
struct person_name {
  std::string given;      ///< "Mari-Liis", "太郎", "Anna"
  std::string middle;     ///< "José" in "María José García-López" (without a Spanish locale hint)
  std::string family;     ///< "Tamm", "van der Berg", "山田"
  std::string prefix;     ///< honorifics as written: "Dr.", "Prof. Dr.", "Frau"
  std::string suffix;     ///< credentials and generational suffixes: "MBA, PMP", "Jr."
  std::string preferred;  ///< "Kate" from "Katherine (Kate) Smith" or "Robert \"Bob\" Jones"
  std::string pronouns;   ///< "she/her" from "(she/her)"; kept, never used for a salutation
  std::string raw;        ///< the input exactly as given (two fields: joined by a space)
  name_order order = name_order::given_first;
  grammatical_gender gender = grammatical_gender::unknown; ///< from an explicit honorific, or set by the caller
  bool academic_title = false; ///< prefix holds "Dr." or "Prof." (kept in German and English formal greetings)
  bool recased = false;        ///< the case was changed (input was ALL CAPS or all lowercase)
};

/** How to parse a name. */
struct name_parse_options {
  /// BCP 47 tag of the person's language when known ("hu", "ja", "es-MX");
  /// only the language subtag is used. It decides the order of Latin-script
  /// names ("Kovács Anna" is family-first only with "hu", "vi"), Spanish
  /// compound given names and double surnames ("es", "pt"), splitting of
  /// unspaced Chinese names ("zh"), Dutch "IJ" capitalization ("nl") and
  /// Turkish dotless ı ("tr"). Empty: no assumption.
  std::string_view locale;
  /// Fix ALL CAPS and all-lowercase names ("MCDONALD" → "McDonald").
  bool fix_case = true;
};

/**
 * Parses a full name as typed into one field. Handles "Last, First", honorifics,
 * credentials, pronouns, nicknames in parentheses or quotes, emoji and flags,
 * and headline junk after "|", " - ", "•" or an emoji. Non-Latin scripts are
 * never recased. Errors: invalid_utf8 (with the byte offset), limit_exceeded
 * for input over 1024 bytes.
 *
 *     auto n = rapport::parse_person_name("Dr. Anna Schmidt, MBA, PMP");
 *     // given "Anna", family "Schmidt", prefix "Dr.", suffix "MBA, PMP"
 */
result<person_name> parse_person_name(std::string_view raw, const name_parse_options &options = {});

/**
 * Parses a name that comes as separate given and family fields, as in
 * LinkedIn's Connections.csv ("First Name", "Last Name"). Each field is
 * cleaned the same way as by the one-field overload; neither is split further
 * except to move honorifics, credentials and a "(Kate)" nickname out.
 * Errors: invalid_utf8 (offset within the field that failed), limit_exceeded.
 *
 *     auto n = rapport::parse_person_name("KATHERINE (Kate)", "SMITH, CPA", {});
 *     // given "Katherine", preferred "Kate", family "Smith", suffix "CPA"
 */
result<person_name> parse_person_name(std::string_view given, std::string_view family,
                                      const name_parse_options &options);

/**
 * What to write after "Hi"/"Hallo"/"Bonjour" for `name` in `locale` (BCP 47;
 * empty means English). Informal: the preferred or given name ("Kate"), or
 * the formal form when there is none ("Dr. Schmidt"); in Japanese family name
 * + "さん"; in Korean full name + " 님". Formal: per-locale
 * conventions — German "Frau Dr. Schmidt" only when a gender was stated,
 * otherwise "Dr. Anna Schmidt"; English "Ms Schmidt"/"Dr. Schmidt"/"Anna
 * Schmidt"; Japanese "山田様"; Hungarian "Kovács Anna". A CJK-script name
 * greeted in another language is written as the person writes it, without an
 * honorific ("山田太郎"). The result never starts or ends with a space.
 * Errors: not_found when the name has nothing to greet (so no "Hi ,");
 * invalid_utf8 when a part of `name` (e.g. one set by the caller) or `locale` is not UTF-8.
 *
 *     rapport::greeting_name(*rapport::parse_person_name("山田 太郎"), "ja", rapport::formality::formal)
 *     // "山田様"
 */
result<std::string> greeting_name(const person_name &name, std::string_view locale,
                                  formality form = formality::informal);

/** What display_name() includes. */
struct display_name_options {
  std::string_view locale;     ///< order of Latin names: "hu" writes family first; empty = as parsed
  bool with_prefix = false;    ///< "Dr. Anna Schmidt"
  bool with_suffix = false;    ///< "Anna Schmidt, MBA"
  bool with_preferred = false; ///< "Katherine (Kate) Smith"
};

/**
 * The cleaned full name for lists and headers: "Anna Schmidt", "山田太郎",
 * "Kovács Anna" (in Hungarian; "Anna Kovács" in English). CJK-script names
 * keep their order and are joined without a space.
 * Errors: not_found when the name is empty; invalid_utf8 when a part is not UTF-8.
 */
result<std::string> display_name(const person_name &name, const display_name_options &options = {});

/**
 * True when every cased letter of `text` is uppercase and there are at least
 * three of them: "MARI-LIIS TAMM", "O'NEIL" (but not "AJ", "McDonald", "山田").
 * Invalid UTF-8 gives false.
 */
bool is_all_caps_name(std::string_view text);

} // namespace v1
} // namespace rapport
