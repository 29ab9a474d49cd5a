// Table output (WriteRows with table and box) checked cell by cell: widths by
// grapheme cluster and terminal cell, right-to-left cells isolated inside
// their borders, long cells cut or wrapped, control characters defused.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/format.h"

namespace newsgraph {
namespace {

constexpr const char* kLri = "\u2066";
constexpr const char* kRli = "\u2067";
constexpr const char* kPdi = "\u2069";

class FakeCursor : public Cursor {
 public:
  FakeCursor(std::vector<std::string> cols, std::vector<Row> rows) : cols_(std::move(cols)), rows_(std::move(rows)) {}
  const std::vector<std::string>& columns() const override { return cols_; }
  bool Next(Row* row) override {
    if (i_ >= rows_.size()) return false;
    *row = rows_[i_++];
    return true;
  }
  Status status() const override { return Status::OK(); }
  const PlanNode& plan() const override { return plan_; }
  bool is_explain() const override { return false; }
  bool is_profile() const override { return false; }

 private:
  std::vector<std::string> cols_;
  std::vector<Row> rows_;
  size_t i_ = 0;
  PlanNode plan_;
};

std::string Render(std::vector<std::string> cols, std::vector<Row> rows, OutputFormat f = OutputFormat::kBox,
                   WriteOptions o = {}) {
  FakeCursor c(std::move(cols), std::move(rows));
  std::ostringstream out;
  EXPECT_TRUE(WriteRows(&c, f, out, nullptr, o).ok());
  return out.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The cells of one box row, without the bars (each keeps its padding).
std::vector<std::string> Cells(const std::string& line, const std::string& bar = "│") {
  std::vector<std::string> out;
  size_t p = line.find(bar);
  EXPECT_EQ(p, 0u) << line;
  while (true) {
    size_t q = line.find(bar, p + bar.size());
    if (q == std::string::npos) break;
    out.push_back(line.substr(p + bar.size(), q - p - bar.size()));
    p = q;
  }
  return out;
}

Value S(const std::string& s) { return Value::String(s); }

TEST(DisplayWidth, GraphemesAndWideCharacters) {
  EXPECT_EQ(DisplayWidth("Haftar"), 6u);
  EXPECT_EQ(DisplayWidth("حفتر"), 4u);
  EXPECT_EQ(DisplayWidth("مُحَمَّد"), 4u);       // harakat are combining marks
  EXPECT_EQ(DisplayWidth("e\u0301"), 1u);       // e + combining acute: one cluster
  EXPECT_EQ(DisplayWidth("北京"), 4u);           // East Asian wide
  EXPECT_EQ(DisplayWidth("ＡＢ"), 4u);           // full-width Latin
  EXPECT_EQ(DisplayWidth("😀"), 2u);            // emoji presentation
  EXPECT_EQ(DisplayWidth("👍🏽"), 2u);           // emoji with skin tone: one cluster
  EXPECT_EQ(DisplayWidth("👨‍👩‍👧"), 2u);        // ZWJ family: one cluster
  EXPECT_EQ(DisplayWidth("🇱🇾"), 2u);           // a flag: two regional indicators
  EXPECT_EQ(DisplayWidth("\u2067abc\u2069"), 3u);  // isolates take no room
}

// One escaper for HTML tables, GraphML, GEXF and reports: quotes of either
// kind are safe inside attributes, and controls XML forbids are dropped.
TEST(EscapeMarkup, EscapesMarkupAndDropsForbiddenControls) {
  EXPECT_EQ(EscapeMarkup("a&b<c>\"d'e"), "a&amp;b&lt;c&gt;&quot;d&#39;e");
  EXPECT_EQ(EscapeMarkup(std::string("x\x01y\tz\n\x1f")), "xy\tz\n");
  EXPECT_EQ(EscapeMarkup("حفتر"), "حفتر");
}

TEST(TableFormat, EveryRowHasTheSameWidth) {
  std::string out = Render({"name", "n"}, {{S("Khalifa Haftar"), Value::Int(3)},
                                           {S("خليفة حفتر"), Value::Int(12)},
                                           {S("北京 Beijing"), Value::Int(1)},
                                           {S("café ☕ 👍🏽"), Value::Int(100)}});
  auto lines = Lines(out);
  ASSERT_EQ(lines.size(), 9u) << out;
  for (size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_EQ(DisplayWidth(lines[i]), DisplayWidth(lines[0])) << lines[i];
  EXPECT_EQ(lines.back(), "(4 rows)");
}

TEST(TableFormat, ArabicCellsAreIsolatedAndAlignedRight) {
  auto lines = Lines(Render({"name", "type"}, {{S("خليفة حفتر"), S("Person")}, {S("Russian Federation"), S("Country")}}));
  // ┌ ├ └ rules, header, two rows.
  ASSERT_EQ(lines.size(), 7u);
  auto header = Cells(lines[1]);
  ASSERT_EQ(header.size(), 2u);
  EXPECT_EQ(header[0], " name" + std::string(14, ' ') + " ");
  auto arabic = Cells(lines[3]);
  ASSERT_EQ(arabic.size(), 2u);
  // Padding outside the isolate, on the left: the cell's start is its right.
  EXPECT_EQ(arabic[0], std::string(9, ' ') + kRli + "خليفة حفتر" + kPdi + " ");
  EXPECT_EQ(arabic[1], " Person  ");
  auto latin = Cells(lines[4]);
  EXPECT_EQ(latin[0], " Russian Federation ");  // no isolate without right-to-left letters
  EXPECT_EQ(latin[1], " Country ");
}

TEST(TableFormat, MixedDirectionCellKeepsItsFirstStrongDirection) {
  auto lines = Lines(Render({"a", "b"}, {{S("Haftar (حفتر)"), S("حفتر (Haftar) 2023")}}));
  auto cells = Cells(lines[3]);
  ASSERT_EQ(cells.size(), 2u);
  // Starts with a Latin letter: a left-to-right isolate, aligned left.
  EXPECT_EQ(cells[0], std::string(" ") + kLri + "Haftar (حفتر)" + kPdi + " ");
  // Starts with an Arabic letter: right-to-left, aligned right.
  EXPECT_EQ(cells[1], std::string(" ") + kRli + "حفتر (Haftar) 2023" + kPdi + " ");
}

TEST(TableFormat, BidiControlsInDataCannotEscapeTheCell) {
  // A stray PDI would close our isolate early, an RLO would reverse the row.
  auto lines = Lines(Render({"x"}, {{S("\u2069\u202Eabc\u202C")}, {S("a\tb\x1b[31mred")}}));
  auto first = Cells(lines[3]);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0], " abc" + std::string(8, ' ') + " ");
  auto second = Cells(lines[4]);
  EXPECT_EQ(second[0], " a b\u241b[31mred ");  // ESC shown as ␛, not obeyed
}

TEST(TableFormat, NumbersAlignRight) {
  auto lines = Lines(Render({"articles"}, {{Value::Int(5)}, {Value::Int(1234)}}, OutputFormat::kTable));
  EXPECT_EQ(lines[3], "|        5 |");
  EXPECT_EQ(lines[4], "|     1234 |");
}

TEST(TableFormat, LongCellsAreCutByGrapheme) {
  WriteOptions o;
  o.max_cell_width = 8;
  auto lines = Lines(Render({"s"}, {{S("abcdefghijkl")}, {S("北京北京北京")}, {S("e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301")}},
                            OutputFormat::kBox, o));
  EXPECT_EQ(Cells(lines[3])[0], " abcdefg… ");
  EXPECT_EQ(Cells(lines[4])[0], " 北京北…  ");  // 7 columns used, one left empty
  EXPECT_EQ(Cells(lines[5])[0], " e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301… ");
}

TEST(TableFormat, WrapBreaksAtSpacesAndKeepsEachLineIsolated) {
  WriteOptions o;
  o.max_cell_width = 10;
  o.wrap = true;
  auto lines = Lines(Render({"sentence", "n"}, {{S("وصل نائب وزير الدفاع الروسي"), Value::Int(1)}}, OutputFormat::kBox, o));
  // Three rules, the header, four lines for the row, the row count.
  ASSERT_EQ(lines.size(), 9u);
  std::vector<std::string> expect = {"وصل نائب", "وزير", "الدفاع", "الروسي"};
  std::vector<std::string> got;
  for (size_t i = 3; i + 2 < lines.size(); ++i) {
    auto cells = Cells(lines[i]);
    ASSERT_EQ(cells.size(), 2u);
    std::string c = cells[0];
    size_t a = c.find(kRli), b = c.find(kPdi);
    ASSERT_NE(a, std::string::npos) << c;
    ASSERT_NE(b, std::string::npos) << c;
    got.push_back(c.substr(a + 3, b - a - 3));
    EXPECT_EQ(DisplayWidth(cells[0]), 10u);  // the widest line, "وصل نائب", and padding
  }
  EXPECT_EQ(got, expect);
  EXPECT_EQ(Cells(lines[3])[1], " 1 ");
  EXPECT_EQ(Cells(lines[4])[1], "   ");
}

TEST(TableFormat, TableIsNarrowedToMaxWidth) {
  WriteOptions o;
  o.max_width = 30;
  std::string out = Render({"a", "b"}, {{S(std::string(40, 'x')), S("short")}}, OutputFormat::kBox, o);
  for (const auto& l : Lines(out)) {
    if (l.starts_with("(")) continue;
    EXPECT_LE(DisplayWidth(l), 30u) << l;
  }
}

TEST(TableFormat, MarkdownAndCsvUnchanged) {
  EXPECT_EQ(Render({"a", "b"}, {{S("x|y"), Value::Int(1)}}, OutputFormat::kMarkdown),
            "| a    | b |\n|------|---|\n| x\\|y | 1 |\n");
  EXPECT_EQ(Render({"a"}, {{S("حفتر, ليبيا")}}, OutputFormat::kCsv), "a\n\"حفتر, ليبيا\"\n");
}

}  // namespace
}  // namespace newsgraph
