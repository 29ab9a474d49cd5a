// CALL neighbourhood(node, hops :: INTEGER?, options :: MAP?) YIELD nodes, relationships
// CALL subgraph(nodes :: LIST, options :: MAP?) YIELD nodes, relationships
//
// Parts of the graph as one row of two lists, ready for RETURN and for the
// graph output formats (--format graphml|gexf|dot|jsongraph|nquads).
// neighbourhood: the nodes within `hops` (default 1, at most the query's
// hop bound) of `node`, and every fact among them (networkx's ego_graph).
// subgraph: the given nodes and every fact among them. Nodes are nodes
// from MATCH, node ids, or entity keys or names; they are listed in id
// order, relationships in (subject, predicate, object) order.
//   direction (neighbourhood only): "both" (default), "out" or "in": which
//              way facts are followed to reach nodes
// plus the snapshot filter (support.h).
#include <algorithm>
#include <chrono>

#include "graph/algo/algorithms.h"
#include "query/exec/algo/support.h"

namespace newsgraph::query {

namespace {

// [nodes, relationships]; `extra` are entities to list that have no fact
// in the selection.
std::unique_ptr<ProcedureCursor> SubgraphRow(AlgoOptions* opts, const graph::algo::Snapshot& s,
                                             const graph::algo::Subgraph& g, std::vector<graph::TermId> extra,
                                             std::string detail) {
  for (graph::algo::Vertex v : g.nodes) extra.push_back(s.node_id(v));
  std::sort(extra.begin(), extra.end());
  extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
  if (!opts->ctx()->Reserve((extra.size() + g.facts.size()) * 96, (opts->proc() + "()").c_str())) return nullptr;
  List nodes, rels;
  for (graph::TermId id : extra) nodes.push_back(NodeValue(id));
  for (graph::algo::FactIndex f : g.facts) rels.push_back(FactValue(s, f));
  std::vector<std::vector<Value>> rows(1);
  rows[0].push_back(Value::FromList(std::move(nodes)));
  rows[0].push_back(Value::FromList(std::move(rels)));
  return RowsCursor(std::move(rows), std::move(detail));
}

std::unique_ptr<ProcedureCursor> OpenNeighbourhood(ExecContext* ctx, const std::vector<Value>& args) {
  AlgoOptions opts(ctx, "neighbourhood");
  Value hops_arg = args.size() > 1 ? args[1] : Value();
  Value options = args.size() > 2 ? args[2] : Value();
  if (hops_arg.type() == Value::Type::kMap && args.size() == 2) std::swap(hops_arg, options);
  graph::algo::Direction direction;
  if (!opts.Parse(options, {"direction"}) ||
      !opts.Direction("direction", graph::algo::Direction::kBoth, &direction)) {
    return nullptr;
  }
  int64_t hops = 1;
  if (!hops_arg.is_null()) {
    if (hops_arg.type() != Value::Type::kInt || hops_arg.AsInt() < 0 || hops_arg.AsInt() > ctx->options->max_hops) {
      opts.Fail("hops must be an integer from 0 to " + std::to_string(ctx->options->max_hops) +
                " (the query's hop bound)");
      return nullptr;
    }
    hops = hops_arg.AsInt();
  }
  auto center = ResolveEntity(&opts, args[0], "node");
  if (!center) return nullptr;
  auto s = opts.Snapshot();
  if (!s) return nullptr;
  auto start = std::chrono::steady_clock::now();
  graph::algo::Subgraph g;
  if (auto v = s->FindNode(*center)) {
    QueryBudget budget(ctx, "neighbourhood()");
    if (Status st = graph::algo::Neighbourhood(*s, *v, static_cast<uint32_t>(hops), direction, &budget, &g);
        !st.ok()) {
      ctx->Fail(st);
      return nullptr;
    }
  }
  std::string detail = opts.snapshot_detail() + "; " + std::to_string(g.nodes.size()) + " nodes, " +
                       std::to_string(g.facts.size()) + " facts in " + Millis(start);
  return SubgraphRow(&opts, *s, g, {*center}, std::move(detail));
}

std::unique_ptr<ProcedureCursor> OpenSubgraph(ExecContext* ctx, const std::vector<Value>& args) {
  AlgoOptions opts(ctx, "subgraph");
  if (!opts.Parse(args.size() > 1 ? args[1] : Value(), {})) return nullptr;
  List given = args[0].type() == Value::Type::kList ? args[0].AsList() : List{args[0]};
  std::vector<graph::TermId> ids;
  for (const Value& v : given) {
    if (v.is_null()) continue;
    auto id = ResolveEntity(&opts, v, "nodes");
    if (!id) return nullptr;
    ids.push_back(*id);
  }
  auto s = opts.Snapshot();
  if (!s) return nullptr;
  auto start = std::chrono::steady_clock::now();
  std::vector<graph::algo::Vertex> vertices;
  for (graph::TermId id : ids) {
    if (auto v = s->FindNode(id)) vertices.push_back(*v);
  }
  graph::algo::Subgraph g;
  QueryBudget budget(ctx, "subgraph()");
  if (Status st = graph::algo::InducedSubgraph(*s, std::move(vertices), &budget, &g); !st.ok()) {
    ctx->Fail(st);
    return nullptr;
  }
  std::string detail = opts.snapshot_detail() + "; " + std::to_string(g.facts.size()) + " facts in " + Millis(start);
  return SubgraphRow(&opts, *s, g, std::move(ids), std::move(detail));
}

}  // namespace

void RegisterNeighbourhood() {
  RegisterProcedure({"neighbourhood", "neighbourhood(node :: NODE, hops :: INTEGER?, options :: MAP?)",
                     "the nodes within `hops` (default 1) of a node and the facts among them: {direction: "
                     "both|out|in, predicates, types, from, to, articles}",
                     1, 3, {"nodes", "relationships"}, OpenNeighbourhood});
  RegisterProcedure({"subgraph", "subgraph(nodes :: LIST, options :: MAP?)",
                     "the given nodes and the facts among them: {predicates, types, from, to, articles}", 1, 2,
                     {"nodes", "relationships"}, OpenSubgraph});
}

}  // namespace newsgraph::query
