// `newsgraph eval facts` on the seed gold file: the command runs to the end
// (it once crashed on every gold file) and its figures meet issue 4's bar.
#include <sys/wait.h>

#include <cstdio>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace {

std::string RunCommand(const std::string& cmd, int* code) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  *code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

const std::string kGold =
    std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/ingest/data/000_d979f099bde64959.gold.json";

TEST(ingestEvalCli, EvalFactsOnTheSeedGold) {
  int code = -1;
  std::string out = RunCommand(std::string(NEWSGRAPH_BIN) + " eval facts " + kGold + " 2>&1", &code);
  ASSERT_EQ(code, 0) << out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(recall\s+(\d+)/(\d+) must)"))) << out;
  int found = std::stoi(m[1]), must = std::stoi(m[2]);
  EXPECT_EQ(must, 15) << out;
  EXPECT_GE(found, 14) << out;
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(precision\s+(\d+)/(\d+) extracted)"))) << out;
  int correct = std::stoi(m[1]), extracted = std::stoi(m[2]);
  ASSERT_GT(extracted, 0) << out;
  EXPECT_GE(static_cast<double>(correct) / extracted, 0.70) << out;
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(must_not\s+(\d+) extracted)"))) << out;
  EXPECT_EQ(std::stoi(m[1]), 0) << out;
}

TEST(ingestEvalCli, EvalFactsJsonAndBadInput) {
  int code = -1;
  std::string out = RunCommand(std::string(NEWSGRAPH_BIN) + " eval facts --json " + kGold + " 2>/dev/null", &code);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("\"must\":15"), std::string::npos) << out;
  out = RunCommand(std::string(NEWSGRAPH_BIN) + " eval facts /nonexistent/gold.json 2>&1", &code);
  EXPECT_NE(code, 0) << out;
  EXPECT_NE(out.find("/nonexistent/gold.json"), std::string::npos) << out;
}

}  // namespace
