// Folding drafts into hashed words, and the word lists of data/review/.
#include "review/lexicon.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include <unicode/uchar.h>

#include "rapport/text.hpp"
#include "text/utf8.hpp"

namespace rapport::detail::review_data {
extern const std::string_view greetings_tsv;
extern const std::string_view honorifics_tsv;
extern const std::string_view greeting_fillers_txt;
extern const std::string_view stopwords_txt;
extern const std::string_view boilerplate_tsv;
extern const std::string_view introductions_tsv;
extern const std::string_view reasons_tsv;
extern const std::string_view placeholder_words_tsv;
extern const std::string_view nicknames_txt;
} // namespace rapport::detail::review_data

// The folding loop's helpers must inline, or the state they share escapes to
// memory and every byte written through char* reloads it.
#if defined(__GNUC__)
#define RAPPORT_INLINE __attribute__((always_inline))
#else
#define RAPPORT_INLINE
#endif

namespace rapport::detail::review {
namespace {

// ---- Latin letters to ASCII ---------------------------------------------------

enum class cp_kind : std::uint8_t { letter, drop, separator, keep };

struct latin_entry {
  std::array<char, 4> s{};
  std::uint8_t len = 0;
  cp_kind kind = cp_kind::separator;
};

// U+0080–U+024F and U+1E00–U+1EFF, mapped once with the library's own ASCII
// match key, so review folds exactly as match_key(…, key_kind::ascii) does.
struct latin_table {
  std::array<latin_entry, 0x250 - 0x80> low{};
  std::array<latin_entry, 0x100> ext{};

  static latin_entry make(char32_t c) {
    latin_entry e;
    if (c >= 0x300 && c < 0x370) { e.kind = cp_kind::drop; return e; }
    if (!u_isalpha(static_cast<UChar32>(c))) { e.kind = cp_kind::separator; return e; }
    std::string s;
    detail::append_utf8(s, c);
    auto k = match_key(s, key_kind::ascii);
    if (!k || k->empty() || k->size() > 4 || !detail::is_ascii(*k)) { e.kind = cp_kind::keep; return e; }
    e.kind = cp_kind::letter;
    e.len = static_cast<std::uint8_t>(k->size());
    std::copy(k->begin(), k->end(), e.s.begin());
    return e;
  }

  latin_table() {
    for (char32_t c = 0x80; c < 0x250; ++c) low[c - 0x80] = make(c);
    for (char32_t c = 0x1E00; c < 0x1F00; ++c) ext[c - 0x1E00] = make(c);
  }
};

const latin_table &latin() {
  static const latin_table t;
  return t;
}

bool is_cjk_cp(char32_t c) noexcept {
  return (c >= 0x1100 && c < 0x1200) || (c >= 0x3040 && c < 0x3100) || (c >= 0x3130 && c < 0x3190) ||
         (c >= 0x3400 && c < 0x4DC0) || (c >= 0x4E00 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7B0) ||
         (c >= 0xF900 && c < 0xFB00) || (c >= 0x20000 && c < 0x31350);
}

// Code points sanitize() may remove: controls, default-ignorables, bidi controls, U+2800.
bool suspicious_cp(char32_t c) noexcept {
  if (c < 0xA0) return true;  // C1 controls (callers pass only c >= 0x80)
  if (c < 0x2000)
    return c == 0xAD || c == 0x34F || c == 0x61C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 ||
           (c >= 0x180B && c <= 0x180F);
  if (c < 0x2070) return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || c >= 0x2060;
  return c == 0x2800 || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
         (c >= 0xFFF0 && c <= 0xFFFB) || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A) ||
         (c >= 0xE0000 && c <= 0xE0FFF);
}

bool is_apostrophe(char32_t c) noexcept { return c == 0x2019 || c == 0x2018 || c == 0x02BC; }

// Word hashes: bytes are packed eight to a 64-bit chunk (a shift and an or
// per byte, no multiply on the per-byte path) and each chunk is mixed with
// MurmurHash3's finalizer. Folded words hold no NUL byte, so the packing is
// injective within a chunk; the length goes into the final mix.
inline std::uint64_t mix64(std::uint64_t h) noexcept {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

struct word_hasher {
  std::uint64_t h = 0, acc = 0;
  unsigned cnt = 0, len = 0;
  void reset() noexcept { h = acc = 0; cnt = len = 0; }
  void add(unsigned char c) noexcept {
    acc |= static_cast<std::uint64_t>(c) << (8 * cnt);
    ++len;
    if (++cnt == 8) { h = mix64(h ^ acc); acc = 0; cnt = 0; }
  }
  // For words of up to seven bytes, (acc, len) is packed without loss and
  // the multiply-xorshift is a bijection, so short words never collide.
  std::uint64_t done() const noexcept {
    std::uint64_t r = (h ^ acc ^ (static_cast<std::uint64_t>(len) << 56)) * 0x9E3779B97F4A7C15ULL;
    r ^= r >> 29;
    return r ? r : 1;
  }
};

// The hash word_hasher gives the lowercase of `len` ASCII letters at `p`,
// read eight at a time straight from the source (reading the folded copy just
// written would stall on store forwarding). `avail` bytes are readable at `p`.
std::uint64_t hash_lower_letters(const char *p, std::size_t len, std::size_t avail) noexcept {
  word_hasher w;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t lower = 0x2020202020202020ULL;
    std::size_t k = 0;
    for (; k + 8 <= len; k += 8) {
      std::uint64_t chunk;
      std::memcpy(&chunk, p + k, 8);
      w.h = mix64(w.h ^ (chunk | lower));
    }
    const std::size_t rest = len - k;
    if (rest && k + 8 <= avail) {
      std::uint64_t tail;
      std::memcpy(&tail, p + k, 8);
      w.acc = (tail | lower) & (~std::uint64_t{0} >> (64 - 8 * rest));
    } else {
      for (std::size_t r = 0; r < rest; ++r)
        w.acc |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[k + r] | 0x20)) << (8 * r);
    }
    w.len = static_cast<unsigned>(len);
    return w.done();
  } else {
    for (std::size_t k = 0; k < len; ++k) w.add(static_cast<unsigned char>(p[k] | 0x20));
    return w.done();
  }
}

inline bool ascii_letter(unsigned char b) noexcept { return static_cast<unsigned char>((b | 0x20) - 'a') < 26; }

std::size_t utf8_len(unsigned char b) noexcept { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

std::size_t table_size(std::size_t n) {
  std::size_t size = 16;
  while (size < n * 2) size <<= 1;
  return size;
}

template <class F>
void for_each_line(std::string_view text, F &&f) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    f(line);
  }
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  for (;;) {
    const auto t = line.find('\t');
    out.push_back(line.substr(0, t));
    if (t == std::string_view::npos) break;
    line = line.substr(t + 1);
  }
  return out;
}

} // namespace

// ---- folding ------------------------------------------------------------------

void folded_text::clear() {
  len = 0;
  words = {};
  suspicious = maybe_mojibake = non_ascii = spacing = delimiters = false;
}


void fold(std::string_view text, folded_text &out) {
  out.clear();
  // At most 4 output bytes per code point plus one separator, and a code
  // point has at least one byte: 3 bytes per input byte is enough (a 2-byte
  // code point gives at most 4 ASCII letters + 1 space).
  const std::size_t cap = text.size() * 3 + 8;
  if (out.buf.size() < cap) out.buf.resize(cap);
  if (out.src.size() < cap) out.src.resize(cap);
  if (out.store.size() < cap / 2 + 2) out.store.resize(cap / 2 + 2);
  fword *W = out.store.data();
  std::size_t nw = 0;
  char *B = out.buf.data();
  std::uint32_t *S = out.src.data();
  std::size_t n = 0;

  // The word being built, hashed as it grows.
  bool open = false, umlaut = false, cjk = false;
  std::size_t fb = 0;
  word_hasher h, hg;
  char prev = 0;
  const auto emit = [&](char ch, std::size_t at) RAPPORT_INLINE {
    if (!open) { open = true; fb = n; h.reset(); hg.reset(); prev = 0; umlaut = cjk = false; }
    B[n] = ch;
    S[n] = static_cast<std::uint32_t>(at);
    ++n;
    h.add(static_cast<unsigned char>(ch));
    if (ch == 'e' && (prev == 'a' || prev == 'o' || prev == 'u')) { prev = 0; return; }
    hg.add(static_cast<unsigned char>(ch));
    prev = ch;
  };
  const auto sep = [&](std::size_t at) RAPPORT_INLINE {
    if (open) {
      fword &w = W[nw++];
      w.fb = static_cast<std::uint32_t>(fb);
      w.fe = static_cast<std::uint32_t>(n);
      w.sb = S[fb];
      const std::uint32_t last = S[n - 1];
      w.se = static_cast<std::uint32_t>(last + utf8_len(static_cast<unsigned char>(text[last])));
      w.h = h.done();
      w.hg = hg.done();
      w.umlaut = umlaut;
      w.cjk = cjk;
      open = false;
    }
    if (n == 0 || B[n - 1] != ' ') { B[n] = ' '; S[n] = static_cast<std::uint32_t>(at); ++n; }
  };
  sep(0);
  const latin_table *lt = nullptr;
  // Word breaks where letters meet digits ("bauma2025") and where Latin meets
  // CJK ("Voltaのサム"), so both halves can be matched.
  enum class cls : std::uint8_t { none, letter, digit, cjk } last = cls::none;
  const auto push = [&](cls c, std::size_t at) RAPPORT_INLINE {
    if (c != last && last != cls::none) sep(at);
    last = c;
  };
  char before = 0;  // the previous source byte when it was ASCII white space
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const auto b = static_cast<unsigned char>(text[i]);
    // Fast path: a whole word of ASCII letters (followed by ASCII that is not a
    // letter, or the end), copied lowercase and hashed eight bytes at a time.
    if (!open && ascii_letter(b)) {
      std::size_t j = i + 1;
      while (j < text.size() && ascii_letter(static_cast<unsigned char>(text[j]))) ++j;
      if (j == text.size() || static_cast<unsigned char>(text[j]) < 0x80) {
        if (last != cls::letter) push(cls::letter, at);
        const std::size_t len = j - i;
        char *dst = B + n;
        std::uint32_t *map = S + n;
        const char *from = text.data() + i;
        for (std::size_t k = 0; k < len; ++k) dst[k] = static_cast<char>(from[k] | 0x20);
        for (std::size_t k = 0; k < len; ++k) map[k] = static_cast<std::uint32_t>(i + k);
        bool digraph = false;
        for (std::size_t k = 1; k < len; ++k)
          if (dst[k] == 'e') {
            const char p = dst[k - 1];
            digraph = digraph || p == 'a' || p == 'o' || p == 'u';
          }
        fword &w = W[nw++];
        w.fb = static_cast<std::uint32_t>(n);
        w.fe = static_cast<std::uint32_t>(n + len);
        w.sb = static_cast<std::uint32_t>(i);
        w.se = static_cast<std::uint32_t>(j);
        w.h = hash_lower_letters(from, len, text.size() - i);
        if (digraph) {
          word_hasher g;
          char p = 0;
          for (std::size_t k = 0; k < len; ++k) {
            const char ch = B[n + k];
            if (ch == 'e' && (p == 'a' || p == 'o' || p == 'u')) { p = 0; continue; }
            g.add(static_cast<unsigned char>(ch));
            p = ch;
          }
          w.hg = g.done();
        } else {
          w.hg = w.h;
        }
        w.umlaut = w.cjk = false;
        n += len;
        i = j;
        before = 0;
        continue;
      }
    }
    if (b < 0x80) {
      ++i;
      if (b >= 'a' && b <= 'z') {
        if (last != cls::letter) push(cls::letter, at);
        emit(static_cast<char>(b), at);
      } else if (b >= 'A' && b <= 'Z') {
        if (last != cls::letter) push(cls::letter, at);
        emit(static_cast<char>(b + 32), at);
      } else if (b >= '0' && b <= '9') {
        if (last != cls::digit) push(cls::digit, at);
        emit(static_cast<char>(b), at);
      } else {
        switch (b) {
        case ' ': case '\n': case '\r':
          if (before) out.spacing = true;
          break;
        case '\t': out.spacing = true; break;
        case '{': case '[': case '<': case '%': case '#': case '_': case '$': case '*': out.delimiters = true; break;
        default:
          if (b < 0x20 || b == 0x7F) out.suspicious = true;
        }
        sep(at);
        before = (b == ' ' || b == '\n' || b == '\r' || b == '\t') ? static_cast<char>(b) : 0;
        continue;
      }
      before = 0;
      continue;
    }
    before = 0;
    out.non_ascii = true;
    const char32_t c = detail::decode_utf8(text, i);
    if (c >= 0xC2 && c <= 0xF4) out.maybe_mojibake = true;
    if (suspicious_cp(c)) out.suspicious = true;
    const latin_entry *e = nullptr;
    if (c < 0x250 || (c >= 0x1E00 && c < 0x1F00)) {
      if (!lt) lt = &latin();
      e = c < 0x250 ? &lt->low[c - 0x80] : &lt->ext[c - 0x1E00];
    }
    if (e && e->kind == cp_kind::letter) {
      push(cls::letter, at);
      for (std::size_t k = 0; k < e->len; ++k) emit(e->s[k], at);
      if ((c | 0x20) == 0xE4 || (c | 0x20) == 0xF6 || (c | 0x20) == 0xFC) umlaut = true;
      continue;
    }
    if (e && e->kind == cp_kind::drop) continue;
    if (e && e->kind == cp_kind::separator) { sep(at); continue; }
    if (is_apostrophe(c)) { sep(at); continue; }
    const auto type = u_charType(static_cast<UChar32>(c));
    const bool letter = type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER;
    const bool mark = type >= U_NON_SPACING_MARK && type <= U_COMBINING_SPACING_MARK;
    const bool digit = type == U_DECIMAL_DIGIT_NUMBER || type == U_LETTER_NUMBER;
    if (!(letter || mark || digit)) { sep(at); continue; }
    const bool han = is_cjk_cp(c);
    if (letter || digit) push(han ? cls::cjk : digit ? cls::digit : cls::letter, at);
    char32_t o = letter ? static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)) : c;
    char tmp[4];
    std::size_t len = 0;
    if (o < 0x80) { tmp[len++] = static_cast<char>(o); }
    else if (o < 0x800) { tmp[len++] = static_cast<char>(0xC0 | (o >> 6)); tmp[len++] = static_cast<char>(0x80 | (o & 0x3F)); }
    else if (o < 0x10000) {
      tmp[len++] = static_cast<char>(0xE0 | (o >> 12)); tmp[len++] = static_cast<char>(0x80 | ((o >> 6) & 0x3F));
      tmp[len++] = static_cast<char>(0x80 | (o & 0x3F));
    } else {
      tmp[len++] = static_cast<char>(0xF0 | (o >> 18)); tmp[len++] = static_cast<char>(0x80 | ((o >> 12) & 0x3F));
      tmp[len++] = static_cast<char>(0x80 | ((o >> 6) & 0x3F)); tmp[len++] = static_cast<char>(0x80 | (o & 0x3F));
    }
    for (std::size_t k = 0; k < len; ++k) emit(tmp[k], at);
    if (han) cjk = true;
  }
  sep(text.size());
  out.len = n;
  out.words = std::span<const fword>(W, nw);
}

// ---- phrases ------------------------------------------------------------------

phrase make_phrase(std::string_view text, int tag) {
  phrase p;
  p.tag = tag;
  if (find_invalid_utf8(text)) return p;
  folded_text f;
  fold(text, f);
  for (const auto &w : f.words) {
    p.h.push_back(w.h);
    p.hg.push_back(w.hg);
    p.cjk = p.cjk || w.cjk;
  }
  if (!f.words.empty()) p.folded = std::string(f.text().substr(1, f.len - 2));
  return p;
}

bool phrase_at(const folded_text &t, std::size_t i, const phrase &p, bool german) noexcept {
  const auto &hs = german ? p.hg : p.h;
  if (hs.empty() || i + hs.size() > t.words.size()) return false;
  for (std::size_t k = 0; k < hs.size(); ++k)
    if ((german ? t.words[i + k].hg : t.words[i + k].h) != hs[k]) return false;
  return true;
}

void phrase_table::add(phrase p) {
  if (!p.h.empty()) phrases_.push_back(std::move(p));
}

void phrase_table::build() {
  std::stable_sort(phrases_.begin(), phrases_.end(), [](const phrase &a, const phrase &b) {
    if (a.h[0] != b.h[0]) return a.h[0] < b.h[0];
    return a.h.size() > b.h.size();
  });
  const std::size_t size = table_size(phrases_.size());
  keys_.assign(size, 0);
  first_.assign(size, 0);
  mask_ = size - 1;
  for (std::size_t k = 0; k < phrases_.size(); ++k) {
    const std::uint64_t key = phrases_[k].h[0];
    std::uint64_t slot = key & mask_;
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
    if (keys_[slot] == 0) { keys_[slot] = key; first_[slot] = static_cast<std::uint32_t>(k); }
    bloom_[(key >> 6) & (bloom_.size() - 1)] |= std::uint64_t{1} << (key & 63);
  }
}

const phrase *phrase_table::probe(const folded_text &t, std::size_t i) const noexcept {
  if (keys_.empty() || i >= t.words.size()) return nullptr;
  const std::uint64_t key = t.words[i].h;
  std::uint64_t slot = key & mask_;
  while (keys_[slot] != key) {
    if (keys_[slot] == 0) return nullptr;
    slot = (slot + 1) & mask_;
  }
  for (std::size_t k = first_[slot]; k < phrases_.size() && phrases_[k].h[0] == key; ++k)
    if (phrase_at(t, i, phrases_[k], false)) return &phrases_[k];
  return nullptr;
}

void word_map::add(std::uint64_t h, int value) { items_.emplace_back(h, value); }

void word_map::build() {
  const std::size_t size = table_size(items_.size());
  keys_.assign(size, 0);
  values_.assign(size, -1);
  mask_ = size - 1;
  for (const auto &[key, value] : items_) {
    std::uint64_t slot = key & mask_;
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
    if (keys_[slot] == 0) { keys_[slot] = key; values_[slot] = value; }
  }
  items_.clear();
  items_.shrink_to_fit();
}

int word_map::find(std::uint64_t h) const noexcept {
  if (keys_.empty()) return -1;
  std::uint64_t slot = h & mask_;
  while (keys_[slot] != h) {
    if (keys_[slot] == 0) return -1;
    slot = (slot + 1) & mask_;
  }
  return values_[slot];
}

bool lexicon::nicknames(std::uint64_t a, std::uint64_t b) const noexcept {
  const int ga = nickname_words.find(a), gb = nickname_words.find(b);
  if (ga < 0 || gb < 0) return false;
  for (auto x : nickname_groups[static_cast<std::size_t>(ga)])
    for (auto y : nickname_groups[static_cast<std::size_t>(gb)])
      if (x == y) return true;
  return false;
}

// ---- the lexicon ----------------------------------------------------------------

namespace {

// A single-word entry's hash ("prénom" → "prenom"); 0 when it folds to several words.
std::uint64_t single_word(std::string_view text) {
  auto p = make_phrase(text);
  return p.h.size() == 1 ? p.h[0] : 0;
}

lexicon build_lexicon() {
  namespace d = rapport::detail::review_data;
  lexicon lx;
  for_each_line(d::greetings_tsv, [&](std::string_view line) {
    const auto f = split_tabs(line);
    if (f.size() >= 3) lx.greetings.push_back(make_phrase(f[1], (f[2] == "1" ? 1 : 0) | (f[0] == "fr" ? 2 : 0)));
  });
  std::stable_sort(lx.greetings.begin(), lx.greetings.end(),
                   [](const phrase &a, const phrase &b) { return a.h.size() > b.h.size(); });
  for (std::size_t k = 0; k < lx.greetings.size(); ++k)
    if (!lx.greetings[k].h.empty()) lx.greeting_first.emplace_back(lx.greetings[k].h[0], static_cast<std::uint32_t>(k));
  std::sort(lx.greeting_first.begin(), lx.greeting_first.end());
  for_each_line(d::honorifics_tsv, [&](std::string_view line) {
    const auto f = split_tabs(line);
    if (f.size() < 2) return;
    const auto g = f[1] == "f" ? title_gender::feminine : f[1] == "m" ? title_gender::masculine : title_gender::none;
    if (auto h = single_word(f[0])) lx.honorifics.add(h, static_cast<int>(g));
  });
  for_each_line(d::greeting_fillers_txt, [&](std::string_view line) {
    if (auto h = single_word(line)) lx.fillers.add(h, 1);
  });
  for_each_line(d::stopwords_txt, [&](std::string_view line) {
    if (auto h = single_word(line)) lx.stopwords.add(h, 1);
  });
  for_each_line(d::boilerplate_tsv, [&](std::string_view line) {
    const auto f = split_tabs(line);
    if (f.size() < 3) return;
    lx.boilerplate.add(make_phrase(f[2], static_cast<int>(lx.boilerplate_text.size())));
    lx.boilerplate_text.emplace_back(f[2]);
  });
  for_each_line(d::introductions_tsv, [&](std::string_view line) {
    const auto f = split_tabs(line);
    if (f.size() >= 2) lx.introductions.add(make_phrase(f[1]));
  });
  for_each_line(d::reasons_tsv, [&](std::string_view line) {
    const auto f = split_tabs(line);
    if (f.size() >= 2) lx.reasons.add(make_phrase(f[1]));
  });
  for_each_line(d::placeholder_words_tsv, [&](std::string_view line) {
    const auto f = split_tabs(line);
    if (f.size() < 2) return;
    if (auto h = single_word(f[0])) lx.placeholder_words.add(h, f[1] == "field" ? 1 : 0);
  });
  // Nicknames: word → the groups it is in.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> memberships;
  std::uint32_t group = 0;
  for_each_line(d::nicknames_txt, [&](std::string_view line) {
    auto p = make_phrase(line);
    for (auto h : p.h) memberships.emplace_back(h, group);
    ++group;
  });
  std::sort(memberships.begin(), memberships.end());
  for (std::size_t k = 0; k < memberships.size();) {
    std::vector<std::uint32_t> groups;
    std::size_t j = k;
    for (; j < memberships.size() && memberships[j].first == memberships[k].first; ++j) groups.push_back(memberships[j].second);
    lx.nickname_words.add(memberships[k].first, static_cast<int>(lx.nickname_groups.size()));
    lx.nickname_groups.push_back(std::move(groups));
    k = j;
  }
  lx.honorifics.build();
  lx.fillers.build();
  lx.stopwords.build();
  lx.boilerplate.build();
  lx.introductions.build();
  lx.reasons.build();
  lx.placeholder_words.build();
  lx.nickname_words.build();
  return lx;
}

} // namespace

const lexicon &lex() {
  static const lexicon l = build_lexicon();
  return l;
}

} // namespace rapport::detail::review
