// Graphviz DOT: a digraph whose node labels show the English and Arabic
// names; the other attributes ride along for tools that read them.
#include <cstdint>

#include "query/output/graph_writer.h"

namespace newsgraph::output {

namespace {

// A double-quoted DOT string.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r') continue;
    out.push_back(c);
  }
  return out + "\"";
}

std::string Label(const GraphNode& n) {
  auto find = [&](const char* lang) {
    auto it = n.info.labels.find(lang);
    return it == n.info.labels.end() ? std::string() : it->second;
  };
  std::string en = find("en"), ar = find("ar");
  std::string label = en.empty() ? n.info.node.name : en;
  if (!ar.empty() && ar != label) label += "\n" + ar;
  return label;
}

}  // namespace

void WriteDot(const ResultGraph& g, std::ostream& out) {
  out << "digraph newsgraph {\n  node [shape=box, style=rounded];\n";
  for (const GraphNode& n : g.nodes) {
    const Node& node = n.info.node;
    out << "  " << Quote(NodeId(node.id)) << " [label=" << Quote(Label(n));
    if (!node.key.empty()) out << ", key=" << Quote(node.key);
    out << ", type=" << Quote(n.literal ? "literal" : node.type);
    for (const auto& [lang, label] : n.info.labels) out << ", " << LabelKey(lang) << "=" << Quote(label);
    if (n.literal) out << ", shape=plaintext";
    out << "];\n";
  }
  for (const Relationship& r : g.edges) {
    out << "  " << Quote(NodeId(r.subject)) << " -> " << Quote(NodeId(r.object)) << " [label=" << Quote(r.predicate)
        << ", predicate=" << Quote(r.predicate) << ", mentions=" << r.mentions << ", articles=" << r.articles
        << ", weight=" << (r.articles > 0 ? r.articles : 1);
    if (r.first_day != INT32_MIN) out << ", first_seen=" << Quote(Day(r.first_day));
    if (r.last_day != INT32_MIN) out << ", last_seen=" << Quote(Day(r.last_day));
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace newsgraph::output
