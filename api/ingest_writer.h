// The writing half of Database::Ingest: extracted articles in, graph::Batch
// commits out. Private to api/.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "graph/store/batch.h"
#include "newsgraph/database.h"

namespace newsgraph::api_internal {

// Title sentences are numbered from here in mention keys, so that they never
// meet the body's sentence numbers; their evidence is kept in the mention.
inline constexpr uint32_t kTitleSentenceBase = 1000000;

class IngestWriter {
 public:
  IngestWriter(graph::Store* store, const Extractor& extractor, const IngestOptions& options,
               IngestStats* stats)
      : store_(store), ex_(extractor), options_(options), stats_(stats) {}

  // Queues one extracted article for the next batch.
  void Add(Article article, Extraction extraction) {
    pending_.emplace_back(std::move(article), std::move(extraction));
  }
  size_t pending() const { return pending_.size(); }

  // Writes the queued articles (those not stored yet) and their facts in one
  // atomic batch, under the store's writer lock. The first call also records
  // the predicates of predicates.json with their inverse and symmetric flags.
  Status Flush();

 private:
  Result<graph::TermId> EntityId(graph::Batch* batch, const EntityRef& e);
  Status RegisterPredicates(graph::Batch* batch);
  Status AddArticle(graph::Batch* batch, const Article& a, const Extraction& x);

  graph::Store* store_;
  const Extractor& ex_;
  const IngestOptions& options_;
  IngestStats* stats_;
  std::vector<std::pair<Article, Extraction>> pending_;
  bool predicates_done_ = false;
  // Entities whose names this run has written (later batches pass the key
  // alone), and those of the batch being built.
  std::unordered_set<std::string> described_, described_pending_;
  std::unordered_map<std::string, graph::TermId> batch_ids_;
  std::unordered_set<std::string> batch_articles_;
};

}  // namespace newsgraph::api_internal
