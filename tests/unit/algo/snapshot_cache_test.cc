// The graph snapshot is built once per store version and filter, shared by
// the queries of a Database, and PROFILE tells how it was obtained.
#include <gtest/gtest.h>

#include "tests/unit/algo/algo_test_util.h"

namespace newsgraph::testing {
namespace {

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(SnapshotCacheTest, BuiltOnceThenCachedUntilAWrite) {
  AlgoStore store(kSmallGraph);
  const std::string q = "CALL wcc() YIELD node RETURN count(*)";
  std::string first = store.Profile(q);
  EXPECT_TRUE(Has(first, "graph snapshot built in")) << first;
  EXPECT_TRUE(Has(first, "7 nodes, 6 facts")) << first;
  // Another algorithm on the same selection reuses it.
  std::string second = store.Profile("CALL pagerank() YIELD node RETURN count(*)");
  EXPECT_TRUE(Has(second, "graph snapshot cached (7 nodes, 6 facts")) << second;
  EXPECT_TRUE(Has(second, "pagerank: ")) << second;
  // Another selection has its own.
  std::string filtered = store.Profile("CALL wcc({predicates: ['supports']}) YIELD node RETURN count(*)");
  EXPECT_TRUE(Has(filtered, "graph snapshot built in")) << filtered;
  EXPECT_TRUE(Has(filtered, "4 nodes, 4 facts")) << filtered;
  // A write changes the store version: the next call rebuilds and sees it.
  store.Import(R"({"subject": "d", "predicate": "visited", "object": "f", "article": "art9"})", "more.jsonl");
  std::string after = store.Profile(q);
  EXPECT_TRUE(Has(after, "graph snapshot built in")) << after;
  EXPECT_EQ(store.Rows("CALL wcc() YIELD component RETURN count(DISTINCT component)"), (TextRows{{"2"}}));
}

TEST(SnapshotCacheTest, ExplainNamesTheProcedure) {
  AlgoStore store(kSmallGraph);
  auto c = store.db()->Query("EXPLAIN CALL pagerank() YIELD node RETURN node");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(Has(FormatPlan((*c)->plan(), false), "ProcedureCall  pagerank(options :: MAP?)"));
}

TEST(SnapshotCacheTest, EmptyStore) {
  AlgoStore store("");
  for (const char* proc : {"pagerank", "betweenness", "closeness", "wcc", "scc", "kcore", "louvain"}) {
    EXPECT_EQ(store.Rows(std::string("CALL ") + proc + "() YIELD node RETURN count(*)"), (TextRows{{"0"}})) << proc;
  }
}

}  // namespace
}  // namespace newsgraph::testing
