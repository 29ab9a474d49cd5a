#include "query/plan/planner.h"

#include <algorithm>

#include "query/exec/procedures.h"
#include "query/plan/planner_internal.h"
#include "query/plan/rewrites.h"

namespace newsgraph::query {

BoundExprPtr SlotExpr(int slot) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundKind::kSlot;
  e->slot = slot;
  return e;
}

BoundExprPtr ConstExpr(Value v) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundKind::kConst;
  e->constant = std::move(v);
  return e;
}

BoundExprPtr CallExpr(Function f, std::vector<BoundExprPtr> args) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundKind::kCall;
  e->function = f;
  e->args = std::move(args);
  return e;
}

BoundExprPtr PropertyExpr(BoundExprPtr base, const std::string& key) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundKind::kProperty;
  e->name = key;
  e->args.push_back(std::move(base));
  return e;
}

BoundExprPtr EqExpr(BoundExprPtr a, BoundExprPtr b) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundKind::kBinary;
  e->binary_op = BinaryOp::kEq;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

BoundExprPtr AndAll(std::vector<BoundExprPtr> parts) {
  BoundExprPtr out;
  for (auto& p : parts) {
    if (!out) {
      out = std::move(p);
      continue;
    }
    auto e = std::make_unique<BoundExpr>();
    e->kind = BoundKind::kBinary;
    e->binary_op = BinaryOp::kAnd;
    e->args.push_back(std::move(out));
    e->args.push_back(std::move(p));
    out = std::move(e);
  }
  return out;
}

Result<CompiledQuery> Planner::Plan(const Statement& st) {
  CompiledQuery out;
  out.mode = st.mode;
  std::vector<OperatorPtr> parts;
  for (size_t i = 0; i < st.parts.size(); ++i) {
    std::vector<std::string> columns;
    std::optional<SingleQuery> rewritten = RewriteCountStore(st.parts[i]);
    if (rewritten) {
      // An unknown predicate must still get its error report, and an inverse
      // name is not the name the statistics use: plan those as written.
      for (const auto& t : st.parts[i].clauses[0].patterns[0].rels[0].types) {
        bool flip = false;
        if (!catalog_.Predicate(t, &flip) || flip) rewritten.reset();
      }
    }
    NG_ASSIGN_OR_RETURN(OperatorPtr op, PlanSingle(rewritten ? *rewritten : st.parts[i], &columns));
    if (i == 0) {
      out.columns = columns;
    } else if (columns != out.columns) {
      return Error(st.parts[i].span, "all parts of a UNION must return the same column names",
                   "rename the columns with AS so that they match");
    }
    parts.push_back(std::move(op));
  }
  OperatorPtr root;
  if (parts.size() == 1) {
    root = std::move(parts[0]);
  } else {
    bool all = std::all_of(st.union_all.begin(), st.union_all.end(), [](bool b) { return b; });
    root = MakeUnion(std::move(parts));
    if (!all) {
      std::vector<int> cols;
      for (size_t i = 0; i < out.columns.size(); ++i) cols.push_back(static_cast<int>(i));
      root = MakeDistinct(std::move(root), cols);
    }
  }
  out.root = MakeRowBound(std::move(root));
  out.row_width = static_cast<size_t>(slots_.count());
  return out;
}

Result<OperatorPtr> Planner::PlanSingle(const SingleQuery& q, std::vector<std::string>* columns) {
  Scope scope;
  OperatorPtr op = MakeStart();
  std::vector<int> out_slots;
  bool ended_with_call = false;
  for (const Clause& c : q.clauses) {
    ended_with_call = false;
    switch (c.kind) {
      case ClauseKind::kMatch:
        NG_RETURN_IF_ERROR(PlanMatch(c, &op, &scope));
        break;
      case ClauseKind::kCall:
        columns->clear();
        out_slots.clear();
        NG_RETURN_IF_ERROR(PlanCall(c, &op, &scope, columns, &out_slots));
        ended_with_call = true;
        break;
      case ClauseKind::kWith: {
        std::vector<std::string> cols;
        std::vector<int> slots;
        NG_RETURN_IF_ERROR(PlanProjection(c.projection, true, &op, &scope, &cols, &slots));
        break;
      }
    }
  }
  if (q.has_return) {
    columns->clear();
    out_slots.clear();
    NG_RETURN_IF_ERROR(PlanProjection(q.ret, false, &op, &scope, columns, &out_slots));
  } else if (!ended_with_call) {
    Span end = q.span;
    end.offset += end.length;
    end.length = 0;
    return Error(q.clauses.empty() ? q.span : q.clauses.back().span, "a query must end with RETURN",
                 "add RETURN with what you want to see, e.g. RETURN *");
  }
  return MakeOutput(std::move(op), out_slots);
}

Status Planner::PlanCall(const Clause& c, OperatorPtr* op, Scope* scope, std::vector<std::string>* columns,
                         std::vector<int>* out_slots) {
  const ProcedureSpec* spec = FindProcedure(c.procedure);
  if (!spec) {
    std::vector<std::string> names;
    for (const auto* p : AllProcedures()) names.push_back(p->name);
    std::string close = Closest(c.procedure, names);
    return Error(c.span, "unknown procedure `" + c.procedure + "`",
                 close.empty() ? "CALL db.procedures() is not available; see the manual for the list"
                               : "did you mean `" + close + "`?");
  }
  if (c.args.size() < spec->min_args || c.args.size() > spec->max_args) {
    return Error(c.span, spec->name + " takes " +
                             (spec->min_args == spec->max_args
                                  ? std::to_string(spec->min_args)
                                  : std::to_string(spec->min_args) + " to " + std::to_string(spec->max_args)) +
                             " arguments: " + spec->signature);
  }
  std::vector<BoundExprPtr> args;
  for (const auto& a : c.args) {
    NG_ASSIGN_OR_RETURN(BoundExprPtr b, Bind(*a, *scope));
    args.push_back(std::move(b));
  }
  std::vector<std::pair<size_t, int>> yields;
  auto add = [&](size_t col, const std::string& alias) {
    int slot = slots_.New();
    yields.emplace_back(col, slot);
    VarKind kind = spec->outputs[col] == "node" || spec->outputs[col] == "subject" ? VarKind::kNode : VarKind::kValue;
    scope->Add(Variable{alias, slot, kind});
    columns->push_back(alias);
    out_slots->push_back(slot);
  };
  if (c.yield_all) {
    for (size_t i = 0; i < spec->outputs.size(); ++i) add(i, spec->outputs[i]);
  } else {
    for (const auto& y : c.yields) {
      auto it = std::find(spec->outputs.begin(), spec->outputs.end(), y.name);
      if (it == spec->outputs.end()) {
        std::string list;
        for (const auto& o : spec->outputs) list += (list.empty() ? "" : ", ") + o;
        return Error(y.span, spec->name + " has no output `" + y.name + "`", "it yields " + list);
      }
      add(static_cast<size_t>(it - spec->outputs.begin()), y.alias);
    }
  }
  *op = MakeCall(std::move(*op), spec, std::move(args), std::move(yields));
  if (c.where) {
    NG_ASSIGN_OR_RETURN(BoundExprPtr w, Bind(*c.where, *scope));
    *op = MakeFilter(std::move(*op), std::move(w), c.where->text);
  }
  return Status::OK();
}

namespace {

bool MentionsName(const Expr& e, const std::vector<std::string>& names) {
  if (e.kind == ExprKind::kVariable && std::find(names.begin(), names.end(), e.name) != names.end()) return true;
  for (const auto& a : e.args) {
    if (a && MentionsName(*a, names)) return true;
  }
  return false;
}

std::string SortDetail(const Projection& p) {
  std::string detail;
  for (const auto& s : p.order_by) detail += (detail.empty() ? "" : ", ") + s.expr->text + (s.descending ? " DESC" : "");
  return detail;
}

}  // namespace

bool Planner::KeysBeforeProjection(const Projection& p, const std::vector<const Expr*>& exprs,
                                   const std::vector<std::string>& aliases, const Scope& scope,
                                   std::vector<SortKey>* keys) {
  for (const auto& s : p.order_by) {
    // A key that is a projected column (by its text or its name) is that
    // column's expression, evaluated on the row before the projection.
    const Expr* e = nullptr;
    for (size_t i = 0; i < exprs.size() && !e; ++i) {
      if (exprs[i]->text == s.expr->text ||
          (s.expr->kind == ExprKind::kVariable && s.expr->name == aliases[i])) {
        e = exprs[i];
      }
    }
    if (!e) {
      // Anything else must not depend on a projected name.
      if (MentionsName(*s.expr, aliases)) return false;
      e = s.expr.get();
    }
    if (HasAggregate(*e)) return false;
    auto b = Bind(*e, scope);
    if (!b.ok()) return false;  // the usual path reports the error
    SortKey k;
    k.descending = s.descending;
    k.expr = std::move(b).value();
    keys->push_back(std::move(k));
  }
  return true;
}

Status Planner::PlanProjection(const Projection& p, bool is_with, OperatorPtr* op, Scope* scope,
                               std::vector<std::string>* columns, std::vector<int>* out_slots) {
  struct Item {
    const Expr* expr;
    std::string alias;
    Span span;
    std::unique_ptr<Expr> owned;  // for RETURN *
  };
  std::vector<Item> items;
  if (p.star) {
    for (const auto& [name, v] : scope->all()) {
      if (name.starts_with("  ")) continue;  // internal
      auto e = std::make_unique<Expr>(ExprKind::kVariable);
      e->name = name;
      e->text = name;
      Item it{e.get(), name, p.span, std::move(e)};
      items.push_back(std::move(it));
    }
    if (items.empty()) return Error(p.span, "RETURN * with no variables in scope");
  }
  for (const auto& pi : p.items) items.push_back(Item{pi.expr.get(), pi.alias, pi.expr->span, nullptr});
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (items[i].alias == items[j].alias) {
        return Error(items[i].span, "column name `" + items[i].alias + "` is used twice",
                     "give one of them another name with AS");
      }
    }
  }
  if (is_with) {
    for (const auto& it : items) {
      if (it.expr->kind != ExprKind::kVariable && !it.owned &&
          std::find_if(p.items.begin(), p.items.end(),
                       [&](const ProjectionItem& x) { return x.expr.get() == it.expr && x.has_alias; }) == p.items.end()) {
        return Error(it.span, "an expression in WITH needs a name", "add AS name");
      }
    }
  }

  std::optional<uint64_t> top;  // rows a sort must keep: LIMIT (+ SKIP) when constant
  {
    auto constant = [](const ExprPtr& e) -> std::optional<uint64_t> {
      if (e && e->kind == ExprKind::kLiteral && e->literal.type() == Value::Type::kInt && e->literal.AsInt() >= 0) {
        return static_cast<uint64_t>(e->literal.AsInt());
      }
      return std::nullopt;
    };
    if (p.limit) {
      auto l = constant(p.limit);
      auto sk = p.skip ? constant(p.skip) : std::optional<uint64_t>(0);
      if (l && sk) top = *l + *sk;
    }
  }
  bool sorted = false;
  std::vector<SortKey> early_keys;

  std::vector<AggregateCall> aggs;
  binder_.set_aggregates(&aggs);
  std::vector<BoundExprPtr> bound;
  for (const auto& it : items) {
    auto b = Bind(*it.expr, *scope);
    if (!b.ok()) {
      binder_.set_aggregates(nullptr);
      return b.status();
    }
    bound.push_back(std::move(b).value());
  }
  binder_.set_aggregates(nullptr);
  const bool aggregating = !aggs.empty();

  Scope after;  // what ORDER BY and later clauses see
  std::vector<int> slots(items.size(), -1);
  if (aggregating) {
    std::vector<ProjectItem> keys;
    std::string detail;
    for (size_t i = 0; i < items.size(); ++i) {
      if (HasAggregate(*items[i].expr)) continue;
      slots[i] = slots_.New();
      keys.push_back(ProjectItem{std::move(bound[i]), slots[i]});
      detail += (detail.empty() ? "by " : ", ") + items[i].alias;
    }
    std::string aggs_text;
    for (size_t i = 0; i < items.size(); ++i) {
      if (HasAggregate(*items[i].expr)) aggs_text += (aggs_text.empty() ? "" : ", ") + items[i].expr->text;
    }
    *op = MakeAggregate(std::move(*op), std::move(keys), std::move(aggs),
                        aggs_text + (detail.empty() ? "" : " " + detail));
    std::vector<ProjectItem> post;
    for (size_t i = 0; i < items.size(); ++i) {
      if (slots[i] >= 0) continue;
      if (bound[i]->kind == BoundKind::kSlot) {
        slots[i] = bound[i]->slot;
      } else {
        slots[i] = slots_.New();
        post.push_back(ProjectItem{std::move(bound[i]), slots[i]});
      }
    }
    if (!post.empty()) *op = MakeProject(std::move(*op), std::move(post), "after aggregation");
  } else {
    std::vector<ProjectItem> proj;
    std::string detail;
    for (size_t i = 0; i < items.size(); ++i) {
      if (bound[i]->kind == BoundKind::kSlot) {
        slots[i] = bound[i]->slot;  // a plain variable: no copy needed
        continue;
      }
      slots[i] = slots_.New();
      detail += (detail.empty() ? "" : ", ") + items[i].alias;
      proj.push_back(ProjectItem{std::move(bound[i]), slots[i]});
    }
    // A top-N over the rows before the projection computes the projected
    // values (names, say) for the kept rows only instead of for every row;
    // its later keys are only read on ties.
    if (!proj.empty() && !p.distinct && top && !p.order_by.empty()) {
      std::vector<const Expr*> exprs;
      std::vector<std::string> aliases;
      for (const auto& it : items) {
        exprs.push_back(it.expr);
        aliases.push_back(it.alias);
      }
      sorted = KeysBeforeProjection(p, exprs, aliases, *scope, &early_keys);
      if (sorted) *op = MakeSort(std::move(*op), std::move(early_keys), top, SortDetail(p));
    }
    if (!proj.empty()) *op = MakeProject(std::move(*op), std::move(proj), detail);
    // Without aggregation or DISTINCT, ORDER BY may still use the variables
    // of the match.
    if (!p.distinct) after = *scope;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    VarKind kind = VarKind::kValue;
    if (items[i].expr->kind == ExprKind::kVariable) {
      if (const Variable* v = scope->Find(items[i].expr->name)) kind = v->kind;
    }
    after.Add(Variable{items[i].alias, slots[i], kind});
  }
  if (p.distinct) *op = MakeDistinct(std::move(*op), slots);

  if (!p.order_by.empty() && !sorted) {
    std::vector<SortKey> keys;
    std::string detail;
    for (const auto& s : p.order_by) {
      SortKey k;
      k.descending = s.descending;
      // ORDER BY count(*) refers to the projected column with that text.
      auto same = std::find_if(items.begin(), items.end(), [&](const Item& it) { return it.expr->text == s.expr->text; });
      if (same != items.end()) {
        k.expr = SlotExpr(slots[static_cast<size_t>(same - items.begin())]);
      } else {
        if (HasAggregate(*s.expr)) {
          return Error(s.expr->span, "ORDER BY can only sort by an aggregate that RETURN also computes",
                       "add it to RETURN with AS and sort by that name");
        }
        NG_ASSIGN_OR_RETURN(k.expr, Bind(*s.expr, after));
      }
      detail += (detail.empty() ? "" : ", ") + s.expr->text + (s.descending ? " DESC" : "");
      keys.push_back(std::move(k));
    }
    *op = MakeSort(std::move(*op), std::move(keys), top, detail);
  }
  if (p.skip || p.limit) {
    Scope empty;
    BoundExprPtr skip, limit;
    if (p.skip) {
      auto b = Bind(*p.skip, empty);
      if (!b.ok()) return Error(p.skip->span, "SKIP needs a number or a parameter");
      skip = std::move(b).value();
    }
    if (p.limit) {
      auto b = Bind(*p.limit, empty);
      if (!b.ok()) return Error(p.limit->span, "LIMIT needs a number or a parameter");
      limit = std::move(b).value();
    }
    *op = MakeSkipLimit(std::move(*op), std::move(skip), std::move(limit));
  }
  if (is_with) {
    Scope next;
    for (size_t i = 0; i < items.size(); ++i) {
      VarKind kind = VarKind::kValue;
      if (items[i].expr->kind == ExprKind::kVariable) {
        if (const Variable* v = scope->Find(items[i].expr->name)) kind = v->kind;
      }
      next.Add(Variable{items[i].alias, slots[i], kind});
    }
    *scope = std::move(next);
    if (p.where) {
      NG_ASSIGN_OR_RETURN(BoundExprPtr w, Bind(*p.where, *scope));
      *op = MakeFilter(std::move(*op), std::move(w), p.where->text);
    }
  }
  for (size_t i = 0; i < items.size(); ++i) {
    columns->push_back(items[i].alias);
    out_slots->push_back(slots[i]);
  }
  return Status::OK();
}

Result<CompiledQuery> PlanStatement(const Statement& st, std::string_view text, const graph::ReadView& view,
                                    const Catalog& catalog, const QueryOptions& options) {
  Planner p(text, view, catalog, options);
  return p.Plan(st);
}

}  // namespace newsgraph::query
