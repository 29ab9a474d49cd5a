// Queries: options, the result cursor and prepared statements.
//
//   auto cursor = db->Query("MATCH (x)-[:supports]->({name: $who}) RETURN x.name",
//                           {{"who", newsgraph::Value::String("Haftar")}});
//   if (!cursor.ok()) { … cursor.status() … }
//   newsgraph::Row row;
//   while ((*cursor)->Next(&row)) std::cout << row[0].ToString() << "\n";
//   if (!(*cursor)->status().ok()) { … }
//
// A cursor reads one snapshot of the store: rows stay consistent however long
// it lives, and writes made meanwhile are not seen. Cursors are not
// thread-safe; use one per thread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "newsgraph/result.h"
#include "newsgraph/value.h"

namespace newsgraph {

using Row = std::vector<Value>;
using Params = std::map<std::string, Value>;

// Bounds on one query. Past a bound the query stops with a
// ResourceExhausted status that names the bound; it never exhausts memory.
struct QueryOptions {
  // Rows a query may return.
  // Default: 1,000,000
  uint64_t max_rows = 1000000;

  // Wall-clock time a query may run, in milliseconds (0: no limit).
  // Default: 60,000 (one minute)
  uint64_t timeout_ms = 60000;

  // Upper hop bound of a variable-length pattern written without one
  // (`*` or `*2..`), and of shortestPath.
  // Default: 15
  int64_t default_max_hops = 15;

  // The largest upper bound a query may ask for (`*1..N`).
  // Default: 100
  int64_t max_hops = 100;

  // Bytes the intermediate state of a query (sorts, aggregations, DISTINCT,
  // path frontiers) may hold. Counted approximately.
  // Default: 1 GiB
  uint64_t max_memory_bytes = uint64_t{1} << 30;

  // Paths a variable-length pattern with a path variable may enumerate from
  // one start node (path enumeration grows exponentially with length).
  // Default: 100,000
  uint64_t max_paths_per_start = 100000;

  // Mentions evidence(r) returns per fact, newest first.
  // Default: 10
  uint64_t max_evidence = 10;

  // Language of node names (`n.name`, table output): "en", "ar" or "" for
  // English, then Arabic, then any.
  // Default: ""
  std::string lang;
};

// One operator of a plan, as EXPLAIN and PROFILE show it.
struct PlanNode {
  std::string name;          // "Expand(pos)", "Filter", …
  std::string detail;        // what it does, in query terms
  uint64_t rows = 0;         // PROFILE: rows produced
  double millis = 0;         // PROFILE: time spent in this operator, children excluded
  std::vector<PlanNode> children;
};

// Renders a plan as an indented tree.
std::string FormatPlan(const PlanNode& root, bool with_profile);

// An entity with its labels in every language, as graph output formats show
// it.
struct NodeInfo {
  Node node;                                  // id, key, display name, type
  std::map<std::string, std::string> labels;  // language → label: "en" → "Khalifa Haftar", "ar" → "خليفة حفتر"
};

class Cursor {
 public:
  virtual ~Cursor() = default;

  // Column names, in order.
  virtual const std::vector<std::string>& columns() const = 0;

  // Fills *row with the next row; false at the end or on an error (then
  // status() tells which).
  virtual bool Next(Row* row) = 0;

  // OK when the rows so far are all there is.
  virtual Status status() const = 0;

  // The plan (EXPLAIN returns no rows; PROFILE fills rows and times once the
  // cursor is exhausted).
  virtual const PlanNode& plan() const = 0;

  // True for EXPLAIN and PROFILE statements.
  virtual bool is_explain() const = 0;
  virtual bool is_profile() const = 0;

  // Looks up the entity `id` (Node::id, Relationship::subject or ::object)
  // in the snapshot this cursor reads, also after the last row. False when
  // there is no such entity (a literal object, say), or when the cursor
  // cannot look things up (the default). Graph output formats use it for
  // labels in every language and for relationship ends returned without
  // their nodes.
  virtual bool LookupNode(uint64_t /*id*/, NodeInfo* /*out*/) { return false; }
};

}  // namespace newsgraph
