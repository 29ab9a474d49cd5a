// The token vocabulary of the lexicons: every folded word that appears in a
// name, title, rule or word list gets a small integer id, and a set of word
// classes (stop word, given name, …). Text tokens are looked up once; the
// matchers then work on ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph::ingest {

// Word classes, a bit each.
enum WordClass : uint32_t {
  kStopWord = 1u << 0,         // function words: في، من، the, of
  kCommonWord = 1u << 1,       // frequent non-name words (verbs, nouns) that end a name
  kGivenName = 1u << 2,        // a first name that starts a person's name
  kAmbiguousGiven = 1u << 3,   // a given name that is also a common word (علي/على، أمل)
  kNameConnector = 1u << 4,    // بن، ابن، أبو، عبد، bin, al, de, van: inside a name
  kSpeechVerb = 1u << 5,       // قال، أعلنت, said: its subject may be a capital for a country
  kTimeWord = 1u << 6,         // اليوم، الثلاثاء، أمس: never part of a name
  kNamePart = 1u << 7,         // a token of a lexicon name (set at load)
  kTitleWord = 1u << 8,        // a token of a title (set at load)
  kNisbaSurname = 1u << 9,     // surnames that look like common adjectives stay names here
  kMetonymyCue = 1u << 10,     // نظام، سلطات, regime: a capital after it is its country
  kPlaceCue = 1u << 11,        // في، إلى، مدينة, in: a place name may follow
  kHeadWord = 1u << 12,        // وزارة، نادي، ملعب: starts an organisation or place name
  kOrdinal = 1u << 13,         // الأول، التاسع: after a ruler's name it is part of the name
  kWholeName = 1u << 14,       // a lexicon name of one word (ليبيا): never split into clitics
};

class Vocabulary {
 public:
  static constexpr uint32_t kUnknown = 0xFFFFFFFFu;

  // The id of `form`, adding it when new.
  uint32_t Intern(std::string_view form);
  // The id of `form`, or kUnknown.
  uint32_t Find(std::string_view form) const {
    auto it = ids_.find(form);
    return it == ids_.end() ? kUnknown : it->second;
  }
  bool Known(std::string_view form) const { return Find(form) != kUnknown; }

  void AddClass(uint32_t id, uint32_t classes) { classes_[id] |= classes; }
  uint32_t Classes(uint32_t id) const { return id == kUnknown ? 0 : classes_[id]; }
  bool Has(uint32_t id, WordClass c) const { return (Classes(id) & c) != 0; }
  const std::string& Form(uint32_t id) const { return forms_[id]; }
  size_t size() const { return forms_.size(); }
  void Reserve(size_t n) {
    ids_.reserve(n);
    forms_.reserve(n);
    classes_.reserve(n);
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept {
      // FNV-1a: short keys, and much cheaper than std::hash for them.
      uint64_t h = 1469598103934665603ull;
      for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  struct Eq {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
  };
  std::unordered_map<std::string, uint32_t, Hash, Eq> ids_;
  std::vector<std::string> forms_;
  std::vector<uint32_t> classes_;
};

}  // namespace newsgraph::ingest
