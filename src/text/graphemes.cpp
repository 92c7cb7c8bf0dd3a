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
// ICU (one BreakIterator set on the whole text, asked from each run's start).
// ASCII, precomposed Latin, Greek, Cyrillic, CJK ideographs, kana and lone
// emoji never reach ICU; Hangul, combining marks, Indic scripts, flags and
// emoji sequences do, but only the run around them.
#include "text/graphemes.hpp"

#include <array>
#include <cstdint>
#include <optional>

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

const bmp_simple_table &bmp_table() {
  static const bmp_simple_table bmp;
  return bmp;
}

inline bool is_simple(const bmp_simple_table &bmp, char32_t c) {
  return c < 0x10000 ? bmp(c) : simple_gcb(static_cast<UChar32>(c));
}

} // namespace

bool always_breaks(char32_t before, char32_t after) {
  const auto &bmp = bmp_table();
  return (before < 0x80 || is_simple(bmp, before)) && (after < 0x80 || is_simple(bmp, after)) &&
         !(before == U'\r' && after == U'\n');
}

bool all_ascii(std::string_view s) noexcept {
  std::size_t i = 0;
  std::uint64_t acc = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    __builtin_memcpy(&w, s.data() + i, 8);
    acc |= w;
  }
  for (; i < s.size(); ++i) acc |= static_cast<unsigned char>(s[i]);
  return (acc & 0x8080808080808080ull) == 0;
}

namespace {

// Clusters in ASCII text: one per byte, CR LF counting once.
std::size_t ascii_graphemes(std::string_view s) noexcept {
  std::size_t n = s.size();
  for (auto p = s.find('\r'); p != std::string_view::npos; p = s.find('\r', p + 1))
    if (p + 1 < s.size() && s[p + 1] == '\n') --n;
  return n;
}

// Walks `s`, calling boundary(offset) for each cluster start after 0,
// ascii_boundaries(from, to) for the cluster starts in [from, to) inside a run
// of ASCII (every offset but the LF of a CR LF), and complex(begin, end) for
// each run that needs ICU, which must report the boundaries strictly inside
// (begin, end). `begin` and `end` are boundaries except between CR and LF (a
// complex run may end with a CR or start with an LF): the walk itself decides
// and reports those two positions, never the callback.
template <class Boundary, class AsciiBoundaries, class Complex>
void walk(std::string_view s, Boundary &&boundary, AsciiBoundaries &&ascii_boundaries, Complex &&complex) {
  const std::size_t n = s.size();
  const auto &bmp = bmp_table();
  std::size_t run_start = 0;   // start of the current run
  bool run_complex = false;    // the run holds a non-simple code point
  bool prev_simple = true;     // the code point before i is simple (or i == 0)
  char32_t prev = 0;
  std::size_t i = 0;
  while (i < n) {
    const std::size_t at = i;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      // A run of ASCII: the first byte may join what precedes it; between the
      // others every position is a boundary but the LF of CR LF.
      std::size_t j = at + 1;
      while (j < n && static_cast<unsigned char>(s[j]) < 0x80) ++j;
      if (at != 0 && prev_simple) {
        if (run_complex) complex(run_start, at);
        if (!(prev == U'\r' && b == '\n')) boundary(at);
        run_start = at;
        run_complex = false;
      }
      if (j - at > 1) {
        if (run_complex) complex(run_start, at + 1);
        ascii_boundaries(at + 1, j);
        run_start = j - 1;
        run_complex = false;
      }
      prev_simple = true;
      prev = static_cast<unsigned char>(s[j - 1]);
      i = j;
      continue;
    }
    const char32_t c = decode_utf8(s, i);
    const bool simple = is_simple(bmp, c);
    if (at != 0 && simple && prev_simple) {
      if (run_complex) complex(run_start, at);
      if (prev != U'\r' || c != U'\n') boundary(at);
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
  std::vector<std::size_t> out;
  out.reserve(valid.size() < 4096 ? valid.size() + 1 : 4096);
  out.push_back(0);
  if (valid.empty()) return out;
  if (engine == grapheme_engine::icu) {
    icu::grapheme_boundaries(valid, 0, out);
  } else {
    std::optional<icu::grapheme_cursor> cursor; // set on the whole text once, if a run needs ICU
    walk(
        valid, [&](std::size_t at) { out.push_back(at); },
        [&](std::size_t from, std::size_t to) {
          for (std::size_t p = from; p < to; ++p)
            if (valid[p] != '\n' || valid[p - 1] != '\r') out.push_back(p);
        },
        [&](std::size_t b, std::size_t e) {
          if (!cursor) cursor.emplace(valid);
          cursor->boundaries(b, e, out);
        });
  }
  out.push_back(valid.size());
  return out;
}

std::size_t graphemes_in(std::string_view valid, grapheme_engine engine) {
  if (valid.empty()) return 0;
  if (engine == grapheme_engine::icu) return icu::count_graphemes(valid);
  if (all_ascii(valid)) return ascii_graphemes(valid);
  std::size_t n = 1;
  std::optional<icu::grapheme_cursor> cursor;
  walk(
      valid, [&](std::size_t) { ++n; },
      [&](std::size_t from, std::size_t to) { n += ascii_graphemes(valid.substr(from - 1, to - from + 1)) - 1; },
      [&](std::size_t b, std::size_t e) {
        if (!cursor) cursor.emplace(valid);
        n += cursor->count(b, e);
      });
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
