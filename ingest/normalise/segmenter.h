// Sentences and tokens of the matching form, by ICU BreakIterator, with
// Arabic clitics split off where the stem is a known word.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/lexicon/vocabulary.h"
#include "ingest/normalise/normaliser.h"

namespace newsgraph::ingest {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t fb = 0, fe = 0;    // folded span of the whole token
  uint32_t sb = 0, se = 0;    // folded span of the stem (the token minus clitics)
  uint32_t start = 0, end = 0;  // original span of the stem
  uint32_t id = Vocabulary::kUnknown;       // vocabulary id of the whole token
  uint32_t stem_id = Vocabulary::kUnknown;  // vocabulary id of the stem form
  uint32_t sentence = 0;
  TokenKind kind = TokenKind::kWord;
  bool transparent = false;  // brackets and hyphens: skipped inside names
  bool upper = false;        // the original starts with a capital letter
  bool restore_article = false;  // stem form is "ا" + folded[sb, se)
  bool restore_ta = false;       // stem form ends in ه, not the folded ت
  bool split() const { return sb != fb || se != fe; }
};

struct Sentence {
  uint32_t first = 0, last = 0;  // tokens [first, last)
};

class Segmenter {
 public:
  explicit Segmenter(const Vocabulary* vocab) : vocab_(vocab) {}

  // Tokens and sentences of `text`. Thread-safe (ICU iterators are per thread).
  void Segment(const NormalisedText& text, std::vector<Token>* tokens,
               std::vector<Sentence>* sentences) const;

  // The word and number tokens of a folded name, as Segment would find them,
  // without clitic splitting; transparent punctuation is dropped, other
  // punctuation kept. Used to index lexicon names.
  static void NameTokens(std::string_view folded, std::vector<std::string_view>* out);

 private:
  const Vocabulary* vocab_;
};

// Calls fn(fb, fe, kind, transparent) for each non-space token of `folded`.
// Exposed for tests and the lexicon.
template <class Fn>
void ForEachToken(std::string_view folded, Fn&& fn);

bool IsTransparentPunct(std::string_view token);

namespace segment_internal {
struct RawToken {
  uint32_t fb, fe;
  TokenKind kind;
};
void Words(std::string_view folded, std::vector<RawToken>* out);
void SentenceStarts(std::string_view folded, std::vector<uint32_t>* out);
}  // namespace segment_internal

template <class Fn>
void ForEachToken(std::string_view folded, Fn&& fn) {
  thread_local std::vector<segment_internal::RawToken> raw;
  raw.clear();
  segment_internal::Words(folded, &raw);
  for (const auto& t : raw) {
    std::string_view s = folded.substr(t.fb, t.fe - t.fb);
    fn(t.fb, t.fe, t.kind, t.kind == TokenKind::kPunct && IsTransparentPunct(s));
  }
}

}  // namespace newsgraph::ingest
