// Value encodings of the column families. Private to graph/store.
#pragma once

#include <string>
#include <string_view>

#include "graph/model/fact.h"
#include "graph/model/term.h"

namespace newsgraph::graph {

// Every record starts with a format byte so that a later version can read
// older stores.
inline constexpr char kRecordFormat = 1;

std::string EncodeTerm(const TermRecord& t);
bool DecodeTerm(std::string_view in, TermRecord* t);

std::string EncodeSummary(const FactSummary& s);
bool DecodeSummary(std::string_view in, FactSummary* s);

// An empty value decodes to a default mention (rule "import").
std::string EncodeMention(const MentionRecord& m);
bool DecodeMention(std::string_view in, MentionRecord* m);

// An article_facts value: how many mentions the fact has in the article
// (schema version 2). The common single mention is an empty value, which
// costs no byte on disk.
std::string EncodeArticleFactCount(uint64_t mentions);
bool DecodeArticleFactCount(std::string_view in, uint64_t* mentions);

std::string EncodeArticle(const ArticleRecord& a);
bool DecodeArticle(std::string_view in, ArticleRecord* a);

// Per-predicate statistics kept in `meta` for the planner.
struct PredicateStats {
  uint64_t facts = 0;
  uint64_t mentions = 0;
  uint64_t subjects = 0;  // distinct
  uint64_t objects = 0;   // distinct
};
std::string EncodePredicateStats(const PredicateStats& s);
bool DecodePredicateStats(std::string_view in, PredicateStats* s);

}  // namespace newsgraph::graph
