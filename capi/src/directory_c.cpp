// C ABI: contacts, events, challenges, the directory builder and the directory.
#include "capi_internal.hpp"

#include <chrono>

using namespace rapport::capi;

namespace {

std::string *contact_text(rapport::contact &c, int field) {
  switch (field) {
  case RAPPORT_CONTACT_ID: return &c.id;
  case RAPPORT_CONTACT_NAME_GIVEN: return &c.name.given;
  case RAPPORT_CONTACT_NAME_MIDDLE: return &c.name.middle;
  case RAPPORT_CONTACT_NAME_FAMILY: return &c.name.family;
  case RAPPORT_CONTACT_NAME_PREFIX: return &c.name.prefix;
  case RAPPORT_CONTACT_NAME_SUFFIX: return &c.name.suffix;
  case RAPPORT_CONTACT_NAME_PREFERRED: return &c.name.preferred;
  case RAPPORT_CONTACT_NAME_PRONOUNS: return &c.name.pronouns;
  case RAPPORT_CONTACT_NAME_RAW: return &c.name.raw;
  case RAPPORT_CONTACT_HEADLINE: return &c.headline;
  case RAPPORT_CONTACT_INDUSTRY: return &c.industry;
  case RAPPORT_CONTACT_LOCATION: return &c.location;
  case RAPPORT_CONTACT_LOCALE: return &c.locale;
  case RAPPORT_CONTACT_PURPOSE: return &c.purpose;
  default: return nullptr;
  }
}

std::vector<std::string> *contact_list(rapport::contact &c, int list) {
  switch (list) {
  case RAPPORT_CONTACT_LANGUAGES: return &c.languages;
  case RAPPORT_CONTACT_SCHOOLS: return &c.schools;
  case RAPPORT_CONTACT_TOPICS: return &c.topics;
  case RAPPORT_CONTACT_CONNECTIONS: return &c.connections;
  default: return nullptr;
  }
}

std::string *event_text(rapport::event &e, int field) {
  switch (field) {
  case RAPPORT_EVENT_ID: return &e.id;
  case RAPPORT_EVENT_NAME: return &e.name;
  case RAPPORT_EVENT_SERIES: return &e.series;
  case RAPPORT_EVENT_TIME_ZONE: return &e.time_zone;
  case RAPPORT_EVENT_VENUE: return &e.venue;
  case RAPPORT_EVENT_LOCATION: return &e.location;
  case RAPPORT_EVENT_URL: return &e.url;
  default: return nullptr;
  }
}

std::string *challenge_text(rapport::challenge &c, int field) {
  switch (field) {
  case RAPPORT_CHALLENGE_ID: return &c.id;
  case RAPPORT_CHALLENGE_TITLE: return &c.title;
  case RAPPORT_CHALLENGE_DESCRIPTION: return &c.description;
  default: return nullptr;
  }
}

std::vector<std::string> *challenge_list(rapport::challenge &c, int list) {
  switch (list) {
  case RAPPORT_CHALLENGE_INDUSTRIES: return &c.industries;
  case RAPPORT_CHALLENGE_KEYWORDS: return &c.keywords;
  default: return nullptr;
  }
}

int unknown(const char *what, int value) { return fail(RAPPORT_EINVAL, std::string("unknown ") + what + " " + std::to_string(value)); }

// Sets *target (found by `pick`) to (text, len) after checking both.
template <class H, class Pick>
int set_text(H *h, const char *hname, int field, const char *text, size_t len, Pick pick) {
  return guarded([&]() -> int {
    if (int s = check_handle(h, hname)) return s;
    std::string *target = pick(h->value, field);
    if (target == nullptr) return unknown("field", field);
    if (int s = check_text(text, len, "text")) return s;
    target->assign(view(text, len));
    return RAPPORT_OK;
  });
}

template <class H, class Pick>
int add_text(H *h, const char *hname, int list, const char *text, size_t len, Pick pick) {
  return guarded([&]() -> int {
    if (int s = check_handle(h, hname)) return s;
    std::vector<std::string> *target = pick(h->value, list);
    if (target == nullptr) return unknown("list", list);
    if (int s = check_text(text, len, "text")) return s;
    target->emplace_back(view(text, len));
    return RAPPORT_OK;
  });
}

template <class H>
int make_record(const char *id, size_t len, H **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_text(id, len, "id")) return s;
    decltype(H::value) record;
    record.id.assign(view(id, len));
    return give_handle(out, std::move(record));
  });
}

} // namespace

extern "C" {

// ---- contacts ---------------------------------------------------------------

int rapport_contact_new(const char *id, size_t id_len, rapport_contact **out) { return make_record(id, id_len, out); }

void rapport_contact_free(rapport_contact *contact) { destroy(contact); }

int rapport_contact_set_text(rapport_contact *contact, int field, const char *text, size_t len) {
  return set_text(contact, "contact", field, text, len, contact_text);
}

int rapport_contact_get_text(const rapport_contact *contact, int field, rapport_str *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(contact, "contact")) return s;
    if (int s = check_out(out)) return s;
    const std::string *text = contact_text(const_cast<rapport::contact &>(contact->value), field);
    if (text == nullptr) return unknown("field", field);
    borrow(*text, out);
    return RAPPORT_OK;
  });
}

int rapport_contact_add_text(rapport_contact *contact, int list, const char *text, size_t len) {
  return add_text(contact, "contact", list, text, len, contact_list);
}

int rapport_contact_list_count(const rapport_contact *contact, int list, size_t *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(contact, "contact")) return s;
    if (int s = check_out(out)) return s;
    const auto *items = contact_list(const_cast<rapport::contact &>(contact->value), list);
    if (items == nullptr) return unknown("list", list);
    *out = items->size();
    return RAPPORT_OK;
  });
}

int rapport_contact_set_formality(rapport_contact *contact, int formality) {
  return guarded([&]() -> int {
    if (int s = check_handle(contact, "contact")) return s;
    switch (formality) {
    case RAPPORT_FORMALITY_UNKNOWN: contact->value.formality_preference.reset(); return RAPPORT_OK;
    case RAPPORT_FORMALITY_FORMAL: contact->value.formality_preference = rapport::formality::formal; return RAPPORT_OK;
    case RAPPORT_FORMALITY_INFORMAL: contact->value.formality_preference = rapport::formality::informal; return RAPPORT_OK;
    default: return unknown("formality", formality);
    }
  });
}

int rapport_contact_set_gender(rapport_contact *contact, int gender) {
  return guarded([&]() -> int {
    if (int s = check_handle(contact, "contact")) return s;
    if (!in_range(gender, RAPPORT_GENDER_UNKNOWN, RAPPORT_GENDER_NEUTRAL)) return unknown("gender", gender);
    contact->value.gender = static_cast<rapport::grammatical_gender>(gender);
    return RAPPORT_OK;
  });
}

int rapport_contact_set_name_order(rapport_contact *contact, int order) {
  return guarded([&]() -> int {
    if (int s = check_handle(contact, "contact")) return s;
    if (!in_range(order, RAPPORT_NAME_GIVEN_FIRST, RAPPORT_NAME_FAMILY_FIRST)) return unknown("name order", order);
    contact->value.name.order = static_cast<rapport::name_order>(order);
    return RAPPORT_OK;
  });
}

int rapport_contact_add_event(rapport_contact *contact, const char *event_id, size_t len, int role) {
  return guarded([&]() -> int {
    if (int s = check_handle(contact, "contact")) return s;
    if (!in_range(role, RAPPORT_ROLE_ATTENDEE, RAPPORT_ROLE_ORGANIZER)) return unknown("event role", role);
    if (int s = check_text(event_id, len, "event_id")) return s;
    contact->value.events.push_back({std::string(view(event_id, len)), static_cast<rapport::event_role>(role)});
    return RAPPORT_OK;
  });
}

void rapport_organization_init(rapport_organization *org) {
  if (org == nullptr) return;
  *org = rapport_organization{};
  org->size = sizeof(rapport_organization);
  org->current = 1;
}

int rapport_contact_add_organization(rapport_contact *contact, const rapport_organization *org) {
  return guarded([&]() -> int {
    if (int s = check_handle(contact, "contact")) return s;
    if (org == nullptr) return fail(RAPPORT_EINVAL, "org is NULL");
    if (int s = check_size(org, "org", "rapport_organization_init")) return s;
    if (int s = check_text(org->name, org->name_len, "org->name")) return s;
    if (int s = check_text(org->title, org->title_len, "org->title")) return s;
    if (int s = check_text(org->industry, org->industry_len, "org->industry")) return s;
    rapport::organization o;
    o.name.assign(view(org->name, org->name_len));
    o.title.assign(view(org->title, org->title_len));
    o.industry.assign(view(org->industry, org->industry_len));
    o.current = org->current != 0;
    if (org->start_year != 0) o.start_year = org->start_year;
    if (org->end_year != 0) o.end_year = org->end_year;
    contact->value.organizations.push_back(std::move(o));
    return RAPPORT_OK;
  });
}

int rapport_contact_add_offer(rapport_contact *contact, const char *id, size_t id_len, const char *summary,
                              size_t summary_len, const char *const *challenge_ids, const size_t *challenge_lens,
                              size_t challenge_count) {
  return guarded([&]() -> int {
    if (int s = check_handle(contact, "contact")) return s;
    if (int s = check_text(id, id_len, "id")) return s;
    if (int s = check_text(summary, summary_len, "summary")) return s;
    if (challenge_count != 0 && (challenge_ids == nullptr || challenge_lens == nullptr))
      return fail(RAPPORT_EINVAL, "challenge_ids or challenge_lens is NULL but challenge_count is not 0");
    rapport::offer o;
    o.id.assign(view(id, id_len));
    o.summary.assign(view(summary, summary_len));
    for (size_t i = 0; i < challenge_count; ++i) {
      const std::string what = "challenge_ids[" + std::to_string(i) + "]";
      if (int s = check_text(challenge_ids[i], challenge_lens[i], what.c_str())) return s;
      o.challenge_ids.emplace_back(view(challenge_ids[i], challenge_lens[i]));
    }
    contact->value.offers.push_back(std::move(o));
    return RAPPORT_OK;
  });
}

// ---- events -----------------------------------------------------------------

int rapport_event_new(const char *id, size_t id_len, rapport_event **out) { return make_record(id, id_len, out); }

void rapport_event_free(rapport_event *event) { destroy(event); }

int rapport_event_set_text(rapport_event *event, int field, const char *text, size_t len) {
  return set_text(event, "event", field, text, len, event_text);
}

int rapport_event_add_alias(rapport_event *event, const char *alias, size_t len) {
  return guarded([&]() -> int {
    if (int s = check_handle(event, "event")) return s;
    if (int s = check_text(alias, len, "alias")) return s;
    event->value.aliases.emplace_back(view(alias, len));
    return RAPPORT_OK;
  });
}

int rapport_event_set_edition(rapport_event *event, int edition) {
  return guarded([&]() -> int {
    if (int s = check_handle(event, "event")) return s;
    event->value.edition = edition;
    return RAPPORT_OK;
  });
}

int rapport_event_set_days(rapport_event *event, int first_year, int first_month, int first_day, int last_year,
                           int last_month, int last_day) {
  return guarded([&]() -> int {
    if (int s = check_handle(event, "event")) return s;
    using namespace std::chrono;
    auto make = [](int y, int m, int d) {
      if (m < 1 || m > 12 || d < 1 || d > 31) return year_month_day{};
      return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    };
    const year_month_day first = make(first_year, first_month, first_day);
    const year_month_day last = make(last_year, last_month, last_day);
    if (!first.ok()) return fail(RAPPORT_EINVAL, "first day is not a date");
    if (!last.ok()) return fail(RAPPORT_EINVAL, "last day is not a date");
    event->value.all_day = true;
    event->value.first_day = first;
    event->value.last_day = last;
    return RAPPORT_OK;
  });
}

int rapport_event_set_times(rapport_event *event, int64_t start_unix, int64_t end_unix) {
  return guarded([&]() -> int {
    if (int s = check_handle(event, "event")) return s;
    event->value.all_day = false;
    event->value.start = std::chrono::sys_seconds{std::chrono::seconds{start_unix}};
    event->value.end = std::chrono::sys_seconds{std::chrono::seconds{end_unix}};
    return RAPPORT_OK;
  });
}

// ---- challenges ---------------------------------------------------------------

int rapport_challenge_new(const char *id, size_t id_len, rapport_challenge **out) { return make_record(id, id_len, out); }

void rapport_challenge_free(rapport_challenge *challenge) { destroy(challenge); }

int rapport_challenge_set_text(rapport_challenge *challenge, int field, const char *text, size_t len) {
  return set_text(challenge, "challenge", field, text, len, challenge_text);
}

int rapport_challenge_add_text(rapport_challenge *challenge, int list, const char *text, size_t len) {
  return add_text(challenge, "challenge", list, text, len, challenge_list);
}

// ---- builder and directory ---------------------------------------------------------

int rapport_directory_builder_new(rapport_directory_builder **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    return give_handle(out);
  });
}

void rapport_directory_builder_free(rapport_directory_builder *builder) { destroy(builder); }

int rapport_directory_builder_add_contact(rapport_directory_builder *builder, const rapport_contact *contact) {
  return guarded([&]() -> int {
    if (int s = check_handle(builder, "builder")) return s;
    if (int s = check_handle(contact, "contact")) return s;
    auto r = builder->value.add_contact(contact->value);
    return r ? RAPPORT_OK : fail(r.error());
  });
}

int rapport_directory_builder_add_event(rapport_directory_builder *builder, const rapport_event *event) {
  return guarded([&]() -> int {
    if (int s = check_handle(builder, "builder")) return s;
    if (int s = check_handle(event, "event")) return s;
    auto r = builder->value.add_event(event->value);
    return r ? RAPPORT_OK : fail(r.error());
  });
}

int rapport_directory_builder_add_challenge(rapport_directory_builder *builder, const rapport_challenge *challenge) {
  return guarded([&]() -> int {
    if (int s = check_handle(builder, "builder")) return s;
    if (int s = check_handle(challenge, "challenge")) return s;
    auto r = builder->value.add_challenge(challenge->value);
    return r ? RAPPORT_OK : fail(r.error());
  });
}

int rapport_directory_builder_build(rapport_directory_builder *builder, rapport_directory **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(builder, "builder")) return s;
    auto dir = builder->value.build();
    if (!dir) return fail(dir.error());
    std::vector<std::string> messages;
    for (const auto &w : dir->warnings()) messages.push_back(w.message);
    return give_handle(out, std::move(*dir), std::move(messages));
  });
}

void rapport_directory_free(rapport_directory *dir) { destroy(dir); }

int rapport_directory_contact_count(const rapport_directory *dir, size_t *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_out(out)) return s;
    *out = dir->value.contacts().size();
    return RAPPORT_OK;
  });
}

int rapport_directory_warning_count(const rapport_directory *dir, size_t *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_out(out)) return s;
    *out = dir->value.warnings().size();
    return RAPPORT_OK;
  });
}

int rapport_directory_warning(const rapport_directory *dir, size_t index, int *out_status, rapport_str *out_message) {
  return guarded([&]() -> int {
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_index(index, dir->warning_messages.size())) return s;
    if (out_status != nullptr) *out_status = status_of(dir->value.warnings()[index].code);
    if (out_message != nullptr) borrow(dir->warning_messages[index], out_message);
    return RAPPORT_OK;
  });
}

int rapport_directory_find_contact(const rapport_directory *dir, const char *id, size_t len, rapport_contact **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_text(id, len, "id")) return s;
    const rapport::contact *c = dir->value.find_contact(view(id, len));
    if (c == nullptr) return fail(RAPPORT_ENOTFOUND, "no contact with id '" + std::string(view(id, len)) + "'");
    return give_handle(out, *c);
  });
}

int rapport_directory_contact_id(const rapport_directory *dir, size_t index, rapport_str *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_out(out)) return s;
    if (int s = check_index(index, dir->value.contacts().size())) return s;
    borrow(dir->value.contacts()[index].id, out);
    return RAPPORT_OK;
  });
}

} // extern "C"
