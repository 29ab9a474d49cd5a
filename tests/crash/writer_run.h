// Runs crash_writer as a child process: killed with SIGKILL after a delay,
// or left to finish under a watchdog so that a hang fails the test instead of
// stalling it. Its stdout and stderr are kept in files.
#pragma once

#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace newsgraph::testing {

struct WriterRun {
  bool killed = false;       // by our SIGKILL
  bool hung = false;         // the watchdog had to kill it
  int exit_code = -1;
  int signal = 0;            // the signal that ended it, 0 if it exited
  double seconds = 0;
  std::string out, err;
  // The last "committed N" line of an ingest: articles known durable.
  int committed = 0;
};

struct WriterArgs {
  std::string mode, db, input;
  // Kill after this long; negative: let it finish.
  std::chrono::microseconds kill_after{-1};
  // Or kill once the writer has reported this many articles committed (an
  // ingest), after kill_after more; negative: not.
  int kill_at_committed = -1;
  // RLIMIT_FSIZE for the writer; 0: none.
  uint64_t max_file_bytes = 0;
  // A run that is not killed on purpose and takes longer is a hang.
  std::chrono::seconds watchdog{120};
  std::string out_path;  // where stdout/stderr go (plus ".err")
};

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The last "committed N" of a whole line in `out`.
inline int LastCommitted(const std::string& out) {
  int n = 0;
  size_t end = out.rfind('\n');
  if (end == std::string::npos) return 0;
  std::istringstream lines(out.substr(0, end + 1));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("committed ", 0) == 0) n = std::stoi(line.substr(10));
  }
  return n;
}

inline WriterRun RunWriter(const WriterArgs& a) {
  using Clock = std::chrono::steady_clock;
  std::vector<std::string> args = {CRASH_WRITER, a.mode, a.db, a.input};
  if (a.max_file_bytes) args.push_back(std::to_string(a.max_file_bytes));
  std::vector<char*> argv;
  for (auto& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  const std::string err_path = a.out_path + ".err";
  posix_spawn_file_actions_addopen(&fa, 1, a.out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  WriterRun r;
  pid_t pid;
  auto t0 = Clock::now();
  int rc = posix_spawn(&pid, CRASH_WRITER, &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return r;
  const bool by_count = a.kill_at_committed >= 0;
  auto limit = a.kill_after.count() >= 0 && !by_count ? t0 + a.kill_after : t0 + a.watchdog;
  int status = 0;
  for (;;) {
    pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (by_count && LastCommitted(ReadAll(a.out_path)) >= a.kill_at_committed) {
      std::this_thread::sleep_for(a.kill_after);
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    if (Clock::now() >= limit) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      if (a.kill_after.count() < 0) r.hung = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(by_count ? 200 : 500));
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  r.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && !r.hung;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  r.out = ReadAll(a.out_path);
  r.err = ReadAll(err_path);
  // A line cut by the kill has no newline: it does not count.
  r.committed = LastCommitted(r.out);
  return r;
}

}  // namespace newsgraph::testing
