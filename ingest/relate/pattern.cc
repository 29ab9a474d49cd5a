// The pattern set's indexes and the parser of the element syntax.
#include "ingest/relate/pattern.h"

#include <algorithm>

#include "text/fold.h"
#include "text/utf8.h"

namespace newsgraph::ingest {

namespace {

struct TypeAlias {
  const char* name;
  std::initializer_list<EntityType> types;
};
const TypeAlias kAliases[] = {
    {"Actor", {EntityType::kPerson, EntityType::kOrganization, EntityType::kCountry,
               EntityType::kGroup}},
    {"Place", {EntityType::kCountry, EntityType::kCity, EntityType::kRegion, EntityType::kFacility}},
    {"Area", {EntityType::kCountry, EntityType::kCity, EntityType::kRegion}},
    {"Any", {EntityType::kPerson, EntityType::kOrganization, EntityType::kCountry,
             EntityType::kCity, EntityType::kRegion, EntityType::kFacility, EntityType::kGroup,
             EntityType::kEvent, EntityType::kOther}},
};

size_t Chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Status ErrorAt(std::string_view text, size_t byte, const std::string& what) {
  return Status::InvalidArgument("column " + std::to_string(Chars(text.substr(0, byte)) + 1) +
                                 " of the pattern: " + what);
}

}  // namespace

bool ParseTypeMask(std::string_view text, TypeMask* out) {
  TypeMask m = 0;
  size_t i = 0;
  while (i <= text.size()) {
    size_t bar = text.find('|', i);
    if (bar == std::string_view::npos) bar = text.size();
    std::string_view name = text.substr(i, bar - i);
    bool found = false;
    for (const auto& a : kAliases) {
      if (name == a.name) {
        for (EntityType t : a.types) m |= TypeBit(t);
        found = true;
      }
    }
    EntityType t;
    if (!found && ParseEntityType(name, &t)) {
      m |= TypeBit(t);
      found = true;
    }
    if (!found) return false;
    i = bar + 1;
  }
  *out = m;
  return m != 0;
}

const std::vector<TriggerForm>* PatternSet::Forms(std::string_view lang,
                                                  std::string_view folded) const {
  for (const auto& l : forms_) {
    if (l.lang != lang) continue;
    if (folded.size() > l.longest) return nullptr;
    uint64_t h = std::hash<std::string_view>{}(folded);
    uint64_t a = h & (kBloomWords * 64 - 1), b = (h >> 32) & (kBloomWords * 64 - 1);
    if (!(l.bloom[a >> 6] >> (a & 63) & 1) || !(l.bloom[b >> 6] >> (b & 63) & 1)) return nullptr;
    auto it = l.forms.find(folded);
    return it == l.forms.end() ? nullptr : &it->second;
  }
  return nullptr;
}

const std::vector<uint32_t>* PatternSet::ByClass(uint32_t cls) const {
  auto it = by_class_.find(cls);
  return it == by_class_.end() ? nullptr : &it->second;
}

const std::vector<uint32_t>* PatternSet::ByLiteral(std::string_view lang,
                                                   std::string_view word) const {
  // Called for every word of every sentence: reuse one key buffer per thread.
  thread_local std::string key;
  key.assign(lang);
  key.push_back('\x1f');
  key.append(word);
  auto it = by_literal_.find(key);
  return it == by_literal_.end() ? nullptr : &it->second;
}

const std::vector<uint32_t>& PatternSet::ByTitle(std::string_view lang) const {
  auto it = by_title_.find(std::string(lang));
  return it == by_title_.end() ? none_ : it->second;
}

const std::vector<uint32_t>& PatternSet::ByDemonym(std::string_view lang) const {
  auto it = by_demonym_.find(std::string(lang));
  return it == by_demonym_.end() ? none_ : it->second;
}

int32_t PatternSet::ClassId(std::string_view lang, std::string_view name) const {
  auto it = class_ids_.find(LangKey(lang, name));
  return it == class_ids_.end() ? -1 : static_cast<int32_t>(it->second);
}

uint32_t PatternSet::Class(std::string_view lang, std::string_view name) {
  auto [it, inserted] =
      class_ids_.emplace(LangKey(lang, name), static_cast<uint32_t>(classes_.size()));
  if (inserted) classes_.push_back(TriggerClass{std::string(name), std::string(lang)});
  return it->second;
}

void PatternSet::AddForm(std::string_view lang, std::string form, TriggerForm f) {
  auto l = std::find_if(forms_.begin(), forms_.end(), [&](const LangForms& x) { return x.lang == lang; });
  if (l == forms_.end()) {
    forms_.emplace_back();
    forms_.back().lang = std::string(lang);
    l = forms_.end() - 1;
  }
  l->longest = std::max(l->longest, form.size());
  uint64_t h = std::hash<std::string_view>{}(form);
  uint64_t a = h & (kBloomWords * 64 - 1), b = (h >> 32) & (kBloomWords * 64 - 1);
  l->bloom[a >> 6] |= uint64_t{1} << (a & 63);
  l->bloom[b >> 6] |= uint64_t{1} << (b & 63);
  auto& v = l->forms[std::move(form)];
  for (const auto& g : v) {
    if (g.cls == f.cls && g.pos == f.pos && g.future == f.future) return;
  }
  v.push_back(f);
}

void PatternSet::AddPattern(Pattern p) {
  auto [it, inserted] = by_id_.emplace(p.id, patterns_.size());
  if (inserted) {
    patterns_.push_back(std::move(p));
  } else {
    patterns_[it->second] = std::move(p);
  }
}

void PatternSet::Finish() {
  by_class_.clear();
  by_literal_.clear();
  by_title_.clear();
  by_demonym_.clear();
  for (uint32_t i = 0; i < patterns_.size(); ++i) {
    const Pattern& p = patterns_[i];
    const Element& a = p.elements[p.anchor];
    switch (a.kind) {
      case ElementKind::kTrigger:
        for (uint32_t c : a.classes) by_class_[c].push_back(i);
        break;
      case ElementKind::kLiteral:
        for (size_t k = 0; k < a.words.size(); ++k) {
          by_literal_[LangKey(p.lang, a.words[k])].push_back(i);
          // ب+ also anchors on a unit that carries the clitic.
          if (a.clitic[k]) by_literal_[LangKey(p.lang, "+" + a.words[k])].push_back(i);
        }
        break;
      case ElementKind::kTitle:
        by_title_[p.lang].push_back(i);
        break;
      case ElementKind::kSlot:
        by_demonym_[p.lang].push_back(i);
        break;
      default:
        break;
    }
  }
}

Status ParsePatternText(std::string_view text, PatternSet* set, Pattern* p) {
  p->elements.clear();
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    size_t start = i;
    size_t end = text.find_first_of(" \t", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view tok = text.substr(start, end - start);
    i = end;
    Element e;
    if (tok.size() > 1 && tok.back() == '?') {
      e.optional = true;
      tok.remove_suffix(1);
    }
    if (tok.front() == '{') {
      if (tok.back() != '}' || tok.size() < 3) return ErrorAt(text, start, "a slot ends with }");
      std::string_view body = tok.substr(1, tok.size() - 2);
      e.kind = ElementKind::kSlot;
      char role = body[0];
      if (role == 'S') e.role = SlotRole::kSubject;
      else if (role == 'O') e.role = SlotRole::kObject;
      else if (role == '_') e.role = SlotRole::kNone;
      else return ErrorAt(text, start, "a slot is {S…}, {O…} or {_…}");
      body.remove_prefix(1);
      if (!body.empty()) {
        if (body[0] != ':') return ErrorAt(text, start, "write {S:Type|Type@dem}");
        body.remove_prefix(1);
        size_t at = body.find('@');
        if (at != std::string_view::npos) {
          std::string_view mod = body.substr(at + 1);
          if (mod == "dem") e.demonym = DemonymUse::kOnly;
          else if (mod == "any") e.demonym = DemonymUse::kAlso;
          else return ErrorAt(text, start, "unknown slot modifier @" + std::string(mod) + " (@dem, @any)");
          body = body.substr(0, at);
        }
        if (!body.empty() && !ParseTypeMask(body, &e.types)) {
          return ErrorAt(text, start, "unknown type in \"" + std::string(body) +
                                          "\" (entity types, Actor, Place, Area, Any)");
        }
      }
    } else if (tok.front() == '<') {
      if (tok.back() != '>' || tok.size() < 3) return ErrorAt(text, start, "a trigger ends with >");
      std::string_view body = tok.substr(1, tok.size() - 2);
      e.kind = ElementKind::kTrigger;
      size_t colon = body.find(':');
      if (colon != std::string_view::npos) {
        std::string_view list = body.substr(colon + 1);
        e.pos_mask = 0;
        size_t b = 0;
        while (b <= list.size()) {
          size_t bar = list.find('|', b);
          if (bar == std::string_view::npos) bar = list.size();
          std::string_view pos = list.substr(b, bar - b);
          if (pos == "v") e.pos_mask |= 1u << static_cast<int>(TriggerPos::kVerb);
          else if (pos == "n") e.pos_mask |= 1u << static_cast<int>(TriggerPos::kNoun);
          else if (pos == "w") e.pos_mask |= 1u << static_cast<int>(TriggerPos::kWord);
          else if (pos == "pp") e.pos_mask |= 1u << static_cast<int>(TriggerPos::kParticiple);
          else return ErrorAt(text, start, "unknown part of speech :" + std::string(pos) + " (v, n, w, pp)");
          b = bar + 1;
        }
        body = body.substr(0, colon);
      }
      size_t b = 0;
      while (b <= body.size()) {
        size_t bar = body.find('|', b);
        if (bar == std::string_view::npos) bar = body.size();
        std::string_view name = body.substr(b, bar - b);
        int32_t id = set->ClassId(p->lang, name);
        if (id < 0) {
          return ErrorAt(text, start, "unknown trigger class <" + std::string(name) +
                                          "> (define it on an earlier line: {\"class\":\"" +
                                          std::string(name) + "\",…})");
        }
        e.classes.push_back(static_cast<uint32_t>(id));
        b = bar + 1;
      }
    } else if (tok.front() == '[') {
      if (tok.back() != ']') return ErrorAt(text, start, "a title element ends with ]");
      e.kind = ElementKind::kTitle;
      std::string_view body = tok.substr(1, tok.size() - 2);
      if (body == "title") e.title = TitleClass::kAny;
      else if (body == "title:leader") e.title = TitleClass::kLeader;
      else if (body == "title:office") e.title = TitleClass::kOffice;
      else if (body == "title:rank") e.title = TitleClass::kRank;
      else return ErrorAt(text, start, "unknown title element (title, title:leader, title:office, title:rank)");
    } else if (tok.substr(0, 2) == "..") {
      e.kind = ElementKind::kGap;
      std::string_view n = tok.substr(2);
      if (!n.empty()) {
        int v = 0;
        for (char c : n) {
          if (c < '0' || c > '9') return ErrorAt(text, start, "a gap is .. or ..N");
          v = v * 10 + (c - '0');
        }
        if (v < 1 || v > 20) return ErrorAt(text, start, "a gap spans 1 to 20 units");
        e.max_units = v;
      }
    } else if (tok == "~") {
      e.kind = ElementKind::kAppos;
      e.optional = true;
    } else if (tok == "#") {
      e.kind = ElementKind::kNumber;
    } else {
      e.kind = ElementKind::kLiteral;
      size_t b = 0;
      while (b <= tok.size()) {
        size_t bar = tok.find('|', b);
        if (bar == std::string_view::npos) bar = tok.size();
        std::string_view w = tok.substr(b, bar - b);
        bool clitic = w.size() > 1 && w.back() == '+';
        if (clitic) w.remove_suffix(1);
        std::string f = text::Fold(w);
        if (f.empty()) return ErrorAt(text, start, "empty word");
        e.words.push_back(std::move(f));
        e.clitic.push_back(clitic);
        b = bar + 1;
      }
    }
    p->elements.push_back(std::move(e));
  }
  if (p->elements.empty()) return Status::InvalidArgument("empty pattern");
  // The anchor: a trigger, else a title, else a literal word (not a comma),
  // else a nisba slot ({O:Country@dem}), else a comma.
  int best = -1, best_rank = 99;
  for (size_t k = 0; k < p->elements.size(); ++k) {
    const Element& e = p->elements[k];
    if (e.optional) continue;
    int rank = 99;
    if (e.kind == ElementKind::kTrigger) rank = 0;
    else if (e.kind == ElementKind::kTitle) rank = 1;
    else if (e.kind == ElementKind::kLiteral &&
             std::find(e.clitic.begin(), e.clitic.end(), true) == e.clitic.end())
      rank = 2;
    else if (e.kind == ElementKind::kLiteral) rank = 3;  // ب+: anchored on the clitic
    else if (e.kind == ElementKind::kSlot && e.demonym == DemonymUse::kOnly) rank = 3;
    bool comma = e.kind == ElementKind::kLiteral && (e.words[0] == "," || e.words[0] == "\xD8\x8C");
    if (comma) rank = 4;
    if (rank < best_rank) {
      best_rank = rank;
      best = static_cast<int>(k);
    }
  }
  if (best < 0 || best_rank > 4) {
    return Status::InvalidArgument(
        "the pattern needs a required trigger, title, word or {…@dem} slot to anchor it (slots "
        "and gaps alone match everywhere)");
  }
  p->anchor = static_cast<size_t>(best);
  bool has_s = false, has_o = false;
  for (const auto& e : p->elements) {
    has_s |= e.kind == ElementKind::kSlot && e.role == SlotRole::kSubject;
    has_o |= e.kind == ElementKind::kSlot && e.role == SlotRole::kObject;
  }
  if (p->subject == Filler::kSlot && !has_s) return Status::InvalidArgument("the pattern has no {S} slot");
  if (p->object == Filler::kSlot && !has_o && !p->attribution) {
    return Status::InvalidArgument("the pattern has no {O} slot");
  }
  return Status::OK();
}

}  // namespace newsgraph::ingest
