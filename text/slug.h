// Stable ASCII slugs for entity keys ("Khalifa Haftar" → "khalifa-haftar").
#pragma once

#include <string>
#include <string_view>

namespace newsgraph::text {

// Lowercase ASCII letters and digits joined by single '-'. Latin diacritics
// are folded; any other script is transliterated to Latin first (ICU
// "Any-Latin; Latin-ASCII"), so an Arabic name gets a consonant skeleton.
std::string Slug(std::string_view name);

// The consonant-skeleton fuzzy key of a name, used to meet spellings of a
// foreign name across scripts: "Any-Latin; Latin-ASCII", lowercased, vowels and
// non-letters removed (حفتر → hftr, Haftar → hftr).
std::string FuzzyKey(std::string_view name);

}  // namespace newsgraph::text
