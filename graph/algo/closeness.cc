// Closeness centrality: one breadth-first search per node over the simple
// graph (distances in hops; parallel facts change nothing).
#include "graph/algo/algorithms.h"
#include "graph/algo/csr.h"

namespace newsgraph::graph::algo {

Status Closeness(const Snapshot& s, Direction d, Budget* budget, std::vector<double>* scores) {
  scores->clear();
  const uint32_t n = s.num_nodes();
  if (n == 0) return Status::OK();
  // Distances *to* a node are distances from it along reversed facts.
  NG_ASSIGN_OR_RETURN(const CsrView* view, s.View(d, /*simple=*/true, budget));
  const CsrGraph& g = view->graph;
  Reservation mem(budget);
  if (!mem.Add(uint64_t{n} * 8) || !budget->Reserve(uint64_t{n} * 8)) return Stopped();
  scores->assign(n, 0.0);
  constexpr uint32_t kUnseen = UINT32_MAX;
  std::vector<uint32_t> dist(n, kUnseen), queue(n);
  for (Vertex src = 0; src < n; ++src) {
    size_t head = 0, tail = 0;
    queue[tail++] = src;
    dist[src] = 0;
    uint64_t total = 0, work = 0;
    while (head < tail) {
      Vertex u = queue[head++];
      for (auto [e, end] = out_edges(u, g); e != end; ++e) {
        Vertex v = target(*e, g);
        ++work;
        if (dist[v] != kUnseen) continue;
        dist[v] = dist[u] + 1;
        total += dist[v];
        queue[tail++] = v;
      }
    }
    const double reached = static_cast<double>(tail - 1);
    if (total > 0 && n > 1) (*scores)[src] = (reached / total) * (reached / (n - 1.0));
    for (size_t i = 0; i < tail; ++i) dist[queue[i]] = kUnseen;
    if (!budget->Work(work + tail)) return Stopped();
  }
  return Status::OK();
}

}  // namespace newsgraph::graph::algo
