#include "ingest/normalise/normaliser.h"

#include <algorithm>

#include "text/fold.h"

namespace newsgraph::ingest {

void NormalisedText::Assign(std::string_view original) {
  original_ = original;
  folded_.clear();
  offsets_.clear();
  folded_.reserve(original.size());
  offsets_.reserve(original.size());
  size_t pos = 0;
  while (pos <= original.size()) {
    size_t nl = original.find('\n', pos);
    size_t end = nl == std::string_view::npos ? original.size() : nl;
    text::Fold(original.substr(pos, end - pos), &folded_, &offsets_, static_cast<uint32_t>(pos));
    if (nl == std::string_view::npos) break;
    // Fold turns a trailing space into nothing only when the next line starts
    // with one; keep exactly one '\n' per line break.
    if (!folded_.empty() && folded_.back() == ' ') {
      folded_.pop_back();
      offsets_.pop_back();
    }
    folded_.push_back('\n');
    offsets_.push_back(static_cast<uint32_t>(nl));
    pos = nl + 1;
  }
}

uint32_t NormalisedText::FoldedOffsetOf(uint32_t at) const {
  return static_cast<uint32_t>(std::lower_bound(offsets_.begin(), offsets_.end(), at) -
                               offsets_.begin());
}

namespace {

// Length of an invisible control or space that ends at `end` in `s`, or 0.
size_t TrailingInvisible(std::string_view s, size_t end) {
  if (end == 0) return 0;
  unsigned char c = static_cast<unsigned char>(s[end - 1]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (end >= 3) {
    auto b0 = static_cast<unsigned char>(s[end - 3]), b1 = static_cast<unsigned char>(s[end - 2]);
    if (b0 == 0xE2 && b1 == 0x80 && (c == 0x8B || c == 0x8C || c == 0x8D || c == 0x8E || c == 0x8F ||
                                     (c >= 0xAA && c <= 0xAE)))
      return 3;
    if (b0 == 0xE2 && b1 == 0x81 && c >= 0xA6 && c <= 0xA9) return 3;
    if (b0 == 0xEF && b1 == 0xBB && c == 0xBF) return 3;
  }
  if (end >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xD8 && c == 0x9C) return 2;
  if (end >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xC2 && c == 0xA0) return 2;
  return 0;
}

}  // namespace

void NormalisedText::OriginalSpan(uint32_t fb, uint32_t fe, uint32_t* start,
                                  uint32_t* end) const {
  *start = fb < offsets_.size() ? offsets_[fb] : static_cast<uint32_t>(original_.size());
  uint32_t e = fe < offsets_.size() ? offsets_[fe] : static_cast<uint32_t>(original_.size());
  // Several folded bytes can come from one original character (a ligature
  // decomposed); a span never ends before the character it starts in.
  if (fe > fb && fe < offsets_.size() && offsets_[fe] == offsets_[fe - 1]) {
    size_t i = offsets_[fe - 1];
    unsigned char c = static_cast<unsigned char>(original_[i]);
    e = static_cast<uint32_t>(i + (c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4));
  }
  while (e > *start) {
    size_t n = TrailingInvisible(original_, e);
    if (n == 0) break;
    e -= static_cast<uint32_t>(n);
  }
  *end = e;
}

}  // namespace newsgraph::ingest
