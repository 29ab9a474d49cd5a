// Binding expressions: variables to slots, function names to functions, with
// errors that point at the spot.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/result.h"
#include "query/ast/expr.h"
#include "query/binder/bound_expr.h"
#include "query/binder/scope.h"

namespace newsgraph::query {

// An aggregate found while binding a projection; the expression refers to
// `slot`, which the Aggregate operator fills.
struct AggregateCall {
  Function function;
  bool distinct = false;
  BoundExprPtr arg;  // null for count(*)
  int slot = -1;
};

class ExprBinder {
 public:
  ExprBinder(std::string_view text, SlotAllocator* slots) : text_(text), slots_(slots) {}

  // When set, aggregate calls are allowed and collected; otherwise they are
  // an error.
  void set_aggregates(std::vector<AggregateCall>* out) { aggregates_ = out; }

  Result<BoundExprPtr> Bind(const Expr& e, const Scope& scope);

  // An error report at `span` (see parser.h's FormatError).
  Status Error(const Span& span, const std::string& msg, const std::string& hint = {}) const;

 private:
  Result<BoundExprPtr> BindFunction(const Expr& e, const Scope& scope);

  std::string_view text_;
  SlotAllocator* slots_;
  std::vector<AggregateCall>* aggregates_ = nullptr;
};

// True when the expression contains an aggregate call.
bool HasAggregate(const Expr& e);

}  // namespace newsgraph::query
