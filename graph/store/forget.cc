#include "graph/store/forget.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <set>

#include "graph/store/coding.h"
#include "graph/store/key_codec.h"
#include "graph/store/records.h"

namespace newsgraph::graph {

namespace {

// Iterates keys with a prefix against the latest state.
template <class Fn>
Status ForEachPrefix(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, const std::string& prefix,
                     Fn fn) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    if (!fn(std::string_view(it->key().data(), it->key().size()),
            std::string_view(it->value().data(), it->value().size()))) {
      break;
    }
  }
  return FromRocks(it->status(), "reading the store");
}

}  // namespace

Result<ForgetResult> ForgetArticle(Store* store, std::string_view article_key) {
  if (store->read_only()) return Status::InvalidArgument("the database is open read-only");
  rocksdb::DB* db = store->db();
  rocksdb::ReadOptions ro;
  std::string v;
  auto s = db->Get(ro, store->cf(Cf::kTermKeys), ArticleNameKey(article_key), &v);
  if (s.IsNotFound()) return Status::NotFound("no article \"" + std::string(article_key) + "\"");
  if (!s.ok()) return FromRocks(s, "reading the article map");
  std::string_view in(v);
  ArticleId article;
  if (!GetVarint(&in, &article)) return Status::Corruption("undecodable article key entry");
  s = db->Get(ro, store->cf(Cf::kArticles), IdKey(article), &v);
  if (!s.ok()) return FromRocks(s, "reading article " + std::to_string(article));
  ArticleRecord rec;
  if (!DecodeArticle(v, &rec)) return Status::Corruption("undecodable article");

  rocksdb::WriteBatch wb;
  Counters c = store->counters();
  std::map<TermId, PredicateStats> touched;
  auto stats_of = [&](TermId p) -> PredicateStats& {
    auto it = touched.find(p);
    if (it != touched.end()) return it->second;
    return touched[p] = store->predicate_stats()[p];
  };
  ForgetResult out;
  std::vector<std::pair<Triple, uint64_t>> facts;
  NG_RETURN_IF_ERROR(ForEachPrefix(db, store->cf(Cf::kArticleFacts), ArticleFactPrefix(article),
                                   [&](std::string_view k, std::string_view) {
                                     ArticleId a;
                                     Triple t;
                                     if (DecodeArticleFactKey(k, &a, &t)) facts.emplace_back(t, 0);
                                     return true;
                                   }));
  std::set<Triple> removed;
  for (auto& [t, unused] : facts) {
    uint64_t n = 0;
    // A mention's event date, when it has one, counts in the fact's range
    // instead of the article's date.
    std::vector<int32_t> gone_days;
    NG_RETURN_IF_ERROR(ForEachPrefix(db, store->cf(Cf::kMentions), MentionPrefix(t, article),
                                     [&](std::string_view k, std::string_view val) {
                                       wb.Delete(store->cf(Cf::kMentions),
                                                 rocksdb::Slice(k.data(), k.size()));
                                       ++n;
                                       MentionRecord m;
                                       int32_t day = DecodeMention(val, &m) && m.day != kNoDay
                                                         ? m.day
                                                         : rec.day;
                                       if (day != kNoDay) gone_days.push_back(day);
                                       return true;
                                     }));
    wb.Delete(store->cf(Cf::kArticleFacts), ArticleFactKey(article, t));
    std::string key = TripleKey(IndexOrder::kSpo, t);
    s = db->Get(ro, store->cf(Cf::kSpo), key, &v);
    if (!s.ok()) return FromRocks(s, "reading a fact of the article");
    FactSummary sum;
    if (!DecodeSummary(v, &sum)) return Status::Corruption("undecodable fact summary");
    sum.mentions -= std::min(sum.mentions, n);
    sum.articles -= std::min<uint64_t>(sum.articles, 1);
    out.mentions_removed += n;
    c.mentions -= std::min(c.mentions, n);
    PredicateStats& ps = stats_of(t.p);
    ps.mentions -= std::min(ps.mentions, n);
    if (sum.articles == 0 || sum.mentions == 0) {
      wb.Delete(store->cf(Cf::kSpo), key);
      wb.Delete(store->cf(Cf::kPos), TripleKey(IndexOrder::kPos, t));
      wb.Delete(store->cf(Cf::kOsp), TripleKey(IndexOrder::kOsp, t));
      removed.insert(t);
      ++out.facts_removed;
      --c.facts;
      ps.facts -= std::min<uint64_t>(ps.facts, 1);
      continue;
    }
    bool ends_range = false;
    for (int32_t day : gone_days) ends_range |= day == sum.first_day || day == sum.last_day;
    if (ends_range) {
      // The article may have set an end of the fact's date range: recompute it
      // from the mentions that stay.
      sum.first_day = sum.last_day = kNoDay;
      std::vector<std::pair<ArticleId, int32_t>> rest;
      NG_RETURN_IF_ERROR(ForEachPrefix(db, store->cf(Cf::kMentions), MentionPrefix(t),
                                       [&](std::string_view k, std::string_view val) {
                                         Triple ft;
                                         ArticleId a;
                                         uint32_t sentence;
                                         MentionRecord m;
                                         if (DecodeMentionKey(k, &ft, &a, &sentence) &&
                                             a != article && DecodeMention(val, &m)) {
                                           rest.emplace_back(a, m.day);
                                         }
                                         return true;
                                       }));
      for (auto [a, day] : rest) {
        if (day == kNoDay) {
          std::string av;
          ArticleRecord ar;
          if (db->Get(ro, store->cf(Cf::kArticles), IdKey(a), &av).ok() && DecodeArticle(av, &ar)) {
            day = ar.day;
          }
        }
        if (day == kNoDay) continue;
        sum.first_day = sum.first_day == kNoDay ? day : std::min(sum.first_day, day);
        sum.last_day = sum.last_day == kNoDay ? day : std::max(sum.last_day, day);
      }
    }
    wb.Put(store->cf(Cf::kSpo), key, EncodeSummary(sum));
  }

  // Distinct subjects and objects: a pair disappears when no fact that stays
  // still has it.
  auto survives = [&](IndexOrder io, Cf cf, const Triple& pattern) -> Result<bool> {
    bool any = false;
    NG_RETURN_IF_ERROR(ForEachPrefix(db, store->cf(cf), TriplePrefix(io, pattern),
                                     [&](std::string_view k, std::string_view) {
                                       Triple t;
                                       if (DecodeTripleKey(io, k, &t) && !removed.count(t)) {
                                         any = true;
                                         return false;
                                       }
                                       return true;
                                     }));
    return any;
  };
  std::set<std::pair<TermId, TermId>> sp_seen, po_seen;
  for (const Triple& t : removed) {
    if (sp_seen.insert({t.s, t.p}).second) {
      NG_ASSIGN_OR_RETURN(bool keep, survives(IndexOrder::kSpo, Cf::kSpo, {t.s, t.p, kNoTerm}));
      if (!keep) stats_of(t.p).subjects -= std::min<uint64_t>(stats_of(t.p).subjects, 1);
    }
    if (po_seen.insert({t.p, t.o}).second) {
      NG_ASSIGN_OR_RETURN(bool keep, survives(IndexOrder::kPos, Cf::kPos, {kNoTerm, t.p, t.o}));
      if (!keep) stats_of(t.p).objects -= std::min<uint64_t>(stats_of(t.p).objects, 1);
    }
  }

  wb.Delete(store->cf(Cf::kArticles), IdKey(article));
  wb.Delete(store->cf(Cf::kTermKeys), ArticleNameKey(article_key));
  if (rec.day != kNoDay) wb.Delete(store->cf(Cf::kByDate), ByDateKey(rec.day, article));
  --c.articles;
  ++c.version;
  for (const auto& [p, ps] : touched) {
    wb.Put(store->cf(Cf::kMeta), meta::PredicateStatsKey(p), EncodePredicateStats(ps));
  }
  PutCounters(&wb, store->cf(Cf::kMeta), c);
  NG_RETURN_IF_ERROR(store->Write(&wb));
  store->counters() = c;
  for (const auto& [p, ps] : touched) store->predicate_stats()[p] = ps;
  return out;
}

}  // namespace newsgraph::graph
