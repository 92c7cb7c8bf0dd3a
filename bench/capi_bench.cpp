// C ABI and Python throughput, next to native C++ discovery and composition.
//
//   capi_bench [contacts]              native C++ vs C ABI discovery (contacts/s)
//   capi_bench --dump FILE [contacts]  writes the network as JSON for capi_bench.py
//   capi_bench --document FILE network|fair [contacts]
//                                      writes a rapport JSON document (import_json's
//                                      format) with the sender as contact "me"
//   capi_bench --compose FILE [passes] native C++ compose_all on one thread over the
//                                      document's contacts (every one but "me"), then
//                                      rapport_compose_all from C; best of `passes`, in
//                                      CPU time of the thread; capi_bench.py --compose
//                                      runs this and the same batch through Python
//
// The --dump document has the minimal record shape of docs/c-api.md
// ({"events": [...], "challenges": [...], "contacts": [...], "sender": {...}}).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "rapport.h"
#include "rapport/compose.hpp"
#include "rapport/discovery.hpp"
#include "rapport/import.hpp"
#include "fair_world.hpp"
#include "synthetic_network.hpp"

namespace {

using clock_type = std::chrono::steady_clock;
constexpr std::int64_t now_unix = 1772366400;  // 2026-03-01 12:00 UTC

std::string q(const std::string &s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string list(const std::vector<std::string> &v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    out += q(v[i]);
  }
  return out + "]";
}

std::string day(const std::chrono::year_month_day &d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::string contact_json(const rapport::contact &c) {
  std::string s = "{\"id\":" + q(c.id) + ",\"name\":{\"given\":" + q(c.name.given) + ",\"family\":" + q(c.name.family) +
                  "},\"headline\":" + q(c.headline) + ",\"industry\":" + q(c.industry) + ",\"location\":" + q(c.location) +
                  ",\"purpose\":" + q(c.purpose) + ",\"schools\":" + list(c.schools) + ",\"topics\":" + list(c.topics) +
                  ",\"connections\":" + list(c.connections) + ",\"organizations\":[";
  for (std::size_t i = 0; i < c.organizations.size(); ++i) {
    const auto &o = c.organizations[i];
    s += std::string(i ? "," : "") + "{\"name\":" + q(o.name) + ",\"title\":" + q(o.title) + ",\"industry\":" + q(o.industry) +
         ",\"current\":" + (o.current ? "true" : "false");
    if (o.start_year) s += ",\"start_year\":" + std::to_string(*o.start_year);
    if (o.end_year) s += ",\"end_year\":" + std::to_string(*o.end_year);
    s += "}";
  }
  s += "],\"events\":[";
  for (std::size_t i = 0; i < c.events.size(); ++i)
    s += std::string(i ? "," : "") + "{\"event_id\":" + q(c.events[i].event_id) + ",\"role\":\"" + rapport::to_string(c.events[i].role) + "\"}";
  s += "],\"offers\":[";
  for (std::size_t i = 0; i < c.offers.size(); ++i)
    s += std::string(i ? "," : "") + "{\"id\":" + q(c.offers[i].id) + ",\"summary\":" + q(c.offers[i].summary) +
         ",\"challenge_ids\":" + list(c.offers[i].challenge_ids) + "}";
  return s + "]}";
}

void dump(const rapport::synthetic::network &n, const char *path) {
  std::ofstream out(path);
  out << "{\"events\":[";
  bool first = true;
  for (const auto &e : n.dir.events()) {
    out << (first ? "" : ",") << "{\"id\":" << q(e.id) << ",\"name\":" << q(e.name) << ",\"series\":" << q(e.series)
        << ",\"edition\":" << e.edition << ",\"first_day\":\"" << day(e.first_day) << "\",\"last_day\":\"" << day(e.last_day)
        << "\",\"time_zone\":" << q(e.time_zone) << "}";
    first = false;
  }
  out << "],\"challenges\":[";
  first = true;
  for (const auto &c : n.dir.challenges()) {
    out << (first ? "" : ",") << "{\"id\":" << q(c.id) << ",\"title\":" << q(c.title) << ",\"industries\":" << list(c.industries)
        << ",\"keywords\":" << list(c.keywords) << "}";
    first = false;
  }
  out << "],\"contacts\":[";
  first = true;
  for (const auto &c : n.dir.contacts()) {
    out << (first ? "" : ",\n") << contact_json(c);
    first = false;
  }
  out << "],\"sender\":" << contact_json(n.sender) << "}\n";
}

// The same records through the C ABI setters.
rapport_contact *to_c(const rapport::contact &c) {
  rapport_contact *h = nullptr;
  rapport_contact_new(c.id.data(), c.id.size(), &h);
  auto set = [&](int f, const std::string &v) { rapport_contact_set_text(h, f, v.data(), v.size()); };
  set(RAPPORT_CONTACT_NAME_GIVEN, c.name.given);
  set(RAPPORT_CONTACT_NAME_FAMILY, c.name.family);
  set(RAPPORT_CONTACT_HEADLINE, c.headline);
  set(RAPPORT_CONTACT_INDUSTRY, c.industry);
  set(RAPPORT_CONTACT_LOCATION, c.location);
  set(RAPPORT_CONTACT_PURPOSE, c.purpose);
  for (const auto &s : c.schools) rapport_contact_add_text(h, RAPPORT_CONTACT_SCHOOLS, s.data(), s.size());
  for (const auto &s : c.topics) rapport_contact_add_text(h, RAPPORT_CONTACT_TOPICS, s.data(), s.size());
  for (const auto &s : c.connections) rapport_contact_add_text(h, RAPPORT_CONTACT_CONNECTIONS, s.data(), s.size());
  for (const auto &e : c.events) rapport_contact_add_event(h, e.event_id.data(), e.event_id.size(), static_cast<int>(e.role));
  for (const auto &o : c.organizations) {
    rapport_organization org;
    rapport_organization_init(&org);
    org.name = o.name.data(), org.name_len = o.name.size();
    org.title = o.title.data(), org.title_len = o.title.size();
    org.industry = o.industry.data(), org.industry_len = o.industry.size();
    org.current = o.current, org.start_year = o.start_year.value_or(0), org.end_year = o.end_year.value_or(0);
    rapport_contact_add_organization(h, &org);
  }
  for (const auto &o : c.offers) {
    std::vector<const char *> ids;
    std::vector<size_t> lens;
    for (const auto &i : o.challenge_ids) ids.push_back(i.data()), lens.push_back(i.size());
    rapport_contact_add_offer(h, o.id.data(), o.id.size(), o.summary.data(), o.summary.size(), ids.data(), lens.data(), ids.size());
  }
  return h;
}

double seconds_since(clock_type::time_point t0) { return std::chrono::duration<double>(clock_type::now() - t0).count(); }

// CPU time of the calling thread: compose_all on one thread runs on the
// caller, so this is all of its work, and other processes on a loaded
// machine barely change it (wall time is printed too).
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The world of compose_bench: `n` English-speaking exhibitors at one upcoming
// fair, so that every note is the short both-exhibiting note of the issue.
rapport::imported fair_world(std::size_t n) {
  rapport::imported doc;
  doc.events.push_back(rapport::bench::hannover_messe());
  for (std::size_t i = 0; i < n; ++i) doc.contacts.push_back(rapport::bench::fair_exhibitor(static_cast<int>(i)));
  doc.contacts.push_back(rapport::bench::fair_sender());
  return doc;
}

// The synthetic network as a rapport document, its sender as contact "me".
rapport::imported network_world(const rapport::synthetic::network &n) {
  rapport::imported doc;
  doc.events.assign(n.dir.events().begin(), n.dir.events().end());
  doc.challenges.assign(n.dir.challenges().begin(), n.dir.challenges().end());
  doc.contacts.assign(n.dir.contacts().begin(), n.dir.contacts().end());
  rapport::contact me = n.sender;
  me.id = "me";
  doc.contacts.push_back(std::move(me));
  return doc;
}

int write_document(const char *path, const std::string &kind, std::size_t contacts) {
  rapport::imported doc;
  if (kind == "fair") {
    doc = fair_world(contacts);
  } else if (kind == "network") {
    rapport::synthetic::network_options opts;
    opts.contacts = contacts;
    opts.events = 200;
    doc = network_world(rapport::synthetic::make_network(opts));
  } else {
    std::cerr << "--document FILE network|fair [contacts]\n";
    return 2;
  }
  auto text = rapport::export_json(doc);
  if (!text) {
    std::cerr << text.error().message << "\n";
    return 1;
  }
  std::ofstream(path) << *text;
  std::cout << "wrote " << doc.contacts.size() << " contacts (" << kind << ") to " << path << "\n";
  return 0;
}

// Native C++ compose_all on one thread over every contact but "me"; the
// batch result is destroyed inside the timed region (as Python frees its batch).
int compose_native(const char *path, int passes) {
  rapport::directory_builder b;
  auto report = rapport::import_into(b, rapport::import_format::json, path);
  if (!report) {
    std::cerr << report.error().message << "\n";
    return 1;
  }
  auto dir = b.build();
  if (!dir) return 1;
  const rapport::contact *me = dir->find_contact("me");
  if (me == nullptr) return 1;
  rapport::compose_options o;
  o.now = std::chrono::sys_seconds{std::chrono::seconds{now_unix}};
  double best = 1e9, best_wall = 1e9;
  std::size_t items = 0, notes = 0, bytes = 0;
  for (int pass = 0; pass < passes; ++pass) {
    const auto t0 = clock_type::now();
    const double c0 = thread_cpu_seconds();
    {
      auto all = rapport::compose_all(*dir, *me, {}, o, 1);
      if (!all) return 1;
      items = all->items.size(), notes = 0, bytes = 0;
      for (const auto &it : all->items)
        if (it && it->status == rapport::errc::ok) ++notes, bytes += it->note.text.size();
    }
    best = std::min(best, thread_cpu_seconds() - c0);
    best_wall = std::min(best_wall, seconds_since(t0));
  }
  std::printf("native C++ compose_all, 1 thread: %zu items, %zu notes, %zu text bytes, best of %d: %.6f s CPU (%.6f s wall), %.0f items/s\n",
              items, notes, bytes, passes, best, best_wall, static_cast<double>(items) / best);

  // The same through the C ABI from C: the directory imported with
  // rapport_directory_builder_import_file, then rapport_compose_all on one
  // thread, the view read (every text and status touched), the batch freed.
  rapport_directory_builder *cb = nullptr;
  rapport_import_report *cr = nullptr;
  rapport_directory *cdir = nullptr;
  rapport_contact *cme = nullptr;
  if (rapport_directory_builder_new(&cb) != RAPPORT_OK ||
      rapport_directory_builder_import_file(cb, RAPPORT_IMPORT_JSON, path, std::strlen(path), nullptr, nullptr, &cr) != RAPPORT_OK ||
      rapport_directory_builder_build(cb, &cdir) != RAPPORT_OK || rapport_directory_find_contact(cdir, "me", 2, &cme) != RAPPORT_OK) {
    std::cerr << rapport_last_error() << "\n";
    return 1;
  }
  double cbest = 1e9, cbest_wall = 1e9;
  std::size_t cnotes = 0, cbytes = 0;
  for (int pass = 0; pass < passes; ++pass) {
    const auto t0 = clock_type::now();
    const double c0 = thread_cpu_seconds();
    rapport_batch *batch = nullptr;
    if (rapport_compose_all(cdir, cme, nullptr, nullptr, 0, now_unix, nullptr, 1, &batch) != RAPPORT_OK) return 1;
    rapport_batch_view v;
    rapport_batch_view_init(&v);
    rapport_batch_view_get(batch, &v);
    cnotes = 0, cbytes = 0;
    for (std::size_t i = 0; i < v.count; ++i)
      if (v.statuses[i] == RAPPORT_OK) ++cnotes, cbytes += v.text_offsets[i + 1] - v.text_offsets[i] - 1;
    rapport_batch_free(batch);
    cbest = std::min(cbest, thread_cpu_seconds() - c0);
    cbest_wall = std::min(cbest_wall, seconds_since(t0));
  }
  std::printf("C ABI rapport_compose_all from C, 1 thread: %zu notes, %zu text bytes, best of %d: %.6f s CPU (%.6f s wall), %.0f items/s (%.0f %% of native)\n",
              cnotes, cbytes, passes, cbest, cbest_wall, static_cast<double>(items) / cbest, 100.0 * best / cbest);
  rapport_contact_free(cme);
  rapport_directory_free(cdir);
  rapport_import_report_free(cr);
  rapport_directory_builder_free(cb);
  return cnotes == notes && cbytes == bytes ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc >= 4 && std::strcmp(argv[1], "--document") == 0)
    return write_document(argv[2], argv[3], argc >= 5 ? std::stoul(argv[4]) : 20000);
  if (argc >= 3 && std::strcmp(argv[1], "--compose") == 0)
    return compose_native(argv[2], argc >= 4 ? std::stoi(argv[3]) : 5);
  std::size_t contacts = 20000;
  const char *dump_path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--dump") == 0 && i + 1 < argc) dump_path = argv[++i];
    else contacts = std::stoul(argv[i]);
  }
  rapport::synthetic::network_options opts;
  opts.contacts = contacts;
  opts.events = 200;
  const auto n = rapport::synthetic::make_network(opts);
  if (dump_path != nullptr) {
    dump(n, dump_path);
    std::cout << "wrote " << n.dir.contacts().size() << " contacts to " << dump_path << "\n";
    return 0;
  }
  const auto now = std::chrono::sys_seconds{std::chrono::seconds{now_unix}};
  const rapport::prepared_sender me(n.dir, n.sender);

  // Native C++: find_shared_contexts on every contact (best of 3 passes).
  double native = 1e9;
  std::size_t native_contexts = 0;
  for (int pass = 0; pass < 3; ++pass) {
    native_contexts = 0;
    const auto t0 = clock_type::now();
    for (const auto &c : n.dir.contacts()) native_contexts += rapport::find_shared_contexts(me, c, now)->size();
    native = std::min(native, seconds_since(t0));
  }

  // C ABI: the same directory rebuilt through the setters, then discovery by id
  // with every context read out (kind, strength, situation, facts).
  rapport_directory_builder *b = nullptr;
  rapport_directory_builder_new(&b);
  for (const auto &e : n.dir.events()) {
    rapport_event *h = nullptr;
    rapport_event_new(e.id.data(), e.id.size(), &h);
    rapport_event_set_text(h, RAPPORT_EVENT_NAME, e.name.data(), e.name.size());
    rapport_event_set_text(h, RAPPORT_EVENT_SERIES, e.series.data(), e.series.size());
    rapport_event_set_text(h, RAPPORT_EVENT_TIME_ZONE, e.time_zone.data(), e.time_zone.size());
    rapport_event_set_edition(h, e.edition);
    rapport_event_set_days(h, static_cast<int>(e.first_day.year()), static_cast<int>(static_cast<unsigned>(e.first_day.month())),
                           static_cast<int>(static_cast<unsigned>(e.first_day.day())), static_cast<int>(e.last_day.year()),
                           static_cast<int>(static_cast<unsigned>(e.last_day.month())),
                           static_cast<int>(static_cast<unsigned>(e.last_day.day())));
    rapport_directory_builder_add_event(b, h);
    rapport_event_free(h);
  }
  for (const auto &c : n.dir.challenges()) {
    rapport_challenge *h = nullptr;
    rapport_challenge_new(c.id.data(), c.id.size(), &h);
    rapport_challenge_set_text(h, RAPPORT_CHALLENGE_TITLE, c.title.data(), c.title.size());
    for (const auto &i : c.industries) rapport_challenge_add_text(h, RAPPORT_CHALLENGE_INDUSTRIES, i.data(), i.size());
    for (const auto &k : c.keywords) rapport_challenge_add_text(h, RAPPORT_CHALLENGE_KEYWORDS, k.data(), k.size());
    rapport_directory_builder_add_challenge(b, h);
    rapport_challenge_free(h);
  }
  for (const auto &c : n.dir.contacts()) {
    rapport_contact *h = to_c(c);
    rapport_directory_builder_add_contact(b, h);
    rapport_contact_free(h);
  }
  rapport_directory *dir = nullptr;
  rapport_directory_builder_build(b, &dir);
  rapport_contact *sender_c = to_c(n.sender);
  rapport_sender *sender = nullptr;
  rapport_sender_new(dir, sender_c, &sender);
  double capi = 1e9;
  std::size_t capi_contexts = 0;
  for (int pass = 0; pass < 3; ++pass) {
    capi_contexts = 0;
    const auto t0 = clock_type::now();
    for (const auto &c : n.dir.contacts()) {
      rapport_contexts *x = nullptr;
      if (rapport_sender_discover_id(sender, c.id.data(), c.id.size(), now_unix, nullptr, &x) != RAPPORT_OK) return 1;
      size_t k = 0;
      rapport_contexts_count(x, &k);
      for (size_t i = 0; i < k; ++i) {
        int kind;
        double strength;
        rapport_str s, name, value;
        size_t facts = 0;
        rapport_contexts_kind(x, i, &kind);
        rapport_contexts_strength(x, i, &strength);
        rapport_contexts_situation(x, i, &s);
        rapport_contexts_fact_count(x, i, &facts);
        for (size_t f = 0; f < facts; ++f) rapport_contexts_fact(x, i, f, &name, &value);
      }
      capi_contexts += k;
      rapport_contexts_free(x);
    }
    capi = std::min(capi, seconds_since(t0));
  }
  rapport_sender_free(sender);
  rapport_contact_free(sender_c);
  rapport_directory_free(dir);
  rapport_directory_builder_free(b);

  const double count = static_cast<double>(n.dir.contacts().size());
  std::printf("recipients: %zu, contexts: native %zu, C ABI %zu\n", n.dir.contacts().size(), native_contexts, capi_contexts);
  std::printf("native C++ discovery : %10.0f recipients/s\n", count / native);
  std::printf("C ABI discovery (C)  : %10.0f recipients/s (%.0f %% of native)\n", count / capi, 100.0 * native / capi);
  return native_contexts == capi_contexts ? 0 : 1;
}
