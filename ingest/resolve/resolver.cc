#include "ingest/resolve/resolver.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ingest/normalise/clitics.h"
#include "text/slug.h"

namespace newsgraph::ingest {

namespace {

constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال

struct Provisional {
  std::string name;   // folded
  std::string label;  // as first written
  EntityType type;
};

// A settled mention: a lexicon entity or a provisional one.
struct Resolved {
  const Candidate* cand = nullptr;
  uint8_t field = 0;
  uint32_t first = 0, last = 0, start = 0, end = 0, sentence = 0;
  int32_t lex = -1;
  int32_t prov = -1;
  const char* rule = "";
  float confidence = 1;
  int32_t title = -1;
  bool demonym = false;
  bool anaphor = false;
};

bool Before(const Resolved& a, const Resolved& b) {
  if (a.field != b.field) return a.field > b.field;  // title (1) first
  return a.start < b.start;
}

class ResolveRun {
 public:
  ResolveRun(const Lexicon& lex, const FieldView* fields) : lex_(lex), fields_(fields) {}

  void Run(std::vector<Candidate>* cands, Extraction* out) {
    Collect(*cands);
    std::sort(res_.begin(), res_.end(), Before);
    Surnames();
    Anaphors();
    Metonymy();
    std::sort(res_.begin(), res_.end(), Before);
    for (const auto& r : res_) {
      if (r.lex < 0 && r.prov < 0) continue;
      out->mentions.push_back(ToMention(r));
    }
  }

 private:
  EntityType TypeOf(const Resolved& r) const {
    return r.lex >= 0 ? lex_.entities()[r.lex].type : provs_[r.prov].type;
  }

  std::string_view Folded(const Resolved& r) const {
    const Token& a = (*fields_[r.field].tokens)[r.first];
    const Token& b = (*fields_[r.field].tokens)[r.last - 1];
    return std::string_view(fields_[r.field].text->folded()).substr(a.sb, b.se - a.sb);
  }

  // Lexicon entities named without doubt, and the countries they are in:
  // the context that settles ambiguous names.
  void Context(const std::vector<Candidate>& cands) {
    for (const auto& c : cands) {
      if ((c.kind != CandidateKind::kLexicon && c.kind != CandidateKind::kDemonym) ||
          c.entities.size() != 1)
        continue;
      const LexEntity& e = lex_.entities()[c.entities[0]];
      context_.insert(c.entities[0]);
      countries_.insert(e.type == EntityType::kCountry ? e.key : e.country);
    }
  }

  int32_t Choose(const std::vector<uint32_t>& ents) const {
    if (ents.size() == 1) return static_cast<int32_t>(ents[0]);
    double best = -1;
    int32_t pick = -1;
    for (uint32_t i : ents) {
      const LexEntity& e = lex_.entities()[i];
      double s = 0;
      if (context_.count(i)) s += 1000;
      if (countries_.count(e.type == EntityType::kCountry ? e.key : e.country)) s += 300;
      if (!e.capital_of.empty()) s += 50;
      if (e.type == EntityType::kCountry) s += 101;
      if (e.type == EntityType::kPerson || e.type == EntityType::kOrganization) s += 60;
      s += 5 * std::log10(static_cast<double>(e.population) + 1);
      if (s > best) {
        best = s;
        pick = static_cast<int32_t>(i);
      }
    }
    return pick;
  }

  int32_t ProvisionalFor(const Candidate& c) {
    auto it = prov_by_name_.find(c.name);
    if (it != prov_by_name_.end()) return it->second;
    const auto& orig = fields_[c.field].text->original();
    auto id = static_cast<int32_t>(provs_.size());
    provs_.push_back(Provisional{c.name, std::string(orig.substr(c.start, c.end - c.start)), c.type});
    prov_by_name_.emplace(c.name, id);
    return id;
  }

  // A consonant skeleton identifies a name only when every word keeps enough
  // of it: الأول and Ali both shrink to "l", which joined أحمد الأول to
  // Ahmadu Ali. Regnal names (an ordinal last) are never matched loosely.
  bool FuzzyDistinct(const Candidate& c, std::string_view fuzzy) const {
    if (fuzzy.size() < 4) return false;
    const auto& toks = *fields_[c.field].tokens;
    if (lex_.vocab().Classes(toks[c.last - 1].id) & kOrdinal) return false;
    size_t word = 0;
    for (char ch : fuzzy) {
      if (ch == ' ') {
        if (word < 2) return false;
        word = 0;
      } else {
        ++word;
      }
    }
    return word >= 2;
  }

  // Every word form of the article, whole and without clitics.
  void Forms() {
    for (uint8_t f = 0; f < 2; ++f) {
      if (!fields_[f].tokens) continue;
      const std::string& folded = fields_[f].text->folded();
      for (const Token& t : *fields_[f].tokens) {
        if (t.kind != TokenKind::kWord) continue;
        forms_.emplace(folded, t.fb, t.fe - t.fb);
        if (t.split()) forms_.insert(StemOf(f, t));
      }
    }
  }

  // An ordinary word shows itself by also appearing with the article ال
  // (لاعب and اللاعب, الدوري and دوري) somewhere in the same article; a name
  // (رونالدو، العمامي) does not.
  bool WordLike(std::string_view form) const {
    if (form.substr(0, kAl.size()) == kAl) {
      return form.size() > kAl.size() + 2 && forms_.count(std::string(form.substr(kAl.size())));
    }
    return forms_.count(std::string(kAl) + std::string(form)) > 0;
  }

  // Drops ordinary words that a name rule took at the end of a provisional
  // person's name; false when nothing of a name is left.
  bool TrimPerson(Candidate* c) const {
    const auto& toks = *fields_[c->field].tokens;
    const std::string& folded = fields_[c->field].text->folded();
    uint32_t last = c->last;
    while (last > c->first + 1) {
      const Token& t = toks[last - 1];
      // لويس التاسع: a regnal ordinal is part of the name even where the
      // article also uses the word as an adjective.
      if (lex_.vocab().Has(t.id, kOrdinal)) break;
      if (!WordLike(std::string_view(folded).substr(t.sb, t.se - t.sb))) break;
      --last;
    }
    if (last == c->last) return true;
    if (last == c->first + 1 && std::string_view(c->rule) != "title.person") return false;
    c->last = last;
    uint32_t s = 0, e = 0;
    fields_[c->field].text->OriginalSpan(toks[c->first].sb, toks[last - 1].se, &s, &e);
    c->end = e;
    c->name.assign(toks[c->first].restore_article ? "\xD8\xA7" : "");
    c->name.append(folded, toks[c->first].sb, toks[last - 1].se - toks[c->first].sb);
    return true;
  }

  void Collect(std::vector<Candidate>& cands) {
    Context(cands);
    Forms();
    for (auto& c : cands) {
      if (c.kind == CandidateKind::kProvisional && c.type == EntityType::kPerson &&
          std::string_view(c.rule) != "laqab" && !TrimPerson(&c))
        continue;
      Resolved r;
      r.cand = &c;
      r.field = c.field;
      r.first = c.first;
      r.last = c.last;
      r.start = c.start;
      r.end = c.end;
      r.sentence = c.sentence;
      r.rule = c.rule;
      r.confidence = c.confidence;
      r.title = c.title;
      switch (c.kind) {
        case CandidateKind::kLexicon:
          r.lex = Choose(c.entities);
          break;
        case CandidateKind::kDemonym:
          r.lex = Choose(c.entities);
          r.demonym = true;
          break;
        case CandidateKind::kProvisional: {
          if (c.type == EntityType::kPerson) {
            const auto& orig = fields_[c.field].text->original();
            std::string fuzzy = text::FuzzyKey(orig.substr(c.start, c.end - c.start));
            const auto* hits = lex_.FindFuzzy(fuzzy);
            if (hits && hits->size() == 1 &&
                lex_.entities()[(*hits)[0]].type == EntityType::kPerson && FuzzyDistinct(c, fuzzy)) {
              r.lex = static_cast<int32_t>((*hits)[0]);
              r.rule = "fuzzy.person";
              break;
            }
          }
          r.prov = ProvisionalFor(c);
          break;
        }
        case CandidateKind::kAnaphor:
          r.anaphor = true;
          break;
      }
      res_.push_back(r);
    }
  }

  // The matching form of token t of a field, clitics removed.
  std::string StemOf(uint8_t field, const Token& t) const {
    const std::string& f = fields_[field].text->folded();
    std::string out = t.restore_article ? "\xD8\xA7" : "";
    out.append(f, t.sb, t.se - t.sb);
    return out;
  }

  void Surnames() {
    // Surname → entity (lex index, or -2 - provisional index); -1 when two
    // people of the article share it.
    std::unordered_map<std::string, int64_t> table, given_table;
    std::unordered_map<std::string, std::unordered_map<int64_t, int>> given_votes;
    std::unordered_map<std::string, int64_t> dominant;
    const Vocabulary& vocab = lex_.vocab();
    for (const auto& r : res_) {
      if (r.demonym || r.anaphor || TypeOf(r) != EntityType::kPerson) continue;
      std::string_view rule = r.rule;
      if (rule.substr(0, 4) == "head" || rule == "coref.surname") continue;
      const auto& toks = *fields_[r.field].tokens;
      uint32_t words = 0;
      for (uint32_t k = r.first; k < r.last; ++k) words += toks[k].kind == TokenKind::kWord;
      if (rule == "title.regnal") {
        // الخليفة المستنصر, then المستنصر alone: the regnal name is the name.
        int64_t id = r.lex >= 0 ? r.lex : -2 - r.prov;
        auto [it, inserted] = table.emplace(StemOf(r.field, toks[r.first]), id);
        if (!inserted && it->second != id) it->second = -1;
        continue;
      }
      if (words < 2) continue;
      const Token& last = toks[r.last - 1];
      uint32_t cls = vocab.Classes(last.id);
      if (cls & (kStopWord | kCommonWord | kTimeWord | kNameConnector | kOrdinal)) continue;
      if ((cls & kGivenName) && !(cls & kNamePart)) continue;
      // The given name alone also names the person (راؤول after راؤول
      // غونزاليس) unless two people of the article share it.
      const Token& first = toks[r.first];
      uint32_t fcls = vocab.Classes(first.stem_id);
      if ((fcls & kGivenName) && !(fcls & (kAmbiguousGiven | kStopWord | kCommonWord))) {
        std::string given = StemOf(r.field, first);
        int64_t gid = r.lex >= 0 ? r.lex : -2 - r.prov;
        // Two people of the article with one given name are usually one
        // person spelled twice (راؤول غونزاليس، راؤول غونزاليز): the one named
        // more often takes it.
        // A name the lexicon knows counts double: the rule-made ones that tie
        // with it are mostly a given name and the next word (راؤول كسر).
        auto& votes = given_votes[given];
        votes[gid] += r.lex >= 0 ? 2 : 1;
      }
      std::string form = StemOf(r.field, last);
      if (form.size() < 5) continue;  // two Arabic letters or four Latin ones
      // A last word in ة is a noun the name rule ran into (راؤول هداف،
      // … نسبة): Arabic transliterates foreign surnames with ا or ه.
      std::string_view orig = fields_[r.field].text->original();
      if (last.end - last.start >= 2 && orig.substr(last.end - 2, 2) == "\xD8\xA9") continue;
      // An ال-word as a surname must look like a nisba (العمامي، الرازي).
      if (form.substr(0, kAl.size()) == kAl && form.substr(form.size() - 2) != "\xD9\x8A") continue;
      if (WordLike(form)) continue;
      int64_t id = r.lex >= 0 ? r.lex : -2 - r.prov;
      auto [it, inserted] = table.emplace(form, id);
      if (!inserted && it->second != id) it->second = -1;
      // Without the article too: العمامي → عمامي is not how Arabic writes
      // it, but الحسيني ↔ حسيني is; only the written form is kept.
    }
    for (const auto& [given, votes] : given_votes) {
      int64_t best = -1;
      int best_n = 0, second_n = 0;
      for (const auto& [id, n] : votes) {
        if (n > best_n) {
          second_n = best_n;
          best_n = n;
          best = id;
        } else if (n > second_n) {
          second_n = n;
        }
      }
      given_table.emplace(given, best_n > second_n ? best : -1);
      if (best_n > second_n && best_n >= 2) dominant.emplace(given, best);
    }
    TrimToGiven(dominant, &table);
    for (const auto& [given, id] : given_table) table.emplace(given, id);  // surnames win
    if (table.empty()) return;
    auto apply = [](Resolved* r, int64_t id) {
      if (id >= 0) {
        r->lex = static_cast<int32_t>(id);
        r->prov = -1;
      } else {
        r->prov = static_cast<int32_t>(-2 - id);
        r->lex = -1;
      }
    };
    // Single-word people found by weaker rules join the full name.
    for (auto& r : res_) {
      if (r.prov < 0 || r.last - r.first != 1) continue;
      auto it = table.find(provs_[r.prov].name);
      if (it != table.end() && it->second != -1 && it->second != -2 - r.prov) {
        apply(&r, it->second);
        r.rule = "coref.surname";
      }
    }
    // Tokens no rule took.
    std::vector<Resolved> added;
    for (uint8_t field = 0; field < 2; ++field) {
      if (!fields_[field].tokens) continue;
      const auto& toks = *fields_[field].tokens;
      std::vector<bool> covered(toks.size(), false);
      for (const auto& r : res_) {
        if (r.field != field) continue;
        for (uint32_t k = r.first; k < r.last; ++k) covered[k] = true;
      }
      const std::string& folded = fields_[field].text->folded();
      for (uint32_t k = 0; k < toks.size(); ++k) {
        const Token& t = toks[k];
        if (covered[k] || t.kind != TokenKind::kWord) continue;
        std::string_view whole(folded.data() + t.fb, t.fe - t.fb);
        auto it = table.find(std::string(whole));
        uint32_t fb = t.fb, fe = t.fe;
        if (it == table.end()) {
          CliticSplit split = SplitClitics(
              whole, [&](std::string_view s) { return table.count(std::string(s)) > 0; });
          if (!split.split()) continue;
          it = table.find(StemForm(whole, split));
          if (it == table.end()) continue;
          fb += split.prefix;
          fe -= split.suffix;
        }
        if (it->second == -1) continue;
        // A Latin surname is written with a capital (Compiler ≠ compiler).
        if (static_cast<unsigned char>(folded[fb]) < 0x80 && !t.upper) continue;
        Resolved r;
        r.field = field;
        r.first = k;
        r.last = k + 1;
        fields_[field].text->OriginalSpan(fb, fe, &r.start, &r.end);
        r.sentence = t.sentence;
        r.rule = "coref.surname";
        r.confidence = 0.8f;
        apply(&r, it->second);
        added.push_back(r);
      }
    }
    res_.insert(res_.end(), added.begin(), added.end());
    std::sort(res_.begin(), res_.end(), Before);
  }

  // A given name and one unknown word, where the article names someone
  // else with that given name again and again (راؤول after راؤول غونزاليس)
  // and the word comes only once: the word is the text going on (راؤول كسر،
  // راؤول مشهورا), so the mention is the given name alone.
  void TrimToGiven(const std::unordered_map<std::string, int64_t>& dominant,
                   std::unordered_map<std::string, int64_t>* surnames) {
    if (dominant.empty()) return;
    std::unordered_map<std::string, int> counts;
    for (uint8_t f = 0; f < 2; ++f) {
      if (!fields_[f].tokens) continue;
      const std::string& folded = fields_[f].text->folded();
      for (const Token& t : *fields_[f].tokens) {
        if (t.kind == TokenKind::kWord) ++counts[folded.substr(t.fb, t.fe - t.fb)];
      }
    }
    const Vocabulary& vocab = lex_.vocab();
    for (auto& r : res_) {
      if (r.prov < 0 || std::string_view(r.rule) != "given_name" || r.last != r.first + 2) continue;
      const auto& toks = *fields_[r.field].tokens;
      const Token& second = toks[r.first + 1];
      if (second.kind != TokenKind::kWord ||
          (vocab.Classes(second.id) & (kGivenName | kNamePart | kNisbaSurname | kNameConnector)))
        continue;
      const std::string& folded = fields_[r.field].text->folded();
      if (counts[folded.substr(second.fb, second.fe - second.fb)] != 1) continue;
      auto it = dominant.find(StemOf(r.field, toks[r.first]));
      if (it == dominant.end() || it->second == -2 - r.prov) continue;
      surnames->erase(StemOf(r.field, second));
      r.last = r.first + 1;
      r.end = toks[r.first].end;
      if (it->second >= 0) {
        r.lex = static_cast<int32_t>(it->second);
        r.prov = -1;
      } else {
        r.prov = static_cast<int32_t>(-2 - it->second);
      }
      r.rule = "coref.given";
    }
  }

  bool HeadMatches(const Resolved& r, const HeadRule& rule) const {
    if (r.lex >= 0) {
      const LexEntity& e = lex_.entities()[r.lex];
      std::string en;
      for (char c : e.label_en) en.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      for (const auto& h : rule.head_forms) {
        for (const auto& head : e.heads) {
          std::string_view hv = head;
          if (hv.substr(0, kAl.size()) == kAl) hv.remove_prefix(kAl.size());
          if (hv == h) return true;
        }
        if (!h.empty() && h[0] < 0x7F && en.find(h) != std::string::npos) return true;
      }
    }
    std::string_view name = Folded(r);
    if (name.substr(0, kAl.size()) == kAl) name.remove_prefix(kAl.size());
    for (const auto& h : rule.head_forms) {
      if (name.substr(0, h.size()) == h) return true;
    }
    return false;
  }

  void Anaphors() {
    for (size_t i = 0; i < res_.size(); ++i) {
      Resolved& a = res_[i];
      if (!a.anaphor) continue;
      const HeadRule& rule = lex_.heads()[a.cand->head];
      for (size_t j = i; j-- > 0;) {
        const Resolved& r = res_[j];
        if (r.anaphor || r.demonym || (r.lex < 0 && r.prov < 0)) continue;
        if (TypeOf(r) != rule.type || !HeadMatches(r, rule)) continue;
        a.lex = r.lex;
        a.prov = r.prov;
        break;
      }
    }
  }

  // "كما تقول موسكو", "قالت واشنطن", "Moscow said": a capital that speaks is
  // its country's government.
  void Metonymy() {
    const Vocabulary& vocab = lex_.vocab();
    for (auto& r : res_) {
      if (r.lex < 0 || r.demonym) continue;
      const LexEntity& e = lex_.entities()[r.lex];
      if (e.type != EntityType::kCity || e.capital_of.empty()) continue;
      const auto& toks = *fields_[r.field].tokens;
      bool speaks = r.first > 0 && toks[r.first - 1].sentence == r.sentence &&
                    (vocab.Classes(toks[r.first - 1].stem_id) & (kSpeechVerb | kMetonymyCue));
      bool latin = static_cast<unsigned char>(fields_[r.field].text->folded()[toks[r.first].fb]) < 0x80;
      speaks |= latin && r.last < toks.size() && toks[r.last].sentence == r.sentence &&
                vocab.Has(toks[r.last].id, kSpeechVerb);
      int32_t country = lex_.FindEntity(e.capital_of);
      if (speaks && country >= 0) {
        r.lex = country;
        r.rule = "metonymy.capital";
      }
    }
  }

  EntityMention ToMention(const Resolved& r) const {
    EntityMention m;
    if (r.lex >= 0) {
      const LexEntity& e = lex_.entities()[r.lex];
      m.entity.key = e.key;
      m.entity.label = !e.label_en.empty() ? e.label_en : !e.label_ar.empty() ? e.label_ar : e.key;
      m.entity.type = EntityTypeName(e.type);
    } else {
      const Provisional& p = provs_[r.prov];
      m.entity.key = "~" + text::Slug(p.name);
      m.entity.label = p.label;
      m.entity.type = EntityTypeName(p.type);
      m.entity.fuzzy_key = text::FuzzyKey(p.name);
      m.entity.provisional = true;
    }
    const auto& orig = fields_[r.field].text->original();
    m.text = std::string(orig.substr(r.start, r.end - r.start));
    m.start = r.start;
    m.end = r.end;
    m.in_title = r.field == 1;
    m.sentence = static_cast<int>(r.sentence);
    m.rule = r.rule;
    m.confidence = r.confidence;
    if (r.title >= 0) m.role = lex_.titles()[r.title].label_en;
    return m;
  }

  const Lexicon& lex_;
  const FieldView* fields_;
  std::vector<Resolved> res_;
  std::vector<Provisional> provs_;
  std::unordered_map<std::string, int32_t> prov_by_name_;
  std::unordered_set<uint32_t> context_;
  std::unordered_set<std::string> countries_;
  std::unordered_set<std::string> forms_;
};

}  // namespace

void EntityResolver::Resolve(const FieldView fields[2], std::vector<Candidate>* candidates,
                             Extraction* out) const {
  ResolveRun(*lex_, fields).Run(candidates, out);
}

}  // namespace newsgraph::ingest
