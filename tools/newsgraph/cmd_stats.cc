#include <iomanip>
#include <iostream>

#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/commands.h"

namespace newsgraph::cli {

namespace {
const CommandSpec kStats{"stats", "stats [--json]",
                         "Counts facts, entities, articles and mentions, per predicate too, and "
                         "the size on disk.",
                         {DbOption(), {"json", "", "print JSON"},
                          {"verbose", "", "also the size of each column family"}}};
const CommandSpec kCheck{"check", "check [--max N]",
                         "Verifies the store: every fact has its three index entries and a "
                         "mention, every mention\nits fact, article and article_facts entry; "
                         "dictionary entries round-trip; counters and\nstatistics match the "
                         "indexes. Exit code 1 when a problem is found.",
                         {DbOption(), {"max", "N", "problems to list (default 100)"},
                          {"repair", "", "rebuild what can be rebuilt from the mentions, then check again"}}};
const CommandSpec kForget{"forget", "forget ARTICLE…",
                          "Removes each article (by its key), its mentions and every fact no "
                          "other article states.",
                          {DbOption()}};
const CommandSpec kCompact{"compact", "compact", "Compacts the store to its smallest size.",
                           {DbOption()}};

}  // namespace
int RunStats(int, char**);
int RunCheck(int, char**);
int RunForget(int, char**);
int RunCompact(int, char**);
namespace {
const Registration kStatsReg("stats", RunStats, "count facts, entities, articles and mentions", 40);
const Registration kCheckReg("check", RunCheck, "verify the store's consistency", 41);
const Registration kForgetReg("forget", RunForget, "remove an article and the facts only it states", 30);
const Registration kCompactReg("compact", RunCompact, "compact the store to its smallest size", 42);

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}
}  // namespace

int RunStats(int argc, char** argv) {
  Args args;
  if (!args.Parse(kStats, argc, argv)) return 2;
  if (args.help()) {
    PrintHelp(kStats);
    return 0;
  }
  auto db = OpenDatabase(args, true);
  if (!db) return 3;
  auto st = db->Stats();
  if (!st.ok()) return Fail(st.status());
  if (args.Has("json")) {
    std::cout << "{\"facts\":" << st->facts << ",\"entities\":" << st->entities
              << ",\"articles\":" << st->articles << ",\"mentions\":" << st->mentions
              << ",\"disk_bytes\":" << st->disk_bytes << ",\"column_families\":{";
    for (size_t i = 0; i < st->column_families.size(); ++i) {
      std::cout << (i ? "," : "") << JsonString(st->column_families[i].first) << ":"
                << st->column_families[i].second;
    }
    std::cout << "},\"predicates\":[";
    for (size_t i = 0; i < st->predicates.size(); ++i) {
      const auto& p = st->predicates[i];
      std::cout << (i ? "," : "") << "{\"name\":" << JsonString(p.name) << ",\"facts\":" << p.facts
                << ",\"mentions\":" << p.mentions << ",\"subjects\":" << p.subjects
                << ",\"objects\":" << p.objects << "}";
    }
    std::cout << "]}\n";
    return 0;
  }
  std::cout << "database   " << db->path() << "\n"
            << "facts      " << WithCommas(st->facts) << "\n"
            << "entities   " << WithCommas(st->entities) << "\n"
            << "articles   " << WithCommas(st->articles) << "\n"
            << "mentions   " << WithCommas(st->mentions) << "\n"
            << "on disk    " << HumanBytes(st->disk_bytes) << "\n";
  if (args.Has("verbose")) {
    std::cout << "\ncolumn family     bytes\n";
    for (const auto& [name, bytes] : st->column_families) {
      std::cout << std::left << std::setw(16) << name << std::right << std::setw(12) << HumanBytes(bytes) << "\n";
    }
  }
  if (!st->predicates.empty()) {
    std::cout << "\n" << std::left << std::setw(24) << "predicate" << std::right << std::setw(12)
              << "facts" << std::setw(12) << "mentions" << std::setw(12) << "subjects"
              << std::setw(12) << "objects" << "\n";
    for (const auto& p : st->predicates) {
      std::cout << std::left << std::setw(24) << p.name << std::right << std::setw(12)
                << WithCommas(p.facts) << std::setw(12) << WithCommas(p.mentions) << std::setw(12)
                << WithCommas(p.subjects) << std::setw(12) << WithCommas(p.objects) << "\n";
    }
  }
  return 0;
}

int RunCheck(int argc, char** argv) {
  Args args;
  if (!args.Parse(kCheck, argc, argv)) return 2;
  if (args.help()) {
    PrintHelp(kCheck);
    return 0;
  }
  auto db = OpenDatabase(args, !args.Has("repair"));
  if (!db) return 3;
  if (args.Has("repair")) {
    auto r = db->Repair();
    if (!r.ok()) return Fail(r.status());
    std::cout << "repaired: " << *r << "\n";
  }
  size_t max = 100;
  if (args.Has("max")) max = std::stoul(args.Get("max"));
  auto r = db->Check(max);
  if (!r.ok()) return Fail(r.status());
  for (const auto& p : r->problems) std::cout << "problem: " << p << "\n";
  if (r->more_problems) std::cout << "… and " << r->more_problems << " more problems\n";
  std::cout << (r->ok() ? "ok" : "FAILED") << ": " << WithCommas(r->facts) << " facts, "
            << WithCommas(r->mentions) << " mentions, " << WithCommas(r->articles) << " articles, "
            << WithCommas(r->terms) << " terms checked\n";
  return r->ok() ? 0 : 1;
}

int RunForget(int argc, char** argv) {
  Args args;
  if (!args.Parse(kForget, argc, argv)) return 2;
  if (args.help()) {
    PrintHelp(kForget);
    return 0;
  }
  if (args.positional().empty()) return Fail("forget: name at least one ARTICLE");
  auto db = OpenDatabase(args, false);
  if (!db) return 3;
  for (const auto& a : args.positional()) {
    auto r = db->Forget(a);
    if (!r.ok()) return Fail(r.status());
    std::cerr << a << ": removed " << WithCommas(r->mentions_removed) << " mentions and "
              << WithCommas(r->facts_removed) << " facts\n";
  }
  return 0;
}

int RunCompact(int argc, char** argv) {
  Args args;
  if (!args.Parse(kCompact, argc, argv)) return 2;
  if (args.help()) {
    PrintHelp(kCompact);
    return 0;
  }
  auto db = OpenDatabase(args, false);
  if (!db) return 3;
  Status s = db->Compact();
  return s.ok() ? 0 : Fail(s);
}

}  // namespace newsgraph::cli
