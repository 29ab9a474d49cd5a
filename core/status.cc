#include "newsgraph/status.h"

namespace newsgraph {

const char* StatusCodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk: return "OK";
    case Status::Code::kInvalidArgument: return "Invalid argument";
    case Status::Code::kNotFound: return "Not found";
    case Status::Code::kCorruption: return "Corruption";
    case Status::Code::kIOError: return "IO error";
    case Status::Code::kBusy: return "Busy";
    case Status::Code::kResourceExhausted: return "Resource exhausted";
    case Status::Code::kNotSupported: return "Not supported";
    case Status::Code::kAborted: return "Aborted";
    case Status::Code::kInternal: return "Internal error";
  }
  return "Unknown";
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return state_ ? state_->message : kEmpty;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(StatusCodeName(code())) + ": " + state_->message;
}

Status Status::WithContext(std::string_view prefix) const {
  if (ok()) return *this;
  return Status(code(), std::string(prefix) + ": " + state_->message);
}

}  // namespace newsgraph
