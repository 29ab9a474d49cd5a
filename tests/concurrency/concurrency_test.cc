// Readers on snapshots while one writer works; a second writer refused; a
// bounded soak checked against a model of what was committed.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "newsgraph/database.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

constexpr int kFactsPerArticle = 7;

// Article i states kFactsPerArticle facts that no other article states, so a
// reader can tell a whole article from part of one.
std::string WriteArticle(const testing::TempDir& dir, int i) {
  std::string path = dir.Sub("article" + std::to_string(i) + ".jsonl");
  std::ofstream out(path);
  for (int j = 0; j < kFactsPerArticle; ++j) {
    out << R"({"subject":"s)" << i << "_" << j << R"(","predicate":"mentioned","object":"o)" << (j % 3)
        << R"(","article":"art)" << i << R"(","date":"2024-01-)" << (10 + i % 19) << "\"}\n";
  }
  return path;
}

std::map<std::string, int64_t> ArticleCounts(Database* db) {
  std::map<std::string, int64_t> out;
  auto c = db->Query("CALL articles() YIELD article, facts RETURN article, facts");
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  if (!c.ok()) return out;
  Row row;
  while ((*c)->Next(&row)) out[row[0].AsString()] = row[1].AsInt();
  EXPECT_TRUE((*c)->status().ok()) << (*c)->status().ToString();
  return out;
}

TEST(Concurrency, SecondWriterIsRefusedWithTheLockNamed) {
  testing::TempDir dir;
  auto first = Database::Open(Options{}, dir.Sub("db"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = Database::Open(Options{}, dir.Sub("db"));
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(second.status().IsBusy()) << second.status().ToString();
  EXPECT_NE(second.status().message().find(dir.Sub("db") + "/LOCK"), std::string::npos)
      << second.status().message();
  Options ro;
  ro.read_only = true;
  auto reader = Database::Open(ro, dir.Sub("db"));
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
}

TEST(Concurrency, ReadersSeeWholeArticlesWhileOneWriterImports) {
  testing::TempDir dir;
  auto opened = Database::Open(Options{}, dir.Sub("db"));
  ASSERT_TRUE(opened.ok());
  Database* db = opened->get();
  const int n = 60;
  std::vector<std::string> files;
  for (int i = 0; i < n; ++i) files.push_back(WriteArticle(dir, i));

  std::atomic<bool> done{false};
  std::atomic<int> committed{0};
  std::atomic<uint64_t> checks{0};
  std::mutex failure_mu;
  std::string failure;
  auto reader = [&] {
    size_t last_seen = 0;
    while (!done.load()) {
      int floor = committed.load();
      auto counts = ArticleCounts(db);
      for (const auto& [article, facts] : counts) {
        if (facts != kFactsPerArticle) {
          std::lock_guard<std::mutex> lock(failure_mu);
          failure = article + " visible with " + std::to_string(facts) + " facts";
        }
      }
      // Everything committed before the query began is visible, and what a
      // reader saw never disappears.
      if (static_cast<int>(counts.size()) < floor || counts.size() < last_seen) {
        std::lock_guard<std::mutex> lock(failure_mu);
        failure = "saw " + std::to_string(counts.size()) + " articles after " + std::to_string(floor) +
                  " were committed (earlier " + std::to_string(last_seen) + ")";
      }
      last_seen = counts.size();
      ++checks;
    }
  };
  std::thread r1(reader), r2(reader);
  ImportOptions io;
  io.bulk = ImportOptions::Bulk::kNever;
  for (const auto& f : files) {
    ImportStats st;
    Status s = db->Import(f, io, &st);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ++committed;
  }
  done = true;
  r1.join();
  r2.join();
  EXPECT_EQ(failure, "");
  EXPECT_GT(checks.load(), 0u);
  EXPECT_EQ(ArticleCounts(db).size(), static_cast<size_t>(n));
  auto check = db->Check();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok());
}

TEST(Concurrency, ACursorKeepsItsSnapshot) {
  testing::TempDir dir;
  auto opened = Database::Open(Options{}, dir.Sub("db"));
  ASSERT_TRUE(opened.ok());
  Database* db = opened->get();
  ASSERT_TRUE(db->Import(WriteArticle(dir, 0), {}, nullptr).ok());
  auto cursor = db->Query("MATCH (a)-[:mentioned]->(b) RETURN a.key ORDER BY a.key");
  ASSERT_TRUE(cursor.ok());
  ImportOptions io;
  io.bulk = ImportOptions::Bulk::kNever;
  ASSERT_TRUE(db->Import(WriteArticle(dir, 1), io, nullptr).ok());
  Row row;
  int rows = 0;
  while ((*cursor)->Next(&row)) ++rows;
  EXPECT_EQ(rows, kFactsPerArticle);
  auto after = db->Query("MATCH (a)-[:mentioned]->(b) RETURN count(*)");
  ASSERT_TRUE(after.ok());
  ASSERT_TRUE((*after)->Next(&row));
  EXPECT_EQ(row[0].AsInt(), 2 * kFactsPerArticle);
}

// A bounded soak: one writer imports and forgets at random, readers check
// every answer against the model of what was committed.
TEST(Concurrency, Soak) {
  const char* env = std::getenv("NEWSGRAPH_SOAK_SECONDS");
  const int seconds = env ? std::atoi(env) : 3;
  testing::TempDir dir;
  auto opened = Database::Open(Options{}, dir.Sub("db"));
  ASSERT_TRUE(opened.ok());
  Database* db = opened->get();
  // sure: committed and not being forgotten; ever: import begun at some time.
  std::mutex model_mu;
  std::set<int> sure, ever;
  std::atomic<bool> done{false};
  std::atomic<uint64_t> queries{0};
  std::string failure;
  auto snapshot = [&](std::set<int>* s, std::set<int>* e) {
    std::lock_guard<std::mutex> lock(model_mu);
    if (s) *s = sure;
    if (e) *e = ever;
  };
  auto reader = [&] {
    while (!done.load()) {
      std::set<int> sure_before, sure_after, ever_after;
      snapshot(&sure_before, nullptr);
      auto counts = ArticleCounts(db);
      snapshot(&sure_after, &ever_after);
      std::string problem;
      for (const auto& [article, facts] : counts) {
        int i = std::atoi(article.c_str() + 3);
        if (facts != kFactsPerArticle) problem = article + " visible with " + std::to_string(facts) + " facts";
        if (!ever_after.count(i)) problem = article + " visible before its import began";
      }
      for (int i : sure_before) {
        if (sure_after.count(i) && !counts.count("art" + std::to_string(i))) {
          problem = "art" + std::to_string(i) + " was committed throughout the query but not visible";
        }
      }
      if (!problem.empty()) {
        std::lock_guard<std::mutex> lock(model_mu);
        failure = problem;
      }
      ++queries;
    }
  };
  std::thread r1(reader), r2(reader);
  ImportOptions io;
  io.bulk = ImportOptions::Bulk::kNever;
  std::srand(7);
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int next = 0;
  while (std::chrono::steady_clock::now() < end) {
    if (std::rand() % 3 == 0) {
      int victim = -1;
      {
        std::lock_guard<std::mutex> lock(model_mu);
        if (sure.empty()) continue;
        victim = *std::next(sure.begin(), std::rand() % sure.size());
        sure.erase(victim);
      }
      auto r = db->Forget("art" + std::to_string(victim));
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    } else {
      int i = next++;
      {
        std::lock_guard<std::mutex> lock(model_mu);
        ever.insert(i);
      }
      ASSERT_TRUE(db->Import(WriteArticle(dir, i), io, nullptr).ok());
      std::lock_guard<std::mutex> lock(model_mu);
      sure.insert(i);
    }
  }
  done = true;
  r1.join();
  r2.join();
  EXPECT_EQ(failure, "");
  std::cerr << "soak: " << seconds << " s, " << next << " articles written, " << queries.load()
            << " queries checked\n";
  auto check = db->Check();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok()) << (check->problems.empty() ? "" : check->problems[0]);
}

}  // namespace
}  // namespace newsgraph
