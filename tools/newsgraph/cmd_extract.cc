// `newsgraph extract`: what ingest would store, as JSON Lines, without a
// database.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

#include "newsgraph/article.h"
#include "newsgraph/extract.h"
#include "tools/newsgraph/cli.h"
#include "tools/newsgraph/commands.h"

namespace newsgraph::cli {

namespace {

const CommandSpec kExtract{
    "extract", "extract [options] PATH…",
    "Reads articles (plain-text pages, JSON arrays, JSON Lines, folders, - for stdin) and\n"
    "prints what ingest would store, one JSON object a line: an \"article\" record, then\n"
    "one \"entity\" record per mention and one \"fact\" record per fact (start/end are\n"
    "UTF-8 byte offsets into the article text; \"in\":\"title\" marks the title). Inputs\n"
    "that cannot be read are reported on stderr and skipped.",
    {{"lexicon", "DIR", "add a lexicon folder (repeatable)", true},
     {"no-builtin-lexicon", "", "do not load the built-in lexicon"},
     {"no-provisional", "", "report only entities of the lexicons"},
     {"format", "FMT", "auto (default), text, json or jsonl"},
     {"field", "NAME=KEY", "JSON field for NAME (id, title, text, date, source, url, lang); "
                           "repeatable", true},
     {"max-article-bytes", "N", "skip longer articles (default 4194304)"},
     {"no-split", "", "do not split pages that hold several articles"},
     {"threads", "N", "extraction threads (default 1)"},
     {"stats", "", "print counts and throughput on stderr at the end"},
     {"quiet", "", "do not report skipped inputs"},
     DbOption()}};

int RunExtract(int argc, char** argv);
const Registration kExtractReg("extract", RunExtract,
                               "print the entities and facts ingest would find, as JSON Lines", 15);

void AppendJson(std::string* out, std::string_view s) {
  out->push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

void Field(std::string* out, const char* name, std::string_view value) {
  *out += ",\"";
  *out += name;
  *out += "\":";
  AppendJson(out, value);
}

void Number(std::string* out, const char* name, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, ",\"%s\":%.15g", name, value);
  *out += buf;
}

void Render(const Article& a, const Extraction& x, std::string* out) {
  *out += "{\"kind\":\"article\"";
  Field(out, "article", x.article_key);
  Field(out, "input", a.input);
  if (a.part > 0) Number(out, "part", a.part);
  if (!a.id.empty()) Field(out, "id", a.id);
  Field(out, "title", a.title);
  if (!a.date.empty()) Field(out, "date", a.date);
  if (!a.source.empty()) Field(out, "source", a.source);
  if (!a.url.empty()) Field(out, "url", a.url);
  Field(out, "lang", a.lang);
  Number(out, "bytes", static_cast<double>(a.text.size()));
  *out += "}\n";
  for (const auto& m : x.mentions) {
    *out += "{\"kind\":\"entity\"";
    Field(out, "article", x.article_key);
    Field(out, "input", a.input);
    if (!a.id.empty()) Field(out, "id", a.id);
    Field(out, "text", m.text);
    Number(out, "start", static_cast<double>(m.start));
    Number(out, "end", static_cast<double>(m.end));
    if (m.in_title) Field(out, "in", "title");
    Number(out, "sentence", m.sentence);
    Field(out, "type", m.entity.type);
    Field(out, "key", m.entity.key);
    Field(out, "label", m.entity.label);
    if (m.entity.provisional) {
      *out += ",\"provisional\":true";
      Field(out, "fuzzy_key", m.entity.fuzzy_key);
    }
    if (!m.role.empty()) Field(out, "role", m.role);
    Field(out, "rule", m.rule);
    Number(out, "confidence", m.confidence);
    *out += "}\n";
  }
  auto entity = [&](const char* name, const EntityRef& e) {
    *out += ",\"";
    *out += name;
    *out += "\":{\"key\":";
    AppendJson(out, e.key);
    Field(out, "label", e.label);
    Field(out, "type", e.type);
    *out += "}";
  };
  for (const auto& f : x.facts) {
    *out += "{\"kind\":\"fact\"";
    Field(out, "article", x.article_key);
    Field(out, "input", a.input);
    entity("subject", f.subject);
    Field(out, "predicate", f.predicate);
    if (f.literal()) {
      *out += ",\"object\":{\"value\":";
      AppendJson(out, f.object.label);
      Field(out, "lang", f.literal_lang);
      *out += "}";
    } else {
      entity("object", f.object);
    }
    if (f.in_title) Field(out, "in", "title");
    Number(out, "sentence", f.sentence);
    Number(out, "start", static_cast<double>(f.start));
    Number(out, "end", static_cast<double>(f.end));
    Field(out, "rule", f.rule);
    Number(out, "confidence", f.confidence);
    if (!f.date.empty()) Field(out, "date", f.date);
    if (f.negated) *out += ",\"negated\":true";
    if (!f.attributed_to.key.empty()) entity("attributed_to", f.attributed_to);
    if (f.count >= 0) Number(out, "count", static_cast<double>(f.count));
    if (!f.place.key.empty()) entity("place", f.place);
    const std::string& field = f.in_title ? a.title : a.text;
    if (f.end <= field.size() && f.start < f.end) Field(out, "text", field.substr(f.start, f.end - f.start));
    Field(out, "evidence", f.evidence);
    *out += "}\n";
  }
}

bool ParseFieldOption(const std::string& spec, FieldMap* fields) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos) return false;
  std::string name = spec.substr(0, eq), key = spec.substr(eq + 1);
  std::vector<std::string>* target = nullptr;
  if (name == "id") target = &fields->id;
  else if (name == "title") target = &fields->title;
  else if (name == "text") target = &fields->text;
  else if (name == "date") target = &fields->date;
  else if (name == "source") target = &fields->source;
  else if (name == "url") target = &fields->url;
  else if (name == "lang") target = &fields->lang;
  if (!target || key.empty()) return false;
  target->insert(target->begin(), key);
  return true;
}

// Extracts a batch of articles on `threads` threads; results keep the order.
Status ExtractBatch(const Extractor& ex, const std::vector<Article>& batch, int threads,
                    std::vector<std::string>* rendered) {
  rendered->assign(batch.size(), std::string());
  std::atomic<size_t> next{0};
  std::vector<Status> errors(batch.size());
  auto work = [&] {
    for (size_t i = next++; i < batch.size(); i = next++) {
      auto r = ex.Extract(batch[i]);
      if (!r.ok()) {
        errors[i] = r.status().WithContext(batch[i].input);
        continue;
      }
      Render(batch[i], *r, &(*rendered)[i]);
    }
  };
  if (threads <= 1 || batch.size() < 2) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  // One article that fails is reported; the others go on.
  for (const auto& e : errors) {
    if (!e.ok()) std::cerr << "newsgraph extract: " << e.message() << "; skipped\n";
  }
  return Status::OK();
}

int RunExtract(int argc, char** argv) {
  Args args;
  if (!args.Parse(kExtract, argc, argv)) return 2;
  if (args.help()) {
    PrintHelp(kExtract);
    return 0;
  }
  if (args.positional().empty()) return Fail("extract: name at least one PATH (- for stdin)");
  ReadOptions read;
  std::string format = args.Get("format", "auto");
  if (format == "text") read.format = ReadOptions::Format::kText;
  else if (format == "json") read.format = ReadOptions::Format::kJson;
  else if (format == "jsonl") read.format = ReadOptions::Format::kJsonLines;
  else if (format != "auto") return Fail("extract: unknown --format " + format);
  for (const auto& f : args.GetAll("field")) {
    if (!ParseFieldOption(f, &read.fields)) return Fail("extract: bad --field " + f);
  }
  if (args.Has("max-article-bytes")) read.max_article_bytes = std::stoull(args.Get("max-article-bytes"));
  read.split_pages = !args.Has("no-split");
  int threads = std::max(1, std::stoi(args.Get("threads", "1")));

  ExtractorOptions xopts;
  xopts.lexicon_dirs = args.GetAll("lexicon");
  xopts.builtin_lexicon = !args.Has("no-builtin-lexicon");
  xopts.provisional_entities = !args.Has("no-provisional");
  auto ex = Extractor::Create(xopts);
  if (!ex.ok()) return Fail(ex.status());

  int64_t t0 = NowMs();
  uint64_t text_bytes = 0, mentions_out = 0;
  std::vector<Article> batch;
  std::vector<std::string> rendered;
  bool quiet = args.Has("quiet");
  auto flush = [&]() -> Status {
    NG_RETURN_IF_ERROR(ExtractBatch(**ex, batch, threads, &rendered));
    for (const auto& r : rendered) {
      std::fwrite(r.data(), 1, r.size(), stdout);
      mentions_out += static_cast<uint64_t>(std::count(r.begin(), r.end(), '\n'));
    }
    batch.clear();
    return Status::OK();
  };
  ReadStats stats;
  Status s = ReadArticles(
      args.positional(), read,
      [&](Article&& a) -> Status {
        text_bytes += a.text.size() + a.title.size();
        batch.push_back(std::move(a));
        if (batch.size() >= static_cast<size_t>(64 * threads)) return flush();
        return Status::OK();
      },
      [&](const std::string& problem) {
        if (!quiet) std::cerr << "newsgraph extract: " << problem << "\n";
      },
      &stats);
  if (s.ok()) s = flush();
  std::fflush(stdout);
  if (!s.ok()) return Fail(s);
  if (args.Has("stats")) {
    double secs = std::max<int64_t>(1, NowMs() - t0) / 1000.0;
    const LexiconStats& ls = (*ex)->lexicon_stats();
    std::cerr << "lexicon: " << WithCommas(ls.entities) << " entities, " << WithCommas(ls.names)
              << " names, " << ls.titles << " titles, " << ls.patterns << " relation patterns, loaded in "
              << ls.load_seconds << " s\n"
              << "read " << WithCommas(stats.files) << " files, " << WithCommas(stats.articles)
              << " articles (" << WithCommas(stats.skipped) << " skipped), "
              << HumanBytes(text_bytes) << " of text in " << secs << " s: "
              << (text_bytes / 1e6) / secs << " MB/s on " << threads << " thread(s); "
              << WithCommas(mentions_out - stats.articles) << " entity and fact records\n";
  }
  return 0;
}

}  // namespace

}  // namespace newsgraph::cli
