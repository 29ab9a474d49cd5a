// Writing query results as tables, CSV, TSV, JSON, JSON Lines, Markdown or
// HTML.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "newsgraph/query.h"
#include "newsgraph/status.h"

namespace newsgraph {

enum class OutputFormat { kTable, kBox, kCsv, kTsv, kJson, kJsonl, kMarkdown, kHtml };

// "table", "box", "csv", "tsv", "json", "jsonl", "markdown" (or "md"), "html".
bool ParseOutputFormat(const std::string& name, OutputFormat* out);
const char* OutputFormatName(OutputFormat f);

struct WriteOptions {
  // Cells wider than this many terminal columns are cut with "…" in table,
  // box and markdown output (0: never).
  // Default: 60
  size_t max_cell_width = 60;
};

// Writes the cursor's rows (draining it) and returns its status, or an IO
// error. *rows (may be null) receives the number of rows written.
Status WriteRows(Cursor* cursor, OutputFormat format, std::ostream& out, uint64_t* rows = nullptr,
                 const WriteOptions& options = {});

// The terminal width of a string: grapheme clusters, East Asian wide
// characters as two columns, combining marks and controls as none.
size_t DisplayWidth(const std::string& s);

}  // namespace newsgraph
