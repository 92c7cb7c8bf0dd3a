// Option parsing, input loading and output helpers shared by the subcommands.
#include "options.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "rapport/person_name.hpp"

namespace rapport::cli {

std::string parsed_args::get(std::string_view name, std::string fallback) const {
  const auto it = values.find(name);
  return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> parsed_args::all(std::string_view name) const {
  const auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

result<parsed_args> parse_args(int argc, char **argv, int first, std::span<const option_spec> specs) {
  parsed_args out;
  bool options_done = false;
  for (int i = first; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      out.positional.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      out.values["--help"].emplace_back();
      continue;
    }
    std::string_view name = arg;
    std::optional<std::string_view> inline_value;
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const option_spec &s) {
      return s.name == name || (!s.alias.empty() && s.alias == name);
    });
    if (spec == specs.end()) return make_error(errc::invalid_argument, "unknown option '" + std::string(name) + "'");
    auto &slot = out.values[std::string(spec->name)];
    if (!spec->takes_value) {
      if (inline_value) return make_error(errc::invalid_argument, "option '" + std::string(name) + "' takes no value");
      slot.emplace_back();
      continue;
    }
    if (inline_value) {
      slot.emplace_back(*inline_value);
    } else if (i + 1 < argc) {
      slot.emplace_back(argv[++i]);
    } else {
      return make_error(errc::invalid_argument, "option '" + std::string(name) + "' needs a value");
    }
  }
  return out;
}

std::optional<std::chrono::sys_seconds> parse_instant(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const std::string t(text);
  int used = 0;
  if (t.size() == 10) {
    if (std::sscanf(t.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 || used != 10) return std::nullopt;
  } else if (t.size() == 20) {
    if (std::sscanf(t.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &s, &used) != 6 || used != 20)
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(mo)}, std::chrono::day{unsigned(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
  return std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The first line of a file, without a UTF-8 BOM (empty when unreadable).
std::string first_lines(const std::filesystem::path &path, int count) {
  std::ifstream in(path, std::ios::binary);
  std::string all, line;
  for (int i = 0; i < count && std::getline(in, line); ++i) all += line + "\n";
  if (all.starts_with("\xEF\xBB\xBF")) all.erase(0, 3);
  return all;
}

// Splits a header line on commas, unquoting simple quoted names.
std::vector<std::string> header_names(std::string line) {
  if (!line.empty() && line.back() == '\n') line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) {
      out.push_back(cur);
      cur.clear();
    } else cur += c;
  }
  out.push_back(cur);
  for (auto &n : out) {
    while (!n.empty() && n.front() == ' ') n.erase(0, 1);
    while (!n.empty() && n.back() == ' ') n.pop_back();
  }
  return out;
}

} // namespace

result<import_format> detect_format(const std::filesystem::path &path, std::string_view explicit_format) {
  if (!explicit_format.empty()) {
    if (explicit_format == "linkedin") return import_format::linkedin_csv;
    if (explicit_format == "csv") return import_format::csv;
    if (explicit_format == "vcard" || explicit_format == "vcf") return import_format::vcard;
    if (explicit_format == "ics" || explicit_format == "icalendar") return import_format::icalendar;
    if (explicit_format == "json") return import_format::json;
    return make_error(errc::invalid_argument, "unknown format '" + std::string(explicit_format) +
                                                  "' (linkedin, csv, vcard, ics or json)");
  }
  const auto ext = lower(path.extension().string());
  if (ext == ".vcf" || ext == ".vcard") return import_format::vcard;
  if (ext == ".ics" || ext == ".ical") return import_format::icalendar;
  if (ext == ".json") return import_format::json;
  if (ext == ".csv") {
    // LinkedIn's export: a "Notes:" preamble, or a header with First Name and Last Name.
    const auto head = first_lines(path, 8);
    if (head.starts_with("Notes:") ||
        (head.find("First Name") != std::string::npos && head.find("Last Name") != std::string::npos))
      return import_format::linkedin_csv;
    return import_format::csv;
  }
  return make_error(errc::invalid_argument, "cannot tell the format of '" + path.string() +
                                                "' from its extension; give --format");
}

csv_mapping guess_csv_mapping(const std::filesystem::path &path) {
  static const std::pair<const char *, contact_field> known[] = {
      {"id", contact_field::id},
      {"first name", contact_field::given_name}, {"given name", contact_field::given_name}, {"first", contact_field::given_name},
      {"last name", contact_field::family_name}, {"family name", contact_field::family_name}, {"last", contact_field::family_name},
      {"name", contact_field::full_name}, {"full name", contact_field::full_name},
      {"email", contact_field::email}, {"e-mail", contact_field::email}, {"email address", contact_field::email},
      {"url", contact_field::profile_url}, {"profile", contact_field::profile_url}, {"profile url", contact_field::profile_url},
      {"company", contact_field::organization}, {"organization", contact_field::organization}, {"organisation", contact_field::organization},
      {"title", contact_field::title}, {"position", contact_field::title}, {"job title", contact_field::title},
      {"headline", contact_field::headline}, {"industry", contact_field::industry},
      {"location", contact_field::location}, {"city", contact_field::location},
      {"languages", contact_field::languages}, {"language", contact_field::languages},
      {"topics", contact_field::topics}, {"interests", contact_field::topics},
      {"schools", contact_field::schools}, {"school", contact_field::schools},
      {"connected on", contact_field::connected_on}, {"connected_on", contact_field::connected_on},
  };
  csv_mapping m;
  for (const auto &name : header_names(first_lines(path, 1))) {
    const auto l = lower(name);
    for (const auto &[key, field] : known)
      if (l == key) {
        m.columns.emplace_back(name, field);
        break;
      }
  }
  return m;
}

result<imported> import_path(const std::filesystem::path &path, import_format format, const import_options &options) {
  switch (format) {
  case import_format::linkedin_csv: return import_linkedin_csv_file(path, options);
  case import_format::csv: return import_csv_file(path, guess_csv_mapping(path), options);
  case import_format::vcard: return import_vcard_file(path, options);
  case import_format::icalendar: return import_icalendar_file(path, options);
  case import_format::json: return import_json_file(path, options);
  }
  return make_error(errc::internal, "unknown import format");
}

std::string locate(const std::filesystem::path &path, const error &e) {
  std::string where = path.string();
  if (e.message.starts_with(where + ":")) return e.message; // the importer located it already
  if (e.offset != error::npos) {
    std::ifstream in(path, std::ios::binary);
    std::size_t line = 1, column = 1, at = 0;
    for (char c; at < e.offset && in.get(c); ++at) {
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    // Appended piece by piece: g++ 12's -Wrestrict misfires on ":" + to_string(…) at -O3.
    where += ':';
    where += std::to_string(line);
    where += ':';
    where += std::to_string(column);
  }
  return where + ": " + e.message;
}

namespace {

// Imports `path` into `b`; prints problems; counts them into `problems`.
result<void> load_into(directory_builder &b, const std::string &path, std::span<const import_format> allowed,
                       std::string_view what, std::size_t &problems, std::ostream &err) {
  auto format = detect_format(path, {});
  if (!format) return format.error();
  if (std::find(allowed.begin(), allowed.end(), *format) == allowed.end())
    return make_error(errc::invalid_argument, path + ": not a file of " + std::string(what) + " (format " +
                                                  to_string(*format) + ")");
  if (!std::filesystem::exists(path)) return make_error(errc::not_found, path + ": no such file");
  const csv_mapping mapping = *format == import_format::csv ? guess_csv_mapping(path) : csv_mapping{};
  auto report = import_into(b, *format, path, {}, mapping);
  if (!report) return make_error(report.error().code, locate(path, report.error()));
  for (const auto &p : report->problems) {
    // A JSON document's sender is no directory record (import_into skips it):
    // expected when one document holds the sender and the contacts, not a problem.
    if (*format == import_format::json && p.message.starts_with("the sender profile is not a directory record"))
      continue;
    err << to_string(p) << '\n';
    ++problems;
  }
  problems += report->problems_not_kept;
  return {};
}

} // namespace

result<loaded_inputs> load_inputs(const parsed_args &args, bool need_me, std::ostream &err) {
  loaded_inputs out;
  if (!args.has("--contacts")) return make_error(errc::invalid_argument, "--contacts FILE is required");
  if (need_me && !args.has("--me")) return make_error(errc::invalid_argument, "--me profile.json is required");
  if (args.has("--me")) {
    const auto path = args.get("--me");
    auto doc = import_json_file(path);
    if (!doc) return make_error(doc.error().code, locate(path, doc.error()));
    for (const auto &p : doc->report.problems) {
      err << to_string(p) << '\n';
      ++out.problems;
    }
    if (!doc->sender) return make_error(errc::parse_error, path + ": the document has no \"sender\"");
    out.me = std::move(*doc->sender);
  }
  directory_builder b;
  static constexpr import_format contact_formats[] = {import_format::linkedin_csv, import_format::csv,
                                                      import_format::vcard, import_format::json};
  static constexpr import_format event_formats[] = {import_format::icalendar, import_format::json};
  static constexpr import_format challenge_formats[] = {import_format::json};
  for (const auto &p : args.all("--contacts"))
    if (auto r = load_into(b, p, contact_formats, "contacts", out.problems, err); !r) return r.error();
  for (const auto &p : args.all("--events"))
    if (auto r = load_into(b, p, event_formats, "events", out.problems, err); !r) return r.error();
  for (const auto &p : args.all("--challenges"))
    if (auto r = load_into(b, p, challenge_formats, "challenges", out.problems, err); !r) return r.error();
  auto dir = b.build();
  if (!dir) return dir.error();
  for (const auto &w : dir->warnings()) err << "warning: " << w.message << '\n';
  out.dir = std::move(*dir);
  return out;
}

std::string name_of(const contact &c) {
  auto n = display_name(c.name);
  return n && !n->empty() ? *n : c.id;
}

std::string describe(const shared_context &c) {
  switch (c.kind) {
  case context_kind::event: {
    std::string when = to_string(c.timing);
    if (c.timing == event_timing::upcoming) when += ", in " + std::to_string(c.days_until) + " days";
    return "event " + c.event_name + ": " + to_string(c.relation) + " (" + when + ")";
  }
  case context_kind::challenge: return "challenge \"" + c.challenge_title + "\" (" + c.industry + ")";
  case context_kind::mutual_connection: return "mutual connection " + c.mutual_name;
  case context_kind::same_city: return std::string("same city") + (c.place_ambiguous ? " (ambiguous)" : "");
  case context_kind::past_employer: return "past employer " + c.organization;
  case context_kind::school: return "school " + c.school;
  case context_kind::topic: return "topic " + c.topic;
  }
  return to_string(c.kind);
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += ch;
      }
    }
  }
  return out + "\"";
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

} // namespace rapport::cli
