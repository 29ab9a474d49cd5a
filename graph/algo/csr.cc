#include "graph/algo/csr.h"

#include <algorithm>
#include <utility>

namespace newsgraph::graph::algo {

CsrView::CsrView(uint32_t num_nodes, std::vector<Vertex>* u, std::vector<Vertex>* v, std::vector<FactRef>* facts)
    : graph(boost::construct_inplace_from_sources_and_targets, *u, *v, *facts, num_nodes) {
  // The sources are scratch once sorted; Boost took the other two.
  std::vector<Vertex>().swap(*u);
}

uint64_t CsrView::bytes() const {
  return CsrViewBytes(num_vertices(graph), num_edges(graph));
}

std::unique_ptr<CsrView> MakeCsrView(uint32_t num_nodes, std::vector<Vertex> u, std::vector<Vertex> v,
                                     std::vector<FactRef> facts, bool simple) {
  auto view = std::make_unique<CsrView>(num_nodes, &u, &v, &facts);
  if (!simple) return view;
  // Rows sorted by (target, fact): the first of each target is its lowest
  // fact. The edges come out in row order, so the second sort moves nothing.
  const CsrGraph& g = view->graph;
  u.clear();  // Boost leaves them with unspecified contents
  v.clear();
  facts.clear();
  std::vector<std::pair<Vertex, FactIndex>> row;
  for (Vertex x = 0; x < num_nodes; ++x) {
    row.clear();
    for (auto [e, end] = out_edges(x, g); e != end; ++e) row.emplace_back(target(*e, g), g[*e].fact);
    std::sort(row.begin(), row.end());
    Vertex prev = UINT32_MAX;
    for (const auto& [t, f] : row) {
      if (t == prev || t == x) continue;
      prev = t;
      u.push_back(x);
      v.push_back(t);
      facts.push_back({f});
    }
  }
  view.reset();
  return std::make_unique<CsrView>(num_nodes, &u, &v, &facts);
}

}  // namespace newsgraph::graph::algo
