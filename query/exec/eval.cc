#include "query/exec/eval.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "core/date.h"
#include "graph/store/records.h"

namespace newsgraph::query {

struct RegexCache {
  std::mutex mu;
  std::string pattern;
  std::unique_ptr<icu::RegexPattern> compiled;
  std::string error;
};

BoundExpr::~BoundExpr() = default;

void CollectSlots(const BoundExpr& e, std::vector<int>* slots) {
  if (e.kind == BoundKind::kSlot) slots->push_back(e.slot);
  for (const auto& a : e.args) {
    if (a) CollectSlots(*a, slots);
  }
}

namespace {

Value Null() { return Value(); }

Value TypeError(ExecContext* ctx, const BoundExpr& e, const std::string& what) {
  ctx->Fail(Status::InvalidArgument("type error at line " + std::to_string(e.span.line) + ", column " +
                                    std::to_string(e.span.column) + ": " + what));
  return Null();
}

const graph::TermRecord* Term(graph::TermId id, ExecContext* ctx) {
  Status s;
  const graph::TermRecord* t = ctx->terms->Get(id, &s);
  if (!t) ctx->Fail(s);
  return t;
}

Value LiteralOf(const graph::TermRecord& t) {
  switch (t.kind) {
    case graph::TermKind::kInteger: return Value::Int(std::stoll(t.key));
    case graph::TermKind::kDecimal: return Value::Double(std::stod(t.key));
    case graph::TermKind::kDate: {
      auto d = ParseIsoDate(t.key);
      return d ? Value::FromDate(Date{*d}) : Value::String(t.key);
    }
    default: return Value::String(t.key);
  }
}

// The operators bind a fact's object as a node value with the term id, also
// when the object is a literal (they do not read terms). Expressions see the
// literal itself, as results do (Materialise): `WHERE title = "Prime
// Minister"`, `ORDER BY n`, `sum(n)`.
Value SlotValue(const Value& v, ExecContext* ctx) {
  if (v.type() != Value::Type::kNode || !v.AsNode().key.empty()) return v;
  const graph::TermRecord* t = Term(v.AsNode().id, ctx);
  return t && t->IsLiteral() ? LiteralOf(*t) : v;
}

// Cypher's three-valued comparison: null when either side is null or the
// types cannot be compared.
Value CompareValues(BinaryOp op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Null();
  bool comparable = (a.IsNumber() && b.IsNumber()) || a.type() == b.type();
  if (op == BinaryOp::kEq || op == BinaryOp::kNeq) {
    bool eq = comparable && Value::Compare(a, b) == 0;
    return Value::Bool(op == BinaryOp::kEq ? eq : !eq);
  }
  if (!comparable) return Null();
  int c = Value::Compare(a, b);
  switch (op) {
    case BinaryOp::kLt: return Value::Bool(c < 0);
    case BinaryOp::kGt: return Value::Bool(c > 0);
    case BinaryOp::kLe: return Value::Bool(c <= 0);
    case BinaryOp::kGe: return Value::Bool(c >= 0);
    default: return Null();
  }
}

Value Arithmetic(const BoundExpr& e, const Value& a, const Value& b, ExecContext* ctx) {
  if (a.is_null() || b.is_null()) return Null();
  BinaryOp op = e.binary_op;
  if (op == BinaryOp::kAdd) {
    if (a.type() == Value::Type::kString || b.type() == Value::Type::kString) {
      return Value::String(a.ToString() + b.ToString());
    }
    if (a.type() == Value::Type::kList || b.type() == Value::Type::kList) {
      List out;
      for (const Value* v : {&a, &b}) {
        if (v->type() == Value::Type::kList) {
          out.insert(out.end(), v->AsList().begin(), v->AsList().end());
        } else {
          out.push_back(*v);
        }
      }
      return Value::FromList(std::move(out));
    }
    if (a.type() == Value::Type::kDate && b.type() == Value::Type::kInt) {
      return Value::FromDate(Date{static_cast<int32_t>(a.AsDate().days + b.AsInt())});
    }
  }
  if (op == BinaryOp::kSub && a.type() == Value::Type::kDate) {
    if (b.type() == Value::Type::kDate) return Value::Int(a.AsDate().days - b.AsDate().days);
    if (b.type() == Value::Type::kInt) return Value::FromDate(Date{static_cast<int32_t>(a.AsDate().days - b.AsInt())});
  }
  if (!a.IsNumber() || !b.IsNumber()) {
    return TypeError(ctx, e, std::string("cannot apply ") + BinaryOpName(op) + " to " +
                                 TypeName(a.type()) + " and " + TypeName(b.type()));
  }
  if (a.type() == Value::Type::kInt && b.type() == Value::Type::kInt) {
    int64_t x = a.AsInt(), y = b.AsInt(), r = 0;
    switch (op) {
      case BinaryOp::kAdd:
        if (__builtin_add_overflow(x, y, &r)) return TypeError(ctx, e, "integer overflow");
        return Value::Int(r);
      case BinaryOp::kSub:
        if (__builtin_sub_overflow(x, y, &r)) return TypeError(ctx, e, "integer overflow");
        return Value::Int(r);
      case BinaryOp::kMul:
        if (__builtin_mul_overflow(x, y, &r)) return TypeError(ctx, e, "integer overflow");
        return Value::Int(r);
      case BinaryOp::kDiv:
        if (y == 0) return TypeError(ctx, e, "division by zero");
        return Value::Int(x / y);
      case BinaryOp::kMod:
        if (y == 0) return TypeError(ctx, e, "division by zero");
        return Value::Int(x % y);
      default: break;
    }
  }
  double x = a.AsNumber(), y = b.AsNumber();
  switch (op) {
    case BinaryOp::kAdd: return Value::Double(x + y);
    case BinaryOp::kSub: return Value::Double(x - y);
    case BinaryOp::kMul: return Value::Double(x * y);
    case BinaryOp::kDiv: return Value::Double(x / y);
    case BinaryOp::kMod: return Value::Double(std::fmod(x, y));
    default: return Null();
  }
}

Value Regex(const BoundExpr& e, const Value& s, const Value& pattern, ExecContext* ctx) {
  if (s.is_null() || pattern.is_null()) return Null();
  if (s.type() != Value::Type::kString || pattern.type() != Value::Type::kString) {
    return TypeError(ctx, e, "=~ needs a string and a pattern");
  }
  RegexCache& rc = *e.regex;
  std::lock_guard<std::mutex> lock(rc.mu);
  if (!rc.compiled || rc.pattern != pattern.AsString()) {
    UErrorCode err = U_ZERO_ERROR;
    UParseError pe;
    rc.pattern = pattern.AsString();
    rc.compiled.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(rc.pattern), pe, err));
    if (U_FAILURE(err)) {
      rc.compiled.reset();
      return TypeError(ctx, e, "bad regular expression \"" + rc.pattern + "\" (" + u_errorName(err) + ")");
    }
  }
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(s.AsString());
  std::unique_ptr<icu::RegexMatcher> m(rc.compiled->matcher(input, err));
  // Catastrophic backtracking stops here instead of hanging the query. ICU
  // counts in ticks of 10,000 match steps, about 0.3 ms each on current
  // hardware (its documentation's "about a millisecond" is dated): 3,000 is
  // about a second per match; the old 200,000 let one `(a|aa)*b` run a minute.
  m->setTimeLimit(3000, err);
  bool matched = m->matches(err);
  if (err == U_REGEX_TIME_OUT) {
    ctx->Fail(Status::ResourceExhausted("the regular expression \"" + rc.pattern +
                                        "\" takes too long on some text; simplify it"));
    return Null();
  }
  if (U_FAILURE(err)) return TypeError(ctx, e, std::string("regular expression failed: ") + u_errorName(err));
  return Value::Bool(matched);
}

Value StringOp(const BoundExpr& e, const Value& a, const Value& b, ExecContext* ctx) {
  if (a.is_null() || b.is_null()) return Null();
  if (a.type() != Value::Type::kString || b.type() != Value::Type::kString) return Null();
  const std::string &x = a.AsString(), &y = b.AsString();
  switch (e.binary_op) {
    case BinaryOp::kStartsWith: return Value::Bool(x.starts_with(y));
    case BinaryOp::kEndsWith: return Value::Bool(x.ends_with(y));
    default: return Value::Bool(x.find(y) != std::string::npos);
  }
}

Value In(const Value& a, const Value& list, const BoundExpr& e, ExecContext* ctx) {
  if (list.is_null()) return Null();
  if (list.type() != Value::Type::kList) return TypeError(ctx, e, "IN needs a list on its right");
  if (a.is_null()) return list.AsList().empty() ? Value::Bool(false) : Null();
  bool saw_null = false;
  for (const auto& x : list.AsList()) {
    if (x.is_null()) {
      saw_null = true;
      continue;
    }
    Value c = CompareValues(BinaryOp::kEq, a, x);
    if (c.type() == Value::Type::kBool && c.AsBool()) return Value::Bool(true);
  }
  return saw_null ? Null() : Value::Bool(false);
}

Value Logic(const BoundExpr& e, const Row& row, ExecContext* ctx) {
  // Three-valued AND/OR/XOR with short-circuit.
  Value a = Eval(*e.args[0], row, ctx);
  auto truth = [](const Value& v) -> int {  // 1 true, 0 false, -1 null/other
    if (v.type() == Value::Type::kBool) return v.AsBool() ? 1 : 0;
    return -1;
  };
  int x = truth(a);
  if (e.binary_op == BinaryOp::kAnd && x == 0) return Value::Bool(false);
  if (e.binary_op == BinaryOp::kOr && x == 1) return Value::Bool(true);
  int y = truth(Eval(*e.args[1], row, ctx));
  switch (e.binary_op) {
    case BinaryOp::kAnd:
      if (y == 0) return Value::Bool(false);
      if (x == 1 && y == 1) return Value::Bool(true);
      return Null();
    case BinaryOp::kOr:
      if (y == 1) return Value::Bool(true);
      if (x == 0 && y == 0) return Value::Bool(false);
      return Null();
    default:
      if (x < 0 || y < 0) return Null();
      return Value::Bool(x != y);
  }
}

}  // namespace

std::string TermName(const graph::TermRecord& t, ExecContext* ctx) { return t.Name(ctx->options->lang); }

Value TermValue(graph::TermId id, ExecContext* ctx) {
  const graph::TermRecord* t = Term(id, ctx);
  if (!t) return Null();
  if (t->IsLiteral()) return LiteralOf(*t);
  Node n;
  n.id = id;
  return Value::FromNode(std::move(n));
}

bool EnsureSummary(Relationship* r, ExecContext* ctx) {
  if (r->has_summary) return true;
  auto s = ctx->view->GetFact({r->subject, r->predicate_id, r->object});
  if (!s.ok()) return ctx->Fail(s.status());
  if (s->has_value()) {
    r->mentions = (*s)->mentions;
    r->articles = (*s)->articles;
    r->first_day = (*s)->first_day;
    r->last_day = (*s)->last_day;
  }
  r->has_summary = true;
  return true;
}

void Materialise(Value* v, ExecContext* ctx) {
  switch (v->type()) {
    case Value::Type::kNode: {
      Node* n = v->MutableNode();
      if (!n->key.empty()) return;
      const graph::TermRecord* t = Term(n->id, ctx);
      if (!t) return;
      if (t->IsLiteral()) {
        *v = LiteralOf(*t);
        return;
      }
      n->key = t->key;
      n->name = TermName(*t, ctx);
      n->type = t->type;
      return;
    }
    case Value::Type::kRelationship: {
      Relationship* r = v->MutableRelationship();
      if (!r->predicate.empty()) return;
      const graph::TermRecord* p = Term(r->predicate_id, ctx);
      const graph::TermRecord* s = Term(r->subject, ctx);
      const graph::TermRecord* o = Term(r->object, ctx);
      if (!p || !s || !o) return;
      r->predicate = p->key;
      r->subject_name = TermName(*s, ctx);
      r->object_name = TermName(*o, ctx);
      EnsureSummary(r, ctx);
      return;
    }
    case Value::Type::kPath: {
      Path p = v->AsPath();
      for (auto& n : p.nodes) {
        Value nv = Value::FromNode(n);
        Materialise(&nv, ctx);
        if (nv.type() == Value::Type::kNode) n = nv.AsNode();
      }
      for (auto& r : p.relationships) {
        Value rv = Value::FromRelationship(r);
        Materialise(&rv, ctx);
        r = rv.AsRelationship();
      }
      *v = Value::FromPath(std::move(p));
      return;
    }
    case Value::Type::kList: {
      List l = v->AsList();
      for (auto& x : l) Materialise(&x, ctx);
      *v = Value::FromList(std::move(l));
      return;
    }
    case Value::Type::kMap: {
      Map m = v->AsMap();
      for (auto& [k, x] : m) Materialise(&x, ctx);
      *v = Value::FromMap(std::move(m));
      return;
    }
    default:
      return;
  }
}

Value CallFunction(const BoundExpr& e, const Row& row, ExecContext* ctx);
Value Property(const BoundExpr& e, const Value& base, ExecContext* ctx);

Value Eval(const BoundExpr& e, const Row& row, ExecContext* ctx) {
  switch (e.kind) {
    case BoundKind::kConst: return e.constant;
    case BoundKind::kParam: {
      auto it = ctx->params->find(e.name);
      if (it == ctx->params->end()) {
        ctx->Fail(Status::InvalidArgument("missing parameter $" + e.name + " (line " +
                                          std::to_string(e.span.line) + ", column " +
                                          std::to_string(e.span.column) + "); pass it with --param " +
                                          e.name + "=VALUE"));
        return Null();
      }
      return it->second;
    }
    case BoundKind::kSlot: return SlotValue(row[static_cast<size_t>(e.slot)], ctx);
    case BoundKind::kProperty: {
      // A property of a literal object is null, not a type error.
      const BoundExpr& base = *e.args[0];
      return Property(e, base.kind == BoundKind::kSlot ? row[static_cast<size_t>(base.slot)] : Eval(base, row, ctx), ctx);
    }
    case BoundKind::kIndex: {
      const BoundExpr& b = *e.args[0];
      Value base = b.kind == BoundKind::kSlot ? row[static_cast<size_t>(b.slot)] : Eval(b, row, ctx);
      Value idx = Eval(*e.args[1], row, ctx);
      if (base.is_null() || idx.is_null()) return Null();
      if (base.type() == Value::Type::kList && idx.type() == Value::Type::kInt) {
        const List& l = base.AsList();
        int64_t i = idx.AsInt();
        if (i < 0) i += static_cast<int64_t>(l.size());
        if (i < 0 || i >= static_cast<int64_t>(l.size())) return Null();
        return l[static_cast<size_t>(i)];
      }
      if (idx.type() == Value::Type::kString) {
        BoundExpr prop;
        prop.kind = BoundKind::kProperty;
        prop.name = idx.AsString();
        prop.span = e.span;
        return Property(prop, base, ctx);
      }
      return TypeError(ctx, e, std::string("cannot index ") + TypeName(base.type()) + " with " + TypeName(idx.type()));
    }
    case BoundKind::kCall: return CallFunction(e, row, ctx);
    case BoundKind::kBinary: {
      switch (e.binary_op) {
        case BinaryOp::kAnd:
        case BinaryOp::kOr:
        case BinaryOp::kXor:
          return Logic(e, row, ctx);
        default:
          break;
      }
      Value a = Eval(*e.args[0], row, ctx);
      Value b = Eval(*e.args[1], row, ctx);
      switch (e.binary_op) {
        case BinaryOp::kEq: case BinaryOp::kNeq: case BinaryOp::kLt: case BinaryOp::kGt:
        case BinaryOp::kLe: case BinaryOp::kGe:
          return CompareValues(e.binary_op, a, b);
        case BinaryOp::kStartsWith: case BinaryOp::kEndsWith: case BinaryOp::kContains:
          return StringOp(e, a, b, ctx);
        case BinaryOp::kIn: return In(a, b, e, ctx);
        case BinaryOp::kRegex: return Regex(e, a, b, ctx);
        default: return Arithmetic(e, a, b, ctx);
      }
    }
    case BoundKind::kUnary: {
      Value a = Eval(*e.args[0], row, ctx);
      if (a.is_null()) return Null();
      if (e.unary_op == UnaryOp::kNot) {
        if (a.type() != Value::Type::kBool) return TypeError(ctx, e, std::string("NOT needs a boolean, got ") + TypeName(a.type()));
        return Value::Bool(!a.AsBool());
      }
      if (!a.IsNumber()) return TypeError(ctx, e, std::string("cannot negate ") + TypeName(a.type()));
      if (e.unary_op == UnaryOp::kPlus) return a;
      return a.type() == Value::Type::kInt ? Value::Int(-a.AsInt()) : Value::Double(-a.AsDouble());
    }
    case BoundKind::kIsNull: {
      bool null = Eval(*e.args[0], row, ctx).is_null();
      return Value::Bool(e.negated ? !null : null);
    }
    case BoundKind::kList: {
      List l;
      l.reserve(e.args.size());
      for (const auto& a : e.args) l.push_back(Eval(*a, row, ctx));
      return Value::FromList(std::move(l));
    }
    case BoundKind::kMap: {
      Map m;
      for (size_t i = 0; i < e.args.size(); ++i) m.emplace_back(e.keys[i], Eval(*e.args[i], row, ctx));
      return Value::FromMap(std::move(m));
    }
    case BoundKind::kCase: {
      size_t i = 0;
      Value subject;
      if (e.has_subject) subject = Eval(*e.args[i++], row, ctx);
      const size_t pairs_end = e.args.size() - (e.has_else ? 1 : 0);
      for (; i + 1 < pairs_end + 1 && i < pairs_end; i += 2) {
        Value w = Eval(*e.args[i], row, ctx);
        Value hit = e.has_subject ? CompareValues(BinaryOp::kEq, subject, w) : w;
        if (hit.type() == Value::Type::kBool && hit.AsBool()) return Eval(*e.args[i + 1], row, ctx);
      }
      return e.has_else ? Eval(*e.args.back(), row, ctx) : Null();
    }
  }
  return Null();
}

bool EvalPredicate(const BoundExpr& e, const Row& row, ExecContext* ctx) {
  Value v = Eval(e, row, ctx);
  return v.type() == Value::Type::kBool && v.AsBool();
}

Value Property(const BoundExpr& e, const Value& base, ExecContext* ctx) {
  const std::string& key = e.name;
  switch (base.type()) {
    case Value::Type::kNull: return Null();
    case Value::Type::kMap:
      for (const auto& [k, v] : base.AsMap()) {
        if (k == key) return v;
      }
      return Null();
    case Value::Type::kNode: {
      const graph::TermRecord* t = Term(base.AsNode().id, ctx);
      if (!t) return Null();
      if (t->IsLiteral()) return Null();
      if (key == "name") return Value::String(TermName(*t, ctx));
      if (key == "key") return Value::String(t->key);
      if (key == "type") return t->type.empty() ? Null() : Value::String(t->type);
      if (key == "id") return Value::Int(static_cast<int64_t>(base.AsNode().id));
      if (key.starts_with("name_")) {
        auto it = t->labels.find(key.substr(5));
        return it == t->labels.end() ? Null() : Value::String(it->second);
      }
      if (key == "aliases") {
        List l;
        for (const auto& [lang, label] : t->labels) l.push_back(Value::String(label));
        for (const auto& [lang, names] : t->aliases) {
          for (const auto& n : names) l.push_back(Value::String(n));
        }
        return Value::FromList(std::move(l));
      }
      auto it = t->props.find(key);
      return it == t->props.end() ? Null() : Value::String(it->second);
    }
    case Value::Type::kRelationship: {
      Relationship r = base.AsRelationship();
      if (key == "type" || key == "predicate") {
        const graph::TermRecord* p = Term(r.predicate_id, ctx);
        return p ? Value::String(p->key) : Null();
      }
      if (!EnsureSummary(&r, ctx)) return Null();
      if (key == "count" || key == "mentions") return Value::Int(static_cast<int64_t>(r.mentions));
      if (key == "articles" || key == "weight") return Value::Int(static_cast<int64_t>(r.articles));
      if (key == "first_seen") return r.first_day == kNoDay ? Null() : Value::FromDate(Date{r.first_day});
      if (key == "last_seen") return r.last_day == kNoDay ? Null() : Value::FromDate(Date{r.last_day});
      if (key == "confidence") {
        std::vector<graph::Mention> ms;
        Status s = ctx->view->GetMentions({r.subject, r.predicate_id, r.object}, &ms, 1000);
        if (!s.ok()) {
          ctx->Fail(s);
          return Null();
        }
        if (ms.empty()) return Null();
        double best = 0;
        for (const auto& m : ms) best = std::max(best, m.record.confidence / 100.0);
        return Value::Double(best);
      }
      return Null();
    }
    default:
      return TypeError(ctx, e, "cannot read property \"" + key + "\" of a " + TypeName(base.type()));
  }
}

}  // namespace newsgraph::query

namespace newsgraph::query {
std::shared_ptr<RegexCache> NewRegexCache() { return std::make_shared<RegexCache>(); }
}  // namespace newsgraph::query
