// Graphviz as a program: the DOT text goes in through a file, the SVG comes
// back through another, and a layout that runs too long is killed. Running
// it as a child keeps Graphviz's memory and crashes out of our process.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tools/newsgraph/report.h"

extern char** environ;

namespace newsgraph::cli {

namespace {

std::string FindProgram(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    std::string p = dir + "/" + name;
    if (access(p.c_str(), X_OK) == 0) return p;
  }
  return "";
}

class TempFile {
 public:
  TempFile() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "newsgraph-report-XXXXXX").string();
    int fd = mkstemp(tmpl.data());
    if (fd >= 0) {
      close(fd);
      path_ = tmpl;
    }
  }
  ~TempFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Graphviz writes a standalone SVG document; inside HTML only the <svg>
// element is wanted.
std::string SvgElement(const std::string& doc) {
  size_t start = doc.find("<svg");
  if (start == std::string::npos) return "";
  std::string svg = doc.substr(start);
  // Comments name the Graphviz version and the node ids; drop them.
  for (size_t c = svg.find("<!--"); c != std::string::npos; c = svg.find("<!--", c)) {
    size_t e = svg.find("-->", c);
    if (e == std::string::npos) break;
    svg.erase(c, e + 3 - c);
  }
  return svg;
}

}  // namespace

Result<std::string> RenderSvg(const std::string& dot, const std::string& engine, int timeout_ms) {
  std::string program = FindProgram(engine);
  if (program.empty()) return Status::NotFound("Graphviz (`" + engine + "`) is not installed");
  TempFile in, out;
  if (in.path().empty() || out.path().empty()) return Status::IOError("cannot create a temporary file");
  {
    std::ofstream f(in.path(), std::ios::binary);
    f << dot;
    if (!f) return Status::IOError("cannot write " + in.path());
  }
  std::string out_arg = "-o" + out.path();
  std::vector<std::string> argv_s = {program, "-Tsvg", out_arg, in.path()};
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // Graphviz's warnings (fonts, overlaps) are not the reader's business.
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid;
  int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return Status::IOError("cannot run " + program);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  for (;;) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0) return Status::IOError("waiting for " + engine + " failed");
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return Status::ResourceExhausted(engine + " took longer than " + std::to_string(timeout_ms / 1000) +
                                       " s to lay the picture out");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return Status::Internal(engine + " failed to draw the picture");
  std::ifstream f(out.path(), std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string svg = SvgElement(ss.str());
  if (svg.empty()) return Status::Internal(engine + " wrote no SVG");
  return svg;
}

}  // namespace newsgraph::cli
