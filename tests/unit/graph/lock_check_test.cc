// One writer at a time, readers beside it; and CheckStore notices damage.
#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "graph/store/key_codec.h"
#include "tests/unit/graph/store_test_util.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

using testing::TempDir;

constexpr char kTinyNq[] =
    "<http://e/x> <http://p/supports> <http://e/y> <http://a/1> .\n"
    "<http://e/y> <http://p/visited> <http://e/z> <http://a/1> .\n"
    "<http://e/x> <http://p/supports> <http://e/y> <http://a/2> .\n";

std::string LockPrefix(const std::string& path) {
  return "database " + path + " is locked by another writer (lock file " + path +
         "/LOCK); wait for it to finish, or open the database read-only to query it (";
}

TEST(LockTest, SecondWriterInAnotherProcessIsBusyAndReadersStillOpen) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  const std::string input = dir.Sub("in.nq");
  testing::WriteFile(input, kTinyNq);
  {
    auto db = testing::OpenDb(path);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->Import(input, {}, nullptr).ok());
  }
  // The writer lives in a child process, as a real second `newsgraph` would.
  int ready[2], release[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(release), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(ready[0]);
    close(release[1]);
    auto db = Database::Open(Options(), path);
    char c = db.ok() ? 'y' : 'n';
    if (write(ready[1], &c, 1) != 1) _exit(3);
    if (read(release[0], &c, 1) < 0) _exit(4);  // returns when the parent closes the pipe
    _exit(db.ok() ? 0 : 2);
  }
  close(ready[1]);
  close(release[0]);
  char c = 0;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  ASSERT_EQ(c, 'y') << "the child could not open the store";

  auto second = Database::Open(Options(), path);
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(second.status().IsBusy()) << second.status().ToString();
  EXPECT_TRUE(second.status().message().starts_with(LockPrefix(path))) << second.status().message();

  Options ro;
  ro.read_only = true;
  auto reader = Database::Open(ro, path);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  auto stats = (*reader)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts, 2u);
  EXPECT_EQ(stats->mentions, 3u);
  Status w = (*reader)->Import(input, {}, nullptr);
  EXPECT_TRUE(w.IsInvalidArgument());
  EXPECT_EQ(w.message(), "the database is open read-only");

  close(release[1]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  auto again = Database::Open(Options(), path);
  EXPECT_TRUE(again.ok()) << "the lock is released with the writer: " << again.status().ToString();
}

TEST(LockTest, SecondWriterInTheSameProcessIsBusy) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  auto first = testing::OpenDb(path);
  ASSERT_TRUE(first);
  auto second = Database::Open(Options(), path);
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(second.status().IsBusy());
  EXPECT_TRUE(second.status().message().starts_with(LockPrefix(path))) << second.status().message();
}

TEST(OpenTest, MissingAndForeignDirectories) {
  TempDir dir;
  Options ro;
  ro.read_only = true;
  auto missing = Database::Open(ro, dir.Sub("none"));
  EXPECT_TRUE(missing.status().IsNotFound());
  EXPECT_EQ(missing.status().message(), "no database at " + dir.Sub("none"));
  testing::WriteFile(dir.Sub("file"), "x");
  std::filesystem::create_directories(dir.Sub("full"));
  testing::WriteFile(dir.Sub("full/file"), "x");
  EXPECT_EQ(Database::Open(Options(), dir.Sub("file")).status().message(),
            dir.Sub("file") + " exists and is not a database directory");
  EXPECT_EQ(Database::Open(Options(), dir.Sub("full")).status().message(),
            dir.Sub("full") + " is a non-empty directory that is not a database");
}

TEST(OpenTest, ADirectoryLeftByAKilledCreationOpens) {
  // What a writer killed while RocksDB created the store leaves behind.
  TempDir dir;
  const std::string path = dir.Sub("db");
  std::filesystem::create_directories(path);
  testing::WriteFile(path + "/LOCK", "");
  testing::WriteFile(path + "/LOG", "log");
  testing::WriteFile(path + "/000000.dbtmp", "");
  auto db = Database::Open(Options(), path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(testing::CheckProblems(db->get()), std::vector<std::string>{});
  // Anything else in the directory keeps it from being taken over.
  const std::string other = dir.Sub("other");
  std::filesystem::create_directories(other);
  testing::WriteFile(other + "/LOG", "log");
  testing::WriteFile(other + "/notes.txt", "mine");
  EXPECT_EQ(Database::Open(Options(), other).status().message(),
            other + " is a non-empty directory that is not a database");
}

class CheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteFile(dir_.Sub("in.nq"), kTinyNq);
    db_ = testing::OpenDb(dir_.Sub("db"));
    ASSERT_TRUE(db_);
    ASSERT_TRUE(db_->Import(dir_.Sub("in.nq"), {}, nullptr).ok());
    ASSERT_EQ(testing::CheckProblems(db_.get()), std::vector<std::string>{});
    auto view = testing::StoreOf(db_.get())->NewReadView();
    auto id = [&](graph::TermKind kind, const char* key) {
      auto r = view->FindTerm(kind, key);
      EXPECT_TRUE(r.ok() && r->has_value()) << key;
      return r.ok() && r->has_value() ? **r : graph::kNoTerm;
    };
    fact_ = {id(graph::TermKind::kEntity, "http://e/x"),
             id(graph::TermKind::kPredicate, "supports"),
             id(graph::TermKind::kEntity, "http://e/y")};
  }

  // Raw RocksDB access, below every invariant the store keeps.
  void RawDelete(graph::Cf cf, const std::string& key) {
    graph::Store* store = testing::StoreOf(db_.get());
    ASSERT_TRUE(store->db()->Delete(rocksdb::WriteOptions(), store->cf(cf), key).ok());
  }

  std::string Show(const graph::Triple& t) {
    return "(" + std::to_string(t.s) + ", " + std::to_string(t.p) + ", " + std::to_string(t.o) +
           ")";
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  graph::Triple fact_;
};

TEST_F(CheckTest, MissingPosEntryIsReported) {
  RawDelete(graph::Cf::kPos, graph::TripleKey(graph::IndexOrder::kPos, fact_));
  auto r = db_->Check();
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->ok());
  EXPECT_EQ(r->problems, std::vector<std::string>{"fact " + Show(fact_) + " has no pos entry"});
  EXPECT_EQ(r->facts, 2u);
  EXPECT_EQ(r->mentions, 3u);
}

TEST_F(CheckTest, MissingOspEntryAndMentionAreReported) {
  RawDelete(graph::Cf::kOsp, graph::TripleKey(graph::IndexOrder::kOsp, fact_));
  auto v = testing::StoreOf(db_.get())->NewReadView();
  std::vector<graph::Mention> ms;
  ASSERT_TRUE(v->GetMentions(fact_, &ms).ok());
  ASSERT_EQ(ms.size(), 2u);
  RawDelete(graph::Cf::kMentions, graph::MentionKey(fact_, ms[1].article, ms[1].sentence));
  std::string a = std::to_string(ms[1].article);
  EXPECT_EQ(
      testing::CheckProblems(db_.get()),
      (std::vector<std::string>{
          "fact " + Show(fact_) + " has no osp entry",
          "fact " + Show(fact_) + " summary says 2 mentions in 2 articles; the store holds 1 in 1",
          "article_facts entry " + a + " " + Show(fact_) + " has no mention in that article",
          "counter mentions is 3; the store holds 2",
      }));
}

TEST_F(CheckTest, StraySpoEntryIsReported) {
  graph::Triple stray{fact_.o, fact_.p, fact_.s};
  graph::Store* store = testing::StoreOf(db_.get());
  ASSERT_TRUE(store->db()
                  ->Put(rocksdb::WriteOptions(), store->cf(graph::Cf::kOsp),
                        graph::TripleKey(graph::IndexOrder::kOsp, stray), "")
                  .ok());
  EXPECT_EQ(testing::CheckProblems(db_.get()),
            std::vector<std::string>{"osp entry " + Show(stray) + " has no spo entry"});
}

}  // namespace
}  // namespace newsgraph
