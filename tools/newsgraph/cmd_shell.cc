// `newsgraph shell`: readline on a terminal (editing, history kept in
// ~/.newsgraph_history, TAB completion); plain line reading otherwise.
#include <readline/history.h>
#include <readline/readline.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/commands.h"
#include "tools/newsgraph/shell.h"
#include "tools/newsgraph/shell_complete.h"

namespace newsgraph::cli {

int RunShell(int argc, char** argv);

namespace {

const Registration kRegistration("shell", RunShell, "an interactive shell for queries", 11);

const CommandSpec kSpec{
    "shell",
    "shell [options]",
    "Reads statements (ending with ;) and dot-commands (.help lists them). On a terminal: line\n"
    "editing, history (~/.newsgraph_history, or $NEWSGRAPH_HISTORY) and TAB completion. Otherwise\n"
    "it reads stdin and exits with 1 if any statement failed; with -bail it stops at the first.",
    {DbOption(),
     {"bail", "", "stop at the first error (also -bail)"},
     {"mode", "MODE", "output mode to start with (default table; see .mode)"},
     {"lang", "LANG", "language of node names: en or ar"},
     {"cmd", "TEXT", "run TEXT (a statement or dot-command) before reading input", true}}};

std::string HistoryPath() {
  if (const char* p = std::getenv("NEWSGRAPH_HISTORY")) return p;
  if (const char* home = std::getenv("HOME")) return std::string(home) + "/.newsgraph_history";
  return "";
}

size_t TerminalWidth() {
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 0;
}

// Readline needs a UTF-8 locale to edit and show Arabic; "C" would show
// bytes as escapes.
void UseUtf8Locale() {
  const char* l = std::setlocale(LC_ALL, "");
  std::string name = l ? l : "";
  if (name.find("UTF-8") == std::string::npos && name.find("utf8") == std::string::npos) {
    if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "en_US.UTF-8");
  }
  std::setlocale(LC_NUMERIC, "C");
}

void OnInterrupt(int) { Shell::interrupted = 1; }

// SIGINT sets a flag. While waiting for a key it must interrupt select()
// (no SA_RESTART); while a statement runs, reads in the store should just
// go on (SA_RESTART).
void CatchInterrupt(bool restart) {
  struct sigaction sa {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = restart ? SA_RESTART : 0;
  sigaction(SIGINT, &sa, nullptr);
}

std::string g_line;
bool g_have_line = false, g_eof = false;

void OnLine(char* line) {
  g_have_line = true;
  if (!line) {
    g_eof = true;
    return;
  }
  g_line = line;
  std::free(line);
}

enum class Input { kLine, kInterrupt, kEof };

// Reads one line with readline's callback interface, so that Ctrl-C can
// abandon the line and the statement being typed without leaving the shell.
Input ReadLine(const char* prompt, std::string* line) {
  g_have_line = g_eof = false;
  Shell::interrupted = 0;
  CatchInterrupt(false);
  // SIGINT stays blocked except inside pselect(): a Ctrl-C that lands while
  // a key is being handled is then delivered when the wait starts, instead
  // of setting the flag just before a wait that would never end.
  sigset_t with_sigint, without_sigint;
  sigemptyset(&with_sigint);
  sigaddset(&with_sigint, SIGINT);
  sigprocmask(SIG_BLOCK, &with_sigint, &without_sigint);
  sigdelset(&without_sigint, SIGINT);
  rl_callback_handler_install(prompt, OnLine);
  Input result = Input::kLine;
  while (!g_have_line) {
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(STDIN_FILENO, &fds);
    int r = pselect(STDIN_FILENO + 1, &fds, nullptr, nullptr, nullptr, &without_sigint);
    if (r < 0 && errno == EINTR && Shell::interrupted) {
      rl_free_line_state();
      rl_callback_sigcleanup();
      result = Input::kInterrupt;
      std::cout << "^C" << std::endl;
      break;
    }
    if (r > 0) rl_callback_read_char();
  }
  sigprocmask(SIG_UNBLOCK, &with_sigint, nullptr);
  rl_callback_handler_remove();
  CatchInterrupt(true);
  Shell::interrupted = 0;
  if (result == Input::kInterrupt) return result;
  if (g_eof) return Input::kEof;
  *line = g_line;
  return Input::kLine;
}

int Interactive(Shell* shell, Database* db) {
  UseUtf8Locale();
  std::string pending;  // lines of the statement being typed, for completion
  InstallCompletion(shell, &pending);
  const std::string history = HistoryPath();
  using_history();
  stifle_history(2000);
  if (!history.empty()) read_history(history.c_str());
  rl_catch_signals = 0;

  auto stats = db->Stats();
  std::cout << "newsgraph 0.1.0 shell on " << db->path();
  if (stats.ok()) std::cout << " (" << WithCommas(stats->facts) << " facts, " << WithCommas(stats->entities) << " entities)";
  std::cout << "\nStatements end with ;  .help lists the dot-commands  TAB completes  .quit leaves" << std::endl;
  bool go_on = true;
  while (go_on) {
    shell->set_terminal_width(TerminalWidth());
    std::string line;
    Input in = ReadLine(shell->pending() ? "      ...> " : "newsgraph> ", &line);
    if (in == Input::kEof) {
      std::cout << std::endl;
      break;
    }
    if (in == Input::kInterrupt) {
      shell->ClearPending();
      pending.clear();
      continue;
    }
    go_on = shell->HandleLine(line);
    pending = shell->pending() ? pending + line + "\n" : "";
    for (const std::string& h : shell->TakeHistory()) {
      add_history(h.c_str());
      if (!history.empty()) {
        if (!std::filesystem::exists(history)) write_history(history.c_str());
        else append_history(1, history.c_str());
      }
    }
  }
  if (!history.empty()) history_truncate_file(history.c_str(), 2000);
  return 0;
}

int Batch(Shell* shell, bool bail) {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!shell->HandleLine(line)) {
      if (bail && shell->errors() > 0) return 1;
      return shell->errors() > 0 ? 1 : 0;
    }
  }
  if (!shell->Finish() && bail) return 1;
  return shell->errors() > 0 ? 1 : 0;
}

}  // namespace

int RunShell(int argc, char** argv) {
  // SQLite's spelling of the flag works too.
  std::vector<char*> args_v;
  std::string bail_flag = "--bail";
  for (int i = 0; i < argc; ++i) args_v.push_back(std::string(argv[i]) == "-bail" ? bail_flag.data() : argv[i]);
  Args args;
  if (!args.Parse(kSpec, static_cast<int>(args_v.size()), args_v.data())) return 2;
  if (args.help()) {
    PrintHelp(kSpec);
    return 0;
  }
  if (!args.positional().empty()) return Fail("shell: unexpected argument \"" + args.positional()[0] + "\"");
  auto db = OpenDatabase(args, true);
  if (!db) return 3;
  Shell shell(db.get(), std::cout, std::cerr);
  const bool bail = args.Has("bail");
  shell.set_bail(bail);
  if (args.Has("mode") && !shell.SetMode(args.Get("mode"))) {
    return Fail("shell: unknown mode \"" + args.Get("mode") + "\"");
  }
  shell.set_lang(args.Get("lang"));
  for (const auto& c : args.GetAll("cmd")) {
    bool go_on = shell.HandleLine(c) && shell.Finish();
    if (bail && shell.errors() > 0) return 1;
    if (!go_on) return shell.errors() > 0 ? 1 : 0;  // .quit
  }
  // Readline writes through stdio; the shell's own output must stay in step.
  if (isatty(STDIN_FILENO)) return Interactive(&shell, db.get());
  std::ios::sync_with_stdio(false);
  return Batch(&shell, bail);
}

}  // namespace newsgraph::cli
