#include <catch2/catch.hpp>

#include <algorithm>

#include <string>
#include <thread>
#include <vector>

#include "rapport/place.hpp"

using rapport::place_id;
using rapport::place_kind;

namespace {

place_id id_of(const std::string &text) {
  const auto r = rapport::resolve_place(text);
  REQUIRE(r);
  return r->id;
}

std::string english(place_id id) {
  const auto p = rapport::place(id);
  return p ? std::string(p->english_name) : std::string("<none>");
}

std::string region_of(place_id id) {
  const auto p = rapport::place(id);
  return p ? std::string(p->region) : std::string();
}

std::string country_of(place_id id) {
  const auto p = rapport::place(id);
  return p ? std::string(p->country) : std::string();
}

/** Every spelling in a group is the same city as every other. */
void check_one_place(const std::vector<std::string> &spellings) {
  for (const auto &a : spellings) {
    const place_id ia = id_of(a);
    INFO(a << " resolved to " << english(ia));
    REQUIRE(ia != rapport::no_place);
    for (const auto &b : spellings) {
      const place_id ib = id_of(b);
      INFO(b << " resolved to " << english(ib));
      CHECK(rapport::same_city(ia, ib));
    }
  }
}

} // namespace

TEST_CASE("places - München, Munich and Greater Munich Metropolitan Area are one place") {
  check_one_place({"Greater Munich Metropolitan Area", "München, Bayern, Deutschland", "Munich, Germany",
                   "Großraum München", "München", "Muenchen", "MUNCHEN", "Múnich, Baviera, Alemania",
                   "Munich, Bavière, Allemagne", "Metropolregion München", "München und Umgebung"});
}

TEST_CASE("places - the issue's groups of spellings are each one place") {
  const std::vector<std::vector<std::string>> groups = {
      {"NYC", "New York City Metropolitan Area", "Brooklyn, NY", "New York, NY", "Queens, New York",
       "Jersey City, NJ", "Greater New York"},
      {"San Francisco Bay Area", "Santa Clara, California", "Palo Alto, CA", "San Jose, CA", "Oakland, California",
       "Silicon Valley", "San Francisco, California, United States"},
      {"Zürich", "Zurich, Switzerland", "Zuerich", "Greater Zurich Area", "Zürich, Schweiz"},
      {"Wien", "Vienna, Austria", "Vienne, Autriche", "Viena, Austria", "Wien, Österreich"},
      {"Greater Boston", "Cambridge, MA", "Boston, Massachusetts", "Somerville, MA"},
      {"Köln", "Cologne, Germany", "Colonia, Alemania", "Bonn", "Cologne Bonn Region"},
      {"Mailand", "Milan, Italy", "Milano, Lombardia, Italia", "Milán, Italia"},
      {"Genf", "Geneva, Switzerland", "Genève, Suisse", "Ginebra, Suiza"},
      {"Lissabon", "Lisbon, Portugal", "Lisbonne", "Lisboa"},
      {"Greater Toronto Area", "Toronto, Ontario, Canada", "Mississauga, ON"},
      {"Bangalore", "Bengaluru, Karnataka, India", "Greater Bengaluru Area"},
      {"Frankfurt am Main", "Frankfurt/Main", "Frankfurt a.M.", "Frankfurt Rhine-Main Metropolitan Area",
       "Wiesbaden, Hessen", "Francfort-sur-le-Main"},
  };
  for (const auto &g : groups) check_one_place(g);
}

TEST_CASE("places - Portland OR is not Portland ME") {
  struct row { const char *text; const char *region; };
  const std::vector<row> table = {
      {"Portland, OR", "Oregon"},         {"Portland, Oregon", "Oregon"},
      {"Portland OR", "Oregon"},          {"Portland, Oregon, United States", "Oregon"},
      {"Portland, ME", "Maine"},          {"Portland, Maine", "Maine"},
      {"Portland, Maine, United States", "Maine"},
  };
  for (const auto &r : table) {
    INFO(r.text);
    const auto res = rapport::resolve_place(r.text);
    REQUIRE(res);
    CHECK(english(res->id) == "Portland");
    CHECK(region_of(res->id) == r.region);
    CHECK_FALSE(res->ambiguous);
  }
  CHECK_FALSE(rapport::same_city(id_of("Portland, OR"), id_of("Portland, ME")));
}

TEST_CASE("places - Paris TX is not Paris") {
  const place_id tx = id_of("Paris, TX");
  const place_id fr = id_of("Paris, France");
  CHECK(country_of(tx) == "US");
  CHECK(region_of(tx) == "Texas");
  CHECK(country_of(fr) == "FR");
  CHECK(id_of("Paris, Texas") == tx);
  CHECK(id_of("Paris, Texas, United States") == tx);
  CHECK_FALSE(rapport::same_city(tx, fr));
  CHECK(rapport::same_city(id_of("Paris"), fr));
}

TEST_CASE("places - Cambridge UK is not Cambridge MA") {
  const place_id uk = id_of("Cambridge, UK");
  const place_id ma = id_of("Cambridge, MA");
  CHECK(country_of(uk) == "GB");
  CHECK(country_of(ma) == "US");
  CHECK(id_of("Cambridge, England, United Kingdom") == uk);
  CHECK(id_of("Cambridge, Massachusetts, United States") == ma);
  CHECK_FALSE(rapport::same_city(uk, ma));
  CHECK(rapport::same_city(ma, id_of("Greater Boston")));
  CHECK_FALSE(rapport::same_city(uk, id_of("Greater Boston")));
}

TEST_CASE("places - Frankfurt am Main is not Frankfurt (Oder)") {
  const place_id main = id_of("Frankfurt am Main");
  const place_id oder = id_of("Frankfurt (Oder)");
  CHECK(region_of(main) == "Hesse");
  CHECK(region_of(oder) == "Brandenburg");
  CHECK_FALSE(rapport::same_city(main, oder));
  for (const char *s : {"Frankfurt an der Oder", "Frankfurt/Oder", "Frankfurt (Oder), Brandenburg"}) {
    INFO(s);
    CHECK(id_of(s) == oder);
  }
  for (const char *s : {"Frankfurt/Main", "Frankfurt a.M.", "Frankfurt (Main)", "Frankfurt, Hessen"}) {
    INFO(s);
    CHECK(id_of(s) == main);
  }
}

TEST_CASE("places - Brooklyn lies within New York City") {
  const place_id brooklyn = id_of("Brooklyn, NY");
  const place_id nyc = id_of("NYC");
  const place_id metro = id_of("New York City Metropolitan Area");
  REQUIRE(rapport::place(metro)->kind == place_kind::metro);
  CHECK(rapport::place_within(brooklyn, nyc));
  CHECK(rapport::place_within(brooklyn, metro));
  CHECK(rapport::place_within(nyc, metro));
  CHECK(rapport::place_within(brooklyn, id_of("New York State")));
  CHECK(rapport::place_within(brooklyn, id_of("United States")));
  CHECK(rapport::place_within(metro, id_of("USA")));
  CHECK_FALSE(rapport::place_within(nyc, brooklyn));
  CHECK_FALSE(rapport::place_within(metro, brooklyn));
  CHECK_FALSE(rapport::place_within(brooklyn, id_of("Germany")));
  CHECK(rapport::same_city(brooklyn, nyc));
  CHECK(rapport::same_city(brooklyn, id_of("Queens")));
  CHECK(rapport::same_city(brooklyn, metro));
}

TEST_CASE("places - an ambiguous bare name prefers the larger place and says so") {
  struct row { const char *bare; const char *larger; const char *smaller; };
  const std::vector<row> table = {
      {"Portland", "Portland, Oregon", "Portland, Maine"},
      {"Paris", "Paris, France", "Paris, Texas"},
      {"Cambridge", "Cambridge, UK", "Cambridge, MA"},
      {"Frankfurt", "Frankfurt am Main", "Frankfurt (Oder)"},
      {"Birmingham", "Birmingham, England", "Birmingham, AL"},
      {"London", "London, UK", "London, ON"},
      {"Alexandria", "Alexandria, Egypt", "Alexandria, VA"},
      {"San Jose", "San Jose, CA", "San José, Costa Rica"},
  };
  for (const auto &r : table) {
    INFO(r.bare);
    const auto res = rapport::resolve_place(r.bare);
    REQUIRE(res);
    const place_id larger = id_of(r.larger);
    const place_id smaller = id_of(r.smaller);
    REQUIRE(larger != smaller);
    CHECK(res->id == larger);
    CHECK(res->ambiguous);
    REQUIRE(res->candidates.size() >= 2);
    CHECK(res->candidates.front() == larger);
    CHECK(std::find(res->candidates.begin(), res->candidates.end(), smaller) != res->candidates.end());
    CHECK(res->confidence < 0.9);
    CHECK(res->confidence > 0.0);
    const auto qualified = rapport::resolve_place(r.larger);
    REQUIRE(qualified);
    CHECK_FALSE(qualified->ambiguous);
    CHECK(qualified->confidence > res->confidence);
  }
}

TEST_CASE("places - a name inside another is not ambiguous") {
  // New York City lies in New York State; Singapore the city in Singapore the country.
  struct row { const char *text; const char *english; place_kind kind; };
  const std::vector<row> table = {
      {"New York", "New York City", place_kind::city},
      {"Berlin", "Berlin", place_kind::city},
      {"Singapore", "Singapore", place_kind::city},
      {"Delhi", "New Delhi", place_kind::city},
  };
  for (const auto &r : table) {
    INFO(r.text);
    const auto res = rapport::resolve_place(r.text);
    REQUIRE(res);
    CHECK(english(res->id) == r.english);
    CHECK(rapport::place(res->id)->kind == r.kind);
    CHECK_FALSE(res->ambiguous);
  }
}

TEST_CASE("places - a bare country resolves to the country") {
  struct row { const char *text; const char *code; };
  const std::vector<row> table = {
      {"Germany", "DE"},  {"Deutschland", "DE"}, {"Allemagne", "DE"}, {"Alemania", "DE"},
      {"USA", "US"},      {"United States", "US"}, {"Estados Unidos", "US"}, {"UK", "GB"},
      {"United Kingdom", "GB"}, {"Schweiz", "CH"}, {"Österreich", "AT"}, {"日本", "JP"},
      {"Costa Rica", "CR"}, {"Kuwait", "KW"}, {"Mexico", "MX"}, {"Panama", "PA"},
      {"EE. UU.", "US"}, {"U.S.", "US"}, {"Holland", "NL"},
  };
  for (const auto &r : table) {
    INFO(r.text);
    const auto res = rapport::resolve_place(r.text);
    REQUIRE(res);
    const auto p = rapport::place(res->id);
    REQUIRE(p);
    CHECK(p->kind == place_kind::country);
    CHECK(p->country == r.code);
  }
}

TEST_CASE("places - regions and their codes resolve and qualify cities") {
  struct row { const char *text; const char *english; place_kind kind; };
  const std::vector<row> table = {
      {"Bayern", "Bavaria", place_kind::region},
      {"Bavaria, Germany", "Bavaria", place_kind::region},
      {"Texas, United States", "Texas", place_kind::region},
      {"CA", "California", place_kind::region},
      {"Ontario", "Ontario", place_kind::region},
      {"Nordrhein-Westfalen", "North Rhine-Westphalia", place_kind::region},
      {"Springfield, IL", "Springfield", place_kind::city},
      {"Perth, WA", "Perth", place_kind::city},
  };
  for (const auto &r : table) {
    INFO(r.text);
    const place_id id = id_of(r.text);
    CHECK(english(id) == r.english);
    CHECK(rapport::place(id)->kind == r.kind);
  }
  CHECK(region_of(id_of("Springfield, IL")) == "Illinois");
  CHECK(region_of(id_of("Springfield, Massachusetts")) == "Massachusetts");
  CHECK(country_of(id_of("Perth, WA")) == "AU");
  CHECK(region_of(id_of("Seattle, WA")) == "Washington");
  CHECK(region_of(id_of("Perth, Scotland")) == "Scotland");
}

TEST_CASE("places - LinkedIn's phrasings in English, German, French and Spanish") {
  struct row { const char *text; const char *city; };
  const std::vector<row> table = {
      // English
      {"Greater Seattle Area", "Seattle, WA"},
      {"Greater Hamburg Area", "Hamburg"},
      {"Berlin Metropolitan Area", "Berlin"},
      {"San Francisco Bay Area", "San Francisco"},
      {"Greater Madrid Metropolitan Area", "Madrid"},
      {"Greater Chicago Area", "Chicago"},
      {"London Area, United Kingdom", "London, UK"},
      {"Dallas-Fort Worth Metroplex", "Dallas, Texas"},
      {"Washington DC-Baltimore Area", "Washington, DC"},
      {"Austin, Texas Metropolitan Area", "Austin, TX"},
      {"Greater Stockholm Metropolitan Area", "Stockholm"},
      {"Amsterdam Area", "Amsterdam"},
      {"Greater Sydney Area", "Sydney"},
      {"Tampa Bay Area", "Tampa"},
      {"Greater Lyon", "Lyon"},
      {"Denver Metropolitan Area", "Boulder, CO"},
      {"Stuttgart Region", "Böblingen"},
      // German
      {"Großraum München", "Munich"},
      {"Großraum Stuttgart", "Stuttgart"},
      {"Metropolregion Hamburg", "Hamburg"},
      {"Metropolregion Rhein-Neckar", "Mannheim"},
      {"Köln und Umgebung", "Cologne"},
      {"Berlin und Umgebung", "Berlin"},
      // French
      {"Région de Lyon", "Lyon"},
      {"Région de Toulouse", "Toulouse"},
      {"Grand Paris", "Paris, France"},
      {"Grand Montréal", "Montreal"},
      {"Paris et périphérie", "Paris, France"},
      {"Bordeaux et périphérie", "Bordeaux"},
      // Spanish
      {"Área metropolitana de Madrid", "Madrid"},
      {"Área metropolitana de Barcelona", "Barcelona"},
      {"Gran Buenos Aires", "Buenos Aires"},
      {"Gran Madrid", "Madrid"},
      {"Área de Barcelona", "Barcelona"},
      {"Madrid y alrededores", "Madrid"},
      // Portuguese, as LinkedIn writes it in Brazil
      {"São Paulo e Região", "São Paulo"},
  };
  for (const auto &r : table) {
    INFO(r.text << " vs " << r.city);
    const auto res = rapport::resolve_place(r.text);
    REQUIRE(res);
    REQUIRE(res->id != rapport::no_place);
    CHECK(rapport::same_city(res->id, id_of(r.city)));
    CHECK(res->confidence >= 0.9);
  }
}

TEST_CASE("places - a name in one of ICU's less common languages does not shadow a city") {
  // "Albany" names Albania in one of ICU's languages; "Baki" names Bangui in another.
  CHECK(english(id_of("Albany")) == "Albany");
  CHECK(country_of(id_of("Albany")) == "US");
  CHECK(english(id_of("Bakı")) == "Baku");
  CHECK(english(id_of("Albanien")) == "Albania");  // German is a common language
}

TEST_CASE("places - a name that starts like a phrase is looked up whole first") {
  CHECK(english(id_of("Grand Rapids")) == "Grand Rapids");
  CHECK(english(id_of("Grand Rapids, MI")) == "Grand Rapids");
  CHECK(id_of("Gran Canaria") == rapport::no_place);  // not "Canaria", which is nothing
}

TEST_CASE("places - an area phrase names the city's metro") {
  const place_id boston_metro = id_of("Greater Boston");
  CHECK(rapport::place(boston_metro)->kind == place_kind::metro);
  CHECK(id_of("Boston Metropolitan Area") == boston_metro);
  const place_id brooklyn_area = id_of("Brooklyn Area");
  CHECK(rapport::place(brooklyn_area)->kind == place_kind::metro);
  CHECK(brooklyn_area == id_of("New York City Metropolitan Area"));
  CHECK(rapport::place(id_of("Boston"))->kind == place_kind::city);
}

TEST_CASE("places - comma forms resolve in any order of specificity") {
  const place_id munich = id_of("Munich");
  for (const char *s : {"Munich, Bavaria, Germany", "Germany, Bavaria, Munich", "Bayern, München",
                        "Deutschland; München", "München , Deutschland", "Munich Germany"}) {
    INFO(s);
    CHECK(id_of(s) == munich);
  }
}

TEST_CASE("places - spellings and scripts meet on the match key") {
  struct row { const char *a; const char *b; };
  const std::vector<row> table = {
      {"München", "MUENCHEN"}, {"Zürich", "ZURICH"},  {"Düsseldorf", "Dusseldorf"},
      {"São Paulo", "Sao Paulo"}, {"Kraków", "Krakow"}, {"Malmö", "Malmo"},
      {"東京", "Tokyo"},        {"Москва", "Moscow"},   {"Łódź", "Lodz"},
      {"Bogotá", "BOGOTA"},     {"İstanbul", "Istanbul"}, {"Genève", "Geneve"},
  };
  for (const auto &r : table) {
    INFO(r.a << " vs " << r.b);
    const place_id a = id_of(r.a);
    CHECK(a != rapport::no_place);
    CHECK(a == id_of(r.b));
  }
}

TEST_CASE("places - display names follow the note's language") {
  struct row { const char *place; const char *locale; const char *want; };
  const std::vector<row> table = {
      {"Munich", "en", "Munich"},       {"Munich", "de", "München"},       {"Munich", "fr", "Munich"},
      {"Munich", "es", "Múnich"},       {"Munich", "de-AT", "München"},    {"Munich", "en-US", "Munich"},
      {"Cologne", "de", "Köln"},        {"Köln", "en", "Cologne"},         {"Cologne", "es", "Colonia"},
      {"Vienna", "de", "Wien"},         {"Wien", "fr", "Vienne"},          {"Wien", "es", "Viena"},
      {"Wien", "en", "Vienna"},         {"Milan", "de", "Mailand"},        {"Milano", "es", "Milán"},
      {"Zurich", "de", "Zürich"},       {"Zürich", "en", "Zurich"},        {"Geneva", "de", "Genf"},
      {"Genf", "fr", "Genève"},         {"Genf", "es", "Ginebra"},         {"Lisbon", "de", "Lissabon"},
      {"Lisboa", "fr", "Lisbonne"},     {"Tokyo", "de", "Tokio"},          {"Tokyo", "ja", "東京"},
      {"Germany", "de", "Deutschland"}, {"Germany", "fr", "Allemagne"},    {"Deutschland", "en", "Germany"},
      {"Germany", "ja", "ドイツ"},      {"Bavaria", "de", "Bayern"},       {"Bayern", "en", "Bavaria"},
      {"Munich", "it", "Munich"},       {"Munich", "xx-unknown", "Munich"}, {"Montreal", "fr", "Montréal"},
      {"Hamburg", "fr", "Hambourg"},    {"Brooklyn", "de", "Brooklyn"},
  };
  for (const auto &r : table) {
    INFO(r.place << " in " << r.locale);
    const auto name = rapport::place_display_name(id_of(r.place), r.locale);
    REQUIRE(name);
    CHECK(*name == r.want);
  }
}

TEST_CASE("places - unknown text resolves to no place") {
  for (const char *s : {"", "   ", ",,,", "Remote", "Asdfghjkl", "Worldwide", "Hybrid", "Somewhere over the rainbow"}) {
    INFO('"' << s << '"');
    const auto res = rapport::resolve_place(s);
    REQUIRE(res);
    CHECK(res->id == rapport::no_place);
    CHECK(res->candidates.empty());
    CHECK_FALSE(res->ambiguous);
    CHECK(res->confidence == 0.0);
  }
}

TEST_CASE("places - long and odd text is handled") {
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "lorem ipsum ";
  const auto long_text = rapport::resolve_place(words);
  REQUIRE(long_text);
  CHECK(long_text->id == rapport::no_place);
  std::string commas(50000, ',');
  const auto many_segments = rapport::resolve_place(commas + "Munich" + commas + "Germany");
  REQUIRE(many_segments);
  CHECK(many_segments->id == id_of("Munich"));
  CHECK(id_of(std::string("Munich\0Germany", 14)) != rapport::no_place);  // NUL is a separator
}

TEST_CASE("places - text with an unknown part still resolves, with less confidence") {
  const auto res = rapport::resolve_place("Munich, Remote");
  REQUIRE(res);
  CHECK(res->id == id_of("Munich"));
  CHECK(res->confidence < 1.0);
}

TEST_CASE("places - invalid UTF-8 is rejected with its offset") {
  struct row { std::string text; std::size_t offset; };
  const std::vector<row> table = {
      {"M\xFCnchen", 1},           // Latin-1 ü
      {"Z\xC3", 1},                // truncated sequence
      {"Paris, \xED\xA0\x80", 7},  // surrogate
      {"\xC0\xAF", 0},             // overlong
  };
  for (const auto &r : table) {
    const auto res = rapport::resolve_place(r.text);
    REQUIRE_FALSE(res);
    CHECK(res.error().code == rapport::errc::invalid_utf8);
    CHECK(res.error().offset == r.offset);
  }
  const auto name = rapport::place_display_name(id_of("Munich"), "d\xFF");
  REQUIRE_FALSE(name);
  CHECK(name.error().code == rapport::errc::invalid_utf8);
}

TEST_CASE("places - place() describes an entry") {
  const auto munich = rapport::place(id_of("München"));
  REQUIRE(munich);
  CHECK(munich->kind == place_kind::city);
  CHECK(munich->english_name == "Munich");
  CHECK(munich->local_name == "München");
  CHECK(munich->country == "DE");
  CHECK(munich->region == "Bavaria");
  CHECK(munich->population > 1000000);
  REQUIRE(munich->metro != rapport::no_place);
  CHECK(rapport::place(munich->metro)->kind == place_kind::metro);

  const auto germany = rapport::place(id_of("Germany"));
  REQUIRE(germany);
  CHECK(germany->english_name == "Germany");
  CHECK(germany->local_name == "Deutschland");
  CHECK(germany->region.empty());
}

TEST_CASE("places - unknown ids are rejected everywhere") {
  const place_id munich = id_of("Munich");
  for (place_id bad : {rapport::no_place, place_id{4000000000u}}) {
    CHECK_FALSE(rapport::place(bad));
    CHECK_FALSE(rapport::place_within(bad, munich));
    CHECK_FALSE(rapport::place_within(munich, bad));
    CHECK_FALSE(rapport::same_city(bad, munich));
    CHECK_FALSE(rapport::same_city(bad, bad));
    const auto name = rapport::place_display_name(bad, "en");
    REQUIRE_FALSE(name);
    CHECK(name.error().code == rapport::errc::not_found);
  }
}

TEST_CASE("places - a time-zone exemplar city resolves with lower confidence than a curated one") {
  const auto windhoek = rapport::resolve_place("Windhoek");  // known only from ICU's time zones
  REQUIRE(windhoek);
  REQUIRE(windhoek->id != rapport::no_place);
  CHECK(country_of(windhoek->id) == "NA");
  CHECK(windhoek->confidence < 1.0);
  CHECK(*rapport::place_display_name(windhoek->id, "ja") == "ウィントフック");
  // ICU's qualified sub-zones ("Knox, Indiana") and research stations are not cities.
  CHECK(id_of("Knox") == rapport::no_place);
  CHECK(id_of("McMurdo") == rapport::no_place);
}

TEST_CASE("places - resolving from many threads gives the same answers") {
  const std::vector<std::string> inputs = {"Großraum München", "Brooklyn, NY", "東京", "Paris, TX", "Wien",
                                           "Área metropolitana de Madrid", "Москва", "Portland"};
  std::vector<place_id> expected;
  for (const auto &s : inputs) expected.push_back(id_of(s));
  std::vector<std::vector<place_id>> got(4);
  std::vector<std::vector<std::string>> names(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (const auto &s : inputs) {
          const auto r = rapport::resolve_place(s);
          if (round == 0) got[t].push_back(r ? r->id : rapport::no_place);
        }
      }
      const auto n = rapport::place_display_name(got[t].front(), t % 2 ? "de" : "fr");
      names[t].push_back(n ? *n : std::string());
    });
  }
  for (auto &th : threads) th.join();
  for (std::size_t t = 0; t < got.size(); ++t) {
    CHECK(got[t] == expected);
    CHECK(names[t].front() == (t % 2 ? "Metropolregion München" : "Région métropolitaine de Munich"));
  }
}
