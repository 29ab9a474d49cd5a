#include "graph/store/batch.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <functional>

#include "graph/store/coding.h"
#include "graph/store/key_codec.h"
#include "text/fold.h"

namespace newsgraph::graph {

namespace {
std::string VarintValue(uint64_t v) {
  std::string s;
  PutVarint(&s, v);
  return s;
}

bool HasDescription(const TermRecord& e) {
  return !e.type.empty() || !e.labels.empty() || !e.aliases.empty() || !e.props.empty();
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
}
}  // namespace

bool MergeEntity(const TermRecord& from, TermRecord* into) {
  bool changed = false;
  if (!from.type.empty() && from.type != into->type &&
      (into->type.empty() || into->type == "Other")) {
    into->type = from.type;
    changed = true;
  }
  for (const auto& [lang, label] : from.labels) {
    auto it = into->labels.find(lang);
    if (it == into->labels.end()) {
      into->labels[lang] = label;
      changed = true;
    } else if (it->second != label) {
      // A second label becomes an alias rather than replacing the first.
      auto& names = into->aliases[lang];
      if (std::find(names.begin(), names.end(), label) == names.end()) {
        names.push_back(label);
        changed = true;
      }
    }
  }
  for (const auto& [lang, names] : from.aliases) {
    auto& dst = into->aliases[lang];
    for (const auto& n : names) {
      if (std::find(dst.begin(), dst.end(), n) == dst.end()) {
        dst.push_back(n);
        changed = true;
      }
    }
  }
  for (const auto& [k, v] : from.props) {
    auto it = into->props.find(k);
    if (it == into->props.end() || it->second != v) {
      into->props[k] = v;
      changed = true;
    }
  }
  return changed;
}

uint64_t EntityFingerprint(const TermRecord& e) {
  return std::hash<std::string>()(EncodeTerm(e));
}

std::vector<std::string> EntityAliasNames(const TermRecord& e) {
  std::vector<std::string> out;
  auto add = [&](std::string_view name) {
    std::string f = text::Fold(name);
    if (!f.empty()) AddUnique(&out, f);
  };
  for (const auto& [lang, label] : e.labels) add(label);
  for (const auto& [lang, names] : e.aliases) {
    for (const auto& n : names) add(n);
  }
  if (e.labels.empty()) add(e.Name());
  return out;
}

Batch::Batch(Store* store)
    : store_(store),
      next_term_id_(store->counters().next_term_id),
      next_article_id_(store->counters().next_article_id) {}

Batch::~Batch() = default;

Result<TermId> Batch::Entity(const TermRecord& e) {
  return Intern(TermKind::kEntity, e.key, {}, &e);
}

Result<TermId> Batch::Predicate(std::string_view name) {
  return Intern(TermKind::kPredicate, name, {}, nullptr);
}

Result<TermId> Batch::Predicate(const TermRecord& p) {
  return Intern(TermKind::kPredicate, p.key, {}, &p);
}

Result<TermId> Batch::Literal(TermKind kind, std::string_view lexical, std::string_view lang) {
  return Intern(kind, lexical, lang, nullptr);
}

Result<TermId> Batch::Intern(TermKind kind, std::string_view key, std::string_view lang,
                             const TermRecord* entity) {
  if (key.empty()) return Status::InvalidArgument("empty term key");
  std::string canonical = CanonicalTermKey(kind, key, lang);
  const bool describe = entity && HasDescription(*entity);

  if (auto it = terms_.find(canonical); it != terms_.end()) {
    if (describe && MergeEntity(*entity, &it->second.record)) {
      it->second.fingerprint = EntityFingerprint(*entity);
    }
    return it->second.id;
  }

  auto& cache = store_->term_cache();
  TermId id = kNoTerm;
  uint64_t fp = describe ? EntityFingerprint(*entity) : 0;
  if (auto it = cache.find(canonical); it != cache.end()) {
    id = it->second.id;
    if (!describe || it->second.fingerprint == fp) return id;
  } else {
    std::string v;
    auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(Cf::kTermKeys), canonical, &v);
    if (s.ok()) {
      std::string_view in(v);
      if (!GetVarint(&in, &id)) return Status::Corruption("undecodable term_keys entry");
    } else if (!s.IsNotFound()) {
      return FromRocks(s, "reading the dictionary");
    }
  }

  if (id != kNoTerm) {
    if (!describe) {
      cache[canonical] = {id, 0};
      return id;
    }
    // An existing entity with possibly new names: merge them in.
    std::string v;
    auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(Cf::kTerms), IdKey(id), &v);
    if (!s.ok()) return FromRocks(s, "reading term " + std::to_string(id));
    TermRecord stored;
    if (!DecodeTerm(v, &stored)) return Status::Corruption("undecodable term " + std::to_string(id));
    if (MergeEntity(*entity, &stored)) {
      terms_.emplace(canonical, PendingTerm{id, std::move(stored), false, fp});
    } else {
      cache[canonical] = {id, fp};
    }
    return id;
  }

  id = next_term_id_++;
  PendingTerm t{id, {}, true, fp};
  if (entity) {
    t.record = *entity;
  } else {
    t.record.kind = kind;
    t.record.key = std::string(key);
    t.record.lang = std::string(lang);
  }
  t.record.kind = kind;
  terms_.emplace(std::move(canonical), std::move(t));
  return id;
}

Result<ArticleId> Batch::Article(const ArticleRecord& a, bool* is_new) {
  if (a.key.empty()) return Status::InvalidArgument("article without a key");
  if (auto it = articles_.find(a.key); it != articles_.end()) {
    *is_new = true;
    return it->second.id;
  }
  std::string v;
  auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(Cf::kTermKeys),
                             ArticleNameKey(a.key), &v);
  if (s.ok()) {
    std::string_view in(v);
    uint64_t id;
    if (!GetVarint(&in, &id)) return Status::Corruption("undecodable article key entry");
    *is_new = false;
    return id;
  }
  if (!s.IsNotFound()) return FromRocks(s, "reading the article map");
  ArticleId id = next_article_id_++;
  articles_.emplace(a.key, PendingArticle{id, a});
  new_article_ids_.insert(id);
  article_days_[id] = a.day;
  *is_new = true;
  return id;
}

void Batch::AddMention(const Triple& t, ArticleId article, uint32_t sentence, MentionRecord m) {
  mentions_.insert_or_assign(std::make_tuple(t, article, sentence), std::move(m));
}

Result<int32_t> Batch::ArticleDay(ArticleId a) {
  if (auto it = article_days_.find(a); it != article_days_.end()) return it->second;
  std::string v;
  auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(Cf::kArticles), IdKey(a), &v);
  if (!s.ok()) return FromRocks(s, "reading article " + std::to_string(a));
  ArticleRecord rec;
  if (!DecodeArticle(v, &rec)) return Status::Corruption("undecodable article");
  article_days_[a] = rec.day;
  return rec.day;
}

Result<BatchStats> Batch::Commit() {
  rocksdb::DB* db = store_->db();
  rocksdb::ReadOptions ro;
  rocksdb::WriteBatch wb;
  Counters c = store_->counters();
  std::map<TermId, PredicateStats> touched_stats;
  auto stats_of = [&](TermId p) -> PredicateStats& {
    auto it = touched_stats.find(p);
    if (it != touched_stats.end()) return it->second;
    auto& all = store_->predicate_stats();
    auto found = all.find(p);
    return touched_stats[p] = found == all.end() ? PredicateStats{} : found->second;
  };
  BatchStats out;

  // Dictionary.
  for (const auto& [canonical, t] : terms_) {
    wb.Put(store_->cf(Cf::kTerms), IdKey(t.id), EncodeTerm(t.record));
    if (t.is_new) {
      wb.Put(store_->cf(Cf::kTermKeys), canonical, VarintValue(t.id));
      if (t.record.kind == TermKind::kEntity) {
        ++c.entities;
        ++out.new_entities;
      }
    }
    if (t.record.kind == TermKind::kEntity) {
      for (const auto& name : EntityAliasNames(t.record)) {
        wb.Put(store_->cf(Cf::kAliases), AliasKey(name, t.id), rocksdb::Slice());
      }
    }
  }

  // Articles.
  for (const auto& [key, a] : articles_) {
    wb.Put(store_->cf(Cf::kArticles), IdKey(a.id), EncodeArticle(a.record));
    wb.Put(store_->cf(Cf::kTermKeys), ArticleNameKey(key), VarintValue(a.id));
    if (a.record.day != kNoDay) {
      wb.Put(store_->cf(Cf::kByDate), ByDateKey(a.record.day, a.id), rocksdb::Slice());
    }
    ++c.articles;
    ++out.new_articles;
  }

  // Mentions, grouped by fact (the map is ordered by triple).
  struct Delta {
    uint64_t mentions = 0;
    uint64_t articles = 0;
    int32_t first = kNoDay, last = kNoDay;
  };
  std::map<Triple, Delta> deltas;
  std::map<std::pair<ArticleId, Triple>, uint64_t> per_article;
  for (const auto& [k, m] : mentions_) {
    const auto& [t, article, sentence] = k;
    std::string key = MentionKey(t, article, sentence);
    if (!new_article_ids_.count(article)) {
      std::string v;
      auto s = db->Get(ro, store_->cf(Cf::kMentions), key, &v);
      if (s.ok()) continue;  // already stored: re-adding changes nothing
      if (!s.IsNotFound()) return FromRocks(s, "reading mentions");
    }
    wb.Put(store_->cf(Cf::kMentions), key, EncodeMention(m));
    Delta& d = deltas[t];
    ++d.mentions;
    ++per_article[{article, t}];
    int32_t day = m.day;
    if (day == kNoDay) {
      NG_ASSIGN_OR_RETURN(day, ArticleDay(article));
    }
    if (day != kNoDay) {
      d.first = d.first == kNoDay ? day : std::min(d.first, day);
      d.last = d.last == kNoDay ? day : std::max(d.last, day);
    }
  }
  for (const auto& [k, n] : per_article) {
    const auto& [article, t] = k;
    std::string key = ArticleFactKey(article, t);
    uint64_t stored = 0;  // mentions of t already stored for the article
    if (!new_article_ids_.count(article)) {
      std::string v;
      auto s = db->Get(ro, store_->cf(Cf::kArticleFacts), key, &v);
      if (s.ok()) {
        if (!DecodeArticleFactCount(v, &stored)) return Status::Corruption("bad article_facts value");
      } else if (!s.IsNotFound()) {
        return FromRocks(s, "reading article_facts");
      }
    }
    if (stored == 0) ++deltas[t].articles;
    wb.Put(store_->cf(Cf::kArticleFacts), key, EncodeArticleFactCount(stored + n));
  }

  // Facts and their three index entries.
  std::unique_ptr<rocksdb::Iterator> spo_it(db->NewIterator(ro, store_->cf(Cf::kSpo)));
  std::unique_ptr<rocksdb::Iterator> pos_it(db->NewIterator(ro, store_->cf(Cf::kPos)));
  auto has_prefix = [](rocksdb::Iterator* it, const std::string& prefix) {
    it->Seek(prefix);
    return it->Valid() && it->key().starts_with(prefix);
  };
  std::set<std::pair<TermId, TermId>> batch_sp, batch_po;
  for (const auto& [t, d] : deltas) {
    std::string key = TripleKey(IndexOrder::kSpo, t);
    std::string v;
    FactSummary sum;
    auto s = db->Get(ro, store_->cf(Cf::kSpo), key, &v);
    bool is_new = s.IsNotFound();
    if (!is_new && !s.ok()) return FromRocks(s, "reading spo");
    if (!is_new && !DecodeSummary(v, &sum)) return Status::Corruption("undecodable fact summary");
    if (is_new) {
      // Distinct subjects and objects per predicate, for the planner.
      Triple sp{t.s, t.p, kNoTerm}, po{kNoTerm, t.p, t.o};
      PredicateStats& ps = stats_of(t.p);
      if (!batch_sp.count({t.s, t.p}) &&
          !has_prefix(spo_it.get(), TriplePrefix(IndexOrder::kSpo, sp))) {
        ++ps.subjects;
      }
      if (!batch_po.count({t.p, t.o}) &&
          !has_prefix(pos_it.get(), TriplePrefix(IndexOrder::kPos, po))) {
        ++ps.objects;
      }
      batch_sp.insert({t.s, t.p});
      batch_po.insert({t.p, t.o});
      ++ps.facts;
      ++c.facts;
      ++out.new_facts;
      wb.Put(store_->cf(Cf::kPos), TripleKey(IndexOrder::kPos, t), rocksdb::Slice());
      wb.Put(store_->cf(Cf::kOsp), TripleKey(IndexOrder::kOsp, t), rocksdb::Slice());
    }
    sum.mentions += d.mentions;
    sum.articles += d.articles;
    if (d.first != kNoDay) {
      sum.first_day = sum.first_day == kNoDay ? d.first : std::min(sum.first_day, d.first);
      sum.last_day = sum.last_day == kNoDay ? d.last : std::max(sum.last_day, d.last);
    }
    wb.Put(store_->cf(Cf::kSpo), key, EncodeSummary(sum));
    stats_of(t.p).mentions += d.mentions;
    c.mentions += d.mentions;
    out.new_mentions += d.mentions;
  }
  NG_RETURN_IF_ERROR(FromRocks(spo_it->status(), "reading spo"));
  NG_RETURN_IF_ERROR(FromRocks(pos_it->status(), "reading pos"));

  for (const auto& [p, ps] : touched_stats) {
    wb.Put(store_->cf(Cf::kMeta), meta::PredicateStatsKey(p), EncodePredicateStats(ps));
  }
  c.next_term_id = next_term_id_;
  c.next_article_id = next_article_id_;
  ++c.version;
  PutCounters(&wb, store_->cf(Cf::kMeta), c);

  NG_RETURN_IF_ERROR(store_->Write(&wb));

  // Only now does the writer's memory follow what is on disk.
  store_->counters() = c;
  for (const auto& [p, ps] : touched_stats) store_->predicate_stats()[p] = ps;
  auto& cache = store_->term_cache();
  if (cache.size() > 4000000) cache.clear();
  for (const auto& [canonical, t] : terms_) cache[canonical] = {t.id, t.fingerprint};
  terms_.clear();
  articles_.clear();
  mentions_.clear();
  new_article_ids_.clear();
  return out;
}

}  // namespace newsgraph::graph
