// Where an AST node came from in the query text.
#pragma once

#include <cstddef>

namespace newsgraph::query {

struct Span {
  size_t line = 1;     // 1-based
  size_t column = 1;   // 1-based, in code points
  size_t offset = 0;   // byte offset of the first byte
  size_t length = 0;   // bytes
};

}  // namespace newsgraph::query
