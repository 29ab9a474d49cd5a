#include "ingest/lexicon/name_trie.h"

namespace newsgraph::ingest {

void NameTrie::Add(const std::vector<uint32_t>& tokens, Payload p) {
  uint32_t node = kRoot;
  for (uint32_t t : tokens) {
    auto [it, inserted] = edges_.emplace(Edge(node, t), static_cast<uint32_t>(payloads_.size()));
    if (inserted) payloads_.emplace_back();
    node = it->second;
  }
  auto& list = payloads_[node];
  for (const auto& q : list) {
    if (q.index == p.index && q.kind == p.kind && q.flags == p.flags) return;
  }
  list.push_back(p);
}

}  // namespace newsgraph::ingest
