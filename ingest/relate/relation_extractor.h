// RelationExtractor: the facts one article states, from the relation
// patterns of lexicon/patterns/ matched over each sentence of the title and
// the body after entity resolution.
//
// Per sentence: attribution patterns first (قال X، كما تقول X, X said: who
// claims what the sentence says), then every pattern anchored on a unit of
// the sentence, in text order. A verb with its subject gives the clause its
// subject, which later patterns of the sentence may take (بدعوة من X → X
// invited the clause subject). Then qualifiers: negation and irrealis words
// before the anchor, a count, a place; coordinated subjects and objects
// become one fact each; facts whose ends break the predicate's expected types
// or the lexicon's geography are dropped.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/lexicon/lexicon.h"
#include "ingest/relate/matcher.h"
#include "ingest/relate/pattern.h"
#include "ingest/resolve/resolver.h"
#include "newsgraph/extract.h"

namespace newsgraph::ingest {

class RelationExtractor {
 public:
  RelationExtractor(const Lexicon* lexicon, const PatternSet* patterns,
                    const std::vector<PredicateInfo>* predicates);

  // Appends the facts of one article (its mentions already in out->mentions)
  // to out->facts. `sentences[f]` are the sentences of field f (0 body, 1
  // title); `date` is the article's date or empty.
  void Extract(const FieldView fields[2], const std::vector<Sentence>* sentences[2],
               const std::string& date, Extraction* out) const;

 private:
  struct PredicateRule {
    const PredicateInfo* info = nullptr;
    TypeMask subject_types = 0, object_types = 0;
    bool literal_object = false;
    bool eventive = false;  // takes a place qualifier
  };
  friend class SentenceRun;

  const Lexicon* lex_;
  const PatternSet* patterns_;
  SpecialClasses special_[2];  // ar, en
  std::unordered_map<std::string, PredicateRule> rules_;
};

// Loads predicates.json of a lexicon folder into *out (replacing it) when the
// folder has one. Errors name the file.
Status LoadPredicates(const std::string& dir, std::vector<PredicateInfo>* out);

}  // namespace newsgraph::ingest
