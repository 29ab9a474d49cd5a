#include "ingest/relate/units.h"

#include <algorithm>

#include "ingest/normalise/clitics.h"
#include "ingest/relate/forms.h"
#include "text/fold.h"

namespace newsgraph::ingest {

namespace {

constexpr std::string_view kWaw = "\xD9\x88", kFa = "\xD9\x81", kLam = "\xD9\x84",
                           kAlef = "\xD8\xA7";

bool IsQuote(std::string_view p) {
  return p == "\"" || p == "'" || p == "\xC2\xAB" || p == "\xC2\xBB" || p == "`";
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool Latin(std::string_view folded) {
  return !folded.empty() && static_cast<unsigned char>(folded[0]) < 0x80;
}

// The longest lexicon title at token k that no mention covers; returns its
// end token (k when none) and the title in *title.
uint32_t TitleAt(const Lexicon& lex, const std::vector<Token>& toks, uint32_t k, uint32_t limit,
                 int32_t* title) {
  const NameTrie& trie = lex.trie();
  uint32_t best = k;
  const Token& t0 = toks[k];
  uint32_t starts[2] = {t0.id, t0.stem_id};
  for (int s = 0; s < 2; ++s) {
    if (starts[s] == Vocabulary::kUnknown || (s == 1 && starts[1] == starts[0])) continue;
    uint32_t node = trie.Child(NameTrie::kRoot, starts[s]);
    for (uint32_t j = k; node != NameTrie::kNoNode;) {
      for (const Payload& p : trie.Payloads(node)) {
        if (p.kind != MatchKind::kTitle) continue;
        if ((p.flags & kNeedsUpper) && !t0.upper) continue;
        if (j + 1 > best) {
          best = j + 1;
          *title = static_cast<int32_t>(p.index);
        }
      }
      ++j;
      while (j < limit && toks[j].transparent) ++j;
      if (j >= limit) break;
      const Token& t = toks[j];
      uint32_t c = t.id == Vocabulary::kUnknown ? NameTrie::kNoNode : trie.Child(node, t.id);
      if (c == NameTrie::kNoNode && t.sb == t.fb && t.stem_id != Vocabulary::kUnknown) {
        c = trie.Child(node, t.stem_id);
      }
      node = c;
    }
  }
  return best;
}

// Appends the trigger forms of `f` to out[begin, …) without duplicates.
void AddForms(const PatternSet& ps, std::string_view lang, std::string_view f, bool verbs_ok,
              size_t begin, std::vector<TriggerForm>* out) {
  const auto* forms = ps.Forms(lang, f);
  if (!forms) return;
  for (const auto& tf : *forms) {
    if (tf.pos == TriggerPos::kVerb && !verbs_ok) continue;
    bool dup = false;
    for (size_t i = begin; i < out->size(); ++i) {
      const TriggerForm& g = (*out)[i];
      dup |= g.cls == tf.cls && g.pos == tf.pos && g.future == tf.future;
    }
    if (!dup) out->push_back(tf);
  }
}

void WordForms(const PatternSet& ps, std::string_view f, bool latin, size_t begin,
               std::vector<TriggerForm>* out) {
  std::string_view lang = latin ? "en" : "ar";
  AddForms(ps, lang, f, true, begin, out);
  if (latin) return;
  const auto& verbal = ArabicProclitics(true);
  for (std::string_view p : ArabicProclitics(false)) {
    if (!StartsWith(f, p) || f.size() < p.size() + 4) continue;
    std::string_view rest = f.substr(p.size());
    bool v = std::find(verbal.begin(), verbal.end(), p) != verbal.end();
    size_t before = out->size();
    AddForms(ps, lang, rest, v, begin, out);
    bool conj = StartsWith(p, kWaw) || StartsWith(p, kFa);
    for (size_t i = before; i < out->size(); ++i) (*out)[i].conj |= conj;
    // ل + ال: للزيارة is ل + الزيارة.
    if (p.substr(p.size() - kLam.size()) == kLam && StartsWith(rest, kLam)) {
      std::string with(kAlef);
      with.append(rest);
      AddForms(ps, lang, with, false, begin, out);
    }
  }
}

}  // namespace

bool UnitSeq::HasForm(const Unit& u, uint32_t cls, uint8_t pos_mask, bool* future) const {
  for (uint32_t i = u.forms_begin; i < u.forms_end; ++i) {
    const TriggerForm& f = forms[i];
    if (f.cls == cls && (pos_mask & (1u << static_cast<int>(f.pos)))) {
      if (future) *future = f.future;
      return true;
    }
  }
  return false;
}

bool UnitSeq::HasClass(const Unit& u, int32_t cls) const {
  if (cls < 0) return false;
  for (uint32_t i = u.forms_begin; i < u.forms_end; ++i) {
    if (forms[i].cls == static_cast<uint32_t>(cls)) return true;
  }
  return false;
}

void BuildUnits(const Lexicon& lex, const PatternSet& patterns, const NormalisedText& text,
                const std::vector<Token>& toks, const std::vector<Sentence>& sentences,
                uint8_t field, const std::vector<EntityMention>& mentions, UnitSeq* out) {
  out->field = field;
  out->units.clear();
  out->forms.clear();
  out->sentences.clear();
  out->sentence_spans.clear();
  const std::string& folded = text.folded();
  // Mentions of this field by first token.
  std::vector<int32_t> mention_at(toks.size(), -1);
  std::vector<uint32_t> mention_end(toks.size(), 0);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EntityMention& m = mentions[i];
    if (m.in_title != (field == 1)) continue;
    auto first = std::lower_bound(toks.begin(), toks.end(), m.start,
                                  [](const Token& t, size_t at) { return t.end <= at; });
    if (first == toks.end()) continue;
    auto last = std::lower_bound(first, toks.end(), m.end,
                                 [](const Token& t, size_t at) { return t.end < at; });
    auto k = static_cast<uint32_t>(first - toks.begin());
    uint32_t e = static_cast<uint32_t>(last - toks.begin()) + 1;
    if (e > toks.size()) e = static_cast<uint32_t>(toks.size());
    if (mention_at[k] >= 0) continue;
    mention_at[k] = static_cast<int32_t>(i);
    mention_end[k] = e;
  }
  const int32_t noun_cue[2] = {patterns.ClassId("ar", "noun_cue"), patterns.ClassId("en", "noun_cue")};
  const Vocabulary& vocab = lex.vocab();
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sen = sentences[s];
    auto first_unit = static_cast<uint32_t>(out->units.size());
    uint32_t k = sen.first;
    while (k < sen.last) {
      const Token& t = toks[k];
      Unit u;
      u.sentence = s;
      uint32_t ws = 0, we = 0;
      text.OriginalSpan(t.fb, t.fe, &ws, &we);
      if (mention_at[k] >= 0) {
        const EntityMention& m = mentions[mention_at[k]];
        // "بن عبدالعزيز" right after a name goes on with it (محمد بن نايف بن
        // عبدالعزيز): the name continues, it is nobody else.
        if (m.entity.type == "Person" && !out->units.empty() && out->units.size() > first_unit &&
            out->units.back().kind == UnitKind::kMention &&
            (vocab.Classes(t.id) & kNameConnector) && !(vocab.Classes(t.id) & kGivenName)) {
          Unit& prev = out->units.back();
          prev.end = static_cast<uint32_t>(m.end);
          k = std::max(mention_end[k], k + 1);
          continue;
        }
        u.kind = UnitKind::kMention;
        u.mention = mention_at[k];
        u.start = static_cast<uint32_t>(m.start);
        u.end = static_cast<uint32_t>(m.end);
        ParseEntityType(m.entity.type, &u.type);
        u.demonym = m.rule == "demonym";
        if (m.start > ws) u.proclitic = text::Fold(text.original().substr(ws, m.start - ws));
        u.latin = Latin(std::string_view(folded).substr(t.fb, 1));
        out->units.push_back(std::move(u));
        k = std::max(mention_end[k], k + 1);
        continue;
      }
      int32_t title = -1;
      uint32_t limit = k;
      while (limit < sen.last && mention_at[limit] < 0) ++limit;
      uint32_t te = TitleAt(lex, toks, k, limit, &title);
      if (te > k && title >= 0) {
        u.kind = UnitKind::kTitle;
        u.title = title;
        u.start = t.start;
        u.end = toks[te - 1].end;
        if (t.sb > t.fb) u.proclitic = folded.substr(t.fb, t.sb - t.fb);
        u.latin = Latin(std::string_view(folded).substr(t.fb, 1));
        out->units.push_back(std::move(u));
        k = te;
        continue;
      }
      std::string_view whole(folded.data() + t.fb, t.fe - t.fb);
      ++k;
      if (t.kind == TokenKind::kPunct && IsQuote(whole)) continue;
      u.kind = t.kind == TokenKind::kNumber ? UnitKind::kNumber
               : t.kind == TokenKind::kPunct ? UnitKind::kPunct
                                             : UnitKind::kWord;
      u.start = ws;
      u.end = we;
      u.latin = Latin(whole);
      u.whole.assign(whole);
      u.bare = u.whole;
      if (!u.latin && whole.size() >= 6 && (StartsWith(whole, kWaw) || StartsWith(whole, kFa))) {
        u.bare.assign(whole.substr(2));
      }
      if (t.split()) {
        u.stem = t.restore_article ? std::string(kAlef) : std::string();
        u.stem.append(folded, t.sb, t.se - t.sb);
        if (t.sb > t.fb) u.proclitic = folded.substr(t.fb, t.sb - t.fb);
      }
      if (u.kind == UnitKind::kNumber) {
        int64_t v = 0;
        bool digits = !whole.empty() && whole.size() <= 12;
        for (char c : whole) {
          if (c == ',' ) continue;
          if (c < '0' || c > '9') {
            digits = false;
            break;
          }
          v = v * 10 + (c - '0');
        }
        if (digits) u.number = v;
      }
      if (u.kind == UnitKind::kWord) {
        u.forms_begin = static_cast<uint32_t>(out->forms.size());
        WordForms(patterns, whole, u.latin, u.forms_begin, &out->forms);
        if (!u.stem.empty() && u.stem != whole) {
          // بدعم is a noun: verbs take only و ف ل before them.
          size_t before = out->forms.size();
          WordForms(patterns, u.stem, u.latin, u.forms_begin, &out->forms);
          const auto& verbal = ArabicProclitics(true);
          bool verbal_clitic = u.proclitic.empty() ||
                               std::find(verbal.begin(), verbal.end(), u.proclitic) != verbal.end();
          if (!verbal_clitic) {
            auto first = out->forms.begin() + static_cast<ptrdiff_t>(before);
            out->forms.erase(std::remove_if(first, out->forms.end(),
                                            [](const TriggerForm& f) { return f.pos == TriggerPos::kVerb; }),
                             out->forms.end());
          }
        }
        // After a preposition (في دعم، على دعم) a word is a noun, not a verb.
        if (!out->units.empty() && out->units.back().sentence == s &&
            out->units.back().kind == UnitKind::kWord &&
            out->HasClass(out->units.back(), noun_cue[u.latin ? 1 : 0])) {
          auto first = out->forms.begin() + u.forms_begin;
          out->forms.erase(std::remove_if(first, out->forms.end(),
                                          [](const TriggerForm& f) { return f.pos == TriggerPos::kVerb; }),
                           out->forms.end());
        }
        u.forms_end = static_cast<uint32_t>(out->forms.size());
        // والتقى: a trigger after the conjunction shows it as a proclitic.
        for (uint32_t i = u.forms_begin; i < u.forms_end && u.proclitic.empty(); ++i) {
          if (out->forms[i].conj) u.proclitic.assign(whole.substr(0, 2));
        }
      }
      out->units.push_back(std::move(u));
    }
    out->sentences.emplace_back(first_unit, static_cast<uint32_t>(out->units.size()));
    uint32_t ss = 0, se = 0, dummy = 0;
    if (sen.last > sen.first) {
      text.OriginalSpan(toks[sen.first].fb, toks[sen.first].fe, &ss, &dummy);
      text.OriginalSpan(toks[sen.last - 1].fb, toks[sen.last - 1].fe, &dummy, &se);
    }
    out->sentence_spans.emplace_back(ss, se);
  }
}

}  // namespace newsgraph::ingest
