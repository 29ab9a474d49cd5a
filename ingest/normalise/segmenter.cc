#include "ingest/normalise/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "ingest/normalise/clitics.h"
#include "text/utf8.h"

namespace newsgraph::ingest {

namespace {

// ICU break iterators are not thread-safe; one of each kind per thread.
icu::BreakIterator* WordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> bi = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> p(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) p.reset();
    return p;
  }();
  return bi.get();
}

icu::BreakIterator* SentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> bi = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> p(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) p.reset();
    return p;
  }();
  return bi.get();
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

bool IsSpace(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t') return false;
  }
  return true;
}

bool StartsUpper(std::string_view original, uint32_t at) {
  if (at >= original.size()) return false;
  auto c = static_cast<unsigned char>(original[at]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t i = at;
  char32_t cp = text::DecodeOne(original, &i);
  return u_isupper(static_cast<UChar32>(cp));
}

}  // namespace

namespace segment_internal {

void Words(std::string_view folded, std::vector<RawToken>* out) {
  icu::BreakIterator* bi = WordIterator();
  if (bi == nullptr || folded.empty()) return;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, folded.data(), static_cast<int64_t>(folded.size()), &err));
  if (U_FAILURE(err)) return;
  bi->setText(ut.get(), err);
  if (U_FAILURE(err)) return;
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    int32_t status = bi->getRuleStatus();
    auto fb = static_cast<uint32_t>(start), fe = static_cast<uint32_t>(end);
    TokenKind kind;
    if (status >= UBRK_WORD_NONE_LIMIT) {
      kind = status < UBRK_WORD_NUMBER_LIMIT ? TokenKind::kNumber : TokenKind::kWord;
    } else {
      if (IsSpace(folded.substr(fb, fe - fb))) continue;
      kind = TokenKind::kPunct;
    }
    out->push_back(RawToken{fb, fe, kind});
  }
  // The iterator keeps a pointer to the UText; detach before it is closed.
  bi->setText(icu::UnicodeString());
}

void SentenceStarts(std::string_view folded, std::vector<uint32_t>* out) {
  icu::BreakIterator* bi = SentenceIterator();
  out->push_back(0);
  if (bi == nullptr || folded.empty()) return;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, folded.data(), static_cast<int64_t>(folded.size()), &err));
  if (U_FAILURE(err)) return;
  bi->setText(ut.get(), err);
  if (U_FAILURE(err)) return;
  bi->first();
  for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
    if (static_cast<size_t>(b) < folded.size()) out->push_back(static_cast<uint32_t>(b));
  }
  bi->setText(icu::UnicodeString());
}

}  // namespace segment_internal

bool IsTransparentPunct(std::string_view t) {
  if (t.size() != 1) return false;
  switch (t[0]) {
    case '(': case ')': case '[': case ']': case '{': case '}': case '-':
      return true;
    default:
      return false;
  }
}

namespace {
// Letters and digits of the folded alphabet that ICU never breaks between,
// plus space: a name made only of them splits at its spaces, as ICU would.
bool PlainName(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c >= 'a' && c <= 'z') || c == ' ') continue;
    // Arabic letters U+0621..U+064A: D8 A1..D8 BF, D9 80..D9 8A.
    if ((c == 0xD8 || c == 0xD9) && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xD8 && d >= 0xA1 && d <= 0xBF) || (c == 0xD9 && d >= 0x81 && d <= 0x8A)) {
        ++i;
        continue;
      }
    }
    return false;
  }
  return true;
}
}  // namespace

void Segmenter::NameTokens(std::string_view folded, std::vector<std::string_view>* out) {
  if (PlainName(folded)) {
    size_t i = 0;
    while (i < folded.size()) {
      size_t sp = folded.find(' ', i);
      if (sp == std::string_view::npos) sp = folded.size();
      if (sp > i) out->push_back(folded.substr(i, sp - i));
      i = sp + 1;
    }
    return;
  }
  ForEachToken(folded, [&](uint32_t fb, uint32_t fe, TokenKind kind, bool transparent) {
    std::string_view t = folded.substr(fb, fe - fb);
    // Quotes inside a lexicon name are dropped; in text they end a name.
    if (transparent || (kind == TokenKind::kPunct && (t == "\"" || t == "'"))) return;
    out->push_back(t);
  });
}

void Segmenter::Segment(const NormalisedText& text, std::vector<Token>* tokens,
                        std::vector<Sentence>* sentences) const {
  const std::string& folded = text.folded();
  tokens->clear();
  sentences->clear();
  thread_local std::vector<uint32_t> starts;
  starts.clear();
  // Sentences are found in the original: ICU needs the letter case that the
  // matching form has folded away ("U.S. officials" vs "end. Then").
  segment_internal::SentenceStarts(text.original(), &starts);
  for (auto& s : starts) s = text.FoldedOffsetOf(s);
  size_t next_sentence = 1;
  uint32_t sentence = 0;
  auto known = [this](std::string_view s) { return vocab_->Known(s); };
  ForEachToken(folded, [&](uint32_t fb, uint32_t fe, TokenKind kind, bool transparent) {
    while (next_sentence < starts.size() && starts[next_sentence] <= fb) {
      ++next_sentence;
      ++sentence;
    }
    Token t;
    t.fb = t.sb = fb;
    t.fe = t.se = fe;
    t.kind = kind;
    t.transparent = transparent;
    t.sentence = sentence;
    std::string_view form(folded.data() + fb, fe - fb);
    t.id = t.stem_id = vocab_->Find(form);
    uint32_t cls = vocab_->Classes(t.id);
    if (kind == TokenKind::kWord && t.id != Vocabulary::kUnknown &&
        (cls & ~(kNamePart | kWholeName | kTitleWord)) == 0 &&
        (form.substr(0, 2) == "\xD9\x88" || !(cls & kWholeName))) {
      // A word known only from inside a longer lexicon name (وأيرلندا of the
      // United Kingdom's full name, بليبيا of أنصار الشريعة بليبيا, للجيش)
      // is a clitic and a name when it stands alone; the whole form stays the
      // token's id, so the longer name still matches. A one-word name (كندا)
      // is never split, except for و, which no such name starts with.
      CliticSplit split =
          SplitClitics(form, [&](std::string_view s) { return s != form && known(s); });
      // Not the article alone: الدولة of الدولة الإسلامية is not ال + a name.
      bool article = form.substr(0, split.prefix) == "\xD8\xA7\xD9\x84";
      if (split.prefix > 0 && split.suffix == 0 && !article) {
        t.sb = fb + split.prefix;
        t.restore_article = split.restore_article;
        t.stem_id = vocab_->Find(StemForm(form, split));
      }
    }
    if (kind == TokenKind::kWord && t.id == Vocabulary::kUnknown) {
      CliticSplit split = SplitClitics(form, known);
      if (split.split()) {
        t.sb = fb + split.prefix;
        t.se = fe - split.suffix;
        t.restore_article = split.restore_article;
        t.restore_ta = split.restore_ta;
        t.stem_id = vocab_->Find(StemForm(form, split));
      }
    }
    // English possessive, also where the whole form is known from inside a
    // longer name (Egypt's Muslim Brotherhood): Egypt's alone is Egypt.
    if (kind == TokenKind::kWord && t.stem_id == t.id && form.size() > 2 && form[0] < 0x7F &&
        form.substr(form.size() - 2) == "'s") {
      uint32_t stem = vocab_->Find(form.substr(0, form.size() - 2));
      if (stem != Vocabulary::kUnknown || t.id == Vocabulary::kUnknown) {
        t.se = fe - 2;
        t.stem_id = stem;
      }
    }
    text.OriginalSpan(t.sb, t.se, &t.start, &t.end);
    t.upper = StartsUpper(text.original(), t.start);
    tokens->push_back(t);
  });
  // Sentences as token ranges; a sentence with no token is dropped.
  uint32_t first = 0;
  for (uint32_t i = 1; i <= tokens->size(); ++i) {
    if (i == tokens->size() || (*tokens)[i].sentence != (*tokens)[i - 1].sentence) {
      sentences->push_back(Sentence{first, i});
      first = i;
    }
  }
  // Renumber so that sentence indexes have no gaps.
  for (uint32_t s = 0; s < sentences->size(); ++s) {
    for (uint32_t i = (*sentences)[s].first; i < (*sentences)[s].last; ++i) (*tokens)[i].sentence = s;
  }
}

}  // namespace newsgraph::ingest
