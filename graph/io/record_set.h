// Parsed import data held in memory before it is written: a local
// dictionary, articles and records referring to them by local index.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/io/huge_pages.h"
#include "graph/model/fact.h"
#include "graph/model/term.h"

namespace newsgraph::graph {

// An open-addressing map from strings to dense indexes. Keys live in one
// arena and each slot holds its key's offset, length and full hash, so a
// lookup touches one slot and, when the hash matches, one key: the import's
// hot path does four of these per line.
class FlatIndex {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;
  FlatIndex() { slots_.assign(1024, Slot{}); }

  uint32_t Find(std::string_view key) const;
  // The index of `key`, inserting it with `value` when absent.
  // *inserted tells which.
  uint32_t FindOrInsert(std::string_view key, uint32_t value, bool* inserted);
  // Room for `n` keys without rehashing.
  void Reserve(size_t n);
  size_t size() const { return count_; }
  static uint64_t Hash(std::string_view key);

 private:
  struct Slot {
    uint64_t hash = 0;
    uint64_t offset = 0;       // of the key in arena_
    uint32_t size = 0;         // of the key
    uint32_t value = kMissing;  // kMissing = empty
  };
  bool Matches(const Slot& s, uint64_t hash, std::string_view key) const {
    return s.hash == hash && s.size == key.size() &&
           std::string_view(arena_.data() + s.offset, s.size) == key;
  }
  void Grow(size_t slots);

  HugeVector<Slot> slots_;
  // On huge pages, like the slots: grown by doubling to megabytes, a string
  // took a page fault per 4 KiB on every copy.
  HugeVector<char> arena_;
  size_t count_ = 0;
};

struct RecordSet {
  static constexpr uint32_t kNone = UINT32_MAX;

  struct Record {
    uint32_t s, p, o;            // local term indexes
    uint32_t article;            // local article index
    uint32_t sentence = 0;
    uint32_t mention = kNone;    // index into `mentions` for records with provenance
  };

  std::deque<TermRecord> terms;  // a deque: growing never moves the records
  FlatIndex term_index;  // canonical key → local index
  std::deque<ArticleRecord> articles;
  FlatIndex article_index;  // article key → local index
  HugeVector<Record> records;
  std::vector<MentionRecord> mentions;
  // Mention fields naming entities (attributed_to, place) by local index,
  // parallel to `mentions`; resolved to ids when written.
  std::vector<std::pair<uint32_t, uint32_t>> mention_terms;

  // Interns a term; merges a description into an existing entity.
  uint32_t AddTerm(TermRecord t);
  // Interns a term known only by kind and key (the fast path of RDF import).
  uint32_t AddPlainTerm(TermKind kind, std::string_view key, std::string_view lang = {});
  uint32_t AddArticle(std::string_view key);
  // The local index of an article, or FlatIndex::kMissing.
  uint32_t FindArticle(std::string_view key) const { return article_index.Find(key); }

  void Clear() { *this = RecordSet(); }

 private:
  // The last predicate and article looked up: consecutive lines of a dump
  // mostly share them, and a compare is cheaper than a hash probe.
  struct Last {
    std::string key;
    uint32_t index = FlatIndex::kMissing;
  };
  std::string scratch_;
  Last last_predicate_, last_article_;
  size_t size() const { return records.size(); }
};

}  // namespace newsgraph::graph
