// Result<T>: a value or the Status that explains why there is none.
//
// Modelled on arrow::Result. Use NG_ASSIGN_OR_RETURN and NG_RETURN_IF_ERROR to
// keep the success path flat.
#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "newsgraph/status.h"

namespace newsgraph {

template <class T>
class [[nodiscard]] Result {
 public:
  // REQUIRES: !status.ok()
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok());
  }
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  template <class U, class = std::enable_if_t<std::is_convertible_v<U&&, T> &&
                                              !std::is_same_v<std::decay_t<U>, Status> &&
                                              !std::is_same_v<std::decay_t<U>, T>>>
  Result(U&& value) : v_(T(std::forward<U>(value))) {}  // NOLINT

  bool ok() const { return v_.index() == 1; }
  // OK when a value is held.
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  T ValueOr(T fallback) const& { return ok() ? value() : std::move(fallback); }

 private:
  std::variant<Status, T> v_;
};

}  // namespace newsgraph

#define NG_CONCAT_INNER_(a, b) a##b
#define NG_CONCAT_(a, b) NG_CONCAT_INNER_(a, b)

// Returns the Status of `expr` from the enclosing function when it is not OK.
#define NG_RETURN_IF_ERROR(expr)                       \
  do {                                                 \
    ::newsgraph::Status ng_status_ = (expr);           \
    if (!ng_status_.ok()) return ng_status_;           \
  } while (false)

#define NG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

// `lhs = value of expr`, or returns its Status from the enclosing function.
#define NG_ASSIGN_OR_RETURN(lhs, expr) \
  NG_ASSIGN_OR_RETURN_IMPL_(NG_CONCAT_(ng_result_, __LINE__), lhs, expr)
