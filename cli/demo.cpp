// `rapport demo`. Until the composer exists it shows the text core at work on
// bundled sample names, places and notes; the composer issue replaces it with
// real notes.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"
#include "rapport/text.hpp"

namespace rapport::cli {
namespace {

struct sample {
  const char *label;
  std::string text;
};

// The samples, as they might arrive from a CRM export or a profile page.
const std::vector<sample> samples = {
    {"ASCII note", "Hi Sam, we are both exhibiting at Hannover Messe next month. It would be great to meet at "
                   "the booth and compare notes on predictive maintenance for packaging lines, which your last "
                   "talk in Munich covered so well."},
    {"accented note", "Bonjour Zoë, nous serons tous les deux au salon VivaTech à Paris ; ravie d'échanger sur la "
                      "décarbonation de l'industrie."},
    {"CJK note", "田中さん、来月の東京ビッグサイトの展示会で私たちは二人とも出展します。ぜひブースでお会いしましょう。"},
    {"emoji note", "Congrats on the launch 🎉🚀 Our teams 👩‍💻👨‍💻 both ship to 🇩🇪 and 🇫🇷 customers, see "
                   "https://example.com/case-study 👍🏽"},
    {"spoofed name", "Jo\u200Bhn \u202Eekim\u202C Smith\t"},
    {"mojibake name", "JosÃ© GarcÃ­a, SÃ£o Paulo"},
};

constexpr std::size_t linkedin_limit = 200; // connection note, counted in UTF-16 units

// `text` with the characters sanitize() would remove shown as <U+XXXX>, so a
// terminal does not reorder or hide them.
std::string visible(const std::string &text, const sanitized &s) {
  std::string out;
  std::size_t at = 0;
  for (const auto &r : s.removed) {
    out.append(text, at, r.offset - at);
    char buf[16];
    std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(r.code_point));
    out += buf;
    at = r.offset + (r.code_point < 0x80 ? 1 : r.code_point < 0x800 ? 2 : r.code_point < 0x10000 ? 3 : 4);
  }
  out.append(text, at);
  return out;
}

std::string measure(const std::string &text, length_unit unit) {
  auto n = length(text, unit);
  return n ? std::to_string(*n) : n.error().message;
}

} // namespace

int run_demo(std::ostream &out) {
  out << "rapport demo — the text core on sample data\n\n";

  out << "Match keys: spellings that name the same thing meet.\n";
  const std::vector<std::vector<std::string>> groups = {
      {"München", "MUNCHEN", "Muenchen", "Großraum München"},
      {"Zürich", "Zurich", "ZUERICH"},
      {"José García", "JOSE GARCIA", "Jose Garcia"},
  };
  for (const auto &g : groups) {
    for (const auto &s : g) {
      auto k = match_key(s, key_kind::german);
      const std::size_t width = length(s, length_unit::graphemes).value_or(0);
      out << "  " << s << std::string(width < 22 ? 22 - width : 0, ' ') << " -> " << (k ? *k : k.error().message) << '\n';
    }
    out << '\n';
  }

  out << "Each sample: mojibake repaired first (sanitizing would drop the soft hyphen hidden in \"Ã­\"),\n"
         "then sanitized, then measured per platform unit and cut to 40 graphemes.\n";
  for (const auto &s : samples) {
    const auto raw = sanitize(s.text);
    const auto fixed = repair_mojibake(s.text);
    if (!raw || !fixed) {
      out << s.label << ": " << (raw ? fixed.error().message : raw.error().message) << '\n';
      return 1;
    }
    out << "\n" << s.label << ": \"" << visible(s.text, *raw) << "\"\n";
    out << "  mojibake   " << (*fixed ? "repaired: \"" + **fixed + '"' : std::string("none")) << '\n';
    const auto clean = sanitize(*fixed ? **fixed : s.text);
    out << "  sanitize   ";
    if (clean->removed.empty()) out << "nothing removed";
    for (std::size_t k = 0; k < clean->removed.size(); ++k) {
      const auto &r = clean->removed[k];
      char buf[64];
      std::snprintf(buf, sizeof buf, "%sU+%04X %s @%zu", k == 0 ? "" : ", ", static_cast<unsigned>(r.code_point),
                    to_string(r.kind), r.offset);
      out << buf;
    }
    out << '\n';
    const std::string &text = clean->text;
    const auto utf16 = length(text, length_unit::utf16);
    out << "  length     graphemes " << measure(text, length_unit::graphemes) << ", utf16 " << measure(text, length_unit::utf16)
        << ", x_weighted " << measure(text, length_unit::x_weighted) << " — LinkedIn " << (utf16 ? *utf16 : 0) << '/'
        << linkedin_limit << (utf16 && *utf16 <= linkedin_limit ? " fits" : " too long") << '\n';
    truncate_options cut;
    cut.limit = 40;
    const auto t = truncate(text, cut);
    out << "  40 graphemes " << (t ? (t->truncated ? '"' + t->text + '"' : std::string("fits as is")) : t.error().message) << '\n';
  }
  return 0;
}

} // namespace rapport::cli
