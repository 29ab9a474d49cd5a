// The fast N-Triples/N-Quads line scanner of the import: it takes the common
// lines and gives exactly what the full parser gives; every other line (valid
// or not) goes to the full parser, which reports errors with their column.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "graph/io/rdf_reader.h"

namespace newsgraph::graph {
namespace {

struct Full {
  bool ok = false;
  bool empty = false;
  RdfStatement st;
  std::string error;
  size_t column = 0;
};

Full ParseFull(std::string_view line, bool quads) {
  Full f;
  f.ok = ParseRdfLine(line, quads, &f.st, &f.empty, &f.error, &f.column);
  return f;
}

// The fields the importer reads.
void ExpectSameTerm(const RdfTerm& a, const RdfTerm& b, const char* which) {
  EXPECT_EQ(a.kind, b.kind) << which;
  EXPECT_EQ(a.value, b.value) << which;
  EXPECT_EQ(a.lang, b.lang) << which;
  EXPECT_EQ(a.datatype, b.datatype) << which;
}

void ExpectSameAsFull(std::string_view line, bool quads, const RdfStatement& fast) {
  Full full = ParseFull(line, quads);
  ASSERT_TRUE(full.ok) << line << ": " << full.error;
  ASSERT_FALSE(full.empty) << line;
  ExpectSameTerm(fast.s, full.st.s, "subject");
  ExpectSameTerm(fast.p, full.st.p, "predicate");
  ExpectSameTerm(fast.o, full.st.o, "object");
  EXPECT_EQ(fast.g.kind, full.st.g.kind) << line;
  EXPECT_EQ(fast.g.value, full.st.g.value) << line;
}

TEST(RdfFastTest, TakesCommonLinesAsTheFullParserReadsThem) {
  const std::vector<std::pair<std::string, bool>> lines = {
      {"<http://e/a> <http://p/b> <http://e/c> .", false},
      {"<http://e/a> <http://p/b> <http://e/c> <http://a/1> .", true},
      {"<http://e/a> <http://p/b> <http://e/c> .", true},  // default graph in N-Quads
      {"<http://e/a>\t<http://p/b>\t<http://e/c>\t<http://a/1>\t.\r", true},
      {"<http://e/a><http://p/b><http://e/c>.", false},
      {"<http://e/a> <http://p/b> <http://e/c> . # a comment", false},
      {"<http://e/a> <http://p/b> <http://e/c> .#", false},
      {"<http://e/a> <http://p/b> \"text with spaces, <angles> and 'quotes'\" .", false},
      {"<http://e/a> <http://p/b> \"\" .", false},
      {"<http://e/a> <http://p/b> \"حفتر\"@ar <http://a/1> .", true},
      {"<http://e/a> <http://p/b> \"x\"@en-gb .", false},
      {"<http://e/a> <http://p/b> \"36\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://a/1> .",
       true},
      {"<urn:x:%C3%A9> <http://p/é> <http://e/ليبيا> .", false},
  };
  for (const auto& [line, quads] : lines) {
    SCOPED_TRACE(line);
    RdfStatement st;
    ASSERT_TRUE(ParseRdfLineFast(line, quads, &st));
    ExpectSameAsFull(line, quads, st);
  }
}

// Lines the fast scanner leaves to the full parser although they are valid.
TEST(RdfFastTest, LeavesUncommonValidLinesToTheFullParser) {
  const std::vector<std::string> lines = {
      "",
      "# only a comment",
      "  <http://e/a> <http://p/b> <http://e/c> .",  // leading space
      "_:b1 <http://p/b> <http://e/c> .",
      "<http://e/a> <http://p/b> _:b2 .",
      "<http://e/a> <http://p/b> <http://e/c> _:g .",
      "<http://e/\\u00E9> <http://p/b> <http://e/c> .",
      "<http://e/a> <http://p/b> \"line\\nbreak\" .",
      "<http://e/a> <http://p/b> \"x\"@EN .",  // the full parser lowercases the tag
      "<http://e/a> <http://p/b> \"x\"^^<http://d/\\u0041> .",
  };
  for (const auto& line : lines) {
    SCOPED_TRACE(line);
    RdfStatement st;
    EXPECT_FALSE(ParseRdfLineFast(line, true, &st));
    EXPECT_TRUE(ParseFull(line, true).ok);
  }
}

// Every malformed form: the fast scanner declines it, and the full parser
// names the error and its column (1-based, in code points).
TEST(RdfFastTest, LeavesEveryMalformedLineToTheFullParser) {
  struct Bad {
    std::string line;
    bool quads;
    std::string error;
    size_t column;
  };
  const std::vector<Bad> bad = {
      {"<http://e/a> <http://p/b> <http://e/c", false, "unterminated IRI: expected '>'", 27},
      {"<http://e/a> <http://p/b> <http://e/c d> .", false, "character not allowed in an IRI", 38},
      {"<http://e/a> <http://p/{b}> <http://e/c> .", false, "character not allowed in an IRI", 24},
      {"<http://e/a> <b> <http://e/c> .", false,
       "relative IRI <b> (an absolute IRI has a scheme)", 14},
      {"<http://e/a> <http://p/b> \"x\\qy\" .", false, "unknown escape \\q", 29},
      {"<http://e/a> <http://p/b> \"\\uD800\" .", false,
       "escape is not a Unicode scalar value", 28},
      {"<http://e/a> <http://p/b> \"open .", false, "unterminated literal: expected '\"'", 27},
      {"<http://e/a> <http://p/b> \"x\"@ .", false, "bad language tag", 30},
      {"<http://e/a> <http://p/b> \"x\"@1a .", false, "bad language tag", 30},
      {"<http://e/a> <http://p/b> \"x\"^<http://d/t> .", false,
       "expected '^^' before a datatype", 30},
      {"<http://e/a> <http://p/b> \"x\"^^http://d/t .", false,
       "expected a datatype IRI <…> after '^^'", 32},
      {"<http://e/a> <http://p/b> <http://e/c>", false, "expected '.' to end the statement", 39},
      {"<http://e/a> <http://p/b> <http://e/c> <http://a/1>", true,
       "expected '.' to end the statement", 52},
      {"<http://e/a> <http://p/b> <http://e/c> . x", false, "unexpected text after '.'", 42},
      {"<http://e/a> <http://p/b> <http://e/c> <http://g/1> .", false,
       "expected '.' to end the triple (a graph name needs N-Quads)", 40},
      {"<http://e/a> <http://p/b> <http://e/c> \"g\" .", true,
       "expected a graph name (an IRI <…> or a blank node _:x)", 40},
      {"\"a\" <http://p/b> <http://e/c> .", false,
       "expected a subject (an IRI <…> or a blank node _:x)", 1},
      {"<http://e/a> _:p <http://e/c> .", false, "expected a predicate (an IRI <…>)", 14},
      {"<http://e/a> <http://p/b>", false, "expected an object, found the end of the line", 26},
      {"<ليبيا:x> <http://p/b> <http://e/c d> .", false, "character not allowed in an IRI", 35},
  };
  for (const auto& b : bad) {
    SCOPED_TRACE(b.line);
    RdfStatement st;
    EXPECT_FALSE(ParseRdfLineFast(b.line, b.quads, &st));
    Full full = ParseFull(b.line, b.quads);
    EXPECT_FALSE(full.ok);
    EXPECT_EQ(full.error, b.error);
    EXPECT_EQ(full.column, b.column);
  }
}

// Mutations of good lines with the bytes that matter to the syntax: whatever
// the fast scanner accepts, the full parser accepts with the same statement.
TEST(RdfFastTest, AgreesWithTheFullParserOnMutatedLines) {
  const std::vector<std::string> seeds = {
      "<http://e/a> <http://p/b> <http://e/c> <http://a/1> .",
      "<http://e/a> <http://p/b> \"v\"@en <http://a/1> .",
      "<http://e/a> <http://p/b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
  };
  const std::string alphabet = "<>\"\\ \t\r.#@^_:abAB1-{}|`";
  std::mt19937 rng(42);
  size_t accepted = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line = seeds[static_cast<size_t>(n) % seeds.size()];
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !line.empty(); ++e) {
      size_t at = rng() % line.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: line[at] = c; break;
        case 1: line.insert(line.begin() + static_cast<ptrdiff_t>(at), c); break;
        default: line.erase(at, 1); break;
      }
    }
    for (bool quads : {false, true}) {
      RdfStatement st;
      if (!ParseRdfLineFast(line, quads, &st)) continue;
      ++accepted;
      SCOPED_TRACE(line);
      ExpectSameAsFull(line, quads, st);
      if (HasFatalFailure() || HasFailure()) return;
    }
  }
  EXPECT_GT(accepted, 1000u);  // the mutations leave plenty of valid lines
}

}  // namespace
}  // namespace newsgraph::graph
