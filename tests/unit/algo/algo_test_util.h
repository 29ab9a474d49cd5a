// Helpers for the algorithm and export tests: a store made from JSON Lines
// in a temporary directory, queries as rows of text, and external commands.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/database.h"
#include "newsgraph/format.h"
#include "tests/util/temp_dir.h"

namespace newsgraph::testing {

using TextRows = std::vector<std::vector<std::string>>;

inline void WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs a shell command; its exit code, with stdout (and stderr) in *output.
inline int RunCommand(const std::string& command, std::string* output = nullptr) {
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return -1;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  if (output) *output = out;
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

inline bool HaveCommand(const std::string& check) { return RunCommand(check + " >/dev/null") == 0; }

// A store in a temporary directory, filled from JSON Lines.
class AlgoStore {
 public:
  explicit AlgoStore(const std::string& jsonl) {
    Options o;
    o.write_buffer_bytes = 4 << 20;
    o.block_cache_bytes = 8 << 20;
    auto db = Database::Open(o, dir_.Sub("db"));
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    if (!db.ok()) return;
    db_ = std::move(db).value();
    if (!jsonl.empty()) Import(jsonl);
  }

  void Import(const std::string& jsonl, const std::string& name = "facts.jsonl") {
    WriteText(dir_.Sub(name), jsonl);
    ImportStats stats;
    Status s = db_->Import(dir_.Sub(name), {}, &stats);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  // The rows of `query` as text (Value::ToString); an error fails the test.
  TextRows Rows(const std::string& query, const QueryOptions& options = {}) {
    TextRows out;
    auto c = db_->Query(query, {}, options);
    EXPECT_TRUE(c.ok()) << query << "\n" << c.status().ToString();
    if (!c.ok()) return out;
    Row row;
    while ((*c)->Next(&row)) {
      std::vector<std::string> r;
      for (const auto& v : row) r.push_back(v.ToString());
      out.push_back(std::move(r));
    }
    EXPECT_TRUE((*c)->status().ok()) << query << "\n" << (*c)->status().ToString();
    return out;
  }

  // The error of a query that must fail (while planning or running).
  Status Error(const std::string& query, const QueryOptions& options = {}) {
    auto c = db_->Query(query, {}, options);
    if (!c.ok()) return c.status();
    Row row;
    while ((*c)->Next(&row)) {
    }
    return (*c)->status();
  }

  // The query's result in `format`.
  std::string Write(const std::string& query, OutputFormat format, Status* status = nullptr) {
    std::ostringstream out;
    auto c = db_->Query(query);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) return "";
    Status s = WriteRows(c->get(), format, out);
    if (status) *status = s;
    else EXPECT_TRUE(s.ok()) << s.ToString();
    return out.str();
  }

  // The PROFILE plan of `query`, after running it.
  std::string Profile(const std::string& query) {
    auto c = db_->Query("PROFILE " + query);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) return "";
    Row row;
    while ((*c)->Next(&row)) {
    }
    EXPECT_TRUE((*c)->status().ok()) << (*c)->status().ToString();
    return FormatPlan((*c)->plan(), false);
  }

  Database* db() { return db_.get(); }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

// The small graph most tests use (labels in English and Arabic):
//
//   a →supports→ b (2 articles) →supports→ c →supports→ a   (a cycle)
//   c →met_with→ d                                          (a tail)
//   e →visited→ f                                           (apart)
//   g →supports→ g                                          (a self-loop, apart)
inline const char* kSmallGraph = R"(
{"subject": {"key": "a", "type": "Person", "labels": {"en": "Alpha", "ar": "ألفا"}}, "predicate": "supports", "object": {"key": "b", "type": "Person", "labels": {"en": "Bravo", "ar": "برافو"}}, "article": "art1", "date": "2024-01-01"}
{"subject": "a", "predicate": "supports", "object": "b", "article": "art2", "date": "2024-01-02"}
{"subject": "b", "predicate": "supports", "object": {"key": "c", "type": "Organization", "labels": {"en": "Charlie"}}, "article": "art3", "date": "2024-01-03"}
{"subject": "c", "predicate": "supports", "object": "a", "article": "art4", "date": "2024-02-01"}
{"subject": "c", "predicate": "met_with", "object": {"key": "d", "type": "Organization", "labels": {"en": "Delta \"D\" & co <x>"}}, "article": "art5", "date": "2024-02-02"}
{"subject": {"key": "e", "type": "Person", "labels": {"en": "Echo"}}, "predicate": "visited", "object": {"key": "f", "type": "City", "labels": {"en": "Foxtrot", "ar": "فوكستروت"}}, "article": "art6", "date": "2024-03-01"}
{"subject": {"key": "g", "type": "Group", "labels": {"en": "Golf"}}, "predicate": "supports", "object": "g", "article": "art7", "date": "2024-03-02"}
)";

}  // namespace newsgraph::testing
