// Every graph algorithm callable with CALL. Each procedure documents its
// arguments, options (with defaults) and outputs at the top of its file;
// the options that select the graph are in support.h.
#include "query/exec/procedures.h"

namespace newsgraph::query {

void RegisterDegree();
void RegisterPageRank();
void RegisterBetweenness();
void RegisterCloseness();
void RegisterComponents();  // wcc, scc
void RegisterLouvain();
void RegisterKCore();
void RegisterDijkstra();
void RegisterNeighbourhood();  // neighbourhood, subgraph

void RegisterAlgorithmProcedures() {
  RegisterDegree();
  RegisterPageRank();
  RegisterBetweenness();
  RegisterCloseness();
  RegisterComponents();
  RegisterLouvain();
  RegisterKCore();
  RegisterDijkstra();
  RegisterNeighbourhood();
}

}  // namespace newsgraph::query
