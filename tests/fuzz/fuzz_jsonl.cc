// JSON Lines import records: any bytes are accepted into the record set or
// rejected with a message; nothing half-added is left behind as a record.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "graph/io/jsonl_reader.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  if (newsgraph::text::FindInvalidUtf8(line, true) != std::string_view::npos) return 0;
  newsgraph::graph::RecordSet rs;
  std::string error;
  size_t column = 0;
  bool ok = newsgraph::graph::ParseJsonLine(line, &rs, &error, &column);
  if (ok && rs.records.size() != 1) std::abort();
  if (!ok && (error.empty() || !rs.records.empty())) std::abort();
  for (const auto& r : rs.records) {
    if (r.s >= rs.terms.size() || r.p >= rs.terms.size() || r.o >= rs.terms.size() ||
        r.article >= rs.articles.size()) {
      std::abort();
    }
  }
  return 0;
}
