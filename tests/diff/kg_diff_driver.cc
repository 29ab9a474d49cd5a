// The newsgraph side of the differential test (kg_diff.py), on the public API
// only:
//
//   kg_diff_driver DB_DIR DATA_FILE      imports DATA_FILE into a new store in
//                                        DB_DIR, then reads one query a line
//                                        on stdin
//
// For each query it prints the rows (values TAB-separated, normalised as the
// kg-bench harness wants them: an entity by its name, which for the
// generated data is the IRI's local name; an IRI-like string by its last
// segment; null as \N), then a line "%%END", or "%%ERR message" on failure.
#include <iostream>
#include <string>

#include "newsgraph/database.h"

namespace {

std::string Short(const newsgraph::Value& v) {
  if (v.is_null()) return "\\N";
  std::string s = v.ToString();
  if (v.type() == newsgraph::Value::Type::kString && s.find("://") != std::string::npos) {
    size_t cut = s.find_last_of("/#");
    if (cut != std::string::npos) s = s.substr(cut + 1);
  }
  for (char& c : s) {
    if (c == '\t' || c == '\n') c = ' ';
  }
  return s;
}

std::string OneLine(std::string msg) {
  for (char& c : msg) {
    if (c == '\n') c = ' ';
  }
  return msg;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: kg_diff_driver DB_DIR DATA_FILE  (queries on stdin, one a line)\n";
    return 2;
  }
  newsgraph::Options options;
  auto db = newsgraph::Database::Open(options, argv[1]);
  if (!db.ok()) {
    std::cerr << db.status().ToString() << "\n";
    return 1;
  }
  newsgraph::ImportOptions io;
  newsgraph::ImportStats stats;
  if (newsgraph::Status s = (*db)->Import(argv[2], io, &stats); !s.ok()) {
    std::cerr << "import: " << s.ToString() << "\n";
    return 1;
  }
  std::cerr << "kg_diff_driver: imported " << stats.records << " records, " << stats.new_facts << " facts\n";
  std::string line;
  newsgraph::Row row;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    auto cursor = (*db)->Query(line);
    if (!cursor.ok()) {
      std::cout << "%%ERR " << OneLine(cursor.status().ToString()) << "\n" << std::flush;
      continue;
    }
    std::string out;
    while ((*cursor)->Next(&row)) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) out.push_back('\t');
        out += Short(row[i]);
      }
      out.push_back('\n');
    }
    if (!(*cursor)->status().ok()) {
      std::cout << "%%ERR " << OneLine((*cursor)->status().ToString()) << "\n" << std::flush;
      continue;
    }
    std::cout << out << "%%END\n" << std::flush;
  }
  return 0;
}
