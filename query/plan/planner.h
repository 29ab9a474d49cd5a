// Planning: a parsed statement → bound expressions → a tree of physical
// operators, with joins ordered by cardinality estimates from the
// per-predicate statistics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/store/read_view.h"
#include "newsgraph/query.h"
#include "query/ast/statement.h"
#include "query/exec/operator.h"

namespace newsgraph::query {

struct CompiledQuery {
  OperatorPtr root;
  std::vector<std::string> columns;
  size_t row_width = 0;
  Statement::Mode mode = Statement::Mode::kRun;
};

class Catalog;

// Binding errors come back as InvalidArgument statuses with an error report
// (line, column, caret, hint) built from `text`.
Result<CompiledQuery> PlanStatement(const Statement& st, std::string_view text, const graph::ReadView& view,
                                    const Catalog& catalog, const QueryOptions& options);

}  // namespace newsgraph::query
