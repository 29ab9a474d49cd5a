#include "ingest/lexicon/vocabulary.h"

namespace newsgraph::ingest {

uint32_t Vocabulary::Intern(std::string_view form) {
  auto it = ids_.find(form);
  if (it != ids_.end()) return it->second;
  auto id = static_cast<uint32_t>(forms_.size());
  forms_.emplace_back(form);
  classes_.push_back(0);
  ids_.emplace(std::string(form), id);
  return id;
}

}  // namespace newsgraph::ingest
