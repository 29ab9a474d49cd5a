// Caches shared by the queries of one Database: parsed statements, the
// planner's catalog, entity records and graph snapshots for algorithms. Entries are valid for one store
// version (writes bump it), so a cache never serves what a snapshot would
// not see... with one exception: a term record may be newer than an old
// snapshot (merged names), which only changes how a node is displayed.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/model/fact.h"
#include "graph/model/term.h"
#include "query/ast/statement.h"

namespace newsgraph::graph::algo {
class Snapshot;
}

namespace newsgraph::query {

class Catalog;

class EngineCache {
 public:
  // Parsed statements, least recently used dropped first.
  std::shared_ptr<const Statement> FindStatement(const std::string& text);
  void AddStatement(const std::string& text, std::shared_ptr<const Statement> st);

  // The catalog for store `version`, or null.
  std::shared_ptr<const Catalog> FindCatalog(uint64_t version);
  void SetCatalog(uint64_t version, std::shared_ptr<const Catalog> c);

  std::shared_ptr<const graph::TermRecord> FindTerm(uint64_t version, graph::TermId id);
  void AddTerm(uint64_t version, graph::TermId id, std::shared_ptr<const graph::TermRecord> t);

  // Article records without their text (they are read per mention row).
  std::shared_ptr<const graph::ArticleRecord> FindArticle(uint64_t version, graph::ArticleId id);
  void AddArticle(uint64_t version, graph::ArticleId id, std::shared_ptr<const graph::ArticleRecord> a);

  // Graph snapshots for store `version`, by filter key (SnapshotFilter::Key),
  // or null. A few are kept, least recently used dropped first; a write
  // drops them all. Snapshots of an older version than the cache holds are
  // not kept.
  std::shared_ptr<const graph::algo::Snapshot> FindSnapshot(uint64_t version, const std::string& key);
  void AddSnapshot(uint64_t version, const std::string& key, std::shared_ptr<const graph::algo::Snapshot> s);

  // Per-term numbers computed from a whole scan of the store (degrees), by
  // a key naming the computation, for store `version`; null when absent.
  // Like snapshots, a few are kept and a write drops them all.
  std::shared_ptr<const std::vector<double>> FindScores(uint64_t version, const std::string& key);
  void AddScores(uint64_t version, const std::string& key, std::shared_ptr<const std::vector<double>> v);

 private:
  void Reset(uint64_t version);  // REQUIRES: mu_ held

  std::mutex mu_;
  uint64_t version_ = UINT64_MAX;
  std::shared_ptr<const Catalog> catalog_;
  std::unordered_map<graph::TermId, std::shared_ptr<const graph::TermRecord>> terms_;
  std::unordered_map<graph::ArticleId, std::shared_ptr<const graph::ArticleRecord>> articles_;
  std::list<std::pair<std::string, std::shared_ptr<const graph::algo::Snapshot>>> snapshots_;  // most recent first
  std::list<std::pair<std::string, std::shared_ptr<const std::vector<double>>>> scores_;         // most recent first

  std::list<std::pair<std::string, std::shared_ptr<const Statement>>> lru_;
  std::unordered_map<std::string, decltype(lru_)::iterator> statements_;
};

}  // namespace newsgraph::query
