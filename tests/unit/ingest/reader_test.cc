#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "newsgraph/article.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Read {
  std::vector<Article> articles;
  std::vector<std::string> skipped;
  ReadStats stats;
};

Read ReadAll(const std::vector<std::string>& paths, const ReadOptions& options = {}) {
  Read r;
  Status s = ReadArticles(
      paths, options,
      [&](Article&& a) {
        r.articles.push_back(std::move(a));
        return Status::OK();
      },
      [&](const std::string& m) { r.skipped.push_back(m); }, &r.stats);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return r;
}

void Write(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
}

const std::string kSeed = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/ingest/data/000_d979f099bde64959.txt";

TEST(ingestReader, SeedPageSplitsIntoTwoArticles) {
  Read r = ReadAll({kSeed});
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.input, kSeed);
  EXPECT_EQ(a.part, 0);
  EXPECT_EQ(a.title, "نائب وزير الدفاع الروسي يصل إلى ليبيا بدعوة من حفتر (فيديو)");
  EXPECT_EQ(a.date, "2023-08-22");
  EXPECT_EQ(a.source, "الخليج الجديد");
  EXPECT_EQ(a.url, "https://www.facebook.com/ObservatoryLY/videos/187637037552120/");
  EXPECT_EQ(a.lang, "ar");
  EXPECT_THAT(a.keywords, ElementsAre("خليفة حفتر وزارة الدفاع الروسية فاجنر"));
  // Metadata, the URL and the "read also" headline are not body text.
  EXPECT_EQ(a.text.rfind("وصل نائب وزير الدفاع الروسي", 0), 0u);
  EXPECT_EQ(a.text.find("http"), std::string::npos);
  EXPECT_EQ(a.text.find("المصدر"), std::string::npos);
  EXPECT_EQ(a.text.find("كلمات دلالية"), std::string::npos);
  EXPECT_EQ(a.text.find("قائد فاجنر في خطاب"), std::string::npos);
  EXPECT_EQ(a.text.find("اقرأ أيضاً"), std::string::npos);
  EXPECT_NE(a.text.find("وتعد روسيا من أبرز داعمي خليفة حفتر"), std::string::npos);

  const Article& b = r.articles[1];
  EXPECT_EQ(b.part, 1);
  EXPECT_EQ(b.title, "الدفاع الروسية: تدمير واعتراض 36 مسيّرة أوكرانية فوق 4 مقاطعات");
  EXPECT_EQ(b.date, "");
  EXPECT_EQ(b.source, "الثورة نت");
  EXPECT_EQ(b.text.rfind("أفادت وزارة الدفاع الروسية", 0), 0u);
  EXPECT_NE(a.Key(), b.Key());
  EXPECT_EQ(a.Key().size(), 16u);
}

TEST(ingestReader, NoSplitKeepsOneArticle) {
  ReadOptions o;
  o.split_pages = false;
  EXPECT_EQ(ReadAll({kSeed}, o).articles.size(), 1u);
}

TEST(ingestReader, SaudiNewsNetShapedArray) {
  testing::TempDir dir;
  // Shape of SaudiNewsNet (Alhagri 2015, CC BY-NC-SA 4.0); text made up.
  Write(dir.Sub("day.json"),
        "[\n {\"source\": \"aawsat\", \"url\": \"http://a/1\", \"date_extracted\": \"2015-07-23 19:28:17\","
        " \"title\": \"عنوان أول\", \"author\": \"x\", \"content\": \"نص الخبر الأول.\"},\n"
        " {\"source\": \"okaz\", \"url\": \"http://a/2\", \"date_extracted\": \"2015-07-24 01:00:00\","
        " \"title\": \"عنوان ثان\", \"author\": \"\", \"content\": \"\"},\n"
        " {\"id\": 77, \"title\": \"Third\", \"content\": \"English text here.\"}\n]\n");
  Read r = ReadAll({dir.Sub("day.json")});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].input, dir.Sub("day.json") + ":0");
  EXPECT_EQ(r.articles[0].title, "عنوان أول");
  EXPECT_EQ(r.articles[0].text, "نص الخبر الأول.");
  EXPECT_EQ(r.articles[0].date, "2015-07-23");
  EXPECT_EQ(r.articles[0].source, "aawsat");
  EXPECT_EQ(r.articles[0].url, "http://a/1");
  EXPECT_EQ(r.articles[0].lang, "ar");
  EXPECT_EQ(r.articles[1].input, dir.Sub("day.json") + ":2");
  EXPECT_EQ(r.articles[1].id, "77");
  EXPECT_EQ(r.articles[1].lang, "en");
  EXPECT_THAT(r.skipped, ElementsAre(dir.Sub("day.json") + ":1: empty article (no text); skipped"));
}

TEST(ingestReader, JsonLinesWithFieldMap) {
  testing::TempDir dir;
  Write(dir.Sub("a.jsonl"),
        "{\"headline\":\"h1\",\"body\":\"b1\",\"published\":\"2020-01-02\"}\n\n"
        "{\"headline\":\"h2\",\"body\":\"b2\",\"uuid\":\"u-2\"}\n");
  ReadOptions o;
  o.fields.text = {"body"};
  Read r = ReadAll({dir.Sub("a.jsonl")}, o);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].input, dir.Sub("a.jsonl") + ":1");
  EXPECT_EQ(r.articles[0].title, "h1");
  EXPECT_EQ(r.articles[0].text, "b1");
  EXPECT_EQ(r.articles[0].date, "2020-01-02");
  EXPECT_EQ(r.articles[1].input, dir.Sub("a.jsonl") + ":3");
  EXPECT_EQ(r.articles[1].id, "u-2");
}

TEST(ingestReader, BrokenInputsAreReportedAndSkipped) {
  testing::TempDir dir;
  Write(dir.Sub("bad.jsonl"),
        "{\"title\":\"ok\",\"content\":\"fine\"}\n"
        "{\"title\":\"broken\",\"content\":\"no end}\n"
        "{\"title\":\"bad utf8\",\"content\":\"x\xC3\x28y\"}\n"
        "[1,2]\n");
  Write(dir.Sub("bin.txt"), std::string("\x7F" "ELF\0\0\0\x01\x02", 9));
  Write(dir.Sub("latin1.txt"), "Title\nBody caf\xE9 here\n");
  Read r = ReadAll({dir.Sub("bad.jsonl"), dir.Sub("bin.txt"), dir.Sub("latin1.txt"),
                    dir.Sub("missing.txt")});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "fine");
  ASSERT_EQ(r.skipped.size(), 6u);
  EXPECT_THAT(r.skipped[0], HasSubstr(dir.Sub("bad.jsonl") + ":2: malformed JSON at line 2"));
  EXPECT_EQ(r.skipped[1], dir.Sub("bad.jsonl") +
                              ":3: invalid UTF-8 at line 3, column 33 (byte 101); skipped");
  EXPECT_EQ(r.skipped[2], dir.Sub("bad.jsonl") +
                              ":4: record at line 4, column 1 (byte 107) is not a JSON object; skipped");
  EXPECT_THAT(r.skipped[3], HasSubstr(dir.Sub("bin.txt") + ": looks like a binary file"));
  EXPECT_EQ(r.skipped[4],
            dir.Sub("latin1.txt") + ": invalid UTF-8 at line 2, column 9 (byte 14); skipped");
  EXPECT_EQ(r.skipped[5], dir.Sub("missing.txt") + ": no such file or directory; skipped");
  EXPECT_EQ(r.stats.skipped, 6u);
}

TEST(ingestReader, HugeArticleIsSkipped) {
  testing::TempDir dir;
  Write(dir.Sub("big.jsonl"), "{\"title\":\"t\",\"content\":\"" + std::string(2000, 'a') + "\"}\n");
  ReadOptions o;
  o.max_article_bytes = 1000;
  Read r = ReadAll({dir.Sub("big.jsonl")}, o);
  EXPECT_TRUE(r.articles.empty());
  EXPECT_THAT(r.skipped, ElementsAre(dir.Sub("big.jsonl") +
                                     ":1: article of 2000 bytes is over the limit of 1000 bytes; skipped"));
}

TEST(ingestReader, DirectoriesAreReadRecursivelyInOrder) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.Sub("x/y"));
  Write(dir.Sub("x/y/b.txt"), "Second\nPublished: 2021-05-06\nBody two.\n");
  Write(dir.Sub("x/a.txt"), "First\nBody one.\n");
  Write(dir.Sub("x/ignored.csv"), "a,b\n");
  Read r = ReadAll({dir.Sub("x")});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "First");
  EXPECT_EQ(r.articles[1].title, "Second");
  EXPECT_EQ(r.articles[1].date, "2021-05-06");
  EXPECT_EQ(r.articles[1].text, "Body two.");
}

TEST(ingestReader, EnglishPageWithReadAlso) {
  std::vector<Article> a = ParseTextPage(
      "p.txt",
      "Minister visits Benghazi\nPublished: 22nd, August 2023 GMT\nThe minister arrived.\n"
      "Read also\nOther headline\nMore about the visit.\nSource: Example News\n",
      ReadOptions());
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].date, "2023-08-22");
  EXPECT_EQ(a[0].source, "Example News");
  EXPECT_EQ(a[0].text, "The minister arrived.\nMore about the visit.");
}

}  // namespace
}  // namespace newsgraph
