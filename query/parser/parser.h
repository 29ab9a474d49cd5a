// Query text → AST. The only place that includes the ANTLR-generated code.
#pragma once

#include <string>
#include <string_view>

#include "newsgraph/result.h"
#include "query/ast/statement.h"

namespace newsgraph::query {

// Parses one statement. A syntax error is an InvalidArgument status whose
// message is an error report (see FormatError).
Result<Statement> Parse(std::string_view text);

// The error report used for syntax and binding errors:
//
//   line 1, column 26: unexpected '!='
//     MATCH (a) WHERE a.name != "x" RETURN a
//                            ^^
//   hint: Cypher writes "not equal" as <>
//
// The caret marks `span` (at least one character); the hint line is left out
// when `hint` is empty.
std::string FormatError(std::string_view text, const Span& span, const std::string& message,
                        const std::string& hint = {});

}  // namespace newsgraph::query
