// Relation patterns: the data of lexicon/patterns/<lang>.jsonl, compiled.
//
// A pattern is a short sequence of elements matched over the units of one
// sentence (entity mentions, title words, tokens): slots for the subject and
// the object with type constraints, literal words, trigger classes (verb
// forms, verbal nouns, word lists), title classes, gaps and an optional
// apposition. The syntax is documented in lexicon/README.md; pattern_parser.cc
// reads it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/lexicon/lexicon.h"

namespace newsgraph::ingest {

// A set of entity types, one bit per EntityType.
using TypeMask = uint16_t;
inline TypeMask TypeBit(EntityType t) { return static_cast<TypeMask>(1u << static_cast<int>(t)); }
inline constexpr TypeMask kAnyType = 0x01FF;

// Part of speech of a trigger form.
enum class TriggerPos : uint8_t { kVerb, kNoun, kWord, kParticiple };

enum class ElementKind : uint8_t {
  kSlot,        // {S:Types}, {O:Types}, {_:Types}
  kLiteral,     // a word; "ب+" a proclitic of the next unit or the word alone
  kTrigger,     // <class>, <class:v>, <class:n>, <class:w>, <class:pp>
  kTitle,       // [title], [title:leader], [title:office], [title:rank]
  kGap,         // .. (up to 3 units) or ..N
  kAppos,       // ~ : an optional apposition between commas or brackets
  kNumber,      // #
};

enum class SlotRole : uint8_t { kSubject, kObject, kNone };

// What a slot accepts besides names: nisba adjectives, or only them.
enum class DemonymUse : uint8_t { kNo, kOnly, kAlso };

enum class TitleClass : uint8_t { kAny, kLeader, kOffice, kRank };

struct Element {
  ElementKind kind = ElementKind::kLiteral;
  bool optional = false;
  // kSlot
  SlotRole role = SlotRole::kNone;
  TypeMask types = kAnyType;
  DemonymUse demonym = DemonymUse::kNo;
  // kLiteral: folded forms (alternatives); clitic[i] when word i ends in +
  // in the pattern (ب+: the proclitic of the next unit, or the word alone)
  std::vector<std::string> words;
  std::vector<bool> clitic;
  // kTrigger: class ids (alternatives) and the parts of speech allowed
  std::vector<uint32_t> classes;
  uint8_t pos_mask = 0xFF;  // bits of TriggerPos
  // kTitle
  TitleClass title = TitleClass::kAny;
  // kGap: most units skipped
  int max_units = 3;
};

// Where a pattern takes an end of the fact from when it has no slot for it.
enum class Filler : uint8_t {
  kSlot,    // its own slot
  kClause,  // the subject of the clause the match is in (بدعوة من X → X invited it)
  kTitle,   // the title the pattern matched (holds_position)
};

struct Pattern {
  std::string id;
  std::string predicate;
  std::string lang;
  std::string file;  // for messages: "PATH:LINE"
  std::vector<Element> elements;
  size_t anchor = 0;  // index of the element the matcher looks for first
  Filler subject = Filler::kSlot, object = Filler::kSlot;
  double confidence = 0.8;
  // The match gives the clause its subject (a verb with its subject).
  bool sets_clause = false;
  // An attribution pattern ("قال X", "كما تقول X", "X said"): its S slot is
  // who claims the facts of the sentence; it states no fact itself.
  bool attribution = false;
  // Drop the match when a word of the class "irrealis" (سوف، لن, will,
  // plans) comes right before the anchor: future and intended events are
  // not events. False for states (supports, opposes).
  bool realis = true;
};

// A class of trigger words: conjugated verb forms, verbal nouns, plain words.
struct TriggerClass {
  std::string name;
  std::string lang;
};

// One surface form of a trigger (folded): its class and part of speech.
struct TriggerForm {
  uint32_t cls;
  TriggerPos pos;
  bool future = false;  // Arabic: the future prefix س (سيزور)
  bool conj = false;    // Arabic: the conjunction و or ف in front (والتقى)
};

// The compiled pattern lexicon of all languages.
class PatternSet {
 public:
  const std::vector<Pattern>& patterns() const { return patterns_; }
  const std::vector<TriggerClass>& classes() const { return classes_; }

  // Trigger forms of a folded word, or null.
  const std::vector<TriggerForm>* Forms(std::string_view lang, std::string_view folded) const;
  // Patterns anchored on a trigger class / a literal word / a title / a
  // nisba adjective (a {…@dem} slot).
  const std::vector<uint32_t>* ByClass(uint32_t cls) const;
  const std::vector<uint32_t>* ByLiteral(std::string_view lang, std::string_view word) const;
  const std::vector<uint32_t>& ByTitle(std::string_view lang) const;
  const std::vector<uint32_t>& ByDemonym(std::string_view lang) const;
  // The id of class `name` in `lang`, or -1.
  int32_t ClassId(std::string_view lang, std::string_view name) const;

  // Loads every patterns/*.jsonl of each folder in order. A pattern with an
  // id already loaded replaces it. Errors name file and line (and the column
  // of the pattern text).
  Status LoadDir(const std::string& dir);
  // Builds the anchor indexes; call once after the last LoadDir.
  void Finish();

  // Used by the loader.
  uint32_t Class(std::string_view lang, std::string_view name);
  void AddForm(std::string_view lang, std::string form, TriggerForm f);
  void AddPattern(Pattern p);

 private:
  static std::string LangKey(std::string_view lang, std::string_view s) {
    std::string k(lang);
    k.push_back('\x1f');
    k.append(s);
    return k;
  }
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, size_t> by_id_;
  std::vector<TriggerClass> classes_;
  std::unordered_map<std::string, uint32_t> class_ids_;
  // Trigger forms per language, looked up by string_view: every word of
  // every sentence is looked up, with each proclitic stripped, so the lookup
  // neither allocates nor hashes words too long to be a form.
  static constexpr size_t kBloomWords = size_t{1} << 14;  // 2^20 bits, 128 KiB
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  struct LangForms {
    std::string lang;
    size_t longest = 0;
    // A Bloom filter (two bits per form) in front of the map: most words are
    // no form, and the map is too large to stay in cache.
    std::vector<uint64_t> bloom = std::vector<uint64_t>(kBloomWords, 0);
    std::unordered_map<std::string, std::vector<TriggerForm>, ViewHash, std::equal_to<>> forms;
  };
  std::vector<LangForms> forms_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_class_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_literal_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_title_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_demonym_;
  std::vector<uint32_t> none_;
};

// Parses the element syntax of one pattern ("<arrive:v> {S:Actor} .. إلى
// {O:Place}") into `p->elements` and picks its anchor. `lang` names the
// trigger classes. Errors give the column (1-based, in characters).
Status ParsePatternText(std::string_view text, PatternSet* set, Pattern* p);

// Parses a type list ("Person|Organization", "Actor", "Place").
bool ParseTypeMask(std::string_view text, TypeMask* out);

}  // namespace newsgraph::ingest
