// Splits shell input into statements: a statement ends at a `;` that is not
// inside a string, a quoted name or a comment, and may span many lines.
#pragma once

#include <string>
#include <vector>

namespace newsgraph::cli {

class StatementSplitter {
 public:
  // Adds one line of input (without its newline). Each statement it
  // completes is appended to *done, without the `;` and trimmed; empty
  // statements (a lone `;`) are dropped.
  void AddLine(const std::string& line, std::vector<std::string>* done);

  // True when a statement has begun and not yet ended (the shell then shows
  // its continuation prompt).
  bool pending() const;

  // The unfinished statement, trimmed ("" when it holds only comments); the
  // splitter is empty afterwards.
  std::string TakePending();
  void Clear();

 private:
  enum class State { kCode, kDoubleQuote, kSingleQuote, kBacktick, kBlockComment };
  std::string text_;
  State state_ = State::kCode;
  bool has_code_ = false;  // more than comments and space since the last `;`
};

std::string Trim(const std::string& s);

}  // namespace newsgraph::cli
