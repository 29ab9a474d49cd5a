// Helpers shared by the store tests: opening stores in temporary directories,
// writing input files, and reading a store back into plain, comparable maps
// keyed by term keys (ids differ between stores; keys do not).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "api/database_impl.h"
#include "graph/model/date.h"
#include "graph/store/batch.h"
#include "graph/store/check.h"
#include "graph/store/read_view.h"
#include "graph/store/store.h"
#include "newsgraph/database.h"

namespace newsgraph::testing {

// What `newsgraph check` would report about the store, as of now.
inline std::vector<std::string> CheckProblems(const graph::Store& store) {
  graph::CheckReport r;
  EXPECT_TRUE(graph::CheckStore(*store.NewReadView(), &r).ok());
  return r.problems;
}

inline void WriteFile(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  ASSERT_TRUE(out.good()) << path;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string DataFile(const std::string& name) {
  return std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/" + name;
}

inline std::unique_ptr<Database> OpenDb(const std::string& path, bool read_only = false) {
  Options o;
  o.read_only = read_only;
  o.write_buffer_bytes = 4 << 20;
  o.block_cache_bytes = 8 << 20;
  auto db = Database::Open(o, path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

// A mention as import writes it: no provenance beyond the article.
inline graph::MentionRecord ImportMention() {
  graph::MentionRecord m;
  m.rule = "import";
  return m;
}

inline graph::Store* StoreOf(Database* db) { return db->impl()->store.get(); }

// A term as text: "kind:lang:key".
inline std::string TermText(const graph::ReadView& v, graph::TermId id) {
  auto t = v.GetTerm(id);
  if (!t.ok()) return "<missing " + std::to_string(id) + ">";
  return std::string(graph::TermKindName(t->kind)) + ":" + t->lang + ":" + t->key;
}

inline std::string FactText(const graph::ReadView& v, const graph::Triple& t) {
  return TermText(v, t.s) + " | " + TermText(v, t.p) + " | " + TermText(v, t.o);
}

struct FactInfo {
  uint64_t mentions = 0, articles = 0;
  std::string first, last;
  auto operator<=>(const FactInfo&) const = default;
};

inline void PrintTo(const FactInfo& f, std::ostream* os) {
  *os << "{" << f.mentions << " mentions, " << f.articles << " articles, " << f.first << ".."
      << f.last << "}";
}

// Every fact with its summary.
inline std::map<std::string, FactInfo> Facts(const graph::ReadView& v) {
  std::map<std::string, FactInfo> out;
  auto c = v.Scan({});
  for (; c->Valid(); c->Next()) {
    auto sum = v.GetFact(c->triple());
    EXPECT_TRUE(sum.ok() && sum->has_value());
    const graph::FactSummary& s = **sum;
    out[FactText(v, c->triple())] = {s.mentions, s.articles, graph::FormatIsoDate(s.first_day),
                                     graph::FormatIsoDate(s.last_day)};
  }
  EXPECT_TRUE(c->status().ok()) << c->status().ToString();
  return out;
}

inline std::map<std::string, FactInfo> Facts(Database* db) {
  return Facts(*StoreOf(db)->NewReadView());
}

// Article key → date.
inline std::map<std::string, std::string> ArticleDates(Database* db) {
  std::map<std::string, std::string> out;
  auto v = StoreOf(db)->NewReadView();
  auto c = v->Cursor(graph::Cf::kArticles);
  for (; c->Valid(); c->Next()) {
    graph::ArticleRecord a;
    EXPECT_TRUE(graph::DecodeArticle(c->value(), &a));
    out[a.key] = graph::FormatIsoDate(a.day);
  }
  return out;
}

// "fact @ article key" → number of mentions of the fact in that article.
inline std::map<std::string, uint64_t> MentionsByArticle(Database* db) {
  std::map<std::string, uint64_t> out;
  auto v = StoreOf(db)->NewReadView();
  auto c = v->Cursor(graph::Cf::kMentions);
  for (; c->Valid(); c->Next()) {
    graph::Triple t;
    graph::ArticleId a;
    uint32_t sentence;
    EXPECT_TRUE(graph::DecodeMentionKey(c->key(), &t, &a, &sentence));
    auto art = v->GetArticle(a);
    ++out[FactText(*v, t) + " @ " + (art.ok() ? art->key : "<missing article>")];
  }
  return out;
}

// Entity key → "type; labels; aliases", for entities that have any of them.
inline std::map<std::string, std::string> Descriptions(Database* db) {
  std::map<std::string, std::string> out;
  auto v = StoreOf(db)->NewReadView();
  auto c = v->Cursor(graph::Cf::kTerms);
  for (; c->Valid(); c->Next()) {
    graph::TermRecord t;
    EXPECT_TRUE(graph::DecodeTerm(c->value(), &t));
    if (t.kind != graph::TermKind::kEntity) continue;
    if (t.type.empty() && t.labels.empty() && t.aliases.empty()) continue;
    std::string d = t.type + ";";
    for (const auto& [lang, label] : t.labels) d += " " + lang + "=" + label;
    d += ";";
    for (const auto& [lang, names] : t.aliases) {
      for (const auto& n : names) d += " " + lang + "=" + n;
    }
    out[t.key] = d;
  }
  return out;
}

inline std::vector<std::string> CheckProblems(Database* db) {
  auto r = db->Check();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r->problems : std::vector<std::string>{"check failed"};
}

inline std::string Export(Database* db, DataFormat format) {
  std::ostringstream out;
  ExportOptions o;
  o.format = format;
  Status s = db->Export(out, o);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

inline std::multiset<std::string> Lines(const std::string& text) {
  std::multiset<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.insert(line);
  return out;
}

}  // namespace newsgraph::testing
