// UTF-8 validation and positions for error messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::text {

// Where something is in a text: 1-based line and column (in code points), and
// the 0-based byte offset. Used in every "file:line:column" message.
struct Position {
  size_t line = 1;
  size_t column = 1;
  size_t offset = 0;
};

// The position of byte `offset` in `text` (columns count code points).
Position PositionAt(std::string_view text, size_t offset);

// Returns the byte offset of the first ill-formed UTF-8 sequence (overlong
// forms, surrogates, code points past U+10FFFF, truncated sequences), or
// std::string_view::npos when `text` is valid. NUL bytes are valid UTF-8 but
// are reported too when `reject_nul` is set: no text format we read has them.
size_t FindInvalidUtf8(std::string_view text, bool reject_nul = false);

// True when the bytes look like a binary file rather than text: NULs or many
// control characters in the first 8 KiB.
bool LooksBinary(std::string_view head);

// Decodes one code point at `*pos` and advances it. Returns U+FFFD for an
// ill-formed sequence (and advances one byte).
char32_t DecodeOne(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `c`.
void AppendUtf8(std::string* out, char32_t c);

// "line 3, column 7 (byte 41)" — the suffix used by error messages.
std::string DescribePosition(const Position& p);

}  // namespace newsgraph::text
