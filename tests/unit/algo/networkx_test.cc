// The algorithms against networkx on a generated graph (10,000 records,
// about 1,000 nodes and 7,000 facts): PageRank within 1e-6, betweenness,
// closeness and Dijkstra costs within 1e-9, the same components and core
// numbers, and Louvain partitions of the same quality. Skips where python3
// with networkx, or node (for the generator), is missing.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "tests/unit/algo/algo_test_util.h"

namespace newsgraph::testing {
namespace {

std::string Generator() {
  const char* env = std::getenv("NEWSGRAPH_GEN_JS");
  return env ? env : "/work/shared/bench/gen/gen.js";
}

void WriteTsv(AlgoStore* store, const std::string& query, const std::string& path) {
  auto c = store->db()->Query(query);
  ASSERT_TRUE(c.ok()) << query << "\n" << c.status().ToString();
  std::ostringstream out;
  Status s = WriteRows(c->get(), OutputFormat::kTsv, out);
  ASSERT_TRUE(s.ok()) << query << "\n" << s.ToString();
  WriteText(path, out.str());
}

TEST(NetworkxTest, AlgorithmsAgreeWithNetworkx) {
  if (!HaveCommand("python3 -c 'import networkx'")) GTEST_SKIP() << "python3 with networkx is not installed";
  if (!HaveCommand("node --version") || !std::filesystem::exists(Generator())) {
    GTEST_SKIP() << "node or the generator " << Generator() << " is missing";
  }
  AlgoStore store("");
  const std::string gen = store.dir().Sub("gen");
  std::string out;
  ASSERT_EQ(RunCommand("node " + Generator() + " --triples 10000 --out " + gen, &out), 0) << out;
  ImportStats stats;
  Status s = store.db()->Import(gen + "/kg.nq", {}, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();

  const std::string d = store.dir().path();
  WriteTsv(&store, "MATCH (a)-[r]->(b) WHERE b.key IS NOT NULL RETURN id(a), id(b), r.articles", d + "/edges.tsv");
  WriteTsv(&store, "CALL pagerank({iterations: 300, tolerance: 0}) YIELD node, score RETURN id(node), score",
           d + "/pagerank.tsv");
  WriteTsv(&store, "CALL betweenness({normalized: true}) YIELD node, score RETURN id(node), score",
           d + "/betweenness.tsv");
  WriteTsv(&store, "CALL closeness() YIELD node, score RETURN id(node), score", d + "/closeness.tsv");
  WriteTsv(&store, "CALL wcc() YIELD node, component RETURN id(node), component", d + "/wcc.tsv");
  WriteTsv(&store, "CALL scc() YIELD node, component RETURN id(node), component", d + "/scc.tsv");
  WriteTsv(&store, "CALL kcore() YIELD node, core RETURN id(node), core", d + "/kcore.tsv");
  WriteTsv(&store, "CALL louvain({seed: 42}) YIELD node, community, modularity RETURN id(node), community, modularity",
           d + "/louvain.tsv");
  auto first = store.Rows("CALL wcc() YIELD node RETURN id(node) ORDER BY id(node) LIMIT 1");
  ASSERT_EQ(first.size(), 1u);
  WriteText(d + "/source.txt", first[0][0]);
  WriteTsv(&store, "CALL dijkstra(" + first[0][0] + ") YIELD nodes, cost RETURN id(nodes[-1]), cost",
           d + "/dijkstra.tsv");

  std::string report;
  int rc = RunCommand("python3 " + std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/unit/algo/nx_compare.py " + d, &report);
  std::cout << report;
  EXPECT_EQ(rc, 0) << report;
}

}  // namespace
}  // namespace newsgraph::testing
