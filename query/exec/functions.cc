// Scalar functions of the language. Aggregates are in ops/aggregate.cc.
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/date.h"
#include "query/exec/eval.h"
#include "graph/store/batch.h"
#include "graph/model/sentence.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace newsgraph::query {

namespace {

struct FunctionInfo {
  Function f;
  bool aggregate;
};

const std::map<std::string, FunctionInfo>& Table() {
  static const std::map<std::string, FunctionInfo> t = {
      {"type", {Function::kType, false}},         {"id", {Function::kId, false}},
      {"labels", {Function::kLabels, false}},     {"name", {Function::kName, false}},
      {"date", {Function::kDate, false}},         {"size", {Function::kSize, false}},
      {"length", {Function::kLength, false}},     {"tolower", {Function::kToLower, false}},
      {"toupper", {Function::kToUpper, false}},   {"trim", {Function::kTrim, false}},
      {"tostring", {Function::kToString, false}}, {"tointeger", {Function::kToInteger, false}},
      {"tofloat", {Function::kToFloat, false}},   {"coalesce", {Function::kCoalesce, false}},
      {"nodes", {Function::kNodes, false}},       {"relationships", {Function::kRelationships, false}},
      {"startnode", {Function::kStartNode, false}}, {"endnode", {Function::kEndNode, false}},
      {"evidence", {Function::kEvidence, false}}, {"abs", {Function::kAbs, false}},
      {"round", {Function::kRound, false}},       {"floor", {Function::kFloor, false}},
      {"ceil", {Function::kCeil, false}},         {"keys", {Function::kKeys, false}},
      {"head", {Function::kHead, false}},         {"last", {Function::kLast, false}},
      {"substring", {Function::kSubstring, false}}, {"replace", {Function::kReplace, false}},
      {"split", {Function::kSplit, false}},       {"key", {Function::kKey, false}},
      {"count", {Function::kCount, true}},        {"sum", {Function::kSum, true}},
      {"avg", {Function::kAvg, true}},            {"min", {Function::kMin, true}},
      {"max", {Function::kMax, true}},            {"collect", {Function::kCollect, true}},
  };
  return t;
}

Value Null() { return Value(); }

Value Fail(const BoundExpr& e, ExecContext* ctx, const std::string& msg) {
  ctx->Fail(Status::InvalidArgument("line " + std::to_string(e.span.line) + ", column " +
                                    std::to_string(e.span.column) + ": " + msg));
  return Null();
}

const graph::TermRecord* Term(graph::TermId id, ExecContext* ctx) {
  Status s;
  const graph::TermRecord* t = ctx->terms->Get(id, &s);
  if (!t) ctx->Fail(s);
  return t;
}

Value Evidence(const BoundExpr& e, const Value& rel, ExecContext* ctx) {
  if (rel.is_null()) return Null();
  if (rel.type() != Value::Type::kRelationship) return Fail(e, ctx, "evidence() needs a relationship");
  const Relationship& r = rel.AsRelationship();
  std::vector<graph::Mention> ms;
  Status s = ctx->view->GetMentions({r.subject, r.predicate_id, r.object}, &ms, 10000);
  if (!s.ok()) {
    ctx->Fail(s);
    return Null();
  }
  struct Item {
    int32_t day;
    Map map;
  };
  std::vector<Item> items;
  std::map<graph::ArticleId, graph::ArticleRecord> articles;
  for (const auto& m : ms) {
    auto it = articles.find(m.article);
    if (it == articles.end()) {
      auto a = ctx->view->GetArticle(m.article);
      if (!a.ok()) {
        ctx->Fail(a.status());
        return Null();
      }
      it = articles.emplace(m.article, std::move(a).value()).first;
    }
    const graph::ArticleRecord& a = it->second;
    int32_t day = m.record.day != kNoDay ? m.record.day : a.day;
    Map item;
    item.emplace_back("article", Value::String(a.key));
    item.emplace_back("title", a.title.empty() ? Null() : Value::String(a.title));
    item.emplace_back("date", day == kNoDay ? Null() : Value::FromDate(Date{day}));
    item.emplace_back("source", a.source.empty() ? Null() : Value::String(a.source));
    std::string sentence = !m.record.evidence.empty() ? m.record.evidence
                           : a.text.empty() ? std::string()
                                            : graph::SentenceAround(a.text, m.record.start, m.record.end);
    item.emplace_back("sentence", sentence.empty() ? Null() : Value::String(sentence));
    item.emplace_back("rule", Value::String(m.record.rule));
    item.emplace_back("confidence", Value::Double(m.record.confidence / 100.0));
    if (m.record.negated) item.emplace_back("negated", Value::Bool(true));
    if (m.record.attributed_to) {
      const graph::TermRecord* t = Term(m.record.attributed_to, ctx);
      if (t) item.emplace_back("attributed_to", Value::String(TermName(*t, ctx)));
    }
    if (m.record.count >= 0) item.emplace_back("count", Value::Int(m.record.count));
    items.push_back(Item{day, std::move(item)});
  }
  // Newest first; undated last.
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.day > b.day; });
  List out;
  for (auto& it : items) {
    if (out.size() >= ctx->options->max_evidence) break;
    out.push_back(Value::FromMap(std::move(it.map)));
  }
  return Value::FromList(std::move(out));
}

int64_t Utf8Length(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

bool LookupFunction(const std::string& lower_name, Function* f, bool* aggregate) {
  auto it = Table().find(lower_name);
  if (it == Table().end()) return false;
  *f = it->second.f;
  *aggregate = it->second.aggregate;
  return true;
}

const std::vector<std::string>& FunctionNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& [k, info] : Table()) v.push_back(k);
    return v;
  }();
  return names;
}

Value CallFunction(const BoundExpr& e, const Row& row, ExecContext* ctx) {
  std::vector<Value> a;
  a.reserve(e.args.size());
  // These take a variable's node as it is (a literal object stays a term);
  // the others see a literal object's value (see SlotValue in eval.cc).
  const bool raw_nodes = e.function == Function::kMakePath || e.function == Function::kHasLabel ||
                         e.function == Function::kHasName || e.function == Function::kId ||
                         e.function == Function::kKey || e.function == Function::kLabels ||
                         e.function == Function::kName;
  if (e.function != Function::kCoalesce) {
    for (const auto& x : e.args) {
      a.push_back(raw_nodes && x->kind == BoundKind::kSlot ? row[static_cast<size_t>(x->slot)] : Eval(*x, row, ctx));
    }
  }
  auto arg = [&](size_t i) -> const Value& { return a[i]; };
  using T = Value::Type;
  switch (e.function) {
    case Function::kCoalesce:
      for (const auto& x : e.args) {
        Value v = Eval(*x, row, ctx);
        if (!v.is_null()) return v;
      }
      return Null();
    case Function::kType: {
      if (arg(0).is_null()) return Null();
      if (arg(0).type() != T::kRelationship) return Fail(e, ctx, "type() needs a relationship");
      const graph::TermRecord* p = Term(arg(0).AsRelationship().predicate_id, ctx);
      return p ? Value::String(p->key) : Null();
    }
    case Function::kId:
      if (arg(0).type() == T::kNode) return Value::Int(static_cast<int64_t>(arg(0).AsNode().id));
      return Null();
    case Function::kKey: {
      if (arg(0).type() != T::kNode) return Null();
      const graph::TermRecord* t = Term(arg(0).AsNode().id, ctx);
      return t ? Value::String(t->key) : Null();
    }
    case Function::kLabels: {
      if (arg(0).type() != T::kNode) return Null();
      const graph::TermRecord* t = Term(arg(0).AsNode().id, ctx);
      if (!t) return Null();
      List l;
      if (!t->type.empty()) l.push_back(Value::String(t->type));
      return Value::FromList(std::move(l));
    }
    case Function::kName: {
      if (arg(0).type() != T::kNode) return arg(0).is_null() ? Null() : Value::String(arg(0).ToString());
      const graph::TermRecord* t = Term(arg(0).AsNode().id, ctx);
      if (!t) return Null();
      if (t->IsLiteral()) return Value::String(t->key);
      std::string lang = a.size() > 1 && arg(1).type() == T::kString ? arg(1).AsString() : ctx->options->lang;
      return Value::String(t->Name(lang));
    }
    case Function::kDate: {
      if (a.empty()) {
        auto now = std::chrono::system_clock::now();
        auto days = std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
        return Value::FromDate(Date{static_cast<int32_t>(days)});
      }
      if (arg(0).is_null()) return Null();
      if (arg(0).type() == T::kDate) return arg(0);
      if (arg(0).type() != T::kString) return Fail(e, ctx, "date() needs a string \"YYYY-MM-DD\"");
      auto d = ParseIsoDate(arg(0).AsString());
      if (!d) return Fail(e, ctx, "\"" + arg(0).AsString() + "\" is not a date (YYYY-MM-DD)");
      return Value::FromDate(Date{*d});
    }
    case Function::kSize:
      if (arg(0).is_null()) return Null();
      if (arg(0).type() == T::kList) return Value::Int(static_cast<int64_t>(arg(0).AsList().size()));
      if (arg(0).type() == T::kString) return Value::Int(Utf8Length(arg(0).AsString()));
      if (arg(0).type() == T::kMap) return Value::Int(static_cast<int64_t>(arg(0).AsMap().size()));
      return Fail(e, ctx, "size() needs a list or a string");
    case Function::kLength:
      if (arg(0).is_null()) return Null();
      if (arg(0).type() == T::kPath) return Value::Int(static_cast<int64_t>(arg(0).AsPath().relationships.size()));
      if (arg(0).type() == T::kString) return Value::Int(Utf8Length(arg(0).AsString()));
      if (arg(0).type() == T::kList) return Value::Int(static_cast<int64_t>(arg(0).AsList().size()));
      return Fail(e, ctx, "length() needs a path");
    case Function::kToLower:
    case Function::kToUpper: {
      if (arg(0).is_null()) return Null();
      if (arg(0).type() != T::kString) return Fail(e, ctx, "toLower()/toUpper() need a string");
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(arg(0).AsString());
      if (e.function == Function::kToLower) u.toLower(); else u.toUpper();
      std::string out;
      u.toUTF8String(out);
      return Value::String(out);
    }
    case Function::kTrim: {
      if (arg(0).type() != T::kString) return Null();
      const std::string& s = arg(0).AsString();
      size_t b = s.find_first_not_of(" \t\r\n");
      if (b == std::string::npos) return Value::String("");
      return Value::String(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
    }
    case Function::kToString:
      if (arg(0).is_null()) return Null();
      {
        Value v = arg(0);
        Materialise(&v, ctx);
        return Value::String(v.ToString());
      }
    case Function::kToInteger: {
      const Value& v = arg(0);
      if (v.type() == T::kInt) return v;
      if (v.type() == T::kDouble) return Value::Int(static_cast<int64_t>(v.AsDouble()));
      if (v.type() == T::kString) {
        try {
          size_t used = 0;
          int64_t i = std::stoll(v.AsString(), &used);
          return used == v.AsString().size() ? Value::Int(i) : Null();
        } catch (...) {
          return Null();
        }
      }
      return Null();
    }
    case Function::kToFloat: {
      const Value& v = arg(0);
      if (v.IsNumber()) return Value::Double(v.AsNumber());
      if (v.type() == T::kString) {
        try {
          size_t used = 0;
          double d = std::stod(v.AsString(), &used);
          return used == v.AsString().size() ? Value::Double(d) : Null();
        } catch (...) {
          return Null();
        }
      }
      return Null();
    }
    case Function::kNodes:
    case Function::kRelationships: {
      if (arg(0).type() != T::kPath) return Null();
      List l;
      if (e.function == Function::kNodes) {
        for (const auto& n : arg(0).AsPath().nodes) l.push_back(Value::FromNode(n));
      } else {
        for (const auto& r : arg(0).AsPath().relationships) l.push_back(Value::FromRelationship(r));
      }
      return Value::FromList(std::move(l));
    }
    case Function::kStartNode:
    case Function::kEndNode: {
      if (arg(0).type() != T::kRelationship) return Null();
      const Relationship& r = arg(0).AsRelationship();
      return TermValue(e.function == Function::kStartNode ? r.subject : r.object, ctx);
    }
    case Function::kEvidence: return Evidence(e, arg(0), ctx);
    case Function::kAbs:
      if (arg(0).type() == T::kInt) return Value::Int(std::llabs(arg(0).AsInt()));
      if (arg(0).type() == T::kDouble) return Value::Double(std::fabs(arg(0).AsDouble()));
      return Null();
    case Function::kRound:
    case Function::kFloor:
    case Function::kCeil: {
      if (!arg(0).IsNumber()) return Null();
      double x = arg(0).AsNumber();
      if (e.function == Function::kRound && a.size() > 1 && arg(1).type() == T::kInt) {
        double scale = std::pow(10.0, static_cast<double>(arg(1).AsInt()));
        return Value::Double(std::round(x * scale) / scale);
      }
      double r = e.function == Function::kRound ? std::round(x) : e.function == Function::kFloor ? std::floor(x) : std::ceil(x);
      return Value::Double(r);
    }
    case Function::kKeys: {
      List l;
      if (arg(0).type() == T::kMap) {
        for (const auto& [k, v] : arg(0).AsMap()) l.push_back(Value::String(k));
      } else if (arg(0).type() == T::kNode) {
        for (const char* k : {"name", "key", "type"}) l.push_back(Value::String(k));
      } else if (arg(0).type() == T::kRelationship) {
        for (const char* k : {"count", "articles", "first_seen", "last_seen", "confidence"}) l.push_back(Value::String(k));
      }
      return Value::FromList(std::move(l));
    }
    case Function::kHead:
    case Function::kLast: {
      if (arg(0).type() != T::kList || arg(0).AsList().empty()) return Null();
      return e.function == Function::kHead ? arg(0).AsList().front() : arg(0).AsList().back();
    }
    case Function::kSubstring: {
      if (arg(0).type() != T::kString || a.size() < 2 || arg(1).type() != T::kInt) return Null();
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(arg(0).AsString());
      int32_t start = static_cast<int32_t>(arg(1).AsInt());
      int32_t len = a.size() > 2 && arg(2).type() == T::kInt ? static_cast<int32_t>(arg(2).AsInt()) : u.length();
      std::string out;
      u.tempSubString(start, len).toUTF8String(out);
      return Value::String(out);
    }
    case Function::kReplace: {
      if (a.size() < 3 || arg(0).type() != T::kString || arg(1).type() != T::kString || arg(2).type() != T::kString) return Null();
      std::string s = arg(0).AsString();
      const std::string &from = arg(1).AsString(), &to = arg(2).AsString();
      if (from.empty()) return Value::String(s);
      for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
      return Value::String(s);
    }
    case Function::kSplit: {
      if (a.size() < 2 || arg(0).type() != T::kString || arg(1).type() != T::kString) return Null();
      List l;
      const std::string &s = arg(0).AsString(), &sep = arg(1).AsString();
      if (sep.empty()) return Value::FromList({Value::String(s)});
      size_t b = 0;
      for (size_t pos; (pos = s.find(sep, b)) != std::string::npos; b = pos + sep.size()) l.push_back(Value::String(s.substr(b, pos - b)));
      l.push_back(Value::String(s.substr(b)));
      return Value::FromList(std::move(l));
    }
    case Function::kHasLabel: {
      if (arg(0).type() != T::kNode) return Value::Bool(false);
      const graph::TermRecord* t = Term(arg(0).AsNode().id, ctx);
      if (!t || t->IsLiteral()) return Value::Bool(false);
      for (size_t i = 1; i < a.size(); ++i) {
        if (a[i].type() == T::kString && a[i].AsString() == t->type) return Value::Bool(true);
      }
      return Value::Bool(false);
    }
    case Function::kHasName: {
      if (arg(0).type() != T::kNode || arg(1).is_null()) return Value::Bool(false);
      const graph::TermRecord* t = Term(arg(0).AsNode().id, ctx);
      if (!t || t->IsLiteral()) return Value::Bool(false);
      std::string want = text::Fold(arg(1).ToString());
      for (const auto& name : graph::EntityAliasNames(*t)) {
        if (name == want) return Value::Bool(true);
      }
      return Value::Bool(false);
    }
    case Function::kMakePath: {
      Path path;
      auto rel = [](const Value& v) { return v.AsRelationship(); };
      bool after_list = false;
      for (size_t i = 0; i < a.size(); ++i) {
        const Value& v = a[i];
        if (v.is_null()) return Null();
        if (i % 2 == 0) {
          if (v.type() != T::kNode) return Null();
          // A variable-length step already put its inner nodes and its far
          // end in (a single step may be a self-loop: its end node repeats).
          if (!after_list) path.nodes.push_back(v.AsNode());
          after_list = false;
          continue;
        }
        if (v.type() == T::kRelationship) {
          path.relationships.push_back(rel(v));
          continue;
        }
        if (v.type() != T::kList) return Null();
        after_list = true;
        // Walk the list from the last node, adding each far end.
        for (const auto& r : v.AsList()) {
          const Relationship& x = r.AsRelationship();
          graph::TermId at = path.nodes.back().id;
          Node n;
          n.id = x.subject == at ? x.object : x.subject;
          path.relationships.push_back(x);
          path.nodes.push_back(n);
        }
      }
      return Value::FromPath(std::move(path));
    }
    case Function::kAllDifferent: {
      for (size_t i = 0; i < a.size(); ++i) {
        for (size_t j = i + 1; j < a.size(); ++j) {
          if (!a[i].is_null() && a[i] == a[j]) return Value::Bool(false);
        }
      }
      return Value::Bool(true);
    }
    default:
      return Fail(e, ctx, "aggregate function used outside an aggregation");
  }
}

}  // namespace newsgraph::query
