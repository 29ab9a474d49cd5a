// Forgetting an article: its mentions go; facts only it states leave all three
// indexes; facts stated elsewhere stay with lower counts and a date range
// recomputed from the mentions left.
#include "graph/store/forget.h"

#include <gtest/gtest.h>

#include "tests/unit/graph/store_test_util.h"
#include "tests/util/temp_dir.h"

namespace newsgraph::graph {
namespace {

using newsgraph::testing::FactInfo;
using newsgraph::testing::TempDir;

int32_t Day(const char* iso) { return *ParseIsoDate(iso); }

class ForgetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::Open(Options(), dir_.Sub("db"));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    std::lock_guard<std::mutex> lock(store_->write_mutex());
    Batch b(store_.get());
    auto ent = [&](const char* key) {
      TermRecord e;
      e.kind = TermKind::kEntity;
      e.key = key;
      return *b.Entity(e);
    };
    x_ = ent("x"), y_ = ent("y"), z_ = ent("z"), w_ = ent("w");
    supports_ = *b.Predicate("supports");
    visited_ = *b.Predicate("visited");
    bool is_new;
    ArticleId a = *b.Article({"A", "", Day("2023-01-01"), "", "", "", ""}, &is_new);
    ArticleId bb = *b.Article({"B", "", Day("2023-03-01"), "", "", "", ""}, &is_new);
    ArticleId c = *b.Article({"C", "", Day("2023-02-01"), "", "", "", ""}, &is_new);
    ArticleId d = *b.Article({"D", "", Day("2023-06-01"), "", "", "", ""}, &is_new);
    MentionRecord m = newsgraph::testing::ImportMention();
    // f1: only A.
    b.AddMention({x_, supports_, y_}, a, 0, m);
    // f2: A, B and C; A is the earliest.
    b.AddMention({x_, visited_, z_}, a, 1, m);
    b.AddMention({x_, visited_, z_}, bb, 0, m);
    b.AddMention({x_, visited_, z_}, c, 0, m);
    // f3: twice in A, once in B.
    b.AddMention({y_, supports_, z_}, a, 2, m);
    b.AddMention({y_, supports_, z_}, a, 3, m);
    b.AddMention({y_, supports_, z_}, bb, 1, m);
    // f4: only B.
    b.AddMention({w_, visited_, z_}, bb, 2, m);
    // f5: D reports an event dated before every other mention of the fact,
    // so the fact's range starts at D's event date, not at D's own date.
    MentionRecord dated = m;
    dated.day = Day("2022-12-01");
    b.AddMention({w_, supports_, x_}, d, 0, dated);
    b.AddMention({w_, supports_, x_}, c, 1, m);
    b.AddMention({w_, supports_, x_}, bb, 3, m);
    ASSERT_TRUE(b.Commit().ok());
  }

  Result<ForgetResult> Forget(std::string_view key) {
    std::lock_guard<std::mutex> lock(store_->write_mutex());
    return ForgetArticle(store_.get(), key);
  }

  std::vector<Triple> ScanAll(const Triple& pattern) {
    auto view = store_->NewReadView();
    std::vector<Triple> out;
    for (auto c = view->Scan(pattern); c->Valid(); c->Next()) out.push_back(c->triple());
    return out;
  }

  std::vector<std::string> Problems() { return newsgraph::testing::CheckProblems(*store_); }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  TermId x_, y_, z_, w_, supports_, visited_;
};

TEST_F(ForgetTest, BeforeForgetting) {
  const std::map<std::string, FactInfo> want = {
      {"entity::w | predicate::supports | entity::x", {3, 3, "2022-12-01", "2023-03-01"}},
      {"entity::w | predicate::visited | entity::z", {1, 1, "2023-03-01", "2023-03-01"}},
      {"entity::x | predicate::supports | entity::y", {1, 1, "2023-01-01", "2023-01-01"}},
      {"entity::x | predicate::visited | entity::z", {3, 3, "2023-01-01", "2023-03-01"}},
      {"entity::y | predicate::supports | entity::z", {3, 2, "2023-01-01", "2023-03-01"}},
  };
  EXPECT_EQ(newsgraph::testing::Facts(*store_->NewReadView()), want);
  EXPECT_EQ(Problems(), std::vector<std::string>{});
}

TEST_F(ForgetTest, ForgetRemovesOnlyWhatNoOtherArticleStates) {
  auto r = Forget("A");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->mentions_removed, 4u);  // f1 once, f2 once, f3 twice
  EXPECT_EQ(r->facts_removed, 1u);     // f1

  const std::map<std::string, FactInfo> want = {
      {"entity::w | predicate::supports | entity::x", {3, 3, "2022-12-01", "2023-03-01"}},
      {"entity::w | predicate::visited | entity::z", {1, 1, "2023-03-01", "2023-03-01"}},
      {"entity::x | predicate::visited | entity::z", {2, 2, "2023-02-01", "2023-03-01"}},
      {"entity::y | predicate::supports | entity::z", {1, 1, "2023-03-01", "2023-03-01"}},
  };
  auto view = store_->NewReadView();
  EXPECT_EQ(newsgraph::testing::Facts(*view), want);
  // f1 is gone from every index, not only from spo.
  EXPECT_EQ(ScanAll({x_, supports_, kNoTerm}), std::vector<Triple>{});
  EXPECT_EQ(ScanAll({kNoTerm, supports_, y_}), std::vector<Triple>{});
  EXPECT_EQ(ScanAll({kNoTerm, kNoTerm, y_}), std::vector<Triple>{});
  EXPECT_EQ(ScanAll({x_, kNoTerm, y_}), std::vector<Triple>{});
  EXPECT_EQ(ScanAll({kNoTerm, supports_, kNoTerm}),
            (std::vector<Triple>{{w_, supports_, x_}, {y_, supports_, z_}}));

  auto found = view->FindArticle("A");
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
  std::vector<ArticleId> dated;
  ASSERT_TRUE(view->ArticlesBetween(Day("2023-01-01"), Day("2023-01-01"), &dated).ok());
  EXPECT_EQ(dated, std::vector<ArticleId>{});

  Counters c = view->GetCounters();
  EXPECT_EQ(c.facts, 4u);
  EXPECT_EQ(c.mentions, 7u);
  EXPECT_EQ(c.articles, 3u);
  EXPECT_EQ(c.entities, 4u) << "entities stay in the dictionary";
  auto sup = view->GetPredicateStats(supports_);
  ASSERT_TRUE(sup.ok());
  EXPECT_EQ(sup->facts, 2u);     // w→x, y→z
  EXPECT_EQ(sup->mentions, 4u);  // 3 + 1
  EXPECT_EQ(sup->subjects, 2u);  // w, y
  EXPECT_EQ(sup->objects, 2u);   // x, z
  auto vis = view->GetPredicateStats(visited_);
  ASSERT_TRUE(vis.ok());
  EXPECT_EQ(vis->facts, 2u);
  EXPECT_EQ(vis->mentions, 3u);
  EXPECT_EQ(vis->subjects, 2u);
  EXPECT_EQ(vis->objects, 1u);
  EXPECT_EQ(Problems(), std::vector<std::string>{});
}

TEST_F(ForgetTest, EventDatesOfForgottenMentionsAreRecomputed) {
  // D's mention carries the event date that starts f5's range; D's own date
  // (2023-06-01) is not an end of the range.
  auto r = Forget("D");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->mentions_removed, 1u);
  EXPECT_EQ(r->facts_removed, 0u);
  auto facts = newsgraph::testing::Facts(*store_->NewReadView());
  EXPECT_EQ(facts["entity::w | predicate::supports | entity::x"],
            (FactInfo{2, 2, "2023-02-01", "2023-03-01"}));
  EXPECT_EQ(Problems(), std::vector<std::string>{});
}

TEST_F(ForgetTest, ForgettingEverythingLeavesAConsistentEmptyGraph) {
  for (const char* key : {"B", "A", "D", "C"}) {
    auto r = Forget(key);
    ASSERT_TRUE(r.ok()) << key << ": " << r.status().ToString();
    EXPECT_EQ(Problems(), std::vector<std::string>{}) << "after forgetting " << key;
  }
  auto view = store_->NewReadView();
  EXPECT_EQ(newsgraph::testing::Facts(*view).size(), 0u);
  Counters c = view->GetCounters();
  EXPECT_EQ(c.facts, 0u);
  EXPECT_EQ(c.mentions, 0u);
  EXPECT_EQ(c.articles, 0u);
  for (TermId p : {supports_, visited_}) {
    auto ps = view->GetPredicateStats(p);
    ASSERT_TRUE(ps.ok());
    EXPECT_EQ(ps->facts, 0u);
    EXPECT_EQ(ps->mentions, 0u);
    EXPECT_EQ(ps->subjects, 0u);
    EXPECT_EQ(ps->objects, 0u);
  }
  for (Cf cf : {Cf::kSpo, Cf::kPos, Cf::kOsp, Cf::kMentions, Cf::kArticleFacts, Cf::kByDate,
                Cf::kArticles}) {
    EXPECT_FALSE(view->Cursor(cf)->Valid()) << CfName(cf) << " is not empty";
  }
}

TEST_F(ForgetTest, UnknownArticleIsNotFound) {
  auto r = Forget("nope");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsNotFound());
  EXPECT_EQ(r.status().message(), "no article \"nope\"");
  auto twice = Forget("A");
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(Forget("A").status().message(), "no article \"A\"");
}

TEST_F(ForgetTest, ThroughThePublicApi) {
  store_.reset();
  auto db = newsgraph::testing::OpenDb(dir_.Sub("db"));
  ASSERT_TRUE(db);
  auto r = db->Forget("A");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->mentions_removed, 4u);
  EXPECT_EQ(r->facts_removed, 1u);
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts, 4u);
  EXPECT_EQ(stats->mentions, 7u);
  EXPECT_EQ(stats->articles, 3u);
  ASSERT_EQ(stats->predicates.size(), 2u);
  EXPECT_EQ(stats->predicates[0].name, "supports");
  EXPECT_EQ(stats->predicates[0].mentions, 4u);
  EXPECT_EQ(stats->predicates[1].name, "visited");
  EXPECT_EQ(newsgraph::testing::CheckProblems(db.get()), std::vector<std::string>{});
}

}  // namespace
}  // namespace newsgraph::graph
