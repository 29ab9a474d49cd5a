#include "graph/store/key_codec.h"

#include "graph/store/coding.h"

namespace newsgraph::graph {

IndexOrder ChooseIndex(bool s, bool p, bool o) {
  if (s && o && !p) return IndexOrder::kOsp;
  if (s) return IndexOrder::kSpo;
  if (p) return IndexOrder::kPos;
  if (o) return IndexOrder::kOsp;
  return IndexOrder::kSpo;
}

namespace {
void Order(IndexOrder order, const Triple& t, uint64_t out[3]) {
  switch (order) {
    case IndexOrder::kSpo: out[0] = t.s; out[1] = t.p; out[2] = t.o; break;
    case IndexOrder::kPos: out[0] = t.p; out[1] = t.o; out[2] = t.s; break;
    case IndexOrder::kOsp: out[0] = t.o; out[1] = t.s; out[2] = t.p; break;
  }
}
void Unorder(IndexOrder order, const uint64_t in[3], Triple* t) {
  switch (order) {
    case IndexOrder::kSpo: t->s = in[0]; t->p = in[1]; t->o = in[2]; break;
    case IndexOrder::kPos: t->p = in[0]; t->o = in[1]; t->s = in[2]; break;
    case IndexOrder::kOsp: t->o = in[0]; t->s = in[1]; t->p = in[2]; break;
  }
}
void PutTriple(std::string* k, const Triple& t) {
  PutCompactId(k, t.s);
  PutCompactId(k, t.p);
  PutCompactId(k, t.o);
}
bool GetTriple(std::string_view* in, Triple* t) {
  return GetCompactId(in, &t->s) && GetCompactId(in, &t->p) && GetCompactId(in, &t->o);
}
}  // namespace

void AppendTripleKey(std::string* k, IndexOrder order, const Triple& t) {
  uint64_t v[3];
  Order(order, t, v);
  for (uint64_t x : v) PutCompactId(k, x);
}

std::string TripleKey(IndexOrder order, const Triple& t) {
  std::string k;
  k.reserve(12);
  AppendTripleKey(&k, order, t);
  return k;
}

std::string TriplePrefix(IndexOrder order, const Triple& pattern) {
  uint64_t v[3];
  Order(order, pattern, v);
  std::string k;
  for (uint64_t x : v) {
    if (x == kNoTerm) break;
    PutCompactId(&k, x);
  }
  return k;
}

bool DecodeTripleKey(IndexOrder order, std::string_view key, Triple* t) {
  uint64_t v[3];
  for (uint64_t& x : v) {
    if (!GetCompactId(&key, &x)) return false;
  }
  Unorder(order, v, t);
  return key.empty();
}

std::string IdKey(uint64_t id) {
  std::string k;
  PutCompactId(&k, id);
  return k;
}

bool DecodeIdKey(std::string_view key, uint64_t* id) { return GetCompactId(&key, id) && key.empty(); }

void AppendMentionKey(std::string* k, const Triple& t, ArticleId article, uint32_t sentence) {
  PutTriple(k, t);
  PutCompactId(k, article);
  PutCompactId(k, sentence);
}

std::string MentionKey(const Triple& t, ArticleId article, uint32_t sentence) {
  std::string k;
  k.reserve(16);
  AppendMentionKey(&k, t, article, sentence);
  return k;
}

std::string MentionPrefix(const Triple& t) {
  std::string k;
  PutTriple(&k, t);
  return k;
}

std::string MentionPrefix(const Triple& t, ArticleId article) {
  std::string k = MentionPrefix(t);
  PutCompactId(&k, article);
  return k;
}

bool DecodeMentionKey(std::string_view key, Triple* t, ArticleId* article, uint32_t* sentence) {
  uint64_t s;
  if (!GetTriple(&key, t) || !GetCompactId(&key, article) || !GetCompactId(&key, &s)) return false;
  *sentence = static_cast<uint32_t>(s);
  return key.empty();
}

void AppendArticleFactKey(std::string* k, ArticleId article, const Triple& t) {
  PutCompactId(k, article);
  PutTriple(k, t);
}

std::string ArticleFactKey(ArticleId article, const Triple& t) {
  std::string k;
  AppendArticleFactKey(&k, article, t);
  return k;
}

std::string ArticleFactPrefix(ArticleId article) { return IdKey(article); }

bool DecodeArticleFactKey(std::string_view key, ArticleId* article, Triple* t) {
  return GetCompactId(&key, article) && GetTriple(&key, t) && key.empty();
}

std::string ByDatePrefix(int32_t day) {
  std::string k;
  PutFixed32BE(&k, static_cast<uint32_t>(day) ^ 0x80000000u);
  return k;
}

std::string ByDateKey(int32_t day, ArticleId article) {
  std::string k = ByDatePrefix(day);
  PutCompactId(&k, article);
  return k;
}

bool DecodeByDateKey(std::string_view key, int32_t* day, ArticleId* article) {
  if (key.size() < 4) return false;
  *day = static_cast<int32_t>(DecodeFixed32BE(key.data()) ^ 0x80000000u);
  key.remove_prefix(4);
  return GetCompactId(&key, article) && key.empty();
}

std::string AliasKey(std::string_view folded, TermId id) {
  std::string k = AliasPrefix(folded);
  PutCompactId(&k, id);
  return k;
}

std::string AliasPrefix(std::string_view folded) {
  std::string k(folded);
  k.push_back('\0');
  return k;
}

bool DecodeAliasKey(std::string_view key, std::string_view* folded, TermId* id) {
  // Folded names hold no NUL, so the first NUL ends the name.
  size_t cut = key.find('\0');
  if (cut == std::string_view::npos) return false;
  std::string_view rest = key.substr(cut + 1);
  uint64_t v;
  if (!GetCompactId(&rest, &v) || !rest.empty()) return false;
  *folded = key.substr(0, cut);
  *id = v;
  return true;
}

std::string ArticleNameKey(std::string_view article_key) {
  std::string k;
  k.push_back('\x10');
  k.append(article_key);
  return k;
}

namespace meta {
std::string PredicateStatsKey(TermId p) {
  std::string k(kPredicateStatsPrefix);
  PutCompactId(&k, p);
  return k;
}
}  // namespace meta

}  // namespace newsgraph::graph
