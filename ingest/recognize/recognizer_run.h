// The state of one EntityRecognizer::Recognize call and the rules it applies.
// Private to ingest/recognize/.
#pragma once

#include <string>
#include <vector>

#include "ingest/recognize/recognizer.h"

namespace newsgraph::ingest {

class RecognizerRun {
 public:
  RecognizerRun(const EntityRecognizer& r, const NormalisedText& text,
                const std::vector<Token>& tokens, uint8_t field, std::vector<Candidate>* out)
      : lex_(*r.lex_), vocab_(r.lex_->vocab()), provisional_(r.provisional_), text_(text),
        toks_(tokens), field_(field), out_(out) {}

  void Run();

 private:
  struct Match {
    uint32_t end;   // tokens [i, end)
    uint32_t node;  // trie node
  };

  // --- matching (recognizer.cc)
  void MatchesAt(uint32_t i, std::vector<Match>* out) const;
  bool PayloadOk(const Payload& p, uint32_t first, uint32_t end) const;
  // The lexicon entities of kind `kind` at `m` that fit the text.
  std::vector<uint32_t> Targets(const Match& m, uint32_t first, MatchKind kind) const;
  // Handles the longest fitting match at i; returns the next token, or i
  // when nothing matched.
  uint32_t TryLexicon(uint32_t i);
  Candidate& Emit(CandidateKind kind, uint32_t first, uint32_t last, EntityType type,
                  const char* rule, float confidence);

  // --- rules (name_rules.cc)
  uint32_t TitleRule(uint32_t i, uint32_t title_end, uint32_t title);
  bool HeadRule(uint32_t i, uint32_t head_end, uint32_t head, uint32_t* next);
  uint32_t GivenNameRule(uint32_t i);
  uint32_t LatinRunRule(uint32_t i);
  // A bare word and an ordinal (لويس التاسع): a ruler's name.
  uint32_t RegnalRule(uint32_t i);
  // Extends a name ending at `end` by its ordinal (الأول، الحادي عشر).
  uint32_t OrdinalTail(uint32_t i, uint32_t end) const;
  // True when the token as written ends in ة (folding makes it ه).
  bool EndsInTaMarbuta(const Token& t) const;
  // An unknown word shaped like an ordinary word, not a surname.
  bool WordShaped(const Token& t) const;
  // المسترشد بالله، العاضد لدين الله: a regnal name with الله.
  uint32_t GodNameRule(uint32_t i);
  // End of بالله or لدين الله after a name that ends at `end`, or `end`.
  uint32_t GodTail(uint32_t i, uint32_t end) const;
  // بنو أمية، بني هاشم: a tribe or dynasty.
  uint32_t TribeRule(uint32_t i);
  // End of a regnal name with ال at token j (الخليفة المستنصر), or j.
  uint32_t RegnalName(uint32_t j) const;
  // True when the token as written is و + أ/إ/آ…: a conjunction and a word.
  bool ConjunctionShaped(const Token& t) const;
  // Length of the run of name-like tokens at i (0 when none); `after_title`
  // relaxes the first-token checks.
  uint32_t NameRun(uint32_t i, bool after_title) const;
  uint32_t LatinNameRun(uint32_t i) const;
  // Tokens [i, end) of quoted text right at i ("فاجنر"), or i.
  uint32_t QuotedRun(uint32_t i) const;
  std::string FoldedSpan(uint32_t first, uint32_t last) const;
  bool StartsWithArticle(const Token& t) const;
  // True when token i is an adjective-like word with ال that is not a
  // function or time word: "المنتدى العسكري" names a new thing, it does not
  // refer back.
  bool DescribedAfter(uint32_t i) const;
  // After a plural region head (مقاطعات، محافظات): the Region entity named
  // "<singular head> <name>" for the lexicon match m at i, or -1.
  int32_t RegionOfList(uint32_t i, uint32_t end) const;
  bool IsLatin(const Token& t) const;
  bool SameSentence(uint32_t a, uint32_t b) const {
    return b < toks_.size() && toks_[a].sentence == toks_[b].sentence;
  }
  // The longest lexicon match at i of one of `kinds`, or end == 0.
  Match FirstOfKind(uint32_t i, std::initializer_list<MatchKind> kinds) const;
  bool HasKind(const Match& m, MatchKind kind) const;
  // A word right before token i (في، إلى، مدينة…) or the clitic ب says a
  // place follows.
  bool PlaceCueBefore(uint32_t i) const;
  bool IsLatinAt(uint32_t i) const;
  // A word that may be a surname right after token i (Jordan Henderson).
  bool SurnameAfter(uint32_t i) const;
  // Tokens i, i+1 are a given name and الدين or الدولة (صلاح الدين).
  bool LaqabShaped(uint32_t i) const;
  // Extends a name ending at `end` by up to two nisba adjectives
  // (متحف دمشق الوطني، أستاد أثينا الأولمبي).
  uint32_t NisbaTail(uint32_t i, uint32_t end) const;

  const Lexicon& lex_;
  const Vocabulary& vocab_;
  bool provisional_;
  const NormalisedText& text_;
  const std::vector<Token>& toks_;
  uint8_t field_;
  std::vector<Candidate>* out_;
  // The singular head of an open list of regions (مقاطعات روستوف وفولغوغراد).
  uint32_t list_head_ = Vocabulary::kUnknown;
};

}  // namespace newsgraph::ingest
