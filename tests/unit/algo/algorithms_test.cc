// Centralities, components, cores and communities on small graphs whose
// answers are worked out by hand in the comments.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "tests/unit/algo/algo_test_util.h"

namespace newsgraph::testing {
namespace {

using Scores = std::map<std::string, double>;

// `query` yields (key, number) rows.
Scores ScoresOf(AlgoStore* s, const std::string& query) {
  Scores out;
  for (const auto& r : s->Rows(query)) out[r[0]] = std::stod(r[1]);
  return out;
}

void ExpectScores(const Scores& got, const Scores& want, double tolerance = 1e-9) {
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [k, v] : want) {
    ASSERT_TRUE(got.count(k)) << k;
    EXPECT_NEAR(got.at(k), v, tolerance) << k;
  }
}

class AlgorithmsTest : public ::testing::Test {
 protected:
  AlgoStore store_{kSmallGraph};
};

// Supports only: a→b→c→a and g→g. Every node has one outgoing link, so by
// symmetry the cycle's nodes tie, and g keeps its own score: all 1/4.
TEST_F(AlgorithmsTest, PageRankTiesAndSelfLoop) {
  ExpectScores(ScoresOf(&store_, "CALL pagerank({predicates: ['supports'], iterations: 200, tolerance: 0}) "
                                 "YIELD node, score RETURN node.key, score"),
               {{"a", 0.25}, {"b", 0.25}, {"c", 0.25}, {"g", 0.25}});
}

// e→f alone: f has no outgoing link and shares its score evenly (networkx's
// rule). x_e = 0.15/2 + 0.85 x_f/2 and x_e + x_f = 1 give x_e = 0.5/1.425.
TEST_F(AlgorithmsTest, PageRankDanglingNodeAndDirection) {
  const double low = 0.5 / 1.425;
  const std::string q = "YIELD node, score RETURN node.key, score";
  ExpectScores(ScoresOf(&store_, "CALL pagerank({predicates: ['visited'], iterations: 200, tolerance: 0}) " + q),
               {{"e", low}, {"f", 1 - low}});
  ExpectScores(ScoresOf(&store_, "CALL pagerank({predicates: ['visited'], direction: 'in', iterations: 200, "
                                 "tolerance: 0}) " + q),
               {{"e", 1 - low}, {"f", low}});
  // Undirected, the two are alike.
  ExpectScores(ScoresOf(&store_, "CALL pagerank({predicates: ['visited'], direction: 'both'}) " + q),
               {{"e", 0.5}, {"f", 0.5}});
}

TEST_F(AlgorithmsTest, PageRankSumsToOne) {
  double sum = 0;
  for (const auto& [k, v] : ScoresOf(&store_, "CALL pagerank() YIELD node, score RETURN node.key, score")) sum += v;
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

// Undirected simple graph: triangle a-b-c, tail c-d, e-f, g (loop only).
// Only c is between others: a–d and b–d go through it.
TEST_F(AlgorithmsTest, BetweennessUndirected) {
  ExpectScores(ScoresOf(&store_, "CALL betweenness() YIELD node, score RETURN node.key, score"),
               {{"a", 0}, {"b", 0}, {"c", 2}, {"d", 0}, {"e", 0}, {"f", 0}, {"g", 0}});
  // Normalised by (n-1)(n-2)/2 = 15 pairs.
  ExpectScores(ScoresOf(&store_, "CALL betweenness({normalized: true}) YIELD node, score RETURN node.key, score"),
               {{"a", 0}, {"b", 0}, {"c", 2.0 / 15}, {"d", 0}, {"e", 0}, {"f", 0}, {"g", 0}});
}

// Along facts: a→c and a→d pass b; a→d, b→a and b→d pass c; c→b passes a.
TEST_F(AlgorithmsTest, BetweennessDirected) {
  ExpectScores(ScoresOf(&store_, "CALL betweenness({direction: 'out'}) YIELD node, score RETURN node.key, score"),
               {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 0}, {"e", 0}, {"f", 0}, {"g", 0}});
}

// (r / total distance) · (r / (n-1)) with n = 7: c reaches a, b, d at 1;
// a reaches b, c at 1 and d at 2; d reaches c at 1, a and b at 2; e only f.
TEST_F(AlgorithmsTest, ClosenessWithDisconnectedParts) {
  ExpectScores(ScoresOf(&store_, "CALL closeness() YIELD node, score RETURN node.key, score"),
               {{"a", 0.75 * 0.5},
                {"b", 0.75 * 0.5},
                {"c", 0.5},
                {"d", 0.6 * 0.5},
                {"e", 1.0 / 6},
                {"f", 1.0 / 6},
                {"g", 0}});
  // Out-distances: d and f reach nobody; a reaches b, c, d at 1, 2, 3; b
  // reaches c at 1, a and d at 2; c reaches a and d at 1, b at 2.
  ExpectScores(ScoresOf(&store_, "CALL closeness({direction: 'out'}) YIELD node, score RETURN node.key, score"),
               {{"a", 0.5 * 0.5},
                {"b", 0.6 * 0.5},
                {"c", 0.75 * 0.5},
                {"d", 0},
                {"e", 1.0 / 6},
                {"f", 0},
                {"g", 0}});
}

TEST_F(AlgorithmsTest, WeakComponentsNumberedByLowestNode) {
  EXPECT_EQ(store_.Rows("CALL wcc() YIELD node, component, size RETURN node.key, component, size ORDER BY node.key"),
            (TextRows{{"a", "0", "4"},
                      {"b", "0", "4"},
                      {"c", "0", "4"},
                      {"d", "0", "4"},
                      {"e", "1", "2"},
                      {"f", "1", "2"},
                      {"g", "2", "1"}}));
}

// The cycle is one strong component; every other node is its own.
TEST_F(AlgorithmsTest, StrongComponentsFollowDirection) {
  EXPECT_EQ(store_.Rows("CALL scc() YIELD node, component, size RETURN node.key, component, size ORDER BY node.key"),
            (TextRows{{"a", "0", "3"},
                      {"b", "0", "3"},
                      {"c", "0", "3"},
                      {"d", "1", "1"},
                      {"e", "2", "1"},
                      {"f", "3", "1"},
                      {"g", "4", "1"}}));
}

// The triangle is a 2-core; d, e, f have one neighbour; g's self-loop gives
// it none.
TEST_F(AlgorithmsTest, CoreNumbersIgnoreSelfLoopsAndParallelFacts) {
  store_.Import(R"({"subject": "b", "predicate": "met_with", "object": "a", "article": "art8"})", "more.jsonl");
  EXPECT_EQ(store_.Rows("CALL kcore() YIELD node, core RETURN node.key, core ORDER BY node.key"),
            (TextRows{{"a", "2"}, {"b", "2"}, {"c", "2"}, {"d", "1"}, {"e", "1"}, {"f", "1"}, {"g", "0"}}));
}

TEST_F(AlgorithmsTest, FiltersByTypeAndDate) {
  // Both ends Person: a→b only.
  EXPECT_EQ(store_.Rows("CALL wcc({types: ['Person']}) YIELD node RETURN node.key ORDER BY node.key"),
            (TextRows{{"a"}, {"b"}}));
  // January: a→b (twice) and b→c.
  EXPECT_EQ(store_.Rows("CALL wcc({from: '2024-01-01', to: date('2024-01-31')}) YIELD node, size "
                        "RETURN node.key, size ORDER BY node.key"),
            (TextRows{{"a", "3"}, {"b", "3"}, {"c", "3"}}));
  // Within a selection a fact weighs the selected articles: a→b has one in
  // art2 alone, so the path a–b–c costs 2 there (1 + 1), against 1.5 overall.
  EXPECT_EQ(store_.Rows("CALL dijkstra('a', 'c', {articles: ['art2', 'art3'], direction: 'out'}) YIELD cost "
                        "RETURN cost"),
            (TextRows{{"2.0"}}));
}

TEST_F(AlgorithmsTest, DegreeKeepsItsResults) {
  EXPECT_EQ(store_.Rows("CALL degree({weight: 'mentions'}) YIELD node, score RETURN node.key, score ORDER BY node.key"),
            (TextRows{{"a", "3"}, {"b", "3"}, {"c", "3"}, {"d", "1"}, {"e", "1"}, {"f", "1"}, {"g", "2"}}));
}

TEST_F(AlgorithmsTest, UnknownOptionsAndPredicatesAreErrors) {
  EXPECT_EQ(store_.Error("CALL pagerank({iterations: 5, dampng: 0.8}) YIELD node RETURN node").ToString(),
            "Invalid argument: pagerank(): unknown option \"dampng\" (direction, damping, iterations, tolerance, "
            "predicates, types, from, to, articles)");
  EXPECT_EQ(store_.Error("CALL wcc({predicates: ['suports']}) YIELD node RETURN node").ToString(),
            "Invalid argument: wcc(): unknown predicate \"suports\"; did you mean \"supports\"?");
  EXPECT_EQ(store_.Error("CALL louvain({weight: 'votes'}) YIELD node RETURN node").ToString(),
            "Invalid argument: louvain(): weight is \"facts\", \"articles\" or \"mentions\"");
  EXPECT_EQ(store_.Error("CALL pagerank({damping: 2}) YIELD node RETURN node").ToString(),
            "Invalid argument: pagerank(): damping must be a number from 0 to 1");
  EXPECT_EQ(store_.Error("CALL kcore(3) YIELD node RETURN node").ToString(),
            "Invalid argument: kcore(): options must be a map: {predicates, types, from, to, articles}");
}

TEST_F(AlgorithmsTest, MemoryBoundStopsTheSnapshot) {
  QueryOptions o;
  o.max_memory_bytes = 64;
  Status s = store_.Error("CALL pagerank() YIELD node RETURN node", o);
  EXPECT_TRUE(s.IsResourceExhausted()) << s.ToString();
  EXPECT_NE(s.message().find("pagerank() building its graph snapshot"), std::string::npos) << s.ToString();
}

// Graph work is charged to the query's time bound as it goes: closeness on
// 2,000 nodes and 6,000 facts visits some 24 million edges.
TEST(BoundsTest, TimeBoundStopsAnAlgorithm) {
  std::string jsonl;
  for (int i = 0; i < 2000; ++i) {
    for (int step : {1, 7, 31}) {
      jsonl += R"({"subject": "n)" + std::to_string(i) + R"(", "predicate": "links", "object": "n)" +
               std::to_string((i + step) % 2000) + R"(", "article": "a"})" + "\n";
    }
  }
  AlgoStore store(jsonl);
  QueryOptions o;
  o.timeout_ms = 1;
  Status s = store.Error("CALL closeness() YIELD node RETURN count(*)", o);
  EXPECT_TRUE(s.IsResourceExhausted()) << s.ToString();
  EXPECT_NE(s.message().find("the query ran longer than its time bound (1 ms)"), std::string::npos) << s.ToString();
}

// Two triangles joined by one link: the best split is the two triangles,
// with modularity 2 · (3/7 − (7/14)²) = 5/14.
class LouvainTest : public ::testing::Test {
 protected:
  AlgoStore store_{R"(
{"subject": "p1", "predicate": "allied_with", "object": "p2", "article": "1"}
{"subject": "p2", "predicate": "allied_with", "object": "p3", "article": "2"}
{"subject": "p3", "predicate": "allied_with", "object": "p1", "article": "3"}
{"subject": "q1", "predicate": "allied_with", "object": "q2", "article": "4"}
{"subject": "q2", "predicate": "allied_with", "object": "q3", "article": "5"}
{"subject": "q3", "predicate": "allied_with", "object": "q1", "article": "6"}
{"subject": "p3", "predicate": "allied_with", "object": "q1", "article": "7"}
)"};
};

TEST_F(LouvainTest, FindsTheTwoTriangles) {
  for (int seed : {1, 42, 7777}) {
    auto rows = store_.Rows("CALL louvain({seed: " + std::to_string(seed) +
                            "}) YIELD node, community, modularity RETURN node.key, community, modularity "
                            "ORDER BY node.key");
    ASSERT_EQ(rows.size(), 6u);
    for (size_t i = 0; i < 6; ++i) {
      EXPECT_EQ(rows[i][1], i < 3 ? "0" : "1") << rows[i][0] << " seed " << seed;
      EXPECT_NEAR(std::stod(rows[i][2]), 5.0 / 14, 1e-12);
    }
  }
}

TEST_F(LouvainTest, SameSeedSameAnswer) {
  const std::string q = "CALL louvain({seed: 3, weight: 'articles'}) YIELD node, community "
                        "RETURN node.key, community ORDER BY node.key";
  EXPECT_EQ(store_.Rows(q), store_.Rows(q));
}

// A heavy bridge changes the best split: weighted by mentions the bridge
// p3–q1 (10 mentions) pulls its ends together.
TEST_F(LouvainTest, WeightsCount) {
  std::string more;
  for (int i = 0; i < 9; ++i) {
    more += R"({"subject": "p3", "predicate": "allied_with", "object": "q1", "article": "7", "sentence": )" +
            std::to_string(i + 1) + "}\n";
  }
  store_.Import(more, "bridge.jsonl");
  auto rows = store_.Rows("CALL louvain({weight: 'mentions'}) YIELD node, community "
                          "RETURN node.key, community ORDER BY node.key");
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[2][1], rows[3][1]);  // p3 with q1
}

}  // namespace
}  // namespace newsgraph::testing
