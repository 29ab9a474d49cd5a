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
  struct Entry {
    std::vector<Value> key;
    Row row;
    uint64_t seq;  // keeps the sort stable
  };

  bool Less(const Entry& a, const Entry& b) const {
    for (size_t i = 0; i < keys_.size(); ++i) {
      int c = Value::Compare(a.key[i], b.key[i]);
      if (c != 0) {
        // Nulls sort last ascending and first descending, as in Cypher.
        return keys_[i].descending ? c > 0 : c < 0;
      }
    }
    return a.seq < b.seq;
  }

  bool Build() {
    auto less = [this](const Entry& a, const Entry& b) { return Less(a, b); };
    Row in;
    uint64_t seq = 0;
    while (child()->Next(&in)) {
      if (!ctx_->Tick()) return false;
      Entry e;
      e.key.reserve(keys_.size());
      for (const auto& k : keys_) e.key.push_back(Eval(*k.expr, in, ctx_));
      if (!ctx_->ok()) return false;
      e.seq = seq++;
      if (limit_ && rows_.size() >= *limit_) {
        if (*limit_ == 0 || !less(e, rows_.front())) continue;
        std::pop_heap(rows_.begin(), rows_.end(), less);
        rows_.back() = Entry{std::move(e.key), in, e.seq};
        std::push_heap(rows_.begin(), rows_.end(), less);
        continue;
      }
      uint64_t bytes = 64;
      for (const auto& v : in) bytes += ApproxBytes(v);
      held_ += bytes;
      if (!ctx_->Reserve(bytes, "ORDER BY")) return false;
      e.row = in;
      rows_.push_back(std::move(e));
      if (limit_) std::push_heap(rows_.begin(), rows_.end(), less);
    }
    if (!ctx_->ok()) return false;
    if (limit_) {
      std::sort_heap(rows_.begin(), rows_.end(), less);
    } else {
      std::sort(rows_.begin(), rows_.end(), less);
    }
    return true;
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
      if (seen_.insert(key).second) {
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
