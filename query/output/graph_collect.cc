// Collecting the graph a result holds, for the graph output formats.
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/date.h"
#include "query/output/graph_writer.h"

namespace newsgraph::output {

namespace {

class Collector {
 public:
  explicit Collector(ResultGraph* g) : g_(g) {}

  // True when `v` held a node, relationship or path.
  bool Add(const Value& v) {
    switch (v.type()) {
      case Value::Type::kNode:
        AddNode(v.AsNode());
        return true;
      case Value::Type::kRelationship:
        AddEdge(v.AsRelationship());
        return true;
      case Value::Type::kPath: {
        for (const Node& n : v.AsPath().nodes) AddNode(n);
        for (const Relationship& r : v.AsPath().relationships) AddEdge(r);
        return true;
      }
      case Value::Type::kList: {
        bool any = false;
        for (const Value& x : v.AsList()) any |= Add(x);
        return any;
      }
      case Value::Type::kMap: {
        bool any = false;
        for (const auto& [k, x] : v.AsMap()) any |= Add(x);
        return any;
      }
      default:
        return false;
    }
  }

  // Relationship ends that came without their node values, then labels of
  // every node, through the cursor.
  void Complete(Cursor* cursor) {
    for (const Relationship& r : g_->edges) {
      Ensure(r.subject, r.subject_name);
      Ensure(r.object, r.object_name);
    }
    std::set<std::string> langs;
    for (GraphNode& n : g_->nodes) {
      if (n.literal) continue;
      NodeInfo info;
      if (cursor->LookupNode(n.info.node.id, &info)) {
        // The row's own name stays: it is in the query's language.
        if (!n.info.node.name.empty()) info.node.name = n.info.node.name;
        n.info = std::move(info);
      } else if (n.info.node.key.empty()) {
        n.literal = true;  // neither an entity value nor one the store knows
      }
      for (const auto& [lang, label] : n.info.labels) langs.insert(lang);
    }
    g_->languages.assign(langs.begin(), langs.end());
  }

 private:
  void AddNode(const Node& n) {
    if (index_.count(n.id)) return;
    index_[n.id] = g_->nodes.size();
    GraphNode gn;
    gn.info.node = n;
    g_->nodes.push_back(std::move(gn));
  }

  // Also names a node that came without one: paths hold a literal object
  // as a bare node (the literal itself is only in the relationship).
  void Ensure(uint64_t id, const std::string& name) {
    if (auto it = index_.find(id); it != index_.end()) {
      Node& n = g_->nodes[it->second].info.node;
      if (n.name.empty() && n.key.empty()) n.name = name;
      return;
    }
    index_[id] = g_->nodes.size();
    GraphNode gn;
    gn.info.node.id = id;
    gn.info.node.name = name;
    g_->nodes.push_back(std::move(gn));
  }

  void AddEdge(const Relationship& r) {
    if (!edges_.insert({r.subject, r.predicate_id, r.object}).second) return;
    g_->edges.push_back(r);
  }

  ResultGraph* g_;
  std::unordered_map<uint64_t, size_t> index_;
  std::set<std::tuple<uint64_t, uint64_t, uint64_t>> edges_;
};

}  // namespace

std::string Day(int32_t day) { return day == kNoDay ? "" : FormatIsoDate(day); }

Status CollectGraph(Cursor* cursor, ResultGraph* g, uint64_t* rows) {
  Collector c(g);
  Row row;
  uint64_t n = 0;
  bool any = false;
  while (cursor->Next(&row)) {
    ++n;
    for (const Value& v : row) any |= c.Add(v);
  }
  *rows = n;
  NG_RETURN_IF_ERROR(cursor->status());
  if (n > 0 && !any) {
    return Status::InvalidArgument(
        "graph formats need nodes, relationships or paths in the result (RETURN a, r, b, or a path); use a table "
        "format for other values");
  }
  c.Complete(cursor);
  return Status::OK();
}

Status WriteGraph(Cursor* cursor, OutputFormat format, std::ostream& out, uint64_t* rows) {
  ResultGraph g;
  NG_RETURN_IF_ERROR(CollectGraph(cursor, &g, rows));
  switch (format) {
    case OutputFormat::kGraphml: WriteGraphml(g, out); break;
    case OutputFormat::kGexf: WriteGexf(g, out); break;
    case OutputFormat::kDot: WriteDot(g, out); break;
    case OutputFormat::kJsonGraph: WriteJsonGraph(g, out); break;
    case OutputFormat::kNQuads: WriteNQuads(g, out); break;
    default: return Status::InvalidArgument(std::string(OutputFormatName(format)) + " is not a graph format");
  }
  out.flush();
  return out.good() ? Status::OK() : Status::IOError("writing the result failed");
}

}  // namespace newsgraph::output
