// article_facts values count a fact's mentions in the article (schema 2):
// kept right by every writer (batches, repair, the upgrade of a version-1
// store) and checked by `check`.
#include <rocksdb/db.h>

#include <gtest/gtest.h>

#include "graph/store/batch.h"
#include "graph/store/coding.h"
#include "graph/store/key_codec.h"
#include "graph/store/read_view.h"
#include "graph/store/repair.h"
#include "tests/unit/graph/store_test_util.h"
#include "tests/util/temp_dir.h"

namespace newsgraph::graph {
namespace {

using newsgraph::testing::TempDir;

class ArticleFactsTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(Options()); }

  void Reopen(const Options& o) {
    store_.reset();
    auto s = Store::Open(o, dir_.Sub("db"));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }

  // Adds mentions of (x supports y) in article `key` at the given sentences.
  void Add(const char* key, std::initializer_list<uint32_t> sentences) {
    std::lock_guard<std::mutex> lock(store_->write_mutex());
    Batch b(store_.get());
    TermRecord e;
    e.kind = TermKind::kEntity;
    e.key = "x";
    TermId x = *b.Entity(e);
    e.key = "y";
    TermId y = *b.Entity(e);
    fact_ = {x, *b.Predicate("supports"), y};
    bool is_new;
    ArticleId a = *b.Article({key, "", kNoDay, "", "", "", ""}, &is_new);
    for (uint32_t s : sentences) b.AddMention(fact_, a, s, newsgraph::testing::ImportMention());
    auto r = b.Commit();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }

  uint64_t Count(const char* key) {
    auto view = store_->NewReadView();
    auto a = view->FindArticle(key);
    EXPECT_TRUE(a.ok() && a->has_value());
    std::vector<std::pair<Triple, uint64_t>> facts;
    EXPECT_TRUE(view->ArticleFacts(**a, &facts).ok());
    EXPECT_EQ(facts.size(), 1u);
    return facts.empty() ? 0 : facts[0].second;
  }

  std::string Raw(const char* key) {
    auto a = *store_->NewReadView()->FindArticle(key);
    std::string v;
    auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(Cf::kArticleFacts), ArticleFactKey(*a, fact_), &v);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return v;
  }

  std::vector<std::string> Problems() { return newsgraph::testing::CheckProblems(*store_); }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  Triple fact_{};
};

TEST_F(ArticleFactsTest, CountsMentionsAcrossBatches) {
  Add("A", {0, 1});
  Add("B", {4});
  EXPECT_EQ(Count("A"), 2u);
  EXPECT_EQ(Count("B"), 1u);
  EXPECT_EQ(Raw("B"), "") << "a single mention costs no value byte";
  Add("A", {1, 7});  // sentence 1 is already stored: only 7 is new
  EXPECT_EQ(Count("A"), 3u);
  EXPECT_TRUE(Problems().empty());
}

TEST_F(ArticleFactsTest, CheckReportsAWrongCountAndRepairFixesIt) {
  Add("A", {0, 1, 2});
  ASSERT_TRUE(store_->db()
                  ->Put(rocksdb::WriteOptions(), store_->cf(Cf::kArticleFacts),
                        ArticleFactKey(*(*store_->NewReadView()->FindArticle("A")), fact_), EncodeArticleFactCount(2))
                  .ok());
  auto problems = Problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("counts 2 mentions; the article has 3"), std::string::npos) << problems[0];
  {
    std::lock_guard<std::mutex> lock(store_->write_mutex());
    ASSERT_TRUE(RepairStore(store_.get()).ok());
  }
  EXPECT_EQ(Count("A"), 3u);
  EXPECT_TRUE(Problems().empty());
}

TEST_F(ArticleFactsTest, VersionOneStoreIsReadAsItIsAndUpgradedByAWriter) {
  Add("A", {0, 1, 2});
  Add("B", {0});
  // What a version-1 store holds: empty values and schema version 1.
  std::string one;
  PutVarint(&one, 1);
  auto a = *(*store_->NewReadView()->FindArticle("A"));
  ASSERT_TRUE(store_->db()->Put(rocksdb::WriteOptions(), store_->cf(Cf::kArticleFacts), ArticleFactKey(a, fact_), "").ok());
  ASSERT_TRUE(store_->db()->Put(rocksdb::WriteOptions(), store_->cf(Cf::kMeta), meta::kSchemaVersion, one).ok());

  Options ro;
  ro.read_only = true;
  Reopen(ro);
  EXPECT_FALSE(store_->article_fact_counts());
  EXPECT_EQ(Count("A"), 3u) << "counted from the mentions";
  EXPECT_TRUE(Problems().empty());

  Reopen(Options());
  EXPECT_TRUE(store_->article_fact_counts());
  EXPECT_EQ(Raw("A"), EncodeArticleFactCount(3));
  EXPECT_EQ(Raw("B"), "");
  std::string v;
  ASSERT_TRUE(store_->db()->Get(rocksdb::ReadOptions(), store_->cf(Cf::kMeta), meta::kSchemaVersion, &v).ok());
  std::string_view in = v;
  uint64_t version;
  ASSERT_TRUE(GetVarint(&in, &version));
  EXPECT_EQ(version, kSchemaVersion);
  EXPECT_TRUE(Problems().empty());
}

TEST(ArticleFactCount, Codec) {
  uint64_t n = 0;
  EXPECT_TRUE(DecodeArticleFactCount(EncodeArticleFactCount(1), &n));
  EXPECT_EQ(n, 1u);
  EXPECT_TRUE(DecodeArticleFactCount(EncodeArticleFactCount(300), &n));
  EXPECT_EQ(n, 300u);
  std::string bad;
  PutVarint(&bad, 1);  // one is written as an empty value, never as 1
  EXPECT_FALSE(DecodeArticleFactCount(bad, &n));
  EXPECT_FALSE(DecodeArticleFactCount("\xff", &n));
}

}  // namespace
}  // namespace newsgraph::graph
