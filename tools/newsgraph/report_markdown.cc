// The Markdown report: tables through WriteRows (markdown), pictures as
// SVG files beside the report.
#include <ostream>

#include "newsgraph/format.h"
#include "tools/newsgraph/report.h"

namespace newsgraph::cli {

namespace {

std::string OneLine(const std::string& s) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  return out;
}

}  // namespace

void WriteMarkdownReport(const ReportSpec& spec, const std::vector<SectionResult>& sections,
                         const ReportContext& context, const std::string& picture_dir, std::ostream& out) {
  out << "# " << OneLine(spec.title) << "\n\n";
  if (!spec.description.empty()) out << spec.description << "\n\n";
  out << "_Generated " << context.generated << " from `" << context.db_path << "` (" << context.facts
      << " facts)._\n\n";
  if (!spec.parameters.empty()) {
    out << "| parameter | value | meaning |\n|---|---|---|\n";
    for (const auto& p : spec.parameters) {
      out << "| `$" << p.name << "` | " << OneLine(p.display) << " | " << OneLine(p.description) << " |\n";
    }
    out << "\n";
  }
  for (const auto& r : sections) {
    const ReportSection& s = *r.section;
    out << "## " << OneLine(s.heading) << "\n\n";
    if (!s.text.empty()) out << s.text << "\n\n";
    if (!r.error.ok()) {
      out << "> **This section failed.**\n\n```text\n" << r.error.ToString() << "\n```\n\n";
      continue;
    }
    if (!r.svg.empty() && !picture_dir.empty()) {
      out << "![" << OneLine(s.heading) << "](" << picture_dir << "/" << r.slug << ".svg)\n\n";
    } else if (!r.svg.empty()) {
      out << "_A picture is written with `--out FILE.md`._\n\n";
    } else if (!r.picture_note.empty()) {
      out << "_No picture: " << r.picture_note << "._\n\n";
    }
    const auto& rows = r.rows->rows();
    if (rows.empty()) {
      out << "_" << s.empty << "_\n\n";
      continue;
    }
    if (s.format == "list") {
      for (const Row& row : rows) {
        out << "-";
        for (size_t i = 0; i < row.size(); ++i) out << (i ? " — " : " ") << OneLine(row[i].ToString());
        out << "\n";
      }
      out << "\n";
    } else if (s.format == "table") {
      r.rows->Rewind();
      WriteOptions wo;
      wo.max_cell_width = 0;  // a Markdown viewer wraps cells itself
      (void)WriteRows(r.rows.get(), OutputFormat::kMarkdown, out, nullptr, wo);
      out << "\n";
    }
  }
}

}  // namespace newsgraph::cli
