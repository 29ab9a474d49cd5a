// Reading predicates.json (DESIGN section 2).
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ingest/relate/relation_extractor.h"

namespace newsgraph::ingest {

Status LoadPredicates(const std::string& dir, std::vector<PredicateInfo>* out) {
  std::string path = (std::filesystem::path(dir) / "predicates.json").string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::OK();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  using Json = nlohmann::json;
  std::vector<PredicateInfo> preds;
  try {
    Json j = Json::parse(ss.str());
    const Json& list = j.at("predicates");
    for (const auto& p : list) {
      PredicateInfo info;
      info.name = p.at("name").get<std::string>();
      info.inverse = p.value("inverse", "");
      info.symmetric = p.value("symmetric", false);
      info.subject_types = p.value("subject_types", std::vector<std::string>{});
      info.object_types = p.value("object_types", std::vector<std::string>{});
      info.cameo = p.value("cameo", "");
      info.plover = p.value("plover", "");
      info.description = p.value("description", "");
      if (info.name.empty()) return Status::InvalidArgument(path + ": a predicate without a name");
      preds.push_back(std::move(info));
    }
  } catch (const Json::exception& e) {
    return Status::InvalidArgument(path + ": " + e.what());
  }
  *out = std::move(preds);
  return Status::OK();
}

}  // namespace newsgraph::ingest
