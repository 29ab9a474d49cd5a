#include "text/slug.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "text/fold.h"

namespace newsgraph::text {

namespace {

// ICU transliterators are not thread-safe for concurrent use; one per thread.
icu::Transliterator* ToLatin() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> p(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) p.reset();
    return p;
  }();
  return t.get();
}

std::string Latin(std::string_view name) {
  std::string folded = Fold(name);
  bool ascii = true;
  for (unsigned char c : folded) ascii = ascii && c < 0x80;
  if (ascii) return folded;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(folded);
  if (auto* t = ToLatin()) t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string Slug(std::string_view name) {
  std::string latin = Latin(name);
  std::string out;
  for (char ch : latin) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (c == '\'') {
      continue;  // "Qaddafi's" → qaddafis
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string FuzzyKey(std::string_view name) {
  std::string latin = Latin(name);
  std::string out;
  for (char ch : latin) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c < 'a' || c > 'z') {
      if (c == ' ' && !out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w' ||
        c == 'h') {
      // Vowels and the letters Arabic writes as long vowels or drops.
      if (!out.empty() && out.back() != ' ') continue;
      if (c != 'h') continue;
    }
    if (!out.empty() && out.back() == c) continue;  // doubled consonants (shadda)
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace newsgraph::text
