// Running the `newsgraph` command from tests: a store filled with the
// example facts, and a runner with stdin, stdout, stderr and a timeout.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "newsgraph/database.h"

namespace newsgraph::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// A store with examples/data/seed_facts.jsonl and tests/data/query_news.jsonl,
// closed again so that the command can open it.
inline void MakeNewsStore(const std::string& dir) {
  auto db = Database::Open(Options{}, dir);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  for (const char* f : {"/examples/data/seed_facts.jsonl", "/tests/data/query_news.jsonl"}) {
    ImportStats stats;
    Status s = (*db)->Import(std::string(NEWSGRAPH_SOURCE_DIR) + f, {}, &stats);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
}

struct RunResult {
  int code = -1;  // exit code; -1 when killed after the timeout
  std::string out, err;
};

// Runs `newsgraph ARGS…` with `input` on stdin and `env` added to the
// environment.
inline RunResult RunTool(const std::vector<std::string>& args, const std::string& input, const std::string& tmp,
                         const std::vector<std::string>& env = {}, int timeout_ms = 120000) {
  std::string in = tmp + "/stdin.txt", out = tmp + "/stdout.txt", err = tmp + "/stderr.txt";
  WriteFile(in, input);
  pid_t pid = fork();
  if (pid == 0) {
    int i = open(in.c_str(), O_RDONLY), o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644),
        e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(i, 0);
    dup2(o, 1);
    dup2(e, 2);
    for (const auto& x : env) putenv(const_cast<char*>(x.c_str()));
    std::vector<char*> argv = {const_cast<char*>(NEWSGRAPH_BIN)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(NEWSGRAPH_BIN, argv.data());
    _exit(127);
  }
  RunResult r;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) != pid) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      r.out = ReadFile(out);
      r.err = ReadFile(err);
      return r;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

inline size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

}  // namespace newsgraph::testing
