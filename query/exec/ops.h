// Factories for the physical operators (one file each in ops/).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/model/term.h"
#include "query/ast/pattern.h"
#include "query/binder/bound_expr.h"
#include "query/binder/expr_binder.h"
#include "query/exec/operator.h"

namespace newsgraph::query {

// One empty row of the plan's width (the input of the first clause).
OperatorPtr MakeStart();

// The outer row of an Apply, once per run of the inner side.
class ArgumentSource {
 public:
  const Row* row = nullptr;
};
OperatorPtr MakeArgument(std::shared_ptr<ArgumentSource> source);

// For each input row, each candidate node into `slot`.
struct NodeSourceSpec {
  enum class Mode { kAll, kByName, kByKey, kById } mode = Mode::kAll;
  int slot = -1;
  BoundExprPtr value;  // the name, key or id
  std::string detail;  // for EXPLAIN
};
OperatorPtr MakeNodeSource(OperatorPtr input, NodeSourceSpec spec);

// Relationships from a bound node. With `into`, the target is bound too and
// the operator only checks that the relationship exists.
struct ExpandSpec {
  int from_slot = -1;
  int to_slot = -1;
  int rel_slot = -1;  // -1: the relationship is not needed
  Direction direction = Direction::kOut;
  std::vector<graph::TermId> predicates;  // empty: any
  bool into = false;
  std::string detail;
};
OperatorPtr MakeExpand(OperatorPtr input, ExpandSpec spec);

// All relationships of some predicates (or all), binding both ends.
struct RelScanSpec {
  int start_slot = -1;  // the pattern's left node
  int end_slot = -1;
  int rel_slot = -1;
  Direction direction = Direction::kOut;
  std::vector<graph::TermId> predicates;
  std::string detail;
};
OperatorPtr MakeRelScan(OperatorPtr input, RelScanSpec spec);

// Variable-length relationships *min..max from a bound node.
struct VarExpandSpec {
  int from_slot = -1;
  int to_slot = -1;
  int rels_slot = -1;  // list of relationships, or -1
  int path_slot = -1;  // -1 unless a path variable needs it
  Direction direction = Direction::kOut;
  std::vector<graph::TermId> predicates;
  int64_t min_hops = 1;
  int64_t max_hops = 1;
  bool max_given = true;  // false: the default bound, reaching it is an error
  bool into = false;      // the target is bound: keep rows that reach it
  std::string detail;
};
OperatorPtr MakeVarExpand(OperatorPtr input, VarExpandSpec spec);

struct ShortestPathSpec {
  int from_slot = -1;
  int to_slot = -1;
  int path_slot = -1;
  int rels_slot = -1;
  Direction direction = Direction::kOut;
  std::vector<graph::TermId> predicates;
  int64_t min_hops = 1;
  int64_t max_hops = 15;
  bool all = false;  // allShortestPaths
  std::string detail;
};
OperatorPtr MakeShortestPath(OperatorPtr input, ShortestPathSpec spec);

OperatorPtr MakeFilter(OperatorPtr input, BoundExprPtr predicate, std::string detail);

// Computes expressions into slots.
struct ProjectItem {
  BoundExprPtr expr;
  int slot;
};
OperatorPtr MakeProject(OperatorPtr input, std::vector<ProjectItem> items, std::string detail);

// Groups by `keys` (computed into their slots) and fills each call's slot.
OperatorPtr MakeAggregate(OperatorPtr input, std::vector<ProjectItem> keys,
                          std::vector<AggregateCall> calls, std::string detail);

OperatorPtr MakeDistinct(OperatorPtr input, std::vector<int> slots);

struct SortKey {
  BoundExprPtr expr;
  bool descending = false;
};
// With `limit` (skip + limit rows), keeps only the top rows (a heap).
OperatorPtr MakeSort(OperatorPtr input, std::vector<SortKey> keys, std::optional<uint64_t> limit,
                     std::string detail);

OperatorPtr MakeSkipLimit(OperatorPtr input, BoundExprPtr skip, BoundExprPtr limit);

// Copies `slots` into a row of just those columns (the shape of results).
OperatorPtr MakeOutput(OperatorPtr input, std::vector<int> slots);

// Rows of every input in turn (inputs produce output-shaped rows).
OperatorPtr MakeUnion(std::vector<OperatorPtr> inputs);

// For each left row, the rows of `right` run with that row as its argument;
// with `optional`, a left row without any gets `null_slots` set to null.
OperatorPtr MakeApply(OperatorPtr left, OperatorPtr right, std::shared_ptr<ArgumentSource> arg,
                      bool optional, std::vector<int> null_slots);

// Caps the rows a query returns (QueryOptions::max_rows).
OperatorPtr MakeRowBound(OperatorPtr input);

}  // namespace newsgraph::query

namespace newsgraph::query {
struct ProcedureSpec;
OperatorPtr MakeCall(OperatorPtr input, const ProcedureSpec* spec, std::vector<BoundExprPtr> args,
                     std::vector<std::pair<size_t, int>> yields);
}  // namespace newsgraph::query
