// The shell's dot-commands.
#include <strings.h>

#include <fstream>
#include <set>
#include <sstream>

#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/row_cursor.h"
#include "tools/newsgraph/shell.h"

namespace newsgraph::cli {

namespace {

const char kHelp[] =
    "Statements end with ; and may span lines. Dot-commands:\n"
    "  .help                    this text\n"
    "  .mode [MODE]             table, box, csv, tsv, json, jsonl, markdown, html\n"
    "                           (also graphml, gexf, dot, jsongraph, nquads); shows it without MODE\n"
    "  .output [FILE]           results to FILE from now on; to the terminal without FILE\n"
    "  .once FILE               the next result only to FILE\n"
    "  .read FILE               run the statements and commands in FILE\n"
    "  .timer on|off            show how long each statement takes\n"
    "  .param set NAME VALUE    set $NAME (numbers, true/false, \"text\", date(\"…\"), JSON)\n"
    "  .param unset NAME        remove $NAME; .param list shows them, .param clear removes all\n"
    "  .schema                  predicates with their counts and the types they connect; entity types\n"
    "  .stats                   facts, entities, articles, mentions, size on disk\n"
    "  .explain [STATEMENT]     the plan of STATEMENT, or of the last statement\n"
    "  .wrap on|off             wrap long cells instead of cutting them\n"
    "  .width N                 widest cell in columns (0: no limit; default 60)\n"
    "  .lang [en|ar]            language of node names (default: English, then Arabic)\n"
    "  .quit                    leave (also .exit, Ctrl-D)\n"
    "TAB completes keywords, functions, relationship types after [:, entity types after (x:,\n"
    "entity names inside quotes (in any language), $parameters and dot-commands.\n";

std::string Cell(const Value& v) { return v.ToString(); }

}  // namespace

bool Shell::Help() {
  console_ << kHelp;
  return true;
}

bool Shell::ModeCommand(const std::vector<std::string>& args) {
  if (args.empty()) {
    console_ << "current output mode: " << OutputFormatName(format_) << "\n";
    return true;
  }
  if (args.size() != 1 || !SetMode(args[0])) {
    return Error("unknown mode \"" + (args.empty() ? "" : args[0]) +
                 "\"; use table, box, csv, tsv, json, jsonl, markdown or html");
  }
  return true;
}

bool Shell::OutputCommand(const std::vector<std::string>& args, bool once) {
  if (args.size() > 1) return Error(once ? "usage: .once FILE" : "usage: .output [FILE]");
  if (args.empty() || args[0] == "stdout") {
    if (once) return Error("usage: .once FILE");
    output_.reset();
    return true;
  }
  auto f = std::make_unique<std::ofstream>(args[0], std::ios::binary | std::ios::trunc);
  if (!*f) return Error("cannot write " + args[0]);
  (once ? once_ : output_) = std::move(f);
  return true;
}

bool Shell::ReadCommand(const std::vector<std::string>& args) {
  if (args.size() != 1) return Error("usage: .read FILE");
  if (read_depth_ >= 16) return Error(".read nested too deeply");
  std::ifstream in(args[0], std::ios::binary);
  if (!in) return Error("cannot read " + args[0]);
  ++read_depth_;
  int before = errors_;
  std::string line;
  bool go_on = true;
  while (go_on && std::getline(in, line)) go_on = HandleLine(line);
  if (go_on) go_on = Finish();
  --read_depth_;
  return errors_ == before;
}

bool Shell::ParamCommand(const std::vector<std::string>& args, const std::string& rest) {
  const std::string sub = args.empty() ? "list" : args[0];
  if (sub == "list") {
    for (const auto& [name, value] : params_) {
      console_ << "$" << name << " = " << value.ToJson() << "  (" << TypeName(value.type()) << ")\n";
    }
    return true;
  }
  if (sub == "clear") {
    params_.clear();
    return true;
  }
  if (sub == "unset" && args.size() == 2) {
    params_.erase(args[1]);
    return true;
  }
  if (sub == "set" && args.size() >= 3) {
    // The value is the rest of the line as typed, quotes included.
    std::string name = args[1].starts_with("$") ? args[1].substr(1) : args[1];
    size_t at = rest.find(args[1], rest.find("set") + 3);
    std::string value = Trim(rest.substr(at + args[1].size()));
    params_[name] = ParseParameterValue(value);
    return true;
  }
  return Error("usage: .param set NAME VALUE | .param unset NAME | .param list | .param clear");
}

bool Shell::SchemaCommand() {
  auto stats = db_->Stats();
  if (!stats.ok()) return Error(stats.status().message());
  std::vector<Row> rows;
  for (const auto& p : stats->predicates) {
    // The types a predicate connects, seen in its first 1,000 facts: a
    // sample keeps .schema quick on a large store.
    std::set<std::string> subjects, objects;
    auto c = db_->Query("MATCH (a)-[:" + p.name +
                        "]->(b) WITH a, b LIMIT 1000 RETURN DISTINCT a.type, "
                        "CASE WHEN b.key IS NULL THEN 'literal' ELSE b.type END");
    if (c.ok()) {
      Row r;
      while ((*c)->Next(&r)) {
        // Entities imported without a type have none to show.
        if (!r[0].is_null() && !Cell(r[0]).empty()) subjects.insert(Cell(r[0]));
        if (!r[1].is_null() && !Cell(r[1]).empty()) objects.insert(Cell(r[1]));
      }
    }
    auto join = [](const std::set<std::string>& s) {
      std::string out;
      for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
      return out;
    };
    rows.push_back({Value::String(p.name), Value::Int(static_cast<int64_t>(p.facts)),
                    Value::Int(static_cast<int64_t>(p.mentions)), Value::String(join(subjects)),
                    Value::String(join(objects))});
  }
  RowCursor predicates({"predicate", "facts", "mentions", "subject types", "object types"}, std::move(rows));
  if (!WriteResult(&predicates, Out())) return false;
  auto types = db_->Query("MATCH (n) RETURN n.type AS type, count(*) AS entities ORDER BY entities DESC, type");
  if (!types.ok()) return Error(types.status().message());
  bool ok = WriteResult(types->get(), Out());
  once_.reset();
  return ok;
}

bool Shell::StatsCommand() {
  auto s = db_->Stats();
  if (!s.ok()) return Error(s.status().message());
  auto n = [](uint64_t v) { return Value::Int(static_cast<int64_t>(v)); };
  std::vector<Row> rows = {{Value::String("facts"), n(s->facts)},
                           {Value::String("entities"), n(s->entities)},
                           {Value::String("articles"), n(s->articles)},
                           {Value::String("mentions"), n(s->mentions)},
                           {Value::String("predicates"), n(s->predicates.size())},
                           {Value::String("size on disk"), Value::String(HumanBytes(s->disk_bytes))},
                           {Value::String("database"), Value::String(db_->path())}};
  RowCursor c({"what", "count"}, std::move(rows));
  bool ok = WriteResult(&c, Out());
  once_.reset();
  return ok;
}

bool Shell::ExplainCommand(const std::string& rest) {
  std::string st = rest.empty() ? last_statement_ : rest;
  while (!st.empty() && (st.back() == ';' || st.back() == ' ')) st.pop_back();
  if (st.empty()) return Error("usage: .explain STATEMENT (without one: the last statement)");
  for (const char* kw : {"EXPLAIN ", "PROFILE "}) {
    if (st.size() > 8 && strncasecmp(st.c_str(), kw, 8) == 0) st = Trim(st.substr(8));
  }
  auto c = db_->Query("EXPLAIN " + st, params_, query_options_);
  if (!c.ok()) return Error(c.status().message());
  console_ << FormatPlan((*c)->plan(), false);
  return true;
}

}  // namespace newsgraph::cli
