// Names for interactive completion. The alias index holds matching forms
// only, so each hit is turned back into the labels and aliases of its entity
// as they were written.
#include <algorithm>
#include <set>

#include "api/database_impl.h"
#include "graph/store/read_view.h"
#include "newsgraph/database.h"
#include "text/fold.h"

namespace newsgraph {

Result<std::vector<std::string>> Database::CompleteEntityNames(const std::string& prefix, size_t limit) {
  auto view = impl_->store->NewReadView();
  // Fold() trims; a trailing space still narrows the prefix ("Khalifa ").
  std::string folded = text::Fold(prefix);
  if (!prefix.empty() && prefix.back() == ' ' && !folded.empty()) folded += ' ';
  std::vector<std::pair<std::string, graph::TermId>> hits;
  // Several entities share some aliases, and several aliases of one entity
  // share a prefix: read more than asked for.
  NG_RETURN_IF_ERROR(view->FindAliasPrefix(folded, limit * 4 + 16, &hits));
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::set<graph::TermId> done;
  for (const auto& [alias, id] : hits) {
    if (out.size() >= limit) break;
    if (!done.insert(id).second) continue;
    auto term = view->GetTerm(id);
    if (!term.ok()) return term.status();
    std::vector<std::string> names;
    for (const auto& [lang, label] : term->labels) names.push_back(label);
    for (const auto& [lang, list] : term->aliases) names.insert(names.end(), list.begin(), list.end());
    for (const std::string& name : names) {
      if (out.size() >= limit) break;
      if (!text::Fold(name).starts_with(folded)) continue;
      if (seen.insert(name).second) out.push_back(name);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const std::string& a, const std::string& b) { return text::Fold(a) < text::Fold(b); });
  return out;
}

Result<std::vector<std::string>> Database::RelationshipTypes() {
  auto view = impl_->store->NewReadView();
  std::vector<std::pair<std::string, graph::TermId>> preds;
  NG_RETURN_IF_ERROR(view->ListPredicates(&preds));
  std::set<std::string> names;
  for (const auto& [name, id] : preds) {
    names.insert(name);
    auto term = view->GetTerm(id);
    if (!term.ok()) return term.status();
    auto it = term->props.find("inverse");
    if (it != term->props.end() && !it->second.empty()) names.insert(it->second);
  }
  return std::vector<std::string>(names.begin(), names.end());
}

}  // namespace newsgraph
