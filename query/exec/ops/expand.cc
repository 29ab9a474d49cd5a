// One relationship step from a bound node (Expand), or a check that a
// relationship joins two bound nodes (ExpandInto).
#include "query/exec/eval.h"
#include "query/exec/ops.h"

namespace newsgraph::query {

namespace {

class Expand : public Operator {
 public:
  Expand(OperatorPtr input, ExpandSpec spec)
      : Operator(spec.into ? "ExpandInto" : "Expand"), spec_(std::move(spec)) {
    AddChild(std::move(input));
    if (spec_.predicates.empty()) spec_.predicates.push_back(graph::kNoTerm);
  }
  std::string Detail() const override { return spec_.detail; }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    has_row_ = false;
  }

 protected:
  bool DoNext(Row* row) override {
    for (;;) {
      if (!has_row_) {
        if (!child()->Next(&input_)) return false;
        const Value& from = input_[static_cast<size_t>(spec_.from_slot)];
        if (from.type() != Value::Type::kNode) continue;  // null from OPTIONAL, or a literal
        from_ = from.AsNode().id;
        if (spec_.into) {
          const Value& to = input_[static_cast<size_t>(spec_.to_slot)];
          if (to.type() != Value::Type::kNode) continue;
          to_ = to.AsNode().id;
        }
        has_row_ = true;
        pred_ = 0;
        pass_ = 0;
        cursor_.reset();
      }
      graph::Triple t;
      if (NextTriple(&t)) {
        *row = input_;
        bool out = t.s == from_ && (pass_ == 0);
        graph::TermId other = out ? t.o : t.s;
        if (!spec_.into) {
          Node n;
          n.id = other;
          (*row)[static_cast<size_t>(spec_.to_slot)] = Value::FromNode(std::move(n));
        }
        if (spec_.rel_slot >= 0) {
          Relationship r;
          r.subject = t.s;
          r.predicate_id = t.p;
          r.object = t.o;
          (*row)[static_cast<size_t>(spec_.rel_slot)] = Value::FromRelationship(std::move(r));
        }
        return true;
      }
      if (!ctx_->ok()) return false;
      has_row_ = false;
    }
  }

 private:
  // Passes: 0 = outgoing, 1 = incoming (kBoth runs both; an undirected
  // self-loop is reported once).
  bool NextTriple(graph::Triple* t) {
    for (;;) {
      if (!ctx_->Tick()) return false;
      if (cursor_) {
        while (cursor_->Valid()) {
          *t = cursor_->triple();
          cursor_->Next();
          if (pass_ == 1 && spec_.direction == Direction::kBoth && t->s == t->o) continue;
          return true;
        }
        Status s = cursor_->status();
        if (!s.ok()) return ctx_->Fail(s);
        cursor_.reset();
        if (!Advance()) return false;
      }
      if (!OpenCursor()) return false;
    }
  }

  // Moves to the next (predicate, pass); false when all are done.
  bool Advance() {
    if (++pred_ < spec_.predicates.size()) return true;
    pred_ = 0;
    ++pass_;
    return true;
  }

  bool OpenCursor() {
    for (;;) {
      bool want_out = spec_.direction != Direction::kIn;
      bool want_in = spec_.direction != Direction::kOut;
      if (pass_ > 1) return false;
      if ((pass_ == 0 && !want_out) || (pass_ == 1 && !want_in)) {
        ++pass_;
        pred_ = 0;
        continue;
      }
      graph::TermId p = spec_.predicates[pred_];
      graph::Triple pattern;
      if (pass_ == 0) {
        pattern = {from_, p, spec_.into ? to_ : graph::kNoTerm};
      } else {
        pattern = {spec_.into ? to_ : graph::kNoTerm, p, from_};
      }
      cursor_ = ctx_->view->Scan(pattern);
      return true;
    }
  }

  ExpandSpec spec_;
  Row input_;
  bool has_row_ = false;
  graph::TermId from_ = 0, to_ = 0;
  size_t pred_ = 0;
  int pass_ = 0;
  std::unique_ptr<graph::TripleCursor> cursor_;
};

}  // namespace

OperatorPtr MakeExpand(OperatorPtr input, ExpandSpec spec) {
  return std::make_unique<Expand>(std::move(input), std::move(spec));
}

}  // namespace newsgraph::query
