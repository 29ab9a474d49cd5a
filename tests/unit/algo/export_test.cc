// Graph output formats, each parsed back: GraphML and GEXF with Python's XML
// parser, DOT with Graphviz, JSON graph with nlohmann (and networkx), and
// N-Quads by importing them into a new store.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/unit/algo/algo_test_util.h"

namespace newsgraph::testing {
namespace {

const std::string kScript = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/unit/algo/graph_check.py";
const std::string kNeighbourhood =
    "CALL neighbourhood('a', 2) YIELD nodes, relationships RETURN nodes, relationships";

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_.Import(R"({"subject": "a", "predicate": "holds_position", "object": {"value": "Deputy Minister", "lang": "en"}, "article": "art8"})",
                  "literal.jsonl");
  }

  std::string Id(const std::string& key) {
    auto rows = store_.Rows("MATCH (n) WHERE n.key = '" + key + "' RETURN id(n)");
    return rows.size() == 1 ? "n" + rows[0][0] : "?";
  }

  // The file parsed by graph_check.py, as JSON; null when python3 is missing.
  nlohmann::json Parse(const std::string& format, const std::string& text) {
    if (!HaveCommand("python3 -c 'import xml.etree.ElementTree'")) return nullptr;
    std::string path = store_.dir().Sub("out." + format);
    WriteText(path, text);
    std::string out;
    int rc = RunCommand("python3 " + kScript + " " + format + " " + path, &out);
    EXPECT_EQ(rc, 0) << out;
    return rc == 0 ? nlohmann::json::parse(out) : nlohmann::json();
  }

  AlgoStore store_{kSmallGraph};
};

TEST_F(ExportTest, GraphmlHasLabelsInBothLanguagesTypesAndWeights) {
  nlohmann::json g = Parse("graphml", store_.Write(kNeighbourhood, OutputFormat::kGraphml));
  if (g.is_null()) GTEST_SKIP() << "python3 is not installed";
  ASSERT_EQ(g["nodes"].size(), 4u);
  ASSERT_EQ(g["edges"].size(), 4u);
  const auto& a = g["nodes"][Id("a")];
  EXPECT_EQ(a["label"], "Alpha");
  EXPECT_EQ(a["name_en"], "Alpha");
  EXPECT_EQ(a["name_ar"], "ألفا");
  EXPECT_EQ(a["type"], "Person");
  EXPECT_EQ(a["key"], "a");
  EXPECT_EQ(g["nodes"][Id("d")]["label"], "Delta \"D\" & co <x>");
  const auto& ab = g["edges"][0];
  EXPECT_EQ(ab["source"], Id("a"));
  EXPECT_EQ(ab["target"], Id("b"));
  EXPECT_EQ(ab["label"], "supports");
  EXPECT_EQ(ab["articles"], "2");
  EXPECT_EQ(ab["mentions"], "2");
  EXPECT_EQ(ab["weight"], "2");
  EXPECT_EQ(ab["first_seen"], "2024-01-01");
  EXPECT_EQ(ab["last_seen"], "2024-01-02");
}

TEST_F(ExportTest, GexfParsesWithDeclaredAttributes) {
  nlohmann::json g = Parse("gexf", store_.Write("MATCH p = (x)-[:supports]->(y) RETURN p", OutputFormat::kGexf));
  if (g.is_null()) GTEST_SKIP() << "python3 is not installed";
  ASSERT_EQ(g["nodes"].size(), 4u);  // a, b, c, g
  ASSERT_EQ(g["edges"].size(), 4u);
  EXPECT_EQ(g["nodes"][Id("b")]["name_ar"], "برافو");
  EXPECT_EQ(g["nodes"][Id("g")]["label"], "Golf");
  for (const auto& e : g["edges"]) {
    EXPECT_EQ(e["label"], "supports");
    if (e["source"] == Id("a")) EXPECT_EQ(e["weight"], "2");
    if (e["source"] == Id("g")) EXPECT_EQ(e["target"], Id("g"));  // the self-loop
  }
}

// Relationships alone: their ends are looked up through the cursor, and a
// literal object becomes a node of type "literal".
TEST_F(ExportTest, RelationshipEndsAndLiterals) {
  nlohmann::json g = Parse("graphml", store_.Write("MATCH (x)-[r:met_with|holds_position]->(y) RETURN r",
                                                   OutputFormat::kGraphml));
  if (g.is_null()) GTEST_SKIP() << "python3 is not installed";
  ASSERT_EQ(g["nodes"].size(), 4u);  // a, c, d and the literal
  EXPECT_EQ(g["nodes"][Id("c")]["type"], "Organization");
  EXPECT_EQ(g["nodes"][Id("a")]["name_ar"], "ألفا");
  int literals = 0;
  for (const auto& [id, n] : g["nodes"].items()) {
    if (n["type"] == "literal") {
      ++literals;
      EXPECT_EQ(n["label"], "Deputy Minister");
    }
  }
  EXPECT_EQ(literals, 1);
}

TEST_F(ExportTest, DotRendersWithGraphviz) {
  std::string dot = store_.Write(kNeighbourhood, OutputFormat::kDot);
  EXPECT_NE(dot.find("\"" + Id("a") + "\" [label=\"Alpha\\nألفا\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("[label=\"Delta \\\"D\\\" & co <x>\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"" + Id("a") + "\" -> \"" + Id("b") + "\" [label=\"supports\""), std::string::npos) << dot;
  if (!HaveCommand("dot -V")) GTEST_SKIP() << "Graphviz dot is not installed";
  WriteText(store_.dir().Sub("g.dot"), dot);
  std::string out;
  ASSERT_EQ(RunCommand("dot -Tsvg " + store_.dir().Sub("g.dot") + " -o " + store_.dir().Sub("g.svg"), &out), 0) << out;
  std::string svg = ReadText(store_.dir().Sub("g.svg"));
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Charlie"), std::string::npos);
}

TEST_F(ExportTest, JsonGraphIsNodeLinkData) {
  std::string text = store_.Write(kNeighbourhood, OutputFormat::kJsonGraph);
  nlohmann::json g = nlohmann::json::parse(text);
  EXPECT_EQ(g["directed"], true);
  EXPECT_EQ(g["multigraph"], true);
  ASSERT_EQ(g["nodes"].size(), 4u);
  ASSERT_EQ(g["links"].size(), 4u);
  EXPECT_EQ(g["nodes"][0]["id"], Id("a"));
  EXPECT_EQ(g["nodes"][0]["name_ar"], "ألفا");
  EXPECT_EQ(g["links"][0]["source"], Id("a"));
  EXPECT_EQ(g["links"][0]["weight"], 2);
  if (!HaveCommand("python3 -c 'import networkx'")) GTEST_SKIP() << "networkx is not installed";
  WriteText(store_.dir().Sub("g.json"), text);
  std::string out;
  ASSERT_EQ(RunCommand("python3 -c \"import json, networkx as nx; g = nx.node_link_graph(json.load(open('" +
                    store_.dir().Sub("g.json") + "')), edges='links'); print(g.number_of_nodes(), "
                    "g.number_of_edges(), g.is_directed())\"",
                &out),
            0)
      << out;
  EXPECT_EQ(out, "4 4 True\n");
}

TEST_F(ExportTest, NQuadsImportBack) {
  std::string nq = store_.Write("MATCH p = (x)-[r]->(y) RETURN p", OutputFormat::kNQuads);
  AlgoStore copy("");
  copy.Import(nq, "result.nq");
  EXPECT_EQ(copy.Rows("MATCH (x)-[r]->(y) RETURN count(r)"), (TextRows{{"7"}}));
  EXPECT_EQ(copy.Rows("MATCH (n) WHERE n.key = 'a' RETURN n.name_en, n.name_ar, n.type"),
            (TextRows{{"Alpha", "ألفا", "Person"}}));
  EXPECT_EQ(copy.Rows("MATCH (n {key: 'a'})-[:holds_position]->(p) RETURN p"), (TextRows{{"Deputy Minister"}}));
}

TEST_F(ExportTest, ResultsWithoutGraphValuesAreRejected) {
  Status s;
  store_.Write("MATCH (n) RETURN n.name", OutputFormat::kGraphml, &s);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_EQ(s.message(),
            "graph formats need nodes, relationships or paths in the result (RETURN a, r, b, or a path); use a "
            "table format for other values");
  // No rows: an empty graph.
  std::string empty = store_.Write("MATCH (n) WHERE n.key = 'none' RETURN n", OutputFormat::kJsonGraph);
  EXPECT_EQ(nlohmann::json::parse(empty)["nodes"].size(), 0u);
}

TEST(OutputFormatTest, Names) {
  for (const char* name : {"graphml", "gexf", "dot", "jsongraph", "nquads"}) {
    OutputFormat f;
    ASSERT_TRUE(ParseOutputFormat(name, &f)) << name;
    EXPECT_STREQ(OutputFormatName(f), name);
    EXPECT_TRUE(IsGraphFormat(f));
  }
  EXPECT_FALSE(IsGraphFormat(OutputFormat::kCsv));
}

}  // namespace
}  // namespace newsgraph::testing
