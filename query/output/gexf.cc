// GEXF 1.3 (https://gexf.net), Gephi's own format. Parallel facts between
// two nodes stay apart: each edge has its predicate as `kind`.
#include "query/output/graph_writer.h"

namespace newsgraph::output {

namespace {

void AttValue(std::ostream& out, const std::string& id, const std::string& value) {
  if (value.empty()) return;
  out << "          <attvalue for=\"" << EscapeMarkup(id) << "\" value=\"" << EscapeMarkup(value) << "\"/>\n";
}

}  // namespace

void WriteGexf(const ResultGraph& g, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
         "  <meta>\n    <creator>newsgraph</creator>\n  </meta>\n"
         "  <graph mode=\"static\" defaultedgetype=\"directed\">\n";
  auto attribute = [&](const std::string& id, const char* type) {
    out << "      <attribute id=\"" << EscapeMarkup(id) << "\" title=\"" << EscapeMarkup(id) << "\" type=\"" << type
        << "\"/>\n";
  };
  out << "    <attributes class=\"node\">\n";
  attribute("key", "string");
  attribute("type", "string");
  for (const auto& lang : g.languages) attribute(LabelKey(lang), "string");
  out << "    </attributes>\n    <attributes class=\"edge\">\n";
  attribute("predicate", "string");
  attribute("mentions", "long");
  attribute("articles", "long");
  attribute("first_seen", "string");
  attribute("last_seen", "string");
  out << "    </attributes>\n    <nodes>\n";
  for (const GraphNode& n : g.nodes) {
    const Node& node = n.info.node;
    out << "      <node id=\"" << NodeId(node.id) << "\" label=\"" << EscapeMarkup(node.name) << "\">\n"
        << "        <attvalues>\n";
    AttValue(out, "key", node.key);
    AttValue(out, "type", n.literal ? "literal" : node.type);
    for (const auto& [lang, label] : n.info.labels) AttValue(out, LabelKey(lang), label);
    out << "        </attvalues>\n      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (size_t i = 0; i < g.edges.size(); ++i) {
    const Relationship& r = g.edges[i];
    // Gephi wants a positive weight; a fact has at least one article.
    out << "      <edge id=\"e" << i << "\" source=\"" << NodeId(r.subject) << "\" target=\"" << NodeId(r.object)
        << "\" kind=\"" << EscapeMarkup(r.predicate) << "\" label=\"" << EscapeMarkup(r.predicate) << "\" weight=\""
        << (r.articles > 0 ? r.articles : 1) << "\">\n        <attvalues>\n";
    AttValue(out, "predicate", r.predicate);
    AttValue(out, "mentions", std::to_string(r.mentions));
    AttValue(out, "articles", std::to_string(r.articles));
    AttValue(out, "first_seen", Day(r.first_day));
    AttValue(out, "last_seen", Day(r.last_day));
    out << "        </attvalues>\n      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace newsgraph::output
