// The readers behind newsgraph::ReadArticles: one per input format.
#pragma once

#include <string>
#include <string_view>

#include "newsgraph/article.h"
#include "newsgraph/result.h"

namespace newsgraph::ingest {

// What every reader needs: the options, where articles go, where problems go.
struct ReadContext {
  const ReadOptions& options;
  const ArticleSink& sink;
  const SkipCallback& skip;
  ReadStats& stats;

  void Skip(const std::string& message) {
    ++stats.skipped;
    if (skip) skip(message);
  }
};

// Checks an article read from `where` (empty or over-long text is skipped
// with a message), fills in the language, and hands it to the sink.
Status Deliver(Article&& article, const std::string& where, ReadContext& ctx);

// Each reader parses `data`, the whole content of `path`, already checked to
// be text.
Status ReadJsonArray(const std::string& path, std::string_view data, ReadContext& ctx);
Status ReadJsonLines(const std::string& path, std::string_view data, ReadContext& ctx);
Status ReadTextPage(const std::string& path, std::string_view data, ReadContext& ctx);

// "ar" when Arabic letters outnumber Latin ones in the first few KiB, else
// "en" (or "" for text without letters).
std::string GuessLang(std::string_view title, std::string_view text);

}  // namespace newsgraph::ingest
