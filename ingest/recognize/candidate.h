// What the recogniser finds and the resolver settles: one possible entity
// mention, with its token and byte spans.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/lexicon/lexicon.h"

namespace newsgraph::ingest {

enum class CandidateKind : uint8_t {
  kLexicon,      // a lexicon name: `entities` lists every entity it may be
  kProvisional,  // a name in no lexicon: `name` is its matching form
  kDemonym,      // a nisba adjective naming `entities` (الروسية → Russia)
  kAnaphor,      // الوزارة, "the ministry": the last entity of head rule `head`
};

struct Candidate {
  CandidateKind kind = CandidateKind::kLexicon;
  uint8_t field = 0;             // 0: body, 1: title
  uint32_t first = 0, last = 0;  // tokens [first, last) of the field
  uint32_t start = 0, end = 0;   // original byte span in the field
  uint32_t sentence = 0;
  EntityType type = EntityType::kOther;
  std::vector<uint32_t> entities;
  std::string name;     // provisional: folded name
  int32_t head = -1;    // anaphor: head rule
  int32_t title = -1;   // the title that announced a person
  const char* rule = "lexicon";
  float confidence = 1.0f;
};

}  // namespace newsgraph::ingest
