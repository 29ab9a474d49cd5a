// MATCH: choosing the order in which a pattern's nodes and relationships are
// bound. Greedy: start from the most selective node lookup or relationship
// scan, then always take the cheapest step from what is bound, by the fan-out
// the per-predicate statistics predict; filters run as soon as their
// variables are bound.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "query/plan/planner_internal.h"

namespace newsgraph::query {

namespace {

struct PNode {
  std::string name;  // variable, or "" for anonymous
  int slot = -1;
  bool bound = false;     // bound now (while planning)
  bool from_input = false;
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, BoundExprPtr>> props;
  Span span;
  std::string Show() const { return name.empty() ? "()" : "(" + name + ")"; }
};

struct PRel {
  size_t left = 0, right = 0;
  Direction dir = Direction::kBoth;  // left → right
  std::vector<graph::TermId> preds;
  std::string types_text;
  int slot = -1;
  bool varlen = false;
  int64_t min_hops = 1, max_hops = 1;
  bool max_given = true;
  std::vector<std::pair<std::string, BoundExprPtr>> props;
  Span span;
  bool planned = false;
  bool shortest = false;
  bool all_shortest = false;
  int path_slot = -1;  // shortest paths
};

struct PendingFilter {
  BoundExprPtr expr;
  std::vector<int> slots;
  std::string text;
  bool done = false;
};

Direction Reverse(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : d;
}

std::string Fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, x < 10 ? "%.2g" : "%.0f", x);
  return buf;
}

// Top-level AND parts of a WHERE.
void SplitAnd(const Expr* e, std::vector<const Expr*>* out) {
  if (e->kind == ExprKind::kBinary && e->binary_op == BinaryOp::kAnd) {
    SplitAnd(e->args[0].get(), out);
    SplitAnd(e->args[1].get(), out);
    return;
  }
  out->push_back(e);
}

bool IsConstant(const Expr& e) { return e.kind == ExprKind::kLiteral || e.kind == ExprKind::kParameter; }

}  // namespace

Status Planner::PlanMatch(const Clause& c, OperatorPtr* op, Scope* scope) {
  std::vector<int> new_slots;
  if (!c.optional) return PlanPatterns(c, op, scope, &new_slots);
  auto arg = std::make_shared<ArgumentSource>();
  OperatorPtr inner = MakeArgument(arg);
  NG_RETURN_IF_ERROR(PlanPatterns(c, &inner, scope, &new_slots));
  *op = MakeApply(std::move(*op), std::move(inner), arg, true, std::move(new_slots));
  return Status::OK();
}

Status Planner::PlanPatterns(const Clause& c, OperatorPtr* op, Scope* scope, std::vector<int>* new_slots) {
  std::vector<PNode> nodes;
  std::vector<PRel> rels;
  std::map<std::string, size_t> node_of;
  std::set<std::string> rel_names;
  struct PathVar {
    int slot;
    std::vector<size_t> node_idx, rel_idx;
  };
  std::vector<PathVar> path_vars;

  auto new_slot = [&]() {
    int s = slots_.New();
    new_slots->push_back(s);
    return s;
  };
  auto bind_props = [&](const std::vector<std::string>& keys, const std::vector<ExprPtr>& values,
                        const ExprPtr& param, std::vector<std::pair<std::string, BoundExprPtr>>* out) -> Status {
    for (size_t i = 0; i < keys.size(); ++i) {
      NG_ASSIGN_OR_RETURN(BoundExprPtr b, Bind(*values[i], *scope));
      out->emplace_back(keys[i], std::move(b));
    }
    if (param) return Error(param->span, "a parameter map for properties is not supported here",
                            "write the properties out: {name: $name}");
    return Status::OK();
  };

  // 1. Nodes, relationships and paths of all patterns.
  for (const PathPattern& pp : c.patterns) {
    PathVar pv;
    for (const NodePattern& np : pp.nodes) {
      size_t idx;
      if (!np.variable.empty() && node_of.count(np.variable)) {
        idx = node_of[np.variable];
      } else {
        PNode n;
        n.name = np.variable;
        n.span = np.span;
        if (!np.variable.empty()) {
          if (rel_names.count(np.variable)) return Error(np.span, "`" + np.variable + "` is a relationship here");
          if (const Variable* v = scope->Find(np.variable)) {
            if (v->kind != VarKind::kNode && v->kind != VarKind::kValue) {
              return Error(np.span, "`" + np.variable + "` is not a node");
            }
            n.slot = v->slot;
            n.bound = n.from_input = true;
          }
        }
        if (n.slot < 0) {
          n.slot = new_slot();
          if (!n.name.empty()) scope->Add(Variable{n.name, n.slot, VarKind::kNode});
        }
        idx = nodes.size();
        nodes.push_back(std::move(n));
        if (!np.variable.empty()) node_of[np.variable] = idx;
      }
      for (const auto& l : np.labels) nodes[idx].labels.push_back(l);
      NG_RETURN_IF_ERROR(bind_props(np.prop_keys, np.prop_values, np.prop_parameter, &nodes[idx].props));
      pv.node_idx.push_back(idx);
    }
    for (size_t i = 0; i < pp.rels.size(); ++i) {
      const RelPattern& rp = pp.rels[i];
      PRel r;
      r.left = pv.node_idx[i];
      r.right = pv.node_idx[i + 1];
      r.dir = rp.direction;
      r.span = rp.span;
      bool flip_set = false, flip = false;
      for (const auto& t : rp.types) {
        bool f = false;
        auto id = catalog_.Predicate(t, &f);
        if (!id) {
          std::string close = Closest(t, catalog_.PredicateNames());
          std::string hint = !close.empty() ? "did you mean `" + close + "`?"
                             : catalog_.facts() == 0 ? "the database holds no facts yet"
                                                     : "CALL db.predicates() lists the predicates";
          return Error(rp.span, "unknown predicate `" + t + "`", hint);
        }
        if (flip_set && f != flip) {
          return Error(rp.span, "`" + rp.types[0] + "` and `" + t + "` point in opposite directions",
                       "write two patterns, or use the stored names");
        }
        flip_set = true;
        flip = f;
        r.preds.push_back(*id);
        r.types_text += (r.types_text.empty() ? ":" : "|") + t;
      }
      if (flip) r.dir = Reverse(r.dir);
      // A symmetric predicate (met_with) holds both ways, whichever way a
      // fact was stored.
      bool symmetric = !r.preds.empty();
      for (graph::TermId id : r.preds) symmetric &= catalog_.Symmetric(id);
      if (symmetric) r.dir = Direction::kBoth;
      if (rp.variable_length) {
        r.varlen = true;
        r.min_hops = rp.min_hops.value_or(1);
        r.max_given = rp.max_hops.has_value();
        r.max_hops = rp.max_hops.value_or(std::max(r.min_hops, options_.default_max_hops));
        if (r.min_hops < 0 || r.max_hops < r.min_hops) {
          return Error(rp.span, "bad hop range: *" + std::to_string(r.min_hops) + ".." + std::to_string(r.max_hops));
        }
        if (r.max_hops > options_.max_hops) {
          return Error(rp.span, "the hop bound " + std::to_string(r.max_hops) + " is past the maximum of " +
                                    std::to_string(options_.max_hops),
                       "lower the upper bound, or raise QueryOptions::max_hops (--max-hops)");
        }
      }
      if (pp.shortest != ShortestKind::kNone) {
        r.shortest = true;
        r.all_shortest = pp.shortest == ShortestKind::kAllShortest;
        if (!r.varlen) {
          r.min_hops = 1;
          r.max_hops = 1;
        }
        r.max_hops = rp.max_hops.value_or(options_.default_max_hops);
        if (r.max_hops > options_.max_hops) {
          return Error(rp.span, "the hop bound " + std::to_string(r.max_hops) + " is past the maximum of " +
                                    std::to_string(options_.max_hops));
        }
      }
      if (!rp.variable.empty()) {
        if (scope->Find(rp.variable) || rel_names.count(rp.variable) || node_of.count(rp.variable)) {
          return Error(rp.span, "variable `" + rp.variable + "` is already bound",
                       "give each relationship its own name");
        }
        rel_names.insert(rp.variable);
        r.slot = new_slot();
        scope->Add(Variable{rp.variable, r.slot, r.varlen || r.shortest ? VarKind::kRelList : VarKind::kRelationship});
      }
      NG_RETURN_IF_ERROR(bind_props(rp.prop_keys, rp.prop_values, rp.prop_parameter, &r.props));
      if (!r.props.empty() && (r.varlen || r.shortest)) {
        return Error(rp.span, "properties on a variable-length relationship are not supported",
                     "filter with WHERE all(…) instead");
      }
      pv.rel_idx.push_back(rels.size());
      rels.push_back(std::move(r));
    }
    if (!pp.path_variable.empty()) {
      if (scope->Find(pp.path_variable)) return Error(pp.span, "variable `" + pp.path_variable + "` is already bound");
      pv.slot = new_slot();
      scope->Add(Variable{pp.path_variable, pv.slot, VarKind::kPath});
      if (pp.shortest != ShortestKind::kNone) {
        rels[pv.rel_idx[0]].path_slot = pv.slot;
      } else {
        for (size_t ri : pv.rel_idx) {
          if (rels[ri].slot < 0) rels[ri].slot = new_slot();
        }
        path_vars.push_back(pv);
      }
    }
  }

  // Relationships that could be the same fact must differ (Cypher's
  // relationship uniqueness within a MATCH); they need slots to compare.
  std::vector<std::pair<size_t, size_t>> must_differ;
  for (size_t i = 0; i < rels.size(); ++i) {
    for (size_t j = i + 1; j < rels.size(); ++j) {
      const PRel &a = rels[i], &b = rels[j];
      if (a.varlen || b.varlen || a.shortest || b.shortest) continue;
      bool overlap = a.preds.empty() || b.preds.empty();
      for (auto p : a.preds) overlap = overlap || std::count(b.preds.begin(), b.preds.end(), p);
      if (!overlap) continue;
      if (rels[i].slot < 0) rels[i].slot = new_slot();
      if (rels[j].slot < 0) rels[j].slot = new_slot();
      must_differ.emplace_back(i, j);
    }
  }

  // 2. WHERE: equalities on a new node's name or key become lookups; the
  //    rest are filters placed as early as their variables allow.
  std::vector<PendingFilter> filters;
  if (c.where) {
    std::vector<const Expr*> parts;
    SplitAnd(c.where.get(), &parts);
    for (const Expr* e : parts) {
      if (e->kind == ExprKind::kBinary && e->binary_op == BinaryOp::kEq) {
        const Expr* a = e->args[0].get();
        const Expr* b = e->args[1].get();
        if (IsConstant(*a)) std::swap(a, b);
        if (a->kind == ExprKind::kProperty && (a->name == "name" || a->name == "key") && IsConstant(*b) &&
            a->args[0]->kind == ExprKind::kVariable && node_of.count(a->args[0]->name)) {
          PNode& n = nodes[node_of[a->args[0]->name]];
          if (!n.from_input) {
            NG_ASSIGN_OR_RETURN(BoundExprPtr v, Bind(*b, *scope));
            n.props.emplace_back(a->name, std::move(v));
            continue;
          }
        }
      }
      PendingFilter f;
      NG_ASSIGN_OR_RETURN(f.expr, Bind(*e, *scope));
      CollectSlots(*f.expr, &f.slots);
      f.text = e->text;
      filters.push_back(std::move(f));
    }
  }

  // 3. Planning steps.
  std::set<int> bound;
  for (const auto& [name, v] : scope->all()) {
    bool is_new = std::find(new_slots->begin(), new_slots->end(), v.slot) != new_slots->end();
    if (!is_new) bound.insert(v.slot);
  }
  auto apply_filters = [&]() {
    for (auto& f : filters) {
      if (f.done) continue;
      bool ready = std::all_of(f.slots.begin(), f.slots.end(), [&](int s) { return bound.count(s) > 0; });
      if (!ready) continue;
      *op = MakeFilter(std::move(*op), std::move(f.expr), f.text);
      f.done = true;
    }
    for (auto& [i, j] : must_differ) {
      if (i == SIZE_MAX) continue;
      if (bound.count(rels[i].slot) && bound.count(rels[j].slot)) {
        std::vector<BoundExprPtr> args;
        args.push_back(SlotExpr(rels[i].slot));
        args.push_back(SlotExpr(rels[j].slot));
        *op = MakeFilter(std::move(*op), CallExpr(Function::kAllDifferent, std::move(args)),
                         "relationships differ");
        i = SIZE_MAX;
      }
    }
  };
  // Constraints of a node not used for its lookup.
  auto node_filters = [&](PNode& n, const std::string& used_for_lookup) {
    std::vector<BoundExprPtr> parts;
    std::string text;
    if (!n.labels.empty()) {
      // (:A:B) asks for both types; an entity has one, so each label must match.
      for (size_t i = 0; i < n.labels.size(); ++i) {
        std::vector<BoundExprPtr> one;
        one.push_back(SlotExpr(n.slot));
        one.push_back(ConstExpr(Value::String(n.labels[i])));
        parts.push_back(CallExpr(Function::kHasLabel, std::move(one)));
      }
      text += n.Show() + ":" + n.labels[0];
    }
    for (auto& [k, v] : n.props) {
      // The lookup moved its value out; another constraint on the same
      // property ({name: "A"} with WHERE n.name = "B") must still hold.
      if (!v) continue;
      std::vector<BoundExprPtr> args;
      args.push_back(SlotExpr(n.slot));
      args.push_back(std::move(v));
      if (k == "name") {
        parts.push_back(CallExpr(Function::kHasName, std::move(args)));
      } else if (k == "type") {
        parts.push_back(CallExpr(Function::kHasLabel, std::move(args)));
      } else {
        BoundExprPtr val = std::move(args[1]);
        parts.push_back(EqExpr(PropertyExpr(SlotExpr(n.slot), k), std::move(val)));
      }
      text += (text.empty() ? "" : ", ") + n.Show() + "." + k;
    }
    n.labels.clear();
    if (!parts.empty()) *op = MakeFilter(std::move(*op), AndAll(std::move(parts)), text);
  };
  auto rel_filters = [&](PRel& r) {
    std::vector<BoundExprPtr> parts;
    std::string text;
    for (auto& [k, v] : r.props) {
      parts.push_back(EqExpr(PropertyExpr(SlotExpr(r.slot), k), std::move(v)));
      text += (text.empty() ? "" : ", ") + std::string("[") + k + "]";
    }
    r.props.clear();
    if (!parts.empty()) *op = MakeFilter(std::move(*op), AndAll(std::move(parts)), text);
  };
  auto mark_bound = [&](PNode& n) {
    n.bound = true;
    bound.insert(n.slot);
  };
  // Relationship properties need a slot to filter on.
  for (auto& r : rels) {
    if (!r.props.empty() && r.slot < 0) r.slot = new_slot();
  }

  for (auto& n : nodes) {
    if (n.from_input) node_filters(n, "");
  }
  apply_filters();

  auto lookup_of = [&](const PNode& n) -> std::string {
    for (const char* k : {"key", "id", "name"}) {
      for (const auto& [pk, v] : n.props) {
        if (pk == k && v) return k;
      }
    }
    return {};
  };
  auto fanout = [&](const PRel& r, bool from_left) {
    Direction d = from_left ? r.dir : Reverse(r.dir);
    double total = 0;
    std::vector<graph::TermId> preds = r.preds.empty() ? std::vector<graph::TermId>{graph::kNoTerm} : r.preds;
    for (auto p : preds) {
      if (d != Direction::kIn) total += catalog_.FanOut(p, true);
      if (d != Direction::kOut) total += catalog_.FanOut(p, false);
    }
    if (r.varlen) total = std::pow(std::max(1.0, total), static_cast<double>(std::min<int64_t>(r.max_hops, 3)));
    return total;
  };
  auto rel_text = [&](const PRel& r) {
    std::string arrow_l = r.dir == Direction::kIn ? "<-" : "-";
    std::string arrow_r = r.dir == Direction::kOut ? "->" : "-";
    std::string range;
    if (r.varlen) range = "*" + std::to_string(r.min_hops) + ".." + std::to_string(r.max_hops);
    return nodes[r.left].Show() + arrow_l + "[" + r.types_text + range + "]" + arrow_r + nodes[r.right].Show();
  };

  for (;;) {
    // Cheapest step from what is bound.
    int best = -1;
    bool best_from_left = true;
    double best_cost = 1e300;
    for (size_t i = 0; i < rels.size(); ++i) {
      const PRel& r = rels[i];
      if (r.planned) continue;
      bool lb = nodes[r.left].bound, rb = nodes[r.right].bound;
      if (r.shortest) {
        if (lb && rb && best_cost > 1) {
          best = static_cast<int>(i);
          best_cost = 1;
        }
        continue;
      }
      if (!lb && !rb) continue;
      double cost = lb && rb ? 0.5 : lb ? fanout(r, true) : fanout(r, false);
      if (cost < best_cost) {
        best = static_cast<int>(i);
        best_cost = cost;
        best_from_left = lb;
      }
    }
    if (best >= 0) {
      PRel& r = rels[static_cast<size_t>(best)];
      PNode& from = best_from_left ? nodes[r.left] : nodes[r.right];
      PNode& to = best_from_left ? nodes[r.right] : nodes[r.left];
      Direction d = best_from_left ? r.dir : Reverse(r.dir);
      std::string detail = rel_text(r) + " from " + from.Show() + ", ~" + Fmt(best_cost) + " per row";
      if (r.shortest) {
        ShortestPathSpec s;
        s.from_slot = nodes[r.left].slot;
        s.to_slot = nodes[r.right].slot;
        s.path_slot = r.path_slot;
        s.rels_slot = r.slot;
        s.direction = r.dir;
        s.predicates = r.preds;
        s.min_hops = r.varlen ? r.min_hops : 1;
        s.max_hops = r.max_hops;
        s.all = r.all_shortest;
        s.detail = rel_text(r);
        *op = MakeShortestPath(std::move(*op), std::move(s));
        if (r.path_slot >= 0) bound.insert(r.path_slot);
      } else if (r.varlen) {
        VarExpandSpec s;
        s.from_slot = from.slot;
        s.to_slot = to.slot;
        s.rels_slot = r.slot;
        s.direction = d;
        s.predicates = r.preds;
        s.min_hops = r.min_hops;
        s.max_hops = r.max_hops;
        s.max_given = r.max_given;
        s.into = to.bound;
        s.detail = detail;
        *op = MakeVarExpand(std::move(*op), std::move(s));
      } else {
        ExpandSpec s;
        s.from_slot = from.slot;
        s.to_slot = to.slot;
        s.rel_slot = r.slot;
        s.direction = d;
        s.predicates = r.preds;
        s.into = to.bound;
        s.detail = detail;
        *op = MakeExpand(std::move(*op), std::move(s));
      }
      r.planned = true;
      if (r.slot >= 0) bound.insert(r.slot);
      if (!to.bound) {
        mark_bound(to);
        node_filters(to, "");
      }
      rel_filters(r);
      apply_filters();
      continue;
    }

    // Nothing bound to expand from: start a new component.
    int best_node = -1;
    double node_cost = 1e300;
    std::string node_lookup;
    for (size_t i = 0; i < nodes.size(); ++i) {
      const PNode& n = nodes[i];
      if (n.bound) continue;
      std::string lk = lookup_of(n);
      double cost = !lk.empty() ? 1 : !n.labels.empty() ? catalog_.entities() / 8 : catalog_.entities();
      if (cost < node_cost) {
        best_node = static_cast<int>(i);
        node_cost = cost;
        node_lookup = lk;
      }
    }
    int best_rel = -1;
    double rel_cost = 1e300;
    for (size_t i = 0; i < rels.size(); ++i) {
      const PRel& r = rels[i];
      if (r.planned || r.varlen || r.shortest || r.left == r.right) continue;
      double cost = 0;
      if (r.preds.empty()) {
        cost = catalog_.facts() * (r.dir == Direction::kBoth ? 2 : 1);
      } else {
        for (auto p : r.preds) cost += static_cast<double>(catalog_.Stats(p).facts);
      }
      if (cost < rel_cost) {
        best_rel = static_cast<int>(i);
        rel_cost = cost;
      }
    }
    if (best_node < 0 && best_rel < 0) break;
    // A node lookup wins unless scanning one predicate is cheaper than
    // expanding from every candidate node.
    bool use_rel = best_rel >= 0 && (best_node < 0 || (node_lookup.empty() && rel_cost <= node_cost * 2));
    if (use_rel) {
      PRel& r = rels[static_cast<size_t>(best_rel)];
      RelScanSpec s;
      s.start_slot = nodes[r.left].slot;
      s.end_slot = nodes[r.right].slot;
      s.rel_slot = r.slot;
      s.direction = r.dir;
      s.predicates = r.preds;
      s.detail = rel_text(r) + ", ~" + Fmt(rel_cost) + " rows";
      *op = MakeRelScan(std::move(*op), std::move(s));
      r.planned = true;
      if (r.slot >= 0) bound.insert(r.slot);
      mark_bound(nodes[r.left]);
      mark_bound(nodes[r.right]);
      node_filters(nodes[r.left], "");
      node_filters(nodes[r.right], "");
      rel_filters(r);
      apply_filters();
      continue;
    }
    PNode& n = nodes[static_cast<size_t>(best_node)];
    NodeSourceSpec s;
    s.slot = n.slot;
    if (!node_lookup.empty()) {
      s.mode = node_lookup == "key" ? NodeSourceSpec::Mode::kByKey
               : node_lookup == "id" ? NodeSourceSpec::Mode::kById
                                     : NodeSourceSpec::Mode::kByName;
      for (auto& [k, v] : n.props) {
        if (k == node_lookup && v) {
          s.value = std::move(v);
          break;
        }
      }
      s.detail = n.Show() + " by " + node_lookup;
    } else {
      s.detail = n.Show() + ", ~" + Fmt(node_cost) + " nodes";
    }
    *op = MakeNodeSource(std::move(*op), std::move(s));
    mark_bound(n);
    node_filters(n, node_lookup);
    apply_filters();
  }

  // 4. Path variables of fixed and variable-length patterns.
  for (const PathVar& pv : path_vars) {
    std::vector<BoundExprPtr> args;
    for (size_t i = 0; i < pv.node_idx.size(); ++i) {
      args.push_back(SlotExpr(nodes[pv.node_idx[i]].slot));
      if (i < pv.rel_idx.size()) args.push_back(SlotExpr(rels[pv.rel_idx[i]].slot));
    }
    std::vector<ProjectItem> items;
    items.push_back(ProjectItem{CallExpr(Function::kMakePath, std::move(args)), pv.slot});
    *op = MakeProject(std::move(*op), std::move(items), "path");
    bound.insert(pv.slot);
  }
  apply_filters();
  for (auto& f : filters) {
    if (!f.done) *op = MakeFilter(std::move(*op), std::move(f.expr), f.text);
  }
  return Status::OK();
}

}  // namespace newsgraph::query
