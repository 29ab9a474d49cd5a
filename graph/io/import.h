// Import of N-Triples, N-Quads and JSON Lines into the store.
#pragma once

#include <string>

#include "graph/store/store.h"
#include "newsgraph/options.h"
#include "newsgraph/status.h"

namespace newsgraph::graph {

// Our own namespaces: entity keys, predicates and articles exported under them
// come back as plain keys and names.
inline constexpr std::string_view kEntityNs = "https://newsgraph.org/entity/";
inline constexpr std::string_view kPredicateNs = "https://newsgraph.org/p/";
inline constexpr std::string_view kArticleNs = "https://newsgraph.org/article/";
inline constexpr std::string_view kTypeNs = "https://newsgraph.org/type/";

// Imports `path` ("-" for stdin). Errors name the file, line and column.
Status ImportFile(Store* store, const std::string& path, const ImportOptions& options,
                  ImportStats* stats);

// The format a file name suggests, or kAuto when it suggests none.
DataFormat FormatFromPath(const std::string& path);

}  // namespace newsgraph::graph
