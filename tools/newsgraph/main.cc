// newsgraph: build a knowledge graph from news and query it.
#include <algorithm>
#include <iostream>
#include <string>

#include "tools/newsgraph/commands.h"

namespace newsgraph::cli {
std::vector<CommandEntry>& Commands() {
  static std::vector<CommandEntry> commands;
  return commands;
}
}  // namespace newsgraph::cli

namespace {

void Usage(std::ostream& out) {
  out << "usage: newsgraph COMMAND [options] [--db DIR]\n\ncommands:\n";
  for (const auto& c : newsgraph::cli::Commands()) {
    std::string name = c.name;
    name.resize(10, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\nEvery command works on the database in --db DIR (default ./newsgraph.db).\n"
         "`newsgraph COMMAND --help` describes a command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  auto& commands = newsgraph::cli::Commands();
  std::stable_sort(commands.begin(), commands.end(),
                   [](const auto& a, const auto& b) { return a.order < b.order; });
  if (argc < 2) {
    Usage(std::cerr);
    return 2;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    Usage(std::cout);
    return 0;
  }
  if (cmd == "--version") {
    std::cout << "newsgraph 0.1.0\n";
    return 0;
  }
  for (const auto& c : commands) {
    if (cmd == c.name) return c.run(argc - 2, argv + 2);
  }
  std::cerr << "newsgraph: unknown command \"" << cmd << "\"\n\n";
  Usage(std::cerr);
  return 2;
}
