// The subcommands of `newsgraph`. Each cmd_*.cc file registers its commands
// with a static Registration, so adding a command touches no other file.
#pragma once

#include <vector>

namespace newsgraph::cli {

struct CommandEntry {
  const char* name;
  int (*run)(int argc, char** argv);  // returns the exit code
  const char* summary;
  int order;  // position in `newsgraph --help`
};

// All registered commands, sorted by order.
std::vector<CommandEntry>& Commands();

struct Registration {
  Registration(const char* name, int (*run)(int, char**), const char* summary, int order) {
    Commands().push_back(CommandEntry{name, run, summary, order});
  }
};

}  // namespace newsgraph::cli
