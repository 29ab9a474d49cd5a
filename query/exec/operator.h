// The physical operators: a pull-based (Volcano) pipeline over rows.
//
// Every operator has an input (a Start operator yields one empty row), so a
// source such as a node lookup runs once per input row: that is how later
// clauses build on earlier bindings and how disconnected patterns multiply.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsgraph/query.h"
#include "query/exec/context.h"

namespace newsgraph::query {

class Operator {
 public:
  explicit Operator(std::string name) : name_(std::move(name)) {}
  virtual ~Operator() = default;

  // Prepares to produce rows; called again to start over.
  virtual void Open(ExecContext* ctx) {
    ctx_ = ctx;
    for (auto& c : children_) c->Open(ctx);
  }

  // The next row into *row (operators write their own slots and leave the
  // others as their input set them). False at the end, or on an error
  // recorded in the context.
  bool Next(Row* row);

  // One line of what this operator does, for EXPLAIN.
  virtual std::string Detail() const { return {}; }
  PlanNode Describe(bool profile) const;

  void AddChild(std::unique_ptr<Operator> c) { children_.push_back(std::move(c)); }
  Operator* child(size_t i = 0) const { return children_[i].get(); }
  size_t num_children() const { return children_.size(); }

 protected:
  virtual bool DoNext(Row* row) = 0;

  ExecContext* ctx_ = nullptr;
  std::vector<std::unique_ptr<Operator>> children_;

 private:
  std::string name_;
  uint64_t rows_ = 0;
  double inclusive_ms_ = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

}  // namespace newsgraph::query
