// The sentence a fact was read from, cut from the article's stored text.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

namespace newsgraph::graph {

// The sentence around a byte span: back to the previous and on to the next
// sentence end (. ! ? ؟ or a line break). Query results and exports must cut
// the same sentence, so both call this.
inline std::string SentenceAround(const std::string& text, uint32_t start, uint32_t end) {
  if (start > text.size()) return {};
  end = std::min<uint32_t>(std::max(end, start), static_cast<uint32_t>(text.size()));
  auto is_end = [&](size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '.' || c == '!' || c == '?' || c == '\n') return true;
    // ؟ is D8 9F in UTF-8.
    return c == 0x9F && i > 0 && static_cast<unsigned char>(text[i - 1]) == 0xD8;
  };
  size_t b = start;
  while (b > 0 && !is_end(b - 1)) --b;
  size_t f = end;
  while (f < text.size() && !is_end(f)) ++f;
  if (f < text.size()) ++f;
  std::string s = text.substr(b, f - b);
  size_t first = s.find_first_not_of(" \t\r\n");
  size_t last = s.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

}  // namespace newsgraph::graph
