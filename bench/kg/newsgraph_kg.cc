// The kg-bench engine driver (see /work/shared/bench/README.md, "Plugging in a
// new engine"), written on the public C++ API only.
#include <iostream>
#include <string>

#include "newsgraph/database.h"

namespace {

int Usage() {
  std::cerr << "usage: newsgraph_kg load --db DIR --input DATA_DIR | shell --db DIR | --version\n";
  return 2;
}

// Values as the harness wants them: short ids (an entity's name, an IRI's
// last segment) and decimal numbers.
std::string Short(const newsgraph::Value& v) {
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

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--version") {
    std::cout << "newsgraph 0.1.0\n";
    return 0;
  }
  if (argc < 4) return Usage();
  std::string cmd = argv[1], db_path, input;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--db") db_path = argv[i + 1];
    else if (k == "--input") input = argv[i + 1];
    else return Usage();
  }
  newsgraph::Options options;
  if (cmd == "load") {
    auto db = newsgraph::Database::Open(options, db_path);
    if (!db.ok()) {
      std::cerr << db.status().ToString() << "\n";
      return 1;
    }
    newsgraph::ImportOptions io;
    io.bulk = newsgraph::ImportOptions::Bulk::kAlways;
    newsgraph::ImportStats st;
    newsgraph::Status s = (*db)->Import(input + "/kg.nq", io, &st);
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
    std::cerr << "loaded " << st.records << " records, " << st.new_facts << " facts\n";
    return 0;
  }
  if (cmd != "shell") return Usage();
  options.read_only = true;
  auto db = newsgraph::Database::Open(options, db_path);
  if (!db.ok()) {
    std::cerr << db.status().ToString() << "\n";
    return 1;
  }
  std::ios::sync_with_stdio(false);
  std::string line, out;
  newsgraph::Row row;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    auto cursor = (*db)->Query(line);
    if (!cursor.ok()) {
      std::string msg = cursor.status().message();
      for (char& c : msg) {
        if (c == '\n') c = ' ';
      }
      std::cout << "%%ERR " << msg << "\n" << std::flush;
      continue;
    }
    out.clear();
    while ((*cursor)->Next(&row)) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) out.push_back('\t');
        out += Short(row[i]);
      }
      out.push_back('\n');
    }
    if (!(*cursor)->status().ok()) {
      std::string msg = (*cursor)->status().message();
      for (char& c : msg) {
        if (c == '\n') c = ' ';
      }
      std::cout << "%%ERR " << msg << "\n" << std::flush;
      continue;
    }
    std::cout << out << "%%END\n" << std::flush;
  }
  return 0;
}
