// Extractor: finds the entities an article names and the facts it states,
// without touching a database.
//
//   newsgraph::ExtractorOptions options;
//   options.lexicon_dirs.push_back("my-lexicon/");
//   auto ex = newsgraph::Extractor::Create(options);
//   if (!ex.ok()) { ... }
//   auto r = (*ex)->Extract(article);
//   for (const auto& m : r->mentions) std::cout << m.entity.key << "\n";
//   for (const auto& f : r->facts) std::cout << f.subject.key << " " << f.predicate << "\n";
//
// Thread safety: after Create returns, Extract may be called from any number
// of threads at once; the lexicons are immutable and per-call state is local.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/article.h"
#include "newsgraph/result.h"
#include "newsgraph/status.h"

namespace newsgraph {

struct ExtractorOptions {
  // Lexicon folders with the layout of the built-in one (entities/*.jsonl,
  // titles/*.jsonl, names/, words/, rules/, patterns/*.jsonl,
  // predicates.json). They are loaded after the
  // built-in lexicon, in order; an entity with a key already loaded replaces
  // the earlier one.
  // Default: none
  std::vector<std::string> lexicon_dirs;

  // Load the built-in lexicon: the folder named by the environment variable
  // NEWSGRAPH_LEXICON, else the `lexicon/` folder of the source tree the
  // program was built from.
  // Default: true
  bool builtin_lexicon = true;

  // Report mentions of names that are in no lexicon (after a title, a known
  // given name, an organisation head word…) as provisional entities.
  // Default: true
  bool provisional_entities = true;
};

// An entity as the extractor knows it.
struct EntityRef {
  // Stable slug (lexicon key). Provisional entities get "~" followed by the
  // slug of their normalised name, e.g. "~yunus-bk-yfkurwf".
  std::string key;
  // Display name: English label when the lexicon has one, else Arabic, else
  // the name as written.
  std::string label;
  // Person, Organization, Country, City, Region, Facility, Group, Event, Other.
  std::string type;
  // Consonant skeleton of the name in Latin letters (text::FuzzyKey), set for
  // provisional entities: spellings of one foreign name in several scripts
  // share it.
  std::string fuzzy_key;
  bool provisional = false;
};

// One place where an article names an entity.
struct EntityMention {
  EntityRef entity;
  // The name as written in the original text.
  std::string text;
  // UTF-8 byte offsets into Article::text, or into Article::title when
  // in_title is set. A clitic attached to the name (و، ب، ل…) is outside.
  size_t start = 0;
  size_t end = 0;
  bool in_title = false;
  // 0-based sentence of the body (the title has its own sentence numbers).
  int sentence = 0;
  // The rule that found it: "lexicon", "title.person", "given_name",
  // "head.organization", "coref.surname", "coref.anaphor", …
  std::string rule;
  double confidence = 1.0;
  // Set when a title or role word announced the entity ("Deputy Minister of
  // Defence"), in English.
  std::string role;
};

// A fact stated by an article: a relation pattern of lexicon/patterns/
// matched one sentence. The stored direction is the active one (`invited`,
// not `invited_by`); the subject and object of a symmetric predicate
// (`met_with`) are in key order, so that the fact has one form.
struct ExtractedFact {
  EntityRef subject;
  std::string predicate;  // a name from lexicon/predicates.json
  // The object: an entity, or, for literal-valued predicates
  // (holds_position), a string: then object.type is "Literal", object.label
  // the value ("Deputy Minister of Defence"), object.key empty and
  // literal_lang its language.
  EntityRef object;
  std::string literal_lang;
  bool literal() const { return object.type == "Literal"; }

  // Where the evidence is: the sentence (0-based, of the body; of the title
  // when in_title) and the UTF-8 byte span of the matched words in
  // Article::text (Article::title when in_title).
  bool in_title = false;
  int sentence = 0;
  size_t start = 0;
  size_t end = 0;
  // The sentence the fact was read from, as written.
  std::string evidence;
  std::string rule;  // pattern id, e.g. "ar.visited.arrive_vs"
  double confidence = 0;
  std::string date;  // "YYYY-MM-DD": the article's date when known

  // Qualifiers.
  // The sentence denies it ("لم يزر", "did not visit").
  bool negated = false;
  // Who claims it ("كما تقول موسكو", "قال X إن…", "X said"); key empty when
  // the article states it in its own voice.
  EntityRef attributed_to;
  // A number that quantifies the event ("36 drones"); -1 when none.
  int64_t count = -1;
  // Where the event took place, when the sentence says so and it is not the
  // object; key empty when unknown.
  EntityRef place;
};

struct Extraction {
  std::string article_key;  // Article::Key()
  std::string lang;         // the language the extractor used
  std::vector<EntityMention> mentions;  // title first, then body, in text order
  std::vector<ExtractedFact> facts;     // title first, then body, in text order
};

// Everything the lexicons say about an entity: what the store records so that
// queries find it by any of its names.
struct EntityDescription {
  std::string key;
  std::string type;
  std::map<std::string, std::string> labels;                // language → name
  std::map<std::string, std::vector<std::string>> aliases;  // language → names
  // Nisba adjectives of countries and regions ("الروسية", "Russian"); not
  // names of the entity, kept apart.
  std::map<std::string, std::vector<std::string>> demonyms;
  // sector, country (a key), capital_of (a key), when the lexicon gives them.
  std::map<std::string, std::string> props;
};

// A predicate of lexicon/predicates.json.
struct PredicateInfo {
  std::string name;
  std::string inverse;  // empty when none (symmetric predicates, holds_position)
  bool symmetric = false;
  std::vector<std::string> subject_types, object_types;  // "Literal" for literals
  std::string cameo, plover;
  std::string description;
};

// Sizes of what was loaded, for `newsgraph extract --stats` and tests.
struct LexiconStats {
  size_t entities = 0;
  size_t names = 0;  // distinct matching forms of names, aliases and demonyms
  size_t titles = 0;
  size_t words = 0;  // given names, stop words and other word lists
  size_t patterns = 0;    // relation patterns
  size_t predicates = 0;  // predicates of predicates.json
  double load_seconds = 0;
};

// The matching form names are compared in (the lexicon's, the queries'):
// Arabic letter variants, marks and tatweel, digits, Latin case and accents
// folded, spaces collapsed. For tools that compare names as newsgraph does.
std::string MatchingForm(std::string_view text);

class Extractor {
 public:
  // Loads the lexicons. Fails with InvalidArgument naming file, line and
  // column when a lexicon file is malformed, NotFound when a folder is
  // missing.
  static Result<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Finds the entity mentions of one article and the facts it states.
  // Thread-safe.
  Result<Extraction> Extract(const Article& article) const;

  // The lexicon entry of an entity key: labels and aliases in every language,
  // type and properties. NotFound for keys the lexicons do not define
  // (provisional entities, "~…").
  Result<EntityDescription> DescribeEntity(const std::string& key) const;

  // The predicates of predicates.json (the last lexicon folder that has one
  // wins), in file order.
  const std::vector<PredicateInfo>& predicates() const;

  const LexiconStats& lexicon_stats() const;

  struct Impl;

 private:
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph
