// `newsgraph eval ner`: entity recognition scored against BIO files, exact
// match per type (CoNLL style). `eval facts` and `eval plover` live in
// eval_facts.cc and eval_plover.cc.
#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "newsgraph/extract.h"
#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/commands.h"
#include "tools/newsgraph/eval.h"

namespace newsgraph::cli {

namespace {

const CommandSpec kEval{
    "eval", "eval ner|facts|plover [options] FILE…",
    "Scores the extractor against gold data.\n"
    "`eval ner FILE…` reads BIO files (one token a line, `token TAG`, blank lines between\n"
    "sentences; AQMAR, CoNLL), joins each file's tokens into one article, extracts, tags\n"
    "every token a mention covers, and prints exact-match precision, recall and F1 per type\n"
    "and overall. Gold tags other than the mapped types (MIS, MISC…) count as O.\n"
    "`eval facts GOLD.json…` extracts the facts of the article file each gold file names\n"
    "(its \"document\", relative to the gold file) and prints recall over `must`, precision\n"
    "over all extracted facts (a fact matching `must` or `may` is correct) and the `must_not`\n"
    "facts extracted. Names match after normalisation; declared inverses and symmetric\n"
    "predicates match either way round.\n"
    "`eval plover FILE` runs the extractor on each record of a PLOVER gold-standard file and\n"
    "prints how often a fact of the event's kind is found, with the gold source and target.",
    {{"lexicon", "DIR", "add a lexicon folder (repeatable)", true},
     {"verbose", "", "facts: list every gold fact found or missed and every extracted fact; "
                     "plover: every record"},
     {"map", "TYPE=TAG", "entity type to gold tag, e.g. Group=PER or Event= (repeatable); "
                         "default Person/Group=PER, Organization=ORG, Country/City/Region/Facility=LOC",
      true},
     {"errors", "N", "print up to N missed and N spurious entities"},
     {"json", "", "print the scores as JSON"},
     DbOption()}};

int RunEval(int argc, char** argv);
const Registration kEvalReg("eval", RunEval, "score extraction against gold files", 60);

struct Chunk {
  size_t sentence, begin, end;  // tokens [begin, end) of the sentence
  std::string tag;
  bool operator<(const Chunk& o) const {
    return std::tie(sentence, begin, end, tag) < std::tie(o.sentence, o.begin, o.end, o.tag);
  }
};

struct Doc {
  std::string path;
  std::vector<std::vector<std::string>> tokens;  // per sentence
  std::vector<std::vector<std::string>> gold;    // tags
};

bool ReadBio(const std::string& path, Doc* doc, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  doc->path = path;
  doc->tokens.emplace_back();
  doc->gold.emplace_back();
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos) {
      if (!doc->tokens.back().empty()) {
        doc->tokens.emplace_back();
        doc->gold.emplace_back();
      }
      continue;
    }
    size_t sp = line.find_last_of(" \t");
    std::string token = sp == std::string::npos ? line : line.substr(b, sp - b);
    std::string tag = sp == std::string::npos ? "O" : line.substr(sp + 1);
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.pop_back();
    if (token.empty()) continue;
    doc->tokens.back().push_back(token);
    doc->gold.back().push_back(tag);
  }
  if (doc->tokens.back().empty()) {
    doc->tokens.pop_back();
    doc->gold.pop_back();
  }
  return true;
}

// CoNLL chunks of one tag sequence; an I- without a B- starts a chunk.
void Chunks(const std::vector<std::string>& tags, size_t sentence, const std::set<std::string>& keep,
            std::vector<Chunk>* out) {
  std::string cur;
  size_t begin = 0;
  auto close = [&](size_t end) {
    if (!cur.empty()) out->push_back(Chunk{sentence, begin, end, cur});
    cur.clear();
  };
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string& t = tags[i];
    std::string prefix = t.size() > 2 && t[1] == '-' ? t.substr(0, 1) : "";
    std::string type = prefix.empty() ? "" : t.substr(2);
    if (prefix.empty() || !keep.count(type)) {
      close(i);
      continue;
    }
    if (prefix == "B" || type != cur) {
      close(i);
      cur = type;
      begin = i;
    }
  }
  close(tags.size());
}

struct Score {
  size_t gold = 0, pred = 0, correct = 0;
  double P() const { return pred ? static_cast<double>(correct) / pred : 0; }
  double R() const { return gold ? static_cast<double>(correct) / gold : 0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

int RunEval(int argc, char** argv) {
  Args args;
  if (!args.Parse(kEval, argc, argv)) return 2;
  if (args.help() || args.positional().empty()) {
    PrintHelp(kEval);
    return args.help() ? 0 : 2;
  }
  std::vector<std::string> files(args.positional().begin() + 1, args.positional().end());
  if (args.positional()[0] == "facts") return RunEvalFacts(args, files);
  if (args.positional()[0] == "plover") return RunEvalPlover(args, files);
  if (args.positional()[0] != "ner") {
    return Fail("eval: unknown task \"" + args.positional()[0] + "\" (ner, facts, plover)");
  }
  if (files.empty()) return Fail("eval ner: name at least one FILE");

  std::map<std::string, std::string> type_map = {{"Person", "PER"}, {"Organization", "ORG"},
                                                 {"Country", "LOC"}, {"City", "LOC"},
                                                 {"Region", "LOC"}, {"Facility", "LOC"},
                                                 {"Group", "PER"}};
  for (const auto& m : args.GetAll("map")) {
    size_t eq = m.find('=');
    if (eq == std::string::npos) return Fail("eval: bad --map " + m);
    type_map[m.substr(0, eq)] = m.substr(eq + 1);
  }
  std::set<std::string> tags;
  for (const auto& [type, tag] : type_map) {
    if (!tag.empty()) tags.insert(tag);
  }
  size_t max_errors = args.Has("errors") ? std::stoul(args.Get("errors")) : 0;

  ExtractorOptions xopts;
  xopts.lexicon_dirs = args.GetAll("lexicon");
  auto ex = Extractor::Create(xopts);
  if (!ex.ok()) return Fail(ex.status());

  std::map<std::string, Score> scores;
  std::vector<std::string> missed, spurious;
  for (const auto& path : files) {
    Doc doc;
    std::string error;
    if (!ReadBio(path, &doc, &error)) return Fail(error);
    // One article: tokens joined by spaces, a sentence a line.
    Article a;
    a.input = path;
    a.lang = "ar";
    std::vector<std::vector<std::pair<size_t, size_t>>> spans(doc.tokens.size());
    for (size_t s = 0; s < doc.tokens.size(); ++s) {
      for (const auto& tok : doc.tokens[s]) {
        if (!spans[s].empty()) a.text.push_back(' ');
        spans[s].emplace_back(a.text.size(), a.text.size() + tok.size());
        a.text += tok;
      }
      a.text.push_back('\n');
    }
    auto r = (*ex)->Extract(a);
    if (!r.ok()) return Fail(r.status().WithContext(path));
    std::vector<std::vector<std::string>> pred(doc.tokens.size());
    std::map<std::pair<size_t, size_t>, std::string> rule_at;  // (sentence, token) → rule
    for (size_t s = 0; s < doc.tokens.size(); ++s) pred[s].assign(doc.tokens[s].size(), "O");
    size_t s = 0;
    for (const auto& m : r->mentions) {
      // Gold NER data tags names, not adjectives or anaphors.
      if (m.in_title || m.rule == "demonym" || m.rule == "coref.anaphor") continue;
      auto it = type_map.find(m.entity.type);
      if (it == type_map.end() || it->second.empty()) continue;
      while (s + 1 < spans.size() && !spans[s].empty() && spans[s].back().second <= m.start) ++s;
      std::vector<size_t> covered;
      for (size_t k = 0; k < spans[s].size(); ++k) {
        if (spans[s][k].first < m.end && m.start < spans[s][k].second) covered.push_back(k);
      }
      if (covered.empty()) continue;
      bool clash = false;
      for (size_t k : covered) clash |= pred[s][k] != "O";
      if (clash) continue;
      for (size_t k : covered) pred[s][k] = (k == covered.front() ? "B-" : "I-") + it->second;
      rule_at[{s, covered.front()}] = m.rule + " " + m.entity.type;
    }
    for (size_t s2 = 0; s2 < doc.tokens.size(); ++s2) {
      std::vector<Chunk> g, p;
      Chunks(doc.gold[s2], s2, tags, &g);
      Chunks(pred[s2], s2, tags, &p);
      std::set<Chunk> gs(g.begin(), g.end()), ps(p.begin(), p.end());
      auto text = [&](const Chunk& c) {
        std::string t;
        for (size_t k = c.begin; k < c.end; ++k) t += (k > c.begin ? " " : "") + doc.tokens[s2][k];
        return c.tag + " " + t;
      };
      for (const auto& c : g) {
        ++scores[c.tag].gold;
        if (ps.count(c)) ++scores[c.tag].correct;
        else if (missed.size() < max_errors) missed.push_back(text(c));
      }
      for (const auto& c : p) {
        ++scores[c.tag].pred;
        if (!gs.count(c) && spurious.size() < max_errors) {
          spurious.push_back(text(c) + "  [" + rule_at[{s2, c.begin}] + "]");
        }
      }
    }
  }
  Score all;
  for (const auto& [tag, sc] : scores) {
    all.gold += sc.gold;
    all.pred += sc.pred;
    all.correct += sc.correct;
  }
  if (args.Has("json")) {
    std::cout << "{";
    for (const auto& [tag, sc] : scores) {
      std::cout << "\"" << tag << "\":{\"gold\":" << sc.gold << ",\"pred\":" << sc.pred
                << ",\"correct\":" << sc.correct << ",\"p\":" << sc.P() << ",\"r\":" << sc.R()
                << ",\"f1\":" << sc.F() << "},";
    }
    std::cout << "\"all\":{\"gold\":" << all.gold << ",\"pred\":" << all.pred << ",\"correct\":"
              << all.correct << ",\"p\":" << all.P() << ",\"r\":" << all.R() << ",\"f1\":" << all.F()
              << "}}\n";
  } else {
    std::cout << "type     gold   pred  correct  precision  recall     F1\n";
    auto row = [](const std::string& name, const Score& sc) {
      std::cout << std::left << std::setw(6) << name << std::right << std::setw(7) << sc.gold
                << std::setw(7) << sc.pred << std::setw(9) << sc.correct << std::fixed
                << std::setprecision(4) << std::setw(11) << sc.P() << std::setw(8) << sc.R()
                << std::setw(8) << sc.F() << "\n";
    };
    for (const auto& [tag, sc] : scores) row(tag, sc);
    row("all", all);
  }
  for (const auto& m : missed) std::cerr << "missed:   " << m << "\n";
  for (const auto& m : spurious) std::cerr << "spurious: " << m << "\n";
  return 0;
}

}  // namespace

}  // namespace newsgraph::cli
