// CALL wcc(options :: MAP?) YIELD node, component, size
// CALL scc(options :: MAP?) YIELD node, component, size
//
// Connected components (Boost): wcc joins nodes linked by facts in either
// direction, scc nodes that reach each other along facts. Components are
// numbered 0, 1, … in order of their lowest node id; `size` is the number
// of nodes in the node's component. Options: the snapshot filter only
// (support.h). One row per node with a fact.
#include <chrono>

#include "graph/algo/algorithms.h"
#include "query/exec/algo/support.h"

namespace newsgraph::query {

namespace {

std::unique_ptr<ProcedureCursor> OpenComponents(ExecContext* ctx, const std::vector<Value>& args, bool strong) {
  const char* name = strong ? "scc" : "wcc";
  AlgoOptions opts(ctx, name);
  if (!opts.Parse(args.empty() ? Value() : args[0], {})) return nullptr;
  auto s = opts.Snapshot();
  if (!s) return nullptr;
  auto start = std::chrono::steady_clock::now();
  QueryBudget budget(ctx, std::string(name) + "()");
  std::vector<uint32_t> component;
  uint32_t count = 0;
  Status st = strong ? graph::algo::StrongComponents(*s, &budget, &component, &count)
                     : graph::algo::WeakComponents(*s, &budget, &component, &count);
  if (!st.ok()) {
    ctx->Fail(st);
    return nullptr;
  }
  std::vector<uint32_t> size(count, 0);
  for (uint32_t c : component) ++size[c];
  std::string detail = opts.snapshot_detail() + "; " + std::to_string(count) + " components in " + Millis(start);
  return NodeRowsCursor(
      s->num_nodes(),
      [s, component = std::move(component), size = std::move(size)](graph::algo::Vertex v, std::vector<Value>* row) {
        row->push_back(NodeValue(s->node_id(v)));
        row->push_back(Value::Int(component[v]));
        row->push_back(Value::Int(size[component[v]]));
      },
      std::move(detail));
}

}  // namespace

void RegisterComponents() {
  RegisterProcedure({"wcc", "wcc(options :: MAP?)",
                     "weakly connected components: {predicates, types, from, to, articles}", 0, 1,
                     {"node", "component", "size"},
                     [](ExecContext* ctx, const std::vector<Value>& args) { return OpenComponents(ctx, args, false); }});
  RegisterProcedure({"scc", "scc(options :: MAP?)",
                     "strongly connected components: {predicates, types, from, to, articles}", 0, 1,
                     {"node", "component", "size"},
                     [](ExecContext* ctx, const std::vector<Value>& args) { return OpenComponents(ctx, args, true); }});
}

}  // namespace newsgraph::query
