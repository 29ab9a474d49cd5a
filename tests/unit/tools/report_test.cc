// `newsgraph report`: the example reports rendered to HTML and Markdown on
// the example facts, their structure checked; a failing section; a missing
// Graphviz; and, where Debian's chromium is installed, a screenshot.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "tests/unit/tools/tool_test_util.h"
#include "tests/util/temp_dir.h"

namespace newsgraph::testing {
namespace {

std::string Example(const std::string& name) { return std::string(NEWSGRAPH_SOURCE_DIR) + "/examples/reports/" + name; }

bool Installed(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

class Report : public ::testing::Test {
 protected:
  void SetUp() override { MakeNewsStore(db_); }
  RunResult Run(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {"report", "--db", db_});
    return RunTool(args, "", tmp_.path(), env);
  }
  TempDir tmp_;
  std::string db_ = tmp_.Sub("db");
};

// Structure every HTML report has: one page, styles inline, nothing
// fetched, every section with its heading.
void CheckSelfContained(const std::string& html) {
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=")) << html.substr(0, 100);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(Count(html, "<style>"), 1u);
  for (const char* external : {"<script", "<link", "src=", "@import", "url(", "href=\"http", "<iframe", "<img"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  EXPECT_TRUE(html.ends_with("</body>\n</html>\n"));
}

TEST_F(Report, WhoSupportsWhomAsHtml) {
  std::string out = tmp_.Sub("support.html");
  auto r = Run({Example("who_supports_whom.json"), "--out", out});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string html = ReadFile(out);
  CheckSelfContained(html);
  EXPECT_NE(html.find("<title>Who supports whom</title>"), std::string::npos);
  EXPECT_EQ(Count(html, "<section id="), Count(html, "<h2 dir=\"auto\">"));
  EXPECT_GE(Count(html, "<section id="), 4u);
  EXPECT_EQ(html.find("This section failed"), std::string::npos);
  // Arabic names stay in their cells, each cell with its own direction.
  EXPECT_NE(html.find("<td dir=\"auto\">Wagner Group</td>"), std::string::npos);
  if (Installed("dot")) {
    EXPECT_GE(Count(html, "<svg"), 1u);
    EXPECT_NE(html.find("Khalifa Haftar"), std::string::npos);
    EXPECT_EQ(html.find("<?xml"), std::string::npos);  // the <svg> element only
  }
}

TEST_F(Report, ActorWeekAsMarkdownWithDataFiles) {
  std::string out = tmp_.Sub("week.md"), data = tmp_.Sub("data");
  auto r = Run({Example("actor_week.json"), "--out", out, "--data", data, "--param", "actor=Yevkurov",
                "--param", "from=2023-08-20", "--param", "to=2023-08-27"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string md = ReadFile(out);
  EXPECT_TRUE(md.starts_with("# An actor's week\n")) << md;
  EXPECT_NE(md.find("| `$actor` | Yevkurov |"), std::string::npos) << md;
  EXPECT_NE(md.find("## Visits"), std::string::npos);
  EXPECT_NE(md.find("Benghazi"), std::string::npos);
  EXPECT_NE(md.find("| وصل يفكوروف إلى بنغازي "), std::string::npos);  // the evidence
  size_t csv = 0, json = 0;
  for (const auto& e : std::filesystem::directory_iterator(data)) {
    csv += e.path().extension() == ".csv";
    json += e.path().extension() == ".json";
  }
  EXPECT_GE(csv, 4u);
  EXPECT_EQ(csv, json);
  if (Installed("dot")) {
    EXPECT_NE(md.find("](week-files/"), std::string::npos) << md;
    EXPECT_TRUE(std::filesystem::exists(tmp_.Sub("week-files")));
  }
}

TEST_F(Report, AFailedSectionIsShownInPlaceAndTheOthersWritten) {
  std::string spec = tmp_.Sub("spec.json"), out = tmp_.Sub("r.html");
  WriteFile(spec, R"({"title": "تقرير", "lang": "ar", "sections": [
    {"heading": "first", "query": "MATCH (a)-[:supports]->(b) RETURN a.name, b.name"},
    {"heading": "broken", "query": "MATCH (a)-[:suports]->(b) RETURN a"},
    {"heading": "third", "query": "RETURN 1 AS one", "picture": "dot"}]})");
  auto r = Run({spec, "--out", out});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("section \"broken\" failed: line 1, column 10: unknown predicate `suports`"), std::string::npos)
      << r.err;
  std::string html = ReadFile(out);
  CheckSelfContained(html);
  EXPECT_NE(html.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
  EXPECT_EQ(Count(html, "This section failed"), 1u);
  EXPECT_NE(html.find("           ^^^^^^^^^^^^^"), std::string::npos);  // the caret, in place
  EXPECT_NE(html.find("<h2 dir=\"auto\">third</h2>"), std::string::npos);
  EXPECT_NE(html.find("No picture: the rows hold no nodes or relationships"), std::string::npos);
}

TEST_F(Report, NoGraphvizMeansNoPictureAndANote) {
  std::string out = tmp_.Sub("r.md");
  auto r = Run({Example("who_supports_whom.json"), "--out", out}, {"PATH=/nonexistent"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(ReadFile(out).find("_No picture: Graphviz (`dot`) is not installed._"), std::string::npos);
}

TEST_F(Report, BadSpecsAndParameters) {
  std::string spec = tmp_.Sub("bad.json");
  WriteFile(spec, R"({"title": "x", "sections": [{"heading": "h"}]})");
  auto r = Run({spec});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "newsgraph: " + spec + ": section 1 needs a \"query\" or \"query_file\"\n");
  auto p = Run({Example("actor_week.json"), "--param", "from=yesterday"});
  EXPECT_EQ(p.code, 2);
  EXPECT_EQ(p.err, "newsgraph: parameter from: \"yesterday\" is not a date (YYYY-MM-DD)\n");
}

// Optional: needs Debian's chromium (not installed by scripts/setup.sh).
TEST_F(Report, HeadlessScreenshot) {
  std::string browser = Installed("chromium") ? "chromium" : Installed("chromium-browser") ? "chromium-browser" : "";
  if (browser.empty()) GTEST_SKIP() << "chromium is not installed";
  std::string out = tmp_.Sub("support.html"), png = tmp_.Sub("support.png");
  ASSERT_EQ(Run({Example("who_supports_whom.json"), "--out", out}).code, 0);
  std::string cmd = "timeout 90 " + browser +
                    " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                    " --disable-background-networking --disable-component-update --disable-sync"
                    " --user-data-dir=" + tmp_.Sub("profile") + " --screenshot=" + png +
                    " --window-size=1200,1600 file://" + out + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string image = ReadFile(png);
  ASSERT_GT(image.size(), 20000u);  // a blank page compresses to a few KiB
  EXPECT_EQ(image.substr(1, 3), "PNG");
}

}  // namespace
}  // namespace newsgraph::testing
