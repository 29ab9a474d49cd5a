// Extractor::Extract on the seed page, in bytes of text per second.
#include <benchmark/benchmark.h>

#include <vector>

#include "newsgraph/article.h"
#include "newsgraph/extract.h"

namespace {

std::vector<newsgraph::Article> Seed() {
  std::vector<newsgraph::Article> out;
  newsgraph::ReadStats stats;
  auto s = newsgraph::ReadArticles(
      {std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/ingest/data/000_d979f099bde64959.txt"},
      newsgraph::ReadOptions(),
      [&](newsgraph::Article&& a) {
        out.push_back(std::move(a));
        return newsgraph::Status::OK();
      },
      nullptr, &stats);
  (void)s;
  return out;
}

void BM_ExtractSeed(benchmark::State& state) {
  static auto ex = newsgraph::Extractor::Create(newsgraph::ExtractorOptions());
  static auto articles = Seed();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& a : articles) {
      auto r = (*ex)->Extract(a);
      benchmark::DoNotOptimize(r);
      bytes += a.text.size() + a.title.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ExtractSeed);

void BM_LoadLexicon(benchmark::State& state) {
  for (auto _ : state) {
    auto ex = newsgraph::Extractor::Create(newsgraph::ExtractorOptions());
    benchmark::DoNotOptimize(ex);
  }
}
BENCHMARK(BM_LoadLexicon)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
