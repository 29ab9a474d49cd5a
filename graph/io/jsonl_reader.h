// JSON Lines facts: one mention a line with its provenance.
//
//   {"subject": "khalifa-haftar" | {"key","label","type","labels","aliases"},
//    "predicate": "supports",
//    "object": "russia" | {"key",…} | {"value": "36", "datatype": "integer"} | {"value": "…", "lang": "ar"},
//    "article": "…", "title", "date": "2023-08-22", "source", "url", "lang",
//    "sentence": 0, "start": 12, "end": 40, "rule": "ar.visited.arrive_in", "confidence": 0.9,
//    "negated": false, "attributed_to": "russia", "place": "benghazi", "count": 36,
//    "event_date": "2023-08-20", "evidence": "the sentence"}
#pragma once

#include <string>
#include <string_view>

#include "graph/io/record_set.h"
#include "newsgraph/status.h"

namespace newsgraph::graph {

// Adds the record on `line` to `rs`. On a malformed line returns false with
// a message and 1-based column.
bool ParseJsonLine(std::string_view line, RecordSet* rs, std::string* error, size_t* column);

}  // namespace newsgraph::graph
