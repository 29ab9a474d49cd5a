// Graph patterns: (node)-[relationship]->(node)…
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/ast/expr.h"

namespace newsgraph::query {

struct NodePattern {
  Span span;
  std::string variable;             // empty: anonymous
  std::vector<std::string> labels;  // entity types
  std::vector<std::string> prop_keys;
  std::vector<ExprPtr> prop_values;
  ExprPtr prop_parameter;           // {…} given as $param
};

enum class Direction { kOut, kIn, kBoth };

struct RelPattern {
  Span span;
  std::string variable;
  std::vector<std::string> types;  // predicates; empty: any
  Direction direction = Direction::kBoth;
  bool variable_length = false;
  std::optional<int64_t> min_hops, max_hops;  // given bounds
  std::vector<std::string> prop_keys;
  std::vector<ExprPtr> prop_values;
  ExprPtr prop_parameter;
};

enum class ShortestKind { kNone, kShortest, kAllShortest };

struct PathPattern {
  Span span;
  std::string path_variable;
  ShortestKind shortest = ShortestKind::kNone;
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;
};

}  // namespace newsgraph::query
