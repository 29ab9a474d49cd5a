// A strict streaming parser for N-Triples and N-Quads (W3C RDF 1.1).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "newsgraph/status.h"

namespace newsgraph::graph {

// A parsed term. The views point into the parsed line, or into the term's own
// buffer when escapes had to be decoded; they are valid until the next parse.
struct RdfTerm {
  enum Kind : uint8_t { kNone, kIri, kBlank, kLiteral } kind = kNone;
  std::string_view value;     // IRI, blank node label (without "_:"), or the literal's text
  std::string_view lang;      // literal language tag, lowercased
  std::string_view datatype;  // literal datatype IRI, empty for plain and language strings
  std::string buf[3];         // decoded value, lang, datatype when they needed it
};

struct RdfStatement {
  RdfTerm s, p, o, g;  // g.kind == kNone: the default graph
};

// Parses one line. Returns false and sets *error (a message) and *column
// (1-based, in code points) for a malformed line. A blank or comment-only
// line sets *empty. `quads` allows the fourth (graph) term.
bool ParseRdfLine(std::string_view line, bool quads, RdfStatement* out, bool* empty,
                  std::string* error, size_t* column);

// The common line in one pass: IRIs without escapes, and literals without
// escapes whose language tag, if any, is lowercase. Returns false when the
// line needs ParseRdfLine (anything else, valid or not, blank or comment);
// when it returns true, ParseRdfLine would give the same statement.
bool ParseRdfLineFast(std::string_view line, bool quads, RdfStatement* out);

// Writing: an IRI in <…> with the characters N-Triples requires escaped, and
// a literal in "…" with its escapes.
void AppendIri(std::string* out, std::string_view iri);
void AppendLiteral(std::string* out, std::string_view text);

}  // namespace newsgraph::graph
