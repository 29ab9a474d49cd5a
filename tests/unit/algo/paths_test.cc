// Weighted paths, neighbourhoods and subgraphs.
#include <gtest/gtest.h>

#include "tests/unit/algo/algo_test_util.h"

namespace newsgraph::testing {
namespace {

// x→z is stated once; x→y and y→z three times each. By hops x→z is
// shorter; by corroboration (a fact costs 1/articles) x→y→z is: 2/3 < 1.
class DijkstraTest : public ::testing::Test {
 protected:
  AlgoStore store_{R"(
{"subject": {"key": "x", "labels": {"en": "X"}}, "predicate": "funds", "object": {"key": "z", "labels": {"en": "Z"}}, "article": "1"}
{"subject": {"key": "y", "labels": {"en": "Y"}}, "predicate": "funds", "object": "z", "article": "2"}
{"subject": "y", "predicate": "funds", "object": "z", "article": "3"}
{"subject": "y", "predicate": "funds", "object": "z", "article": "4"}
{"subject": "x", "predicate": "funds", "object": "y", "article": "2"}
{"subject": "x", "predicate": "funds", "object": "y", "article": "3"}
{"subject": "x", "predicate": "funds", "object": "y", "article": "4"}
{"subject": {"key": "w", "labels": {"en": "W"}}, "predicate": "funds", "object": "w", "article": "5"}
)"};
};

TEST_F(DijkstraTest, CorroboratedLinksAreShorter) {
  auto rows = store_.Rows("CALL dijkstra('x', 'z') YIELD path, nodes, cost RETURN path, nodes, cost");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "(X)-[:funds]->(Y)-[:funds]->(Z)");
  EXPECT_EQ(rows[0][1], "[X, Y, Z]");
  EXPECT_NEAR(std::stod(rows[0][2]), 2.0 / 3, 1e-12);
}

TEST_F(DijkstraTest, FactsWeightCountsHops) {
  EXPECT_EQ(store_.Rows("CALL dijkstra('x', 'z', {weight: 'facts'}) YIELD nodes, cost RETURN nodes, cost"),
            (TextRows{{"[X, Z]", "1.0"}}));
}

TEST_F(DijkstraTest, DirectionAndUnreachable) {
  // Along the facts z reaches nothing; against them it reaches x, directly
  // by hops and through y by corroboration.
  EXPECT_EQ(store_.Rows("CALL dijkstra('z', 'x', {direction: 'out'}) YIELD cost RETURN cost").size(), 0u);
  EXPECT_EQ(store_.Rows("CALL dijkstra('z', 'x', {direction: 'in', weight: 'facts'}) YIELD path RETURN path"),
            (TextRows{{"(Z)<-[:funds]-(X)"}}));
  EXPECT_EQ(store_.Rows("CALL dijkstra('z', 'x', {direction: 'in'}) YIELD path RETURN path"),
            (TextRows{{"(Z)<-[:funds]-(Y)<-[:funds]-(X)"}}));
  // w is apart.
  EXPECT_EQ(store_.Rows("CALL dijkstra('x', 'w') YIELD cost RETURN cost").size(), 0u);
  // A node to itself: a path of one node.
  EXPECT_EQ(store_.Rows("CALL dijkstra('x', 'x') YIELD nodes, cost RETURN size(nodes), cost"),
            (TextRows{{"1", "0.0"}}));
}

TEST_F(DijkstraTest, SingleSourceListsEveryNodeReached) {
  EXPECT_EQ(store_.Rows("CALL dijkstra('x', {weight: 'facts', direction: 'out'}) YIELD nodes, cost "
                        "RETURN nodes[-1].key, cost ORDER BY nodes[-1].key"),
            (TextRows{{"y", "1.0"}, {"z", "1.0"}}));
}

TEST_F(DijkstraTest, NodesFromMatchAndPathsKeepFactDirection) {
  EXPECT_EQ(store_.Rows("MATCH (a {name: 'Z'}), (b {name: 'X'}) CALL dijkstra(a, b) YIELD path RETURN path"),
            (TextRows{{"(Z)<-[:funds]-(Y)<-[:funds]-(X)"}}));
}

TEST_F(DijkstraTest, ErrorsNameTheArgument) {
  EXPECT_EQ(store_.Error("CALL dijkstra('nobody', 'x') YIELD cost RETURN cost").ToString(),
            "Invalid argument: dijkstra(): no entity has the key or name \"nobody\" (source)");
  EXPECT_EQ(store_.Error("CALL dijkstra('x', 2.5) YIELD cost RETURN cost").ToString(),
            "Invalid argument: dijkstra(): target must be a node, a node id or an entity key or name");
}

class NeighbourhoodTest : public ::testing::Test {
 protected:
  AlgoStore store_{kSmallGraph};
};

TEST_F(NeighbourhoodTest, HopsAndInducedFacts) {
  const std::string ret = " YIELD nodes, relationships RETURN nodes, relationships";
  const std::string ab = "(Alpha)-[:supports]->(Bravo)", bc = "(Bravo)-[:supports]->(Charlie)",
                    ca = "(Charlie)-[:supports]->(Alpha)", cd = "(Charlie)-[:met_with]->(Delta \"D\" & co <x>)";
  EXPECT_EQ(store_.Rows("CALL neighbourhood('a')" + ret),
            (TextRows{{"[Alpha, Bravo, Charlie]", "[" + ab + ", " + bc + ", " + ca + "]"}}));
  EXPECT_EQ(store_.Rows("CALL neighbourhood('a', 2)" + ret),
            (TextRows{{"[Alpha, Bravo, Charlie, Delta \"D\" & co <x>]",
                       "[" + ab + ", " + bc + ", " + ca + ", " + cd + "]"}}));
  EXPECT_EQ(store_.Rows("CALL neighbourhood('a', 1, {direction: 'out'})" + ret),
            (TextRows{{"[Alpha, Bravo]", "[" + ab + "]"}}));
  EXPECT_EQ(store_.Rows("CALL neighbourhood('g', 0)" + ret),
            (TextRows{{"[Golf]", "[(Golf)-[:supports]->(Golf)]"}}));
  EXPECT_EQ(store_.Rows("CALL neighbourhood('a', {predicates: ['met_with']})" + ret),
            (TextRows{{"[Alpha]", "[]"}}));
}

TEST_F(NeighbourhoodTest, SubgraphOfGivenNodes) {
  EXPECT_EQ(store_.Rows("MATCH (n) WHERE n.key IN ['d', 'a'] WITH collect(n) AS ns "
                        "CALL subgraph(ns + ['c']) YIELD nodes, relationships "
                        "RETURN nodes, size(relationships)"),
            (TextRows{{"[Alpha, Charlie, Delta \"D\" & co <x>]", "2"}}));
}

}  // namespace
}  // namespace newsgraph::testing
