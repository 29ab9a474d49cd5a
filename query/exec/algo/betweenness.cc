// CALL betweenness(options :: MAP?) YIELD node, score
//
// Betweenness centrality (Brandes, with Boost): for each node, the sum over
// pairs of other nodes of the share of shortest paths between them that
// pass through it. Paths are sequences of nodes: parallel facts do not
// multiply them. O(nodes × facts): meant for graphs up to some ten
// thousand nodes, or a filtered part of a larger one.
//   direction:  "both" (default: facts as undirected links, each pair
//               counted once), "out" (paths follow facts) or "in"
//   normalized: false (default); true divides by the number of pairs,
//               (n-1)(n-2) for directed and (n-1)(n-2)/2 for "both"
// plus the snapshot filter (support.h). One row per node with a fact.
#include <chrono>

#include "graph/algo/algorithms.h"
#include "query/exec/algo/support.h"

namespace newsgraph::query {

namespace {

std::unique_ptr<ProcedureCursor> OpenBetweenness(ExecContext* ctx, const std::vector<Value>& args) {
  AlgoOptions opts(ctx, "betweenness");
  graph::algo::Direction direction;
  bool normalized = false;
  if (!opts.Parse(args.empty() ? Value() : args[0], {"direction", "normalized"}) ||
      !opts.Direction("direction", graph::algo::Direction::kBoth, &direction) ||
      !opts.Bool("normalized", false, &normalized)) {
    return nullptr;
  }
  auto s = opts.Snapshot();
  if (!s) return nullptr;
  auto start = std::chrono::steady_clock::now();
  QueryBudget budget(ctx, "betweenness()");
  std::vector<double> scores;
  if (Status st = graph::algo::Betweenness(*s, direction, normalized, &budget, &scores); !st.ok()) {
    ctx->Fail(st);
    return nullptr;
  }
  std::string detail = opts.snapshot_detail() + "; betweenness in " + Millis(start);
  return NodeScoresCursor(std::move(s), std::move(scores), std::move(detail));
}

}  // namespace

void RegisterBetweenness() {
  RegisterProcedure({"betweenness", "betweenness(options :: MAP?)",
                     "Brandes betweenness centrality: {direction: both|out|in, normalized: false, predicates, "
                     "types, from, to, articles}",
                     0, 1, {"node", "score"}, OpenBetweenness});
}

}  // namespace newsgraph::query
