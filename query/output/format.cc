// Result formats. Tables measure cells by terminal width (grapheme clusters,
// wide characters) and wrap each cell in a Unicode directional isolate so
// that right-to-left Arabic cells cannot reorder the borders around them.
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "newsgraph/format.h"

namespace newsgraph {

namespace {

std::string Csv(const std::string& s, char sep) {
  bool quote = s.find_first_of(std::string(1, sep) + "\"\n\r") != std::string::npos;
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string Tsv(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\\') out += "\\\\";
    else out.push_back(c);
  }
  return out;
}

std::string Html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string JsonString(const std::string& s) { return Value::String(s).ToJson(); }

bool HasRtl(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    UCharDirection d = u_charDirection(c);
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return true;
  }
  return false;
}

// Cuts `s` to at most `width` columns, adding "…".
std::string Truncate(const std::string& s, size_t width) {
  if (width == 0 || DisplayWidth(s) <= width) return s;
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
  if (U_FAILURE(err)) return s;
  it->setText(u);
  std::string out;
  size_t used = 0;
  for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    std::string g;
    u.tempSubStringBetween(start, end).toUTF8String(g);
    size_t w = DisplayWidth(g);
    if (used + w + 1 > width) break;
    out += g;
    used += w;
  }
  return out + "…";
}

std::string Cell(const Value& v) {
  std::string s = v.ToString();
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

size_t DisplayWidth(const std::string& s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F; });
  if (ascii) return s.size();
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
  if (U_FAILURE(err)) return static_cast<size_t>(u.countChar32());
  it->setText(u);
  size_t width = 0;
  for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    UChar32 c = u.char32At(start);
    int8_t type = u_charType(c);
    if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) {
      continue;  // zero width (a grapheme starting with a mark is rare)
    }
    int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

bool ParseOutputFormat(const std::string& name, OutputFormat* out) {
  static const std::pair<const char*, OutputFormat> kNames[] = {
      {"table", OutputFormat::kTable}, {"box", OutputFormat::kBox},     {"csv", OutputFormat::kCsv},
      {"tsv", OutputFormat::kTsv},     {"json", OutputFormat::kJson},   {"jsonl", OutputFormat::kJsonl},
      {"markdown", OutputFormat::kMarkdown}, {"md", OutputFormat::kMarkdown}, {"html", OutputFormat::kHtml}};
  for (const auto& [n, f] : kNames) {
    if (name == n) {
      *out = f;
      return true;
    }
  }
  return false;
}

const char* OutputFormatName(OutputFormat f) {
  switch (f) {
    case OutputFormat::kTable: return "table";
    case OutputFormat::kBox: return "box";
    case OutputFormat::kCsv: return "csv";
    case OutputFormat::kTsv: return "tsv";
    case OutputFormat::kJson: return "json";
    case OutputFormat::kJsonl: return "jsonl";
    case OutputFormat::kMarkdown: return "markdown";
    case OutputFormat::kHtml: return "html";
  }
  return "?";
}

Status WriteRows(Cursor* cursor, OutputFormat format, std::ostream& out, uint64_t* rows_out,
                 const WriteOptions& options) {
  const auto& cols = cursor->columns();
  Row row;
  uint64_t n = 0;
  switch (format) {
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      char sep = format == OutputFormat::kCsv ? ',' : '\t';
      auto field = [&](const std::string& s) { return format == OutputFormat::kCsv ? Csv(s, sep) : Tsv(s); };
      for (size_t i = 0; i < cols.size(); ++i) out << (i ? std::string(1, sep) : "") << field(cols[i]);
      out << "\n";
      while (cursor->Next(&row)) {
        for (size_t i = 0; i < row.size(); ++i) out << (i ? std::string(1, sep) : "") << field(row[i].ToString());
        out << "\n";
        ++n;
      }
      break;
    }
    case OutputFormat::kJson:
    case OutputFormat::kJsonl: {
      bool lines = format == OutputFormat::kJsonl;
      if (!lines) out << "[";
      while (cursor->Next(&row)) {
        if (!lines) out << (n ? ",\n " : "\n ");
        out << "{";
        for (size_t i = 0; i < row.size(); ++i) out << (i ? ", " : "") << JsonString(cols[i]) << ": " << row[i].ToJson();
        out << "}";
        if (lines) out << "\n";
        ++n;
      }
      if (!lines) out << (n ? "\n]\n" : "]\n");
      break;
    }
    case OutputFormat::kHtml: {
      out << "<table>\n<thead><tr>";
      for (const auto& c : cols) out << "<th>" << Html(c) << "</th>";
      out << "</tr></thead>\n<tbody>\n";
      while (cursor->Next(&row)) {
        out << "<tr>";
        for (const auto& v : row) {
          std::string s = v.ToString();
          out << (HasRtl(s) ? "<td dir=\"auto\">" : "<td>") << Html(s) << "</td>";
        }
        out << "</tr>\n";
        ++n;
      }
      out << "</tbody>\n</table>\n";
      break;
    }
    case OutputFormat::kTable:
    case OutputFormat::kBox:
    case OutputFormat::kMarkdown: {
      std::vector<std::vector<std::string>> cells;
      std::vector<size_t> width(cols.size());
      for (size_t i = 0; i < cols.size(); ++i) width[i] = DisplayWidth(cols[i]);
      while (cursor->Next(&row)) {
        std::vector<std::string> r;
        for (size_t i = 0; i < row.size(); ++i) {
          std::string s = Truncate(Cell(row[i]), options.max_cell_width);
          if (format == OutputFormat::kMarkdown) {
            std::string esc;
            for (char c : s) {
              if (c == '|') esc += "\\";
              esc.push_back(c);
            }
            s = esc;
          }
          width[i] = std::max(width[i], DisplayWidth(s));
          r.push_back(std::move(s));
        }
        cells.push_back(std::move(r));
        ++n;
      }
      const bool box = format == OutputFormat::kBox;
      const bool md = format == OutputFormat::kMarkdown;
      auto line = [&](const char* l, const char* m, const char* r, const char* fill) {
        out << l;
        for (size_t i = 0; i < cols.size(); ++i) {
          for (size_t k = 0; k < width[i] + 2; ++k) out << fill;
          out << (i + 1 < cols.size() ? m : r);
        }
        out << "\n";
      };
      auto print_row = [&](const std::vector<std::string>& r) {
        const char* bar = box ? "│" : "|";
        out << bar;
        for (size_t i = 0; i < r.size(); ++i) {
          // An isolate (FSI … PDI) keeps a right-to-left cell from pulling the
          // bars and padding around it out of place.
          bool rtl = !md && HasRtl(r[i]);
          out << " " << (rtl ? "\u2068" : "") << r[i] << (rtl ? "\u2069" : "")
              << std::string(width[i] - DisplayWidth(r[i]), ' ') << " " << bar;
        }
        out << "\n";
      };
      if (box) line("┌", "┬", "┐", "─");
      else if (!md) line("+", "+", "+", "-");
      print_row(cols);
      if (box) line("├", "┼", "┤", "─");
      else line(md ? "|" : "+", md ? "|" : "+", md ? "|" : "+", "-");
      for (const auto& r : cells) print_row(r);
      if (box) line("└", "┴", "┘", "─");
      else if (!md) line("+", "+", "+", "-");
      if (!md) out << "(" << n << (n == 1 ? " row)" : " rows)") << "\n";
      break;
    }
  }
  if (rows_out) *rows_out = n;
  out.flush();
  if (!cursor->status().ok()) return cursor->status();
  return out.good() ? Status::OK() : Status::IOError("writing the result failed");
}

}  // namespace newsgraph
