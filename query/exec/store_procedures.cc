// Procedures over the store itself: mentions (the records behind facts,
// filtered by article, date range or predicate), articles, predicates and
// counts.
#include <unordered_map>

#include "core/date.h"
#include "graph/store/key_codec.h"
#include "graph/store/read_view.h"
#include "query/exec/engine_cache.h"
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
// Per article, its facts and their mention counts come from article_facts.
// Only when the query yields a column of the mention itself (sentence,
// rule, confidence, date) is each fact's mentions read, by a seek into
// mentions: a seek costs ten times a step, and a date-range query touches
// thousands of facts. Both cursors are reused across seeks.
class MentionsCursor : public ProcedureCursor {
 public:
  // Output columns, in the order of the procedure's signature.
  enum Col { kSubject, kPredicate, kObject, kRelationship, kArticle, kTitle, kDate, kSource, kSentence, kRule,
             kConfidence, kCols };

  MentionsCursor(ExecContext* ctx, std::vector<graph::ArticleId> articles, bool all, graph::TermId predicate)
      : ctx_(ctx), articles_(std::move(articles)), all_(all), predicate_(predicate), used_(kCols, true) {}

  void Yielding(const std::vector<bool>& used) override {
    for (size_t i = 0; i < kCols && i < used.size(); ++i) used_[i] = used[i];
    need_article_ = used_[kArticle] || used_[kTitle] || used_[kDate] || used_[kSource];
    // A mention's own date may differ from its article's.
    need_mentions_ = used_[kDate] || used_[kSentence] || used_[kRule] || used_[kConfidence] ||
                     !ctx_->view->HasArticleFactCounts();
  }

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
        if (!mentions_) mentions_ = ctx_->view->Cursor(graph::Cf::kMentions);
        if (!mentions_->Valid()) {
          Status s = mentions_->status();
          return s.ok() ? false : ctx_->Fail(s);
        }
        graph::Mention m;
        if (!Decode(&m)) return false;
        mentions_->Next();
        if (predicate_ != graph::kNoTerm && m.fact.p != predicate_) continue;
        pending_.push_back(std::move(m));
        continue;
      }
      if (!NextArticle()) return false;
    }
  }

 private:
  // Fills pending_ with the mentions of the next article; false at the end
  // or on an error.
  bool NextArticle() {
    if (article_ >= articles_.size()) return false;
    graph::ArticleId a = articles_[article_++];
    if (!facts_) {
      facts_ = ctx_->view->Cursor(graph::Cf::kArticleFacts, graph::ArticleFactPrefix(a));
    } else {
      facts_->Seek(graph::ArticleFactPrefix(a));
    }
    triples_.clear();
    for (; facts_->Valid(); facts_->Next()) {
      graph::ArticleId id;
      graph::Triple t;
      uint64_t n = 1;
      if (!graph::DecodeArticleFactKey(facts_->key(), &id, &t) ||
          (!need_mentions_ && !graph::DecodeArticleFactCount(facts_->value(), &n))) {
        return ctx_->Fail(Status::Corruption("bad article_facts entry"));
      }
      if (predicate_ != graph::kNoTerm && t.p != predicate_) continue;
      if (need_mentions_) {
        triples_.push_back(t);
        continue;
      }
      graph::Mention m;
      m.fact = t;
      m.article = a;
      pending_.insert(pending_.end(), n, m);
    }
    if (Status s = facts_->status(); !s.ok()) return ctx_->Fail(s);
    for (const graph::Triple& t : triples_) {
      if (!mentions_) {
        mentions_ = ctx_->view->Cursor(graph::Cf::kMentions, graph::MentionPrefix(t, a));
      } else {
        mentions_->Seek(graph::MentionPrefix(t, a));
      }
      for (; mentions_->Valid(); mentions_->Next()) {
        pending_.emplace_back();
        if (!Decode(&pending_.back())) return false;
      }
      if (Status s = mentions_->status(); !s.ok()) return ctx_->Fail(s);
    }
    return true;
  }

  bool Decode(graph::Mention* m) {
    if (!graph::DecodeMentionKey(mentions_->key(), &m->fact, &m->article, &m->sentence) ||
        !graph::DecodeMention(mentions_->value(), &m->record)) {
      return ctx_->Fail(Status::Corruption("undecodable mention"));
    }
    return true;
  }

  // Columns the query does not yield stay null: no article read, no
  // strings copied for them.
  void Emit(const graph::Mention& m, std::vector<Value>* out) {
    out->assign(kCols, Value());
    const graph::ArticleRecord* a = need_article_ ? Article(m.article) : nullptr;
    if (used_[kSubject]) {
      Node s;
      s.id = m.fact.s;
      (*out)[kSubject] = Value::FromNode(std::move(s));
    }
    if (used_[kPredicate]) {
      Status err;
      const graph::TermRecord* p = ctx_->terms->Get(m.fact.p, &err);
      if (p) (*out)[kPredicate] = Value::String(p->key);
    }
    if (used_[kObject]) (*out)[kObject] = TermValue(m.fact.o, ctx_);
    if (used_[kRelationship]) {
      Relationship r;
      r.subject = m.fact.s;
      r.predicate_id = m.fact.p;
      r.object = m.fact.o;
      (*out)[kRelationship] = Value::FromRelationship(std::move(r));
    }
    if (a) {
      if (used_[kArticle]) (*out)[kArticle] = Value::String(a->key);
      if (used_[kTitle] && !a->title.empty()) (*out)[kTitle] = Value::String(a->title);
      if (used_[kSource] && !a->source.empty()) (*out)[kSource] = Value::String(a->source);
    }
    if (used_[kDate]) {
      int32_t day = m.record.day != kNoDay ? m.record.day : (a ? a->day : kNoDay);
      if (day != kNoDay) (*out)[kDate] = Value::FromDate(Date{day});
    }
    if (used_[kSentence]) (*out)[kSentence] = Value::Int(m.sentence);
    if (used_[kRule]) (*out)[kRule] = Value::String(m.record.rule);
    if (used_[kConfidence]) (*out)[kConfidence] = Value::Double(m.record.confidence / 100.0);
  }

  const graph::ArticleRecord* Article(graph::ArticleId id) {
    if (id == last_id_ && last_) return last_.get();
    std::shared_ptr<const graph::ArticleRecord> rec;
    const uint64_t version = ctx_->terms->version();
    if (ctx_->cache) rec = ctx_->cache->FindArticle(version, id);
    if (!rec) {
      auto a = ctx_->view->GetArticle(id);
      if (!a.ok()) return nullptr;
      a->text.clear();
      rec = std::make_shared<const graph::ArticleRecord>(std::move(a).value());
      if (ctx_->cache) ctx_->cache->AddArticle(version, id, rec);
    }
    last_id_ = id;
    last_ = std::move(rec);
    return last_.get();
  }

  ExecContext* ctx_;
  std::vector<graph::ArticleId> articles_;
  bool all_;
  graph::TermId predicate_;
  std::vector<bool> used_;
  bool need_article_ = true;
  bool need_mentions_ = true;
  size_t article_ = 0;
  std::vector<graph::Triple> triples_;
  std::vector<graph::Mention> pending_;
  size_t next_ = 0;
  std::unique_ptr<graph::KeyCursor> facts_, mentions_;
  graph::ArticleId last_id_ = 0;
  std::shared_ptr<const graph::ArticleRecord> last_;
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
