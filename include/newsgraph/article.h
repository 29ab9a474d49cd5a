// Articles and the readers that turn files into them.
//
//   newsgraph::ReadOptions options;
//   newsgraph::ReadStats stats;
//   auto s = newsgraph::ReadArticles({"news/"}, options,
//       [&](newsgraph::Article&& a) { return Handle(a); },
//       [&](const std::string& problem) { std::cerr << problem << "\n"; }, &stats);
//
// A reader takes plain-text pages (title line, publication-date line, body;
// a page that holds several articles is split), JSON arrays and JSON Lines
// with a mapping of field names, directories (recursively) and stdin ("-").
// A broken input (invalid UTF-8, a binary file, malformed JSON, an empty or
// over-long article) is reported through the `skipped` callback with its file
// and position and skipped; the run goes on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "newsgraph/status.h"

namespace newsgraph {

// One news article as read from its input. Strings are UTF-8.
struct Article {
  // Where the article came from: "PATH:LINE" for JSON Lines (1-based line),
  // "PATH:INDEX" for JSON arrays (0-based index), "PATH" otherwise ("-" is
  // stdin). A page split into several articles gives each the same input
  // and a distinct `part`.
  std::string input;
  // 0-based position of the article within a split page; 0 otherwise.
  int part = 0;
  // The record's own id field, when it has one; empty otherwise.
  std::string id;
  std::string title;
  // Publication date as "YYYY-MM-DD"; empty when the input gives none we can
  // read.
  std::string date;
  std::string source;
  std::string url;
  // ISO 639-1 code: given by the record, or guessed from the script of the
  // text ("ar" when Arabic letters dominate, else "en").
  std::string lang;
  // The body, with metadata and noise lines (source, keywords, bare URLs,
  // "read also" blocks) removed. Mention offsets point into this string.
  std::string text;
  std::vector<std::string> keywords;

  // The article key: 16 hex digits of a hash of the matching form of title
  // and text, so that the same article read twice has the same key.
  std::string Key() const;
};

// Field names of JSON records: the first name present in a record is used.
struct FieldMap {
  std::vector<std::string> id{"id", "_id", "article_id", "uuid"};
  std::vector<std::string> title{"title", "headline"};
  std::vector<std::string> text{"content", "text", "body", "article", "maintext"};
  std::vector<std::string> date{"date", "published", "date_published", "publish_date",
                                "pubdate", "date_extracted", "date_publish", "datetime"};
  std::vector<std::string> source{"source", "source_domain", "publisher", "site"};
  std::vector<std::string> url{"url", "link"};
  std::vector<std::string> lang{"lang", "language"};
};

struct ReadOptions {
  enum class Format { kAuto, kText, kJson, kJsonLines };
  // kAuto decides by extension (.txt, .json, .jsonl/.ndjson) and, for stdin
  // or other extensions, by the first non-blank byte (`[` array, `{` lines).
  // Default: kAuto
  Format format = Format::kAuto;

  // Field names for JSON and JSON Lines records. The default reads the
  // SaudiNewsNet shape (title, content, date_extracted, source, url).
  // Default: see FieldMap
  FieldMap fields;

  // Articles whose text is longer are skipped with a message.
  // Default: 4 MiB
  size_t max_article_bytes = size_t{4} << 20;

  // Files larger than this are skipped with a message (they are read whole).
  // Default: 2 GiB
  size_t max_file_bytes = size_t{2} << 30;

  // Split plain-text pages that hold several articles ("اقرأ أيضاً",
  // "Read also" followed by a new article).
  // Default: true
  bool split_pages = true;

  // In directories, read only files with these extensions (lowercase, with
  // the dot). Files named explicitly are read whatever their extension.
  // Default: .txt .json .jsonl .ndjson
  std::vector<std::string> extensions{".txt", ".json", ".jsonl", ".ndjson"};
};

struct ReadStats {
  uint64_t files = 0;
  uint64_t articles = 0;  // handed to the sink
  uint64_t skipped = 0;   // articles or files skipped, each with a message
  uint64_t bytes = 0;     // bytes of input read
};

// Receives each article. A non-OK status stops the read and is returned.
using ArticleSink = std::function<Status(Article&&)>;
// Receives "PATH[:LINE|:INDEX]: what is wrong; skipped" for each skipped input.
using SkipCallback = std::function<void(const std::string&)>;

// Reads every path in order ("-" is stdin; directories recursively, in
// sorted order). Fails only when the sink fails; unreadable or broken inputs
// are reported to `skipped` (may be empty) and counted in *stats (may be null).
Status ReadArticles(const std::vector<std::string>& paths, const ReadOptions& options,
                    const ArticleSink& sink, const SkipCallback& skipped, ReadStats* stats);

// Parses one plain-text page held in memory (as read from `input`) into its
// articles, in order.
std::vector<Article> ParseTextPage(const std::string& input, const std::string& page,
                                   const ReadOptions& options);

// Reads a date as news pages write it: ISO ("2023-08-22", "2023/08/22"),
// day-first numeric ("22/08/2023"), English ("22nd, August 2023",
// "August 22, 2023", "Tue, 22 Aug 2023") and Arabic (month names of the
// Levantine and Egyptian/Western series and the Maghreb, Arabic-Indic digits:
// "٢٢ آب ٢٠٢٣", "22 أغسطس 2023"). Returns "YYYY-MM-DD", or "" when no valid
// date is found.
std::string ParseNewsDate(const std::string& text);

}  // namespace newsgraph
