// Snapshot isolation: a ReadView sees the store as it was when it was made.
#include <gtest/gtest.h>

#include "graph/store/forget.h"
#include "tests/unit/graph/store_test_util.h"
#include "tests/util/temp_dir.h"

namespace newsgraph::graph {
namespace {

using newsgraph::testing::TempDir;

class SnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::Open(Options(), dir_.Sub("db"));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    first_ = Add("A", "x", "supports", "y");
  }

  // Adds one mention in a new article; returns the fact.
  Triple Add(const char* article, const char* s, const char* p, const char* o) {
    std::lock_guard<std::mutex> lock(store_->write_mutex());
    Batch b(store_.get());
    TermRecord es, eo;
    es.key = s;
    eo.key = o;
    Triple t{*b.Entity(es), *b.Predicate(p), *b.Entity(eo)};
    bool is_new;
    ArticleRecord a;
    a.key = article;
    a.day = 19500;
    b.AddMention(t, *b.Article(a, &is_new), 0, newsgraph::testing::ImportMention());
    EXPECT_TRUE(b.Commit().ok());
    return t;
  }

  static size_t Count(const ReadView& v, const Triple& pattern) {
    size_t n = 0;
    for (auto c = v.Scan(pattern); c->Valid(); c->Next()) ++n;
    return n;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  Triple first_;
};

TEST_F(SnapshotTest, ViewMadeBeforeAWriteDoesNotSeeIt) {
  auto before = store_->NewReadView();
  Triple second = Add("B", "x", "supports", "z");
  Add("C", "x", "supports", "y");  // a second mention of the first fact
  auto after = store_->NewReadView();

  EXPECT_EQ(Count(*before, {first_.s, kNoTerm, kNoTerm}), 1u);
  EXPECT_EQ(Count(*after, {first_.s, kNoTerm, kNoTerm}), 2u);
  EXPECT_EQ(Count(*before, {kNoTerm, kNoTerm, second.o}), 0u);
  EXPECT_EQ(Count(*after, {kNoTerm, kNoTerm, second.o}), 1u);

  auto old_fact = before->GetFact(second);
  ASSERT_TRUE(old_fact.ok());
  EXPECT_FALSE(old_fact->has_value());
  auto new_fact = after->GetFact(second);
  ASSERT_TRUE(new_fact.ok());
  EXPECT_TRUE(new_fact->has_value());

  EXPECT_EQ((**before->GetFact(first_)).mentions, 1u);
  EXPECT_EQ((**after->GetFact(first_)).mentions, 2u);
  EXPECT_EQ(before->GetCounters().articles, 1u);
  EXPECT_EQ(after->GetCounters().articles, 3u);
  EXPECT_FALSE(before->GetTerm(second.o).ok()) << "a term created later is invisible";
  auto b_before = before->FindArticle("B");
  ASSERT_TRUE(b_before.ok());
  EXPECT_FALSE(b_before->has_value());
  EXPECT_TRUE(after->FindArticle("B")->has_value());

  // The old view stays consistent on its own.
  CheckReport report;
  ASSERT_TRUE(CheckStore(*before, &report).ok());
  EXPECT_EQ(report.problems, std::vector<std::string>{});
  EXPECT_EQ(report.facts, 1u);
}

TEST_F(SnapshotTest, ViewMadeBeforeForgettingStillSeesTheArticle) {
  auto before = store_->NewReadView();
  {
    std::lock_guard<std::mutex> lock(store_->write_mutex());
    ASSERT_TRUE(ForgetArticle(store_.get(), "A").ok());
  }
  auto after = store_->NewReadView();
  EXPECT_EQ(Count(*before, {}), 1u);
  EXPECT_EQ(Count(*after, {}), 0u);
  std::vector<Mention> mentions;
  ASSERT_TRUE(before->GetMentions(first_, &mentions).ok());
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(before->GetArticle(mentions[0].article)->key, "A");
  EXPECT_TRUE(after->GetArticle(mentions[0].article).status().IsNotFound());
}

}  // namespace
}  // namespace newsgraph::graph
