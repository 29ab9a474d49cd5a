// CALL procedure(args) YIELD …: for each input row, the procedure's rows.
#include "query/exec/eval.h"
#include "query/exec/ops.h"
#include "query/exec/procedures.h"

namespace newsgraph::query {

namespace {

class Call : public Operator {
 public:
  Call(OperatorPtr input, const ProcedureSpec* spec, std::vector<BoundExprPtr> args,
       std::vector<std::pair<size_t, int>> yields)
      : Operator("ProcedureCall"), spec_(spec), args_(std::move(args)), yields_(std::move(yields)) {
    AddChild(std::move(input));
  }
  // PROFILE adds what the last call reported (graph snapshot, time, memory).
  std::string Detail() const override {
    return detail_.empty() ? spec_->signature : spec_->signature + "; " + detail_;
  }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    cursor_.reset();
  }

 protected:
  bool DoNext(Row* row) override {
    for (;;) {
      if (cursor_) {
        if (cursor_->Next(&out_)) {
          *row = input_;
          // The cursor refills out_ on every Next, so its values can move.
          for (const auto& [col, slot] : yields_) (*row)[static_cast<size_t>(slot)] = std::move(out_[col]);
          return true;
        }
        cursor_.reset();
        if (!ctx_->ok()) return false;
      }
      if (!child()->Next(&input_)) return false;
      std::vector<Value> args;
      for (const auto& a : args_) args.push_back(Eval(*a, input_, ctx_));
      if (!ctx_->ok()) return false;
      cursor_ = spec_->open(ctx_, args);
      if (!cursor_) return false;
      std::vector<bool> used(spec_->outputs.size(), false);
      for (const auto& y : yields_) {
        if (y.first < used.size()) used[y.first] = true;
      }
      cursor_->Yielding(used);
      if (std::string d = cursor_->Detail(); !d.empty()) detail_ = std::move(d);
    }
  }

 private:
  const ProcedureSpec* spec_;
  std::vector<BoundExprPtr> args_;
  std::vector<std::pair<size_t, int>> yields_;  // output column → slot
  Row input_;
  std::vector<Value> out_;
  std::unique_ptr<ProcedureCursor> cursor_;
  std::string detail_;
};

}  // namespace

OperatorPtr MakeCall(OperatorPtr input, const ProcedureSpec* spec, std::vector<BoundExprPtr> args,
                     std::vector<std::pair<size_t, int>> yields) {
  return std::make_unique<Call>(std::move(input), spec, std::move(args), std::move(yields));
}

}  // namespace newsgraph::query
