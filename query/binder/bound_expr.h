// Expressions after binding: variables are row slots, functions are ids,
// parameters are looked up by name at run time.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsgraph/value.h"
#include "query/ast/expr.h"

namespace newsgraph::query {

enum class Function {
  // scalar
  kType, kId, kLabels, kName, kDate, kSize, kLength, kToLower, kToUpper, kTrim, kToString,
  kToInteger, kToFloat, kCoalesce, kNodes, kRelationships, kStartNode, kEndNode, kEvidence,
  kAbs, kRound, kFloor, kCeil, kKeys, kHead, kLast, kSubstring, kReplace, kSplit, kKey,
  // aggregates
  kCount, kSum, kAvg, kMin, kMax, kCollect,
  // internal, made by the planner: node type in a list of labels; node known
  // by a name (any alias, folded); relationships pairwise different
  kHasLabel, kHasName, kAllDifferent,
  // a path from alternating node and relationship (or relationship list) values
  kMakePath,
};

// Name → function; false when unknown. `aggregate` tells which kind it is.
bool LookupFunction(const std::string& lower_name, Function* f, bool* aggregate);
// Every function name, for completion and "did you mean" hints.
const std::vector<std::string>& FunctionNames();

enum class BoundKind {
  kConst,
  kParam,
  kSlot,      // a variable or a computed column
  kProperty,  // args[0].name: node, relationship or map property
  kIndex,     // args[0][args[1]]
  kCall,      // scalar function
  kBinary,
  kUnary,
  kIsNull,
  kList,
  kMap,
  kCase,
};

struct BoundExpr;
using BoundExprPtr = std::unique_ptr<BoundExpr>;

struct RegexCache;  // compiled =~ patterns, owned by the expression

struct BoundExpr {
  BoundKind kind = BoundKind::kConst;
  Span span;
  Value constant;
  int slot = -1;
  std::string name;  // parameter name or property key
  Function function = Function::kType;
  BinaryOp binary_op = BinaryOp::kEq;
  UnaryOp unary_op = UnaryOp::kNot;
  bool negated = false;
  bool has_subject = false, has_else = false;  // CASE
  std::vector<BoundExprPtr> args;
  std::vector<std::string> keys;  // map keys
  std::shared_ptr<RegexCache> regex;

  ~BoundExpr();
};

// Slots read by an expression (to know when a filter can run).
void CollectSlots(const BoundExpr& e, std::vector<int>* slots);

}  // namespace newsgraph::query
