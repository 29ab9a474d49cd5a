// Facts, their mentions (evidence) and the articles they come from.
#pragma once

#include <cstdint>
#include <string>

#include "graph/model/date.h"
#include "graph/model/term.h"

namespace newsgraph::graph {

struct Triple {
  TermId s = kNoTerm, p = kNoTerm, o = kNoTerm;
  auto operator<=>(const Triple&) const = default;
};

// What the three fact indexes know about a fact, kept in `spo`.
struct FactSummary {
  uint64_t mentions = 0;  // sightings (records)
  uint64_t articles = 0;  // distinct articles: the fact's weight
  int32_t first_day = kNoDay;
  int32_t last_day = kNoDay;
};

// One sighting of a fact in one sentence of one article.
struct MentionRecord {
  uint32_t start = 0, end = 0;  // UTF-8 byte span in the article's text
  std::string rule;             // extraction rule id, or "import"
  uint8_t confidence = 100;     // percent
  bool negated = false;
  TermId attributed_to = kNoTerm;  // who claims it ("as Moscow says")
  TermId place = kNoTerm;
  int64_t count = -1;            // a number qualifying the fact (36 drones); -1: none
  int32_t day = kNoDay;          // the event date when it differs from the article's
  std::string evidence;          // the sentence, when the article text is not stored
};

struct ArticleRecord {
  std::string key;  // content hash (ingest) or graph IRI (import)
  std::string title;
  int32_t day = kNoDay;
  std::string source;
  std::string url;
  std::string lang;
  std::string text;  // original body; sentences and spans refer to it
};

}  // namespace newsgraph::graph
