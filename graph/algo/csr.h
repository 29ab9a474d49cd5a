// The Boost.Graph view of a Snapshot. Private to graph/algo: only the
// algorithms' .cc files include Boost.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <vector>

#include "graph/algo/snapshot.h"

namespace newsgraph::graph::algo {

// Each edge of a view carries the number of the fact it stands for, so that
// results can name the facts (paths) and read their weights.
struct FactRef {
  FactIndex fact = 0;
};

// 32-bit vertex and edge indexes: half the memory of size_t, and a snapshot
// refuses graphs that do not fit.
using CsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, FactRef,
                                                    boost::no_property, uint32_t, uint32_t>;
using CsrEdge = boost::graph_traits<CsrGraph>::edge_descriptor;

class CsrView {
 public:
  // Sorts the edges (u[i] → v[i], fact facts[i]) into rows in place (Boost's
  // histogram sort) and takes their storage: the vectors are left empty.
  CsrView(uint32_t num_nodes, std::vector<Vertex>* u, std::vector<Vertex>* v, std::vector<FactRef>* facts);
  CsrGraph graph;
  uint64_t bytes() const;
};

// A view of the edges (u[i] → v[i], fact facts[i]); consumes the vectors.
// Rows of edges given in row order keep their order; otherwise the order
// within a row is that of Boost's in-place sort: deterministic, not
// stable. With `simple`, each row keeps one edge per target (the lowest
// fact) and no self-loop.
std::unique_ptr<CsrView> MakeCsrView(uint32_t num_nodes, std::vector<Vertex> u, std::vector<Vertex> v,
                                     std::vector<FactRef> facts, bool simple);

// Bytes a view of `edges` edges over `nodes` nodes holds.
inline uint64_t CsrViewBytes(uint64_t nodes, uint64_t edges) { return (nodes + 1) * 4 + edges * 8; }

}  // namespace newsgraph::graph::algo
