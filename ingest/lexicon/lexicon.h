// Everything the recogniser knows before it reads an article: entities,
// titles, head-word rules and word lists, loaded from lexicon folders (see
// lexicon/README.md) and indexed for matching over folded tokens.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/lexicon/name_trie.h"
#include "ingest/lexicon/vocabulary.h"
#include "newsgraph/result.h"

namespace newsgraph::ingest {

enum class EntityType : uint8_t {
  kPerson, kOrganization, kCountry, kCity, kRegion, kFacility, kGroup, kEvent, kOther
};
const char* EntityTypeName(EntityType t);
bool ParseEntityType(std::string_view name, EntityType* out);
inline bool IsPlace(EntityType t) {
  return t == EntityType::kCountry || t == EntityType::kCity || t == EntityType::kRegion;
}

// A name of an entity as the lexicon file gives it.
struct LexName {
  enum Kind : uint8_t { kLabel, kAlias, kDemonym };
  std::string lang;
  std::string text;
  Kind kind = kAlias;
};

struct LexEntity {
  std::string key;
  EntityType type = EntityType::kOther;
  std::string label_en, label_ar;
  std::string country;     // key of the country it belongs to
  std::string capital_of;  // key of the country whose capital it is
  std::string sector;
  uint64_t population = 0;
  std::vector<std::string> heads;  // folded first words of its Arabic names (وزاره، حكومه)
  std::vector<LexName> names;      // labels, aliases and demonyms as written
  bool replaced = false;           // a later lexicon folder has the same key
};

struct LexTitle {
  std::string key;
  std::string kind;  // office, rank, honorific
  std::string label_en;
  std::string org;
  bool regnal = false;  // a ruler's title: a regnal name with ال may follow (الخليفة المستنصر)
};

// A head word that makes the words after (or, in English, before) it a name
// of some type: وزارة + الدفاع → Organization; جامع + ابن طولون → Facility.
struct HeadRule {
  std::string key;
  EntityType type = EntityType::kOrganization;
  // What may follow: "noun" (one word, then an optional demonym or place),
  // "place" (a place, a demonym or a name), "name" (a name or quoted text).
  std::string complement = "name";
  bool keep_head = true;     // the head is part of the name (جامع ابن طولون)
  bool suffix_en = false;    // English: the head ends the name ("Labour Party")
  std::vector<std::string> head_forms;  // folded head words, without ال (anaphora)
};

class Lexicon {
 public:
  // Loads each folder in order; later folders add entities and replace those
  // with the same key. `dirs` must name existing folders.
  static Result<std::unique_ptr<Lexicon>> Load(const std::vector<std::string>& dirs);

  const Vocabulary& vocab() const { return vocab_; }
  const NameTrie& trie() const { return trie_; }
  const std::vector<LexEntity>& entities() const { return entities_; }
  const std::vector<LexTitle>& titles() const { return titles_; }
  const std::vector<HeadRule>& heads() const { return heads_; }
  const std::string& exact_form(uint32_t i) const { return exact_forms_[i]; }

  // Index of the entity with this key, or -1.
  int32_t FindEntity(std::string_view key) const;
  // Entities one of whose Latin names has this FuzzyKey (people and
  // organisations only).
  const std::vector<uint32_t>* FindFuzzy(const std::string& fuzzy) const;

  size_t name_count() const { return name_count_; }

  // The vocabulary id of the singular of a plural region word (مقاطعات →
  // مقاطعه), or kUnknown.
  uint32_t SingularOf(uint32_t plural) const {
    auto it = singular_.find(plural);
    return it == singular_.end() ? Vocabulary::kUnknown : it->second;
  }

 private:
  friend class LexiconBuilder;
  Vocabulary vocab_;
  NameTrie trie_;
  std::vector<LexEntity> entities_;
  std::vector<LexTitle> titles_;
  std::vector<HeadRule> heads_;
  std::vector<std::string> exact_forms_;
  std::unordered_map<std::string, uint32_t> by_key_;
  std::unordered_map<std::string, std::vector<uint32_t>> fuzzy_;
  std::unordered_map<uint32_t, uint32_t> singular_;
  size_t name_count_ = 0;
};

// The folder of the built-in lexicon: $NEWSGRAPH_LEXICON, else the source
// tree's lexicon/ (compiled in).
std::string BuiltinLexiconDir();

}  // namespace newsgraph::ingest
