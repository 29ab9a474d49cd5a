// Louvain community detection (Blondel, Guillaume, Lambiotte, Lefebvre,
// "Fast unfolding of communities in large networks", 2008): move nodes to
// the neighbouring community that gains most modularity until none moves,
// merge each community into one node, repeat. Boost has no such algorithm.
//
// Weights follow the adjacency-matrix convention: an edge u–v of weight w
// adds w to A[u][v] and to A[v][u]; a self-loop adds 2w to A[u][u]. Then a
// node's strength is its row sum, 2m the sum of all, and modularity
//   Q = Σ_c in_c / 2m − γ (tot_c / 2m)²
// with in_c the sum of A inside c and tot_c the strength of c — the same
// numbers networkx computes.
#include <algorithm>
#include <numeric>
#include <random>

#include "graph/algo/algorithms.h"

namespace newsgraph::graph::algo {

namespace {

struct LevelGraph {
  std::vector<uint32_t> start;  // row offsets, size n + 1
  std::vector<uint32_t> nbr;    // neighbours (a node's own row may hold itself)
  std::vector<double> w;
  std::vector<double> strength;
  double m2 = 0;
  uint32_t size() const { return static_cast<uint32_t>(start.size() - 1); }
};

struct Entry {
  uint32_t u, v;
  double w;
};

// Rows from entries, parallel entries merged: bucketed by row (a counting
// sort), then each row sorted by neighbour.
LevelGraph MakeGraph(uint32_t n, std::vector<Entry>* entries) {
  std::vector<uint32_t> start(static_cast<size_t>(n) + 1, 0);
  for (const Entry& e : *entries) ++start[e.u + 1];
  for (uint32_t i = 0; i < n; ++i) start[i + 1] += start[i];
  std::vector<std::pair<uint32_t, double>> rows(entries->size());
  {
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (const Entry& e : *entries) rows[next[e.u]++] = {e.v, e.w};
  }
  LevelGraph g;
  g.start.assign(static_cast<size_t>(n) + 1, 0);
  g.strength.assign(n, 0);
  g.nbr.reserve(rows.size());
  g.w.reserve(rows.size());
  for (uint32_t u = 0; u < n; ++u) {
    auto first = rows.begin() + start[u], last = rows.begin() + start[u + 1];
    std::sort(first, last);
    for (auto it = first; it != last;) {
      double w = 0;
      auto j = it;
      for (; j != last && j->first == it->first; ++j) w += j->second;
      g.nbr.push_back(it->first);
      g.w.push_back(w);
      g.strength[u] += w;
      g.m2 += w;
      it = j;
    }
    g.start[u + 1] = static_cast<uint32_t>(g.nbr.size());
  }
  return g;
}

double LevelModularity(const LevelGraph& g, const std::vector<uint32_t>& comm, double resolution) {
  if (g.m2 <= 0) return 0;
  std::vector<double> in(g.size(), 0), tot(g.size(), 0);
  for (uint32_t u = 0; u < g.size(); ++u) {
    tot[comm[u]] += g.strength[u];
    for (uint32_t k = g.start[u]; k < g.start[u + 1]; ++k) {
      if (comm[g.nbr[k]] == comm[u]) in[comm[u]] += g.w[k];
    }
  }
  double q = 0;
  for (uint32_t c = 0; c < g.size(); ++c) q += in[c] / g.m2 - resolution * (tot[c] / g.m2) * (tot[c] / g.m2);
  return q;
}

// A portable shuffle: std::shuffle's algorithm is unspecified, and the
// order must depend on the seed alone.
void Shuffle(std::vector<uint32_t>* order, uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (size_t i = order->size(); i > 1; --i) {
    size_t j = static_cast<size_t>(rng() % i);
    std::swap((*order)[i - 1], (*order)[j]);
  }
}

// One level's local moving. Returns false when the budget refused.
bool MoveNodes(const LevelGraph& g, const LouvainOptions& o, uint64_t seed, Budget* budget,
               std::vector<uint32_t>* comm, bool* moved) {
  const uint32_t n = g.size();
  std::vector<double> tot(g.strength);
  std::vector<double> to_comm(n, -1);  // weight from the node to each community; -1: untouched
  std::vector<uint32_t> touched;
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  Shuffle(&order, seed);
  *moved = false;
  for (uint32_t pass = 0; pass < o.max_passes; ++pass) {
    uint64_t moves = 0;
    for (uint32_t u : order) {
      const uint32_t old = (*comm)[u];
      const double k = g.strength[u];
      to_comm[old] = 0;
      touched.push_back(old);
      for (uint32_t e = g.start[u]; e < g.start[u + 1]; ++e) {
        uint32_t v = g.nbr[e];
        if (v == u) continue;  // the node's own loop goes wherever it goes
        uint32_t c = (*comm)[v];
        if (to_comm[c] < 0) {
          to_comm[c] = 0;
          touched.push_back(c);
        }
        to_comm[c] += g.w[e];
      }
      tot[old] -= k;
      // Gain of joining c, up to a common factor: A(u,c) − γ k tot_c / 2m.
      uint32_t best = old;
      double best_gain = to_comm[old] - o.resolution * k * tot[old] / g.m2;
      for (uint32_t c : touched) {
        double gain = to_comm[c] - o.resolution * k * tot[c] / g.m2;
        // Strictly better only (ties keep the node where it is, then the
        // lower community): deterministic, and no endless swapping.
        if (gain > best_gain + 1e-12 || (gain > best_gain - 1e-12 && best != old && c < best)) {
          best = c;
          best_gain = gain;
        }
      }
      tot[best] += k;
      if (best != old) {
        (*comm)[u] = best;
        ++moves;
      }
      for (uint32_t c : touched) to_comm[c] = -1;
      touched.clear();
    }
    if (!budget->Work(g.nbr.size() + n)) return false;
    if (moves == 0) break;
    *moved = true;
  }
  return true;
}

}  // namespace

double Modularity(const Snapshot& s, Weight weight, double resolution, const std::vector<uint32_t>& community) {
  std::vector<Entry> entries;
  for (FactIndex f = 0; f < s.num_facts(); ++f) {
    const double w = s.weight(f, weight);
    const Vertex u = s.source(f), v = s.target(f);
    if (u == v) {
      entries.push_back({u, u, 2 * w});
    } else {
      entries.push_back({u, v, w});
      entries.push_back({v, u, w});
    }
  }
  LevelGraph g = MakeGraph(s.num_nodes(), &entries);
  return LevelModularity(g, community, resolution);
}

Status Louvain(const Snapshot& s, const LouvainOptions& o, Budget* budget, LouvainResult* out) {
  *out = LouvainResult();
  const uint32_t n = s.num_nodes();
  if (n == 0) return Status::OK();
  Reservation mem(budget);
  // entries (16 B, two per fact), rows (12 B per entry), per-node arrays
  if (!mem.Add(uint64_t{s.num_facts()} * 2 * 28 + uint64_t{n} * 48) || !budget->Reserve(uint64_t{n} * 4)) {
    return Stopped();
  }
  std::vector<Entry> entries;
  entries.reserve(uint64_t{s.num_facts()} * 2);
  for (FactIndex f = 0; f < s.num_facts(); ++f) {
    const double w = s.weight(f, o.weight);
    const Vertex u = s.source(f), v = s.target(f);
    if (u == v) {
      entries.push_back({u, u, 2 * w});
    } else {
      entries.push_back({u, v, w});
      entries.push_back({v, u, w});
    }
  }
  LevelGraph g = MakeGraph(n, &entries);
  std::vector<uint32_t>& node_comm = out->community;  // original vertex → node of the current level
  node_comm.resize(n);
  std::iota(node_comm.begin(), node_comm.end(), 0);
  if (g.m2 <= 0) {
    out->communities = n;
    return Status::OK();
  }
  double q = LevelModularity(g, node_comm, o.resolution);
  for (uint32_t level = 0; level < o.max_levels; ++level) {
    std::vector<uint32_t> comm(g.size());
    std::iota(comm.begin(), comm.end(), 0);
    bool moved = false;
    if (!MoveNodes(g, o, o.seed + level, budget, &comm, &moved)) return Stopped();
    if (!moved) break;
    double next_q = LevelModularity(g, comm, o.resolution);
    if (next_q - q <= o.tolerance) break;
    q = next_q;
    ++out->levels;
    // Merge each community into one node of the next level.
    std::vector<uint32_t> number(g.size(), UINT32_MAX);
    uint32_t count = 0;
    for (uint32_t u = 0; u < g.size(); ++u) {
      if (number[comm[u]] == UINT32_MAX) number[comm[u]] = count++;
    }
    for (uint32_t& c : node_comm) c = number[comm[c]];
    entries.clear();
    for (uint32_t u = 0; u < g.size(); ++u) {
      for (uint32_t e = g.start[u]; e < g.start[u + 1]; ++e) {
        entries.push_back({number[comm[u]], number[comm[g.nbr[e]]], g.w[e]});
      }
    }
    g = MakeGraph(count, &entries);
  }
  // Number the communities in order of their lowest vertex.
  std::vector<uint32_t> number(n, UINT32_MAX);
  uint32_t count = 0;
  for (uint32_t& c : node_comm) {
    if (number[c] == UINT32_MAX) number[c] = count++;
    c = number[c];
  }
  out->communities = count;
  out->modularity = Modularity(s, o.weight, o.resolution, node_comm);
  return Status::OK();
}

}  // namespace newsgraph::graph::algo
