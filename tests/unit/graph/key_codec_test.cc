// The key codec: byte order of keys must equal the order of the ids they hold,
// because every range scan of the store relies on it.
#include "graph/store/key_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <random>
#include <tuple>
#include <vector>

#include "graph/store/coding.h"

namespace newsgraph::graph {
namespace {

constexpr uint64_t kMax = ~uint64_t{0};

// Values on both sides of every byte-length boundary of the compact form.
std::vector<uint64_t> BoundaryIds() {
  std::vector<uint64_t> v = {0, 1, 2, 127, 128, 254, 255, 256, 257, 65535, 65536, 65537};
  for (int bytes = 3; bytes <= 8; ++bytes) {
    uint64_t edge = bytes == 8 ? kMax : (uint64_t{1} << (8 * bytes)) - 1;
    v.push_back(edge - 1);
    v.push_back(edge);
    if (edge != kMax) v.push_back(edge + 1);
  }
  v.push_back(uint64_t{1} << 32);
  v.push_back((uint64_t{1} << 32) - 1);
  v.push_back((uint64_t{1} << 32) + 1);
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::string Compact(uint64_t v) {
  std::string s;
  PutCompactId(&s, v);
  return s;
}

TEST(CompactIdTest, ExactBytesAtBoundaries) {
  EXPECT_EQ(Compact(0), std::string("\x00", 1));
  EXPECT_EQ(Compact(1), std::string("\x01\x01", 2));
  EXPECT_EQ(Compact(255), std::string("\x01\xff", 2));
  EXPECT_EQ(Compact(256), std::string("\x02\x01\x00", 3));
  EXPECT_EQ(Compact(65535), std::string("\x02\xff\xff", 3));
  EXPECT_EQ(Compact(65536), std::string("\x03\x01\x00\x00", 4));
  EXPECT_EQ(Compact(uint64_t{1} << 32), std::string("\x05\x01\x00\x00\x00\x00", 6));
  EXPECT_EQ(Compact(kMax), std::string("\x08\xff\xff\xff\xff\xff\xff\xff\xff", 9));
}

TEST(CompactIdTest, RoundTripsAndConsumesExactly) {
  for (uint64_t v : BoundaryIds()) {
    std::string s = Compact(v) + "tail";
    std::string_view in(s);
    uint64_t got = 12345;
    ASSERT_TRUE(GetCompactId(&in, &got)) << v;
    EXPECT_EQ(got, v);
    EXPECT_EQ(in, "tail");
  }
}

TEST(CompactIdTest, ByteOrderEqualsNumericOrder) {
  auto ids = BoundaryIds();
  std::mt19937_64 rng(7);
  for (int i = 0; i < 2000; ++i) ids.push_back(rng() >> (rng() % 64));
  for (uint64_t a : ids) {
    for (uint64_t b : BoundaryIds()) {
      EXPECT_EQ(a < b, Compact(a) < Compact(b)) << a << " vs " << b;
      EXPECT_EQ(a == b, Compact(a) == Compact(b)) << a << " vs " << b;
    }
  }
}

TEST(CompactIdTest, NoEncodingIsAPrefixOfAnother) {
  auto ids = BoundaryIds();
  for (uint64_t a : ids) {
    for (uint64_t b : ids) {
      if (a == b) continue;
      EXPECT_FALSE(Compact(b).starts_with(Compact(a))) << a << " prefixes " << b;
    }
  }
}

TEST(CompactIdTest, RejectsTruncatedAndOverlongInput) {
  uint64_t v;
  std::string_view empty;
  EXPECT_FALSE(GetCompactId(&empty, &v));
  for (uint64_t id : {uint64_t{256}, uint64_t{1} << 32, kMax}) {
    std::string s = Compact(id);
    for (size_t n = 0; n < s.size(); ++n) {
      std::string_view in(s.data(), n);
      EXPECT_FALSE(GetCompactId(&in, &v)) << id << " cut at " << n;
    }
  }
  std::string nine("\x09\x01\x02\x03\x04\x05\x06\x07\x08\x09", 10);
  std::string_view in(nine);
  EXPECT_FALSE(GetCompactId(&in, &v));
}

TEST(ChooseIndexTest, AllEightBoundCombinations) {
  // (s, p, o) bound → index, as DESIGN section 3 fixes it.
  EXPECT_EQ(ChooseIndex(false, false, false), IndexOrder::kSpo);
  EXPECT_EQ(ChooseIndex(true, false, false), IndexOrder::kSpo);
  EXPECT_EQ(ChooseIndex(false, true, false), IndexOrder::kPos);
  EXPECT_EQ(ChooseIndex(false, false, true), IndexOrder::kOsp);
  EXPECT_EQ(ChooseIndex(true, true, false), IndexOrder::kSpo);
  EXPECT_EQ(ChooseIndex(false, true, true), IndexOrder::kPos);
  EXPECT_EQ(ChooseIndex(true, false, true), IndexOrder::kOsp);
  EXPECT_EQ(ChooseIndex(true, true, true), IndexOrder::kSpo);
}

TEST(ChooseIndexTest, BoundPositionsFormTheLeadingPrefix) {
  // With the chosen index, every bound position goes into the key prefix, so
  // a scan never reads a key that does not match.
  const Triple full{300, 7, 65536};
  for (int mask = 0; mask < 8; ++mask) {
    Triple pattern{(mask & 1) ? full.s : kNoTerm, (mask & 2) ? full.p : kNoTerm,
                   (mask & 4) ? full.o : kNoTerm};
    IndexOrder order = ChooseIndex(mask & 1, mask & 2, mask & 4);
    std::string prefix = TriplePrefix(order, pattern);
    size_t bound = std::popcount(static_cast<unsigned>(mask));
    std::string key = TripleKey(order, full);
    ASSERT_TRUE(key.starts_with(prefix)) << mask;
    std::string_view rest(prefix);
    for (size_t i = 0; i < bound; ++i) {
      uint64_t v;
      ASSERT_TRUE(GetCompactId(&rest, &v)) << mask;
    }
    EXPECT_TRUE(rest.empty()) << "mask " << mask << " left unbound ids in the prefix";
  }
}

TEST(TripleKeyTest, ExactLayoutOfEachOrder) {
  const Triple t{1, 256, 0x10000};
  const std::string s("\x01\x01", 2), p("\x02\x01\x00", 3), o("\x03\x01\x00\x00", 4);
  EXPECT_EQ(TripleKey(IndexOrder::kSpo, t), s + p + o);
  EXPECT_EQ(TripleKey(IndexOrder::kPos, t), p + o + s);
  EXPECT_EQ(TripleKey(IndexOrder::kOsp, t), o + s + p);
  EXPECT_EQ(TriplePrefix(IndexOrder::kOsp, {1, kNoTerm, 0x10000}), o + s);
  EXPECT_EQ(TriplePrefix(IndexOrder::kPos, {kNoTerm, 256, kNoTerm}), p);
  EXPECT_EQ(TriplePrefix(IndexOrder::kSpo, {}), "");
}

TEST(TripleKeyTest, EveryOrderRoundTripsAndSortsLikeItsTuple) {
  auto ids = BoundaryIds();
  ids.erase(ids.begin());  // 0 is kNoTerm, never a stored id
  std::mt19937_64 rng(11);
  std::vector<Triple> triples;
  for (int i = 0; i < 400; ++i) {
    triples.push_back({ids[rng() % ids.size()], ids[rng() % ids.size()], ids[rng() % ids.size()]});
  }
  for (IndexOrder order : {IndexOrder::kSpo, IndexOrder::kPos, IndexOrder::kOsp}) {
    auto tuple = [order](const Triple& t) {
      switch (order) {
        case IndexOrder::kSpo:
          return std::make_tuple(t.s, t.p, t.o);
        case IndexOrder::kPos:
          return std::make_tuple(t.p, t.o, t.s);
        case IndexOrder::kOsp:
          return std::make_tuple(t.o, t.s, t.p);
      }
      return std::make_tuple(t.s, t.p, t.o);
    };
    for (const Triple& a : triples) {
      std::string key = TripleKey(order, a);
      Triple back;
      ASSERT_TRUE(DecodeTripleKey(order, key, &back));
      EXPECT_EQ(back, a);
      EXPECT_FALSE(DecodeTripleKey(order, key + "x", &back)) << "trailing bytes accepted";
      EXPECT_FALSE(DecodeTripleKey(order, key.substr(0, key.size() - 1), &back));
    }
    for (size_t i = 0; i + 1 < triples.size(); ++i) {
      const Triple& a = triples[i];
      const Triple& b = triples[i + 1];
      EXPECT_EQ(tuple(a) < tuple(b), TripleKey(order, a) < TripleKey(order, b));
    }
  }
}

TEST(IdKeyTest, RoundTrip) {
  for (uint64_t v : BoundaryIds()) {
    uint64_t back = 0;
    ASSERT_TRUE(DecodeIdKey(IdKey(v), &back));
    EXPECT_EQ(back, v);
  }
  uint64_t back;
  EXPECT_FALSE(DecodeIdKey(IdKey(5) + "x", &back));
}

TEST(MentionKeyTest, LayoutPrefixesAndRoundTrip) {
  const Triple t{3, 256, 70000};
  std::string key = MentionKey(t, 300, 2);
  EXPECT_EQ(key, TripleKey(IndexOrder::kSpo, t) + std::string("\x02\x01\x2c\x01\x02", 5));
  EXPECT_TRUE(key.starts_with(MentionPrefix(t)));
  EXPECT_TRUE(key.starts_with(MentionPrefix(t, 300)));
  EXPECT_FALSE(key.starts_with(MentionPrefix(t, 3)));
  // A fact's prefix never covers another fact whose object merely starts alike.
  EXPECT_FALSE(MentionKey({3, 256, 70000 * 256}, 1, 0).starts_with(MentionPrefix(t)));
  Triple back;
  ArticleId a;
  uint32_t sentence;
  ASSERT_TRUE(DecodeMentionKey(key, &back, &a, &sentence));
  EXPECT_EQ(back, t);
  EXPECT_EQ(a, 300u);
  EXPECT_EQ(sentence, 2u);
  ASSERT_TRUE(DecodeMentionKey(MentionKey(t, kMax, UINT32_MAX), &back, &a, &sentence));
  EXPECT_EQ(a, kMax);
  EXPECT_EQ(sentence, UINT32_MAX);
  EXPECT_FALSE(DecodeMentionKey(key.substr(0, key.size() - 1), &back, &a, &sentence));
}

TEST(ArticleFactKeyTest, LayoutAndRoundTrip) {
  const Triple t{9, 10, 11};
  std::string key = ArticleFactKey(256, t);
  EXPECT_EQ(key, std::string("\x02\x01\x00", 3) + TripleKey(IndexOrder::kSpo, t));
  EXPECT_TRUE(key.starts_with(ArticleFactPrefix(256)));
  EXPECT_FALSE(key.starts_with(ArticleFactPrefix(1)));
  ArticleId a;
  Triple back;
  ASSERT_TRUE(DecodeArticleFactKey(key, &a, &back));
  EXPECT_EQ(a, 256u);
  EXPECT_EQ(back, t);
  EXPECT_FALSE(DecodeArticleFactKey(key + "\x01", &a, &back));
}

TEST(ByDateKeyTest, DaysSortAcrossZeroAndRoundTrip) {
  // 1969-12-31 is day -1: it must sort before 1970-01-01 (day 0).
  std::vector<int32_t> days = {INT32_MIN + 1, -719468, -1, 0, 1, 19000, 19723, INT32_MAX};
  for (size_t i = 0; i + 1 < days.size(); ++i) {
    EXPECT_LT(ByDateKey(days[i], kMax), ByDateKey(days[i + 1], 1)) << days[i];
  }
  EXPECT_EQ(ByDateKey(0, 1), std::string("\x80\x00\x00\x00\x01\x01", 6));
  EXPECT_EQ(ByDateKey(-1, 1), std::string("\x7f\xff\xff\xff\x01\x01", 6));
  for (int32_t d : days) {
    int32_t back_day;
    ArticleId back;
    ASSERT_TRUE(DecodeByDateKey(ByDateKey(d, 4242), &back_day, &back));
    EXPECT_EQ(back_day, d);
    EXPECT_EQ(back, 4242u);
    EXPECT_TRUE(ByDateKey(d, 4242).starts_with(ByDatePrefix(d)));
  }
  int32_t day;
  ArticleId a;
  EXPECT_FALSE(DecodeByDateKey("\x80\x00\x00", &day, &a));
}

TEST(AliasKeyTest, ExactMatchPrefixAndRoundTrip) {
  std::string key = AliasKey("haftar", 300);
  EXPECT_EQ(key, std::string("haftar\x00\x02\x01\x2c", 10));
  EXPECT_TRUE(key.starts_with(AliasPrefix("haftar")));
  // The NUL ends the name: "haft" does not find "haftar" by exact prefix.
  EXPECT_FALSE(key.starts_with(AliasPrefix("haft")));
  // Shorter names sort first, and one name's ids stay together.
  EXPECT_LT(AliasKey("ab", kMax), AliasKey("abc", 1));
  EXPECT_LT(AliasKey("ab", 255), AliasKey("ab", 256));
  std::string_view name;
  TermId id;
  ASSERT_TRUE(DecodeAliasKey(key, &name, &id));
  EXPECT_EQ(name, "haftar");
  EXPECT_EQ(id, 300u);
  const std::string arabic = AliasKey("حفتر", 1);  // `name` views into it
  ASSERT_TRUE(DecodeAliasKey(arabic, &name, &id));
  EXPECT_EQ(name, "حفتر");
  EXPECT_FALSE(DecodeAliasKey("no-nul-here", &name, &id));
  EXPECT_FALSE(DecodeAliasKey(key + "x", &name, &id));
}

TEST(MetaKeyTest, ArticleNamesAndPredicateStats) {
  EXPECT_EQ(ArticleNameKey("a/1"), std::string("\x10"
                                               "a/1"));
  EXPECT_EQ(meta::PredicateStatsKey(256), std::string("stats/p/\x02\x01\x00", 11));
}

}  // namespace
}  // namespace newsgraph::graph
