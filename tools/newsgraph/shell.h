// The interactive shell (`newsgraph shell`): statements ending in `;`, and
// dot-commands in the manner of the SQLite and DuckDB shells. This class
// holds the session (output mode, destination, parameters, timer) and runs
// input lines; cmd_shell.cc reads them, with readline on a terminal.
#pragma once

#include <cstdint>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "newsgraph/database.h"
#include "newsgraph/format.h"
#include "tools/newsgraph/statement_splitter.h"

namespace newsgraph::cli {

class Shell {
 public:
  // `console` gets messages (the timer, .help, plans), `err` errors; results
  // go to the console unless .output or .once names a file.
  Shell(Database* db, std::ostream& console, std::ostream& err);

  // Runs one line of input: a dot-command when no statement is pending,
  // otherwise part of a statement, which runs once its `;` arrives.
  // Returns false once the shell should stop (.quit, or an error with bail).
  bool HandleLine(const std::string& line);

  // Runs what is left at the end of the input (a last statement without
  // `;`). Returns false on an error with bail.
  bool Finish();

  // Drops a statement being typed (Ctrl-C at the prompt).
  void ClearPending() { splitter_.Clear(); }
  bool pending() const { return splitter_.pending(); }

  // Stop at the first error (-bail).
  void set_bail(bool bail) { bail_ = bail; }
  // Tables are fitted to this many columns when results go to the terminal
  // (0: no limit).
  void set_terminal_width(size_t width) { terminal_width_ = width; }
  bool SetMode(const std::string& name);
  void set_lang(const std::string& lang) { query_options_.lang = lang; }

  // Errors reported so far.
  int errors() const { return errors_; }
  // Complete statements run, for history: each one on a single line.
  std::vector<std::string> TakeHistory();

  Database* db() { return db_; }
  const Params& params() const { return params_; }

  // Set by a SIGINT handler while a statement runs: the rows stop coming.
  static volatile int interrupted;

 private:
  bool RunStatement(const std::string& text);
  bool DotCommand(const std::string& line);
  bool Error(const std::string& message);
  std::ostream& Out();
  bool WriteResult(Cursor* cursor, std::ostream& out);

  // Dot-commands (shell_commands.cc). Each returns false on an error.
  bool Help();
  bool ModeCommand(const std::vector<std::string>& args);
  bool OutputCommand(const std::vector<std::string>& args, bool once);
  bool ReadCommand(const std::vector<std::string>& args);
  bool ParamCommand(const std::vector<std::string>& args, const std::string& line);
  bool SchemaCommand();
  bool StatsCommand();
  bool ExplainCommand(const std::string& rest);

  Database* db_;
  std::ostream& console_;
  std::ostream& err_;
  StatementSplitter splitter_;
  OutputFormat format_ = OutputFormat::kTable;
  WriteOptions write_options_;
  QueryOptions query_options_;
  Params params_;
  std::unique_ptr<std::ofstream> output_;  // .output FILE
  std::unique_ptr<std::ofstream> once_;    // .once FILE: the next result only
  std::string output_name_;
  bool timer_ = false;
  bool bail_ = false;
  bool quit_ = false;
  int errors_ = 0;
  int read_depth_ = 0;
  size_t terminal_width_ = 0;
  std::string last_statement_;
  std::vector<std::string> history_;
};

// Splits a dot-command line into words; "double quotes" group words.
std::vector<std::string> SplitWords(const std::string& line);

}  // namespace newsgraph::cli
