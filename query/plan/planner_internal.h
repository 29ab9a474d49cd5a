// The planner's state, shared by planner.cc (clauses, projections) and
// pattern_planner.cc (MATCH).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "query/binder/expr_binder.h"
#include "query/binder/scope.h"
#include "query/exec/ops.h"
#include "query/plan/catalog.h"
#include "query/plan/planner.h"

namespace newsgraph::query {

class Planner {
 public:
  Planner(std::string_view text, const graph::ReadView& view, const Catalog& catalog,
          const QueryOptions& options)
      : text_(text), view_(view), options_(options), catalog_(catalog), binder_(text, &slots_) {}

  Result<CompiledQuery> Plan(const Statement& st);

 private:
  Result<OperatorPtr> PlanSingle(const SingleQuery& q, std::vector<std::string>* columns);
  Status PlanMatch(const Clause& c, OperatorPtr* op, Scope* scope);
  Status PlanPatterns(const Clause& c, OperatorPtr* op, Scope* scope, std::vector<int>* new_slots);
  Status PlanCall(const Clause& c, OperatorPtr* op, Scope* scope, std::vector<std::string>* columns,
                  std::vector<int>* out_slots);
  // RETURN and WITH. `columns`/`out_slots` receive the projected names and slots.
  Status PlanProjection(const Projection& p, bool is_with, OperatorPtr* op, Scope* scope,
                        std::vector<std::string>* columns, std::vector<int>* out_slots);
  // ORDER BY keys bound to the rows before RETURN's projection (a column is
  // replaced by its expression); false when a key cannot be, such as one
  // using a projected name inside a larger expression.
  bool KeysBeforeProjection(const Projection& p, const std::vector<const Expr*>& exprs,
                            const std::vector<std::string>& aliases, const Scope& scope,
                            std::vector<SortKey>* keys);

  Result<BoundExprPtr> Bind(const Expr& e, const Scope& scope) { return binder_.Bind(e, scope); }
  Status Error(const Span& span, const std::string& msg, const std::string& hint = {}) const {
    return binder_.Error(span, msg, hint);
  }

  std::string_view text_;
  const graph::ReadView& view_;
  const QueryOptions& options_;
  const Catalog& catalog_;
  SlotAllocator slots_;
  ExprBinder binder_;
};

// Helpers for building bound expressions in the planner.
BoundExprPtr SlotExpr(int slot);
BoundExprPtr ConstExpr(Value v);
BoundExprPtr CallExpr(Function f, std::vector<BoundExprPtr> args);
BoundExprPtr PropertyExpr(BoundExprPtr base, const std::string& key);
BoundExprPtr EqExpr(BoundExprPtr a, BoundExprPtr b);
BoundExprPtr AndAll(std::vector<BoundExprPtr> parts);

}  // namespace newsgraph::query
