// Start, Argument, Filter, Project, Output, SkipLimit, Union, Apply and the
// row bound: the operators with no storage access.
#include "query/exec/eval.h"
#include "query/exec/ops.h"

namespace newsgraph::query {

namespace {

class Start : public Operator {
 public:
  Start() : Operator("Start") {}
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    done_ = false;
  }

 protected:
  bool DoNext(Row* row) override {
    if (done_) return false;
    done_ = true;
    row->assign(ctx_->row_width, Value());
    return true;
  }

 private:
  bool done_ = false;
};

class Argument : public Operator {
 public:
  explicit Argument(std::shared_ptr<ArgumentSource> src) : Operator("Argument"), src_(std::move(src)) {}
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    done_ = false;
  }

 protected:
  bool DoNext(Row* row) override {
    if (done_ || !src_->row) return false;
    done_ = true;
    *row = *src_->row;
    return true;
  }

 private:
  std::shared_ptr<ArgumentSource> src_;
  bool done_ = false;
};

class Filter : public Operator {
 public:
  Filter(OperatorPtr input, BoundExprPtr pred, std::string detail)
      : Operator("Filter"), pred_(std::move(pred)), detail_(std::move(detail)) {
    AddChild(std::move(input));
  }
  std::string Detail() const override { return detail_; }

 protected:
  bool DoNext(Row* row) override {
    while (child()->Next(row)) {
      if (!ctx_->Tick()) return false;
      if (EvalPredicate(*pred_, *row, ctx_)) return true;
      if (!ctx_->ok()) return false;
    }
    return false;
  }

 private:
  BoundExprPtr pred_;
  std::string detail_;
};

class Project : public Operator {
 public:
  Project(OperatorPtr input, std::vector<ProjectItem> items, std::string detail)
      : Operator("Project"), items_(std::move(items)), detail_(std::move(detail)) {
    AddChild(std::move(input));
  }
  std::string Detail() const override { return detail_; }

 protected:
  bool DoNext(Row* row) override {
    if (!child()->Next(row)) return false;
    for (const auto& it : items_) {
      Value v = Eval(*it.expr, *row, ctx_);
      (*row)[static_cast<size_t>(it.slot)] = std::move(v);
    }
    return ctx_->ok();
  }

 private:
  std::vector<ProjectItem> items_;
  std::string detail_;
};

class Output : public Operator {
 public:
  Output(OperatorPtr input, std::vector<int> slots) : Operator("Produce"), slots_(std::move(slots)) {
    AddChild(std::move(input));
  }

 protected:
  bool DoNext(Row* row) override {
    if (!child()->Next(&scratch_)) return false;
    row->resize(slots_.size());
    for (size_t i = 0; i < slots_.size(); ++i) (*row)[i] = std::move(scratch_[static_cast<size_t>(slots_[i])]);
    return true;
  }

 private:
  std::vector<int> slots_;
  Row scratch_;
};

class SkipLimit : public Operator {
 public:
  SkipLimit(OperatorPtr input, BoundExprPtr skip, BoundExprPtr limit)
      : Operator("Limit"), skip_expr_(std::move(skip)), limit_expr_(std::move(limit)) {
    AddChild(std::move(input));
  }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    skip_ = limit_ = 0;
    has_limit_ = false;
    produced_ = 0;
    Row empty;
    auto count = [&](const BoundExprPtr& e, const char* what, uint64_t* out) {
      if (!e) return false;
      Value v = Eval(*e, empty, ctx);
      if (v.type() != Value::Type::kInt || v.AsInt() < 0) {
        ctx->Fail(Status::InvalidArgument(std::string(what) + " needs a non-negative integer, got " +
                                          (v.is_null() ? "null" : v.ToString())));
        return false;
      }
      *out = static_cast<uint64_t>(v.AsInt());
      return true;
    };
    count(skip_expr_, "SKIP", &skip_);
    has_limit_ = count(limit_expr_, "LIMIT", &limit_);
  }
  std::string Detail() const override {
    return (skip_expr_ ? "skip " + std::to_string(skip_) + " " : std::string()) +
           (limit_expr_ ? "limit " + std::to_string(limit_) : std::string());
  }

 protected:
  bool DoNext(Row* row) override {
    if (!ctx_->ok()) return false;
    // LIMIT stops pulling from the input: the work upstream stops too.
    if (has_limit_ && produced_ >= limit_) return false;
    while (skip_ > 0) {
      if (!child()->Next(row)) return false;
      --skip_;
    }
    if (!child()->Next(row)) return false;
    ++produced_;
    return true;
  }

 private:
  BoundExprPtr skip_expr_, limit_expr_;
  uint64_t skip_ = 0, limit_ = 0, produced_ = 0;
  bool has_limit_ = false;
};

class Union : public Operator {
 public:
  explicit Union(std::vector<OperatorPtr> inputs) : Operator("Union") {
    for (auto& i : inputs) AddChild(std::move(i));
  }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    current_ = 0;
  }

 protected:
  bool DoNext(Row* row) override {
    while (current_ < num_children()) {
      if (child(current_)->Next(row)) return true;
      if (!ctx_->ok()) return false;
      ++current_;
    }
    return false;
  }

 private:
  size_t current_ = 0;
};

class Apply : public Operator {
 public:
  Apply(OperatorPtr left, OperatorPtr right, std::shared_ptr<ArgumentSource> arg, bool optional,
        std::vector<int> null_slots)
      : Operator(optional ? "OptionalApply" : "Apply"),
        arg_(std::move(arg)),
        optional_(optional),
        null_slots_(std::move(null_slots)) {
    AddChild(std::move(left));
    AddChild(std::move(right));
  }
  void Open(ExecContext* ctx) override {
    ctx_ = ctx;
    child(0)->Open(ctx);
    has_left_ = false;
  }

 protected:
  bool DoNext(Row* row) override {
    for (;;) {
      if (!has_left_) {
        if (!child(0)->Next(&left_)) return false;
        has_left_ = true;
        matched_ = false;
        arg_->row = &left_;
        child(1)->Open(ctx_);
      }
      if (child(1)->Next(row)) {
        matched_ = true;
        return true;
      }
      if (!ctx_->ok()) return false;
      has_left_ = false;
      if (optional_ && !matched_) {
        *row = left_;
        for (int s : null_slots_) (*row)[static_cast<size_t>(s)] = Value();
        return true;
      }
    }
  }

 private:
  std::shared_ptr<ArgumentSource> arg_;
  bool optional_;
  std::vector<int> null_slots_;
  Row left_;
  bool has_left_ = false;
  bool matched_ = false;
};

class RowBound : public Operator {
 public:
  explicit RowBound(OperatorPtr input) : Operator("RowBound") { AddChild(std::move(input)); }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    n_ = 0;
  }

 protected:
  bool DoNext(Row* row) override {
    if (!child()->Next(row)) return false;
    if (++n_ > ctx_->options->max_rows) {
      return ctx_->Fail(Status::ResourceExhausted(
          "the query returns more than " + std::to_string(ctx_->options->max_rows) +
          " rows (its row bound); add a LIMIT, or raise the bound (QueryOptions::max_rows, --max-rows)"));
    }
    return true;
  }

 private:
  uint64_t n_ = 0;
};

}  // namespace

OperatorPtr MakeStart() { return std::make_unique<Start>(); }
OperatorPtr MakeArgument(std::shared_ptr<ArgumentSource> s) { return std::make_unique<Argument>(std::move(s)); }
OperatorPtr MakeFilter(OperatorPtr input, BoundExprPtr pred, std::string detail) {
  return std::make_unique<Filter>(std::move(input), std::move(pred), std::move(detail));
}
OperatorPtr MakeProject(OperatorPtr input, std::vector<ProjectItem> items, std::string detail) {
  return std::make_unique<Project>(std::move(input), std::move(items), std::move(detail));
}
OperatorPtr MakeOutput(OperatorPtr input, std::vector<int> slots) {
  return std::make_unique<Output>(std::move(input), std::move(slots));
}
OperatorPtr MakeSkipLimit(OperatorPtr input, BoundExprPtr skip, BoundExprPtr limit) {
  return std::make_unique<SkipLimit>(std::move(input), std::move(skip), std::move(limit));
}
OperatorPtr MakeUnion(std::vector<OperatorPtr> inputs) { return std::make_unique<Union>(std::move(inputs)); }
OperatorPtr MakeApply(OperatorPtr left, OperatorPtr right, std::shared_ptr<ArgumentSource> arg,
                      bool optional, std::vector<int> null_slots) {
  return std::make_unique<Apply>(std::move(left), std::move(right), std::move(arg), optional,
                                 std::move(null_slots));
}
OperatorPtr MakeRowBound(OperatorPtr input) { return std::make_unique<RowBound>(std::move(input)); }

}  // namespace newsgraph::query
