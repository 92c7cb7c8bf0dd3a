// Truncation that never splits a grapheme cluster (nor, on X, a URL).
#include <algorithm>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "icu/icu_adapter.hpp"
#include "text/graphemes.hpp"
#include "text/measure.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {
namespace {

char32_t first_code_point(std::string_view s, std::size_t at) { return detail::decode_utf8(s, at); }

char32_t last_code_point(std::string_view s, std::size_t end) {
  std::size_t k = end - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return detail::decode_utf8(s, k);
}

bool is_space(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= U'\t' && c <= U'\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool is_dash(char32_t c) {
  if (c < 0x80) return c == U'-';
  return u_charType(static_cast<UChar32>(c)) == U_DASH_PUNCTUATION;
}

// Characters that read badly right before an ellipsis: white space, ",;:" and dashes.
bool is_trailing_junk(char32_t c) {
  return is_space(c) || c == U',' || c == U';' || c == U':' || is_dash(c);
}

// A cut at `at` (a piece boundary, 0 < at < s.size()) falls between words when
// white space follows it or a dash or slash precedes it.
bool word_boundary(std::string_view s, std::size_t at) {
  if (is_space(first_code_point(s, at))) return true;
  const char32_t before = last_code_point(s, at);
  return before == U'/' || is_dash(before);
}

struct prefix {
  std::string_view text;
  std::size_t length = 0; // sum of its pieces
};

// The longest prefix of `s` (cut between pieces) within `allowance`, moved back
// to a word boundary in the last third of the allowance when asked and
// possible, without trailing white space or separators.
prefix choose_prefix(std::string_view s, const std::vector<detail::piece> &ps, std::size_t allowance,
                               bool prefer_word) {
  std::size_t sum = 0;
  std::size_t hard = 0;        // piece count of the hard cut
  while (hard < ps.size() && sum + ps[hard].length <= allowance) sum += ps[hard++].length;
  // The last word cut in the last third of the allowance, searched from the hard cut back.
  std::size_t word = 0;
  if (prefer_word && hard < ps.size())
    for (std::size_t k = hard, at = sum; k > 0 && at * 3 >= allowance * 2; at -= ps[--k].length)
      if (word_boundary(s, ps[k - 1].end)) {
        word = k;
        break;
      }
  // A cut where the next piece starts a word is a word boundary too.
  std::size_t keep = (prefer_word && word != 0 && hard < ps.size()) ? word : hard;
  std::size_t end = keep == 0 ? 0 : ps[keep - 1].end;
  while (end > 0 && is_trailing_junk(last_code_point(s, end))) {
    --keep;
    end = keep == 0 ? 0 : ps[keep - 1].end;
  }
  std::size_t length = 0;
  for (std::size_t k = 0; k < keep; ++k) length += ps[k].length;
  return {s.substr(0, end), length};
}

// The pieces that can matter: every piece measures at least 1, so no more than
// limit + 1 of them are ever looked at. For graphemes, code points and UTF-16
// only a head of the text is segmented — a window that grows until its pieces
// pass the limit. A boundary before the window's end is exact (the rules look
// one code point ahead at most); the last piece may continue past the window,
// so it is dropped. On X a URL may straddle any window: the whole text is cut.
struct head {
  std::vector<detail::piece> pieces;
  bool whole = false; // the pieces cover the whole text
};

head head_pieces(std::string_view nfc, const truncate_options &options) {
  if (options.unit == length_unit::x_weighted || options.limit >= nfc.size())
    return {detail::pieces(nfc, options.unit, options.engine), true};
  std::size_t window = (options.limit + 2) * 16; // limit < nfc.size() <= max_text_bytes: no overflow
  while (window < nfc.size()) {
    std::size_t w = window;
    while (w < nfc.size() && (static_cast<unsigned char>(nfc[w]) & 0xC0) == 0x80) ++w;
    auto ps = detail::pieces(nfc.substr(0, w), options.unit, options.engine);
    ps.pop_back();
    std::size_t sum = 0;
    for (const auto &p : ps) sum += p.length;
    if (sum > options.limit) return {std::move(ps), false};
    window *= 2;
  }
  return {detail::pieces(nfc, options.unit, options.engine), true};
}

std::size_t sum_of(const std::vector<detail::piece> &ps) {
  std::size_t sum = 0;
  for (const auto &p : ps) sum += p.length;
  return sum;
}

// Is NFC text followed by `ellipsis` still NFC? Yes when the ellipsis is NFC
// and its first character never interacts with what precedes it.
bool ellipsis_appends_nfc(std::string_view ellipsis) {
  if (ellipsis.empty() || detail::all_ascii(ellipsis)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const auto &n = detail::icu::nfc();
  const bool normalized = n.isNormalizedUTF8(
      ::icu::StringPiece(ellipsis.data(), static_cast<int32_t>(ellipsis.size())), status);
  return U_SUCCESS(status) && normalized && n.hasBoundaryBefore(static_cast<UChar32>(first_code_point(ellipsis, 0)));
}

// ASCII without CR, in any unit but X's: every byte is one piece of length 1,
// so choose_prefix's cut can be computed directly. Same rules, no piece list.
bool plain_ascii(std::string_view s, const truncate_options &options) {
  return options.unit != length_unit::x_weighted && options.engine == grapheme_engine::fast &&
         s.find('\r') == std::string_view::npos && detail::all_ascii(s);
}

std::size_t plain_ascii_cut(std::string_view s, std::size_t allowance, bool prefer_word) {
  const std::size_t hard = std::min(allowance, s.size());
  std::size_t keep = hard;
  if (prefer_word && hard < s.size()) {
    // The last word boundary h with 3h >= 2 * allowance, as choose_prefix finds it.
    const std::size_t lowest = (2 * allowance + 2) / 3;
    for (std::size_t h = hard; h >= std::max<std::size_t>(lowest, 1); --h)
      if (word_boundary(s, h)) {
        keep = h;
        break;
      }
  }
  while (keep > 0 && is_trailing_junk(static_cast<unsigned char>(s[keep - 1]))) --keep;
  return keep;
}

// Text in NFC whose every pair of neighbours always breaks (accented Latin,
// Greek, Cyrillic… without combining marks): each code point is one piece, so
// the pieces come from one decoding pass. False, with `out` unspecified, for
// anything else, which takes the segmenter.
//
// Only code points below U+0300 qualify (NFC_Quick_Check=Yes, combining class
// 0): such text is NFC, and a head of it is a head of the text's NFC form. Only
// a head is decoded when the text is long, since a cut never looks past
// limit + 1 pieces. `whole` says whether the pieces cover the whole text.
bool simple_nfc_pieces(std::string_view s, const truncate_options &options, std::vector<detail::piece> &out,
                       bool &whole) {
  if (options.unit == length_unit::x_weighted || options.engine != grapheme_engine::fast) return false;
  const std::size_t enough = options.limit + 2;
  out.clear();
  out.reserve(std::min<std::size_t>(s.size(), enough));
  char32_t prev = 0;
  std::size_t i = 0;
  while (i < s.size() && out.size() < enough) {
    const char32_t c = detail::decode_utf8(s, i);
    if (c >= 0x300) return false;  // may need normalization or segmentation: the general path
    if (!out.empty() && (c >= 0x80 || prev >= 0x80) && !detail::always_breaks(prev, c)) return false;
    if (c == U'\r' || c == U'\n') return false;  // CR LF joins; leave line breaks to the segmenter
    out.push_back({i, options.unit == length_unit::utf16 && c >= 0x10000 ? std::size_t{2} : std::size_t{1}});
    prev = c;
  }
  whole = i == s.size();
  if (whole) return true;
  // The next code point must not join the last piece either.
  std::size_t j = i;
  const char32_t next = detail::decode_utf8(s, j);
  return next < 0x300 && (next >= 0x80 || prev >= 0x80 ? detail::always_breaks(prev, next) : true) &&
         next != U'\r' && next != U'\n';
}

// The ellipsis' length and whether it appends without normalizing, remembered
// per thread for the last ellipsis and unit (nearly every call uses the same).
struct ellipsis_facts {
  std::size_t length = 0;
  bool appends_nfc = true;
};

ellipsis_facts facts_of(std::string_view ellipsis, length_unit unit) {
  thread_local std::string last_text;
  thread_local length_unit last_unit = length_unit::graphemes;
  thread_local ellipsis_facts last_facts;
  thread_local bool known = false;
  if (known && unit == last_unit && ellipsis == last_text) return last_facts;
  last_facts = {detail::measure(ellipsis, unit), ellipsis_appends_nfc(ellipsis)};
  last_text.assign(ellipsis);
  last_unit = unit;
  known = true;
  return last_facts;
}

} // namespace

result<truncation> truncate(std::string_view text, const truncate_options &options) {
  error err;
  if (!detail::check_text(text, err)) return err;
  if (auto bad = find_invalid_utf8(options.ellipsis))
    return make_error(errc::invalid_utf8, "invalid UTF-8 in the ellipsis at byte " + std::to_string(*bad), *bad);
  if (options.ellipsis.size() > detail::max_text_bytes) return make_error(errc::limit_exceeded, "ellipsis too long");
  switch (options.unit) {
  case length_unit::graphemes: case length_unit::code_points: case length_unit::utf16: case length_unit::x_weighted:
    break;
  default:
    return make_error(errc::invalid_argument, "unknown length unit " + std::to_string(static_cast<int>(options.unit)));
  }

  if (plain_ascii(text, options)) {
    if (text.size() <= options.limit) return truncation{std::string(text), text.size(), false};
    const auto ell = facts_of(options.ellipsis, options.unit);
    const std::size_t ellipsis_length = ell.length;
    const bool use_ellipsis = !options.ellipsis.empty() && ellipsis_length < options.limit;
    // An ellipsis that may join the text (a leading combining mark…) takes the general path.
    if (!use_ellipsis || ell.appends_nfc) {
      if (use_ellipsis) {
        const std::size_t keep = plain_ascii_cut(text, options.limit - ellipsis_length, options.prefer_word_boundary);
        if (keep > 0 && (options.unit != length_unit::graphemes ||
                         detail::always_breaks(static_cast<unsigned char>(text[keep - 1]),
                                               first_code_point(options.ellipsis, 0)))) {
          std::string out(text.substr(0, keep));
          out.append(options.ellipsis);
          return truncation{std::move(out), keep + ellipsis_length, true};
        }
      }
      if (!use_ellipsis || plain_ascii_cut(text, options.limit - ellipsis_length, options.prefer_word_boundary) == 0) {
        // No ellipsis, or nothing fits before it: cut without one.
        const std::size_t keep = plain_ascii_cut(text, options.limit, options.prefer_word_boundary);
        return truncation{std::string(text.substr(0, keep)), keep, true};
      }
    }
  }

  std::string normalized;  // owns the NFC form when the text is not NFC already
  std::string_view nfc = text;
  std::vector<detail::piece> ps;
  bool whole = false;
  if (simple_nfc_pieces(text, options, ps, whole)) {
    // Every code point is its own piece: one pass over the head, no segmenter.
    if (whole) {
      const std::size_t total = sum_of(ps);
      if (total <= options.limit) return truncation{std::string(text), total, false};
    }
  } else {
    if (!detail::all_ascii(text)) {
      normalized = detail::icu::nfc_utf8(text);
      nfc = normalized;
    }
    // Does it fit? Graphemes are counted while the pieces are listed (a text of
    // at most `limit` bytes always fits); the other units are cheap to measure.
    if (options.unit != length_unit::graphemes || nfc.size() <= options.limit) {
      const std::size_t total = detail::measure_nfc(nfc, options.unit);
      if (total <= options.limit) return truncation{std::string(nfc), total, false};
    }
    auto h = head_pieces(nfc, options);
    if (h.whole) {
      const std::size_t total = sum_of(h.pieces);
      if (total <= options.limit) return truncation{std::string(nfc), total, false};
    }
    ps = std::move(h.pieces);
  }

  const auto ell = facts_of(options.ellipsis, options.unit);
  const std::size_t ellipsis_length = ell.length;
  const bool appends_nfc = ell.appends_nfc;
  const bool additive_units = options.unit == length_unit::code_points || options.unit == length_unit::utf16;
  for (const bool with_ellipsis : {true, false}) {
    if (with_ellipsis && (options.ellipsis.empty() || ellipsis_length >= options.limit)) continue;
    std::size_t allowance = with_ellipsis ? options.limit - ellipsis_length : options.limit;
    while (true) {
      const auto cut = choose_prefix(nfc, ps, allowance, options.prefer_word_boundary);
      if (cut.text.empty()) break;
      std::string out(cut.text);
      std::size_t len = 0;
      if (!with_ellipsis && options.unit != length_unit::x_weighted) {
        len = cut.length; // a prefix cut between clusters keeps its clusters
      } else if (with_ellipsis && appends_nfc &&
                 (additive_units || (options.unit == length_unit::graphemes &&
                                     detail::always_breaks(last_code_point(out, out.size()),
                                                           first_code_point(options.ellipsis, 0))))) {
        len = cut.length + ellipsis_length; // nothing joins across the seam
        out.append(options.ellipsis);
      } else {
        // The ellipsis may join the text (a combining mark) or, on X, change
        // what reads as a URL: normalize and measure what is returned.
        if (with_ellipsis) out = detail::icu::nfc_utf8(out.append(options.ellipsis));
        len = detail::measure_nfc(out, options.unit);
      }
      if (len <= options.limit) return truncation{std::move(out), len, true};
      if (allowance == 0) break;
      --allowance;
    }
  }
  return truncation{std::string(), 0, true};
}

} // namespace v1
} // namespace rapport
