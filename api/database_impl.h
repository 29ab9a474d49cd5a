// What a Database holds. Private to newsgraph's own modules.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "graph/store/store.h"
#include "query/exec/engine_cache.h"
#include "newsgraph/database.h"

namespace newsgraph {

struct Database::Impl {
  std::unique_ptr<graph::Store> store;
  query::EngineCache cache;

  // The extractor of the last Ingest call and the options it was made with
  // (loading the lexicons takes most of a second), shared by later calls.
  std::mutex extractor_mutex;
  std::shared_ptr<const Extractor> extractor;
  std::vector<std::string> extractor_dirs;
  bool extractor_builtin = true, extractor_provisional = true;
};

}  // namespace newsgraph
