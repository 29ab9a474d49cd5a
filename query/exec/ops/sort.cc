// ORDER BY: a full sort, or a bounded heap when a LIMIT follows (top-N).
#include <algorithm>
#include <unordered_set>

#include "query/exec/eval.h"
#include "query/exec/ops.h"
#include "query/exec/row_hash.h"

namespace newsgraph::query {

namespace {

class Sort : public Operator {
 public:
  Sort(OperatorPtr input, std::vector<SortKey> keys, std::optional<uint64_t> limit, std::string detail)
      : Operator(limit ? "TopN" : "Sort"), keys_(std::move(keys)), limit_(limit), detail_(std::move(detail)) {
    AddChild(std::move(input));
  }
  std::string Detail() const override {
    return detail_ + (limit_ ? " (keep " + std::to_string(*limit_) + ")" : "");
  }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    rows_.clear();
    next_ = 0;
    built_ = false;
    ctx->Release(held_);
    held_ = 0;
  }

 protected:
  bool DoNext(Row* row) override {
    if (!built_) {
      if (!Build()) return false;
      built_ = true;
    }
    if (next_ >= rows_.size()) return false;
    *row = std::move(rows_[next_++].row);
    return true;
  }

 private:
  // Keys after the first are computed only when a comparison needs them:
  // a top-N over many rows then reads, say, a name only on ties.
  struct Entry {
    std::vector<Value> key;
    std::vector<char> have;
    Row row;
    const Row* src = nullptr;  // while a candidate: the input row; then null (use `row`)
    uint64_t seq = 0;          // keeps the sort stable
  };

  const Value& Key(Entry& e, size_t i) {
    if (!e.have[i]) {
      e.key[i] = Eval(*keys_[i].expr, e.src ? *e.src : e.row, ctx_);
      e.have[i] = 1;
    }
    return e.key[i];
  }

  bool Less(Entry& a, Entry& b) {
    for (size_t i = 0; i < keys_.size(); ++i) {
      int c = Value::Compare(Key(a, i), Key(b, i));
      if (c != 0) {
        // Nulls sort last ascending and first descending, as in Cypher.
        return keys_[i].descending ? c > 0 : c < 0;
      }
    }
    return a.seq < b.seq;
  }

  void Own(Entry* e, const Row& in) {
    e->row = in;
    e->src = nullptr;
  }

  bool Build() {
    auto less = [this](Entry& a, Entry& b) { return Less(a, b); };
    Row in;
    uint64_t seq = 0;
    Entry cand;
    while (child()->Next(&in)) {
      if (!ctx_->Tick()) return false;
      cand.key.assign(keys_.size(), Value());
      cand.have.assign(keys_.size(), 0);
      cand.src = &in;
      cand.seq = seq++;
      if (!keys_.empty()) Key(cand, 0);
      if (!ctx_->ok()) return false;
      if (limit_ && rows_.size() >= *limit_) {
        if (*limit_ == 0 || !less(cand, rows_.front())) continue;
        std::pop_heap(rows_.begin(), rows_.end(), less);
        rows_.back() = std::move(cand);
        Own(&rows_.back(), in);
        std::push_heap(rows_.begin(), rows_.end(), less);
        continue;
      }
      uint64_t bytes = 64;
      for (const auto& v : in) bytes += ApproxBytes(v);
      held_ += bytes;
      if (!ctx_->Reserve(bytes, "ORDER BY")) return false;
      rows_.push_back(std::move(cand));
      Own(&rows_.back(), in);
      if (limit_) std::push_heap(rows_.begin(), rows_.end(), less);
    }
    if (!ctx_->ok()) return false;
    if (limit_) {
      std::sort_heap(rows_.begin(), rows_.end(), less);
    } else {
      std::sort(rows_.begin(), rows_.end(), less);
    }
    return ctx_->ok();
  }

  std::vector<SortKey> keys_;
  std::optional<uint64_t> limit_;
  std::string detail_;
  std::vector<Entry> rows_;
  size_t next_ = 0;
  bool built_ = false;
  uint64_t held_ = 0;
};

class Distinct : public Operator {
 public:
  Distinct(OperatorPtr input, std::vector<int> slots) : Operator("Distinct"), slots_(std::move(slots)) {
    AddChild(std::move(input));
  }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    seen_.clear();
    ctx->Release(held_);
    held_ = 0;
  }

 protected:
  bool DoNext(Row* row) override {
    std::vector<Value> key(slots_.size());
    while (child()->Next(row)) {
      if (!ctx_->Tick()) return false;
      for (size_t i = 0; i < slots_.size(); ++i) key[i] = (*row)[static_cast<size_t>(slots_[i])];
      uint64_t bytes = 48;
      for (const auto& v : key) bytes += ApproxBytes(v);
      if (seen_.find(key) == seen_.end()) {
        seen_.insert(std::move(key));
        key.assign(slots_.size(), Value());
        held_ += bytes;
        if (!ctx_->Reserve(bytes, "DISTINCT")) return false;
        return true;
      }
    }
    return false;
  }

 private:
  std::vector<int> slots_;
  std::unordered_set<std::vector<Value>, ValuesHash, ValuesEq> seen_;
  uint64_t held_ = 0;
};

}  // namespace

OperatorPtr MakeSort(OperatorPtr input, std::vector<SortKey> keys, std::optional<uint64_t> limit,
                     std::string detail) {
  return std::make_unique<Sort>(std::move(input), std::move(keys), limit, std::move(detail));
}

OperatorPtr MakeDistinct(OperatorPtr input, std::vector<int> slots) {
  return std::make_unique<Distinct>(std::move(input), std::move(slots));
}

}  // namespace newsgraph::query
