// Grouping with count, sum, avg, min, max and collect (each optionally
// DISTINCT). Without grouping keys, an empty input still gives one row.
#include <unordered_map>
#include <unordered_set>

#include "query/binder/expr_binder.h"
#include "query/exec/eval.h"
#include "query/exec/ops.h"
#include "query/exec/row_hash.h"

namespace newsgraph::query {

namespace {

struct Accumulator {
  int64_t count = 0;
  int64_t isum = 0;
  double dsum = 0;
  bool is_double = false;
  bool overflow = false;
  Value best;  // min / max
  List items;  // collect
  std::unordered_set<std::vector<Value>, ValuesHash, ValuesEq> seen;  // DISTINCT
};

class Aggregate : public Operator {
 public:
  Aggregate(OperatorPtr input, std::vector<ProjectItem> keys, std::vector<AggregateCall> calls,
            std::string detail)
      : Operator("Aggregate"), keys_(std::move(keys)), calls_(std::move(calls)), detail_(std::move(detail)) {
    AddChild(std::move(input));
  }
  std::string Detail() const override { return detail_; }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    groups_.clear();
    order_.clear();
    built_ = false;
    next_ = 0;
    ctx->Release(held_);
    held_ = 0;
  }

 protected:
  bool DoNext(Row* row) override {
    if (!built_) {
      if (!Build()) return false;
      built_ = true;
    }
    if (next_ >= order_.size()) return false;
    auto it = order_[next_++];
    row->assign(width_, Value());
    for (size_t i = 0; i < keys_.size(); ++i) (*row)[static_cast<size_t>(keys_[i].slot)] = it->first[i];
    for (size_t i = 0; i < calls_.size(); ++i) {
      (*row)[static_cast<size_t>(calls_[i].slot)] = Result(calls_[i], it->second[i]);
    }
    return true;
  }

 private:
  using Groups = std::unordered_map<std::vector<Value>, std::vector<Accumulator>, ValuesHash, ValuesEq>;

  bool Build() {
    Row in;
    width_ = ctx_->row_width;
    std::vector<Value> key(keys_.size());
    while (child()->Next(&in)) {
      if (!ctx_->Tick()) return false;
      width_ = std::max(width_, in.size());
      for (size_t i = 0; i < keys_.size(); ++i) key[i] = Eval(*keys_[i].expr, in, ctx_);
      auto [it, inserted] = groups_.try_emplace(key);
      if (inserted) {
        it->second.resize(calls_.size());
        order_.push_back(it);
        uint64_t bytes = 96 + calls_.size() * 128;
        for (const auto& k : key) bytes += ApproxBytes(k);
        if (!Hold(bytes)) return false;
      }
      for (size_t i = 0; i < calls_.size(); ++i) {
        if (!Add(calls_[i], &it->second[i], in)) return false;
      }
      if (!ctx_->ok()) return false;
    }
    if (!ctx_->ok()) return false;
    if (keys_.empty() && groups_.empty()) {
      auto [it, inserted] = groups_.try_emplace(std::vector<Value>());
      it->second.resize(calls_.size());
      order_.push_back(it);
    }
    return true;
  }

  bool Hold(uint64_t bytes) {
    held_ += bytes;
    return ctx_->Reserve(bytes, "an aggregation");
  }

  bool Add(const AggregateCall& call, Accumulator* acc, const Row& in) {
    if (!call.arg) {  // count(*)
      ++acc->count;
      return true;
    }
    Value v = Eval(*call.arg, in, ctx_);
    if (v.is_null()) return true;
    if (call.distinct) {
      if (!acc->seen.insert({v}).second) return true;
      if (!Hold(ApproxBytes(v))) return false;
    }
    ++acc->count;
    switch (call.function) {
      case Function::kSum:
      case Function::kAvg:
        if (!v.IsNumber()) {
          return ctx_->Fail(Status::InvalidArgument(std::string(call.function == Function::kSum ? "sum" : "avg") +
                                                    "() needs numbers, got " + TypeName(v.type())));
        }
        if (v.type() == Value::Type::kDouble) acc->is_double = true;
        if (v.type() == Value::Type::kInt && !acc->overflow &&
            __builtin_add_overflow(acc->isum, v.AsInt(), &acc->isum)) {
          acc->overflow = true;
        }
        acc->dsum += v.AsNumber();
        return true;
      case Function::kMin:
        if (acc->best.is_null() || Value::Compare(v, acc->best) < 0) acc->best = v;
        return true;
      case Function::kMax:
        if (acc->best.is_null() || Value::Compare(v, acc->best) > 0) acc->best = v;
        return true;
      case Function::kCollect:
        if (!Hold(ApproxBytes(v))) return false;
        acc->items.push_back(std::move(v));
        return true;
      default:
        return true;
    }
  }

  Value Result(const AggregateCall& call, const Accumulator& acc) {
    switch (call.function) {
      case Function::kCount: return Value::Int(acc.count);
      case Function::kSum:
        if (acc.is_double || acc.overflow) return Value::Double(acc.dsum);
        return Value::Int(acc.isum);
      case Function::kAvg:
        return acc.count == 0 ? Value() : Value::Double(acc.dsum / static_cast<double>(acc.count));
      case Function::kMin:
      case Function::kMax: return acc.best;
      case Function::kCollect: return Value::FromList(acc.items);
      default: return Value();
    }
  }

  std::vector<ProjectItem> keys_;
  std::vector<AggregateCall> calls_;
  std::string detail_;
  Groups groups_;
  std::vector<Groups::iterator> order_;  // groups in the order they appeared
  bool built_ = false;
  size_t next_ = 0;
  size_t width_ = 0;
  uint64_t held_ = 0;
};

}  // namespace

OperatorPtr MakeAggregate(OperatorPtr input, std::vector<ProjectItem> keys, std::vector<AggregateCall> calls,
                          std::string detail) {
  return std::make_unique<Aggregate>(std::move(input), std::move(keys), std::move(calls), std::move(detail));
}

}  // namespace newsgraph::query
