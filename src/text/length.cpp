// Length in each unit, and X's weighted count (twitter-text v3 configuration).
//
// X weighs the NFC form: each code point in U+0000–U+10FF, U+2000–U+200D,
// U+2010–U+201F or U+2032–U+2037 weighs 1, any other 2; a grapheme cluster
// that is an RGI emoji (ICU's RGI_Emoji property of strings: every
// fully-qualified sequence of emoji-test.txt) weighs 2 as a whole; a URL
// (text/urls.cpp) weighs 23 whatever its length. Other clusters weigh the sum of
// their code points, as twitter-text does.
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "icu/icu_adapter.hpp"
#include "text/graphemes.hpp"
#include "text/measure.hpp"
#include "text/utf8.hpp"

namespace rapport::detail {
namespace {

std::size_t count_code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t count_utf16(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    n += (b & 0xC0) != 0x80;
    n += b >= 0xF0; // four-byte sequences are surrogate pairs
  }
  return n;
}

bool is_rgi_emoji(std::string_view cluster) {
  const auto u = icu::to_unicode(cluster);
  return u_stringHasBinaryProperty(u.getBuffer(), u.length(), UCHAR_RGI_EMOJI);
}

// X weight of one grapheme cluster outside a URL.
std::size_t x_cluster_weight(std::string_view cluster) {
  std::size_t i = 0;
  std::size_t sum = 0;
  std::size_t cps = 0;
  while (i < cluster.size()) {
    sum += x_code_point_weight(decode_utf8(cluster, i));
    ++cps;
  }
  if (cps > 1 && is_rgi_emoji(cluster)) return 2;
  return sum;
}

// Calls f(end, length) for each piece of `s` (see pieces()).
template <class F>
void for_each_piece(std::string_view s, length_unit unit, grapheme_engine engine, F &&f) {
  const auto bounds = boundaries_of(s, engine);
  std::vector<std::pair<std::size_t, std::size_t>> urls;
  if (unit == length_unit::x_weighted) urls = find_urls(s);
  std::size_t next_url = 0;
  for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
    const std::size_t b = bounds[k], e = bounds[k + 1];
    if (next_url < urls.size() && b >= urls[next_url].first) {
      // Inside a URL: one piece up to the first cluster boundary at or after its end.
      if (e < urls[next_url].second) continue;
      f(e, x_url_weight);
      ++next_url;
      continue;
    }
    const auto cluster = s.substr(b, e - b);
    switch (unit) {
    case length_unit::graphemes: f(e, 1); break;
    case length_unit::code_points: f(e, count_code_points(cluster)); break;
    case length_unit::utf16: f(e, count_utf16(cluster)); break;
    case length_unit::x_weighted: f(e, x_cluster_weight(cluster)); break;
    }
  }
}

} // namespace

std::vector<piece> pieces(std::string_view valid, length_unit unit, grapheme_engine engine) {
  std::vector<piece> out;
  out.reserve(valid.size() < 4096 ? valid.size() : 4096);
  if (engine == grapheme_engine::fast && unit != length_unit::x_weighted && all_ascii(valid)) {
    // ASCII: one byte, one unit, except that CR LF is one grapheme (two code points).
    for (std::size_t i = 0; i < valid.size(); ++i) {
      if (valid[i] == '\r' && i + 1 < valid.size() && valid[i + 1] == '\n') {
        out.push_back({i + 2, unit == length_unit::graphemes ? std::size_t{1} : std::size_t{2}});
        ++i;
      } else {
        out.push_back({i + 1, 1});
      }
    }
    return out;
  }
  for_each_piece(valid, unit, engine, [&](std::size_t end, std::size_t len) { out.push_back({end, len}); });
  return out;
}

std::size_t measure_nfc(std::string_view nfc, length_unit unit) {
  switch (unit) {
  case length_unit::code_points: return count_code_points(nfc);
  case length_unit::utf16: return count_utf16(nfc);
  case length_unit::graphemes: return graphemes_in(nfc, grapheme_engine::fast);
  case length_unit::x_weighted: {
    std::size_t total = 0;
    for_each_piece(nfc, unit, grapheme_engine::fast, [&](std::size_t, std::size_t len) { total += len; });
    return total;
  }
  }
  return 0;
}

std::size_t measure(std::string_view valid, length_unit unit) {
  if (unit == length_unit::code_points || unit == length_unit::utf16 || all_ascii(valid)) return measure_nfc(valid, unit);
  return measure_nfc(icu::nfc_utf8(valid), unit);
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

const char *to_string(length_unit unit) noexcept {
  switch (unit) {
  case length_unit::graphemes: return "graphemes";
  case length_unit::code_points: return "code_points";
  case length_unit::utf16: return "utf16";
  case length_unit::x_weighted: return "x_weighted";
  }
  return "unknown";
}

result<std::size_t> length(std::string_view text, length_unit unit) {
  error err;
  if (!detail::check_text(text, err)) return err;
  switch (unit) {
  case length_unit::graphemes: case length_unit::code_points: case length_unit::utf16: case length_unit::x_weighted:
    return detail::measure(text, unit);
  }
  return make_error(errc::invalid_argument, "unknown length unit " + std::to_string(static_cast<int>(unit)));
}

} // namespace v1
} // namespace rapport
