// Conformance of the text core with Unicode's own test files (third-party data,
// read in place: /usr/share/unicode from Debian's unicode-data, or the shared
// test data folder).
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rapport/text.hpp"

namespace {

std::ifstream open_unicode_file(const std::string &system_path, const std::string &shared_name) {
  std::ifstream in(system_path);
  if (!in) in.open(std::string(RAPPORT_SHARED_TESTDATA) + "/unicode/" + shared_name);
  return in;
}

void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

struct break_case {
  std::string line;
  std::string text;
  std::vector<std::size_t> boundaries; // byte offsets of every ÷, 0 and the end included
};

std::vector<break_case> read_grapheme_break_test() {
  auto in = open_unicode_file("/usr/share/unicode/auxiliary/GraphemeBreakTest.txt", "GraphemeBreakTest.txt");
  REQUIRE(in);
  std::vector<break_case> cases;
  std::string line;
  while (std::getline(in, line)) {
    const auto data = line.substr(0, line.find('#'));
    if (data.find_first_not_of(" \t") == std::string::npos) continue;
    break_case c{line, {}, {}};
    std::istringstream tokens(data);
    std::string tok;
    while (tokens >> tok) {
      if (tok == "\xC3\xB7") { // ÷
        c.boundaries.push_back(c.text.size());
      } else if (tok != "\xC3\x97") { // ×
        append_utf8(c.text, static_cast<char32_t>(std::stoul(tok, nullptr, 16)));
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

} // namespace

TEST_CASE("text conformance - every line of Unicode's GraphemeBreakTest.txt on the fast path and on ICU") {
  const auto cases = read_grapheme_break_test();
  REQUIRE(cases.size() > 500); // Unicode 15.0 has 602 cases
  for (const auto engine : {rapport::grapheme_engine::fast, rapport::grapheme_engine::icu}) {
    for (const auto &c : cases) {
      INFO((engine == rapport::grapheme_engine::fast ? "fast: " : "icu: ") << c.line);
      const auto got = rapport::grapheme_boundaries(c.text, engine);
      REQUIRE(got);
      CHECK(*got == c.boundaries);
      const auto n = rapport::count_graphemes(c.text, engine);
      REQUIRE(n);
      CHECK(*n == c.boundaries.size() - 1);
    }
  }
}

TEST_CASE("text conformance - every fully-qualified sequence of emoji-test.txt is one grapheme weighing 2 on X") {
  auto in = open_unicode_file("/usr/share/unicode/emoji/emoji-test.txt", "emoji-test.txt");
  REQUIRE(in);
  std::string line;
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    const auto semi = line.find(';');
    if (line.empty() || line[0] == '#' || semi == std::string::npos) continue;
    if (line.find("; fully-qualified") == std::string::npos) continue;
    std::string emoji;
    std::istringstream cps(line.substr(0, semi));
    std::string tok;
    while (cps >> tok) append_utf8(emoji, static_cast<char32_t>(std::stoul(tok, nullptr, 16)));
    INFO(line);
    CHECK(rapport::count_graphemes(emoji, rapport::grapheme_engine::fast).value() == 1);
    CHECK(rapport::count_graphemes(emoji, rapport::grapheme_engine::icu).value() == 1);
    CHECK(rapport::length(emoji, rapport::length_unit::graphemes).value() == 1);
    CHECK(rapport::length(emoji, rapport::length_unit::x_weighted).value() == 2);
    ++checked;
  }
  CHECK(checked > 3000); // emoji 15.0 lists 3,655 fully-qualified sequences
}
