// Each index order against a brute-force model: for every combination of
// bound positions, Scan returns exactly the matching facts, in the order of
// the index that ChooseIndex picks.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "tests/unit/graph/store_test_util.h"
#include "tests/util/temp_dir.h"

namespace newsgraph::graph {
namespace {

using newsgraph::testing::TempDir;

std::tuple<TermId, TermId, TermId> InOrder(IndexOrder order, const Triple& t) {
  switch (order) {
    case IndexOrder::kSpo:
      return {t.s, t.p, t.o};
    case IndexOrder::kPos:
      return {t.p, t.o, t.s};
    case IndexOrder::kOsp:
      return {t.o, t.s, t.p};
  }
  return {};
}

class IndexScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::Open(Options(), dir_.Sub("db"));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    // 300 entities push ids past 255, so keys mix 1- and 2-byte ids and the
    // byte-length boundary sits inside every index.
    std::lock_guard<std::mutex> lock(store_->write_mutex());
    std::mt19937 rng(20240229);
    {
      Batch b(store_.get());
      for (const char* p : {"supports", "visited", "met_with", "leads"}) {
        preds_.push_back(*b.Predicate(p));
      }
      for (int i = 0; i < 300; ++i) {
        TermRecord e;
        e.kind = TermKind::kEntity;
        e.key = "e" + std::to_string(i);
        ents_.push_back(*b.Entity(e));
      }
      ASSERT_TRUE(b.Commit().ok());
    }
    // Ten articles of 60 random mentions each; hubs make repeated subjects and
    // objects, re-mentions make facts with several articles.
    for (int a = 0; a < 10; ++a) {
      Batch b(store_.get());
      bool is_new;
      ArticleRecord rec;
      rec.key = "article-" + std::to_string(a);
      rec.day = 19000 + a;
      ArticleId aid = *b.Article(rec, &is_new);
      for (int i = 0; i < 60; ++i) {
        auto pick = [&] { return ents_[rng() % 4 == 0 ? rng() % 5 : rng() % ents_.size()]; };
        Triple t{pick(), preds_[rng() % preds_.size()], pick()};
        model_.insert(t);
        b.AddMention(t, aid, i, newsgraph::testing::ImportMention());
      }
      ASSERT_TRUE(b.Commit().ok());
    }
    ASSERT_GT(model_.size(), 500u);
  }

  std::vector<Triple> Expected(const Triple& pattern, IndexOrder order) const {
    std::vector<Triple> out;
    for (const Triple& t : model_) {
      if ((!pattern.s || pattern.s == t.s) && (!pattern.p || pattern.p == t.p) &&
          (!pattern.o || pattern.o == t.o)) {
        out.push_back(t);
      }
    }
    std::sort(out.begin(), out.end(), [order](const Triple& a, const Triple& b) {
      return InOrder(order, a) < InOrder(order, b);
    });
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<TermId> preds_, ents_;
  std::set<Triple> model_;
};

TEST_F(IndexScanTest, EveryBoundCombinationMatchesTheModel) {
  auto view = store_->NewReadView();
  std::mt19937 rng(7);
  std::vector<Triple> facts(model_.begin(), model_.end());
  size_t nonempty = 0;
  for (int mask = 0; mask < 8; ++mask) {
    const bool sb = mask & 1, pb = mask & 2, ob = mask & 4;
    const IndexOrder order = ChooseIndex(sb, pb, ob);
    for (int trial = 0; trial < 60; ++trial) {
      // Mostly positions taken from a stored fact (matches exist), sometimes
      // ids that name no fact in that position.
      Triple base = facts[rng() % facts.size()];
      if (trial % 5 == 4)
        base = {ents_[rng() % ents_.size()], preds_[rng() % 4], ents_[rng() % ents_.size()]};
      Triple pattern{sb ? base.s : kNoTerm, pb ? base.p : kNoTerm, ob ? base.o : kNoTerm};
      std::vector<Triple> got;
      auto c = view->Scan(pattern);
      EXPECT_EQ(c->order(), order);
      for (; c->Valid(); c->Next()) got.push_back(c->triple());
      ASSERT_TRUE(c->status().ok()) << c->status().ToString();
      auto want = Expected(pattern, order);
      EXPECT_EQ(got, want) << "mask " << mask << " pattern (" << pattern.s << ", " << pattern.p
                           << ", " << pattern.o << ")";
      nonempty += !want.empty();
    }
  }
  EXPECT_GT(nonempty, 350u) << "too few patterns had matches to mean much";
}

TEST_F(IndexScanTest, AllThreeIndexesHoldTheSameFacts) {
  auto view = store_->NewReadView();
  for (auto [cf, order] :
       {std::pair{Cf::kSpo, IndexOrder::kSpo}, std::pair{Cf::kPos, IndexOrder::kPos},
        std::pair{Cf::kOsp, IndexOrder::kOsp}}) {
    std::set<Triple> got;
    auto c = view->Cursor(cf);
    for (; c->Valid(); c->Next()) {
      Triple t;
      ASSERT_TRUE(DecodeTripleKey(order, c->key(), &t));
      got.insert(t);
    }
    EXPECT_EQ(got, model_) << CfName(cf);
  }
  EXPECT_EQ(view->GetCounters().facts, model_.size());
  CheckReport report;
  ASSERT_TRUE(CheckStore(*view, &report).ok());
  EXPECT_EQ(report.problems, std::vector<std::string>{});
}

TEST_F(IndexScanTest, PredicateStatisticsMatchTheModel) {
  auto view = store_->NewReadView();
  for (TermId p : preds_) {
    std::set<TermId> subjects, objects;
    uint64_t facts = 0;
    for (const Triple& t : model_) {
      if (t.p != p) continue;
      ++facts;
      subjects.insert(t.s);
      objects.insert(t.o);
    }
    auto ps = view->GetPredicateStats(p);
    ASSERT_TRUE(ps.ok());
    EXPECT_EQ(ps->facts, facts);
    EXPECT_EQ(ps->subjects, subjects.size());
    EXPECT_EQ(ps->objects, objects.size());
  }
}

}  // namespace
}  // namespace newsgraph::graph
