#include <iostream>

#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/commands.h"

namespace newsgraph::cli {

namespace {
const CommandSpec kSpec{
    "import",
    "import [options] FILE…",
    "Loads facts from N-Triples (.nt), N-Quads (.nq; the graph name is the article) or JSON\n"
    "Lines (.jsonl; one fact a line with its provenance). FILE - reads standard input.\n"
    "A malformed line stops the import before anything of its batch is written, with its\n"
    "file, line and column; --lenient skips such lines and counts them. Into an empty store,\n"
    "large imports take the bulk path: sorted files ingested in one step.",
    {DbOption(),
     {"format", "nt|nq|jsonl", "the input format (default: from the file extension)"},
     {"lenient", "", "skip malformed lines instead of stopping"},
     {"bulk", "", "require the bulk path (fails unless the store has no facts)"},
     {"no-bulk", "", "write in ordinary batches even into an empty store"},
     {"batch", "N", "records per atomic batch on the ordinary path (default 100000)"}}};

bool ParseFormat(const std::string& s, DataFormat* f) {
  if (s == "nt" || s == "ntriples") *f = DataFormat::kNTriples;
  else if (s == "nq" || s == "nquads") *f = DataFormat::kNQuads;
  else if (s == "jsonl" || s == "ndjson") *f = DataFormat::kJsonLines;
  else return false;
  return true;
}
}  // namespace

int RunImport(int argc, char** argv);
namespace {
const Registration kRegistration("import", RunImport,
                                 "load facts from N-Triples, N-Quads or JSON Lines", 20);
}  // namespace

int RunImport(int argc, char** argv) {
  Args args;
  if (!args.Parse(kSpec, argc, argv)) return 2;
  if (args.help()) {
    PrintHelp(kSpec);
    return 0;
  }
  if (args.positional().empty()) return Fail("import: name at least one FILE (or - for stdin)");
  ImportOptions o;
  if (args.Has("format") && !ParseFormat(args.Get("format"), &o.format)) {
    return Fail("import: unknown format \"" + args.Get("format") + "\" (nt, nq or jsonl)");
  }
  o.lenient = args.Has("lenient");
  if (args.Has("bulk")) o.bulk = ImportOptions::Bulk::kAlways;
  if (args.Has("no-bulk")) o.bulk = ImportOptions::Bulk::kNever;
  if (args.Has("batch")) {
    try {
      o.batch_records = std::stoul(args.Get("batch"));
    } catch (...) {
      return Fail("import: --batch needs a number");
    }
  }
  auto db = OpenDatabase(args, false);
  if (!db) return 3;
  int rc = 0;
  for (const auto& path : args.positional()) {
    ProgressBar bar("import " + path);
    o.progress = [&](const Progress& p) { return bar.Update(p); };
    ImportStats st;
    int64_t t0 = NowMs();
    Status s = db->Import(path, o, &st);
    bar.Done();
    double secs = static_cast<double>(NowMs() - t0) / 1000.0;
    if (!s.ok()) {
      rc = Fail(s);
      break;
    }
    std::cerr << path << ": " << WithCommas(st.records) << " records (" << WithCommas(st.new_facts)
              << " new facts, " << WithCommas(st.new_mentions) << " new mentions, "
              << WithCommas(st.new_entities) << " new entities, " << WithCommas(st.new_articles)
              << " new articles) in " << secs << " s";
    if (secs > 0) std::cerr << ", " << WithCommas(static_cast<uint64_t>(st.records / secs)) << " records/s";
    if (st.bulk) std::cerr << ", bulk";
    std::cerr << "\n";
    if (st.skipped > 0) {
      std::cerr << path << ": skipped " << WithCommas(st.skipped) << " malformed lines; the first: "
                << st.first_error << "\n";
    }
  }
  return rc;
}

}  // namespace newsgraph::cli
