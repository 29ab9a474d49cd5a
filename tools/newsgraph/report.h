// `newsgraph report SPEC.json`: a report spec names a title, parameters
// with defaults and sections, each a query with a heading, a format and an
// optional picture of the subgraph it returns. The report is written as
// Markdown or as one self-contained HTML file.
//
//   {"title": "An actor's week", "description": "…", "lang": "en",
//    "parameters": {"actor": {"default": "Yevkurov", "description": "…"},
//                   "from": {"default": "2023-08-19", "type": "date"}},
//    "sections": [{"heading": "Visits", "text": "…",
//                  "query": "MATCH (p {name: $actor})-[v:visited]->(x) RETURN …",
//                  "format": "table", "picture": "auto", "empty": "No visits."}]}
//
// format: table (default), list (one line a row) or none (the picture
// only). picture: auto (default: drawn when the rows hold nodes,
// relationships or paths), none, dot or sfdp (the Graphviz layout).
// A section may give "query_file" (relative to the spec) instead of "query".
// Parameter types: string (default), integer, float, boolean, date, list.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsgraph/database.h"
#include "newsgraph/result.h"
#include "tools/newsgraph/row_cursor.h"

namespace newsgraph::cli {

struct ReportParameter {
  std::string name;
  std::string type = "string";
  std::string description;
  Value value;          // the default, or the --param override
  std::string display;  // the value as text, for the report's header
};

struct ReportSection {
  std::string heading;
  std::string text;
  std::string query;
  std::string format = "table";
  std::string picture = "auto";
  std::string empty = "No rows.";
};

struct ReportSpec {
  std::string title;
  std::string description;
  std::string lang;  // "ar": the page reads right to left; also the language of names
  std::vector<ReportParameter> parameters;
  std::vector<ReportSection> sections;
};

// Reads and checks a spec; InvalidArgument names the file and what is wrong.
Result<ReportSpec> LoadReportSpec(const std::string& path);

// Applies "NAME=VALUE" overrides, typed as the parameter is declared.
Status OverrideParameter(ReportSpec* spec, const std::string& assignment);

// What one section produced.
struct SectionResult {
  const ReportSection* section = nullptr;
  std::unique_ptr<Cursor> source;  // kept alive: the rows look nodes up through it
  std::unique_ptr<RowCursor> rows;  // null when the query failed
  Status error;                     // the query's error, shown in place
  std::string svg;                  // the picture, when one was drawn
  std::string picture_note;         // why there is no picture, when one was wanted
  std::string slug;                 // "02-visits", for file names and anchors
};

struct ReportContext {
  std::string db_path;
  std::string generated;  // "2024-05-01 12:00 UTC"
  uint64_t facts = 0;
};

// Renders DOT text as SVG with Graphviz (`engine`: dot or sfdp) run as a
// program, killed after `timeout_ms`. NotFound when the program is missing.
Result<std::string> RenderSvg(const std::string& dot, const std::string& engine, int timeout_ms);

void WriteHtmlReport(const ReportSpec& spec, const std::vector<SectionResult>& sections,
                     const ReportContext& context, std::ostream& out);

// Pictures are referenced as `picture_dir`/SLUG.svg (written by the caller);
// with an empty picture_dir they are left out with a note.
void WriteMarkdownReport(const ReportSpec& spec, const std::vector<SectionResult>& sections,
                         const ReportContext& context, const std::string& picture_dir, std::ostream& out);

}  // namespace newsgraph::cli
