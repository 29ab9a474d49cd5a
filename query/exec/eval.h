// Evaluation of bound expressions against a row.
#pragma once

#include "newsgraph/value.h"
#include "query/binder/bound_expr.h"
#include "query/exec/context.h"

namespace newsgraph::query {

// Evaluates `e`. On an error (a type mismatch, a failed lookup) records it
// in ctx and returns null.
Value Eval(const BoundExpr& e, const Row& row, ExecContext* ctx);

// Truth value for WHERE: only true passes (null and false do not).
bool EvalPredicate(const BoundExpr& e, const Row& row, ExecContext* ctx);

// Node and relationship values carry ids while a query runs; these fill in
// what users see (key, name, type; predicate and end names; counts).
void Materialise(Value* v, ExecContext* ctx);

// A relationship's summary (counts, dates), read from the store when the
// value does not carry it yet.
bool EnsureSummary(Relationship* r, ExecContext* ctx);

// The display name of a term in the language of the query options.
std::string TermName(const graph::TermRecord& t, ExecContext* ctx);

// A node or literal value for a term id (facts may point to literals).
Value TermValue(graph::TermId id, ExecContext* ctx);

}  // namespace newsgraph::query
