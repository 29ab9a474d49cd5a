// CALL dijkstra(source, target?, options :: MAP?) YIELD path, nodes, cost
//
// Cheapest paths by Dijkstra (Boost) where a fact costs 1 / its weight, so
// that facts reported by more articles make shorter links. `source` and
// `target` are nodes (from MATCH), node ids, or entity keys or names. With
// a target: one row (none when it cannot be reached). Without (null, or
// options in second place): one row per node reached, in node id order.
//   weight:    "articles" (default: distinct articles), "mentions", or
//              "facts" (every fact costs 1: fewest hops)
//   direction: "both" (default: facts are followed either way), "out", "in"
// plus the snapshot filter (support.h). `path` keeps each fact's own
// direction; `nodes` lists the nodes from source to target.
#include <chrono>

#include "graph/algo/algorithms.h"
#include "query/exec/algo/support.h"

namespace newsgraph::query {

namespace {

std::unique_ptr<ProcedureCursor> OpenDijkstra(ExecContext* ctx, const std::vector<Value>& args) {
  AlgoOptions opts(ctx, "dijkstra");
  Value target_arg = args.size() > 1 ? args[1] : Value();
  Value options = args.size() > 2 ? args[2] : Value();
  if (target_arg.type() == Value::Type::kMap && args.size() == 2) std::swap(target_arg, options);
  graph::algo::PathOptions o;
  if (!opts.Parse(options, {"weight", "direction"}) ||
      !opts.Weight("weight", graph::algo::Weight::kArticles, &o.weight) ||
      !opts.Direction("direction", graph::algo::Direction::kBoth, &o.direction)) {
    return nullptr;
  }
  auto source = ResolveEntity(&opts, args[0], "source");
  if (!source) return nullptr;
  std::optional<graph::TermId> target;
  if (!target_arg.is_null()) {
    target = ResolveEntity(&opts, target_arg, "target");
    if (!target) return nullptr;
  }
  auto s = opts.Snapshot();
  if (!s) return nullptr;
  auto start = std::chrono::steady_clock::now();
  std::vector<graph::algo::WeightedPath> paths;
  auto from = s->FindNode(*source);
  std::optional<graph::algo::Vertex> to;
  if (target) to = s->FindNode(*target);
  // An end without facts in the selection: no path (the same node: itself).
  if (from && (!target || to)) {
    QueryBudget budget(ctx, "dijkstra()");
    if (Status st = graph::algo::ShortestPaths(*s, *from, to, o, &budget, &paths); !st.ok()) {
      ctx->Fail(st);
      return nullptr;
    }
  } else if (target && *target == *source) {
    paths.push_back({{}, {}, 0});
  }
  std::string detail = opts.snapshot_detail() + "; dijkstra: " + std::to_string(paths.size()) + " paths in " +
                       Millis(start);
  auto rows = std::make_shared<std::vector<graph::algo::WeightedPath>>(std::move(paths));
  graph::TermId lone = *source;
  return NodeRowsCursor(
      static_cast<uint32_t>(rows->size()),
      [s, rows, lone](uint32_t i, std::vector<Value>* row) {
        const graph::algo::WeightedPath& p = (*rows)[i];
        Path path;
        List nodes;
        if (p.nodes.empty()) {  // a source outside the selection, to itself
          path.nodes.push_back(NodeValue(lone).AsNode());
        }
        for (graph::algo::Vertex v : p.nodes) path.nodes.push_back(NodeValue(s->node_id(v)).AsNode());
        for (graph::algo::FactIndex f : p.facts) path.relationships.push_back(FactValue(*s, f).AsRelationship());
        for (const Node& n : path.nodes) nodes.push_back(Value::FromNode(n));
        row->push_back(Value::FromPath(std::move(path)));
        row->push_back(Value::FromList(std::move(nodes)));
        row->push_back(Value::Double(p.cost));
      },
      std::move(detail));
}

}  // namespace

void RegisterDijkstra() {
  RegisterProcedure({"dijkstra", "dijkstra(source :: NODE, target :: NODE?, options :: MAP?)",
                     "cheapest paths, a fact costing 1/weight: {weight: articles|mentions|facts, direction: "
                     "both|out|in, predicates, types, from, to, articles}",
                     1, 3, {"path", "nodes", "cost"}, OpenDijkstra});
}

}  // namespace newsgraph::query
