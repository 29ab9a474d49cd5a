#include "query/exec/algo/support.h"

#include <algorithm>
#include <cstdio>

#include "core/date.h"
#include "query/binder/scope.h"
#include "query/exec/engine_cache.h"
#include "text/fold.h"

namespace newsgraph::query {

namespace {

class NodeRows : public ProcedureCursor {
 public:
  NodeRows(uint32_t n, NodeRowFill fill, std::string detail)
      : n_(n), fill_(std::move(fill)), detail_(std::move(detail)) {}
  bool Next(std::vector<Value>* out) override {
    if (next_ >= n_) return false;
    out->clear();
    fill_(next_++, out);
    return true;
  }
  std::string Detail() const override { return detail_; }

 private:
  uint32_t n_;
  NodeRowFill fill_;
  std::string detail_;
  uint32_t next_ = 0;
};

const std::vector<std::string>& FilterKeys() {
  static const std::vector<std::string> keys = {"predicates", "types", "from", "to", "articles"};
  return keys;
}

}  // namespace

std::unique_ptr<ProcedureCursor> NodeRowsCursor(uint32_t num_nodes, NodeRowFill fill, std::string detail) {
  return std::make_unique<NodeRows>(num_nodes, std::move(fill), std::move(detail));
}

std::unique_ptr<ProcedureCursor> NodeScoresCursor(std::shared_ptr<const graph::algo::Snapshot> s,
                                                  std::vector<double> scores, std::string detail) {
  const uint32_t n = s->num_nodes();
  return NodeRowsCursor(
      n,
      [s = std::move(s), scores = std::move(scores)](graph::algo::Vertex v, std::vector<Value>* row) {
        row->push_back(NodeValue(s->node_id(v)));
        row->push_back(Value::Double(scores[v]));
      },
      std::move(detail));
}

std::string Millis(std::chrono::steady_clock::time_point start) {
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", ms);
  return buf;
}

bool AlgoOptions::Fail(const std::string& message) {
  return ctx_->Fail(Status::InvalidArgument(proc_ + "(): " + message));
}

bool AlgoOptions::Parse(const Value& options, const std::vector<std::string>& own) {
  if (options.is_null()) return true;
  std::string allowed;
  for (const auto* keys : {&own, &FilterKeys()}) {
    for (const auto& k : *keys) allowed += (allowed.empty() ? "" : ", ") + k;
  }
  if (options.type() != Value::Type::kMap) return Fail("options must be a map: {" + allowed + "}");
  for (const auto& [k, v] : options.AsMap()) {
    bool known = std::find(own.begin(), own.end(), k) != own.end() ||
                 std::find(FilterKeys().begin(), FilterKeys().end(), k) != FilterKeys().end();
    if (!known) return Fail("unknown option \"" + k + "\" (" + allowed + ")");
  }
  options_ = options;
  return true;
}

bool AlgoOptions::Direction(const char* key, graph::algo::Direction def, graph::algo::Direction* out) {
  *out = def;
  Value v = MapArg(options_, key);
  if (v.is_null()) return true;
  std::string s = v.type() == Value::Type::kString ? v.AsString() : "";
  if (s == "out") *out = graph::algo::Direction::kOut;
  else if (s == "in") *out = graph::algo::Direction::kIn;
  else if (s == "both") *out = graph::algo::Direction::kBoth;
  else return Fail(std::string(key) + " is \"out\", \"in\" or \"both\"");
  return true;
}

bool AlgoOptions::Weight(const char* key, graph::algo::Weight def, graph::algo::Weight* out) {
  *out = def;
  Value v = MapArg(options_, key);
  if (v.is_null()) return true;
  std::string s = v.type() == Value::Type::kString ? v.AsString() : "";
  if (s == "facts") *out = graph::algo::Weight::kFacts;
  else if (s == "articles") *out = graph::algo::Weight::kArticles;
  else if (s == "mentions") *out = graph::algo::Weight::kMentions;
  else return Fail(std::string(key) + " is \"facts\", \"articles\" or \"mentions\"");
  return true;
}

bool AlgoOptions::Int(const char* key, int64_t def, int64_t min, int64_t max, int64_t* out) {
  *out = def;
  Value v = MapArg(options_, key);
  if (v.is_null()) return true;
  if (v.type() != Value::Type::kInt || v.AsInt() < min || v.AsInt() > max) {
    return Fail(std::string(key) + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
  }
  *out = v.AsInt();
  return true;
}

bool AlgoOptions::Double(const char* key, double def, double min, double max, double* out) {
  *out = def;
  Value v = MapArg(options_, key);
  if (v.is_null()) return true;
  if (!v.IsNumber() || v.AsNumber() < min || v.AsNumber() > max) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " must be a number from %g to %g", min, max);
    return Fail(key + std::string(buf));
  }
  *out = v.AsNumber();
  return true;
}

bool AlgoOptions::Bool(const char* key, bool def, bool* out) {
  *out = def;
  Value v = MapArg(options_, key);
  if (v.is_null()) return true;
  if (v.type() != Value::Type::kBool) return Fail(std::string(key) + " must be true or false");
  *out = v.AsBool();
  return true;
}

bool AlgoOptions::Date(const char* key, int32_t* day) {
  Value v = MapArg(options_, key);
  if (v.is_null()) return true;
  if (v.type() == Value::Type::kDate) {
    *day = v.AsDate().days;
    return true;
  }
  if (v.type() == Value::Type::kString) {
    if (auto d = ParseIsoDate(v.AsString())) {
      *day = *d;
      return true;
    }
  }
  return Fail(std::string(key) + " must be a date or \"YYYY-MM-DD\"");
}

bool AlgoOptions::Filter(graph::algo::SnapshotFilter* f) {
  auto strings = [&](const char* key, std::vector<std::string>* out) {
    Value v = MapArg(options_, key);
    if (v.is_null()) return true;
    bool ok = v.type() == Value::Type::kList;
    if (ok) {
      for (const auto& x : v.AsList()) {
        if (x.type() != Value::Type::kString) ok = false;
        else out->push_back(x.AsString());
      }
    }
    return ok || Fail(std::string(key) + " must be a list of strings");
  };
  std::vector<std::string> predicates, articles;
  if (!strings("predicates", &predicates) || !strings("types", &f->types) || !strings("articles", &articles)) {
    return false;
  }
  if (!predicates.empty()) {
    std::vector<std::pair<std::string, graph::TermId>> all;
    if (Status s = ctx_->view->ListPredicates(&all); !s.ok()) return ctx_->Fail(s);
    for (const auto& name : predicates) {
      auto it = std::find_if(all.begin(), all.end(), [&](const auto& p) { return p.first == name; });
      if (it == all.end()) {
        std::vector<std::string> names;
        for (const auto& p : all) names.push_back(p.first);
        std::string close = Closest(name, names);
        return Fail("unknown predicate \"" + name + "\"" + (close.empty() ? "" : "; did you mean \"" + close + "\"?"));
      }
      f->predicates.push_back(it->second);
    }
  }
  for (const auto& key : articles) {
    auto id = ctx_->view->FindArticle(key);
    if (!id.ok()) return ctx_->Fail(id.status());
    if (!id->has_value()) return Fail("no article \"" + key + "\"");
    f->articles.push_back(**id);
  }
  return Date("from", &f->from_day) && Date("to", &f->to_day);
}

std::shared_ptr<const graph::algo::Snapshot> AlgoOptions::Snapshot() {
  graph::algo::SnapshotFilter filter;
  if (!Filter(&filter)) return nullptr;
  filter.Normalise();
  const uint64_t version = ctx_->view->Version();
  const std::string key = filter.Key();
  auto start = std::chrono::steady_clock::now();
  std::shared_ptr<const graph::algo::Snapshot> s = ctx_->cache ? ctx_->cache->FindSnapshot(version, key) : nullptr;
  if (s) {
    snapshot_detail_ = "graph snapshot cached (" + s->Describe() + ", built in " +
                       std::to_string(static_cast<int64_t>(s->build_millis())) + " ms)";
  } else {
    QueryBudget budget(ctx_, proc_ + "() building its graph snapshot");
    auto built = graph::algo::Snapshot::Build(*ctx_->view, std::move(filter), &budget);
    if (!built.ok()) {
      ctx_->Fail(built.status());
      return nullptr;
    }
    s = *built;
    if (ctx_->cache) ctx_->cache->AddSnapshot(version, key, s);
    snapshot_detail_ = "graph snapshot built in " + Millis(start) + " (" + s->Describe() + ")";
  }
  // The query holds the snapshot while it runs, cached or not.
  if (!ctx_->Reserve(s->MemoryBytes(), (proc_ + "() graph snapshot").c_str())) return nullptr;
  return s;
}

std::optional<graph::TermId> ResolveEntity(AlgoOptions* opts, const Value& arg, const char* what) {
  ExecContext* ctx = opts->ctx();
  switch (arg.type()) {
    case Value::Type::kNode:
      return arg.AsNode().id;
    case Value::Type::kInt: {
      if (arg.AsInt() <= 0) break;
      auto t = ctx->view->GetTerm(static_cast<graph::TermId>(arg.AsInt()));
      if (t.ok() && t->kind == graph::TermKind::kEntity) return static_cast<graph::TermId>(arg.AsInt());
      if (!t.ok() && !t.status().IsNotFound()) {
        ctx->Fail(t.status());
        return std::nullopt;
      }
      opts->Fail("no entity has the id " + std::to_string(arg.AsInt()) + " (" + what + ")");
      return std::nullopt;
    }
    case Value::Type::kString: {
      auto id = ctx->view->FindTerm(graph::TermKind::kEntity, arg.AsString());
      if (!id.ok()) {
        ctx->Fail(id.status());
        return std::nullopt;
      }
      if (id->has_value()) return **id;
      std::vector<graph::TermId> ids;
      if (Status s = ctx->view->FindAlias(text::Fold(arg.AsString()), &ids); !s.ok()) {
        ctx->Fail(s);
        return std::nullopt;
      }
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      if (ids.size() == 1) return ids[0];
      opts->Fail(ids.empty() ? std::string("no entity has the key or name \"") + arg.AsString() + "\" (" + what + ")"
                             : "the name \"" + arg.AsString() + "\" (" + what + ") fits " + std::to_string(ids.size()) +
                                   " entities; pass the node, e.g. from MATCH, or its key");
      return std::nullopt;
    }
    default:
      break;
  }
  opts->Fail(std::string(what) + " must be a node, a node id or an entity key or name");
  return std::nullopt;
}

Value NodeValue(graph::TermId id) {
  Node n;
  n.id = id;
  return Value::FromNode(std::move(n));
}

Value FactValue(const graph::algo::Snapshot& s, graph::algo::FactIndex f) {
  Relationship r;
  graph::Triple t = s.triple(f);
  r.subject = t.s;
  r.predicate_id = t.p;
  r.object = t.o;
  // Names and the fact's store-wide counts and dates are filled when rows
  // are returned (Materialise).
  return Value::FromRelationship(std::move(r));
}

}  // namespace newsgraph::query
