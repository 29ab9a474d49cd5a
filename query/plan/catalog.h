// What the planner knows about the store: predicates (with inverse names)
// and statistics for cardinality estimates.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/store/read_view.h"

namespace newsgraph::query {

class Catalog {
 public:
  explicit Catalog(const graph::ReadView& view);

  // The predicate a relationship type names. `flip` is set when the name is a
  // declared inverse (invited_by → invited, subject and object swapped).
  std::optional<graph::TermId> Predicate(const std::string& name, bool* flip) const;
  // True for predicates stored with props["symmetric"] == "true" (met_with):
  // a pattern matches their facts in both directions.
  bool Symmetric(graph::TermId p) const { return symmetric_.count(p) > 0; }
  std::vector<std::string> PredicateNames() const;

  graph::PredicateStats Stats(graph::TermId p) const;
  double entities() const { return entities_; }
  double facts() const { return facts_; }

  // Expected relationships from one node: out along `p` (subject side) or in
  // (object side); kNoTerm for any predicate.
  double FanOut(graph::TermId p, bool out) const;

 private:
  std::map<std::string, graph::TermId> predicates_;
  std::map<std::string, graph::TermId> inverses_;
  std::map<graph::TermId, graph::PredicateStats> stats_;
  std::set<graph::TermId> symmetric_;
  double entities_ = 0, facts_ = 0;
};

}  // namespace newsgraph::query
