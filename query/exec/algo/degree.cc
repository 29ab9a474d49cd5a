// CALL degree({direction, predicates, weight}) YIELD node, score
//
// Degree centrality from one scan of the spo index, whose entries carry each
// fact's mention and article counts: no graph needs building. The scores
// are kept in the Database's cache for the store version (like graph
// snapshots), so a repeated call skips the scan until the store changes.
//   direction:  "both" (default), "out" or "in"
//   predicates: a list of predicate names (default: all)
//   weight:     "facts" (default: each fact counts 1), "mentions" (records)
//               or "articles" (distinct articles)
// Nodes with degree 0 are not returned; literal objects are not nodes.
#include <algorithm>
#include <set>

#include "graph/store/key_codec.h"
#include "graph/store/records.h"
#include "query/exec/engine_cache.h"
#include "query/exec/eval.h"
#include "query/exec/procedures.h"

namespace newsgraph::query {

namespace {

// Rows made one at a time: a top-N above keeps only a few of them.
class DegreeCursor : public ProcedureCursor {
 public:
  DegreeCursor(ExecContext* ctx, std::shared_ptr<const std::vector<double>> scores, std::string detail)
      : ctx_(ctx), scores_(std::move(scores)), detail_(std::move(detail)) {}
  bool Next(std::vector<Value>* out) override {
    const std::vector<double>& score = *scores_;
    for (; next_ < score.size(); ++next_) {
      if (score[next_] == 0) continue;
      if (!ctx_->Tick()) return false;
      const auto id = static_cast<graph::TermId>(next_);
      const double x = score[next_++];
      Node n;
      n.id = id;
      // Whole numbers stay integers so that they print and compare as counts.
      Value s = x == static_cast<double>(static_cast<int64_t>(x)) ? Value::Int(static_cast<int64_t>(x))
                                                                   : Value::Double(x);
      out->assign({Value::FromNode(std::move(n)), std::move(s)});
      return true;
    }
    return false;
  }
  std::string Detail() const override { return detail_; }

 private:
  ExecContext* ctx_;
  std::shared_ptr<const std::vector<double>> scores_;
  std::string detail_;
  size_t next_ = 1;
};

// Scores by term id; terms that are no entities (literals) score 0.
std::shared_ptr<const std::vector<double>> Compute(ExecContext* ctx, const std::string& direction,
                                                   const std::string& weight, bool filter,
                                                   const std::set<graph::TermId>& preds) {
  graph::Counters c = ctx->view->GetCounters();
  if (!ctx->Reserve(c.next_term_id * 9, "degree()")) return nullptr;
  auto result = std::make_shared<std::vector<double>>(c.next_term_id + 1, 0);
  std::vector<double>& score = *result;
  // Literal objects are no nodes: mark the entities first.
  std::vector<bool> entity(c.next_term_id + 1, false);
  {
    auto t = ctx->view->Cursor(graph::Cf::kTerms);
    for (; t->Valid(); t->Next()) {
      uint64_t id;
      std::string_view v = t->value();
      if (graph::DecodeIdKey(t->key(), &id) && id < entity.size() && v.size() > 1 &&
          v[1] == static_cast<char>(graph::TermKind::kEntity)) {
        entity[id] = true;
      }
    }
    if (Status s = t->status(); !s.ok()) {
      ctx->Fail(s);
      return nullptr;
    }
  }
  auto scan = ctx->view->Scan({});
  graph::FactSummary sum;
  for (; scan->Valid(); scan->Next()) {
    if (!ctx->Tick()) return nullptr;
    const graph::Triple& t = scan->triple();
    if (filter && !preds.count(t.p)) continue;
    double w = 1;
    if (weight != "facts") {
      if (!graph::DecodeSummary(scan->value(), &sum)) {
        ctx->Fail(Status::Corruption("undecodable fact summary"));
        return nullptr;
      }
      w = static_cast<double>(weight == "mentions" ? sum.mentions : sum.articles);
    }
    if (direction != "in" && t.s < score.size()) score[t.s] += w;
    if (direction != "out" && t.o < score.size()) score[t.o] += w;
  }
  if (Status s = scan->status(); !s.ok()) {
    ctx->Fail(s);
    return nullptr;
  }
  ctx->Release(c.next_term_id * 9);  // the caller accounts for the scores it keeps
  for (size_t id = 0; id < score.size(); ++id) {
    if (!entity[id]) score[id] = 0;
  }
  return result;
}

std::unique_ptr<ProcedureCursor> OpenDegree(ExecContext* ctx, const std::vector<Value>& args) {
  Value opts = args.empty() ? Value() : args[0];
  if (!opts.is_null() && opts.type() != Value::Type::kMap) {
    ctx->Fail(Status::InvalidArgument("degree() takes a map: {direction, predicates, weight}"));
    return nullptr;
  }
  for (const auto& [k, v] : opts.is_null() ? Map() : opts.AsMap()) {
    if (k != "direction" && k != "predicates" && k != "weight") {
      ctx->Fail(Status::InvalidArgument("degree(): unknown option \"" + k + "\" (direction, predicates, weight)"));
      return nullptr;
    }
  }
  std::string direction = "both", weight = "facts";
  if (Value d = MapArg(opts, "direction"); d.type() == Value::Type::kString) direction = d.AsString();
  if (Value w = MapArg(opts, "weight"); w.type() == Value::Type::kString) weight = w.AsString();
  if (direction != "both" && direction != "out" && direction != "in") {
    ctx->Fail(Status::InvalidArgument("degree(): direction is \"both\", \"out\" or \"in\""));
    return nullptr;
  }
  if (weight != "facts" && weight != "mentions" && weight != "articles") {
    ctx->Fail(Status::InvalidArgument("degree(): weight is \"facts\", \"mentions\" or \"articles\""));
    return nullptr;
  }
  std::set<graph::TermId> preds;
  bool filter = false;
  if (Value p = MapArg(opts, "predicates"); p.type() == Value::Type::kList) {
    filter = true;
    for (const auto& x : p.AsList()) {
      if (x.type() != Value::Type::kString) continue;
      auto id = ctx->view->FindTerm(graph::TermKind::kPredicate, x.AsString());
      if (id.ok() && id->has_value()) preds.insert(**id);
    }
  }
  std::string key = "degree " + direction + " " + weight + " [";
  for (graph::TermId p : preds) key += std::to_string(p) + ",";
  key += filter ? "]" : "*]";
  const uint64_t version = ctx->view->Version();
  std::shared_ptr<const std::vector<double>> scores = ctx->cache ? ctx->cache->FindScores(version, key) : nullptr;
  std::string detail = "degree scores cached for this store version";
  if (!scores) {
    auto computed = Compute(ctx, direction, weight, filter, preds);
    if (!computed) return nullptr;
    scores = std::move(computed);
    if (ctx->cache) ctx->cache->AddScores(version, key, scores);
    detail = "scanned spo";
  }
  if (!ctx->Reserve(scores->size() * sizeof(double), "degree()")) return nullptr;
  return std::make_unique<DegreeCursor>(ctx, std::move(scores), std::move(detail));
}

}  // namespace

void RegisterDegree() {
  RegisterProcedure({"degree", "degree(options :: MAP?)",
                     "degree centrality: {direction: both|out|in, predicates: [...], weight: facts|mentions|articles}",
                     0, 1, {"node", "score"}, OpenDegree});
}

}  // namespace newsgraph::query
