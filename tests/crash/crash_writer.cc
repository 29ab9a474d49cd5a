// The victim of the crash and full-disk tests: imports or ingests a file into
// a store and waits to be killed. A separate program (not a fork of the test)
// so that RocksDB's background threads exist in it as in any real writer.
//
//   crash_writer batches|bulk|ingest DB FILE [MAX_FILE_BYTES]
//
// It writes "committed 0" once the store is open and, for ingest, "committed N"
// after each committed batch: the first N articles of FILE are then durable,
// and the test holds the store to it.
// MAX_FILE_BYTES sets RLIMIT_FSIZE, so that writes past it fail with EFBIG as
// they would on a full disk.
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "newsgraph/database.h"

namespace {

// Unbuffered, so that a line is in the file before a SIGKILL can land.
void Say(const std::string& line) {
  std::string s = line + "\n";
  for (size_t off = 0; off < s.size();) {
    ssize_t n = write(STDOUT_FILENO, s.data() + off, s.size() - off);
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::cerr << "usage: crash_writer batches|bulk|ingest DB FILE [MAX_FILE_BYTES]\n";
    return 2;
  }
  const std::string mode = argv[1];
  if (argc == 5) {
    // Without this the kernel kills the process with SIGXFSZ instead of
    // failing the write, which is not what a full disk does.
    signal(SIGXFSZ, SIG_IGN);
    rlimit lim{};
    lim.rlim_cur = lim.rlim_max = std::strtoull(argv[4], nullptr, 10);
    if (setrlimit(RLIMIT_FSIZE, &lim) != 0) {
      std::cerr << "crash_writer: setrlimit: " << std::strerror(errno) << "\n";
      return 2;
    }
  }
  auto db = newsgraph::Database::Open(newsgraph::Options(), argv[2]);
  if (!db.ok()) {
    std::cerr << "crash_writer: " << db.status().ToString() << "\n";
    return 1;
  }
  // Nothing is committed yet, but the store is open: a test can time its
  // kill from here.
  Say("committed 0");
  newsgraph::Status s;
  if (mode == "ingest") {
    newsgraph::IngestOptions o;
    o.threads = 1;
    // Small batches, so that kills land between many commits.
    o.batch_articles = 2;
    o.skipped = [](const std::string& m) { std::cerr << "crash_writer: " << m << "\n"; };
    o.progress = [](const newsgraph::Progress& p) {
      Say("committed " + std::to_string(p.done));
      return true;
    };
    s = (*db)->Ingest(std::vector<std::string>{argv[3]}, o, nullptr);
  } else {
    newsgraph::ImportOptions o;
    o.bulk = mode == "bulk" ? newsgraph::ImportOptions::Bulk::kAlways
                            : newsgraph::ImportOptions::Bulk::kNever;
    // One batch per article: the test file gives every article this many records.
    o.batch_records = 5;
    s = (*db)->Import(argv[3], o, nullptr);
  }
  if (!s.ok()) {
    std::cerr << "crash_writer: " << s.ToString() << "\n";
    return 1;
  }
  Say("done");
  return 0;
}
