// Publication dates as news pages write them (see ParseNewsDate in
// include/newsgraph/article.h).
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/date.h"
#include "newsgraph/article.h"
#include "text/fold.h"

namespace newsgraph {

namespace {

struct Piece {
  std::string text;
  bool digits = false;
  char sep_after = 0;  // the separator right after the piece ('-', '/', '.'), 0 otherwise
};

// Runs of letters and runs of ASCII digits of the matching form; "22nd" gives
// "22" and "nd".
std::vector<Piece> Pieces(const std::string& folded) {
  std::vector<Piece> out;
  size_t i = 0;
  while (i < folded.size()) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    bool digit = c >= '0' && c <= '9';
    bool letter = (c >= 'a' && c <= 'z') || c >= 0x80;
    if (!digit && !letter) {
      if (!out.empty() && out.back().sep_after == 0 && (c == '-' || c == '/' || c == '.')) {
        out.back().sep_after = static_cast<char>(c);
      } else if (!out.empty() && c != ' ') {
        out.back().sep_after = out.back().sep_after ? out.back().sep_after : ',';
      }
      ++i;
      continue;
    }
    size_t j = i;
    while (j < folded.size()) {
      unsigned char d = static_cast<unsigned char>(folded[j]);
      bool dd = d >= '0' && d <= '9';
      bool dl = (d >= 'a' && d <= 'z') || d >= 0x80;
      if (digit ? !dd : !dl) break;
      ++j;
    }
    out.push_back(Piece{folded.substr(i, j - i), digit, 0});
    i = j;
  }
  return out;
}

// Month of one folded word, 0 when it is not a month name. Levantine names
// that take two words (كانون الثاني, تشرين الاول) are resolved by the caller.
int MonthOf(std::string_view w) {
  static const struct {
    const char* name;
    int month;
  } kMonths[] = {
      {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
      {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7},
      {"august", 8}, {"aug", 8}, {"september", 9}, {"sep", 9}, {"sept", 9}, {"october", 10},
      {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
      // Egyptian / Western series
      {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"ابريل", 4}, {"ابريل", 4}, {"مايو", 5},
      {"يونيو", 6}, {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"اغسطس", 8}, {"سبتمبر", 9},
      {"اكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
      // Levantine series
      {"شباط", 2}, {"اذار", 3}, {"نيسان", 4}, {"ايار", 5}, {"حزيران", 6}, {"تموز", 7},
      {"اب", 8}, {"ايلول", 9},
      // Maghreb series
      {"جانفي", 1}, {"فيفري", 2}, {"افريل", 4}, {"ماي", 5}, {"جوان", 6}, {"جويليه", 7},
      {"اوت", 8},
  };
  for (const auto& m : kMonths) {
    if (w == m.name) return m.month;
  }
  return 0;
}

int ToInt(const std::string& s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string Valid(int y, int m, int d) {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return graph::ParseIsoDate(buf) ? std::string(buf) : std::string();
}

// Three numbers joined by - / or . : y-m-d, or d-m-y (m-d-y when the middle
// one cannot be a month).
std::string NumericDate(const std::vector<Piece>& p) {
  for (size_t i = 0; i + 2 < p.size(); ++i) {
    if (!p[i].digits || !p[i + 1].digits || !p[i + 2].digits) continue;
    char s1 = p[i].sep_after, s2 = p[i + 1].sep_after;
    if (s1 == 0 || s1 != s2 || s1 == ',') continue;
    int a = ToInt(p[i].text), b = ToInt(p[i + 1].text), c = ToInt(p[i + 2].text);
    if (p[i].text.size() == 4) {
      std::string r = Valid(a, b, c);
      if (!r.empty()) return r;
    } else if (p[i + 2].text.size() == 4) {
      std::string r = b > 12 ? Valid(c, a, b) : Valid(c, b, a);
      if (!r.empty()) return r;
    }
  }
  return "";
}

std::string NamedMonthDate(const std::vector<Piece>& p) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i].digits) continue;
    int month = MonthOf(p[i].text);
    size_t last = i;  // last piece of the month name
    if (month == 0 && (p[i].text == "كانون" || p[i].text == "تشرين") && i + 1 < p.size()) {
      const std::string& next = p[i + 1].text;
      bool first = next == "الاول" || next == "اول";
      bool second = next == "الثاني" || next == "ثاني";
      if (first || second) {
        month = p[i].text == "كانون" ? (first ? 12 : 1) : (first ? 10 : 11);
        last = i + 1;
      }
    }
    if (month == 0) continue;
    int year = -1, day = -1;
    // The year is the nearest four-digit number; the day the nearest one- or
    // two-digit number, preferably before the month ("22 August 2023").
    for (size_t d = 1; d <= 4 && year < 0; ++d) {
      if (last + d < p.size() && p[last + d].digits && p[last + d].text.size() == 4) {
        year = ToInt(p[last + d].text);
      } else if (i >= d && p[i - d].digits && p[i - d].text.size() == 4) {
        year = ToInt(p[i - d].text);
      }
    }
    for (size_t d = 1; d <= 3 && day < 0; ++d) {
      if (i >= d && p[i - d].digits && p[i - d].text.size() <= 2) {
        day = ToInt(p[i - d].text);
      } else if (last + d < p.size() && p[last + d].digits && p[last + d].text.size() <= 2) {
        day = ToInt(p[last + d].text);
      }
    }
    if (year > 0 && day > 0) {
      std::string r = Valid(year, month, day);
      if (!r.empty()) return r;
    }
  }
  return "";
}

}  // namespace

std::string ParseNewsDate(const std::string& raw) {
  std::string folded = text::Fold(raw);
  std::vector<Piece> pieces = Pieces(folded);
  std::string r = NumericDate(pieces);
  if (r.empty()) r = NamedMonthDate(pieces);
  return r;
}

}  // namespace newsgraph
