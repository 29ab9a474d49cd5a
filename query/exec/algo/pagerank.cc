// CALL pagerank(options :: MAP?) YIELD node, score
//
// PageRank (Boost page_rank, normalised so that the scores sum to 1; a node
// without outgoing facts shares its score with all nodes, as networkx does).
// Each fact is one link; two facts between the same nodes are two links.
//   direction:  "out" (default: rank flows subject → object), "in" or "both"
//   damping:    0.85
//   iterations: 20 (at most)
//   tolerance:  1e-7: stop earlier once the scores change by less than this
//               in total between two iterations (0: always run `iterations`)
// plus the snapshot filter (support.h). One row per node with a fact.
#include <chrono>

#include "graph/algo/algorithms.h"
#include "query/exec/algo/support.h"

namespace newsgraph::query {

namespace {

std::unique_ptr<ProcedureCursor> OpenPageRank(ExecContext* ctx, const std::vector<Value>& args) {
  AlgoOptions opts(ctx, "pagerank");
  graph::algo::PageRankOptions o;
  int64_t iterations = 0;
  if (!opts.Parse(args.empty() ? Value() : args[0], {"direction", "damping", "iterations", "tolerance"}) ||
      !opts.Direction("direction", graph::algo::Direction::kOut, &o.direction) ||
      !opts.Double("damping", 0.85, 0, 1, &o.damping) || !opts.Int("iterations", 20, 1, 1000000, &iterations) ||
      !opts.Double("tolerance", 1e-7, 0, 1, &o.tolerance)) {
    return nullptr;
  }
  o.iterations = static_cast<uint32_t>(iterations);
  auto s = opts.Snapshot();
  if (!s) return nullptr;
  auto start = std::chrono::steady_clock::now();
  QueryBudget budget(ctx, "pagerank()");
  std::vector<double> scores;
  uint32_t ran = 0;
  if (Status st = graph::algo::PageRank(*s, o, &budget, &scores, &ran); !st.ok()) {
    ctx->Fail(st);
    return nullptr;
  }
  std::string detail = opts.snapshot_detail() + "; pagerank: " + std::to_string(ran) + " iterations in " + Millis(start);
  return NodeScoresCursor(std::move(s), std::move(scores), std::move(detail));
}

}  // namespace

void RegisterPageRank() {
  RegisterProcedure({"pagerank", "pagerank(options :: MAP?)",
                     "PageRank, scores summing to 1: {direction: out|in|both, damping: 0.85, iterations: 20, "
                     "tolerance: 1e-7, predicates, types, from, to, articles}",
                     0, 1, {"node", "score"}, OpenPageRank});
}

}  // namespace newsgraph::query
