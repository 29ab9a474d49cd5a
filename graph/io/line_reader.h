// Reads a file (or stdin) line by line in large blocks, tracking line numbers
// and byte offsets for error messages.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "newsgraph/status.h"

namespace newsgraph::graph {

class LineReader {
 public:
  // `path` "-" reads standard input.
  static Status Open(const std::string& path, LineReader* out);
  // Reads only the lines that start in bytes [begin, end) of the file.
  static Status OpenRange(const std::string& path, uint64_t begin, uint64_t end, LineReader* out);
  LineReader() = default;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its newline (a trailing '\r' is kept); false at the
  // end or on a read error (see status()).
  bool Next(std::string_view* line);
  size_t line_number() const { return line_no_; }   // of the last line returned, 1-based
  uint64_t line_offset() const { return line_offset_; }  // its first byte in the file
  uint64_t bytes_read() const { return consumed_; }
  uint64_t size() const { return size_; }              // 0 when unknown (stdin)
  const std::string& name() const { return name_; }
  Status status() const { return status_; }

 private:
  std::FILE* f_ = nullptr;
  bool owned_ = false;
  std::string name_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  size_t line_no_ = 0;
  uint64_t line_offset_ = 0;
  uint64_t consumed_ = 0;
  uint64_t size_ = 0;
  uint64_t end_ = UINT64_MAX;
  Status status_;
};

}  // namespace newsgraph::graph
