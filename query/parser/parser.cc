// Parsing with the generated ANTLR parser, and the transformer from its
// parse tree into our AST (the Kùzu habit: generated code stays here).
#include "query/parser/parser.h"

#include <antlr4-runtime.h>

#include <charconv>
#include <optional>
#include <unordered_map>

#include "QueryLexer.h"
#include "QueryParser.h"
#include "text/utf8.h"

namespace newsgraph::query {

namespace {

using G = newsgraph_grammar::QueryParser;

constexpr int kMaxExprDepth = 500;

// A syntax error found by the lexer or the parser, or by the transformer.
struct SyntaxError {
  Span span;
  std::string message;
  std::string hint;
};

// Maps ANTLR's code point positions to bytes of the UTF-8 text.
class Source {
 public:
  explicit Source(std::string_view text) : text_(text) {
    for (size_t i = 0; i < text.size();) {
      cp_offsets_.push_back(i);
      text::DecodeOne(text, &i);
    }
    cp_offsets_.push_back(text.size());
  }
  size_t Byte(size_t cp_index) const {
    return cp_index < cp_offsets_.size() ? cp_offsets_[cp_index] : text_.size();
  }
  Span SpanOf(const antlr4::Token* start, const antlr4::Token* stop) const {
    Span s;
    s.line = start->getLine();
    s.column = start->getCharPositionInLine() + 1;
    s.offset = Byte(start->getStartIndex());
    size_t end = stop && stop->getStopIndex() != static_cast<size_t>(-1) &&
                         stop->getStopIndex() >= start->getStartIndex()
                     ? Byte(stop->getStopIndex() + 1)
                     : Byte(start->getStopIndex() + 1);
    s.length = end > s.offset ? end - s.offset : 0;
    return s;
  }
  Span SpanOf(antlr4::ParserRuleContext* ctx) const { return SpanOf(ctx->getStart(), ctx->getStop()); }
  std::string TextOf(antlr4::ParserRuleContext* ctx) const {
    Span s = SpanOf(ctx);
    return std::string(text_.substr(s.offset, s.length));
  }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::vector<size_t> cp_offsets_;
};

class ErrorListener : public antlr4::BaseErrorListener {
 public:
  explicit ErrorListener(const Source& src) : src_(src) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* token, size_t line,
                   size_t column, const std::string& msg, std::exception_ptr) override {
    if (error) return;  // the first error is the useful one
    SyntaxError e;
    e.span.line = line;
    e.span.column = column + 1;
    if (token) {
      e.span = src_.SpanOf(token, token);
      if (token->getType() == antlr4::Token::EOF) {
        e.message = "unexpected end of query";
        e.span.length = 0;
        // Point just past the last character.
        e.span.offset = src_.text().size();
        text::Position p = text::PositionAt(src_.text(), e.span.offset);
        e.span.line = p.line;
        e.span.column = p.column;
      } else {
        e.message = "unexpected '" + token->getText() + "'";
      }
      auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
      if (parser && token->getType() != antlr4::Token::EOF) {
        antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
        if (expected.size() > 0 && expected.size() <= 4) {
          std::string list;
          for (size_t t : expected.toList()) {
            if (!list.empty()) list += ", ";
            list += parser->getVocabulary().getDisplayName(t);
          }
          e.message += "; expected " + list;
        }
      } else if (parser && token->getType() == antlr4::Token::EOF) {
        antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
        if (expected.contains(static_cast<size_t>(G::RPAREN)) && expected.size() <= 4) e.hint = "a parenthesis is not closed";
        else if (expected.contains(static_cast<size_t>(G::RBRACKET)) && expected.size() <= 4) e.hint = "a bracket is not closed";
        else if (expected.contains(static_cast<size_t>(G::RBRACE)) && expected.size() <= 4) e.hint = "a brace is not closed";
      }
    } else {
      // Lexer errors come without a token.
      size_t offset = 0;
      for (size_t l = 1, i = 0; i < src_.text().size() && l < line; ++i) {
        if (src_.text()[i] == '\n') {
          ++l;
          offset = i + 1;
        }
      }
      size_t i = offset;
      for (size_t c = 0; c < column && i < src_.text().size(); ++c) text::DecodeOne(src_.text(), &i);
      e.span.offset = i;
      e.span.length = 1;
      e.message = msg;
    }
    if (e.message.find("unexpected '\"") != std::string::npos ||
        e.message.find("unexpected '''") != std::string::npos) {
      e.hint = "a string is not closed";
    }
    error = e;
  }

  std::optional<SyntaxError> error;

 private:
  const Source& src_;
};

// Thrown inside the transformer, caught in Parse.
struct TransformError {
  SyntaxError error;
};

std::string Unquote(const std::string& token) {
  // token includes its quotes; decode Cypher escapes.
  std::string out;
  for (size_t i = 1; i + 1 < token.size(); ++i) {
    char c = token[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    char e = token[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u': {
        uint32_t cp = 0;
        std::from_chars(token.data() + i + 1, token.data() + i + 5, cp, 16);
        text::AppendUtf8(&out, cp);
        i += 4;
        break;
      }
      default: out.push_back(e);
    }
  }
  return out;
}

class Transformer {
 public:
  explicit Transformer(const Source& src) : src_(src) {}

  Statement Query(G::QueryContext* ctx) {
    Statement st;
    if (ctx->EXPLAIN()) st.mode = Statement::Mode::kExplain;
    if (ctx->PROFILE()) st.mode = Statement::Mode::kProfile;
    auto* u = ctx->unionQuery();
    for (auto* sq : u->singleQuery()) st.parts.push_back(Single(sq));
    // UNION [ALL] tokens sit between the parts in order.
    for (size_t i = 0; i < u->children.size(); ++i) {
      auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(u->children[i]);
      if (t && t->getSymbol()->getType() == G::UNION) {
        bool all = false;
        if (i + 1 < u->children.size()) {
          auto* n = dynamic_cast<antlr4::tree::TerminalNode*>(u->children[i + 1]);
          all = n && n->getSymbol()->getType() == G::ALL;
        }
        st.union_all.push_back(all);
      }
    }
    return st;
  }

 private:
  [[noreturn]] void Fail(antlr4::ParserRuleContext* ctx, std::string msg, std::string hint = {}) {
    throw TransformError{SyntaxError{src_.SpanOf(ctx), std::move(msg), std::move(hint)}};
  }
  [[noreturn]] void Fail(antlr4::Token* tok, std::string msg, std::string hint = {}) {
    throw TransformError{SyntaxError{src_.SpanOf(tok, tok), std::move(msg), std::move(hint)}};
  }

  SingleQuery Single(G::SingleQueryContext* ctx) {
    SingleQuery q;
    q.span = src_.SpanOf(ctx);
    for (auto* c : ctx->clause()) q.clauses.push_back(ClauseOf(c));
    if (auto* r = ctx->returnClause()) {
      q.has_return = true;
      q.ret.span = src_.SpanOf(r);
      q.ret.distinct = r->DISTINCT() != nullptr;
      ProjectionOf(r->returnItems(), r->orderClause(), r->skipClause(), r->limitClause(), &q.ret);
    }
    return q;
  }

  void ProjectionOf(G::ReturnItemsContext* items, G::OrderClauseContext* order,
                    G::SkipClauseContext* skip, G::LimitClauseContext* limit, Projection* p) {
    if (items->STAR()) {
      p->star = true;
    } else {
      for (auto* it : items->returnItem()) {
        ProjectionItem pi;
        pi.expr = Expression(it->expression());
        if (it->symbolicName()) {
          pi.alias = Name(it->symbolicName());
          pi.has_alias = true;
        } else {
          pi.alias = src_.TextOf(it->expression());
        }
        p->items.push_back(std::move(pi));
      }
    }
    if (order) {
      for (auto* s : order->sortItem()) {
        SortItem si;
        si.expr = Expression(s->expression());
        si.descending = s->DESC() || s->DESCENDING();
        p->order_by.push_back(std::move(si));
      }
    }
    if (skip) p->skip = Expression(skip->expression());
    if (limit) p->limit = Expression(limit->expression());
  }

  Clause ClauseOf(G::ClauseContext* ctx) {
    Clause c;
    c.span = src_.SpanOf(ctx);
    if (auto* m = ctx->matchClause()) {
      c.kind = ClauseKind::kMatch;
      c.optional = m->OPTIONAL() != nullptr;
      for (auto* p : m->pattern()) c.patterns.push_back(PatternOf(p));
      if (m->whereClause()) c.where = Expression(m->whereClause()->expression());
    } else if (auto* call = ctx->callClause()) {
      c.kind = ClauseKind::kCall;
      c.procedure = src_.TextOf(call->procedureName());
      for (auto* e : call->expression()) c.args.push_back(Expression(e));
      c.yield_all = call->YIELD() == nullptr;
      for (auto* y : call->yieldItem()) {
        YieldItem yi;
        yi.span = src_.SpanOf(y);
        yi.name = Name(y->symbolicName(0));
        yi.alias = y->symbolicName().size() > 1 ? Name(y->symbolicName(1)) : yi.name;
        c.yields.push_back(std::move(yi));
      }
      if (call->whereClause()) c.where = Expression(call->whereClause()->expression());
    } else {
      auto* w = ctx->withClause();
      c.kind = ClauseKind::kWith;
      c.projection.span = src_.SpanOf(w);
      c.projection.distinct = w->DISTINCT() != nullptr;
      ProjectionOf(w->returnItems(), w->orderClause(), w->skipClause(), w->limitClause(),
                   &c.projection);
      if (w->whereClause()) c.projection.where = Expression(w->whereClause()->expression());
    }
    return c;
  }

  std::string Name(G::SymbolicNameContext* ctx) {
    std::string t = ctx->getText();
    if (ctx->ESCAPED_IDENTIFIER()) return t.substr(1, t.size() - 2);
    return t;
  }

  PathPattern PatternOf(G::PatternContext* ctx) {
    PathPattern p;
    p.span = src_.SpanOf(ctx);
    if (ctx->symbolicName()) p.path_variable = Name(ctx->symbolicName());
    auto* el = ctx->patternElement();
    while (el->patternElement()) el = el->patternElement();  // ( … ) around a path
    if (auto* sk = el->shortestKind()) {
      p.shortest = sk->SHORTESTPATH() ? ShortestKind::kShortest : ShortestKind::kAllShortest;
    }
    for (auto* n : el->nodePattern()) p.nodes.push_back(NodeOf(n));
    for (auto* r : el->relationshipPattern()) p.rels.push_back(RelOf(r));
    return p;
  }

  void PropertiesOf(G::PropertiesContext* ctx, std::vector<std::string>* keys,
                    std::vector<ExprPtr>* values, ExprPtr* param) {
    if (!ctx) return;
    if (ctx->parameter()) {
      *param = Parameter(ctx->parameter());
      return;
    }
    for (auto* e : ctx->mapLiteral()->mapEntry()) {
      keys->push_back(Name(e->propertyKey()->symbolicName()));
      values->push_back(Expression(e->expression()));
    }
  }

  NodePattern NodeOf(G::NodePatternContext* ctx) {
    NodePattern n;
    n.span = src_.SpanOf(ctx);
    if (ctx->symbolicName()) n.variable = Name(ctx->symbolicName());
    if (ctx->nodeLabels()) {
      for (auto* l : ctx->nodeLabels()->symbolicName()) n.labels.push_back(Name(l));
    }
    PropertiesOf(ctx->properties(), &n.prop_keys, &n.prop_values, &n.prop_parameter);
    return n;
  }

  RelPattern RelOf(G::RelationshipPatternContext* ctx) {
    RelPattern r;
    r.span = src_.SpanOf(ctx);
    bool left = ctx->LT() != nullptr, right = ctx->GT() != nullptr;
    if (left && right) Fail(ctx, "a relationship cannot point both ways", "use -[…]- for either direction");
    r.direction = left ? Direction::kIn : right ? Direction::kOut : Direction::kBoth;
    if (auto* d = ctx->relationshipDetail()) {
      if (d->symbolicName()) r.variable = Name(d->symbolicName());
      if (auto* t = d->relationshipTypes()) {
        for (auto* n : t->symbolicName()) r.types.push_back(Name(n));
      }
      if (auto* range = d->rangeLiteral()) {
        r.variable_length = true;
        auto ints = range->integerLiteral();
        auto value = [&](G::IntegerLiteralContext* c) {
          int64_t v = 0;
          std::string s = c->getText();
          auto res = std::from_chars(s.data(), s.data() + s.size(), v);
          if (res.ec != std::errc()) Fail(c, "hop count too large");
          return v;
        };
        if (range->DOTDOT()) {
          // *min.. , *..max , *min..max: which integers are there depends on
          // where they sit around '..'.
          for (auto* c : ints) {
            if (c->getStart()->getStartIndex() < range->DOTDOT()->getSymbol()->getStartIndex()) {
              r.min_hops = value(c);
            } else {
              r.max_hops = value(c);
            }
          }
        } else if (!ints.empty()) {
          r.min_hops = r.max_hops = value(ints[0]);  // *3 means exactly 3
        }
      }
      PropertiesOf(d->properties(), &r.prop_keys, &r.prop_values, &r.prop_parameter);
    }
    return r;
  }

  ExprPtr Make(ExprKind k, antlr4::ParserRuleContext* ctx) {
    auto e = std::make_unique<Expr>(k);
    e->span = src_.SpanOf(ctx);
    e->text = src_.TextOf(ctx);
    depth_[e.get()] = 1;
    return e;
  }

  // Records the depth of `e` from its operands. The binder, the planner and
  // the evaluator recurse once per level, and `1+1+…+1` is as deep as it is
  // long, so depth is bounded here rather than left to the stack.
  void Nest(const Expr* e, antlr4::ParserRuleContext* ctx) {
    int d = 0;
    for (const auto& a : e->args) {
      auto it = depth_.find(a.get());
      d = std::max(d, it == depth_.end() ? 1 : it->second);
    }
    depth_[e] = d + 1;
    if (d + 1 > kMaxExprDepth) {
      Fail(ctx, "the expression nests more than " + std::to_string(kMaxExprDepth) + " operations deep",
           "split it into several, or compare with a list (x IN [...])");
    }
  }

  // In a chain a + b + c the inner node a + b spans its own operands, not the
  // whole chain: a chain of n operands would otherwise hold n copies of it.
  ExprPtr Binary(BinaryOp op, ExprPtr l, ExprPtr r, antlr4::ParserRuleContext* ctx) {
    auto e = std::make_unique<Expr>(ExprKind::kBinary);
    size_t end = r->span.offset + r->span.length;
    if (l->span.offset <= r->span.offset && end <= src_.text().size()) {
      e->span = l->span;
      e->span.length = end - l->span.offset;
      e->text = std::string(src_.text().substr(e->span.offset, e->span.length));
    } else {
      e->span = src_.SpanOf(ctx);
      e->text = src_.TextOf(ctx);
    }
    e->binary_op = op;
    e->args.push_back(std::move(l));
    e->args.push_back(std::move(r));
    Nest(e.get(), ctx);
    return e;
  }

  ExprPtr Expression(G::ExpressionContext* ctx) { return Or(ctx->orExpression()); }

  ExprPtr Or(G::OrExpressionContext* ctx) {
    auto parts = ctx->xorExpression();
    ExprPtr e = Xor(parts[0]);
    for (size_t i = 1; i < parts.size(); ++i) e = Binary(BinaryOp::kOr, std::move(e), Xor(parts[i]), ctx);
    return e;
  }
  ExprPtr Xor(G::XorExpressionContext* ctx) {
    auto parts = ctx->andExpression();
    ExprPtr e = And(parts[0]);
    for (size_t i = 1; i < parts.size(); ++i) e = Binary(BinaryOp::kXor, std::move(e), And(parts[i]), ctx);
    return e;
  }
  ExprPtr And(G::AndExpressionContext* ctx) {
    auto parts = ctx->notExpression();
    ExprPtr e = Not(parts[0]);
    for (size_t i = 1; i < parts.size(); ++i) e = Binary(BinaryOp::kAnd, std::move(e), Not(parts[i]), ctx);
    return e;
  }
  ExprPtr Not(G::NotExpressionContext* ctx) {
    ExprPtr e = Comparison(ctx->comparisonExpression());
    for (size_t i = 0; i < ctx->NOT().size(); ++i) {
      auto n = Make(ExprKind::kUnary, ctx);
      n->unary_op = UnaryOp::kNot;
      n->args.push_back(std::move(e));
      Nest(n.get(), ctx);
      e = std::move(n);
    }
    return e;
  }

  ExprPtr Comparison(G::ComparisonExpressionContext* ctx) {
    auto parts = ctx->predicateExpression();
    auto ops = ctx->comparisonOperator();
    ExprPtr first = Predicate(parts[0]);
    if (ops.empty()) return first;
    // a < b < c means a < b AND b < c.
    ExprPtr result;
    ExprPtr left = std::move(first);
    for (size_t i = 0; i < ops.size(); ++i) {
      ExprPtr right = Predicate(parts[i + 1]);
      BinaryOp op = BinaryOp::kEq;
      auto* o = ops[i];
      if (o->BANG_EQ()) Fail(o, "unexpected '!='", "Cypher writes \"not equal\" as <>");
      if (o->EQEQ()) Fail(o, "unexpected '=='", "Cypher compares with a single =");
      if (o->EQ()) op = BinaryOp::kEq;
      else if (o->NEQ()) op = BinaryOp::kNeq;
      else if (o->LT()) op = BinaryOp::kLt;
      else if (o->GT()) op = BinaryOp::kGt;
      else if (o->LE()) op = BinaryOp::kLe;
      else if (o->GE()) op = BinaryOp::kGe;
      ExprPtr right_copy = i + 1 < ops.size() ? right->Clone() : nullptr;
      ExprPtr cmp = Binary(op, std::move(left), std::move(right), ctx);
      result = result ? Binary(BinaryOp::kAnd, std::move(result), std::move(cmp), ctx) : std::move(cmp);
      left = std::move(right_copy);
    }
    return result;
  }

  ExprPtr Predicate(G::PredicateExpressionContext* ctx) {
    ExprPtr e = Additive(ctx->additiveExpression());
    for (auto* s : ctx->predicateSuffix()) {
      if (s->IS()) {
        auto n = Make(ExprKind::kIsNull, ctx);
        n->negated = s->NOT() != nullptr;
        n->args.push_back(std::move(e));
        Nest(n.get(), ctx);
        e = std::move(n);
        continue;
      }
      BinaryOp op = s->STARTS() ? BinaryOp::kStartsWith
                    : s->ENDS() ? BinaryOp::kEndsWith
                    : s->CONTAINS() ? BinaryOp::kContains
                    : s->IN() ? BinaryOp::kIn
                              : BinaryOp::kRegex;
      e = Binary(op, std::move(e), Additive(s->additiveExpression()), ctx);
    }
    return e;
  }

  ExprPtr Additive(G::AdditiveExpressionContext* ctx) {
    auto parts = ctx->multiplicativeExpression();
    ExprPtr e = Multiplicative(parts[0]);
    size_t k = 1;
    for (auto* child : ctx->children) {
      auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child);
      if (!t) continue;
      BinaryOp op = t->getSymbol()->getType() == G::PLUS ? BinaryOp::kAdd : BinaryOp::kSub;
      e = Binary(op, std::move(e), Multiplicative(parts[k++]), ctx);
    }
    return e;
  }

  ExprPtr Multiplicative(G::MultiplicativeExpressionContext* ctx) {
    auto parts = ctx->unaryExpression();
    ExprPtr e = Unary(parts[0]);
    size_t k = 1;
    for (auto* child : ctx->children) {
      auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child);
      if (!t) continue;
      size_t type = t->getSymbol()->getType();
      BinaryOp op = type == G::STAR ? BinaryOp::kMul : type == G::SLASH ? BinaryOp::kDiv : BinaryOp::kMod;
      e = Binary(op, std::move(e), Unary(parts[k++]), ctx);
    }
    return e;
  }

  ExprPtr Unary(G::UnaryExpressionContext* ctx) {
    if (ctx->unaryExpression()) {
      ExprPtr inner = Unary(ctx->unaryExpression());
      if (ctx->DASH() && inner->kind == ExprKind::kLiteral) {
        // Fold -5 into a literal so that it can be a LIMIT or a hop count.
        if (inner->literal.type() == Value::Type::kInt) {
          inner->literal = Value::Int(-inner->literal.AsInt());
          inner->span = src_.SpanOf(ctx);
          inner->text = src_.TextOf(ctx);
          return inner;
        }
        if (inner->literal.type() == Value::Type::kDouble) {
          inner->literal = Value::Double(-inner->literal.AsDouble());
          inner->span = src_.SpanOf(ctx);
          inner->text = src_.TextOf(ctx);
          return inner;
        }
      }
      auto e = Make(ExprKind::kUnary, ctx);
      e->unary_op = ctx->DASH() ? UnaryOp::kNeg : UnaryOp::kPlus;
      e->args.push_back(std::move(inner));
      Nest(e.get(), ctx);
      return e;
    }
    auto* pf = ctx->postfixExpression();
    ExprPtr e = Atom(pf->atom());
    for (auto* s : pf->postfixSuffix()) {
      if (s->propertyKey()) {
        auto p = Make(ExprKind::kProperty, pf);
        p->name = Name(s->propertyKey()->symbolicName());
        p->args.push_back(std::move(e));
        Nest(p.get(), pf);
        e = std::move(p);
      } else {
        auto ix = Make(ExprKind::kIndex, pf);
        ix->args.push_back(std::move(e));
        ix->args.push_back(Expression(s->expression()));
        Nest(ix.get(), pf);
        e = std::move(ix);
      }
    }
    return e;
  }

  ExprPtr Parameter(G::ParameterContext* ctx) {
    auto e = Make(ExprKind::kParameter, ctx);
    e->name = ctx->symbolicName() ? Name(ctx->symbolicName()) : ctx->INTEGER()->getText();
    return e;
  }

  ExprPtr Atom(G::AtomContext* ctx) {
    if (auto* l = ctx->literal()) return Literal(l);
    if (auto* p = ctx->parameter()) return Parameter(p);
    if (ctx->countStar()) return Make(ExprKind::kCountStar, ctx);
    if (auto* c = ctx->caseExpression()) return Case(c);
    if (auto* f = ctx->functionCall()) {
      auto e = Make(ExprKind::kFunction, ctx);
      e->name = src_.TextOf(f->functionName());
      e->distinct = f->DISTINCT() != nullptr;
      for (auto* a : f->expression()) e->args.push_back(Expression(a));
      Nest(e.get(), ctx);
      return e;
    }
    if (auto* l = ctx->listLiteral()) {
      auto e = Make(ExprKind::kList, ctx);
      for (auto* a : l->expression()) e->args.push_back(Expression(a));
      Nest(e.get(), ctx);
      return e;
    }
    if (auto* m = ctx->mapLiteral()) {
      auto e = Make(ExprKind::kMap, ctx);
      for (auto* entry : m->mapEntry()) {
        e->keys.push_back(Name(entry->propertyKey()->symbolicName()));
        e->args.push_back(Expression(entry->expression()));
      }
      Nest(e.get(), ctx);
      return e;
    }
    if (ctx->expression()) return Expression(ctx->expression());
    auto e = Make(ExprKind::kVariable, ctx);
    e->name = Name(ctx->symbolicName());
    return e;
  }

  ExprPtr Case(G::CaseExpressionContext* ctx) {
    auto e = Make(ExprKind::kCase, ctx);
    auto exprs = ctx->expression();
    size_t whens = ctx->WHEN().size();
    e->has_else = ctx->ELSE() != nullptr;
    e->has_subject = exprs.size() == 2 * whens + (e->has_else ? 1 : 0) + 1;
    for (auto* x : exprs) e->args.push_back(Expression(x));
    Nest(e.get(), ctx);
    return e;
  }

  ExprPtr Literal(G::LiteralContext* ctx) {
    auto e = Make(ExprKind::kLiteral, ctx);
    std::string t = ctx->getText();
    if (ctx->integerLiteral()) {
      int64_t v;
      auto r = std::from_chars(t.data(), t.data() + t.size(), v);
      if (r.ec != std::errc()) Fail(ctx, "integer literal out of range");
      e->literal = Value::Int(v);
    } else if (ctx->DECIMAL()) {
      e->literal = Value::Double(std::stod(t));
    } else if (ctx->STRING()) {
      e->literal = Value::String(Unquote(t));
    } else if (ctx->TRUE_()) {
      e->literal = Value::Bool(true);
    } else if (ctx->FALSE_()) {
      e->literal = Value::Bool(false);
    }
    return e;
  }

  const Source& src_;
  // Depth of each expression built so far (a freed node's address may come
  // back; Make resets it).
  std::unordered_map<const Expr*, int> depth_;
};

}  // namespace

namespace {

constexpr int kMaxNesting = 100;

// Length of the sign (+, -, or a Unicode dash the lexer reads as one) at i.
size_t SignAt(std::string_view t, size_t i) {
  if (t[i] == '+' || t[i] == '-') return 1;
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
      ((static_cast<unsigned char>(t[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(t[i + 2]) == 0x93 || static_cast<unsigned char>(t[i + 2]) == 0x94)) ||
       (static_cast<unsigned char>(t[i + 1]) == 0x88 && static_cast<unsigned char>(t[i + 2]) == 0x92))) {
    return 3;
  }
  return 0;
}

// Brackets nested deeper than kMaxNesting, or more than kMaxNesting signs in
// a row, outside strings and comments: the error, with a caret.
std::optional<std::string> CheckNesting(std::string_view text) {
  int depth = 0, signs = 0;
  auto error = [&](size_t i, const std::string& what) {
    text::Position p = text::PositionAt(text, i);
    return FormatError(text, Span{p.line, p.column, i, 1}, what);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"' || c == '\'' || c == '`') {
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (text[i] == '\\') ++i;
      }
      signs = 0;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
      continue;
    }
    if (size_t n = SignAt(text, i)) {
      if (++signs > kMaxNesting) {
        return error(i, "the query has more than " + std::to_string(kMaxNesting) + " signs in a row");
      }
      i += n - 1;
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') signs = 0;
    if (c == '(' || c == '[' || c == '{') {
      if (++depth > kMaxNesting) {
        return error(i, "the query nests brackets more than " + std::to_string(kMaxNesting) + " deep");
      }
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<Statement> Parse(std::string_view text) {
  if (text.size() > (1u << 20)) {
    return Status::InvalidArgument("the query is longer than 1 MiB");
  }
  size_t bad = text::FindInvalidUtf8(text, true);
  if (bad != std::string_view::npos) {
    text::Position p = text::PositionAt(text, bad);
    return Status::InvalidArgument("line " + std::to_string(p.line) + ", column " +
                                   std::to_string(p.column) + ": invalid UTF-8 in the query (byte " +
                                   std::to_string(bad) + ")");
  }
  // The generated parser recurses once per nesting level and once per sign
  // of `- - - 1`: bound both before it runs, so that a hostile query cannot
  // exhaust the stack.
  if (auto e = CheckNesting(text)) return Status::InvalidArgument(*e);
  Source src(text);
  antlr4::ANTLRInputStream input(text.data(), text.size());
  newsgraph_grammar::QueryLexer lexer(&input);
  antlr4::CommonTokenStream tokens(&lexer);
  G parser(&tokens);
  ErrorListener listener(src);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  G::QueryContext* tree = nullptr;
  try {
    tree = parser.query();
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("the query could not be parsed: ") + e.what());
  }
  if (listener.error) {
    const auto& e = *listener.error;
    return Status::InvalidArgument(FormatError(text, e.span, e.message, e.hint));
  }
  try {
    return Transformer(src).Query(tree);
  } catch (const TransformError& t) {
    return Status::InvalidArgument(FormatError(text, t.error.span, t.error.message, t.error.hint));
  }
}

}  // namespace newsgraph::query
