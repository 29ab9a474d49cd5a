#include "query/exec/context.h"

namespace newsgraph::query {

const graph::TermRecord* TermCache::Get(graph::TermId id, Status* error) {
  auto it = terms_.find(id);
  if (it != terms_.end()) return it->second.get();
  // A long query over a large store must not keep every term it saw.
  if (terms_.size() > 500000) terms_.clear();
  auto t = view_->GetTerm(id);
  if (!t.ok()) {
    *error = t.status();
    return nullptr;
  }
  auto rec = std::make_unique<graph::TermRecord>(std::move(t).value());
  const graph::TermRecord* p = rec.get();
  terms_.emplace(id, std::move(rec));
  return p;
}

}  // namespace newsgraph::query
