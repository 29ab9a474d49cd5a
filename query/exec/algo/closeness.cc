// CALL closeness(options :: MAP?) YIELD node, score
//
// Closeness centrality with the Wasserman–Faust correction, as networkx
// computes it: (r / d) · (r / (n-1)), where r is the number of other nodes
// the node reaches, d the sum of their distances in hops and n the number
// of nodes; 0 for a node that reaches none. O(nodes × facts).
//   direction: "both" (default), "out" (distances from the node) or "in"
//              (distances to it, networkx's default for directed graphs)
// plus the snapshot filter (support.h). One row per node with a fact.
#include <chrono>

#include "graph/algo/algorithms.h"
#include "query/exec/algo/support.h"

namespace newsgraph::query {

namespace {

std::unique_ptr<ProcedureCursor> OpenCloseness(ExecContext* ctx, const std::vector<Value>& args) {
  AlgoOptions opts(ctx, "closeness");
  graph::algo::Direction direction;
  if (!opts.Parse(args.empty() ? Value() : args[0], {"direction"}) ||
      !opts.Direction("direction", graph::algo::Direction::kBoth, &direction)) {
    return nullptr;
  }
  auto s = opts.Snapshot();
  if (!s) return nullptr;
  auto start = std::chrono::steady_clock::now();
  QueryBudget budget(ctx, "closeness()");
  std::vector<double> scores;
  if (Status st = graph::algo::Closeness(*s, direction, &budget, &scores); !st.ok()) {
    ctx->Fail(st);
    return nullptr;
  }
  std::string detail = opts.snapshot_detail() + "; closeness in " + Millis(start);
  return NodeScoresCursor(std::move(s), std::move(scores), std::move(detail));
}

}  // namespace

void RegisterCloseness() {
  RegisterProcedure({"closeness", "closeness(options :: MAP?)",
                     "closeness centrality (Wasserman-Faust): {direction: both|out|in, predicates, types, from, to, "
                     "articles}",
                     0, 1, {"node", "score"}, OpenCloseness});
}

}  // namespace newsgraph::query
