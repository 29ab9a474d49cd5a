// The relationships around a node for traversal operators.
#pragma once

#include <vector>

#include "query/ast/pattern.h"
#include "query/exec/context.h"

namespace newsgraph::query {

struct Step {
  graph::TermId node;   // the node reached
  graph::Triple fact;   // the relationship used
};

// Appends the steps from `u` along `predicates` (empty: any) in `direction`.
// An undirected self-loop is listed once. False on a read error (recorded).
bool Neighbours(ExecContext* ctx, graph::TermId u, Direction direction,
                const std::vector<graph::TermId>& predicates, std::vector<Step>* out);

}  // namespace newsgraph::query
