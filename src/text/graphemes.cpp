// Grapheme clusters: a fast path that gives ICU's answer without a
// BreakIterator, and ICU for the parts of a text that need the full rules.
//
// Why the fast path is exact. Call a code point *simple* when its
// Grapheme_Cluster_Break property is Other, Control, CR or LF. Between two
// simple code points UAX #29 always breaks, except CR × LF (GB3): every rule
// that keeps code points together needs a non-simple one — Extend/ZWJ (GB9,
// GB11), SpacingMark (GB9a), Prepend (GB9b), Hangul jamo and syllables
// (GB6–GB8), Regional_Indicator (GB12/13). Extended_Pictographic code points
// are simple (GCB Other): they join only through ZWJ or Extend, which are not.
// So a position between two simple code points is a known boundary, and the
// rules never look across it (the RI and emoji rules look back only within a
// cluster). The text splits there into runs; runs of one simple code point are
// one cluster each, and only the runs that hold a non-simple code point go to
// ICU. ASCII, precomposed Latin, Greek, Cyrillic, CJK ideographs, kana and most
// lone emoji never reach ICU; Hangul, combining marks, Indic scripts, flags and
// emoji sequences do, but only the run around them.
#include "text/graphemes.hpp"

#include <array>
#include <cstdint>

#include <unicode/uchar.h>

#include "icu/icu_adapter.hpp"
#include "text/utf8.hpp"

namespace rapport::detail {
namespace {

bool simple_gcb(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK)) {
  case U_GCB_OTHER: case U_GCB_CONTROL: case U_GCB_CR: case U_GCB_LF:
    return true;
  default:
    return false;
  }
}

// One bit per BMP code point, from ICU's own data, built once.
class bmp_simple_table {
public:
  bmp_simple_table() {
    for (UChar32 c = 0; c < 0x10000; ++c)
      if (simple_gcb(c)) bits_[static_cast<std::size_t>(c) >> 6] |= std::uint64_t{1} << (c & 63);
  }
  bool operator()(char32_t c) const noexcept { return (bits_[c >> 6] >> (c & 63)) & 1u; }

private:
  std::array<std::uint64_t, 0x10000 / 64> bits_{};
};

bool is_simple(char32_t c) {
  if (c < 0x80) return true;
  static const bmp_simple_table bmp;
  if (c < 0x10000) return bmp(c);
  return simple_gcb(static_cast<UChar32>(c));
}

// Walks `s`, calling boundary(offset) for each cluster start after 0 and
// complex(begin, end) for each run that needs ICU (boundary(begin) already
// reported, boundary(end) reported after it).
template <class Boundary, class Complex>
void walk(std::string_view s, Boundary &&boundary, Complex &&complex) {
  const std::size_t n = s.size();
  std::size_t run_start = 0;   // start of the current run
  bool run_complex = false;    // the run holds a non-simple code point
  bool prev_simple = true;     // the code point before i is simple (or i == 0)
  char32_t prev = 0;
  std::size_t i = 0;
  while (i < n) {
    const std::size_t at = i;
    const auto b = static_cast<unsigned char>(s[i]);
    char32_t c;
    bool simple;
    if (b < 0x80) {
      c = b;
      ++i;
      simple = true;
    } else {
      c = decode_utf8(s, i);
      simple = is_simple(c);
    }
    if (at != 0 && simple && prev_simple) {
      if (run_complex) complex(run_start, at);
      if (!(prev == U'\r' && c == U'\n')) boundary(at);
      run_start = at;
      run_complex = false;
    }
    run_complex = run_complex || !simple;
    prev_simple = simple;
    prev = c;
  }
  if (run_complex) complex(run_start, n);
}

} // namespace

std::vector<std::size_t> boundaries_of(std::string_view valid, grapheme_engine engine) {
  std::vector<std::size_t> out{0};
  if (valid.empty()) return out;
  if (engine == grapheme_engine::icu) {
    icu::grapheme_boundaries(valid, 0, out);
  } else {
    walk(
        valid, [&](std::size_t at) { out.push_back(at); },
        [&](std::size_t b, std::size_t e) { icu::grapheme_boundaries(valid.substr(b, e - b), b, out); });
  }
  out.push_back(valid.size());
  return out;
}

std::size_t graphemes_in(std::string_view valid, grapheme_engine engine) {
  if (valid.empty()) return 0;
  if (engine == grapheme_engine::icu) return icu::count_graphemes(valid);
  std::size_t n = 1;
  walk(
      valid, [&](std::size_t) { ++n; },
      [&](std::size_t b, std::size_t e) { n += icu::count_graphemes(valid.substr(b, e - b)) - 1; });
  return n;
}

bool check_text(std::string_view text, error &err) {
  if (text.size() > max_text_bytes) {
    err = make_error(errc::limit_exceeded, "text of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                                               std::to_string(max_text_bytes) + " bytes");
    return false;
  }
  return check_utf8(text, err);
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

result<std::size_t> count_graphemes(std::string_view text, grapheme_engine engine) {
  error err;
  if (!detail::check_text(text, err)) return err;
  return detail::graphemes_in(text, engine);
}

result<std::vector<std::size_t>> grapheme_boundaries(std::string_view text, grapheme_engine engine) {
  error err;
  if (!detail::check_text(text, err)) return err;
  return detail::boundaries_of(text, engine);
}

} // namespace v1
} // namespace rapport
