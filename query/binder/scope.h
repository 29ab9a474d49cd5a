// Variables in scope while binding, and the row slots they live in.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace newsgraph::query {

enum class VarKind { kNode, kRelationship, kRelList, kPath, kValue };

struct Variable {
  std::string name;
  int slot = -1;
  VarKind kind = VarKind::kValue;
};

class Scope {
 public:
  const Variable* Find(const std::string& name) const {
    auto it = vars_.find(name);
    return it == vars_.end() ? nullptr : &it->second;
  }
  void Add(Variable v) { vars_[v.name] = std::move(v); }
  void Clear() { vars_.clear(); }
  std::vector<std::string> Names() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : vars_) out.push_back(k);
    return out;
  }
  const std::map<std::string, Variable>& all() const { return vars_; }

 private:
  std::map<std::string, Variable> vars_;
};

// Hands out row slots; every slot of every clause has its own index so rows
// never need reshaping.
class SlotAllocator {
 public:
  int New() { return count_++; }
  int count() const { return count_; }

 private:
  int count_ = 0;
};

// Edit distance for "did you mean" hints (case-insensitive).
size_t EditDistance(const std::string& a, const std::string& b);
// The closest candidate within distance 2 (or a third of the length), or "".
std::string Closest(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace newsgraph::query
