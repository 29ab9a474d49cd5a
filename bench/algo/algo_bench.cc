// Times the graph snapshot and the algorithms on a loaded store.
//
//   algo_bench DB_DIR [REPEAT]
//
// First straight through graph/algo (snapshot build, the CSR views, PageRank
// with 20 iterations, WCC, Louvain, k-core), then end to end through
// Database::Query, cold (the snapshot is built) and warm (it is cached).
// Each figure is the median of REPEAT runs (default 5); the snapshot's
// memory is what it accounts for itself, next to the process's peak RSS.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "api/database_impl.h"
#include "graph/algo/algorithms.h"
#include "graph/algo/snapshot.h"
#include "graph/store/read_view.h"
#include "newsgraph/database.h"

namespace newsgraph {
namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double PeakRssMiB() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

void Check(const Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str());
    std::exit(1);
  }
}

// CPU time of the process in ms: on a shared machine wall time includes
// waiting for a core; the algorithms are single-threaded, so CPU time is
// what they would take on an idle one.
double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Timing {
  double wall = 0, cpu = 0;
};

std::string Format(const Timing& t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f ms (CPU %.0f ms)", t.wall, t.cpu);
  return buf;
}

// Medians of `repeat` timings of `f`.
Timing Time(int repeat, const std::function<void()>& f) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < repeat; ++i) {
    auto t0 = Clock::now();
    double c0 = CpuMs();
    f();
    cpu.push_back(CpuMs() - c0);
    wall.push_back(Ms(t0));
  }
  return {Median(wall), Median(cpu)};
}

Timing Query(Database* db, const std::string& text, std::string* first_cell = nullptr) {
  auto t0 = Clock::now();
  double c0 = CpuMs();
  auto c = db->Query(text);
  Check(c.status(), text.c_str());
  Row row;
  bool first = true;
  while ((*c)->Next(&row)) {
    if (first && first_cell && !row.empty()) *first_cell = row[0].ToString();
    first = false;
  }
  Check((*c)->status(), text.c_str());
  return {Ms(t0), CpuMs() - c0};
}

Timing Medians(const std::vector<Timing>& v) {
  std::vector<double> wall, cpu;
  for (const auto& t : v) {
    wall.push_back(t.wall);
    cpu.push_back(t.cpu);
  }
  return {Median(wall), Median(cpu)};
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) {
  using namespace newsgraph;
  if (argc < 2) {
    std::fprintf(stderr, "usage: algo_bench DB_DIR [REPEAT]\n");
    return 2;
  }
  const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  Options options;
  options.read_only = true;
  auto db = Database::Open(options, argv[1]);
  Check(db.status(), "open");
  auto view = (*db)->impl()->store->NewReadView();
  graph::algo::Unbounded unbounded;

  double rss0 = PeakRssMiB();
  std::shared_ptr<const graph::algo::Snapshot> snap;
  Timing build = Time(repeat, [&] {
    snap.reset();
    auto s = graph::algo::Snapshot::Build(*view, {}, &unbounded);
    Check(s.status(), "snapshot");
    snap = *s;
  });
  const uint64_t base_bytes = snap->MemoryBytes();
  std::printf("| measure | median of %d | notes |\n|---|---|---|\n", repeat);
  std::printf("| snapshot build | %s | %u nodes, %u facts (terms and spo scans, ids densified, out view) |\n",
              Format(build).c_str(),
              snap->num_nodes(), snap->num_facts());
  std::printf("| snapshot memory | %s | accounted by the snapshot; peak RSS grew %.0f MiB during the builds |\n",
              graph::algo::FormatBytes(base_bytes).c_str(), PeakRssMiB() - rss0);

  Timing t = Time(1, [&] { Check(snap->View(graph::algo::Direction::kBoth, false, &unbounded).status(), "view"); });
  std::printf("| symmetric view (first use) | %s | for WCC, undirected algorithms |\n", Format(t).c_str());

  graph::algo::PageRankOptions pr;
  pr.iterations = 20;
  pr.tolerance = 0;
  std::vector<double> scores;
  uint32_t ran = 0;
  Timing prt = Time(repeat, [&] { Check(graph::algo::PageRank(*snap, pr, &unbounded, &scores, &ran), "pagerank"); });
  std::printf("| PageRank, 20 iterations | %s | %u iterations; Boost page_rank + normalisation |\n",
              Format(prt).c_str(), ran);

  std::vector<uint32_t> comp;
  uint32_t count = 0;
  Timing wcct = Time(repeat, [&] { Check(graph::algo::WeakComponents(*snap, &unbounded, &comp, &count), "wcc"); });
  std::printf("| WCC | %s | %u components; Boost connected_components |\n", Format(wcct).c_str(), count);

  Timing scct = Time(repeat, [&] { Check(graph::algo::StrongComponents(*snap, &unbounded, &comp, &count), "scc"); });
  std::printf("| SCC | %s | %u components; Boost strong_components |\n", Format(scct).c_str(), count);

  t = Time(1, [&] { Check(snap->View(graph::algo::Direction::kBoth, true, &unbounded).status(), "view"); });
  std::printf("| simple symmetric view (first use) | %s | for k-core, betweenness, closeness |\n",
              Format(t).c_str());
  std::vector<uint32_t> core;
  t = Time(repeat, [&] { Check(graph::algo::CoreNumbers(*snap, &unbounded, &core), "kcore"); });
  std::printf("| k-core | %s | max core %u |\n", Format(t).c_str(), *std::max_element(core.begin(), core.end()));

  graph::algo::LouvainResult lv;
  t = Time(std::min(repeat, 3), [&] {
    Check(graph::algo::Louvain(*snap, graph::algo::LouvainOptions(), &unbounded, &lv), "louvain");
  });
  std::printf("| Louvain | %s | %u communities, modularity %.4f, %u levels |\n", Format(t).c_str(),
              lv.communities, lv.modularity, lv.levels);
  std::printf("| snapshot memory with all views | %s | |\n", graph::algo::FormatBytes(snap->MemoryBytes()).c_str());
  snap.reset();
  view.reset();

  // End to end: the first query builds and caches the snapshot.
  Database* d = db->get();
  const std::string pagerank =
      "CALL pagerank({iterations: 20, tolerance: 0}) YIELD node, score RETURN node.name, score "
      "ORDER BY score DESC LIMIT 10";
  std::string top;
  Timing cold = Query(d, pagerank, &top);
  std::vector<Timing> warm;
  for (int i = 0; i < repeat; ++i) warm.push_back(Query(d, pagerank));
  std::printf("| query: pagerank top 10, cold | %s | builds the snapshot; top: %s |\n", Format(cold).c_str(),
              top.c_str());
  std::printf("| query: pagerank top 10, warm | %s | snapshot cached |\n", Format(Medians(warm)).c_str());
  const std::string wcc = "CALL wcc() YIELD component RETURN count(DISTINCT component)";
  warm.clear();
  for (int i = 0; i < repeat; ++i) warm.push_back(Query(d, wcc));
  std::printf("| query: wcc, count of components, warm | %s | |\n", Format(Medians(warm)).c_str());
  const std::string degree =
      "CALL degree({weight: 'mentions'}) YIELD node, score RETURN node.name, score ORDER BY score DESC LIMIT 10";
  Timing first = Query(d, degree);
  std::printf("| query: degree by mentions top 10, first | %s | scans spo (no snapshot) |\n", Format(first).c_str());
  warm.clear();
  for (int i = 0; i < repeat; ++i) warm.push_back(Query(d, degree));
  std::printf("| query: degree by mentions top 10, again | %s | scores kept for the store version |\n",
              Format(Medians(warm)).c_str());
  std::printf("| peak RSS | %.0f MiB | whole process |\n", PeakRssMiB());
  return 0;
}
