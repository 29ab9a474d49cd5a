// The RocksDB-backed triple store (DESIGN section 3).
//
// One database directory with eleven column families. One process may hold
// the store open for writing (RocksDB's LOCK file); readers open it read-only
// beside it. All writes of one article or batch go through one WriteBatch.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/model/fact.h"
#include "graph/model/term.h"
#include "graph/store/records.h"
#include "newsgraph/options.h"
#include "newsgraph/result.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class WriteBatch;
class Status;
class Snapshot;
}  // namespace rocksdb

namespace newsgraph::graph {

enum class Cf : uint8_t {
  kTerms,
  kTermKeys,
  kAliases,
  kSpo,
  kPos,
  kOsp,
  kMentions,
  kArticleFacts,
  kByDate,
  kArticles,
  kMeta,
};
inline constexpr size_t kNumCf = 11;
const char* CfName(Cf cf);

// The one place a rocksdb::Status becomes ours. `what` says what we were doing.
Status FromRocks(const rocksdb::Status& s, std::string_view what);

// Counters kept in `meta`, mirrored in memory by the writer.
struct Counters {
  uint64_t next_term_id = 1;
  uint64_t next_article_id = 1;
  uint64_t facts = 0;
  uint64_t mentions = 0;
  uint64_t articles = 0;
  uint64_t entities = 0;
  uint64_t version = 0;
};

class ReadView;

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const Options& options, const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }
  rocksdb::DB* db() const { return db_; }
  // Whether article_facts values hold mention counts (schema version 2; a
  // version-1 store opened read-only has none).
  bool article_fact_counts() const { return article_fact_counts_; }
  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles_[static_cast<size_t>(c)]; }

  // A consistent snapshot for reading; later writes stay invisible to it.
  std::unique_ptr<ReadView> NewReadView() const;

  // Writer-side state. REQUIRES: !read_only(). Only one thread writes at a time
  // (callers hold write_mutex()).
  Counters& counters() { return counters_; }
  std::map<TermId, PredicateStats>& predicate_stats() { return predicate_stats_; }
  std::mutex& write_mutex() { return write_mutex_; }

  // The writer's cache of dictionary lookups: canonical term key → id and a
  // fingerprint of what the stored record says, so that an entity seen again
  // with nothing new costs no read.
  struct CachedTerm {
    TermId id;
    uint64_t fingerprint;
  };
  std::unordered_map<std::string, CachedTerm>& term_cache() { return term_cache_; }

  // Writes `batch` (plus the counter and statistics entries the caller put in
  // it) atomically.
  Status Write(rocksdb::WriteBatch* batch);

  // Compacts every column family (for measuring size; not needed otherwise).
  Status CompactAll();
  // Bytes of SST and log files in the directory.
  uint64_t DiskSize() const;
  // Bytes of SST files per column family, in Cf order.
  std::vector<uint64_t> ColumnFamilySizes() const;

  // Re-reads counters and statistics from `meta` (after a bulk ingest).
  Status ReloadCounters();

 private:
  Store() = default;
  Status LoadCounters();
  Status UpgradeArticleFactCounts();

  std::string path_;
  bool read_only_ = false;
  bool sync_ = false;
  bool article_fact_counts_ = true;
  rocksdb::DB* db_ = nullptr;
  std::array<rocksdb::ColumnFamilyHandle*, kNumCf> handles_{};
  Counters counters_;
  std::map<TermId, PredicateStats> predicate_stats_;
  std::unordered_map<std::string, CachedTerm> term_cache_;
  std::mutex write_mutex_;
};

// Meta entries for the counters, to put in a batch.
void PutCounters(rocksdb::WriteBatch* batch, rocksdb::ColumnFamilyHandle* meta_cf,
                 const Counters& c);

}  // namespace newsgraph::graph
