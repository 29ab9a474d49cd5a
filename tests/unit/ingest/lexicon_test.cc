// The lexicon data: every file loads, keys are unique, and every key that
// an entry refers to (country, affiliations, relations, roles, title orgs)
// exists in some entity file.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ingest/lexicon/lexicon.h"
#include "tests/util/temp_dir.h"

namespace newsgraph::ingest {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kLexicon = std::string(NEWSGRAPH_SOURCE_DIR) + "/lexicon";

std::vector<std::string> Jsonl(const std::string& sub) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kLexicon + "/" + sub)) {
    if (e.path().extension() == ".jsonl") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ingestLexiconData, KeysAreUniqueAndReferencesResolve) {
  std::map<std::string, std::string> keys;  // key → file
  std::vector<std::pair<std::string, std::string>> refs;  // (where, key)
  std::set<std::string> types = {"Person", "Organization", "Country", "City", "Region",
                                 "Facility", "Group", "Event", "Other"};
  for (const auto& path : Jsonl("entities")) {
    std::ifstream in(path);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      std::string where = fs::path(path).filename().string() + ":" + std::to_string(n);
      Json e;
      ASSERT_NO_THROW(e = Json::parse(line)) << where;
      std::string key = e.value("key", "");
      ASSERT_FALSE(key.empty()) << where;
      EXPECT_TRUE(types.count(e.value("type", ""))) << where << ": type " << e.value("type", "");
      auto [it, inserted] = keys.emplace(key, where);
      EXPECT_TRUE(inserted) << where << ": key " << key << " also at " << it->second;
      if (e.contains("country")) refs.emplace_back(where + " country", e["country"]);
      for (const auto& a : e.value("affiliations", Json::array())) refs.emplace_back(where + " affiliation", a["key"]);
      for (const auto& r : e.value("relations", Json::array())) refs.emplace_back(where + " relation", r["o"]);
      for (const auto& r : e.value("roles", Json::array())) {
        if (r.contains("org")) refs.emplace_back(where + " role", r["org"]);
      }
    }
  }
  for (const auto& path : Jsonl("titles")) {
    std::ifstream in(path);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      Json t = Json::parse(line);
      if (t.contains("org")) refs.emplace_back(fs::path(path).filename().string() + ":" + std::to_string(n) + " org", t["org"]);
    }
  }
  EXPECT_GT(keys.size(), 30000u);
  size_t missing = 0;
  for (const auto& [where, key] : refs) {
    if (!keys.count(key)) {
      ++missing;
      ADD_FAILURE() << where << " refers to \"" << key << "\", which no entity file defines";
      if (missing > 20) break;
    }
  }
}

TEST(ingestLexiconData, GeneratedFilesStaySmall) {
  for (const auto& path : Jsonl("entities")) {
    if (fs::path(path).filename().string().rfind("petrarch_", 0) != 0) continue;
    EXPECT_LT(fs::file_size(path), 1000000u) << path;  // no file of the repository passes 1 MB
  }
}

TEST(ingestLexiconData, ImportedPeopleDoNotStartWithARoleWord) {
  // gen/import_petrarch.py strips رئيس، وزير… from Arabic person entries
  // (رئيس أفغاني is no name): a person whose Arabic name starts with one
  // would make every mention of the role a mention of that person.
  const std::set<std::string> roles = {"رئيس", "وزير", "وزيرة", "سفير", "شيخ", "ملك",
                                       "جنرال", "نائب", "مسؤول", "عاهل", "قائد"};
  for (const auto& path : Jsonl("entities")) {
    if (fs::path(path).filename().string().rfind("petrarch_people", 0) != 0) continue;
    std::ifstream in(path);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      Json e = Json::parse(line);
      std::vector<std::string> names;
      if (e["labels"].contains("ar")) names.push_back(e["labels"]["ar"]);
      if (e.contains("aliases") && e["aliases"].contains("ar")) {
        for (const auto& a : e["aliases"]["ar"]) names.push_back(a);
      }
      for (const auto& name : names) {
        EXPECT_FALSE(roles.count(name.substr(0, name.find(' '))))
            << fs::path(path).filename().string() << ":" << n << ": " << name;
      }
    }
  }
}

TEST(ingestLexicon, BuiltinLoadsAndIndexesNames) {
  // Load time is measured by bench/ingest/bench_extract, not asserted here.
  auto lex = Lexicon::Load({kLexicon});
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_GE((*lex)->FindEntity("khalifa-haftar"), 0);
  EXPECT_GE((*lex)->FindEntity("benghazi"), 0);
  EXPECT_TRUE((*lex)->vocab().Known("حفتر"));
  EXPECT_TRUE((*lex)->vocab().Has((*lex)->vocab().Find("في"), kStopWord));
  EXPECT_GT((*lex)->titles().size(), 100u);
}

TEST(ingestLexicon, UserFolderAddsAndReplaces) {
  testing::TempDir dir;
  fs::create_directories(dir.Sub("entities"));
  std::ofstream(dir.Sub("entities/mine.jsonl"))
      << "{\"key\":\"khalifa-haftar\",\"type\":\"Person\",\"labels\":{\"en\":\"K. H.\"}}\n"
      << "{\"key\":\"new-one\",\"type\":\"Organization\",\"labels\":{\"ar\":\"منظمة جديدة\"}}\n";
  auto lex = Lexicon::Load({kLexicon, dir.path()});
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  int32_t h = (*lex)->FindEntity("khalifa-haftar");
  EXPECT_EQ((*lex)->entities()[h].label_en, "K. H.");
  EXPECT_GE((*lex)->FindEntity("new-one"), 0);
}

TEST(ingestLexicon, ErrorsNameFileAndLine) {
  testing::TempDir dir;
  fs::create_directories(dir.Sub("entities"));
  std::ofstream(dir.Sub("entities/bad.jsonl"))
      << "{\"key\":\"a\",\"type\":\"Person\"}\n{\"key\":\"b\",\"type\":\"Wizard\"}\n";
  auto lex = Lexicon::Load({dir.path()});
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().ToString(), "Invalid argument: " + dir.Sub("entities/bad.jsonl") +
                                         ":2: entity \"b\" has unknown type \"Wizard\"");
  auto missing = Lexicon::Load({dir.Sub("nope")});
  EXPECT_TRUE(missing.status().IsNotFound());
}

}  // namespace
}  // namespace newsgraph::ingest
