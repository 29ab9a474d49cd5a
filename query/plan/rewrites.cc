#include "query/plan/rewrites.h"

#include <algorithm>
#include <cctype>

namespace newsgraph::query {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

enum class Col { kNone, kType, kFacts, kMentions };

// What a RETURN item computes, in terms of the statistics.
Col Classify(const Expr& e, const std::string& rel) {
  auto is_rel = [&](const Expr& x) { return x.kind == ExprKind::kVariable && x.name == rel; };
  if (e.kind == ExprKind::kCountStar) return Col::kFacts;
  if (e.kind != ExprKind::kFunction || e.distinct || e.args.size() != 1) return Col::kNone;
  std::string f = Lower(e.name);
  const Expr& a = *e.args[0];
  if (f == "type" && is_rel(a)) return Col::kType;
  if (f == "count" && is_rel(a)) return Col::kFacts;
  if (f == "sum" && a.kind == ExprKind::kProperty && (a.name == "count" || a.name == "mentions") &&
      is_rel(*a.args[0])) {
    return Col::kMentions;
  }
  return Col::kNone;
}

ExprPtr Var(const std::string& name, const Span& span, const std::string& text) {
  auto e = std::make_unique<Expr>(ExprKind::kVariable);
  e->name = name;
  e->span = span;
  e->text = text;
  return e;
}

}  // namespace

std::optional<SingleQuery> RewriteCountStore(const SingleQuery& q) {
  if (q.clauses.size() != 1 || !q.has_return) return std::nullopt;
  const Clause& m = q.clauses[0];
  if (m.kind != ClauseKind::kMatch || m.optional || m.where || m.patterns.size() != 1) return std::nullopt;
  const PathPattern& p = m.patterns[0];
  if (!p.path_variable.empty() || p.shortest != ShortestKind::kNone || p.rels.size() != 1) return std::nullopt;
  const RelPattern& r = p.rels[0];
  if (r.variable.empty() || r.variable_length || !r.prop_keys.empty() || r.prop_parameter ||
      r.direction == Direction::kBoth) {
    return std::nullopt;
  }
  for (const NodePattern& n : p.nodes) {
    if (!n.variable.empty() || !n.labels.empty() || !n.prop_keys.empty() || n.prop_parameter) return std::nullopt;
  }
  const Projection& ret = q.ret;
  if (ret.star || ret.items.empty()) return std::nullopt;
  std::vector<Col> cols;
  bool has_type = false, has_agg = false;
  for (const auto& it : ret.items) {
    Col c = Classify(*it.expr, r.variable);
    if (c == Col::kNone) return std::nullopt;
    has_type |= c == Col::kType;
    has_agg |= c != Col::kType;
    cols.push_back(c);
  }
  // Without type(r) the counts would be totals, not per type.
  if (!has_type || !has_agg) return std::nullopt;
  for (const auto& s : ret.order_by) {
    bool ok = std::any_of(ret.items.begin(), ret.items.end(), [&](const ProjectionItem& it) {
      return it.expr->text == s.expr->text || (s.expr->kind == ExprKind::kVariable && s.expr->name == it.alias);
    });
    if (!ok) return std::nullopt;
  }

  SingleQuery out;
  out.span = q.span;
  Clause call;
  call.kind = ClauseKind::kCall;
  call.span = m.span;
  call.procedure = "db.predicates";
  for (const char* y : {"name", "facts", "mentions"}) {
    YieldItem yi;
    yi.name = y;
    yi.alias = std::string("  ") + y;  // internal: no user variable can clash
    yi.span = m.span;
    call.yields.push_back(yi);
  }
  // facts > 0, and the relationship's types when it names some.
  auto where = std::make_unique<Expr>(ExprKind::kBinary);
  where->binary_op = BinaryOp::kGt;
  where->span = m.span;
  where->args.push_back(Var("  facts", m.span, "facts"));
  auto zero = std::make_unique<Expr>(ExprKind::kLiteral);
  zero->literal = Value::Int(0);
  where->args.push_back(std::move(zero));
  if (!r.types.empty()) {
    auto in = std::make_unique<Expr>(ExprKind::kBinary);
    in->binary_op = BinaryOp::kIn;
    in->span = r.span;
    in->args.push_back(Var("  name", r.span, "type"));
    auto list = std::make_unique<Expr>(ExprKind::kList);
    for (const auto& t : r.types) {
      auto lit = std::make_unique<Expr>(ExprKind::kLiteral);
      lit->literal = Value::String(t);
      list->args.push_back(std::move(lit));
    }
    in->args.push_back(std::move(list));
    auto both = std::make_unique<Expr>(ExprKind::kBinary);
    both->binary_op = BinaryOp::kAnd;
    both->args.push_back(std::move(where));
    both->args.push_back(std::move(in));
    where = std::move(both);
  }
  call.where = std::move(where);
  out.clauses.push_back(std::move(call));

  out.has_return = true;
  out.ret.span = ret.span;
  out.ret.distinct = ret.distinct;
  for (size_t i = 0; i < ret.items.size(); ++i) {
    ProjectionItem pi;
    const char* src = cols[i] == Col::kType ? "  name" : cols[i] == Col::kFacts ? "  facts" : "  mentions";
    pi.expr = Var(src, ret.items[i].expr->span, ret.items[i].expr->text);
    pi.alias = ret.items[i].alias;
    pi.has_alias = true;
    out.ret.items.push_back(std::move(pi));
  }
  for (const auto& s : ret.order_by) {
    SortItem si;
    si.descending = s.descending;
    // Sort by the output column of the same text or name.
    for (size_t i = 0; i < ret.items.size(); ++i) {
      if (ret.items[i].expr->text == s.expr->text || (s.expr->kind == ExprKind::kVariable && s.expr->name == ret.items[i].alias)) {
        si.expr = Var(ret.items[i].alias, s.expr->span, ret.items[i].alias);
        break;
      }
    }
    out.ret.order_by.push_back(std::move(si));
  }
  if (ret.skip) out.ret.skip = ret.skip->Clone();
  if (ret.limit) out.ret.limit = ret.limit->Clone();
  return out;
}

}  // namespace newsgraph::query
