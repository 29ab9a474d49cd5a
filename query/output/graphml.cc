// GraphML (http://graphml.graphdrawing.org/): read by Gephi, yEd, Cytoscape,
// networkx and igraph. Every attribute is declared once as a <key>.
#include "query/output/graph_writer.h"

namespace newsgraph::output {

namespace {

void Data(std::ostream& out, const char* indent, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  out << indent << "<data key=\"" << key << "\">" << EscapeMarkup(value) << "</data>\n";
}

}  // namespace

void WriteGraphml(const ResultGraph& g, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  auto key = [&](const std::string& id, const char* for_what, const std::string& name, const char* type) {
    out << "  <key id=\"" << id << "\" for=\"" << for_what << "\" attr.name=\"" << EscapeMarkup(name)
        << "\" attr.type=\"" << type << "\"/>\n";
  };
  key("label", "node", "label", "string");
  key("key", "node", "key", "string");
  key("type", "node", "type", "string");
  for (const auto& lang : g.languages) key(LabelKey(lang), "node", LabelKey(lang), "string");
  key("predicate", "edge", "label", "string");
  key("mentions", "edge", "mentions", "long");
  key("articles", "edge", "articles", "long");
  key("weight", "edge", "weight", "double");
  key("first_seen", "edge", "first_seen", "string");
  key("last_seen", "edge", "last_seen", "string");
  out << "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n";
  for (const GraphNode& n : g.nodes) {
    const Node& node = n.info.node;
    out << "    <node id=\"" << NodeId(node.id) << "\">\n";
    Data(out, "      ", "label", node.name);
    Data(out, "      ", "key", node.key);
    Data(out, "      ", "type", n.literal ? "literal" : node.type);
    for (const auto& [lang, label] : n.info.labels) Data(out, "      ", LabelKey(lang), label);
    out << "    </node>\n";
  }
  for (size_t i = 0; i < g.edges.size(); ++i) {
    const Relationship& r = g.edges[i];
    out << "    <edge id=\"e" << i << "\" source=\"" << NodeId(r.subject) << "\" target=\"" << NodeId(r.object)
        << "\">\n";
    Data(out, "      ", "predicate", r.predicate);
    Data(out, "      ", "mentions", std::to_string(r.mentions));
    Data(out, "      ", "articles", std::to_string(r.articles));
    Data(out, "      ", "weight", std::to_string(r.articles));
    Data(out, "      ", "first_seen", Day(r.first_day));
    Data(out, "      ", "last_seen", Day(r.last_day));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace newsgraph::output
