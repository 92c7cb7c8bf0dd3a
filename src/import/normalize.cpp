// Normalization at import: names, companies, places (docs/formats.md, "Normalization").
#include "import/normalize.hpp"

#include "names/person_name_detail.hpp"
#include "rapport/company.hpp"
#include "rapport/person_name.hpp"
#include "rapport/place.hpp"

namespace rapport::detail {
namespace {

// Distinct companies and locations kept per import; past this the cache starts over.
constexpr std::size_t max_cached = std::size_t(1) << 16;

// Bytes of `s` that carry the name: not spaces, commas, brackets or quotes. A
// parse that keeps fewer of them than it was given dropped something (emoji, a headline).
std::size_t name_bytes(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if (c != ' ' && c != ',' && c != '(' && c != ')' && c != '"' && c != '\t') ++n;
  return n;
}

std::size_t name_bytes(const person_name &n) {
  return name_bytes(n.given) + name_bytes(n.middle) + name_bytes(n.family) + name_bytes(n.prefix) +
         name_bytes(n.suffix) + name_bytes(n.preferred) + name_bytes(n.pronouns);
}

void append_joined(std::string &to, std::string_view more, std::string_view sep) {
  if (more.empty()) return;
  if (!to.empty()) to += sep;
  to += more;
}

// "MARIA" → "Maria", the way the parser recases a name written in capitals.
std::string recased_part(const std::string &part, std::string_view locale) {
  if (part.empty()) return part;
  if (!is_all_caps_name(part)) {
    bool upper = false;
    for (char ch : part) upper = upper || (ch >= 'A' && ch <= 'Z');
    if (upper) return part;  // mixed case: as written
  }
  auto p = parse_person_name(part, std::string_view(), {.locale = locale});
  return p && p->recased && !p->given.empty() ? p->given : part;
}

} // namespace

void add_counts(import_normalization &a, const import_normalization &b) noexcept {
  a.names_cleaned += b.names_cleaned;
  a.names_recased += b.names_recased;
  a.names_unparsed += b.names_unparsed;
  a.companies_without_legal_form += b.companies_without_legal_form;
  a.places_resolved += b.places_resolved;
  a.places_ambiguous += b.places_ambiguous;
  a.places_unknown += b.places_unknown;
}

void contact_normalizer::normalize_name(contact &c, import_normalization &counts) {
  person_name &n = c.name;
  const std::string_view hint = !c.locale.empty() ? std::string_view(c.locale)
                                : !c.languages.empty() ? std::string_view(c.languages.front())
                                                       : std::string_view();
  const bool has_parts = !n.given.empty() || !n.family.empty() || !n.middle.empty();
  if (has_parts && parts_ == name_parts_are::clean) return;
  if (!has_parts) {
    if (n.raw.empty()) return;
    auto p = parse_person_name(n.raw, {.locale = hint});
    if (!p) {
      ++counts.names_unparsed;
      return;
    }
    const bool extras = !p->prefix.empty() || !p->suffix.empty() || !p->pronouns.empty() || !p->preferred.empty();
    if (extras || name_bytes(*p) < name_bytes(n.raw)) ++counts.names_cleaned;
    if (p->recased) ++counts.names_recased;
    p->gender = p->gender == grammatical_gender::unknown ? n.gender : p->gender;
    n = std::move(*p);
    return;
  }
  // Parts as typed (LinkedIn's First/Last Name, vCard N): each cleaned; N's own
  // middle, prefix and suffix kept, with what the parser moved out added.
  if (n.middle.empty() && n.prefix.empty() && n.suffix.empty() && names::is_plain_two_field_name(n.given, n.family)) {
    // Most names: what the merge below would give, without building it.
    if (n.raw.empty()) {
      n.raw = n.given;
      if (!n.given.empty() && !n.family.empty()) n.raw += ' ';
      n.raw += n.family;
    }
    const auto lang = hint.substr(0, hint.find_first_of("-_.@"));
    n.order = lang.size() == 2 && ((lang[0] | 0x20) == 'h' && (lang[1] | 0x20) == 'u') ? name_order::family_first
              : lang.size() == 2 && ((lang[0] | 0x20) == 'v' && (lang[1] | 0x20) == 'i') ? name_order::family_first
                                                                                       : name_order::given_first;
    n.academic_title = false;
    n.recased = false;
    return;
  }
  // Not plain (checked above): straight to the general parser, which parse_person_name would call.
  auto p = names::parse_two_fields_general(n.given, n.family, {.locale = hint});
  if (!p) {
    ++counts.names_unparsed;
    return;
  }
  const std::size_t before = name_bytes(n.given) + name_bytes(n.family);
  const std::size_t after = name_bytes(p->given) + name_bytes(p->family) + name_bytes(p->prefix) +
                            name_bytes(p->suffix) + name_bytes(p->preferred) + name_bytes(p->pronouns);
  if (!p->prefix.empty() || !p->suffix.empty() || !p->pronouns.empty() || !p->preferred.empty() || after < before)
    ++counts.names_cleaned;
  if (p->recased) ++counts.names_recased;
  if (!n.raw.empty()) p->raw = std::move(n.raw);
  p->middle = p->recased ? recased_part(n.middle, hint) : std::move(n.middle);
  if (!n.prefix.empty()) {
    const auto info = names::read_prefix(n.prefix);
    if (p->gender == grammatical_gender::unknown) p->gender = info.gender;
    p->academic_title = p->academic_title || info.academic;
    std::string prefix = std::move(n.prefix);
    append_joined(prefix, p->prefix, " ");
    p->prefix = std::move(prefix);
  }
  if (!n.suffix.empty()) {
    std::string suffix = std::move(n.suffix);
    append_joined(suffix, p->suffix, ", ");
    p->suffix = std::move(suffix);
  }
  if (p->preferred.empty()) p->preferred = std::move(n.preferred);
  if (p->pronouns.empty()) p->pronouns = std::move(n.pronouns);
  if (p->gender == grammatical_gender::unknown) p->gender = n.gender;
  n = std::move(*p);
}

const contact_normalizer::company_entry &contact_normalizer::company(const std::string &raw) {
  if (auto it = companies_.find(raw); it != companies_.end()) return it->second;
  if (companies_.size() >= max_cached) companies_.clear();
  company_entry e;
  if (auto c = parse_company_name(raw)) {
    e.display = std::move(c->display);
    e.key = std::move(c->keys.german);
    e.legal_form = !c->legal_form.empty();
  }
  return companies_.emplace(raw, std::move(e)).first->second;
}

const contact_normalizer::place_entry &contact_normalizer::where(const std::string &location) {
  if (auto it = places_.find(location); it != places_.end()) return it->second;
  if (places_.size() >= max_cached) places_.clear();
  place_entry e;
  if (auto r = resolve_place(location)) {
    e.id = r->id;
    e.ambiguous = r->ambiguous;
  }
  return places_.emplace(location, e).first->second;
}

void contact_normalizer::apply(contact &c, import_normalization &counts) {
  normalize_name(c, counts);
  for (auto &o : c.organizations) {
    if (o.name.empty() || (!o.display.empty() && !o.key.empty())) continue;
    const auto &e = company(o.name);
    if (e.display.empty()) continue;  // too long to parse: left for compose and the directory
    if (o.display.empty()) o.display = e.display;
    if (o.key.empty()) o.key = e.key;
    if (e.legal_form) ++counts.companies_without_legal_form;
  }
  if (c.place == no_place && !c.location.empty()) {
    const auto &e = where(c.location);
    c.place = e.id;
    c.place_ambiguous = e.ambiguous;
    if (e.id == no_place) {
      ++counts.places_unknown;
    } else {
      ++counts.places_resolved;
      if (e.ambiguous) ++counts.places_ambiguous;
    }
  }
}

} // namespace rapport::detail
