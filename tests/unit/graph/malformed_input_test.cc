// Malformed input: each error names the file, line and column; --lenient
// skips bad lines and imports the rest; the strict default writes nothing.
#include <gtest/gtest.h>

#include "tests/unit/graph/store_test_util.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

using testing::TempDir;

const std::string kGood = "<http://e/a> <http://p/b> <http://e/c> .\n";  // 41 bytes
const std::string kGoodQuad = "<http://e/a> <http://p/b> <http://e/c> <http://a/1> .\n";
const std::string kGoodJson = R"({"subject":"a","predicate":"b","object":"c","article":"x"})"
                              "\n";

struct Case {
  const char* name;
  const char* ext;
  std::string good;     // line 1
  std::string bad;      // line 2
  std::string message;  // after "FILE:"
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::vector<Case> Cases() {
  return {
      {"unterminated_iri", ".nt", kGood, "<http://e/a> <http://p/b> <http://e/c",
       "2:27: unterminated IRI: expected '>'"},
      {"space_in_iri", ".nt", kGood, "<http://e/a> <http://p/b> <http://e/c d> .",
       "2:38: character not allowed in an IRI"},
      {"relative_iri", ".nt", kGood, "<http://e/a> <b> <http://e/c> .",
       "2:14: relative IRI <b> (an absolute IRI has a scheme)"},
      {"bad_escape", ".nt", kGood, "<http://e/a> <http://p/b> \"x\\qy\" .",
       "2:29: unknown escape \\q"},
      {"bad_unicode_escape", ".nt", kGood, "<http://e/a> <http://p/b> \"\\uD800\" .",
       "2:28: escape is not a Unicode scalar value"},
      {"missing_dot_nt", ".nt", kGood, "<http://e/a> <http://p/b> <http://e/c>",
       "2:39: expected '.' to end the statement"},
      {"missing_dot_nq", ".nq", kGoodQuad, "<http://e/a> <http://p/b> <http://e/c> <http://a/1>",
       "2:52: expected '.' to end the statement"},
      {"missing_dot_and_graph_nq", ".nq", kGoodQuad, "<http://e/a> <http://p/b> <http://e/c>",
       "2:39: expected '.' to end the statement"},
      {"text_after_dot", ".nt", kGood, "<http://e/a> <http://p/b> <http://e/c> . x",
       "2:42: unexpected text after '.'"},
      {"graph_term_in_nt", ".nt", kGood, "<http://e/a> <http://p/b> <http://e/c> <http://g/1> .",
       "2:40: expected '.' to end the triple (a graph name needs N-Quads)"},
      {"literal_subject", ".nt", kGood, "\"a\" <http://p/b> <http://e/c> .",
       "2:1: expected a subject (an IRI <…> or a blank node _:x)"},
      {"invalid_utf8", ".nt", kGood, "<http://e/a> <http://p/b> \"حفتر\xff\" .",
       "2:32: invalid UTF-8 (byte 76 of the file)"},
      {"nul_byte", ".nt", kGood, std::string("<http://e/a> <http://p/b> \"a\0b\" .", 33),
       "2:29: NUL byte (is this a binary file?)"},
      {"bad_integer", ".nt", kGood,
       "<http://e/a> <http://p/b> \"3x\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
       "2:1: \"3x\" is not a valid integer"},
      {"bad_json", ".jsonl", kGoodJson,
       R"({"subject":"a","predicate":"b","object":"c","article":})",
       "2:55: invalid JSON: parse error at line 1, column 55: syntax error while parsing value - "
       "unexpected '}'; expected '[', '{', or a literal"},
      {"json_not_object", ".jsonl", kGoodJson, "[1, 2]", "2:1: a line must hold one JSON object"},
      {"json_missing_predicate", ".jsonl", kGoodJson,
       R"({"subject":"a","object":"c","article":"x"})", "2:1: missing field \"predicate\""},
      {"json_missing_article", ".jsonl", kGoodJson,
       R"({"subject":"a","predicate":"b","object":"c"})",
       "2:1: missing field \"article\" (every fact needs a source)"},
      {"json_bad_date", ".jsonl", kGoodJson,
       R"({"subject":"a","predicate":"b","object":"c","article":"x","date":"2023-02-30"})",
       "2:1: \"date\" must be YYYY-MM-DD, got \"2023-02-30\""},
      {"nq_bad_article_date", ".nq", kGoodQuad,
       "<http://a/1> <http://p/date> \"2023-02-30\"^^<http://www.w3.org/2001/XMLSchema#date> .",
       "2:1: \"2023-02-30\" is not a valid date"},
      {"nq_bad_date_object", ".nq", kGoodQuad,
       "<http://e/a> <http://p/born> \"2023-13-01\"^^<http://www.w3.org/2001/XMLSchema#date> "
       "<http://a/1> .",
       "2:1: \"2023-13-01\" is not a valid date"},
  };
}

class MalformedTest : public ::testing::TestWithParam<Case> {
 protected:
  TempDir dir_;
};

TEST_P(MalformedTest, StrictFailsWithLocationAndWritesNothing) {
  const Case& c = GetParam();
  const std::string path = dir_.Sub(std::string("in") + c.ext);
  testing::WriteFile(path, c.good + c.bad + "\n" + c.good);
  for (auto bulk : {ImportOptions::Bulk::kAuto, ImportOptions::Bulk::kNever}) {
    auto db = testing::OpenDb(dir_.Sub(bulk == ImportOptions::Bulk::kAuto ? "auto" : "never"));
    ASSERT_TRUE(db);
    ImportOptions o;
    o.bulk = bulk;
    o.batch_records = 1;  // even one-record batches: the bad line stops the import before any
    Status s = db->Import(path, o, nullptr);
    EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
    EXPECT_EQ(s.message(), path + ":" + c.message);
    auto stats = db->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->facts, 0u);
    EXPECT_EQ(stats->mentions, 0u);
    EXPECT_EQ(stats->articles, 0u);
    EXPECT_EQ(stats->entities, 0u);
    EXPECT_EQ(testing::Export(db.get(), DataFormat::kNQuads), "");
  }
}

TEST_P(MalformedTest, LenientSkipsTheLineAndImportsTheRest) {
  const Case& c = GetParam();
  const std::string path = dir_.Sub(std::string("in") + c.ext);
  testing::WriteFile(path, c.good + c.bad + "\n" + c.good);
  auto db = testing::OpenDb(dir_.Sub("db"));
  ASSERT_TRUE(db);
  ImportOptions o;
  o.lenient = true;
  ImportStats st;
  ASSERT_TRUE(db->Import(path, o, &st).ok());
  EXPECT_EQ(st.lines, 3u);
  EXPECT_EQ(st.skipped, 1u);
  EXPECT_EQ(st.records, 2u);
  EXPECT_EQ(st.first_error, path + ":" + c.message);
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts, 1u);
  EXPECT_EQ(stats->mentions, 1u);
  EXPECT_EQ(testing::CheckProblems(db.get()), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Inputs, MalformedTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) { return std::string(info.param.name); });

class LenientTest : public ::testing::Test {
 protected:
  TempDir dir_;
};

TEST_F(LenientTest, CountsEverySkippedLineAndReportsTheFirst) {
  const std::string path = dir_.Sub("in.nt");
  testing::WriteFile(path,
                     "<http://e/a> <http://p/b> <http://e/c> .\n"
                     "<http://e/a> <b> <http://e/c> .\n"
                     "\n"
                     "# a comment\n"
                     "<http://e/a> <http://p/b> <http://e/d> .\n"
                     "<http://e/a> <http://p/b> \"x\\qy\" .\n"
                     "<http://e/a> <http://p/b> <http://e/e> .\n");
  auto db = testing::OpenDb(dir_.Sub("db"));
  ASSERT_TRUE(db);
  ImportOptions o;
  o.lenient = true;
  ImportStats st;
  ASSERT_TRUE(db->Import(path, o, &st).ok());
  EXPECT_EQ(st.lines, 7u);
  EXPECT_EQ(st.skipped, 2u);
  EXPECT_EQ(st.records, 3u);
  EXPECT_EQ(st.new_facts, 3u);
  EXPECT_EQ(st.first_error, path + ":2:14: relative IRI <b> (an absolute IRI has a scheme)");
  EXPECT_EQ(testing::Facts(db.get()).size(), 3u);
}

TEST_F(LenientTest, SkippedLinesLeaveNoTermsOnEitherPath) {
  // The subject and predicate of the bad line are read before its object
  // fails; neither path may store them.
  const std::string path = dir_.Sub("in.jsonl");
  testing::WriteFile(
      path,
      R"({"subject":"a","predicate":"b","object":"c","article":"x"})"
      "\n"
      R"({"subject":"orphan","predicate":"p","object":{"value":"q","datatype":"integer"},"article":"y"})"
      "\n");
  for (auto bulk : {ImportOptions::Bulk::kAlways, ImportOptions::Bulk::kNever}) {
    auto db = testing::OpenDb(dir_.Sub(bulk == ImportOptions::Bulk::kAlways ? "bulk" : "batch"));
    ASSERT_TRUE(db);
    ImportOptions o;
    o.lenient = true;
    o.bulk = bulk;
    ImportStats st;
    ASSERT_TRUE(db->Import(path, o, &st).ok());
    EXPECT_EQ(st.first_error, path + ":2:1: \"q\" is not a valid integer");
    EXPECT_EQ(st.new_entities, 2u);
    auto stats = db->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->entities, 2u);
    EXPECT_EQ(stats->articles, 1u);
    auto check = db->Check();
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(check->terms, 3u) << "a, b, c only";
    EXPECT_EQ(check->problems, std::vector<std::string>{});
  }
}

// A file this large is parsed in two halves on two threads: an error in the
// second half is still named by its line in the whole file, and the first
// error in file order is the one reported.
TEST_F(LenientTest, ErrorsInTheSecondHalfOfALargeFileKeepTheirLine) {
  const std::string path = dir_.Sub("big.nq");
  const size_t lines = 320000;  // about 18 MB: past the size that splits the parse
  const size_t bad_line = 250000;
  std::string text;
  text.reserve(lines * 64);
  for (size_t i = 1; i <= lines; ++i) {
    std::string n = std::to_string(i % 5000);
    if (i == bad_line) {
      text += "<http://e/a" + n + "> <http://p/b> <http://e/c d> <http://a/" + n + "> .\n";
    } else if (i == bad_line + 10) {
      text += "<http://e/a" + n + "> <b> <http://e/c> <http://a/" + n + "> .\n";
    } else {
      text += "<http://e/a" + n + "> <http://p/b> <http://e/c" + n + "> <http://a/" + n + "> .\n";
    }
  }
  ASSERT_GT(text.size(), size_t{16} << 20);
  testing::WriteFile(path, text);
  const std::string first = path + ":250000:39: character not allowed in an IRI";

  auto strict = testing::OpenDb(dir_.Sub("strict"));
  ASSERT_TRUE(strict);
  Status s = strict->Import(path, {}, nullptr);
  EXPECT_EQ(s.message(), first);
  auto stats = strict->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->facts, 0u);

  auto lenient = testing::OpenDb(dir_.Sub("lenient"));
  ASSERT_TRUE(lenient);
  ImportOptions o;
  o.lenient = true;
  ImportStats st;
  ASSERT_TRUE(lenient->Import(path, o, &st).ok());
  EXPECT_TRUE(st.bulk);
  EXPECT_EQ(st.lines, lines);
  EXPECT_EQ(st.skipped, 2u);
  EXPECT_EQ(st.records, lines - 2);
  EXPECT_EQ(st.first_error, first);
}

TEST_F(LenientTest, UnknownFormatAndMissingFile) {
  auto db = testing::OpenDb(dir_.Sub("db"));
  ASSERT_TRUE(db);
  testing::WriteFile(dir_.Sub("in.txt"), "x");
  EXPECT_EQ(db->Import(dir_.Sub("in.txt"), {}, nullptr).message(),
            "cannot tell the format of " + dir_.Sub("in.txt") +
                " from its name; use --format nt|nq|jsonl");
  EXPECT_EQ(db->Import(dir_.Sub("none.nt"), {}, nullptr).message(),
            "cannot open " + dir_.Sub("none.nt") + ": No such file or directory");
}

}  // namespace
}  // namespace newsgraph
