#include <gtest/gtest.h>

#include "ingest/normalise/normaliser.h"
#include "ingest/normalise/segmenter.h"

namespace newsgraph::ingest {
namespace {

std::string Folded(const std::string& s) {
  NormalisedText t;
  t.Assign(s);
  return t.folded();
}

TEST(ingestNormaliser, FoldingRules) {
  EXPECT_EQ(Folded("أإآٱ"), "اااا");                       // alef forms
  EXPECT_EQ(Folded("مستشفى"), "مستشفي");                    // alef maqsura
  EXPECT_EQ(Folded("وزارة"), "وزاره");                      // ta marbuta
  EXPECT_EQ(Folded("مُسيّرة"), "مسيره");                     // marks, shadda
  EXPECT_EQ(Folded("حفـــتر"), "حفتر");                     // tatweel
  EXPECT_EQ(Folded("\u200Fحفتر\u200E"), "حفتر");            // bidi controls
  EXPECT_EQ(Folded("٢٠٢٣"), "2023");                        // Arabic-Indic digits
  EXPECT_EQ(Folded("۱۲"), "12");                            // Persian digits
  EXPECT_EQ(Folded("ﻻ"), "لا");                             // NFKC presentation form
  EXPECT_EQ(Folded("Türkiye"), "turkiye");                  // Latin case and accents
  EXPECT_EQ(Folded("“فاجنر”"), "\"فاجنر\"");                // quotes
  EXPECT_EQ(Folded("a\nb"), "a\nb");                        // lines are kept
  EXPECT_EQ(Folded("a  \t b"), "a b");                      // spaces collapse
}

TEST(ingestNormaliser, OffsetsMapBackToTheOriginal) {
  const std::string original = "قال: حفـتر، ومُسيّرة";
  NormalisedText t;
  t.Assign(original);
  size_t at = t.folded().find("حفتر");
  ASSERT_NE(at, std::string::npos);
  uint32_t s = 0, e = 0;
  t.OriginalSpan(static_cast<uint32_t>(at), static_cast<uint32_t>(at + std::string("حفتر").size()),
                 &s, &e);
  EXPECT_EQ(original.substr(s, e - s), "حفـتر");
  at = t.folded().find("مسيره");
  t.OriginalSpan(static_cast<uint32_t>(at), static_cast<uint32_t>(t.folded().size()), &s, &e);
  EXPECT_EQ(original.substr(s, e - s), "مُسيّرة");
  EXPECT_EQ(t.FoldedOffsetOf(0), 0u);
}

TEST(ingestSegmenter, SentencesAndTokens) {
  Vocabulary vocab;
  Segmenter seg(&vocab);
  NormalisedText t;
  const std::string text = "وصل الوفد إلى بنغازي. ثم غادر!\nU.S. officials met (5+5) today.";
  t.Assign(text);
  std::vector<Token> toks;
  std::vector<Sentence> sents;
  seg.Segment(t, &toks, &sents);
  std::vector<std::string> words;
  for (const auto& k : toks) words.push_back(text.substr(k.start, k.end - k.start));
  EXPECT_EQ(words, (std::vector<std::string>{"وصل", "الوفد", "إلى", "بنغازي", ".", "ثم", "غادر",
                                             "!", "U.S", ".", "officials", "met", "(", "5", "+",
                                             "5", ")", "today", "."}));
  ASSERT_EQ(sents.size(), 3u);
  EXPECT_EQ(sents[0].last, 5u);
  EXPECT_EQ(sents[1].last, 8u);
  EXPECT_TRUE(toks[12].transparent);  // "("
  EXPECT_TRUE(toks[10].upper == false);
  EXPECT_TRUE(toks[8].upper);
}

}  // namespace
}  // namespace newsgraph::ingest
