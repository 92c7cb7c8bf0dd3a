// Test helpers shared by the importer tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/import.hpp"

namespace rapport::test {

/** Import options naming the file in reports. */
inline import_options named(std::string file, import_mode mode = import_mode::lenient) {
  import_options o;
  o.file_name = std::move(file);
  o.mode = mode;
  return o;
}

/** tests/fixtures/import/ */
inline const std::string import_fixtures = std::string(RAPPORT_FIXTURES) + "/import/";

/** The record with `id`, or nullptr. */
template <class Record>
const Record *find_record(const std::vector<Record> &v, std::string_view id) {
  for (const auto &r : v)
    if (r.id == id) return &r;
  return nullptr;
}

/** Every problem of a report as "file:line:column: …". */
inline std::vector<std::string> messages(const import_report &r) {
  std::vector<std::string> out;
  for (const auto &p : r.problems) out.push_back(to_string(p));
  return out;
}

/** A whole file's bytes. */
inline std::string slurp(const std::filesystem::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace rapport::test
