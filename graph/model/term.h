// Terms: the nodes and literal values of the graph, and the predicates.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace newsgraph::graph {

using TermId = uint64_t;
using ArticleId = uint64_t;
inline constexpr TermId kNoTerm = 0;

enum class TermKind : uint8_t {
  kEntity = 1,
  kPredicate = 2,
  kString = 3,   // text with an optional language tag
  kInteger = 4,
  kDecimal = 5,
  kDate = 6,
};

// One dictionary entry. For entities, `key` is the stable slug (or an IRI for
// imported RDF); for predicates, the name; for literals, the lexical form.
struct TermRecord {
  TermKind kind = TermKind::kEntity;
  std::string key;
  std::string type;  // entities: Person, Organization, …
  std::string lang;  // string literals: language tag
  std::map<std::string, std::string> labels;                // lang → display name
  std::map<std::string, std::vector<std::string>> aliases;  // lang → names
  std::map<std::string, std::string> props;                 // sector, country, …

  // The display name: the label in `lang`, else English, Arabic, any label,
  // else the key's last path segment.
  std::string Name(const std::string& lang = "") const;
  bool IsLiteral() const { return kind >= TermKind::kString; }
};

// The dictionary key of a term (column family term_keys): kind byte, then the
// language and lexical form for literals. Entities and predicates are unique by
// key, literals by (kind, lang, lexical form).
std::string CanonicalTermKey(TermKind kind, std::string_view key, std::string_view lang = {});

// Canonical lexical forms: integers without leading zeros, decimals in shortest
// round-trip form, dates as YYYY-MM-DD. False when `lexical` is not of `kind`.
bool CanonicaliseLiteral(TermKind kind, std::string* lexical);

// "entity", "predicate", "string", "integer", "decimal", "date".
const char* TermKindName(TermKind kind);

}  // namespace newsgraph::graph
