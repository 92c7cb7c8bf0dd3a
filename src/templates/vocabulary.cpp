// The closed argument vocabulary of templates. docs/templates.md lists the
// same names; a unit test checks that every name here is documented there.
#include <array>
#include <cstdint>
#include <cstring>

#include "templates/ast.hpp"

namespace rapport {
inline namespace v1 {

namespace {
using t = argument_type;
constexpr std::array<argument_info, 31> vocabulary = {{
    {"recipient_given_name", t::text, false, "the recipient's given name, as they write it"},
    {"recipient_gender", t::keyword, true, "feminine, masculine or other; only when the recipient stated it"},
    {"recipient_role", t::keyword, true, "the recipient's role at the event: speaker, exhibitor, sponsor, organizer, attendee"},
    {"recipient_org", t::text, false, "the recipient's organization"},
    {"sender_given_name", t::text, false, "the sender's given name"},
    {"sender_family_name", t::text, false, "the sender's family name"},
    {"sender_org", t::text, false, "the sender's organization"},
    {"sender_headline", t::text, false, "the sender's headline, e.g. 'data engineer at Acme'"},
    {"sender_role", t::keyword, true, "the sender's role at the event: speaker, exhibitor, sponsor, organizer, attendee"},
    {"event_name", t::text, false, "the shared event, e.g. 'Hannover Messe 2026'"},
    {"event_date", t::date, false, "when the event starts, with the event's time zone"},
    {"event_end_date", t::date, false, "when the event ends, with the event's time zone"},
    {"event_city", t::text, false, "where the event takes place"},
    {"talk_title", t::text, false, "the title of the talk the speaker gave or will give"},
    {"city_name", t::text, false, "the shared city, in the recipient's language"},
    {"challenge_title", t::text, false, "the industry challenge the recipient posted or faces"},
    {"offer_summary", t::text, false, "what the sender can offer for the challenge, a short phrase"},
    {"mutual_name", t::text, false, "the full name of the mutual contact"},
    {"mutual_count", t::number, false, "how many contacts sender and recipient share"},
    {"employer_name", t::text, false, "the past employer both worked for"},
    {"school_name", t::text, false, "the school or university both attended"},
    {"program_name", t::text, false, "the program or degree both followed"},
    {"topic_name", t::text, false, "the topic both follow or write about"},
    {"article_title", t::text, false, "the recipient's article or post the note refers to"},
    {"group_name", t::text, false, "the community or group both belong to"},
    {"purpose", t::text, false, "why the sender writes, a short phrase in the recipient's language"},
    {"days_until", t::number, false, "days until the event starts"},
    {"days_since", t::number, false, "days since the event ended"},
    {"years_overlap", t::number, false, "years sender and recipient overlapped at the employer or school"},
    {"platform_name", t::text, false, "where the note is sent, e.g. 'LinkedIn'"},
    {"second_reason", t::text, false, "the second reason of a two-reason note: a whole sentence, rendered from an also/ slot"},
}};
static_assert(vocabulary.size() <= 64, "arguments are tracked in a 64-bit mask");
// find_argument() looks names up among those of the same length (few share one).
constexpr std::size_t longest_name = 32, per_length = 16;
struct length_table {
  std::array<std::array<std::int8_t, per_length>, longest_name + 1> ids{};
  std::array<std::uint8_t, longest_name + 1> count{};
};
constexpr length_table make_length_table() {
  length_table t{};
  for (std::size_t i = 0; i < vocabulary.size(); ++i) {
    const std::size_t n = vocabulary[i].name.size();
    if (n > longest_name || t.count[n] == per_length) throw "find_argument's table: at most 16 names of one length, up to 32 bytes";
    t.ids[n][t.count[n]++] = static_cast<std::int8_t>(i);
  }
  return t;
}
constexpr length_table names_by_length = make_length_table();
} // namespace

std::span<const argument_info> argument_vocabulary() noexcept { return vocabulary; }

} // namespace v1
} // namespace rapport

namespace rapport::detail::tpl {

int find_argument(std::string_view name) noexcept {
  const std::size_t n = name.size();
  if (n > longest_name) return -1;
  for (std::size_t k = 0; k < names_by_length.count[n]; ++k) {
    const int i = names_by_length.ids[n][k];
    if (std::memcmp(vocabulary[static_cast<std::size_t>(i)].name.data(), name.data(), n) == 0) return i;
  }
  return -1;
}

} // namespace rapport::detail::tpl
