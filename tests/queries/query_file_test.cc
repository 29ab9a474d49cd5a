// Runs the data-driven query tests: every tests/queries/*.test file (the
// format is described in tests/queries/README.md) against a database built
// from its fixtures in a temporary directory, through the public API only.
//
// Each file is one GoogleTest test (queries/QueryFile.Run/<name>); a failing
// case is reported at its file:line with the expected and actual blocks, in
// the file's own format so that a corrected block can be pasted back.
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/database.h"
#include "newsgraph/query.h"
#include "newsgraph/value.h"
#include "tests/util/temp_dir.h"

namespace newsgraph {
namespace {

// ---- rendering values -------------------------------------------------------

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else out.push_back(c);
  }
  return out;
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return Escape(out);
}

std::string Double(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, r.ptr);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string Render(const Value& v, bool nested);

std::string RenderNode(const Node& n) { return "(" + (n.key.empty() ? "#" + std::to_string(n.id) : n.key) + ")"; }

std::string RenderRel(const Relationship& r) {
  return "[:" + r.predicate + " " + r.subject_name + "->" + r.object_name + "]";
}

std::string Render(const Value& v, bool nested) {
  switch (v.type()) {
    case Value::Type::kNull: return "NULL";
    case Value::Type::kBool: return v.AsBool() ? "true" : "false";
    case Value::Type::kInt: return std::to_string(v.AsInt());
    case Value::Type::kDouble: return Double(v.AsDouble());
    case Value::Type::kString:
      if (nested) return Quote(v.AsString());
      return v.AsString().empty() ? "(empty)" : Escape(v.AsString());
    case Value::Type::kDate: return v.AsDate().ToString();
    case Value::Type::kNode: return RenderNode(v.AsNode());
    case Value::Type::kRelationship: return RenderRel(v.AsRelationship());
    case Value::Type::kPath: {
      const Path& p = v.AsPath();
      std::string out;
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        if (i > 0 && i - 1 < p.relationships.size()) {
          const Relationship& r = p.relationships[i - 1];
          bool forward = r.subject == p.nodes[i - 1].id;
          out += forward ? "-[:" + r.predicate + "]->" : "<-[:" + r.predicate + "]-";
        }
        out += RenderNode(p.nodes[i]);
      }
      if (p.relationships.size() + 1 != p.nodes.size()) {
        out += " !" + std::to_string(p.nodes.size()) + " nodes, " + std::to_string(p.relationships.size()) +
               " relationships";
      }
      return out;
    }
    case Value::Type::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.AsList().size(); ++i) out += (i ? ", " : "") + Render(v.AsList()[i], true);
      return out + "]";
    }
    case Value::Type::kMap: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, x] : v.AsMap()) {
        out += (first ? "" : ", ") + k + ": " + Render(x, true);
        first = false;
      }
      return out + "}";
    }
  }
  return "?";
}

std::string RenderRow(const Row& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) out += (i ? "|" : "") + Render(row[i], false);
  return out;
}

// ---- the file format --------------------------------------------------------

struct Case {
  enum class Kind { kQuery, kOk, kError } kind = Kind::kQuery;
  int line = 0;
  bool sorted = true;
  bool header = false;
  std::string statement;
  std::vector<std::string> expected;
  Params params;
  QueryOptions options;
  std::string skip;  // reason; empty: run it
};

struct Step {
  int line = 0;
  std::vector<std::string> setup;  // fixtures to import (when not a case)
  std::optional<Case> test;
};

struct Parsed {
  std::vector<Step> steps;
  std::vector<std::pair<int, std::string>> errors;  // line, message
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> Words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool SetOption(QueryOptions* o, const std::string& name, const std::string& value) {
  auto num = [&](auto* out) {
    auto r = std::from_chars(value.data(), value.data() + value.size(), *out);
    return r.ec == std::errc() && r.ptr == value.data() + value.size();
  };
  if (name == "max_rows") return num(&o->max_rows);
  if (name == "timeout_ms") return num(&o->timeout_ms);
  if (name == "default_max_hops") return num(&o->default_max_hops);
  if (name == "max_hops") return num(&o->max_hops);
  if (name == "max_memory_bytes") return num(&o->max_memory_bytes);
  if (name == "max_paths_per_start") return num(&o->max_paths_per_start);
  if (name == "max_evidence") return num(&o->max_evidence);
  if (name == "lang") {
    o->lang = value;
    return true;
  }
  return false;
}

Parsed ParseTestFile(const std::string& text) {
  Parsed out;
  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
      if (!l.empty() && l.back() == '\r') l.pop_back();
      lines.push_back(l);
    }
  }
  Case pending;  // directives collected for the next case
  bool has_pending = false;
  auto error = [&](size_t i, const std::string& msg) {
    out.errors.emplace_back(static_cast<int>(i + 1), msg);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string t = Trim(lines[i]);
    if (t.empty() || t[0] == '#') continue;
    std::vector<std::string> w = Words(t);
    const std::string& head = w[0];
    if (head == "setup") {
      if (w.size() < 2) error(i, "setup needs a fixture file");
      Step s;
      s.line = static_cast<int>(i + 1);
      s.setup.assign(w.begin() + 1, w.end());
      out.steps.push_back(std::move(s));
      continue;
    }
    if (head == "param") {
      if (w.size() < 3) {
        error(i, "param NAME VALUE");
        continue;
      }
      size_t at = t.find(w[1], 5) + w[1].size();
      pending.params[w[1]] = ParseParameterValue(Trim(t.substr(at)));
      has_pending = true;
      continue;
    }
    if (head == "option") {
      for (size_t k = 1; k < w.size(); ++k) {
        size_t eq = w[k].find('=');
        if (eq == std::string::npos || !SetOption(&pending.options, w[k].substr(0, eq), w[k].substr(eq + 1))) {
          error(i, "bad option \"" + w[k] + "\"");
        }
      }
      has_pending = true;
      continue;
    }
    if (head == "skip") {
      pending.skip = Trim(t.substr(4));
      if (pending.skip.empty()) pending.skip = "skipped";
      has_pending = true;
      continue;
    }
    Case c = std::move(pending);
    pending = Case();
    has_pending = false;
    c.line = static_cast<int>(i + 1);
    if (head == "query") {
      c.kind = Case::Kind::kQuery;
      for (size_t k = 1; k < w.size(); ++k) {
        if (w[k] == "sort") c.sorted = true;
        else if (w[k] == "nosort") c.sorted = false;
        else if (w[k] == "header") c.header = true;
        else error(i, "unknown query flag \"" + w[k] + "\" (sort, nosort, header)");
      }
    } else if (head == "statement" && w.size() == 2 && w[1] == "ok") {
      c.kind = Case::Kind::kOk;
    } else if (head == "statement" && w.size() == 2 && w[1] == "error") {
      c.kind = Case::Kind::kError;
    } else {
      error(i, "expected setup, param, option, skip, query, statement ok or statement error; got \"" + t + "\"");
      continue;
    }
    // The statement: up to "----" (or a blank line for `statement ok`).
    size_t j = i + 1;
    std::string stmt;
    bool separator = false;
    for (; j < lines.size(); ++j) {
      if (lines[j] == "----") {
        separator = true;
        break;
      }
      if (Trim(lines[j]).empty()) break;
      stmt += (stmt.empty() ? "" : "\n") + lines[j];
    }
    if (stmt.empty()) error(i, "the case has no statement");
    c.statement = stmt;
    if (c.kind != Case::Kind::kOk && !separator) error(i, "the case needs a ---- line after its statement");
    if (separator) {
      for (++j; j < lines.size() && !lines[j].empty(); ++j) c.expected.push_back(lines[j]);
    }
    i = j;
    Step s;
    s.line = c.line;
    s.test = std::move(c);
    out.steps.push_back(std::move(s));
  }
  if (has_pending) out.errors.emplace_back(static_cast<int>(lines.size()), "directives at the end of the file apply to no case");
  return out;
}

// ---- running ------------------------------------------------------------------

std::string Block(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class QueryFile : public ::testing::TestWithParam<std::string> {};

TEST_P(QueryFile, Run) {
  const std::string dir = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/queries/";
  const std::string path = dir + GetParam() + ".test";
  std::ifstream probe(path);
  ASSERT_TRUE(probe.good()) << "cannot read " << path;
  Parsed parsed = ParseTestFile(ReadFile(path));
  for (const auto& [line, e] : parsed.errors) ADD_FAILURE_AT(path.c_str(), line) << GetParam() << ".test:" << line << ": " << e;
  ASSERT_TRUE(parsed.errors.empty());

  testing::TempDir tmp;
  Options options;
  auto opened = Database::Open(options, tmp.Sub("db"));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  std::unique_ptr<Database> db = std::move(opened).value();

  int run = 0, failed = 0, skipped = 0;
  for (const Step& step : parsed.steps) {
    if (!step.test) {
      for (const auto& f : step.setup) {
        std::string fixture = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/" + f;
        ImportStats stats;
        Status s = db->Import(fixture, ImportOptions(), &stats);
        ASSERT_TRUE(s.ok()) << path << ":" << step.line << ": importing " << fixture << ": " << s.ToString();
      }
      continue;
    }
    const Case& c = *step.test;
    if (!c.skip.empty()) {
      ++skipped;
      continue;
    }
    ++run;
    std::vector<std::string> actual;
    Status status;
    bool empty_plan = false;
    {
      auto cursor = db->Query(c.statement, c.params, c.options);
      if (!cursor.ok()) {
        status = cursor.status();
      } else {
        if (c.header) {
          std::string h;
          for (size_t k = 0; k < (*cursor)->columns().size(); ++k) h += (k ? "|" : "") + (*cursor)->columns()[k];
          actual.push_back(h);
        }
        Row row;
        while ((*cursor)->Next(&row)) actual.push_back(RenderRow(row));
        status = (*cursor)->status();
        // EXPLAIN and PROFILE must also describe the plan.
        empty_plan = ((*cursor)->is_explain() || (*cursor)->is_profile()) && (*cursor)->plan().name.empty();
      }
    }
    std::string problem;
    std::vector<std::string> got;
    if (c.kind == Case::Kind::kError) {
      if (status.ok()) {
        problem = "expected an error, but the statement succeeded";
        got = actual;
      } else {
        std::istringstream in(status.ToString());
        for (std::string l; std::getline(in, l);) got.push_back(l);
        if (got != c.expected) problem = "wrong error message";
      }
    } else if (!status.ok()) {
      problem = "unexpected error";
      std::istringstream in(status.ToString());
      for (std::string l; std::getline(in, l);) got.push_back(l);
    } else if (empty_plan) {
      problem = "EXPLAIN/PROFILE returned no plan";
    } else if (c.kind == Case::Kind::kQuery) {
      got = actual;
      std::vector<std::string> want = c.expected;
      if (c.sorted) {
        size_t from = c.header ? 1 : 0;
        std::sort(want.begin() + static_cast<long>(std::min(from, want.size())), want.end());
        std::sort(got.begin() + static_cast<long>(std::min(from, got.size())), got.end());
      }
      if (got != want) problem = "wrong result";
    }
    if (!problem.empty()) {
      ++failed;
      ADD_FAILURE_AT(path.c_str(), c.line) << GetParam() << ".test:" << c.line << ": " << problem << "\n"
                                           << c.statement << "\n----- expected\n"
                                           << Block(c.expected) << "----- actual\n"
                                           << Block(got);
    }
  }
  std::printf("%s.test: %d cases run, %d failed, %d skipped\n", GetParam().c_str(), run, failed, skipped);
}

std::vector<std::string> TestFiles() {
  // NEWSGRAPH_QUERY_TEST_FILES is set by CMake from the *.test files (a
  // configure-time glob, so a new file re-runs CMake and test discovery).
  std::vector<std::string> out;
  std::string list = NEWSGRAPH_QUERY_TEST_FILES;
  size_t b = 0;
  while (b <= list.size()) {
    size_t e = list.find(',', b);
    if (e == std::string::npos) e = list.size();
    std::string name = list.substr(b, e - b);
    if (!name.empty()) out.push_back(name);
    b = e + 1;
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(queries, QueryFile, ::testing::ValuesIn(TestFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (char& c : n) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace newsgraph
