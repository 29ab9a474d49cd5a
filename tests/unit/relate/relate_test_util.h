// Facts the built-in lexicon and patterns extract from one short text, and
// lookups that print every fact found when an expectation fails.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "newsgraph/extract.h"

namespace newsgraph::testing {

// One extractor per test process: loading the lexicon is the slow part.
inline const Extractor& BuiltinExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    auto r = Extractor::Create(ExtractorOptions());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : nullptr;
  }();
  return *ex;
}

// The body facts of an article with `text` as its body.
inline std::vector<ExtractedFact> FactsOf(const std::string& text, const std::string& lang) {
  Article a;
  a.title = lang == "ar" ? "خبر" : "News";
  a.text = text;
  a.lang = lang;
  a.date = "2024-03-05";
  auto r = BuiltinExtractor().Extract(a);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  std::vector<ExtractedFact> out;
  if (!r.ok()) return out;
  for (auto& f : r->facts)
    if (!f.in_title) out.push_back(std::move(f));
  return out;
}

inline std::string Show(const std::vector<ExtractedFact>& facts) {
  std::string s = "facts found:\n";
  for (const auto& f : facts) {
    s += "  " + f.subject.key + " " + f.predicate + " " + (f.literal() ? f.object.label : f.object.key);
    if (f.negated) s += " negated";
    if (!f.attributed_to.key.empty()) s += " by=" + f.attributed_to.key;
    if (f.count >= 0) s += " count=" + std::to_string(f.count);
    if (!f.place.key.empty()) s += " at=" + f.place.key;
    s += " [" + f.rule + "]\n";
  }
  return s;
}

// The fact (subject, predicate, object), or null. Objects are entity keys,
// or the value of a literal.
inline const ExtractedFact* Find(const std::vector<ExtractedFact>& facts, const std::string& s,
                                 const std::string& p, const std::string& o) {
  for (const auto& f : facts) {
    if (f.subject.key == s && f.predicate == p && (f.literal() ? f.object.label : f.object.key) == o)
      return &f;
  }
  return nullptr;
}

inline size_t CountPredicate(const std::vector<ExtractedFact>& facts, const std::string& p) {
  size_t n = 0;
  for (const auto& f : facts) n += f.predicate == p;
  return n;
}

}  // namespace newsgraph::testing

// Expects the fact and binds it to `var` for further checks.
#define EXPECT_FACT(var, facts, s, p, o)                                         \
  const ::newsgraph::ExtractedFact* var = ::newsgraph::testing::Find(facts, s, p, o); \
  ASSERT_NE(var, nullptr) << s << " " << p << " " << o << " missing; " << ::newsgraph::testing::Show(facts)
