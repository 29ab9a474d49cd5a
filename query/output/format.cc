// Result formats. Tables (table, box, markdown) are in table.cc, the graph
// formats in graph_writer.h.
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "newsgraph/format.h"
#include "query/output/graph_writer.h"
#include "query/output/table.h"

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

}  // namespace

bool ParseOutputFormat(const std::string& name, OutputFormat* out) {
  static const std::pair<const char*, OutputFormat> kNames[] = {
      {"table", OutputFormat::kTable}, {"box", OutputFormat::kBox},     {"csv", OutputFormat::kCsv},
      {"tsv", OutputFormat::kTsv},     {"json", OutputFormat::kJson},   {"jsonl", OutputFormat::kJsonl},
      {"markdown", OutputFormat::kMarkdown}, {"md", OutputFormat::kMarkdown}, {"html", OutputFormat::kHtml},
      {"graphml", OutputFormat::kGraphml}, {"gexf", OutputFormat::kGexf},   {"dot", OutputFormat::kDot},
      {"jsongraph", OutputFormat::kJsonGraph}, {"nquads", OutputFormat::kNQuads}, {"nq", OutputFormat::kNQuads}};
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
    case OutputFormat::kGraphml: return "graphml";
    case OutputFormat::kGexf: return "gexf";
    case OutputFormat::kDot: return "dot";
    case OutputFormat::kJsonGraph: return "jsongraph";
    case OutputFormat::kNQuads: return "nquads";
  }
  return "?";
}

bool IsGraphFormat(OutputFormat f) {
  switch (f) {
    case OutputFormat::kGraphml:
    case OutputFormat::kGexf:
    case OutputFormat::kDot:
    case OutputFormat::kJsonGraph:
    case OutputFormat::kNQuads:
      return true;
    default:
      return false;
  }
}

Status WriteRows(Cursor* cursor, OutputFormat format, std::ostream& out, uint64_t* rows_out,
                 const WriteOptions& options) {
  if (IsGraphFormat(format)) {
    uint64_t n = 0;
    Status s = output::WriteGraph(cursor, format, out, &n);
    if (rows_out) *rows_out = n;
    return s;
  }
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
      for (const auto& c : cols) out << "<th>" << EscapeMarkup(c) << "</th>";
      out << "</tr></thead>\n<tbody>\n";
      while (cursor->Next(&row)) {
        out << "<tr>";
        for (const auto& v : row) {
          std::string s = v.ToString();
          out << (HasRtl(s) ? "<td dir=\"auto\">" : "<td>") << EscapeMarkup(s) << "</td>";
        }
        out << "</tr>\n";
        ++n;
      }
      out << "</tbody>\n</table>\n";
      break;
    }
    case OutputFormat::kTable:
    case OutputFormat::kBox:
    case OutputFormat::kMarkdown:
      output::WriteTable(cursor, format, out, &n, options);
      break;
    default:
      break;  // graph formats: above
  }
  if (rows_out) *rows_out = n;
  out.flush();
  if (!cursor->status().ok()) return cursor->status();
  return out.good() ? Status::OK() : Status::IOError("writing the result failed");
}

std::string EscapeMarkup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace newsgraph
