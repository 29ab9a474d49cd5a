#include "query/parser/parser.h"
#include "text/utf8.h"

namespace newsgraph::query {

std::string FormatError(std::string_view text, const Span& span, const std::string& message,
                        const std::string& hint) {
  std::string out = "line " + std::to_string(span.line) + ", column " +
                    std::to_string(span.column) + ": " + message + "\n";
  // The source line holding the span.
  size_t start = span.offset > text.size() ? text.size() : span.offset;
  while (start > 0 && text[start - 1] != '\n') --start;
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(start, end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  out += "  ";
  out += line;
  out += "\n  ";
  // Tabs stay tabs so that the caret lines up in a terminal.
  size_t col = 1;
  for (size_t i = 0; i < line.size() && col < span.column;) {
    char32_t c = text::DecodeOne(line, &i);
    out.push_back(c == '\t' ? '\t' : ' ');
    ++col;
  }
  size_t width = 0;
  {
    size_t from = span.offset, to = std::min(span.offset + span.length, end);
    for (size_t i = from; i < to;) {
      text::DecodeOne(text, &i);
      ++width;
    }
  }
  out += std::string(std::max<size_t>(1, width), '^');
  if (!hint.empty()) out += "\nhint: " + hint;
  return out;
}

}  // namespace newsgraph::query
