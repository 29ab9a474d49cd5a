#include "ingest/relate/relation_extractor.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

#include "text/fold.h"

namespace newsgraph::ingest {

namespace {

constexpr std::string_view kWaw = "\xD9\x88";

bool IsComma(std::string_view w) { return w == "," || w == "\xD8\x8C"; }
bool IsStop(std::string_view w) {
  return w == "." || w == ";" || w == ":" || w == "?" || w == "!" || w == "\xD8\x9B" ||
         w == "\xD8\x9F";
}

// Facility < City < Region < Country: what can lie in what.
int PlaceRank(EntityType t) {
  switch (t) {
    case EntityType::kFacility: return 0;
    case EntityType::kCity: return 1;
    case EntityType::kRegion: return 2;
    case EntityType::kCountry: return 3;
    default: return -1;
  }
}

TypeMask MaskOf(const std::vector<std::string>& types, bool* literal) {
  TypeMask m = 0;
  for (const auto& t : types) {
    EntityType e;
    if (t == "Literal") *literal = true;
    else if (ParseEntityType(t, &e)) m |= TypeBit(e);
  }
  return m;
}

struct Found {
  MatchResult m;
  const Pattern* p = nullptr;
};

}  // namespace

RelationExtractor::RelationExtractor(const Lexicon* lexicon, const PatternSet* patterns,
                                     const std::vector<PredicateInfo>* predicates)
    : lex_(lexicon), patterns_(patterns) {
  const char* langs[2] = {"ar", "en"};
  for (int l = 0; l < 2; ++l) {
    SpecialClasses& s = special_[l];
    s.det = patterns->ClassId(langs[l], "det");
    s.actor_head = patterns->ClassId(langs[l], "actor_head");
    s.actor_adj = patterns->ClassId(langs[l], "actor_adj");
    s.belonging = patterns->ClassId(langs[l], "belonging");
    s.boundary = patterns->ClassId(langs[l], "boundary");
    s.negation = patterns->ClassId(langs[l], "negation");
    s.irrealis = patterns->ClassId(langs[l], "irrealis");
    s.place_prep = patterns->ClassId(langs[l], "place_prep");
    s.conj = patterns->ClassId(langs[l], "conj");
  }
  for (const auto& p : *predicates) {
    PredicateRule r;
    r.info = &p;
    bool lit = false;
    r.subject_types = MaskOf(p.subject_types, &lit);
    r.object_types = MaskOf(p.object_types, &r.literal_object);
    // Events happen somewhere; states and moves to a place do not take one.
    static const char* kNoPlace[] = {"visited", "deployed_to", "intervened_in", "supports", "opposes"};
    r.eventive = !p.cameo.empty() &&
                 std::find_if(std::begin(kNoPlace), std::end(kNoPlace),
                              [&](const char* n) { return p.name == n; }) == std::end(kNoPlace);
    rules_[p.name] = r;
  }
}

class SentenceRun {
 public:
  SentenceRun(const RelationExtractor& rx, const Matcher& matcher, const UnitSeq& seq,
              const NormalisedText& text, uint32_t sentence, const std::string& date,
              Extraction* out)
      : rx_(rx), matcher_(matcher), seq_(seq), U_(seq.units), text_(text), sentence_(sentence),
        date_(date), out_(out) {
    lo_ = seq.sentences[sentence].first;
    hi_ = seq.sentences[sentence].second;
  }

  void Run(Matcher* matcher) {
    Candidates();
    const auto& pats = rx_.patterns_->patterns();
    for (const auto& [u, pid] : cands_) {
      if (!pats[pid].attribution) continue;
      matcher->set_antecedent(-1);
      MatchResult m;
      if (matcher->Match(pid, u, lo_, hi_, &m) && m.has_s) speakers_.emplace_back(u, m.s.mention);
    }
    for (const auto& [u, pid] : cands_) {
      if (pats[pid].attribution) continue;
      matcher->set_antecedent(Antecedent(u));
      Found f;
      if (matcher->Match(pid, u, lo_, hi_, &f.m)) {
        f.p = &pats[pid];
        found_.push_back(std::move(f));
      }
    }
    for (const auto& f : found_) Emit(f);
  }

 private:
  // (anchor unit, pattern) pairs, in text order.
  void Candidates() {
    const PatternSet& ps = *rx_.patterns_;
    const auto& pats = ps.patterns();
    auto add = [&](uint32_t u, const std::vector<uint32_t>* ids, std::string_view lang) {
      if (!ids) return;
      for (uint32_t id : *ids) {
        if (pats[id].lang == lang) cands_.emplace_back(u, id);
      }
    };
    for (uint32_t u = lo_; u < hi_; ++u) {
      const Unit& x = U_[u];
      std::string_view lang = x.latin ? "en" : "ar";
      if (x.kind == UnitKind::kTitle) {
        add(u, &ps.ByTitle(lang), lang);
        continue;
      }
      // A proclitic (ببنغازي، لحفتر) anchors patterns with ب+, ل+.
      if (x.proclitic.size() >= 2) {
        add(u, ps.ByLiteral(lang, "+" + x.proclitic.substr(x.proclitic.size() - 2)), lang);
      }
      if (x.kind == UnitKind::kMention) {
        if (x.demonym) add(u, &ps.ByDemonym(lang), lang);
        continue;
      }
      for (uint32_t i = x.forms_begin; i < x.forms_end; ++i) add(u, ps.ByClass(seq_.forms[i].cls), lang);
      add(u, ps.ByLiteral(lang, x.whole), lang);
      if (x.bare != x.whole) add(u, ps.ByLiteral(lang, x.bare), lang);
      if (!x.stem.empty() && x.stem != x.whole) add(u, ps.ByLiteral(lang, x.stem), lang);
    }
    std::sort(cands_.begin(), cands_.end());
    cands_.erase(std::unique(cands_.begin(), cands_.end()), cands_.end());
  }

  // What "it" means at unit u: the last speaker, else the last clause subject.
  int32_t Antecedent(uint32_t u) const {
    int32_t a = -1;
    for (const auto& [at, m] : speakers_) {
      if (at < u) a = m;
    }
    if (a >= 0) return a;
    for (const auto& f : found_) {
      if (f.p->sets_clause && f.m.has_s && f.m.anchor < u) a = f.m.s.mention;
    }
    return a;
  }

  int32_t ClauseSubject(uint32_t anchor) const {
    const Found* best = nullptr;
    for (const auto& f : found_) {
      if (!f.p->sets_clause || !f.m.has_s || f.m.anchor == anchor) continue;
      if (f.m.anchor < anchor) {
        if (!best || best->m.anchor > anchor || f.m.anchor > best->m.anchor) best = &f;
      } else if (!best || (best->m.anchor > anchor && f.m.anchor < best->m.anchor)) {
        best = &f;
      }
    }
    return best ? best->m.s.mention : -1;
  }

  int32_t Speaker(uint32_t anchor) const {
    int32_t before = -1, after = -1;
    for (const auto& [at, m] : speakers_) {
      if (at < anchor) before = m;
      else if (after < 0) after = m;
    }
    return before >= 0 ? before : after;
  }

  const Element* SlotElement(const Pattern& p, SlotRole role, size_t* index) const {
    for (size_t i = 0; i < p.elements.size(); ++i) {
      if (p.elements[i].kind == ElementKind::kSlot && p.elements[i].role == role) {
        *index = i;
        return &p.elements[i];
      }
    }
    return nullptr;
  }

  bool IsConj(const Unit& u) const {
    return u.kind == UnitKind::kWord && matcher_.IsClass(u, &SpecialClasses::conj);
  }

  // Mentions coordinated with a slot's phrase: "روستوف وفولغوغراد، وبيلغورود",
  // "Russia and Iran". A list needs its conjunction: names joined by commas
  // alone are a new clause or an apposition ("…attacked Misrata, X said";
  // "According to X, Y attacked…"), not a list.
  void Coordinated(const Element& e, const Phrase& ph, bool forward, std::vector<int32_t>* out,
                   uint32_t* end) const {
    if (ph.coref) return;
    auto waw = [](const Unit& x) { return x.proclitic.rfind(kWaw, 0) == 0; };
    if (forward) {
      std::vector<int32_t> pending;  // joined by commas only, so far
      uint32_t k = ph.end, last = ph.end;
      auto take = [&](int32_t m) {
        out->insert(out->end(), pending.begin(), pending.end());
        pending.clear();
        out->push_back(m);
      };
      while (k < hi_) {
        const Unit& x = U_[k];
        if (x.kind == UnitKind::kMention && waw(x) && matcher_.Accepts(e, x)) {
          take(x.mention);
          last = k += 1;
          continue;
        }
        bool comma = x.kind == UnitKind::kPunct && IsComma(x.whole);
        bool conj = IsConj(x);
        uint32_t n = k + 1;
        if (comma && n < hi_ && IsConj(U_[n])) {  // ", and"
          conj = true;
          ++n;
        }
        if ((comma || conj) && n < hi_ && U_[n].kind == UnitKind::kWord &&
            matcher_.IsClass(U_[n], &SpecialClasses::det))
          ++n;
        if ((comma || conj) && n < hi_ && U_[n].kind == UnitKind::kMention && matcher_.Accepts(e, U_[n])) {
          if (conj || waw(U_[n])) {
            take(U_[n].mention);
            last = n + 1;
          } else {
            pending.push_back(U_[n].mention);
          }
          k = n + 1;
          continue;
        }
        break;
      }
      *end = last;
      return;
    }
    uint32_t k = ph.first;
    bool closed = false;  // the conjunction nearest the slot was seen
    while (k > lo_) {
      uint32_t prev;
      if (waw(U_[k])) {
        prev = k - 1;
        closed = true;
      } else if (k >= lo_ + 2 && IsConj(U_[k - 1])) {
        prev = k - 2;
        closed = true;
      } else if (k >= lo_ + 2 && closed && U_[k - 1].kind == UnitKind::kPunct && IsComma(U_[k - 1].whole)) {
        prev = k - 2;
      } else {
        break;
      }
      if (U_[prev].kind != UnitKind::kMention || !matcher_.Accepts(e, U_[prev])) break;
      out->push_back(U_[prev].mention);
      k = prev;
    }
    *end = k;
  }

  // A place the event happened in: a place mention after في، فوق، قرب or the
  // clitic ب, that is not an end of the fact.
  int32_t Place(const Found& f, const std::vector<int32_t>& ends) const {
    for (uint32_t k = f.m.first; k < hi_; ++k) {
      const Unit& x = U_[k];
      if (x.kind == UnitKind::kPunct && IsStop(x.whole)) break;
      uint32_t cand = UINT32_MAX;
      if (x.kind == UnitKind::kMention && !x.proclitic.empty() &&
          x.proclitic.back() == '\xA8' /* ب */) {
        cand = k;
      } else if (x.kind == UnitKind::kWord && matcher_.IsClass(x, &SpecialClasses::place_prep)) {
        for (uint32_t j = k + 1; j < hi_ && j <= k + 3; ++j) {
          if (U_[j].kind == UnitKind::kMention) {
            cand = j;
            break;
          }
          if (U_[j].kind != UnitKind::kWord) break;
        }
      }
      if (cand == UINT32_MAX || U_[cand].demonym) continue;
      int32_t m = U_[cand].mention;
      if (PlaceRank(matcher_.TypeOf(m)) < 0) continue;
      const std::string& key = (*mentions())[m].entity.key;
      bool is_end = false;
      for (int32_t e : ends) is_end |= (*mentions())[e].entity.key == key;
      if (!is_end) return m;
    }
    return -1;
  }

  const std::vector<EntityMention>* mentions() const { return &out_->mentions; }

  // A provisional person counts only when one of its mentions starts with a
  // known given name: title rules also take ordinary words for names.
  bool Trusted(const EntityRef& e) const {
    return !e.provisional || e.type != "Person" || rx_trusted_->count(e.key) > 0;
  }

 public:
  const std::unordered_set<std::string>* rx_trusted_ = nullptr;

 private:

  bool Valid(const RelationExtractor::PredicateRule& rule, const EntityRef& s, const EntityRef& o,
             bool literal) const {
    EntityType st, ot = EntityType::kOther;
    if (!ParseEntityType(s.type, &st) || !(rule.subject_types & TypeBit(st))) return false;
    if (!Trusted(s)) return false;
    if (literal) return rule.literal_object;
    if (!ParseEntityType(o.type, &ot) || !(rule.object_types & TypeBit(ot))) return false;
    if (s.key == o.key || !Trusted(o)) return false;
    const std::string& p = rule.info->name;
    const Lexicon& lex = *rx_.lex_;
    int32_t se = lex.FindEntity(s.key);
    // Clubs meet and beat each other on the pitch: no meetings, attacks or
    // agreements between them.
    if (rule.eventive || p == "supports" || p == "opposes") {
      int32_t oe = lex.FindEntity(o.key);
      if ((se >= 0 && lex.entities()[se].sector == "sports") ||
          (oe >= 0 && lex.entities()[oe].sector == "sports"))
        return false;
    }
    if (p == "located_in") {
      if (PlaceRank(st) >= 0 && PlaceRank(st) >= PlaceRank(ot)) return false;
      // The lexicon knows which country a place is in.
      if (se >= 0 && ot == EntityType::kCountry && !lex.entities()[se].country.empty() &&
          lex.entities()[se].country != o.key)
        return false;
    }
    if (p == "capital_of" && se >= 0) {
      const LexEntity& c = lex.entities()[se];
      if (!c.capital_of.empty() && c.capital_of != o.key) return false;
      if (ot == EntityType::kCountry && !c.country.empty() && c.country != o.key) return false;
    }
    return true;
  }

  void Emit(const Found& f) {
    const Pattern& p = *f.p;
    auto rit = rx_.rules_.find(p.predicate);
    if (rit == rx_.rules_.end()) return;
    const auto& rule = rit->second;
    // Negation and irrealis words right before the anchor. They deny or
    // defer what a trigger word says, not how a title, a nisba or a place
    // phrase describes someone ("لم يزر الرئيس المصري…" is still Egyptian).
    bool negated = false;
    bool trigger = p.elements[p.anchor].kind == ElementKind::kTrigger;
    for (uint32_t k = f.m.anchor; trigger && k > lo_ && k + 3 > f.m.anchor;) {
      --k;
      const Unit& x = U_[k];
      if (x.kind == UnitKind::kPunct || x.kind == UnitKind::kMention) break;
      if (matcher_.IsClass(x, &SpecialClasses::negation)) negated = true;
      if (p.realis && matcher_.IsClass(x, &SpecialClasses::irrealis)) return;
    }
    if (trigger && p.realis && f.m.future) return;
    uint32_t first = f.m.first, end = f.m.end;
    std::vector<int32_t> subjects, objects;
    size_t si = 0, oi = 0;
    if (p.subject == Filler::kSlot) {
      subjects.push_back(f.m.s.mention);
      const Element* e = SlotElement(p, SlotRole::kSubject, &si);
      if (e && si == 0) Coordinated(*e, f.m.s, false, &subjects, &first);
    } else {
      int32_t c = ClauseSubject(f.m.anchor);
      if (c < 0) return;
      subjects.push_back(c);
    }
    std::string literal;
    if (p.object == Filler::kSlot) {
      objects.push_back(f.m.o.mention);
      const Element* e = SlotElement(p, SlotRole::kObject, &oi);
      if (e && oi + 1 == p.elements.size() && f.m.o.end == f.m.end) {
        Coordinated(*e, f.m.o, true, &objects, &end);
      }
    } else if (p.object == Filler::kClause) {
      int32_t c = ClauseSubject(f.m.anchor);
      if (c < 0) return;
      objects.push_back(c);
    } else {
      if (f.m.title_unit < 0) return;
      literal = rx_.lex_->titles()[U_[f.m.title_unit].title].label_en;
      if (literal.empty()) return;
    }
    std::vector<int32_t> ends = subjects;
    ends.insert(ends.end(), objects.begin(), objects.end());
    int32_t place = rule.eventive ? Place(f, ends) : -1;
    // A speaker claims what the clause says, not how the writer describes
    // people and places (titles, nisbas, "X في Y").
    int32_t speaker = p.sets_clause || p.subject == Filler::kClause || p.object == Filler::kClause
                          ? Speaker(f.m.anchor)
                          : -1;
    int64_t count = f.m.count;
    if (count < 0 && f.m.has_o) {
      // A number right before the object or the noun before it (36 طائرة أوكرانية).
      for (uint32_t k = f.m.o.first; k > f.m.first && k + 3 > f.m.o.first;) {
        --k;
        if (U_[k].kind == UnitKind::kNumber) {
          count = U_[k].number;
          break;
        }
        if (U_[k].kind != UnitKind::kWord) break;
      }
    }
    const auto& sent = seq_.sentence_spans[sentence_];
    for (int32_t s : subjects) {
      const EntityMention& sm = (*mentions())[s];
      auto emit = [&](const EntityRef& obj, double conf_obj, bool lit) {
        if (!Valid(rule, sm.entity, obj, lit)) return;
        ExtractedFact fact;
        fact.subject = sm.entity;
        fact.predicate = p.predicate;
        fact.object = obj;
        if (lit) fact.literal_lang = "en";
        if (rule.info->symmetric && !lit && fact.object.key < fact.subject.key) {
          std::swap(fact.subject, fact.object);
        }
        fact.in_title = seq_.field == 1;
        fact.sentence = static_cast<int>(sentence_);
        fact.start = U_[first].start;
        fact.end = U_[end - 1].end;
        fact.evidence = std::string(text_.original().substr(sent.first, sent.second - sent.first));
        fact.rule = p.id;
        // A nisba adjective is not a weaker mention of its country here.
        double cs = sm.rule == "demonym" ? 1.0 : sm.confidence;
        double conf = p.confidence * std::min(conf_obj, cs);
        if (f.m.s.coref || f.m.o.coref) conf *= 0.9;
        fact.confidence = conf;
        fact.date = date_;
        fact.negated = negated;
        if (speaker >= 0) fact.attributed_to = (*mentions())[speaker].entity;
        fact.count = count;
        if (place >= 0) fact.place = (*mentions())[place].entity;
        out_->facts.push_back(std::move(fact));
      };
      if (!literal.empty()) {
        EntityRef lit;
        lit.type = "Literal";
        lit.label = literal;
        emit(lit, 1.0, true);
        continue;
      }
      for (int32_t o : objects) {
        const EntityMention& om = (*mentions())[o];
        emit(om.entity, om.rule == "demonym" ? 1.0 : om.confidence, false);
      }
    }
  }

  const RelationExtractor& rx_;
  const Matcher& matcher_;
  const UnitSeq& seq_;
  const std::vector<Unit>& U_;
  const NormalisedText& text_;
  uint32_t sentence_;
  const std::string& date_;
  Extraction* out_;
  uint32_t lo_ = 0, hi_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> cands_;
  std::vector<std::pair<uint32_t, int32_t>> speakers_;
  std::vector<Found> found_;
};

void RelationExtractor::Extract(const FieldView fields[2], const std::vector<Sentence>* sentences[2],
                                const std::string& date, Extraction* out) const {
  // The one person each title announced in this article (role coreference).
  std::unordered_map<std::string, int32_t> holder;
  std::unordered_map<std::string, std::string> holder_key;
  for (size_t i = 0; i < out->mentions.size(); ++i) {
    const EntityMention& m = out->mentions[i];
    if (m.role.empty() || m.entity.type != "Person") continue;
    auto [it, inserted] = holder_key.emplace(m.role, m.entity.key);
    if (inserted) holder[m.role] = static_cast<int32_t>(i);
    else if (it->second != m.entity.key) holder[m.role] = -1;
  }
  std::unordered_set<std::string> trusted;
  const Vocabulary& vocab = lex_->vocab();
  for (const auto& m : out->mentions) {
    if (!m.entity.provisional || m.entity.type != "Person") continue;
    std::string first = text::Fold(m.text.substr(0, m.text.find(' ')));
    uint32_t cls = vocab.Classes(vocab.Find(first));
    if ((m.rule == "given_name" || (cls & kGivenName)) && !(cls & kAmbiguousGiven)) {
      trusted.insert(m.entity.key);
    }
  }
  Matcher::Context ctx;
  ctx.lex = lex_;
  ctx.patterns = patterns_;
  ctx.special[0] = &special_[0];
  ctx.special[1] = &special_[1];
  ctx.mentions = &out->mentions;
  ctx.role_holder = &holder;
  thread_local UnitSeq seq;
  for (uint8_t field : {uint8_t{1}, uint8_t{0}}) {
    if (!fields[field].tokens || !sentences[field]) continue;
    BuildUnits(*lex_, *patterns_, *fields[field].text, *fields[field].tokens, *sentences[field],
               field, out->mentions, &seq);
    Matcher matcher(ctx, seq);
    for (uint32_t s = 0; s < seq.sentences.size(); ++s) {
      SentenceRun run(*this, matcher, seq, *fields[field].text, s, date, out);
      run.rx_trusted_ = &trusted;
      run.Run(&matcher);
    }
  }
  // One fact per sentence: the most confident of its matches.
  auto key = [](const ExtractedFact& f) {
    return std::make_tuple(!f.in_title, f.sentence, f.subject.key, f.predicate, f.object.key,
                           f.object.label, f.negated);
  };
  std::stable_sort(out->facts.begin(), out->facts.end(), [&](const auto& a, const auto& b) {
    if (key(a) != key(b)) return key(a) < key(b);
    return a.confidence > b.confidence;
  });
  out->facts.erase(std::unique(out->facts.begin(), out->facts.end(),
                               [&](const auto& a, const auto& b) { return key(a) == key(b); }),
                   out->facts.end());
  std::stable_sort(out->facts.begin(), out->facts.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(!a.in_title, a.sentence, a.start) <
           std::make_tuple(!b.in_title, b.sentence, b.start);
  });
}

}  // namespace newsgraph::ingest
