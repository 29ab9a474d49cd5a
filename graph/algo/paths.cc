// Weighted shortest paths (Boost's Dijkstra), neighbourhoods and induced
// subgraphs.
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <limits>

#include "graph/algo/algorithms.h"
#include "graph/algo/csr.h"

namespace newsgraph::graph::algo {

namespace {

struct TargetReached {};
struct BudgetRefused {};

struct SearchState {
  std::optional<Vertex> target;
  Budget* budget;
  uint64_t examined = 0;
  std::vector<FactIndex> via;  // the fact each vertex was last reached by
};

// Boost copies visitors; the state lives outside. Leaving Dijkstra early
// (target settled, bound hit) is done by exception, as Boost documents.
class Visitor : public boost::default_dijkstra_visitor {
 public:
  explicit Visitor(SearchState* st) : st_(st) {}
  void examine_vertex(Vertex u, const CsrGraph&) const {
    if (st_->target && u == *st_->target) throw TargetReached{};
    if ((++st_->examined & 1023) == 0 && !st_->budget->Work(1024)) throw BudgetRefused{};
  }
  void edge_relaxed(const CsrEdge& e, const CsrGraph& g) const { st_->via[target(e, g)] = g[e].fact; }

 private:
  SearchState* st_;
};

WeightedPath Trace(const Snapshot& s, Vertex source, Vertex to, const std::vector<Vertex>& pred,
                   const SearchState& st, double cost) {
  WeightedPath p;
  p.cost = cost;
  for (Vertex v = to; v != source; v = pred[v]) {
    p.nodes.push_back(v);
    p.facts.push_back(st.via[v]);
  }
  p.nodes.push_back(source);
  std::reverse(p.nodes.begin(), p.nodes.end());
  std::reverse(p.facts.begin(), p.facts.end());
  return p;
}

Status Induce(const Snapshot& s, const std::vector<bool>& in, Budget* budget, Subgraph* out) {
  NG_ASSIGN_OR_RETURN(const CsrView* view, s.View(Direction::kOut, /*simple=*/false, budget));
  const CsrGraph& g = view->graph;
  for (Vertex u : out->nodes) {
    for (auto [e, end] = out_edges(u, g); e != end; ++e) {
      if (in[target(*e, g)]) out->facts.push_back(g[*e].fact);
    }
  }
  // Rows follow fact order and nodes ascend, so facts ascend already.
  if (!budget->Reserve(out->facts.size() * 4 + out->nodes.size() * 4)) return Stopped();
  return Status::OK();
}

}  // namespace

Status ShortestPaths(const Snapshot& s, Vertex source, std::optional<Vertex> target, const PathOptions& o,
                     Budget* budget, std::vector<WeightedPath>* out) {
  out->clear();
  const uint32_t n = s.num_nodes();
  if (source >= n || (target && *target >= n)) return Status::InvalidArgument("no such vertex");
  NG_ASSIGN_OR_RETURN(const CsrView* view, s.View(o.direction, /*simple=*/false, budget));
  const CsrGraph& g = view->graph;
  Reservation mem(budget);
  if (!mem.Add(uint64_t{n} * 24)) return Stopped();  // distances, predecessors, facts, colours, heap
  std::vector<double> dist(n, std::numeric_limits<double>::infinity());
  std::vector<Vertex> pred(n);
  SearchState st{target, budget, 0, std::vector<FactIndex>(n, 0)};
  auto cost = boost::make_function_property_map<CsrEdge, double>([&](const CsrEdge& e) {
    double w = s.weight(g[e].fact, o.weight);
    return w > 0 ? 1.0 / w : 1.0;
  });
  auto index = get(boost::vertex_index, g);
  try {
    boost::dijkstra_shortest_paths(g, source,
                                   boost::weight_map(cost)
                                       .distance_map(boost::make_iterator_property_map(dist.begin(), index))
                                       .predecessor_map(boost::make_iterator_property_map(pred.begin(), index))
                                       .visitor(Visitor(&st)));
  } catch (const TargetReached&) {
    // dist and pred are final for the target once it is examined.
  } catch (const BudgetRefused&) {
    return Stopped();
  }
  // Boost marks unreached vertices by leaving them their own predecessor
  // (and their distance at DBL_MAX, not infinity).
  if (target) {
    if (*target == source) {
      out->push_back(WeightedPath{{source}, {}, 0});
    } else if (pred[*target] != *target) {
      out->push_back(Trace(s, source, *target, pred, st, dist[*target]));
    }
    return Status::OK();
  }
  for (Vertex v = 0; v < n; ++v) {
    if (v == source || pred[v] == v) continue;
    out->push_back(Trace(s, source, v, pred, st, dist[v]));
    if (!budget->Reserve(out->back().nodes.size() * 8 + 32)) return Stopped();
  }
  return Status::OK();
}

Status Neighbourhood(const Snapshot& s, Vertex center, uint32_t hops, Direction d, Budget* budget, Subgraph* out) {
  *out = Subgraph();
  const uint32_t n = s.num_nodes();
  if (center >= n) return Status::InvalidArgument("no such vertex");
  NG_ASSIGN_OR_RETURN(const CsrView* view, s.View(d, /*simple=*/true, budget));
  const CsrGraph& g = view->graph;
  Reservation mem(budget);
  if (!mem.Add(uint64_t{n} / 8 + uint64_t{n} * 4)) return Stopped();
  std::vector<bool> in(n, false);
  std::vector<Vertex> frontier{center}, next;
  in[center] = true;
  out->nodes.push_back(center);
  for (uint32_t h = 0; h < hops && !frontier.empty(); ++h) {
    next.clear();
    for (Vertex u : frontier) {
      for (auto [e, end] = out_edges(u, g); e != end; ++e) {
        Vertex v = target(*e, g);
        if (in[v]) continue;
        in[v] = true;
        next.push_back(v);
        out->nodes.push_back(v);
      }
      if (!budget->Work(out_degree(u, g) + 1)) return Stopped();
    }
    frontier.swap(next);
  }
  std::sort(out->nodes.begin(), out->nodes.end());
  return Induce(s, in, budget, out);
}

Status InducedSubgraph(const Snapshot& s, std::vector<Vertex> nodes, Budget* budget, Subgraph* out) {
  *out = Subgraph();
  const uint32_t n = s.num_nodes();
  Reservation mem(budget);
  if (!mem.Add(uint64_t{n} / 8)) return Stopped();
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  std::vector<bool> in(n, false);
  for (Vertex v : nodes) {
    if (v >= n) return Status::InvalidArgument("no such vertex");
    in[v] = true;
  }
  out->nodes = std::move(nodes);
  return Induce(s, in, budget, out);
}

}  // namespace newsgraph::graph::algo
