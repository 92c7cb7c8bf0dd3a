#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "rapport/text.hpp"

using rapport::key_kind;

TEST_CASE("keys - spellings of one city, name or company meet on the german key") {
  struct row { std::vector<std::string> spellings; };
  const std::vector<row> table = {
      {{"München", "MUNCHEN", "Muenchen", "münchen", "MÜNCHEN"}},
      {{"Zürich", "Zurich", "ZUERICH"}},
      {{"Müller", "Mueller", "MULLER"}},
      {{"Straße", "Strasse", "STRASSE"}},
      {{"São Paulo", "Sao Paulo", "SAO PAULO", "são-paulo"}},
      {{"O'Brien", "O’Brien", "OBrien", "obrien"}},
      {{"Kraków", "Krakow"}},
      {{"Saint-Étienne", "Saint Etienne", "saint étienne"}},
  };
  for (const auto &r : table) {
    const auto first = rapport::match_key(r.spellings.front(), key_kind::german);
    REQUIRE(first);
    for (const auto &s : r.spellings) {
      INFO(r.spellings.front() << " vs " << s);
      const auto k = rapport::match_key(s, key_kind::german);
      REQUIRE(k);
      CHECK(*k == *first);
      CHECK(rapport::same_key(r.spellings.front(), s));
    }
  }
}

TEST_CASE("keys - each kind folds as documented") {
  struct row { const char *in; key_kind kind; const char *want; };
  const std::vector<row> table = {
      {"  Greater   Munich  Area ", key_kind::folded, "greater munich area"},
      {"München, Bayern", key_kind::folded, "münchen bayern"},
      {"Straße", key_kind::folded, "strasse"},
      {"ＡＢＣ Ｃｏｒｐ", key_kind::folded, "abc corp"},  // NFKC: full-width letters
      {"München", key_kind::ascii, "munchen"},
      {"Kraków", key_kind::ascii, "krakow"},
      {"Ærøskøbing", key_kind::ascii, "aeroskobing"},
      {"Mari-Liis", key_kind::folded, "mari liis"},
      {"Muenchen", key_kind::ascii, "muenchen"},
      {"Muenchen", key_kind::german, "munchen"},
      {"東京", key_kind::folded, "東京"},
      {"İstanbul", key_kind::ascii, "istanbul"},
      {"ISTANBUL", key_kind::ascii, "istanbul"},  // no Turkish dotless i, whatever the process locale
      {"", key_kind::german, ""},
  };
  for (const auto &r : table) {
    INFO(r.in);
    const auto k = rapport::match_key(r.in, r.kind);
    REQUIRE(k);
    CHECK(*k == r.want);
  }
}

TEST_CASE("keys - different names stay different") {
  CHECK_FALSE(rapport::same_key("Paris", "Parma"));
  CHECK_FALSE(rapport::same_key("Anna", "Hanna"));
  CHECK_FALSE(rapport::same_key("", ""));
  CHECK_FALSE(rapport::same_key("!!!", "???"));
}

TEST_CASE("keys - make_match_keys gives the three keys at once") {
  const auto k = rapport::make_match_keys("Großraum München");
  REQUIRE(k);
  CHECK(k->folded == "grossraum münchen");
  CHECK(k->ascii == "grossraum munchen");
  CHECK(k->german == "grossraum munchen");
}

TEST_CASE("keys - invalid UTF-8 is rejected with its offset") {
  const std::string bad = std::string("Mün") + "\xC3" + "x";
  const auto k = rapport::match_key(bad);
  REQUIRE_FALSE(k);
  CHECK(k.error().code == rapport::errc::invalid_utf8);
  CHECK(k.error().offset == 4);
  CHECK_FALSE(rapport::same_key(bad, bad));
}

TEST_CASE("utf8 - the first ill-formed sequence is found at its byte offset") {
  struct row { std::string in; std::optional<std::size_t> want; };
  const std::vector<row> table = {
      {"plain ascii", std::nullopt},
      {"Zoë 👩‍💻 東京", std::nullopt},
      {std::string("ab\x80"), 2},                   // lone continuation byte
      {std::string("\xC0\xAF"), 0},                 // overlong '/'
      {std::string("x\xE0\x80\xAF"), 1},            // overlong 3-byte
      {std::string("\xED\xA0\x80"), 0},             // UTF-16 surrogate
      {std::string("\xF4\x90\x80\x80"), 0},         // above U+10FFFF
      {std::string("ok\xF0\x9F\x98"), 2},           // truncated 4-byte sequence
      {std::string("12345678901234\xFF"), 14},      // after the 8-byte ASCII skip
      {std::string("\xF5\x80\x80\x80"), 0},
  };
  for (const auto &r : table) {
    INFO(r.in.size());
    CHECK(rapport::find_invalid_utf8(r.in) == r.want);
  }
}

TEST_CASE("nfc - decomposed text is composed, composed text is unchanged") {
  CHECK(*rapport::to_nfc("Zoe\xCC\x88") == "Zoë");
  CHECK(*rapport::to_nfc("Zoë") == "Zoë");
  CHECK(*rapport::to_nfc("ascii") == "ascii");
  CHECK(rapport::to_nfc("\xFF").error().offset == 0);
}
