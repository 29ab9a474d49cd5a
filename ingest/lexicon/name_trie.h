// A trie over token ids: every lexicon name (entity labels and aliases,
// demonyms, titles, head words) is a path; longest match walks it from each
// text token.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace newsgraph::ingest {

enum class MatchKind : uint8_t {
  kName,      // index: entity
  kDemonym,   // index: entity (the country or region the adjective names)
  kTitle,     // index: title
  kHead,      // index: head rule
  kAnaphor,   // index: head rule whose last entity the word refers to
};

enum PayloadFlags : uint8_t {
  kNeedsUpper = 1,  // a Latin name: the text must start with a capital (Turkey ≠ turkey)
  kExactCase = 2,   // an acronym: the text must have the same letters in the same case (US ≠ us)
};

struct Payload {
  uint32_t index;
  MatchKind kind;
  uint8_t flags;
  uint32_t exact = 0;  // kExactCase: index of the form in Lexicon::exact_forms()
};

class NameTrie {
 public:
  static constexpr uint32_t kNoNode = 0xFFFFFFFFu;
  static constexpr uint32_t kRoot = 0;

  NameTrie() : payloads_(1) {}

  uint32_t Child(uint32_t node, uint32_t token) const {
    auto it = edges_.find(Edge(node, token));
    return it == edges_.end() ? kNoNode : it->second;
  }
  const std::vector<Payload>& Payloads(uint32_t node) const { return payloads_[node]; }

  // Adds a path; the same payload added twice is kept once.
  void Add(const std::vector<uint32_t>& tokens, Payload p);
  size_t nodes() const { return payloads_.size(); }
  void Reserve(size_t edges) {
    edges_.reserve(edges);
    payloads_.reserve(edges);
  }

 private:
  static uint64_t Edge(uint32_t node, uint32_t token) {
    return (static_cast<uint64_t>(node) << 32) | token;
  }
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<std::vector<Payload>> payloads_;
};

}  // namespace newsgraph::ingest
