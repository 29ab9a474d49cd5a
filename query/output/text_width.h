// Measuring and shaping text for terminal tables: grapheme clusters, cell
// widths, direction, cutting and wrapping. Private to query/output/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::output {

// The grapheme clusters of `s` (UTF-8), in order. Ill-formed UTF-8 comes
// back as U+FFFD.
std::vector<std::string> Graphemes(std::string_view s);

// Terminal columns of one grapheme cluster: 0 for controls, format
// characters and lone marks; 2 for East Asian wide and full-width characters
// and for emoji shown as pictures; 1 otherwise.
size_t GraphemeWidth(std::string_view cluster);

enum class Direction { kNeutral, kLtr, kRtl };

// The direction of the first strongly directional character (the rule the
// Unicode bidi algorithm uses for a paragraph and for FSI): kNeutral when
// there is none.
Direction FirstStrong(std::string_view s);

// True when `s` holds a right-to-left letter (Arabic, Hebrew, Syriac, …).
bool HasRtl(std::string_view s);

// `s` made safe for a terminal cell: C0 controls become their visible
// symbols (U+2400…), C1 controls U+FFFD, tabs and carriage returns spaces,
// and explicit bidi embeddings, overrides and isolates are dropped so that
// no cell can reorder what is outside it. Newlines stay when
// `keep_newlines`, else they become spaces.
std::string TerminalSafe(std::string_view s, bool keep_newlines);

// `s` cut to at most `width` columns, ending in "…" when cut (0: no limit).
std::string CutToWidth(std::string_view s, size_t width);

// `s` broken into lines of at most `width` columns, at line-break
// opportunities (spaces, after hyphens, between CJK characters) where
// possible and between grapheme clusters otherwise. Newlines in `s` end a
// line. Always at least one line.
std::vector<std::string> WrapToWidth(std::string_view s, size_t width);

}  // namespace newsgraph::output
