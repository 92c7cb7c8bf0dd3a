// rapport_import_dump — imports one file and prints the records as a rapport
// JSON document (stdout) and the problems, one per line (stderr). Used by the
// differential tests (tests/python/differential_import.py) and by hand:
//
//     rapport_import_dump vcard contacts.vcf
//     rapport_import_dump icalendar fairs.ics
//     rapport_import_dump --as-written vcard contacts.vcf   # without normalization
//
// Exit status: 0 imported (maybe with problems), 1 the import failed, 2 usage.
#include <cstdio>
#include <cstring>
#include <iostream>

#include "rapport/import.hpp"

int main(int argc, char **argv) {
  rapport::import_options options;
  if (argc > 1 && std::strcmp(argv[1], "--as-written") == 0) {
    options.normalize = false;
    --argc;
    ++argv;
  }
  if (argc != 3) {
    std::cerr << "usage: rapport_import_dump [--as-written] linkedin_csv|vcard|icalendar|json FILE\n";
    return 2;
  }
  const std::string format = argv[1];
  rapport::result<rapport::imported> r = rapport::make_error(rapport::errc::invalid_argument, "unknown format " + format);
  if (format == "linkedin_csv") r = rapport::import_linkedin_csv_file(argv[2], options);
  else if (format == "vcard") r = rapport::import_vcard_file(argv[2], options);
  else if (format == "icalendar") r = rapport::import_icalendar_file(argv[2], options);
  else if (format == "json") r = rapport::import_json_file(argv[2], options);
  else {
    std::cerr << r.error().message << '\n';
    return 2;
  }
  if (!r) {
    std::cerr << "error: " << rapport::to_string(r.error().code) << ": " << r.error().message << '\n';
    return 1;
  }
  for (const auto &p : r->report.problems) std::cerr << rapport::to_string(p) << '\n';
  auto text = rapport::export_json(*r);
  if (!text) {
    std::cerr << "error: " << text.error().message << '\n';
    return 1;
  }
  std::fwrite(text->data(), 1, text->size(), stdout);
  return 0;
}
