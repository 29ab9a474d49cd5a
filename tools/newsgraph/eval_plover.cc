// `newsgraph eval plover FILE`: the extractor on the PLOVER gold-standard
// records (Open Event Data Alliance): for each record whose event type maps
// to predicates of ours, is a fact of that kind found, with the gold source
// actor as subject and the gold target as object?
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "newsgraph/extract.h"
#include "tools/newsgraph/eval.h"

namespace newsgraph::cli {

namespace {

using Json = nlohmann::json;

// PLOVER event types and the predicates that express them.
const std::map<std::string, std::set<std::string>>& KindMap() {
  static const std::map<std::string, std::set<std::string>> m = {
      {"AGREE", {"signed_agreement_with", "negotiated_with"}},
      {"CONSULT", {"met_with", "visited", "negotiated_with", "invited"}},
      {"SUPPORT", {"supports"}},
      {"AID", {"supports"}},
      {"ASSAULT", {"attacked", "killed", "intercepted"}},
      {"FIGHT", {"fought", "attacked"}},
      {"PROTEST", {"protested"}},
      {"THREATEN", {"threatened"}},
      {"SANCTION", {"sanctioned"}},
      {"COERCE", {"arrested", "sanctioned"}},
      {"DISAPPROVE", {"condemned", "accused", "opposes"}},
      {"REJECT", {"opposes"}},
      {"MOBILIZE", {"deployed_to"}},
  };
  return m;
}

std::vector<std::string> Actors(const Json& r, const char* field) {
  std::vector<std::string> out;
  auto it = r.find(field);
  if (it == r.end() || !it->is_array()) return out;
  for (const auto& a : *it) {
    if (a.is_object() && a.contains("actorText") && a["actorText"].is_string()) {
      out.push_back(MatchingForm(a["actorText"].get<std::string>()));
    }
  }
  return out;
}

// Whole-word containment either way ("hungarian officials" ~ "hungarian").
bool NameMeets(const std::string& gold, const std::string& ours) {
  if (gold.empty() || ours.size() < 3) return false;
  if (gold == ours) return true;
  auto contains = [](const std::string& big, const std::string& small) {
    size_t at = big.find(small);
    while (at != std::string::npos) {
      bool left = at == 0 || big[at - 1] == ' ';
      bool right = at + small.size() == big.size() || big[at + small.size()] == ' ';
      if (left && right) return true;
      at = big.find(small, at + 1);
    }
    return false;
  };
  return contains(gold, ours) || contains(ours, gold);
}

struct Tally {
  size_t records = 0, event = 0, source = 0, target = 0, with_target = 0, full = 0;
};

}  // namespace

int RunEvalPlover(const Args& args, const std::vector<std::string>& files) {
  if (files.size() != 1) return Fail("eval plover: name one PLOVER file");
  std::ifstream in(files[0]);
  if (!in) return Fail(files[0] + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  // The file is JSON-like: drop trailing commas before ] and }.
  std::string text = ss.str(), clean;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') {
      size_t j = text.find_first_not_of(" \t\r\n", i + 1);
      if (j != std::string::npos && (text[j] == ']' || text[j] == '}')) continue;
    }
    clean.push_back(text[i]);
  }
  Json records;
  try {
    records = Json::parse(clean);
  } catch (const Json::exception& e) {
    return Fail(files[0] + ": " + e.what());
  }
  ExtractorOptions xopts;
  xopts.lexicon_dirs = args.GetAll("lexicon");
  auto ex = Extractor::Create(xopts);
  if (!ex.ok()) return Fail(ex.status());
  std::set<std::string> symmetric;
  for (const auto& p : (*ex)->predicates()) {
    if (p.symmetric) symmetric.insert(p.name);
  }
  bool verbose = args.Has("verbose");
  std::map<std::string, Tally> by_kind;
  size_t unmapped = 0, unmapped_with_facts = 0;
  for (const auto& r : records) {
    std::string kind = r.value("event", "");
    if (kind == "DOCUMENT" || !r.contains("text") || !r["text"].is_string()) continue;
    Article a;
    a.text = r["text"].get<std::string>();
    a.lang = "en";
    a.input = r.value("id", "");
    auto x = (*ex)->Extract(a);
    if (!x.ok()) return Fail(x.status().WithContext(a.input));
    auto km = KindMap().find(kind);
    if (km == KindMap().end()) {
      ++unmapped;
      unmapped_with_facts += !x->facts.empty();
      continue;
    }
    std::vector<std::string> src = Actors(r, "source"), tgt = Actors(r, "target");
    auto names = [&](const EntityRef& e) {
      std::set<std::string> out{MatchingForm(e.label)};
      auto d = (*ex)->DescribeEntity(e.key);
      if (d.ok()) {
        for (const auto& [l, n] : d->labels) out.insert(MatchingForm(n));
        for (const auto* group : {&d->aliases, &d->demonyms}) {
          for (const auto& [l, ns] : *group) {
            for (const auto& n : ns) out.insert(MatchingForm(n));
          }
        }
      }
      for (const auto& m : x->mentions) {
        if (m.entity.key == e.key) out.insert(MatchingForm(m.text));
      }
      return out;
    };
    auto meets = [&](const std::vector<std::string>& gold, const std::set<std::string>& ours) {
      for (const auto& g : gold) {
        for (const auto& o : ours) {
          if (NameMeets(g, o)) return true;
        }
      }
      return false;
    };
    Tally& t = by_kind[kind];
    ++t.records;
    t.with_target += !tgt.empty();
    bool ev = false, s_ok = false, t_ok = false, full = false;
    std::string shown;
    for (const auto& f : x->facts) {
      if (f.negated || !km->second.count(f.predicate)) continue;
      ev = true;
      auto sn = names(f.subject), on = names(f.object);
      bool s1 = meets(src, sn), t1 = !tgt.empty() && meets(tgt, on);
      if (symmetric.count(f.predicate)) {
        s1 |= meets(src, on);
        t1 |= !tgt.empty() && meets(tgt, sn);
      }
      s_ok |= s1;
      t_ok |= t1;
      full |= s1 && (tgt.empty() || t1);
      shown += " " + f.subject.label + " " + f.predicate + " " + f.object.label + ";";
    }
    t.event += ev;
    t.source += s_ok;
    t.target += t_ok;
    t.full += full;
    if (verbose) {
      std::cout << r.value("id", "") << " " << kind << (ev ? " event" : " -") << (s_ok ? " source" : "")
                << (t_ok ? " target" : "") << "\n   " << a.text << "\n  " << shown << "\n";
    }
  }
  Tally all;
  std::cout << "kind        records  event  source  target(of)  all three\n";
  for (const auto& [k, t] : by_kind) {
    std::cout << std::left << std::setw(11) << k << std::right << std::setw(8) << t.records
              << std::setw(7) << t.event << std::setw(8) << t.source << std::setw(8) << t.target
              << "(" << t.with_target << ")" << std::setw(10) << t.full << "\n";
    all.records += t.records;
    all.event += t.event;
    all.source += t.source;
    all.target += t.target;
    all.with_target += t.with_target;
    all.full += t.full;
  }
  std::cout << std::left << std::setw(11) << "all" << std::right << std::setw(8) << all.records
            << std::setw(7) << all.event << std::setw(8) << all.source << std::setw(8) << all.target
            << "(" << all.with_target << ")" << std::setw(10) << all.full << "\n"
            << "records of other kinds: " << unmapped << ", with some fact extracted: "
            << unmapped_with_facts << "\n";
  return 0;
}

}  // namespace newsgraph::cli
