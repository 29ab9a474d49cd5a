#include <gtest/gtest.h>

#include "newsgraph/article.h"

namespace newsgraph {
namespace {

TEST(ingestDate, IsoAndNumeric) {
  EXPECT_EQ(ParseNewsDate("2023-08-22"), "2023-08-22");
  EXPECT_EQ(ParseNewsDate("2015-07-23 19:28:17"), "2015-07-23");
  EXPECT_EQ(ParseNewsDate("2023/8/2"), "2023-08-02");
  EXPECT_EQ(ParseNewsDate("22/08/2023"), "2023-08-22");
  EXPECT_EQ(ParseNewsDate("08/22/2023"), "2023-08-22");
  EXPECT_EQ(ParseNewsDate("2023-02-30"), "");
  EXPECT_EQ(ParseNewsDate("no date here"), "");
}

TEST(ingestDate, English) {
  EXPECT_EQ(ParseNewsDate("تاريخ النشر: 22nd, August 2023 GMT"), "2023-08-22");
  EXPECT_EQ(ParseNewsDate("Published: August 22, 2023"), "2023-08-22");
  EXPECT_EQ(ParseNewsDate("Tue, 22 Aug 2023 10:00:00 GMT"), "2023-08-22");
}

TEST(ingestDate, ArabicMonthSeries) {
  EXPECT_EQ(ParseNewsDate("22 أغسطس 2023"), "2023-08-22");       // Egyptian
  EXPECT_EQ(ParseNewsDate("٢٢ آب ٢٠٢٣"), "2023-08-22");           // Levantine, Arabic-Indic
  EXPECT_EQ(ParseNewsDate("5 كانون الثاني 2024"), "2024-01-05");  // two words
  EXPECT_EQ(ParseNewsDate("5 كانون الأول 2024"), "2024-12-05");
  EXPECT_EQ(ParseNewsDate("1 تشرين الثاني 2022"), "2022-11-01");
  EXPECT_EQ(ParseNewsDate("الأحد 3 جويلية 2022"), "2022-07-03");  // Maghreb
  EXPECT_EQ(ParseNewsDate("14 يونيه 2021"), "2021-06-14");
}

}  // namespace
}  // namespace newsgraph
