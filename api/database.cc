#include "newsgraph/database.h"

#include <algorithm>

#include "api/database_impl.h"
#include "graph/io/export.h"
#include "graph/io/import.h"
#include "graph/store/check.h"
#include "graph/store/forget.h"
#include "graph/store/read_view.h"
#include "graph/store/repair.h"

namespace newsgraph {

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const Options& options, const std::string& path) {
  auto impl = std::make_unique<Impl>();
  NG_ASSIGN_OR_RETURN(impl->store, graph::Store::Open(options, path));
  return std::unique_ptr<Database>(new Database(std::move(impl)));
}

const std::string& Database::path() const { return impl_->store->path(); }

Status Database::Import(const std::string& path, const ImportOptions& options, ImportStats* stats) {
  ImportStats local;
  return graph::ImportFile(impl_->store.get(), path, options, stats ? stats : &local);
}

Status Database::Export(std::ostream& out, const ExportOptions& options) {
  auto view = impl_->store->NewReadView();
  return graph::ExportStore(*view, out, options);
}

Result<StoreStats> Database::Stats() {
  auto view = impl_->store->NewReadView();
  graph::Counters c = view->GetCounters();
  StoreStats s;
  s.facts = c.facts;
  s.entities = c.entities;
  s.articles = c.articles;
  s.mentions = c.mentions;
  std::vector<std::pair<std::string, graph::TermId>> preds;
  NG_RETURN_IF_ERROR(view->ListPredicates(&preds));
  for (const auto& [name, id] : preds) {
    NG_ASSIGN_OR_RETURN(graph::PredicateStats ps, view->GetPredicateStats(id));
    if (ps.facts == 0) continue;
    s.predicates.push_back(PredicateCount{name, ps.facts, ps.mentions, ps.subjects, ps.objects});
  }
  std::sort(s.predicates.begin(), s.predicates.end(), [](const auto& a, const auto& b) {
    return a.facts != b.facts ? a.facts > b.facts : a.name < b.name;
  });
  s.disk_bytes = impl_->store->DiskSize();
  auto sizes = impl_->store->ColumnFamilySizes();
  for (size_t i = 0; i < sizes.size(); ++i) {
    s.column_families.emplace_back(graph::CfName(static_cast<graph::Cf>(i)), sizes[i]);
  }
  return s;
}

Result<ForgetStats> Database::Forget(const std::string& article_key) {
  std::lock_guard<std::mutex> lock(impl_->store->write_mutex());
  NG_ASSIGN_OR_RETURN(graph::ForgetResult r, graph::ForgetArticle(impl_->store.get(), article_key));
  return ForgetStats{r.mentions_removed, r.facts_removed};
}

Result<CheckResult> Database::Check(size_t max_problems) {
  auto view = impl_->store->NewReadView();
  graph::CheckReport r;
  NG_RETURN_IF_ERROR(graph::CheckStore(*view, &r, max_problems));
  CheckResult out;
  out.facts = r.facts;
  out.mentions = r.mentions;
  out.articles = r.articles;
  out.terms = r.terms;
  out.problems = std::move(r.problems);
  out.more_problems = r.more_problems;
  return out;
}

Result<std::string> Database::Repair() {
  std::lock_guard<std::mutex> lock(impl_->store->write_mutex());
  NG_ASSIGN_OR_RETURN(graph::RepairReport r, graph::RepairStore(impl_->store.get()));
  return std::to_string(r.facts) + " facts; " + std::to_string(r.index_entries_put) + " entries written, " +
         std::to_string(r.index_entries_deleted) + " removed, " + std::to_string(r.orphan_mentions) +
         " orphan mentions removed";
}

Status Database::Compact() { return impl_->store->CompactAll(); }

}  // namespace newsgraph
