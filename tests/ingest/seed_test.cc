// Every entity of the seed's gold file is found with the right type, and all
// the names the text uses for it resolve to one entity; the page splits into
// the two articles the gold file lists.
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "newsgraph/article.h"
#include "newsgraph/extract.h"
#include "text/fold.h"

namespace newsgraph {
namespace {

const std::string kData = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/ingest/data/";

TEST(ingestSeed, EveryGoldEntityIsFoundAndResolvedToOneEntity) {
  std::ifstream g(kData + "000_d979f099bde64959.gold.json");
  nlohmann::json gold = nlohmann::json::parse(g);
  std::vector<Article> articles;
  ReadStats stats;
  ASSERT_TRUE(ReadArticles({kData + "000_d979f099bde64959.txt"}, ReadOptions(),
                           [&](Article&& a) {
                             articles.push_back(std::move(a));
                             return Status::OK();
                           },
                           nullptr, &stats)
                  .ok());
  ASSERT_EQ(articles.size(), gold["articles"].size());
  for (size_t i = 0; i < articles.size(); ++i) {
    EXPECT_EQ(articles[i].title, gold["articles"][i]["title"]);
    EXPECT_EQ(articles[i].source, gold["articles"][i]["source"]);
    const auto& date = gold["articles"][i]["date"];
    EXPECT_EQ(articles[i].date, date.is_null() ? "" : date.get<std::string>());
  }
  auto ex = Extractor::Create(ExtractorOptions());
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  // folded mention text → keys and types it resolved to
  std::map<std::string, std::set<std::pair<std::string, std::string>>> seen;
  for (const auto& a : articles) {
    auto r = (*ex)->Extract(a);
    ASSERT_TRUE(r.ok());
    for (const auto& m : r->mentions) {
      if (m.rule == "demonym" || m.rule == "coref.anaphor") continue;
      seen[text::Fold(m.text)].insert({m.entity.key, m.entity.type});
    }
  }
  for (const auto& [id, e] : gold["entities"].items()) {
    std::set<std::pair<std::string, std::string>> found;
    for (const auto& n : e["names"]) {
      auto it = seen.find(text::Fold(n.get<std::string>()));
      if (it != seen.end()) found.insert(it->second.begin(), it->second.end());
    }
    SCOPED_TRACE(id);
    ASSERT_FALSE(found.empty()) << "no mention of " << id;
    std::set<std::string> keys;
    for (const auto& [key, type] : found) {
      keys.insert(key);
      EXPECT_EQ(type, e["type"].get<std::string>()) << key;
    }
    EXPECT_EQ(keys.size(), 1u) << id << " resolved to " << keys.size() << " entities";
  }
}

}  // namespace
}  // namespace newsgraph
