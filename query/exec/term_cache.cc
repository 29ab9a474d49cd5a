#include "query/exec/context.h"
#include "query/exec/engine_cache.h"

namespace newsgraph::query {

const graph::TermRecord* TermCache::Get(graph::TermId id, Status* error) {
  auto it = terms_.find(id);
  if (it != terms_.end()) return it->second.get();
  // A long query over a large store must not keep every term it saw.
  if (terms_.size() > 500000) terms_.clear();
  std::shared_ptr<const graph::TermRecord> rec;
  if (shared_) rec = shared_->FindTerm(version_, id);
  if (!rec) {
    auto t = view_->GetTerm(id);
    if (!t.ok()) {
      *error = t.status();
      return nullptr;
    }
    rec = std::make_shared<const graph::TermRecord>(std::move(t).value());
    if (shared_) shared_->AddTerm(version_, id, rec);
  }
  const graph::TermRecord* p = rec.get();
  terms_.emplace(id, std::move(rec));
  return p;
}

}  // namespace newsgraph::query
