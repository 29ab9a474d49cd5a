// A Cursor over rows held in memory: tables the shell builds itself
// (.schema, .stats) and query results a report writes more than once.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "newsgraph/query.h"

namespace newsgraph::cli {

class RowCursor : public Cursor {
 public:
  // `lookup` (may be null, must outlive this cursor) answers LookupNode: the
  // cursor the rows came from, so that graph formats find node labels.
  RowCursor(std::vector<std::string> columns, std::vector<Row> rows, Status status = Status::OK(),
            Cursor* lookup = nullptr)
      : columns_(std::move(columns)), rows_(std::move(rows)), status_(std::move(status)), lookup_(lookup) {}

  const std::vector<std::string>& columns() const override { return columns_; }
  bool Next(Row* row) override {
    if (next_ >= rows_.size()) return false;
    *row = rows_[next_++];
    return true;
  }
  Status status() const override { return next_ >= rows_.size() ? status_ : Status::OK(); }
  const PlanNode& plan() const override { return plan_; }
  bool is_explain() const override { return false; }
  bool is_profile() const override { return false; }
  bool LookupNode(uint64_t id, NodeInfo* out) override { return lookup_ && lookup_->LookupNode(id, out); }

  // Starts over, for writing the same rows again.
  void Rewind() { next_ = 0; }
  const std::vector<Row>& rows() const { return rows_; }

 private:
  std::vector<std::string> columns_;
  std::vector<Row> rows_;
  Status status_;
  Cursor* lookup_;
  PlanNode plan_;
  size_t next_ = 0;
};

}  // namespace newsgraph::cli
