// Extractor: finds the entities an article names (and, later, the facts it
// states) without touching a database.
//
//   newsgraph::ExtractorOptions options;
//   options.lexicon_dirs.push_back("my-lexicon/");
//   auto ex = newsgraph::Extractor::Create(options);
//   if (!ex.ok()) { ... }
//   auto r = (*ex)->Extract(article);
//   for (const auto& m : r->mentions) std::cout << m.entity.key << "\n";
//
// Thread safety: after Create returns, Extract may be called from any number
// of threads at once; the lexicons are immutable and per-call state is local.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "newsgraph/article.h"
#include "newsgraph/result.h"
#include "newsgraph/status.h"

namespace newsgraph {

struct ExtractorOptions {
  // Lexicon folders with the layout of the built-in one (entities/*.jsonl,
  // titles/*.jsonl, names/, words/, rules/). They are loaded after the
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

// A fact stated by an article (relation extraction, to come). The shape is
// fixed now so that callers and the store can rely on it.
struct ExtractedFact {
  EntityRef subject;
  std::string predicate;  // a name from lexicon/predicates.json
  EntityRef object;       // for literal objects: type "Literal", label = value
  int sentence = 0;
  size_t start = 0;       // UTF-8 byte span of the evidence in Article::text
  size_t end = 0;
  std::string rule;       // pattern id, e.g. "ar.visited.arrive_in"
  double confidence = 0;
  std::string date;       // "YYYY-MM-DD" when known
};

struct Extraction {
  std::string article_key;  // Article::Key()
  std::string lang;         // the language the extractor used
  std::vector<EntityMention> mentions;  // title first, then body, in text order
  std::vector<ExtractedFact> facts;     // empty until relation extraction lands
};

// Sizes of what was loaded, for `newsgraph extract --stats` and tests.
struct LexiconStats {
  size_t entities = 0;
  size_t names = 0;  // distinct matching forms of names, aliases and demonyms
  size_t titles = 0;
  size_t words = 0;  // given names, stop words and other word lists
  double load_seconds = 0;
};

class Extractor {
 public:
  // Loads the lexicons. Fails with InvalidArgument naming file, line and
  // column when a lexicon file is malformed, NotFound when a folder is
  // missing.
  static Result<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Finds the entity mentions of one article. Thread-safe.
  Result<Extraction> Extract(const Article& article) const;

  const LexiconStats& lexicon_stats() const;

  struct Impl;

 private:
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph
