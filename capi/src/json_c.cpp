// C ABI: the JSON convenience layer, one request document in, one response
// document out (shapes in docs/c-api.md). Contacts, events and challenges use
// a minimal shape of their own here; it is meant to converge with the JSON
// import schema.
#include "capi_internal.hpp"

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "rapport/template.hpp"

using json = nlohmann::json;
using namespace rapport::capi;

namespace {

constexpr std::size_t max_request = std::size_t{64} << 20;

// A failure while reading a request: status and message.
struct request_error {
  int status;
  std::string message;
};

[[noreturn]] void bad(std::string message) { throw request_error{RAPPORT_EINVAL, std::move(message)}; }

const json *member(const json &j, const char *name) {
  auto it = j.find(name);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

std::string str(const json &j, const char *name, const std::string &where, std::string fallback = {}) {
  const json *m = member(j, name);
  if (m == nullptr) return fallback;
  if (!m->is_string()) bad(where + "." + name + " must be a string");
  return m->get<std::string>();
}

std::vector<std::string> strs(const json &j, const char *name, const std::string &where) {
  std::vector<std::string> out;
  const json *m = member(j, name);
  if (m == nullptr) return out;
  if (!m->is_array()) bad(where + "." + name + " must be an array of strings");
  for (const auto &e : *m) {
    if (!e.is_string()) bad(where + "." + name + " must be an array of strings");
    out.push_back(e.get<std::string>());
  }
  return out;
}

std::int64_t integer(const json &j, const char *name, const std::string &where, std::int64_t fallback) {
  const json *m = member(j, name);
  if (m == nullptr) return fallback;
  if (!m->is_number_integer()) bad(where + "." + name + " must be an integer");
  return m->get<std::int64_t>();
}

double real(const json &j, const char *name, const std::string &where, double fallback) {
  const json *m = member(j, name);
  if (m == nullptr) return fallback;
  if (!m->is_number()) bad(where + "." + name + " must be a number");
  return m->get<double>();
}

bool boolean(const json &j, const char *name, const std::string &where, bool fallback) {
  const json *m = member(j, name);
  if (m == nullptr) return fallback;
  if (!m->is_boolean()) bad(where + "." + name + " must be true or false");
  return m->get<bool>();
}

const json &object(const json &j, const char *name, const std::string &where) {
  const json *m = member(j, name);
  if (m == nullptr || !m->is_object()) bad(where + "." + name + " must be an object");
  return *m;
}

template <class E>
E enum_of(const std::string &value, std::initializer_list<std::pair<const char *, E>> names, const std::string &where) {
  for (const auto &[n, e] : names)
    if (value == n) return e;
  bad(where + ": unknown value '" + value + "'");
}

rapport::event_role role_of(const std::string &s, const std::string &where) {
  using r = rapport::event_role;
  return enum_of<r>(s, {{"attendee", r::attendee}, {"exhibitor", r::exhibitor}, {"speaker", r::speaker},
                        {"sponsor", r::sponsor}, {"organizer", r::organizer}}, where);
}

rapport::contact contact_of(const json &j, const std::string &where) {
  if (!j.is_object()) bad(where + " must be an object");
  rapport::contact c;
  c.id = str(j, "id", where);
  if (const json *n = member(j, "name")) {
    if (n->is_string()) {
      c.name.raw = n->get<std::string>();
    } else if (n->is_object()) {
      const std::string w = where + ".name";
      c.name.given = str(*n, "given", w);
      c.name.middle = str(*n, "middle", w);
      c.name.family = str(*n, "family", w);
      c.name.prefix = str(*n, "prefix", w);
      c.name.suffix = str(*n, "suffix", w);
      c.name.preferred = str(*n, "preferred", w);
      c.name.pronouns = str(*n, "pronouns", w);
      c.name.raw = str(*n, "raw", w);
      if (str(*n, "order", w, "given_first") == "family_first") c.name.order = rapport::name_order::family_first;
    } else {
      bad(where + ".name must be an object or a string");
    }
  }
  c.headline = str(j, "headline", where);
  c.industry = str(j, "industry", where);
  c.location = str(j, "location", where);
  c.locale = str(j, "locale", where);
  c.purpose = str(j, "purpose", where);
  c.languages = strs(j, "languages", where);
  c.schools = strs(j, "schools", where);
  c.topics = strs(j, "topics", where);
  c.connections = strs(j, "connections", where);
  const std::string form = str(j, "formality", where);
  if (!form.empty())
    c.formality_preference = enum_of<rapport::formality>(
        form, {{"formal", rapport::formality::formal}, {"informal", rapport::formality::informal}}, where + ".formality");
  using g = rapport::grammatical_gender;
  c.gender = enum_of<g>(str(j, "gender", where, "unknown"),
                        {{"unknown", g::unknown}, {"feminine", g::feminine}, {"masculine", g::masculine}, {"neutral", g::neutral}},
                        where + ".gender");
  if (const json *orgs = member(j, "organizations")) {
    if (!orgs->is_array()) bad(where + ".organizations must be an array");
    for (std::size_t i = 0; i < orgs->size(); ++i) {
      const json &o = (*orgs)[i];
      const std::string w = where + ".organizations[" + std::to_string(i) + "]";
      if (!o.is_object()) bad(w + " must be an object");
      rapport::organization org;
      org.name = str(o, "name", w);
      org.title = str(o, "title", w);
      org.industry = str(o, "industry", w);
      org.current = boolean(o, "current", w, true);
      if (member(o, "start_year")) org.start_year = static_cast<int>(integer(o, "start_year", w, 0));
      if (member(o, "end_year")) org.end_year = static_cast<int>(integer(o, "end_year", w, 0));
      c.organizations.push_back(std::move(org));
    }
  }
  if (const json *evs = member(j, "events")) {
    if (!evs->is_array()) bad(where + ".events must be an array");
    for (std::size_t i = 0; i < evs->size(); ++i) {
      const json &e = (*evs)[i];
      const std::string w = where + ".events[" + std::to_string(i) + "]";
      if (!e.is_object()) bad(w + " must be an object");
      c.events.push_back({str(e, "event_id", w), role_of(str(e, "role", w, "attendee"), w + ".role")});
    }
  }
  if (const json *offers = member(j, "offers")) {
    if (!offers->is_array()) bad(where + ".offers must be an array");
    for (std::size_t i = 0; i < offers->size(); ++i) {
      const json &o = (*offers)[i];
      const std::string w = where + ".offers[" + std::to_string(i) + "]";
      if (!o.is_object()) bad(w + " must be an object");
      c.offers.push_back({str(o, "id", w), str(o, "summary", w), strs(o, "challenge_ids", w)});
    }
  }
  return c;
}

std::chrono::year_month_day day_of(const std::string &s, const std::string &where) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%d-%u-%u%c", &y, &m, &d, &tail) != 3) bad(where + " must be a date YYYY-MM-DD");
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) bad(where + " is not a date");
  return ymd;
}

rapport::event event_of(const json &j, const std::string &where) {
  if (!j.is_object()) bad(where + " must be an object");
  rapport::event e;
  e.id = str(j, "id", where);
  e.name = str(j, "name", where);
  e.aliases = strs(j, "aliases", where);
  e.series = str(j, "series", where);
  e.edition = static_cast<int>(integer(j, "edition", where, 0));
  e.all_day = member(j, "first_day") != nullptr;
  if (e.all_day) {
    e.first_day = day_of(str(j, "first_day", where), where + ".first_day");
    e.last_day = day_of(str(j, "last_day", where, str(j, "first_day", where)), where + ".last_day");
  } else {
    e.start = std::chrono::sys_seconds{std::chrono::seconds{integer(j, "start", where, 0)}};
    e.end = std::chrono::sys_seconds{std::chrono::seconds{integer(j, "end", where, integer(j, "start", where, 0))}};
  }
  e.time_zone = str(j, "time_zone", where);
  e.venue = str(j, "venue", where);
  e.location = str(j, "location", where);
  e.url = str(j, "url", where);
  return e;
}

rapport::challenge challenge_of(const json &j, const std::string &where) {
  if (!j.is_object()) bad(where + " must be an object");
  return {str(j, "id", where), str(j, "title", where), str(j, "description", where), strs(j, "industries", where),
          strs(j, "keywords", where)};
}

void check(const rapport::result<void> &r, const std::string &where) {
  if (!r) throw request_error{status_of(r.error().code), where + ": " + r.error().message};
}

// Builds the request's "directory" member; warnings go to `warnings`.
rapport::directory directory_of(const json &req, json &warnings) {
  const json &d = object(req, "directory", "request");
  rapport::directory_builder b;
  auto each = [&](const char *name, auto add) {
    const json *list = member(d, name);
    if (list == nullptr) return;
    if (!list->is_array()) bad(std::string("directory.") + name + " must be an array");
    for (std::size_t i = 0; i < list->size(); ++i) add((*list)[i], std::string("directory.") + name + "[" + std::to_string(i) + "]");
  };
  each("events", [&](const json &j, const std::string &w) { check(b.add_event(event_of(j, w)), w); });
  each("challenges", [&](const json &j, const std::string &w) { check(b.add_challenge(challenge_of(j, w)), w); });
  each("contacts", [&](const json &j, const std::string &w) { check(b.add_contact(contact_of(j, w)), w); });
  auto dir = b.build();
  if (!dir) throw request_error{status_of(dir.error().code), dir.error().message};
  for (const auto &w : dir->warnings()) warnings.push_back(w.message);
  return std::move(*dir);
}

// The sender: "sender" (a contact object) or "sender_id" (a contact of the directory).
rapport::contact sender_of(const json &req, const rapport::directory &dir) {
  if (const json *s = member(req, "sender")) return contact_of(*s, "sender");
  const std::string id = str(req, "sender_id", "request");
  if (id.empty()) bad("request needs \"sender\" or \"sender_id\"");
  const rapport::contact *c = dir.find_contact(id);
  if (c == nullptr) throw request_error{RAPPORT_ENOTFOUND, "no contact with id '" + id + "'"};
  return *c;
}

json context_json(rapport::shared_context c) {
  const rapport::context_kind kind = c.kind;
  const double strength = c.strength;
  const context_view v = make_view(std::move(c));
  json facts = json::object();
  for (const auto &[name, value] : v.facts) facts[name] = value;
  json evidence = json::array();
  static const char *const sides[] = {"sender", "recipient", "shared"};
  for (const auto &e : v.evidence)
    evidence.push_back({{"side", sides[static_cast<int>(e.side)]}, {"record", e.record}, {"field", e.field}, {"value", e.value}});
  return {{"kind", rapport::to_string(kind)}, {"strength", strength}, {"situation", v.situation},
          {"facts", std::move(facts)}, {"evidence", std::move(evidence)}};
}

std::chrono::sys_seconds now_of(const json &req) {
  const json *n = member(req, "now");
  if (n == nullptr) return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  return std::chrono::sys_seconds{std::chrono::seconds{integer(req, "now", "request", 0)}};
}

rapport::discovery_options options_of(const json &req) {
  rapport::discovery_options o;
  o.min_strength = real(req, "min_strength", "request", 0.0);
  return o;
}

template <class T>
T value_or_throw(rapport::result<T> r) {
  if (!r) throw request_error{status_of(r.error().code), r.error().message};
  return std::move(*r);
}

rapport::length_unit unit_of(const json &req) {
  using u = rapport::length_unit;
  return enum_of<u>(str(req, "unit", "request", "graphemes"),
                    {{"graphemes", u::graphemes}, {"code_points", u::code_points}, {"utf16", u::utf16},
                     {"x_weighted", u::x_weighted}}, "request.unit");
}

json op_discover(const json &req) {
  json warnings = json::array();
  const rapport::directory dir = directory_of(req, warnings);
  const rapport::contact sender = sender_of(req, dir);
  rapport::contact recipient;
  if (const json *r = member(req, "recipient")) {
    recipient = contact_of(*r, "recipient");
  } else {
    const std::string id = str(req, "recipient_id", "request");
    if (id.empty()) bad("request needs \"recipient\" or \"recipient_id\"");
    const rapport::contact *c = dir.find_contact(id);
    if (c == nullptr) throw request_error{RAPPORT_ENOTFOUND, "no contact with id '" + id + "'"};
    recipient = *c;
  }
  auto found = value_or_throw(rapport::find_shared_contexts(dir, sender, recipient, now_of(req), options_of(req)));
  json contexts = json::array();
  for (const auto &c : found) contexts.push_back(context_json(c));
  return {{"contexts", std::move(contexts)}, {"warnings", std::move(warnings)}};
}

json op_rank(const json &req) {
  json warnings = json::array();
  const rapport::directory dir = directory_of(req, warnings);
  const rapport::contact sender = sender_of(req, dir);
  rapport::rank_filter f;
  if (const json *fj = member(req, "filter")) {
    if (!fj->is_object()) bad("request.filter must be an object");
    using k = rapport::context_kind;
    for (const auto &name : strs(*fj, "kinds", "filter"))
      f.kinds.push_back(enum_of<k>(name, {{"event", k::event}, {"challenge", k::challenge},
                                          {"mutual_connection", k::mutual_connection}, {"same_city", k::same_city},
                                          {"past_employer", k::past_employer}, {"school", k::school}, {"topic", k::topic}},
                                   "filter.kinds"));
    f.event_id = str(*fj, "event_id", "filter");
    f.min_strength = real(*fj, "min_strength", "filter", 0.0);
  }
  const std::int64_t k = integer(req, "k", "request", 10);
  if (k < 0) bad("request.k must not be negative");
  auto ranked = value_or_throw(rapport::rank_recipients(dir, sender, now_of(req), static_cast<std::size_t>(k), f, options_of(req)));
  json results = json::array();
  for (const auto &r : ranked) results.push_back({{"recipient_id", r.recipient->id}, {"context", context_json(r.best)}});
  return {{"results", std::move(results)}, {"warnings", std::move(warnings)}};
}

json op_length(const json &req) {
  const std::string text = str(req, "text", "request");
  return {{"length", value_or_throw(rapport::length(text, unit_of(req)))}};
}

json op_truncate(const json &req) {
  rapport::truncate_options o;
  const std::string text = str(req, "text", "request");
  o.unit = unit_of(req);
  const std::int64_t limit = integer(req, "limit", "request", -1);
  if (limit < 0) bad("request.limit must be a non-negative integer");
  o.limit = static_cast<std::size_t>(limit);
  const std::string ellipsis = str(req, "ellipsis", "request", "\xE2\x80\xA6");
  o.ellipsis = ellipsis;
  o.prefer_word_boundary = boolean(req, "prefer_word_boundary", "request", true);
  auto t = value_or_throw(rapport::truncate(text, o));
  return {{"text", t.text}, {"truncated", t.truncated}};
}

json op_platforms(const json &req) {
  const std::string id = str(req, "id", "request");
  if (id.empty()) return {{"ids", rapport::platform_ids()}};
  const rapport::platform_profile p = value_or_throw(rapport::find_platform(id));
  json limits = json::object();
  for (const auto &f : p.fields) {
    json per_tier = json::object();
    for (std::size_t i = 0; i < p.tiers.size() && i < f.limits.size(); ++i)
      per_tier[p.tiers[i]] = f.limits[i] == rapport::no_limit ? json(nullptr) : json(f.limits[i]);
    limits[rapport::to_string(f.field)] = std::move(per_tier);
  }
  static const char *const units[] = {"graphemes", "code_points", "utf16", "x_weighted"};
  return {{"id", p.id}, {"display_name", p.display_name}, {"unit", units[static_cast<int>(p.unit)]},
          {"tiers", p.tiers}, {"limits", std::move(limits)}, {"confidence", rapport::to_string(p.confidence)},
          {"source", p.source}};
}

json op_catalog_slots(const json &req) {
  const rapport::catalog cat = value_or_throw(rapport::catalog::builtin());
  const std::string locale = str(req, "locale", "request");
  if (locale.empty()) return {{"locales", cat.locales()}};
  return {{"slots", cat.slots(locale)}};
}

json op_catalog_render(const json &req) {
  const rapport::catalog cat = value_or_throw(rapport::catalog::builtin());
  const std::string locale = str(req, "locale", "request", "en");
  const std::string slot = str(req, "slot", "request");
  rapport::template_args args;
  if (const json *a = member(req, "args")) {
    if (!a->is_object()) bad("request.args must be an object");
    for (const auto &[name, value] : a->items()) {
      std::string text;
      if (value.is_string()) text = value.get<std::string>();
      else if (value.is_number()) text = value.dump();
      else bad("args." + name + " must be a string or a number");
      if (int s = set_arg(args, name, text)) throw request_error{s, last.message};
    }
  }
  const rapport::lookup_result hit = value_or_throw(cat.lookup(locale, slot));
  return {{"text", value_or_throw(hit.tmpl.render(args))}, {"slot", hit.slot}, {"catalog_locale", hit.catalog_locale},
          {"fallback", hit.fallback}};
}

const char *code_name(int status) {
  switch (status) {
  case RAPPORT_EUTF8: return "EUTF8";
  case RAPPORT_EINVAL: return "EINVAL";
  case RAPPORT_ENOTFOUND: return "ENOTFOUND";
  case RAPPORT_EPARSE: return "EPARSE";
  case RAPPORT_ELIMIT: return "ELIMIT";
  case RAPPORT_EIO: return "EIO";
  case RAPPORT_ENOCONTEXT: return "ENOCONTEXT";
  default: return "EINTERNAL";
  }
}

json dispatch(const json &req) {
  if (!req.is_object()) bad("the request must be a JSON object");
  const std::string op = str(req, "op", "request");
  if (op == "discover") return op_discover(req);
  if (op == "rank") return op_rank(req);
  if (op == "text.length") return op_length(req);
  if (op == "text.truncate") return op_truncate(req);
  if (op == "platforms") return op_platforms(req);
  if (op == "catalog.slots") return op_catalog_slots(req);
  if (op == "catalog.render") return op_catalog_render(req);
  bad("unknown op '" + op + "'");
}

} // namespace

extern "C" int rapport_json_call(const char *request, size_t len, char **out_response, size_t *out_len) {
  int status = guarded([&]() -> int {
    if (int s = check_out(out_response, "out_response")) return s;
    *out_response = nullptr;
    if (request == nullptr && len != 0) return fail(RAPPORT_EINVAL, "request is NULL but len is not 0");
    if (len > max_request)
      return fail(RAPPORT_ELIMIT, "request of " + std::to_string(len) + " bytes exceeds the limit of 64 MiB");
    if (auto bad_byte = rapport::find_invalid_utf8(view(request, len)))
      return fail(RAPPORT_EUTF8, "request: invalid UTF-8 at byte " + std::to_string(*bad_byte),
                  static_cast<std::int64_t>(*bad_byte));
    json req;
    try {
      req = json::parse(view(request, len));
    } catch (const json::parse_error &e) {
      return fail(RAPPORT_EPARSE, std::string("request is not JSON: ") + e.what(),
                  e.byte == 0 ? -1 : static_cast<std::int64_t>(e.byte - 1));
    }
    json result;
    try {
      result = dispatch(req);
    } catch (const request_error &e) {
      return fail(e.status, e.message);
    }
    return give_string(json{{"ok", true}, {"result", std::move(result)}}.dump(-1, ' ', false, json::error_handler_t::replace),
                       out_response, out_len);
  });
  if (status != RAPPORT_OK && out_response != nullptr) {
    const std::string message = last.message;
    const std::int64_t offset = last.offset;
    json err = {{"ok", false},
                {"error", {{"status", status}, {"code", code_name(status)}, {"message", message},
                           {"offset", offset < 0 ? json(nullptr) : json(offset)}}}};
    try {
      if (give_string(err.dump(-1, ' ', false, json::error_handler_t::replace), out_response, out_len) != RAPPORT_OK)
        *out_response = nullptr;
    } catch (...) {
      *out_response = nullptr;
    }
    last.message = message;  // the response's own failure must not hide the request's
    last.offset = offset;
  }
  return status;
}
