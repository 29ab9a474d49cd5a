// CALL louvain(options :: MAP?) YIELD node, community, modularity
//
// Louvain communities (Blondel et al. 2008; our own implementation, Boost
// has none) on the undirected graph: nodes move to the neighbouring
// community that raises modularity most, communities merge into nodes, and
// again, until modularity stops rising. The result depends only on the
// graph and the seed. Communities are numbered 0, 1, … in order of their
// lowest node id; `modularity` (the same on every row) is the partition's.
//   weight:         "facts" (default: each fact 1), "articles" or "mentions";
//                   facts between the same two nodes add up
//   seed:           42: the order nodes are visited in
//   resolution:     1.0 (γ; higher gives smaller communities)
//   max_levels:     10 merge rounds
//   max_iterations: 20 passes over the nodes per round
//   tolerance:      1e-7: a round must raise modularity by more than this
// plus the snapshot filter (support.h). One row per node with a fact.
#include <chrono>

#include "graph/algo/algorithms.h"
#include "query/exec/algo/support.h"

namespace newsgraph::query {

namespace {

std::unique_ptr<ProcedureCursor> OpenLouvain(ExecContext* ctx, const std::vector<Value>& args) {
  AlgoOptions opts(ctx, "louvain");
  graph::algo::LouvainOptions o;
  int64_t seed = 0, levels = 0, passes = 0;
  if (!opts.Parse(args.empty() ? Value() : args[0],
                  {"weight", "seed", "resolution", "max_levels", "max_iterations", "tolerance"}) ||
      !opts.Weight("weight", graph::algo::Weight::kFacts, &o.weight) ||
      !opts.Int("seed", 42, 0, INT64_MAX, &seed) || !opts.Double("resolution", 1.0, 0, 1e9, &o.resolution) ||
      !opts.Int("max_levels", 10, 1, 1000, &levels) || !opts.Int("max_iterations", 20, 1, 100000, &passes) ||
      !opts.Double("tolerance", 1e-7, 0, 1, &o.tolerance)) {
    return nullptr;
  }
  o.seed = static_cast<uint64_t>(seed);
  o.max_levels = static_cast<uint32_t>(levels);
  o.max_passes = static_cast<uint32_t>(passes);
  auto s = opts.Snapshot();
  if (!s) return nullptr;
  auto start = std::chrono::steady_clock::now();
  QueryBudget budget(ctx, "louvain()");
  graph::algo::LouvainResult r;
  if (Status st = graph::algo::Louvain(*s, o, &budget, &r); !st.ok()) {
    ctx->Fail(st);
    return nullptr;
  }
  std::string detail = opts.snapshot_detail() + "; louvain: " + std::to_string(r.communities) +
                       " communities, " + std::to_string(r.levels) + " levels, in " + Millis(start);
  return NodeRowsCursor(
      s->num_nodes(),
      [s, r = std::move(r)](graph::algo::Vertex v, std::vector<Value>* row) {
        row->push_back(NodeValue(s->node_id(v)));
        row->push_back(Value::Int(r.community[v]));
        row->push_back(Value::Double(r.modularity));
      },
      std::move(detail));
}

}  // namespace

void RegisterLouvain() {
  RegisterProcedure({"louvain", "louvain(options :: MAP?)",
                     "Louvain communities: {weight: facts|articles|mentions, seed: 42, resolution: 1.0, "
                     "max_levels: 10, max_iterations: 20, tolerance: 1e-7, predicates, types, from, to, articles}",
                     0, 1, {"node", "community", "modularity"}, OpenLouvain});
}

}  // namespace newsgraph::query
