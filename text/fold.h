// The matching form of a text.
//
// Names are compared in a folded form so that spelling variants that news
// writers use interchangeably meet: Arabic alef forms (أ إ آ ٱ → ا), alef
// maqsura (ى → ي), ta marbuta (ة → ه), short vowels, shadda and tatweel removed,
// Persian letters folded to Arabic, Arabic-Indic digits to ASCII, compatibility
// forms (NFKC: presentation forms, ligatures, full-width letters), bidi and
// zero-width controls removed, Latin case and diacritics folded (Türkiye →
// turkiye), typographic quotes and dashes made ASCII, runs of space collapsed.
// The original text is never replaced: callers keep it for display and spans.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::text {

// Appends the matching form of `in` to `*out`. When `offsets` is given, one
// entry per appended byte is pushed: the byte offset in `in` (plus `base`) of
// the character it came from, so a span in the folded form maps back to the
// original. Ill-formed UTF-8 is folded to U+FFFD.
void Fold(std::string_view in, std::string* out, std::vector<uint32_t>* offsets = nullptr,
          uint32_t base = 0);

// Convenience: the matching form of `in`, trimmed.
std::string Fold(std::string_view in);

// True for the characters Fold removes outright (marks, tatweel, controls).
bool IsFoldedAway(char32_t c);

// True for letters and digits in the folded alphabet (used by tokenisers).
bool IsWordChar(char32_t c);

}  // namespace newsgraph::text
