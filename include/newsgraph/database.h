// Database: a newsgraph store opened from a directory.
//
//   newsgraph::Options options;
//   auto db = newsgraph::Database::Open(options, "./newsgraph.db");
//   if (!db.ok()) { std::cerr << db.status().ToString(); return 1; }
//   newsgraph::ImportStats stats;
//   auto s = (*db)->Import("facts.nq", {}, &stats);
//
// Thread safety: one Database may be shared by threads. Writes (Import,
// Forget, …) are serialised inside; reads run on snapshots and never see a
// half-written batch. Only one process may open a directory for writing;
// others open it with Options::read_only.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "newsgraph/options.h"
#include "newsgraph/query.h"
#include "newsgraph/result.h"
#include "newsgraph/status.h"

namespace newsgraph {

struct PredicateCount {
  std::string name;
  uint64_t facts = 0;
  uint64_t mentions = 0;
  uint64_t subjects = 0;  // distinct
  uint64_t objects = 0;   // distinct
};

struct StoreStats {
  uint64_t facts = 0;
  uint64_t entities = 0;
  uint64_t articles = 0;
  uint64_t mentions = 0;
  std::vector<PredicateCount> predicates;  // most facts first
  uint64_t disk_bytes = 0;
  // SST bytes per column family ("spo", "mentions", …).
  std::vector<std::pair<std::string, uint64_t>> column_families;
};

struct ForgetStats {
  uint64_t mentions_removed = 0;
  uint64_t facts_removed = 0;
};

class PreparedQuery;

struct CheckResult {
  uint64_t facts = 0;
  uint64_t mentions = 0;
  uint64_t articles = 0;
  uint64_t terms = 0;
  std::vector<std::string> problems;  // empty when the store is consistent
  uint64_t more_problems = 0;         // not listed
  bool ok() const { return problems.empty(); }
};

class Database {
 public:
  // Opens (or, with options.create_if_missing, creates) the store in
  // directory `path`. Fails with a Busy status naming the lock file when
  // another process has it open for writing.
  static Result<std::unique_ptr<Database>> Open(const Options& options, const std::string& path);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const;

  // Imports N-Triples, N-Quads or JSON Lines from `path` ("-": stdin).
  // *stats (may be null) receives counts, also on failure.
  Status Import(const std::string& path, const ImportOptions& options, ImportStats* stats);

  // Writes the whole store to `out` in options.format.
  Status Export(std::ostream& out, const ExportOptions& options);

  // Counts of facts, entities, articles, mentions; per-predicate counts.
  Result<StoreStats> Stats();

  // Removes the article with this key, its mentions, and every fact that no
  // other article states. NotFound when there is no such article.
  Result<ForgetStats> Forget(const std::string& article_key);

  // Runs a query (DESIGN section 5) on a snapshot of the store. Syntax and
  // binding errors are InvalidArgument statuses whose message shows the line,
  // the column and a caret under the spot.
  Result<std::unique_ptr<Cursor>> Query(const std::string& text, const Params& params = {},
                                        const QueryOptions& options = {});

  // Parses once; run it many times with different parameters.
  Result<std::unique_ptr<PreparedQuery>> Prepare(const std::string& text);

  // Verifies the store's invariants (see `newsgraph check`).
  Result<CheckResult> Check(size_t max_problems = 100);

  // Rebuilds what can be derived from the mentions (the evidence): fact
  // summaries, the fact indexes, article_facts, the date index, counters and
  // statistics; removes mentions whose article or terms are gone. Returns a
  // summary line. Safe to run again after a crash.
  Result<std::string> Repair();

  // Compacts every column family; the store is smallest afterwards.
  Status Compact();

  // Implementation; not part of the API. Modules of newsgraph reach the
  // store through it.
  struct Impl;
  Impl* impl() { return impl_.get(); }

 private:
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A parsed query. Thread-safe: Execute may run concurrently; each call plans
// against the store as it is then.
class PreparedQuery {
 public:
  virtual ~PreparedQuery() = default;
  virtual Result<std::unique_ptr<Cursor>> Execute(const Params& params = {},
                                                  const QueryOptions& options = {}) = 0;
  virtual const std::string& text() const = 0;
};

}  // namespace newsgraph
