#include "ingest/relate/matcher.h"

#include <algorithm>
#include <cctype>

namespace newsgraph::ingest {

namespace {

constexpr std::string_view kArabicComma = "\xD8\x8C", kArabicSemicolon = "\xD8\x9B",
                           kArabicQuestion = "\xD8\x9F";

bool IsComma(std::string_view w) { return w == "," || w == kArabicComma; }
bool IsStop(std::string_view w) {
  return w == "." || w == ";" || w == ":" || w == "?" || w == "!" || w == kArabicSemicolon ||
         w == kArabicQuestion;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool IsLeaderTitle(const LexTitle& t) {
  std::string l = Lower(t.label_en);
  for (const char* no : {"deputy", "vice", "assistant", "member", "adviser", "advisor", "spokes",
                         "envoy", "representative"}) {
    if (l.find(no) != std::string::npos) return false;
  }
  for (const char* yes : {"commander", "head", "chairman", "chair", "leader", "president", "chief",
                          "director", "secretary-general", "secretary general", "speaker", "king",
                          "emir", "sultan", "prime minister", "governor", "mayor", "supreme leader",
                          "rsf commander", "irgc commander", "quds force commander", "ruler",
                          "founder"}) {
    if (l.rfind(yes, 0) == 0) return true;
  }
  return false;
}

EntityType Matcher::TypeOf(int32_t mention) const {
  EntityType t = EntityType::kOther;
  ParseEntityType((*ctx_.mentions)[mention].entity.type, &t);
  return t;
}

bool Matcher::IsPunct(const Unit& u, std::string_view chars) const {
  return u.kind == UnitKind::kPunct && u.whole == chars;
}

bool Matcher::Gapable(const Unit& u) const {
  if (u.kind == UnitKind::kPunct) return !IsComma(u.whole) && !IsStop(u.whole);
  if (u.kind == UnitKind::kWord) return !IsClass(u, &SpecialClasses::boundary);
  return true;
}

uint32_t Matcher::Apposition(uint32_t u, uint32_t hi) const {
  if (u >= hi) return 0;
  const Unit& open = seq_.units[u];
  if (open.kind != UnitKind::kPunct) return 0;
  bool bracket = open.whole == "(";
  if (!bracket && !IsComma(open.whole)) return 0;
  // A new coordinated clause (، وأضاف…) is not an apposition.
  if (u + 1 < hi && seq_.units[u + 1].proclitic.rfind("\xD9\x88", 0) == 0) return 0;
  for (uint32_t k = u + 1; k < hi && k <= u + 16; ++k) {
    const Unit& t = seq_.units[k];
    if (t.kind == UnitKind::kWord && IsClass(t, &SpecialClasses::boundary)) return 0;
    if (t.kind != UnitKind::kPunct) continue;
    if (bracket ? t.whole == ")" : IsComma(t.whole)) return k > u + 1 ? k + 1 : 0;
    if (IsStop(t.whole)) return 0;
  }
  return 0;
}

bool Matcher::TitleOk(const Unit& u, TitleClass c) const {
  if (u.kind != UnitKind::kTitle) return false;
  const LexTitle& t = ctx_.lex->titles()[u.title];
  switch (c) {
    case TitleClass::kAny: return t.kind != "honorific";
    case TitleClass::kLeader: return IsLeaderTitle(t);
    case TitleClass::kOffice: return t.kind == "office";
    case TitleClass::kRank: return t.kind == "rank";
  }
  return false;
}

bool Matcher::Accepts(const Element& e, const Unit& unit) const {
  if (unit.kind != UnitKind::kMention) return false;
  if (unit.demonym ? e.demonym == DemonymUse::kNo : e.demonym == DemonymUse::kOnly) return false;
  return (e.types & TypeBit(TypeOf(unit.mention))) != 0;
}

void Matcher::Phrases(const Element& e, uint32_t u, uint32_t hi, std::vector<Phrase>* out) const {
  out->clear();
  if (u >= hi) return;
  const auto& U = seq_.units;
  uint32_t v = u;
  if (U[v].kind == UnitKind::kWord && IsClass(U[v], &SpecialClasses::det) && v + 1 < hi) ++v;
  const bool person_ok = (e.types & TypeBit(EntityType::kPerson)) && e.demonym != DemonymUse::kOnly;
  // A title with its qualifiers, then the person (or the one who holds it).
  {
    uint32_t j = v;
    int32_t last_title = -1;
    while (j < hi && j - v < 7) {
      const Unit& x = U[j];
      if (j > v && x.proclitic.rfind("\xD9\x88", 0) == 0) break;  // و: a list, not a qualifier
      if (x.kind == UnitKind::kTitle) {
        last_title = static_cast<int32_t>(j);
      } else if (!(x.kind == UnitKind::kMention &&
                   (x.demonym || TypeOf(x.mention) != EntityType::kPerson))) {
        break;
      }
      ++j;
    }
    if (last_title >= 0) {
      if (j < hi && U[j].kind == UnitKind::kMention && !U[j].demonym &&
          TypeOf(U[j].mention) == EntityType::kPerson) {
        if (person_ok) out->push_back(Phrase{u, j + 1, U[j].mention, false});
        // A nisba-only slot still takes the nisba that opens the phrase
        // ("Turkish President X": Turkey, for X's affiliation).
        if (person_ok || e.demonym != DemonymUse::kOnly || U[v].kind != UnitKind::kMention) return;
      }
      if (person_ok && ctx_.role_holder) {
        const LexTitle& t = ctx_.lex->titles()[U[last_title].title];
        auto it = ctx_.role_holder->find(t.label_en);
        if (t.kind != "honorific" && it != ctx_.role_holder->end() && it->second >= 0) {
          out->push_back(Phrase{u, j, it->second, true});
        }
      }
      if (U[v].kind == UnitKind::kTitle) return;
    }
  }
  const Unit& x = U[v];
  if (x.kind == UnitKind::kMention) {
    // Russian forces, Ukrainian troops: the nisba is the actor.
    if (x.demonym && v + 1 < hi) {
      uint32_t k = v + 1;
      auto head_at = [&](uint32_t i) {
        return i < hi && U[i].kind == UnitKind::kWord && IsClass(U[i], &SpecialClasses::actor_head);
      };
      // "government" and "military" are heads and adjectives: "Egyptian government" ends
      // there, "Syrian government forces" goes on to the head after it.
      if (U[k].kind == UnitKind::kWord && IsClass(U[k], &SpecialClasses::actor_adj) && head_at(k + 1)) ++k;
      if (head_at(k) && (e.types & TypeBit(TypeOf(x.mention)))) {
        out->push_back(Phrase{u, k + 1, x.mention, false});
      }
    }
    if (Accepts(e, x)) {
      // ميليشيا فاجنر الروسية: a nisba after a name may go with it.
      if (!x.demonym && v + 1 < hi && U[v + 1].kind == UnitKind::kMention && U[v + 1].demonym &&
          TypeOf(x.mention) != EntityType::kPerson) {
        out->push_back(Phrase{u, v + 2, x.mention, false});
      }
      out->push_back(Phrase{u, v + 1, x.mention, false});
    }
    return;
  }
  // القوات الروسية، الدفاعات الجوية التابعة لها.
  if (x.kind == UnitKind::kWord && IsClass(x, &SpecialClasses::actor_head)) {
    uint32_t k = v + 1;
    if (k < hi && U[k].kind == UnitKind::kWord && IsClass(U[k], &SpecialClasses::actor_adj)) ++k;
    if (k >= hi) return;
    if (U[k].kind == UnitKind::kMention && U[k].proclitic.empty() &&
        (e.types & TypeBit(TypeOf(U[k].mention))) &&
        (U[k].demonym || TypeOf(U[k].mention) != EntityType::kPerson)) {
      // القوات الروسية، مسلحي داعش، طائرات التحالف.
      out->push_back(Phrase{u, k + 1, U[k].mention, false});
    } else if (U[k].kind == UnitKind::kWord && IsClass(U[k], &SpecialClasses::belonging) &&
               k + 1 < hi && antecedent_ >= 0 && U[k + 1].kind == UnitKind::kWord &&
               U[k + 1].whole.rfind("\xD9\x84", 0) == 0 && (e.types & TypeBit(TypeOf(antecedent_)))) {
      out->push_back(Phrase{u, k + 2, antecedent_, true});
    }
  }
}

bool Matcher::Step(State* st, size_t e, uint32_t u) const {
  const Pattern& p = *st->p;
  if (e == p.elements.size()) {
    st->r.end = u;
    return true;
  }
  if (e == p.anchor && u != st->anchor) return false;
  if (e < p.anchor && u > st->anchor) return false;
  if (u > st->hi) return false;
  const Element& el = p.elements[e];
  const auto& U = seq_.units;
  const bool here = u < st->hi;
  switch (el.kind) {
    case ElementKind::kSlot: {
      std::vector<Phrase> phrases;
      Phrases(el, u, st->hi, &phrases);
      for (const Phrase& ph : phrases) {
        MatchResult saved = st->r;
        if (el.role == SlotRole::kSubject) {
          st->r.s = ph;
          st->r.has_s = true;
        } else if (el.role == SlotRole::kObject) {
          st->r.o = ph;
          st->r.has_o = true;
        }
        if (Next(st, e, ph.end)) return true;
        st->r = saved;
      }
      return el.optional && Next(st, e, u);
    }
    case ElementKind::kLiteral: {
      if (here) {
        const Unit& x = U[u];
        for (size_t i = 0; i < el.words.size(); ++i) {
          const std::string& w = el.words[i];
          if (seq_.IsWord(x, w) && Next(st, e, u + 1)) return true;
          // ب+ on the next unit: ببنغازي، لحفتر.
          if (el.clitic[i] && !x.proclitic.empty() && x.proclitic.size() >= w.size() &&
              x.proclitic.compare(x.proclitic.size() - w.size(), w.size(), w) == 0 &&
              Next(st, e, u)) {
            return true;
          }
        }
      }
      return el.optional && Next(st, e, u);
    }
    case ElementKind::kTrigger: {
      if (here && U[u].kind == UnitKind::kWord) {
        for (uint32_t c : el.classes) {
          bool future = false;
          if (!seq_.HasForm(U[u], c, el.pos_mask, &future)) continue;
          bool saved = st->r.future;
          if (e == p.anchor) st->r.future = future;
          if (Next(st, e, u + 1)) return true;
          st->r.future = saved;
        }
      }
      return el.optional && Next(st, e, u);
    }
    case ElementKind::kTitle: {
      if (here && TitleOk(U[u], el.title)) {
        int32_t saved = st->r.title_unit;
        if (saved < 0) st->r.title_unit = static_cast<int32_t>(u);
        if (Next(st, e, u + 1)) return true;
        st->r.title_unit = saved;
      }
      return el.optional && Next(st, e, u);
    }
    case ElementKind::kGap: {
      for (int k = 0; k <= el.max_units && u + k <= st->hi; ++k) {
        if (k > 0 && !Gapable(U[u + k - 1])) break;
        if (Next(st, e, u + k)) return true;
      }
      return false;
    }
    case ElementKind::kAppos: {
      uint32_t after = Apposition(u, st->hi);
      if (after && Next(st, e, after)) return true;
      return Next(st, e, u);
    }
    case ElementKind::kNumber: {
      if (here && U[u].kind == UnitKind::kNumber && U[u].number >= 0) {
        int64_t saved = st->r.count;
        st->r.count = U[u].number;
        if (Next(st, e, u + 1)) return true;
        st->r.count = saved;
      }
      return el.optional && Next(st, e, u);
    }
  }
  return false;
}

bool Matcher::Match(uint32_t index, uint32_t anchor, uint32_t lo, uint32_t hi,
                    MatchResult* out) const {
  const Pattern& p = ctx_.patterns->patterns()[index];
  uint32_t from = anchor;
  if (p.anchor > 0) from = anchor > lo + 24 ? anchor - 24 : lo;
  // The start nearest the anchor first: a gap does not reach over the
  // nearest subject to a farther one ("Russia, Turkey and Egypt support…"
  // is Egypt's verb; the coordination then adds the others).
  for (uint32_t s = anchor + 1; s-- > from;) {
    State st{&p, anchor, hi, MatchResult{}};
    st.r.pattern = index;
    st.r.anchor = anchor;
    if (Step(&st, 0, s)) {
      st.r.first = s;
      *out = std::move(st.r);
      return true;
    }
  }
  return false;
}

}  // namespace newsgraph::ingest
