// Kills `Database::Ingest` (the real extractor, through crash_writer) with
// SIGKILL at random moments, over and over, resuming the same store as a
// user re-running the command would. After every kill the store must open,
// pass CheckStore, hold every article the writer reported committed, hold
// whole articles only (the facts a complete run gives each), and hold them as
// a prefix of the input, since batches commit in input order.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "api/database_impl.h"
#include "graph/store/read_view.h"
#include "newsgraph/article.h"
#include "newsgraph/database.h"
#include "tests/crash/news_input.h"
#include "tests/crash/writer_run.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

using Clock = std::chrono::steady_clock;
using testing::FactSet;
using testing::KeysInOrder;
using testing::StoredFacts;

constexpr int kArticles = 80;

class IngestCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = dir_.Sub("in.jsonl");
    testing::WriteNewsInput(input_, kArticles);
    keys_ = KeysInOrder(input_);
    ASSERT_EQ(keys_.size(), static_cast<size_t>(kArticles));
  }

  testing::WriterRun Run(const std::string& db, std::chrono::microseconds kill_after,
                         int kill_at_committed = -1) {
    testing::WriterArgs a;
    a.kill_at_committed = kill_at_committed;
    a.mode = "ingest";
    a.db = db;
    a.input = input_;
    a.kill_after = kill_after;
    a.out_path = dir_.Sub("writer.out");
    return testing::RunWriter(a);
  }

  // Opens, checks and compares with the complete run; returns the number of
  // articles stored.
  int Verify(const std::string& path, int committed, const std::string& when) {
    auto db = Database::Open(Options(), path);
    EXPECT_TRUE(db.ok()) << when << ": " << db.status().ToString();
    if (!db.ok()) return 0;
    auto check = (*db)->Check();
    EXPECT_TRUE(check.ok()) << when;
    if (check.ok()) EXPECT_EQ(check->problems, std::vector<std::string>{}) << when;
    auto stored = StoredFacts(db->get(), keys_);
    int prefix = 0;
    while (prefix < kArticles && stored.count(keys_[prefix])) ++prefix;
    EXPECT_EQ(static_cast<size_t>(prefix), stored.size())
        << when << ": stored articles are not a prefix of the input";
    EXPECT_GE(prefix, committed) << when << ": articles reported committed were lost";
    for (const auto& [key, facts] : stored) {
      EXPECT_EQ(facts, complete_[key]) << when << ": article " << key << " is partly stored";
    }
    EXPECT_EQ((*db)->impl()->store->NewReadView()->GetCounters().articles,
              static_cast<uint64_t>(stored.size()))
        << when;
    return prefix;
  }

  testing::TempDir dir_;
  std::string input_;
  std::vector<std::string> keys_;
  std::map<std::string, FactSet> complete_;
  std::mt19937 rng_{std::random_device{}()};
};

TEST_F(IngestCrashTest, RepeatedKillsLoseNothingCommitted) {
  // A complete run: its time sets the kill window, its facts are the reference.
  const std::string ref = dir_.Sub("reference");
  testing::WriterRun full = Run(ref, std::chrono::microseconds(-1));
  ASSERT_EQ(full.exit_code, 0) << full.err;
  ASSERT_EQ(full.committed, kArticles);
  {
    auto db = Database::Open(Options(), ref);
    ASSERT_TRUE(db.ok());
    complete_ = StoredFacts(db->get(), keys_);
    ASSERT_EQ(complete_.size(), static_cast<size_t>(kArticles));
    size_t with_facts = 0;
    for (const auto& [k, f] : complete_) with_facts += !f.empty();
    ASSERT_EQ(with_facts, complete_.size()) << "the seed text should give every article facts";
  }

  // NEWSGRAPH_CRASH_KILLS raises the count for a long run; CI keeps 15.
  const char* env = std::getenv("NEWSGRAPH_CRASH_KILLS");
  const int want_kills = env ? std::max(1, std::atoi(env)) : 15;
  int kills = 0, mid = 0, completed = 0, round = 0, stored = kArticles, max_committed = 0;
  std::string db;
  // A bound for a loaded machine.
  auto deadline = Clock::now() + std::chrono::seconds(6 * want_kills);
  while (kills < want_kills && Clock::now() < deadline) {
    if (stored >= kArticles - 3 || round % 5 == 0) {
      db = dir_.Sub("ingest-" + std::to_string(round));
      stored = 0;
    }
    // Opening the store and loading the lexicon take most of a run: every
    // fourth kill falls anywhere in it, the others once the writer has
    // reported some commits, plus up to a batch's time, so that they land
    // between and inside commits.
    std::chrono::microseconds delay;
    int at = -1;
    if (round % 4 == 3) {
      delay = std::chrono::microseconds(
          std::uniform_int_distribution<int64_t>(0, static_cast<int64_t>(full.seconds * 1e6))(rng_));
    } else {
      at = std::uniform_int_distribution<int>(stored + 1, kArticles - 2)(rng_);
      delay = std::chrono::microseconds(std::uniform_int_distribution<int64_t>(0, 20000)(rng_));
    }
    testing::WriterRun r = Run(db, delay, at);
    std::string when = "round " + std::to_string(round) + " (killed " +
                       (at >= 0 ? "at " + std::to_string(at) + " committed + " : "after ") +
                       std::to_string(delay.count() / 1000) + " ms, reported " +
                       std::to_string(r.committed) + " committed)";
    ASSERT_FALSE(r.hung) << when;
    int now = Verify(db, r.committed, when);
    EXPECT_GE(now, stored) << when << ": articles of an earlier run were lost";
    max_committed = std::max(max_committed, r.committed);
    stored = now;
    if (r.killed) {
      ++kills;
      mid += now > 0 && now < kArticles;
    } else {
      EXPECT_EQ(r.exit_code, 0) << when << ": " << r.err;
      EXPECT_EQ(now, kArticles) << when;
      ++completed;
    }
    if (HasFailure()) break;
    ++round;
  }
  EXPECT_GE(kills, want_kills);
  EXPECT_GE(mid, want_kills / 3) << "too few kills landed in the middle of the ingest";
  std::cout << "[ crash    ] ingest: " << kills << " kills (" << mid << " mid-ingest), " << completed
            << " completed runs, up to " << max_committed << " articles reported committed before a kill; a full run of "
            << kArticles << " articles takes " << full.seconds << " s\n";
}

}  // namespace
}  // namespace newsgraph
