// Database::Query and the result cursor: parse, plan against a snapshot, and
// pull rows from the operator tree.
#include <chrono>
#include <sstream>

#include "api/database_impl.h"
#include "graph/store/read_view.h"
#include "newsgraph/database.h"
#include "query/exec/eval.h"
#include "query/parser/parser.h"
#include "query/plan/catalog.h"
#include "query/plan/planner.h"

namespace newsgraph {

namespace {

class CursorImpl : public Cursor {
 public:
  CursorImpl(std::unique_ptr<graph::ReadView> view, query::CompiledQuery q, Params params,
             QueryOptions options, query::EngineCache* cache, uint64_t version)
      : view_(std::move(view)), q_(std::move(q)), params_(std::move(params)), options_(std::move(options)) {
    ctx_.view = view_.get();
    ctx_.options = &options_;
    ctx_.params = &params_;
    ctx_.terms = std::make_unique<query::TermCache>(view_.get(), cache, version);
    ctx_.cache = cache;
    ctx_.profile = q_.mode == query::Statement::Mode::kProfile;
    ctx_.row_width = q_.row_width;
    if (options_.timeout_ms > 0) {
      ctx_.has_deadline = true;
      ctx_.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.timeout_ms);
    }
    if (q_.mode != query::Statement::Mode::kExplain) q_.root->Open(&ctx_);
    plan_ = q_.root->Describe(false);
  }

  const std::vector<std::string>& columns() const override { return q_.columns; }

  bool Next(Row* row) override {
    if (done_ || q_.mode == query::Statement::Mode::kExplain) return false;
    if (!q_.root->Next(row)) {
      done_ = true;
      if (ctx_.profile) plan_ = q_.root->Describe(true);
      return false;
    }
    for (auto& v : *row) query::Materialise(&v, &ctx_);
    if (!ctx_.ok()) {
      done_ = true;
      return false;
    }
    return true;
  }

  Status status() const override { return ctx_.error; }
  const PlanNode& plan() const override { return plan_; }
  bool is_explain() const override { return q_.mode == query::Statement::Mode::kExplain; }
  bool is_profile() const override { return q_.mode == query::Statement::Mode::kProfile; }

  bool LookupNode(uint64_t id, NodeInfo* out) override {
    Status error;
    const graph::TermRecord* t = ctx_.terms->Get(id, &error);
    if (!t || t->kind != graph::TermKind::kEntity) return false;
    out->node.id = id;
    out->node.key = t->key;
    out->node.name = query::TermName(*t, &ctx_);
    out->node.type = t->type;
    out->labels = t->labels;
    return true;
  }

 private:
  std::unique_ptr<graph::ReadView> view_;
  query::CompiledQuery q_;
  Params params_;
  QueryOptions options_;
  query::ExecContext ctx_;
  PlanNode plan_;
  bool done_ = false;
};

Result<std::unique_ptr<Cursor>> Run(Database::Impl* db, const query::Statement& st, const std::string& text,
                                    const Params& params, const QueryOptions& options) {
  auto view = db->store->NewReadView();
  uint64_t version = view->Version();
  std::shared_ptr<const query::Catalog> catalog = db->cache.FindCatalog(version);
  if (!catalog) {
    catalog = std::make_shared<const query::Catalog>(*view);
    db->cache.SetCatalog(version, catalog);
  }
  NG_ASSIGN_OR_RETURN(query::CompiledQuery q, query::PlanStatement(st, text, *view, *catalog, options));
  return std::unique_ptr<Cursor>(
      new CursorImpl(std::move(view), std::move(q), params, options, &db->cache, version));
}

Result<std::shared_ptr<const query::Statement>> ParseCached(Database::Impl* db, const std::string& text) {
  if (auto st = db->cache.FindStatement(text)) return st;
  NG_ASSIGN_OR_RETURN(query::Statement st, query::Parse(text));
  auto shared = std::make_shared<const query::Statement>(std::move(st));
  db->cache.AddStatement(text, shared);
  return shared;
}

class PreparedImpl : public PreparedQuery {
 public:
  PreparedImpl(Database::Impl* db, std::string text, std::shared_ptr<const query::Statement> st)
      : db_(db), text_(std::move(text)), st_(std::move(st)) {}
  Result<std::unique_ptr<Cursor>> Execute(const Params& params, const QueryOptions& options) override {
    return Run(db_, *st_, text_, params, options);
  }
  const std::string& text() const override { return text_; }

 private:
  Database::Impl* db_;
  std::string text_;
  std::shared_ptr<const query::Statement> st_;
};

void Render(const PlanNode& n, bool profile, int depth, std::ostringstream* out) {
  *out << std::string(static_cast<size_t>(depth) * 2, ' ') << n.name;
  if (!n.detail.empty()) *out << "  " << n.detail;
  if (profile) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "  [rows=%llu, %.3f ms]", static_cast<unsigned long long>(n.rows), n.millis);
    *out << buf;
  }
  *out << "\n";
  for (const auto& c : n.children) Render(c, profile, depth + 1, out);
}

}  // namespace

std::string FormatPlan(const PlanNode& root, bool with_profile) {
  std::ostringstream out;
  Render(root, with_profile, 0, &out);
  return out.str();
}

Result<std::unique_ptr<Cursor>> Database::Query(const std::string& text, const Params& params,
                                                const QueryOptions& options) {
  NG_ASSIGN_OR_RETURN(std::shared_ptr<const query::Statement> st, ParseCached(impl_.get(), text));
  return Run(impl_.get(), *st, text, params, options);
}

Result<std::unique_ptr<PreparedQuery>> Database::Prepare(const std::string& text) {
  NG_ASSIGN_OR_RETURN(std::shared_ptr<const query::Statement> st, ParseCached(impl_.get(), text));
  return std::unique_ptr<PreparedQuery>(new PreparedImpl(impl_.get(), text, std::move(st)));
}

}  // namespace newsgraph
