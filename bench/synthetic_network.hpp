// A generator of synthetic professional networks, for the ranking benchmark
// and the ranking equivalence test: mixed scripts and locales, real-world
// location phrasings, legal-form noise in company names, events with editions,
// and random 1st-degree connections. Deterministic for a given seed.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "rapport/directory.hpp"

namespace rapport::synthetic {

struct network_options {
  std::size_t contacts = 10000;
  std::size_t events = 200;
  std::size_t challenges = 20;
  std::uint64_t seed = 42;
  std::size_t max_connections = 12;  ///< per contact, declared on one side
};

inline const std::vector<std::string> &given_names() {
  static const std::vector<std::string> v = {
      "Anna", "Lukas", "Sofía", "Mateo", "Chloé", "Louis", "Emma", "Noah", "Mari-Liis", "Jürgen",
      "Zoë", "Ólafur", "Siobhán", "Björn", "Ayşe", "Mehmet", "Priya", "Arjun", "Wei", "Yuki",
      "太郎", "花子", "明", "Дмитрий", "Ольга", "محمد", "فاطمة", "Kwame", "Amara", "José",
      "François", "Małgorzata", "Łukasz", "Nguyễn", "Thu", "JOHN", "mary", "Jean-Pierre", "Ngozi", "Søren"};
  return v;
}

inline const std::vector<std::string> &family_names() {
  static const std::vector<std::string> v = {
      "Schmidt", "Müller", "García", "Martínez", "Dubois", "Lefèvre", "Smith", "O'Neil", "McDonald", "van der Berg",
      "de la Cruz", "Tamm", "Kovács", "Nowak", "Yılmaz", "Patel", "Sharma", "Wang", "Li", "佐藤",
      "鈴木", "Иванов", "Петрова", "الحسن", "Mensah", "Okafor", "Silva", "Santos", "Rossi", "Bianchi",
      "Andersen", "Johansson", "Nakamura", "Kim", "Park", "Nguyen", "Tran", "Cohen", "Levi", "Dupont"};
  return v;
}

inline const std::vector<std::string> &locations() {
  static const std::vector<std::string> v = {
      "Greater Munich Metropolitan Area", "München, Bayern, Deutschland", "Munich, Germany", "Großraum München",
      "Berlin, Germany", "Berlin Metropolitan Area", "Hamburg, Germany", "Frankfurt am Main, Hesse, Germany",
      "Paris, Île-de-France, France", "Région de Paris", "Lyon, Auvergne-Rhône-Alpes, France",
      "Madrid, Comunidad de Madrid, España", "Barcelona, Cataluña, España", "Lisbon, Portugal",
      "London, England, United Kingdom", "Greater London", "Manchester Area, United Kingdom",
      "New York City Metropolitan Area", "Brooklyn, NY", "NYC", "San Francisco Bay Area", "Santa Clara, California",
      "Boston, Massachusetts", "Austin, Texas Metropolitan Area", "Seattle, WA", "Portland, Oregon", "Portland, Maine",
      "Toronto, Ontario, Canada", "Zürich", "Zurich, Switzerland", "Wien", "Vienna, Austria", "Tokyo, Japan",
      "Bengaluru, Karnataka, India", "Singapore", "Sydney, New South Wales, Australia", "São Paulo, Brazil",
      "Mexico City, Mexico", "Paris", "Portland", "Remote", "", "Earth", "🌍 Worldwide"};
  return v;
}

inline const std::vector<std::string> &industries() {
  static const std::vector<std::string> v = {
      "Software Development", "IT Services and IT Consulting", "Financial Services", "Banking", "Automotive",
      "Battery Manufacturing", "Renewable Energy", "Logistics", "Retail", "Hospitals and Health Care",
      "Pharmaceutical Manufacturing", "Construction", "Food and Beverage", "Telecommunications", "Insurance",
      "Higher Education", "Marketing Services", "Real Estate", "Aviation", "Machinery Manufacturing"};
  return v;
}

inline const std::vector<std::string> &companies() {
  static const std::vector<std::string> v = {
      "Siemens AG", "SAP SE", "Acme GmbH & Co. KG", "Société Générale S.A.", "Banco Santander, S.A.",
      "Volta Batteries GmbH", "Northwind Traders LLC", "Contoso Ltd", "Initech Inc.", "Globex Corporation",
      "株式会社ソニー", "Tata Consultancy Services", "Nordic Freight AB", "Helios Energy Oy", "Rossi S.p.A.",
      "Bianchi S.r.l.", "Dupont SARL", "Lefèvre SAS", "Andersen A/S", "Kangaroo Pty Ltd"};
  return v;
}

inline const std::vector<std::string> &topics() {
  static const std::vector<std::string> v = {
      "machine learning", "supply chain resilience", "battery passport", "cold chain", "cloud security",
      "B2B sales", "ESG reporting", "robotics", "fintech", "open source", "design systems", "data engineering",
      "hydrogen", "e-commerce", "product management", "talent acquisition", "IoT", "quantum computing",
      "Lean manufacturing", "UX research"};
  return v;
}

inline const std::vector<std::string> &schools() {
  static const std::vector<std::string> v = {
      "TU München", "ETH Zürich", "HEC Paris", "Universidad Complutense de Madrid", "MIT", "Stanford University",
      "University of Oxford", "IIT Bombay", "Tsinghua University", "University of Tokyo", "INSEAD", "LMU München",
      "Universidade de Lisboa", "KTH Royal Institute of Technology", "Politecnico di Milano"};
  return v;
}

/** A directory of `opts.contacts` synthetic contacts, plus the sender's profile. */
struct network {
  directory dir;
  contact sender;
};

inline network make_network(const network_options &opts) {
  std::mt19937_64 rng(opts.seed);
  auto pick = [&](const std::vector<std::string> &v) -> const std::string & {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
  };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  using namespace std::chrono;

  directory_builder b;
  for (std::size_t e = 0; e < opts.events; ++e) {
    event ev;
    const std::size_t series = e / 2;  // two editions per series
    ev.id = "event-" + std::to_string(e);
    ev.name = "Expo " + std::to_string(series);
    ev.series = "expo-" + std::to_string(series);
    ev.edition = 2025 + static_cast<int>(e % 2);
    ev.all_day = true;
    const auto first = sys_days(year(ev.edition) / January / 10) + days(static_cast<int>((e * 37) % 330));
    ev.first_day = year_month_day(first);
    ev.last_day = year_month_day(first + days(2));
    ev.time_zone = e % 3 == 0 ? "Europe/Berlin" : (e % 3 == 1 ? "America/New_York" : "Asia/Tokyo");
    (void)b.add_event(std::move(ev));
  }
  for (std::size_t h = 0; h < opts.challenges; ++h) {
    challenge c;
    c.id = "challenge-" + std::to_string(h);
    c.title = "challenge " + std::to_string(h);
    c.industries = {industries()[h % industries().size()], industries()[(h * 7 + 3) % industries().size()]};
    c.keywords = {topics()[h % topics().size()]};
    (void)b.add_challenge(std::move(c));
  }
  const int width = static_cast<int>(std::to_string(opts.contacts).size());
  auto id_of = [&](std::size_t i) {
    std::string n = std::to_string(i);
    std::string id(1 + static_cast<std::size_t>(width) - n.size(), '0');  // not "c" + …: GCC 12 warns falsely (-Wrestrict)
    id[0] = 'c';
    return id + n;
  };
  for (std::size_t i = 0; i < opts.contacts; ++i) {
    contact c;
    c.id = id_of(i);
    c.name.given = pick(given_names());
    c.name.family = pick(family_names());
    c.location = pick(locations());
    c.industry = chance(0.8) ? pick(industries()) : std::string();
    c.headline = chance(0.3) ? "Head of " + pick(topics()) : "Engineer";
    if (chance(0.9)) c.organizations.push_back({pick(companies()), c.headline, c.industry, true, {}, {}});
    if (chance(0.5)) c.organizations.push_back({pick(companies()), "Analyst", "", false, 2015, 2019});
    if (chance(0.4)) c.schools.push_back(pick(schools()));
    const int ntopics = std::uniform_int_distribution<int>(0, 3)(rng);
    for (int t = 0; t < ntopics; ++t) c.topics.push_back(pick(topics()));
    const int nevents = std::uniform_int_distribution<int>(0, 2)(rng);
    for (int e = 0; e < nevents; ++e)
      c.events.push_back({"event-" + std::to_string(std::uniform_int_distribution<std::size_t>(0, opts.events - 1)(rng)),
                          static_cast<event_role>(std::uniform_int_distribution<int>(0, 4)(rng))});
    const auto nconn = std::uniform_int_distribution<std::size_t>(0, opts.max_connections)(rng);
    for (std::size_t k = 0; k < nconn; ++k)
      c.connections.push_back(id_of(std::uniform_int_distribution<std::size_t>(0, opts.contacts - 1)(rng)));
    (void)b.add_contact(std::move(c));
  }
  network n{*b.build(), {}};
  contact &me = n.sender;
  me.id = "sender";
  me.name.given = "Sam";
  me.name.family = "Sender";
  me.location = "Munich, Germany";
  me.industry = "Software Development";
  me.organizations.push_back({"SAP SE", "Consultant", "Software Development", false, 2012, 2018});
  me.organizations.push_back({"Volta Batteries GmbH", "CTO", "Battery Manufacturing", true, {}, {}});
  me.schools = {"TU München"};
  me.topics = {"battery passport", "robotics"};
  me.events = {{"event-10", event_role::exhibitor}, {"event-11", event_role::speaker}, {"event-42", event_role::attendee}};
  for (std::size_t k = 0; k < 40 && k < opts.contacts; ++k) me.connections.push_back(id_of((k * 7919) % opts.contacts));
  me.offers.push_back({"passport", "battery passport data pipelines", {"challenge-5", "challenge-7"}});
  me.purpose = "find pilot customers";
  return n;
}

} // namespace rapport::synthetic
