// Arabic clitics: the conjunctions و ف, the prepositions ب ل ك, the article
// ال (with لل for ل + ال) and pronoun suffixes (ها هم هما هن كم كما كن نا;
// not ه, which folding makes of every ta marbuta)
// are split off a word only when what remains is a known word; a word that
// is known as a whole (بنغازي) is never split.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::ingest {

struct CliticSplit {
  uint8_t prefix = 0;            // bytes of proclitics at the start of the word
  uint8_t suffix = 0;            // bytes of a pronoun suffix at its end
  bool restore_article = false;  // ل + (ا)ل…: the stem is "ا" + the rest
  bool restore_ta = false;       // …تها: the stem ends in ه (ta marbuta) again
  bool split() const { return prefix || suffix; }
};

// The matching form of the stem `split` leaves of `word` (folded).
std::string StemForm(std::string_view word, const CliticSplit& split);

// Splits `word` (folded) when it is not known as a whole and some stem of at
// least two letters is. `known(std::string_view)` decides; the shortest
// prefix is preferred, then no suffix before a suffix.
template <class Known>
CliticSplit SplitClitics(std::string_view word, const Known& known);

// --- implementation -------------------------------------------------------

namespace clitics_internal {
// UTF-8 of the letters involved; every Arabic letter here is two bytes.
inline constexpr std::string_view kWaw = "\xD9\x88", kFa = "\xD9\x81", kBa = "\xD8\xA8",
                                  kLam = "\xD9\x84", kKaf = "\xD9\x83", kAlef = "\xD8\xA7",
                                  kTa = "\xD8\xAA", kHa = "\xD9\x87";
bool LooksArabic(std::string_view word);
size_t Letters(std::string_view s);
// Proclitic sequences, shortest first: {bytes, ends with lam}.
struct Prefix {
  std::string_view text;
  bool lam;
};
extern const Prefix kPrefixes[];
extern const size_t kPrefixCount;
extern const std::string_view kSuffixes[];
extern const size_t kSuffixCount;
}  // namespace clitics_internal

template <class Known>
CliticSplit SplitClitics(std::string_view word, const Known& known) {
  using namespace clitics_internal;
  CliticSplit none;
  if (word.size() < 6 || !LooksArabic(word) || known(word)) return none;
  std::string buf;
  for (size_t p = 0; p < kPrefixCount; ++p) {
    const Prefix& pre = kPrefixes[p];
    if (word.substr(0, pre.text.size()) != pre.text) continue;
    std::string_view rest = word.substr(pre.text.size());
    if (Letters(rest) < 2) continue;
    if (pre.lam && rest.substr(0, 2) == kLam) {
      buf.assign(kAlef);
      buf.append(rest);
      if (known(std::string_view(buf))) {
        CliticSplit s;
        s.prefix = static_cast<uint8_t>(pre.text.size());
        s.restore_article = true;
        return s;
      }
    }
    if (known(rest)) {
      CliticSplit s;
      s.prefix = static_cast<uint8_t>(pre.text.size());
      return s;
    }
  }
  // Pronoun suffixes, on the word with or without a proclitic.
  for (size_t p = 0; p <= kPrefixCount; ++p) {
    std::string_view pre = p == 0 ? std::string_view() : kPrefixes[p - 1].text;
    if (p > 0 && word.substr(0, pre.size()) != pre) continue;
    for (size_t s = 0; s < kSuffixCount; ++s) {
      std::string_view suf = kSuffixes[s];
      if (word.size() < pre.size() + suf.size() ||
          word.substr(word.size() - suf.size()) != suf)
        continue;
      std::string_view stem = word.substr(pre.size(), word.size() - pre.size() - suf.size());
      if (Letters(stem) < 3) continue;
      CliticSplit split;
      split.prefix = static_cast<uint8_t>(pre.size());
      split.suffix = static_cast<uint8_t>(suf.size());
      if (known(stem)) return split;
      if (stem.substr(stem.size() - 2) == kTa) {
        buf.assign(stem.substr(0, stem.size() - 2));
        buf.append(kHa);
        if (known(std::string_view(buf))) {
          split.restore_ta = true;
          return split;
        }
      }
    }
  }
  return none;
}

}  // namespace newsgraph::ingest
