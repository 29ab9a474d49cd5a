// Clauses and whole queries.
#pragma once

#include <string>
#include <vector>

#include "query/ast/expr.h"
#include "query/ast/pattern.h"

namespace newsgraph::query {

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // AS name, or the expression's text
  bool has_alias = false;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

// RETURN and WITH share this shape.
struct Projection {
  Span span;
  bool distinct = false;
  bool star = false;  // RETURN *
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
  ExprPtr where;  // WITH … WHERE
};

struct YieldItem {
  std::string name;
  std::string alias;
  Span span;
};

enum class ClauseKind { kMatch, kCall, kWith };

struct Clause {
  ClauseKind kind;
  Span span;
  // MATCH
  bool optional = false;
  std::vector<PathPattern> patterns;
  // CALL
  std::string procedure;
  std::vector<ExprPtr> args;
  std::vector<YieldItem> yields;
  bool yield_all = false;  // CALL without YIELD
  // MATCH / CALL … WHERE
  ExprPtr where;
  // WITH
  Projection projection;
};

struct SingleQuery {
  Span span;
  std::vector<Clause> clauses;
  bool has_return = false;
  Projection ret;
};

struct Statement {
  enum class Mode { kRun, kExplain, kProfile } mode = Mode::kRun;
  std::vector<SingleQuery> parts;  // joined by UNION
  std::vector<bool> union_all;     // size parts.size() - 1
};

}  // namespace newsgraph::query
