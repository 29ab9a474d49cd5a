// Variable-length relationships *min..max.
//
// Without a path or relationship variable the operator returns each node
// reachable by a walk whose length lies in [min, max], once per start node:
// a breadth-first search with one visited set (min <= 1) or one set per level
// (min > 1), so its cost is bounded by the graph, not by the number of walks.
// With a path or relationship variable it enumerates simple paths (no node
// twice), at most QueryOptions::max_paths_per_start per start node.
#include <unordered_set>

#include "query/exec/eval.h"
#include "query/exec/neighbours.h"
#include "query/exec/ops.h"

namespace newsgraph::query {

namespace {

Relationship RelOf(const graph::Triple& t) {
  Relationship r;
  r.subject = t.s;
  r.predicate_id = t.p;
  r.object = t.o;
  return r;
}

class VarExpand : public Operator {
 public:
  VarExpand(OperatorPtr input, VarExpandSpec spec)
      : Operator(spec.rels_slot >= 0 || spec.path_slot >= 0 ? "VarLengthPaths" : "VarLengthExpand"),
        spec_(std::move(spec)) {
    AddChild(std::move(input));
  }
  std::string Detail() const override { return spec_.detail; }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    results_.clear();
    paths_.clear();
    next_ = 0;
    ctx->Release(held_);
    held_ = 0;
  }

 protected:
  bool DoNext(Row* row) override {
    const bool paths = spec_.rels_slot >= 0 || spec_.path_slot >= 0;
    for (;;) {
      if (next_ < (paths ? paths_.size() : results_.size())) {
        *row = input_;
        if (paths) {
          EmitPath(row, paths_[next_++]);
        } else {
          graph::TermId v = results_[next_++];
          if (!spec_.into) {
            Node n;
            n.id = v;
            (*row)[static_cast<size_t>(spec_.to_slot)] = Value::FromNode(std::move(n));
          }
        }
        return true;
      }
      if (!child()->Next(&input_)) return false;
      results_.clear();
      paths_.clear();
      next_ = 0;
      ctx_->Release(held_);
      held_ = 0;
      const Value& from = input_[static_cast<size_t>(spec_.from_slot)];
      if (from.type() != Value::Type::kNode) continue;
      target_ = graph::kNoTerm;
      if (spec_.into) {
        const Value& to = input_[static_cast<size_t>(spec_.to_slot)];
        if (to.type() != Value::Type::kNode) continue;
        target_ = to.AsNode().id;
      }
      bool ok = paths ? Paths(from.AsNode().id) : Reach(from.AsNode().id);
      if (!ok) return false;
    }
  }

 private:
  bool Hold(uint64_t bytes) {
    held_ += bytes;
    return ctx_->Reserve(bytes, "a variable-length pattern");
  }

  void Keep(graph::TermId v) {
    if (spec_.into && v != target_) return;
    results_.push_back(v);
  }

  bool Reach(graph::TermId start) {
    std::vector<Step> steps;
    std::unordered_set<graph::TermId> emitted;
    if (spec_.min_hops == 0) {
      emitted.insert(start);
      Keep(start);
    }
    if (spec_.min_hops <= 1) {
      // Reachable within [1, max]: one visited set.
      std::unordered_set<graph::TermId>& visited = emitted;
      std::vector<graph::TermId> frontier{start}, next;
      for (int64_t d = 1; d <= spec_.max_hops && !frontier.empty(); ++d) {
        next.clear();
        for (graph::TermId u : frontier) {
          steps.clear();
          if (!Neighbours(ctx_, u, spec_.direction, spec_.predicates, &steps)) return false;
          for (const Step& s : steps) {
            if (visited.insert(s.node).second) {
              next.push_back(s.node);
              Keep(s.node);
            }
          }
        }
        if (!Hold(next.size() * 24)) return false;
        frontier.swap(next);
      }
      return CheckBound(!frontier.empty() && HasMore(frontier, visited));
    }
    // Exactly-d walks for each d: one set per level.
    std::vector<graph::TermId> level{start};
    std::unordered_set<graph::TermId> next_set;
    for (int64_t d = 1; d <= spec_.max_hops && !level.empty(); ++d) {
      next_set.clear();
      for (graph::TermId u : level) {
        steps.clear();
        if (!Neighbours(ctx_, u, spec_.direction, spec_.predicates, &steps)) return false;
        for (const Step& s : steps) next_set.insert(s.node);
      }
      if (!Hold(next_set.size() * 24)) return false;
      level.assign(next_set.begin(), next_set.end());
      std::sort(level.begin(), level.end());
      if (d >= spec_.min_hops) {
        for (graph::TermId v : level) {
          if (emitted.insert(v).second) Keep(v);
        }
      }
    }
    // As above: past the default bound (`*2..`) there may be more.
    return CheckBound(!level.empty() && HasMore(level, emitted));
  }

  bool HasMore(const std::vector<graph::TermId>& frontier, const std::unordered_set<graph::TermId>& visited) {
    if (spec_.max_given) return false;
    std::vector<Step> steps;
    for (graph::TermId u : frontier) {
      steps.clear();
      if (!Neighbours(ctx_, u, spec_.direction, spec_.predicates, &steps)) return false;
      for (const Step& s : steps) {
        if (!visited.count(s.node)) return true;
      }
    }
    return false;
  }

  bool CheckBound(bool truncated) {
    if (truncated) {
      return ctx_->Fail(Status::ResourceExhausted(
          "a variable-length pattern without an upper bound went past the default of " +
          std::to_string(spec_.max_hops) + " hops (" + spec_.detail +
          "); write the bound you mean, e.g. *1.." + std::to_string(spec_.max_hops * 2) +
          " (at most QueryOptions::max_hops)"));
    }
    return ctx_->ok();
  }

  struct PathResult {
    std::vector<graph::TermId> nodes;
    std::vector<graph::Triple> rels;
  };

  bool Paths(graph::TermId start) {
    std::vector<graph::TermId> nodes{start};
    std::vector<graph::Triple> rels;
    std::unordered_set<graph::TermId> on_path{start};
    if (spec_.min_hops == 0 && (!spec_.into || start == target_)) paths_.push_back({nodes, rels});
    return Dfs(&nodes, &rels, &on_path);
  }

  bool Dfs(std::vector<graph::TermId>* nodes, std::vector<graph::Triple>* rels,
           std::unordered_set<graph::TermId>* on_path) {
    const bool at_bound = static_cast<int64_t>(rels->size()) >= spec_.max_hops;
    if (at_bound && spec_.max_given) return true;
    std::vector<Step> steps;
    if (!Neighbours(ctx_, nodes->back(), spec_.direction, spec_.predicates, &steps)) return false;
    if (at_bound) {
      // At the default bound: a longer path would be cut off silently.
      for (const Step& s : steps) {
        if (!on_path->count(s.node)) return CheckBound(true);
      }
      return true;
    }
    for (const Step& s : steps) {
      if (on_path->count(s.node)) continue;
      nodes->push_back(s.node);
      rels->push_back(s.fact);
      on_path->insert(s.node);
      int64_t len = static_cast<int64_t>(rels->size());
      if (len >= spec_.min_hops && (!spec_.into || s.node == target_)) {
        if (paths_.size() >= ctx_->options->max_paths_per_start) {
          return ctx_->Fail(Status::ResourceExhausted(
              "a variable-length pattern enumerates more than " +
              std::to_string(ctx_->options->max_paths_per_start) +
              " paths from one node (" + spec_.detail +
              "); lower its upper bound, drop the path variable, or raise "
              "QueryOptions::max_paths_per_start"));
        }
        if (!Hold(len * 40 + 64)) return false;
        paths_.push_back({*nodes, *rels});
      }
      bool ok = Dfs(nodes, rels, on_path);
      on_path->erase(s.node);
      nodes->pop_back();
      rels->pop_back();
      if (!ok) return false;
    }
    return true;
  }

  void EmitPath(Row* row, const PathResult& p) {
    if (!spec_.into) {
      Node n;
      n.id = p.nodes.back();
      (*row)[static_cast<size_t>(spec_.to_slot)] = Value::FromNode(std::move(n));
    }
    if (spec_.rels_slot >= 0) {
      List l;
      for (const auto& t : p.rels) l.push_back(Value::FromRelationship(RelOf(t)));
      (*row)[static_cast<size_t>(spec_.rels_slot)] = Value::FromList(std::move(l));
    }
    if (spec_.path_slot >= 0) {
      Path path;
      for (graph::TermId id : p.nodes) {
        Node n;
        n.id = id;
        path.nodes.push_back(std::move(n));
      }
      for (const auto& t : p.rels) path.relationships.push_back(RelOf(t));
      (*row)[static_cast<size_t>(spec_.path_slot)] = Value::FromPath(std::move(path));
    }
  }

  VarExpandSpec spec_;
  Row input_;
  graph::TermId target_ = graph::kNoTerm;
  std::vector<graph::TermId> results_;
  std::vector<PathResult> paths_;
  size_t next_ = 0;
  uint64_t held_ = 0;
};

}  // namespace

OperatorPtr MakeVarExpand(OperatorPtr input, VarExpandSpec spec) {
  return std::make_unique<VarExpand>(std::move(input), std::move(spec));
}

}  // namespace newsgraph::query
