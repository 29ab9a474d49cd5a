#include "query/exec/context.h"
#include "query/exec/engine_cache.h"

#include <algorithm>

namespace newsgraph::query {

namespace {
size_t SlotOf(graph::TermId id, size_t mask) { return static_cast<size_t>((id * 0x9E3779B97F4A7C15ULL) >> 32) & mask; }
}  // namespace

const graph::TermRecord* TermCache::Get(graph::TermId id, Status* error) {
  if (!slots_.empty()) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = SlotOf(id, mask);; i = (i + 1) & mask) {
      if (!slots_[i].rec) break;
      if (slots_[i].id == id) return slots_[i].rec;
    }
  }
  // A long query over a large store must not keep every term it saw.
  if (keep_.size() > 500000) {
    keep_.clear();
    slots_.clear();
  }
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
  keep_.push_back(std::move(rec));
  Insert(id, p);
  return p;
}

void TermCache::Insert(graph::TermId id, const graph::TermRecord* rec) {
  if (slots_.size() < 2 * (keep_.size() + 1)) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot());
    for (const Slot& s : old) {
      if (s.rec) Insert(s.id, s.rec);
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t i = SlotOf(id, mask);
  while (slots_[i].rec) i = (i + 1) & mask;
  slots_[i] = Slot{id, rec};
}

}  // namespace newsgraph::query
