#include "query/exec/procedures.h"

#include <algorithm>
#include <map>
#include <mutex>

namespace newsgraph::query {

void RegisterBuiltinProcedures();    // store procedures (store_procedures.cc)
void RegisterAlgorithmProcedures();  // graph algorithms (algo/register.cc)

namespace {

std::map<std::string, ProcedureSpec>& Registry() {
  static std::map<std::string, ProcedureSpec> r;
  return r;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

void EnsureRegistered() {
  static std::once_flag once;
  std::call_once(once, [] {
    RegisterBuiltinProcedures();
    RegisterAlgorithmProcedures();
  });
}

class Rows : public ProcedureCursor {
 public:
  Rows(std::vector<std::vector<Value>> rows, std::string detail)
      : rows_(std::move(rows)), detail_(std::move(detail)) {}
  bool Next(std::vector<Value>* out) override {
    if (next_ >= rows_.size()) return false;
    *out = std::move(rows_[next_++]);
    return true;
  }
  std::string Detail() const override { return detail_; }

 private:
  std::vector<std::vector<Value>> rows_;
  std::string detail_;
  size_t next_ = 0;
};

}  // namespace

void RegisterProcedure(ProcedureSpec spec) {
  std::string key = Lower(spec.name);
  Registry()[key] = std::move(spec);
}

const ProcedureSpec* FindProcedure(const std::string& name) {
  EnsureRegistered();
  auto it = Registry().find(Lower(name));
  return it == Registry().end() ? nullptr : &it->second;
}

std::vector<const ProcedureSpec*> AllProcedures() {
  EnsureRegistered();
  std::vector<const ProcedureSpec*> out;
  for (const auto& [k, v] : Registry()) out.push_back(&v);
  return out;
}

std::unique_ptr<ProcedureCursor> RowsCursor(std::vector<std::vector<Value>> rows, std::string detail) {
  return std::make_unique<Rows>(std::move(rows), std::move(detail));
}

Value MapArg(const Value& map, const std::string& key) {
  if (map.type() != Value::Type::kMap) return Value();
  for (const auto& [k, v] : map.AsMap()) {
    if (k == key) return v;
  }
  return Value();
}

}  // namespace newsgraph::query
