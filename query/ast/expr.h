// Expressions of the query language.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsgraph/value.h"
#include "query/ast/span.h"

namespace newsgraph::query {

enum class ExprKind {
  kLiteral,
  kParameter,
  kVariable,
  kProperty,   // expr.key
  kIndex,      // expr[index]
  kFunction,   // name(args…)
  kCountStar,  // count(*)
  kBinary,
  kUnary,
  kIsNull,     // expr IS [NOT] NULL
  kList,
  kMap,
  kCase,
};

enum class BinaryOp {
  kOr, kXor, kAnd,
  kEq, kNeq, kLt, kGt, kLe, kGe,
  kStartsWith, kEndsWith, kContains, kIn, kRegex,
  kAdd, kSub, kMul, kDiv, kMod,
};

enum class UnaryOp { kNot, kNeg, kPlus };

const char* BinaryOpName(BinaryOp op);

struct Expr {
  ExprKind kind;
  Span span;
  Value literal;                            // kLiteral
  std::string name;                         // parameter, variable, property key, function name
  BinaryOp binary_op = BinaryOp::kEq;
  UnaryOp unary_op = UnaryOp::kNot;
  bool negated = false;                     // IS NOT NULL
  bool distinct = false;                    // function(DISTINCT …)
  std::vector<std::unique_ptr<Expr>> args;  // operands, list items, map values, function args
  std::vector<std::string> keys;            // map keys
  // CASE: args = [subject?] then when/then pairs, then else; see has_subject/has_else.
  bool has_subject = false;
  bool has_else = false;

  explicit Expr(ExprKind k) : kind(k) {}
  std::unique_ptr<Expr> Clone() const;
  // The text of the expression as written (for column names).
  std::string text;
};

using ExprPtr = std::unique_ptr<Expr>;

}  // namespace newsgraph::query
