// CALL kcore(options :: MAP?) YIELD node, core
//
// Core numbers (Batagelj–Zaversnik): a node's core is the largest k such
// that it belongs to a subgraph in which every node has at least k distinct
// neighbours. Facts count as undirected links; self-loops and parallel
// facts do not add neighbours (as networkx's core_number on the simple
// graph). Options: the snapshot filter only (support.h). One row per node
// with a fact.
#include <chrono>

#include "graph/algo/algorithms.h"
#include "query/exec/algo/support.h"

namespace newsgraph::query {

namespace {

std::unique_ptr<ProcedureCursor> OpenKCore(ExecContext* ctx, const std::vector<Value>& args) {
  AlgoOptions opts(ctx, "kcore");
  if (!opts.Parse(args.empty() ? Value() : args[0], {})) return nullptr;
  auto s = opts.Snapshot();
  if (!s) return nullptr;
  auto start = std::chrono::steady_clock::now();
  QueryBudget budget(ctx, "kcore()");
  std::vector<uint32_t> core;
  if (Status st = graph::algo::CoreNumbers(*s, &budget, &core); !st.ok()) {
    ctx->Fail(st);
    return nullptr;
  }
  std::string detail = opts.snapshot_detail() + "; core numbers in " + Millis(start);
  return NodeRowsCursor(
      s->num_nodes(),
      [s, core = std::move(core)](graph::algo::Vertex v, std::vector<Value>* row) {
        row->push_back(NodeValue(s->node_id(v)));
        row->push_back(Value::Int(core[v]));
      },
      std::move(detail));
}

}  // namespace

void RegisterKCore() {
  RegisterProcedure({"kcore", "kcore(options :: MAP?)",
                     "core number of each node: {predicates, types, from, to, articles}", 0, 1, {"node", "core"},
                     OpenKCore});
}

}  // namespace newsgraph::query
