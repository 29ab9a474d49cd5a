// Read a folder of articles and find the entities they name.
//
//   ingest_folder FOLDER
//
// It uses the reader and the Extractor (article.h, extract.h). Storing what
// is found (Database::Ingest) is the next step of the API; until it lands
// this example prints the entities instead of writing them.
#include <iostream>
#include <map>

#include "newsgraph/article.h"
#include "newsgraph/extract.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: ingest_folder FOLDER\n";
    return 2;
  }
  auto extractor = newsgraph::Extractor::Create(newsgraph::ExtractorOptions{});
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return 1;
  }
  std::map<std::string, std::pair<std::string, int>> entities;  // key → (label, mentions)
  newsgraph::ReadStats stats;
  auto s = newsgraph::ReadArticles(
      {argv[1]}, newsgraph::ReadOptions{},
      [&](newsgraph::Article&& article) {
        auto r = (*extractor)->Extract(article);
        if (!r.ok()) return r.status();
        std::cout << article.date << "  " << article.title << "  (" << r->mentions.size() << " mentions)\n";
        for (const auto& m : r->mentions) {
          auto& e = entities[m.entity.key];
          e.first = m.entity.label;
          ++e.second;
        }
        return newsgraph::Status::OK();
      },
      [](const std::string& problem) { std::cerr << problem << "\n"; }, &stats);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  std::cout << stats.articles << " article(s) in " << stats.files << " file(s), " << entities.size()
            << " entities:\n";
  for (const auto& [key, e] : entities) std::cout << "  " << e.first << " [" << key << "] x" << e.second << "\n";
  return stats.articles > 0 ? 0 : 1;
}
