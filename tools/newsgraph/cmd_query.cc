#include <fstream>
#include <iostream>
#include <sstream>

#include "newsgraph/database.h"
#include "newsgraph/format.h"
#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/commands.h"

namespace newsgraph::cli {

int RunQuery(int argc, char** argv);

namespace {

const Registration kRegistration("query", RunQuery, "run a query ('TEXT' or -f FILE.cypher)", 10);

const CommandSpec kSpec{
    "query",
    "query [options] 'QUERY' | -f FILE.cypher",
    "Runs one query (a Cypher subset; see README) and prints its rows. EXPLAIN shows the plan;\n"
    "PROFILE runs the query and shows rows and time per operator. Exit code 0 on success; on an\n"
    "error, the message (with line, column and a caret) goes to stderr.",
    {DbOption(),
     {"file", "FILE", "read the query from FILE (also -f)"},
     {"param", "NAME=VALUE", "a query parameter $NAME (numbers, true/false, date(\"…\"), JSON, or text)", true},
     {"format", "FORMAT",
      "table (default), box, csv, tsv, json, jsonl, markdown, html; for results with nodes, relationships or "
      "paths: graphml, gexf, dot, jsongraph, nquads"},
     {"lang", "LANG", "language of node names: en or ar (default: English, then Arabic)"},
     {"max-rows", "N", "row bound (default 1000000)"},
     {"timeout", "MS", "time bound in milliseconds (default 60000; 0 = none)"},
     {"max-hops", "N", "largest hop bound a pattern may ask for (default 100)"},
     {"max-memory", "MB", "memory bound for sorts, aggregations and traversals (default 1024)"}}};

bool ParseUint(const std::string& s, uint64_t* out) {
  try {
    size_t used = 0;
    unsigned long long v = std::stoull(s, &used);
    if (used != s.size()) return false;
    *out = v;
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace

int RunQuery(int argc, char** argv) {
  // -f is the short form of --file.
  std::vector<char*> args_v;
  std::string file_flag = "--file";
  for (int i = 0; i < argc; ++i) args_v.push_back(std::string(argv[i]) == "-f" ? file_flag.data() : argv[i]);
  Args args;
  if (!args.Parse(kSpec, static_cast<int>(args_v.size()), args_v.data())) return 2;
  if (args.help()) {
    PrintHelp(kSpec);
    return 0;
  }
  std::string text;
  if (args.Has("file")) {
    std::ifstream in(args.Get("file"), std::ios::binary);
    if (!in) return Fail("query: cannot read " + args.Get("file"));
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    if (!args.positional().empty()) return Fail("query: give the query as TEXT or with -f, not both");
  } else {
    if (args.positional().size() != 1) return Fail("query: give one query (quote it), or -f FILE");
    text = args.positional()[0];
  }
  OutputFormat format = OutputFormat::kTable;
  if (args.Has("format") && !ParseOutputFormat(args.Get("format"), &format)) {
    return Fail("query: unknown format \"" + args.Get("format") + "\"");
  }
  QueryOptions qo;
  qo.lang = args.Get("lang");
  uint64_t v;
  if (args.Has("max-rows")) {
    if (!ParseUint(args.Get("max-rows"), &v)) return Fail("query: --max-rows needs a number");
    qo.max_rows = v;
  }
  if (args.Has("timeout")) {
    if (!ParseUint(args.Get("timeout"), &v)) return Fail("query: --timeout needs milliseconds");
    qo.timeout_ms = v;
  }
  if (args.Has("max-hops")) {
    if (!ParseUint(args.Get("max-hops"), &v)) return Fail("query: --max-hops needs a number");
    qo.max_hops = static_cast<int64_t>(v);
  }
  if (args.Has("max-memory")) {
    if (!ParseUint(args.Get("max-memory"), &v)) return Fail("query: --max-memory needs megabytes");
    qo.max_memory_bytes = v << 20;
  }
  Params params;
  for (const auto& p : args.GetAll("param")) {
    size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) return Fail("query: --param needs NAME=VALUE, got \"" + p + "\"");
    params[p.substr(0, eq)] = ParseParameterValue(p.substr(eq + 1));
  }
  auto db = OpenDatabase(args, true);
  if (!db) return 3;
  auto cursor = db->Query(text, params, qo);
  if (!cursor.ok()) return Fail(cursor.status());
  if ((*cursor)->is_explain()) {
    std::cout << FormatPlan((*cursor)->plan(), false);
    return 0;
  }
  std::ios::sync_with_stdio(false);
  Status s = WriteRows(cursor->get(), format, std::cout);
  if (!s.ok()) return Fail(s);
  if ((*cursor)->is_profile()) std::cerr << FormatPlan((*cursor)->plan(), true);
  return 0;
}

}  // namespace newsgraph::cli
