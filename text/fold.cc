#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace newsgraph::text {

namespace {

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFKCInstance(err);
    return U_SUCCESS(err) ? p : nullptr;
  }();
  return n;
}

bool IsArabicMark(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E8) ||
         (c >= 0x06EA && c <= 0x06ED) || c == 0x0640;
}

bool IsControlToDrop(char32_t c) {
  return c == 0x061C || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x200E ||
         c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0xFEFF || c == 0x00AD || (c < 0x20 && c != '\n' && c != '\t' && c != '\r');
}

// Folding of one character that needs no decomposition. Returns 0 to drop.
char32_t FoldSimple(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c == '\t' || c == '\r' || c == '\n') return ' ';
    return c;
  }
  if (c >= 0x0600 && c <= 0x06FF) {
    switch (c) {
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
        return 0x0627;  // alef forms → ا
      case 0x0649: return 0x064A;                     // ى → ي
      case 0x0629: return 0x0647;                     // ة → ه
      case 0x06A9: return 0x0643;                     // Persian kaf → ك
      case 0x06CC: case 0x06D2: return 0x064A;        // Farsi yeh → ي
      case 0x06C0: return 0x0647;                     // ۀ → ه
      case 0x060C: return ',';                        // Arabic comma
      case 0x061B: return ';';
      case 0x061F: return '?';
      case 0x066B: return '.';                        // Arabic decimal separator
      case 0x066C: return ',';
      case 0x066A: return '%';
      default: break;
    }
    if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
    if (IsArabicMark(c)) return 0;
    return c;
  }
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x2032: case 0x00B4:
    case 0x0060:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    case 0x00A0: case 0x2007: case 0x202F: case 0x3000:
      return ' ';
    default: break;
  }
  if (IsControlToDrop(c)) return 0;
  if (u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_ENCLOSING_MARK) return 0;
  if (u_isUWhiteSpace(c)) return ' ';
  return static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
}

struct Emitter {
  std::string* out;
  std::vector<uint32_t>* offsets;
  uint32_t origin;
  bool last_space;

  void Emit(char32_t c) {
    if (c == 0) return;
    if (c == ' ') {
      if (last_space) return;
      last_space = true;
    } else {
      last_space = false;
    }
    size_t before = out->size();
    AppendUtf8(out, c);
    if (offsets) offsets->insert(offsets->end(), out->size() - before, origin);
  }
};

void FoldChar(char32_t c, Emitter* e, int depth) {
  if (c < 0x80 || (c >= 0x0600 && c <= 0x06FF)) {
    e->Emit(FoldSimple(c));
    return;
  }
  // Decompose compatibility forms and Latin letters with diacritics, then fold
  // each part; marks left over are dropped by FoldSimple.
  const icu::Normalizer2* nfkc = Nfkc();
  icu::UnicodeString decomposition;
  if (depth == 0 && nfkc && nfkc->getDecomposition(static_cast<UChar32>(c), decomposition)) {
    for (int32_t i = 0; i < decomposition.length();) {
      UChar32 d = decomposition.char32At(i);
      i += U16_LENGTH(d);
      FoldChar(static_cast<char32_t>(d), e, depth + 1);
    }
    return;
  }
  e->Emit(FoldSimple(c));
}

}  // namespace

bool IsFoldedAway(char32_t c) {
  return IsArabicMark(c) || IsControlToDrop(c) || u_charType(c) == U_NON_SPACING_MARK;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || IsArabicMark(c);
}

void Fold(std::string_view in, std::string* out, std::vector<uint32_t>* offsets, uint32_t base) {
  Emitter e{out, offsets, 0, out->empty() || out->back() == ' '};
  size_t i = 0;
  while (i < in.size()) {
    unsigned char b = static_cast<unsigned char>(in[i]);
    e.origin = base + static_cast<uint32_t>(i);
    if (b < 0x80) {
      ++i;
      e.Emit(FoldSimple(b));
      continue;
    }
    char32_t c = DecodeOne(in, &i);
    FoldChar(c, &e, 0);
  }
}

std::string Fold(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  Fold(in, &out);
  size_t b = out.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  size_t end = out.find_last_not_of(' ');
  return out.substr(b, end - b + 1);
}

}  // namespace newsgraph::text
