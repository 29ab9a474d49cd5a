// Keys of the column families (DESIGN section 3). Private to graph/store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/model/fact.h"
#include "graph/model/term.h"

namespace newsgraph::graph {

// The three fact orders. Which one serves a pattern is a pure function of
// the bound positions: see ChooseIndex.
enum class IndexOrder : uint8_t { kSpo, kPos, kOsp };

// s → spo, p → pos, o → osp, s+p → spo, p+o → pos, s+o → osp, all or none → spo.
IndexOrder ChooseIndex(bool s_bound, bool p_bound, bool o_bound);

// The key of `t` in index `order`.
std::string TripleKey(IndexOrder order, const Triple& t);
// The longest key prefix of index `order` fixed by the bound positions (a
// position equal to kNoTerm is unbound). Only a leading run of bound
// positions in the index's order goes into the prefix.
std::string TriplePrefix(IndexOrder order, const Triple& pattern);
// Decodes a key of index `order` back into s, p, o.
bool DecodeTripleKey(IndexOrder order, std::string_view key, Triple* t);

std::string IdKey(uint64_t id);  // terms, articles
bool DecodeIdKey(std::string_view key, uint64_t* id);

// mentions: s p o article sentence
std::string MentionKey(const Triple& t, ArticleId article, uint32_t sentence);
std::string MentionPrefix(const Triple& t);
std::string MentionPrefix(const Triple& t, ArticleId article);
bool DecodeMentionKey(std::string_view key, Triple* t, ArticleId* article, uint32_t* sentence);

// article_facts: article s p o
std::string ArticleFactKey(ArticleId article, const Triple& t);
std::string ArticleFactPrefix(ArticleId article);
bool DecodeArticleFactKey(std::string_view key, ArticleId* article, Triple* t);

// The same keys appended to *k, for a writer that reuses one buffer for
// millions of keys (the bulk import) instead of allocating each.
void AppendTripleKey(std::string* k, IndexOrder order, const Triple& t);
void AppendMentionKey(std::string* k, const Triple& t, ArticleId article, uint32_t sentence);
void AppendArticleFactKey(std::string* k, ArticleId article, const Triple& t);

// by_date: day (4 bytes big-endian, offset by 2^31) article
std::string ByDateKey(int32_t day, ArticleId article);
std::string ByDatePrefix(int32_t day);
bool DecodeByDateKey(std::string_view key, int32_t* day, ArticleId* article);

// aliases: folded name, 0x00, term id. Folded names never hold NUL.
std::string AliasKey(std::string_view folded, TermId id);
std::string AliasPrefix(std::string_view folded);
bool DecodeAliasKey(std::string_view key, std::string_view* folded, TermId* id);

// term_keys entries for articles: kind byte 0x10, then the article's key.
std::string ArticleNameKey(std::string_view article_key);

// Names in the meta column family.
namespace meta {
inline constexpr std::string_view kSchemaVersion = "schema_version";
inline constexpr std::string_view kNextTermId = "next_term_id";
inline constexpr std::string_view kNextArticleId = "next_article_id";
inline constexpr std::string_view kFacts = "count/facts";
inline constexpr std::string_view kMentions = "count/mentions";
inline constexpr std::string_view kArticles = "count/articles";
inline constexpr std::string_view kEntities = "count/entities";
inline constexpr std::string_view kVersion = "store_version";  // bumps on every commit
inline constexpr std::string_view kPredicateStatsPrefix = "stats/p/";
std::string PredicateStatsKey(TermId p);
}  // namespace meta

// 2: article_facts values count the fact's mentions in the article. A
// version-1 store is upgraded when opened for writing; read-only, it is read
// as it is (counts then come from the mentions).
inline constexpr uint64_t kSchemaVersion = 2;

}  // namespace newsgraph::graph
