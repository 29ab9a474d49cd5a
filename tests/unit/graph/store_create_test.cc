// A new store's column families are created after the database itself: a
// writer stopped in between leaves a RocksDB database without them, which the
// next writer completes.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "tests/unit/graph/store_test_util.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

using testing::TempDir;

TEST(StoreCreateTest, DatabaseWithoutColumnFamiliesIsCompletedByTheNextWriter) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(o, path, &raw).ok());
    delete raw;
  }
  Options read_only;
  read_only.read_only = true;
  auto reader = Database::Open(read_only, path);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().message(), path + " is a RocksDB database but not a newsgraph store");

  const std::string input = dir.Sub("in.nq");
  testing::WriteFile(input,
                     "<http://e/x> <http://p/supports> <http://e/y> <http://a/1> .\n"
                     "<http://e/y> <http://p/visited> <http://e/z> <http://a/2> .\n");
  {
    auto db = testing::OpenDb(path);
    ASSERT_TRUE(db);
    ImportStats stats;
    ASSERT_TRUE(db->Import(input, {}, &stats).ok());
    EXPECT_EQ(stats.new_facts, 2u);
  }
  auto db = testing::OpenDb(path, /*read_only=*/true);
  ASSERT_TRUE(db);
  EXPECT_EQ(testing::CheckProblems(*testing::StoreOf(db.get())), std::vector<std::string>{});
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts, 2u);
}

TEST(StoreCreateTest, NewStoreHasEveryColumnFamily) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  ASSERT_TRUE(testing::OpenDb(path));
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  std::vector<std::string> expected = {rocksdb::kDefaultColumnFamilyName};
  for (size_t i = 0; i < graph::kNumCf; ++i) expected.push_back(graph::CfName(static_cast<graph::Cf>(i)));
  EXPECT_EQ(names, expected);
}

}  // namespace
}  // namespace newsgraph
