// N-Triples and N-Quads lines: the parser must accept or reject any bytes
// with a message and a column inside the line.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "graph/io/rdf_reader.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  if (line.find('\n') != std::string_view::npos) line = line.substr(0, line.find('\n'));
  // The importer rejects invalid UTF-8 before parsing; so do we.
  if (newsgraph::text::FindInvalidUtf8(line, true) != std::string_view::npos) return 0;
  for (bool quads : {false, true}) {
    newsgraph::graph::RdfStatement st;
    bool empty = false;
    std::string error;
    size_t column = 0;
    bool ok = newsgraph::graph::ParseRdfLine(line, quads, &st, &empty, &error, &column);
    if (!ok && (error.empty() || column == 0 || column > line.size() + 1)) std::abort();
    if (ok && !empty && st.s.kind == newsgraph::graph::RdfTerm::kNone) std::abort();
    // The import's fast scanner may decline any line, but a line it takes
    // must read as the full parser reads it.
    newsgraph::graph::RdfStatement fast;
    if (newsgraph::graph::ParseRdfLineFast(line, quads, &fast)) {
      if (!ok || empty) std::abort();
      for (auto [a, b] : {std::pair{&fast.s, &st.s}, {&fast.p, &st.p}, {&fast.o, &st.o}}) {
        if (a->kind != b->kind || a->value != b->value || a->lang != b->lang ||
            a->datatype != b->datatype) {
          std::abort();
        }
      }
      if (fast.g.kind != st.g.kind || fast.g.value != st.g.value) std::abort();
    }
    if (ok && !empty) {
      // Writing a term back must give something the parser reads again.
      std::string again;
      newsgraph::graph::AppendIri(&again, std::string(st.p.value));
      if (again.size() < 2) std::abort();
    }
  }
  return 0;
}
