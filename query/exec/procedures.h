// Procedures callable with CALL name(args) YIELD …: built-in store
// procedures here, graph algorithms in graph/algo (registered the same way).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "newsgraph/value.h"
#include "query/exec/context.h"

namespace newsgraph::query {

// Produces the rows of one call.
class ProcedureCursor {
 public:
  virtual ~ProcedureCursor() = default;
  // Fills `out` (one value per output column); false at the end or on an
  // error recorded in the context.
  virtual bool Next(std::vector<Value>* out) = 0;
  // What the call did, for PROFILE (e.g. how the graph snapshot was
  // obtained and what it cost); empty when there is nothing to say.
  virtual std::string Detail() const { return {}; }
  // Which output columns the query yields (by position), told once before
  // the first Next; a cursor may leave the others null.
  virtual void Yielding(const std::vector<bool>& used) {}
};

struct ProcedureSpec {
  std::string name;         // lowercase, e.g. "mentions", "db.predicates", "pagerank"
  std::string signature;    // for help: "mentions(filter :: MAP)"
  std::string description;  // one line
  size_t min_args = 0;
  size_t max_args = 0;
  std::vector<std::string> outputs;  // YIELD columns, in order
  // Opens a call with evaluated arguments; nullptr with ctx->error set on a
  // bad argument.
  std::function<std::unique_ptr<ProcedureCursor>(ExecContext*, const std::vector<Value>&)> open;
};

// nullptr when unknown. Names are matched case-insensitively.
const ProcedureSpec* FindProcedure(const std::string& name);
std::vector<const ProcedureSpec*> AllProcedures();
void RegisterProcedure(ProcedureSpec spec);

// A cursor over rows computed up front (for procedures that must see all
// their input before the first row, such as graph algorithms). `detail`
// becomes its Detail().
std::unique_ptr<ProcedureCursor> RowsCursor(std::vector<std::vector<Value>> rows, std::string detail = {});

// Reads an optional map argument's entry; null when absent.
Value MapArg(const Value& map, const std::string& key);

}  // namespace newsgraph::query
