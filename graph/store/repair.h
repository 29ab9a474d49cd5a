// Rebuilding a store's derived entries from its evidence.
#pragma once

#include <cstdint>

#include "graph/store/store.h"

namespace newsgraph::graph {

struct RepairReport {
  uint64_t facts = 0;              // facts the mentions support
  uint64_t index_entries_put = 0;  // spo/pos/osp/article_facts/by_date/term_keys written
  uint64_t index_entries_deleted = 0;
  uint64_t orphan_mentions = 0;    // mentions of a missing article or term, removed
};

// Mentions are the evidence; everything else that can be derived from them
// is rebuilt: fact summaries, the three fact indexes, article_facts, the
// date index, the dictionary's key map, counters and statistics. Mentions
// whose article or terms are gone are removed. Idempotent: a crash during a
// repair leaves a store that a second repair finishes.
// REQUIRES: the caller holds store->write_mutex().
Result<RepairReport> RepairStore(Store* store);

}  // namespace newsgraph::graph
