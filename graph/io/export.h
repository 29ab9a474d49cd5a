// Export of the store as N-Triples, N-Quads, JSON Lines or CSV.
#pragma once

#include <ostream>

#include "graph/store/read_view.h"
#include "newsgraph/options.h"

namespace newsgraph::graph {

// Writes the whole store as seen by `view`. N-Triples: one triple per fact plus
// entity labels and types. N-Quads: one quad per mention with the article as
// graph name, plus labels, types and article metadata in the default graph.
// JSON Lines: one mention a line with its provenance (the import format).
// CSV: one fact a line with its counts and dates.
Status ExportStore(const ReadView& view, std::ostream& out, const ExportOptions& options);

}  // namespace newsgraph::graph
