// Procedures over the store itself: mentions (the records behind facts,
// filtered by article, date range or predicate), articles, predicates and
// counts.
#include <unordered_map>

#include "core/date.h"
#include "graph/store/read_view.h"
#include "query/exec/eval.h"
#include "query/exec/procedures.h"

namespace newsgraph::query {

namespace {

bool DateArg(ExecContext* ctx, const char* proc, const Value& v, const char* what, int32_t* out) {
  if (v.is_null()) return true;
  if (v.type() == Value::Type::kDate) {
    *out = v.AsDate().days;
    return true;
  }
  if (v.type() == Value::Type::kString) {
    if (auto d = ParseIsoDate(v.AsString())) {
      *out = *d;
      return true;
    }
  }
  return ctx->Fail(Status::InvalidArgument(std::string(proc) + "(): \"" + what +
                                           "\" must be a date or \"YYYY-MM-DD\""));
}

// One row per mention of the selected articles (or of the whole store).
class MentionsCursor : public ProcedureCursor {
 public:
  MentionsCursor(ExecContext* ctx, std::vector<graph::ArticleId> articles, bool all,
                 graph::TermId predicate)
      : ctx_(ctx), articles_(std::move(articles)), all_(all), predicate_(predicate) {}

  bool Next(std::vector<Value>* out) override {
    for (;;) {
      if (!ctx_->Tick()) return false;
      if (next_ < pending_.size()) {
        Emit(pending_[next_++], out);
        return true;
      }
      pending_.clear();
      next_ = 0;
      if (all_) {
        if (!cursor_) cursor_ = ctx_->view->Cursor(graph::Cf::kMentions);
        if (!cursor_->Valid()) {
          Status s = cursor_->status();
          return s.ok() ? false : ctx_->Fail(s);
        }
        graph::Mention m;
        if (!graph::DecodeMentionKey(cursor_->key(), &m.fact, &m.article, &m.sentence) ||
            !graph::DecodeMention(cursor_->value(), &m.record)) {
          return ctx_->Fail(Status::Corruption("undecodable mention"));
        }
        cursor_->Next();
        if (predicate_ != graph::kNoTerm && m.fact.p != predicate_) continue;
        pending_.push_back(std::move(m));
        continue;
      }
      if (article_ >= articles_.size()) return false;
      graph::ArticleId a = articles_[article_++];
      std::vector<std::pair<graph::Triple, uint64_t>> facts;
      Status s = ctx_->view->ArticleFacts(a, &facts, /*with_counts=*/false);
      if (!s.ok()) return ctx_->Fail(s);
      for (const auto& [t, n] : facts) {
        if (predicate_ != graph::kNoTerm && t.p != predicate_) continue;
        s = ctx_->view->GetMentionsIn(t, a, &pending_);
        if (!s.ok()) return ctx_->Fail(s);
      }
    }
  }

 private:
  void Emit(const graph::Mention& m, std::vector<Value>* out) {
    const graph::ArticleRecord* a = Article(m.article);
    Relationship r;
    r.subject = m.fact.s;
    r.predicate_id = m.fact.p;
    r.object = m.fact.o;
    Node s;
    s.id = m.fact.s;
    Status err;
    const graph::TermRecord* p = ctx_->terms->Get(m.fact.p, &err);
    int32_t day = m.record.day != kNoDay ? m.record.day : (a ? a->day : kNoDay);
    out->assign({Value::FromNode(s), p ? Value::String(p->key) : Value(), TermValue(m.fact.o, ctx_),
                 Value::FromRelationship(r), a ? Value::String(a->key) : Value(),
                 a && !a->title.empty() ? Value::String(a->title) : Value(),
                 day == kNoDay ? Value() : Value::FromDate(Date{day}),
                 a && !a->source.empty() ? Value::String(a->source) : Value(),
                 Value::Int(m.sentence), Value::String(m.record.rule),
                 Value::Double(m.record.confidence / 100.0)});
  }

  const graph::ArticleRecord* Article(graph::ArticleId id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return &it->second;
    if (cache_.size() > 100000) cache_.clear();
    auto a = ctx_->view->GetArticle(id);
    if (!a.ok()) return nullptr;
    a->text.clear();
    return &cache_.emplace(id, std::move(a).value()).first->second;
  }

  ExecContext* ctx_;
  std::vector<graph::ArticleId> articles_;
  bool all_;
  graph::TermId predicate_;
  size_t article_ = 0;
  std::vector<graph::Mention> pending_;
  size_t next_ = 0;
  std::unique_ptr<graph::KeyCursor> cursor_;
  std::unordered_map<graph::ArticleId, graph::ArticleRecord> cache_;
};

std::unique_ptr<ProcedureCursor> OpenMentions(ExecContext* ctx, const std::vector<Value>& args) {
  Value filter = args.empty() ? Value() : args[0];
  if (!filter.is_null() && filter.type() != Value::Type::kMap) {
    ctx->Fail(Status::InvalidArgument("mentions() takes a map: {article: …, from: …, to: …, predicate: …}"));
    return nullptr;
  }
  for (const auto& [k, v] : filter.is_null() ? Map() : filter.AsMap()) {
    if (k != "article" && k != "from" && k != "to" && k != "predicate") {
      ctx->Fail(Status::InvalidArgument("mentions(): unknown filter \"" + k +
                                        "\" (article, from, to, predicate)"));
      return nullptr;
    }
  }
  graph::TermId predicate = graph::kNoTerm;
  Value p = MapArg(filter, "predicate");
  if (p.type() == Value::Type::kString) {
    auto id = ctx->view->FindTerm(graph::TermKind::kPredicate, p.AsString());
    if (!id.ok()) {
      ctx->Fail(id.status());
      return nullptr;
    }
    if (!id->has_value()) return RowsCursor({});
    predicate = **id;
  }
  std::vector<graph::ArticleId> articles;
  Value article = MapArg(filter, "article");
  int32_t from = INT32_MIN, to = INT32_MAX;
  if (!DateArg(ctx, "mentions", MapArg(filter, "from"), "from", &from) ||
      !DateArg(ctx, "mentions", MapArg(filter, "to"), "to", &to)) {
    return nullptr;
  }
  bool by_date = !MapArg(filter, "from").is_null() || !MapArg(filter, "to").is_null();
  if (article.type() == Value::Type::kString) {
    auto id = ctx->view->FindArticle(article.AsString());
    if (!id.ok()) {
      ctx->Fail(id.status());
      return nullptr;
    }
    if (id->has_value()) articles.push_back(**id);
    if (by_date && !articles.empty()) {
      auto a = ctx->view->GetArticle(articles[0]);
      if (!a.ok() || a->day == kNoDay || a->day < from || a->day > to) articles.clear();
    }
  } else if (by_date) {
    Status s = ctx->view->ArticlesBetween(from, to, &articles);
    if (!s.ok()) {
      ctx->Fail(s);
      return nullptr;
    }
  }
  bool all = article.is_null() && !by_date;
  return std::make_unique<MentionsCursor>(ctx, std::move(articles), all, predicate);
}

std::unique_ptr<ProcedureCursor> OpenPredicates(ExecContext* ctx, const std::vector<Value>&) {
  std::vector<std::pair<std::string, graph::TermId>> preds;
  Status s = ctx->view->ListPredicates(&preds);
  if (!s.ok()) {
    ctx->Fail(s);
    return nullptr;
  }
  std::vector<std::vector<Value>> rows;
  for (const auto& [name, id] : preds) {
    auto st = ctx->view->GetPredicateStats(id);
    if (!st.ok()) {
      ctx->Fail(st.status());
      return nullptr;
    }
    Status err;
    const graph::TermRecord* t = ctx->terms->Get(id, &err);
    auto prop = [&](const char* k) {
      if (!t) return Value();
      auto it = t->props.find(k);
      return it == t->props.end() ? Value() : Value::String(it->second);
    };
    rows.push_back({Value::String(name), Value::Int(static_cast<int64_t>(st->facts)),
                    Value::Int(static_cast<int64_t>(st->mentions)), Value::Int(static_cast<int64_t>(st->subjects)),
                    Value::Int(static_cast<int64_t>(st->objects)), prop("inverse"), prop("symmetric")});
  }
  return RowsCursor(std::move(rows));
}

std::unique_ptr<ProcedureCursor> OpenStats(ExecContext* ctx, const std::vector<Value>&) {
  graph::Counters c = ctx->view->GetCounters();
  return RowsCursor({{Value::Int(static_cast<int64_t>(c.facts)), Value::Int(static_cast<int64_t>(c.entities)),
                      Value::Int(static_cast<int64_t>(c.articles)), Value::Int(static_cast<int64_t>(c.mentions))}});
}

std::unique_ptr<ProcedureCursor> OpenArticles(ExecContext* ctx, const std::vector<Value>& args) {
  Value filter = args.empty() ? Value() : args[0];
  int32_t from = INT32_MIN, to = INT32_MAX;
  if (!DateArg(ctx, "articles", MapArg(filter, "from"), "from", &from) ||
      !DateArg(ctx, "articles", MapArg(filter, "to"), "to", &to)) {
    return nullptr;
  }
  std::vector<graph::ArticleId> ids;
  std::vector<std::vector<Value>> rows;
  bool by_date = !MapArg(filter, "from").is_null() || !MapArg(filter, "to").is_null();
  auto add = [&](graph::ArticleId id, const graph::ArticleRecord& a) {
    std::vector<std::pair<graph::Triple, uint64_t>> facts;
    if (Status s = ctx->view->ArticleFacts(id, &facts, /*with_counts=*/false); !s.ok()) return ctx->Fail(s);
    rows.push_back({Value::String(a.key), a.title.empty() ? Value() : Value::String(a.title),
                    a.day == kNoDay ? Value() : Value::FromDate(Date{a.day}),
                    a.source.empty() ? Value() : Value::String(a.source),
                    a.url.empty() ? Value() : Value::String(a.url), Value::Int(static_cast<int64_t>(facts.size()))});
    return ctx->Reserve(256, "articles()");
  };
  if (by_date) {
    if (Status s = ctx->view->ArticlesBetween(from, to, &ids); !s.ok()) {
      ctx->Fail(s);
      return nullptr;
    }
    for (auto id : ids) {
      auto a = ctx->view->GetArticle(id);
      if (!a.ok()) {
        ctx->Fail(a.status());
        return nullptr;
      }
      if (!add(id, *a)) return nullptr;
    }
  } else {
    auto c = ctx->view->Cursor(graph::Cf::kArticles);
    for (; c->Valid(); c->Next()) {
      uint64_t id;
      graph::ArticleRecord a;
      if (!graph::DecodeIdKey(c->key(), &id) || !graph::DecodeArticle(c->value(), &a)) {
        ctx->Fail(Status::Corruption("undecodable article"));
        return nullptr;
      }
      if (!add(id, a)) return nullptr;
    }
  }
  return RowsCursor(std::move(rows));
}

}  // namespace

void RegisterBuiltinProcedures() {
  RegisterProcedure({"mentions", "mentions(filter :: MAP?)",
                     "the records behind facts: filter by article, from/to dates, predicate", 0, 1,
                     {"subject", "predicate", "object", "relationship", "article", "title", "date", "source",
                      "sentence", "rule", "confidence"},
                     OpenMentions});
  RegisterProcedure({"articles", "articles(filter :: MAP?)", "articles, optionally dated from/to", 0, 1,
                     {"article", "title", "date", "source", "url", "facts"}, OpenArticles});
  RegisterProcedure({"db.predicates", "db.predicates()", "predicates with their counts", 0, 0,
                     {"name", "facts", "mentions", "subjects", "objects", "inverse", "symmetric"},
                     OpenPredicates});
  RegisterProcedure({"db.stats", "db.stats()", "counts of the store", 0, 0,
                     {"facts", "entities", "articles", "mentions"}, OpenStats});
}

}  // namespace newsgraph::query
