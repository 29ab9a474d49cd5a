#include "graph/store/records.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "graph/model/date.h"
#include "graph/store/coding.h"

namespace newsgraph::graph {

// ---- terms -----------------------------------------------------------------

std::string TermRecord::Name(const std::string& lang) const {
  if (kind != TermKind::kEntity) return key;
  if (!labels.empty()) {
    if (!lang.empty()) {
      if (auto it = labels.find(lang); it != labels.end()) return it->second;
    }
    for (const char* l : {"en", "ar"}) {
      if (auto it = labels.find(l); it != labels.end()) return it->second;
    }
    return labels.begin()->second;
  }
  // The last segment of an IRI. A plain loop: find_last_of calls memchr once
  // per character, and names are computed for every row of a result.
  for (size_t i = key.size(); i-- > 0;) {
    if (key[i] == '/' || key[i] == '#') return i + 1 < key.size() ? key.substr(i + 1) : key;
  }
  return key;
}

std::string CanonicalTermKey(TermKind kind, std::string_view key, std::string_view lang) {
  std::string out;
  out.reserve(key.size() + lang.size() + 2);
  out.push_back(static_cast<char>(kind));
  if (kind == TermKind::kString) {
    out.append(lang);
    out.push_back('\0');
  }
  out.append(key);
  return out;
}

bool CanonicaliseLiteral(TermKind kind, std::string* lexical) {
  switch (kind) {
    case TermKind::kInteger: {
      int64_t v;
      const char* b = lexical->data();
      const char* e = b + lexical->size();
      if (b != e && *b == '+') ++b;
      auto r = std::from_chars(b, e, v);
      if (r.ec != std::errc() || r.ptr != e) return false;
      *lexical = std::to_string(v);
      return true;
    }
    case TermKind::kDecimal: {
      double v;
      const char* b = lexical->data();
      const char* e = b + lexical->size();
      if (b != e && *b == '+') ++b;
      auto r = std::from_chars(b, e, v);
      if (r.ec != std::errc() || r.ptr != e || !std::isfinite(v)) return false;
      char buf[64];
      auto w = std::to_chars(buf, buf + sizeof buf, v);
      lexical->assign(buf, w.ptr);
      return true;
    }
    case TermKind::kDate: {
      auto d = ParseIsoDate(*lexical);
      if (!d) return false;
      *lexical = FormatIsoDate(*d);
      return true;
    }
    default:
      return true;
  }
}

const char* TermKindName(TermKind kind) {
  switch (kind) {
    case TermKind::kEntity: return "entity";
    case TermKind::kPredicate: return "predicate";
    case TermKind::kString: return "string";
    case TermKind::kInteger: return "integer";
    case TermKind::kDecimal: return "decimal";
    case TermKind::kDate: return "date";
  }
  return "unknown";
}

namespace {
void PutStringMap(std::string* out, const std::map<std::string, std::string>& m) {
  PutVarint(out, m.size());
  for (const auto& [k, v] : m) {
    PutLengthPrefixed(out, k);
    PutLengthPrefixed(out, v);
  }
}
bool GetStringMap(std::string_view* in, std::map<std::string, std::string>* m) {
  uint64_t n;
  if (!GetVarint(in, &n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view k, v;
    if (!GetLengthPrefixed(in, &k) || !GetLengthPrefixed(in, &v)) return false;
    (*m)[std::string(k)] = std::string(v);
  }
  return true;
}
}  // namespace

std::string EncodeTerm(const TermRecord& t) {
  std::string out;
  out.push_back(kRecordFormat);
  out.push_back(static_cast<char>(t.kind));
  PutLengthPrefixed(&out, t.key);
  if (t.IsLiteral()) {
    PutLengthPrefixed(&out, t.lang);
    return out;
  }
  PutLengthPrefixed(&out, t.type);
  PutStringMap(&out, t.labels);
  PutVarint(&out, t.aliases.size());
  for (const auto& [lang, names] : t.aliases) {
    PutLengthPrefixed(&out, lang);
    PutVarint(&out, names.size());
    for (const auto& n : names) PutLengthPrefixed(&out, n);
  }
  PutStringMap(&out, t.props);
  return out;
}

bool DecodeTerm(std::string_view in, TermRecord* t) {
  *t = TermRecord();
  if (in.size() < 2 || in[0] != kRecordFormat) return false;
  auto kind = static_cast<uint8_t>(in[1]);
  if (kind < 1 || kind > 6) return false;
  t->kind = static_cast<TermKind>(kind);
  in.remove_prefix(2);
  std::string_view s;
  if (!GetLengthPrefixed(&in, &s)) return false;
  t->key = s;
  if (t->IsLiteral()) {
    if (!GetLengthPrefixed(&in, &s)) return false;
    t->lang = s;
    return in.empty();
  }
  if (!GetLengthPrefixed(&in, &s)) return false;
  t->type = s;
  if (!GetStringMap(&in, &t->labels)) return false;
  uint64_t n;
  if (!GetVarint(&in, &n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view lang;
    uint64_t k;
    if (!GetLengthPrefixed(&in, &lang) || !GetVarint(&in, &k)) return false;
    auto& names = t->aliases[std::string(lang)];
    for (uint64_t j = 0; j < k; ++j) {
      if (!GetLengthPrefixed(&in, &s)) return false;
      names.emplace_back(s);
    }
  }
  if (!GetStringMap(&in, &t->props)) return false;
  return in.empty();
}

// ---- facts, mentions, articles ---------------------------------------------

namespace {
uint64_t DayCode(int32_t day) { return day == kNoDay ? 0 : ZigZag(day) + 1; }
int32_t DayFromCode(uint64_t c) { return c == 0 ? kNoDay : static_cast<int32_t>(UnZigZag(c - 1)); }
}  // namespace

std::string EncodeSummary(const FactSummary& s) {
  std::string out;
  PutVarint(&out, s.mentions);
  PutVarint(&out, s.articles);
  // Most facts come from one article: the last day is stored as a distance
  // from the first (one byte, 1, when they are the same day).
  PutVarint(&out, DayCode(s.first_day));
  PutVarint(&out, s.first_day == kNoDay || s.last_day == kNoDay
                      ? 0
                      : static_cast<uint64_t>(s.last_day - s.first_day) + 1);
  return out;
}

bool DecodeSummary(std::string_view in, FactSummary* s) {
  uint64_t a, b;
  if (!GetVarint(&in, &s->mentions) || !GetVarint(&in, &s->articles) || !GetVarint(&in, &a) ||
      !GetVarint(&in, &b))
    return false;
  s->first_day = DayFromCode(a);
  s->last_day = kNoDay;
  if (b != 0 && s->first_day != kNoDay) {
    // A corrupt delta must not overflow the day number.
    int64_t last = int64_t{s->first_day} + static_cast<int64_t>(std::min<uint64_t>(b - 1, INT32_MAX));
    if (last > INT32_MAX) return false;
    s->last_day = static_cast<int32_t>(last);
  }
  return in.empty();
}

namespace {
enum MentionFlags : uint8_t {
  kNegated = 1,
  kAttributed = 2,
  kPlace = 4,
  kCount = 8,
  kDay = 16,
  kEvidence = 32,
};
}  // namespace

std::string EncodeMention(const MentionRecord& m) {
  std::string out;
  if (m.start == 0 && m.end == 0 && m.rule == "import" && m.confidence == 100 && !m.negated &&
      m.attributed_to == kNoTerm && m.place == kNoTerm && m.count < 0 && m.day == kNoDay &&
      m.evidence.empty()) {
    return out;  // the common case of imported records costs nothing
  }
  out.push_back(kRecordFormat);
  PutVarint(&out, m.start);
  PutVarint(&out, m.end);
  PutLengthPrefixed(&out, m.rule);
  out.push_back(static_cast<char>(m.confidence));
  uint8_t flags = (m.negated ? kNegated : 0) | (m.attributed_to ? kAttributed : 0) |
                  (m.place ? kPlace : 0) | (m.count >= 0 ? kCount : 0) |
                  (m.day != kNoDay ? kDay : 0) | (m.evidence.empty() ? 0 : kEvidence);
  out.push_back(static_cast<char>(flags));
  if (m.attributed_to) PutVarint(&out, m.attributed_to);
  if (m.place) PutVarint(&out, m.place);
  if (m.count >= 0) PutVarint(&out, static_cast<uint64_t>(m.count));
  if (m.day != kNoDay) PutVarint(&out, ZigZag(m.day));
  if (!m.evidence.empty()) PutLengthPrefixed(&out, m.evidence);
  return out;
}

bool DecodeMention(std::string_view in, MentionRecord* m) {
  *m = MentionRecord();
  m->rule = "import";
  if (in.empty()) return true;
  if (in[0] != kRecordFormat) return false;
  in.remove_prefix(1);
  uint64_t start, end, v;
  std::string_view rule;
  if (!GetVarint(&in, &start) || !GetVarint(&in, &end) || !GetLengthPrefixed(&in, &rule) ||
      in.size() < 2)
    return false;
  m->start = static_cast<uint32_t>(start);
  m->end = static_cast<uint32_t>(end);
  m->rule = rule;
  m->confidence = static_cast<uint8_t>(in[0]);
  auto flags = static_cast<uint8_t>(in[1]);
  in.remove_prefix(2);
  m->negated = flags & kNegated;
  if (flags & kAttributed) {
    if (!GetVarint(&in, &v)) return false;
    m->attributed_to = v;
  }
  if (flags & kPlace) {
    if (!GetVarint(&in, &v)) return false;
    m->place = v;
  }
  if (flags & kCount) {
    if (!GetVarint(&in, &v)) return false;
    m->count = static_cast<int64_t>(v);
  }
  if (flags & kDay) {
    if (!GetVarint(&in, &v)) return false;
    m->day = static_cast<int32_t>(UnZigZag(v));
  }
  if (flags & kEvidence) {
    std::string_view e;
    if (!GetLengthPrefixed(&in, &e)) return false;
    m->evidence = e;
  }
  return in.empty();
}

std::string EncodeArticleFactCount(uint64_t mentions) {
  std::string v;
  if (mentions != 1) PutVarint(&v, mentions);
  return v;
}

bool DecodeArticleFactCount(std::string_view in, uint64_t* mentions) {
  if (in.empty()) {
    *mentions = 1;
    return true;
  }
  return GetVarint(&in, mentions) && in.empty() && *mentions > 1;
}

std::string EncodeArticle(const ArticleRecord& a) {
  std::string out;
  out.push_back(kRecordFormat);
  PutLengthPrefixed(&out, a.key);
  PutLengthPrefixed(&out, a.title);
  PutVarint(&out, DayCode(a.day));
  PutLengthPrefixed(&out, a.source);
  PutLengthPrefixed(&out, a.url);
  PutLengthPrefixed(&out, a.lang);
  PutLengthPrefixed(&out, a.text);
  return out;
}

bool DecodeArticle(std::string_view in, ArticleRecord* a) {
  if (in.empty() || in[0] != kRecordFormat) return false;
  in.remove_prefix(1);
  std::string_view key, title, source, url, lang, text;
  uint64_t day;
  if (!GetLengthPrefixed(&in, &key) || !GetLengthPrefixed(&in, &title) || !GetVarint(&in, &day) ||
      !GetLengthPrefixed(&in, &source) || !GetLengthPrefixed(&in, &url) ||
      !GetLengthPrefixed(&in, &lang) || !GetLengthPrefixed(&in, &text))
    return false;
  a->key = key;
  a->title = title;
  a->day = DayFromCode(day);
  a->source = source;
  a->url = url;
  a->lang = lang;
  a->text = text;
  return in.empty();
}

std::string EncodePredicateStats(const PredicateStats& s) {
  std::string out;
  PutVarint(&out, s.facts);
  PutVarint(&out, s.mentions);
  PutVarint(&out, s.subjects);
  PutVarint(&out, s.objects);
  return out;
}

bool DecodePredicateStats(std::string_view in, PredicateStats* s) {
  return GetVarint(&in, &s->facts) && GetVarint(&in, &s->mentions) &&
         GetVarint(&in, &s->subjects) && GetVarint(&in, &s->objects) && in.empty();
}

}  // namespace newsgraph::graph
