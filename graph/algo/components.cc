// Weakly and strongly connected components with Boost, renumbered so that
// components are numbered in order of their lowest vertex.
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>

#include "graph/algo/algorithms.h"
#include "graph/algo/csr.h"

namespace newsgraph::graph::algo {

namespace {

void Renumber(std::vector<uint32_t>* component, uint32_t count) {
  std::vector<uint32_t> number(count, UINT32_MAX);
  uint32_t next = 0;
  for (uint32_t& c : *component) {
    if (number[c] == UINT32_MAX) number[c] = next++;
    c = number[c];
  }
}

}  // namespace

Status WeakComponents(const Snapshot& s, Budget* budget, std::vector<uint32_t>* component, uint32_t* count) {
  component->clear();
  *count = 0;
  const uint32_t n = s.num_nodes();
  if (n == 0) return Status::OK();
  // Depth-first search along the symmetric view reaches exactly the weak
  // component (Boost's undirected-graph check is off in this overload).
  NG_ASSIGN_OR_RETURN(const CsrView* view, s.View(Direction::kBoth, /*simple=*/false, budget));
  const CsrGraph& g = view->graph;
  Reservation mem(budget);
  if (!mem.Add(uint64_t{n} * 4) || !budget->Reserve(uint64_t{n} * 4)) return Stopped();
  if (!budget->Work(num_edges(g) + n)) return Stopped();
  component->assign(n, 0);
  *count = boost::connected_components(
      g, boost::make_iterator_property_map(component->begin(), get(boost::vertex_index, g)));
  Renumber(component, *count);
  return Status::OK();
}

Status StrongComponents(const Snapshot& s, Budget* budget, std::vector<uint32_t>* component, uint32_t* count) {
  component->clear();
  *count = 0;
  const uint32_t n = s.num_nodes();
  if (n == 0) return Status::OK();
  NG_ASSIGN_OR_RETURN(const CsrView* view, s.View(Direction::kOut, /*simple=*/false, budget));
  const CsrGraph& g = view->graph;
  Reservation mem(budget);
  // Tarjan's roots, discovery times and colours
  if (!mem.Add(uint64_t{n} * 12) || !budget->Reserve(uint64_t{n} * 4)) return Stopped();
  if (!budget->Work(num_edges(g) + n)) return Stopped();
  component->assign(n, 0);
  *count = boost::strong_components(
      g, boost::make_iterator_property_map(component->begin(), get(boost::vertex_index, g)));
  Renumber(component, *count);
  return Status::OK();
}

}  // namespace newsgraph::graph::algo
