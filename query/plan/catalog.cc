#include "query/plan/catalog.h"

#include <algorithm>

namespace newsgraph::query {

Catalog::Catalog(const graph::ReadView& view) {
  std::vector<std::pair<std::string, graph::TermId>> preds;
  if (view.ListPredicates(&preds).ok()) {
    for (const auto& [name, id] : preds) {
      predicates_[name] = id;
      auto t = view.GetTerm(id);
      if (t.ok()) {
        auto it = t->props.find("inverse");
        if (it != t->props.end() && !it->second.empty()) inverses_[it->second] = id;
        auto sym = t->props.find("symmetric");
        if (sym != t->props.end() && sym->second == "true") symmetric_.insert(id);
      }
      auto st = view.GetPredicateStats(id);
      if (st.ok()) stats_[id] = *st;
    }
  }
  graph::Counters c = view.GetCounters();
  entities_ = std::max<double>(1, static_cast<double>(c.entities));
  facts_ = static_cast<double>(c.facts);
}

std::optional<graph::TermId> Catalog::Predicate(const std::string& name, bool* flip) const {
  *flip = false;
  if (auto it = predicates_.find(name); it != predicates_.end()) return it->second;
  if (auto it = inverses_.find(name); it != inverses_.end()) {
    *flip = true;
    return it->second;
  }
  return std::nullopt;
}

std::vector<std::string> Catalog::PredicateNames() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : predicates_) out.push_back(k);
  for (const auto& [k, v] : inverses_) out.push_back(k);
  return out;
}

graph::PredicateStats Catalog::Stats(graph::TermId p) const {
  auto it = stats_.find(p);
  return it == stats_.end() ? graph::PredicateStats{} : it->second;
}

double Catalog::FanOut(graph::TermId p, bool out) const {
  if (p == graph::kNoTerm) return facts_ / entities_;
  graph::PredicateStats s = Stats(p);
  double ends = static_cast<double>(out ? s.subjects : s.objects);
  return ends > 0 ? static_cast<double>(s.facts) / ends : 0;
}

}  // namespace newsgraph::query
