// rapport — the Unicode text core.
//
// Everything rapport says or reads passes through here. Text is UTF-8 in and
// UTF-8 out; every function rejects ill-formed UTF-8 with errc::invalid_utf8
// and the byte offset of the first bad sequence — nothing is replaced silently.
//
//  * validation and NFC normalization;
//  * match keys, so "München", "MUNCHEN", "Muenchen" and "münchen" compare equal
//    (keys are for comparing only, never for display);
//  * length in grapheme clusters, code points, UTF-16 code units or X's
//    weighted count, with a fast path that gives ICU's answer without a
//    BreakIterator for text that needs no full grapheme rules;
//  * truncation to a limit that never splits a grapheme and prefers a word
//    boundary;
//  * sanitizing untrusted text (bidi controls, invisible characters, controls)
//    and repairing UTF-8 that was decoded as Windows-1252 ("Ã©" → "é").
//
// All functions are thread-safe. ICU stays behind src/; this header needs only
// the standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/result.hpp"

namespace rapport {
inline namespace v1 {

// ---- validation and normalization -----------------------------------------

/**
 * Byte offset of the first ill-formed UTF-8 sequence in `text`, or nullopt when
 * the whole text is well-formed (overlongs, surrogates and code points above
 * U+10FFFF are ill-formed). Never throws.
 *
 *     if (auto bad = rapport::find_invalid_utf8(s)) report(*bad);
 */
std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

/** True when `text` is well-formed UTF-8. */
inline bool is_valid_utf8(std::string_view text) noexcept { return !find_invalid_utf8(text); }

/** `text` in Unicode Normalization Form C. Errors: invalid_utf8. */
result<std::string> to_nfc(std::string_view text);

// ---- match keys ------------------------------------------------------------

/** Which comparison key to build. */
enum class key_kind {
  /// NFKC case fold; punctuation and runs of white space fold to one space,
  /// trimmed. Keeps every script: "Straße" → "strasse", "São Paulo" → "são paulo".
  folded,
  /// folded, then transliterated to ASCII (ICU "Any-Latin; Latin-ASCII"):
  /// "München" → "munchen", "Zürich" → "zurich", "Kraków" → "krakow".
  ascii,
  /// ascii, read the German way: "ü"/"ue" → "u", "ö"/"oe" → "o", "ä"/"ae" → "a",
  /// "ß" → "ss". "München", "MUNCHEN", "Muenchen" and "münchen" all give "munchen".
  german,
};

/** The match key of `text`. Errors: invalid_utf8. */
result<std::string> match_key(std::string_view text, key_kind kind = key_kind::folded);

/** All three keys of one text. */
struct match_keys {
  std::string folded;
  std::string ascii;
  std::string german;
};

/** The three keys of `text` at once (cheaper than three calls). Errors: invalid_utf8. */
result<match_keys> make_match_keys(std::string_view text);

/**
 * True when `a` and `b` name the same thing under the loosest key (german),
 * e.g. same_key("Müller", "MUELLER"). Invalid UTF-8 on either side is never equal.
 */
bool same_key(std::string_view a, std::string_view b);

// ---- length ----------------------------------------------------------------

/**
 * Largest text, in bytes, that length, count_graphemes, grapheme_boundaries,
 * truncate, sanitize and repair_mojibake accept (256 MiB); longer input is
 * refused with errc::limit_exceeded before it is read.
 */
inline constexpr std::size_t max_text_size = std::size_t{1} << 28;

/** How a platform counts characters. */
enum class length_unit {
  graphemes,   ///< user-perceived characters (extended grapheme clusters, UAX #29)
  code_points, ///< Unicode scalar values
  utf16,       ///< UTF-16 code units, as JavaScript's String.length (LinkedIn's likely unit)
  x_weighted,  ///< X (Twitter) weighted length: NFC, light ranges weigh 1, others 2,
               ///< an emoji sequence 2, a URL 23 (twitter-text v3 configuration;
               ///< which URLs are recognised: docs/text.md)
};

/** Name of a unit: "graphemes", "code_points", "utf16", "x_weighted". */
const char *to_string(length_unit unit) noexcept;

/**
 * Length of `text` in `unit`. Graphemes and x_weighted count the NFC form;
 * code_points and utf16 count the text as given (what a form field would).
 * Errors: invalid_utf8, limit_exceeded (above max_text_size), invalid_argument
 * (a unit that is not one of the four).
 *
 *     rapport::length("Zoë 👩‍💻", rapport::length_unit::graphemes)  // 5
 */
result<std::size_t> length(std::string_view text, length_unit unit);

/**
 * Grapheme count of `text` as given (not normalized) by one of two engines,
 * for tests and benchmarks. `icu` always runs ICU's BreakIterator (root
 * locale, one clone per thread). `fast` knows that UAX #29 always breaks
 * between two code points whose Grapheme_Cluster_Break is Other, Control, CR
 * or LF (except CR LF), so it splits the text there and hands ICU only the
 * runs around other code points (marks, Hangul jamo, ZWJ, regional
 * indicators, prepend…): ASCII, precomposed Latin, CJK and lone emoji never
 * reach ICU. Both give the same answer, Unicode's GraphemeBreakTest included.
 * Errors: invalid_utf8, limit_exceeded.
 *
 *     rapport::count_graphemes("e\u0301 🇩🇪")  // 3
 */
enum class grapheme_engine { fast, icu };
result<std::size_t> count_graphemes(std::string_view text, grapheme_engine engine = grapheme_engine::fast);

/**
 * Byte offsets where each grapheme cluster starts in `text` (not normalized),
 * plus text.size() at the end: {0} for "", {0, 3, 4} for "e\u0301!".
 * Errors: invalid_utf8, limit_exceeded.
 */
result<std::vector<std::size_t>> grapheme_boundaries(std::string_view text,
                                                     grapheme_engine engine = grapheme_engine::fast);

// ---- truncation ------------------------------------------------------------

/** How to shorten a text. */
struct truncate_options {
  length_unit unit = length_unit::graphemes;
  std::size_t limit = 0;              ///< maximum length of the result, ellipsis included
  std::string_view ellipsis = "\u2026"; ///< appended when cut; "" for none
  bool prefer_word_boundary = true;   ///< cut at the last word boundary if one is near
  grapheme_engine engine = grapheme_engine::fast; ///< for tests and benchmarks; same result either way
};

/** A truncated text. */
struct truncation {
  std::string text;        ///< NFC; fits the limit in its unit
  std::size_t length = 0;  ///< length of `text` in the requested unit
  bool truncated = false;  ///< false when the input already fitted
};

/**
 * `text` in NFC, shortened to at most `options.limit` in `options.unit`
 * (measured on the NFC form). The contract:
 *  - a text that fits is returned whole (truncated = false);
 *  - the cut is never inside a grapheme cluster, nor on X inside a URL;
 *  - the ellipsis counts inside the limit: the text gets limit minus the
 *    ellipsis's length; with prefer_word_boundary the cut moves back to the
 *    last word boundary (before white space, after a dash or '/') when one
 *    lies in the last third of that allowance, else it is the longest prefix;
 *  - white space, ',', ';', ':' and dashes left at the end of the cut are
 *    dropped, so "Hello, world" never becomes "Hello,…";
 *  - the ellipsis is used only when at least one grapheme of the text fits
 *    before it; otherwise the cut is made without it (limit 1 → "H", not "…"),
 *    and with nothing left the result is "";
 *  - `length` is the measured length of the returned text, always <= limit.
 * Errors: invalid_utf8 (in text or ellipsis, offset in that string),
 * limit_exceeded, invalid_argument (unknown unit).
 *
 *     rapport::truncate("We both exhibit at Hannover Messe", {.limit = 21})->text
 *     // "We both exhibit at…"
 */
result<truncation> truncate(std::string_view text, const truncate_options &options);

// ---- sanitizing --------------------------------------------------------------

/** Why a character was removed. */
enum class removal_kind {
  bidi_control, ///< U+202A–U+202E, U+2066–U+2069 (embedding, override, isolate),
                ///< and the marks U+200E, U+200F, U+061C
  invisible,    ///< zero-width and other default-ignorable characters (U+200B, U+2060,
                ///< U+FEFF, U+00AD, Hangul fillers…) and U+2800 BRAILLE PATTERN BLANK
  control,      ///< C0 and C1 controls except newline (U+000A); tab and CR included
};

/** Name of a removal kind: "bidi_control", "invisible", "control". */
const char *to_string(removal_kind kind) noexcept;

/** One removed character. */
struct removal {
  std::size_t offset = 0;  ///< byte offset in the input
  char32_t code_point = 0;
  removal_kind kind = removal_kind::control;
};

/** Sanitized text and what was taken out. */
struct sanitized {
  std::string text;
  std::vector<removal> removed;
};

/**
 * `text` with bidi controls, invisible characters and controls (all but
 * newline) removed, each removal reported in input order. Kept because they
 * are part of what is written: ZWJ (U+200D) between two emoji of a sequence;
 * ZWJ and ZWNJ (U+200C) between letters of scripts that spell with them
 * (Arabic/Persian, Indic, Khmer, Myanmar, Mongolian…); a variation selector
 * after a visible character ("❤️", "1️⃣", ideographic variation sequences); tag
 * characters after U+1F3F4 (subdivision flags). The text is not normalized.
 * Repair mojibake first: "Ã­" hides a soft hyphen that sanitizing removes.
 * Errors: invalid_utf8, limit_exceeded.
 *
 *     rapport::sanitize("\u202Eekim")->text  // "ekim", removed[0].kind == bidi_control
 */
result<sanitized> sanitize(std::string_view text);

// ---- mojibake ----------------------------------------------------------------

/**
 * When `text` looks like UTF-8 that was decoded as Windows-1252 or Latin-1 and
 * re-encoded ("Ã©" for "é", "â€™" for "’"), the repaired text; nullopt when it
 * does not. Only runs of characters that map back to the bytes of a
 * well-formed multi-byte UTF-8 sequence are replaced, so legitimate text stays:
 * "SÃO" ("Ã" then "O", not a continuation byte) is Portuguese, not mojibake.
 * Mixed text (a real "é" beside a broken "Ã©") and double encoding are repaired.
 * Errors: invalid_utf8, limit_exceeded.
 *
 *     rapport::repair_mojibake("JosÃ© GarcÃ­a")  // "José García"
 */
result<std::optional<std::string>> repair_mojibake(std::string_view text);

} // namespace v1
} // namespace rapport
