// The graph output formats (see OutputFormat in include/newsgraph/format.h):
// a result's nodes and relationships collected once, then written by one
// small writer per format.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/format.h"
#include "newsgraph/query.h"
#include "newsgraph/status.h"

namespace newsgraph::output {

struct GraphNode {
  NodeInfo info;
  bool literal = false;  // the literal object of a fact, not an entity
};

struct ResultGraph {
  std::vector<GraphNode> nodes;           // in order of first appearance
  std::vector<Relationship> edges;        // each fact once, in order of first appearance
  std::vector<std::string> languages;     // label languages across nodes, sorted
};

// Drains `cursor` into `g`: node, relationship and path values, also inside
// lists and maps. *rows receives the number of rows read. InvalidArgument
// when rows came but none held a node, relationship or path.
Status CollectGraph(Cursor* cursor, ResultGraph* g, uint64_t* rows);

// The attribute name of a node's label in `lang`: "name_en".
inline std::string LabelKey(const std::string& lang) { return "name_" + lang; }
// The id a node has in every format: "n<id>".
inline std::string NodeId(uint64_t id) { return "n" + std::to_string(id); }
// "YYYY-MM-DD", or "" for an unknown day.
std::string Day(int32_t day);

void WriteGraphml(const ResultGraph& g, std::ostream& out);
void WriteGexf(const ResultGraph& g, std::ostream& out);
void WriteDot(const ResultGraph& g, std::ostream& out);
void WriteJsonGraph(const ResultGraph& g, std::ostream& out);
void WriteNQuads(const ResultGraph& g, std::ostream& out);

// Collects and writes in `format` (a graph format).
Status WriteGraph(Cursor* cursor, OutputFormat format, std::ostream& out, uint64_t* rows);

}  // namespace newsgraph::output
