// The matching form of an article, kept beside the original.
//
// The matching form is text::Fold of each line (alef forms, alef maqsura, ta
// marbuta, marks and tatweel, bidi controls, Arabic-Indic digits, NFKC, Latin
// case); line breaks are kept so that sentence breaks still see paragraphs.
// Every byte of the folded text remembers the original byte it came from, so
// spans found in the folded text map back to the original UTF-8 offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::ingest {

class NormalisedText {
 public:
  // Replaces the content with the matching form of `original`. The original
  // must outlive this object's use of OriginalSpan.
  void Assign(std::string_view original);

  const std::string& folded() const { return folded_; }
  std::string_view original() const { return original_; }

  // The original byte span [*start, *end) of the folded span [fb, fe). Marks
  // and tatweel inside or right after the last letter belong to the span;
  // spaces and invisible controls after it do not.
  void OriginalSpan(uint32_t fb, uint32_t fe, uint32_t* start, uint32_t* end) const;

  // Original byte offset of folded byte `fb` (the start of its character).
  uint32_t OriginOf(uint32_t fb) const { return offsets_[fb]; }

  // The first folded byte that comes from original offset `at` or later.
  uint32_t FoldedOffsetOf(uint32_t at) const;

 private:
  std::string_view original_;
  std::string folded_;
  std::vector<uint32_t> offsets_;  // one per folded byte
};

}  // namespace newsgraph::ingest
