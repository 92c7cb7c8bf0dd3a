#include <catch2/catch.hpp>

#include <iostream>

#include "support/compose_world.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

composition compose_for(const compose_world &w, const char *id, const compose_options &o) {
  const contact *r = w.dir.find_contact(id);
  REQUIRE(r != nullptr);
  auto c = compose(w.dir, w.me, *r, o);
  REQUIRE(c);
  return *c;
}

} // namespace

TEST_CASE("compose - scratch") {
  auto w = make_compose_world();
  for (const char *id : {"anna", "claire", "lucia", "sam", "ben", "paul", "greta"}) {
    auto c = compose_for(w, id, options_at(march_first_plus(0)));
    std::cout << id << " [" << to_string(c.status) << "] " << c.note.slot << " " << c.note.locale << "/" << c.note.catalog_locale << " "
              << c.note.length << "/" << c.note.limit << "\n  " << c.note.text << "\n";
    for (auto &wn : c.note.warnings) std::cout << "  ! " << wn << "\n";
    for (auto &s : c.note.steps) std::cout << "  step " << to_string(s.action) << " " << s.detail << "\n";
    for (auto &h : c.homework) std::cout << "  hw " << h.code << ": " << h.message << "\n";
  }
  CHECK(true);
}
