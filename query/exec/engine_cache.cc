#include "query/exec/engine_cache.h"

#include "graph/algo/snapshot.h"

namespace newsgraph::query {

namespace {
constexpr size_t kMaxStatements = 256;
constexpr size_t kMaxTerms = 2000000;
constexpr size_t kMaxArticles = 200000;
// Snapshots of a 1M-fact graph take about 20-40 MiB each.
constexpr size_t kMaxSnapshots = 4;
// Degree vectors are one double per term: 8 of them at 1M facts are ~6 MiB.
constexpr size_t kMaxScores = 8;
}  // namespace

std::shared_ptr<const Statement> EngineCache::FindStatement(const std::string& text) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = statements_.find(text);
  if (it == statements_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void EngineCache::AddStatement(const std::string& text, std::shared_ptr<const Statement> st) {
  std::lock_guard<std::mutex> lock(mu_);
  if (statements_.count(text)) return;
  lru_.emplace_front(text, std::move(st));
  statements_[text] = lru_.begin();
  if (lru_.size() > kMaxStatements) {
    statements_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

void EngineCache::Reset(uint64_t version) {
  if (version == version_) return;
  version_ = version;
  catalog_.reset();
  terms_.clear();
  articles_.clear();
  snapshots_.clear();
  scores_.clear();
}

std::shared_ptr<const Catalog> EngineCache::FindCatalog(uint64_t version) {
  std::lock_guard<std::mutex> lock(mu_);
  Reset(version);
  return catalog_;
}

void EngineCache::SetCatalog(uint64_t version, std::shared_ptr<const Catalog> c) {
  std::lock_guard<std::mutex> lock(mu_);
  Reset(version);
  catalog_ = std::move(c);
}

std::shared_ptr<const graph::TermRecord> EngineCache::FindTerm(uint64_t version, graph::TermId id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (version != version_) return nullptr;
  auto it = terms_.find(id);
  return it == terms_.end() ? nullptr : it->second;
}

void EngineCache::AddTerm(uint64_t version, graph::TermId id, std::shared_ptr<const graph::TermRecord> t) {
  std::lock_guard<std::mutex> lock(mu_);
  Reset(version);
  if (terms_.size() >= kMaxTerms) terms_.clear();
  terms_.emplace(id, std::move(t));
}

std::shared_ptr<const graph::ArticleRecord> EngineCache::FindArticle(uint64_t version, graph::ArticleId id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (version != version_) return nullptr;
  auto it = articles_.find(id);
  return it == articles_.end() ? nullptr : it->second;
}

void EngineCache::AddArticle(uint64_t version, graph::ArticleId id, std::shared_ptr<const graph::ArticleRecord> a) {
  std::lock_guard<std::mutex> lock(mu_);
  Reset(version);
  if (articles_.size() >= kMaxArticles) articles_.clear();
  articles_.emplace(id, std::move(a));
}

std::shared_ptr<const graph::algo::Snapshot> EngineCache::FindSnapshot(uint64_t version, const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  if (version != version_) return nullptr;
  for (auto it = snapshots_.begin(); it != snapshots_.end(); ++it) {
    if (it->first == key) {
      snapshots_.splice(snapshots_.begin(), snapshots_, it);
      return snapshots_.front().second;
    }
  }
  return nullptr;
}

void EngineCache::AddSnapshot(uint64_t version, const std::string& key,
                              std::shared_ptr<const graph::algo::Snapshot> s) {
  std::lock_guard<std::mutex> lock(mu_);
  // Store versions only grow: an older snapshot would evict newer entries.
  if (version_ != UINT64_MAX && version < version_) return;
  Reset(version);
  for (auto it = snapshots_.begin(); it != snapshots_.end(); ++it) {
    if (it->first == key) {
      snapshots_.erase(it);
      break;
    }
  }
  snapshots_.emplace_front(key, std::move(s));
  if (snapshots_.size() > kMaxSnapshots) snapshots_.pop_back();
}

std::shared_ptr<const std::vector<double>> EngineCache::FindScores(uint64_t version, const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  if (version != version_) return nullptr;
  for (auto it = scores_.begin(); it != scores_.end(); ++it) {
    if (it->first == key) {
      scores_.splice(scores_.begin(), scores_, it);
      return scores_.front().second;
    }
  }
  return nullptr;
}

void EngineCache::AddScores(uint64_t version, const std::string& key, std::shared_ptr<const std::vector<double>> v) {
  std::lock_guard<std::mutex> lock(mu_);
  if (version_ != UINT64_MAX && version < version_) return;
  Reset(version);
  for (auto it = scores_.begin(); it != scores_.end(); ++it) {
    if (it->first == key) {
      scores_.erase(it);
      break;
    }
  }
  scores_.emplace_front(key, std::move(v));
  if (scores_.size() > kMaxScores) scores_.pop_back();
}

}  // namespace newsgraph::query
