// What the graph-algorithm procedures share: their options map, the graph
// snapshot (from the Database's cache, or built), the bridge from the
// query's bounds to graph/algo's Budget, and values for results.
//
// Every algorithm procedure takes a map of options. These select the facts
// the graph is made of, for all of them:
//   predicates: ["supports", …]  facts with one of these predicates (default: all)
//   types:      ["Person", …]    facts whose two ends both have one of these types
//   from, to:   date or "YYYY-MM-DD": facts stated in articles dated in the range;
//               then weights (articles, mentions) count only those articles
//   articles:   [article keys]   facts stated in these articles (same weights rule)
// Any other key must be one the procedure documents; unknown keys are errors.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/algo/budget.h"
#include "graph/algo/snapshot.h"
#include "newsgraph/value.h"
#include "query/exec/context.h"
#include "query/exec/procedures.h"

namespace newsgraph::query {

// Charges graph work to the query's time bound and memory to its memory bound.
class QueryBudget : public graph::algo::Budget {
 public:
  QueryBudget(ExecContext* ctx, std::string what) : ctx_(ctx), what_(std::move(what)) {}
  bool Work(uint64_t units) override { return ctx_->TickBy(units); }
  bool Reserve(uint64_t bytes) override { return ctx_->Reserve(bytes, what_.c_str()); }
  void Release(uint64_t bytes) override { ctx_->Release(bytes); }

 private:
  ExecContext* ctx_;
  std::string what_;
};

// The options map of one call. Errors go to the context as InvalidArgument
// statuses that start with "<proc>(): ".
class AlgoOptions {
 public:
  AlgoOptions(ExecContext* ctx, std::string proc) : ctx_(ctx), proc_(std::move(proc)) {}

  // Accepts null (no options) or a map whose keys are the filter keys or
  // one of `own` (the procedure's documented options).
  bool Parse(const Value& options, const std::vector<std::string>& own);

  bool Direction(const char* key, graph::algo::Direction def, graph::algo::Direction* out);
  bool Weight(const char* key, graph::algo::Weight def, graph::algo::Weight* out);
  bool Int(const char* key, int64_t def, int64_t min, int64_t max, int64_t* out);
  bool Double(const char* key, double def, double min, double max, double* out);
  bool Bool(const char* key, bool def, bool* out);

  // The snapshot for the filter keys: from the Database's cache for this
  // store version, or built and cached. Its memory is charged to the query.
  std::shared_ptr<const graph::algo::Snapshot> Snapshot();

  // For PROFILE: how the snapshot was obtained and what it holds.
  const std::string& snapshot_detail() const { return snapshot_detail_; }

  bool Fail(const std::string& message);
  const std::string& proc() const { return proc_; }
  ExecContext* ctx() const { return ctx_; }

 private:
  bool Filter(graph::algo::SnapshotFilter* out);
  bool Date(const char* key, int32_t* day);

  ExecContext* ctx_;
  std::string proc_;
  Value options_;
  std::string snapshot_detail_;
};

// The entity an argument names: a node, an integer id, or a string that is
// an entity key or (failing that) one entity's name or alias. nullopt with
// the error in the context otherwise. `what` names the argument in errors.
std::optional<graph::TermId> ResolveEntity(AlgoOptions* opts, const Value& arg, const char* what);

// Result values: a node with its id (names are filled when rows are
// returned), and a fact of the snapshot as a relationship.
Value NodeValue(graph::TermId id);
Value FactValue(const graph::algo::Snapshot& s, graph::algo::FactIndex f);

// One row per node of a snapshot, in vertex (= entity id) order, each made
// when it is pulled by `fill` (which receives an empty row).
using NodeRowFill = std::function<void(graph::algo::Vertex, std::vector<Value>*)>;
std::unique_ptr<ProcedureCursor> NodeRowsCursor(uint32_t num_nodes, NodeRowFill fill, std::string detail);

// `node, score` rows for the centralities: scores[v] for every vertex.
std::unique_ptr<ProcedureCursor> NodeScoresCursor(std::shared_ptr<const graph::algo::Snapshot> s,
                                                  std::vector<double> scores, std::string detail);

// Milliseconds since `start`, as "12.3 ms".
std::string Millis(std::chrono::steady_clock::time_point start);

}  // namespace newsgraph::query
