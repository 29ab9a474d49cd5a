// Query text: parse, bind, plan and run against a small store under tight
// bounds. Any input must give rows or a clean error, never a crash or a
// hang past the bounds.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "newsgraph/database.h"

namespace {

newsgraph::Database* db = nullptr;

const char* kFacts =
    R"({"subject":{"key":"haftar","type":"Person","labels":{"en":"Khalifa Haftar","ar":"خليفة حفتر"},"aliases":{"ar":["حفتر"]}},"predicate":"leads","object":{"key":"lna","type":"Organization","labels":{"en":"Libyan National Army"}},"article":"a1","date":"2023-08-22"}
{"subject":{"key":"russia","type":"Country","labels":{"en":"Russia","ar":"روسيا"}},"predicate":"supports","object":"haftar","article":"a1","date":"2023-08-22"}
{"subject":"russia","predicate":"supports","object":"haftar","article":"a2","date":"2023-09-01"}
{"subject":{"key":"yevkurov","type":"Person","labels":{"en":"Yunus-Bek Yevkurov"}},"predicate":"visited","object":{"key":"benghazi","type":"City","labels":{"en":"Benghazi","ar":"بنغازي"}},"article":"a1","date":"2023-08-22"}
{"subject":"yevkurov","predicate":"holds_position","object":{"value":"Deputy Minister of Defence"},"article":"a1"}
{"subject":"haftar","predicate":"met_with","object":"yevkurov","article":"a2"}
{"subject":"yevkurov","predicate":"met_with","object":"haftar","article":"a2"}
{"subject":"lna","predicate":"located_in","object":"benghazi","article":"a2"}
)";

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto dir = std::filesystem::temp_directory_path() / ("newsgraph-fuzz-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string facts = (dir / "facts.jsonl").string();
  std::ofstream(facts) << kFacts;
  auto opened = newsgraph::Database::Open(newsgraph::Options{}, (dir / "db").string());
  if (!opened.ok()) std::abort();
  db = opened->release();
  newsgraph::ImportStats st;
  if (!db->Import(facts, {}, &st).ok()) std::abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!db) LLVMFuzzerInitialize(nullptr, nullptr);
  std::string text(reinterpret_cast<const char*>(data), size);
  newsgraph::QueryOptions o;
  o.max_rows = 1000;
  o.timeout_ms = 200;
  o.max_memory_bytes = 16 << 20;
  o.max_paths_per_start = 1000;
  o.max_hops = 10;
  newsgraph::Params params{{"p", newsgraph::Value::String("Haftar")}, {"n", newsgraph::Value::Int(2)}};
  auto cursor = db->Query(text, params, o);
  if (!cursor.ok()) {
    if (cursor.status().message().empty()) std::abort();
    return 0;
  }
  newsgraph::Row row;
  size_t n = 0;
  while ((*cursor)->Next(&row)) {
    for (const auto& v : row) (void)v.ToString();
    if (++n > o.max_rows) std::abort();
  }
  return 0;
}
