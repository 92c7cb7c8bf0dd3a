// Private: the folded view of a draft that review() matches words on, and the
// word lists of data/review/ (compiled into the library), parsed once.
//
// Folding maps text to lowercase ASCII words where it can ("Jürgen" → "jurgen",
// "Straße" → "strasse", "I’m" → "i m"), keeps other scripts' letters
// (case-folded), and turns everything else into one space, remembering for
// every byte of the folded text the byte of the draft it came from. Words are
// compared by 64-bit hashes, so matching a phrase is a few integer compares.
#pragma once

#include <cstddef>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::detail::review {

/** One word of a folded text. */
struct fword {
  std::uint32_t fb = 0, fe = 0;  ///< [fb, fe) in folded_text::buf
  std::uint32_t sb = 0, se = 0;  ///< [sb, se) in the source text
  std::uint64_t h = 0;           ///< hash of the folded (ASCII) word
  std::uint64_t hg = 0;          ///< hash of the German reading (ae/oe/ue → a/o/u)
  bool umlaut = false;           ///< the source spells ä, ö or ü
  bool cjk = false;              ///< contains Han, kana or Hangul
};

/** A folded text with its map back to the source. */
struct folded_text {
  std::string buf;                 ///< " word word … " (leading and trailing space) in [0, len); capacity beyond
  std::vector<std::uint32_t> src;  ///< source byte offset of each byte of buf
  std::size_t len = 0;
  std::vector<fword> store;        ///< capacity for words
  std::span<const fword> words;    ///< the words, in store
  bool suspicious = false;         ///< a C0/C1 control, default-ignorable or bidi code point occurs
  bool maybe_mojibake = false;     ///< a code point that can start a mojibake run occurs
  bool non_ascii = false;
  bool spacing = false;            ///< a tab, or white space after white space (doubled spaces, blank lines)
  bool delimiters = false;         ///< one of { [ < % # _ $ * (placeholders start with them)

  std::string_view text() const { return std::string_view(buf.data(), len); }
  std::string_view word(const fword &w) const { return std::string_view(buf).substr(w.fb, w.fe - w.fb); }
  void clear();
};

/** Folds valid UTF-8 `text` into `out` (cleared first). */
void fold(std::string_view text, folded_text &out);

/** A phrase as the hashes of its words. */
struct phrase {
  std::vector<std::uint64_t> h;   ///< ASCII hashes
  std::vector<std::uint64_t> hg;  ///< German hashes
  std::string folded;             ///< "i d like to add you …" (for CJK substring search)
  bool cjk = false;
  int tag = 0;                    ///< what the list says about it (language, needs_name…)
};

/** `text` as a phrase; empty `h` when the text has no word (or is not UTF-8). */
phrase make_phrase(std::string_view text, int tag = 0);

/** True when the words of `p` start at words[i], by ASCII (german = false) or German hashes. */
bool phrase_at(const folded_text &t, std::size_t i, const phrase &p, bool german) noexcept;

/**
 * Phrases looked up by their first word's hash: one probe per word of a draft.
 * Immutable after build().
 */
class phrase_table {
public:
  void add(phrase p);
  void build();
  /** The longest phrase starting at words[i] (ASCII hashes), or nullptr. */
  const phrase *longest_at(const folded_text &t, std::size_t i) const noexcept {
    if (i >= t.words.size()) return nullptr;
    const std::uint64_t key = t.words[i].h;  // most words start no phrase: a bit of the filter says so
    if (!(bloom_[(key >> 6) & (bloom_.size() - 1)] & (std::uint64_t{1} << (key & 63)))) return nullptr;
    return probe(t, i);
  }
  bool empty() const noexcept { return phrases_.empty(); }
  /** The phrases, for callers that need every word of the table. */
  const std::vector<phrase> &phrases() const noexcept { return phrases_; }

private:
  const phrase *probe(const folded_text &t, std::size_t i) const noexcept;
  std::array<std::uint64_t, 16> bloom_{};  // first words' hashes, 1024 bits
  std::vector<phrase> phrases_;  // sorted by first hash, then longer first
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> first_;  // index into phrases_ per slot
  std::uint64_t mask_ = 0;
};

/** A set of word hashes with a value each. */
class word_map {
public:
  void add(std::uint64_t h, int value);
  void build();
  /** The value for `h`, or -1. */
  int find(std::uint64_t h) const noexcept;

private:
  std::vector<std::pair<std::uint64_t, int>> items_;
  std::vector<std::uint64_t> keys_;
  std::vector<int> values_;
  std::uint64_t mask_ = 0;
};

/** Gender that an honorific implies. */
enum class title_gender { none, feminine, masculine };

/** The parsed word lists. */
struct lexicon {
  std::vector<phrase> greetings;   ///< tag bit 1 = needs a name, bit 2 = French; longest first
  /// (greetings[k].h[0], k) sorted: the greetings a first word can start, in greetings' order
  std::vector<std::pair<std::uint64_t, std::uint32_t>> greeting_first;
  word_map honorifics;             ///< value: title_gender
  word_map fillers;
  word_map stopwords;
  phrase_table boilerplate;        ///< tag: index into boilerplate_text
  std::vector<std::string> boilerplate_text;
  phrase_table introductions;
  phrase_table reasons;
  word_map placeholder_words;      ///< value: 1 field, 0 modifier
  word_map nickname_words;         ///< value: index into nickname_groups
  std::vector<std::vector<std::uint32_t>> nickname_groups; ///< groups each word belongs to

  /** True when the two given-name words (ASCII hashes) are in one nickname group. */
  bool nicknames(std::uint64_t a, std::uint64_t b) const noexcept;
};

/** The lexicon, built on first use (thread-safe). */
const lexicon &lex();

} // namespace rapport::detail::review
