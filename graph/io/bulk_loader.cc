#include "graph/io/bulk_loader.h"

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <numeric>

#include "graph/store/batch.h"
#include "graph/store/coding.h"
#include "graph/store/key_codec.h"
#include "graph/store/records.h"

namespace newsgraph::graph {

namespace fs = std::filesystem;

namespace {

struct M {  // one mention with global ids
  uint64_t s, p, o, a;
  uint32_t sentence;
  uint32_t mention;
  bool operator<(const M& x) const {
    return std::tie(s, p, o, a, sentence) < std::tie(x.s, x.p, x.o, x.a, x.sentence);
  }
  bool SameKey(const M& x) const {
    return s == x.s && p == x.p && o == x.o && a == x.a && sentence == x.sentence;
  }
};

struct F {
  uint64_t s, p, o;
  FactSummary sum;
};

struct AF {
  uint64_t a, s, p, o, n;
  bool operator<(const AF& x) const { return std::tie(a, s, p, o) < std::tie(x.a, x.s, x.p, x.o); }
};

// Writes one SST file for a column family from keys produced in order.
class SstOut {
 public:
  SstOut(Store* store, Cf cf, std::string path) : store_(store), cf_(cf), path_(std::move(path)) {}
  Status Open() {
    options_ = store_->db()->GetOptions(store_->cf(cf_));
    // The files are ingested right away: dropping their pages from the cache
    // as they are written (the default) only costs system calls.
    writer_ = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options_,
                                                       store_->cf(cf_),
                                                       /*invalidate_page_cache=*/false);
    return FromRocks(writer_->Open(path_), "creating " + path_);
  }
  Status Put(std::string_view k, std::string_view v) {
    ++n_;
    rocksdb::Status s =
        writer_->Put(rocksdb::Slice(k.data(), k.size()), rocksdb::Slice(v.data(), v.size()));
    // The message only when it is needed: building it for every key was a
    // malloc and a free per key, a tenth of the import's instructions.
    if (s.ok()) return Status::OK();
    return FromRocks(s, std::string("writing a bulk file for ") + CfName(cf_));
  }
  // Called by the task that wrote the file, so the final block and the sync
  // overlap the other worker's writing instead of running one file after
  // another before the ingestion. Again, it does nothing.
  Status Finish() {
    if (finished_) return Status::OK();
    finished_ = true;
    if (n_ == 0) {
      writer_.reset();
      std::error_code ec;
      fs::remove(path_, ec);
      return Status::OK();
    }
    return FromRocks(writer_->Finish(), "finishing " + path_);
  }
  bool empty() const { return n_ == 0; }
  Cf cf() const { return cf_; }
  const std::string& path() const { return path_; }

 private:
  Store* store_;
  Cf cf_;
  std::string path_;
  rocksdb::Options options_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  uint64_t n_ = 0;
  bool finished_ = false;
};

// `afs` arrives in (s, p, o, a) order (it is built from the sorted mentions),
// so a stable counting sort by article gives (a, s, p, o) order in two linear
// passes; a comparison sort of a million entries made this the longest of the
// file-writing tasks. Sparse article ids (an older store's) get the
// comparison sort.
void SortByArticle(HugeVector<AF>* afs) {
  uint64_t max_a = 0;
  for (const AF& x : *afs) max_a = std::max(max_a, x.a);
  if (max_a > 4 * afs->size() + 1024) {
    std::sort(afs->begin(), afs->end());
    return;
  }
  std::vector<size_t> start(max_a + 2, 0);
  for (const AF& x : *afs) ++start[x.a + 1];
  for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
  HugeVector<AF> sorted(afs->size());
  for (const AF& x : *afs) sorted[start[x.a]++] = x;
  afs->swap(sorted);
}

std::string Varint(uint64_t v) {
  std::string s;
  PutVarint(&s, v);
  return s;
}

}  // namespace

Status BulkLoad(Store* store, const RecordSet& rs, const ImportOptions& options,
                ImportStats* stats) {
  rocksdb::DB* db = store->db();
  rocksdb::ReadOptions ro;
  Counters c = store->counters();
  const uint64_t entities_before = c.entities;
  const uint64_t articles_before = c.articles;
  auto report = [&](const char* phase, uint64_t done, uint64_t total) -> Status {
    if (options.progress && !options.progress(Progress{phase, done, total, "records"})) {
      return Status::Aborted("import stopped");
    }
    return Status::OK();
  };

  // 1. Global ids. A store without facts may still hold terms and articles
  //    (a lexicon, or everything forgotten): reuse their ids.
  const bool has_terms = c.next_term_id > 1;
  const bool has_articles = c.next_article_id > 1;
  std::vector<uint64_t> gid(rs.terms.size());
  std::vector<bool> new_term(rs.terms.size(), true);
  std::vector<uint32_t> described_existing;
  std::vector<std::string> canonical(rs.terms.size());
  // A lenient parse may have read terms of a line before the line failed:
  // store only terms that a record names and entities that have names, as the
  // batch path does.
  std::vector<bool> used(rs.terms.size(), false);
  for (const auto& r : rs.records) used[r.s] = used[r.p] = used[r.o] = true;
  for (auto [att, place] : rs.mention_terms) {
    if (att != RecordSet::kNone) used[att] = true;
    if (place != RecordSet::kNone) used[place] = true;
  }
  for (size_t i = 0; i < rs.terms.size(); ++i) {
    const TermRecord& t = rs.terms[i];
    if (!used[i] && !(t.kind == TermKind::kEntity &&
                      (!t.type.empty() || !t.labels.empty() || !t.aliases.empty()))) {
      new_term[i] = false;  // neither written nor counted
      continue;
    }
    canonical[i] = CanonicalTermKey(t.kind, t.key, t.lang);
    if (has_terms) {
      std::string v;
      auto s = db->Get(ro, store->cf(Cf::kTermKeys), canonical[i], &v);
      if (s.ok()) {
        std::string_view in(v);
        GetVarint(&in, &gid[i]);
        new_term[i] = false;
        if (t.kind == TermKind::kEntity && (!t.labels.empty() || !t.aliases.empty() || !t.type.empty())) {
          described_existing.push_back(static_cast<uint32_t>(i));
        }
        continue;
      }
      if (!s.IsNotFound()) return FromRocks(s, "reading the dictionary");
    }
    gid[i] = c.next_term_id++;
    if (t.kind == TermKind::kEntity) ++c.entities;
  }
  std::vector<uint64_t> aid(rs.articles.size());
  std::vector<bool> new_article(rs.articles.size(), true);
  for (size_t i = 0; i < rs.articles.size(); ++i) {
    if (has_articles) {
      std::string v;
      auto s = db->Get(ro, store->cf(Cf::kTermKeys), ArticleNameKey(rs.articles[i].key), &v);
      if (s.ok()) {
        std::string_view in(v);
        GetVarint(&in, &aid[i]);
        new_article[i] = false;
        continue;
      }
      if (!s.IsNotFound()) return FromRocks(s, "reading the article map");
    }
    aid[i] = c.next_article_id++;
    ++c.articles;
  }
  // Article days by global id: new articles are dense from first_new.
  const uint64_t first_new = store->counters().next_article_id;
  std::vector<int32_t> new_days(c.next_article_id - first_new, kNoDay);
  std::unordered_map<uint64_t, int32_t> old_days;
  for (size_t i = 0; i < rs.articles.size(); ++i) {
    if (new_article[i]) {
      new_days[aid[i] - first_new] = rs.articles[i].day;
      continue;
    }
    std::string v;
    ArticleRecord a;
    if (db->Get(ro, store->cf(Cf::kArticles), IdKey(aid[i]), &v).ok() && DecodeArticle(v, &a)) {
      old_days[aid[i]] = a.day;
    }
  }
  auto day_of = [&](uint64_t a) {
    if (a >= first_new) return new_days[a - first_new];
    auto it = old_days.find(a);
    return it == old_days.end() ? kNoDay : it->second;
  };

  // The store's counters sit in the meta memtable (a new store writes them
  // when it is created); the meta file overlaps them, so the ingestion would
  // first flush that memtable and wait for it. Flushed now, in the
  // background, it is done by the time the files are.
  {
    rocksdb::FlushOptions fo;
    fo.wait = false;
    fo.allow_write_stall = true;
    NG_RETURN_IF_ERROR(FromRocks(db->Flush(fo, store->cf(Cf::kMeta)), "flushing the store's counters"));
  }
  // 2. Mentions in spo order, duplicates dropped. Two halves sort on two
  //    threads, then merge.
  NG_RETURN_IF_ERROR(report("sort", 0, rs.records.size()));
  HugeVector<M> ms(rs.records.size());
  {
    // Each thread fills and sorts one half; then one merges the halves from
    // the front and the other from the back, each writing its half of the
    // output. Ties go to the first half either way, as one stable merge
    // would give them.
    HugeVector<M> halves(rs.records.size());
    const size_t n = halves.size();
    const size_t mid = n / 2;
    auto fill_and_sort = [&](size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i) {
        const auto& r = rs.records[i];
        halves[i] = M{gid[r.s], gid[r.p], gid[r.o], aid[r.article], r.sentence, r.mention};
      }
      std::sort(halves.begin() + static_cast<ptrdiff_t>(begin),
                halves.begin() + static_cast<ptrdiff_t>(end));
    };
    auto merge_front = [&] {
      size_t a = 0, b = mid;
      for (size_t k = 0; k < mid; ++k) {
        ms[k] = (b < n && (a >= mid || halves[b] < halves[a])) ? halves[b++] : halves[a++];
      }
    };
    auto merge_back = [&] {
      size_t a = mid, b = n;  // one past the next element from each half
      for (size_t k = n; k > mid; --k) {
        ms[k - 1] = (a > 0 && (b == mid || halves[b - 1] < halves[a - 1])) ? halves[--a]
                                                                          : halves[--b];
      }
    };
    auto other = std::async(std::launch::async, [&] {
      fill_and_sort(0, mid);
    });
    fill_and_sort(mid, n);
    other.get();
    other = std::async(std::launch::async, merge_back);
    merge_front();
    other.get();
  }
  ms.erase(std::unique(ms.begin(), ms.end(), [](const M& a, const M& b) { return a.SameKey(b); }),
           ms.end());
  NG_RETURN_IF_ERROR(report("facts", 0, ms.size()));

  // 3. Facts, article-fact counts and predicate statistics in one pass; it
  //    runs on the second thread while the first writes the mentions.
  HugeVector<F> facts;
  HugeVector<AF> afs;
  std::map<uint64_t, PredicateStats> pstats;
  auto compute_facts = [&] {
    facts.reserve(ms.size());
    afs.reserve(ms.size());
    PredicateStats* ps = nullptr;
    uint64_t ps_of = 0;
    for (size_t i = 0; i < ms.size();) {
      F f{ms[i].s, ms[i].p, ms[i].o, {}};
      size_t j = i;
      while (j < ms.size() && ms[j].s == f.s && ms[j].p == f.p && ms[j].o == f.o) {
        size_t k = j;
        while (k < ms.size() && ms[k].s == f.s && ms[k].p == f.p && ms[k].o == f.o &&
               ms[k].a == ms[j].a) {
          int32_t day = day_of(ms[k].a);
          if (ms[k].mention != RecordSet::kNone && rs.mentions[ms[k].mention].day != kNoDay) {
            day = rs.mentions[ms[k].mention].day;
          }
          if (day != kNoDay) {
            f.sum.first_day = f.sum.first_day == kNoDay ? day : std::min(f.sum.first_day, day);
            f.sum.last_day = f.sum.last_day == kNoDay ? day : std::max(f.sum.last_day, day);
          }
          ++k;
        }
        afs.push_back(AF{ms[j].a, f.s, f.p, f.o, k - j});
        f.sum.mentions += k - j;
        ++f.sum.articles;
        j = k;
      }
      if (!ps || ps_of != f.p) {
        ps = &pstats[f.p];
        ps_of = f.p;
      }
      ++ps->facts;
      ps->mentions += f.sum.mentions;
      if (facts.empty() || facts.back().s != f.s || facts.back().p != f.p) ++ps->subjects;
      facts.push_back(f);
      i = j;
    }
  };
  NG_RETURN_IF_ERROR(report("write", 0, ms.size()));

  std::string dir = store->path() + "/bulk.tmp";
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{dir};

  // One writer per column family; each is used by one thread only.
  std::map<Cf, std::unique_ptr<SstOut>> outs;
  for (Cf cf : {Cf::kMentions, Cf::kSpo, Cf::kPos, Cf::kOsp, Cf::kArticleFacts, Cf::kTerms,
                Cf::kTermKeys, Cf::kAliases, Cf::kArticles, Cf::kByDate, Cf::kMeta}) {
    auto o = std::make_unique<SstOut>(store, cf, dir + "/" + CfName(cf) + ".sst");
    NG_RETURN_IF_ERROR(o->Open());
    outs[cf] = std::move(o);
  }

  // 4. The files, written by two workers.
  std::map<uint64_t, uint64_t> objects_per_p;  // distinct (p, o) pairs
  // The dictionary in three independent parts.
  auto terms = [&]() -> Status {
    SstOut* out = outs[Cf::kTerms].get();
    std::vector<std::string> aliases;
    for (size_t i = 0; i < rs.terms.size(); ++i) {
      if (!new_term[i]) continue;
      NG_RETURN_IF_ERROR(out->Put(IdKey(gid[i]), EncodeTerm(rs.terms[i])));
      if (rs.terms[i].kind == TermKind::kEntity) {
        for (const auto& name : EntityAliasNames(rs.terms[i])) aliases.push_back(AliasKey(name, gid[i]));
      }
    }
    std::sort(aliases.begin(), aliases.end());
    aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
    for (const auto& k : aliases) NG_RETURN_IF_ERROR(outs[Cf::kAliases]->Put(k, {}));
    NG_RETURN_IF_ERROR(out->Finish());
    return outs[Cf::kAliases]->Finish();
  };
  auto articles = [&]() -> Status {
    SstOut* out = outs[Cf::kArticles].get();
    std::vector<std::string> dates;
    for (size_t i = 0; i < rs.articles.size(); ++i) {
      if (!new_article[i]) continue;
      NG_RETURN_IF_ERROR(out->Put(IdKey(aid[i]), EncodeArticle(rs.articles[i])));
      if (rs.articles[i].day != kNoDay) dates.push_back(ByDateKey(rs.articles[i].day, aid[i]));
    }
    std::sort(dates.begin(), dates.end());
    for (const auto& k : dates) NG_RETURN_IF_ERROR(outs[Cf::kByDate]->Put(k, {}));
    NG_RETURN_IF_ERROR(out->Finish());
    return outs[Cf::kByDate]->Finish();
  };
  auto term_keys = [&]() -> Status {
    std::vector<std::pair<std::string, std::string>> keys;
    for (size_t i = 0; i < rs.terms.size(); ++i) {
      if (new_term[i]) keys.emplace_back(canonical[i], Varint(gid[i]));
    }
    for (size_t i = 0; i < rs.articles.size(); ++i) {
      if (new_article[i]) keys.emplace_back(ArticleNameKey(rs.articles[i].key), Varint(aid[i]));
    }
    std::sort(keys.begin(), keys.end());
    for (const auto& [k, v] : keys) NG_RETURN_IF_ERROR(outs[Cf::kTermKeys]->Put(k, v));
    return outs[Cf::kTermKeys]->Finish();
  };

  auto mentions = [&]() -> Status {
    SstOut* out = outs[Cf::kMentions].get();
    MentionRecord def;
    def.rule = "import";
    const std::string empty_mention = EncodeMention(def);
    std::string key;
    for (const M& m : ms) {
      key.clear();
      AppendMentionKey(&key, {m.s, m.p, m.o}, m.a, m.sentence);
      if (m.mention == RecordSet::kNone) {
        NG_RETURN_IF_ERROR(out->Put(key, empty_mention));
        continue;
      }
      MentionRecord rec = rs.mentions[m.mention];
      auto [att, place] = rs.mention_terms[m.mention];
      if (att != RecordSet::kNone) rec.attributed_to = gid[att];
      if (place != RecordSet::kNone) rec.place = gid[place];
      NG_RETURN_IF_ERROR(out->Put(key, EncodeMention(rec)));
    }
    return out->Finish();
  };
  auto spo = [&]() -> Status {
    SstOut* out = outs[Cf::kSpo].get();
    std::string key;
    for (const F& f : facts) {
      key.clear();
      AppendTripleKey(&key, IndexOrder::kSpo, {f.s, f.p, f.o});
      NG_RETURN_IF_ERROR(out->Put(key, EncodeSummary(f.sum)));
    }
    return out->Finish();
  };
  auto article_facts = [&]() -> Status {
    SortByArticle(&afs);
    SstOut* out = outs[Cf::kArticleFacts].get();
    std::string key;
    for (const auto& x : afs) {
      key.clear();
      AppendArticleFactKey(&key, x.a, {x.s, x.p, x.o});
      NG_RETURN_IF_ERROR(out->Put(key, EncodeArticleFactCount(x.n)));
    }
    return out->Finish();
  };
  // Sorting copies in the target order is faster than sorting indexes into
  // `facts`: the comparisons stay in cache.
  auto pos = [&]() -> Status {
    HugeVector<std::array<uint64_t, 3>> order(facts.size());
    for (size_t i = 0; i < facts.size(); ++i) order[i] = {facts[i].p, facts[i].o, facts[i].s};
    std::sort(order.begin(), order.end());
    SstOut* out = outs[Cf::kPos].get();
    std::string key;
    for (size_t k = 0; k < order.size(); ++k) {
      const auto& x = order[k];
      if (k == 0 || order[k - 1][0] != x[0] || order[k - 1][1] != x[1]) ++objects_per_p[x[0]];
      key.clear();
      AppendTripleKey(&key, IndexOrder::kPos, {x[2], x[0], x[1]});
      NG_RETURN_IF_ERROR(out->Put(key, {}));
    }
    return out->Finish();
  };
  auto osp = [&]() -> Status {
    HugeVector<std::array<uint64_t, 3>> order(facts.size());
    for (size_t i = 0; i < facts.size(); ++i) order[i] = {facts[i].o, facts[i].s, facts[i].p};
    std::sort(order.begin(), order.end());
    SstOut* out = outs[Cf::kOsp].get();
    std::string key;
    for (const auto& x : order) {
      key.clear();
      AppendTripleKey(&key, IndexOrder::kOsp, {x[1], x[2], x[0]});
      NG_RETURN_IF_ERROR(out->Put(key, {}));
    }
    return out->Finish();
  };

  // Two workers take the tasks in this order (about the costliest first),
  // each task writing its own files, so both cores stay busy whatever each
  // task costs; the files do not depend on which worker wrote them.
  struct Task {
    std::function<Status()> run;
    bool needs_facts;
  };
  std::promise<void> facts_ready;
  std::shared_future<void> facts_done = facts_ready.get_future().share();
  const std::vector<Task> tasks = {
      {[&] {
         try {
           compute_facts();
         } catch (...) {
           facts_ready.set_exception(std::current_exception());
           throw;
         }
         facts_ready.set_value();
         return Status::OK();
       },
       false},
      {terms, false},        {mentions, false}, {article_facts, true}, {pos, true},
      {term_keys, false},    {osp, true},       {articles, false},     {spo, true},
  };
  std::atomic<size_t> next_task{0};
  std::atomic<bool> failed{false};
  auto worker = [&]() -> Status {
    for (size_t t; !failed && (t = next_task++) < tasks.size();) {
      if (tasks[t].needs_facts) facts_done.get();
      Status st = tasks[t].run();
      if (!st.ok()) {
        failed = true;
        return st;
      }
    }
    return Status::OK();
  };
  auto second = std::async(std::launch::async, worker);
  Status first_status = worker();
  Status second_status = second.get();
  NG_RETURN_IF_ERROR(first_status);
  NG_RETURN_IF_ERROR(second_status);
  NG_RETURN_IF_ERROR(report("files written", 0, 0));
  const uint64_t new_mentions = ms.size();
  c.facts += facts.size();
  c.mentions += new_mentions;
  ++c.version;

  // 5. Counters and statistics.
  {
    for (auto& [p, ps] : pstats) ps.objects = objects_per_p[p];
    std::vector<std::pair<std::string, std::string>> kv;
    kv.emplace_back(std::string(meta::kFacts), Varint(c.facts));
    kv.emplace_back(std::string(meta::kMentions), Varint(c.mentions));
    kv.emplace_back(std::string(meta::kArticles), Varint(c.articles));
    kv.emplace_back(std::string(meta::kEntities), Varint(c.entities));
    kv.emplace_back(std::string(meta::kNextTermId), Varint(c.next_term_id));
    kv.emplace_back(std::string(meta::kNextArticleId), Varint(c.next_article_id));
    kv.emplace_back(std::string(meta::kVersion), Varint(c.version));
    for (const auto& [p, ps] : pstats) {
      kv.emplace_back(meta::PredicateStatsKey(p), EncodePredicateStats(ps));
    }
    std::sort(kv.begin(), kv.end());
    for (const auto& [k, v] : kv) NG_RETURN_IF_ERROR(outs[Cf::kMeta]->Put(k, v));
  }

  // 8. One atomic ingestion of every file.
  NG_RETURN_IF_ERROR(report("ingest", 0, 0));
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (auto& [cf, o] : outs) {
    NG_RETURN_IF_ERROR(o->Finish());
    if (o->empty()) continue;
    rocksdb::IngestExternalFileArg a;
    a.column_family = store->cf(o->cf());
    a.external_files = {o->path()};
    a.options.move_files = true;
    a.options.snapshot_consistency = true;
    args.push_back(std::move(a));
  }
  NG_RETURN_IF_ERROR(FromRocks(db->IngestExternalFiles(args), "ingesting the bulk files"));
  NG_RETURN_IF_ERROR(report("done", 0, 0));
  store->term_cache().clear();
  NG_RETURN_IF_ERROR(store->ReloadCounters());

  stats->new_facts += facts.size();
  stats->new_mentions += new_mentions;
  stats->new_entities += c.entities - entities_before;
  stats->new_articles += c.articles - articles_before;

  // Names and types for entities that were already stored go through an
  // ordinary batch: they must merge with what the store holds.
  if (!described_existing.empty()) {
    Batch batch(store);
    for (uint32_t i : described_existing) {
      NG_RETURN_IF_ERROR(batch.Entity(rs.terms[i]).status());
    }
    NG_RETURN_IF_ERROR(batch.Commit().status());
  }
  return Status::OK();
}

}  // namespace newsgraph::graph
