// Candidate nodes for a pattern node: every entity, or those found by name
// (any alias, folded), by key or by id.
#include "graph/store/key_codec.h"
#include "graph/store/records.h"
#include "query/exec/eval.h"
#include "query/exec/ops.h"
#include "text/fold.h"

namespace newsgraph::query {

namespace {

class NodeSource : public Operator {
 public:
  NodeSource(OperatorPtr input, NodeSourceSpec spec) : Operator(Name(spec.mode)), spec_(std::move(spec)) {
    AddChild(std::move(input));
  }
  std::string Detail() const override { return spec_.detail; }
  void Open(ExecContext* ctx) override {
    Operator::Open(ctx);
    has_row_ = false;
    cursor_.reset();
  }

 protected:
  bool DoNext(Row* row) override {
    for (;;) {
      if (!has_row_) {
        if (!child()->Next(&input_)) return false;
        has_row_ = true;
        if (!Start()) return false;
      }
      graph::TermId id;
      if (NextCandidate(&id)) {
        *row = input_;
        Node n;
        n.id = id;
        (*row)[static_cast<size_t>(spec_.slot)] = Value::FromNode(std::move(n));
        return true;
      }
      if (!ctx_->ok()) return false;
      has_row_ = false;
    }
  }

 private:
  static std::string Name(NodeSourceSpec::Mode m) {
    switch (m) {
      case NodeSourceSpec::Mode::kAll: return "AllNodesScan";
      case NodeSourceSpec::Mode::kByName: return "NodeByName";
      case NodeSourceSpec::Mode::kByKey: return "NodeByKey";
      case NodeSourceSpec::Mode::kById: return "NodeById";
    }
    return "NodeSource";
  }

  bool Start() {
    ids_.clear();
    next_ = 0;
    if (spec_.mode == NodeSourceSpec::Mode::kAll) {
      cursor_ = ctx_->view->Cursor(graph::Cf::kTerms);
      return true;
    }
    Value v = Eval(*spec_.value, input_, ctx_);
    if (!ctx_->ok()) return false;
    if (v.is_null()) return true;
    if (spec_.mode == NodeSourceSpec::Mode::kById) {
      if (v.type() == Value::Type::kInt && v.AsInt() > 0) ids_.push_back(static_cast<graph::TermId>(v.AsInt()));
      return true;
    }
    if (v.type() == Value::Type::kList) {
      for (const auto& x : v.AsList()) Lookup(x);
    } else {
      Lookup(v);
    }
    std::sort(ids_.begin(), ids_.end());
    ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
    return ctx_->ok();
  }

  void Lookup(const Value& v) {
    if (v.type() != Value::Type::kString) return;
    if (spec_.mode == NodeSourceSpec::Mode::kByKey) {
      auto id = ctx_->view->FindTerm(graph::TermKind::kEntity, v.AsString());
      if (!id.ok()) {
        ctx_->Fail(id.status());
        return;
      }
      if (id->has_value()) ids_.push_back(**id);
      return;
    }
    Status s = ctx_->view->FindAlias(text::Fold(v.AsString()), &ids_);
    if (!s.ok()) ctx_->Fail(s);
  }

  bool NextCandidate(graph::TermId* id) {
    if (spec_.mode != NodeSourceSpec::Mode::kAll) {
      if (next_ >= ids_.size()) return false;
      *id = ids_[next_++];
      return true;
    }
    while (cursor_->Valid()) {
      if (!ctx_->Tick()) return false;
      std::string_view v = cursor_->value();
      bool entity = v.size() > 1 && v[1] == static_cast<char>(graph::TermKind::kEntity);
      uint64_t x = 0;
      bool ok = graph::DecodeIdKey(cursor_->key(), &x);
      cursor_->Next();
      if (entity && ok) {
        *id = x;
        return true;
      }
    }
    Status s = cursor_->status();
    if (!s.ok()) ctx_->Fail(s);
    return false;
  }

  NodeSourceSpec spec_;
  Row input_;
  bool has_row_ = false;
  std::vector<graph::TermId> ids_;
  size_t next_ = 0;
  std::unique_ptr<graph::KeyCursor> cursor_;
};

}  // namespace

OperatorPtr MakeNodeSource(OperatorPtr input, NodeSourceSpec spec) {
  return std::make_unique<NodeSource>(std::move(input), std::move(spec));
}

}  // namespace newsgraph::query
