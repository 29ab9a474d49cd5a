// Embed a newsgraph store in a program: open (or create) it, import facts,
// run a prepared query with parameters, and read typed values.
//
//   embed_query DB_DIR FACTS.jsonl [NAME]
#include <iostream>

#include "newsgraph/database.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: embed_query DB_DIR FACTS.jsonl [NAME]\n";
    return 2;
  }
  auto db = newsgraph::Database::Open(newsgraph::Options{}, argv[1]);
  if (!db.ok()) {
    std::cerr << db.status().ToString() << "\n";
    return 1;
  }
  newsgraph::ImportStats stats;
  if (auto s = (*db)->Import(argv[2], {}, &stats); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  std::cout << "imported " << stats.records << " records, " << stats.new_facts << " new facts\n";

  // Parsed once; each Execute reads the store as it is then.
  auto query = (*db)->Prepare(
      "MATCH (x {name: $who})-[r]-(y) RETURN startNode(r) AS subject, type(r) AS predicate, endNode(r) AS object, "
      "r.articles AS articles, r ORDER BY predicate, articles DESC");
  if (!query.ok()) {
    std::cerr << query.status().ToString() << "\n";
    return 1;
  }
  newsgraph::Params params{{"who", newsgraph::Value::String(argc > 3 ? argv[3] : "حفتر")}};
  auto cursor = (*query)->Execute(params);
  if (!cursor.ok()) {
    std::cerr << cursor.status().ToString() << "\n";
    return 1;
  }
  newsgraph::Row row;
  int n = 0;
  while ((*cursor)->Next(&row)) {
    // Typed values: entities are nodes, facts relationships with counts; a
    // literal object (holds_position "…") comes as a string.
    auto show = [](const newsgraph::Value& v) {
      if (v.type() != newsgraph::Value::Type::kNode) return v.ToString();
      return v.AsNode().name + " (" + v.AsNode().type + ")";
    };
    const newsgraph::Relationship& r = row[4].AsRelationship();
    std::cout << show(row[0]) << " " << row[1].AsString() << " " << show(row[2]) << ", " << row[3].AsInt()
              << " article(s), first seen "
              << (r.first_day == INT32_MIN ? std::string("?") : newsgraph::Date{r.first_day}.ToString()) << "\n";
    ++n;
  }
  if (!(*cursor)->status().ok()) {
    std::cerr << (*cursor)->status().ToString() << "\n";
    return 1;
  }
  std::cout << n << " row(s)\n";
  return n > 0 ? 0 : 1;
}
