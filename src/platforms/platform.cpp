// Platform profiles: built-in ones embedded from data/platforms/platforms.json,
// user overlays parsed from the same JSON format at run time.
#include "rapport/platform.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

#include "text/utf8.hpp"

namespace rapport::detail {
extern const std::string_view builtin_platforms_json;
}

namespace rapport {
inline namespace v1 {
namespace {

using json = nlohmann::json;

constexpr std::size_t max_document_bytes = 1u << 20;

error bad(std::string what, std::size_t offset = error::npos) {
  return make_error(errc::parse_error, "platform profiles: " + std::move(what), offset);
}

bool valid_id(const std::string &id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; });
}

// The unit names of text.hpp's to_string(length_unit), spelled here so that this
// file does not depend on the length implementation.
bool parse_unit(const std::string &s, length_unit &unit) {
  static constexpr std::pair<std::string_view, length_unit> names[] = {
      {"graphemes", length_unit::graphemes},
      {"code_points", length_unit::code_points},
      {"utf16", length_unit::utf16},
      {"x_weighted", length_unit::x_weighted}};
  for (const auto &[name, u] : names)
    if (s == name) { unit = u; return true; }
  return false;
}

bool parse_confidence(const std::string &s, platform_confidence &c) {
  for (auto v : {platform_confidence::documented, platform_confidence::observed, platform_confidence::convention,
                 platform_confidence::user})
    if (s == to_string(v)) { c = v; return true; }
  return false;
}

// One limit: a positive integer, or null for "no limit".
bool parse_limit(const json &v, std::size_t &out) {
  if (v.is_null()) { out = no_limit; return true; }
  if (!v.is_number_unsigned()) return false;
  const auto n = v.get<std::uint64_t>();
  if (n == 0) return false;
  out = static_cast<std::size_t>(n);
  return true;
}

result<platform_profile> parse_profile(const json &p, std::size_t index, platform_confidence default_confidence) {
  const std::string where = "profile #" + std::to_string(index);
  if (!p.is_object()) return bad(where + " is not an object");
  platform_profile out;
  const auto id = p.find("id");
  if (id == p.end() || !id->is_string() || !valid_id(id->get<std::string>()))
    return bad(where + ": \"id\" must be a string of a-z, 0-9, '-' or '_' (at most 64)");
  out.id = id->get<std::string>();
  const std::string who = "profile \"" + out.id + "\"";
  static constexpr std::string_view known[] = {"id", "display_name", "unit", "tiers", "fields", "confidence", "source"};
  for (const auto &[key, value] : p.items())
    if (std::find(std::begin(known), std::end(known), key) == std::end(known))
      return bad(who + ": unknown key \"" + key + "\" (a typo?)");

  const auto name = p.find("display_name");
  if (name != p.end() && !name->is_string()) return bad(who + ": \"display_name\" must be a string");
  out.display_name = name != p.end() ? name->get<std::string>() : out.id;
  if (!is_valid_utf8(out.display_name)) return bad(who + ": \"display_name\" is not valid UTF-8");

  const auto unit = p.find("unit");
  if (unit == p.end() || !unit->is_string() || !parse_unit(unit->get<std::string>(), out.unit))
    return bad(who + ": \"unit\" must be one of graphemes, code_points, utf16, x_weighted");

  const auto tiers = p.find("tiers");
  if (tiers == p.end()) {
    out.tiers = {"standard"};
  } else {
    if (!tiers->is_array() || tiers->empty()) return bad(who + ": \"tiers\" must be a non-empty array of strings");
    for (const auto &t : *tiers) {
      if (!t.is_string() || t.get<std::string>().empty()) return bad(who + ": each tier must be a non-empty string");
      const auto s = t.get<std::string>();
      if (std::find(out.tiers.begin(), out.tiers.end(), s) != out.tiers.end())
        return bad(who + ": tier \"" + s + "\" appears twice");
      out.tiers.push_back(s);
    }
  }

  const auto fields = p.find("fields");
  if (fields == p.end() || !fields->is_object() || fields->empty())
    return bad(who + ": \"fields\" must be an object with \"subject\" and/or \"body\"");
  for (const auto &[key, value] : fields->items()) {
    platform_field_spec spec;
    if (key == "subject") spec.field = platform_field::subject;
    else if (key == "body") spec.field = platform_field::body;
    else return bad(who + ": unknown field \"" + key + "\" (subject, body)");
    std::size_t limit = 0;
    if (value.is_array()) {
      if (value.size() != out.tiers.size())
        return bad(who + ": field \"" + key + "\" needs one limit per tier (" + std::to_string(out.tiers.size()) + ")");
      for (const auto &v : value) {
        if (!parse_limit(v, limit)) return bad(who + ": limits must be positive integers or null");
        spec.limits.push_back(limit);
      }
    } else if (parse_limit(value, limit)) {  // one number for every tier
      spec.limits.assign(out.tiers.size(), limit);
    } else {
      return bad(who + ": field \"" + key + "\" must be a limit or an array of limits");
    }
    out.fields.push_back(std::move(spec));
  }
  std::sort(out.fields.begin(), out.fields.end(),
            [](const auto &a, const auto &b) { return static_cast<int>(a.field) < static_cast<int>(b.field); });

  out.confidence = default_confidence;
  const auto conf = p.find("confidence");
  if (conf != p.end() && (!conf->is_string() || !parse_confidence(conf->get<std::string>(), out.confidence)))
    return bad(who + ": \"confidence\" must be documented, observed, convention or user");
  const auto source = p.find("source");
  if (source != p.end()) {
    if (!source->is_string()) return bad(who + ": \"source\" must be a string");
    out.source = source->get<std::string>();
  }
  return out;
}

result<std::vector<platform_profile>> parse_document(std::string_view doc, platform_confidence default_confidence) {
  if (doc.size() > max_document_bytes) return make_error(errc::limit_exceeded, "platform profile document over 1 MiB");
  error err;
  if (!detail::check_utf8(doc, err)) return err;
  json root;
  try {
    root = json::parse(doc.begin(), doc.end());
  } catch (const json::parse_error &e) {
    return bad(std::string("malformed JSON: ") + e.what(), e.byte > 0 ? e.byte - 1 : 0);
  }
  if (!root.is_object()) return bad("the document must be a JSON object");
  const auto profiles = root.find("profiles");
  if (profiles == root.end() || !profiles->is_array()) return bad("the document needs a \"profiles\" array");
  std::vector<platform_profile> out;
  for (std::size_t i = 0; i < profiles->size(); ++i) {
    auto p = parse_profile((*profiles)[i], i, default_confidence);
    if (!p) return p.error();
    for (const auto &q : out)
      if (q.id == p->id) return bad("profile \"" + p->id + "\" appears twice");
    out.push_back(std::move(*p));
  }
  return out;
}

} // namespace

const char *to_string(platform_field field) noexcept {
  switch (field) {
  case platform_field::subject: return "subject";
  case platform_field::body: return "body";
  }
  return "unknown";
}

const char *to_string(platform_confidence confidence) noexcept {
  switch (confidence) {
  case platform_confidence::documented: return "documented";
  case platform_confidence::observed: return "observed";
  case platform_confidence::convention: return "convention";
  case platform_confidence::user: return "user";
  }
  return "unknown";
}

result<std::size_t> platform_limit(const platform_profile &profile, platform_field field, std::string_view tier) {
  error err;
  if (!detail::check_utf8(tier, err)) return err;
  std::size_t t = 0;
  if (!tier.empty()) {
    const auto it = std::find(profile.tiers.begin(), profile.tiers.end(), tier);
    if (it == profile.tiers.end())
      return make_error(errc::not_found, "platform \"" + profile.id + "\" has no tier \"" + std::string(tier) + "\"");
    t = static_cast<std::size_t>(it - profile.tiers.begin());
  }
  for (const auto &f : profile.fields) {
    if (f.field != field) continue;
    if (t >= f.limits.size())
      return make_error(errc::invalid_argument, "platform \"" + profile.id + "\": no limit for tier " + std::to_string(t));
    return f.limits[t];
  }
  return make_error(errc::not_found,
                    "platform \"" + profile.id + "\" has no " + to_string(field) + " field");
}

result<platform_profile> custom_platform(std::size_t body_limit, length_unit unit, std::size_t subject_limit) {
  if (body_limit == 0 || subject_limit == 0) return make_error(errc::invalid_argument, "a limit must be positive");
  platform_profile p;
  p.id = "custom";
  p.display_name = "Custom";
  p.unit = unit;
  p.tiers = {"standard"};
  p.fields.push_back({platform_field::subject, {subject_limit}});
  p.fields.push_back({platform_field::body, {body_limit}});
  p.confidence = platform_confidence::user;
  p.source = "custom_platform()";
  return p;
}

const platform_registry &platform_registry::builtin() {
  static const platform_registry registry = [] {
    auto parsed = parse_document(detail::builtin_platforms_json, platform_confidence::documented);
    if (!parsed) throw std::logic_error("built-in platform profiles are invalid: " + parsed.error().message);
    platform_registry r;
    r.profiles_ = std::move(*parsed);
    std::sort(r.profiles_.begin(), r.profiles_.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return r;
  }();
  return registry;
}

result<platform_registry> platform_registry::overlay(std::string_view json_document) const {
  auto parsed = parse_document(json_document, platform_confidence::user);
  if (!parsed) return parsed.error();
  platform_registry r = *this;
  for (auto &p : *parsed) {
    const auto it = std::lower_bound(r.profiles_.begin(), r.profiles_.end(), p.id,
                                     [](const platform_profile &a, const std::string &id) { return a.id < id; });
    if (it != r.profiles_.end() && it->id == p.id) *it = std::move(p);
    else r.profiles_.insert(it, std::move(p));
  }
  return r;
}

result<platform_registry> platform_registry::overlay_file(const std::filesystem::path &path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(errc::io_error, "cannot open " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return make_error(errc::io_error, "cannot read " + path.string());
  return overlay(ss.str());
}

result<platform_profile> platform_registry::find(std::string_view id) const {
  error err;
  if (!detail::check_utf8(id, err)) return err;
  const auto it = std::lower_bound(profiles_.begin(), profiles_.end(), id,
                                   [](const platform_profile &a, std::string_view key) { return a.id < key; });
  if (it == profiles_.end() || it->id != id)
    return make_error(errc::not_found, "no platform profile \"" + std::string(id) + "\"");
  return *it;
}

std::vector<std::string> platform_registry::ids() const {
  std::vector<std::string> out;
  out.reserve(profiles_.size());
  for (const auto &p : profiles_) out.push_back(p.id);
  return out;
}

result<platform_profile> find_platform(std::string_view id) { return platform_registry::builtin().find(id); }

std::vector<std::string> platform_ids() { return platform_registry::builtin().ids(); }

} // namespace v1
} // namespace rapport
