// A report of one's own: run a few queries and write them as one Markdown
// page with WriteRows (format.h). `newsgraph report` does more (HTML,
// pictures); this shows how little a custom one needs.
//
//   custom_report DB_DIR > report.md
#include <iostream>

#include "newsgraph/database.h"
#include "newsgraph/format.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: custom_report DB_DIR\n";
    return 2;
  }
  newsgraph::Options options;
  options.read_only = true;  // a reader may run beside a writer
  options.create_if_missing = false;
  auto db = newsgraph::Database::Open(options, argv[1]);
  if (!db.ok()) {
    std::cerr << db.status().ToString() << "\n";
    return 1;
  }
  struct Section {
    const char* heading;
    const char* query;
  };
  const Section sections[] = {
      {"Facts per predicate", "MATCH (a)-[r]->(b) RETURN type(r) AS predicate, count(*) AS facts ORDER BY facts DESC"},
      {"Most connected", "MATCH (a)-[r]-(b) RETURN a.name AS entity, count(DISTINCT b) AS neighbours "
                         "ORDER BY neighbours DESC, entity LIMIT 5"},
      {"Latest facts", "MATCH (a)-[r]->(b) WHERE r.last_seen IS NOT NULL RETURN a.name AS subject, type(r) AS "
                       "predicate, b.name AS object, r.last_seen AS date ORDER BY date DESC, subject LIMIT 10"},
  };
  std::cout << "# " << (*db)->path() << "\n";
  int failed = 0;
  for (const auto& s : sections) {
    std::cout << "\n## " << s.heading << "\n\n";
    auto cursor = (*db)->Query(s.query);
    newsgraph::Status st = cursor.ok() ? newsgraph::WriteRows(cursor->get(), newsgraph::OutputFormat::kMarkdown, std::cout)
                                       : cursor.status();
    if (!st.ok()) {
      std::cout << "```\n" << st.ToString() << "\n```\n";
      ++failed;
    }
  }
  return failed ? 1 : 0;
}
