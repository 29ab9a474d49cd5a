#include "graph/store/coding.h"

#include <bit>

namespace newsgraph::graph {

void PutCompactId(std::string* dst, uint64_t v) {
  // One append, not a push_back per byte: a bulk import encodes tens of
  // millions of ids.
  const int n = v == 0 ? 0 : 8 - std::countl_zero(v) / 8;
  char buf[9];
  buf[0] = static_cast<char>(n);
  for (int i = 0; i < n; ++i) buf[1 + i] = static_cast<char>(v >> (8 * (n - 1 - i)));
  dst->append(buf, static_cast<size_t>(1 + n));
}

bool GetCompactId(std::string_view* in, uint64_t* v) {
  if (in->empty()) return false;
  auto n = static_cast<unsigned char>((*in)[0]);
  if (n > 8 || in->size() < size_t{1} + n) return false;
  uint64_t r = 0;
  for (size_t i = 1; i <= n; ++i) r = (r << 8) | static_cast<unsigned char>((*in)[i]);
  *v = r;
  in->remove_prefix(1 + n);
  return true;
}

void PutVarint(std::string* dst, uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  dst->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t r = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    auto b = static_cast<unsigned char>((*in)[0]);
    in->remove_prefix(1);
    r |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) {
      *v = r;
      return true;
    }
  }
  return false;
}

void PutLengthPrefixed(std::string* dst, std::string_view s) {
  PutVarint(dst, s.size());
  dst->append(s);
}

bool GetLengthPrefixed(std::string_view* in, std::string_view* s) {
  uint64_t n;
  if (!GetVarint(in, &n) || in->size() < n) return false;
  *s = in->substr(0, n);
  in->remove_prefix(n);
  return true;
}

void PutFixed32BE(std::string* dst, uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  dst->append(b, 4);
}

uint32_t DecodeFixed32BE(const char* p) {
  auto u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | u[3];
}

}  // namespace newsgraph::graph
