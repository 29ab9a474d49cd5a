// Hashing rows of values for grouping and DISTINCT.
#pragma once

#include <vector>

#include "newsgraph/value.h"

namespace newsgraph::query {

struct ValuesHash {
  size_t operator()(const std::vector<Value>& v) const {
    size_t h = 0x84222325;
    for (const auto& x : v) h = (h ^ x.Hash()) * 0x100000001b3ULL;
    return h;
  }
};

struct ValuesEq {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (Value::Compare(a[i], b[i]) != 0) return false;
    }
    return true;
  }
};

// Rough bytes held by a value (for the memory bound).
inline uint64_t ApproxBytes(const Value& v) {
  switch (v.type()) {
    case Value::Type::kString: return 48 + v.AsString().size();
    case Value::Type::kList: {
      uint64_t n = 64;
      for (const auto& x : v.AsList()) n += ApproxBytes(x);
      return n;
    }
    case Value::Type::kMap: {
      uint64_t n = 64;
      for (const auto& [k, x] : v.AsMap()) n += 48 + k.size() + ApproxBytes(x);
      return n;
    }
    case Value::Type::kNode:
    case Value::Type::kRelationship:
    case Value::Type::kPath: return 160;
    default: return 32;
  }
}

}  // namespace newsgraph::query
