// Plain-text news pages: a title line, a publication-date line, the body.
// Scraped pages carry metadata lines (source, keywords), bare URLs and "read
// also" blocks (a marker and one linked headline) inside or after the body;
// they are taken out of the text. A marker followed by a whole article (the
// first article already closed by its source or keyword line, or a headline
// followed by a date or dateline) starts a new article.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader/reader.h"
#include "text/fold.h"

namespace newsgraph {

namespace {

struct Line {
  std::string_view raw;  // trimmed
  std::string folded;
};

std::string_view TrimView(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Folded markers (text::Fold of "اقرأ أيضاً", "إقرأ أيضاً:", "Read also"…).
const char* const kReadAlso[] = {"اقرا ايضا", "اقرا كذلك", "اقرا المزيد", "read also",
                                 "also read", "read more:", "اقرا ايضًا"};
const char* const kDatePrefixes[] = {"تاريخ النشر", "نشر في", "نشر بتاريخ", "بتاريخ",
                                     "تاريخ", "published", "date:", "posted", "updated"};
const char* const kSourcePrefixes[] = {"المصدر", "source"};
const char* const kKeywordPrefixes[] = {"كلمات دلاليه", "الكلمات الدلاليه", "كلمات مفتاحيه",
                                        "الكلمات المفتاحيه", "وسوم", "keywords", "tags:"};

// Byte offset of a read-also marker in the folded line, or npos.
size_t FindReadAlso(const std::string& folded) {
  for (const char* m : kReadAlso) {
    size_t p = folded.find(m);
    if (p != std::string::npos) return p;
  }
  return std::string::npos;
}

bool IsUrl(std::string_view s) {
  return StartsWith(s, "http://") || StartsWith(s, "https://") || StartsWith(s, "www.");
}

// The value after "label:" or "label |": the text after the last separator
// (pages repeat the label: "المصدر | X + متابعاتالمصدر: X").
std::string ValueAfterLabel(std::string_view raw) {
  size_t cut = raw.find_last_of(":|");
  if (cut == std::string_view::npos) return "";
  return std::string(TrimView(raw.substr(cut + 1)));
}

bool IsDateLine(const Line& l) {
  if (l.raw.size() > 120) return false;
  for (const char* p : kDatePrefixes) {
    if (StartsWith(l.folded, p)) return !ParseNewsDate(std::string(l.raw)).empty();
  }
  return false;
}

bool IsSourceLine(const Line& l) {
  if (l.raw.size() > 200) return false;
  for (const char* p : kSourcePrefixes) {
    if (!StartsWith(l.folded, p)) continue;
    std::string_view rest = std::string_view(l.folded).substr(std::string_view(p).size());
    rest = TrimView(rest);
    if (!rest.empty() && (rest[0] == ':' || rest[0] == '|' || rest[0] == '/')) return true;
  }
  return false;
}

bool IsKeywordLine(const Line& l) {
  for (const char* p : kKeywordPrefixes) {
    if (StartsWith(l.folded, p) && l.folded.find(':') != std::string::npos) return true;
  }
  return false;
}

// A dateline that names the source right under the title: "الثورة نت/..",
// "عدن/ خاص:" is not one (it has text after the slash).
bool IsDateline(const Line& l, std::string* source) {
  if (l.raw.size() > 60) return false;
  std::string_view s = l.raw;
  while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == ':')) s.remove_suffix(1);
  if (s.empty() || s.back() != '/') return false;
  s.remove_suffix(1);
  s = TrimView(s);
  if (s.empty()) return false;
  *source = std::string(s);
  return true;
}

std::vector<std::string> SplitKeywords(const std::string& value) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string_view t = TrimView(cur);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == ',' || value[i] == ';' || value[i] == '|') {
      flush();
    } else if (value.compare(i, 2, "\xD8\x8C") == 0) {  // Arabic comma
      flush();
      ++i;
    } else {
      cur.push_back(value[i]);
    }
  }
  flush();
  return out;
}

class PageParser {
 public:
  PageParser(const std::string& input, const ReadOptions& options)
      : input_(input), options_(options) {}

  std::vector<Article> Parse(std::string_view page) {
    if (StartsWith(page, "\xEF\xBB\xBF")) page.remove_prefix(3);
    size_t pos = 0;
    while (pos <= page.size()) {
      size_t nl = page.find('\n', pos);
      size_t end = nl == std::string_view::npos ? page.size() : nl;
      Line l{TrimView(page.substr(pos, end - pos)), ""};
      l.folded = text::Fold(l.raw);
      lines_.push_back(std::move(l));
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
    Start();
    for (size_t i = 0; i < lines_.size(); ++i) i = Take(i);
    Finish();
    return std::move(done_);
  }

 private:
  void Start() {
    cur_ = Article();
    cur_.input = input_;
    cur_.part = static_cast<int>(done_.size());
    has_title_ = false;
    closed_ = false;
    pending_break_ = false;
  }

  void Finish() {
    if (has_title_ || !cur_.text.empty()) done_.push_back(std::move(cur_));
  }

  size_t NextNonEmpty(size_t i) const {
    while (i < lines_.size() && lines_[i].raw.empty()) ++i;
    return i;
  }

  // Handles a read-also marker found on line i; returns the last line used.
  size_t ReadAlso(size_t i) {
    size_t headline = NextNonEmpty(i + 1);
    if (headline >= lines_.size()) return i;
    size_t after = NextNonEmpty(headline + 1);
    std::string source;
    bool article_follows =
        after < lines_.size() && (IsDateLine(lines_[after]) || IsDateline(lines_[after], &source));
    if (options_.split_pages && (closed_ || article_follows) && has_title_) {
      Finish();
      Start();
      return i;  // the headline becomes the next article's title
    }
    return headline;  // a linked headline inside the article: noise
  }

  void AddBody(std::string_view text) {
    text = TrimView(text);
    if (text.empty()) return;
    if (!cur_.text.empty()) cur_.text += pending_break_ ? "\n\n" : "\n";
    pending_break_ = false;
    cur_.text.append(text);
  }

  size_t Take(size_t i) {
    const Line& l = lines_[i];
    if (l.raw.empty()) {
      pending_break_ = !cur_.text.empty();
      return i;
    }
    if (FindReadAlso(l.folded) != std::string::npos) {
      // Text before a marker glued to it (a URL, the end of a sentence) is
      // handled as a line of its own.
      std::string_view raw = l.raw;
      size_t raw_cut = std::string_view::npos;
      for (std::string_view m : {"اقرأ", "إقرأ", "اقرا", "إقرا", "Read also", "read also",
                                 "Also read", "Read more", "READ ALSO"}) {
        raw_cut = std::min(raw_cut, raw.find(m));
      }
      if (raw_cut != std::string_view::npos && raw_cut > 0) TakeContent(raw.substr(0, raw_cut));
      return ReadAlso(i);
    }
    if (!has_title_) {
      cur_.title = std::string(l.raw);
      has_title_ = true;
      return i;
    }
    std::string source;
    if (cur_.text.empty() && IsDateLine(l)) {
      if (cur_.date.empty()) cur_.date = ParseNewsDate(std::string(l.raw));
    } else if (IsSourceLine(l)) {
      std::string v = ValueAfterLabel(l.raw);
      if (!v.empty()) cur_.source = v;
      closed_ = true;
    } else if (IsKeywordLine(l)) {
      for (auto& k : SplitKeywords(ValueAfterLabel(l.raw))) cur_.keywords.push_back(std::move(k));
      closed_ = true;
    } else if (cur_.text.empty() && IsDateline(l, &source)) {
      if (cur_.source.empty()) cur_.source = source;
    } else {
      TakeContent(l.raw);
    }
    return i;
  }

  // A line of content that may hold bare URLs: they go to `url`, the rest
  // to the body.
  void TakeContent(std::string_view raw) {
    raw = TrimView(raw);
    while (!raw.empty()) {
      size_t start = std::string_view::npos;
      for (std::string_view p : {"http://", "https://"}) {
        size_t f = raw.find(p);
        if (f < start) start = f;
      }
      if (start == std::string_view::npos) break;
      AddBody(raw.substr(0, start));
      size_t end = raw.find_first_of(" \t", start);
      if (end == std::string_view::npos) end = raw.size();
      if (cur_.url.empty()) cur_.url = std::string(raw.substr(start, end - start));
      raw = TrimView(raw.substr(end));
    }
    if (IsUrl(raw)) return;
    AddBody(raw);
  }

  const std::string& input_;
  const ReadOptions& options_;
  std::vector<Line> lines_;
  std::vector<Article> done_;
  Article cur_;
  bool has_title_ = false;
  bool closed_ = false;  // a source or keyword line ended the article
  bool pending_break_ = false;
};

}  // namespace

std::vector<Article> ParseTextPage(const std::string& input, const std::string& page,
                                   const ReadOptions& options) {
  return PageParser(input, options).Parse(page);
}

namespace ingest {

Status ReadTextPage(const std::string& path, std::string_view data, ReadContext& ctx) {
  std::vector<Article> articles = PageParser(path, ctx.options).Parse(data);
  if (articles.empty()) {
    ctx.Skip(path + ": empty file; skipped");
    return Status::OK();
  }
  for (auto& a : articles) {
    std::string where = path;
    if (articles.size() > 1) where += " (article " + std::to_string(a.part + 1) + " of the page)";
    NG_RETURN_IF_ERROR(Deliver(std::move(a), where, ctx));
  }
  return Status::OK();
}

}  // namespace ingest

}  // namespace newsgraph
