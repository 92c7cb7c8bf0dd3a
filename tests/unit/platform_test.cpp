#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "rapport/platform.hpp"

using rapport::length_unit;
using rapport::platform_field;

TEST_CASE("platforms - built-in limits per field and tier") {
  struct row { const char *id; platform_field field; const char *tier; std::size_t want; };
  const std::vector<row> table = {
      {"linkedin-connection-note", platform_field::body, "free", 200},
      {"linkedin-connection-note", platform_field::body, "premium", 300},
      {"linkedin-connection-note", platform_field::body, "", 200},  // the first tier is the default
      {"linkedin-inmail", platform_field::subject, "", 200},
      {"linkedin-inmail", platform_field::body, "", 1900},
      {"linkedin-message", platform_field::body, "", 8000},
      {"email", platform_field::subject, "", 78},
      {"email", platform_field::body, "", rapport::no_limit},
      {"x-dm", platform_field::body, "", 10000},
      {"instagram-dm", platform_field::body, "", 1000},
      {"custom", platform_field::body, "", rapport::no_limit},
  };
  for (const auto &r : table) {
    INFO(r.id << " " << rapport::to_string(r.field) << " " << r.tier);
    const auto p = rapport::find_platform(r.id);
    REQUIRE(p);
    const auto n = rapport::platform_limit(*p, r.field, r.tier);
    REQUIRE(n);
    CHECK(*n == r.want);
  }
}

TEST_CASE("platforms - each profile states how it counts, UTF-16 where undocumented") {
  struct row { const char *id; length_unit unit; };
  const std::vector<row> table = {
      {"linkedin-connection-note", length_unit::utf16}, {"linkedin-inmail", length_unit::utf16},
      {"linkedin-message", length_unit::utf16},         {"email", length_unit::utf16},
      {"x-dm", length_unit::x_weighted},                {"instagram-dm", length_unit::utf16},
  };
  for (const auto &r : table) {
    INFO(r.id);
    const auto p = rapport::find_platform(r.id);
    REQUIRE(p);
    CHECK(p->unit == r.unit);
    CHECK_FALSE(p->source.empty());
    CHECK_FALSE(p->display_name.empty());
  }
  CHECK(rapport::find_platform("email")->confidence == rapport::platform_confidence::convention);
  CHECK(rapport::find_platform("linkedin-connection-note")->tiers == std::vector<std::string>{"free", "premium"});
}

TEST_CASE("platforms - every built-in id is listed, sorted, and found") {
  const auto ids = rapport::platform_ids();
  const std::vector<std::string> want = {"custom",          "email",  "instagram-dm", "linkedin-connection-note",
                                         "linkedin-inmail", "linkedin-message", "x-dm"};
  CHECK(ids == want);
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  for (const auto &id : ids) CHECK(rapport::find_platform(id));
}

TEST_CASE("platforms - unknown ids, tiers and fields are not_found") {
  const auto missing = rapport::find_platform("myspace");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == rapport::errc::not_found);
  const auto note = rapport::find_platform("linkedin-connection-note");
  REQUIRE(note);
  const auto subject = rapport::platform_limit(*note, platform_field::subject);
  REQUIRE_FALSE(subject);
  CHECK(subject.error().code == rapport::errc::not_found);
  const auto tier = rapport::platform_limit(*note, platform_field::body, "gold");
  REQUIRE_FALSE(tier);
  CHECK(tier.error().code == rapport::errc::not_found);
}

TEST_CASE("platforms - an overlay replaces profiles by id and adds new ones") {
  const auto &builtin = rapport::platform_registry::builtin();
  const auto r = builtin.overlay_file(std::string(RAPPORT_FIXTURES) + "/platforms_override.json");
  REQUIRE(r);
  const auto note = r->find("linkedin-connection-note");
  REQUIRE(note);
  CHECK(note->unit == length_unit::graphemes);
  CHECK(*rapport::platform_limit(*note, platform_field::body, "sales-navigator") == 500);
  CHECK(*rapport::platform_limit(*note, platform_field::body) == 150);
  CHECK(note->confidence == rapport::platform_confidence::user);
  const auto xing = r->find("xing-message");
  REQUIRE(xing);
  CHECK(*rapport::platform_limit(*xing, platform_field::subject) == 100);
  CHECK(xing->tiers == std::vector<std::string>{"standard"});
  CHECK(r->ids().size() == builtin.ids().size() + 1);
  // The built-in registry is immutable: the overlay made a new one.
  CHECK(*rapport::platform_limit(*builtin.find("linkedin-connection-note"), platform_field::body) == 200);
  CHECK(r->find("x-dm"));
}

TEST_CASE("platforms - a custom limit is set by overlay or by custom_platform") {
  const auto r = rapport::platform_registry::builtin().overlay(
      R"({"profiles":[{"id":"custom","unit":"code_points","fields":{"body":[500]}}]})");
  REQUIRE(r);
  CHECK(*rapport::platform_limit(*r->find("custom"), platform_field::body) == 500);
  CHECK(r->find("custom")->unit == length_unit::code_points);

  const auto p = rapport::custom_platform(280, length_unit::graphemes);
  REQUIRE(p);
  CHECK(p->id == "custom");
  CHECK(*rapport::platform_limit(*p, platform_field::body) == 280);
  CHECK(*rapport::platform_limit(*p, platform_field::subject) == rapport::no_limit);
  CHECK(p->confidence == rapport::platform_confidence::user);
  CHECK(rapport::custom_platform(0, length_unit::utf16).error().code == rapport::errc::invalid_argument);
}

TEST_CASE("platforms - bad overlay documents are parse errors that say why") {
  struct row { const char *doc; const char *needle; };
  const std::vector<row> table = {
      {R"({"profiles": [)", "malformed JSON"},
      {R"([1, 2])", "JSON object"},
      {R"({"profiles": {}})", "\"profiles\" array"},
      {R"({"profiles":[{"unit":"utf16","fields":{"body":1}}]})", "\"id\""},
      {R"({"profiles":[{"id":"Bad Id","unit":"utf16","fields":{"body":1}}]})", "\"id\""},
      {R"({"profiles":[{"id":"a","unit":"bytes","fields":{"body":1}}]})", "\"unit\""},
      {R"({"profiles":[{"id":"a","unit":"utf16","fields":{}}]})", "\"fields\""},
      {R"({"profiles":[{"id":"a","unit":"utf16","fields":{"footer":1}}]})", "unknown field"},
      {R"({"profiles":[{"id":"a","unit":"utf16","fields":{"body":0}}]})", "must be a limit"},
      {R"({"profiles":[{"id":"a","unit":"utf16","fields":{"body":-5}}]})", "must be a limit"},
      {R"({"profiles":[{"id":"a","unit":"utf16","tiers":["x","y"],"fields":{"body":[1]}}]})", "one limit per tier"},
      {R"({"profiles":[{"id":"a","unit":"utf16","tiers":["x","x"],"fields":{"body":1}}]})", "twice"},
      {R"({"profiles":[{"id":"a","unit":"utf16","fields":{"body":1}},{"id":"a","unit":"utf16","fields":{"body":2}}]})", "twice"},
      {R"({"profiles":[{"id":"a","unit":"utf16","fields":{"body":1},"confidence":"sure"}]})", "\"confidence\""},
      {R"({"profiles":[{"id":"a","unit":"utf16","fields":{"body":1},"tier":["x"]}]})", "unknown key \"tier\""},
  };
  for (const auto &r : table) {
    INFO(r.doc);
    const auto reg = rapport::platform_registry::builtin().overlay(r.doc);
    REQUIRE_FALSE(reg);
    CHECK(reg.error().code == rapport::errc::parse_error);
    CHECK(reg.error().message.find(r.needle) != std::string::npos);
  }
  const auto syntax = rapport::platform_registry::builtin().overlay("{\"profiles\": [}");
  REQUIRE_FALSE(syntax);
  CHECK(syntax.error().offset == 14);
}

TEST_CASE("platforms - input errors: invalid UTF-8 in a document, an id or a tier; a missing file") {
  const std::string bad = std::string(R"({"profiles":[{"id":"a","display_name":")") + "\xC3" + R"(","unit":"utf16","fields":{"body":1}}]})";
  const auto r = rapport::platform_registry::builtin().overlay(bad);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == rapport::errc::invalid_utf8);
  CHECK(r.error().offset == 39);
  const auto id = rapport::find_platform("x-d\xFF");
  REQUIRE_FALSE(id);
  CHECK(id.error().code == rapport::errc::invalid_utf8);
  CHECK(id.error().offset == 3);
  const auto tier = rapport::platform_limit(*rapport::find_platform("x-dm"), platform_field::body, "\xC3");
  REQUIRE_FALSE(tier);
  CHECK(tier.error().code == rapport::errc::invalid_utf8);
  const auto f = rapport::platform_registry::builtin().overlay_file("/nonexistent/profiles.json");
  REQUIRE_FALSE(f);
  CHECK(f.error().code == rapport::errc::io_error);
}
