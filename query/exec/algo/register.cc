// Every graph algorithm callable with CALL.
#include "query/exec/procedures.h"

namespace newsgraph::query {

void RegisterDegree();

void RegisterAlgorithmProcedures() {
  RegisterDegree();
}

}  // namespace newsgraph::query
