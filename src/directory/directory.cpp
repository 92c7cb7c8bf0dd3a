#include "rapport/directory.hpp"

#include <algorithm>
#include <new>
#include <iterator>
#include <map>
#include <unordered_set>

#include "directory/directory_data.hpp"
#include "icu/time_zone.hpp"
#include "rapport/company.hpp"
#include "rapport/text.hpp"
#include "text/utf8.hpp"

#if defined(__unix__)
#include <sys/mman.h>
#endif

namespace rapport {
inline namespace v1 {

const char *to_string(event_role role) noexcept {
  switch (role) {
  case event_role::attendee: return "attendee";
  case event_role::exhibitor: return "exhibitor";
  case event_role::speaker: return "speaker";
  case event_role::sponsor: return "sponsor";
  case event_role::organizer: return "organizer";
  }
  return "attendee";
}

namespace {

// Checks fields one by one; the first bad one becomes the error. The field's
// name is only spelled out ("organizations[1].name") for a bad field: most
// records are clean, and building the names cost more than the checks.
class field_checker {
public:
  field_checker(const char *kind, const std::string &id) : kind_(kind), id_(id) {}

  void operator()(const std::string &value, const char *field) {
    check(value, [&] { return std::string(field); });
  }
  void operator()(const std::string &value, const char *field, std::size_t i, const char *sub) {
    check(value, [&] { return std::string(field) + "[" + std::to_string(i) + "]." + sub; });
  }
  void list(const std::vector<std::string> &values, const char *field) {
    for (std::size_t i = 0; i < values.size(); ++i)
      check(values[i], [&] { return std::string(field) + "[" + std::to_string(i) + "]"; });
  }
  void list(const std::vector<std::string> &values, const char *field, std::size_t i, const char *sub) {
    for (std::size_t k = 0; k < values.size(); ++k)
      check(values[k], [&] {
        return std::string(field) + "[" + std::to_string(i) + "]." + sub + "[" + std::to_string(k) + "]";
      });
  }
  bool failed() const { return failed_; }
  error take() { return std::move(err_); }

private:
  template <class Name>
  void check(const std::string &value, Name &&name) {
    if (failed_) return;
    if (auto bad = find_invalid_utf8(value)) {
      failed_ = true;
      err_ = make_error(errc::invalid_utf8,
                        std::string(kind_) + " '" + printable_id() + "': field " + name() + ": invalid UTF-8 at byte " +
                            std::to_string(*bad),
                        *bad);
    }
  }
  std::string printable_id() const { return is_valid_utf8(id_) ? id_ : std::string("<invalid UTF-8>"); }
  const char *kind_;
  const std::string &id_;
  bool failed_ = false;
  error err_;
};

// Bounded list of warnings: the first `cap` of each category in full, then a count.
class warning_sink {
public:
  explicit warning_sink(std::vector<error> &out) : out_(out) {}
  void add(const std::string &category, std::string message) {
    auto &n = counts_[category];
    if (++n <= cap) out_.push_back(make_error(errc::not_found, std::move(message)));
  }
  ~warning_sink() {
    for (const auto &[category, n] : counts_)
      if (n > cap)
        out_.push_back(make_error(errc::not_found, std::to_string(n - cap) + " more warnings of this kind: " + category));
  }

private:
  static constexpr std::size_t cap = 1000;
  std::vector<error> &out_;
  std::map<std::string, std::size_t> counts_;
};

// Moves every contact's lists into the directory's contiguous pools and points d.info at them.
void pack(detail::directory_data &d, std::vector<detail::contact_info_storage> &infos) {
  auto &p = d.pools;
  std::size_t sizes[8] = {};
  for (const auto &i : infos) {
    sizes[0] += i.industries.size();
    sizes[1] += i.orgs.size();
    sizes[2] += i.schools.size();
    sizes[3] += i.topics.size();
    sizes[4] += i.neighbours.size();
    sizes[5] += i.events.size();
    sizes[6] += i.challenges.size();
  }
  p.industries.reserve(sizes[0]);
  p.industry_fields.reserve(sizes[0]);
  p.orgs.reserve(sizes[1]);
  p.schools.reserve(sizes[2]);
  p.topics.reserve(sizes[3]);
  p.neighbours.reserve(sizes[4]);
  p.events.reserve(sizes[5]);
  p.challenges.reserve(sizes[6]);
  // Append, remembering where each list starts; views are made once the pools stop growing.
  std::vector<std::array<std::size_t, 8>> at(infos.size());
  auto append = [](auto &pool, auto &list) {
    const std::size_t start = pool.size();
    pool.insert(pool.end(), list.begin(), list.end());
    std::vector<typename std::decay_t<decltype(list)>::value_type>().swap(list);
    return start;
  };
  for (std::size_t c = 0; c < infos.size(); ++c) {
    auto &i = infos[c];
    at[c] = {append(p.industries, i.industries), append(p.industry_fields, i.industry_fields), append(p.orgs, i.orgs),
             append(p.schools, i.schools),       append(p.topics, i.topics),                   append(p.neighbours, i.neighbours),
             append(p.events, i.events),         append(p.challenges, i.challenges)};
  }
  d.info.resize(infos.size());
  auto span_of = [](const auto &pool, std::size_t from, std::size_t to) {
    return std::span(pool.data() + from, to - from);
  };
  for (std::size_t c = 0; c < infos.size(); ++c) {
    const auto &a = at[c];
    const bool last = c + 1 == infos.size();
    auto end = [&](std::size_t k, std::size_t pool_size) { return last ? pool_size : at[c + 1][k]; };
    auto &v = d.info[c];
    v.place = infos[c].place;
    v.cluster = infos[c].cluster;
    v.place_ambiguous = infos[c].place_ambiguous;
    v.industries = span_of(p.industries, a[0], end(0, p.industries.size()));
    v.industry_fields = span_of(p.industry_fields, a[1], end(1, p.industry_fields.size()));
    v.orgs = span_of(p.orgs, a[2], end(2, p.orgs.size()));
    v.schools = span_of(p.schools, a[3], end(3, p.schools.size()));
    v.topics = span_of(p.topics, a[4], end(4, p.topics.size()));
    v.neighbours = span_of(p.neighbours, a[5], end(5, p.neighbours.size()));
    v.events = span_of(p.events, a[6], end(6, p.events.size()));
    v.challenges = span_of(p.challenges, a[7], end(7, p.challenges.size()));
  }
}

template <class T>
void sort_by_id(std::vector<T> &v) {
  std::sort(v.begin(), v.end(), [](const T &a, const T &b) { return a.id < b.id; });
}

} // namespace

} // namespace v1
} // namespace rapport

namespace rapport::detail {

std::string german_key(std::string_view s) {
  auto k = match_key(s, key_kind::german);
  return k ? std::move(*k) : std::string();
}

std::string org_key(std::string_view s) {
  auto k = company_key(s);
  return k ? std::move(*k) : std::string();
}

std::string folded_key(std::string_view s) {
  auto k = match_key(s, key_kind::folded);
  return k ? std::move(*k) : std::string();
}

bool contains_words(std::string_view text, std::string_view keyword) {
  if (keyword.empty()) return false;
  for (std::size_t pos = text.find(keyword); pos != std::string_view::npos; pos = text.find(keyword, pos + 1)) {
    const bool left = pos == 0 || text[pos - 1] == ' ';
    const bool right = pos + keyword.size() == text.size() || text[pos + keyword.size()] == ' ';
    if (left && right) return true;
  }
  return false;
}

bool index_of(const directory_data &d, const contact &c, std::uint32_t &index) {
  if (d.contacts.empty()) return false;
  const contact *first = d.contacts.data();
  if (&c < first || &c >= first + d.contacts.size()) return false;
  index = static_cast<std::uint32_t>(&c - first);
  return true;
}

namespace {

void add_industry(const directory_data &d, contact_info_storage &info, std::string_view text, std::int32_t field) {
  if (text.empty()) return;
  const key_id k = d.find_key(german_key(text));
  if (k != no_key && std::find(info.industries.begin(), info.industries.end(), k) == info.industries.end()) {
    info.industries.push_back(k);
    info.industry_fields.push_back(field);
  }
}

void fill_place(contact_info_storage &info, const contact &c) {
  info.place = c.place;
  info.place_ambiguous = c.place != no_place && c.place_ambiguous;
  if (info.place == no_place && !c.location.empty()) {
    if (auto r = resolve_place(c.location)) {
      info.place = r->id;
      info.place_ambiguous = r->ambiguous;
    }
  }
  if (info.place != no_place) {
    auto p = place(info.place);
    info.cluster = p && p->metro != no_place ? p->metro : info.place;
  }
}

} // namespace

contact_info view(const contact_info_storage &s) {
  contact_info v;
  v.place = s.place;
  v.cluster = s.cluster;
  v.place_ambiguous = s.place_ambiguous;
  v.industries = s.industries;
  v.industry_fields = s.industry_fields;
  v.orgs = s.orgs;
  v.schools = s.schools;
  v.topics = s.topics;
  v.neighbours = s.neighbours;
  v.events = s.events;
  v.challenges = s.challenges;
  return v;
}

contact_info info_for(const directory_data &d, const contact &c, contact_info_storage &storage) {
  std::uint32_t index = 0;
  if (index_of(d, c, index)) return d.info[index];
  contact_info_storage &info = storage;
  info = contact_info_storage{};
  fill_place(info, c);
  add_industry(d, info, c.industry, -1);
  for (std::uint32_t i = 0; i < c.organizations.size(); ++i) {
    const auto &o = c.organizations[i];
    if (o.current) add_industry(d, info, o.industry, static_cast<std::int32_t>(i));
    const key_id k = o.name.empty() ? no_key : d.find_key(o.key.empty() ? org_key(o.name) : o.key);
    if (k != no_key) info.orgs.push_back({k, o.current, i});
  }
  for (std::uint32_t i = 0; i < c.schools.size(); ++i)
    if (key_id k = d.find_key(german_key(c.schools[i])); k != no_key) info.schools.emplace_back(k, i);
  for (std::uint32_t i = 0; i < c.topics.size(); ++i)
    if (key_id k = d.find_key(german_key(c.topics[i])); k != no_key) info.topics.emplace_back(k, i);
  for (const auto &id : c.connections) {
    auto it = d.contact_by_id.find(id);
    if (it != d.contact_by_id.end()) info.neighbours.push_back(it->second);
  }
  std::sort(info.neighbours.begin(), info.neighbours.end());
  info.neighbours.erase(std::unique(info.neighbours.begin(), info.neighbours.end()), info.neighbours.end());
  link_events_and_challenges(d, c, info);
  return view(info);
}

void link_events_and_challenges(const directory_data &d, const contact &c, contact_info_storage &info) {
  info.events.clear();
  for (std::uint32_t i = 0; i < c.events.size(); ++i)
    if (auto it = d.event_by_id.find(c.events[i].event_id); it != d.event_by_id.end()) info.events.emplace_back(it->second, i);
  std::sort(info.events.begin(), info.events.end());
  info.challenges.clear();
  for (std::uint32_t o = 0; o < c.offers.size(); ++o)
    for (std::uint32_t j = 0; j < c.offers[o].challenge_ids.size(); ++j) {
      auto it = d.challenge_by_id.find(c.offers[o].challenge_ids[j]);
      if (it == d.challenge_by_id.end()) continue;
      if (std::none_of(info.challenges.begin(), info.challenges.end(), [&](const auto &x) { return x[0] == it->second; }))
        info.challenges.push_back({it->second, o, j});
    }
}

std::string display_name(const contact &c) {
  const std::string &first = c.name.preferred.empty() ? c.name.given : c.name.preferred;
  if (first.empty()) return c.name.family.empty() ? c.name.raw : c.name.family;
  return c.name.family.empty() ? first : first + " " + c.name.family;
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

// ---- directory ----------------------------------------------------------------

directory::directory() : data_(std::make_shared<detail::directory_data>()) {}
directory::directory(std::shared_ptr<const detail::directory_data> data) : data_(std::move(data)) {}

const std::vector<contact> &directory::contacts() const noexcept { return data_->contacts; }
const std::vector<event> &directory::events() const noexcept { return data_->events; }
const std::vector<challenge> &directory::challenges() const noexcept { return data_->challenges; }
const std::vector<error> &directory::warnings() const noexcept { return data_->warnings; }

namespace {
template <class T>
const T *find_in(const std::unordered_map<std::string_view, std::uint32_t> &map, const std::vector<T> &v,
                 std::string_view id) {
  auto it = map.find(id);
  return it == map.end() ? nullptr : &v[it->second];
}
} // namespace

const contact *directory::find_contact(std::string_view id) const noexcept {
  return find_in(data_->contact_by_id, data_->contacts, id);
}
const event *directory::find_event(std::string_view id) const noexcept {
  return find_in(data_->event_by_id, data_->events, id);
}
const challenge *directory::find_challenge(std::string_view id) const noexcept {
  return find_in(data_->challenge_by_id, data_->challenges, id);
}

std::size_t directory::memory_bytes() const noexcept {
  const auto &d = *data_;
  auto str = [](const std::string &s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
  auto strs = [&](const std::vector<std::string> &v) {
    std::size_t n = v.capacity() * sizeof(std::string);
    for (const auto &s : v) n += str(s);
    return n;
  };
  std::size_t n = d.contacts.capacity() * sizeof(contact) + d.info.capacity() * sizeof(detail::contact_info);
  for (const auto &c : d.contacts) {
    n += str(c.id) + str(c.name.given) + str(c.name.family) + str(c.name.middle) + str(c.name.prefix) +
         str(c.name.suffix) + str(c.name.preferred) + str(c.name.raw) + str(c.headline) + str(c.industry) +
         str(c.location) + str(c.locale) + str(c.purpose);
    n += c.organizations.capacity() * sizeof(organization);
    for (const auto &o : c.organizations) n += str(o.name) + str(o.title) + str(o.industry) + str(o.display) + str(o.key);
    n += c.events.capacity() * sizeof(event_participation);
    for (const auto &e : c.events) n += str(e.event_id);
    n += strs(c.languages) + strs(c.schools) + strs(c.topics) + strs(c.connections);
    n += c.offers.capacity() * sizeof(offer);
  }
  const auto &p = d.pools;
  n += p.industries.capacity() * sizeof(detail::key_id) + p.industry_fields.capacity() * sizeof(std::int32_t) +
       p.orgs.capacity() * sizeof(detail::org_ref) +
       (p.schools.capacity() + p.topics.capacity()) * sizeof(std::pair<detail::key_id, std::uint32_t>) +
       p.neighbours.capacity() * sizeof(std::uint32_t) +
       p.events.capacity() * sizeof(std::pair<std::uint32_t, std::uint32_t>) +
       p.challenges.capacity() * sizeof(std::array<std::uint32_t, 3>);
  const std::size_t node = 48;  // rough cost of a hash node
  n += (d.contact_by_id.size() + d.event_by_id.size() + d.challenge_by_id.size()) * node;
  for (const auto &[k, v] : d.keys) n += node + str(k);
  auto lists = [&](const auto &map) {
    for (const auto &[k, v] : map) n += node + v.capacity() * sizeof(std::uint32_t);
  };
  lists(d.by_place);
  lists(d.by_industry);
  lists(d.by_org);
  lists(d.by_school);
  lists(d.by_topic);
  for (const auto &p : d.participants) n += p.capacity() * sizeof(detail::participant);
  return n;
}

// ---- builder --------------------------------------------------------------------

namespace {

// Memory for the builder's blocks straight from the system (mmap), so that a
// block freed while build() moves contacts out goes back at once: from the
// allocator, freed blocks stayed in the process, and a million contacts were
// held twice at the peak of build().
template <class T>
struct block_allocator {
  using value_type = T;
  block_allocator() = default;
  template <class U>
  block_allocator(const block_allocator<U> &) noexcept {}
  T *allocate(std::size_t n) {
#if defined(__unix__)
    void *p = ::mmap(nullptr, n * sizeof(T), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return static_cast<T *>(p);
#else
    return std::allocator<T>().allocate(n);
#endif
  }
  void deallocate(T *p, std::size_t n) noexcept {
#if defined(__unix__)
    ::munmap(p, n * sizeof(T));
#else
    std::allocator<T>().deallocate(p, n);
#endif
  }
  template <class U>
  bool operator==(const block_allocator<U> &) const noexcept { return true; }
};

// Contacts in blocks filled in place. A growing std::vector of contacts (over
// 600 bytes each) moved every contact at each doubling and held both copies
// meanwhile: with a million contacts, page faults were most of an import.
class contact_store {
public:
  static constexpr std::size_t block = 4096;
  std::size_t size() const noexcept { return size_; }
  contact &operator[](std::size_t i) noexcept { return blocks_[i / block][i % block]; }
  const contact &operator[](std::size_t i) const noexcept { return blocks_[i / block][i % block]; }
  void push_back(contact &&c) {
    if (size_ % block == 0) {
      blocks_.emplace_back();
      blocks_.back().reserve(block);
    }
    blocks_.back().push_back(std::move(c));
    ++size_;
  }
  /** Moves every contact to the end of `out`, in order, freeing each block once it is empty. */
  void move_into(std::vector<contact> &out) {
    out.reserve(out.size() + size_);
    for (auto &b : blocks_) {
      std::move(b.begin(), b.end(), std::back_inserter(out));
      std::vector<contact, block_allocator<contact>>().swap(b);
    }
    blocks_.clear();
    size_ = 0;
  }

private:
  std::vector<std::vector<contact, block_allocator<contact>>> blocks_;
  std::size_t size_ = 0;
};

// Contact ids as indexes into the store: open addressing with linear probing,
// each slot a 32-bit hash tag and the index + 1 (0 = empty). A node-based set
// of id copies cost an allocation and a cache miss or two per contact.
class id_index {
public:
  static std::uint32_t tag_of(std::string_view id) noexcept {
    const std::uint64_t h = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  bool contains(std::string_view id, std::uint32_t tag, const contact_store &store) const noexcept {
    if (slots_.empty()) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = tag & mask;; i = (i + 1) & mask) {
      const std::uint64_t s = slots_[i];
      if (s == 0) return false;
      if (static_cast<std::uint32_t>(s >> 32) == tag && store[static_cast<std::uint32_t>(s) - 1].id == id) return true;
    }
  }
  void insert(std::uint32_t tag, std::size_t index) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    place(slots_, (std::uint64_t(tag) << 32) | (index + 1));
    ++count_;
  }

private:
  static void place(std::vector<std::uint64_t> &slots, std::uint64_t entry) noexcept {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = static_cast<std::uint32_t>(entry >> 32) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = entry;
  }
  void grow() {
    std::vector<std::uint64_t> bigger(slots_.empty() ? 1024 : slots_.size() * 2, 0);
    for (const std::uint64_t s : slots_)
      if (s != 0) place(bigger, s);
    slots_.swap(bigger);
  }
  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

} // namespace

struct directory_builder::impl {
  contact_store contacts;
  id_index contact_ids;
  std::vector<event> events;
  std::vector<challenge> challenges;
  std::unordered_set<std::string> event_ids, challenge_ids;
};

directory_builder::directory_builder() : impl_(std::make_unique<impl>()) {}
directory_builder::~directory_builder() = default;
directory_builder::directory_builder(directory_builder &&) noexcept = default;
directory_builder &directory_builder::operator=(directory_builder &&) noexcept = default;

std::size_t directory_builder::contact_count() const noexcept { return impl_->contacts.size(); }

namespace {

result<void> check_id(const char *kind, const std::string &id, bool seen) {
  if (id.empty()) return make_error(errc::invalid_argument, std::string(kind) + " without an id");
  if (auto bad = find_invalid_utf8(id))
    return make_error(errc::invalid_utf8, std::string(kind) + " id: invalid UTF-8 at byte " + std::to_string(*bad), *bad);
  if (seen) return make_error(errc::invalid_argument, std::string("duplicate ") + kind + " id '" + id + "'");
  return {};
}

result<void> check_id(const char *kind, const std::string &id, const std::unordered_set<std::string> &seen) {
  return check_id(kind, id, seen.count(id) > 0);
}

} // namespace

} // namespace v1
} // namespace rapport

namespace rapport::detail {

std::uint32_t builder_access::id_tag(std::string_view id) noexcept { return ::rapport::v1::id_index::tag_of(id); }

result<void> builder_access::add_checked_contact(directory_builder &b, contact &&c) {
  const std::uint32_t tag = id_tag(c.id);
  return add_checked_contact(b, std::move(c), tag);
}

result<void> builder_access::add_checked_contact(directory_builder &b, contact &&c, std::uint32_t tag) {
  auto &impl = *b.impl_;
  if (auto r = ::rapport::v1::check_id("contact", c.id, impl.contact_ids.contains(c.id, tag, impl.contacts)); !r) return r;
  impl.contact_ids.insert(tag, impl.contacts.size());
  impl.contacts.push_back(std::move(c));
  return {};
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

result<void> directory_builder::add_contact(contact c) {
  const std::uint32_t tag = id_index::tag_of(c.id);
  if (auto r = check_id("contact", c.id, impl_->contact_ids.contains(c.id, tag, impl_->contacts)); !r) return r;
  field_checker check("contact", c.id);
  check(c.name.given, "name.given");
  check(c.name.family, "name.family");
  check(c.name.middle, "name.middle");
  check(c.name.prefix, "name.prefix");
  check(c.name.suffix, "name.suffix");
  check(c.name.preferred, "name.preferred");
  check(c.name.raw, "name.raw");
  check(c.headline, "headline");
  check(c.industry, "industry");
  check(c.location, "location");
  check(c.locale, "locale");
  check(c.purpose, "purpose");
  for (std::size_t i = 0; i < c.organizations.size(); ++i) {
    check(c.organizations[i].name, "organizations", i, "name");
    check(c.organizations[i].title, "organizations", i, "title");
    check(c.organizations[i].industry, "organizations", i, "industry");
    check(c.organizations[i].display, "organizations", i, "display");
    check(c.organizations[i].key, "organizations", i, "key");
  }
  for (std::size_t i = 0; i < c.events.size(); ++i) check(c.events[i].event_id, "events", i, "event_id");
  for (std::size_t i = 0; i < c.offers.size(); ++i) {
    check(c.offers[i].id, "offers", i, "id");
    check(c.offers[i].summary, "offers", i, "summary");
    check.list(c.offers[i].challenge_ids, "offers", i, "challenge_ids");
  }
  check.list(c.languages, "languages");
  check.list(c.schools, "schools");
  check.list(c.topics, "topics");
  check.list(c.connections, "connections");
  if (check.failed()) return check.take();
  impl_->contact_ids.insert(tag, impl_->contacts.size());
  impl_->contacts.push_back(std::move(c));
  return {};
}

result<void> directory_builder::add_event(event e) {
  if (auto r = check_id("event", e.id, impl_->event_ids); !r) return r;
  field_checker check("event", e.id);
  check(e.name, "name");
  check.list(e.aliases, "aliases");
  check(e.series, "series");
  check(e.time_zone, "time_zone");
  check(e.venue, "venue");
  check(e.location, "location");
  check(e.url, "url");
  if (check.failed()) return check.take();
  if (!detail::icu::is_known_time_zone(e.time_zone))
    return make_error(errc::invalid_argument, "event '" + e.id + "': time_zone '" + e.time_zone + "' is not a known time zone");
  if (e.all_day) {
    if (!e.first_day.ok() || !e.last_day.ok())
      return make_error(errc::invalid_argument, "event '" + e.id + "': an all-day event needs valid first_day and last_day");
    if (std::chrono::sys_days(e.last_day) < std::chrono::sys_days(e.first_day))
      return make_error(errc::invalid_argument, "event '" + e.id + "': last_day is before first_day");
  } else {
    if (e.end < e.start)
      return make_error(errc::invalid_argument, "event '" + e.id + "': end is before start");
  }
  impl_->event_ids.insert(e.id);
  impl_->events.push_back(std::move(e));
  return {};
}

result<void> directory_builder::add_challenge(challenge c) {
  if (auto r = check_id("challenge", c.id, impl_->challenge_ids); !r) return r;
  field_checker check("challenge", c.id);
  check(c.title, "title");
  check(c.description, "description");
  check.list(c.industries, "industries");
  check.list(c.keywords, "keywords");
  if (check.failed()) return check.take();
  impl_->challenge_ids.insert(c.id);
  impl_->challenges.push_back(std::move(c));
  return {};
}

result<directory> directory_builder::build() {
  auto data = std::make_shared<detail::directory_data>();
  auto &d = *data;
  {
    // The contacts move out of the builder's blocks in the order they came
    // (each block freed as it empties, so they are not held twice), then into
    // id order by following the cycles of the sorting permutation: each
    // contact moves once more. Ids often share a long prefix ("linkedin:"), so
    // the sort compares the 8 bytes after the shared prefix first.
    auto &v = d.contacts;
    impl_->contacts.move_into(v);
    std::size_t common = v.empty() ? 0 : v[0].id.size();
    for (std::size_t i = 1; i < v.size() && common > 0; ++i) {
      const std::string &a = v[0].id, &b = v[i].id;
      std::size_t k = 0;
      while (k < common && k < b.size() && a[k] == b[k]) ++k;
      common = k;
    }
    struct entry {
      std::uint64_t key;  // the 8 bytes after the common prefix, big-endian, 0-padded
      std::uint32_t index;
    };
    std::vector<entry> order(v.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
      const std::string &id = v[i].id;
      std::uint64_t key = 0;
      for (std::size_t k = 0; k < 8; ++k)
        key = (key << 8) | (common + k < id.size() ? static_cast<unsigned char>(id[common + k]) : 0u);
      order[i] = {key, i};
    }
    std::sort(order.begin(), order.end(), [&](const entry &a, const entry &b) {
      if (a.key != b.key) return a.key < b.key;
      return std::string_view(v[a.index].id).substr(common) < std::string_view(v[b.index].id).substr(common);
    });
    // Position k takes the contact that was at order[k].index.
    std::vector<bool> placed(v.size(), false);
    for (std::size_t k = 0; k < v.size(); ++k) {
      if (placed[k] || order[k].index == k) continue;
      contact first = std::move(v[k]);
      std::size_t j = k;
      for (;;) {
        placed[j] = true;
        const std::size_t from = order[j].index;
        if (from == k) {
          v[j] = std::move(first);
          break;
        }
        v[j] = std::move(v[from]);
        j = from;
      }
    }
  }
  d.events = std::move(impl_->events);
  d.challenges = std::move(impl_->challenges);
  impl_ = std::make_unique<impl>();

  sort_by_id(d.events);
  sort_by_id(d.challenges);
  for (std::uint32_t i = 0; i < d.contacts.size(); ++i) d.contact_by_id.emplace(d.contacts[i].id, i);
  for (std::uint32_t i = 0; i < d.events.size(); ++i) d.event_by_id.emplace(d.events[i].id, i);
  for (std::uint32_t i = 0; i < d.challenges.size(); ++i) d.challenge_by_id.emplace(d.challenges[i].id, i);

  {
    warning_sink warn(d.warnings);

    // Places: resolve each distinct location once.
    std::unordered_map<std::string, place_resolution> resolved;
    auto resolve = [&](const std::string &location) -> const place_resolution & {
      auto it = resolved.find(location);
      if (it != resolved.end()) return it->second;
      auto r = resolve_place(location);
      return resolved.emplace(location, r ? std::move(*r) : place_resolution{}).first->second;
    };
    for (auto &e : d.events) {
      if (e.place != no_place || e.location.empty()) continue;
      const auto &r = resolve(e.location);
      e.place = r.id;
      if (r.id == no_place) warn.add("unknown event location", "event '" + e.id + "': location '" + e.location + "' matches no known place");
    }

    // Folding is costly for non-ASCII text (ICU transliteration), and the same
    // industries, companies, schools and topics recur: fold each distinct text once.
    std::unordered_map<std::string, detail::key_id> folded_once[2];
    auto intern_as = [&](const std::string &text, bool company) -> detail::key_id {
      if (text.empty()) return detail::no_key;
      auto &cache = folded_once[company ? 1 : 0];
      if (auto hit = cache.find(text); hit != cache.end()) return hit->second;
      std::string k = company ? detail::org_key(text) : detail::german_key(text);
      detail::key_id id = detail::no_key;
      if (!k.empty()) id = d.keys.emplace(std::move(k), static_cast<detail::key_id>(d.keys.size())).first->second;
      cache.emplace(text, id);
      return id;
    };
    auto intern = [&](const std::string &text) { return intern_as(text, false); };
    auto intern_key = [&](const std::string &key) {
      if (auto it = d.keys.find(key); it != d.keys.end()) return it->second;
      return d.keys.emplace(key, static_cast<detail::key_id>(d.keys.size())).first->second;
    };

    std::vector<detail::contact_info_storage> infos(d.contacts.size());
    d.participants.resize(d.events.size());
    std::vector<std::vector<std::uint32_t>> adjacency(d.contacts.size());
    std::size_t unknown_connections = 0;

    for (std::uint32_t ci = 0; ci < d.contacts.size(); ++ci) {
      auto &c = d.contacts[ci];
      auto &info = infos[ci];
      info.place = c.place;
      info.place_ambiguous = c.place != no_place && c.place_ambiguous;
      if (info.place == no_place && !c.location.empty()) {
        const auto &r = resolve(c.location);
        info.place = r.id;
        info.place_ambiguous = r.ambiguous;
        if (r.id == no_place)
          warn.add("unknown contact location", "contact '" + c.id + "': location '" + c.location + "' matches no known place");
      }
      if (info.place != no_place) {
        auto p = place(info.place);
        info.cluster = p && p->metro != no_place ? p->metro : info.place;
        d.by_place[(std::uint64_t(info.place) << 1) | (info.place_ambiguous ? 1u : 0u)].push_back(ci);
      }
      auto add_industry = [&](const std::string &s, std::int32_t field) {
        const auto k = intern(s);
        if (k != detail::no_key && std::find(info.industries.begin(), info.industries.end(), k) == info.industries.end()) {
          info.industries.push_back(k);
          info.industry_fields.push_back(field);
          d.by_industry[k].push_back(ci);
        }
      };
      add_industry(c.industry, -1);
      for (std::uint32_t i = 0; i < c.organizations.size(); ++i) {
        const auto &o = c.organizations[i];
        if (o.current) add_industry(o.industry, static_cast<std::int32_t>(i));
        // An importer's key (company_key of the name) is the key itself; else the name is keyed here.
        const auto k = o.key.empty() ? intern_as(o.name, true) : intern_key(o.key);
        if (k == detail::no_key) continue;
        bool dup = false;
        for (auto &existing : info.orgs)
          if (existing.key == k) {
            dup = true;
            if (o.current && !existing.current) existing = {k, true, i};
          }
        if (!dup) info.orgs.push_back({k, o.current, i});
      }
      for (const auto &o : info.orgs) d.by_org[(std::uint64_t(o.key) << 1) | (o.current ? 1u : 0u)].push_back(ci);
      auto add_keyed = [&](const std::vector<std::string> &values, auto &out, auto &index) {
        for (std::uint32_t i = 0; i < values.size(); ++i) {
          const auto k = intern(values[i]);
          if (k == detail::no_key) continue;
          if (std::any_of(out.begin(), out.end(), [&](const auto &p) { return p.first == k; })) continue;
          out.emplace_back(k, i);
          index[k].push_back(ci);
        }
      };
      add_keyed(c.schools, info.schools, d.by_school);
      add_keyed(c.topics, info.topics, d.by_topic);

      std::vector<std::pair<std::uint32_t, event_role>> seen_events;
      for (std::size_t i = 0; i < c.events.size(); ++i) {
        auto it = d.event_by_id.find(c.events[i].event_id);
        if (it == d.event_by_id.end()) {
          warn.add("unknown event", "contact '" + c.id + "': events[" + std::to_string(i) + "].event_id '" +
                                        c.events[i].event_id + "' is not a known event; participation ignored");
          continue;
        }
        const std::pair<std::uint32_t, event_role> key{it->second, c.events[i].role};
        if (std::find(seen_events.begin(), seen_events.end(), key) != seen_events.end()) continue;
        seen_events.push_back(key);
        d.participants[it->second].push_back({ci, c.events[i].role});
      }
      detail::link_events_and_challenges(d, c, info);
      for (std::size_t i = 0; i < c.offers.size(); ++i)
        for (const auto &ch : c.offers[i].challenge_ids)
          if (!d.challenge_by_id.count(ch))
            warn.add("unknown challenge", "contact '" + c.id + "': offers[" + std::to_string(i) + "] addresses unknown challenge '" + ch + "'");
      for (const auto &id : c.connections) {
        auto it = d.contact_by_id.find(id);
        if (it == d.contact_by_id.end()) {
          ++unknown_connections;
          continue;
        }
        if (it->second == ci) continue;
        adjacency[ci].push_back(it->second);
        adjacency[it->second].push_back(ci);  // connections are mutual
      }
    }
    if (unknown_connections > 0)
      d.warnings.push_back(make_error(errc::not_found, std::to_string(unknown_connections) +
                                                           " connections name contacts that are not in the directory; "
                                                           "they cannot count as mutual connections"));
    for (std::uint32_t ci = 0; ci < d.contacts.size(); ++ci) {
      auto &a = adjacency[ci];
      std::sort(a.begin(), a.end());
      a.erase(std::unique(a.begin(), a.end()), a.end());
      infos[ci].neighbours = std::move(a);
    }
    pack(d, infos);
    for (const auto &[key, list] : d.by_place) {
      const place_id p = static_cast<place_id>(key >> 1);
      auto &places = d.cluster_places[d.info[list.front()].cluster];
      if (std::find(places.begin(), places.end(), p) == places.end()) places.push_back(p);
    }
    for (auto &[cluster, places] : d.cluster_places) std::sort(places.begin(), places.end());

    // Challenges: affected industries, and who shows a keyword in headline or topics.
    d.challenge_industries.resize(d.challenges.size());
    d.challenge_keywords.resize(d.challenges.size());
    d.challenge_keyword_hits.resize(d.challenges.size());
    for (std::uint32_t h = 0; h < d.challenges.size(); ++h) {
      for (const auto &ind : d.challenges[h].industries)
        if (auto k = intern(ind); k != detail::no_key) d.challenge_industries[h].push_back(k);
      for (const auto &kw : d.challenges[h].keywords)
        if (auto f = detail::folded_key(kw); !f.empty()) d.challenge_keywords[h].push_back(std::move(f));
    }
    bool any_keywords = std::any_of(d.challenge_keywords.begin(), d.challenge_keywords.end(),
                                    [](const auto &v) { return !v.empty(); });
    if (any_keywords) {
      for (std::uint32_t ci = 0; ci < d.contacts.size(); ++ci) {
        const auto &c = d.contacts[ci];
        const std::string headline = detail::folded_key(c.headline);
        std::vector<std::string> topics;
        for (const auto &t : c.topics) topics.push_back(detail::folded_key(t));
        for (std::uint32_t h = 0; h < d.challenges.size(); ++h) {
          for (const auto &kw : d.challenge_keywords[h]) {
            bool hit = detail::contains_words(headline, kw);
            for (const auto &t : topics) hit = hit || detail::contains_words(t, kw);
            if (hit) {
              d.challenge_keyword_hits[h].push_back(ci);
              break;
            }
          }
        }
      }
    }
  }
  return directory(std::move(data));
}

} // namespace v1
} // namespace rapport
