// The dictionary: one id per term key, stable across batches and reopening;
// descriptions of an entity merge rather than replace.
#include <gtest/gtest.h>

#include "tests/unit/graph/store_test_util.h"
#include "tests/util/temp_dir.h"
#include "text/fold.h"

namespace newsgraph::graph {
namespace {

using newsgraph::testing::TempDir;

std::unique_ptr<Store> OpenStore(const std::string& path) {
  auto s = Store::Open(Options(), path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

TermRecord Entity(std::string key, std::string type = "",
                  std::map<std::string, std::string> labels = {},
                  std::map<std::string, std::vector<std::string>> aliases = {}) {
  TermRecord t;
  t.kind = TermKind::kEntity;
  t.key = std::move(key);
  t.type = std::move(type);
  t.labels = std::move(labels);
  t.aliases = std::move(aliases);
  return t;
}

class DictionaryTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string path_ = dir_.Sub("db");
};

TEST_F(DictionaryTest, SameKeySameIdWithinAcrossBatchesAndReopen) {
  TermId haftar, supports, minister_en, minister_ar, count, date;
  {
    auto store = OpenStore(path_);
    std::lock_guard<std::mutex> lock(store->write_mutex());
    Batch b(store.get());
    haftar = *b.Entity(Entity("khalifa-haftar"));
    supports = *b.Predicate("supports");
    minister_en = *b.Literal(TermKind::kString, "Minister", "en");
    minister_ar = *b.Literal(TermKind::kString, "Minister", "ar");
    count = *b.Literal(TermKind::kInteger, "36");
    date = *b.Literal(TermKind::kDate, "2023-08-22");
    EXPECT_EQ(*b.Entity(Entity("khalifa-haftar")), haftar);
    EXPECT_EQ(*b.Predicate("supports"), supports);
    EXPECT_EQ(*b.Literal(TermKind::kString, "Minister", "en"), minister_en);
    // Kind and language are part of the key.
    std::set<TermId> ids = {haftar,
                            supports,
                            minister_en,
                            minister_ar,
                            count,
                            date,
                            *b.Literal(TermKind::kString, "36"),
                            *b.Entity(Entity("supports"))};
    EXPECT_EQ(ids.size(), 8u);
    // Ids are handed out densely from 1.
    EXPECT_EQ(haftar, 1u);
    EXPECT_EQ(supports, 2u);
    ASSERT_TRUE(b.Commit().ok());

    Batch b2(store.get());
    EXPECT_EQ(*b2.Entity(Entity("khalifa-haftar")), haftar);
    EXPECT_EQ(*b2.Predicate("supports"), supports);
    EXPECT_EQ(*b2.Literal(TermKind::kInteger, "36"), count);
    EXPECT_EQ(*b2.Entity(Entity("russia")), 9u);
    ASSERT_TRUE(b2.Commit().ok());
  }
  auto store = OpenStore(path_);
  std::lock_guard<std::mutex> lock(store->write_mutex());
  Batch b(store.get());
  EXPECT_EQ(*b.Entity(Entity("khalifa-haftar")), haftar);
  EXPECT_EQ(*b.Predicate("supports"), supports);
  EXPECT_EQ(*b.Literal(TermKind::kString, "Minister", "ar"), minister_ar);
  EXPECT_EQ(*b.Literal(TermKind::kDate, "2023-08-22"), date);
  EXPECT_EQ(*b.Entity(Entity("russia")), 9u);
  EXPECT_EQ(*b.Entity(Entity("wagner-group")), 10u) << "the id counter survives reopening";
  ASSERT_TRUE(b.Commit().ok());

  auto view = store->NewReadView();
  auto found = view->FindTerm(TermKind::kString, "Minister", "ar");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(**found, minister_ar);
  auto none = view->FindTerm(TermKind::kString, "Minister", "fr");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_EQ(view->GetCounters().entities, 4u);  // khalifa-haftar, supports (entity), russia, wagner
  EXPECT_TRUE(view->GetTerm(99).status().IsNotFound());
}

TEST_F(DictionaryTest, DescriptionsMergeAcrossBatchesAndReopen) {
  TermId id;
  {
    auto store = OpenStore(path_);
    std::lock_guard<std::mutex> lock(store->write_mutex());
    Batch b(store.get());
    id = *b.Entity(Entity("khalifa-haftar", "Other", {{"en", "Haftar"}}));
    ASSERT_TRUE(b.Commit().ok());
    Batch b2(store.get());
    EXPECT_EQ(*b2.Entity(Entity("khalifa-haftar", "Person",
                                {{"en", "Khalifa Haftar"}, {"ar", "خليفة حفتر"}},
                                {{"en", {"Field Marshal Haftar"}}})),
              id);
    ASSERT_TRUE(b2.Commit().ok());
  }
  auto store = OpenStore(path_);
  {
    std::lock_guard<std::mutex> lock(store->write_mutex());
    Batch b(store.get());
    // A later, different type does not replace a specific one; known names
    // add nothing; a new alias is added once.
    EXPECT_EQ(*b.Entity(Entity("khalifa-haftar", "Organization", {{"en", "Haftar"}},
                               {{"en", {"Field Marshal Haftar"}}, {"ar", {"حفتر"}}})),
              id);
    EXPECT_EQ(*b.Entity(Entity("khalifa-haftar", "", {}, {{"ar", {"حفتر"}}})), id);
    ASSERT_TRUE(b.Commit().ok());
  }
  auto view = store->NewReadView();
  auto t = view->GetTerm(id);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->type, "Person");
  const std::map<std::string, std::string> labels = {{"en", "Haftar"}, {"ar", "خليفة حفتر"}};
  EXPECT_EQ(t->labels, labels);
  const std::map<std::string, std::vector<std::string>> aliases = {
      {"en", {"Khalifa Haftar", "Field Marshal Haftar"}}, {"ar", {"حفتر"}}};
  EXPECT_EQ(t->aliases, aliases);

  // Every name finds the entity through the alias index, folded.
  for (const char* name :
       {"Haftar", "KHALIFA HAFTAR", "field marshal haftar", "حفتر", "خليفة حفتر"}) {
    std::vector<TermId> ids;
    ASSERT_TRUE(view->FindAlias(text::Fold(name), &ids).ok());
    EXPECT_EQ(ids, std::vector<TermId>{id}) << name;
  }
  std::vector<TermId> ids;
  ASSERT_TRUE(view->FindAlias(text::Fold("Haft"), &ids).ok());
  EXPECT_TRUE(ids.empty());
  std::vector<std::pair<std::string, TermId>> completions;
  ASSERT_TRUE(view->FindAliasPrefix(text::Fold("haf"), 10, &completions).ok());
  ASSERT_EQ(completions.size(), 1u);
  EXPECT_EQ(completions[0], std::make_pair(std::string("haftar"), id));
  EXPECT_EQ(view->GetCounters().entities, 1u);
  CheckReport report;
  ASSERT_TRUE(CheckStore(*view, &report).ok());
  EXPECT_EQ(report.problems, std::vector<std::string>{});
}

TEST_F(DictionaryTest, ArticlesAreInternedByKey) {
  auto store = OpenStore(path_);
  std::lock_guard<std::mutex> lock(store->write_mutex());
  ArticleId a;
  {
    Batch b(store.get());
    bool is_new = false;
    a = *b.Article({"a/1", "First", *ParseIsoDate("2023-01-02"), "", "", "en", ""}, &is_new);
    EXPECT_TRUE(is_new);
    EXPECT_EQ(*b.Article({"a/1", "", kNoDay, "", "", "", ""}, &is_new), a);
    EXPECT_TRUE(is_new) << "created by this batch";
    ASSERT_TRUE(b.Commit().ok());
  }
  Batch b(store.get());
  bool is_new = true;
  EXPECT_EQ(*b.Article({"a/1", "Other title", kNoDay, "", "", "", ""}, &is_new), a);
  EXPECT_FALSE(is_new);
  ArticleId second = *b.Article({"a/2", "", kNoDay, "", "", "", ""}, &is_new);
  EXPECT_NE(second, a);
  ASSERT_TRUE(b.Commit().ok());
  auto view = store->NewReadView();
  auto rec = view->GetArticle(a);
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->title, "First") << "an existing article's record is left as it is";
  std::vector<ArticleId> dated;
  ASSERT_TRUE(
      view->ArticlesBetween(*ParseIsoDate("2023-01-01"), *ParseIsoDate("2023-01-31"), &dated).ok());
  EXPECT_EQ(dated, std::vector<ArticleId>{a});
  EXPECT_EQ(view->GetCounters().articles, 2u);
}

}  // namespace
}  // namespace newsgraph::graph
