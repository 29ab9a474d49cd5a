// N-Quads of a result: one triple per relationship, and each node's labels
// (rdfs:label with a language tag) and type, with the IRIs `newsgraph
// export` uses, so that the statements merge with a full export.
#include <unordered_map>

#include "graph/io/import.h"
#include "graph/io/rdf_reader.h"
#include "query/output/graph_writer.h"

namespace newsgraph::output {

namespace {

// As graph/io/export.cc: keys that are IRIs stay, others go under our
// entity namespace; blank-node keys become labels of their own.
void EntityIri(std::string* out, const Node& n) {
  std::string_view key = n.key;
  size_t colon = key.find(':');
  if (key.empty() || key.starts_with("_:")) {
    out->append("_:b" + std::to_string(n.id));
  } else if (colon != std::string_view::npos && colon > 0 && key.find(' ') == std::string_view::npos) {
    graph::AppendIri(out, key);
  } else {
    graph::AppendIri(out, std::string(graph::kEntityNs) + std::string(key));
  }
}

}  // namespace

void WriteNQuads(const ResultGraph& g, std::ostream& out) {
  std::unordered_map<uint64_t, const GraphNode*> by_id;
  for (const GraphNode& n : g.nodes) by_id[n.info.node.id] = &n;
  std::string buf;
  for (const GraphNode& n : g.nodes) {
    if (n.literal || n.info.node.key.empty()) continue;
    for (const auto& [lang, label] : n.info.labels) {
      EntityIri(&buf, n.info.node);
      buf += " <http://www.w3.org/2000/01/rdf-schema#label> ";
      graph::AppendLiteral(&buf, label);
      if (!lang.empty()) buf += "@" + lang;
      buf += " .\n";
    }
    if (!n.info.node.type.empty()) {
      EntityIri(&buf, n.info.node);
      buf += " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ";
      graph::AppendIri(&buf, std::string(graph::kTypeNs) + n.info.node.type);
      buf += " .\n";
    }
  }
  for (const Relationship& r : g.edges) {
    const GraphNode* s = by_id.at(r.subject);
    const GraphNode* o = by_id.at(r.object);
    EntityIri(&buf, s->info.node);
    buf.push_back(' ');
    graph::AppendIri(&buf, std::string(graph::kPredicateNs) + r.predicate);
    buf.push_back(' ');
    if (o->literal) {
      graph::AppendLiteral(&buf, o->info.node.name);
    } else {
      EntityIri(&buf, o->info.node);
    }
    buf += " .\n";
  }
  out << buf;
}

}  // namespace newsgraph::output
