// Betweenness with Boost's Brandes implementation, on the simple graph.
#include <boost/graph/betweenness_centrality.hpp>

#include "graph/algo/algorithms.h"
#include "graph/algo/csr.h"

namespace newsgraph::graph::algo {

namespace {

struct BudgetRefused {};

// The centrality map: Boost adds to it once per node reached from each
// source, which is where the work is charged (Boost's loop has no other
// hook); a refusal unwinds Boost by an exception caught below.
struct TickingMap {
  double* data;
  Budget* budget;
  uint64_t* count;
};

double get(const TickingMap& m, uint32_t k) { return m.data[k]; }

void put(const TickingMap& m, uint32_t k, double v) {
  m.data[k] = v;
  if ((++*m.count & 0xFFFF) == 0 && !m.budget->Work(0x10000)) throw BudgetRefused{};
}

}  // namespace

}  // namespace newsgraph::graph::algo

namespace boost {
template <>
struct property_traits<newsgraph::graph::algo::TickingMap> {
  using key_type = uint32_t;
  using value_type = double;
  using reference = double;
  using category = read_write_property_map_tag;
};
}  // namespace boost

namespace newsgraph::graph::algo {

Status Betweenness(const Snapshot& s, Direction d, bool normalized, Budget* budget, std::vector<double>* scores) {
  scores->clear();
  const uint32_t n = s.num_nodes();
  if (n == 0) return Status::OK();
  NG_ASSIGN_OR_RETURN(const CsrView* view, s.View(d, /*simple=*/true, budget));
  const CsrGraph& g = view->graph;
  Reservation mem(budget);
  // incoming edge lists, distances, dependencies, path counts
  if (!mem.Add(uint64_t{n} * (24 + 4 + 8 + 8) + num_edges(g) * 8) || !budget->Reserve(uint64_t{n} * 8)) {
    return Stopped();
  }
  scores->assign(n, 0.0);
  std::vector<std::vector<CsrEdge>> incoming(n);
  std::vector<uint32_t> distance(n, 0);
  std::vector<double> dependency(n, 0), path_count(n, 0);
  uint64_t count = 0;
  auto index = get(boost::vertex_index, g);
  try {
    boost::brandes_betweenness_centrality(
        g, TickingMap{scores->data(), budget, &count}, boost::dummy_property_map(),
        boost::make_iterator_property_map(incoming.begin(), index),
        boost::make_iterator_property_map(distance.begin(), index),
        boost::make_iterator_property_map(dependency.begin(), index),
        // Doubles: path counts grow exponentially and would overflow 32 bits.
        boost::make_iterator_property_map(path_count.begin(), index), index);
  } catch (const BudgetRefused&) {
    return Stopped();
  }
  double scale = d == Direction::kBoth ? 0.5 : 1.0;
  if (normalized && n > 2) scale *= (d == Direction::kBoth ? 2.0 : 1.0) / ((n - 1.0) * (n - 2.0));
  for (double& x : *scores) x *= scale;
  return Status::OK();
}

}  // namespace newsgraph::graph::algo
