#include "tools/newsgraph/shell.h"

#include <chrono>
#include <cstdio>

#include "tools/newsgraph/cli.h"

namespace newsgraph::cli {

volatile int Shell::interrupted = 0;

namespace {

// Passes rows through until Ctrl-C; then stops with an Aborted status, so
// that a long result can be cut short and the shell goes on.
class InterruptibleCursor : public Cursor {
 public:
  explicit InterruptibleCursor(Cursor* c) : c_(c) {}
  const std::vector<std::string>& columns() const override { return c_->columns(); }
  bool Next(Row* row) override {
    if (Shell::interrupted) {
      stopped_ = true;
      return false;
    }
    return c_->Next(row);
  }
  Status status() const override { return stopped_ ? Status::Aborted("interrupted") : c_->status(); }
  const PlanNode& plan() const override { return c_->plan(); }
  bool is_explain() const override { return c_->is_explain(); }
  bool is_profile() const override { return c_->is_profile(); }
  bool LookupNode(uint64_t id, NodeInfo* out) override { return c_->LookupNode(id, out); }

 private:
  Cursor* c_;
  bool stopped_ = false;
};

std::string OneLine(const std::string& s) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  return out;
}

}  // namespace

std::vector<std::string> SplitWords(const std::string& line) {
  std::vector<std::string> words;
  std::string w;
  bool quoted = false, any = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (!quoted && (c == ' ' || c == '\t')) {
      if (any) words.push_back(w);
      w.clear();
      any = false;
    } else {
      w.push_back(c);
      any = true;
    }
  }
  if (any) words.push_back(w);
  return words;
}

Shell::Shell(Database* db, std::ostream& console, std::ostream& err) : db_(db), console_(console), err_(err) {}

bool Shell::SetMode(const std::string& name) { return ParseOutputFormat(name, &format_); }

std::vector<std::string> Shell::TakeHistory() { return std::exchange(history_, {}); }

bool Shell::HandleLine(const std::string& line) {
  if (!splitter_.pending()) {
    std::string t = Trim(line);
    if (t.starts_with(".")) {
      if (read_depth_ == 0 && t != ".quit" && t != ".exit" && t != ".q") history_.push_back(t);
      bool ok = DotCommand(t);
      if (!ok && bail_) return false;
      return !quit_;
    }
  }
  std::vector<std::string> statements;
  splitter_.AddLine(line, &statements);
  for (const auto& st : statements) {
    if (read_depth_ == 0) history_.push_back(OneLine(st) + ";");
    if (!RunStatement(st) && bail_) return false;
    if (quit_) return false;
  }
  return !quit_;
}

bool Shell::Finish() {
  std::string rest = splitter_.TakePending();
  if (rest.empty()) return true;
  return RunStatement(rest) || !bail_;
}

bool Shell::Error(const std::string& message) {
  ++errors_;
  err_ << "Error: " << message << "\n";
  err_.flush();
  return false;
}

std::ostream& Shell::Out() {
  if (once_) return *once_;
  if (output_) return *output_;
  return console_;
}

bool Shell::WriteResult(Cursor* cursor, std::ostream& out) {
  WriteOptions wo = write_options_;
  if (&out == &console_ && terminal_width_ > 0 && wo.max_width == 0) wo.max_width = terminal_width_;
  InterruptibleCursor c(cursor);
  Status s = WriteRows(&c, format_, out, nullptr, wo);
  if (!s.ok()) return Error(s.message());
  return true;
}

bool Shell::RunStatement(const std::string& text) {
  last_statement_ = text;
  interrupted = 0;
  auto start = std::chrono::steady_clock::now();
  auto cursor = db_->Query(text, params_, query_options_);
  bool ok = true;
  if (!cursor.ok()) {
    ok = Error(cursor.status().message());
  } else if ((*cursor)->is_explain()) {
    console_ << FormatPlan((*cursor)->plan(), false);
  } else {
    std::ostream& out = Out();
    ok = WriteResult(cursor->get(), out);
    if (ok && (*cursor)->is_profile()) console_ << FormatPlan((*cursor)->plan(), true);
  }
  once_.reset();
  if (timer_) {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char buf[64];
    std::snprintf(buf, sizeof buf, "Run Time: %.3f s\n", s);
    console_ << buf;
  }
  console_.flush();
  return ok;
}

bool Shell::DotCommand(const std::string& line) {
  std::vector<std::string> words = SplitWords(line);
  const std::string cmd = words.empty() ? "." : words[0];
  std::vector<std::string> args(words.begin() + (words.empty() ? 0 : 1), words.end());
  std::string rest = Trim(line.substr(std::min(line.size(), cmd.size())));
  if (cmd == ".quit" || cmd == ".exit" || cmd == ".q") {
    quit_ = true;
    return true;
  }
  if (cmd == ".help") return Help();
  if (cmd == ".mode") return ModeCommand(args);
  if (cmd == ".output" || cmd == ".out") return OutputCommand(args, false);
  if (cmd == ".once") return OutputCommand(args, true);
  if (cmd == ".read") return ReadCommand(args);
  if (cmd == ".param" || cmd == ".parameter") return ParamCommand(args, rest);
  if (cmd == ".schema") return SchemaCommand();
  if (cmd == ".stats") return StatsCommand();
  if (cmd == ".explain") return ExplainCommand(rest);
  if (cmd == ".timer") {
    if (args.size() != 1 || (args[0] != "on" && args[0] != "off")) return Error("usage: .timer on|off");
    timer_ = args[0] == "on";
    return true;
  }
  if (cmd == ".wrap") {
    if (args.size() != 1 || (args[0] != "on" && args[0] != "off")) return Error("usage: .wrap on|off");
    write_options_.wrap = args[0] == "on";
    return true;
  }
  if (cmd == ".width") {
    if (args.size() != 1 || args[0].find_first_not_of("0123456789") != std::string::npos) {
      return Error("usage: .width N (0: no limit)");
    }
    write_options_.max_cell_width = std::stoul(args[0]);
    return true;
  }
  if (cmd == ".lang") {
    if (args.size() > 1 || (args.size() == 1 && args[0] != "en" && args[0] != "ar")) {
      return Error("usage: .lang en|ar   (without an argument: English, then Arabic)");
    }
    query_options_.lang = args.empty() ? "" : args[0];
    return true;
  }
  return Error("unknown command " + cmd + " (.help lists them)");
}

}  // namespace newsgraph::cli
