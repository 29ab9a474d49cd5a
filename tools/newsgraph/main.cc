// newsgraph: build a knowledge graph from news and query it.
#include <cstring>
#include <iostream>
#include <string>

#include "tools/newsgraph/commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

const Command kCommands[] = {
    {"import", newsgraph::cli::RunImport, "load facts from N-Triples, N-Quads or JSON Lines"},
    {"export", newsgraph::cli::RunExport, "write the graph as N-Triples, N-Quads, JSON Lines or CSV"},
    {"stats", newsgraph::cli::RunStats, "count facts, entities, articles and mentions"},
    {"check", newsgraph::cli::RunCheck, "verify the store's consistency"},
    {"forget", newsgraph::cli::RunForget, "remove an article and the facts only it states"},
    {"compact", newsgraph::cli::RunCompact, "compact the store to its smallest size"},
};

void Usage(std::ostream& out) {
  out << "usage: newsgraph COMMAND [options] [--db DIR]\n\ncommands:\n";
  for (const auto& c : kCommands) {
    std::string name = c.name;
    name.resize(10, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\nEvery command works on the database in --db DIR (default ./newsgraph.db).\n"
         "`newsgraph COMMAND --help` describes a command.\n";
}

}  // namespace

int main(int argc, char** argv) {
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
  for (const auto& c : kCommands) {
    if (cmd == c.name) return c.run(argc - 2, argv + 2);
  }
  std::cerr << "newsgraph: unknown command \"" << cmd << "\"\n\n";
  Usage(std::cerr);
  return 2;
}
