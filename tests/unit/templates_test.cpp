#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include <unicode/msgfmt.h>
#include <unicode/timezone.h>

#include "rapport/template.hpp"

using rapport::date_value;
using rapport::errc;
using rapport::message_template;
using rapport::template_args;

namespace {

using value = std::variant<std::string, std::int64_t, double, date_value>;
struct named { const char *name; value v; };

template_args make_args(const std::vector<named> &values) {
  template_args a;
  for (const auto &n : values) std::visit([&](const auto &x) { a.set(n.name, x); }, n.v);
  return a;
}

std::string render(const char *pattern, const std::vector<named> &values, const char *locale = "en") {
  auto t = message_template::compile(pattern, locale);
  REQUIRE(t);
  auto s = t->render(make_args(values));
  INFO(pattern);
  REQUIRE(s);
  return *s;
}

// ICU's own MessageFormat on the same pattern and values.
std::string icu_format(const char *pattern, const std::vector<named> &values, const char *locale) {
  UErrorCode st = U_ZERO_ERROR;
  icu::MessageFormat mf(icu::UnicodeString::fromUTF8(pattern), icu::Locale::forLanguageTag(locale, st), st);
  REQUIRE(U_SUCCESS(st));
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> args;
  for (const auto &n : values) {
    names.push_back(icu::UnicodeString::fromUTF8(n.name));
    if (auto *s = std::get_if<std::string>(&n.v)) args.emplace_back(icu::UnicodeString::fromUTF8(*s));
    else if (auto *i = std::get_if<std::int64_t>(&n.v)) args.emplace_back(static_cast<int64_t>(*i));
    else if (auto *d = std::get_if<double>(&n.v)) args.emplace_back(*d);
    else args.emplace_back(static_cast<UDate>(std::get<date_value>(n.v).unix_ms), icu::Formattable::kIsDate);
  }
  icu::UnicodeString out;
  mf.format(names.data(), args.data(), static_cast<int32_t>(args.size()), out, st);
  REQUIRE(U_SUCCESS(st));
  std::string s;
  out.toUTF8String(s);
  return s;
}

std::string default_zone() {
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createDefault());
  icu::UnicodeString id;
  tz->getID(id);
  std::string s;
  id.toUTF8String(s);
  return s;
}

} // namespace

TEST_CASE("templates - ICU MessageFormat agrees with our renderer on a corpus of patterns") {
  const std::string zone = default_zone();
  const date_value march12{1773324000000, zone};  // 2026-03-12T14:00:00Z
  struct row { const char *pattern; std::vector<named> values; };
  const std::vector<row> corpus = {
      {"Hi {recipient_given_name}!", {{"recipient_given_name", std::string("Anna")}}},
      {"It''s {sender_given_name}''s note, '{'literally'}' and '#' and it's fine", {{"sender_given_name", std::string("Jo")}}},
      {"{recipient_gender, select, feminine {Liebe} masculine {Lieber} other {Hallo}} {recipient_given_name},",
       {{"recipient_gender", std::string("feminine")}, {"recipient_given_name", std::string("Anna")}}},
      {"{recipient_gender, select, feminine {Liebe} masculine {Lieber} other {Hallo}} {recipient_given_name},",
       {{"recipient_gender", std::string("nonbinary")}, {"recipient_given_name", std::string("Kim")}}},
      {"{mutual_count, plural, =0 {no one} one {# contact} other {# contacts}} in common",
       {{"mutual_count", std::int64_t{0}}}},
      {"{mutual_count, plural, =0 {no one} one {# contact} other {# contacts}} in common",
       {{"mutual_count", std::int64_t{1}}}},
      {"{mutual_count, plural, =0 {no one} one {# contact} other {# contacts}} in common",
       {{"mutual_count", std::int64_t{1234567}}}},
      {"{mutual_count, plural, one {# contact} other {# contacts}}", {{"mutual_count", 1.5}}},
      {"{mutual_count, plural, one {# contact} other {# contacts}}", {{"mutual_count", 1.0}}},
      {"{mutual_count, plural, offset:1 =0 {nobody} =1 {{mutual_name}} one {{mutual_name} and # other} other {{mutual_name} and # others}}",
       {{"mutual_count", std::int64_t{2}}, {"mutual_name", std::string("Lea Roth")}}},
      {"{mutual_count, plural, offset:1 =0 {nobody} =1 {{mutual_name}} one {{mutual_name} and # other} other {{mutual_name} and # others}}",
       {{"mutual_count", std::int64_t{5}}, {"mutual_name", std::string("Lea Roth")}}},
      {"the {years_overlap, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} year",
       {{"years_overlap", std::int64_t{22}}}},
      {"the {years_overlap, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} year",
       {{"years_overlap", std::int64_t{113}}}},
      {"{days_until, number} days, {days_until, number, integer}, {days_until, number, percent}",
       {{"days_until", 1234.5678}}},
      {"{days_until, number, ::currency/EUR} / {days_since}", {{"days_until", 12.5}, {"days_since", std::int64_t{-7}}}},
      {"on {event_date, date, ::MMMMd}", {{"event_date", march12}}},
      {"{event_date, date, long} at {event_date, time, short}", {{"event_date", march12}}},
      {"{event_date, date} / {event_date, date, full} / {event_date}", {{"event_date", march12}}},
      {"{mutual_count, plural, one {{recipient_role, select, speaker {# talk} other {# visit}}} other {# visits, # times}}",
       {{"mutual_count", std::int64_t{3}}, {"recipient_role", std::string("speaker")}}},
      {"{days_since, plural, one {vor einem Tag} other {vor # Tagen}}", {{"days_since", std::int64_t{3}}}},
  };
  for (const char *locale : {"en", "de", "fr", "es", "es-MX", "ru", "ar", "pl", "cy"}) {
    for (const auto &r : corpus) {
      INFO(locale << ": " << r.pattern);
      CHECK(render(r.pattern, r.values, locale) == icu_format(r.pattern, r.values, locale));
    }
  }
}

TEST_CASE("templates - argument values render literally, never as syntax") {
  struct row { const char *pattern; const char *value; const char *want; };
  const std::vector<row> table = {
      {"Hi {recipient_given_name}!", "{x}", "Hi {x}!"},
      {"Hi {recipient_given_name}!", "O'Brien", "Hi O'Brien!"},
      {"Hi {recipient_given_name}!", "{recipient_given_name}", "Hi {recipient_given_name}!"},
      {"{mutual_count, plural, other {# with {recipient_given_name}}}", "#1 fan", "2 with #1 fan"},
      {"Hi {recipient_given_name}", "'{'", "Hi '{'"},
  };
  for (const auto &r : table) {
    auto t = message_template::compile(r.pattern, "en");
    REQUIRE(t);
    auto s = t->render(template_args{}.set("recipient_given_name", r.value).set("mutual_count", 2));
    REQUIRE(s);
    CHECK(*s == r.want);
  }
}

TEST_CASE("templates - every vocabulary name is documented in docs/templates.md") {
  std::ifstream in(std::string(RAPPORT_DOCS_DIR) + "/templates.md");
  REQUIRE(in);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto &a : rapport::argument_vocabulary()) {
    INFO(a.name);
    CHECK(doc.find("| `" + std::string(a.name) + "` |") != std::string::npos);
  }
}

TEST_CASE("templates - '#' is a number only directly inside plural") {
  CHECK(render("#1 {mutual_count, plural, other {# #}}", {{"mutual_count", std::int64_t{7}}}) == "#1 7 7");
  CHECK(render("{mutual_count, plural, other {'#' is #}}", {{"mutual_count", std::int64_t{7}}}) == "# is 7");
}

TEST_CASE("templates - unknown argument names are rejected at compile time") {
  for (const char *p : {"Hi {first_name}", "{0}", "{gender, select, other {x}}", "{recipient_given_name, select, other {x}}",
                        "{event_date, number}", "{mutual_count, date}", "{recipient_gender}"}) {
    INFO(p);
    auto t = message_template::compile(p, "en");
    REQUIRE_FALSE(t);
    CHECK(t.error().code == errc::invalid_argument);
  }
}

TEST_CASE("templates - syntax errors give the byte offset") {
  struct row { const char *pattern; std::size_t offset; };
  const std::vector<row> table = {
      {"Hi {recipient_given_name", 24},
      {"{days_since, number", 19},
      {"Hi }", 3},
      {"{recipient_gender, select, feminine {x}}", 0},  // no other
      {"{mutual_count, plural, lots {x} other {y}}", 23},
      {"{mutual_count, choice, 0#a|1#b}", 15},
      {"{recipient_gender, select, other {a} other {b}}", 37},
      {"{opt_x, select, show {a} else {b}}", 25},
  };
  for (const auto &r : table) {
    INFO(r.pattern);
    auto t = message_template::compile(r.pattern, "en");
    REQUIRE_FALSE(t);
    CHECK(t.error().code == errc::parse_error);
    CHECK(t.error().offset == r.offset);
  }
  auto bad = message_template::compile("Hi \xff", "en");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::invalid_utf8);
  CHECK(bad.error().offset == 3);
}

TEST_CASE("templates - a missing required argument is an error, not an empty string") {
  auto t = message_template::compile("Hi {recipient_given_name}, I'm {sender_given_name}.", "en");
  REQUIRE(t);
  auto s = t->render(template_args{}.set("sender_given_name", "Jonas"));
  REQUIRE_FALSE(s);
  CHECK(s.error().code == errc::invalid_argument);
  CHECK(s.error().message.find("recipient_given_name") != std::string::npos);
  CHECK(t->missing_arguments(template_args{}.set("sender_given_name", "Jonas")) ==
        std::vector<std::string>{"recipient_given_name"});
  auto unknown = t->render(template_args{}.set("first_name", "Anna"));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == errc::invalid_argument);
  auto bad_utf8 = t->render(template_args{}.set("recipient_given_name", "An\xc3").set("sender_given_name", "J"));
  REQUIRE_FALSE(bad_utf8);
  CHECK(bad_utf8.error().code == errc::invalid_utf8);
}

TEST_CASE("templates - a moved-from argument set reads as empty") {
  auto t = message_template::compile("Hi {recipient_given_name}", "en");
  REQUIRE(t);
  template_args a;
  a.set("recipient_given_name", "Anna");
  template_args b = std::move(a);
  CHECK(*t->render(b) == "Hi Anna");
  CHECK(t->missing_arguments(a) == std::vector<std::string>{"recipient_given_name"});  // NOLINT(bugprone-use-after-move)
  a.set("recipient_given_name", "Ben");
  CHECK(*t->render(a) == "Hi Ben");
}

TEST_CASE("templates - optional clauses drop on request or when their value is missing") {
  auto t = message_template::compile(
      "I'm {sender_given_name}{opt_org, select, show { from {sender_org}} other {}}."
      "{opt_purpose, select, show { I'd like to talk about {purpose}.} other { Good to meet you.}}",
      "en");
  REQUIRE(t);
  CHECK(t->optional_clauses() == std::vector<std::string>{"org", "purpose"});
  CHECK(t->required_arguments() == std::vector<std::string>{"sender_given_name"});
  auto full = template_args{}.set("sender_given_name", "Jonas").set("sender_org", "Acme").set("purpose", "sensors");
  CHECK(*t->render(full) == "I'm Jonas from Acme. I'd like to talk about sensors.");
  auto r = t->render(full, {{"purpose"}});
  REQUIRE(r);
  CHECK(r->text == "I'm Jonas from Acme. Good to meet you.");
  CHECK(r->dropped == std::vector<std::string>{"purpose"});
  auto lean = t->render(template_args{}.set("sender_given_name", "Jonas"), {});
  REQUIRE(lean);
  CHECK(lean->text == "I'm Jonas. Good to meet you.");
  CHECK(lean->dropped == std::vector<std::string>{"org", "purpose"});
}

TEST_CASE("templates - gender select takes 'other' when no gender was given") {
  const char *p = "{recipient_gender, select, feminine {Liebe} masculine {Lieber} other {Hallo}} {recipient_given_name}";
  CHECK(render(p, {{"recipient_given_name", std::string("Anna")}}, "de") == "Hallo Anna");
  CHECK(render(p, {{"recipient_given_name", std::string("Anna")}, {"recipient_gender", std::string("feminine")}}, "de") ==
        "Liebe Anna");
}

TEST_CASE("templates - dates are shown in the event's time zone and the recipient's locale") {
  const date_value late{1773356400000, "America/Los_Angeles"};  // 2026-03-12T23:00Z = 16:00 in Los Angeles
  const date_value tokyo{1773356400000, "Asia/Tokyo"};          // = 13 March 08:00 in Tokyo
  CHECK(render("{event_date, date, ::MMMMd}", {{"event_date", late}}, "en") == "March 12");
  CHECK(render("{event_date, date, ::MMMMd}", {{"event_date", tokyo}}, "en") == "March 13");
  CHECK(render("am {event_date, date, ::MMMMd}", {{"event_date", late}}, "de") == "am 12. März");
  CHECK(render("le {event_date, date, ::MMMMd}", {{"event_date", late}}, "fr") == "le 12 mars");
  CHECK(render("el {event_date, date, ::MMMMd}", {{"event_date", late}}, "es") == "el 12 de marzo");
  auto t = message_template::compile("{event_date, date, ::MMMMd}", "en");
  REQUIRE(t);
  auto bad = t->render(template_args{}.set("event_date", date_value{0, "Mars/Olympus_Mons"}));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::invalid_argument);
}

TEST_CASE("templates - rendering from 8 threads gives equal results") {
  auto t = message_template::compile(
      "{recipient_gender, select, feminine {Liebe} other {Hallo}} {recipient_given_name}, "
      "{mutual_count, plural, one {# Kontakt} other {# Kontakte}} am {event_date, date, ::MMMMd} "
      "({days_until, number, ::percent}) {years_overlap, selectordinal, other {#.}}",
      "de");
  REQUIRE(t);
  std::vector<template_args> inputs;
  std::vector<std::string> want;
  for (int i = 0; i < 16; ++i) {
    inputs.push_back(template_args{}
                         .set("recipient_given_name", "Anna")
                         .set("recipient_gender", i % 2 ? "feminine" : "other")
                         .set("mutual_count", std::int64_t{i * 997})
                         .set("event_date", date_value{1773324000000 + i * 86400000LL, i % 3 ? "Europe/Berlin" : "Asia/Tokyo"})
                         .set("days_until", 0.5 * i)
                         .set("years_overlap", std::int64_t{i + 1000}));
    want.push_back(*t->render(inputs.back()));
  }
  std::vector<std::vector<std::string>> got(8);
  std::vector<std::thread> threads;
  for (int k = 0; k < 8; ++k)
    threads.emplace_back([&, k] {
      for (int round = 0; round < 50; ++round)
        for (const auto &a : inputs) got[static_cast<std::size_t>(k)].push_back(t->render(a).value_or(std::string("error")));
    });
  for (auto &th : threads) th.join();
  for (const auto &g : got) {
    REQUIRE(g.size() == 50 * inputs.size());
    for (std::size_t i = 0; i < g.size(); ++i) CHECK(g[i] == want[i % want.size()]);
  }
}
