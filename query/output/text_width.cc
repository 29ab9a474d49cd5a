// Terminal widths follow what terminals do rather than what a font does: a
// grapheme cluster takes the width of its base character (combining marks
// ride on it), East Asian wide characters and emoji presentation take two
// columns.
#include "query/output/text_width.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "newsgraph/format.h"

namespace newsgraph::output {

namespace {

bool IsPlainAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F;
  });
}

// Creating a break iterator loads rules; one per thread and kind is reused.
icu::BreakIterator* Iterator(bool line) {
  thread_local std::unique_ptr<icu::BreakIterator> chars, lines;
  auto& it = line ? lines : chars;
  if (!it) {
    UErrorCode err = U_ZERO_ERROR;
    it.reset(line ? icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), err)
                  : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) it.reset();
  }
  return it.get();
}

bool IsBidiControl(UChar32 c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

size_t ClusterWidth(const icu::UnicodeString& u, int32_t start, int32_t end) {
  UChar32 c = u.char32At(start);
  int8_t type = u_charType(c);
  if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_NON_SPACING_MARK ||
      type == U_ENCLOSING_MARK) {
    return 0;
  }
  int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) return 2;
  // A text-style emoji followed by VS16 (U+FE0F) is drawn as a picture.
  if (u_hasBinaryProperty(c, UCHAR_EMOJI) && u.indexOf(static_cast<char16_t>(0xFE0F), start, end - start) >= 0) {
    return 2;
  }
  return 1;
}

template <class Fn>  // Fn(const icu::UnicodeString&, int32_t start, int32_t end)
void ForEachCluster(const icu::UnicodeString& u, Fn fn) {
  icu::BreakIterator* it = Iterator(false);
  if (!it) {
    for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i))) fn(u, i, i + U16_LENGTH(u.char32At(i)));
    return;
  }
  it->setText(u);
  for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    fn(u, start, end);
  }
}

std::string Utf8(const icu::UnicodeString& u, int32_t start, int32_t end) {
  std::string out;
  u.tempSubStringBetween(start, end).toUTF8String(out);
  return out;
}

}  // namespace

std::vector<std::string> Graphemes(std::string_view s) {
  std::vector<std::string> out;
  if (IsPlainAscii(s)) {
    for (char c : s) out.emplace_back(1, c);
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  ForEachCluster(u, [&](const icu::UnicodeString& x, int32_t b, int32_t e) { out.push_back(Utf8(x, b, e)); });
  return out;
}

size_t GraphemeWidth(std::string_view cluster) {
  if (cluster.empty()) return 0;
  if (IsPlainAscii(cluster)) return cluster.size() == 1 ? 1 : cluster.size();
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(cluster.data(), static_cast<int32_t>(cluster.size())));
  return ClusterWidth(u, 0, u.length());
}

Direction FirstStrong(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  int isolates = 0;
  for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i))) {
    UCharDirection d = u_charDirection(u.char32At(i));
    if (d == U_LEFT_TO_RIGHT_ISOLATE || d == U_RIGHT_TO_LEFT_ISOLATE || d == U_FIRST_STRONG_ISOLATE) ++isolates;
    else if (d == U_POP_DIRECTIONAL_ISOLATE && isolates > 0) --isolates;
    else if (isolates > 0) continue;
    else if (d == U_LEFT_TO_RIGHT) return Direction::kLtr;
    else if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return Direction::kRtl;
  }
  return Direction::kNeutral;
}

bool HasRtl(std::string_view s) {
  if (IsPlainAscii(s)) return false;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i))) {
    UCharDirection d = u_charDirection(u.char32At(i));
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return true;
  }
  return false;
}

std::string TerminalSafe(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  bool plain = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20; });
  if (plain && s.find('\x7f') == std::string_view::npos && s.find("\xe2\x80") == std::string_view::npos &&
      s.find("\xe2\x81") == std::string_view::npos && s.find("\xc2") == std::string_view::npos) {
    return std::string(s);
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString r;
  for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i))) {
    UChar32 c = u.char32At(i);
    if (c == '\n') r.append(keep_newlines ? c : UChar32(' '));
    else if (c == '\t' || c == '\r') r.append(UChar32(' '));
    else if (c < 0x20) r.append(UChar32(0x2400 + c));
    else if (c == 0x7F) r.append(UChar32(0x2421));
    else if (c >= 0x80 && c < 0xA0) r.append(UChar32(0xFFFD));
    else if (IsBidiControl(c)) continue;
    else r.append(c);
  }
  r.toUTF8String(out);
  return out;
}

std::string CutToWidth(std::string_view s, size_t width) {
  if (width == 0 || DisplayWidth(std::string(s)) <= width) return std::string(s);
  std::string out;
  size_t used = 0;
  for (const std::string& g : Graphemes(s)) {
    size_t w = GraphemeWidth(g);
    if (used + w + 1 > width) break;
    out += g;
    used += w;
  }
  return out + "…";
}

std::vector<std::string> WrapToWidth(std::string_view s, size_t width) {
  std::vector<std::string> lines;
  if (size_t nl = s.find('\n'); nl != std::string_view::npos) {
    for (auto& l : WrapToWidth(s.substr(0, nl), width)) lines.push_back(std::move(l));
    for (auto& l : WrapToWidth(s.substr(nl + 1), width)) lines.push_back(std::move(l));
    return lines;
  }
  if (width == 0 || DisplayWidth(std::string(s)) <= width) return {std::string(s)};
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::BreakIterator* it = Iterator(true);
  // Pieces between line-break opportunities ("word " with its trailing space).
  std::vector<std::string> pieces;
  if (it) {
    it->setText(u);
    for (int32_t b = it->first(), e = it->next(); e != icu::BreakIterator::DONE; b = e, e = it->next()) {
      pieces.push_back(Utf8(u, b, e));
    }
  } else {
    pieces.push_back(std::string(s));
  }
  std::string line;
  size_t used = 0;
  auto flush = [&] {
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    lines.push_back(std::move(line));
    line.clear();
    used = 0;
  };
  for (const std::string& piece : pieces) {
    std::string trimmed = piece;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    size_t w = DisplayWidth(trimmed);
    if (used > 0 && used + w > width) flush();
    if (w <= width) {
      line += piece;
      used += DisplayWidth(piece);
      continue;
    }
    // A piece wider than a line is split between grapheme clusters.
    for (const std::string& g : Graphemes(piece)) {
      size_t gw = GraphemeWidth(g);
      if (used + gw > width && used > 0) flush();
      if (line.empty() && g == " ") continue;
      line += g;
      used += gw;
    }
  }
  if (!line.empty() || lines.empty()) flush();
  return lines;
}

}  // namespace newsgraph::output

namespace newsgraph {

size_t DisplayWidth(const std::string& s) {
  if (output::IsPlainAscii(s)) return s.size();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  size_t width = 0;
  output::ForEachCluster(u, [&](const icu::UnicodeString& x, int32_t b, int32_t e) {
    width += output::ClusterWidth(x, b, e);
  });
  return width;
}

}  // namespace newsgraph
