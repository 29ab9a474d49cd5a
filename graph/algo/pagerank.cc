// PageRank with Boost's page_rank (see algorithms.h for why normalising its
// result gives the usual, dangling-aware scores).
#include <boost/graph/page_rank.hpp>

#include <cmath>

#include "graph/algo/algorithms.h"
#include "graph/algo/csr.h"

namespace newsgraph::graph::algo {

namespace {

struct DoneState {
  uint32_t max_iterations;
  double tolerance;
  Budget* budget;
  uint64_t work_per_iteration;
  std::vector<double> previous;  // normalised scores before the last iteration
  uint32_t iterations = 0;
  bool stopped = false;
};

// Boost asks before every iteration whether to stop; it copies the functor,
// so the state lives outside.
class Done {
 public:
  explicit Done(DoneState* st) : st_(st) {}

  template <typename RankMap, typename Graph>
  bool operator()(const RankMap& rank, const Graph& g) const {
    DoneState& st = *st_;
    if (!st.budget->Work(st.work_per_iteration)) {
      st.stopped = true;
      return true;
    }
    if (st.tolerance > 0) {
      const size_t n = num_vertices(g);
      double sum = 0;
      for (size_t v = 0; v < n; ++v) sum += rank[v];
      double change = 0;
      for (size_t v = 0; v < n; ++v) {
        double x = rank[v] / sum;
        change += std::fabs(x - st.previous[v]);
        st.previous[v] = x;
      }
      if (st.iterations > 0 && change < st.tolerance) return true;
    }
    if (st.iterations == st.max_iterations) return true;
    ++st.iterations;
    return false;
  }

 private:
  DoneState* st_;
};

}  // namespace

Status PageRank(const Snapshot& s, const PageRankOptions& o, Budget* budget, std::vector<double>* scores,
                uint32_t* iterations_run) {
  scores->clear();
  *iterations_run = 0;
  const uint32_t n = s.num_nodes();
  if (n == 0) return Status::OK();
  NG_ASSIGN_OR_RETURN(const CsrView* view, s.View(o.direction, /*simple=*/false, budget));
  const CsrGraph& g = view->graph;
  Reservation mem(budget);
  if (!mem.Add(uint64_t{n} * 8 * (o.tolerance > 0 ? 2 : 1)) || !budget->Reserve(uint64_t{n} * 8)) {
    return Stopped();
  }
  DoneState st{o.iterations, o.tolerance, budget, num_edges(g) + n, {}};
  if (o.tolerance > 0) st.previous.assign(n, 0.0);
  scores->assign(n, 0.0);
  std::vector<double> other(n, 0.0);
  boost::graph::page_rank(g, scores->data(), Done(&st), o.damping, n, other.data());
  if (st.stopped) return Stopped();
  double sum = 0;
  for (double x : *scores) sum += x;
  if (sum > 0) {
    for (double& x : *scores) x /= sum;
  }
  *iterations_run = st.iterations;
  return Status::OK();
}

}  // namespace newsgraph::graph::algo
