#include "graph/algo/snapshot.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "graph/algo/csr.h"
#include "graph/store/key_codec.h"
#include "graph/store/read_view.h"
#include "graph/store/records.h"

namespace newsgraph::graph::algo {

namespace {

constexpr uint64_t kWorkChunk = 1024;

template <typename T>
uint64_t Bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

// Numbers predicates in order of first sight; the last one is cached because
// the spo index lists a subject's facts grouped by predicate.
class PredicateNumbers {
 public:
  explicit PredicateNumbers(std::vector<TermId>* table) : table_(table) {}
  uint32_t Get(TermId p) {
    if (p == last_) return last_number_;
    auto [it, added] = numbers_.emplace(p, static_cast<uint32_t>(table_->size()));
    if (added) table_->push_back(p);
    last_ = p;
    last_number_ = it->second;
    return last_number_;
  }

 private:
  std::vector<TermId>* table_;
  std::unordered_map<TermId, uint32_t> numbers_;
  TermId last_ = kNoTerm;
  uint32_t last_number_ = 0;
};

}  // namespace

void SnapshotFilter::Normalise() {
  auto tidy = [](auto* v) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  };
  tidy(&predicates);
  tidy(&types);
  tidy(&articles);
}

std::string SnapshotFilter::Key() const {
  std::string k = "p=";
  for (TermId p : predicates) k += std::to_string(p) + ",";
  k += ";t=";
  for (const auto& t : types) k += t + ",";  // types hold no ',' or ';' in practice; ids below are numbers
  k += ";d=" + std::to_string(from_day) + ".." + std::to_string(to_day) + ";a=";
  for (ArticleId a : articles) k += std::to_string(a) + ",";
  return k;
}

std::string FormatBytes(uint64_t bytes) {
  char buf[32];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  } else if (bytes < (1 << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", bytes / 1024.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / 1048576.0);
  }
  return buf;
}

Snapshot::~Snapshot() = default;

Result<std::shared_ptr<const Snapshot>> Snapshot::Build(const ReadView& view, SnapshotFilter filter,
                                                        Budget* budget) {
  auto t0 = std::chrono::steady_clock::now();
  std::shared_ptr<Snapshot> s(new Snapshot());
  filter.Normalise();
  s->filter_ = std::move(filter);
  s->version_ = view.Version();
  {
    Reservation mem(budget);
    NG_RETURN_IF_ERROR(s->Load(view, budget, &mem));
  }
  // The graph proper: facts from subject to object, rows in fact order.
  // View() keeps its bytes reserved; like the arrays, they are the caller's
  // to account for once the snapshot is built.
  NG_ASSIGN_OR_RETURN(const CsrView* out, s->View(Direction::kOut, /*simple=*/false, budget));
  budget->Release(out->bytes());
  s->build_millis_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return std::shared_ptr<const Snapshot>(std::move(s));
}

Status Snapshot::Load(const ReadView& view, Budget* budget, Reservation* mem) {
  Counters c = view.GetCounters();
  const uint64_t id_space = c.next_term_id + 1;
  if (id_space > UINT32_MAX) {
    return Status::NotSupported("graph algorithms support up to 4 billion terms");
  }
  // Which terms may be nodes: entities, of the selected types.
  if (!mem->Add(id_space / 8)) return Stopped();
  std::vector<bool> nodes(id_space, false);
  {
    auto t = view.Cursor(Cf::kTerms);
    TermRecord rec;
    uint64_t n = 0;
    for (; t->Valid(); t->Next()) {
      if (++n % kWorkChunk == 0 && !budget->Work(kWorkChunk)) return Stopped();
      uint64_t id;
      std::string_view v = t->value();
      // Byte 0 is the record format, byte 1 the term kind (records.cc).
      if (!DecodeIdKey(t->key(), &id) || id >= id_space || v.size() < 2 ||
          v[1] != static_cast<char>(TermKind::kEntity)) {
        continue;
      }
      if (!filter_.types.empty()) {
        if (!DecodeTerm(v, &rec)) return Status::Corruption("undecodable term record");
        if (!std::binary_search(filter_.types.begin(), filter_.types.end(), rec.type)) continue;
      }
      nodes[id] = true;
    }
    NG_RETURN_IF_ERROR(t->status());
  }

  std::vector<uint32_t> s, o;  // term ids until Densify
  if (filter_.ByArticle()) {
    NG_RETURN_IF_ERROR(LoadFromArticles(view, budget, mem, nodes, &s, &o));
  } else {
    if (filter_.predicates.empty()) {
      if (!mem->Add(c.facts * 20)) return Stopped();
      for (auto* v : {&s, &o, &pred_, &articles_, &mentions_}) v->reserve(c.facts);
    }
    PredicateNumbers numbers(&predicates_);
    FactSummary sum;
    uint64_t n = 0;
    auto scan = view.Scan({});
    for (; scan->Valid(); scan->Next()) {
      if (++n % kWorkChunk == 0 && !budget->Work(kWorkChunk)) return Stopped();
      const Triple& t = scan->triple();
      if (t.o >= id_space || t.s >= id_space || !nodes[t.s] || !nodes[t.o]) continue;
      if (!filter_.predicates.empty() &&
          !std::binary_search(filter_.predicates.begin(), filter_.predicates.end(), t.p)) {
        continue;
      }
      if (!DecodeSummary(scan->value(), &sum)) return Status::Corruption("undecodable fact summary");
      if (s.size() == s.capacity() && !filter_.predicates.empty() && !mem->Add(s.size() * 20 + 4096)) {
        return Stopped();
      }
      s.push_back(static_cast<uint32_t>(t.s));
      o.push_back(static_cast<uint32_t>(t.o));
      pred_.push_back(numbers.Get(t.p));
      articles_.push_back(static_cast<uint32_t>(std::min<uint64_t>(sum.articles, UINT32_MAX)));
      mentions_.push_back(static_cast<uint32_t>(std::min<uint64_t>(sum.mentions, UINT32_MAX)));
    }
    NG_RETURN_IF_ERROR(scan->status());
  }
  if (s.size() > UINT32_MAX - 1) return Status::NotSupported("graph algorithms support up to 4 billion facts");
  return Densify(id_space, &s, &o, mem);
}

Status Snapshot::LoadFromArticles(const ReadView& view, Budget* budget, Reservation* mem,
                                  const std::vector<bool>& nodes, std::vector<uint32_t>* s,
                                  std::vector<uint32_t>* o) {
  std::vector<ArticleId> selected;
  if (filter_.from_day != INT32_MIN || filter_.to_day != INT32_MIN) {
    int32_t from = filter_.from_day == INT32_MIN ? INT32_MIN + 1 : filter_.from_day;
    int32_t to = filter_.to_day == INT32_MIN ? INT32_MAX : filter_.to_day;
    NG_RETURN_IF_ERROR(view.ArticlesBetween(from, to, &selected));
    std::sort(selected.begin(), selected.end());
    if (!filter_.articles.empty()) {
      std::vector<ArticleId> both;
      std::set_intersection(selected.begin(), selected.end(), filter_.articles.begin(), filter_.articles.end(),
                            std::back_inserter(both));
      selected.swap(both);
    }
  } else {
    selected = filter_.articles;
  }
  struct Row {
    Triple t;
    uint64_t mentions;
  };
  std::vector<Row> rows;
  std::vector<std::pair<Triple, uint64_t>> facts;
  for (ArticleId a : selected) {
    facts.clear();
    NG_RETURN_IF_ERROR(view.ArticleFacts(a, &facts, /*with_counts=*/true));
    if (!budget->Work(facts.size() + 1) || !mem->Add(facts.size() * sizeof(Row))) return Stopped();
    for (const auto& [t, n] : facts) {
      if (t.s >= nodes.size() || t.o >= nodes.size() || !nodes[t.s] || !nodes[t.o]) continue;
      if (!filter_.predicates.empty() &&
          !std::binary_search(filter_.predicates.begin(), filter_.predicates.end(), t.p)) {
        continue;
      }
      rows.push_back({t, n});
    }
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.t < b.t; });
  if (!mem->Add(rows.size() * 20)) return Stopped();
  PredicateNumbers numbers(&predicates_);
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    uint64_t mentions = 0;
    for (; j < rows.size() && rows[j].t == rows[i].t; ++j) mentions += rows[j].mentions;
    s->push_back(static_cast<uint32_t>(rows[i].t.s));
    o->push_back(static_cast<uint32_t>(rows[i].t.o));
    pred_.push_back(numbers.Get(rows[i].t.p));
    articles_.push_back(static_cast<uint32_t>(j - i));  // one row per article and fact
    mentions_.push_back(static_cast<uint32_t>(std::min<uint64_t>(mentions, UINT32_MAX)));
    i = j;
  }
  return Status::OK();
}

// Numbers the entities that occur in facts 0…n-1 in id order. Because the
// numbering keeps the id order, facts sorted by subject id stay sorted by
// source vertex.
Status Snapshot::Densify(uint64_t id_space, std::vector<uint32_t>* s, std::vector<uint32_t>* o,
                         Reservation* mem) {
  if (!mem->Add(id_space * 4)) return Stopped();
  constexpr uint32_t kUnused = UINT32_MAX;
  std::vector<uint32_t> number(id_space, kUnused);
  for (uint32_t x : *s) number[x] = 0;
  for (uint32_t x : *o) number[x] = 0;
  uint64_t n = 0;
  for (uint64_t id = 0; id < id_space; ++id) n += number[id] == 0;
  if (!mem->Add(n * 8)) return Stopped();
  ids_.reserve(n);
  for (uint64_t id = 0; id < id_space; ++id) {
    if (number[id] == 0) {
      number[id] = static_cast<uint32_t>(ids_.size());
      ids_.push_back(id);
    }
  }
  for (uint32_t& x : *s) x = number[x];
  for (uint32_t& x : *o) x = number[x];
  src_ = std::move(*s);
  dst_ = std::move(*o);
  src_.shrink_to_fit();
  dst_.shrink_to_fit();
  pred_.shrink_to_fit();
  articles_.shrink_to_fit();
  mentions_.shrink_to_fit();
  return Status::OK();
}

std::optional<Vertex> Snapshot::FindNode(TermId id) const {
  auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
  if (it == ids_.end() || *it != id) return std::nullopt;
  return static_cast<Vertex>(it - ids_.begin());
}

Result<const CsrView*> Snapshot::View(Direction d, bool simple, Budget* budget) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::unique_ptr<CsrView>& slot = views_[static_cast<int>(d) * 2 + (simple ? 1 : 0)];
  if (slot) return slot.get();
  const uint64_t m = src_.size();
  const uint64_t edges = d == Direction::kBoth ? 2 * m : m;
  // The view stays with the snapshot; the edge lists it is sorted from
  // become it (the sources are dropped); a simple view sorts twice.
  Reservation temp(budget);
  if (!temp.Add(edges * (simple ? 16 : 4)) || !budget->Reserve(CsrViewBytes(num_nodes(), edges))) return Stopped();
  std::vector<Vertex> u, v;
  std::vector<FactRef> f;
  u.reserve(edges);
  v.reserve(edges);
  f.reserve(edges);
  for (FactIndex i = 0; i < m; ++i) {
    if (d != Direction::kIn) {
      u.push_back(src_[i]);
      v.push_back(dst_[i]);
      f.push_back({i});
    }
    if (d == Direction::kIn || (d == Direction::kBoth && src_[i] != dst_[i])) {
      u.push_back(dst_[i]);
      v.push_back(src_[i]);
      f.push_back({i});
    }
  }
  slot = MakeCsrView(num_nodes(), std::move(u), std::move(v), std::move(f), simple);
  return slot.get();
}

uint64_t Snapshot::MemoryBytes() const {
  uint64_t b = sizeof(*this) + Bytes(ids_) + Bytes(predicates_) + Bytes(src_) + Bytes(dst_) + Bytes(pred_) +
               Bytes(articles_) + Bytes(mentions_);
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& v : views_) {
    if (v) b += v->bytes();
  }
  return b;
}

std::string Snapshot::Describe() const {
  return std::to_string(num_nodes()) + " nodes, " + std::to_string(num_facts()) + " facts, " +
         FormatBytes(MemoryBytes());
}

}  // namespace newsgraph::graph::algo
