// `newsgraph report SPEC.json`: runs every section, even after one fails,
// writes the report with each error in its place, and exits 1 when any
// section failed.
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "newsgraph/format.h"
#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/commands.h"
#include "tools/newsgraph/report.h"

namespace newsgraph::cli {

int RunReport(int argc, char** argv);

namespace {

const Registration kRegistration("report", RunReport, "write a report (Markdown or HTML) from a spec", 12);

const CommandSpec kSpec{
    "report",
    "report [options] SPEC.json",
    "Runs the queries of a report spec (see examples/reports/) and writes one Markdown or\n"
    "self-contained HTML file, with a picture (Graphviz) of each section that returns nodes or\n"
    "relationships. A failed section shows its error in place; the exit code is then 1.",
    {DbOption(),
     {"out", "FILE", "write the report to FILE (default: stdout)"},
     {"format", "FORMAT", "html or markdown (default: from the --out extension, else markdown)"},
     {"param", "NAME=VALUE", "set a parameter of the spec", true},
     {"data", "DIR", "also write each section's rows to DIR/SECTION.csv and .json"},
     {"timeout", "MS", "time bound of each query in milliseconds (default 60000)"}}};

constexpr size_t kMaxPictureNodes = 300;
constexpr size_t kDotNodeLimit = 40;  // larger pictures use sfdp

std::string Slug(size_t index, const std::string& heading) {
  std::string s = std::to_string(index + 1);
  if (s.size() < 2) s = "0" + s;
  bool dash = true;
  for (char c : heading) {
    if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) {
      if (dash) s += '-';
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      dash = false;
    } else {
      dash = true;
    }
    if (s.size() > 40) break;
  }
  return s;
}

bool HoldsGraph(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNode:
    case Value::Type::kRelationship:
    case Value::Type::kPath:
      return true;
    case Value::Type::kList:
      for (const Value& x : v.AsList()) {
        if (HoldsGraph(x)) return true;
      }
      return false;
    case Value::Type::kMap:
      for (const auto& [k, x] : v.AsMap()) {
        if (HoldsGraph(x)) return true;
      }
      return false;
    default:
      return false;
  }
}

// The graph's own DOT, with a house style added after its defaults.
std::string StyledDot(const std::string& dot, size_t nodes) {
  std::string style =
      "  graph [rankdir=LR, bgcolor=\"transparent\", fontname=\"DejaVu Sans\", overlap=false, splines=true, "
      "pad=0.2, nodesep=0.3];\n"
      "  node [fontname=\"DejaVu Sans\", fontsize=11, color=\"#5e81ac\", fillcolor=\"#eef2f7\", "
      "style=\"rounded,filled\", shape=box, margin=\"0.12,0.06\"];\n"
      "  edge [fontname=\"DejaVu Sans\", fontsize=9, color=\"#7b8394\", fontcolor=\"#4c566a\"];\n";
  if (nodes > kDotNodeLimit) style += "  graph [rankdir=TB];\n";
  size_t at = dot.find("];\n");  // end of the default node attributes
  if (at == std::string::npos) at = dot.find('\n');
  else at += 2;
  if (at == std::string::npos) return dot;
  return dot.substr(0, at + 1) + style + dot.substr(at + 1);
}

void DrawPicture(SectionResult* r) {
  const std::string& want = r->section->picture;
  if (want == "none") return;
  bool graph = false;
  for (const Row& row : r->rows->rows()) {
    for (const Value& v : row) graph = graph || HoldsGraph(v);
  }
  if (!graph) {
    if (want != "auto") r->picture_note = "the rows hold no nodes or relationships";
    return;
  }
  r->rows->Rewind();
  std::ostringstream dot;
  Status s = WriteRows(r->rows.get(), OutputFormat::kDot, dot);
  r->rows->Rewind();
  if (!s.ok()) {
    r->picture_note = s.message();
    return;
  }
  std::string text = dot.str();
  size_t nodes = 0;
  for (size_t p = text.find(" [label="); p != std::string::npos; p = text.find(" [label=", p + 1)) {
    size_t line = text.rfind('\n', p);
    if (text.substr(line + 1, p - line - 1).find("->") == std::string::npos) ++nodes;
  }
  if (nodes > kMaxPictureNodes) {
    r->picture_note = "too many nodes (" + std::to_string(nodes) + ") to draw; narrow the query";
    return;
  }
  std::string engine = want == "auto" ? (nodes > kDotNodeLimit ? "sfdp" : "dot") : want;
  auto svg = RenderSvg(StyledDot(text, nodes), engine, 30000);
  if (svg.ok()) r->svg = *svg;
  else r->picture_note = svg.status().message();
}

std::string Now() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::atoll(e));
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", std::gmtime(&t));
  return buf;
}

Status WriteData(const SectionResult& r, const std::string& dir) {
  for (OutputFormat f : {OutputFormat::kCsv, OutputFormat::kJson}) {
    std::string path = dir + "/" + r.slug + (f == OutputFormat::kCsv ? ".csv" : ".json");
    std::ofstream out(path, std::ios::binary);
    if (!out) return Status::IOError("cannot write " + path);
    r.rows->Rewind();
    NG_RETURN_IF_ERROR(WriteRows(r.rows.get(), f, out));
  }
  r.rows->Rewind();
  return Status::OK();
}

}  // namespace

int RunReport(int argc, char** argv) {
  Args args;
  if (!args.Parse(kSpec, argc, argv)) return 2;
  if (args.help()) {
    PrintHelp(kSpec);
    return 0;
  }
  if (args.positional().size() != 1) return Fail("report: give one SPEC.json");
  auto spec = LoadReportSpec(args.positional()[0]);
  if (!spec.ok()) return Fail(spec.status());
  for (const auto& p : args.GetAll("param")) {
    Status s = OverrideParameter(&*spec, p);
    if (!s.ok()) return Fail(s);
  }
  const std::string out_path = args.Get("out", "-");
  std::string format = args.Get("format");
  if (format.empty()) {
    std::string ext = std::filesystem::path(out_path).extension().string();
    format = ext == ".html" || ext == ".htm" ? "html" : "markdown";
  }
  if (format == "md") format = "markdown";
  if (format != "html" && format != "markdown") return Fail("report: --format is html or markdown");
  QueryOptions qo;
  qo.lang = spec->lang;
  if (args.Has("timeout")) qo.timeout_ms = std::strtoull(args.Get("timeout").c_str(), nullptr, 10);

  auto db = OpenDatabase(args, true);
  if (!db) return 3;
  Params params;
  for (const auto& p : spec->parameters) params[p.name] = p.value;
  ReportContext context{db->path(), Now(), 0};
  if (auto st = db->Stats(); st.ok()) context.facts = st->facts;

  std::vector<SectionResult> results;
  int failed = 0;
  for (size_t i = 0; i < spec->sections.size(); ++i) {
    SectionResult r;
    r.section = &spec->sections[i];
    r.slug = Slug(i, r.section->heading);
    auto cursor = db->Query(r.section->query, params, qo);
    if (!cursor.ok()) {
      r.error = cursor.status();
    } else {
      r.source = std::move(cursor).value();
      std::vector<Row> rows;
      Row row;
      while (r.source->Next(&row)) rows.push_back(row);
      r.error = r.source->status();
      r.rows = std::make_unique<RowCursor>(r.source->columns(), std::move(rows), Status::OK(), r.source.get());
      if (r.error.ok()) DrawPicture(&r);
    }
    if (!r.error.ok()) {
      ++failed;
      std::cerr << "newsgraph: report: section \"" << r.section->heading << "\" failed: " << r.error.message() << "\n";
    }
    results.push_back(std::move(r));
  }

  if (args.Has("data")) {
    std::error_code ec;
    std::filesystem::create_directories(args.Get("data"), ec);
    for (const auto& r : results) {
      if (!r.error.ok()) continue;
      Status s = WriteData(r, args.Get("data"));
      if (!s.ok()) return Fail(s);
    }
  }
  std::ofstream file;
  if (out_path != "-") {
    file.open(out_path, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("report: cannot write " + out_path);
  }
  std::ostream& out = out_path == "-" ? std::cout : file;
  if (format == "html") {
    WriteHtmlReport(*spec, results, context, out);
  } else {
    // Pictures go to a folder beside the report: report.md → report-files/.
    std::string picture_dir;
    if (out_path != "-") {
      std::filesystem::path p(out_path);
      picture_dir = p.stem().string() + "-files";
      std::filesystem::path dir = p.parent_path() / picture_dir;
      for (const auto& r : results) {
        if (r.svg.empty()) continue;
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        std::ofstream svg(dir / (r.slug + ".svg"), std::ios::binary);
        svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" << r.svg << "\n";
      }
    }
    WriteMarkdownReport(*spec, results, context, picture_dir, out);
  }
  out.flush();
  if (!out) return Fail("report: writing " + out_path + " failed");
  return failed > 0 ? 1 : 0;
}

}  // namespace newsgraph::cli
