// EntityRecognizer: finds candidate mentions in the tokens of one field.
//
// Rules, in order of strength: the longest lexicon match (names, titles,
// head words, demonyms); a title followed by a name (a lexicon person, or a
// run of name-like words that becomes a provisional person); a known given
// name followed by name-like words; a head word followed by its complement
// (وزارة الثقافة، منتخب البرتغال، جامع ابن طولون); Latin capitalised runs
// after titles and given names. Everything is decided from lexicon data and
// word classes, never from particular names.
#pragma once

#include <vector>

#include "ingest/lexicon/lexicon.h"
#include "ingest/normalise/normaliser.h"
#include "ingest/normalise/segmenter.h"
#include "ingest/recognize/candidate.h"

namespace newsgraph::ingest {

class EntityRecognizer {
 public:
  EntityRecognizer(const Lexicon* lexicon, bool provisional)
      : lex_(lexicon), provisional_(provisional) {}

  // Appends the candidates of one field, in text order, without overlaps.
  void Recognize(const NormalisedText& text, const std::vector<Token>& tokens, uint8_t field,
                 std::vector<Candidate>* out) const;

 private:
  friend class RecognizerRun;
  const Lexicon* lex_;
  bool provisional_;
};

}  // namespace newsgraph::ingest
