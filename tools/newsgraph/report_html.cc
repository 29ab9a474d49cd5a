// The HTML report: one file, styles inline, no scripts, fonts or images
// fetched from anywhere (pictures are inline SVG). Every heading, paragraph
// and cell takes dir="auto", so Arabic reads right to left beside English.
#include <ostream>

#include "newsgraph/format.h"
#include "tools/newsgraph/report.h"

namespace newsgraph::cli {

namespace {

const char kStyle[] = R"(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", Arial, sans-serif; margin: 2rem auto;
       max-width: 72rem; padding: 0 1.5rem; color: #1d2433; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid #d8dee9; padding-bottom: .2rem; }
.description { color: #4c566a; margin-top: 0; }
.meta { color: #6b7385; font-size: .85rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .92rem; }
th, td { border: 1px solid #d8dee9; padding: .3rem .6rem; vertical-align: top; text-align: start; }
th { background: #eef2f7; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
tr:nth-child(even) td { background: #f8fafc; }
table.params td:first-child { font-family: "DejaVu Sans Mono", monospace; }
.item + .item { margin-top: .25rem; }
.k { color: #6b7385; }
figure { margin: 1rem 0; overflow-x: auto; border: 1px solid #e5e9f0; border-radius: 6px; padding: .5rem; }
figure svg { max-width: 100%; height: auto; }
figcaption, .note, .count { color: #6b7385; font-size: .85rem; }
.error { border-inline-start: 4px solid #bf616a; background: #fbeeee; padding: .5rem 1rem; }
.error pre { white-space: pre; overflow-x: auto; }
pre { font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; }
details { margin-top: .5rem; }
nav ol { padding-inline-start: 1.4rem; }
)";

std::string Attr(const std::string& s) { return EscapeMarkup(s); }

// A value as HTML: lists one item a line, maps as "key value" lines (the
// shape of evidence(r)), nodes by name with their key and type on hover.
std::string ValueHtml(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: return "";
    case Value::Type::kNode: {
      const Node& n = v.AsNode();
      return "<span title=\"" + Attr(n.key + " (" + n.type + ")") + "\">" + EscapeMarkup(n.name) + "</span>";
    }
    case Value::Type::kRelationship: {
      const Relationship& r = v.AsRelationship();
      return "<bdi>" + EscapeMarkup(r.subject_name) + "</bdi> —" + EscapeMarkup(r.predicate) + "→ <bdi>" +
             EscapeMarkup(r.object_name) + "</bdi>";
    }
    case Value::Type::kList: {
      std::string out;
      for (const Value& x : v.AsList()) out += "<div class=\"item\" dir=\"auto\">" + ValueHtml(x) + "</div>";
      return out;
    }
    case Value::Type::kMap: {
      std::string out;
      for (const auto& [k, x] : v.AsMap()) {
        if (x.is_null()) continue;
        out += "<div dir=\"auto\"><span class=\"k\">" + EscapeMarkup(k) + "</span> <bdi>" + ValueHtml(x) + "</bdi></div>";
      }
      return out;
    }
    default:
      return EscapeMarkup(v.ToString());
  }
}

void WriteRowsHtml(const SectionResult& r, std::ostream& out) {
  const auto& cols = r.rows->columns();
  const auto& rows = r.rows->rows();
  if (rows.empty()) {
    out << "<p class=\"note\" dir=\"auto\">" << EscapeMarkup(r.section->empty) << "</p>\n";
    return;
  }
  if (r.section->format == "list") {
    out << "<ul>\n";
    for (const Row& row : rows) {
      out << "<li dir=\"auto\">";
      for (size_t i = 0; i < row.size(); ++i) out << (i ? " — " : "") << "<bdi>" << ValueHtml(row[i]) << "</bdi>";
      out << "</li>\n";
    }
    out << "</ul>\n";
  } else if (r.section->format == "table") {
    out << "<table class=\"rows\">\n<thead><tr>";
    for (const auto& c : cols) out << "<th dir=\"auto\">" << EscapeMarkup(c) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const Row& row : rows) {
      out << "<tr>";
      for (const Value& v : row) out << (v.IsNumber() ? "<td class=\"num\">" : "<td dir=\"auto\">") << ValueHtml(v) << "</td>";
      out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "<p class=\"count\">" << rows.size() << (rows.size() == 1 ? " row" : " rows") << "</p>\n";
}

}  // namespace

void WriteHtmlReport(const ReportSpec& spec, const std::vector<SectionResult>& sections,
                     const ReportContext& context, std::ostream& out) {
  const bool rtl = spec.lang == "ar";
  out << "<!DOCTYPE html>\n<html lang=\"" << Attr(spec.lang.empty() ? "en" : spec.lang) << "\" dir=\""
      << (rtl ? "rtl" : "ltr") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"newsgraph report\">\n"
      << "<title>" << EscapeMarkup(spec.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  out << "<header>\n<h1 dir=\"auto\">" << EscapeMarkup(spec.title) << "</h1>\n";
  if (!spec.description.empty()) out << "<p class=\"description\" dir=\"auto\">" << EscapeMarkup(spec.description) << "</p>\n";
  out << "<p class=\"meta\">Generated " << EscapeMarkup(context.generated) << " from <code>"
      << EscapeMarkup(context.db_path) << "</code> (" << context.facts << " facts).</p>\n";
  if (!spec.parameters.empty()) {
    out << "<table class=\"params\"><thead><tr><th>parameter</th><th>value</th><th>meaning</th></tr></thead><tbody>\n";
    for (const auto& p : spec.parameters) {
      out << "<tr><td>$" << EscapeMarkup(p.name) << "</td><td dir=\"auto\">" << EscapeMarkup(p.display)
          << "</td><td dir=\"auto\">" << EscapeMarkup(p.description) << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
  }
  out << "</header>\n<nav><ol>\n";
  for (const auto& r : sections) {
    out << "<li><a href=\"#" << Attr(r.slug) << "\" dir=\"auto\">" << EscapeMarkup(r.section->heading) << "</a>"
        << (r.error.ok() ? "" : " <span class=\"note\">(failed)</span>") << "</li>\n";
  }
  out << "</ol></nav>\n<main>\n";
  for (const auto& r : sections) {
    const ReportSection& s = *r.section;
    out << "<section id=\"" << Attr(r.slug) << "\">\n<h2 dir=\"auto\">" << EscapeMarkup(s.heading) << "</h2>\n";
    if (!s.text.empty()) out << "<p dir=\"auto\">" << EscapeMarkup(s.text) << "</p>\n";
    if (!r.error.ok()) {
      out << "<div class=\"error\" role=\"alert\"><strong>This section failed.</strong>\n<pre dir=\"ltr\">"
          << EscapeMarkup(r.error.ToString()) << "</pre></div>\n";
    } else {
      if (!r.svg.empty()) {
        out << "<figure>\n" << r.svg << "\n<figcaption dir=\"auto\">" << EscapeMarkup(s.heading) << "</figcaption></figure>\n";
      } else if (!r.picture_note.empty()) {
        out << "<p class=\"note\">No picture: " << EscapeMarkup(r.picture_note) << "</p>\n";
      }
      WriteRowsHtml(r, out);
    }
    out << "<details><summary>Query</summary><pre dir=\"ltr\"><code>" << EscapeMarkup(s.query)
        << "</code></pre></details>\n</section>\n";
  }
  out << "</main>\n</body>\n</html>\n";
}

}  // namespace newsgraph::cli
