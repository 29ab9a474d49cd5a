// Core numbers by Batagelj and Zaversnik's O(m) bucket algorithm ("An O(m)
// Algorithm for Cores Decomposition of Networks", 2003).
#include <algorithm>

#include "graph/algo/algorithms.h"
#include "graph/algo/csr.h"

namespace newsgraph::graph::algo {

Status CoreNumbers(const Snapshot& s, Budget* budget, std::vector<uint32_t>* core) {
  core->clear();
  const uint32_t n = s.num_nodes();
  if (n == 0) return Status::OK();
  // The simple symmetric view: degree = distinct neighbours, no self-loops.
  NG_ASSIGN_OR_RETURN(const CsrView* view, s.View(Direction::kBoth, /*simple=*/true, budget));
  const CsrGraph& g = view->graph;
  Reservation mem(budget);
  if (!mem.Add(uint64_t{n} * 12) || !budget->Reserve(uint64_t{n} * 4)) return Stopped();
  std::vector<uint32_t>& deg = *core;
  deg.resize(n);
  uint32_t max_deg = 0;
  for (Vertex v = 0; v < n; ++v) {
    deg[v] = static_cast<uint32_t>(out_degree(v, g));
    max_deg = std::max(max_deg, deg[v]);
  }
  // Vertices sorted by degree (vert), each one's place (pos), and where each
  // degree's run starts (bin).
  std::vector<uint32_t> bin(max_deg + 1, 0), pos(n), vert(n);
  for (Vertex v = 0; v < n; ++v) ++bin[deg[v]];
  for (uint32_t d = 0, start = 0; d <= max_deg; ++d) {
    uint32_t k = bin[d];
    bin[d] = start;
    start += k;
  }
  for (Vertex v = 0; v < n; ++v) {
    pos[v] = bin[deg[v]]++;
    vert[pos[v]] = v;
  }
  for (uint32_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (uint32_t i = 0; i < n; ++i) {
    Vertex v = vert[i];
    for (auto [e, end] = out_edges(v, g); e != end; ++e) {
      Vertex u = target(*e, g);
      if (deg[u] <= deg[v]) continue;
      // Move u to the front of its degree's run, then shrink its degree.
      uint32_t du = deg[u], pu = pos[u], pw = bin[du];
      Vertex w = vert[pw];
      if (u != w) {
        pos[u] = pw;
        vert[pu] = w;
        pos[w] = pu;
        vert[pw] = u;
      }
      ++bin[du];
      --deg[u];
    }
    if ((i & 4095) == 4095 && !budget->Work(4096)) return Stopped();
  }
  return Status::OK();
}

}  // namespace newsgraph::graph::algo
