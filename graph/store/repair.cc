#include "graph/store/repair.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "graph/store/coding.h"
#include "graph/store/key_codec.h"
#include "graph/store/records.h"

namespace newsgraph::graph {

namespace {

// Writes in batches of bounded size: a repair may touch every key.
class Writer {
 public:
  explicit Writer(Store* s) : s_(s) {}
  rocksdb::WriteBatch* batch() { return &wb_; }
  Status MaybeFlush() {
    if (wb_.Count() < 50000) return Status::OK();
    return Flush();
  }
  Status Flush() {
    if (wb_.Count() == 0) return Status::OK();
    Status st = s_->Write(&wb_);
    wb_.Clear();
    return st;
  }

 private:
  Store* s_;
  rocksdb::WriteBatch wb_;
};

bool Has(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, const std::string& key, std::string* v = nullptr) {
  std::string tmp;
  return db->Get(rocksdb::ReadOptions(), cf, key, v ? v : &tmp).ok();
}

}  // namespace

Result<RepairReport> RepairStore(Store* store) {
  if (store->read_only()) return Status::InvalidArgument("the database is open read-only");
  rocksdb::DB* db = store->db();
  rocksdb::ReadOptions ro;
  RepairReport rep;
  Writer w(store);

  // Terms: every record's key maps back to it.
  std::unordered_set<TermId> terms;
  uint64_t entities = 0;
  TermId max_term = 0;
  {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, store->cf(Cf::kTerms)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      uint64_t id;
      TermRecord t;
      if (!DecodeIdKey(std::string_view(it->key().data(), it->key().size()), &id) ||
          !DecodeTerm(std::string_view(it->value().data(), it->value().size()), &t)) {
        return Status::Corruption("an undecodable term record: it cannot be repaired from evidence");
      }
      terms.insert(id);
      max_term = std::max(max_term, id);
      if (t.kind == TermKind::kEntity) ++entities;
      std::string canonical = CanonicalTermKey(t.kind, t.key, t.lang);
      std::string v, want;
      PutVarint(&want, id);
      if (!Has(db, store->cf(Cf::kTermKeys), canonical, &v) || v != want) {
        w.batch()->Put(store->cf(Cf::kTermKeys), canonical, want);
        ++rep.index_entries_put;
      }
      NG_RETURN_IF_ERROR(w.MaybeFlush());
    }
    NG_RETURN_IF_ERROR(FromRocks(it->status(), "reading terms"));
  }

  // Articles: their days, and the name and date entries.
  std::unordered_map<ArticleId, int32_t> days;
  ArticleId max_article = 0;
  {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, store->cf(Cf::kArticles)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      uint64_t id;
      ArticleRecord a;
      if (!DecodeIdKey(std::string_view(it->key().data(), it->key().size()), &id) ||
          !DecodeArticle(std::string_view(it->value().data(), it->value().size()), &a)) {
        return Status::Corruption("an undecodable article record: it cannot be repaired from evidence");
      }
      days[id] = a.day;
      max_article = std::max(max_article, id);
      std::string v, want;
      PutVarint(&want, id);
      if (!Has(db, store->cf(Cf::kTermKeys), ArticleNameKey(a.key), &v) || v != want) {
        w.batch()->Put(store->cf(Cf::kTermKeys), ArticleNameKey(a.key), want);
        ++rep.index_entries_put;
      }
      if (a.day != kNoDay && !Has(db, store->cf(Cf::kByDate), ByDateKey(a.day, id))) {
        w.batch()->Put(store->cf(Cf::kByDate), ByDateKey(a.day, id), rocksdb::Slice());
        ++rep.index_entries_put;
      }
      NG_RETURN_IF_ERROR(w.MaybeFlush());
    }
    NG_RETURN_IF_ERROR(FromRocks(it->status(), "reading articles"));
  }

  // Facts from mentions (sorted by fact, so one pass computes each summary).
  std::map<TermId, PredicateStats> stats;
  std::set<std::pair<TermId, TermId>> sp, po;
  uint64_t mentions = 0;
  {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, store->cf(Cf::kMentions)));
    Triple cur{};
    bool have = false;
    FactSummary sum;
    std::map<ArticleId, uint64_t> arts;  // mentions of the fact per article
    auto finish = [&]() -> Status {
      if (!have) return Status::OK();
      sum.articles = arts.size();
      std::string key = TripleKey(IndexOrder::kSpo, cur), v;
      if (!Has(db, store->cf(Cf::kSpo), key, &v) || v != EncodeSummary(sum)) {
        w.batch()->Put(store->cf(Cf::kSpo), key, EncodeSummary(sum));
        ++rep.index_entries_put;
      }
      for (auto [cf, order] : {std::pair{Cf::kPos, IndexOrder::kPos}, std::pair{Cf::kOsp, IndexOrder::kOsp}}) {
        std::string k = TripleKey(order, cur);
        if (!Has(db, store->cf(cf), k)) {
          w.batch()->Put(store->cf(cf), k, rocksdb::Slice());
          ++rep.index_entries_put;
        }
      }
      for (auto [a, n] : arts) {
        std::string k = ArticleFactKey(a, cur), v, want = EncodeArticleFactCount(n);
        if (!Has(db, store->cf(Cf::kArticleFacts), k, &v) || v != want) {
          w.batch()->Put(store->cf(Cf::kArticleFacts), k, want);
          ++rep.index_entries_put;
        }
      }
      PredicateStats& ps = stats[cur.p];
      ++ps.facts;
      ps.mentions += sum.mentions;
      if (sp.insert({cur.s, cur.p}).second) ++ps.subjects;
      if (po.insert({cur.p, cur.o}).second) ++ps.objects;
      ++rep.facts;
      return w.MaybeFlush();
    };
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string_view k(it->key().data(), it->key().size());
      Triple t;
      ArticleId a;
      uint32_t sentence;
      MentionRecord m;
      bool ok = DecodeMentionKey(k, &t, &a, &sentence) &&
                DecodeMention(std::string_view(it->value().data(), it->value().size()), &m);
      if (!ok || !days.count(a) || !terms.count(t.s) || !terms.count(t.p) || !terms.count(t.o)) {
        w.batch()->Delete(store->cf(Cf::kMentions), it->key());
        ++rep.orphan_mentions;
        continue;
      }
      if (!have || !(t == cur)) {
        NG_RETURN_IF_ERROR(finish());
        cur = t;
        have = true;
        sum = FactSummary();
        arts.clear();
      }
      ++sum.mentions;
      ++mentions;
      ++arts[a];
      int32_t day = m.day != kNoDay ? m.day : days[a];
      if (day != kNoDay) {
        sum.first_day = sum.first_day == kNoDay ? day : std::min(sum.first_day, day);
        sum.last_day = sum.last_day == kNoDay ? day : std::max(sum.last_day, day);
      }
    }
    NG_RETURN_IF_ERROR(FromRocks(it->status(), "reading mentions"));
    NG_RETURN_IF_ERROR(finish());
  }
  NG_RETURN_IF_ERROR(w.Flush());

  // Entries the mentions do not support go.
  auto prune = [&](Cf cf, auto keep) -> Status {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, store->cf(cf)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (keep(std::string_view(it->key().data(), it->key().size()))) continue;
      w.batch()->Delete(store->cf(cf), it->key());
      ++rep.index_entries_deleted;
      NG_RETURN_IF_ERROR(w.MaybeFlush());
    }
    return FromRocks(it->status(), std::string("reading ") + CfName(cf));
  };
  auto has_mention = [&](const std::string& prefix) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, store->cf(Cf::kMentions)));
    it->Seek(prefix);
    return it->Valid() && it->key().starts_with(prefix);
  };
  for (auto [cf, order] : {std::pair{Cf::kSpo, IndexOrder::kSpo}, std::pair{Cf::kPos, IndexOrder::kPos},
                           std::pair{Cf::kOsp, IndexOrder::kOsp}}) {
    NG_RETURN_IF_ERROR(prune(cf, [&, order = order](std::string_view k) {
      Triple t;
      return DecodeTripleKey(order, k, &t) && has_mention(MentionPrefix(t));
    }));
  }
  NG_RETURN_IF_ERROR(prune(Cf::kArticleFacts, [&](std::string_view k) {
    ArticleId a;
    Triple t;
    return DecodeArticleFactKey(k, &a, &t) && has_mention(MentionPrefix(t, a));
  }));
  NG_RETURN_IF_ERROR(prune(Cf::kByDate, [&](std::string_view k) {
    int32_t day;
    ArticleId a;
    auto it = days.end();
    return DecodeByDateKey(k, &day, &a) && (it = days.find(a)) != days.end() && it->second == day;
  }));
  NG_RETURN_IF_ERROR(w.Flush());

  // Counters and statistics.
  Counters c = store->counters();
  c.facts = rep.facts;
  c.mentions = mentions;
  c.articles = days.size();
  c.entities = entities;
  c.next_term_id = std::max(c.next_term_id, max_term + 1);
  c.next_article_id = std::max(c.next_article_id, max_article + 1);
  ++c.version;
  rocksdb::WriteBatch* b = w.batch();
  {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, store->cf(Cf::kMeta)));
    for (it->Seek(meta::kPredicateStatsPrefix); it->Valid() && it->key().starts_with(meta::kPredicateStatsPrefix);
         it->Next()) {
      b->Delete(store->cf(Cf::kMeta), it->key());
    }
  }
  for (const auto& [p, ps] : stats) b->Put(store->cf(Cf::kMeta), meta::PredicateStatsKey(p), EncodePredicateStats(ps));
  PutCounters(b, store->cf(Cf::kMeta), c);
  NG_RETURN_IF_ERROR(w.Flush());
  store->term_cache().clear();
  NG_RETURN_IF_ERROR(store->ReloadCounters());
  return rep;
}

}  // namespace newsgraph::graph
