// The shell without a terminal: statements from stdin, dot-commands, exit
// codes with and without -bail; and the statement splitter on its own.
#include <gtest/gtest.h>

#include "tests/unit/tools/tool_test_util.h"
#include "tests/util/temp_dir.h"
#include "tools/newsgraph/statement_splitter.h"

namespace newsgraph::testing {
namespace {

class ShellBatch : public ::testing::Test {
 protected:
  void SetUp() override { MakeNewsStore(db_); }
  RunResult Shell(const std::string& input, std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"shell", "--db", db_});
    return RunTool(args, input, tmp_.path());
  }
  TempDir tmp_;
  std::string db_ = tmp_.Sub("db");
};

TEST(StatementSplitter, EndsAtSemicolonsOutsideStringsAndComments) {
  cli::StatementSplitter s;
  std::vector<std::string> done;
  s.AddLine("MATCH (x {name: \"a;b\"}) // not here;", &done);
  EXPECT_TRUE(done.empty());
  EXPECT_TRUE(s.pending());
  s.AddLine("RETURN x /* nor ; here */;  RETURN 1;", &done);
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[0], "MATCH (x {name: \"a;b\"}) // not here;\nRETURN x /* nor ; here */");
  EXPECT_EQ(done[1], "RETURN 1");
  EXPECT_FALSE(s.pending());
  s.AddLine("// only a comment", &done);
  EXPECT_FALSE(s.pending());
  s.AddLine("RETURN 'it\\'s' AS x", &done);
  EXPECT_EQ(s.TakePending(), "// only a comment\nRETURN 'it\\'s' AS x");
  s.AddLine(";;", &done);
  EXPECT_EQ(done.size(), 2u);
}

TEST_F(ShellBatch, RunsStatementsAndDotCommands) {
  auto r = Shell(
      ".mode csv\n"
      "MATCH (x)-[:supports]->({name: \"حفتر\"})\n"
      "RETURN x.name AS supporter\n"
      "ORDER BY supporter;\n"
      ".param set who \"Khalifa Haftar\"\n"
      ".mode jsonl\n"
      "MATCH (x {name: $who}) RETURN x.key AS key;\n"
      ".mode tsv\n"
      "RETURN 1 + 1 AS two\n");  // the last statement needs no ;
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "supporter\nEgypt\nRussia\nSaddam Haftar\nWagner Group\n{\"key\": \"khalifa-haftar\"}\ntwo\n2\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(ShellBatch, ErrorShowsTheCaretAndTheShellGoesOn) {
  auto r = Shell(".mode csv\nMATCH (a)-[:suports]->(b) RETURN a;\nRETURN 42 AS answer;\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "answer\n42\n");
  EXPECT_EQ(r.err,
            "Error: line 1, column 10: unknown predicate `suports`\n"
            "  MATCH (a)-[:suports]->(b) RETURN a\n"
            "           ^^^^^^^^^^^^^\n"
            "hint: did you mean `supports`?\n");
}

TEST_F(ShellBatch, BailStopsAtTheFirstError) {
  for (const char* flag : {"-bail", "--bail"}) {
    auto r = Shell(".mode csv\nRETURN 1 AS a;\nRETURN nosuch(1);\nRETURN 2 AS b;\n", {flag});
    EXPECT_EQ(r.code, 1) << flag;
    EXPECT_EQ(r.out, "a\n1\n") << flag;
    EXPECT_NE(r.err.find("Error: "), std::string::npos);
  }
  auto bad = Shell(".nosuch\nRETURN 1;\n", {"-bail"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err, "Error: unknown command .nosuch (.help lists them)\n");
}

TEST_F(ShellBatch, OutputOnceReadTimer) {
  std::string all = tmp_.Sub("all.csv"), one = tmp_.Sub("one.txt"), script = tmp_.Sub("script.cypher");
  WriteFile(script, "// a script\nRETURN 'from script' AS s;\n.mode csv\nRETURN 3 AS three\n");
  auto r = Shell(".mode csv\n.output " + all + "\nRETURN 1 AS a;\nRETURN 2 AS b;\n.output\n.once " + one +
                 "\nRETURN 'once' AS c;\nRETURN 'back' AS d;\n.mode table\n.read " + script +
                 "\n.timer on\nRETURN 4 AS four;\n");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(all), "a\n1\nb\n2\n");
  EXPECT_EQ(ReadFile(one), "c\nonce\n");
  EXPECT_EQ(r.out.substr(0, 9), "d\nback\n+-");
  EXPECT_NE(r.out.find("| from script |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("three\n3\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("four\n4\nRun Time: "), std::string::npos) << r.out;
}

TEST_F(ShellBatch, SchemaStatsExplainHelp) {
  auto r = Shell(".mode csv\n.schema\n.stats\nMATCH (a)-[:visited]->(b) RETURN b;\n.explain\n.help\n");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("predicate,facts,mentions,subject types,object types\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("supports,"), std::string::npos);
  EXPECT_NE(r.out.find("\"Country, Group, Organization, Person\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("type,entities\n"), std::string::npos);
  EXPECT_NE(r.out.find("facts,"), std::string::npos);
  EXPECT_NE(r.out.find("RelationshipScan  (a)-[:visited]->(b)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(".param set NAME VALUE"), std::string::npos);
}

}  // namespace
}  // namespace newsgraph::testing
