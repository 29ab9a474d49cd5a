// newsgraph::ReadArticles: paths, directories and stdin to articles.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "ingest/reader/reader.h"
#include "text/utf8.h"

namespace newsgraph {

namespace fs = std::filesystem;

namespace ingest {

std::string GuessLang(std::string_view title, std::string_view body) {
  size_t arabic = 0, latin = 0;
  auto count = [&](std::string_view s) {
    size_t limit = std::min<size_t>(s.size(), 4096);
    for (size_t i = 0; i < limit;) {
      char32_t c = text::DecodeOne(s, &i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++latin;
      else if (c >= 0x0620 && c <= 0x06FF) ++arabic;
    }
  };
  count(title);
  count(body);
  if (arabic == 0 && latin == 0) return "";
  return arabic >= latin ? "ar" : "en";
}

Status Deliver(Article&& a, const std::string& where, ReadContext& ctx) {
  size_t visible = 0;
  for (char c : a.text) visible += !(c == ' ' || c == '\n' || c == '\t' || c == '\r');
  if (visible == 0) {
    ctx.Skip(where + ": empty article (no text); skipped");
    return Status::OK();
  }
  if (a.text.size() > ctx.options.max_article_bytes) {
    ctx.Skip(where + ": article of " + std::to_string(a.text.size()) +
             " bytes is over the limit of " + std::to_string(ctx.options.max_article_bytes) +
             " bytes; skipped");
    return Status::OK();
  }
  if (a.lang.empty()) a.lang = GuessLang(a.title, a.text);
  ++ctx.stats.articles;
  return ctx.sink(std::move(a));
}

}  // namespace ingest

namespace {

using ingest::ReadContext;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

ReadOptions::Format FormatFor(const std::string& path, std::string_view data,
                              ReadOptions::Format given) {
  if (given != ReadOptions::Format::kAuto) return given;
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".jsonl" || ext == ".ndjson") return ReadOptions::Format::kJsonLines;
  if (ext == ".json") return ReadOptions::Format::kJson;
  if (ext == ".txt") return ReadOptions::Format::kText;
  size_t i = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < data.size() && std::isspace(static_cast<unsigned char>(data[i]))) ++i;
  if (i < data.size() && data[i] == '[') return ReadOptions::Format::kJson;
  if (i < data.size() && data[i] == '{') return ReadOptions::Format::kJsonLines;
  return ReadOptions::Format::kText;
}

Status ReadData(const std::string& path, std::string_view data, ReadContext& ctx) {
  ++ctx.stats.files;
  ctx.stats.bytes += data.size();
  if (text::LooksBinary(data)) {
    ctx.Skip(path + ": looks like a binary file (NUL or control bytes near the start); skipped");
    return Status::OK();
  }
  switch (FormatFor(path, data, ctx.options.format)) {
    case ReadOptions::Format::kJson:
      return ingest::ReadJsonArray(path, data, ctx);
    case ReadOptions::Format::kJsonLines:
      return ingest::ReadJsonLines(path, data, ctx);
    default:
      break;
  }
  size_t bad = text::FindInvalidUtf8(data, true);
  if (bad != std::string_view::npos) {
    ctx.Skip(path + ": invalid UTF-8 at " +
             text::DescribePosition(text::PositionAt(data, bad)) + "; skipped");
    return Status::OK();
  }
  return ingest::ReadTextPage(path, data, ctx);
}

Status ReadFile(const std::string& path, ReadContext& ctx) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    ctx.Skip(path + ": cannot read: " + ec.message() + "; skipped");
    return Status::OK();
  }
  if (size > ctx.options.max_file_bytes) {
    ctx.Skip(path + ": file of " + std::to_string(size) + " bytes is over the limit of " +
             std::to_string(ctx.options.max_file_bytes) + " bytes; skipped");
    return Status::OK();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ctx.Skip(path + ": cannot open; skipped");
    return Status::OK();
  }
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  data.resize(static_cast<size_t>(in.gcount()));
  return ReadData(path, data, ctx);
}

Status ReadDirectory(const std::string& dir, ReadContext& ctx) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied,
                                           ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string ext = Lower(it->path().extension().string());
    const auto& exts = ctx.options.extensions;
    if (std::find(exts.begin(), exts.end(), ext) == exts.end()) continue;
    files.push_back(it->path().string());
  }
  if (ec) ctx.Skip(dir + ": cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) NG_RETURN_IF_ERROR(ReadFile(f, ctx));
  return Status::OK();
}

}  // namespace

Status ReadArticles(const std::vector<std::string>& paths, const ReadOptions& options,
                    const ArticleSink& sink, const SkipCallback& skipped, ReadStats* stats) {
  ReadStats local;
  ReadContext ctx{options, sink, skipped, stats ? *stats : local};
  for (const auto& path : paths) {
    if (path == "-") {
      std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      NG_RETURN_IF_ERROR(ReadData("-", data, ctx));
      continue;
    }
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      ctx.Skip(path + ": no such file or directory; skipped");
      continue;
    }
    if (fs::is_directory(st)) {
      NG_RETURN_IF_ERROR(ReadDirectory(path, ctx));
    } else {
      NG_RETURN_IF_ERROR(ReadFile(path, ctx));
    }
  }
  return Status::OK();
}

}  // namespace newsgraph
