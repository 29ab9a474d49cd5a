// Database: a newsgraph store opened from a directory.
//
//   newsgraph::Options options;
//   auto db = newsgraph::Database::Open(options, "./newsgraph.db");
//   if (!db.ok()) { std::cerr << db.status().ToString(); return 1; }
//   newsgraph::ImportStats stats;
//   auto s = (*db)->Import("facts.nq", {}, &stats);
//   newsgraph::IngestStats istats;
//   s = (*db)->Ingest({"articles/"}, newsgraph::IngestOptions(), &istats);
//
// Thread safety: one Database may be shared by threads. Writes (Ingest,
// Import, Forget, …) are serialised inside; reads run on snapshots and never see a
// half-written batch. Only one process may open a directory for writing;
// others open it with Options::read_only.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "newsgraph/article.h"
#include "newsgraph/extract.h"
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

// How Database::Ingest reads articles, extracts facts and writes them.
struct IngestOptions {
  // The lexicons (built-in, plus `extractor.lexicon_dirs` in order: the
  // command's --lexicon DIR) and whether provisional entities are kept.
  // Default: the built-in lexicon, provisional entities on
  ExtractorOptions extractor;

  // Use this extractor instead of creating one from `extractor`; it must
  // outlive the call. A Database otherwise keeps the extractor it created
  // for the next call with the same ExtractorOptions.
  // Default: none
  const Extractor* extractor_instance = nullptr;

  // How inputs are read: formats, JSON field names, size limits, page
  // splitting. Default: see ReadOptions
  ReadOptions read;

  // Extraction threads; the calling thread is the one writer and commits the
  // articles in input order, so a store built twice from the same input has
  // the same ids. 0 means std::thread::hardware_concurrency().
  // Default: 0
  int threads = 0;

  // Articles per atomic batch: a crash leaves each batch wholly in or wholly
  // out. Larger batches write faster and hold the writer lock longer.
  // Default: 64
  size_t batch_articles = 64;

  // Keep each article's original text in the store; evidence sentences are
  // cut from it. Without it every mention keeps its own sentence.
  // Default: true
  bool store_text = true;

  // Store facts that a sentence denies ("لم يزر", "did not visit") as
  // mentions marked negated. Queries then see the fact; most users want
  // only what articles assert.
  // Default: false
  bool store_negated = false;

  // Called on the calling thread after each committed batch, with phase
  // "ingest", done = articles read so far and unit "articles". Return false
  // to stop: Ingest then returns Aborted; committed batches stay.
  // Default: none
  ProgressCallback progress;

  // Called on the calling thread with "INPUT: what is wrong; skipped" for
  // each input or article that could not be read or extracted (invalid
  // UTF-8, malformed JSON, an extraction error). The run goes on.
  // Default: none (such articles are only counted)
  SkipCallback skipped;
};

struct IngestStats {
  uint64_t articles = 0;         // articles read and extracted
  uint64_t new_articles = 0;     // stored by this call
  uint64_t unchanged = 0;        // already in the store (same Article::Key()): nothing written
  uint64_t failed = 0;           // inputs or articles reported to `skipped`
  uint64_t facts_extracted = 0;  // facts of the new articles (before merging)
  uint64_t new_facts = 0;        // distinct facts the store did not hold
  uint64_t new_mentions = 0;
  uint64_t new_entities = 0;
  uint64_t bytes = 0;            // bytes of article text extracted
  uint64_t batches = 0;          // atomic batches committed
  double seconds = 0;
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

  // Reads the articles of `paths` (files, folders, "-" for stdin; see
  // ReadArticles), extracts their entities and facts on worker threads and
  // stores them with their provenance: one mention per fact and sentence,
  // with rule, confidence, span and qualifiers. An article already stored
  // (same Article::Key()) is skipped, so ingesting again changes nothing.
  // An input or article that cannot be read or extracted is reported to
  // options.skipped and skipped. Fails on a lexicon error (before writing),
  // a write error, or when options.progress asks to stop. *stats (may be
  // null) receives counts, also on failure.
  Status Ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                IngestStats* stats);

  // Ingests one article already in memory, as above.
  Status Ingest(const Article& article, const IngestOptions& options, IngestStats* stats);

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

  // Entity names for interactive completion (the shell's TAB key): labels
  // and aliases, in any language, whose matching form (Latin case and Arabic
  // letter variants folded, as names match in queries) starts with that of
  // `prefix`. At most `limit` names, each once, in the order of their
  // matching form. Reads a snapshot; safe to call while a writer works.
  Result<std::vector<std::string>> CompleteEntityNames(const std::string& prefix, size_t limit = 50);

  // The relationship types a query may name: every stored predicate and each
  // declared inverse name (invited_by for invited), sorted.
  Result<std::vector<std::string>> RelationshipTypes();

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
