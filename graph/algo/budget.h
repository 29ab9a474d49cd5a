// How a long graph computation learns that it must stop.
//
// graph/algo knows nothing of queries; the query engine hands in a Budget
// that charges work against the query's time bound and memory against its
// memory bound. Algorithms call Work() in their loops and Reserve() before
// large allocations, and return an Aborted status when either refuses.
#pragma once

#include <cstdint>

#include "newsgraph/status.h"

namespace newsgraph::graph::algo {

class Budget {
 public:
  virtual ~Budget() = default;
  // `units` of work (vertices or edges visited) done since the last call.
  // False: stop now.
  virtual bool Work(uint64_t units) = 0;
  // `bytes` about to be held. False: over the bound; do not allocate.
  virtual bool Reserve(uint64_t bytes) = 0;
  // `bytes` reserved earlier and now freed.
  virtual void Release(uint64_t bytes) = 0;
};

// Reserved bytes given back when it goes out of scope: for temporaries.
class Reservation {
 public:
  explicit Reservation(Budget* budget) : budget_(budget) {}
  ~Reservation() { budget_->Release(held_); }
  Reservation(const Reservation&) = delete;
  Reservation& operator=(const Reservation&) = delete;
  bool Add(uint64_t bytes) {
    if (!budget_->Reserve(bytes)) return false;
    held_ += bytes;
    return true;
  }

 private:
  Budget* budget_;
  uint64_t held_ = 0;
};

// No bounds (tests, benchmarks).
class Unbounded : public Budget {
 public:
  bool Work(uint64_t) override { return true; }
  bool Reserve(uint64_t) override { return true; }
  void Release(uint64_t) override {}
};

// The status an algorithm returns when its budget refuses. The caller's
// budget usually holds the precise reason (which bound, what to do).
inline Status Stopped() { return Status::Aborted("the graph computation was stopped by a bound"); }

}  // namespace newsgraph::graph::algo
