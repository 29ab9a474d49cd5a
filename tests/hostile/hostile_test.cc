// Hostile input: each must end in a bounded, clear failure or a bounded
// result, never a hang, an exhausted stack or memory, or a crash. Labelled
// `unit`, so it also runs under ASan+UBSan.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <fstream>
#include <sstream>
#include <string>

#include "newsgraph/article.h"
#include "newsgraph/database.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif
#else
constexpr bool kAsan = false;
#endif

using ::testing::HasSubstr;
using namespace std::string_literals;

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Peak resident memory of this process, in MiB.
long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

class HostileQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(Options(), dir_.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }

  // The query's status once all its rows are read.
  Status Run(const std::string& text, const QueryOptions& o = {}, uint64_t* rows = nullptr,
             Row* last = nullptr) {
    auto c = db_->Query(text, {}, o);
    if (!c.ok()) return c.status();
    Row row;
    uint64_t n = 0;
    while ((*c)->Next(&row)) {
      ++n;
      if (last) *last = row;
    }
    if (rows) *rows = n;
    return (*c)->status();
  }

  void ExpectRejected(const std::string& text, const std::string& why) {
    Status s = Run(text);
    EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
    EXPECT_THAT(s.message(), HasSubstr(why));
    ++tried_;
  }

  // A complete directed graph on n entities, each edge stated by one article.
  void CompleteGraph(int n) {
    std::ofstream out(dir_.Sub("k.nq"));
    for (int a = 0; a < n; ++a) {
      for (int b = 0; b < n; ++b) {
        if (a != b) {
          out << "<http://h/e" << a << "> <http://h/p/knows> <http://h/e" << b << "> <http://h/a"
              << a << "-" << b << "> .\n";
        }
      }
    }
    out.close();
    Status s = db_->Import(dir_.Sub("k.nq"), ImportOptions(), nullptr);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
  int tried_ = 0;
};

TEST_F(HostileQueryTest, DeepNestingIsRefusedBeforeParsing) {
  ExpectRejected("RETURN " + Repeat("(", 10000) + "1" + Repeat(")", 10000), "nests brackets more than 100 deep");
  ExpectRejected("RETURN " + Repeat("[", 10000) + Repeat("]", 10000), "nests brackets more than 100 deep");
  ExpectRejected("RETURN " + Repeat("{a: ", 10000) + "1" + Repeat("}", 10000), "nests brackets");
  ExpectRejected("MATCH " + Repeat("(", 5000) + "n" + Repeat(")", 5000) + " RETURN n", "nests brackets");
  ExpectRejected("RETURN size(" + Repeat("[", 200) + Repeat("]", 200) + ")", "nests brackets");
  // Signs recurse in the grammar; spaced so that no two form a `--`.
  ExpectRejected("RETURN " + Repeat("- ", 100000) + "1", "signs in a row");
  ExpectRejected("RETURN " + Repeat("+ ", 100000) + "1", "signs in a row");
  ExpectRejected("RETURN " + Repeat("\xE2\x88\x92 ", 50000) + "1", "signs in a row");  // U+2212
  // Brackets inside strings and comments do not count; the query runs.
  uint64_t rows = 0;
  Status s = Run("RETURN '" + Repeat("(", 1000) + "' AS x /* " + Repeat("[", 1000) + " */", {}, &rows);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(rows, 1u);
  // A quote inside a comment does not hide brackets that follow it.
  ExpectRejected("RETURN 1 // it's\n, " + Repeat("(", 1000) + "1" + Repeat(")", 1000), "nests brackets");
}

TEST_F(HostileQueryTest, LongOperatorChainsAreBounded) {
  // Without the bound these grew quadratically in time and memory and then
  // overflowed the stack in the binder.
  ExpectRejected("RETURN " + Repeat("1 + ", 200000) + "1", "nests more than 500 operations deep");
  ExpectRejected("RETURN " + Repeat("NOT ", 200000) + "true", "nests more than 500");
  ExpectRejected("RETURN " + Repeat("true AND ", 100000) + "true", "nests more than 500");
  ExpectRejected("RETURN " + Repeat("1 = ", 100000) + "1", "nests more than 500");
  ExpectRejected("RETURN 'a'" + Repeat(" STARTS WITH 'a'", 50000), "nests more than 500");
  ExpectRejected("RETURN 'a'" + Repeat(" IS NULL", 50000), "nests more than 500");
  ExpectRejected("WITH {a: 1} AS m RETURN m" + Repeat(".a", 100000), "nests more than 500");
  ExpectRejected("WITH [1] AS l RETURN l" + Repeat("[0]", 100000), "nests more than 500");
  ExpectRejected("RETURN " + Repeat("toString(", 90) + "1" + Repeat(")", 90) + Repeat(" + 1", 450),
                 "nests more than 500");
  // Under the bound a long chain works, and gives the right answer.
  Row last;
  Status s = Run("RETURN " + Repeat("1 + ", 400) + "1 AS total", {}, nullptr, &last);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0].AsInt(), 401);
  s = Run("RETURN " + Repeat("10 - ", 300) + "1 AS x", {}, nullptr, &last);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(last[0].AsInt(), 10 - 299 * 10 - 1);  // left-associative
}

TEST_F(HostileQueryTest, HugeQueriesAreRefused) {
  ExpectRejected("RETURN '" + std::string(10 << 20, 'x') + "'", "longer than 1 MiB");
  ExpectRejected(std::string(10 << 20, ' ') + "RETURN 1", "longer than 1 MiB");
  // Just under the bound: a long list literal and a long string are fine.
  std::string list = "RETURN size([";
  for (int i = 0; i < 100000; ++i) list += (i ? "," : "") + std::to_string(i % 10);
  list += "]) AS n";
  Row last;
  Status s = Run(list, {}, nullptr, &last);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(last[0].AsInt(), 100000);
  s = Run("RETURN size('" + std::string(1000000, 'y') + "') AS n", {}, nullptr, &last);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(last[0].AsInt(), 1000000);
}

TEST_F(HostileQueryTest, ExplodingPathsHitABound) {
  CompleteGraph(24);  // 552 edges: paths of length k number 24·23^k
  QueryOptions o;
  o.timeout_ms = 3000;
  // With a path variable, enumeration stops at max_paths_per_start.
  Row last;
  Status s = Run("MATCH p = (a)-[*1..12]->(b) RETURN count(p)", o, nullptr, &last);
  EXPECT_TRUE(s.IsResourceExhausted()) << s.ToString() << " " << (last.empty() ? -1 : last[0].AsInt());
  // Without one, the rows or the time bound stops it.
  s = Run("MATCH (a)-[*1..12]->(b) RETURN a, b", o);
  EXPECT_TRUE(s.ok() || s.IsResourceExhausted()) << s.ToString();
  s = Run("MATCH (a)-[*1..12]->(b)-[*1..12]->(c) RETURN count(*)", o);
  EXPECT_TRUE(s.ok() || s.IsResourceExhausted()) << s.ToString();
  // Cartesian products of everything.
  s = Run("MATCH (a), (b), (c), (d), (e) RETURN count(*)", o);
  EXPECT_TRUE(s.ok() || s.IsResourceExhausted()) << s.ToString();
  s = Run("MATCH (a), (b), (c), (d), (e) RETURN a, b, c, d, e ORDER BY a.key", o);
  EXPECT_TRUE(s.IsResourceExhausted()) << s.ToString();
  // Hop bounds past the limit are refused outright.
  s = Run("MATCH (a)-[*1..100000]->(b) RETURN count(*)", o);
  EXPECT_FALSE(s.ok());
  s = Run("MATCH p = shortestPath((a)-[*]-(b)) RETURN count(p)", o);
  EXPECT_TRUE(s.ok() || s.IsResourceExhausted()) << s.ToString();
}

TEST_F(HostileQueryTest, CatastrophicRegexIsStopped) {
  // 2^40 ways to split the a's: stopped by the regex time bound.
  Status s = Run("RETURN '" + std::string(40, 'a') + "!' =~ '(a+)+$'");
  EXPECT_TRUE(s.IsResourceExhausted()) << s.ToString();
  EXPECT_THAT(s.message(), HasSubstr("takes too long"));
  // Others ICU may finish or stop; either way within the bound, never a hang.
  for (const char* pattern : {"(a|aa)*b", "(a*)*b", "(.*a){20}", "([a-z]+ ?)*$"}) {
    s = Run("RETURN '" + std::string(40, 'a') + "!' =~ '" + pattern + "'");
    EXPECT_TRUE(s.ok() || s.IsResourceExhausted()) << pattern << ": " << s.ToString();
    if (!s.ok()) EXPECT_THAT(s.message(), HasSubstr("takes too long"));
  }
  s = Run("RETURN 'x' =~ '(unclosed'");
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("bad regular expression"));
}

TEST_F(HostileQueryTest, NulAndOverlongUtf8InQueries) {
  // Overlong '/' (C0 AF), a lone continuation byte, a surrogate (ED A0 80).
  for (const std::string& bad : {std::string("\xC0\xAF"), std::string("\x80"), std::string("\xED\xA0\x80")}) {
    Status s = Run("RETURN 'a" + bad + "b'");
    EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
    EXPECT_THAT(s.message(), HasSubstr("invalid UTF-8 in the query (byte 9)"));
  }
  // A NUL byte is refused with its position too, in a string or not.
  Status s = Run("RETURN size('a\0b') AS n"s);
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_THAT(s.message(), HasSubstr("(byte 14)"));
  s = Run("RETURN 1\0"s);
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  // Parameters are not parsed: any bytes are data.
  auto c = db_->Query("RETURN $p AS v", {{"p", Value::String("\0\xC0\xAF"s)}});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Row row;
  EXPECT_TRUE((*c)->Next(&row));
}

// ---- Articles ---------------------------------------------------------------------------

struct Read {
  std::vector<Article> articles;
  std::vector<std::string> skipped;
  uint64_t count = 0;
  Status status;
};

Read ReadAll(const std::vector<std::string>& paths, bool keep = true, ReadOptions o = {}) {
  Read r;
  r.status = ReadArticles(
      paths, o,
      [&](Article&& a) {
        ++r.count;
        if (keep) r.articles.push_back(std::move(a));
        return Status::OK();
      },
      [&](const std::string& m) { r.skipped.push_back(m); }, nullptr);
  return r;
}

TEST(HostileArticles, HundredMegabyteSingleLineIsSkipped) {
  testing::TempDir dir;
  const std::string big(100 << 20, 'x');
  const std::string jsonl = dir.Sub("big.jsonl"), txt = dir.Sub("big.txt");
  {
    std::ofstream out(jsonl);
    out << "{\"title\": \"small\", \"content\": \"a small article before\"}\n";
    out << "{\"title\": \"huge\", \"content\": \"" << big << "\"}\n";
    out << "{\"title\": \"small\", \"content\": \"a small article after\"}\n";
  }
  {
    std::ofstream out(txt);
    out << "Title\n2024-01-01\n" << big << "\n";
  }
  const long before = PeakRssMb();
  Read r = ReadAll({jsonl, txt});
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.skipped.size(), 2u);
  EXPECT_THAT(r.skipped[0], HasSubstr(jsonl + ":2"));
  EXPECT_THAT(r.skipped[0], HasSubstr("over the limit"));
  EXPECT_THAT(r.skipped[1], HasSubstr(txt));
  // The file is read whole (it is under max_file_bytes), once: a few copies of
  // 100 MiB at most, not an explosion.
  // (ASan's quarantine keeps freed memory: no bound to check there.)
  if (!kAsan) EXPECT_LT(PeakRssMb() - before, 800) << "MiB more at the peak";
  // Over max_file_bytes the file is not even read.
  ReadOptions small;
  small.max_file_bytes = 10 << 20;
  Read r2 = ReadAll({txt}, true, small);
  ASSERT_EQ(r2.skipped.size(), 1u);
  EXPECT_THAT(r2.skipped[0], HasSubstr(txt));
}

TEST(HostileArticles, MillionTinyArticlesStreamInBoundedMemory) {
  testing::TempDir dir;
  const std::string path = dir.Sub("tiny.jsonl");
  // A fifth under ASan, where it is memory errors that are looked for.
  const int kTiny = kAsan ? 200000 : 1000000;
  {
    std::ofstream out(path);
    for (int i = 0; i < kTiny; ++i) out << "{\"title\":\"t" << i << "\",\"content\":\"x " << i << "\"}\n";
  }
  const long before = PeakRssMb();
  Read r = ReadAll({path}, false);
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.count, static_cast<uint64_t>(kTiny));
  EXPECT_TRUE(r.skipped.empty()) << r.skipped.front();
  // The file is about 35 MB; articles are handed over one at a time.
  if (!kAsan) EXPECT_LT(PeakRssMb() - before, 400) << "MiB more at the peak";
}

TEST(HostileArticles, ManyTinyArticlesIngestWithProgress) {
  testing::TempDir dir;
  const std::string path = dir.Sub("tiny.jsonl");
  constexpr int kTiny = 20000;
  {
    std::ofstream out(path);
    for (int i = 0; i < kTiny; ++i) {
      out << "{\"title\":\"t" << i << "\",\"content\":\"زار الرئيس المدينة " << i << ".\"}\n";
    }
  }
  auto db = Database::Open(Options(), dir.Sub("db"));
  ASSERT_TRUE(db.ok());
  IngestOptions o;
  o.threads = 2;
  o.batch_articles = 1000;
  int calls = 0;
  uint64_t last_done = 0;
  o.progress = [&](const Progress& p) {
    ++calls;
    EXPECT_GE(p.done, last_done);
    last_done = p.done;
    return true;
  };
  IngestStats stats;
  Status s = (*db)->Ingest(std::vector<std::string>{path}, o, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(stats.articles, static_cast<uint64_t>(kTiny));
  EXPECT_GE(calls, kTiny / 1000);
  EXPECT_EQ(last_done, static_cast<uint64_t>(kTiny));
  auto check = (*db)->Check();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok());
  EXPECT_EQ(check->articles, static_cast<uint64_t>(kTiny));
}

TEST(HostileArticles, NulBytesAndOverlongUtf8) {
  testing::TempDir dir;
  const std::string jsonl = dir.Sub("bad.jsonl");
  {
    std::ofstream out(jsonl, std::ios::binary);
    out << "{\"title\": \"escaped NUL\", \"content\": \"before\\u0000after\"}\n";
    out << "{\"title\": \"overlong\", \"content\": \"bad \xC0\xAF slash\"}\n";
    out << "{\"title\": \"surrogate\", \"content\": \"bad \xED\xA0\x80 text\"}\n";
    out << "{\"title\": \"good\", \"content\": \"a good article\"}\n";
  }
  // A raw NUL marks a file as binary: the whole file is skipped, named.
  const std::string nul_jsonl = dir.Sub("nul.jsonl");
  {
    std::ofstream out(nul_jsonl, std::ios::binary);
    out << "{\"title\": \"raw NUL\", \"content\": \"before" << std::string(1, '\0') << "after\"}\n";
  }
  const std::string txt = dir.Sub("overlong.txt");
  {
    std::ofstream out(txt, std::ios::binary);
    out << "Title\n2024-01-01\nSome text \xE0\x80\xAF more text\n";
  }
  const std::string nul_txt = dir.Sub("nul.txt");
  {
    std::ofstream out(nul_txt, std::ios::binary);
    out << "Title\n2024-01-01\nSome text " << std::string(1, '\0') << " more text\n";
  }
  Read r = ReadAll({jsonl, nul_jsonl, txt, nul_txt});
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  // Every article either comes out as valid UTF-8 without NUL, or is skipped
  // with its position.
  for (const Article& a : r.articles) {
    EXPECT_EQ(a.text.find('\0'), std::string::npos) << a.input;
    EXPECT_EQ(a.title.find('\0'), std::string::npos) << a.input;
  }
  std::string all;
  for (const auto& m : r.skipped) all += m + "\n";
  EXPECT_THAT(all, HasSubstr(jsonl + ":1: record at line 1, column 1 (byte 0) has a NUL character"));
  EXPECT_THAT(all, HasSubstr(jsonl + ":2"));  // overlong
  EXPECT_THAT(all, HasSubstr(jsonl + ":3"));  // surrogate
  EXPECT_THAT(all, HasSubstr(nul_jsonl + ": looks like a binary file"));
  EXPECT_THAT(all, HasSubstr(txt + ": invalid UTF-8 at line 3, column 11"));
  EXPECT_THAT(all, HasSubstr(nul_txt + ": looks like a binary file"));
  EXPECT_EQ(r.articles.size() + r.skipped.size(), 7u) << all;
  EXPECT_EQ(r.articles.size(), 1u) << all;
  // And the same through Ingest: stored or reported, never a crash.
  auto db = Database::Open(Options(), dir.Sub("db"));
  ASSERT_TRUE(db.ok());
  IngestOptions o;
  o.threads = 1;
  std::vector<std::string> skipped;
  o.skipped = [&](const std::string& m) { skipped.push_back(m); };
  IngestStats stats;
  Status s = (*db)->Ingest(std::vector<std::string>{jsonl, nul_jsonl, txt, nul_txt}, o, &stats);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(stats.articles + stats.failed, 7u);
  EXPECT_EQ(stats.articles, 1u);
  auto check = (*db)->Check();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok());
}

// ---- N-Triples / N-Quads / JSON Lines import ---------------------------------------------

TEST(HostileImport, NulAndOverlongUtf8AreReportedWithTheirLine) {
  testing::TempDir dir;
  struct Case {
    std::string name, line;
  };
  const std::vector<Case> cases = {
      {"nul-in-literal.nt", "<http://h/a> <http://h/p> \"x\0y\" .\n"s},
      {"nul-in-iri.nt", "<http://h/\0a> <http://h/p> \"x\" .\n"s},
      {"overlong-literal.nt", "<http://h/a> <http://h/p> \"x\xC0\xAFy\" .\n"},
      {"overlong-iri.nq", "<http://h/\xC0\xAF> <http://h/p> <http://h/b> <http://h/g> .\n"},
      {"surrogate.nt", "<http://h/a> <http://h/p> \"\xED\xA0\x80\" .\n"},
      {"nul.jsonl", "{\"subject\": \"a\0\", \"predicate\": \"p\", \"object\": \"b\", \"article\": \"x\"}\n"s},
      {"overlong.jsonl", "{\"subject\": \"a\xC0\xAF\", \"predicate\": \"p\", \"object\": \"b\", \"article\": \"x\"}\n"},
  };
  int i = 0;
  for (const Case& c : cases) {
    const std::string path = dir.Sub(c.name);
    {
      std::ofstream out(path, std::ios::binary);
      out << "<http://h/ok> <http://h/p> <http://h/ok2> .\n";
      if (c.name.ends_with(".jsonl")) {
        out.close();
        out.open(path, std::ios::binary);
        out << "{\"subject\": \"ok\", \"predicate\": \"p\", \"object\": \"ok2\", \"article\": \"x\"}\n";
      }
      out << c.line;
    }
    auto db = Database::Open(Options(), dir.Sub("db" + std::to_string(i++)));
    ASSERT_TRUE(db.ok());
    Status s = (*db)->Import(path, ImportOptions(), nullptr);
    // Failing or storing the bytes as they are are both bounded; what may not
    // happen is invalid UTF-8 reaching the store.
    if (!s.ok()) {
      EXPECT_THAT(s.ToString(), HasSubstr(path + ":2:")) << c.name << ": the error should name line 2";
    }
    ImportOptions lenient;
    lenient.lenient = true;
    ImportStats stats;
    s = (*db)->Import(path, lenient, &stats);
    EXPECT_TRUE(s.ok()) << c.name << ": " << s.ToString();
    auto check = (*db)->Check();
    ASSERT_TRUE(check.ok());
    EXPECT_TRUE(check->ok()) << c.name;
    std::ostringstream exported;
    EXPECT_TRUE((*db)->Export(exported, ExportOptions()).ok());
    EXPECT_EQ(exported.str().find("\xC0\xAF"), std::string::npos) << c.name;
    EXPECT_EQ(exported.str().find("\xED\xA0\x80"), std::string::npos) << c.name;
  }
}

}  // namespace
}  // namespace newsgraph
