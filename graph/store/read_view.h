// Reading the store through one consistent snapshot.
//
// A ReadView pins a RocksDB snapshot: everything read through it, however
// long it lives, reflects the store at the moment it was made. Cursors follow
// the LevelDB habit: loop while Valid(), then check status().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/model/fact.h"
#include "graph/model/term.h"
#include "graph/store/records.h"
#include "graph/store/key_codec.h"
#include "graph/store/store.h"
#include "newsgraph/result.h"

namespace rocksdb {
class Iterator;
class Slice;
struct ReadOptions;
}  // namespace rocksdb

namespace newsgraph::graph {

// Iterates the keys of one column family that start with a prefix.
class KeyCursor {
 public:
  ~KeyCursor();
  bool Valid() const;
  void Next();
  std::string_view key() const;    // REQUIRES: Valid()
  std::string_view value() const;  // REQUIRES: Valid()
  Status status() const;
  // Moves to the keys starting with another prefix, reusing the iterator:
  // cheaper than a new cursor for many short scans of one column family,
  // above all when the prefixes come in ascending order.
  void Seek(std::string_view prefix);

 private:
  friend class ReadView;
  explicit KeyCursor(std::string prefix);
  std::string prefix_;
  std::string upper_;                     // the iterator's upper bound points here
  std::unique_ptr<rocksdb::Slice> bound_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

// Facts matching a pattern (kNoTerm = unbound), in the order of the index the
// bound positions select.
class TripleCursor {
 public:
  bool Valid() const { return valid_; }
  void Next();
  const Triple& triple() const { return triple_; }
  // The index entry's value: the fact summary in spo order, empty otherwise.
  std::string_view value() const { return c_->value(); }
  IndexOrder order() const { return order_; }
  Status status() const;

 private:
  friend class ReadView;
  TripleCursor(std::unique_ptr<KeyCursor> c, IndexOrder order, Triple pattern);
  void Settle();
  std::unique_ptr<KeyCursor> c_;
  IndexOrder order_;
  Triple pattern_;
  Triple triple_;
  bool valid_ = false;
  Status status_;
};

struct Mention {
  Triple fact;
  ArticleId article = 0;
  uint32_t sentence = 0;
  MentionRecord record;
};

class ReadView {
 public:
  ~ReadView();
  ReadView(const ReadView&) = delete;
  ReadView& operator=(const ReadView&) = delete;

  const Store& store() const { return *store_; }

  Result<TermRecord> GetTerm(TermId id) const;
  // The id of a term, or nullopt.
  Result<std::optional<TermId>> FindTerm(TermKind kind, std::string_view key,
                                         std::string_view lang = {}) const;
  // Entities with this exact alias (already folded with text::Fold).
  Status FindAlias(std::string_view folded, std::vector<TermId>* out) const;
  // Aliases starting with `folded_prefix`, at most `limit` (for completion).
  Status FindAliasPrefix(std::string_view folded_prefix, size_t limit,
                         std::vector<std::pair<std::string, TermId>>* out) const;
  // All predicates with their ids.
  Status ListPredicates(std::vector<std::pair<std::string, TermId>>* out) const;

  Result<std::optional<FactSummary>> GetFact(const Triple& t) const;
  std::unique_ptr<TripleCursor> Scan(const Triple& pattern) const;
  Status GetMentions(const Triple& t, std::vector<Mention>* out, size_t limit = SIZE_MAX) const;
  // The mentions of `t` in one article.
  Status GetMentionsIn(const Triple& t, ArticleId article, std::vector<Mention>* out) const;

  Result<std::optional<ArticleId>> FindArticle(std::string_view key) const;
  Result<ArticleRecord> GetArticle(ArticleId id) const;
  // The facts of an article with the number of mentions in it (without
  // `with_counts` the counts are 0).
  Status ArticleFacts(ArticleId id, std::vector<std::pair<Triple, uint64_t>>* out,
                      bool with_counts = true) const;
  // Whether ArticleFacts counts come from stored values (cheap) rather than
  // from reading the mentions.
  bool HasArticleFactCounts() const;
  // Articles dated in [from, to], inclusive.
  Status ArticlesBetween(int32_t from, int32_t to, std::vector<ArticleId>* out) const;

  Counters GetCounters() const;
  // The store version this view sees (bumped by every commit).
  uint64_t Version() const;
  Result<PredicateStats> GetPredicateStats(TermId p) const;

  // A raw cursor over one column family (for check, export, statistics).
  std::unique_ptr<KeyCursor> Cursor(Cf cf, std::string_view prefix = {}) const;

 private:
  friend class Store;
  explicit ReadView(const Store* store);
  Status Get(Cf cf, std::string_view key, std::string* value, bool* found) const;

  const Store* store_;
  const rocksdb::Snapshot* snapshot_;
  std::unique_ptr<rocksdb::ReadOptions> ro_;
};

}  // namespace newsgraph::graph
