// Graph algorithms over a Snapshot.
//
// Every function takes the snapshot, its options and a Budget, fills an
// output indexed by vertex (or a list of vertices and facts), and returns OK,
// Aborted when the budget refused (time or memory bound), or another error.
// Results are deterministic: they depend only on the snapshot and the
// options (Louvain: on its seed).
//
// Where Boost.Graph has the algorithm it is used (page_rank,
// brandes_betweenness_centrality, connected_components, strong_components,
// dijkstra_shortest_paths); closeness, k-core and Louvain are our own.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/algo/budget.h"
#include "graph/algo/snapshot.h"

namespace newsgraph::graph::algo {

// ---- centrality -----------------------------------------------------------

struct PageRankOptions {
  Direction direction = Direction::kOut;  // the way rank flows along facts
  double damping = 0.85;
  uint32_t iterations = 20;  // at most
  // Stop earlier once the scores change by less than this in total (L1 of
  // the normalised scores between two iterations); 0: run all iterations.
  double tolerance = 1e-7;
};

// PageRank with Boost's page_rank, normalised to sum 1. Each fact is one
// link (two facts between the same nodes, two links). The scores of a node
// without outgoing links flow to all nodes evenly, as in networkx: Boost
// lets that rank leak and scales to N, and the normalised fixed point of its
// iteration is exactly that of the redistributing one.
Status PageRank(const Snapshot& s, const PageRankOptions& o, Budget* budget, std::vector<double>* scores,
                uint32_t* iterations_run);

// Brandes betweenness (Boost) on the simple graph: paths are node sequences,
// so parallel facts do not multiply them. kBoth counts each unordered pair
// once. `normalized` divides by (n-1)(n-2), halved for kBoth.
Status Betweenness(const Snapshot& s, Direction d, bool normalized, Budget* budget, std::vector<double>* scores);

// Closeness with the Wasserman–Faust correction for disconnected graphs (as
// networkx): (r / total distance) · (r / (n-1)), where r is the number of
// nodes reached. kOut measures distances from the node, kIn to it.
Status Closeness(const Snapshot& s, Direction d, Budget* budget, std::vector<double>* scores);

// ---- components and communities -------------------------------------------

// Component numbers 0…count-1, numbered in order of each component's lowest
// vertex. Weak: facts in either direction connect; strong: mutual reach.
Status WeakComponents(const Snapshot& s, Budget* budget, std::vector<uint32_t>* component, uint32_t* count);
Status StrongComponents(const Snapshot& s, Budget* budget, std::vector<uint32_t>* component, uint32_t* count);

// Core numbers (Batagelj–Zaversnik) of the simple undirected graph: the
// largest k such that the node is in a subgraph where every node has at
// least k distinct neighbours. Self-loops and parallel facts do not count.
Status CoreNumbers(const Snapshot& s, Budget* budget, std::vector<uint32_t>* core);

struct LouvainOptions {
  Weight weight = Weight::kFacts;
  uint64_t seed = 42;         // the order nodes are visited in
  double resolution = 1.0;    // γ: above 1, smaller communities
  uint32_t max_levels = 10;   // aggregation rounds
  uint32_t max_passes = 20;   // local-moving passes per level
  double tolerance = 1e-7;    // a level must gain more modularity than this
};

struct LouvainResult {
  std::vector<uint32_t> community;  // per vertex, numbered by lowest vertex
  uint32_t communities = 0;
  double modularity = 0;  // of `community` on the undirected weighted graph
  uint32_t levels = 0;
};

// Louvain community detection (Blondel et al. 2008) on the undirected
// graph, facts weighted by `weight` (parallel facts add up; a self-loop
// counts once).
Status Louvain(const Snapshot& s, const LouvainOptions& o, Budget* budget, LouvainResult* out);

// Modularity of `community` (per vertex) as Louvain defines it.
double Modularity(const Snapshot& s, Weight weight, double resolution, const std::vector<uint32_t>& community);

// ---- paths and neighbourhoods ---------------------------------------------

struct WeightedPath {
  std::vector<Vertex> nodes;     // source first
  std::vector<FactIndex> facts;  // nodes.size() - 1 of them
  double cost = 0;
};

struct PathOptions {
  Direction direction = Direction::kBoth;
  // A fact costs 1 / weight: more corroborated facts are shorter. kFacts
  // makes every fact cost 1 (fewest hops).
  Weight weight = Weight::kArticles;
};

// Dijkstra (Boost) from `source`: the cheapest path to `target`, or with no
// target one path to every node reached (in vertex order). Empty output when
// the target is not reachable.
Status ShortestPaths(const Snapshot& s, Vertex source, std::optional<Vertex> target, const PathOptions& o,
                     Budget* budget, std::vector<WeightedPath>* out);

struct Subgraph {
  std::vector<Vertex> nodes;     // ascending
  std::vector<FactIndex> facts;  // ascending: every fact between two of the nodes
};

// The nodes within `hops` of `center` (following facts in direction `d`)
// and every fact among them, as networkx's ego_graph.
Status Neighbourhood(const Snapshot& s, Vertex center, uint32_t hops, Direction d, Budget* budget, Subgraph* out);

// `nodes` and every fact among them.
Status InducedSubgraph(const Snapshot& s, std::vector<Vertex> nodes, Budget* budget, Subgraph* out);

}  // namespace newsgraph::graph::algo
