#include "graph/store/read_view.h"

#include <rocksdb/db.h>

#include <cstring>

#include "graph/store/coding.h"
#include "graph/store/key_codec.h"

namespace newsgraph::graph {

namespace {
// The smallest string greater than every string with this prefix; empty when
// there is none (all 0xFF).
std::string Successor(std::string prefix) {
  while (!prefix.empty()) {
    auto& c = reinterpret_cast<unsigned char&>(prefix.back());
    if (c != 0xFF) {
      ++c;
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}
}  // namespace

// ---- KeyCursor ---------------------------------------------------------------

KeyCursor::KeyCursor(std::string prefix) : prefix_(std::move(prefix)) {}

KeyCursor::~KeyCursor() = default;

bool KeyCursor::Valid() const {
  if (!it_->Valid()) return false;
  auto k = it_->key();
  return k.size() >= prefix_.size() && std::memcmp(k.data(), prefix_.data(), prefix_.size()) == 0;
}

void KeyCursor::Next() { it_->Next(); }
std::string_view KeyCursor::key() const { return {it_->key().data(), it_->key().size()}; }
std::string_view KeyCursor::value() const { return {it_->value().data(), it_->value().size()}; }
Status KeyCursor::status() const { return FromRocks(it_->status(), "reading the store"); }

void KeyCursor::Seek(std::string_view prefix) {
  prefix_.assign(prefix);
  // RocksDB reads the bound through the pointer it was given, so updating
  // the string behind the Slice moves it; a cursor made without a bound
  // (empty prefix) keeps none. A prefix of 0xff bytes only has no
  // successor; longer keys than 256 bytes past it do not occur.
  if (bound_) {
    upper_ = Successor(prefix_);
    if (upper_.empty()) upper_ = prefix_ + std::string(256, '\xff');
    *bound_ = rocksdb::Slice(upper_);
  }
  it_->Seek(rocksdb::Slice(prefix_));
}

// ---- TripleCursor -------------------------------------------------------------

TripleCursor::TripleCursor(std::unique_ptr<KeyCursor> c, IndexOrder order, Triple pattern)
    : c_(std::move(c)), order_(order), pattern_(pattern) {
  Settle();
}

void TripleCursor::Next() {
  c_->Next();
  Settle();
}

// Skips entries the prefix could not exclude (a bound position after an
// unbound one never happens with ChooseIndex, but the check keeps the cursor
// correct for any order).
void TripleCursor::Settle() {
  while (c_->Valid()) {
    if (!DecodeTripleKey(order_, c_->key(), &triple_)) {
      status_ = Status::Corruption("undecodable key in a fact index");
      valid_ = false;
      return;
    }
    if ((pattern_.s == kNoTerm || pattern_.s == triple_.s) &&
        (pattern_.p == kNoTerm || pattern_.p == triple_.p) &&
        (pattern_.o == kNoTerm || pattern_.o == triple_.o)) {
      valid_ = true;
      return;
    }
    c_->Next();
  }
  valid_ = false;
}

Status TripleCursor::status() const {
  if (!status_.ok()) return status_;
  return c_->status();
}

// ---- ReadView ----------------------------------------------------------------

ReadView::ReadView(const Store* store)
    : store_(store), snapshot_(store->db()->GetSnapshot()), ro_(new rocksdb::ReadOptions()) {
  ro_->snapshot = snapshot_;
}

ReadView::~ReadView() { store_->db()->ReleaseSnapshot(snapshot_); }

std::unique_ptr<KeyCursor> ReadView::Cursor(Cf cf, std::string_view prefix) const {
  auto c = std::unique_ptr<KeyCursor>(new KeyCursor(std::string(prefix)));
  rocksdb::ReadOptions ro = *ro_;
  // The upper bound lets RocksDB stop at the end of the prefix instead of
  // reading into the next block.
  c->upper_ = Successor(c->prefix_);
  if (!c->upper_.empty()) {
    c->bound_ = std::make_unique<rocksdb::Slice>(c->upper_);
    ro.iterate_upper_bound = c->bound_.get();
  }
  c->it_.reset(store_->db()->NewIterator(ro, store_->cf(cf)));
  c->it_->Seek(rocksdb::Slice(c->prefix_));
  return c;
}

Status ReadView::Get(Cf cf, std::string_view key, std::string* value, bool* found) const {
  auto s = store_->db()->Get(*ro_, store_->cf(cf), rocksdb::Slice(key.data(), key.size()), value);
  *found = s.ok();
  if (s.IsNotFound()) return Status::OK();
  return FromRocks(s, std::string("reading ") + CfName(cf));
}

Result<TermRecord> ReadView::GetTerm(TermId id) const {
  std::string v;
  bool found;
  NG_RETURN_IF_ERROR(Get(Cf::kTerms, IdKey(id), &v, &found));
  if (!found) return Status::NotFound("no term with id " + std::to_string(id));
  TermRecord t;
  if (!DecodeTerm(v, &t)) return Status::Corruption("undecodable term " + std::to_string(id));
  return t;
}

Result<std::optional<TermId>> ReadView::FindTerm(TermKind kind, std::string_view key,
                                                 std::string_view lang) const {
  std::string v;
  bool found;
  NG_RETURN_IF_ERROR(Get(Cf::kTermKeys, CanonicalTermKey(kind, key, lang), &v, &found));
  if (!found) return std::optional<TermId>();
  std::string_view in(v);
  uint64_t id;
  if (!GetVarint(&in, &id)) return Status::Corruption("undecodable term_keys entry");
  return std::optional<TermId>(id);
}

Status ReadView::FindAlias(std::string_view folded, std::vector<TermId>* out) const {
  auto c = Cursor(Cf::kAliases, AliasPrefix(folded));
  for (; c->Valid(); c->Next()) {
    std::string_view name;
    TermId id;
    if (!DecodeAliasKey(c->key(), &name, &id)) return Status::Corruption("bad alias key");
    out->push_back(id);
  }
  return c->status();
}

Status ReadView::FindAliasPrefix(std::string_view folded_prefix, size_t limit,
                                 std::vector<std::pair<std::string, TermId>>* out) const {
  auto c = Cursor(Cf::kAliases, folded_prefix);
  for (; c->Valid() && out->size() < limit; c->Next()) {
    std::string_view name;
    TermId id;
    if (!DecodeAliasKey(c->key(), &name, &id)) return Status::Corruption("bad alias key");
    out->emplace_back(std::string(name), id);
  }
  return c->status();
}

Status ReadView::ListPredicates(std::vector<std::pair<std::string, TermId>>* out) const {
  std::string prefix(1, static_cast<char>(TermKind::kPredicate));
  auto c = Cursor(Cf::kTermKeys, prefix);
  for (; c->Valid(); c->Next()) {
    std::string_view v = c->value();
    uint64_t id;
    if (!GetVarint(&v, &id)) return Status::Corruption("bad term_keys entry");
    out->emplace_back(std::string(c->key().substr(1)), id);
  }
  return c->status();
}

Result<std::optional<FactSummary>> ReadView::GetFact(const Triple& t) const {
  std::string v;
  bool found;
  NG_RETURN_IF_ERROR(Get(Cf::kSpo, TripleKey(IndexOrder::kSpo, t), &v, &found));
  if (!found) return std::optional<FactSummary>();
  FactSummary s;
  if (!DecodeSummary(v, &s)) return Status::Corruption("undecodable fact summary");
  return std::optional<FactSummary>(s);
}

std::unique_ptr<TripleCursor> ReadView::Scan(const Triple& pattern) const {
  IndexOrder order =
      ChooseIndex(pattern.s != kNoTerm, pattern.p != kNoTerm, pattern.o != kNoTerm);
  Cf cf = order == IndexOrder::kSpo ? Cf::kSpo : order == IndexOrder::kPos ? Cf::kPos : Cf::kOsp;
  return std::unique_ptr<TripleCursor>(
      new TripleCursor(Cursor(cf, TriplePrefix(order, pattern)), order, pattern));
}

Status ReadView::GetMentions(const Triple& t, std::vector<Mention>* out, size_t limit) const {
  auto c = Cursor(Cf::kMentions, MentionPrefix(t));
  for (; c->Valid() && out->size() < limit; c->Next()) {
    Mention m;
    if (!DecodeMentionKey(c->key(), &m.fact, &m.article, &m.sentence) ||
        !DecodeMention(c->value(), &m.record)) {
      return Status::Corruption("undecodable mention");
    }
    out->push_back(std::move(m));
  }
  return c->status();
}

Status ReadView::GetMentionsIn(const Triple& t, ArticleId article, std::vector<Mention>* out) const {
  auto c = Cursor(Cf::kMentions, MentionPrefix(t, article));
  for (; c->Valid(); c->Next()) {
    Mention m;
    if (!DecodeMentionKey(c->key(), &m.fact, &m.article, &m.sentence) ||
        !DecodeMention(c->value(), &m.record)) {
      return Status::Corruption("undecodable mention");
    }
    out->push_back(std::move(m));
  }
  return c->status();
}

Result<std::optional<ArticleId>> ReadView::FindArticle(std::string_view key) const {
  std::string v;
  bool found;
  NG_RETURN_IF_ERROR(Get(Cf::kTermKeys, ArticleNameKey(key), &v, &found));
  if (!found) return std::optional<ArticleId>();
  std::string_view in(v);
  uint64_t id;
  if (!GetVarint(&in, &id)) return Status::Corruption("undecodable article key entry");
  return std::optional<ArticleId>(id);
}

Result<ArticleRecord> ReadView::GetArticle(ArticleId id) const {
  std::string v;
  bool found;
  NG_RETURN_IF_ERROR(Get(Cf::kArticles, IdKey(id), &v, &found));
  if (!found) return Status::NotFound("no article with id " + std::to_string(id));
  ArticleRecord a;
  if (!DecodeArticle(v, &a)) return Status::Corruption("undecodable article " + std::to_string(id));
  return a;
}

Status ReadView::ArticleFacts(ArticleId id, std::vector<std::pair<Triple, uint64_t>>* out,
                              bool with_counts) const {
  auto c = Cursor(Cf::kArticleFacts, ArticleFactPrefix(id));
  for (; c->Valid(); c->Next()) {
    ArticleId a;
    Triple t;
    if (!DecodeArticleFactKey(c->key(), &a, &t)) return Status::Corruption("bad article_facts entry");
    uint64_t n = 0;
    if (with_counts && HasArticleFactCounts()) {
      if (!DecodeArticleFactCount(c->value(), &n)) return Status::Corruption("bad article_facts value");
    } else if (with_counts) {
      auto m = Cursor(Cf::kMentions, MentionPrefix(t, id));
      for (; m->Valid(); m->Next()) ++n;
      NG_RETURN_IF_ERROR(m->status());
    }
    out->emplace_back(t, n);
  }
  return c->status();
}

bool ReadView::HasArticleFactCounts() const { return store_->article_fact_counts();
}

Status ReadView::ArticlesBetween(int32_t from, int32_t to, std::vector<ArticleId>* out) const {
  rocksdb::ReadOptions ro = *ro_;
  std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro, store_->cf(Cf::kByDate)));
  for (it->Seek(ByDatePrefix(from)); it->Valid(); it->Next()) {
    int32_t day;
    ArticleId a;
    if (!DecodeByDateKey(std::string_view(it->key().data(), it->key().size()), &day, &a)) {
      return Status::Corruption("bad by_date key");
    }
    if (day > to) break;
    out->push_back(a);
  }
  return FromRocks(it->status(), "reading by_date");
}

Counters ReadView::GetCounters() const {
  Counters c;
  auto get = [&](std::string_view k, uint64_t* v) {
    std::string s;
    bool found = false;
    if (Get(Cf::kMeta, k, &s, &found).ok() && found) {
      std::string_view in(s);
      GetVarint(&in, v);
    }
  };
  get(meta::kNextTermId, &c.next_term_id);
  get(meta::kNextArticleId, &c.next_article_id);
  get(meta::kFacts, &c.facts);
  get(meta::kMentions, &c.mentions);
  get(meta::kArticles, &c.articles);
  get(meta::kEntities, &c.entities);
  get(meta::kVersion, &c.version);
  return c;
}

uint64_t ReadView::Version() const {
  std::string s;
  bool found = false;
  uint64_t v = 0;
  if (Get(Cf::kMeta, meta::kVersion, &s, &found).ok() && found) {
    std::string_view in(s);
    GetVarint(&in, &v);
  }
  return v;
}

Result<PredicateStats> ReadView::GetPredicateStats(TermId p) const {
  std::string v;
  bool found;
  NG_RETURN_IF_ERROR(Get(Cf::kMeta, meta::PredicateStatsKey(p), &v, &found));
  PredicateStats s;
  if (found && !DecodePredicateStats(v, &s)) return Status::Corruption("bad predicate statistics");
  return s;
}

}  // namespace newsgraph::graph
