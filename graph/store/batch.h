// One atomic unit of writing: an article, or a batch of imported records.
//
// A Batch interns terms and articles and collects mentions; Commit() reads
// what it must (existing facts, mentions, statistics) and writes everything in
// one RocksDB WriteBatch, so a crash leaves the unit wholly in or wholly out.
// Re-adding a mention that is already stored changes nothing.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/model/fact.h"
#include "graph/model/term.h"
#include "graph/store/store.h"
#include "newsgraph/result.h"

namespace newsgraph::graph {

struct BatchStats {
  uint64_t new_facts = 0;
  uint64_t new_mentions = 0;
  uint64_t new_entities = 0;
  uint64_t new_articles = 0;
};

class Batch {
 public:
  // REQUIRES: !store->read_only(); the caller holds store->write_mutex() for
  // the life of the batch.
  explicit Batch(Store* store);
  ~Batch();

  // The id of entity `e.key`, created if new. Labels, aliases, props and a
  // type (when the stored one is empty or "Other") are merged into an
  // existing entity.
  Result<TermId> Entity(const TermRecord& e);
  Result<TermId> Predicate(std::string_view name);
  // The id of predicate `p.key`, created if new; `p.props` ("inverse",
  // "symmetric", …) are merged into the stored record.
  Result<TermId> Predicate(const TermRecord& p);
  // REQUIRES: kind is a literal kind and `lexical` canonical for it.
  Result<TermId> Literal(TermKind kind, std::string_view lexical, std::string_view lang = {});

  // The id of the article with `a.key`; *is_new tells whether this batch
  // creates it. An existing article's record is left as it is.
  Result<ArticleId> Article(const ArticleRecord& a, bool* is_new);

  void AddMention(const Triple& t, ArticleId article, uint32_t sentence, MentionRecord m);
  size_t size() const { return mentions_.size(); }

  Result<BatchStats> Commit();

 private:
  struct PendingTerm {
    TermId id;
    TermRecord record;
    bool is_new;
    uint64_t fingerprint;  // of the description last merged in
  };
  struct PendingArticle {
    ArticleId id;
    ArticleRecord record;
  };
  struct MentionKeyLess {
    bool operator()(const std::tuple<Triple, ArticleId, uint32_t>& a,
                    const std::tuple<Triple, ArticleId, uint32_t>& b) const {
      return a < b;
    }
  };

  Result<TermId> Intern(TermKind kind, std::string_view key, std::string_view lang,
                        const TermRecord* entity);
  Result<int32_t> ArticleDay(ArticleId a);

  Store* store_;
  std::unordered_map<std::string, PendingTerm> terms_;  // canonical key → pending
  std::unordered_map<std::string, PendingArticle> articles_;  // article key → new article
  std::unordered_map<ArticleId, int32_t> article_days_;
  std::set<ArticleId> new_article_ids_;
  std::map<std::tuple<Triple, ArticleId, uint32_t>, MentionRecord> mentions_;
  uint64_t next_term_id_;
  uint64_t next_article_id_;
};

// Merges `from` into `into`; returns true when `into` changed.
bool MergeEntity(const TermRecord& from, TermRecord* into);
// A fingerprint of an entity's descriptive content (labels, aliases, type, props).
uint64_t EntityFingerprint(const TermRecord& e);
// The folded names under which an entity is found (labels, aliases, or the
// key's last segment when it has no labels).
std::vector<std::string> EntityAliasNames(const TermRecord& e);

}  // namespace newsgraph::graph
