// Options for opening a database, importing, exporting and ingesting.
//
// Every field is documented with its default, as in rocksdb/options.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace newsgraph {

// How to open a database directory.
struct Options {
  // Create the directory and an empty store when `path` does not exist.
  // Ignored when read_only is set.
  // Default: true
  bool create_if_missing = true;

  // Open without taking the writer lock: any number of readers may open a
  // store while one writer works on it. A reader sees the store as it was
  // when it opened (plus nothing later), and every write call fails.
  // Default: false
  bool read_only = false;

  // Bytes of block cache shared by all column families.
  // Default: 256 MiB
  size_t block_cache_bytes = size_t{256} << 20;

  // Bytes buffered in memory per column family before a flush to disk.
  // Default: 64 MiB
  size_t write_buffer_bytes = size_t{64} << 20;

  // Threads for background flushes and compactions.
  // Default: 2
  int background_threads = 2;

  // fsync the write-ahead log on every commit. Without it a committed batch
  // survives a crash of the process (the OS holds the data) but not a power
  // failure.
  // Default: false
  bool sync_writes = false;
};

// The formats of `import` and `export`.
enum class DataFormat {
  kAuto,       // import only: from the file extension (.nt, .nq, .jsonl/.ndjson)
  kNTriples,   // facts only; the default graph has no article
  kNQuads,     // one quad per mention, the graph name is the article
  kJsonLines,  // one mention a line with its provenance
  kCsv,        // export only: one fact a line, with counts and dates
};

// Progress of a long operation, reported to a callback.
struct Progress {
  std::string phase;      // "parse", "sort", "write", "ingest", …
  uint64_t done = 0;      // units done in this phase
  uint64_t total = 0;     // 0 when unknown
  const char* unit = "";  // "bytes", "records", "articles"
};

// Return false to stop the operation; it then fails with an Aborted status and
// writes nothing more (batches already committed stay).
using ProgressCallback = std::function<bool(const Progress&)>;

struct ImportOptions {
  // Default: kAuto
  DataFormat format = DataFormat::kAuto;

  // Skip malformed lines (counting them) instead of failing. When false, the
  // first malformed line fails the import before anything of its batch is
  // written.
  // Default: false
  bool lenient = false;

  // Build sorted SST files and ingest them in one step (the fast path of large
  // loads). It applies when the store holds no facts yet; otherwise records
  // are written in batches of `batch_records`. kAuto uses it when it applies.
  // Default: kAuto
  enum class Bulk { kAuto, kNever, kAlways } bulk = Bulk::kAuto;

  // Records per atomic batch on the incremental path: a crash leaves each
  // batch wholly in or wholly out.
  // Default: 100,000
  size_t batch_records = 100000;

  // Records read into memory at once. The whole input is parsed and checked
  // before its first batch is written when it has fewer records than this.
  // Default: 50,000,000 (about 3 GB of memory at the peak)
  size_t max_records_in_memory = 50000000;

  // Called now and then with the progress of the import.
  // Default: none
  ProgressCallback progress;
};

struct ImportStats {
  uint64_t lines = 0;             // lines read
  uint64_t records = 0;           // facts/mentions accepted
  uint64_t skipped = 0;           // malformed lines skipped (lenient)
  uint64_t new_facts = 0;
  uint64_t new_mentions = 0;
  uint64_t new_entities = 0;
  uint64_t new_articles = 0;
  uint64_t bytes = 0;
  bool bulk = false;              // the SST path was used
  std::string first_error;        // the first skipped line's message (lenient)
};

struct ExportOptions {
  // Default: kNQuads
  DataFormat format = DataFormat::kNQuads;
  // Label language for CSV names ("" = English, then Arabic, then any).
  // Default: ""
  std::string lang;
};

}  // namespace newsgraph
