// shortestPath and allShortestPaths between two bound nodes: a breadth-first
// search from the start that stops at the level where it meets the end.
#include <unordered_map>

#include "query/exec/eval.h"
#include "query/exec/neighbours.h"
#include "query/exec/ops.h"

namespace newsgraph::query {

namespace {

class ShortestPath : public Operator {
 public:
  ShortestPath(OperatorPtr input, ShortestPathSpec spec)
      : Operator(spec.all ? "AllShortestPaths" : "ShortestPath"), spec_(std::move(spec)) {
    AddChild(std::move(input));
  }
  std::string Detail() const override { return spec_.detail; }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    paths_.clear();
    next_ = 0;
  }

 protected:
  bool DoNext(Row* row) override {
    for (;;) {
      if (next_ < paths_.size()) {
        *row = input_;
        Emit(row, paths_[next_++]);
        return true;
      }
      if (!child()->Next(&input_)) return false;
      paths_.clear();
      next_ = 0;
      const Value& a = input_[static_cast<size_t>(spec_.from_slot)];
      const Value& b = input_[static_cast<size_t>(spec_.to_slot)];
      if (a.type() != Value::Type::kNode || b.type() != Value::Type::kNode) continue;
      if (!Search(a.AsNode().id, b.AsNode().id)) return false;
    }
  }

 private:
  struct Parent {
    graph::TermId node;
    graph::Triple fact;
  };
  using PathSteps = std::vector<Parent>;  // from the end back to the start

  bool Search(graph::TermId from, graph::TermId to) {
    if (from == to) {
      if (spec_.min_hops == 0) paths_.push_back({});
      return true;
    }
    if (!spec_.all) return Bidirectional(from, to);
    std::unordered_map<graph::TermId, std::vector<Parent>> parents;
    std::unordered_map<graph::TermId, int64_t> depth{{from, 0}};
    std::vector<graph::TermId> frontier{from}, next;
    std::vector<Step> steps;
    uint64_t held = 0;
    bool found = false;
    for (int64_t d = 1; d <= spec_.max_hops && !frontier.empty() && !found; ++d) {
      next.clear();
      for (graph::TermId u : frontier) {
        steps.clear();
        if (!Neighbours(ctx_, u, spec_.direction, spec_.predicates, &steps)) return false;
        for (const Step& s : steps) {
          auto it = depth.find(s.node);
          if (it == depth.end()) {
            depth.emplace(s.node, d);
            next.push_back(s.node);
            parents[s.node].push_back(Parent{u, s.fact});
            if (s.node == to) found = true;
          } else if (it->second == d && spec_.all) {
            parents[s.node].push_back(Parent{u, s.fact});
          }
        }
      }
      held += next.size() * 64;
      if (!ctx_->Reserve(next.size() * 64, "a shortest-path search")) return false;
      frontier.swap(next);
    }
    ctx_->Release(held);
    if (!found) return true;
    PathSteps current;
    Collect(to, from, parents, &current);
    return ctx_->ok();
  }

  // One shortest path: breadth-first from both ends, always growing the
  // smaller frontier by a whole level, until the two searches meet. It
  // visits far fewer nodes than a search from one end in a graph with hubs.
  bool Bidirectional(graph::TermId from, graph::TermId to) {
    struct Side {
      std::unordered_map<graph::TermId, Parent> seen;  // node → the step that reached it
      std::vector<graph::TermId> frontier;
      int64_t depth = 0;
    };
    Side f, b;
    f.seen.emplace(from, Parent{graph::kNoTerm, {}});
    b.seen.emplace(to, Parent{graph::kNoTerm, {}});
    f.frontier = {from};
    b.frontier = {to};
    const Direction back = spec_.direction == Direction::kOut  ? Direction::kIn
                           : spec_.direction == Direction::kIn ? Direction::kOut
                                                               : Direction::kBoth;
    std::vector<Step> steps;
    uint64_t held = 0;
    while (f.depth + b.depth < spec_.max_hops && !f.frontier.empty() && !b.frontier.empty()) {
      bool forward = f.frontier.size() <= b.frontier.size();
      Side& me = forward ? f : b;
      Side& other = forward ? b : f;
      std::vector<graph::TermId> next;
      graph::TermId meet = graph::kNoTerm;
      ++me.depth;
      for (graph::TermId u : me.frontier) {
        steps.clear();
        if (!Neighbours(ctx_, u, forward ? spec_.direction : back, spec_.predicates, &steps)) return false;
        for (const Step& st : steps) {
          if (!me.seen.emplace(st.node, Parent{u, st.fact}).second) continue;
          next.push_back(st.node);
          if (meet == graph::kNoTerm && other.seen.count(st.node)) meet = st.node;
        }
      }
      held += next.size() * 64;
      if (!ctx_->Reserve(next.size() * 64, "a shortest-path search")) return false;
      me.frontier.swap(next);
      if (meet == graph::kNoTerm) continue;
      // Both sides grew level by level, so the first meeting is shortest.
      if (f.depth + b.depth < spec_.min_hops) break;
      PathSteps steps_back;  // from `to` back to `from`, as Collect builds them
      std::vector<Parent> tail;  // meet → to
      for (graph::TermId v = meet; v != to;) {
        const Parent& p = b.seen.at(v);
        tail.push_back(Parent{p.node, p.fact});
        v = p.node;
      }
      for (auto it = tail.rbegin(); it != tail.rend(); ++it) steps_back.push_back(*it);
      for (graph::TermId v = meet; v != from;) {
        const Parent& p = f.seen.at(v);
        steps_back.push_back(Parent{v, p.fact});
        v = p.node;
      }
      paths_.push_back(std::move(steps_back));
      break;
    }
    ctx_->Release(held);
    return ctx_->ok();
  }

  void Collect(graph::TermId node, graph::TermId from,
               const std::unordered_map<graph::TermId, std::vector<Parent>>& parents, PathSteps* current) {
    if (node == from) {
      paths_.push_back(*current);
      return;
    }
    auto it = parents.find(node);
    if (it == parents.end()) return;
    for (const Parent& p : it->second) {
      if (paths_.size() >= ctx_->options->max_paths_per_start) {
        ctx_->Fail(Status::ResourceExhausted("allShortestPaths found more than " +
                                             std::to_string(ctx_->options->max_paths_per_start) +
                                             " paths between two nodes"));
        return;
      }
      current->push_back(Parent{node, p.fact});
      Collect(p.node, from, parents, current);
      current->pop_back();
      if (!spec_.all) return;
    }
  }

  void Emit(Row* row, const PathSteps& steps) {
    Path path;
    Node start;
    start.id = input_[static_cast<size_t>(spec_.from_slot)].AsNode().id;
    path.nodes.push_back(start);
    List rels;
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
      Node n;
      n.id = it->node;
      path.nodes.push_back(n);
      Relationship r;
      r.subject = it->fact.s;
      r.predicate_id = it->fact.p;
      r.object = it->fact.o;
      path.relationships.push_back(r);
      rels.push_back(Value::FromRelationship(r));
    }
    if (spec_.path_slot >= 0) (*row)[static_cast<size_t>(spec_.path_slot)] = Value::FromPath(std::move(path));
    if (spec_.rels_slot >= 0) (*row)[static_cast<size_t>(spec_.rels_slot)] = Value::FromList(std::move(rels));
  }

  ShortestPathSpec spec_;
  Row input_;
  std::vector<PathSteps> paths_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeShortestPath(OperatorPtr input, ShortestPathSpec spec) {
  return std::make_unique<ShortestPath>(std::move(input), std::move(spec));
}

}  // namespace newsgraph::query
