// The kg-bench engine driver (see /work/shared/bench/README.md, "Plugging in a
// new engine"), written on the public C++ API only.
#include <iostream>
#include <string>
#include <string_view>

#include "newsgraph/database.h"

namespace {

int Usage() {
  std::cerr << "usage: newsgraph_kg load --db DIR --input DATA_DIR | shell --db DIR | --version\n";
  return 2;
}

// Appends a value as the harness wants it: short ids (an entity's name, an
// IRI's last segment) and decimal numbers. Strings are appended from the
// value itself: rows are thousands, and a copy each is a fair share of the
// time of a short query.
void AppendShort(const newsgraph::Value& v, std::string* out) {
  std::string other;
  std::string_view s;
  if (v.type() == newsgraph::Value::Type::kString) {
    s = v.AsString();
    if (s.find("://") != std::string_view::npos) {
      size_t cut = s.find_last_of("/#");
      if (cut != std::string_view::npos) s.remove_prefix(cut + 1);
    }
  } else {
    other = v.ToString();
    s = other;
  }
  size_t at = out->size();
  out->append(s);
  for (size_t i = at; i < out->size(); ++i) {
    if ((*out)[i] == '\t' || (*out)[i] == '\n') (*out)[i] = ' ';
  }
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
  constexpr size_t kChunk = 32 * 1024;
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
        AppendShort(row[i], &out);
      }
      out.push_back('\n');
      // Rows go out as they come, so the reader parses one chunk while the
      // engine computes the next (the contract ignores rows before %%ERR).
      if (out.size() >= kChunk) {
        std::cout.write(out.data(), static_cast<std::streamsize>(out.size())).flush();
        out.clear();
      }
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
