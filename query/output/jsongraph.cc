// JSON graph in networkx's node_link_data shape ({"directed", "multigraph",
// "graph", "nodes", "links"}), which D3's force layout and Cytoscape read
// and networkx.node_link_graph turns back into a MultiDiGraph.
#include <nlohmann/json.hpp>

#include "query/output/graph_writer.h"

namespace newsgraph::output {

void WriteJsonGraph(const ResultGraph& g, std::ostream& out) {
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array(), links = nlohmann::ordered_json::array();
  for (const GraphNode& n : g.nodes) {
    const Node& node = n.info.node;
    nlohmann::ordered_json j = {{"id", NodeId(node.id)}, {"label", node.name}};
    if (!node.key.empty()) j["key"] = node.key;
    j["type"] = n.literal ? "literal" : node.type;
    for (const auto& [lang, label] : n.info.labels) j[LabelKey(lang)] = label;
    nodes.push_back(std::move(j));
  }
  for (size_t i = 0; i < g.edges.size(); ++i) {
    const Relationship& r = g.edges[i];
    nlohmann::ordered_json j = {{"source", NodeId(r.subject)}, {"target", NodeId(r.object)},
                                {"key", i},                    {"label", r.predicate},
                                {"predicate", r.predicate},    {"mentions", r.mentions},
                                {"articles", r.articles},      {"weight", r.articles}};
    if (std::string d = Day(r.first_day); !d.empty()) j["first_seen"] = d;
    if (std::string d = Day(r.last_day); !d.empty()) j["last_seen"] = d;
    links.push_back(std::move(j));
  }
  nlohmann::ordered_json doc = {{"directed", true},
                                {"multigraph", true},
                                {"graph", {{"name", "newsgraph"}}},
                                {"nodes", std::move(nodes)},
                                {"links", std::move(links)}};
  // Invalid UTF-8 (it should not occur) is replaced rather than thrown.
  out << doc.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace newsgraph::output
