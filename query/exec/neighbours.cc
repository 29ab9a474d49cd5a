#include "query/exec/neighbours.h"

namespace newsgraph::query {

bool Neighbours(ExecContext* ctx, graph::TermId u, Direction direction,
                const std::vector<graph::TermId>& predicates, std::vector<Step>* out) {
  static const std::vector<graph::TermId> kAny{graph::kNoTerm};
  const auto& preds = predicates.empty() ? kAny : predicates;
  for (graph::TermId p : preds) {
    if (direction != Direction::kIn) {
      auto c = ctx->view->Scan({u, p, graph::kNoTerm});
      for (; c->Valid(); c->Next()) out->push_back(Step{c->triple().o, c->triple()});
      if (Status s = c->status(); !s.ok()) return ctx->Fail(s);
    }
    if (direction != Direction::kOut) {
      auto c = ctx->view->Scan({graph::kNoTerm, p, u});
      for (; c->Valid(); c->Next()) {
        const graph::Triple& t = c->triple();
        if (direction == Direction::kBoth && t.s == t.o) continue;
        out->push_back(Step{t.s, t});
      }
      if (Status s = c->status(); !s.ok()) return ctx->Fail(s);
    }
  }
  return ctx->Tick();
}

}  // namespace newsgraph::query
