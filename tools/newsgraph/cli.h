// Small pieces shared by the subcommands: argument parsing, messages, the
// progress bar.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/database.h"
#include "newsgraph/options.h"

namespace newsgraph::cli {

// One option of a subcommand, for parsing and --help.
struct OptionSpec {
  std::string name;      // "db" for --db
  std::string value;     // placeholder ("DIR"); empty for a flag
  std::string help;
  bool repeatable = false;
};

struct CommandSpec {
  std::string name;
  std::string usage;     // "import [options] FILE…"
  std::string summary;
  std::vector<OptionSpec> options;
};

class Args {
 public:
  // Parses argv after the subcommand name. On an unknown option or a missing
  // value, prints the error and returns false.
  bool Parse(const CommandSpec& spec, int argc, char** argv);

  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }
  bool help() const { return help_; }

 private:
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> positional_;
  bool help_ = false;
};

void PrintHelp(const CommandSpec& spec);

// The --db option every command takes.
OptionSpec DbOption();
std::string DbPath(const Args& args);

// Prints "newsgraph: <message>" on stderr; returns the exit code for it.
int Fail(const Status& s);
int Fail(const std::string& message);

// Opens the database for writing or reading, with a message on failure.
std::unique_ptr<Database> OpenDatabase(const Args& args, bool read_only);

// A progress bar on stderr when it is a terminal; silent otherwise.
class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  // Returns true (never stops the work).
  bool Update(const Progress& p);
  void Done();
  bool active() const { return tty_; }

 private:
  std::string label_;
  bool tty_;
  bool drawn_ = false;
  int64_t start_ms_;
  int64_t last_ms_ = 0;
};

std::string HumanBytes(uint64_t n);
std::string WithCommas(uint64_t n);
int64_t NowMs();

}  // namespace newsgraph::cli
