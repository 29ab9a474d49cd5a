// Forgetting an article: its mentions go, and every fact left with none.
#pragma once

#include <string_view>

#include "graph/store/store.h"

namespace newsgraph::graph {

struct ForgetResult {
  uint64_t mentions_removed = 0;
  uint64_t facts_removed = 0;
};

// REQUIRES: the caller holds store->write_mutex(). NotFound when no article
// has this key. Entities stay in the dictionary (the lexicon may name them).
Result<ForgetResult> ForgetArticle(Store* store, std::string_view article_key);

}  // namespace newsgraph::graph
