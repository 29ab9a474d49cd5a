// The shell at a terminal, driven through a pseudo-terminal: completion,
// history across sessions, multi-line statements, .mode, an error and the
// recovery from it, Ctrl-C. Results are checked by what only a run statement
// prints (keys, CSV rows), not by the echo of what was typed.
#include <gtest/gtest.h>

#include "tests/unit/tools/tool_test_util.h"
#include "tests/util/pty_session.h"
#include "tests/util/temp_dir.h"

namespace newsgraph::testing {
namespace {

class ShellPty : public ::testing::Test {
 protected:
  void SetUp() override { MakeNewsStore(db_); }
  void Start(PtySession* s) {
    ASSERT_TRUE(s->Start({NEWSGRAPH_BIN, "shell", "--db", db_}, {"HOME=" + tmp_.path(), "NEWSGRAPH_HISTORY=" + history_}));
    ASSERT_TRUE(s->WaitFor("newsgraph> ")) << s->output();
  }
  TempDir tmp_;
  std::string db_ = tmp_.Sub("db");
  std::string history_ = tmp_.Sub("history");
};

TEST_F(ShellPty, CompletesKeywordsTypesNamesAndDotCommands) {
  PtySession s;
  Start(&s);
  s.Send(".mo\t csv\r");
  ASSERT_TRUE(s.WaitFor("newsgraph> "));
  // A keyword (typed in lower case), a relationship type after [:, an
  // entity name in quotes.
  s.Send("mat\t (x)-[:sup\t]->(y {name: \"Khal\t}) RETURN x.key ORDER BY x.key;\r");
  ASSERT_TRUE(s.WaitFor("x.key\r\negypt\r\nrussia\r\nsaddam-haftar\r\nwagner-group\r\n")) << s.output();
  // Arabic: the name completes from its Arabic alias.
  s.Send("MATCH (x {name: \"خليف\t}) RETURN x.key AS k;\r");
  ASSERT_TRUE(s.WaitFor("k\r\nkhalifa-haftar\r\n")) << s.output();
  // An entity type after (x:.
  s.Send("MATCH (c:Cou\t) RETURN count(c) AS countries;\r");
  ASSERT_TRUE(s.WaitFor("countries\r\n")) << s.output();
  // Two TABs list the choices.
  s.Send("MATCH (a)-[:\t\t");
  ASSERT_TRUE(s.WaitFor("affiliated_with")) << s.output();
  ASSERT_TRUE(s.WaitFor("met_with")) << s.output();
  ASSERT_TRUE(s.WaitFor("visited")) << s.output();
  s.Send("\x15.quit\r");  // Ctrl-U clears the line
  EXPECT_EQ(s.Wait(), 0) << s.output();
}

TEST_F(ShellPty, MultiLineErrorRecoveryAndInterrupt) {
  PtySession s;
  Start(&s);
  s.Send(".mode csv\r");
  ASSERT_TRUE(s.WaitFor("newsgraph> "));
  s.Send("MATCH (p {name: \"Yevkurov\"})-[:visited]->(place)\r");
  ASSERT_TRUE(s.WaitFor("...> "));
  s.Send("RETURN place.key AS place\r");
  ASSERT_TRUE(s.WaitFor("...> "));
  s.Send("ORDER BY place;\r");
  ASSERT_TRUE(s.WaitFor("place\r\nbenghazi\r\nlibya\r\n")) << s.output();
  s.Send("MATCH (a)-[:suports]->(b) RETURN a;\r");
  ASSERT_TRUE(s.WaitFor("Error: line 1, column 10: unknown predicate `suports`")) << s.output();
  ASSERT_TRUE(s.WaitFor("           ^^^^^^^^^^^^^")) << s.output();
  ASSERT_TRUE(s.WaitFor("newsgraph> "));
  s.Send("RETURN 6 * 7 AS answer;\r");
  ASSERT_TRUE(s.WaitFor("answer\r\n42\r\n")) << s.output();
  // Ctrl-C drops a statement half typed.
  s.Send("MATCH (x)\r");
  ASSERT_TRUE(s.WaitFor("...> "));
  s.SendWhenIdle("\x03");
  ASSERT_TRUE(s.WaitFor("newsgraph> ")) << s.output();
  s.Send("RETURN 'fresh' AS state;\r");
  ASSERT_TRUE(s.WaitFor("state\r\nfresh\r\n")) << s.output();
  s.SendWhenIdle("\x04");  // Ctrl-D leaves
  EXPECT_EQ(s.Wait(), 0) << s.output();
}

TEST_F(ShellPty, HistoryPersistsAcrossSessions) {
  {
    PtySession s;
    Start(&s);
    s.Send(".mode csv\r");
    ASSERT_TRUE(s.WaitFor("newsgraph> "));
    s.Send("MATCH (x {name: \"Wagner Group\"})\r");
    ASSERT_TRUE(s.WaitFor("...> "));
    s.Send("RETURN x.key AS first_run;\r");
    ASSERT_TRUE(s.WaitFor("first_run\r\nwagner-group\r\n")) << s.output();
    s.Send(".quit\r");
    ASSERT_EQ(s.Wait(), 0);
  }
  std::string history = ReadFile(history_);
  EXPECT_NE(history.find("MATCH (x {name: \"Wagner Group\"}) RETURN x.key AS first_run;"), std::string::npos)
      << history;
  PtySession s;
  Start(&s);
  s.Send(".mode csv\r");
  ASSERT_TRUE(s.WaitFor("newsgraph> "));
  // Up arrow twice: past `.mode csv` to the statement of the last session.
  s.Send("\x1b[A\x1b[A\r");
  ASSERT_TRUE(s.WaitFor("first_run\r\nwagner-group\r\n")) << s.output();
  s.Send(".quit\r");
  EXPECT_EQ(s.Wait(), 0);
}

}  // namespace
}  // namespace newsgraph::testing
