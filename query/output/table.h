// Text tables for terminals (table, box) and Markdown. Private to
// query/output/; WriteRows (include/newsgraph/format.h) calls it.
#pragma once

#include <cstdint>
#include <ostream>

#include "newsgraph/format.h"

namespace newsgraph::output {

// REQUIRES: format is kTable, kBox or kMarkdown.
void WriteTable(Cursor* cursor, OutputFormat format, std::ostream& out, uint64_t* rows,
                const WriteOptions& options);

}  // namespace newsgraph::output
