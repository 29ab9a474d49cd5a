// A compact, immutable copy of (part of) the graph for algorithms.
//
// Graph algorithms visit every edge many times; reading RocksDB for each
// visit would be orders of magnitude slower than walking arrays. A Snapshot
// reads the facts once from the `spo` index (or, when the selection is by
// article or date, from `article_facts`), maps the entity term ids to dense
// vertex numbers 0…n-1 in id order, and keeps the facts as parallel arrays
// indexed by a fact number 0…m-1 in (s, p, o) order. Boost.Graph
// compressed_sparse_row_graph views over these arrays (out, in, both
// directions; with or without parallel edges) are built on first use and
// kept with the snapshot (graph/algo/csr.h).
//
// The nodes are the entities with at least one selected fact; facts whose
// object is a literal (holds_position "…") are left out. A Snapshot is
// immutable once built and may be shared by threads; the views are built
// under a lock.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "graph/algo/budget.h"
#include "graph/model/fact.h"
#include "graph/model/term.h"
#include "newsgraph/result.h"

namespace newsgraph::graph {
class ReadView;
}

namespace newsgraph::graph::algo {

using Vertex = uint32_t;     // dense node number, 0…num_nodes()-1
using FactIndex = uint32_t;  // dense fact number, 0…num_facts()-1

enum class Direction : uint8_t { kOut, kIn, kBoth };
// What a fact weighs: 1, its distinct articles, or its mentions.
enum class Weight : uint8_t { kFacts, kArticles, kMentions };

// Which facts a snapshot holds. Empty lists select everything.
struct SnapshotFilter {
  std::vector<TermId> predicates;  // facts with one of these predicates
  std::vector<std::string> types;  // facts whose two ends both have one of these types
  // Facts stated in an article dated within [from_day, to_day] (kNoDay: open
  // end) and/or in one of `articles`. With either, a fact's article and
  // mention counts cover only the selected articles.
  int32_t from_day = INT32_MIN;
  int32_t to_day = INT32_MIN;
  std::vector<ArticleId> articles;

  bool ByArticle() const { return from_day != INT32_MIN || to_day != INT32_MIN || !articles.empty(); }
  // Sorts and deduplicates the lists, so that equal selections have equal keys.
  void Normalise();
  // A canonical text of the selection: the snapshot cache's key.
  std::string Key() const;
};

class CsrView;

class Snapshot {
 public:
  // Reads the facts selected by `filter` from `view`. Fails with the
  // budget's refusal (Aborted) or a store error.
  static Result<std::shared_ptr<const Snapshot>> Build(const ReadView& view, SnapshotFilter filter,
                                                       Budget* budget);
  ~Snapshot();
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  uint32_t num_nodes() const { return static_cast<uint32_t>(ids_.size()); }
  uint32_t num_facts() const { return static_cast<uint32_t>(src_.size()); }

  TermId node_id(Vertex v) const { return ids_[v]; }
  // The vertex of entity `id`, or nullopt when it has no selected fact.
  std::optional<Vertex> FindNode(TermId id) const;

  Vertex source(FactIndex f) const { return src_[f]; }
  Vertex target(FactIndex f) const { return dst_[f]; }
  TermId predicate(FactIndex f) const { return predicates_[pred_[f]]; }
  uint32_t articles(FactIndex f) const { return articles_[f]; }
  uint32_t mentions(FactIndex f) const { return mentions_[f]; }
  Triple triple(FactIndex f) const { return {ids_[src_[f]], predicate(f), ids_[dst_[f]]}; }
  double weight(FactIndex f, Weight w) const {
    return w == Weight::kFacts ? 1.0 : w == Weight::kArticles ? articles_[f] : mentions_[f];
  }

  // A Boost CSR view of the facts, built on first use and kept: kOut follows
  // facts subject → object, kIn object → subject, kBoth both ways (a
  // self-loop once). `simple` keeps one edge per ordered pair of distinct
  // nodes (the fact with the lowest number) and drops self-loops. Each edge
  // carries its fact number. Fails when the budget refuses the memory.
  Result<const CsrView*> View(Direction d, bool simple, Budget* budget) const;

  // Bytes held, views built so far included.
  uint64_t MemoryBytes() const;
  double build_millis() const { return build_millis_; }
  uint64_t store_version() const { return version_; }
  const SnapshotFilter& filter() const { return filter_; }
  // "100000 nodes, 679574 facts, 31.2 MiB"
  std::string Describe() const;

 private:
  Snapshot() = default;
  // `mem` holds what the build needs at its peak; it is given back when
  // the build ends (callers account for the finished snapshot themselves).
  Status Load(const ReadView& view, Budget* budget, Reservation* mem);
  Status LoadFromArticles(const ReadView& view, Budget* budget, Reservation* mem,
                          const std::vector<bool>& nodes, std::vector<uint32_t>* s, std::vector<uint32_t>* o);
  Status Densify(uint64_t id_space, std::vector<uint32_t>* s, std::vector<uint32_t>* o, Reservation* mem);

  SnapshotFilter filter_;
  uint64_t version_ = 0;
  double build_millis_ = 0;

  std::vector<TermId> ids_;          // vertex → entity id, ascending
  std::vector<TermId> predicates_;   // predicate number → predicate id
  std::vector<Vertex> src_, dst_;    // per fact
  std::vector<uint32_t> pred_;       // per fact: predicate number
  std::vector<uint32_t> articles_;   // per fact
  std::vector<uint32_t> mentions_;   // per fact

  mutable std::mutex mu_;
  mutable std::unique_ptr<CsrView> views_[6];
};

// Human-readable byte counts: "812 B", "31.2 MiB".
std::string FormatBytes(uint64_t bytes);

}  // namespace newsgraph::graph::algo
