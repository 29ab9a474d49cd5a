// The units relation patterns match: one field's tokens regrouped into
// entity mentions (as resolved), title phrases (lexicon titles that no
// mention covers) and the remaining words, numbers and punctuation, each
// with the trigger forms and literal forms the matcher compares.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/lexicon/lexicon.h"
#include "ingest/normalise/normaliser.h"
#include "ingest/normalise/segmenter.h"
#include "ingest/relate/pattern.h"
#include "newsgraph/extract.h"

namespace newsgraph::ingest {

enum class UnitKind : uint8_t { kMention, kTitle, kWord, kNumber, kPunct };

struct Unit {
  UnitKind kind = UnitKind::kWord;
  uint32_t sentence = 0;
  uint32_t start = 0, end = 0;  // original byte span (without a leading clitic)
  bool latin = false;           // English rules apply
  // Proclitic letters before the stem, folded (و، ب، ل، وب…); empty if none.
  std::string proclitic;
  // kMention
  int32_t mention = -1;  // index in Extraction::mentions
  EntityType type = EntityType::kOther;
  bool demonym = false;
  // kTitle
  int32_t title = -1;  // lexicon title
  // kWord, kNumber, kPunct: the matching forms (whole token; without the
  // conjunction و/ف; the segmenter's stem)
  std::string whole, bare, stem;
  int64_t number = -1;
  // Trigger forms of the word: [forms_begin, forms_end) of UnitSeq::forms.
  uint32_t forms_begin = 0, forms_end = 0;
};

// All units of one field, sentence after sentence.
struct UnitSeq {
  uint8_t field = 0;  // 0 body, 1 title
  std::vector<Unit> units;
  std::vector<TriggerForm> forms;
  // Units [sentences[i].first, sentences[i].second) of sentence i.
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  // Original byte span of each sentence.
  std::vector<std::pair<uint32_t, uint32_t>> sentence_spans;

  bool HasForm(const Unit& u, uint32_t cls, uint8_t pos_mask, bool* future = nullptr) const;
  bool HasClass(const Unit& u, int32_t cls) const;
  bool IsWord(const Unit& u, std::string_view folded) const {
    return u.kind != UnitKind::kMention && u.kind != UnitKind::kTitle &&
           (u.whole == folded || u.bare == folded || u.stem == folded);
  }
};

// Builds the units of one field. `mentions` are the article's mentions;
// those of this field are taken.
void BuildUnits(const Lexicon& lex, const PatternSet& patterns, const NormalisedText& text,
                const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                uint8_t field, const std::vector<EntityMention>& mentions, UnitSeq* out);

}  // namespace newsgraph::ingest
