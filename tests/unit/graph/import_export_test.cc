// Import and export: the fixture in the shape of the peer benchmark's kg.nq
// loads exactly; exports read back into the same graph; the bulk and the batch
// paths build the same store; importing twice changes nothing.
#include <gtest/gtest.h>

#include "tests/unit/graph/store_test_util.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

using testing::FactInfo;
using testing::TempDir;

const std::string kE = "entity::http://kg.example.org/e/";
const std::string kA = "http://kg.example.org/a/";

const std::map<std::string, FactInfo>& FixtureFacts() {
  static const std::map<std::string, FactInfo> facts = {
      {kE + "person_0000001 | predicate::supports | " + kE + "person_0000000",
       {3, 3, "2020-01-01", "2022-07-15"}},
      {kE + "person_0000002 | predicate::visited | " + kE + "city_Benghazi",
       {2, 2, "2020-01-01", "2021-03-04"}},
      {kE + "org_0000001 | predicate::located_in | " + kE + "city_Benghazi",
       {1, 1, "2021-03-04", "2021-03-04"}},
      {kE + "person_0000000 | predicate::met_with | " + kE + "person_0000002",
       {1, 1, "2021-03-04", "2021-03-04"}},
      {kE + "person_0000003 | predicate::visited | " + kE + "city_Benghazi",
       {1, 1, "2022-07-15", "2022-07-15"}},
      {kE + "person_0000002 | predicate::member_of | " + kE + "org_0000001",
       {1, 1, "2022-07-15", "2022-07-15"}},
      {kE + "person_0000003 | predicate::attacked | " + kE + "city_Tripoli",
       {1, 1, "2020-01-01", "2020-01-01"}},
      {kE + "person_0000001 | predicate::holds_position | string:en:Minister of Defence",
       {1, 1, "2024-12-31", "2024-12-31"}},
      {kE + "city_Benghazi | predicate::population | integer::650629",
       {1, 1, "2024-12-31", "2024-12-31"}},
  };
  return facts;
}

const std::map<std::string, std::string>& FixtureDates() {
  static const std::map<std::string, std::string> dates = {{kA + "A00000000", "2021-03-04"},
                                                           {kA + "A00000001", "2022-07-15"},
                                                           {kA + "A00000002", "2020-01-01"},
                                                           {kA + "A00000003", "2024-12-31"}};
  return dates;
}

const std::map<std::string, std::string>& FixtureDescriptions() {
  static const std::map<std::string, std::string> d = {
      {"http://kg.example.org/e/person_0000000", "Person; ar=خليفة حفتر en=Khalifa Haftar;"}};
  return d;
}

ImportOptions WithBulk(ImportOptions::Bulk bulk, size_t batch_records = 100000) {
  ImportOptions o;
  o.bulk = bulk;
  o.batch_records = batch_records;
  return o;
}

class ImportExportTest : public ::testing::Test {
 protected:
  std::unique_ptr<Database> Load(const std::string& name, const std::string& file,
                                 const ImportOptions& options, ImportStats* stats = nullptr) {
    auto db = testing::OpenDb(dir_.Sub(name));
    if (!db) return nullptr;
    ImportStats local;
    Status s = db->Import(file, options, stats ? stats : &local);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return db;
  }

  std::string Save(const std::string& name, const std::string& text) {
    testing::WriteFile(dir_.Sub(name), text);
    return dir_.Sub(name);
  }

  TempDir dir_;
};

TEST_F(ImportExportTest, FixtureLoadsExactlyOnBothPaths) {
  for (auto bulk : {ImportOptions::Bulk::kAlways, ImportOptions::Bulk::kNever}) {
    SCOPED_TRACE(bulk == ImportOptions::Bulk::kAlways ? "bulk" : "batches");
    ImportStats st;
    auto db = Load(bulk == ImportOptions::Bulk::kAlways ? "bulk" : "batch",
                   testing::DataFile("tiny_kg.nq"), WithBulk(bulk, 3), &st);
    ASSERT_TRUE(db);
    EXPECT_EQ(st.lines, 22u);
    EXPECT_EQ(st.records, 12u);
    EXPECT_EQ(st.skipped, 0u);
    EXPECT_EQ(st.new_facts, 9u);
    EXPECT_EQ(st.new_mentions, 12u);
    EXPECT_EQ(st.new_entities, 7u);
    EXPECT_EQ(st.new_articles, 4u);
    EXPECT_EQ(st.bulk, bulk == ImportOptions::Bulk::kAlways);
    EXPECT_EQ(testing::Facts(db.get()), FixtureFacts());
    EXPECT_EQ(testing::ArticleDates(db.get()), FixtureDates());
    EXPECT_EQ(testing::Descriptions(db.get()), FixtureDescriptions());
    auto stats = db->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->facts, 9u);
    EXPECT_EQ(stats->mentions, 12u);
    EXPECT_EQ(stats->articles, 4u);
    EXPECT_EQ(stats->entities, 7u);
    ASSERT_EQ(stats->predicates.size(), 8u);
    EXPECT_EQ(stats->predicates[0].name, "visited");
    EXPECT_EQ(stats->predicates[0].facts, 2u);
    EXPECT_EQ(stats->predicates[0].mentions, 3u);
    EXPECT_EQ(stats->predicates[0].subjects, 2u);
    EXPECT_EQ(stats->predicates[0].objects, 1u);
    EXPECT_EQ(testing::CheckProblems(db.get()), std::vector<std::string>{});
  }
}

TEST_F(ImportExportTest, NQuadsAndJsonLinesRoundTripWithProvenance) {
  auto db = Load("src", testing::DataFile("tiny_kg.nq"), {});
  ASSERT_TRUE(db);
  const auto mentions = testing::MentionsByArticle(db.get());
  ASSERT_EQ(mentions.size(), 12u);
  for (auto [format, ext] :
       {std::pair{DataFormat::kNQuads, ".nq"}, std::pair{DataFormat::kJsonLines, ".jsonl"}}) {
    SCOPED_TRACE(ext);
    std::string file = Save(std::string("export") + ext, testing::Export(db.get(), format));
    for (auto bulk : {ImportOptions::Bulk::kAlways, ImportOptions::Bulk::kNever}) {
      auto copy =
          Load(std::string("copy") + ext + (bulk == ImportOptions::Bulk::kAlways ? "b" : "n"), file,
               WithBulk(bulk, 2));
      ASSERT_TRUE(copy);
      EXPECT_EQ(testing::Facts(copy.get()), FixtureFacts());
      EXPECT_EQ(testing::ArticleDates(copy.get()), FixtureDates());
      EXPECT_EQ(testing::MentionsByArticle(copy.get()), mentions);
      EXPECT_EQ(testing::Descriptions(copy.get()), FixtureDescriptions());
      EXPECT_EQ(testing::CheckProblems(copy.get()), std::vector<std::string>{});
      // A second generation exports the same quads: nothing drifts. (JSON
      // Lines describe an entity on its first line, which depends on ids.)
      if (format == DataFormat::kNQuads) {
        EXPECT_EQ(testing::Lines(testing::Export(copy.get(), format)),
                  testing::Lines(testing::ReadFile(file)));
      }
    }
  }
}

TEST_F(ImportExportTest, NTriplesRoundTripKeepsFactsAndNames) {
  auto db = Load("src", testing::DataFile("tiny_kg.nq"), {});
  ASSERT_TRUE(db);
  std::string file = Save("export.nt", testing::Export(db.get(), DataFormat::kNTriples));
  auto copy = Load("copy", file, {});
  ASSERT_TRUE(copy);
  // N-Triples carry no provenance: each fact comes back once, from the file.
  std::map<std::string, FactInfo> want;
  for (const auto& [fact, info] : FixtureFacts()) want[fact] = {1, 1, "", ""};
  EXPECT_EQ(testing::Facts(copy.get()), want);
  EXPECT_EQ(testing::ArticleDates(copy.get()),
            (std::map<std::string, std::string>{{"file://" + file, ""}}));
  EXPECT_EQ(testing::Descriptions(copy.get()), FixtureDescriptions());
  EXPECT_EQ(testing::CheckProblems(copy.get()), std::vector<std::string>{});
}

TEST_F(ImportExportTest, NQuadsExportIsExact) {
  std::string in = Save(
      "in.nq",
      "<http://e/x> <http://p/supports> <http://e/y> <http://a/1> .\n"
      "<http://e/x> <http://p/supports> \"36\"^^<http://www.w3.org/2001/XMLSchema#integer> "
      "<http://a/2> .\n"
      "<http://a/1> <http://p/date> \"2023-08-22\" .\n"
      "<http://e/x> <http://www.w3.org/2000/01/rdf-schema#label> \"X \\\"the\\\" one\"@en .\n");
  auto db = Load("db", in, {});
  ASSERT_TRUE(db);
  EXPECT_EQ(testing::Export(db.get(), DataFormat::kNQuads),
            "<http://e/x> <http://www.w3.org/2000/01/rdf-schema#label> \"X \\\"the\\\" one\"@en .\n"
            "<http://a/1> <https://newsgraph.org/p/date> "
            "\"2023-08-22\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
            "<http://e/x> <https://newsgraph.org/p/supports> <http://e/y> <http://a/1> .\n"
            "<http://e/x> <https://newsgraph.org/p/supports> "
            "\"36\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://a/2> .\n");
  EXPECT_EQ(
      testing::Export(db.get(), DataFormat::kCsv),
      "subject,subject_name,predicate,object,object_name,mentions,articles,first_seen,last_seen\n"
      "http://e/x,\"X \"\"the\"\" one\",supports,http://e/y,y,1,1,2023-08-22,2023-08-22\n"
      "http://e/x,\"X \"\"the\"\" one\",supports,36,36,1,1,,\n");
}

TEST_F(ImportExportTest, BulkAndBatchPathsBuildIdenticalStores) {
  const std::string fixture = testing::DataFile("tiny_kg.nq");
  auto bulk = Load("bulk", fixture, WithBulk(ImportOptions::Bulk::kAlways));
  auto batch = Load("batch", fixture, WithBulk(ImportOptions::Bulk::kNever, 1));
  ASSERT_TRUE(bulk && batch);
  for (DataFormat f :
       {DataFormat::kNQuads, DataFormat::kNTriples, DataFormat::kJsonLines, DataFormat::kCsv}) {
    EXPECT_EQ(testing::Export(bulk.get(), f), testing::Export(batch.get(), f));
  }
  auto a = bulk->Stats();
  auto b = batch->Stats();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->entities, b->entities);
  ASSERT_EQ(a->predicates.size(), b->predicates.size());
  for (size_t i = 0; i < a->predicates.size(); ++i) {
    EXPECT_EQ(a->predicates[i].name, b->predicates[i].name);
    EXPECT_EQ(a->predicates[i].facts, b->predicates[i].facts);
    EXPECT_EQ(a->predicates[i].mentions, b->predicates[i].mentions);
    EXPECT_EQ(a->predicates[i].subjects, b->predicates[i].subjects);
    EXPECT_EQ(a->predicates[i].objects, b->predicates[i].objects);
  }
}

TEST_F(ImportExportTest, EntitiesNamedWithoutFactsLoadOnBothPaths) {
  // An export of a store holding lexicon entities names them without facts;
  // both import paths must keep them.
  std::string in = Save(
      "in.nt",
      "<http://e/x> <http://p/supports> <http://e/y> .\n"
      "<http://e/libya> <http://www.w3.org/2000/01/rdf-schema#label> \"Libya\"@en .\n"
      "<http://e/libya> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://t/Country> .\n");
  auto bulk = Load("bulk", in, WithBulk(ImportOptions::Bulk::kAlways));
  auto batch = Load("batch", in, WithBulk(ImportOptions::Bulk::kNever));
  ASSERT_TRUE(bulk && batch);
  const std::map<std::string, std::string> want = {{"http://e/libya", "Country; en=Libya;"}};
  EXPECT_EQ(testing::Descriptions(bulk.get()), want);
  EXPECT_EQ(testing::Descriptions(batch.get()), want);
  EXPECT_EQ(testing::Export(bulk.get(), DataFormat::kNTriples),
            testing::Export(batch.get(), DataFormat::kNTriples));
  EXPECT_EQ(testing::CheckProblems(batch.get()), std::vector<std::string>{});
}

TEST_F(ImportExportTest, AFileOfNamesOnlyLoadsOnBothPaths) {
  std::string in =
      Save("names.nt",
           "<http://e/libya> <http://www.w3.org/2000/01/rdf-schema#label> \"Libya\"@en .\n"
           "<http://e/libya> <http://www.w3.org/2004/02/skos/core#altLabel> \"ليبيا\"@ar .\n");
  for (auto bulk : {ImportOptions::Bulk::kAlways, ImportOptions::Bulk::kNever}) {
    ImportStats st;
    auto db =
        Load(bulk == ImportOptions::Bulk::kAlways ? "bulk" : "batch", in, WithBulk(bulk), &st);
    ASSERT_TRUE(db);
    EXPECT_EQ(st.records, 0u);
    EXPECT_EQ(st.new_entities, 1u);
    EXPECT_EQ(testing::Descriptions(db.get()),
              (std::map<std::string, std::string>{{"http://e/libya", "; en=Libya; ar=ليبيا"}}));
    EXPECT_EQ(testing::CheckProblems(db.get()), std::vector<std::string>{});
  }
}

TEST_F(ImportExportTest, ReimportingTheSameFileChangesNothing) {
  const std::string fixture = testing::DataFile("tiny_kg.nq");
  auto db = Load("db", fixture, {});
  ASSERT_TRUE(db);
  const std::string before = testing::Export(db.get(), DataFormat::kNQuads);
  const std::string before_jsonl = testing::Export(db.get(), DataFormat::kJsonLines);
  for (auto bulk : {ImportOptions::Bulk::kAuto, ImportOptions::Bulk::kNever}) {
    ImportStats st;
    ASSERT_TRUE(db->Import(fixture, WithBulk(bulk, 5), &st).ok());
    EXPECT_FALSE(st.bulk);
    EXPECT_EQ(st.records, 12u);
    EXPECT_EQ(st.new_facts, 0u);
    EXPECT_EQ(st.new_mentions, 0u);
    EXPECT_EQ(st.new_entities, 0u);
    EXPECT_EQ(st.new_articles, 0u);
    EXPECT_EQ(testing::Export(db.get(), DataFormat::kNQuads), before);
    EXPECT_EQ(testing::Export(db.get(), DataFormat::kJsonLines), before_jsonl);
    EXPECT_EQ(testing::Facts(db.get()), FixtureFacts());
    EXPECT_EQ(testing::CheckProblems(db.get()), std::vector<std::string>{});
  }
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->mentions, 12u);
  EXPECT_EQ(stats->entities, 7u);
  // Its own export, imported back, is also nothing new.
  ImportStats st;
  ASSERT_TRUE(db->Import(Save("again.nq", before), {}, &st).ok());
  EXPECT_EQ(st.new_facts + st.new_mentions + st.new_entities + st.new_articles, 0u);
  EXPECT_EQ(testing::Export(db.get(), DataFormat::kNQuads), before);
}

TEST_F(ImportExportTest, BulkIntoANonEmptyStoreIsRefused) {
  const std::string fixture = testing::DataFile("tiny_kg.nq");
  auto db = Load("db", fixture, {});
  ASSERT_TRUE(db);
  Status s = db->Import(fixture, WithBulk(ImportOptions::Bulk::kAlways), nullptr);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_EQ(s.message(),
            "the bulk path needs an empty store (it writes sorted files that must not overlap "
            "existing facts); import without --bulk");
}

}  // namespace
}  // namespace newsgraph
