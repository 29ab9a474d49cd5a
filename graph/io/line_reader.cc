#include "graph/io/line_reader.h"

#include "newsgraph/result.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace newsgraph::graph {

namespace {
constexpr size_t kBlock = 4 << 20;
// No line format we read has lines this long; past it the input is binary or
// broken, and reading on would only exhaust memory.
constexpr size_t kMaxLine = size_t{256} << 20;
}

Status LineReader::Open(const std::string& path, LineReader* r) {
  r->name_ = path == "-" ? "<stdin>" : path;
  if (path == "-") {
    r->f_ = stdin;
    return Status::OK();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument(path + " is a directory");
  }
  r->f_ = std::fopen(path.c_str(), "rb");
  if (!r->f_) return Status::IOError("cannot open " + path + ": " + std::strerror(errno));
  r->owned_ = true;
  r->size_ = std::filesystem::file_size(path, ec);
  return Status::OK();
}

Status LineReader::OpenRange(const std::string& path, uint64_t begin, uint64_t end, LineReader* r) {
  NG_RETURN_IF_ERROR(Open(path, r));
  r->end_ = end;
  if (begin == 0) return Status::OK();
  // Start after the newline that ends the line running through `begin - 1`,
  // so a line starting exactly at `begin` belongs to this range.
  if (std::fseek(r->f_, static_cast<long>(begin - 1), SEEK_SET) != 0) {
    return Status::IOError("cannot seek in " + path + ": " + std::strerror(errno));
  }
  r->consumed_ = begin - 1;
  int c;
  while ((c = std::fgetc(r->f_)) != EOF) {
    ++r->consumed_;
    if (c == '\n') break;
  }
  return Status::OK();
}

LineReader::~LineReader() {
  if (owned_ && f_) std::fclose(f_);
}

bool LineReader::Next(std::string_view* line) {
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos || (eof_ && pos_ < buf_.size())) {
      if (consumed_ >= end_) return false;
      size_t end = nl == std::string::npos ? buf_.size() : nl;
      *line = std::string_view(buf_).substr(pos_, end - pos_);
      line_offset_ = consumed_;
      consumed_ += end - pos_ + (nl == std::string::npos ? 0 : 1);
      pos_ = nl == std::string::npos ? buf_.size() : nl + 1;
      ++line_no_;
      return true;
    }
    if (eof_) return false;
    if (buf_.size() - pos_ > kMaxLine) {
      status_ = Status::InvalidArgument(name_ + ":" + std::to_string(line_no_ + 1) +
                                        ": line longer than 256 MiB (byte " +
                                        std::to_string(consumed_) + ")");
      return false;
    }
    buf_.erase(0, pos_);
    pos_ = 0;
    size_t old = buf_.size();
    buf_.resize(old + kBlock);
    size_t n = std::fread(buf_.data() + old, 1, kBlock, f_);
    buf_.resize(old + n);
    if (n < kBlock) {
      if (std::ferror(f_)) {
        status_ = Status::IOError("reading " + name_ + ": " + std::strerror(errno));
        return false;
      }
      eof_ = true;
    }
  }
}

}  // namespace newsgraph::graph
