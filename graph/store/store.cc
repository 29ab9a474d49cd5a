#include "graph/store/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <rocksdb/env.h>

#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "graph/store/coding.h"
#include "graph/store/key_codec.h"
#include "graph/store/read_view.h"
#include "graph/store/records.h"

namespace newsgraph::graph {

namespace fs = std::filesystem;

const char* CfName(Cf cf) {
  static const char* const kNames[kNumCf] = {"terms",    "term_keys", "aliases",       "spo",
                                             "pos",      "osp",       "mentions",      "article_facts",
                                             "by_date",  "articles",  "meta"};
  return kNames[static_cast<size_t>(cf)];
}

Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return Status::OK();
  std::string msg = std::string(what) + ": " + s.ToString();
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  if (s.IsNotSupported()) return Status::NotSupported(msg);
  if (s.IsNoSpace() || s.subcode() == rocksdb::Status::kSpaceLimit) return Status::IOError(msg + " (the disk is full)");
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain()) return Status::Busy(msg);
  return Status::IOError(msg);
}

namespace {

rocksdb::ColumnFamilyOptions CfOptions(Cf cf, const Options& o,
                                       const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions c;
  c.write_buffer_size = o.write_buffer_bytes;
  c.level_compaction_dynamic_level_bytes = true;
  c.compression = rocksdb::kLZ4Compression;
  c.bottommost_compression = rocksdb::kZSTD;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.block_size = 32 * 1024;
  t.block_restart_interval = 32;
  t.format_version = 5;
  t.cache_index_and_filter_blocks = false;
  // Point lookups dominate the dictionary and the article map; the fact
  // indexes are read by prefix scans, where a whole-key filter cannot help,
  // and every filter bit costs disk per fact.
  switch (cf) {
    case Cf::kTerms:
    case Cf::kTermKeys:
    case Cf::kArticles:
    case Cf::kMeta:
      t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
      break;
    default:
      break;
  }
  c.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return c;
}

// True when `dir` holds only what RocksDB writes before a new database has its
// CURRENT file: a writer killed while creating the store left it, and creating
// the store again is safe. Anything else (data, or files of ours or the user's)
// is not ours to overwrite.
// RocksDB's info log (the LOG file) as Debian builds it, with assertions on,
// aborts the process when it is written to again after a failed write: on a
// full disk the writer died instead of returning the error. This one drops
// what it cannot write. Appends, so that a writer refused by the lock does
// not cut the running writer's log; rotated once it is large.
class InfoLog : public rocksdb::Logger {
 public:
  explicit InfoLog(const std::string& dir) : rocksdb::Logger(rocksdb::InfoLogLevel::INFO_LEVEL) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    fs::path log = fs::path(dir) / "LOG";
    if (fs::file_size(log, ec) > (uint64_t{4} << 20)) fs::rename(log, fs::path(dir) / "LOG.old.1", ec);
    f_ = std::fopen(log.c_str(), "a");
  }
  ~InfoLog() override {
    if (f_) std::fclose(f_);
  }
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    if (!f_) return;
    std::lock_guard<std::mutex> l(mu_);
    std::time_t now = std::time(nullptr);
    char stamp[32];
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(stamp, sizeof stamp, "%Y/%m/%d-%H:%M:%S ", &tm);
    std::fputs(stamp, f_);
    std::vfprintf(f_, format, ap);
    std::fputc('\n', f_);
    std::fflush(f_);
  }

 private:
  std::FILE* f_ = nullptr;
  std::mutex mu_;
};

bool OnlyCreationLeftovers(const std::string& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    bool leftover = e.is_regular_file(ec) &&
                    (name == "LOCK" || name == "IDENTITY" || name == "LOG" ||
                     name.starts_with("LOG.old.") || name.starts_with("MANIFEST-") ||
                     name.starts_with("OPTIONS-") || name.ends_with(".dbtmp"));
    if (!leftover) return false;
  }
  return !ec;
}

std::string LockMessage(const std::string& path, const rocksdb::Status& s) {
  return "database " + path + " is locked by another writer (lock file " +
         (fs::path(path) / "LOCK").string() +
         "); wait for it to finish, or open the database read-only to query it (" + s.ToString() +
         ")";
}

uint64_t GetU64(std::string_view v) {
  uint64_t x = 0;
  GetVarint(&v, &x);
  return x;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const Options& options, const std::string& path) {
  std::unique_ptr<Store> store(new Store());
  store->path_ = path;
  store->read_only_ = options.read_only;
  store->sync_ = options.sync_writes;

  std::error_code ec;
  bool exists = fs::exists(fs::path(path) / "CURRENT", ec);
  if (!exists) {
    if (options.read_only || !options.create_if_missing) {
      return Status::NotFound("no database at " + path);
    }
    if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
      return Status::InvalidArgument(path + " exists and is not a database directory");
    }
    if (fs::exists(path, ec) && !fs::is_empty(path, ec) && !OnlyCreationLeftovers(path)) {
      return Status::InvalidArgument(path + " is a non-empty directory that is not a database");
    }
  }

  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.max_background_jobs = std::max(2, options.background_threads);
  db_options.IncreaseParallelism(std::max(1, options.background_threads));
  db_options.keep_log_file_num = 3;
  db_options.max_manifest_file_size = 64 << 20;
  db_options.paranoid_checks = true;
  if (!options.read_only) db_options.info_log = std::make_shared<InfoLog>(path);

  auto cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions());
  for (size_t i = 0; i < kNumCf; ++i) {
    descriptors.emplace_back(CfName(static_cast<Cf>(i)),
                             CfOptions(static_cast<Cf>(i), options, cache));
  }

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status s;
  if (options.read_only) {
    // A writer may delete files between our reading the manifest and opening
    // them; a second attempt then sees the new manifest.
    for (int attempt = 0; attempt < 5; ++attempt) {
      s = rocksdb::DB::OpenForReadOnly(db_options, path, descriptors, &handles, &store->db_);
      if (s.ok() || !s.IsPathNotFound()) break;
    }
  } else if (!exists) {
    // Created together, the column families cost one OPTIONS file; created
    // by DB::Open, each rewrites, syncs and re-reads it, which made creating
    // a store a noticeable part of a bulk import into a new one. A writer
    // killed in between leaves a database whose missing families the next
    // writer creates.
    s = rocksdb::DB::Open(db_options, path, {descriptors[0]}, &handles, &store->db_);
    if (s.ok()) {
      std::vector<rocksdb::ColumnFamilyHandle*> created;
      s = store->db_->CreateColumnFamilies(
          std::vector<rocksdb::ColumnFamilyDescriptor>(descriptors.begin() + 1, descriptors.end()),
          &created);
      handles.insert(handles.end(), created.begin(), created.end());
      if (!s.ok()) {
        for (auto* h : handles) store->db_->DestroyColumnFamilyHandle(h);
        handles.clear();
      }
    }
  } else {
    s = rocksdb::DB::Open(db_options, path, descriptors, &handles, &store->db_);
  }
  if (!options.read_only && s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
    return Status::Busy(LockMessage(path, s));
  }
  if (!s.ok()) {
    if (options.read_only && s.IsInvalidArgument() &&
        s.ToString().find("Column family not found") != std::string::npos) {
      return Status::InvalidArgument(path + " is a RocksDB database but not a newsgraph store");
    }
    return FromRocks(s, "opening " + path);
  }
  // handles[0] is the default column family, which we do not use.
  store->db_->DestroyColumnFamilyHandle(handles[0]);
  for (size_t i = 0; i < kNumCf; ++i) store->handles_[i] = handles[i + 1];

  std::string version;
  s = store->db_->Get(rocksdb::ReadOptions(), store->cf(Cf::kMeta), meta::kSchemaVersion, &version);
  if (s.IsNotFound()) {
    if (options.read_only) return Status::Corruption(path + " has no schema version");
    rocksdb::WriteBatch b;
    std::string v;
    PutVarint(&v, kSchemaVersion);
    b.Put(store->cf(Cf::kMeta), meta::kSchemaVersion, v);
    PutCounters(&b, store->cf(Cf::kMeta), store->counters_);
    NG_RETURN_IF_ERROR(store->Write(&b));
  } else if (!s.ok()) {
    return FromRocks(s, "reading the schema version");
  } else if (GetU64(version) == 1) {
    if (options.read_only) {
      store->article_fact_counts_ = false;
    } else {
      NG_RETURN_IF_ERROR(store->UpgradeArticleFactCounts());
    }
  } else if (GetU64(version) != kSchemaVersion) {
    return Status::NotSupported(path + " has schema version " + std::to_string(GetU64(version)) +
                                "; this build reads version " + std::to_string(kSchemaVersion));
  }
  NG_RETURN_IF_ERROR(store->LoadCounters());
  return store;
}

Store::~Store() {
  if (db_) {
    for (auto* h : handles_) {
      if (h) db_->DestroyColumnFamilyHandle(h);
    }
    db_->Close();
    delete db_;
  }
}

std::unique_ptr<ReadView> Store::NewReadView() const {
  return std::unique_ptr<ReadView>(new ReadView(this));
}

void PutCounters(rocksdb::WriteBatch* b, rocksdb::ColumnFamilyHandle* cf, const Counters& c) {
  auto put = [&](std::string_view k, uint64_t v) {
    std::string s;
    PutVarint(&s, v);
    b->Put(cf, k, s);
  };
  put(meta::kNextTermId, c.next_term_id);
  put(meta::kNextArticleId, c.next_article_id);
  put(meta::kFacts, c.facts);
  put(meta::kMentions, c.mentions);
  put(meta::kArticles, c.articles);
  put(meta::kEntities, c.entities);
  put(meta::kVersion, c.version);
}

Status Store::LoadCounters() {
  rocksdb::ReadOptions ro;
  auto get = [&](std::string_view k, uint64_t* v) -> Status {
    std::string s;
    auto st = db_->Get(ro, cf(Cf::kMeta), k, &s);
    if (st.IsNotFound()) return Status::OK();
    if (!st.ok()) return FromRocks(st, "reading counters");
    *v = GetU64(s);
    return Status::OK();
  };
  NG_RETURN_IF_ERROR(get(meta::kNextTermId, &counters_.next_term_id));
  NG_RETURN_IF_ERROR(get(meta::kNextArticleId, &counters_.next_article_id));
  NG_RETURN_IF_ERROR(get(meta::kFacts, &counters_.facts));
  NG_RETURN_IF_ERROR(get(meta::kMentions, &counters_.mentions));
  NG_RETURN_IF_ERROR(get(meta::kArticles, &counters_.articles));
  NG_RETURN_IF_ERROR(get(meta::kEntities, &counters_.entities));
  NG_RETURN_IF_ERROR(get(meta::kVersion, &counters_.version));

  predicate_stats_.clear();
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kMeta)));
  for (it->Seek(meta::kPredicateStatsPrefix); it->Valid(); it->Next()) {
    std::string_view k(it->key().data(), it->key().size());
    if (!k.starts_with(meta::kPredicateStatsPrefix)) break;
    k.remove_prefix(meta::kPredicateStatsPrefix.size());
    uint64_t p;
    PredicateStats ps;
    if (!GetCompactId(&k, &p) ||
        !DecodePredicateStats(std::string_view(it->value().data(), it->value().size()), &ps)) {
      return Status::Corruption("bad predicate statistics entry in meta");
    }
    predicate_stats_[p] = ps;
  }
  return FromRocks(it->status(), "reading predicate statistics");
}

Status Store::ReloadCounters() { return LoadCounters(); }

// Version 1 left article_facts values empty. Mentions are keyed by fact,
// then article, so one pass counts each (fact, article) run; only counts
// above one need a value. The version is written last: a crash part way
// leaves a version-1 store that the next open upgrades again.
Status Store::UpgradeArticleFactCounts() {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kMentions)));
  rocksdb::WriteBatch b;
  Triple cur{};
  ArticleId cur_a = 0;
  uint64_t n = 0;
  auto flush_run = [&]() {
    if (n > 1) b.Put(cf(Cf::kArticleFacts), ArticleFactKey(cur_a, cur), EncodeArticleFactCount(n));
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    Triple t;
    ArticleId a;
    uint32_t sentence;
    if (!DecodeMentionKey(std::string_view(it->key().data(), it->key().size()), &t, &a, &sentence)) {
      return Status::Corruption(path_ + ": undecodable mention key while upgrading the store (run newsgraph check)");
    }
    if (n > 0 && t == cur && a == cur_a) {
      ++n;
      continue;
    }
    flush_run();
    cur = t;
    cur_a = a;
    n = 1;
    if (b.Count() >= 50000) {
      NG_RETURN_IF_ERROR(FromRocks(db_->Write(rocksdb::WriteOptions(), &b), "upgrading article_facts"));
      b.Clear();
    }
  }
  NG_RETURN_IF_ERROR(FromRocks(it->status(), "reading mentions"));
  flush_run();
  std::string v;
  PutVarint(&v, kSchemaVersion);
  b.Put(cf(Cf::kMeta), meta::kSchemaVersion, v);
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db_->Write(wo, &b), "upgrading article_facts");
}

Status Store::Write(rocksdb::WriteBatch* batch) {
  if (read_only_) return Status::InvalidArgument("the database " + path_ + " is open read-only");
  rocksdb::WriteOptions wo;
  wo.sync = sync_;
  return FromRocks(db_->Write(wo, batch), "writing to " + path_);
}

Status Store::CompactAll() {
  rocksdb::CompactRangeOptions o;
  o.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  for (auto* h : handles_) {
    NG_RETURN_IF_ERROR(FromRocks(db_->CompactRange(o, h, nullptr, nullptr), "compacting"));
  }
  return Status::OK();
}

std::vector<uint64_t> Store::ColumnFamilySizes() const {
  std::vector<uint64_t> out;
  for (auto* h : handles_) {
    uint64_t v = 0;
    db_->GetIntProperty(h, "rocksdb.total-sst-files-size", &v);
    out.push_back(v);
  }
  return out;
}

uint64_t Store::DiskSize() const {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(path_, ec)) {
    auto name = e.path().filename().string();
    if (name.ends_with(".sst") || name.ends_with(".log") || name.starts_with("MANIFEST")) {
      total += e.file_size(ec);
    }
  }
  return total;
}

}  // namespace newsgraph::graph
