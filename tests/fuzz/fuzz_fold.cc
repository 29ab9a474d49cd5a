// The matching form: any bytes fold without crashing, and the offset map
// points every output byte at a byte of the input, in order.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "text/fold.h"
#include "text/slug.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string out;
  std::vector<uint32_t> offsets;
  newsgraph::text::Fold(in, &out, &offsets);
  if (offsets.size() != out.size()) std::abort();
  for (size_t i = 0; i < offsets.size(); ++i) {
    if (offsets[i] >= size) std::abort();
    if (i > 0 && offsets[i] < offsets[i - 1]) std::abort();
  }
  if (newsgraph::text::FindInvalidUtf8(out) != std::string_view::npos) std::abort();
  // Folding is idempotent on its own output.
  std::string once = newsgraph::text::Fold(in);
  if (newsgraph::text::Fold(once) != once) std::abort();
  if (size < 4096) {
    std::string slug = newsgraph::text::Slug(in);
    for (char c : slug) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) std::abort();
    }
  }
  return 0;
}
