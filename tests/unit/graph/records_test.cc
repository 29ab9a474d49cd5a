// Record encodings: every value the store writes must read back exactly, and
// a damaged (truncated) value must be rejected rather than half-read.
#include "graph/store/records.h"

#include <gtest/gtest.h>

#include <functional>

#include "graph/model/date.h"

namespace newsgraph::graph {
namespace {

// Every strict prefix of `encoded` longer than `min_ok` must fail to decode.
template <class T>
void ExpectTruncationRejected(const std::string& encoded,
                              const std::function<bool(std::string_view, T*)>& decode,
                              size_t first_bad = 0) {
  for (size_t n = first_bad; n < encoded.size(); ++n) {
    T out;
    EXPECT_FALSE(decode(std::string_view(encoded.data(), n), &out))
        << "a prefix of " << n << " of " << encoded.size() << " bytes was accepted";
  }
  T out;
  EXPECT_FALSE(decode(encoded + "x", &out)) << "trailing bytes were accepted";
}

TermRecord Haftar() {
  TermRecord t;
  t.kind = TermKind::kEntity;
  t.key = "khalifa-haftar";
  t.type = "Person";
  t.labels = {{"en", "Khalifa Haftar"}, {"ar", "خليفة حفتر"}};
  t.aliases = {{"en", {"Haftar", "Field Marshal Haftar"}}, {"ar", {"حفتر"}}};
  t.props = {{"country", "libya"}};
  return t;
}

TEST(TermRecordTest, EntityRoundTrip) {
  TermRecord t = Haftar();
  std::string enc = EncodeTerm(t);
  EXPECT_EQ(enc[0], kRecordFormat);
  TermRecord back;
  ASSERT_TRUE(DecodeTerm(enc, &back));
  EXPECT_EQ(back.kind, TermKind::kEntity);
  EXPECT_EQ(back.key, "khalifa-haftar");
  EXPECT_EQ(back.type, "Person");
  EXPECT_EQ(back.labels, t.labels);
  EXPECT_EQ(back.aliases, t.aliases);
  EXPECT_EQ(back.props, t.props);
  EXPECT_EQ(back.Name(), "Khalifa Haftar");
  EXPECT_EQ(back.Name("ar"), "خليفة حفتر");
}

TEST(TermRecordTest, LiteralsAndPredicatesRoundTrip) {
  const std::vector<TermRecord> terms = {
      {TermKind::kString, "وزير الدفاع", "", "ar", {}, {}, {}},
      {TermKind::kString, "", "", "", {}, {}, {}},
      {TermKind::kInteger, "-36", "", "", {}, {}, {}},
      {TermKind::kDecimal, "0.5", "", "", {}, {}, {}},
      {TermKind::kDate, "2023-08-22", "", "", {}, {}, {}},
      {TermKind::kPredicate, "supports", "", "", {}, {}, {}},
  };
  for (const TermRecord& t : terms) {
    TermRecord back;
    ASSERT_TRUE(DecodeTerm(EncodeTerm(t), &back)) << t.key;
    EXPECT_EQ(back.kind, t.kind);
    EXPECT_EQ(back.key, t.key);
    EXPECT_EQ(back.lang, t.lang);
  }
}

TEST(TermRecordTest, TruncatedOrForeignInputRejected) {
  ExpectTruncationRejected<TermRecord>(EncodeTerm(Haftar()), DecodeTerm);
  TermRecord lit{TermKind::kString, "x", "", "en", {}, {}, {}};
  ExpectTruncationRejected<TermRecord>(EncodeTerm(lit), DecodeTerm);
  TermRecord out;
  EXPECT_FALSE(DecodeTerm(std::string("\x02\x01\x00", 3), &out)) << "unknown format byte";
  EXPECT_FALSE(DecodeTerm(std::string("\x01\x07\x00\x00", 4), &out)) << "unknown kind";
}

TEST(FactSummaryTest, RoundTripIncludingNoDateAndNegativeDays) {
  for (FactSummary s : {FactSummary{1, 1, kNoDay, kNoDay}, FactSummary{3, 2, -1, 0},
                        FactSummary{uint64_t{1} << 40, 7, *ParseIsoDate("1900-02-28"),
                                    *ParseIsoDate("2024-12-31")}}) {
    FactSummary back;
    ASSERT_TRUE(DecodeSummary(EncodeSummary(s), &back));
    EXPECT_EQ(back.mentions, s.mentions);
    EXPECT_EQ(back.articles, s.articles);
    EXPECT_EQ(back.first_day, s.first_day);
    EXPECT_EQ(back.last_day, s.last_day);
  }
  EXPECT_EQ(EncodeSummary({1, 1, kNoDay, kNoDay}), std::string("\x01\x01\x00\x00", 4));
  ExpectTruncationRejected<FactSummary>(EncodeSummary({300, 2, 19000, 19500}), DecodeSummary);
}

TEST(MentionRecordTest, ImportDefaultIsTheEmptyValue) {
  MentionRecord m;
  m.rule = "import";
  EXPECT_EQ(EncodeMention(m), "");
  MentionRecord back;
  back.rule = "something else";
  back.count = 5;
  ASSERT_TRUE(DecodeMention("", &back));
  EXPECT_EQ(back.rule, "import");
  EXPECT_EQ(back.start, 0u);
  EXPECT_EQ(back.end, 0u);
  EXPECT_EQ(back.confidence, 100);
  EXPECT_FALSE(back.negated);
  EXPECT_EQ(back.attributed_to, kNoTerm);
  EXPECT_EQ(back.place, kNoTerm);
  EXPECT_EQ(back.count, -1);
  EXPECT_EQ(back.day, kNoDay);
  EXPECT_EQ(back.evidence, "");
}

TEST(MentionRecordTest, AlmostDefaultIsNotEmpty) {
  // Any field off its default must survive: the empty value is only for the
  // exact import default.
  MentionRecord m;
  m.rule = "import";
  m.confidence = 90;
  std::string enc = EncodeMention(m);
  ASSERT_FALSE(enc.empty());
  MentionRecord back;
  ASSERT_TRUE(DecodeMention(enc, &back));
  EXPECT_EQ(back.confidence, 90);
  EXPECT_EQ(back.rule, "import");
}

TEST(MentionRecordTest, EveryFieldRoundTrips) {
  MentionRecord m;
  m.start = 123;
  m.end = 4000000000u;
  m.rule = "ar.visited.arrive_in";
  m.confidence = 87;
  m.negated = true;
  m.attributed_to = 300;
  m.place = uint64_t{1} << 33;
  m.count = 36;
  m.day = -5;
  m.evidence = "وصل حفتر إلى موسكو";
  std::string enc = EncodeMention(m);
  MentionRecord back;
  ASSERT_TRUE(DecodeMention(enc, &back));
  EXPECT_EQ(back.start, 123u);
  EXPECT_EQ(back.end, 4000000000u);
  EXPECT_EQ(back.rule, "ar.visited.arrive_in");
  EXPECT_EQ(back.confidence, 87);
  EXPECT_TRUE(back.negated);
  EXPECT_EQ(back.attributed_to, 300u);
  EXPECT_EQ(back.place, uint64_t{1} << 33);
  EXPECT_EQ(back.count, 36);
  EXPECT_EQ(back.day, -5);
  EXPECT_EQ(back.evidence, m.evidence);
  // Count 0 is a value ("no drones"), not "none".
  MentionRecord zero;
  zero.rule = "r";
  zero.count = 0;
  ASSERT_TRUE(DecodeMention(EncodeMention(zero), &back));
  EXPECT_EQ(back.count, 0);
  // Prefix 0 is the empty default, which is valid; every other prefix is not.
  ExpectTruncationRejected<MentionRecord>(enc, DecodeMention, 1);
}

TEST(ArticleRecordTest, RoundTripAndTruncation) {
  ArticleRecord a{"a/1",
                  "عنوان",
                  *ParseIsoDate("2023-08-22"),
                  "Reuters",
                  "https://x.example/1",
                  "ar",
                  std::string("body\0with nul", 13)};
  std::string enc = EncodeArticle(a);
  ArticleRecord back;
  ASSERT_TRUE(DecodeArticle(enc, &back));
  EXPECT_EQ(back.key, "a/1");
  EXPECT_EQ(back.title, "عنوان");
  EXPECT_EQ(FormatIsoDate(back.day), "2023-08-22");
  EXPECT_EQ(back.source, "Reuters");
  EXPECT_EQ(back.url, "https://x.example/1");
  EXPECT_EQ(back.lang, "ar");
  EXPECT_EQ(back.text, a.text);
  ArticleRecord undated{"k", "", kNoDay, "", "", "", ""};
  ASSERT_TRUE(DecodeArticle(EncodeArticle(undated), &back));
  EXPECT_EQ(back.day, kNoDay);
  ExpectTruncationRejected<ArticleRecord>(enc, DecodeArticle);
}

TEST(PredicateStatsTest, RoundTripAndTruncation) {
  PredicateStats s{679574, 1000000, 300, uint64_t{1} << 35};
  std::string enc = EncodePredicateStats(s);
  PredicateStats back;
  ASSERT_TRUE(DecodePredicateStats(enc, &back));
  EXPECT_EQ(back.facts, 679574u);
  EXPECT_EQ(back.mentions, 1000000u);
  EXPECT_EQ(back.subjects, 300u);
  EXPECT_EQ(back.objects, uint64_t{1} << 35);
  ExpectTruncationRejected<PredicateStats>(enc, DecodePredicateStats);
}

TEST(DateTest, ParseAndFormat) {
  EXPECT_EQ(ParseIsoDate("1970-01-01"), 0);
  EXPECT_EQ(ParseIsoDate("1969-12-31"), -1);
  EXPECT_EQ(ParseIsoDate("2024-02-29T10:00:00Z"), *ParseIsoDate("2024-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-13-01"));
  EXPECT_FALSE(ParseIsoDate("2023-1-01"));
  EXPECT_FALSE(ParseIsoDate("2023-01-01x"));
  EXPECT_EQ(FormatIsoDate(*ParseIsoDate("2020-01-01")), "2020-01-01");
  EXPECT_EQ(FormatIsoDate(kNoDay), "");
}

}  // namespace
}  // namespace newsgraph::graph
