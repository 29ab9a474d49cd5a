// Database::Ingest end to end: the seed's exact fact set with evidence,
// re-ingesting changes nothing, forget, and a folder of broken files in which
// every good article is stored and every bad one reported with its position.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "newsgraph/database.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

const std::string kData = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/ingest/data/";
const std::string kSeed = kData + "000_d979f099bde64959.txt";

struct Stored {
  std::set<std::string> facts;  // "subject predicate object"
};

// An end of an exported mention: a key after the entity's first line, the
// whole entity on its first, or a literal's value.
std::string End(const nlohmann::json& e) {
  if (e.is_string()) return e.get<std::string>();
  return e.contains("key") ? e["key"].get<std::string>() : e["value"].get<std::string>();
}

// Every fact of the store, through the JSON Lines export.
Stored Export(Database* db) {
  std::ostringstream out;
  ExportOptions opts;
  opts.format = DataFormat::kJsonLines;
  Status s = db->Export(out, opts);
  EXPECT_TRUE(s.ok()) << s.ToString();
  Stored r;
  std::istringstream in(out.str());
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    r.facts.insert(End(j["subject"]) + " " + j["predicate"].get<std::string>() + " " + End(j["object"]));
  }
  return r;
}

// Facts whose first evidence sentence is empty, and all facts, by query.
std::pair<int64_t, int64_t> FactsWithoutEvidence(Database* db) {
  auto c = db->Query("MATCH (a)-[r]->(b) RETURN sum(CASE WHEN size(evidence(r)[0].sentence) > 0 THEN 0 ELSE 1 END), count(*)");
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  Row row;
  if (!c.ok() || !(*c)->Next(&row)) return {-1, -1};
  return {row[0].AsInt(), row[1].AsInt()};
}

std::unique_ptr<Database> OpenStore(const std::string& dir) {
  auto db = Database::Open(Options{}, dir);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

IngestOptions Quiet(std::vector<std::string>* skipped = nullptr) {
  IngestOptions o;
  o.threads = 2;
  o.skipped = [skipped](const std::string& m) {
    if (skipped) skipped->push_back(m);
  };
  return o;
}

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

// The facts of the seed page (two articles): each is a `must` or `may` fact of
// its gold file; the list pins what the patterns and lexicon give today, so
// that a change to either shows up here.
const std::set<std::string> kSeedFacts = {
#include "tests/ingest/data/seed_facts.inc"
};

TEST(ingestStore, SeedEndToEndGivesTheExpectedFactsWithEvidence) {
  testing::TempDir dir;
  auto db = OpenStore(dir.Sub("db"));
  ASSERT_TRUE(db);
  IngestStats stats;
  Status s = db->Ingest(std::vector<std::string>{kSeed}, Quiet(), &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(stats.articles, 2u);
  EXPECT_EQ(stats.new_articles, 2u);
  EXPECT_EQ(stats.failed, 0u);
  Stored got = Export(db.get());
  std::string listing;
  for (const auto& f : got.facts) listing += "  \"" + f + "\",\n";
  EXPECT_EQ(got.facts, kSeedFacts) << "stored:\n" << listing;
  auto [without, all] = FactsWithoutEvidence(db.get());
  EXPECT_EQ(without, 0);
  EXPECT_EQ(all, static_cast<int64_t>(kSeedFacts.size()));

  // The evidence sentence of a fact is retrievable by query.
  auto c = db->Query(
      "MATCH ({name: \"Yevkurov\"})-[v:visited]->({name: \"Benghazi\"}) RETURN evidence(v)[0].sentence");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Row row;
  ASSERT_TRUE((*c)->Next(&row)) << (*c)->status().ToString();
  EXPECT_NE(row[0].AsString().find("بنغازي"), std::string::npos) << row[0].AsString();
}

// A JSON Lines export carries each mention's sentence, so a store loaded from
// it (which has no article texts) still answers evidence(r).
TEST(ingestStore, JsonLinesRoundTripKeepsEveryEvidenceSentence) {
  testing::TempDir dir;
  auto db = OpenStore(dir.Sub("db"));
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Ingest(std::vector<std::string>{kSeed}, Quiet(), nullptr).ok());
  std::ostringstream out;
  ExportOptions opts;
  opts.format = DataFormat::kJsonLines;
  ASSERT_TRUE(db->Export(out, opts).ok());
  WriteFile(dir.Sub("seed.jsonl"), out.str());

  auto copy = OpenStore(dir.Sub("copy"));
  ASSERT_TRUE(copy);
  ImportStats stats;
  Status s = copy->Import(dir.Sub("seed.jsonl"), ImportOptions{}, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Export(copy.get()).facts, kSeedFacts);
  auto [without, all] = FactsWithoutEvidence(copy.get());
  EXPECT_EQ(without, 0);
  EXPECT_EQ(all, static_cast<int64_t>(kSeedFacts.size()));
  const std::string q =
      "MATCH ({name: \"Yevkurov\"})-[v:visited]->({name: \"Benghazi\"}) RETURN evidence(v)[0].sentence";
  auto a = db->Query(q), b = copy->Query(q);
  ASSERT_TRUE(a.ok() && b.ok());
  Row ra, rb;
  ASSERT_TRUE((*a)->Next(&ra) && (*b)->Next(&rb));
  EXPECT_EQ(rb[0].AsString(), ra[0].AsString());
}

TEST(ingestStore, IngestingAgainChangesNothing) {
  testing::TempDir dir;
  auto db = OpenStore(dir.Sub("db"));
  ASSERT_TRUE(db);
  IngestStats first, second;
  ASSERT_TRUE(db->Ingest(std::vector<std::string>{kSeed}, Quiet(), &first).ok());
  auto before = db->Stats();
  ASSERT_TRUE(before.ok());
  Stored facts_before = Export(db.get());
  ASSERT_TRUE(db->Ingest(std::vector<std::string>{kSeed}, Quiet(), &second).ok());
  EXPECT_EQ(second.articles, first.articles);
  EXPECT_EQ(second.new_articles, 0u);
  EXPECT_EQ(second.unchanged, first.articles);
  EXPECT_EQ(second.new_facts, 0u);
  EXPECT_EQ(second.new_mentions, 0u);
  EXPECT_EQ(second.new_entities, 0u);
  auto after = db->Stats();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->facts, before->facts);
  EXPECT_EQ(after->entities, before->entities);
  EXPECT_EQ(after->articles, before->articles);
  EXPECT_EQ(after->mentions, before->mentions);
  EXPECT_EQ(Export(db.get()).facts, facts_before.facts);
}

TEST(ingestStore, ForgetRemovesAnArticleAndTheFactsOnlyItStates) {
  testing::TempDir dir;
  // A second article that repeats one fact of the seed and states one of its own.
  WriteFile(dir.Sub("other.jsonl"),
            R"({"title":"روسيا وحفتر","content":"وتعد روسيا من أبرز داعمي خليفة حفتر. وصل الدبيبة إلى القاهرة يوم الأحد.","date":"2024-03-05","lang":"ar"})"
            "\n");
  auto db = OpenStore(dir.Sub("db"));
  ASSERT_TRUE(db);
  IngestStats stats;
  ASSERT_TRUE(db->Ingest(std::vector<std::string>{kSeed, dir.Sub("other.jsonl")}, Quiet(), &stats).ok());
  ASSERT_EQ(stats.new_articles, 3u);
  auto all = Export(db.get()).facts;
  ASSERT_TRUE(all.count("russia supports khalifa-haftar"));
  ASSERT_TRUE(all.count("abdul-hamid-dbeibah visited cairo"));

  std::vector<std::string> keys;
  ASSERT_TRUE(ReadArticles({kSeed}, ReadOptions(),
                           [&](Article&& a) {
                             keys.push_back(a.Key());
                             return Status::OK();
                           },
                           nullptr, nullptr)
                  .ok());
  ASSERT_EQ(keys.size(), 2u);
  auto forgot = db->Forget(keys[0]);
  ASSERT_TRUE(forgot.ok()) << forgot.status().ToString();
  EXPECT_GT(forgot->mentions_removed, 0u);
  EXPECT_GT(forgot->facts_removed, 0u);
  auto left = Export(db.get()).facts;
  EXPECT_FALSE(left.count("yunus-bek-yevkurov visited benghazi"));
  EXPECT_TRUE(left.count("russia supports khalifa-haftar"));  // the other article says it too
  EXPECT_TRUE(left.count("abdul-hamid-dbeibah visited cairo"));
  auto st = db->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->articles, 2u);
  auto c = db->Query("MATCH (x)-[r:supports]->({name: \"Haftar\"}) RETURN r.articles");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Row row;
  ASSERT_TRUE((*c)->Next(&row));
  EXPECT_EQ(row[0].AsInt(), 1);

  auto again = db->Forget(keys[0]);
  EXPECT_TRUE(again.status().IsNotFound()) << again.status().ToString();
  // Forgotten, the article can be ingested anew.
  IngestStats back;
  ASSERT_TRUE(db->Ingest(std::vector<std::string>{kSeed}, Quiet(), &back).ok());
  EXPECT_EQ(back.new_articles, 1u);
  EXPECT_TRUE(Export(db.get()).facts.count("yunus-bek-yevkurov visited benghazi"));
}

TEST(ingestStore, FolderWithBrokenFilesIngestsEveryGoodArticle) {
  testing::TempDir dir;
  std::string in = dir.Sub("in");
  std::filesystem::create_directory(in);
  WriteFile(in + "/a_good.txt",
            "الدبيبة في القاهرة\n2024-03-05\nوصل رئيس الحكومة عبد الحميد الدبيبة إلى القاهرة يوم الأحد.\n");
  WriteFile(in + "/b_lines.jsonl",
            R"({"title":"Visit","content":"Dbeibah visited Rome on Tuesday.","lang":"en"})"
            "\n"
            R"({"title":"broken", "content": )"
            "\n"
            R"({"title":"Support","content":"Russia, Turkey and Egypt support Haftar.","lang":"en"})"
            "\n");
  WriteFile(in + "/c_bad_utf8.txt", "عنوان\n2024-03-05\nنص \xff\xfe مكسور\n");
  WriteFile(in + "/d_binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16) + "garbage");
  WriteFile(in + "/e_empty.txt", "");
  WriteFile(in + "/f_big.txt", "عنوان طويل\n2024-03-05\n" + std::string(5000, 'x') + "\n");
  WriteFile(in + "/g_ignored.bin", "not read: not an article extension");

  auto db = OpenStore(dir.Sub("db"));
  ASSERT_TRUE(db);
  std::vector<std::string> skipped;
  IngestOptions opts = Quiet(&skipped);
  opts.read.max_article_bytes = 2000;
  IngestStats stats;
  Status s = db->Ingest(std::vector<std::string>{in}, opts, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::string report;
  for (const auto& m : skipped) report += m + "\n";
  EXPECT_EQ(stats.new_articles, 3u) << report;
  EXPECT_EQ(stats.failed, skipped.size());

  auto has = [&](const std::string& file, const std::string& what) {
    for (const auto& m : skipped)
      if (m.find(file) != std::string::npos && m.find(what) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("b_lines.jsonl:2", "JSON")) << report;
  EXPECT_TRUE(has("c_bad_utf8.txt", "invalid UTF-8 at line 3")) << report;
  EXPECT_TRUE(has("d_binary.txt", "binary")) << report;
  EXPECT_TRUE(has("e_empty.txt", "empty")) << report;
  EXPECT_TRUE(has("f_big.txt", "2000")) << report;
  EXPECT_EQ(skipped.size(), 5u) << report;

  auto facts = Export(db.get()).facts;
  EXPECT_TRUE(facts.count("abdul-hamid-dbeibah visited cairo"));
  EXPECT_TRUE(facts.count("abdul-hamid-dbeibah visited rome"));
  EXPECT_TRUE(facts.count("egypt supports khalifa-haftar"));
  EXPECT_TRUE(facts.count("russia supports khalifa-haftar"));
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_TRUE(check->ok());
}

TEST(ingestStore, NegatedFactsAreStoredOnlyWhenAsked) {
  testing::TempDir dir;
  WriteFile(dir.Sub("neg.jsonl"),
            R"({"title":"t","content":"لم يزر الرئيس المصري عبد الفتاح السيسي ليبيا منذ سنوات.","lang":"ar"})"
            "\n");
  for (bool keep : {false, true}) {
    auto db = OpenStore(dir.Sub(keep ? "db_keep" : "db_drop"));
    ASSERT_TRUE(db);
    IngestOptions opts = Quiet();
    opts.store_negated = keep;
    IngestStats stats;
    ASSERT_TRUE(db->Ingest(std::vector<std::string>{dir.Sub("neg.jsonl")}, opts, &stats).ok());
    auto facts = Export(db.get()).facts;
    EXPECT_EQ(facts.count("abdel-fattah-el-sisi visited libya"), keep ? 1u : 0u);
    EXPECT_EQ(facts.count("abdel-fattah-el-sisi affiliated_with egypt"), 1u);
  }
}

}  // namespace
}  // namespace newsgraph
