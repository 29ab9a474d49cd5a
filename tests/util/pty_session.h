// Runs a program in a pseudo-terminal, as a person at a terminal would:
// keys go in, the screen's byte stream comes out. Every wait has a timeout,
// and the program is killed when the session ends, so a test cannot hang.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace newsgraph::testing {

class PtySession {
 public:
  PtySession() = default;
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;
  ~PtySession() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
  }

  // Starts argv[0] with `env` ("NAME=VALUE", added to a minimal
  // environment) on a terminal of `cols` x `rows`.
  bool Start(const std::vector<std::string>& argv, const std::vector<std::string>& env, int cols = 120,
             int rows = 40) {
    winsize ws{};
    ws.ws_col = static_cast<unsigned short>(cols);
    ws.ws_row = static_cast<unsigned short>(rows);
    pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
    if (pid_ < 0) return false;
    if (pid_ == 0) {
      std::vector<std::string> e = {"TERM=xterm", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "INPUTRC=/dev/null",
                                    "PATH=/usr/bin:/bin"};
      e.insert(e.end(), env.begin(), env.end());
      std::vector<char*> args, envp;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      for (const auto& x : e) envp.push_back(const_cast<char*>(x.c_str()));
      envp.push_back(nullptr);
      execve(args[0], args.data(), envp.data());
      _exit(127);
    }
    fcntl(fd_, F_SETFL, fcntl(fd_, F_GETFL) | O_NONBLOCK);
    return true;
  }

  // Types `keys` (one write; readline sees them as typed).
  void Send(const std::string& keys) {
    size_t done = 0;
    while (done < keys.size()) {
      ssize_t n = write(fd_, keys.data() + done, keys.size() - done);
      if (n > 0) done += static_cast<size_t>(n);
      else std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  // Sends a control key (Ctrl-C, Ctrl-D) once the program has been quiet for
  // `quiet_ms`: typed ahead while the shell switches the terminal between
  // cooked and raw mode, such a key can be taken by the line discipline
  // instead of the line editor, which no person typing could make happen.
  void SendWhenIdle(const std::string& keys, int quiet_ms = 150) {
    while (ReadSome(quiet_ms)) {
    }
    Send(keys);
  }

  // Reads until `needle` shows up after position `from` of the output (by
  // default: after what earlier waits consumed), or `timeout_ms` passes.
  bool WaitFor(const std::string& needle, int timeout_ms = 30000) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      size_t at = out_.find(needle, mark_);
      if (at != std::string::npos) {
        mark_ = at + needle.size();
        return true;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !ReadSome(static_cast<int>(left.count()))) return false;
    }
  }

  // Waits for the program to exit; its exit code, or -1 after a timeout
  // (then it is killed).
  int Wait(int timeout_ms = 30000) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
      ReadSome(20);
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        while (ReadSome(50)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return -1;
  }

  // Everything the program wrote so far.
  const std::string& output() const { return out_; }
  // What it wrote after the last successful WaitFor.
  std::string rest() const { return out_.substr(mark_); }

 private:
  bool ReadSome(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[4096];
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n <= 0) return false;
    out_.append(buf, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int fd_ = -1;
  std::string out_;
  size_t mark_ = 0;
};

}  // namespace newsgraph::testing
