#include <set>
#include <string>

#include <gtest/gtest.h>

#include "ingest/normalise/clitics.h"
#include "ingest/normalise/normaliser.h"
#include "ingest/normalise/segmenter.h"

namespace newsgraph::ingest {
namespace {

// Words are given and checked in their folded form.
struct Known {
  std::set<std::string> words;
  bool operator()(std::string_view w) const { return words.count(std::string(w)) > 0; }
};

std::string Stem(const std::string& word, const Known& known) {
  CliticSplit s = SplitClitics(word, known);
  return s.split() ? StemForm(word, s) : word;
}

TEST(ingestClitics, PrefixesSplitOnlyBeforeKnownStems) {
  Known k{{"بنغازي", "المدن", "حفتر", "البرتغال", "لبنان", "روسيا", "الحكومه", "حكومه"}};
  EXPECT_EQ(Stem("ببنغازي", k), "بنغازي");   // preposition
  EXPECT_EQ(Stem("والمدن", k), "المدن");     // conjunction before the article
  EXPECT_EQ(Stem("لحفتر", k), "حفتر");
  EXPECT_EQ(Stem("وروسيا", k), "روسيا");
  EXPECT_EQ(Stem("للبرتغال", k), "البرتغال");  // ل + (ا)ل
  EXPECT_EQ(Stem("وللبرتغال", k), "البرتغال");
  EXPECT_EQ(Stem("للبنان", k), "لبنان");       // ل + لبنان, no article
  EXPECT_EQ(Stem("بالحكومه", k), "الحكومه");
  EXPECT_EQ(Stem("ومدريد", k), "ومدريد");      // unknown stem: left whole
  EXPECT_EQ(Stem("بنغازي", k), "بنغازي");      // a known word is never split
}

TEST(ingestClitics, NeverInsideAKnownName) {
  Known k{{"بنغازي", "نغازي"}};
  EXPECT_FALSE(SplitClitics(std::string("بنغازي"), k).split());
}

TEST(ingestClitics, PronounSuffixes) {
  Known k{{"حكومه", "رئيس"}};
  EXPECT_EQ(Stem("حكومتها", k), "حكومه");   // ta marbuta restored before ها
  EXPECT_EQ(Stem("ورئيسهم", k), "رئيس");
  // ه alone is never split: folding makes every ta marbuta one.
  Known k2{{"رياض"}};
  EXPECT_EQ(Stem("رياضه", k2), "رياضه");
}

TEST(ingestClitics, SegmenterKeepsOriginalSpanOfTheStem) {
  Vocabulary vocab;
  vocab.Intern("بنغازي");
  Segmenter seg(&vocab);
  NormalisedText t;
  const std::string text = "وصل ببنغازي";
  t.Assign(text);
  std::vector<Token> toks;
  std::vector<Sentence> sents;
  seg.Segment(t, &toks, &sents);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_TRUE(toks[1].split());
  EXPECT_EQ(text.substr(toks[1].start, toks[1].end - toks[1].start), "بنغازي");
  EXPECT_EQ(toks[1].stem_id, vocab.Find("بنغازي"));
}

}  // namespace
}  // namespace newsgraph::ingest
