// `newsgraph ingest`: read articles, extract facts, store them.
#include <iostream>

#include "newsgraph/database.h"
#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/commands.h"

namespace newsgraph::cli {

namespace {

const CommandSpec kIngest{
    "ingest", "ingest [options] PATH…",
    "Reads articles (plain-text pages, JSON arrays, JSON Lines, folders, - for stdin), finds\n"
    "their entities and the facts they state, and stores each fact with its evidence: article,\n"
    "sentence, span, rule, confidence, qualifiers. Extraction runs on worker threads; one\n"
    "writer commits batches of articles atomically. An article already stored is skipped, so\n"
    "ingesting again changes nothing. Inputs that cannot be read or extracted are reported\n"
    "and skipped; the rest goes in.",
    {DbOption(),
     {"lexicon", "DIR", "add a lexicon folder (entities, titles, patterns…; repeatable)", true},
     {"threads", "N", "extraction threads (default: the number of cores)"},
     {"batch", "N", "articles per atomic batch (default 64)"},
     {"no-text", "", "do not keep article text (each mention keeps its sentence)"},
     {"negated", "", "also store facts a sentence denies, marked negated"},
     {"no-provisional", "", "keep only entities of the lexicons"},
     {"format", "FMT", "auto (default), text, json or jsonl"},
     {"quiet", "", "do not report skipped inputs"}}};

int RunIngest(int argc, char** argv);
const Registration kIngestReg("ingest", RunIngest, "read articles and store the facts they state", 10);

bool ParseCount(const Args& args, const char* name, long min, long* out) {
  if (!args.Has(name)) return true;
  try {
    *out = std::stol(args.Get(name));
  } catch (...) {
    return false;
  }
  return *out >= min;
}

int RunIngest(int argc, char** argv) {
  Args args;
  if (!args.Parse(kIngest, argc, argv)) return 2;
  if (args.help()) {
    PrintHelp(kIngest);
    return 0;
  }
  if (args.positional().empty()) return Fail("ingest: name at least one PATH (or - for stdin)");
  IngestOptions o;
  o.extractor.lexicon_dirs = args.GetAll("lexicon");
  o.extractor.provisional_entities = !args.Has("no-provisional");
  long threads = 0, batch = 64;
  if (!ParseCount(args, "threads", 1, &threads)) return Fail("ingest: --threads needs a number ≥ 1");
  if (!ParseCount(args, "batch", 1, &batch)) return Fail("ingest: --batch needs a number ≥ 1");
  o.threads = static_cast<int>(threads);
  o.batch_articles = static_cast<size_t>(batch);
  o.store_text = !args.Has("no-text");
  o.store_negated = args.Has("negated");
  if (args.Has("format")) {
    std::string f = args.Get("format");
    if (f == "text") o.read.format = ReadOptions::Format::kText;
    else if (f == "json") o.read.format = ReadOptions::Format::kJson;
    else if (f == "jsonl") o.read.format = ReadOptions::Format::kJsonLines;
    else if (f != "auto") return Fail("ingest: unknown format \"" + f + "\" (auto, text, json, jsonl)");
  }
  auto db = OpenDatabase(args, false);
  if (!db) return 3;
  ProgressBar bar("ingest");
  bool quiet = args.Has("quiet");
  o.progress = [&](const Progress& p) { return bar.Update(p); };
  o.skipped = [&](const std::string& problem) {
    if (quiet) return;
    bar.Done();
    std::cerr << "newsgraph: " << problem << "\n";
  };
  IngestStats st;
  Status s = db->Ingest(args.positional(), o, &st);
  bar.Done();
  double secs = st.seconds > 0 ? st.seconds : 1e-9;
  std::cerr << WithCommas(st.articles) << " articles (" << WithCommas(st.new_articles) << " new, "
            << WithCommas(st.unchanged) << " already stored, " << WithCommas(st.failed)
            << " skipped), " << WithCommas(st.facts_extracted) << " fact mentions: "
            << WithCommas(st.new_facts) << " new facts, " << WithCommas(st.new_entities)
            << " new entities; " << HumanBytes(st.bytes) << " in " << (static_cast<double>(
                   static_cast<int64_t>(st.seconds * 100)) / 100)
            << " s, " << WithCommas(static_cast<uint64_t>(static_cast<double>(st.articles) / secs))
            << " articles/s, " << WithCommas(static_cast<uint64_t>(static_cast<double>(st.facts_extracted) / secs))
            << " facts/s\n";
  if (!s.ok()) return Fail(s);
  return st.failed > 0 && st.articles == 0 ? 1 : 0;
}

}  // namespace

}  // namespace newsgraph::cli
