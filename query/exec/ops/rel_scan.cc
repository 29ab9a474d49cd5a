// Every relationship of some predicates (pos order) or of all (spo order,
// which carries the fact summaries), binding both ends.
#include "graph/store/records.h"
#include "query/exec/eval.h"
#include "query/exec/ops.h"

namespace newsgraph::query {

namespace {

class RelScan : public Operator {
 public:
  RelScan(OperatorPtr input, RelScanSpec spec) : Operator("RelationshipScan"), spec_(std::move(spec)) {
    AddChild(std::move(input));
    if (spec_.predicates.empty()) spec_.predicates.push_back(graph::kNoTerm);
  }
  std::string Detail() const override { return spec_.detail; }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    has_row_ = false;
    pending_reverse_ = false;
  }

 protected:
  bool DoNext(Row* row) override {
    for (;;) {
      if (pending_reverse_) {
        // The same fact seen from its other end (undirected patterns).
        pending_reverse_ = false;
        Emit(row, last_, /*reverse=*/true);
        return true;
      }
      if (!has_row_) {
        if (!child()->Next(&input_)) return false;
        has_row_ = true;
        pred_ = 0;
        cursor_ = ctx_->view->Scan({graph::kNoTerm, spec_.predicates[0], graph::kNoTerm});
      }
      while (cursor_) {
        if (cursor_->Valid()) {
          if (!ctx_->Tick()) return false;
          last_ = cursor_->triple();
          summary_ok_ = cursor_->order() == graph::IndexOrder::kSpo &&
                        graph::DecodeSummary(cursor_->value(), &summary_);
          cursor_->Next();
          bool reverse = spec_.direction == Direction::kIn;
          Emit(row, last_, reverse);
          if (spec_.direction == Direction::kBoth && last_.s != last_.o) pending_reverse_ = true;
          return true;
        }
        Status s = cursor_->status();
        if (!s.ok()) return ctx_->Fail(s);
        cursor_.reset();
        if (++pred_ < spec_.predicates.size()) {
          cursor_ = ctx_->view->Scan({graph::kNoTerm, spec_.predicates[pred_], graph::kNoTerm});
        }
      }
      has_row_ = false;
    }
  }

 private:
  void Emit(Row* row, const graph::Triple& t, bool reverse) {
    *row = input_;
    Node a, b;
    a.id = reverse ? t.o : t.s;
    b.id = reverse ? t.s : t.o;
    (*row)[static_cast<size_t>(spec_.start_slot)] = Value::FromNode(std::move(a));
    (*row)[static_cast<size_t>(spec_.end_slot)] = Value::FromNode(std::move(b));
    if (spec_.rel_slot >= 0) {
      Relationship r;
      r.subject = t.s;
      r.predicate_id = t.p;
      r.object = t.o;
      if (summary_ok_) {
        r.mentions = summary_.mentions;
        r.articles = summary_.articles;
        r.first_day = summary_.first_day;
        r.last_day = summary_.last_day;
        r.has_summary = true;
      }
      (*row)[static_cast<size_t>(spec_.rel_slot)] = Value::FromRelationship(std::move(r));
    }
  }

  RelScanSpec spec_;
  Row input_;
  bool has_row_ = false;
  size_t pred_ = 0;
  std::unique_ptr<graph::TripleCursor> cursor_;
  graph::Triple last_;
  graph::FactSummary summary_;
  bool summary_ok_ = false;
  bool pending_reverse_ = false;
};

}  // namespace

OperatorPtr MakeRelScan(OperatorPtr input, RelScanSpec spec) {
  return std::make_unique<RelScan>(std::move(input), std::move(spec));
}

}  // namespace newsgraph::query
