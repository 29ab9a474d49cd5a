// `newsgraph eval facts GOLD.json…`: extracted facts scored against gold
// files in the format of ../shared/seed/*.gold.json (its "about" field says
// how facts match).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "newsgraph/article.h"
#include "newsgraph/extract.h"
#include "tools/newsgraph/eval.h"

namespace newsgraph::cli {

namespace {

using Json = nlohmann::json;

std::string Norm(const std::string& s) { return MatchingForm(s); }

struct GoldFact {
  std::string s, p, o;  // entity ids, or literal names
  std::vector<std::string> also_s;
  std::string evidence, why;
};

struct Gold {
  std::map<std::string, std::set<std::string>> names;  // entity id → normalised names
  std::vector<GoldFact> must, may, must_not;
};

struct Ours {
  std::string s_key, p, o_key;  // o_key: "" for a literal
  std::string s_label, o_label, rule, evidence;
  std::set<std::string> s_names, o_names;
};

bool LoadGold(const std::string& path, Json* j, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  try {
    *j = Json::parse(in);
  } catch (const Json::exception& e) {
    *error = path + ": " + e.what();
    return false;
  }
  return true;
}

std::vector<GoldFact> Facts(const Json& j, const char* field) {
  std::vector<GoldFact> out;
  if (!j.contains(field)) return out;
  for (const auto& f : j[field]) {
    GoldFact g;
    g.s = f.value("s", "");
    g.p = f.value("p", "");
    g.o = f.value("o", "");
    g.evidence = f.value("evidence", "");
    g.why = f.value("why", "");
    if (f.contains("also_subject")) {
      for (const auto& a : f["also_subject"]) g.also_s.push_back(a.get<std::string>());
    }
    out.push_back(g);
  }
  return out;
}

class Scorer {
 public:
  Scorer(const Extractor& ex) : ex_(ex) {
    for (const auto& p : ex.predicates()) {
      if (!p.inverse.empty()) inverse_of_[p.inverse] = p.name;
      if (p.symmetric) symmetric_.insert(p.name);
    }
  }

  // The names of a gold end: an entity's names, or the literal itself.
  std::set<std::string> GoldNames(const Gold& g, const std::string& end) const {
    auto it = g.names.find(end);
    return it != g.names.end() ? it->second : std::set<std::string>{Norm(end)};
  }

  static bool Meets(const std::set<std::string>& a, const std::set<std::string>& b) {
    for (const auto& x : a) {
      if (b.count(x)) return true;
    }
    return false;
  }

  bool Matches(const Gold& g, const GoldFact& f, const Ours& o) const {
    std::string p = f.p, s = f.s, obj = f.o;
    std::vector<std::string> subjects{f.s};
    subjects.insert(subjects.end(), f.also_s.begin(), f.also_s.end());
    bool swapped = false;
    if (auto it = inverse_of_.find(p); it != inverse_of_.end()) {
      p = it->second;
      swapped = true;
    }
    if (p != o.p) return false;
    auto fits = [&](const std::set<std::string>& os, const std::set<std::string>& oo) {
      if (swapped) {
        if (!Meets(GoldNames(g, obj), os)) return false;
        for (const auto& sub : subjects) {
          if (Meets(GoldNames(g, sub), oo)) return true;
        }
        return false;
      }
      if (!Meets(GoldNames(g, obj), oo)) return false;
      for (const auto& sub : subjects) {
        if (Meets(GoldNames(g, sub), os)) return true;
      }
      return false;
    };
    if (fits(o.s_names, o.o_names)) return true;
    return symmetric_.count(p) && fits(o.o_names, o.s_names);
  }

  // Every name of an entity the extractor knows and the article writes.
  std::set<std::string> Names(const EntityRef& e, const Extraction& x) const {
    std::set<std::string> out{Norm(e.label)};
    if (e.type == "Literal") return out;
    auto d = ex_.DescribeEntity(e.key);
    if (d.ok()) {
      for (const auto& [l, n] : d->labels) out.insert(Norm(n));
      for (const auto& [l, ns] : d->aliases) {
        for (const auto& n : ns) out.insert(Norm(n));
      }
    }
    for (const auto& m : x.mentions) {
      if (m.entity.key == e.key && m.rule != "demonym") out.insert(Norm(m.text));
    }
    return out;
  }

 private:
  const Extractor& ex_;
  std::map<std::string, std::string> inverse_of_;
  std::set<std::string> symmetric_;
};

}  // namespace

int RunEvalFacts(const Args& args, const std::vector<std::string>& files) {
  if (files.empty()) return Fail("eval facts: name at least one GOLD.json");
  ExtractorOptions xopts;
  xopts.lexicon_dirs = args.GetAll("lexicon");
  auto ex = Extractor::Create(xopts);
  if (!ex.ok()) return Fail(ex.status());
  Scorer scorer(**ex);
  bool verbose = args.Has("verbose");
  size_t must_total = 0, must_found = 0, extracted = 0, correct = 0, bad = 0;
  Json per_file = Json::array();
  for (const auto& path : files) {
    Json j;
    std::string error;
    if (!LoadGold(path, &j, &error)) return Fail(error);
    Gold g;
    // value() returns a copy: keep it alive for the loop, items() only views it.
    const Json entities = j.value("entities", Json::object());
    for (const auto& [id, e] : entities.items()) {
      const Json names = e.value("names", Json::array());
      for (const auto& n : names) g.names[id].insert(Norm(n.get<std::string>()));
    }
    g.must = Facts(j, "must");
    g.may = Facts(j, "may");
    g.must_not = Facts(j, "must_not");
    std::string doc = j.value("document", "");
    if (doc.empty()) return Fail(path + ": no \"document\" field");
    std::string doc_path = (std::filesystem::path(path).parent_path() / doc).string();
    std::vector<Article> articles;
    std::vector<std::string> problems;
    Status s = ReadArticles({doc_path}, ReadOptions(),
                            [&](Article&& a) {
                              articles.push_back(std::move(a));
                              return Status::OK();
                            },
                            [&](const std::string& p) { problems.push_back(p); }, nullptr);
    if (!s.ok()) return Fail(s);
    for (const auto& p : problems) std::cerr << "newsgraph eval: " << p << "\n";
    // Distinct extracted facts of the document (negated ones are not claims).
    std::map<std::tuple<std::string, std::string, std::string>, Ours> ours;
    for (const auto& a : articles) {
      auto x = (*ex)->Extract(a);
      if (!x.ok()) return Fail(x.status().WithContext(doc_path));
      for (const auto& f : x->facts) {
        if (f.negated) continue;
        std::string okey = f.literal() ? "\"" + f.object.label : f.object.key;
        auto [it, inserted] = ours.try_emplace({f.subject.key, f.predicate, okey});
        if (!inserted) continue;
        Ours& o = it->second;
        o.s_key = f.subject.key;
        o.p = f.predicate;
        o.o_key = f.literal() ? "" : f.object.key;
        o.s_label = f.subject.label;
        o.o_label = f.object.label;
        o.rule = f.rule;
        o.evidence = f.evidence;
        o.s_names = scorer.Names(f.subject, *x);
        o.o_names = scorer.Names(f.object, *x);
      }
    }
    size_t file_found = 0, file_correct = 0, file_bad = 0;
    if (verbose) std::cout << "== " << path << "\n";
    for (const auto& f : g.must) {
      const Ours* hit = nullptr;
      for (const auto& [k, o] : ours) {
        if (scorer.Matches(g, f, o)) hit = &o;
      }
      file_found += hit != nullptr;
      if (verbose) {
        std::cout << (hit ? "  found   " : "  MISSED  ") << f.s << " " << f.p << " " << f.o;
        if (hit) std::cout << "   [" << hit->rule << "]";
        std::cout << "\n";
      }
    }
    for (const auto& entry : ours) {
      const auto& o = entry.second;  // clang 14 cannot capture a structured binding
      auto any = [&](const std::vector<GoldFact>& list) {
        for (const auto& f : list) {
          if (scorer.Matches(g, f, o)) return true;
        }
        return false;
      };
      bool is_bad = any(g.must_not);
      bool ok = !is_bad && (any(g.must) || any(g.may));
      file_correct += ok;
      file_bad += is_bad;
      if (verbose) {
        std::cout << (is_bad ? "  MUST_NOT " : ok ? "  correct  " : "  WRONG    ") << o.s_label
                  << " " << o.p << " " << o.o_label << "   [" << o.rule << "]  " << o.evidence
                  << "\n";
      }
    }
    must_total += g.must.size();
    must_found += file_found;
    extracted += ours.size();
    correct += file_correct;
    bad += file_bad;
    per_file.push_back({{"gold", path}, {"must", g.must.size()}, {"found", file_found},
                        {"extracted", ours.size()}, {"correct", file_correct}, {"must_not", file_bad}});
  }
  double recall = must_total ? static_cast<double>(must_found) / must_total : 0;
  double precision = extracted ? static_cast<double>(correct) / extracted : 0;
  if (args.Has("json")) {
    Json out = {{"must", must_total}, {"found", must_found}, {"recall", recall},
                {"extracted", extracted}, {"correct", correct}, {"precision", precision},
                {"must_not", bad}, {"files", per_file}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << std::fixed << std::setprecision(3) << "recall    " << must_found << "/"
              << must_total << " must facts (" << recall << ")\n"
              << "precision " << correct << "/" << extracted << " extracted facts (" << precision
              << ")\n"
              << "must_not  " << bad << " extracted\n";
  }
  return 0;
}

}  // namespace newsgraph::cli
