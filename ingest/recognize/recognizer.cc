#include "ingest/recognize/recognizer.h"

#include <algorithm>
#include <cctype>

#include "ingest/recognize/recognizer_run.h"

namespace newsgraph::ingest {

void EntityRecognizer::Recognize(const NormalisedText& text, const std::vector<Token>& tokens,
                                 uint8_t field, std::vector<Candidate>* out) const {
  RecognizerRun(*this, text, tokens, field, out).Run();
}

void RecognizerRun::MatchesAt(uint32_t i, std::vector<Match>* out) const {
  out->clear();
  const NameTrie& trie = lex_.trie();
  const Token& t0 = toks_[i];
  uint32_t starts[2] = {t0.id, t0.stem_id};
  for (int s = 0; s < 2; ++s) {
    if (starts[s] == Vocabulary::kUnknown || (s == 1 && starts[1] == starts[0])) continue;
    uint32_t node = trie.Child(NameTrie::kRoot, starts[s]);
    if (node == NameTrie::kNoNode) continue;
    if (!trie.Payloads(node).empty()) out->push_back(Match{i + 1, node});
    for (uint32_t k = i + 1; k < toks_.size() && toks_[k].sentence == t0.sentence; ++k) {
      const Token& t = toks_[k];
      if (t.transparent) continue;
      uint32_t c = t.id == Vocabulary::kUnknown ? NameTrie::kNoNode : trie.Child(node, t.id);
      if (c == NameTrie::kNoNode && t.sb == t.fb && t.stem_id != t.id &&
          t.stem_id != Vocabulary::kUnknown) {
        c = trie.Child(node, t.stem_id);
      }
      if (c == NameTrie::kNoNode) break;
      node = c;
      if (!trie.Payloads(node).empty()) out->push_back(Match{k + 1, node});
    }
  }
  std::sort(out->begin(), out->end(), [](const Match& a, const Match& b) { return a.end > b.end; });
}

bool RecognizerRun::PayloadOk(const Payload& p, uint32_t first, uint32_t end) const {
  if ((p.flags & kNeedsUpper) && !toks_[first].upper) return false;
  if (p.flags & kExactCase) {
    std::string letters;
    std::string_view orig = text_.original();
    for (uint32_t i = toks_[first].start; i < toks_[end - 1].end; ++i) {
      if (std::isalnum(static_cast<unsigned char>(orig[i]))) letters.push_back(orig[i]);
    }
    if (letters != lex_.exact_form(p.exact)) return false;
  }
  return true;
}

std::vector<uint32_t> RecognizerRun::Targets(const Match& m, uint32_t first,
                                             MatchKind kind) const {
  std::vector<uint32_t> out;
  // A one-word name that is also an ordinary word (أمن، إطار، دورا) is read
  // as the word: the lexicon would otherwise find cities everywhere.
  // A name never carries a pronoun suffix (قطرها is "its diameter").
  if (kind == MatchKind::kName && toks_[first].se < toks_[first].fe && !IsLatinAt(first)) return {};
  // Nor the article when the lexicon has the name without it: الحماس is
  // "the enthusiasm", not Hamas. Places are the exception: their names
  // take the article freely (الأورغواي).
  bool added_article = kind == MatchKind::kName && !toks_[first].restore_article &&
                       toks_[first].sb >= toks_[first].fb + 4 &&
                       std::string_view(text_.folded()).substr(toks_[first].sb - 4, 4) ==
                           "\xD8\xA7\xD9\x84";
  bool single = kind == MatchKind::kName && m.end == first + 1;
  bool cue = false, given = false;
  if (single) {
    const Token& t = toks_[first];
    uint32_t cls = vocab_.Classes(t.id) | vocab_.Classes(t.stem_id);
    if (cls & (kStopWord | kCommonWord | kTimeWord)) return out;
    given = (cls & kGivenName) != 0;
    cue = PlaceCueBefore(first);
  }
  for (const Payload& p : lex_.trie().Payloads(m.node)) {
    if (p.kind != kind || !PayloadOk(p, first, m.end)) continue;
    if (added_article && !IsPlace(lex_.entities()[p.index].type)) continue;
    if (single && !cue) {
      // One word that names a small town, or that is also a given name, is
      // a place only where the text says so (في X، مدينة X، بـX).
      const LexEntity& e = lex_.entities()[p.index];
      // A country is a country (Jordan) unless a surname follows the word.
      bool country = e.type == EntityType::kCountry && !SurnameAfter(first);
      if (IsPlace(e.type) && given && !country) continue;
      if (e.type == EntityType::kCity && e.capital_of.empty() && e.population > 0 &&
          e.population < 100000)
        continue;
    }
    // A place named like a laqab, a given name and الدين or الدولة (صلاح
    // الدين، عضد الدولة), is a person unless the text says it is a place.
    if (m.end == first + 2 && kind == MatchKind::kName && IsPlace(lex_.entities()[p.index].type) &&
        !IsLatinAt(first) && LaqabShaped(first) && !PlaceCueBefore(first))
      continue;
    if (std::find(out.begin(), out.end(), p.index) == out.end()) out.push_back(p.index);
  }
  return out;
}

bool RecognizerRun::LaqabShaped(uint32_t i) const {
  if (i + 1 >= toks_.size() || toks_[i].se < toks_[i].fe || toks_[i + 1].split()) return false;
  uint32_t cls = vocab_.Classes(toks_[i].stem_id);
  if (!(cls & kGivenName) || (cls & kStopWord)) return false;
  const Token& t = toks_[i + 1];
  std::string_view w(text_.folded().data() + t.fb, t.fe - t.fb);
  return w == "\xD8\xA7\xD9\x84\xD8\xAF\xD9\x8A\xD9\x86" ||             // الدين
         w == "\xD8\xA7\xD9\x84\xD8\xAF\xD9\x88\xD9\x84\xD9\x87";  // الدوله
}

bool RecognizerRun::SurnameAfter(uint32_t i) const {
  if (i + 1 >= toks_.size() || !SameSentence(i, i + 1)) return false;
  const Token& t = toks_[i + 1];
  if (t.kind != TokenKind::kWord) return false;
  if (IsLatinAt(i + 1)) {
    return t.upper && !(vocab_.Classes(t.id) & (kStopWord | kTimeWord | kTitleWord));
  }
  return vocab_.Has(t.id, kNamePart) && !(vocab_.Classes(t.id) & (kStopWord | kCommonWord));
}

bool RecognizerRun::IsLatinAt(uint32_t i) const {
  return static_cast<unsigned char>(text_.folded()[toks_[i].fb]) < 0x80;
}

bool RecognizerRun::PlaceCueBefore(uint32_t i) const {
  const Token& t = toks_[i];
  // The clitic ب is "in", و may join a list of places.
  if (t.split() && t.sb > t.fb) {
    auto p = static_cast<unsigned char>(text_.folded()[t.fb + 1]);
    if (p == 0xA8 /* ب */) return true;
  }
  if (i == 0 || toks_[i - 1].sentence != t.sentence) return false;
  return vocab_.Has(toks_[i - 1].stem_id, kPlaceCue);
}

bool RecognizerRun::HasKind(const Match& m, MatchKind kind) const {
  for (const Payload& p : lex_.trie().Payloads(m.node)) {
    if (p.kind == kind) return true;
  }
  return false;
}

RecognizerRun::Match RecognizerRun::FirstOfKind(uint32_t i,
                                                std::initializer_list<MatchKind> kinds) const {
  thread_local std::vector<Match> ms;
  MatchesAt(i, &ms);
  for (const Match& m : ms) {
    for (MatchKind k : kinds) {
      if (!Targets(m, i, k).empty()) return m;
    }
  }
  return Match{0, 0};
}

Candidate& RecognizerRun::Emit(CandidateKind kind, uint32_t first, uint32_t last, EntityType type,
                               const char* rule, float confidence) {
  Candidate c;
  c.kind = kind;
  c.field = field_;
  c.first = first;
  c.last = last;
  c.start = toks_[first].start;
  c.end = toks_[last - 1].end;
  c.sentence = toks_[first].sentence;
  c.type = type;
  c.rule = rule;
  c.confidence = confidence;
  out_->push_back(std::move(c));
  return out_->back();
}

uint32_t RecognizerRun::TryLexicon(uint32_t i) {
  thread_local std::vector<Match> ms;
  MatchesAt(i, &ms);
  std::vector<Match> local(ms.begin(), ms.end());  // rules below call MatchesAt again
  for (const Match& m : local) {
    // A name of the lexicon.
    std::vector<uint32_t> ents = Targets(m, i, MatchKind::kName);
    // الإمام علي بن موسى is not الإمام علي: a person's name that goes on
    // with بن and a name is someone else's longer name.
    if (!ents.empty() && lex_.entities()[ents[0]].type == EntityType::kPerson &&
        m.end + 1 < toks_.size() && SameSentence(i, m.end + 1) &&
        toks_[m.end].kind == TokenKind::kWord && toks_[m.end + 1].kind == TokenKind::kWord &&
        (vocab_.Classes(toks_[m.end].id) & kNameConnector) &&
        !(vocab_.Classes(toks_[m.end].id) & kGivenName) &&
        !(vocab_.Classes(toks_[m.end + 1].id) & kStopWord))
      ents.clear();
    // سورية is both the country and its feminine nisba: after a common noun
    // (عائلة سورية، مصادر سورية) it qualifies that noun; after a particle, a
    // place cue, a name, a clitic or at the start it names the country (في
    // سورية، شمال سورية، زار بوتين سورية، وسورية). A definite form stays the
    // name (زيارة مشعل السعودية): the definite nisba would need a definite noun.
    if (!ents.empty() && m.end == i + 1 && !toks_[i].split() && i > 0 && SameSentence(i - 1, i) &&
        !std::string_view(text_.folded()).substr(toks_[i].fb, toks_[i].fe - toks_[i].fb).starts_with("ال") &&
        toks_[i - 1].kind == TokenKind::kWord &&
        !(vocab_.Classes(toks_[i - 1].id) & (kStopWord | kPlaceCue)) &&
        (out_->empty() || out_->back().last != i)) {
      std::vector<uint32_t> dem = Targets(m, i, MatchKind::kDemonym);
      if (std::find(dem.begin(), dem.end(), ents[0]) != dem.end()) ents.clear();
    }
    if (!ents.empty()) {
      int32_t region = list_head_ == Vocabulary::kUnknown ? -1 : RegionOfList(i, m.end);
      if (region >= 0) ents.assign(1, static_cast<uint32_t>(region));
      // A lexicon alias that opens with a title (الإمام الحسين، الخليفة عثمان بن
      // عفان): the mention is the name, as for any titled person.
      uint32_t from = i;
      int32_t title = -1;
      if (lex_.entities()[ents[0]].type == EntityType::kPerson && region < 0) {
        Match t = FirstOfKind(i, {MatchKind::kTitle});
        if (t.end > i && t.end < m.end) {
          uint32_t cls = vocab_.Classes(toks_[t.end].id);
          if ((cls & (kGivenName | kNamePart)) && !(cls & (kStopWord | kNameConnector))) {
            from = t.end;
            title = static_cast<int32_t>(Targets(t, i, MatchKind::kTitle)[0]);
          }
        }
      }
      Candidate& c = Emit(CandidateKind::kLexicon, from, m.end, lex_.entities()[ents[0]].type,
                          region >= 0 ? "lexicon.list" : "lexicon", 1.0f);
      c.entities = std::move(ents);
      c.title = title;
      return m.end;
    }
    std::vector<uint32_t> titles = Targets(m, i, MatchKind::kTitle);
    if (!titles.empty()) return TitleRule(i, m.end, titles[0]);
    std::vector<uint32_t> heads = Targets(m, i, MatchKind::kHead);
    for (uint32_t h : heads) {
      uint32_t next = i;
      if (HeadRule(i, m.end, h, &next)) return next;
    }
    std::vector<uint32_t> anaphors = Targets(m, i, MatchKind::kAnaphor);
    // "الجيش-2023" in quotes is a name, not a reference back.
    bool quoted = i > 0 && toks_[i - 1].kind == TokenKind::kPunct &&
                  text_.folded()[toks_[i - 1].fb] == '"';
    if (!anaphors.empty() && !DescribedAfter(m.end) && !quoted) {
      Candidate& c = Emit(CandidateKind::kAnaphor, i, m.end, lex_.heads()[anaphors[0]].type,
                          "coref.anaphor", 0.7f);
      c.head = static_cast<int32_t>(anaphors[0]);
      return m.end;
    }
    std::vector<uint32_t> dem = Targets(m, i, MatchKind::kDemonym);
    if (!dem.empty()) {
      Candidate& c = Emit(CandidateKind::kDemonym, i, m.end, lex_.entities()[dem[0]].type,
                          "demonym", 0.6f);
      c.entities = std::move(dem);
      return m.end;
    }
  }
  return i;
}

int32_t RecognizerRun::RegionOfList(uint32_t i, uint32_t end) const {
  const NameTrie& trie = lex_.trie();
  uint32_t node = trie.Child(NameTrie::kRoot, list_head_);
  for (uint32_t k = i; k < end && node != NameTrie::kNoNode; ++k) {
    if (toks_[k].transparent) continue;
    uint32_t id = k == i ? toks_[k].stem_id : toks_[k].id;
    node = id == Vocabulary::kUnknown ? NameTrie::kNoNode : trie.Child(node, id);
  }
  if (node == NameTrie::kNoNode) return -1;
  for (const Payload& p : trie.Payloads(node)) {
    if (p.kind == MatchKind::kName && lex_.entities()[p.index].type == EntityType::kRegion) {
      return static_cast<int32_t>(p.index);
    }
  }
  return -1;
}

void RecognizerRun::Run() {
  uint32_t i = 0;
  const auto n = static_cast<uint32_t>(toks_.size());
  while (i < n) {
    const Token& t = toks_[i];
    if (i > 0 && t.sentence != toks_[i - 1].sentence) list_head_ = Vocabulary::kUnknown;
    if (t.kind == TokenKind::kPunct) {
      if (text_.folded()[t.fb] != ',') list_head_ = Vocabulary::kUnknown;
      ++i;
      continue;
    }
    if (uint32_t singular = lex_.SingularOf(t.stem_id); singular != Vocabulary::kUnknown) {
      list_head_ = singular;
      ++i;
      continue;
    }
    uint32_t next = TryLexicon(i);
    if (next == i) list_head_ = Vocabulary::kUnknown;
    if (next == i && provisional_ && t.kind == TokenKind::kWord) {
      next = IsLatin(t) ? LatinRunRule(i) : GivenNameRule(i);
      if (next == i && !IsLatin(t) && i + 1 < n && SameSentence(i, i + 1)) next = RegnalRule(i);
      if (next == i && !IsLatin(t)) next = GodNameRule(i);
      if (next == i && !IsLatin(t)) next = TribeRule(i);
    }
    i = next > i ? next : i + 1;
  }
}

}  // namespace newsgraph::ingest
