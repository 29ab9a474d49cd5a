#include "query/binder/expr_binder.h"

#include <algorithm>

#include "query/parser/parser.h"

namespace newsgraph::query {

struct RegexCache;
std::shared_ptr<RegexCache> NewRegexCache();

namespace {
std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
}  // namespace

bool HasAggregate(const Expr& e) {
  if (e.kind == ExprKind::kCountStar) return true;
  if (e.kind == ExprKind::kFunction) {
    Function f;
    bool agg = false;
    if (LookupFunction(Lower(e.name), &f, &agg) && agg) return true;
  }
  for (const auto& a : e.args) {
    if (a && HasAggregate(*a)) return true;
  }
  return false;
}

Status ExprBinder::Error(const Span& span, const std::string& msg, const std::string& hint) const {
  return Status::InvalidArgument(FormatError(text_, span, msg, hint));
}

Result<BoundExprPtr> ExprBinder::Bind(const Expr& e, const Scope& scope) {
  auto b = std::make_unique<BoundExpr>();
  b->span = e.span;
  switch (e.kind) {
    case ExprKind::kLiteral:
      b->kind = BoundKind::kConst;
      b->constant = e.literal;
      return b;
    case ExprKind::kParameter:
      b->kind = BoundKind::kParam;
      b->name = e.name;
      return b;
    case ExprKind::kVariable: {
      const Variable* v = scope.Find(e.name);
      if (!v) {
        std::string close = Closest(e.name, scope.Names());
        return Error(e.span, "unknown variable `" + e.name + "`",
                     close.empty() ? "" : "did you mean `" + close + "`?");
      }
      b->kind = BoundKind::kSlot;
      b->slot = v->slot;
      return b;
    }
    case ExprKind::kProperty:
      b->kind = BoundKind::kProperty;
      b->name = e.name;
      break;
    case ExprKind::kIndex:
      b->kind = BoundKind::kIndex;
      break;
    case ExprKind::kFunction:
      return BindFunction(e, scope);
    case ExprKind::kCountStar: {
      if (!aggregates_) return Error(e.span, "count(*) is only allowed in RETURN and WITH");
      AggregateCall call;
      call.function = Function::kCount;
      call.slot = slots_->New();
      b->kind = BoundKind::kSlot;
      b->slot = call.slot;
      aggregates_->push_back(std::move(call));
      return b;
    }
    case ExprKind::kBinary:
      b->kind = BoundKind::kBinary;
      b->binary_op = e.binary_op;
      if (e.binary_op == BinaryOp::kRegex) b->regex = NewRegexCache();
      break;
    case ExprKind::kUnary:
      b->kind = BoundKind::kUnary;
      b->unary_op = e.unary_op;
      break;
    case ExprKind::kIsNull:
      b->kind = BoundKind::kIsNull;
      b->negated = e.negated;
      break;
    case ExprKind::kList:
      b->kind = BoundKind::kList;
      break;
    case ExprKind::kMap:
      b->kind = BoundKind::kMap;
      b->keys = e.keys;
      break;
    case ExprKind::kCase:
      b->kind = BoundKind::kCase;
      b->has_subject = e.has_subject;
      b->has_else = e.has_else;
      break;
  }
  for (const auto& a : e.args) {
    NG_ASSIGN_OR_RETURN(BoundExprPtr x, Bind(*a, scope));
    b->args.push_back(std::move(x));
  }
  return b;
}

Result<BoundExprPtr> ExprBinder::BindFunction(const Expr& e, const Scope& scope) {
  auto b = std::make_unique<BoundExpr>();
  b->span = e.span;
  Function f;
  bool aggregate = false;
  if (!LookupFunction(Lower(e.name), &f, &aggregate)) {
    std::string close = Closest(Lower(e.name), FunctionNames());
    return Error(e.span, "unknown function `" + e.name + "`",
                 close.empty() ? "" : "did you mean `" + close + "`?");
  }
  if (aggregate) {
    if (!aggregates_) {
      return Error(e.span, "aggregate " + e.name + "() is only allowed in RETURN and WITH");
    }
    if (e.args.size() != 1) return Error(e.span, e.name + "() takes one argument");
    AggregateCall call;
    call.function = f;
    call.distinct = e.distinct;
    // Aggregates do not nest; bind the argument without collecting.
    auto* saved = aggregates_;
    aggregates_ = nullptr;
    auto arg = Bind(*e.args[0], scope);
    aggregates_ = saved;
    if (!arg.ok()) {
      if (HasAggregate(*e.args[0])) return Error(e.args[0]->span, "aggregates cannot be nested");
      return arg.status();
    }
    call.arg = std::move(arg).value();
    call.slot = slots_->New();
    b->kind = BoundKind::kSlot;
    b->slot = call.slot;
    aggregates_->push_back(std::move(call));
    return b;
  }
  struct Arity {
    size_t min, max;
  };
  Arity arity{1, 1};
  switch (f) {
    case Function::kDate: arity = {0, 1}; break;
    case Function::kName: arity = {1, 2}; break;
    case Function::kCoalesce: arity = {1, 64}; break;
    case Function::kRound: arity = {1, 2}; break;
    case Function::kSubstring: arity = {2, 3}; break;
    case Function::kReplace: arity = {3, 3}; break;
    case Function::kSplit: arity = {2, 2}; break;
    default: break;
  }
  if (e.args.size() < arity.min || e.args.size() > arity.max) {
    std::string want = arity.min == arity.max ? std::to_string(arity.min)
                                              : std::to_string(arity.min) + " to " + std::to_string(arity.max);
    return Error(e.span, e.name + "() takes " + want + " argument" + (arity.max == 1 ? "" : "s") +
                             ", got " + std::to_string(e.args.size()));
  }
  b->kind = BoundKind::kCall;
  b->function = f;
  for (const auto& a : e.args) {
    NG_ASSIGN_OR_RETURN(BoundExprPtr x, Bind(*a, scope));
    b->args.push_back(std::move(x));
  }
  return b;
}

}  // namespace newsgraph::query
