// Named rewrites of the AST before planning (the Soufflé habit: each a pass
// of its own, switchable, shown in EXPLAIN by the plan it produces).
#pragma once

#include <optional>

#include "query/ast/statement.h"

namespace newsgraph::query {

// Counts per relationship type come from the per-predicate statistics
// instead of a scan of every fact:
//   MATCH ()-[r]->() RETURN type(r), count(*), sum(r.count)
// becomes
//   CALL db.predicates() YIELD name, facts, mentions WHERE facts > 0 RETURN …
// It applies when the MATCH has one relationship between two unconstrained,
// unused nodes, no WHERE, and RETURN uses only type(r), count(*), count(r)
// and sum(r.count) (or r.mentions) with no DISTINCT aggregate.
std::optional<SingleQuery> RewriteCountStore(const SingleQuery& q);

}  // namespace newsgraph::query
