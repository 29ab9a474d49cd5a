#include "text/utf8.h"

namespace newsgraph::text {

namespace {
inline bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed sequence at `i`, or 0 when ill-formed (RFC 3629).
size_t SequenceLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  if (c < 0xE0) return (i + 1 < n && IsCont(p[i + 1])) ? 2 : 0;
  if (c < 0xF0) {
    if (i + 2 >= n || !IsCont(p[i + 1]) || !IsCont(p[i + 2])) return 0;
    if (c == 0xE0 && p[i + 1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[i + 1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c < 0xF5) {
    if (i + 3 >= n || !IsCont(p[i + 1]) || !IsCont(p[i + 2]) || !IsCont(p[i + 3])) return 0;
    if (c == 0xF0 && p[i + 1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[i + 1] >= 0x90) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}
}  // namespace

size_t FindInvalidUtf8(std::string_view text, bool reject_nul) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, text.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      if (reject_nul && ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)) break;
      i += 8;
    }
    if (i >= n) break;
    if (reject_nul && text[i] == '\0') return i;
    size_t len = SequenceLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool LooksBinary(std::string_view head) {
  if (head.size() > 8192) head = head.substr(0, 8192);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 > head.size() && control > 4;
}

char32_t DecodeOne(std::string_view s, size_t* pos) {
  size_t i = *pos;
  size_t len = SequenceLength(s, i);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (len == 0) {
    *pos = i + 1;
    return 0xFFFD;
  }
  *pos = i + len;
  switch (len) {
    case 1: return p[i];
    case 2: return ((p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
    case 3: return ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    default:
      return ((p[i] & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) |
             (p[i + 3] & 0x3F);
  }
}

void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

Position PositionAt(std::string_view text, size_t offset) {
  Position p;
  if (offset > text.size()) offset = text.size();
  p.offset = offset;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  }
  size_t col = 1;
  for (size_t i = line_start; i < offset; ++i) {
    if (!IsCont(static_cast<unsigned char>(text[i]))) ++col;
  }
  p.column = col;
  return p;
}

std::string DescribePosition(const Position& p) {
  return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + " (byte " +
         std::to_string(p.offset) + ")";
}

}  // namespace newsgraph::text
