#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "rapport/person_name.hpp"
#include "rapport/platform.hpp"
#include "rapport/review.hpp"
#include "rapport/text.hpp"

using rapport::finding_code;

namespace {

rapport::contact named(const char *raw, const char *locale = "") {
  rapport::contact c;
  c.id = raw;
  auto n = rapport::parse_person_name(raw, {.locale = locale});
  REQUIRE(n);
  c.name = *n;
  return c;
}

rapport::contact sam() {
  rapport::contact c = named("Sam Taylor");
  c.id = "me";
  c.organizations.push_back({"Volta GmbH", "Head of Sales", "", true, {}, {}});
  return c;
}

rapport::platform_profile linkedin() {
  auto p = rapport::find_platform("linkedin-connection-note");
  REQUIRE(p);
  return *p;
}

rapport::shared_context bauma() {
  rapport::shared_context c;
  c.kind = rapport::context_kind::event;
  c.event_id = "bauma-2025";
  c.event_name = "bauma";
  c.relation = rapport::event_relation::both_exhibiting;
  return c;
}

std::vector<rapport::finding> run(std::string_view draft, const rapport::contact &to,
                                  const rapport::review_options &opt) {
  static const auto platform = rapport::find_platform("email");
  REQUIRE(platform);
  auto r = rapport::review(draft, to, *platform, opt);
  REQUIRE(r);
  return *r;
}

std::string codes_of(const std::vector<rapport::finding> &found) {
  std::set<std::string> s;
  for (const auto &f : found) s.insert(rapport::to_string(f.code));
  std::string out;
  for (const auto &c : s) out += (out.empty() ? "" : " ") + c;
  return out;
}

std::string dump(std::string_view draft, const std::vector<rapport::finding> &found) {
  std::ostringstream os;
  for (const auto &f : found)
    os << rapport::to_string(f.code) << " [" << f.begin << "," << f.end << ") \""
       << draft.substr(f.begin, f.end - f.begin) << "\" -> \"" << f.suggestion << "\": " << f.message << "\n";
  return os.str();
}

} // namespace

TEST_CASE("review - codes and severities have stable names") {
  CHECK(std::string(rapport::to_string(finding_code::over_limit)) == "over_limit");
  CHECK(std::string(rapport::to_string(finding_code::placeholder_left)) == "placeholder_left");
  CHECK(std::string(rapport::to_string(finding_code::empty_greeting)) == "empty_greeting");
  CHECK(std::string(rapport::to_string(finding_code::wrong_name)) == "wrong_name");
  CHECK(std::string(rapport::to_string(finding_code::all_caps_name)) == "all_caps_name");
  CHECK(std::string(rapport::to_string(finding_code::generic_boilerplate)) == "generic_boilerplate");
  CHECK(std::string(rapport::to_string(finding_code::no_reason)) == "no_reason");
  CHECK(std::string(rapport::to_string(finding_code::no_self_introduction)) == "no_self_introduction");
  CHECK(std::string(rapport::to_string(finding_code::invisible_characters)) == "invisible_characters");
  CHECK(std::string(rapport::to_string(finding_code::mojibake)) == "mojibake");
  CHECK(std::string(rapport::to_string(finding_code::repeated_whitespace)) == "repeated_whitespace");
  CHECK(std::string(rapport::to_string(rapport::severity::error)) == "error");
  CHECK(std::string(rapport::to_string(rapport::severity::warning)) == "warning");
  CHECK(std::string(rapport::to_string(rapport::severity::info)) == "info");
}

TEST_CASE("review - real blunders in four languages are caught") {
  const auto anna = named("Anna Schmidt");
  const auto anne = named("Anne Schmidt");
  const auto kate = named("Katherine (Kate) Smith");
  const auto jurgen = named("Jürgen Müller");
  const auto jose = named("José García");
  const auto yamada = named("山田 太郎", "ja");
  const auto kovacs = named("Kovács Anna", "hu");
  auto anna_f = anna;
  anna_f.gender = rapport::grammatical_gender::feminine;
  const auto me = sam();

  struct row {
    std::string draft;
    const rapport::contact *to;
    std::string codes;              // sorted, space-separated
    std::string span = {};          // the exact text of the first finding's span, when given
  };
  // Every draft is otherwise fine: it says who writes (Sam, Volta) and why (bauma).
  const std::vector<row> table = {
      // placeholders left in (en)
      {"Hi {{first_name}}, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "placeholder_left", "{{first_name}}"},
      {"Hi {first_name}, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "placeholder_left", "{first_name}"},
      {"Hi [Name], I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "placeholder_left", "[Name]"},
      {"Hi %FIRSTNAME%, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "placeholder_left", "%FIRSTNAME%"},
      {"Hi <name>, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "placeholder_left", "<name>"},
      {"Hi #firstName#, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "placeholder_left", "#firstName#"},
      {"Hi _FN_, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "placeholder_left", "_FN_"},
      {"Hi Anna, I'm Sam from Volta. We're both exhibiting at bauma with {{ company }}.", &anna, "placeholder_left", "{{ company }}"},
      {"Hello Anna, I'm Sam from Volta. Is [Company Name] at bauma too?", &anna, "placeholder_left", "[Company Name]"},
      {"Hi {{recipient.first_name}}, I'm Sam from Volta. See you at bauma?", &anna, "placeholder_left", "{{recipient.first_name}}"},
      {"Hi %%NAME%%, I'm Sam from Volta. See you at bauma?", &anna, "placeholder_left", "%%NAME%%"},
      {"Hi ${firstName}, I'm Sam from Volta. See you at bauma?", &anna, "placeholder_left", "${firstName}"},
      {"Hi [FIRST NAME], I'm Sam from Volta. See you at bauma?", &anna, "placeholder_left", "[FIRST NAME]"},
      {"Hi <<Name>>, I'm Sam from Volta. See you at bauma?", &anna, "placeholder_left", "<<Name>>"},
      {"Hi <First Name>, I'm Sam from Volta. See you at bauma?", &anna, "placeholder_left", "<First Name>"},
      {"Hi *|FNAME|*, I'm Sam from Volta. See you at bauma?", &anna, "placeholder_left", "*|FNAME|*"},
      // empty greetings (en)
      {"Hi , I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "empty_greeting", "Hi ,"},
      {"Hello ! I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "empty_greeting", "Hello !"},
      {"Dear ,\n\nI'm Sam from Volta. We're both exhibiting at bauma.", &anna, "empty_greeting", "Dear ,"},
      {"Dear,\n\nI'm Sam from Volta. We're both exhibiting at bauma.", &anna, "empty_greeting", "Dear,"},
      {"Hi  \nI'm Sam from Volta. We're both exhibiting at bauma.", &anna, "empty_greeting repeated_whitespace", "Hi  "},
      {"Hi {}, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "empty_greeting", "Hi {},"},
      // wrong names (en)
      {"Hi Anna, I'm Sam from Volta. We're both exhibiting at bauma.", &anne, "wrong_name", "Anna"},
      {"Hi Sam, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "wrong_name", "Sam"},
      {"Dear Dr. Weber, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "wrong_name", "Weber"},
      {"Hi Katie Smyth, I'm Sam from Volta. We're both exhibiting at bauma.", &kate, "wrong_name", "Katie Smyth"},
      {"Hi Kovács Éva, I'm Sam from Volta. We're both exhibiting at bauma.", &kovacs, "wrong_name", "Kovács Éva"},
      {"田中様、Voltaのサムです。baumaでお会いしましょう。", &yamada, "wrong_name", "田中"},
      // capitals (en)
      {"Hi ANNA, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "all_caps_name", "ANNA"},
      {"Dear Ms SCHMIDT, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "all_caps_name", "SCHMIDT"},
      // boilerplate and missing substance (en)
      {"I'd like to add you to my professional network on LinkedIn.", &anna,
       "generic_boilerplate no_reason no_self_introduction", "I'd like to add you to my professional network on LinkedIn."},
      {"Hi Anna, I\u2019d like to join your LinkedIn network. Sam", &anna, "generic_boilerplate no_reason",
       "I\u2019d like to join your LinkedIn network."},
      {"Hi Anna, I'm Sam from Volta. Would love to connect!", &anna, "no_reason"},
      {"Hi Anna, we're both exhibiting at bauma. Shall we meet at the show?", &anna, "no_self_introduction"},
      // invisible characters, mojibake, white space (en)
      {"Hi Anna,\u200B\u200B I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "invisible_characters",
       "\u200B\u200B"},
      {"Hi \u202EAnna, I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "invisible_characters", "\u202E"},
      {"Hi JosÃ©, I'm Sam from Volta. We're both exhibiting at bauma.", &jose, "mojibake", "Ã©"},
      {"Hi José, I\u00E2\u20AC\u2122m Sam from Volta. We\u2019re both exhibiting at bauma.", &jose, "mojibake",
       "\u00E2\u20AC\u2122"},
      {"Hi Anna,  I'm Sam from Volta. We're both exhibiting at bauma.", &anna, "repeated_whitespace", "  "},
      {"Hi Anna,\n\n\n\nI'm Sam from Volta. We're both exhibiting at bauma.", &anna, "repeated_whitespace", "\n\n\n\n"},
      {"Hi Anna,\tI'm Sam from Volta. We're both exhibiting at bauma.", &anna, "repeated_whitespace", "\t"},
      // German
      {"Hallo , ich bin Sam von Volta. Wir stellen beide auf der bauma aus.", &anna, "empty_greeting", "Hallo ,"},
      {"Liebe ,\n\nich bin Sam von Volta. Wir stellen beide auf der bauma aus.", &anna, "empty_greeting", "Liebe ,"},
      {"Hallo {{vorname}}, ich bin Sam von Volta. Wir stellen beide auf der bauma aus.", &anna, "placeholder_left", "{{vorname}}"},
      {"Hallo [Vorname], ich bin Sam von Volta. Wir stellen beide auf der bauma aus.", &anna, "placeholder_left", "[Vorname]"},
      {"Sehr geehrte Frau Müller, ich bin Sam von Volta. Wir stellen beide auf der bauma aus.", &anna, "wrong_name", "Müller"},
      {"Hallo Herr Schmidt, ich bin Sam von Volta. Wir stellen beide auf der bauma aus.", &anna_f, "wrong_name", "Herr"},
      {"Hallo JÜRGEN, ich bin Sam von Volta. Wir stellen beide auf der bauma aus.", &jurgen, "all_caps_name", "JÜRGEN"},
      {"Hi JURGEN, I'm Sam from Volta. We're both exhibiting at bauma.", &jurgen, "all_caps_name", "JURGEN"},
      {"Hi JUERGEN, I'm Sam from Volta. We're both exhibiting at bauma.", &jurgen, "all_caps_name", "JUERGEN"},
      {"Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.", &anna,
       "generic_boilerplate no_reason no_self_introduction"},
      {"Hallo Anna, ich bin Sam von Volta. Schöne Grüße!", &anna, "no_reason"},
      {"Hallo Anna, wir stellen beide auf der bauma aus. Treffen wir uns?", &anna, "no_self_introduction"},
      // French
      {"Bonjour , je suis Sam de Volta. Nous exposons tous les deux au salon bauma.", &anna, "empty_greeting", "Bonjour ,"},
      {"Bonjour\u00A0Marie\u00A0! Je suis Sam de Volta. Nous exposons tous les deux au salon bauma.", &anna, "wrong_name", "Marie"},
      {"Chère , je suis Sam de Volta. Nous exposons tous les deux au salon bauma.", &anna, "empty_greeting", "Chère ,"},
      {"Bonjour {prénom}, je suis Sam de Volta. Nous exposons tous les deux au salon bauma.", &anna, "placeholder_left", "{prénom}"},
      {"Bonjour Marie, je suis Sam de Volta. Nous exposons tous les deux au salon bauma.", &anna, "wrong_name", "Marie"},
      {"Salut ANNA, je suis Sam de Volta. Nous exposons tous les deux au salon bauma.", &anna, "all_caps_name", "ANNA"},
      {"Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.", &anna,
       "generic_boilerplate no_reason no_self_introduction"},
      {"Bonjour Anna, je suis Sam de Volta. Au plaisir d'échanger !", &anna, "no_reason"},
      // Spanish
      {"Hola , soy Sam de Volta. Ambos exponemos en bauma.", &anna, "empty_greeting", "Hola ,"},
      {"Estimada ,\n\nsoy Sam de Volta. Ambos exponemos en bauma.", &anna, "empty_greeting", "Estimada ,"},
      {"Hola [Nombre], soy Sam de Volta. Ambos exponemos en bauma.", &anna, "placeholder_left", "[Nombre]"},
      {"Hola, Ana. Soy Sam de Volta. Ambos exponemos en bauma.", &anna, "wrong_name", "Ana"},
      {"Hola Sam, soy Sam de Volta. Ambos exponemos en bauma.", &anna, "wrong_name", "Sam"},
      {"Me gustaría añadirte a mi red profesional en LinkedIn.", &anna, "generic_boilerplate no_reason no_self_introduction"},
      {"Hola, Anna. Soy Sam de Volta. ¡Un saludo!", &anna, "no_reason"},
  };
  REQUIRE(table.size() >= 40);
  rapport::review_options opt;
  opt.sender = &me;
  opt.contexts = {bauma()};
  for (const auto &r : table) {
    INFO(r.draft);
    const auto found = run(r.draft, *r.to, opt);
    INFO(dump(r.draft, found));
    CHECK(codes_of(found) == r.codes);
    if (!r.span.empty() && !found.empty()) {
      const auto &f = found.front();
      CHECK(r.draft.substr(f.begin, f.end - f.begin) == r.span);
    }
  }
}

TEST_CASE("review - well-formed notes in four languages have no findings") {
  auto anna = named("Anna Schmidt");
  anna.gender = rapport::grammatical_gender::feminine;
  auto dr_anna = named("Dr. Anna Schmidt");
  dr_anna.gender = rapport::grammatical_gender::feminine;
  const auto kate = named("Katherine (Kate) Smith");
  auto jurgen = named("Jürgen Müller");
  jurgen.gender = rapport::grammatical_gender::masculine;
  const auto yamada = named("山田 太郎", "ja");
  const auto kovacs = named("Kovács Anna", "hu");
  const auto mari = named("MARI-LIIS TAMM");
  const auto liz = named("Elizabeth Warren");
  const auto me = sam();
  struct row { std::string draft; const rapport::contact *to; };
  const std::vector<row> table = {
      {"Hi Anna, I\u2019m Sam from Volta. We\u2019re both exhibiting at bauma on April 7. Shall we meet at the show?", &anna},
      {"Dear Ms Schmidt,\n\nI\u2019m Sam Taylor, Head of Sales at Volta. I saw that we\u2019re both exhibiting at bauma in Munich. "
       "It would be great to stop by each other\u2019s booth and say hello.\n\nBest regards,\nSam", &anna},
      {"Hi Kate, I'm Sam from Volta \u2014 we're both exhibiting at bauma. Coffee at the show?", &kate},
      {"Hello Katherine, Sam here from Volta. We're both at bauma next month; shall we meet?", &kate},
      {"Hallo Anna, ich bin Sam von Volta. Wir stellen beide auf der bauma aus \u2013 treffen wir uns vorab?", &anna},
      {"Sehr geehrte Frau Dr. Schmidt,\n\nich bin Sam Taylor von Volta. Wie ich sehe, stellen wir beide bei der bauma in "
       "München aus. Es wäre schön, wenn wir uns gegenseitig am Stand besuchen.\n\nViele Grüße\nSam Taylor", &dr_anna},
      {"Hallo Juergen, ich bin Sam von Volta. Wir sind beide auf der bauma \u2013 Kaffee am Stand?", &jurgen},
      {"Guten Tag Herr Müller, mein Name ist Sam Taylor (Volta). Sehen wir uns auf der bauma?", &jurgen},
      {"Bonjour Anna, je suis Sam de Volta. Nous exposons tous les deux au salon bauma : on se voit sur place ?", &anna},
      {"Chère Madame Schmidt,\n\nje suis Sam Taylor, de Volta. Nous exposons tous les deux à bauma. Ce serait un plaisir de "
       "passer à votre stand.\n\nBien cordialement,\nSam", &anna},
      {"Salut Kate ! Sam de Volta ici : on se croise à bauma ?", &kate},
      {"Bonjour ! Je suis Sam de Volta ; nous exposons tous les deux à bauma.", &anna},
      {"Bonjour\u202FAnna\u202F! Je suis Sam de Volta, on se voit à bauma\u202F?", &anna},
      {"Hi\u00A0Anna, I'm Sam from Volta. See you at bauma?", &anna},
      {"Hola, Anna. Soy Sam, de Volta. Ambos exponemos en bauma; ¿nos vemos allí?", &anna},
      {"Estimada Sra. Schmidt:\n\nSoy Sam Taylor, de Volta. He visto que usted y yo exponemos en bauma. Sería estupendo pasar "
       "por su stand a saludarle.\n\nSaludos cordiales,\nSam", &anna},
      {"¡Hola Jürgen! Soy Sam de Volta y también estaré en bauma. ¿Un café?", &jurgen},
      {"山田様、Voltaのサムです。baumaでお会いできればうれしいです。", &yamada},
      {"Hi Taro, I'm Sam from Volta. See you at bauma?", &yamada},
      {"Dear Yamada-san, I'm Sam from Volta. See you at bauma?", &yamada},
      {"Hi Kovács Anna, I\u2019m Sam from Volta. We\u2019re both exhibiting at bauma \u2014 shall we meet?", &kovacs},
      {"Hi Mari-Liis, I'm Sam from Volta. We're both exhibiting at bauma.", &mari},
      {"Hi there, I'm Sam from Volta. We both exhibit at #bauma2025 \u2014 C# and F# tooling, 50% off <3 [sic]. "
       "Write to sam@volta.example or see <https://volta.example/bauma>.", &anna},
      {"Hi Anna,\n\nI\u2019m Sam.\n\nSee you at bauma!\n\nSam", &anna},
      {"Hallo Frau Schmidt, ich bin Sam von Volta. Wir sehen uns auf der bauma!", &anna},
      {"Dear Dr. Schmidt, I'm Sam from Volta. We're both exhibiting at bauma.", &anna},
      {"Hi Jürgen, I'm Sam from Volta. We're both exhibiting at bauma.", &jurgen},
      {"Hi Jurgen, I'm Sam from Volta. We're both exhibiting at bauma.", &jurgen},
      {"Hi Sam here from Volta \u2014 see you at bauma, Anna?", &anna},
      {"Dear Hiring Manager, I'm Sam from Volta and we both exhibit at bauma.", &anna},
      {"Hi Munich team! I'm Sam from Volta; see you at bauma?", &anna},
      {"Sehr geehrte Damen und Herren, mein Name ist Sam Taylor. Wir stellen auf der bauma aus.", &anna},
      {"Bonjour Madame, je suis Sam de Volta. Nous serons à bauma.", &anna},
      {"Hi Liz, I'm Sam from Volta. See you at bauma?", &liz},
  };
  REQUIRE(table.size() >= 15);
  rapport::review_options opt;
  opt.sender = &me;
  opt.contexts = {bauma()};
  for (const auto &r : table) {
    INFO(r.draft);
    const auto found = run(r.draft, *r.to, opt);
    INFO(dump(r.draft, found));
    CHECK(found.empty());
  }
}

TEST_CASE("review - the limit depends on the tier and counts UTF-16 units") {
  const auto anna = named("Anna Schmidt");
  const auto p = linkedin();
  rapport::review_options opt;
  opt.contexts = {bauma()};
  const auto over = [&](const std::string &draft, const std::string &tier) -> std::vector<rapport::finding> {
    opt.tier = tier;
    auto r = rapport::review(draft, anna, p, opt);
    REQUIRE(r);
    std::vector<rapport::finding> out;
    for (const auto &f : *r)
      if (f.code == finding_code::over_limit) out.push_back(f);
    return out;
  };
  const std::string base = "Hi Anna, see you at bauma! ";
  std::string ascii = base;
  while (ascii.size() < 250) ascii += "x";
  auto free = over(ascii, "free");
  REQUIRE(free.size() == 1);
  CHECK(free[0].begin == 200);
  CHECK(free[0].end == ascii.size());
  CHECK(free[0].level == rapport::severity::error);
  CHECK(over(ascii, "premium").empty());
  CHECK(over(ascii, "").size() == 1);  // the default tier is free

  // An emoji (2 UTF-16 units) straddling unit 200: the span starts before it.
  std::string emoji = base + std::string(199 - base.size(), 'x') + "\U0001F600" + "!";
  auto e = over(emoji, "free");
  REQUIRE(e.size() == 1);
  CHECK(e[0].begin == 199);
  CHECK(emoji.substr(e[0].begin, 4) == "\U0001F600");
  // Exactly at the limit: fine.
  CHECK(over(base + std::string(198 - base.size(), 'x') + "\U0001F600", "free").empty());
  // CJK: one unit each, three bytes each.
  std::string cjk;
  for (int k = 0; k < 201; ++k) cjk += "東";
  auto c = over(cjk, "free");
  REQUIRE(c.size() == 1);
  CHECK(c[0].begin == 600);
  CHECK(over(cjk, "premium").empty());
  // A family emoji is one grapheme: never split, so the cut moves before it.
  std::string family = std::string(195, 'x') + "\U0001F468\u200D\U0001F469\u200D\U0001F467";  // 8 units
  auto f = over(family, "free");
  REQUIRE(f.size() == 1);
  CHECK(f[0].begin == 195);

  SECTION("an unknown tier is an error") {
    opt.tier = "platinum";
    auto r = rapport::review("Hi Anna", anna, p, opt);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == rapport::errc::not_found);
  }
}

TEST_CASE("review - every span lies on UTF-8 boundaries inside the draft") {
  const auto anna = named("Anna Schmidt");
  const auto jose = named("José García");
  const auto me = sam();
  rapport::review_options opt;
  opt.sender = &me;
  const std::vector<std::string> drafts = {
      "Hi  \u200B{{first_name}}\u202E, JosÃ© GarcÃ­a  \n\n\n\nI\u00E2\u20AC\u2122m here — ANNA SCHMIDT ✓",
      "Hallo ,\t\u00AD [Vorname] 東京 \U0001F600\U0001F600 %FIRSTNAME% #firstName#",
      "¡Hola , JOSÉ! _FN_ <name> <<Name>> ${x} Ã©Ã©Ã©",
      "\u200B",
      "",
  };
  for (const auto &d : drafts) {
    INFO(d);
    for (const auto *to : {&anna, &jose}) {
      auto r = rapport::review(d, *to, linkedin(), opt);
      REQUIRE(r);
      INFO(dump(d, *r));
      CHECK_FALSE(r->empty());
      for (const auto &f : *r) {
        CHECK(f.begin <= f.end);
        CHECK(f.end <= d.size());
        CHECK(rapport::is_valid_utf8(d.substr(0, f.begin)));
        CHECK(rapport::is_valid_utf8(d.substr(f.begin, f.end - f.begin)));
        CHECK(rapport::is_valid_utf8(f.suggestion));
        CHECK_FALSE(f.message.empty());
      }
      // In span order, whole-draft findings last.
      bool whole = false;
      for (std::size_t k = 0; k < r->size(); ++k) {
        const auto &f = (*r)[k];
        const bool w = f.begin == 0 && f.end == 0;
        if (whole) CHECK(w);
        whole = whole || w;
        if (k > 0 && !w && !whole) CHECK((*r)[k - 1].begin <= f.begin);
      }
    }
  }
}

TEST_CASE("review - suggestions repair what they can") {
  const auto jose = named("José García");
  const auto anna = named("Anna Schmidt");
  auto acme = anna;
  acme.organizations.push_back({"Acme GmbH & Co. KG", "", "", true, {}, {}});
  rapport::review_options opt;
  opt.contexts = {bauma()};
  const auto first = [&](std::string_view d, const rapport::contact &to, finding_code code) {
    const auto found = run(d, to, opt);
    for (const auto &f : found)
      if (f.code == code) return f;
    FAIL("no " << rapport::to_string(code) << " in " << dump(d, found));
    return rapport::finding{};
  };
  CHECK(first("Hi JosÃ© GarcÃ­a, see you at bauma", jose, finding_code::mojibake).suggestion == "é");
  CHECK(first("Hi {{first_name}}, see you at bauma", anna, finding_code::placeholder_left).suggestion == "Anna");
  CHECK(first("Hi Anna, is [Company] at bauma?", acme, finding_code::placeholder_left).suggestion == "Acme");
  CHECK(first("Dear Ms {{last_name}}, see you at bauma", anna, finding_code::placeholder_left).suggestion == "Schmidt");
  CHECK(first("Hi ANNA, see you at bauma", anna, finding_code::all_caps_name).suggestion == "Anna");
  CHECK(first("Hi ANNA SCHMIDT, see you at bauma", anna, finding_code::all_caps_name).suggestion == "Anna Schmidt");
  CHECK(first("Hi Anne, see you at bauma", anna, finding_code::wrong_name).suggestion == "Anna");
  CHECK(first("Hi , see you at bauma", anna, finding_code::empty_greeting).suggestion == "Hi Anna,");
  CHECK(first("Hi Anna,  see you at bauma", anna, finding_code::repeated_whitespace).suggestion == " ");
  // Two damaged spots, two findings.
  const auto found = run("Hi JosÃ© GarcÃ­a, see you at bauma", jose, opt);
  CHECK(std::count_if(found.begin(), found.end(), [](const auto &f) { return f.code == finding_code::mojibake; }) == 2);
}

TEST_CASE("review - without known contexts, generic reason phrases count") {
  const auto anna = named("Anna Schmidt");
  rapport::review_options opt;  // no contexts, no directory
  const std::vector<std::pair<std::string, bool>> table = {
      {"Hi Anna, we met at the Hannover Messe last week.", true},
      {"Hi Anna, I saw your talk on battery passports.", true},
      {"Hi Anna, I'm also based in Munich.", true},
      {"Hallo Anna, wir stellen beide auf der Messe aus.", true},
      {"Bonjour Anna, on se voit au salon ?", true},
      {"Hola, Anna. Ambos estaremos en la feria.", true},
      {"Hi Anna, I'd love to connect.", false},
      {"Hallo Anna, ich würde mich gerne vernetzen.", false},
  };
  for (const auto &[draft, has_reason] : table) {
    INFO(draft);
    const auto found = run(draft, anna, opt);
    INFO(dump(draft, found));
    const bool no_reason = std::any_of(found.begin(), found.end(), [](const auto &f) { return f.code == finding_code::no_reason; });
    CHECK(no_reason == !has_reason);
  }
}

TEST_CASE("review - every kind of shared context counts when the note mentions it") {
  const auto anna = named("Anna Schmidt");
  const auto me = sam();
  rapport::review_options opt;
  opt.sender = &me;
  rapport::shared_context city;
  city.kind = rapport::context_kind::same_city;
  city.place = rapport::resolve_place("Munich, Germany")->id;
  rapport::shared_context challenge;
  challenge.kind = rapport::context_kind::challenge;
  challenge.challenge_title = "the new EU battery passport";
  challenge.offer_summary = "traceability software for cell makers";
  rapport::shared_context mutual;
  mutual.kind = rapport::context_kind::mutual_connection;
  mutual.mutual_name = "Jan de Vries";
  rapport::shared_context employer;
  employer.kind = rapport::context_kind::past_employer;
  employer.organization = "Siemens AG";
  rapport::shared_context school;
  school.kind = rapport::context_kind::school;
  school.school = "Technische Universität München";
  rapport::shared_context topic;
  topic.kind = rapport::context_kind::topic;
  topic.topic = "circular economy";
  auto web = bauma();
  web.event_name = "Web Summit 2025";
  struct row { rapport::shared_context ctx; std::string draft; bool mentioned; };
  const std::vector<row> table = {
      {city, "Hallo Anna, ich bin Sam von Volta, auch aus München.", true},
      {city, "Hi Anna, I'm Sam from Volta, also in MUNICH.", true},
      {city, "Hola, Anna. Soy Sam de Volta y también vivo en Múnich.", true},
      {city, "Hi Anna, I'm Sam from Volta.", false},
      {challenge, "Hi Anna, I'm Sam from Volta. Are you ready for the battery passport?", true},
      {challenge, "Hi Anna, I'm Sam from Volta; we build traceability tools.", true},
      {challenge, "Hi Anna, I'm Sam from Volta.", false},
      {mutual, "Hi Anna, I'm Sam from Volta. Jan suggested I write.", true},
      {mutual, "Hi Anna, I'm Sam from Volta. Jan de Vries suggested I write.", true},
      {employer, "Hi Anna, I'm Sam from Volta. I used to be at Siemens too.", true},
      {school, "Hi Anna, I'm Sam from Volta, a fellow Technische Universität München graduate.", true},
      {topic, "Hi Anna, I'm Sam from Volta. I follow your posts on the circular economy.", true},
      {web, "Hi Anna, I'm Sam from Volta. See you at Web Summit?", true},
      {web, "Hi Anna, I'm Sam from Volta. See you in Lisbon?", false},
  };
  for (const auto &r : table) {
    INFO(r.draft);
    opt.contexts = {r.ctx};
    const auto found = run(r.draft, anna, opt);
    INFO(dump(r.draft, found));
    const bool no_reason = std::any_of(found.begin(), found.end(), [](const auto &f) { return f.code == finding_code::no_reason; });
    CHECK(no_reason == !r.mentioned);
  }
}

TEST_CASE("review - greeting the sender's own name says so") {
  const auto anna = named("Anna Schmidt");
  const auto me = sam();
  rapport::review_options opt;
  opt.sender = &me;
  opt.contexts = {bauma()};
  const auto found = run("Hi Sam, I'm Sam from Volta. See you at bauma?", anna, opt);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == finding_code::wrong_name);
  CHECK(found[0].level == rapport::severity::error);
  CHECK(found[0].message.find("sender") != std::string::npos);
  CHECK(found[0].suggestion == "Anna");
  const auto other = run("Hi Tom, I'm Sam from Volta. See you at bauma?", anna, opt);
  REQUIRE(other.size() == 1);
  CHECK(other[0].message.find("sender") == std::string::npos);
}

TEST_CASE("review - a recipient known only by a raw name, or by none") {
  rapport::contact raw;
  raw.id = "raw";
  raw.name.raw = "Dr. Anna Schmidt, MBA";
  rapport::contact nameless;
  nameless.id = "nameless";
  rapport::review_options opt;
  opt.contexts = {bauma()};
  CHECK(codes_of(run("Hi Anna, see you at bauma!", raw, opt)).empty());
  CHECK(codes_of(run("Hi Tom, see you at bauma!", raw, opt)) == "wrong_name");
  CHECK(codes_of(run("Hi Tom, see you at bauma!", nameless, opt)).empty());
  const auto found = run("Hi , see you at bauma!", nameless, opt);
  REQUIRE(codes_of(found) == "empty_greeting");
  CHECK(found[0].suggestion.empty());
}

TEST_CASE("review - the introduction check needs a sender") {
  const auto anna = named("Anna Schmidt");
  const auto me = sam();
  rapport::review_options opt;
  opt.contexts = {bauma()};
  CHECK(codes_of(run("Hi Anna, see you at bauma!", anna, opt)).empty());
  opt.sender = &me;
  CHECK(codes_of(run("Hi Anna, see you at bauma!", anna, opt)) == "no_self_introduction");
  CHECK(codes_of(run("Hi Anna, see you at bauma!\n\nSam", anna, opt)).empty());
  CHECK(codes_of(run("Hi Anna, Volta will be at bauma too!", anna, opt)).empty());
  CHECK(codes_of(run("Hallo Anna, mein Name ist Taylor. Bis zur bauma!", anna, opt)).empty());
}

TEST_CASE("review - invalid UTF-8 is an error with its offset") {
  const auto anna = named("Anna Schmidt");
  auto r = rapport::review(std::string_view("Hi Anna\xC3(", 9), anna, linkedin());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == rapport::errc::invalid_utf8);
  CHECK(r.error().offset == 7);
}

TEST_CASE("review - longer drafts from the fixtures") {
  const auto anna = named("Anna Schmidt");
  const auto me = sam();
  rapport::review_options opt;
  opt.sender = &me;
  opt.contexts = {bauma()};
  struct row { const char *file; const char *codes; };
  const std::vector<row> table = {
      {"clean_en_standard.txt", ""},
      {"clean_de_formal.txt", ""},
      {"mailmerge_gone_wrong.txt", "all_caps_name generic_boilerplate placeholder_left repeated_whitespace"},
  };
  for (const auto &r : table) {
    INFO(r.file);
    std::ifstream in(std::string(RAPPORT_FIXTURES) + "/review/" + r.file, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string d = ss.str();
    const auto found = run(d, anna, opt);
    INFO(dump(d, found));
    CHECK(codes_of(found) == r.codes);
  }
}

TEST_CASE("review - eight threads get the same findings as one") {
  const auto anna = named("Anna Schmidt");
  const auto me = sam();
  rapport::review_options opt;
  opt.sender = &me;
  opt.contexts = {bauma()};
  rapport::shared_context city;
  city.kind = rapport::context_kind::same_city;
  city.place = rapport::resolve_place("Munich, Germany")->id;
  opt.contexts.push_back(city);
  const std::vector<std::string> drafts = {
      "Hi {{first_name}}, I'm Sam from Volta. We're both exhibiting at bauma.",
      "Hallo ANNA, ich bin Sam von Volta, auch aus München.",
      "I'd like to add you to my professional network on LinkedIn.",
      "Hi JosÃ©,  \u200B see you at bauma",
      "Hi Anna, I'm Sam from Volta. We're both exhibiting at bauma.",
  };
  const auto p = linkedin();
  std::vector<std::string> expected;
  for (const auto &d : drafts) {
    auto r = rapport::review(d, anna, p, opt);
    REQUIRE(r);
    expected.push_back(dump(d, *r));
  }
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (std::size_t k = 0; k < drafts.size(); ++k) {
          auto r = rapport::review(drafts[k], anna, p, opt);
          if (!r || dump(drafts[k], *r) != expected[k]) ++mismatches[static_cast<std::size_t>(t)];
        }
    });
  for (auto &th : threads) th.join();
  for (int m : mismatches) CHECK(m == 0);
}

#include "rapport/catalog.hpp"
#include "rapport/place.hpp"

TEST_CASE("review - every built-in template, rendered, has no findings") {
  auto cat = rapport::catalog::builtin();
  REQUIRE(cat);
  auto anna_f = named("Dr. Anna Schmidt");
  anna_f.gender = rapport::grammatical_gender::feminine;
  auto jurgen = named("JÜRGEN MÜLLER");
  jurgen.gender = rapport::grammatical_gender::masculine;
  const auto kate = named("Katherine (Kate) O'Neil");
  const auto mari = named("Mari-Liis Tamm");
  const auto yamada = named("山田 太郎", "ja");
  const auto jose = named("José María García-López", "es");
  auto me = sam();
  me.purpose = "battery systems for compact machines";
  const rapport::place_id munich = rapport::resolve_place("Munich, Germany")->id;
  const std::map<std::string, std::string> purpose = {
      {"en", "battery systems for compact machines"},
      {"de", "Batteriesysteme für Kompaktmaschinen"},
      {"fr", "les systèmes de batteries pour engins compacts"},
      {"es", "sistemas de baterías para máquinas compactas"}};
  std::string failures;
  int reviewed = 0;
  for (const rapport::contact *who : std::vector<const rapport::contact *>{&anna_f, &jurgen, &kate, &mari, &yamada, &jose})
  for (const std::string locale : {"en", "de", "fr", "es"}) {
    const rapport::contact &anna = *who;
    const char *gender = anna.gender == rapport::grammatical_gender::feminine ? "feminine"
                         : anna.gender == rapport::grammatical_gender::masculine ? "masculine" : "other";
    me.purpose = purpose.at(locale);
    for (const auto &slot : cat->slots(locale)) {
      if (slot.starts_with("also/")) continue;  // second reasons: reviewed in their notes (compose_reasons_test.cpp)
      const bool formal = slot.ends_with("/formal");
      auto greet = rapport::greeting_name(anna.name, locale,
                                          formal ? rapport::formality::formal : rapport::formality::informal);
      REQUIRE(greet);
      rapport::template_args a;
      a.set("recipient_given_name", *greet).set("recipient_gender", gender).set("recipient_org", "Acme");
      a.set("sender_given_name", "Sam").set("sender_family_name", "Taylor").set("sender_org", "Volta");
      a.set("sender_headline", "Head of Sales at Volta").set("purpose", purpose.at(locale));
      a.set("event_name", "bauma").set("event_date", rapport::date_value{1775548800000, "Europe/Berlin"});
      a.set("event_end_date", rapport::date_value{1775980800000, "Europe/Berlin"});
      a.set("event_city", *rapport::place_display_name(munich, locale)).set("talk_title", "Electric compact machines");
      a.set("city_name", *rapport::place_display_name(munich, locale));
      a.set("challenge_title", "the EU battery passport").set("offer_summary", "traceability software");
      a.set("mutual_name", "Jan de Vries").set("mutual_count", 3).set("employer_name", "Siemens");
      a.set("school_name", "TU München").set("program_name", "Mechanical Engineering");
      a.set("topic_name", "circular economy").set("article_title", "Batteries in construction");
      a.set("group_name", "VDMA Construction Equipment").set("days_until", 12).set("days_since", 3);
      a.set("years_overlap", 2).set("platform_name", "LinkedIn");
      auto hit = cat->lookup(locale, slot);
      REQUIRE(hit);
      auto text = hit->tmpl.render(a);
      if (!text) { failures += slot + " (" + locale + "): render: " + text.error().message + "\n"; continue; }
      rapport::shared_context c;
      const std::string kind = slot.substr(0, slot.find('/'));
      if (kind == "event") { c = bauma(); }
      else if (kind == "city") { c.kind = rapport::context_kind::same_city; c.place = munich; }
      else if (kind == "challenge") {
        c.kind = rapport::context_kind::challenge;
        c.challenge_title = "the EU battery passport";
        c.offer_summary = "traceability software";
      } else if (kind == "mutual") { c.kind = rapport::context_kind::mutual_connection; c.mutual_name = "Jan de Vries"; }
      else if (kind == "past-employer") { c.kind = rapport::context_kind::past_employer; c.organization = "Siemens AG"; }
      else if (kind == "school") { c.kind = rapport::context_kind::school; c.school = "TU München"; }
      else if (kind == "topic") { c.kind = rapport::context_kind::topic; c.topic = "circular economy"; }
      rapport::review_options opt;
      opt.sender = &me;
      opt.locale = locale;
      if (kind != "self-introduction") opt.contexts = {c};
      auto found = rapport::review(*text, anna, *rapport::find_platform("email"), opt);
      REQUIRE(found);
      ++reviewed;
      if (!found->empty()) failures += slot + " (" + locale + "): " + *text + "\n" + dump(*text, *found) + "\n";
    }
  }
  CHECK(reviewed >= 6 * 4 * 90);
  CHECK(failures == "");
}

TEST_CASE("review - random drafts from tricky pieces give well-formed findings") {
  const std::vector<std::string> pieces = {
      "Hi", "Hallo", "Dear", "Bonjour", "Hola", " ", "  ", ",", "!", ".", "\n", "\n\n\n", "\t", "\r\n", "Anna", "ANNA",
      "Schmidt", "Sam", "{{", "}}", "{", "}", "[", "]", "<", ">", "%", "#", "_", "$", "*|", "|*", "first_name", "Name",
      "Ã©", "â€™", "Ã", "\u200B", "\u202E", "\u00AD", "é", "ü", "ß", "東京", "様", "さん", "😀", "👩‍💻", "🇩🇪", "e\u0301",
      "I'd like to add you to my professional network on LinkedIn.", "bauma", "Volta", "I'm", "'", "’", "-", "Dr.", "Frau",
  };
  const auto anna = named("Anna Schmidt");
  const auto yamada = named("山田 太郎", "ja");
  const auto me = sam();
  rapport::review_options opt;
  opt.sender = &me;
  opt.contexts = {bauma()};
  const auto p = linkedin();
  std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
  const auto next = [&] {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  int bad = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string d;
    const auto n = next() % 40;
    for (std::uint64_t k = 0; k < n; ++k) d += pieces[next() % pieces.size()];
    for (const auto *to : {&anna, &yamada}) {
      auto r = rapport::review(d, *to, p, opt);
      if (!r) { ++bad; continue; }
      for (const auto &f : *r) {
        const bool ok = f.begin <= f.end && f.end <= d.size() && rapport::is_valid_utf8(d.substr(0, f.begin)) &&
                        rapport::is_valid_utf8(d.substr(f.begin, f.end - f.begin)) && rapport::is_valid_utf8(f.suggestion) &&
                        !f.message.empty();
        if (!ok) {
          ++bad;
          UNSCOPED_INFO(d << "\n" << dump(d, *r));
        }
      }
    }
  }
  CHECK(bad == 0);
}

TEST_CASE("review - a draft of megabytes is reviewed, and the next note is unaffected") {
  const auto anna = named("Anna Schmidt");
  rapport::review_options opt;
  opt.contexts = {bauma()};
  std::string big = "Hi Anna, see you at bauma! ";
  while (big.size() < (std::size_t{3} << 20)) big += "Lorem ipsum dolor sit amet.  ";
  auto r = rapport::review(big, anna, linkedin(), opt);
  REQUIRE(r);
  const auto over = std::find_if(r->begin(), r->end(), [](const auto &f) { return f.code == finding_code::over_limit; });
  REQUIRE(over != r->end());
  CHECK(over->begin == 200);
  CHECK(over->end == big.size());
  CHECK(codes_of(run("Hi Anna, see you at bauma!", anna, opt)).empty());
}

#include "rapport/directory.hpp"
#include "support/people.hpp"

TEST_CASE("review - with a directory and a sender, contexts are discovered") {
  using namespace rapport::test;
  auto bauma26 = fair("bauma-2026", "bauma", 2026, 2026y / April / 7, 2026y / April / 13);
  bauma26.aliases = {"Baumaschinenmesse"};
  bauma26.location = "Munich, Germany";
  bauma26.venue = "Messe München";
  auto me = person("me", "Sam", "Taylor", "Berlin, Germany");
  at_event(me, "bauma-2026", rapport::event_role::exhibitor);
  me.organizations.push_back({"Volta GmbH", "", "", true, {}, {}});
  auto anna = person("anna", "Anna", "Schmidt", "Hamburg, Germany");
  at_event(anna, "bauma-2026", rapport::event_role::exhibitor);
  rapport::directory_builder b;
  REQUIRE(b.add_event(bauma26));
  REQUIRE(b.add_contact(me));
  REQUIRE(b.add_contact(anna));
  auto dir = b.build();
  REQUIRE(dir);
  const rapport::contact *to = dir->find_contact("anna");
  REQUIRE(to);
  rapport::review_options opt;
  opt.sender = dir->find_contact("me");
  opt.dir = &*dir;
  opt.now = march_first_plus(0);
  const std::vector<std::pair<std::string, bool>> table = {
      {"Hi Anna, I'm Sam from Volta. See you at bauma?", true},
      {"Hi Anna, I'm Sam from Volta. See you at the Baumaschinenmesse?", true},
      {"Hi Anna, I'm Sam from Volta. See you in Munich next month?", true},
      {"Hallo Anna, ich bin Sam von Volta. Bis bald in München!", true},
      {"Hi Anna, I'm Sam from Volta. Would love to connect.", false},
  };
  for (const auto &[draft, mentioned] : table) {
    INFO(draft);
    auto r = rapport::review(draft, *to, linkedin(), opt);
    REQUIRE(r);
    INFO(dump(draft, *r));
    CHECK(codes_of(*r) == (mentioned ? "" : "no_reason"));
  }
  // The sender reviewing a note to themselves: discovery's error comes back.
  auto self = rapport::review("Hi Sam", *opt.sender, linkedin(), opt);
  REQUIRE_FALSE(self);
  CHECK(self.error().code == rapport::errc::invalid_argument);
}

TEST_CASE("review - a placeholder for the writer's own details suggests nothing of the recipient's") {
  rapport::contact anna;
  anna.id = "anna";
  anna.name.given = "Anna";
  anna.name.family = "Schmidt";
  const auto platform = rapport::find_platform("linkedin-connection-note").value();
  struct row { const char *draft; const char *suggestion; };
  const std::vector<row> table = {
      {"Hi Anna, I'm {sender_name} from Frostwerk and we both exhibit at LogiMAT.", ""},
      {"Hi Anna, I'm [Your Name] from Frostwerk and we both exhibit at LogiMAT.", ""},
      {"Hi {{first_name}}, I'm Lena from Frostwerk and we both exhibit at LogiMAT.", "Anna"},
  };
  for (const auto &r : table) {
    INFO(r.draft);
    const auto found = rapport::review(r.draft, anna, platform).value();
    const auto it = std::find_if(found.begin(), found.end(),
                                 [](const rapport::finding &f) { return f.code == rapport::finding_code::placeholder_left; });
    REQUIRE(it != found.end());
    CHECK(it->suggestion == r.suggestion);
  }
}
