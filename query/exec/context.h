// What operators share while a query runs: the snapshot, the bounds, the
// caches, and the first error.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/store/read_view.h"
#include "newsgraph/query.h"

namespace newsgraph::query {

class EngineCache;

// Entities and literals looked up during one query, kept for its duration;
// backed by the Database's shared cache for the same store version.
class TermCache {
 public:
  TermCache(const graph::ReadView* view, EngineCache* shared, uint64_t version)
      : view_(view), shared_(shared), version_(version) {}
  // nullptr (and *error set) when the term cannot be read.
  const graph::TermRecord* Get(graph::TermId id, Status* error);
  // The store version the query reads.
  uint64_t version() const { return version_; }

 private:
  const graph::ReadView* view_;
  EngineCache* shared_;
  uint64_t version_;
  // An open-addressing table (linear probing, at most half full) over the
  // records kept alive by keep_: a hit costs a multiply and a compare, and a
  // result row may look up several terms.
  struct Slot {
    graph::TermId id = 0;
    const graph::TermRecord* rec = nullptr;  // null: empty
  };
  std::vector<Slot> slots_;
  std::vector<std::shared_ptr<const graph::TermRecord>> keep_;
  void Insert(graph::TermId id, const graph::TermRecord* rec);
};

struct ExecContext {
  const graph::ReadView* view = nullptr;
  const QueryOptions* options = nullptr;
  const Params* params = nullptr;
  std::unique_ptr<TermCache> terms;
  EngineCache* cache = nullptr;  // the Database's shared caches (graph snapshots); may be null
  bool profile = false;
  size_t row_width = 0;  // slots in a row of this plan
  Status error;

  std::chrono::steady_clock::time_point deadline;
  bool has_deadline = false;
  uint64_t ticks = 0;
  uint64_t memory = 0;

  bool Fail(Status s) {
    if (error.ok()) error = std::move(s);
    return false;
  }
  bool ok() const { return error.ok(); }

  // Cheap; checks the clock every 4096 calls. False once the query must stop.
  bool Tick() {
    if ((++ticks & 4095) != 0 || !has_deadline) return error.ok();
    return CheckDeadline();
  }

  // Charges `work` units at once (graph algorithms count vertices and edges
  // visited); checks the clock whenever the count passes a multiple of 4096.
  bool TickBy(uint64_t work) {
    uint64_t before = ticks;
    ticks += work;
    if ((before >> 12) == (ticks >> 12) || !has_deadline) return error.ok();
    return CheckDeadline();
  }

  bool CheckDeadline() {
    if (std::chrono::steady_clock::now() > deadline) {
      return Fail(Status::ResourceExhausted(
          "the query ran longer than its time bound (" + std::to_string(options->timeout_ms) +
          " ms); narrow it, or raise the bound (QueryOptions::timeout_ms, --timeout)"));
    }
    return error.ok();
  }

  // Accounts for memory held by an operator; false past the bound.
  bool Reserve(uint64_t bytes, const char* what) {
    memory += bytes;
    if (memory > options->max_memory_bytes) {
      return Fail(Status::ResourceExhausted(
          std::string("the query needs more memory than its bound (") +
          std::to_string(options->max_memory_bytes >> 20) + " MiB) in " + what +
          "; narrow it, or raise QueryOptions::max_memory_bytes (--max-memory)"));
    }
    return true;
  }
  void Release(uint64_t bytes) { memory -= std::min(memory, bytes); }
};

}  // namespace newsgraph::query
