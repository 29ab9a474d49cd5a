#include "query/ast/expr.h"

namespace newsgraph::query {

const char* BinaryOpName(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr: return "OR";
    case BinaryOp::kXor: return "XOR";
    case BinaryOp::kAnd: return "AND";
    case BinaryOp::kEq: return "=";
    case BinaryOp::kNeq: return "<>";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kLe: return "<=";
    case BinaryOp::kGe: return ">=";
    case BinaryOp::kStartsWith: return "STARTS WITH";
    case BinaryOp::kEndsWith: return "ENDS WITH";
    case BinaryOp::kContains: return "CONTAINS";
    case BinaryOp::kIn: return "IN";
    case BinaryOp::kRegex: return "=~";
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSub: return "-";
    case BinaryOp::kMul: return "*";
    case BinaryOp::kDiv: return "/";
    case BinaryOp::kMod: return "%";
  }
  return "?";
}

std::unique_ptr<Expr> Expr::Clone() const {
  auto e = std::make_unique<Expr>(kind);
  e->span = span;
  e->literal = literal;
  e->name = name;
  e->binary_op = binary_op;
  e->unary_op = unary_op;
  e->negated = negated;
  e->distinct = distinct;
  for (const auto& a : args) e->args.push_back(a ? a->Clone() : nullptr);
  e->keys = keys;
  e->has_subject = has_subject;
  e->has_else = has_else;
  e->text = text;
  return e;
}

}  // namespace newsgraph::query
