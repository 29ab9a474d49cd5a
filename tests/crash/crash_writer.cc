// The victim of the crash test: imports a file into a store and waits to be
// killed. A separate program (not a fork of the test) so that RocksDB's
// background threads exist in it as in any real writer.
//
//   crash_writer batches|bulk DB FILE
#include <cstring>
#include <iostream>

#include "newsgraph/database.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: crash_writer batches|bulk DB FILE\n";
    return 2;
  }
  const bool bulk = std::strcmp(argv[1], "bulk") == 0;
  auto db = newsgraph::Database::Open(newsgraph::Options(), argv[2]);
  if (!db.ok()) {
    std::cerr << "crash_writer: " << db.status().ToString() << "\n";
    return 1;
  }
  newsgraph::ImportOptions o;
  o.bulk = bulk ? newsgraph::ImportOptions::Bulk::kAlways : newsgraph::ImportOptions::Bulk::kNever;
  // One batch per article: the test file gives every article this many records.
  o.batch_records = 5;
  newsgraph::Status s = (*db)->Import(argv[3], o, nullptr);
  if (!s.ok()) {
    std::cerr << "crash_writer: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}
