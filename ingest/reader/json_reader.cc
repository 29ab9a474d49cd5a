// JSON arrays and JSON Lines of article records. Arrays are cut into their
// elements by a byte scanner first, so that one broken record is skipped
// with its own position and the rest are read, and so that only one record
// is held as a JSON tree at a time.
#include <nlohmann/json.hpp>

#include "ingest/reader/reader.h"
#include "text/utf8.h"

namespace newsgraph::ingest {

namespace {

using Json = nlohmann::json;

std::string Where(const std::string& path, std::string_view data, size_t offset) {
  return path + ": " + text::DescribePosition(text::PositionAt(data, offset));
}

// The first of `names` that the record has as a non-empty string (numbers
// are written out, for ids).
std::string Field(const Json& record, const std::vector<std::string>& names) {
  for (const auto& n : names) {
    auto it = record.find(n);
    if (it == record.end()) continue;
    if (it->is_string()) {
      const auto& s = it->get_ref<const std::string&>();
      if (!s.empty()) return s;
    } else if (it->is_number_integer()) {
      return std::to_string(it->get<int64_t>());
    } else if (it->is_number_unsigned()) {
      return std::to_string(it->get<uint64_t>());
    }
  }
  return "";
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Parses one record (bytes [begin, end) of `data`) and delivers its article.
Status ReadRecord(const std::string& path, std::string_view data, size_t begin, size_t end,
                  std::string input, ReadContext& ctx) {
  std::string_view bytes = data.substr(begin, end - begin);
  size_t bad = text::FindInvalidUtf8(bytes, true);
  if (bad != std::string_view::npos) {
    ctx.Skip(input + ": invalid UTF-8 at " +
             text::DescribePosition(text::PositionAt(data, begin + bad)) + "; skipped");
    return Status::OK();
  }
  Json record;
  try {
    record = Json::parse(bytes.begin(), bytes.end());
  } catch (const Json::parse_error& e) {
    size_t at = begin + (e.byte > 0 ? e.byte - 1 : 0);
    if (at > end) at = end;
    std::string what = e.what();
    size_t cut = what.find("parse error");
    if (cut != std::string::npos) what = what.substr(cut);
    ctx.Skip(input + ": malformed JSON at " +
             text::DescribePosition(text::PositionAt(data, at)) + ": " + what + "; skipped");
    return Status::OK();
  } catch (const std::exception& e) {
    ctx.Skip(Where(input, data, begin) + ": " + e.what() + "; skipped");
    return Status::OK();
  }
  if (!record.is_object()) {
    ctx.Skip(input + ": record at " + text::DescribePosition(text::PositionAt(data, begin)) +
             " is not a JSON object; skipped");
    return Status::OK();
  }
  const FieldMap& f = ctx.options.fields;
  Article a;
  a.input = std::move(input);
  a.id = Field(record, f.id);
  a.title = Trim(Field(record, f.title));
  a.text = Field(record, f.text);
  std::string date = Field(record, f.date);
  if (!date.empty()) a.date = ParseNewsDate(date);
  a.source = Trim(Field(record, f.source));
  a.url = Trim(Field(record, f.url));
  a.lang = Field(record, f.lang);
  // An escaped \u0000 decodes to a NUL byte, which raw input is refused for
  // (binary file) and which C APIs downstream would cut the text at.
  for (const std::string* field : {&a.id, &a.title, &a.text, &date, &a.source, &a.url, &a.lang}) {
    if (field->find('\0') != std::string::npos) {
      ctx.Skip(a.input + ": record at " + text::DescribePosition(text::PositionAt(data, begin)) +
               " has a NUL character (\\u0000) in a field; skipped");
      return Status::OK();
    }
  }
  std::string where = a.input;
  return Deliver(std::move(a), where, ctx);
}

size_t SkipSpace(std::string_view d, size_t i) {
  while (i < d.size() && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t')) ++i;
  return i;
}

// The end of the JSON value that starts at `i` (one past its last byte), or
// npos when the input ends inside it.
size_t ValueEnd(std::string_view d, size_t i) {
  int depth = 0;
  bool in_string = false;
  for (; i < d.size(); ++i) {
    char c = d[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '{': case '[': ++depth; break;
      case '}': case ']':
        if (depth == 0) return i;
        if (--depth == 0) return i + 1;
        break;
      case ',':
        if (depth == 0) return i;
        break;
      default: break;
    }
  }
  return std::string_view::npos;
}

}  // namespace

Status ReadJsonArray(const std::string& path, std::string_view data, ReadContext& ctx) {
  size_t i = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  i = SkipSpace(data, i);
  if (i >= data.size() || data[i] != '[') {
    ctx.Skip(Where(path, data, i) + ": expected a JSON array ('['); skipped");
    return Status::OK();
  }
  ++i;
  for (size_t index = 0;; ++index) {
    i = SkipSpace(data, i);
    if (i < data.size() && data[i] == ']') return Status::OK();
    if (i >= data.size()) {
      ctx.Skip(Where(path, data, i) + ": the array is not closed; the records before were read");
      return Status::OK();
    }
    size_t end = ValueEnd(data, i);
    if (end == std::string_view::npos) {
      ctx.Skip(path + ":" + std::to_string(index) + ": record at " +
               text::DescribePosition(text::PositionAt(data, i)) +
               " is cut off by the end of the file; skipped");
      return Status::OK();
    }
    NG_RETURN_IF_ERROR(ReadRecord(path, data, i, end, path + ":" + std::to_string(index), ctx));
    i = SkipSpace(data, end);
    if (i < data.size() && data[i] == ',') {
      ++i;
    } else if (i < data.size() && data[i] != ']') {
      ctx.Skip(Where(path, data, i) + ": expected ',' or ']' after record " +
               std::to_string(index) + "; the rest of the file is skipped");
      return Status::OK();
    }
  }
}

Status ReadJsonLines(const std::string& path, std::string_view data, ReadContext& ctx) {
  size_t line_no = 0;
  size_t pos = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    size_t end = nl == std::string_view::npos ? data.size() : nl;
    ++line_no;
    size_t b = SkipSpace(data.substr(0, end), pos);
    if (b < end) {
      NG_RETURN_IF_ERROR(
          ReadRecord(path, data, b, end, path + ":" + std::to_string(line_no), ctx));
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return Status::OK();
}

}  // namespace newsgraph::ingest
