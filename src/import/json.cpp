// rapport's JSON document (docs/formats.md, data/schema/rapport.schema.json):
// import and export through nlohmann-json.
#include <array>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "import/formats.hpp"
#include "rapport/text.hpp"

namespace rapport::detail {
namespace {

using json = nlohmann::json;

// ---- where records start: a light scan, since nlohmann keeps no positions ----

struct record_starts {
  std::vector<std::size_t> sender, contacts, events, challenges;
  std::size_t max_depth = 0, deepest_at = 0;
};

void scan_positions(std::string_view t, record_starts &out) {
  std::vector<char> stack;
  std::string key, last_string;
  bool expect_element = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    const bool element_start = expect_element;
    expect_element = false;
    if (element_start && stack.size() == 2 && stack[0] == '{' && stack[1] == '[') {
      if (key == "contacts") out.contacts.push_back(i);
      else if (key == "events") out.events.push_back(i);
      else if (key == "challenges") out.challenges.push_back(i);
    }
    if (c == '"') {
      const std::size_t s = i + 1;
      for (++i; i < t.size() && t[i] != '"'; ++i)
        if (t[i] == '\\') ++i;
      last_string.assign(t.substr(s, i - s));
      continue;
    }
    if (c == ':') {
      if (stack.size() == 1) {
        key = last_string;
        if (key == "sender") {
          std::size_t j = i + 1;
          while (j < t.size() && (t[j] == ' ' || t[j] == '\n' || t[j] == '\r' || t[j] == '\t')) ++j;
          out.sender.push_back(j);
        }
      }
      continue;
    }
    if (c == '{' || c == '[') {
      stack.push_back(c);
      if (stack.size() > out.max_depth) {
        out.max_depth = stack.size();
        out.deepest_at = i;
      }
      if (c == '[') expect_element = true;
      continue;
    }
    if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
      continue;
    }
    if (c == ',' && !stack.empty() && stack.back() == '[') expect_element = true;
  }
}

// ---- reading --------------------------------------------------------------------

struct bad_field {
  std::string path, message;
};

class object_reader {
public:
  object_reader(const json &j, std::string path) : j_(j), path_(std::move(path)) {
    if (!j.is_object()) throw bad_field{path_, "expected an object"};
  }

  void str(const char *key, std::string &out) {
    seen(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return;
    if (!it->is_string()) throw bad_field{path_ + "." + key, "expected a string"};
    out = it->get<std::string>();
  }
  void strings(const char *key, std::vector<std::string> &out) {
    seen(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return;
    if (!it->is_array()) throw bad_field{path_ + "." + key, "expected an array of strings"};
    for (std::size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string()) throw bad_field{path_ + "." + key + "[" + std::to_string(i) + "]", "expected a string"};
      out.push_back((*it)[i].get<std::string>());
    }
  }
  void boolean(const char *key, bool &out) {
    seen(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return;
    if (!it->is_boolean()) throw bad_field{path_ + "." + key, "expected true or false"};
    out = it->get<bool>();
  }
  template <class Int>
  void integer(const char *key, Int &out) {
    seen(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return;
    if (!it->is_number_integer()) throw bad_field{path_ + "." + key, "expected an integer"};
    const auto v = it->get<long long>();
    if (v < -1000000000 || v > 1000000000) throw bad_field{path_ + "." + key, "integer out of range"};
    out = static_cast<int>(v);
  }
  template <class Each>
  void objects(const char *key, Each &&each) {
    seen(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return;
    if (!it->is_array()) throw bad_field{path_ + "." + key, "expected an array of objects"};
    for (std::size_t i = 0; i < it->size(); ++i) each((*it)[i], path_ + "." + key + "[" + std::to_string(i) + "]");
  }
  template <class Each>
  void object(const char *key, Each &&each) {
    seen(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return;
    each(*it, path_ + "." + key);
  }
  template <class Enum, std::size_t N>
  void enumeration(const char *key, Enum &out, const std::array<std::pair<const char *, Enum>, N> &names) {
    std::string s;
    str(key, s);
    if (s.empty()) return;
    for (const auto &[name, value] : names)
      if (s == name) {
        out = value;
        return;
      }
    throw bad_field{path_ + "." + key, "unknown value '" + s + "'"};
  }
  // An optional enumeration: absent or `none_name` leaves it empty.
  template <class Enum, std::size_t N>
  void enumeration(const char *key, std::optional<Enum> &out, const char *none_name,
                   const std::array<std::pair<const char *, Enum>, N> &names) {
    std::string s;
    str(key, s);
    if (s.empty() || s == none_name) return;
    for (const auto &[name, value] : names)
      if (s == name) {
        out = value;
        return;
      }
    throw bad_field{path_ + "." + key, "unknown value '" + s + "'"};
  }
  void date(const char *key, std::chrono::year_month_day &out, bool &present) {
    std::string s;
    str(key, s);
    present = !s.empty();
    if (!present) return;
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
      throw bad_field{path_ + "." + key, "expected a date YYYY-MM-DD, got '" + s + "'"};
    out = std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!out.ok()) throw bad_field{path_ + "." + key, "no such day '" + s + "'"};
  }
  void instant(const char *key, std::chrono::sys_seconds &out, bool &present) {
    std::string s;
    str(key, s);
    present = !s.empty();
    if (!present) return;
    int y = 0;
    unsigned mo = 0, d = 0, h = 0, mi = 0, se = 0;
    char z = 0, extra = 0;
    if (s.size() != 20 || std::sscanf(s.c_str(), "%4d-%2u-%2uT%2u:%2u:%2u%c%c", &y, &mo, &d, &h, &mi, &se, &z, &extra) != 7 ||
        z != 'Z' || h > 23 || mi > 59 || se > 60)
      throw bad_field{path_ + "." + key, "expected a UTC time YYYY-MM-DDThh:mm:ssZ, got '" + s + "'"};
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(mo), std::chrono::day(d)};
    if (!ymd.ok()) throw bad_field{path_ + "." + key, "no such day '" + s + "'"};
    out = std::chrono::sys_days(ymd) + std::chrono::hours(h) + std::chrono::minutes(mi) + std::chrono::seconds(se);
  }

  /** Keys present but not read: typos or fields of a newer version. */
  std::vector<std::string> unknown_keys() const {
    std::vector<std::string> out;
    for (auto it = j_.begin(); it != j_.end(); ++it)
      if (std::find(seen_.begin(), seen_.end(), it.key()) == seen_.end()) out.push_back(path_ + "." + it.key());
    return out;
  }
  const std::string &path() const { return path_; }

private:
  void seen(const char *key) { seen_.emplace_back(key); }
  const json &j_;
  std::string path_;
  std::vector<std::string> seen_;
};

constexpr std::array<std::pair<const char *, event_role>, 5> role_names = {{
    {"attendee", event_role::attendee}, {"exhibitor", event_role::exhibitor}, {"speaker", event_role::speaker},
    {"sponsor", event_role::sponsor}, {"organizer", event_role::organizer}}};
constexpr std::array<std::pair<const char *, formality>, 2> formality_names = {{
    {"formal", formality::formal}, {"informal", formality::informal}}};
constexpr std::array<std::pair<const char *, grammatical_gender>, 4> gender_names = {{
    {"unknown", grammatical_gender::unknown}, {"feminine", grammatical_gender::feminine},
    {"masculine", grammatical_gender::masculine}, {"neutral", grammatical_gender::neutral}}};

using unknown_list = std::vector<std::string>;

void collect_unknown(const object_reader &r, unknown_list &unknown) {
  for (auto &k : r.unknown_keys()) unknown.push_back(std::move(k));
}

contact read_contact(const json &j, const std::string &path, unknown_list &unknown) {
  object_reader r(j, path);
  contact c;
  r.str("id", c.id);
  r.object("name", [&](const json &n, const std::string &p) {
    object_reader nr(n, p);
    nr.str("given", c.name.given);
    nr.str("family", c.name.family);
    nr.str("middle", c.name.middle);
    nr.str("prefix", c.name.prefix);
    nr.str("suffix", c.name.suffix);
    nr.str("preferred", c.name.preferred);
    nr.str("raw", c.name.raw);
    collect_unknown(nr, unknown);
  });
  r.str("headline", c.headline);
  r.objects("organizations", [&](const json &o, const std::string &p) {
    object_reader orr(o, p);
    organization org;
    orr.str("name", org.name);
    orr.str("title", org.title);
    orr.str("industry", org.industry);
    orr.boolean("current", org.current);
    int y = 0;
    bool has = o.contains("start_year") && !o["start_year"].is_null();
    orr.integer("start_year", y);
    if (has) org.start_year = y;
    has = o.contains("end_year") && !o["end_year"].is_null();
    orr.integer("end_year", y);
    if (has) org.end_year = y;
    collect_unknown(orr, unknown);
    c.organizations.push_back(std::move(org));
  });
  r.str("industry", c.industry);
  r.str("location", c.location);
  r.strings("languages", c.languages);
  r.str("locale", c.locale);
  r.enumeration("formality", c.formality_preference, "unspecified", formality_names);
  r.enumeration("gender", c.gender, gender_names);
  std::chrono::year_month_day day{};
  bool has_day = false;
  r.date("connected_on", day, has_day);
  if (has_day) c.connected_on = day;
  r.objects("events", [&](const json &e, const std::string &p) {
    object_reader er(e, p);
    event_participation ep;
    er.str("event_id", ep.event_id);
    er.enumeration("role", ep.role, role_names);
    collect_unknown(er, unknown);
    c.events.push_back(std::move(ep));
  });
  r.strings("schools", c.schools);
  r.strings("topics", c.topics);
  r.strings("connections", c.connections);
  r.objects("offers", [&](const json &o, const std::string &p) {
    object_reader orr(o, p);
    offer of;
    orr.str("id", of.id);
    orr.str("summary", of.summary);
    orr.strings("challenge_ids", of.challenge_ids);
    collect_unknown(orr, unknown);
    c.offers.push_back(std::move(of));
  });
  r.str("purpose", c.purpose);
  collect_unknown(r, unknown);
  if (c.id.empty()) throw bad_field{path + ".id", "a contact needs a non-empty id"};
  return c;
}

event read_event(const json &j, const std::string &path, unknown_list &unknown) {
  object_reader r(j, path);
  event e;
  r.str("id", e.id);
  r.str("name", e.name);
  r.strings("aliases", e.aliases);
  r.str("series", e.series);
  r.integer("edition", e.edition);
  r.boolean("all_day", e.all_day);
  bool has_start = false, has_end = false, has_first = false, has_last = false;
  r.instant("start", e.start, has_start);
  r.instant("end", e.end, has_end);
  r.date("first_day", e.first_day, has_first);
  r.date("last_day", e.last_day, has_last);
  r.str("time_zone", e.time_zone);
  r.str("venue", e.venue);
  r.str("location", e.location);
  r.str("url", e.url);
  collect_unknown(r, unknown);
  if (e.id.empty()) throw bad_field{path + ".id", "an event needs a non-empty id"};
  if (e.all_day) {
    if (!has_first) throw bad_field{path + ".first_day", "an all-day event needs first_day"};
    if (!has_last) e.last_day = e.first_day;
  } else {
    if (!has_start) throw bad_field{path + ".start", "a timed event needs start (or set all_day)"};
    if (!has_end) e.end = e.start;
  }
  return e;
}

challenge read_challenge(const json &j, const std::string &path, unknown_list &unknown) {
  object_reader r(j, path);
  challenge c;
  r.str("id", c.id);
  r.str("title", c.title);
  r.str("description", c.description);
  r.strings("industries", c.industries);
  r.strings("keywords", c.keywords);
  collect_unknown(r, unknown);
  if (c.id.empty()) throw bad_field{path + ".id", "a challenge needs a non-empty id"};
  return c;
}

} // namespace

void run_json(import_context &ctx, std::string_view bytes) {
  ctx.set_name_parts(name_parts_are::clean);  // rapport's own names are structured already
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (auto bad = find_invalid_utf8(bytes)) {
    ctx.fatal(errc::invalid_utf8, locate(bytes, *bad), "invalid UTF-8 at byte " + std::to_string(*bad));
    return;
  }
  record_starts starts;
  scan_positions(bytes, starts);
  if (starts.max_depth > ctx.limits().max_depth) {
    ctx.fatal(errc::limit_exceeded, locate(bytes, starts.deepest_at),
              "JSON nested deeper than limits.max_depth (" + std::to_string(ctx.limits().max_depth) + ")");
    return;
  }
  json doc;
  try {
    doc = json::parse(bytes.begin(), bytes.end());
  } catch (const json::parse_error &e) {
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    ctx.fatal(errc::parse_error, locate(bytes, at), "not valid JSON: " + what);
    return;
  } catch (const json::exception &e) {  // e.g. out_of_range: a number too large for a double (found by fuzzing)
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    ctx.fatal(errc::parse_error, {1, 1, 0}, "not valid JSON: " + what);
    return;
  }
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != "rapport") {
    ctx.fatal(errc::parse_error, {1, 1, 0}, "not a rapport document: the top level needs \"format\": \"rapport\"");
    return;
  }
  if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<long long>() != 1) {
    ctx.fatal(errc::parse_error, {1, 1, 0}, "unsupported rapport document version (this library reads version 1)");
    return;
  }
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const auto &k = it.key();
    if (k != "format" && k != "version" && k != "sender" && k != "contacts" && k != "events" && k != "challenges" &&
        !ctx.note(errc::invalid_argument, {1, 1, 0}, "unknown top-level key '" + k + "' ignored"))
      return;
  }

  const line_index lines(bytes);
  auto at = [&](const std::vector<std::size_t> &v, std::size_t i) {
    return i < v.size() ? lines.locate(v[i]) : location{};
  };
  // Reads one record; false when the import must stop.
  auto one = [&](const json &j, const std::string &path, location where, auto read, auto deliver) {
    if (!ctx.begin_record(where)) return false;
    unknown_list unknown;
    try {
      auto record = read(j, path, unknown);
      for (const auto &u : unknown)
        if (!ctx.repaired(errc::invalid_argument, where, u, "unknown key ignored")) return false;
      return deliver(std::move(record), where);
    } catch (const bad_field &b) {
      return ctx.skipped(errc::invalid_argument, where, b.path, b.message);
    } catch (const json::exception &e) {
      return ctx.skipped(errc::invalid_argument, where, path, e.what());
    }
  };
  if (doc.contains("sender") && !doc["sender"].is_null()) {
    if (!one(doc["sender"], "sender", at(starts.sender, 0), read_contact,
             [&](contact &&c, location w) { return ctx.deliver_sender(std::move(c), w); }))
      return;
  }
  enum class kind { challenge, event, contact };
  struct list {
    const char *key;
    const std::vector<std::size_t> *starts;
    kind what;
  };
  // Challenges and events first, so that contacts referring to them follow what they refer to.
  for (const list &l : {list{"challenges", &starts.challenges, kind::challenge}, list{"events", &starts.events, kind::event},
                        list{"contacts", &starts.contacts, kind::contact}}) {
    if (!doc.contains(l.key) || doc[l.key].is_null()) continue;
    const json &arr = doc[l.key];
    if (!arr.is_array()) {
      if (!ctx.note(errc::invalid_argument, {1, 1, 0}, std::string("'") + l.key + "' is not an array; ignored")) return;
      continue;
    }
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const std::string path = std::string(l.key) + "[" + std::to_string(i) + "]";
      const location where = at(*l.starts, i);
      bool go = true;
      switch (l.what) {
      case kind::challenge:
        go = one(arr[i], path, where, read_challenge, [&](challenge &&c, location w) { return ctx.deliver(std::move(c), w); });
        break;
      case kind::event:
        go = one(arr[i], path, where, read_event, [&](event &&e, location w) { return ctx.deliver(std::move(e), w); });
        break;
      case kind::contact:
        go = one(arr[i], path, where, read_contact, [&](contact &&c, location w) { return ctx.deliver(std::move(c), w); });
        break;
      }
      if (!go) return;
    }
  }
}

// ---- writing --------------------------------------------------------------------

namespace {

using ojson = nlohmann::ordered_json;

std::string day_text(const std::chrono::year_month_day &d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), unsigned(d.month()), unsigned(d.day()));
  return buf;
}

std::string instant_text(std::chrono::sys_seconds t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms{t - days};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", day_text(std::chrono::year_month_day{days}).c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

void put(ojson &j, const char *key, const std::string &v) {
  if (!v.empty()) j[key] = v;
}
void put(ojson &j, const char *key, const std::vector<std::string> &v) {
  if (!v.empty()) j[key] = v;
}

ojson write_contact(const contact &c) {
  ojson j = ojson::object();
  j["id"] = c.id;
  ojson n = ojson::object();
  put(n, "given", c.name.given);
  put(n, "family", c.name.family);
  put(n, "middle", c.name.middle);
  put(n, "prefix", c.name.prefix);
  put(n, "suffix", c.name.suffix);
  put(n, "preferred", c.name.preferred);
  put(n, "raw", c.name.raw);
  if (!n.empty()) j["name"] = n;
  put(j, "headline", c.headline);
  if (!c.organizations.empty()) {
    ojson orgs = ojson::array();
    for (const auto &o : c.organizations) {
      ojson jo = ojson::object();
      put(jo, "name", o.name);
      put(jo, "title", o.title);
      put(jo, "industry", o.industry);
      jo["current"] = o.current;
      if (o.start_year) jo["start_year"] = *o.start_year;
      if (o.end_year) jo["end_year"] = *o.end_year;
      orgs.push_back(std::move(jo));
    }
    j["organizations"] = std::move(orgs);
  }
  put(j, "industry", c.industry);
  put(j, "location", c.location);
  put(j, "languages", c.languages);
  put(j, "locale", c.locale);
  if (c.formality_preference) j["formality"] = to_string(*c.formality_preference);
  if (c.gender != grammatical_gender::unknown) j["gender"] = to_string(c.gender);
  if (c.connected_on) j["connected_on"] = day_text(*c.connected_on);
  if (!c.events.empty()) {
    ojson evs = ojson::array();
    for (const auto &e : c.events) evs.push_back({{"event_id", e.event_id}, {"role", to_string(e.role)}});
    j["events"] = std::move(evs);
  }
  put(j, "schools", c.schools);
  put(j, "topics", c.topics);
  put(j, "connections", c.connections);
  if (!c.offers.empty()) {
    ojson offers = ojson::array();
    for (const auto &o : c.offers) {
      ojson jo = {{"id", o.id}};
      put(jo, "summary", o.summary);
      put(jo, "challenge_ids", o.challenge_ids);
      offers.push_back(std::move(jo));
    }
    j["offers"] = std::move(offers);
  }
  put(j, "purpose", c.purpose);
  return j;
}

ojson write_event(const event &e) {
  ojson j = ojson::object();
  j["id"] = e.id;
  put(j, "name", e.name);
  put(j, "aliases", e.aliases);
  put(j, "series", e.series);
  if (e.edition != 0) j["edition"] = e.edition;
  j["all_day"] = e.all_day;
  if (e.all_day) {
    j["first_day"] = day_text(e.first_day);
    j["last_day"] = day_text(e.last_day);
  } else {
    j["start"] = instant_text(e.start);
    j["end"] = instant_text(e.end);
  }
  put(j, "time_zone", e.time_zone);
  put(j, "venue", e.venue);
  put(j, "location", e.location);
  put(j, "url", e.url);
  return j;
}

ojson write_challenge(const challenge &c) {
  ojson j = ojson::object();
  j["id"] = c.id;
  put(j, "title", c.title);
  put(j, "description", c.description);
  put(j, "industries", c.industries);
  put(j, "keywords", c.keywords);
  return j;
}

} // namespace
} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

result<imported> import_json(std::string_view bytes, const import_options &options) {
  if (bytes.size() > options.limits.max_file_bytes)
    return make_error(errc::limit_exceeded, "input is larger than limits.max_file_bytes (" +
                                                std::to_string(options.limits.max_file_bytes) + ")");
  return detail::collect(options, options.file_name, [&](detail::import_context &ctx) { detail::run_json(ctx, bytes); });
}

result<imported> import_json_file(const std::filesystem::path &path, const import_options &options) {
  auto text = detail::read_whole_file(path, options.limits);
  if (!text) return text.error();
  return detail::collect(options, detail::display_name(path, options),
                         [&](detail::import_context &ctx) { detail::run_json(ctx, *text); });
}

result<std::string> export_json(const imported &doc) {
  using ojson = nlohmann::ordered_json;
  ojson out = ojson::object();
  out["format"] = "rapport";
  out["version"] = 1;
  if (doc.sender) out["sender"] = detail::write_contact(*doc.sender);
  ojson contacts = ojson::array(), events = ojson::array(), challenges = ojson::array();
  for (const auto &c : doc.contacts) contacts.push_back(detail::write_contact(c));
  for (const auto &e : doc.events) events.push_back(detail::write_event(e));
  for (const auto &c : doc.challenges) challenges.push_back(detail::write_challenge(c));
  out["contacts"] = std::move(contacts);
  out["events"] = std::move(events);
  out["challenges"] = std::move(challenges);
  try {
    return out.dump(2, ' ', false, ojson::error_handler_t::strict) + "\n";
  } catch (const ojson::type_error &) {
    // Name the record: dump each one alone until one fails.
    auto fails = [](const ojson &j) {
      try {
        (void)j.dump(-1, ' ', false, ojson::error_handler_t::strict);
        return false;
      } catch (const ojson::type_error &) {
        return true;
      }
    };
    if (doc.sender && fails(detail::write_contact(*doc.sender)))
      return make_error(errc::invalid_utf8, "sender has a field that is not valid UTF-8");
    for (std::size_t i = 0; i < doc.contacts.size(); ++i)
      if (fails(detail::write_contact(doc.contacts[i])))
        return make_error(errc::invalid_utf8, "contacts[" + std::to_string(i) + "] has a field that is not valid UTF-8");
    for (std::size_t i = 0; i < doc.events.size(); ++i)
      if (fails(detail::write_event(doc.events[i])))
        return make_error(errc::invalid_utf8, "events[" + std::to_string(i) + "] has a field that is not valid UTF-8");
    return make_error(errc::invalid_utf8, "a challenge has a field that is not valid UTF-8");
  }
}

} // namespace v1
} // namespace rapport
