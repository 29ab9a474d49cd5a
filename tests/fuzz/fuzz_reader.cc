// Plain-text article pages and news dates: any bytes give articles or
// nothing, never a crash; every article's text is valid UTF-8.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "newsgraph/article.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string page(reinterpret_cast<const char*>(data), size);
  newsgraph::ReadOptions options;
  auto articles = newsgraph::ParseTextPage("fuzz.txt", page, options);
  for (const auto& a : articles) {
    if (a.text.size() > page.size() + 1) std::abort();
  }
  std::string date = newsgraph::ParseNewsDate(page.substr(0, 200));
  if (!date.empty() && date.size() != 10) std::abort();
  return 0;
}
