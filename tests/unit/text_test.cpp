#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "rapport/text.hpp"

using rapport::grapheme_engine;
using rapport::length_unit;

namespace {

const length_unit all_units[] = {length_unit::graphemes, length_unit::code_points, length_unit::utf16,
                                 length_unit::x_weighted};

std::size_t len(std::string_view s, length_unit u) {
  auto r = rapport::length(s, u);
  REQUIRE(r);
  return *r;
}

rapport::truncation cut(std::string_view s, length_unit unit, std::size_t limit, std::string_view ellipsis = "\u2026",
                        bool word = true) {
  rapport::truncate_options o;
  o.unit = unit;
  o.limit = limit;
  o.ellipsis = ellipsis;
  o.prefer_word_boundary = word;
  auto r = rapport::truncate(s, o);
  REQUIRE(r);
  return *r;
}

} // namespace

// ---- length ------------------------------------------------------------------

TEST_CASE("text - length in graphemes, code points, UTF-16 and X weight") {
  struct row { const char *text; std::size_t graphemes, code_points, utf16, x; };
  const std::vector<row> table = {
      {"", 0, 0, 0, 0},
      {"Hello", 5, 5, 5, 5},
      {"Zoë 👩‍💻", 5, 7, 9, 6},                // ZWJ sequence: one grapheme, weighs 2
      {"e\u0301", 1, 2, 2, 1},                  // decomposed é: NFC first for graphemes and X
      {"東京", 2, 2, 2, 4},                     // CJK weighs 2 on X
      {"Hi 👋🏽", 4, 5, 7, 5},                  // skin tone modifier joins the hand
      {"🇩🇪", 1, 2, 4, 2},                      // a flag is two regional indicators
      {"a\r\nb", 3, 4, 4, 4},                   // CR LF is one grapheme
      {"한국어", 3, 3, 3, 6},
      {"\u1100\u1161\u11A8", 1, 3, 3, 3},      // conjoining jamo: one syllable (NFC composes it… to U+AC01)
      {"\u2018a\u2019 \u2014 b", 7, 7, 7, 7}, // quotes and dashes are light on X
      {"\u2026", 1, 1, 1, 2},                   // … is not in X's light ranges
      {"#️⃣", 1, 3, 3, 2},                       // keycap sequence
  };
  for (const auto &r : table) {
    INFO(r.text);
    CHECK(len(r.text, length_unit::graphemes) == r.graphemes);
    CHECK(len(r.text, length_unit::code_points) == r.code_points);
    CHECK(len(r.text, length_unit::utf16) == r.utf16);
    CHECK(len(r.text, length_unit::x_weighted) == (std::string_view(r.text) == "\u1100\u1161\u11A8" ? 2 : r.x));
  }
}

TEST_CASE("text - a URL weighs 23 on X whatever its length") {
  struct row { const char *text; std::size_t x; };
  const std::vector<row> table = {
      {"https://example.com/a/very/long/path?with=query&and=more#fragment", 23},
      {"Visit https://example.com/a?b=c now", 6 + 23 + 4},
      {"see example.com.", 4 + 23 + 1},          // trailing period is not part of the URL
      {"(www.rapport.dev)", 1 + 23 + 1},          // nor an unbalanced parenthesis
      {"HTTP://EXAMPLE.ORG", 23},
      {"docs at rapport.io/guide, then", 8 + 23 + 6},
      {"john@example.com", 16},                   // an e-mail address is not a URL
      {"e.g. i.e. Mr.Smith 1.5kg", 24},           // no known top-level domain
      {"東京example.jp", 4 + 23},                 // CJK may precede a URL
  };
  for (const auto &r : table) {
    INFO(r.text);
    CHECK(len(r.text, length_unit::x_weighted) == r.x);
  }
}

TEST_CASE("text - the fast path and ICU agree on scripts that need the full grapheme rules") {
  struct row { const char *text; std::size_t graphemes; };
  const std::vector<row> table = {
      {"plain ASCII, with punctuation!", 30},
      {"Crème brûlée à Zürich", 21},
      {"Москва Αθήνα", 12},
      {"日本語のテキスト", 8},
      {"a\r\nb\rc\nd\n\r", 9},                     // CR LF together; LF CR apart
      {"가\r\n", 2},                              // a run that needs ICU ends with CR, LF follows
      {"e\u0301\r\n\u0301x", 4},                   // … and one that starts with the LF
      {"e\u0301\u0302x", 2},                      // stacked combining marks
      {"\u1100\u1161\u11A8\u1100", 2},            // Hangul jamo L V T | L
      {"\uAC00\u11A8", 1},                        // LV syllable + T
      {"नमस्ते", 3},                                // Devanagari: virama and vowel signs (Unicode 15.0 rules)
      {"ภาษาไทย", 7},                             // Thai vowels stand alone in Unicode 15.0
      {"น้ำ", 1},                                  // but SARA AM is a SpacingMark
      {"🇩🇪🇫🇷🇮", 3},                               // regional indicators pair up, the odd one stands alone
      {"x🇩🇪", 2},
      {"👨‍👩‍👧‍👦 family", 8},                         // ZWJ sequence
      {"👍🏽👍", 2},
      {"\u0600\u0661", 1},                         // Prepend joins what follows
      {"a\u200Db", 2},                            // ZWJ outside emoji only extends
      {"😀😀", 2},                                 // Extended_Pictographic alone is simple
      {"\u00AD\u00ADx", 3},                        // soft hyphen is a Control
      {"🏴󠁧󠁢󠁳󠁣󠁴󠁿!", 2},                                 // tag sequence (Scotland)
  };
  for (const auto &r : table) {
    INFO(r.text);
    const auto fast = rapport::grapheme_boundaries(r.text, grapheme_engine::fast);
    const auto icu = rapport::grapheme_boundaries(r.text, grapheme_engine::icu);
    REQUIRE(fast);
    REQUIRE(icu);
    CHECK(*fast == *icu);
    CHECK(rapport::count_graphemes(r.text, grapheme_engine::fast).value() == r.graphemes);
    CHECK(rapport::count_graphemes(r.text, grapheme_engine::icu).value() == r.graphemes);
  }
}

TEST_CASE("text - grapheme boundaries are byte offsets with the end included") {
  CHECK(rapport::grapheme_boundaries("").value() == std::vector<std::size_t>{0});
  CHECK(rapport::grapheme_boundaries("ab").value() == std::vector<std::size_t>{0, 1, 2});
  CHECK(rapport::grapheme_boundaries("e\u0301!").value() == std::vector<std::size_t>{0, 3, 4});
  CHECK(rapport::grapheme_boundaries("\r\n\r\n").value() == std::vector<std::size_t>{0, 2, 4});
}

// ---- invalid input -------------------------------------------------------------

TEST_CASE("text - every text function rejects invalid UTF-8 with the offset") {
  struct row { std::string text; std::size_t offset; };
  const std::vector<row> table = {
      {"ab\xFF", 2},
      {"Zo\xC3", 2},                // truncated sequence
      {"\xC0\xAF", 0},              // overlong '/'
      {"ok \xED\xA0\x80", 3},       // surrogate
      {"\xF4\x90\x80\x80", 0},      // above U+10FFFF
      {std::string("nul\0\x80", 5), 4},
  };
  for (const auto &r : table) {
    INFO(r.offset);
    auto check = [&](const rapport::error &e) {
      CHECK(e.code == rapport::errc::invalid_utf8);
      CHECK(e.offset == r.offset);
    };
    for (auto u : all_units) check(rapport::length(r.text, u).error());
    check(rapport::count_graphemes(r.text).error());
    check(rapport::count_graphemes(r.text, grapheme_engine::icu).error());
    check(rapport::grapheme_boundaries(r.text).error());
    check(rapport::truncate(r.text, {length_unit::graphemes, 3}).error());
    check(rapport::sanitize(r.text).error());
    check(rapport::repair_mojibake(r.text).error());
    rapport::truncate_options bad_ellipsis;
    bad_ellipsis.limit = 2;
    bad_ellipsis.ellipsis = r.text;
    check(rapport::truncate("long enough text", bad_ellipsis).error());
  }
}

// ---- truncation ----------------------------------------------------------------

TEST_CASE("text - truncation never splits a family emoji") {
  const std::string family = "👨‍👩‍👧‍👦";
  const std::string text = "Hi " + family + family + family;
  for (auto unit : all_units) {
    for (std::size_t limit = 0; limit < len(text, unit); ++limit) {
      INFO(rapport::to_string(unit) << " limit " << limit);
      const auto t = cut(text, unit, limit, "");
      CHECK(t.truncated);
      CHECK(t.length <= limit);
      CHECK(text.compare(0, t.text.size(), t.text) == 0);
      const std::size_t after_hi = t.text.size() < 3 ? 0 : t.text.size() - 3;
      CHECK((t.text.size() <= 2 || after_hi % family.size() == 0));
    }
  }
}

TEST_CASE("text - truncation counts the ellipsis inside the limit and prefers a word boundary") {
  struct row { const char *text; length_unit unit; std::size_t limit; const char *ellipsis; bool word; const char *want; };
  const std::vector<row> table = {
      {"We both exhibit at Hannover Messe", length_unit::graphemes, 21, "\u2026", true, "We both exhibit at\u2026"},
      {"We both exhibit at Hannover Messe", length_unit::graphemes, 21, "\u2026", false, "We both exhibit at H\u2026"},
      {"We both exhibit at Hannover Messe", length_unit::graphemes, 21, "...", true, "We both exhibit at..."},
      {"We both exhibit at Hannover Messe", length_unit::graphemes, 20, "...", true, "We both exhibit..."},
      {"We both exhibit at Hannover Messe", length_unit::graphemes, 21, "", true, "We both exhibit at"},
      {"Supercalifragilisticexpialidocious", length_unit::graphemes, 10, "\u2026", true, "Supercali\u2026"},
      {"We met in São Paulo, Brazil", length_unit::utf16, 22, "\u2026", true, "We met in São Paulo\u2026"},
      {"state-of-the-art tooling", length_unit::graphemes, 14, "\u2026", true, "state-of-the\u2026"},
      {"東京で会いましょう", length_unit::x_weighted, 9, "\u2026", true, "東京で\u2026"}, // … weighs 2 on X
      {"Hello world", length_unit::graphemes, 11, "\u2026", true, "Hello world"},      // fits: untouched
      {"Hello world", length_unit::graphemes, 1, "\u2026", true, "H"},                 // ellipsis alone would not say anything
      {"Hello world", length_unit::graphemes, 0, "\u2026", true, ""},
      {"Hello   world", length_unit::graphemes, 8, "\u2026", true, "Hello\u2026"},     // no trailing spaces before …
  };
  for (const auto &r : table) {
    INFO(r.text << " / " << rapport::to_string(r.unit) << " " << r.limit);
    const auto t = cut(r.text, r.unit, r.limit, r.ellipsis, r.word);
    CHECK(t.text == r.want);
    CHECK(t.length == len(t.text, r.unit));
    CHECK(t.length <= r.limit);
    CHECK(t.truncated == (std::string_view(r.text) != r.want));
  }
}

TEST_CASE("text - truncation returns NFC and measures what it returns") {
  const auto t = cut("Cafe\u0301 society", length_unit::code_points, 100);
  CHECK_FALSE(t.truncated);
  CHECK(t.text == "Café society");
  CHECK(t.length == 12);
  const auto u = cut("Cafe\u0301 society", length_unit::code_points, 6);
  CHECK(u.text == "Café\u2026");
  CHECK(u.length == 5);
}

TEST_CASE("text - truncation on X keeps a URL whole or leaves it out") {
  const std::string text = "Slides: https://example.com/slides/2024/hannover and more";
  const auto whole = cut(text, length_unit::x_weighted, 8 + 23 + 2);
  CHECK(whole.text == "Slides: https://example.com/slides/2024/hannover\u2026");
  const auto without = cut(text, length_unit::x_weighted, 20);
  CHECK(without.text == "Slides\u2026"); // no ':' or space left dangling before the ellipsis
}

TEST_CASE("text - truncation rejects an unknown unit") {
  rapport::truncate_options o;
  o.unit = static_cast<length_unit>(42);
  o.limit = 3;
  CHECK(rapport::truncate("abcdef", o).error().code == rapport::errc::invalid_argument);
  CHECK(rapport::length("abc", static_cast<length_unit>(42)).error().code == rapport::errc::invalid_argument);
}

namespace {

// Mixed-script text from a fixed seed (std::mt19937 is the same everywhere).
std::string random_text(std::mt19937 &rng) {
  static const std::vector<std::string> atoms = {
      "a", "Z", " ", "  ", "\n", "\r\n", "-", ",", "é", "e\u0301", "ñ", "ß", "Ж", "λ", "東", "京", "の", "한",
      "\u1100\u1161", "\u11A8", "न", "\u094D", "ि", "ت", "\u0651", "😀", "👍🏽", "👨‍👩‍👧‍👦", "🇩🇪", "🇫", "❤️",
      "#️⃣", "\u200D", "\uFE0F", "\u0301", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "word", "Straße", "https://example.com/x", "rapport.dev",
      "\u2019", "\u2026", "\u00AD", "\U0001F9D1\u200D\U0001F4BB"};
  std::string s;
  const auto n = rng() % 40;
  for (std::uint32_t k = 0; k < n; ++k) s += atoms[rng() % atoms.size()];
  return s;
}

} // namespace

TEST_CASE("text - fast path property: random mixed text gets ICU's boundaries and count") {
  static const std::vector<std::string> atoms = {
      "a", " ", "\r", "\n", "\r\n", "é", "e", "\u0301", "\u0308", "東", "한", "\u1100", "\u1161", "\u11A8", "\uAC00",
      "न", "\u094D", "ि", "\u0E33", "\u0600", "\U0001F1E9", "\U0001F1EA", "😀", "\U0001F3FD", "\u200D", "\uFE0F",
      "\u00AD", "\u0085", "👨", "\U000E0067", "\U000E007F", "🏴"};
  std::mt19937 rng(99);
  for (int k = 0; k < 2000; ++k) {
    std::string text;
    const auto n = rng() % 24;
    for (std::uint32_t i = 0; i < n; ++i) text += atoms[rng() % atoms.size()];
    INFO("text #" << k << " [" << text << "]");
    const auto fast = rapport::grapheme_boundaries(text, grapheme_engine::fast).value();
    const auto icu = rapport::grapheme_boundaries(text, grapheme_engine::icu).value();
    CHECK(fast == icu);
    CHECK(rapport::count_graphemes(text, grapheme_engine::fast).value() == icu.size() - 1);
    CHECK(rapport::count_graphemes(text, grapheme_engine::icu).value() == icu.size() - 1);
  }
}

TEST_CASE("text - truncation property: random mixed text never exceeds the limit nor splits a grapheme") {
  std::mt19937 rng(20240611);
  const std::string_view ellipses[] = {"\u2026", "", "...", "👉"};
  for (int k = 0; k < 300; ++k) {
    const std::string text = random_text(rng);
    const std::string nfc = rapport::to_nfc(text).value();
    const auto bounds = rapport::grapheme_boundaries(nfc).value();
    for (auto unit : all_units) {
      const std::size_t full = len(nfc, unit); // truncation measures the NFC form
      const std::size_t limit = full == 0 ? 0 : rng() % (full + 2);
      const auto ellipsis = ellipses[rng() % 4];
      const bool word = rng() % 2 == 0;
      INFO("text #" << k << " [" << text << "] " << rapport::to_string(unit) << " limit " << limit << " ellipsis ["
                    << ellipsis << "]");
      std::string fast_text;
      for (const auto engine : {grapheme_engine::fast, grapheme_engine::icu}) {
        rapport::truncate_options o{unit, limit, ellipsis, word, engine};
        const auto t = rapport::truncate(text, o);
        REQUIRE(t);
        if (engine == grapheme_engine::fast) fast_text = t->text;
        else CHECK(t->text == fast_text); // the fast path cuts exactly where ICU would
        CHECK(t->length <= limit);
        CHECK(t->length == len(t->text, unit));
        CHECK(t->truncated == (full > limit));
        std::string_view kept = t->text;
        if (t->truncated && !ellipsis.empty() && kept.size() >= ellipsis.size() &&
            kept.substr(kept.size() - ellipsis.size()) == ellipsis)
          kept.remove_suffix(ellipsis.size());
        CHECK(std::string_view(nfc).substr(0, kept.size()) == kept);
        CHECK(std::find(bounds.begin(), bounds.end(), kept.size()) != bounds.end());
      }
    }
  }
}

TEST_CASE("text - truncation property: plain ASCII and precomposed Latin cut where ICU does") {
  // These texts take truncate()'s direct paths (no segmenter); the ICU engine never does.
  static const std::vector<std::string> atoms = {"a", "Zo", " ", "  ", "-", ",", ";", "/", ":", "word", "é", "ß",
                                                 "Ж", "λ", "ñ", "Ø", "\t", ".", "'"};
  static const std::vector<std::string> rare = {"\r\n", "\n", "e\u0301", "\u00AD", "東"};
  std::mt19937 rng(4242);
  const std::string_view ellipses[] = {"\u2026", "", "...", "\u0301"};
  for (int k = 0; k < 1500; ++k) {
    std::string text;
    const auto n = rng() % 60;
    for (std::uint32_t i = 0; i < n; ++i) text += rng() % 50 == 0 ? rare[rng() % rare.size()] : atoms[rng() % atoms.size()];
    for (auto unit : {length_unit::graphemes, length_unit::code_points, length_unit::utf16}) {
      const std::size_t full = len(rapport::to_nfc(text).value(), unit);
      const std::size_t limit = rng() % (full + 3);
      const auto ellipsis = ellipses[rng() % 4];
      const bool word = rng() % 3 != 0;
      INFO("text #" << k << " [" << text << "] " << rapport::to_string(unit) << " limit " << limit << " ellipsis ["
                    << ellipsis << "] word " << word);
      const auto fast = rapport::truncate(text, {unit, limit, ellipsis, word, grapheme_engine::fast});
      const auto icu = rapport::truncate(text, {unit, limit, ellipsis, word, grapheme_engine::icu});
      REQUIRE(fast);
      REQUIRE(icu);
      CHECK(fast->text == icu->text);
      CHECK(fast->length == icu->length);
      CHECK(fast->truncated == icu->truncated);
      CHECK(fast->length <= limit);
    }
  }
}

TEST_CASE("text - truncating a long text cuts at the longest fitting grapheme prefix") {
  // Long enough that only a head of it is segmented; no spaces or separators,
  // so the cut is exactly the longest prefix that fits.
  const std::vector<std::string> atoms = {"a", "é", "e\u0301", "東", "한", "\u1100\u1161\u11A8", "नि", "👨‍👩‍👧‍👦",
                                          "🇩🇪", "👍🏽", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "x\u0308\u0308\u0308\u0308\u0308\u0308\u0308\u0308"};
  std::mt19937 rng(7);
  std::string text;
  while (text.size() < 6000) text += atoms[rng() % atoms.size()];
  const std::string nfc = rapport::to_nfc(text).value();
  const auto bounds = rapport::grapheme_boundaries(nfc).value();
  for (auto unit : {length_unit::graphemes, length_unit::code_points, length_unit::utf16}) {
    std::size_t b = 0; // index into bounds of the longest fitting prefix, grown as the limit grows
    for (std::size_t limit : {0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233}) {
      while (b + 1 < bounds.size() && len(std::string_view(nfc).substr(0, bounds[b + 1]), unit) <= limit) ++b;
      INFO(rapport::to_string(unit) << " limit " << limit);
      for (const auto engine : {grapheme_engine::fast, grapheme_engine::icu}) {
        rapport::truncate_options o{unit, limit, "", false, engine};
        const auto t = rapport::truncate(text, o);
        REQUIRE(t);
        CHECK(t->text.size() == bounds[b]);
        CHECK(t->text == nfc.substr(0, bounds[b]));
      }
    }
  }
}

// ---- sanitizing ----------------------------------------------------------------

TEST_CASE("text - sanitizing removes bidi overrides, invisible characters and controls, and says where") {
  using rapport::removal_kind;
  struct row { const char *in; const char *out; std::vector<rapport::removal> removed; };
  const std::vector<row> table = {
      {"\u202Egnp.exe", "gnp.exe", {{0, 0x202E, removal_kind::bidi_control}}},
      {"Anna\u2066\u2069", "Anna", {{4, 0x2066, removal_kind::bidi_control}, {7, 0x2069, removal_kind::bidi_control}}},
      {"Jo\u200Bhn", "John", {{2, 0x200B, removal_kind::invisible}}},
      {"\uFEFFMaria", "Maria", {{0, 0xFEFF, removal_kind::invisible}}},
      {"\u3164", "", {{0, 0x3164, removal_kind::invisible}}},   // Hangul filler: an "empty" name
      {"\u2800", "", {{0, 0x2800, removal_kind::invisible}}},   // braille blank
      {"a\u00ADb", "ab", {{1, 0xAD, removal_kind::invisible}}}, // soft hyphen
      {"a\tb\r\nc", "ab\nc", {{1, 0x09, removal_kind::control}, {3, 0x0D, removal_kind::control}}},
      {"x\u0085y\x7F", "xy", {{1, 0x85, removal_kind::control}, {4, 0x7F, removal_kind::control}}},
      {"ab\u200Dcd", "abcd", {{2, 0x200D, removal_kind::invisible}}},   // ZWJ between Latin letters
      {"\uFE0Fhi", "hi", {{0, 0xFE0F, removal_kind::invisible}}},       // a selector with nothing to select
      {"line one\nline two", "line one\nline two", {}},
  };
  for (const auto &r : table) {
    INFO(r.in);
    const auto s = rapport::sanitize(r.in);
    REQUIRE(s);
    CHECK(s->text == r.out);
    REQUIRE(s->removed.size() == r.removed.size());
    for (std::size_t k = 0; k < r.removed.size(); ++k) {
      CHECK(s->removed[k].offset == r.removed[k].offset);
      CHECK(s->removed[k].code_point == r.removed[k].code_point);
      CHECK(s->removed[k].kind == r.removed[k].kind);
    }
  }
}

TEST_CASE("text - sanitizing keeps ZWJ and variation selectors that belong to emoji and scripts") {
  const std::vector<std::string> keep = {
      "👨‍👩‍👧‍👦", "❤️", "🏳️‍🌈", "👁️‍🗨️", "1️⃣", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "🧑🏽‍💻", "☺︎",
      "می\u200Cخواهم",      // Persian needs ZWNJ
      "क्\u200Dष",           // Devanagari half form with ZWJ
      "葛\U000E0100城",        // ideographic variation sequence
      "Zoë Renée-Müller", "東京 🇯🇵", "שלום", "مرحبا",
  };
  for (const auto &s : keep) {
    INFO(s);
    const auto r = rapport::sanitize(s);
    REQUIRE(r);
    CHECK(r->text == s);
    CHECK(r->removed.empty());
  }
}

// ---- mojibake ----------------------------------------------------------------

TEST_CASE("text - mojibake from Windows-1252 and Latin-1 is repaired") {
  struct row { const char *in; const char *want; };
  const std::vector<row> table = {
      {"JosÃ© GarcÃ­a", "José García"},           // Ã­ hides a soft hyphen (0xAD)
      {"Itâ€™s great", "It’s great"},             // three-byte quote via Windows-1252 €, ™
      {"MÃ¼nchen", "München"},
      {"ZoÃ«", "Zoë"},
      {"ÃœnÃ¯cÃ¶dÃ© Ã‡Ãƒ", "Ünïcödé ÇÃ"},
      {"Ð\u009CÐ¾Ñ\u0081ÐºÐ²Ð°", "Москва"},         // Latin-1 decoder: C1 controls
      {"ðŸ˜€ party", "😀 party"},                 // four-byte emoji
      {"JosÃƒÂ©", "José"},                        // encoded twice
      {"Café and JosÃ©", "Café and José"},       // mixed: the real é stays
  };
  for (const auto &r : table) {
    INFO(r.in);
    const auto m = rapport::repair_mojibake(r.in);
    REQUIRE(m);
    REQUIRE(m->has_value());
    CHECK(**m == r.want);
  }
}

TEST_CASE("text - legitimate accented text is not mistaken for mojibake") {
  const std::vector<std::string> legit = {
      "SÃO PAULO", "São Paulo", "JOÃO", "Ça va", "ÀÉÎÕÜ", "naïve café", "Straße", "£5 ©2024 ®", "Ørsted",
      "Æsir", "Ã", "Â", "東京", "👍🏽", "plain ASCII", "",
      "\u00D7\u00BB",  // "×»" would spell D7 BB, an unassigned code point
      "\u00C2\u2026",  // "Â…" would spell C2 85, a control
  };
  for (const auto &s : legit) {
    INFO(s);
    const auto m = rapport::repair_mojibake(s);
    REQUIRE(m);
    CHECK_FALSE(m->has_value());
  }
}

// ---- names and threads ----------------------------------------------------------

TEST_CASE("text - units and removal kinds have stable names") {
  CHECK(std::string(rapport::to_string(length_unit::graphemes)) == "graphemes");
  CHECK(std::string(rapport::to_string(length_unit::code_points)) == "code_points");
  CHECK(std::string(rapport::to_string(length_unit::utf16)) == "utf16");
  CHECK(std::string(rapport::to_string(length_unit::x_weighted)) == "x_weighted");
  CHECK(std::string(rapport::to_string(rapport::removal_kind::bidi_control)) == "bidi_control");
  CHECK(std::string(rapport::to_string(rapport::removal_kind::invisible)) == "invisible");
  CHECK(std::string(rapport::to_string(rapport::removal_kind::control)) == "control");
}

TEST_CASE("text - threads measuring and truncating at once get the same answers") {
  const std::vector<std::string> texts = {"Crème brûlée", "👨‍👩‍👧‍👦 family 🇩🇪", "नमस्ते दुनिया", "한국어 텍스트",
                                          "Visit https://example.com now"};
  std::vector<std::size_t> want;
  for (const auto &t : texts)
    for (auto u : all_units) want.push_back(len(t, u) * 1000 + cut(t, u, 5).length);
  std::vector<std::vector<std::size_t>> got(4);
  std::vector<std::thread> threads;
  for (auto &g : got)
    threads.emplace_back([&texts, &g] {
      for (int round = 0; round < 50; ++round) {
        g.clear();
        for (const auto &t : texts)
          for (auto u : all_units) {
            rapport::truncate_options o;
            o.unit = u;
            o.limit = 5;
            g.push_back(rapport::length(t, u).value() * 1000 + rapport::truncate(t, o).value().length);
          }
      }
    });
  for (auto &t : threads) t.join();
  for (const auto &g : got) CHECK(g == want);
}
