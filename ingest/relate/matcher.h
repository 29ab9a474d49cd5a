// Matching one pattern around one anchor unit of a sentence.
//
// Slots take phrases, not just mentions: a title with its qualifiers and the
// person it announces (نائب وزير الدفاع الروسي يونس بك يفكوروف; Russian
// Deputy Defence Minister Yunus-Bek Yevkurov), a title alone when the article
// names the one person who holds it (role coreference), a generic actor noun
// with a nisba (القوات الروسية, Russian forces: Russia) or with "belonging
// to it" (الدفاعات الجوية التابعة لها: the clause's antecedent).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/relate/units.h"

namespace newsgraph::ingest {

// Word classes with a fixed meaning to the matcher (see lexicon/README.md),
// by language: class ids or -1 when a pattern file does not define them.
struct SpecialClasses {
  int32_t det = -1;         // the, a: skipped before a slot
  int32_t actor_head = -1;  // القوات، الجيش، forces, troops: an actor with a nisba
  int32_t actor_adj = -1;   // الجوية، المسلحة, armed: may follow the head
  int32_t belonging = -1;   // التابعة، التابع: "belonging to" + pronoun
  int32_t boundary = -1;    // أن، الذي، التي, that, which: gaps stop there
  int32_t negation = -1;    // لم، لا، عدم, not, never
  int32_t irrealis = -1;    // سوف، لن، يعتزم, will, plans
  int32_t place_prep = -1;  // في، فوق، قرب, in, near: a place qualifier follows
  int32_t conj = -1;        // و as a word, and, or: coordination
};

// One phrase a slot took: units [first, end) and the mention it stands for.
struct Phrase {
  uint32_t first = 0, end = 0;
  int32_t mention = -1;  // the entity: index in Extraction::mentions
  bool coref = false;    // found by role coreference or a pronoun
};

struct MatchResult {
  uint32_t pattern = 0;
  uint32_t first = 0, end = 0;  // units of the whole match
  uint32_t anchor = 0;
  bool has_s = false, has_o = false;
  Phrase s, o;
  std::vector<int32_t> s_more, o_more;  // coordinated mentions
  int32_t title_unit = -1;              // the first title element's unit
  int64_t count = -1;
  bool future = false;                  // the anchor is a future verb form
};

class Matcher {
 public:
  struct Context {
    const Lexicon* lex = nullptr;
    const PatternSet* patterns = nullptr;
    const SpecialClasses* special[2] = {nullptr, nullptr};  // ar, en
    const std::vector<EntityMention>* mentions = nullptr;
    // English title label → the one person of the article it announced, or -1
    // when several share it.
    const std::unordered_map<std::string, int32_t>* role_holder = nullptr;
  };

  Matcher(const Context& ctx, const UnitSeq& seq) : ctx_(ctx), seq_(seq) {}

  // The mention "it" refers to in a phrase such as "التابعة لها" (the last
  // speaker or clause subject before the match); -1 for none.
  void set_antecedent(int32_t mention) { antecedent_ = mention; }

  // Matches pattern `index` with its anchor element at unit `anchor`, inside
  // units [lo, hi) of one sentence. The leftmost start that matches wins.
  bool Match(uint32_t index, uint32_t anchor, uint32_t lo, uint32_t hi, MatchResult* out) const;

  const SpecialClasses& Special(const Unit& u) const { return *ctx_.special[u.latin ? 1 : 0]; }
  bool IsClass(const Unit& u, int32_t SpecialClasses::*which) const {
    return seq_.HasClass(u, Special(u).*which);
  }
  // The entity type of a mention.
  EntityType TypeOf(int32_t mention) const;
  // True when slot element `e` may take the mention unit `unit` alone.
  bool Accepts(const Element& e, const Unit& unit) const;

 private:
  struct State {
    const Pattern* p;
    uint32_t anchor, hi;
    MatchResult r;
  };
  bool Step(State* st, size_t e, uint32_t u) const;
  bool Next(State* st, size_t e, uint32_t u) const { return Step(st, e + 1, u); }
  // The phrases a slot may take at unit u, longest first.
  void Phrases(const Element& e, uint32_t u, uint32_t hi, std::vector<Phrase>* out) const;
  bool Gapable(const Unit& u) const;
  bool IsPunct(const Unit& u, std::string_view chars) const;
  // The apposition starting at u (a comma or bracket), returning the unit
  // after its closing comma/bracket, or 0.
  uint32_t Apposition(uint32_t u, uint32_t hi) const;
  bool TitleOk(const Unit& u, TitleClass c) const;

  const Context& ctx_;
  const UnitSeq& seq_;
  int32_t antecedent_ = -1;
};

// True when a lexicon title heads what follows it (commander, president,
// head, chairman, leader…) rather than serving in it (deputy, member).
bool IsLeaderTitle(const LexTitle& t);

}  // namespace newsgraph::ingest
