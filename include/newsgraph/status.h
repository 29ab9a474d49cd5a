// Status: the outcome of an operation that can fail.
//
// Every fallible call in the public API returns a Status or a Result<T>; no
// exception crosses this boundary. A Status is cheap to copy when OK (no
// allocation) and carries a message meant for a human otherwise.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace newsgraph {

class [[nodiscard]] Status {
 public:
  enum class Code : uint8_t {
    kOk = 0,
    kInvalidArgument,    // bad input from the caller: a malformed file, a broken query
    kNotFound,           // the thing named does not exist
    kCorruption,         // the store or a file is damaged
    kIOError,            // the operating system refused (disk full, permissions)
    kBusy,               // another process holds the lock
    kResourceExhausted,  // a configured bound (rows, hops, time, memory) was hit
    kNotSupported,
    kAborted,            // stopped on request (e.g. by a progress callback)
    kInternal,           // a bug: please report it
  };

  Status() noexcept = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg) { return Status(Code::kInvalidArgument, msg); }
  static Status NotFound(std::string_view msg) { return Status(Code::kNotFound, msg); }
  static Status Corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status IOError(std::string_view msg) { return Status(Code::kIOError, msg); }
  static Status Busy(std::string_view msg) { return Status(Code::kBusy, msg); }
  static Status ResourceExhausted(std::string_view msg) {
    return Status(Code::kResourceExhausted, msg);
  }
  static Status NotSupported(std::string_view msg) { return Status(Code::kNotSupported, msg); }
  static Status Aborted(std::string_view msg) { return Status(Code::kAborted, msg); }
  static Status Internal(std::string_view msg) { return Status(Code::kInternal, msg); }

  bool ok() const { return state_ == nullptr; }
  Code code() const { return state_ ? state_->code : Code::kOk; }
  // The message alone, without the code name; empty when OK.
  const std::string& message() const;
  // "Invalid argument: <message>", or "OK".
  std::string ToString() const;
  // Returns a copy whose message is "<prefix>: <message>"; OK stays OK.
  Status WithContext(std::string_view prefix) const;

  bool IsInvalidArgument() const { return code() == Code::kInvalidArgument; }
  bool IsNotFound() const { return code() == Code::kNotFound; }
  bool IsBusy() const { return code() == Code::kBusy; }
  bool IsResourceExhausted() const { return code() == Code::kResourceExhausted; }

 private:
  struct State {
    Code code;
    std::string message;
  };
  Status(Code code, std::string_view msg)
      : state_(std::make_shared<const State>(State{code, std::string(msg)})) {}

  std::shared_ptr<const State> state_;
};

// Name of a code, e.g. "Invalid argument".
const char* StatusCodeName(Status::Code code);

}  // namespace newsgraph
