// Byte encodings shared by keys and records.
//
// Ids in keys use an order-preserving compact form: one byte holding the
// number of significant bytes (0–8), then those bytes big-endian. Byte order
// equals numeric order, a prefix never is another id, and small ids (all of
// them, in practice) take 2–4 bytes instead of 8, which is most of what keeps a
// fact under 40 bytes on disk across three indexes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::graph {

void PutCompactId(std::string* dst, uint64_t v);
// Reads one compact id from the front of `*in`; false on truncation.
bool GetCompactId(std::string_view* in, uint64_t* v);

void PutVarint(std::string* dst, uint64_t v);
bool GetVarint(std::string_view* in, uint64_t* v);

inline uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
inline int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

void PutLengthPrefixed(std::string* dst, std::string_view s);
bool GetLengthPrefixed(std::string_view* in, std::string_view* s);

void PutFixed32BE(std::string* dst, uint32_t v);
uint32_t DecodeFixed32BE(const char* p);

}  // namespace newsgraph::graph
