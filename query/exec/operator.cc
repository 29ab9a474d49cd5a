#include "query/exec/operator.h"

namespace newsgraph::query {

bool Operator::Next(Row* row) {
  if (!ctx_->profile) {
    bool ok = DoNext(row);
    if (ok) ++rows_;
    return ok;
  }
  auto t0 = std::chrono::steady_clock::now();
  bool ok = DoNext(row);
  inclusive_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (ok) ++rows_;
  return ok;
}

PlanNode Operator::Describe(bool profile) const {
  PlanNode n;
  n.name = name_;
  n.detail = Detail();
  double children_ms = 0;
  for (const auto& c : children_) {
    n.children.push_back(c->Describe(profile));
    children_ms += c->inclusive_ms_;
  }
  if (profile) {
    n.rows = rows_;
    n.millis = std::max(0.0, inclusive_ms_ - children_ms);
  }
  return n;
}

}  // namespace newsgraph::query
