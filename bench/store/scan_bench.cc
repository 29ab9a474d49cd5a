// First-row and full latency of one-pattern scans through graph::ReadView.
//
//   store_scan_bench --db=DIR [--sizes] [benchmark flags]
//
// Patterns are drawn from 1,024 facts sampled evenly from the store, so every
// pattern matches at least one fact and hubs appear as often as the data has
// them. Each shape (s, p, o, s+p, p+o, s+o bound) cycles through its patterns.
// The block cache is warm after the first pass: these are in-memory figures.
// --sizes prints the bytes on disk per column family and exits.
#include <benchmark/benchmark.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "graph/store/read_view.h"
#include "graph/store/store.h"

namespace newsgraph::graph {
namespace {

struct Shape {
  const char* name;
  bool s, p, o;
};
constexpr Shape kShapes[] = {{"s", true, false, false}, {"p", false, true, false},
                             {"o", false, false, true}, {"sp", true, true, false},
                             {"po", false, true, true}, {"so", true, false, true}};

std::unique_ptr<Store> g_store;
std::unique_ptr<ReadView> g_view;
std::vector<Triple> g_sample;

std::vector<Triple> Patterns(const Shape& shape) {
  std::vector<Triple> out;
  for (const Triple& t : g_sample) {
    out.push_back({shape.s ? t.s : kNoTerm, shape.p ? t.p : kNoTerm, shape.o ? t.o : kNoTerm});
  }
  return out;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  size_t i = std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())));
  std::nth_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(i), v.end());
  return v[i];
}

// Time to the first row: cursor creation (iterator, seek) plus decoding the
// first key, which is what a query waits for before it can produce anything.
void BM_FirstRow(benchmark::State& state, Shape shape) {
  const auto patterns = Patterns(shape);
  std::vector<double> us;
  us.reserve(1 << 20);
  size_t i = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    auto c = g_view->Scan(patterns[i++ % patterns.size()]);
    if (!c->Valid()) state.SkipWithError("a sampled pattern matched nothing");
    benchmark::DoNotOptimize(c->triple());
    us.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  state.counters["p50_us"] = Percentile(us, 0.50);
  state.counters["p99_us"] = Percentile(us, 0.99);
}

// Time to read every matching fact.
void BM_Full(benchmark::State& state, Shape shape) {
  const auto patterns = Patterns(shape);
  size_t i = 0;
  uint64_t rows = 0;
  for (auto _ : state) {
    auto c = g_view->Scan(patterns[i++ % patterns.size()]);
    for (; c->Valid(); c->Next()) {
      benchmark::DoNotOptimize(c->triple());
      ++rows;
    }
    if (!c->status().ok()) state.SkipWithError(c->status().ToString().c_str());
  }
  state.counters["rows_per_scan"] =
      benchmark::Counter(static_cast<double>(rows) / static_cast<double>(state.iterations()));
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

// Every n-th fact of spo, so the sample spreads over the whole key space.
void Sample(size_t want) {
  const uint64_t facts = g_view->GetCounters().facts;
  const uint64_t step = std::max<uint64_t>(1, facts / want);
  uint64_t k = 0;
  for (auto c = g_view->Scan({}); c->Valid() && g_sample.size() < want; c->Next(), ++k) {
    if (k % step == 0) g_sample.push_back(c->triple());
  }
  std::shuffle(g_sample.begin(), g_sample.end(), std::mt19937(42));
}

void PrintSizes() {
  std::printf("%-14s %14s %12s\n", "column family", "sst bytes", "keys (est.)");
  uint64_t total = 0;
  for (size_t i = 0; i < kNumCf; ++i) {
    std::string bytes, keys;
    g_store->db()->GetProperty(g_store->cf(static_cast<Cf>(i)), "rocksdb.total-sst-files-size",
                               &bytes);
    g_store->db()->GetProperty(g_store->cf(static_cast<Cf>(i)), "rocksdb.estimate-num-keys", &keys);
    std::printf("%-14s %14s %12s\n", CfName(static_cast<Cf>(i)), bytes.c_str(), keys.c_str());
    total += std::stoull(bytes.empty() ? "0" : bytes);
  }
  std::printf("%-14s %14llu\n", "total", static_cast<unsigned long long>(total));
}

}  // namespace
}  // namespace newsgraph::graph

int main(int argc, char** argv) {
  using namespace newsgraph::graph;
  std::string db;
  bool sizes = false;
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--db=", 5) == 0) {
      db = argv[i] + 5;
    } else if (std::strcmp(argv[i], "--sizes") == 0) {
      sizes = true;
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (db.empty()) {
    std::fprintf(stderr, "usage: store_scan_bench --db=DIR [--sizes] [benchmark flags]\n");
    return 2;
  }
  newsgraph::Options options;
  options.read_only = true;
  auto store = Store::Open(options, db);
  if (!store.ok()) {
    std::fprintf(stderr, "store_scan_bench: %s\n", store.status().ToString().c_str());
    return 1;
  }
  g_store = std::move(store).value();
  if (sizes) {
    PrintSizes();
    g_store.reset();  // before RocksDB's own statics go
    return 0;
  }
  g_view = g_store->NewReadView();
  Sample(1024);
  if (g_sample.empty()) {
    std::fprintf(stderr, "store_scan_bench: the store holds no facts\n");
    g_view.reset();
    g_store.reset();
    return 1;
  }
  for (const Shape& shape : kShapes) {
    benchmark::RegisterBenchmark((std::string("FirstRow/") + shape.name).c_str(), BM_FirstRow,
                                 shape)
        ->Unit(benchmark::kMicrosecond);
  }
  for (const Shape& shape : kShapes) {
    benchmark::RegisterBenchmark((std::string("Full/") + shape.name).c_str(), BM_Full, shape)
        ->Unit(benchmark::kMicrosecond);
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_view.reset();
  g_store.reset();
  return 0;
}
