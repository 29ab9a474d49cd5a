// CALL degree({direction, predicates, weight}) YIELD node, score
//
// Degree centrality from one scan of the spo index, whose entries carry each
// fact's mention and article counts: no graph needs building.
//   direction:  "both" (default), "out" or "in"
//   predicates: a list of predicate names (default: all)
//   weight:     "facts" (default: each fact counts 1), "mentions" (records)
//               or "articles" (distinct articles)
// Nodes with degree 0 are not returned; literal objects are not nodes.
#include <algorithm>
#include <set>

#include "graph/store/key_codec.h"
#include "graph/store/records.h"
#include "query/exec/eval.h"
#include "query/exec/procedures.h"

namespace newsgraph::query {

namespace {

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
  graph::Counters c = ctx->view->GetCounters();
  if (!ctx->Reserve(c.next_term_id * 9, "degree()")) return nullptr;
  std::vector<double> score(c.next_term_id + 1, 0);
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
  std::vector<std::vector<Value>> rows;
  for (graph::TermId id = 1; id < score.size(); ++id) {
    if (score[id] == 0 || !entity[id]) continue;
    Node n;
    n.id = id;
    // Whole numbers stay integers so that they print and compare as counts.
    Value s = score[id] == static_cast<double>(static_cast<int64_t>(score[id]))
                  ? Value::Int(static_cast<int64_t>(score[id]))
                  : Value::Double(score[id]);
    rows.push_back({Value::FromNode(std::move(n)), std::move(s)});
  }
  return RowsCursor(std::move(rows));
}

}  // namespace

void RegisterDegree() {
  RegisterProcedure({"degree", "degree(options :: MAP?)",
                     "degree centrality: {direction: both|out|in, predicates: [...], weight: facts|mentions|articles}",
                     0, 1, {"node", "score"}, OpenDegree});
}

}  // namespace newsgraph::query
