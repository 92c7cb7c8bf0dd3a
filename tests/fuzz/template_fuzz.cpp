// libFuzzer target for the template and catalog parsers. Every input goes
// through the MessageFormat parser, a compile + render with a fixed argument
// set, and the catalog loader (as .po text, or .mo when it has the magic).
// Seeds: data/templates/*.po and tests/fuzz/corpus/. See docs/templates.md.
//
// Built with clang only (-fsanitize=fuzzer,address) when RAPPORT_BUILD_FUZZERS
// is ON; template_corpus_replay.cpp runs the same function over the corpus in
// every normal build.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rapport/catalog.hpp"
#include "rapport/template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char *>(data), size);

  (void)rapport::check_template_syntax(input);

  if (auto t = rapport::message_template::compile(input, "de")) {
    static const rapport::template_args args = [] {
      rapport::template_args a;
      a.set("recipient_given_name", "{Anna}").set("sender_given_name", "O'Brien").set("sender_org", "#1 Co");
      a.set("event_name", "Messe").set("city_name", "Köln").set("mutual_count", 3).set("days_since", 1.5);
      a.set("event_date", rapport::date_value{1776672000000, "Europe/Berlin"});
      a.set("recipient_gender", "feminine").set("purpose", "x");
      return a;
    }();
    (void)t->render(args);
    (void)t->render(args, rapport::render_options{{"purpose", "org"}});
    (void)t->missing_arguments(args);
  }

  (void)rapport::catalog::empty().overlay_bytes(input, "fuzz.po", "de");
  return 0;
}
