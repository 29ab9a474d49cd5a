// Writing query results as tables, CSV, TSV, JSON, JSON Lines, Markdown or
// HTML; or, for results holding nodes, relationships or paths, as a graph
// for the tools analysts use: GraphML and GEXF (Gephi, yEd, Maltego), DOT
// (Graphviz), JSON graph (nodes/links: D3, networkx, Cytoscape) and
// N-Quads.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "newsgraph/query.h"
#include "newsgraph/status.h"

namespace newsgraph {

enum class OutputFormat {
  kTable, kBox, kCsv, kTsv, kJson, kJsonl, kMarkdown, kHtml,
  // Graph formats: the nodes and relationships of all rows (node,
  // relationship and path values, also inside lists and maps), each once.
  // Nodes carry their display label, key, type and a name_<lang> label per
  // language (name_en, name_ar); relationships their predicate, mentions,
  // articles (the weight), first_seen and last_seen. Nodes that only appear
  // as the end of a relationship are looked up through the cursor
  // (Cursor::LookupNode). A literal object (holds_position "…") becomes a
  // node of type "literal". Rows with no such values are an error.
  kGraphml,    // GraphML (graphml.graphdrawing.org), directed, one <key> per attribute
  kGexf,       // GEXF 1.3 (Gephi), static, directed; edge weight = articles
  kDot,        // Graphviz digraph; label = English and Arabic names
  kJsonGraph,  // {"directed", "multigraph", "nodes": […], "links": […]} as networkx's node_link_data
  kNQuads,     // one triple per relationship (literal objects as plain strings), plus rdfs:label and rdf:type
};

// "table", "box", "csv", "tsv", "json", "jsonl", "markdown" (or "md"), "html",
// "graphml", "gexf", "dot", "jsongraph", "nquads" (or "nq").
bool ParseOutputFormat(const std::string& name, OutputFormat* out);
const char* OutputFormatName(OutputFormat f);
// True for the graph formats (kGraphml … kNQuads).
bool IsGraphFormat(OutputFormat f);

struct WriteOptions {
  // Cells wider than this many terminal columns are cut with "…" in table,
  // box and markdown output, or wrapped with `wrap` (0: never).
  // Default: 60
  size_t max_cell_width = 60;

  // Table and box: break long cells onto more lines (at spaces where
  // possible) instead of cutting them. Newlines in a cell then start a new
  // line too.
  // Default: false
  bool wrap = false;

  // Table and box: the terminal columns the whole table may take. The widest
  // columns are narrowed (to no less than 5 columns each) until it fits, and
  // their cells cut or wrapped (0: no limit).
  // Default: 0
  size_t max_width = 0;
};

// Writes the cursor's rows (draining it) and returns its status, or an IO
// error. *rows (may be null) receives the number of rows written.
Status WriteRows(Cursor* cursor, OutputFormat format, std::ostream& out, uint64_t* rows = nullptr,
                 const WriteOptions& options = {});

// Text for HTML or XML: & < > " ' escaped and the C0 controls other than tab
// and line breaks dropped (XML 1.0 forbids them). Every HTML, GraphML and GEXF
// writer and the reports use it.
std::string EscapeMarkup(std::string_view s);

// The terminal width of a string: grapheme clusters, East Asian wide
// characters and emoji shown as pictures as two columns, combining marks and
// controls as none.
//
// Tables also keep right-to-left text in its cell: every cell that holds
// right-to-left letters is wrapped in a directional isolate (U+2067 or U+2066
// … U+2069) with the direction of its first strong character and aligned to
// its start (the right for Arabic); explicit bidi controls inside a cell are
// dropped and other control characters shown as symbols (U+2400…).
size_t DisplayWidth(const std::string& s);

}  // namespace newsgraph
