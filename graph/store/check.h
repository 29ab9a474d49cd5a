// Consistency check of a store (the invariants of DESIGN section 3).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/store/read_view.h"

namespace newsgraph::graph {

struct CheckReport {
  uint64_t facts = 0;
  uint64_t mentions = 0;
  uint64_t articles = 0;
  uint64_t terms = 0;
  std::vector<std::string> problems;  // each names the keys involved
  uint64_t more_problems = 0;         // past the reporting limit
  bool ok() const { return problems.empty(); }
};

// Verifies that every fact has its three index entries and at least one
// mention, that summaries count their mentions and articles, that every
// mention has its fact, article and article_facts entry, that the dictionary
// round-trips, and that counters and per-predicate statistics match.
Status CheckStore(const ReadView& view, CheckReport* report, size_t max_problems = 100);

// Hex of a key, for problem reports.
std::string HexKey(std::string_view key);

}  // namespace newsgraph::graph
