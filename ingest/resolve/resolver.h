// EntityResolver: settles which entity each candidate names, within one
// article.
//
// - A name that several lexicon entities share (طرابلس: Libya or Lebanon)
//   goes to the one the article already names, else to the one in a country
//   the article names, else to a capital or the most populous.
// - A provisional person is matched to a lexicon person with the same
//   consonant skeleton (text::FuzzyKey) when exactly one exists.
// - A person's surname alone (حفتر after خليفة حفتر; رونالدو after
//   كريستيانو رونالدو), also with a clitic (لحفتر), is the same person.
// - An anaphor (الوزارة, "the ministry") is the last entity named before it
//   whose name starts with the head word.
// - A capital that speaks ("كما تقول موسكو", "Moscow said") is its country.
#pragma once

#include <vector>

#include "ingest/lexicon/lexicon.h"
#include "ingest/normalise/normaliser.h"
#include "ingest/normalise/segmenter.h"
#include "ingest/recognize/candidate.h"
#include "newsgraph/extract.h"

namespace newsgraph::ingest {

// One field of the article: its text and tokens (index 0 body, 1 title).
struct FieldView {
  const NormalisedText* text = nullptr;
  const std::vector<Token>* tokens = nullptr;
};

class EntityResolver {
 public:
  explicit EntityResolver(const Lexicon* lexicon) : lex_(lexicon) {}

  // Resolves `candidates` (both fields, any order) and appends the mentions
  // to out->mentions: title first, then body, in text order.
  void Resolve(const FieldView fields[2], std::vector<Candidate>* candidates,
               Extraction* out) const;

 private:
  const Lexicon* lex_;
};

}  // namespace newsgraph::ingest
