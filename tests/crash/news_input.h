// Generated news articles for the crash and full-disk tests, and what a
// store holds of them.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/database_impl.h"
#include "graph/store/read_view.h"
#include "newsgraph/article.h"
#include "newsgraph/database.h"

namespace newsgraph::testing {

using FactSet = std::set<std::string>;

// The body of the seed article: real Arabic news text the extractor finds
// facts in. Each generated article adds its number, so keys differ.
inline std::string SeedBody() {
  std::ifstream in(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/ingest/data/000_d979f099bde64959.txt");
  std::string line, body;
  for (int n = 0; std::getline(in, line); ++n) {
    if (n >= 2) body += line + "\n";  // past the title and date lines
  }
  return body;
}

inline void WriteNewsInput(const std::string& path, int articles) {
  const std::string body = SeedBody();
  std::ofstream out(path);
  for (int i = 0; i < articles; ++i) {
    nlohmann::json j;
    j["title"] = "نائب وزير الدفاع الروسي يصل إلى ليبيا " + std::to_string(i);
    j["content"] = body + "العدد " + std::to_string(i) + ".";
    j["date"] = "2023-08-" + std::to_string(10 + i % 20);
    out << j.dump() << "\n";
  }
}

inline std::vector<std::string> KeysInOrder(const std::string& input) {
  std::vector<std::string> keys;
  Status s = ReadArticles(
      {input}, ReadOptions(),
      [&](Article&& a) {
        keys.push_back(a.Key());
        return Status::OK();
      },
      [](const std::string&) {}, nullptr);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return keys;
}

inline std::string TermKey(const graph::ReadView& v, graph::TermId id) {
  auto t = v.GetTerm(id);
  return t.ok() ? t->key : "<missing>";
}

// Per article key, the facts the store holds for it; absent articles are absent.
inline std::map<std::string, FactSet> StoredFacts(Database* db, const std::vector<std::string>& keys) {
  std::map<std::string, FactSet> out;
  auto view = db->impl()->store->NewReadView();
  for (const std::string& key : keys) {
    auto id = view->FindArticle(key);
    EXPECT_TRUE(id.ok());
    if (!id.ok() || !id->has_value()) continue;
    std::vector<std::pair<graph::Triple, uint64_t>> stored;
    EXPECT_TRUE(view->ArticleFacts(**id, &stored).ok());
    FactSet& f = out[key];
    for (const auto& [t, n] : stored) {
      f.insert(TermKey(*view, t.s) + " " + TermKey(*view, t.p) + " " + TermKey(*view, t.o));
    }
  }
  return out;
}

}  // namespace newsgraph::testing
