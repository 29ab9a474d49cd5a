// Bytes flipped in an SST file of a closed store (a bad disk, a stray dd):
// opening, reading or checking the store must detect the damage and name the
// file; nothing may serve data different from what was stored.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsgraph/database.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

std::string ExportAll(Database* db, Status* status) {
  std::ostringstream out;
  *status = db->Export(out, ExportOptions());
  return out.str();
}

// Builds a store whose data sits in SST files, returns its export.
std::string BuildStore(const std::string& dir, const std::string& input) {
  {
    std::ofstream out(input);
    for (int i = 0; i < 4000; ++i) {
      out << "<http://c/e/" << i % 300 << "> <http://c/p/p" << i % 7 << "> \"value " << i
          << "\" <http://c/a/" << i / 4 << "> .\n";
    }
  }
  auto db = Database::Open(Options(), dir);
  EXPECT_TRUE(db.ok());
  ImportOptions o;
  o.bulk = ImportOptions::Bulk::kNever;
  Status imported = (*db)->Import(input, o, nullptr);
  EXPECT_TRUE(imported.ok()) << imported.ToString();
  // Flush the memtables into SST files, where the damage will go.
  EXPECT_TRUE((*db)->Compact().ok());
  Status s;
  std::string all = ExportAll(db->get(), &s);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return all;
}

// Every SST file of the store, largest first.
std::vector<fs::path> SstFiles(const std::string& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".sst") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end(),
            [](const fs::path& a, const fs::path& b) { return fs::file_size(a) > fs::file_size(b); });
  return out;
}

void FlipBytes(const fs::path& file, uint64_t at, int n) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  for (int i = 0; i < n; ++i) {
    f.seekg(static_cast<std::streamoff>(at + i));
    char c = 0;
    f.get(c);
    f.seekp(static_cast<std::streamoff>(at + i));
    f.put(static_cast<char>(c ^ 0x5a));
  }
}

class CorruptSstTest : public ::testing::TestWithParam<double> {};

// The damage lands at a fraction of the largest file: its data blocks
// (early), or near its index and footer (late).
TEST_P(CorruptSstTest, DetectedAndNamed) {
  testing::TempDir dir;
  const std::string store = dir.Sub("db");
  const std::string original = BuildStore(store, dir.Sub("in.nq"));
  ASSERT_FALSE(original.empty());
  auto files = SstFiles(store);
  ASSERT_FALSE(files.empty());
  const fs::path victim = files.front();
  const uint64_t size = fs::file_size(victim);
  FlipBytes(victim, static_cast<uint64_t>(size * GetParam()), 8);
  const std::string name = victim.filename().string();

  bool detected = false;
  auto db = Database::Open(Options(), store);
  if (!db.ok()) {
    // Damage to the footer or the index is found on opening.
    EXPECT_NE(db.status().ToString().find(name), std::string::npos) << db.status().ToString();
    std::cout << "[ corrupt  ] open: " << db.status().ToString() << "\n";
    return;
  }
  auto check = (*db)->Check();
  if (!check.ok()) {
    EXPECT_NE(check.status().ToString().find(name), std::string::npos) << check.status().ToString();
    detected = true;
  } else {
    ASSERT_FALSE(check->problems.empty()) << "check did not notice the damage to " << name;
    EXPECT_NE(check->problems.front().find(name), std::string::npos) << check->problems.front();
    std::cout << "[ corrupt  ] check: " << check->problems.front() << "\n";
    detected = true;
  }
  EXPECT_TRUE(detected);
  // Reads never serve changed data: they fail, or they give what was stored
  // (when the damage lies where this read does not look).
  Status s;
  std::string now = ExportAll(db->get(), &s);
  if (s.ok()) {
    EXPECT_EQ(now, original) << "the damaged store served different data without an error";
  } else {
    EXPECT_NE(s.ToString().find("orrupt"), std::string::npos) << s.ToString();
  }
  auto q = (*db)->Query("MATCH (a)-[r]->(b) RETURN a, r, b");
  if (q.ok()) {
    Row row;
    while ((*q)->Next(&row)) {
    }
    Status qs = (*q)->status();
    if (!qs.ok()) {
      EXPECT_NE(qs.ToString().find("orrupt"), std::string::npos) << qs.ToString();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Offsets, CorruptSstTest, ::testing::Values(0.1, 0.5, 0.98));

}  // namespace
}  // namespace newsgraph
