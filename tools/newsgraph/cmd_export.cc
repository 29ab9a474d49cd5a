#include <fstream>
#include <iostream>

#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/commands.h"

namespace newsgraph::cli {

namespace {
const CommandSpec kSpec{
    "export",
    "export [--format nt|nq|jsonl|csv] [--output FILE]",
    "Writes the whole graph. nt: one triple per fact, with labels and types; nq: one quad per\n"
    "mention, the article as graph name, with article metadata; jsonl: one mention a line with\n"
    "its provenance (what import reads back); csv: one fact a line with counts and dates.",
    {DbOption(),
     {"format", "FORMAT", "nt, nq, jsonl or csv (default nq)"},
     {"output", "FILE", "write to FILE instead of standard output"},
     {"lang", "LANG", "label language for names in CSV (default: English, then Arabic)"}}};
}  // namespace

int RunExport(int argc, char** argv);
namespace {
const Registration kRegistration("export", RunExport,
                                 "write the graph as N-Triples, N-Quads, JSON Lines or CSV", 21);
}  // namespace

int RunExport(int argc, char** argv) {
  Args args;
  if (!args.Parse(kSpec, argc, argv)) return 2;
  if (args.help()) {
    PrintHelp(kSpec);
    return 0;
  }
  if (!args.positional().empty()) return Fail("export: unexpected argument \"" + args.positional()[0] + "\"");
  ExportOptions o;
  std::string f = args.Get("format", "nq");
  if (f == "nt") o.format = DataFormat::kNTriples;
  else if (f == "nq") o.format = DataFormat::kNQuads;
  else if (f == "jsonl") o.format = DataFormat::kJsonLines;
  else if (f == "csv") o.format = DataFormat::kCsv;
  else return Fail("export: unknown format \"" + f + "\" (nt, nq, jsonl or csv)");
  o.lang = args.Get("lang");
  auto db = OpenDatabase(args, true);
  if (!db) return 3;
  Status s;
  if (args.Has("output")) {
    std::ofstream out(args.Get("output"), std::ios::binary);
    if (!out) return Fail("export: cannot write " + args.Get("output"));
    s = db->Export(out, o);
    out.close();
    if (s.ok() && !out) s = Status::IOError("writing " + args.Get("output") + " failed");
  } else {
    std::ios::sync_with_stdio(false);
    s = db->Export(std::cout, o);
    std::cout.flush();
  }
  return s.ok() ? 0 : Fail(s);
}

}  // namespace newsgraph::cli
