// Ranking by walking the inverted indexes from the strongest possible context
// down. Every index posting list is a group of candidates that share the same
// context with the sender at the same strength, so a candidate's score is the
// strength of the first group it appears in, and the walk stops as soon as no
// remaining group can beat the k-th best.
#include "rapport/ranking.hpp"

#include <algorithm>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "directory/directory_data.hpp"
#include "discovery/ranking_scan.hpp"
#include "discovery/strength.hpp"

namespace rapport {
inline namespace v1 {
namespace {

using detail::directory_data;

bool kind_allowed(const rank_filter &f, context_kind k) {
  return f.kinds.empty() || std::find(f.kinds.begin(), f.kinds.end(), k) != f.kinds.end();
}

// A set of candidates at one strength: the union of sorted posting lists,
// optionally keeping only members (or non-members) of a sorted `hits` list.
struct group {
  double strength = 0;
  std::vector<const std::vector<std::uint32_t> *> lists;
  std::vector<std::uint32_t> own;  // used when the group's members are computed here
  const std::vector<std::uint32_t> *hits = nullptr;
  bool want_hits = false;
};

// Walks the union of a group's lists in ascending order without materializing it.
class group_cursor {
public:
  explicit group_cursor(const group &g) : g_(g) {
    if (!g.own.empty() || g.lists.empty()) own_ = &g.own;
    pos_.assign(g.lists.size(), 0);
  }
  bool next(std::uint32_t &out) {
    for (;;) {
      std::uint32_t best = UINT32_MAX;
      bool any = false;
      if (own_) {
        if (own_pos_ < own_->size()) {
          best = (*own_)[own_pos_++];
          any = true;
        }
      } else {
        for (std::size_t i = 0; i < g_.lists.size(); ++i)
          if (pos_[i] < g_.lists[i]->size() && (*g_.lists[i])[pos_[i]] < best) {
            best = (*g_.lists[i])[pos_[i]];
            any = true;
          }
        for (std::size_t i = 0; i < g_.lists.size(); ++i)
          if (pos_[i] < g_.lists[i]->size() && (*g_.lists[i])[pos_[i]] == best) ++pos_[i];
      }
      if (!any) return false;
      if (g_.hits) {
        const bool hit = std::binary_search(g_.hits->begin(), g_.hits->end(), best);
        if (hit != g_.want_hits) continue;
      }
      out = best;
      return true;
    }
  }

private:
  const group &g_;
  const std::vector<std::uint32_t> *own_ = nullptr;
  std::size_t own_pos_ = 0;
  std::vector<std::size_t> pos_;
};

std::vector<group> build_groups(const directory_data &d, const contact &sender, const detail::contact_info &si,
                                std::chrono::sys_seconds now, const rank_filter &f, const discovery_weights &w,
                                std::vector<std::vector<std::uint32_t>> &scratch) {
  std::vector<group> groups;
  auto add = [&](double s, std::vector<const std::vector<std::uint32_t> *> lists) {
    if (lists.empty()) return;
    group g;
    g.strength = s;
    g.lists = std::move(lists);
    groups.push_back(std::move(g));
  };

  if (kind_allowed(f, context_kind::event)) {
    std::vector<std::uint32_t> done;
    for (const auto &p : sender.events) {
      auto it = d.event_by_id.find(p.event_id);
      if (it == d.event_by_id.end() || std::find(done.begin(), done.end(), it->second) != done.end()) continue;
      done.push_back(it->second);
      const auto when = detail::when_of(d.events[it->second], now);
      for (int r = 0; r <= static_cast<int>(event_role::organizer); ++r) {
        const auto role = static_cast<event_role>(r);
        double s = 0;
        for (const auto &q : sender.events)
          if (q.event_id == p.event_id) s = std::max(s, detail::event_strength(q.role, role, when, w));
        auto &list = scratch.emplace_back();
        for (const auto &part : d.participants[it->second])
          if (part.role == role) list.push_back(part.contact);
        list.erase(std::unique(list.begin(), list.end()), list.end());
        if (!list.empty()) add(s, {&list});
      }
    }
  }

  if (kind_allowed(f, context_kind::challenge)) {
    std::vector<std::uint32_t> done;
    for (const auto &o : sender.offers)
      for (const auto &id : o.challenge_ids) {
        auto it = d.challenge_by_id.find(id);
        if (it == d.challenge_by_id.end() || std::find(done.begin(), done.end(), it->second) != done.end()) continue;
        const std::uint32_t h = it->second;
        done.push_back(h);
        std::vector<const std::vector<std::uint32_t> *> lists;
        for (auto k : d.challenge_industries[h])
          if (auto l = d.by_industry.find(k); l != d.by_industry.end()) lists.push_back(&l->second);
        if (lists.empty()) continue;
        for (bool hit : {true, false}) {
          group g;
          g.strength = detail::challenge_strength(hit, w);
          g.lists = lists;
          g.hits = &d.challenge_keyword_hits[h];
          g.want_hits = hit;
          groups.push_back(std::move(g));
        }
      }
  }

  if (kind_allowed(f, context_kind::mutual_connection) && !si.neighbours.empty()) {
    std::unordered_map<std::uint32_t, std::uint32_t> counts;
    for (auto m : si.neighbours) {
      if (d.contacts[m].id == sender.id) continue;
      for (auto n : d.info[m].neighbours) ++counts[n];
    }
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_count;
    for (const auto &[c, n] : counts) by_count[n].push_back(c);
    for (auto &[n, members] : by_count) {
      std::sort(members.begin(), members.end());
      group g;
      g.strength = detail::mutual_strength(n, w);
      g.own = std::move(members);
      groups.push_back(std::move(g));
    }
  }

  if (kind_allowed(f, context_kind::same_city) && si.place != no_place) {
    if (auto cp = d.cluster_places.find(si.cluster); cp != d.cluster_places.end())
      for (place_id p : cp->second) {
        if (!same_city(si.place, p)) continue;
        for (unsigned amb : {0u, 1u})
          if (auto l = d.by_place.find((std::uint64_t(p) << 1) | amb); l != d.by_place.end())
            add(detail::city_strength(p == si.place, amb || si.place_ambiguous, w), {&l->second});
      }
  }

  if (kind_allowed(f, context_kind::past_employer))
    for (const auto &o : si.orgs)
      for (unsigned cur : {0u, 1u})
        if (auto l = d.by_org.find((std::uint64_t(o.key) << 1) | cur); l != d.by_org.end())
          add(detail::org_strength(o.current && cur, w), {&l->second});

  if (kind_allowed(f, context_kind::school))
    for (const auto &[k, i] : si.schools)
      if (auto l = d.by_school.find(k); l != d.by_school.end()) add(w.school, {&l->second});
  if (kind_allowed(f, context_kind::topic))
    for (const auto &[k, i] : si.topics)
      if (auto l = d.by_topic.find(k); l != d.by_topic.end()) add(w.topic, {&l->second});

  std::stable_sort(groups.begin(), groups.end(), [](const group &a, const group &b) { return a.strength > b.strength; });
  return groups;
}

struct scored {
  double strength;
  std::uint32_t index;
};
// Orders best first: stronger, then smaller index (= smaller id).
bool better(const scored &a, const scored &b) {
  return a.strength != b.strength ? a.strength > b.strength : a.index < b.index;
}

// The best context of each selected contact, in ranked order.
result<std::vector<ranked_contact>> finish(const prepared_sender &sender, std::chrono::sys_seconds now,
                                           std::vector<scored> top, const rank_filter &f,
                                           const discovery_options &options) {
  const auto &d = detail::directory_access::data(sender.dir());
  std::sort(top.begin(), top.end(), better);
  std::vector<ranked_contact> out;
  out.reserve(top.size());
  for (const auto &t : top) {
    auto found = find_shared_contexts(sender, d.contacts[t.index], now, options);
    if (!found) return found.error();
    for (auto &c : *found)
      if (kind_allowed(f, c.kind)) {
        out.push_back({&d.contacts[t.index], std::move(c)});
        break;
      }
  }
  return out;
}

result<const std::vector<detail::participant> *> event_filter(const directory_data &d, const rank_filter &f) {
  if (f.event_id.empty()) return static_cast<const std::vector<detail::participant> *>(nullptr);
  auto it = d.event_by_id.find(f.event_id);
  if (it == d.event_by_id.end()) return make_error(errc::not_found, "no event with id '" + f.event_id + "'");
  return &d.participants[it->second];
}


// The best allowed context's strength, or 0.
double best_strength(const prepared_sender &sender, const contact &who, std::chrono::sys_seconds now,
                     const rank_filter &f, const discovery_options &options, result<void> &failure) {
  auto found = find_shared_contexts(sender, who, now, options);
  if (!found) {
    failure = found.error();
    return 0;
  }
  for (const auto &ctx : *found)
    if (kind_allowed(f, ctx.kind)) return ctx.strength;
  return 0;
}

// Scores every contact in `candidates` (ascending indexes) by full discovery and keeps the best k.
result<std::vector<ranked_contact>> rank_by_discovery(const prepared_sender &sender, const std::vector<std::uint32_t> &candidates,
                                                      std::chrono::sys_seconds now, std::size_t k, const rank_filter &f,
                                                      const discovery_options &options) {
  const auto &d = detail::directory_access::data(sender.dir());
  const double floor = std::max(f.min_strength, options.min_strength);
  std::vector<scored> all;
  result<void> failure;
  for (std::uint32_t c : candidates) {
    const contact &who = d.contacts[c];
    if (who.id == sender.sender().id) continue;
    if (f.predicate && !f.predicate(who)) continue;
    const double s = best_strength(sender, who, now, f, options, failure);
    if (!failure) return failure.error();
    if (s > 0 && s >= floor) all.push_back({s, c});
  }
  const std::size_t n = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), better);
  all.resize(n);
  return finish(sender, now, std::move(all), f, options);
}

} // namespace

result<std::vector<ranked_contact>> rank_recipients(const directory &dir, const contact &sender,
                                                    std::chrono::sys_seconds now, std::size_t k,
                                                    const rank_filter &filter, const discovery_options &options) {
  return rank_recipients(prepared_sender(dir, sender), now, k, filter, options);
}

result<std::vector<ranked_contact>> rank_recipients(const prepared_sender &prepared, std::chrono::sys_seconds now,
                                                    std::size_t k, const rank_filter &filter,
                                                    const discovery_options &options) {
  const auto &d = detail::directory_access::data(prepared.dir());
  const auto &ps = detail::directory_access::data(prepared);
  auto parts = event_filter(d, filter);
  if (!parts) return parts.error();
  if (k == 0) return std::vector<ranked_contact>{};
  if (*parts) {
    // "Whom do I know at this event?": the participants are the candidates; score each.
    std::vector<std::uint32_t> candidates;
    candidates.reserve((*parts)->size());
    for (const auto &p : **parts) candidates.push_back(p.contact);
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return rank_by_discovery(prepared, candidates, now, k, filter, options);
  }
  const double floor = std::max(filter.min_strength, options.min_strength);

  std::vector<std::vector<std::uint32_t>> scratch;
  scratch.reserve(64);
  const auto groups = build_groups(d, ps.sender, ps.info, now, filter, options.weights, scratch);

  // Max-heap whose top is the worst of the best k.
  auto worse_on_top = [](const scored &a, const scored &b) { return better(a, b); };
  std::priority_queue<scored, std::vector<scored>, decltype(worse_on_top)> heap(worse_on_top);
  std::unordered_set<std::uint32_t> seen;

  for (const auto &g : groups) {
    if (g.strength < floor || g.strength <= 0) break;
    if (heap.size() == k && heap.top().strength > g.strength) break;
    group_cursor cur(g);
    std::uint32_t c = 0;
    while (cur.next(c)) {
      if (seen.count(c)) continue;
      const scored cand{g.strength, c};
      if (heap.size() == k && !better(cand, heap.top())) break;  // later members have larger ids
      seen.insert(c);
      const contact &who = d.contacts[c];
      if (who.id == ps.sender.id) continue;
      if (filter.predicate && !filter.predicate(who)) continue;
      if (heap.size() == k) heap.pop();
      heap.push(cand);
    }
  }
  std::vector<scored> top;
  while (!heap.empty()) {
    top.push_back(heap.top());
    heap.pop();
  }
  return finish(prepared, now, std::move(top), filter, options);
}

} // namespace v1
} // namespace rapport

namespace rapport::detail {

result<std::vector<ranked_contact>> rank_recipients_full_scan(const directory &dir, const contact &sender,
                                                              std::chrono::sys_seconds now, std::size_t k,
                                                              const rank_filter &filter,
                                                              const discovery_options &options) {
  const auto &d = directory_access::data(dir);
  std::vector<std::uint32_t> all;
  if (!filter.event_id.empty()) {
    auto it = d.event_by_id.find(filter.event_id);
    if (it == d.event_by_id.end()) return make_error(errc::not_found, "no event with id '" + filter.event_id + "'");
    for (const auto &p : d.participants[it->second])
      if (all.empty() || all.back() != p.contact) all.push_back(p.contact);
  } else {
    all.resize(d.contacts.size());
    for (std::uint32_t c = 0; c < all.size(); ++c) all[c] = c;
  }
  return rapport::v1::rank_by_discovery(prepared_sender(dir, sender), all, now, k, filter, options);
}

} // namespace rapport::detail
