// compose(): discovery → slot → arguments → fit → review; compose_each() and compose_all() on all cores.
#include "rapport/compose.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <cstring>
#include <thread>
#include <unordered_map>
#include <utility>

#include "rapport/company.hpp"
#include "rapport/person_name.hpp"
#include "rapport/place.hpp"
#include "rapport/review.hpp"
#include "compose/second_reason.hpp"
#include "discovery/contexts_into.hpp"
#include "names/person_name_detail.hpp"
#include "review/review_composed.hpp"
#include "templates/args.hpp"
#include "templates/ast.hpp"
#include "templates/template_impl.hpp"
#include "text/measure.hpp"

namespace rapport {
inline namespace v1 {

std::uint64_t variation_hash(std::string_view sender_id, std::string_view recipient_id, std::uint64_t seed) noexcept {
  std::uint64_t h = 14695981039346656037ull;
  const auto byte = [&](unsigned char b) {
    h ^= b;
    h *= 1099511628211ull;
  };
  for (char c : sender_id) byte(static_cast<unsigned char>(c));
  byte(0);
  for (char c : recipient_id) byte(static_cast<unsigned char>(c));
  byte(0);
  for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(seed >> (8 * i)));
  return h;
}

} // namespace v1
} // namespace rapport

namespace rapport::detail {
namespace {

using namespace rapport::v1;

std::string_view language_of(std::string_view tag) {
  const auto dash = tag.find_first_of("-_");
  return dash == std::string_view::npos ? tag : tag.substr(0, dash);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto &c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A tag compared case-insensitively, '_' as '-': "de_AT" → "de-at".
std::string folded_tag(std::string_view tag) {
  std::string out = lower_ascii(tag);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

// A well-formed BCP 47 tag, as far as matching needs: a language of 2-3 or 5-8
// ASCII letters, then subtags of 1-8 ASCII letters or digits, '-' or '_' between.
bool well_formed_tag(std::string_view tag) {
  std::size_t start = 0, part = 0;
  for (std::size_t i = 0; i <= tag.size(); ++i) {
    if (i < tag.size() && tag[i] != '-' && tag[i] != '_') continue;
    const std::string_view sub = tag.substr(start, i - start);
    if (sub.empty() || sub.size() > 8) return false;
    for (char c : sub) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && (part == 0 || c < '0' || c > '9')) return false;
    }
    if (part == 0 && (sub.size() < 2 || sub.size() == 4)) return false;
    ++part;
    start = i + 1;
  }
  return true;
}

// The recipient's locale: contact.locale, else the first language, else "en".
std::string_view recipient_locale(const contact &c) {
  if (!c.locale.empty()) return c.locale;
  if (!c.languages.empty() && !c.languages.front().empty()) return c.languages.front();
  return "en";
}

// The contact's place, its location resolved once per worker (`resolved`).
place_id place_of(const contact &c, std::unordered_map<std::string, place_id> &resolved) {
  if (c.place != no_place || c.location.empty()) return c.place;
  auto it = resolved.find(c.location);
  if (it != resolved.end()) return it->second;
  if (resolved.size() > 4096) resolved.clear();
  auto r = resolve_place(c.location);
  return resolved.emplace(c.location, r ? r->id : no_place).first->second;
}

bool has_industry(const contact &c) {
  if (!c.industry.empty()) return true;
  for (const auto &o : c.organizations)
    if (o.current && !o.industry.empty()) return true;
  return false;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (auto &c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// "PROF. DR." → "Prof. Dr.": ASCII words in title case; other bytes kept.
std::string title_ascii(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (auto &c : out) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    start = !letter && static_cast<unsigned char>(c) < 0x80;
  }
  return out;
}

// False when is_all_caps_name(s) is false for certain, cheaply: it counts
// upper- and lowercase letters after a leading "Mc" or "Mac" (when capitals
// follow it) and needs three capitals and no lowercase letter, so an ASCII
// lowercase letter past such a prefix, or fewer than three bytes, rules it out.
bool maybe_all_caps_name(std::string_view s) noexcept {
  if (s.size() < 3) return false;
  std::size_t i = 0;  // past "Mc" or "Mac" (byte compares: this runs on every note)
  if (s[0] == 'M' && s[1] == 'c') i = 2;
  else if (s[0] == 'M' && s[1] == 'a' && s[2] == 'c') i = 3;
  for (; i < s.size(); ++i)
    if (s[i] >= 'a' && s[i] <= 'z') return false;
  return true;
}

// True when `s` has both a CJK/kana/hangul letter and an ASCII letter.
bool mixes_cjk_and_latin(std::string_view s) {
  bool cjk = false, latin = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      latin = latin || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
      ++i;
      continue;
    }
    const int n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (n == 3 && i + 2 < s.size()) {
      const char32_t cp = (char32_t(b & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) | char32_t(s[i + 2] & 0x3F);
      cjk = cjk || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF);
    }
    i += static_cast<std::size_t>(n);
  }
  return cjk && latin;
}

// Clauses the fitter drops, least useful first: the second reason, then the
// decorations. The org goes last: it is half of "who I am".
const std::vector<std::string> drop_order = {"also", "platform", "city",  "date",    "headline", "years",
                                             "talk", "mutual",   "offer", "purpose", "org"};

// ---- homework ---------------------------------------------------------------------------------

void add(std::vector<homework_item> &out, const char *code, evidence_side side, std::string message) {
  out.push_back(homework_item{code, side, std::move(message)});
}

void homework_for(const contact &s, const contact &r, std::unordered_map<std::string, place_id> &resolved,
                  std::vector<homework_item> &out) {
  out.clear();
  // city
  const place_id sp = place_of(s, resolved), rp = place_of(r, resolved);
  if (r.location.empty() && r.place == no_place)
    add(out, "recipient_no_location", evidence_side::recipient, "the recipient has no city on record");
  else if (rp == no_place)
    add(out, "recipient_location_unresolved", evidence_side::recipient,
        "the recipient's location \"" + r.location + "\" names no known place");
  if (s.location.empty() && s.place == no_place)
    add(out, "sender_no_location", evidence_side::sender, "you have no city on record: add where you are based");
  else if (sp == no_place)
    add(out, "sender_location_unresolved", evidence_side::sender,
        "your location \"" + s.location + "\" names no known place");
  if (sp != no_place && rp != no_place && !same_city(sp, rp))
    add(out, "different_cities", evidence_side::shared, "you are based in different cities");
  // events
  if (s.events.empty())
    add(out, "sender_no_events", evidence_side::sender, "you share no event: add the events you attend");
  if (r.events.empty())
    add(out, "recipient_no_events", evidence_side::recipient, "the recipient has no events on record");
  if (!s.events.empty() && !r.events.empty())
    add(out, "no_shared_event", evidence_side::shared, "you take part in no event the recipient takes part in");
  // challenges
  if (s.offers.empty()) {
    add(out, "sender_no_offers", evidence_side::sender, "you have no offers: say what you can help with");
  } else if (!has_industry(r)) {
    add(out, "recipient_industry_unknown", evidence_side::recipient, "the recipient's industry is unknown");
  } else {
    bool any_challenge = false;
    for (const auto &o : s.offers)
      if (!o.challenge_ids.empty()) any_challenge = true;
    if (!any_challenge)
      add(out, "offers_address_no_challenge", evidence_side::sender,
          "your offers address no challenge: link them to the challenges they solve");
    else
      add(out, "industry_unaffected", evidence_side::shared,
          "no challenge your offers address affects the recipient's industry (" +
              (r.industry.empty() ? std::string("their company's") : r.industry) + ")");
  }
  // connections
  if (s.connections.empty())
    add(out, "sender_no_connections", evidence_side::sender, "you have no connections data: import your connections");
  if (r.connections.empty() && !s.connections.empty()) {
    // the recipient may still appear in the sender's list of connections' connections
    add(out, "recipient_no_connections", evidence_side::recipient, "the recipient has no connections data");
  } else if (!s.connections.empty()) {
    add(out, "no_shared_connection", evidence_side::shared, "you have no connection in common");
  }
  // employers, schools, topics: only when one side is empty (a difference is not homework)
  if (s.organizations.empty())
    add(out, "sender_no_organizations", evidence_side::sender, "you have no employers on record");
  if (r.organizations.empty())
    add(out, "recipient_no_organizations", evidence_side::recipient, "the recipient has no employers on record");
  if (s.schools.empty() || r.schools.empty())
    add(out, "no_schools", s.schools.empty() ? evidence_side::sender : evidence_side::recipient,
        s.schools.empty() ? "you have no schools on record" : "the recipient has no schools on record");
  if (s.topics.empty() || r.topics.empty())
    add(out, "no_topics", s.topics.empty() ? evidence_side::sender : evidence_side::recipient,
        s.topics.empty() ? "you follow no topics on record" : "the recipient follows no topics on record");
}

// ---- the prepared state -----------------------------------------------------------------------

struct sender_texts {
  std::string given, family, org, headline, purpose;
};

// Vocabulary indexes of the arguments compose sets without looking their names up.
struct argument_ids {
  int recipient_gender = tpl::find_argument("recipient_gender");
  int recipient_given_name = tpl::find_argument("recipient_given_name");
  int event_name = tpl::find_argument("event_name");
  int sender_role = tpl::find_argument("sender_role");
  int recipient_role = tpl::find_argument("recipient_role");
  int event_date = tpl::find_argument("event_date");
  int event_city = tpl::find_argument("event_city");
  int days_until = tpl::find_argument("days_until");
  int purpose = tpl::find_argument("purpose");
};
const argument_ids arg_id;

// A note's text as rendered from the first variant, cut where the recipient's
// greeting name was copied in: for the arguments but that name, the template
// and the clauses left out, the text is pieces[0] + name + pieces[1] + name + …
// (the template reads the name only as a plain {recipient_given_name}:
// tpl::verbatim_only), and its length in an additive unit is the pieces'
// length plus that of the name as many times.
struct note_shape {
  const void *tmpl = nullptr;     // the first variant's compiled template
  std::string slot;               // its slot name
  std::vector<std::string> drop;  // the clauses left out from the start
  template_args args;             // every argument but the name
  bool base_clean = false;        // args holds the base arguments as reset_to() copied them
  bool usable = false;            // false: the template reads the name otherwise
  std::vector<std::string> pieces;
  std::size_t units = 0;          // of the pieces, in the request's unit
  std::vector<std::string> dropped;
};

// Per worker: templates looked up so far, place names, and the fit request
// reused from note to note (its vectors and argument strings keep their capacity).
struct compose_cache {
  std::unordered_map<std::string, std::optional<lookup_result>> lookups;
  std::unordered_map<std::string, std::string> places;
  std::unordered_map<std::string, place_id> resolved;  // homework: locations → places
  std::string key;  // lookup key buffer
  fit_request req;
  // Memos of the last note's decisions, which depend only on what they are keyed by:
  // the locale asked for → the note's locale;
  bool has_locale = false;
  std::string last_requested, last_locale;
  // (note locale, situation) → the register by the custom of the catalog's language;
  bool has_custom_form = false;
  std::string custom_locale, custom_situation;
  formality custom_form = formality::informal;
  // (note locale, situation, length, register) → the variants in req.variants and
  // req.variant_names, and the first one's lookup (a node of `lookups`: stable).
  bool has_plan = false;
  std::string plan_locale, plan_situation;
  note_length plan_length = note_length::short_note;
  formality plan_form = formality::informal;
  const lookup_result *plan_first = nullptr;
  bool has_text_locale = false;
  std::string text_locale;  // the plan's locale for names and places
  // With compose_options::purposes, the plan's purpose (decided with
  // text_locale): its entry, else sender.purpose; nullptr without purposes
  // (sender_args has sender.purpose).
  const std::string *purpose = nullptr;
  // With purposes, the sender as review reads them: with the plan's purpose. One
  // copy per worker, its purpose changed with the plan (review's memo is per sender).
  std::optional<contact> review_sender;
  // The review's folded template text around the greeting name.
  composed_review_memo review_memo;
  // A worker of compose_all(): the memos below pay off over many notes (a
  // single compose() skips them: building them costs more than one note).
  bool batch = false;
  // Recent note shapes (spliced_fit), replaced in turn (their buffers reused),
  // and which templates read the name only verbatim.
  std::vector<note_shape> shapes;
  std::size_t next_shape = 0;
  std::size_t last_shape = static_cast<std::size_t>(-1);
  std::vector<std::size_t> watched;
  std::unordered_map<const void *, bool> verbatim;
};

// Same values for every argument but `skip` (a vocabulary index), given that
// those in `same` are known to be equal.
bool same_args_but(const template_args::impl &a, const template_args::impl &b, int skip, std::uint64_t same) {
  const std::uint64_t bit = std::uint64_t{1} << skip;
  if ((a.present | bit) != (b.present | bit) || !a.unknown.empty() || !b.unknown.empty()) return false;
  for (std::uint64_t m = a.present & ~bit & ~same; m != 0; m &= m - 1) {
    const auto id = static_cast<std::size_t>(std::countr_zero(m));
    const auto &x = a.values[id], &y = b.values[id];
    if (x.type != y.type || x.str.size() != y.str.size() || x.num.is_int != y.num.is_int || x.num.i != y.num.i ||
        std::memcmp(&x.num.d, &y.num.d, sizeof x.num.d) != 0 ||
        (!x.str.empty() && std::memcmp(x.str.data(), y.str.data(), x.str.size()) != 0))
      return false;
  }
  return true;
}

// What fit(req) gives when the first variant fits at once, without rendering:
// the note's shape for this template, clauses and arguments is rendered once
// per worker, and each recipient's name is spliced in. False when the shape
// does not apply (another unit than UTF-16 or code points, whose lengths add
// up; a template that reads the name otherwise; too long): then fit() decides.
// `base`: the arguments req.args was reset to (tpl::reset_to) before this note's.
bool spliced_fit(compose_cache &cache, const fit_request &req, const template_args &base, composed_note &n) {
  if (req.unit != length_unit::utf16 && req.unit != length_unit::code_points) return false;
  if (req.variants.empty() || req.variant_names.empty()) return false;
  static const int name_id = tpl::find_argument("recipient_given_name");
  const auto &a = req.args.internal();
  if (name_id < 0 || !a.unknown.empty() || !a.has(name_id)) return false;
  const auto &name = a.values[static_cast<std::size_t>(name_id)];
  if (name.type != argument_type::text) return false;
  const void *tmpl = &tpl::template_access::get(req.variants[0]);
  note_shape *hit = nullptr;
  // The base's values are the same in both when neither was stored into since its reset.
  const template_args::impl &b = base.internal();
  const bool clean = a.base == &b && (a.written & b.present) == 0;
  const auto matches = [&](const note_shape &e) {
    return e.tmpl == tmpl && e.drop == req.drop && e.slot == req.variant_names[0] &&
           same_args_but(e.args.internal(), a, name_id, clean && e.base_clean ? b.present : 0);
  };
  if (cache.last_shape < cache.shapes.size() && matches(cache.shapes[cache.last_shape])) {
    hit = &cache.shapes[cache.last_shape];  // the last note's shape, most often
  } else {
    for (auto &e : cache.shapes)
      if (matches(e)) {
        hit = &e;
        break;
      }
  }
  if (!hit) {
    // A new shape, in the next slot (its strings and arguments keep their buffers).
    constexpr std::size_t keep = 16;
    if (cache.shapes.size() < keep) {
      hit = &cache.shapes.emplace_back();
    } else {
      hit = &cache.shapes[cache.next_shape];
      cache.next_shape = (cache.next_shape + 1) % keep;
    }
    note_shape &e = *hit;
    e.tmpl = nullptr;  // not usable until complete
    e.pieces.clear();
    e.units = 0;
    e.dropped.clear();
    auto v = cache.verbatim.find(tmpl);
    if (v == cache.verbatim.end()) v = cache.verbatim.emplace(tmpl, tpl::verbatim_only(req.variants[0], name_id)).first;
    e.usable = v->second;
    if (e.usable) {
      render_options ro;
      ro.drop = req.drop;
      auto r = tpl::render_watching(req.variants[0], req.args, ro, name_id, cache.watched);
      if (!r) return false;  // fit() reports it
      std::size_t from = 0;
      for (std::size_t at : cache.watched) {
        e.pieces.emplace_back(r->text, from, at - from);
        from = at + name.str.size();
      }
      e.pieces.emplace_back(r->text, from);
      for (const auto &p : e.pieces) e.units += measure(p, req.unit);
      e.dropped = std::move(r->dropped);
    }
    e.slot.assign(req.variant_names[0]);
    e.drop = req.drop;
    e.args = req.args;
    e.base_clean = clean;
    e.tmpl = tmpl;
  }
  cache.last_shape = static_cast<std::size_t>(hit - cache.shapes.data());
  if (!hit->usable) return false;
  const std::size_t copies = hit->pieces.size() - 1;
  const std::size_t length = hit->units + copies * measure(name.str, req.unit);
  std::size_t bytes = copies * name.str.size();
  for (const auto &p : hit->pieces) bytes += p.size();
  if (length > req.limit || bytes > max_text_size) return false;
  n.text.clear();
  n.text.reserve(bytes);
  for (std::size_t k = 0; k < hit->pieces.size(); ++k) {
    if (k) n.text.append(name.str);
    n.text.append(hit->pieces[k]);
  }
  n.length = length;
  n.slot = req.variant_names[0];
  n.steps.clear();
  n.dropped = hit->dropped;
  return true;
}

struct composer {
  const directory &dir;
  prepared_sender prepared;
  compose_options options;
  catalog cat;
  platform_profile profile;
  std::size_t limit = no_limit;
  sender_texts me;
  template_args sender_args;
  std::chrono::sys_seconds now{};
  // options.purposes with their tags folded (lower case, '-'), checked by make_composer().
  std::vector<std::pair<std::string, std::string>> purposes;

  composer(const directory &d, const contact &sender, const compose_options &o, catalog c, platform_profile p,
           std::size_t l, sender_texts t)
      : dir(d), prepared(d, sender), options(o), cat(std::move(c)), profile(std::move(p)), limit(l), me(std::move(t)) {
    options.purposes.clear();  // kept folded in `purposes`
    for (const auto &e : o.purposes) purposes.emplace_back(folded_tag(e.locale), e.text);
    sender_args.set("sender_given_name", me.given);
    if (!me.family.empty()) sender_args.set("sender_family_name", me.family);
    if (!me.org.empty()) sender_args.set("sender_org", me.org);
    if (!me.headline.empty()) sender_args.set("sender_headline", me.headline);
    // With purposes, each note sets its own (the base would have to be restored note after note).
    if (!me.purpose.empty() && o.purposes.empty()) sender_args.set("purpose", me.purpose);
    now = o.now;
    if (now == std::chrono::sys_seconds{})
      now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }

  const contact &sender() const { return prepared.sender(); }

  // The entry of `purposes` for a note written in `text_locale` (its locale
  // when the catalog is of its language, else the catalog's): the locale's,
  // else that of a shorter prefix of it, down to the language; npos = none.
  std::size_t purpose_for(std::string_view text_locale) const {
    std::string tag = folded_tag(text_locale);
    for (;;) {
      for (std::size_t i = 0; i < purposes.size(); ++i)
        if (purposes[i].first == tag) return i;
      const auto dash = tag.rfind('-');
      if (dash == std::string::npos) return std::string::npos;
      tag.resize(dash);
    }
  }

  const lookup_result *lookup(compose_cache &cache, const std::string &locale, const std::string &slot) const {
    std::string &key = cache.key;
    key.assign(locale).append(1, '|').append(slot);
    auto it = cache.lookups.find(key);
    if (it == cache.lookups.end()) {
      auto r = cat.lookup(locale, slot);
      it = cache.lookups.emplace(key, r ? std::optional<lookup_result>(std::move(*r)) : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
  }

  result<std::string> place_name(compose_cache &cache, place_id id, const std::string &locale) const {
    std::string key = std::to_string(id) + '|' + locale;
    auto it = cache.places.find(key);
    if (it != cache.places.end()) return it->second;
    auto n = place_display_name(id, locale);
    if (!n) return n.error();
    cache.places.emplace(std::move(key), *n);
    return *n;
  }

  // Writes the composition for `recipient` into `out`, whose strings and
  // vectors keep their capacity (a worker of compose_each() reuses one).
  result<void> compose_into(const contact &recipient, compose_cache &cache, composition &out) const;

  result<composition> compose(const contact &recipient, compose_cache &cache) const {
    composition out;
    auto r = compose_into(recipient, cache, out);
    if (!r) return r.error();
    return out;
  }
};

result<sender_texts> prepare_sender_texts(const contact &s) {
  sender_texts t;
  person_name n = s.name;
  if (n.given.empty() && n.family.empty() && !n.raw.empty()) {
    auto p = parse_person_name(n.raw);
    if (!p) return p.error();
    n = std::move(*p);
  }
  t.given = !n.preferred.empty() ? n.preferred : n.given;
  if (t.given.empty()) t.given = n.family;  // a mononym
  if (t.given.empty()) return make_error(errc::invalid_argument, "the sender '" + s.id + "' has no name to sign with");
  t.family = n.family;
  const organization *org = nullptr;
  for (const auto &o : s.organizations)
    if (o.current && !o.name.empty()) {
      org = &o;
      break;
    }
  if (org && !org->display.empty()) {
    // The name the importer derived ("Nordlicht Analytics" for "NORDLICHT ANALYTICS GMBH").
    if (auto bad = find_invalid_utf8(org->display))
      return make_error(errc::invalid_utf8, "the sender's organization display: invalid UTF-8", *bad);
    t.org = org->display;
  } else if (org) {
    auto d = company_display_name(org->name);
    if (!d) return d.error();
    t.org = std::move(*d);
  }
  t.headline = s.headline;
  t.purpose = s.purpose;
  return t;
}

date_value event_date(const event &e) {
  using namespace std::chrono;
  date_value v;
  v.time_zone = e.time_zone.empty() ? "UTC" : e.time_zone;
  if (e.all_day) {
    // noon UTC of the first local day lies on that day in every zone within ±12 h
    v.unix_ms = duration_cast<milliseconds>((sys_days(e.first_day) + hours(12)).time_since_epoch()).count();
  } else {
    v.unix_ms = duration_cast<milliseconds>(e.start.time_since_epoch()).count();
  }
  return v;
}

const char *gender_keyword(grammatical_gender g) {
  switch (g) {
  case grammatical_gender::feminine: return "feminine";
  case grammatical_gender::masculine: return "masculine";
  default: return nullptr;
  }
}

// Every field back to its default value, the strings' and vectors' buffers
// kept. Field by field (assigning a fresh one costs ~600 instructions): a field
// added to these structs must be reset here too, which the size checks recall
// (on libstdc++, x86-64, where the dump-and-diff of every field ran).
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(composed_note) == 256, "composed_note changed: reset the new fields in reset()");
static_assert(sizeof(composition) == 352, "composition changed: reset the new fields in reset()");
#endif

void reset(composed_note &n) {
  n.text.clear();
  n.locale.clear();
  n.catalog_locale.clear();
  n.form = formality::informal;
  n.length = 0;
  n.limit = no_limit;
  n.unit = length_unit::graphemes;
  n.slot.clear();
  n.contexts.clear();
  n.steps.clear();
  n.dropped.clear();
  n.warnings.clear();
}

void reset(composition &c) {
  c.status = errc::ok;
  c.recipient_id.clear();
  reset(c.note);
  c.homework.clear();
  c.message.clear();
}

result<void> composer::compose_into(const contact &recipient, compose_cache &cache, composition &out) const {
  const contact &s = sender();
  if (s.id == recipient.id)
    return make_error(errc::invalid_argument, "sender and recipient are the same contact '" + s.id + "'");
  // The last note's contexts, taken out for discovery to write over (they come back below).
  std::vector<shared_context> contexts;
  contexts.swap(out.note.contexts);
  reset(out);
  out.recipient_id.assign(recipient.id);

  // Locale and register.
  const std::string_view requested =
      options.locale.empty() ? recipient_locale(recipient) : std::string_view(options.locale);
  if (!cache.has_locale || cache.last_requested != requested) {
    cache.has_locale = false;
    if (auto bad = find_invalid_utf8(requested))
      return make_error(errc::invalid_utf8, "locale: invalid UTF-8", *bad);
    const auto chain = locale_fallback_chain(requested);
    cache.last_locale = chain.empty() ? std::string("en") : chain.front();
    cache.last_requested.assign(requested);
    cache.has_locale = true;
  }
  composed_note &n = out.note;
  n.locale = cache.last_locale;
  n.unit = profile.unit;
  n.limit = limit;

  // What is shared.
  if (auto found = find_shared_contexts_into(prepared, recipient, now, options.discovery, contexts); !found)
    return found.error();
  std::string_view situation;
  const auto refuse = [&] {
    out.status = errc::no_shared_context;
    out.message = options.allow_self_introduction
                      ? "nothing is shared with " + recipient.id + " and you gave no purpose to introduce yourself with"
                      : "nothing is shared with " + recipient.id;
    reset(out.note);
  };
  if (contexts.empty()) {
    homework_for(s, recipient, cache.resolved, out.homework);
    // With purposes, whether the note has one is known once its language is (below).
    if (!options.allow_self_introduction || (purposes.empty() && me.purpose.empty())) {
      refuse();
      return {};
    }
    situation = "self-introduction";
  } else {
    // The strongest context, and with reasons = 2 the strongest about something else.
    choose_reasons(contexts, options.reasons, dir, n.warnings);
    situation = situation_name(contexts.front());
  }

  // The register: asked for, else the recipient's preference, else the custom of
  // the language the note is written in (the catalog that has the slot): formal
  // for de, fr and es at first contact, informal for English (also when a
  // language without a catalog falls back to English).
  if (options.form) {
    n.form = *options.form;
  } else if (recipient.formality_preference) {
    n.form = *recipient.formality_preference;
  } else {
    if (!cache.has_custom_form || cache.custom_locale != n.locale || cache.custom_situation != situation) {
      const auto *probe = lookup(cache, n.locale, slot_id(situation, note_length::short_note, formality::formal));
      const std::string lang = lower_ascii(language_of(probe ? probe->catalog_locale : n.locale));
      cache.custom_form = lang == "de" || lang == "fr" || lang == "es" ? formality::formal : formality::informal;
      cache.custom_locale = n.locale;
      cache.custom_situation = situation;
      cache.has_custom_form = true;
    }
    n.form = cache.custom_form;
  }

  // The template variants: standard then short, or short alone.
  const note_length len = options.length ? *options.length
                          : (limit != no_limit && limit >= 1000) || limit == no_limit ? note_length::standard
                                                                                      : note_length::short_note;
  fit_request &req = cache.req;  // reused per worker: every field is reset or assigned below
  if (!cache.has_plan || cache.plan_length != len || cache.plan_form != n.form || cache.plan_locale != n.locale ||
      cache.plan_situation != situation) {
    cache.has_plan = false;
    req.variants.clear();
    req.variant_names.clear();
    cache.plan_first = nullptr;
    if (len == note_length::standard) {
      const auto slot = slot_id(situation, note_length::standard, n.form);
      if (const auto *hit = lookup(cache, n.locale, slot)) {
        if (!cache.plan_first) cache.plan_first = hit;
        req.variants.push_back(hit->tmpl);
        req.variant_names.push_back(slot);
      }
    }
    {
      const auto slot = slot_id(situation, note_length::short_note, n.form);
      if (const auto *hit = lookup(cache, n.locale, slot)) {
        if (!cache.plan_first) cache.plan_first = hit;
        req.variants.push_back(hit->tmpl);
        req.variant_names.push_back(slot);
      }
    }
    if (req.variants.empty())
      return make_error(errc::not_found,
                        "no template for situation '" + std::string(situation) + "' in '" + n.locale + "' or its fallbacks");
    cache.plan_length = len;
    cache.plan_form = n.form;
    cache.plan_locale = n.locale;
    cache.plan_situation = situation;
    cache.has_plan = true;
    cache.has_text_locale = false;
  }
  const lookup_result &first = *cache.plan_first;
  n.catalog_locale = first.catalog_locale;
  if (first.fallback)
    n.warnings.push_back("no " + n.locale + " template for '" + std::string(situation) + "': used the " + first.catalog_locale +
                         " catalog");
  // Names and places follow the language the note is written in.
  // (decided once per plan: n.locale and the first variant's catalog are the plan's)
  if (!cache.has_text_locale) {
    cache.text_locale =
        language_of(n.locale) == language_of(first.catalog_locale) ? n.locale : first.catalog_locale;
    cache.purpose = nullptr;
    if (!purposes.empty()) {
      const std::size_t i = purpose_for(cache.text_locale);
      cache.purpose = i == std::string::npos ? &me.purpose : &purposes[i].second;
      if (!cache.review_sender) cache.review_sender = s;
      cache.review_sender->purpose = *cache.purpose;
    }
    cache.has_text_locale = true;
  }
  const std::string &text_locale = cache.text_locale;

  // Arguments.
  req.drop.clear();
  req.shorter_names.clear();
  tpl::reset_to(req.args, sender_args);  // the sender's arguments, set once per batch
  template_args &a = req.args;
  if (cache.purpose) {  // the purpose in the note's language
    if (!cache.purpose->empty()) {
      tpl::set_valid_text(a, arg_id.purpose, *cache.purpose);
    } else if (situation == "self-introduction") {  // it states the purpose: none, no note
      refuse();
      return {};
    }
  }
  // The name as greeted: the recipient's, copied only when something below changes it.
  person_name changed;
  const person_name *name = &recipient.name;
  const auto edit = [&]() -> person_name & {
    if (name != &changed) {
      changed = *name;
      name = &changed;
    }
    return changed;
  };
  if (name->given.empty() && name->family.empty() && !name->raw.empty()) {
    // The person's own language says how their name is built ("Ana García López"
    // with "es", "Kovács Anna" with "hu"); the note's only when they have none.
    const std::string_view own = !recipient.locale.empty()      ? std::string_view(recipient.locale)
                                 : !recipient.languages.empty() ? std::string_view(recipient.languages.front())
                                                                : std::string_view(text_locale);
    auto p = parse_person_name(name->raw, {.locale = own});
    if (!p) return p.error();
    edit() = std::move(*p);
  }
  // Parts the caller filled in capitals ("JOHN", "SCHMIDT") are recased, each on
  // its own, as the name parser does for one-field names.
  for (std::string person_name::*part : {&person_name::given, &person_name::family}) {
    const std::string &value = name->*part;
    if (!maybe_all_caps_name(value) || !is_all_caps_name(value)) continue;
    auto fixed = parse_person_name(value, "", {.locale = text_locale});
    if (fixed && !fixed->given.empty()) edit().*part = std::move(fixed->given);
  }
  // An honorific typed in capitals ("DR." from "DR. ANNA SCHMIDT"): "Dr.".
  if (!name->prefix.empty() && ((maybe_all_caps_name(name->prefix) && is_all_caps_name(name->prefix)) ||
                                (name->prefix.size() <= 4 && name->prefix == upper_ascii(name->prefix)))) {
    std::string titled = title_ascii(name->prefix);
    edit().prefix = std::move(titled);
  }
  // A gender the caller gave for the contact counts as stated (greeting_name reads the name's).
  if (recipient.gender != grammatical_gender::unknown && recipient.gender != name->gender) edit().gender = recipient.gender;
  const person_name &rn = *name;
  // A batch's recipients are the directory's, checked when it was built: their
  // names are not checked again (a single compose() may be given any contact).
  auto greet = cache.batch ? names::greeting_name_valid(rn, text_locale, n.form) : greeting_name(rn, text_locale, n.form);
  if (!greet) {
    if (greet.error().code == errc::not_found)
      return make_error(errc::invalid_argument, "the recipient '" + recipient.id + "' has no name to greet");
    return greet.error();
  }
  // A name mixing a CJK part with a Latin one ("de la Cruz" + "花子") comes out
  // of greeting_name() joined without a space ("de la Cruz花子"), which reads as
  // one wrong word: greet by the given name alone then.
  if (mixes_cjk_and_latin(*greet) && !rn.given.empty()) *greet = !rn.preferred.empty() ? rn.preferred : rn.given;
  // Valid UTF-8: greeting_name() checks the parts; a batch's recipients come
  // from the directory, whose builder checked them (greeting_name_valid).
  tpl::set_valid_text(a, arg_id.recipient_given_name, *greet);
  if (const char *g = gender_keyword(rn.gender)) tpl::set_valid_text(a, arg_id.recipient_gender, g);
  if (n.form == formality::formal) {
    auto casual = cache.batch ? names::greeting_name_valid(rn, text_locale, formality::informal) : greeting_name(rn, text_locale, formality::informal);
    if (casual && casual->size() < greet->size()) req.shorter_names.emplace_back("recipient_given_name", *casual);
  }

  for (const shared_context &c : contexts) {  // two contexts are of different kinds: no argument is set twice
    switch (c.kind) {
    case context_kind::event: {
      // Values of the directory's event (checked when it was built), role words and place names.
      tpl::set_valid_text(a, arg_id.event_name, c.event_name);
      tpl::set_valid_text(a, arg_id.sender_role, to_string(c.sender_role));
      tpl::set_valid_text(a, arg_id.recipient_role, to_string(c.recipient_role));
      if (const event *e = dir.find_event(c.event_id)) {
        if (c.timing == event_timing::upcoming) tpl::set_date(a, arg_id.event_date, event_date(*e));
        if (e->place != no_place) {
          auto city = place_name(cache, e->place, text_locale);
          if (city) tpl::set_valid_text(a, arg_id.event_city, *city);
        }
      }
      if (c.days_until > 0) tpl::set_number(a, arg_id.days_until, c.days_until);
      break;
    }
    case context_kind::same_city: {
      auto city = place_name(cache, c.place, text_locale);
      if (!city) return city.error();
      a.set("city_name", *city);
      if (c.place_ambiguous)
        n.warnings.push_back("the recipient's location \"" + recipient.location + "\" is ambiguous: check that it is " +
                             *city + " before sending");
      break;
    }
    case context_kind::challenge:
      a.set("challenge_title", c.challenge_title);
      if (!c.offer_summary.empty()) a.set("offer_summary", c.offer_summary);
      break;
    case context_kind::mutual_connection:
      a.set("mutual_name", c.mutual_name);
      a.set("mutual_count", static_cast<std::int64_t>(c.mutual_count));
      if (const contact *m = dir.find_contact(c.mutual_id)) {
        const std::string &g = !m->name.preferred.empty() ? m->name.preferred : m->name.given;
        if (!g.empty() && g.size() < c.mutual_name.size()) req.shorter_names.emplace_back("mutual_name", g);
      }
      break;
    case context_kind::past_employer: {
      // The name the recipient's importer derived ("Siemens" for "SIEMENS AG"), else ours.
      const std::string *shown = nullptr;
      for (const auto &o : recipient.organizations)
        if (o.name == c.organization && !o.display.empty()) {
          shown = &o.display;
          break;
        }
      if (shown) {
        a.set("employer_name", *shown);
      } else {
        auto emp = company_display_name(c.organization);
        a.set("employer_name", emp ? *emp : c.organization);
      }
      // "At the same time" / "overlapped by N years" only when the years say so.
      if (c.years_overlap > 0) a.set("years_overlap", static_cast<std::int64_t>(c.years_overlap));
      else req.drop.push_back("years");
      break;
    }
    case context_kind::school: a.set("school_name", c.school); break;
    case context_kind::topic: a.set("topic_name", c.topic); break;
    }
  }

  if (contexts.size() > 1) {
    const std::string_view second = situation_name(contexts[1]);
    const auto *also = lookup(cache, n.locale, second_reason_slot(second, len, n.form));
    if (!also && len == note_length::standard)  // a sentence for standard notes, else the short one
      also = lookup(cache, n.locale, second_reason_slot(second, note_length::short_note, n.form));
    set_second_reason(also, first.catalog_locale, req, contexts, n.warnings);
  }

  // Variation: which decorative clauses show, by a stable hash (docs/guide.md).
  const std::uint64_t h = variation_hash(s.id, recipient.id, options.seed);
  if (h & 1) req.drop.push_back("date");
  if (h & 2) req.drop.push_back("headline");

  if (req.drop_order.empty()) req.drop_order = drop_order;
  req.unit = profile.unit;
  req.limit = limit;
  if (!cache.batch || !spliced_fit(cache, req, sender_args, n)) {
    auto f = fit(std::as_const(req));
    if (!f) return f.error();
    n.text = std::move(f->text);
    n.length = f->length;
    n.slot = req.variant_names[f->variant];
    n.steps = std::move(f->steps);
    n.dropped = std::move(f->dropped);
  }
  settle_second_reason(n, contexts);
  n.contexts = std::move(contexts);

  // Review: a composed note must have no findings; any finding is a bug, shown as a warning.
  review_options ro;
  ro.tier = options.tier;
  ro.sender = cache.purpose ? &*cache.review_sender : &s;  // with the purpose the note states
  ro.contexts = std::move(n.contexts);  // lent to review, taken back below
  ro.now = now;
  ro.locale = n.catalog_locale;
  // The length fit() measured is length(text, unit) unless the text was cut
  // (truncate reports its own count): review measures a cut note itself.
  const bool cut =
      std::any_of(n.steps.begin(), n.steps.end(), [](const fit_step &x) { return x.action == fit_action::truncate; });
  auto findings = review_composed(n.text, recipient, profile, ro, limit,
                                  cut ? std::nullopt : std::optional<std::size_t>(n.length),
                                  cache.batch ? std::string_view(*greet) : std::string_view(), cache.review_memo);
  n.contexts = std::move(ro.contexts);
  if (!findings) {
    n.warnings.push_back("review failed: " + findings.error().message);
  } else {
    for (const auto &x : *findings) {
      if (situation == "self-introduction" && x.code == finding_code::no_reason) {
        // Asked for: a self-introduction has no shared context by definition.
        n.warnings.push_back("self-introduction: nothing is shared, the note only states who you are and why you write");
        continue;
      }
      n.warnings.push_back(std::string("review found ") + to_string(x.code) + ": " + x.message + " (a bug in rapport)");
    }
  }
  return {};
}

// Checks the options and builds the prepared state.
result<std::unique_ptr<composer>> make_composer(const directory &dir, const contact &sender, const compose_options &o) {
  if (o.reasons < 1 || o.reasons > 2)
    return make_error(errc::invalid_argument, "reasons must be 1 or 2, not " + std::to_string(o.reasons));
  if (auto bad = find_invalid_utf8(o.locale)) return make_error(errc::invalid_utf8, "locale: invalid UTF-8", *bad);
  if (auto bad = find_invalid_utf8(o.tier)) return make_error(errc::invalid_utf8, "tier: invalid UTF-8", *bad);
  for (std::size_t i = 0; i < o.purposes.size(); ++i) {
    const auto &e = o.purposes[i];
    const std::string at = "purposes[" + std::to_string(i) + "]";
    if (auto bad = find_invalid_utf8(e.locale))
      return make_error(errc::invalid_utf8, at + ".locale: invalid UTF-8", *bad);
    if (auto bad = find_invalid_utf8(e.text)) return make_error(errc::invalid_utf8, at + ".text: invalid UTF-8", *bad);
    if (!well_formed_tag(e.locale))
      return make_error(errc::invalid_argument, at + ".locale: '" + e.locale + "' is not a well-formed language tag");
    for (std::size_t j = 0; j < i; ++j)
      if (folded_tag(o.purposes[j].locale) == folded_tag(e.locale))
        return make_error(errc::invalid_argument,
                          at + ".locale: '" + e.locale + "' is given twice (also purposes[" + std::to_string(j) + "])");
  }
  platform_profile profile;
  if (o.profile) {
    profile = *o.profile;
  } else {
    auto p = find_platform(o.platform);
    if (!p) return p.error();
    profile = std::move(*p);
  }
  auto limit = platform_limit(profile, platform_field::body, o.tier);
  if (!limit) return limit.error();
  catalog cat = catalog::empty();
  if (o.templates) {
    cat = *o.templates;
  } else {
    auto b = catalog::builtin();
    if (!b) return b.error();
    cat = std::move(*b);
  }
  auto texts = prepare_sender_texts(sender);
  if (!texts) return texts.error();
  return std::make_unique<composer>(dir, sender, o, std::move(cat), std::move(profile), *limit, std::move(*texts));
}

// Appends the note with the recipient's name parts taken out to `out`, for
// near-duplicate detection: the longest part first, every occurrence.
void append_without_name(std::string &out, const composition &c, const contact &r) {
  const std::size_t from = out.size();
  out.append(c.note.text);
  std::array<std::string_view, 4> forms;
  std::size_t count = 0;
  for (const auto *p : {&r.name.preferred, &r.name.given, &r.name.family, &r.name.prefix})
    if (!p->empty()) forms[count++] = *p;
  // Longest first (an insertion sort of at most four: std::sort, inlined here,
  // draws a false -Warray-bounds from GCC 12).
  for (std::size_t i = 1; i < count; ++i)
    for (std::size_t j = i; j > 0 && forms[j - 1].size() < forms[j].size(); --j) std::swap(forms[j - 1], forms[j]);
  for (std::size_t k = 0; k < count; ++k) {
    const std::string_view f = forms[k];
    for (std::size_t at = out.find(f, from); at != std::string::npos; at = out.find(f, at)) out.erase(at, f.size());
  }
}

} // namespace
} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

result<composition> compose(const directory &dir, const contact &sender, const contact &recipient,
                            const compose_options &options) {
  auto c = detail::make_composer(dir, sender, options);
  if (!c) return c.error();
  detail::compose_cache cache;
  return (*c)->compose(recipient, cache);
}

namespace {

// compose_each(), with a sink that may take the item (compose_all() moves it out).
template <class Sink>
result<std::vector<batch_warning>> compose_batch(const directory &dir, const contact &sender,
                                                 std::span<const std::string> recipient_ids,
                                                 const compose_options &options, Sink &&sink, unsigned threads) {
  auto made = detail::make_composer(dir, sender, options);
  if (!made) return made.error();
  const detail::composer &c = **made;

  // The recipients, in input order.
  std::vector<const contact *> who;
  if (recipient_ids.empty()) {
    for (const auto &r : dir.contacts())
      if (r.id != sender.id) who.push_back(&r);
  } else {
    who.reserve(recipient_ids.size());
    for (const auto &id : recipient_ids) who.push_back(dir.find_contact(id));
  }

  // Workers compose chunks into their own buffers (reused: an item's strings
  // and vectors keep their capacity from chunk to chunk) and hand them over;
  // whichever thread completes the next chunk in input order delivers it and
  // any completed chunks after it, one thread at a time. A worker waits only
  // when more chunks than twice the threads wait for delivery.
  constexpr std::size_t chunk = 64;
  const std::size_t chunks = (who.size() + chunk - 1) / chunk;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(chunks, 1)));
  using buffer = std::vector<result<composition>>;
  std::mutex m;
  std::condition_variable room;
  std::vector<std::unique_ptr<buffer>> spare;
  std::map<std::size_t, std::unique_ptr<buffer>> ready;
  std::size_t next_out = 0;
  bool delivering = false, stop = false;
  std::exception_ptr failure;
  std::atomic<std::size_t> next{0};

  // Near-duplicates: same slot and same text once the name is taken out, counted
  // as the notes are delivered. Keyed "slot\0text" with one reused key buffer.
  std::unordered_map<std::string, std::size_t> groups;
  std::string key;
  std::size_t composed = 0;
  auto deliver = [&](std::size_t k, buffer &items) {
    const std::size_t begin = k * chunk;
    for (std::size_t j = 0; j < items.size(); ++j) {
      const auto &it = items[j];
      // Counted first: the sink may take the item.
      if (it && it->status == errc::ok) {
        ++composed;
        key.assign(it->note.slot);
        key.push_back('\0');
        detail::append_without_name(key, *it, *who[begin + j]);
        auto g = groups.find(key);
        if (g == groups.end())
          groups.emplace(key, 1);
        else
          ++g->second;
      }
      sink(begin + j, items[j]);
    }
  };

  auto work = [&] {
    detail::compose_cache cache;
    cache.batch = true;
    std::unique_ptr<buffer> buf;
    for (;;) {
      {
        std::unique_lock lock(m);
        room.wait(lock, [&] { return stop || ready.size() < 2 * static_cast<std::size_t>(threads); });
        if (stop) return;
        if (!buf) {
          if (!spare.empty()) {
            buf = std::move(spare.back());
            spare.pop_back();
          } else {
            buf = std::make_unique<buffer>();
          }
        }
      }
      const std::size_t k = next.fetch_add(1);
      if (k >= chunks) return;
      const std::size_t begin = k * chunk, end = std::min(who.size(), begin + chunk);
      buffer &items = *buf;
      if (items.size() != end - begin) items.resize(end - begin, result<composition>(error{}));
      for (std::size_t i = begin; i < end; ++i) {
        auto &item = items[i - begin];
        if (!who[i]) {
          item = make_error(errc::not_found, "no contact with id '" + recipient_ids[i] + "'");
          continue;
        }
        if (!item) item = composition{};
        auto r = c.compose_into(*who[i], cache, *item);
        if (!r) item = r.error();
      }
      std::unique_lock lock(m);
      ready.emplace(k, std::move(buf));
      if (delivering) continue;
      delivering = true;
      for (auto it = ready.find(next_out); it != ready.end() && !stop; it = ready.find(next_out)) {
        std::unique_ptr<buffer> done = std::move(it->second);
        ready.erase(it);
        lock.unlock();
        try {
          deliver(next_out, *done);
        } catch (...) {
          lock.lock();
          failure = std::current_exception();
          stop = true;
          spare.push_back(std::move(done));
          break;
        }
        lock.lock();
        spare.push_back(std::move(done));
        ++next_out;
        room.notify_all();
      }
      delivering = false;
      room.notify_all();
    }
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto &t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);

  // The warnings, in (slot, text) order.
  std::vector<batch_warning> warnings;
  std::vector<std::pair<std::pair<std::string_view, std::string_view>, std::size_t>> repeated;
  for (const auto &[k, count] : groups) {
    if (count > 5 && count * 5 > composed) {
      const std::string_view kv = k;
      const auto nul = kv.find('\0');
      repeated.push_back({{kv.substr(0, nul), kv.substr(nul + 1)}, count});
    }
  }
  std::sort(repeated.begin(), repeated.end());
  for (const auto &[k, count] : repeated) {
    const std::string slot(k.first);
    warnings.push_back(batch_warning{
        "near_duplicates", slot, count,
        std::to_string(count) + " of " + std::to_string(composed) + " notes (slot " + slot +
            ") are the same apart from the name: recipients comparing notes will notice"});
  }
  return warnings;
}

} // namespace

result<std::vector<batch_warning>> compose_each(const directory &dir, const contact &sender,
                                                std::span<const std::string> recipient_ids,
                                                const compose_options &options, const compose_sink &sink,
                                                unsigned threads) {
  return compose_batch(
      dir, sender, recipient_ids, options,
      [&](std::size_t index, const result<composition> &item) { sink(index, item); }, threads);
}

result<batch_result> compose_all(const directory &dir, const contact &sender, std::span<const std::string> recipient_ids,
                                 const compose_options &options, unsigned threads) {
  batch_result out;
  out.items.reserve(recipient_ids.empty() ? dir.contacts().size() : recipient_ids.size());
  auto warnings = compose_batch(
      dir, sender, recipient_ids, options,
      [&](std::size_t, result<composition> &item) { out.items.push_back(std::move(item)); }, threads);
  if (!warnings) return warnings.error();
  out.warnings = std::move(*warnings);
  return out;
}

} // namespace v1
} // namespace rapport
