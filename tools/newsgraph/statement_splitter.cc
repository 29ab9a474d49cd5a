#include "tools/newsgraph/statement_splitter.h"

namespace newsgraph::cli {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

void StatementSplitter::AddLine(const std::string& line, std::vector<std::string>* done) {
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    char next = i + 1 < line.size() ? line[i + 1] : '\0';
    switch (state_) {
      case State::kCode:
        if (c == '"') state_ = State::kDoubleQuote;
        else if (c == '\'') state_ = State::kSingleQuote;
        else if (c == '`') state_ = State::kBacktick;
        else if (c == '/' && next == '*') {
          state_ = State::kBlockComment;
          text_ += "/*";
          ++i;
          continue;
        } else if (c == '/' && next == '/') {
          // A line comment runs to the end of the line; a `;` in it ends
          // nothing.
          text_ += line.substr(i);
          i = line.size();
          continue;
        } else if (c == ';') {
          std::string st = Trim(text_);
          if (has_code_) done->push_back(st);
          text_.clear();
          has_code_ = false;
          continue;
        }
        if (c != ' ' && c != '\t' && c != '\r') has_code_ = true;
        break;
      case State::kDoubleQuote:
      case State::kSingleQuote:
        if (c == '\\' && next != '\0') {
          text_ += c;
          c = line[++i];
        } else if ((c == '"' && state_ == State::kDoubleQuote) || (c == '\'' && state_ == State::kSingleQuote)) {
          state_ = State::kCode;
        }
        break;
      case State::kBacktick:
        if (c == '`') state_ = State::kCode;
        break;
      case State::kBlockComment:
        if (c == '*' && next == '/') {
          state_ = State::kCode;
          text_ += c;
          c = line[++i];
        }
        break;
    }
    text_ += c;
  }
  if (!text_.empty()) text_ += '\n';
}

bool StatementSplitter::pending() const { return has_code_ || state_ == State::kBlockComment; }

std::string StatementSplitter::TakePending() {
  std::string st = has_code_ ? Trim(text_) : "";
  Clear();
  return st;
}

void StatementSplitter::Clear() {
  text_.clear();
  state_ = State::kCode;
  has_code_ = false;
}

}  // namespace newsgraph::cli
