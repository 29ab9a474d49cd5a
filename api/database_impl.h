// What a Database holds. Private to newsgraph's own modules.
#pragma once

#include <memory>

#include "graph/store/store.h"
#include "query/exec/engine_cache.h"
#include "newsgraph/database.h"

namespace newsgraph {

struct Database::Impl {
  std::unique_ptr<graph::Store> store;
  query::EngineCache cache;
};

}  // namespace newsgraph
