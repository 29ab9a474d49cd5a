#include "ingest/normalise/clitics.h"

namespace newsgraph::ingest {

namespace clitics_internal {

// Conjunction, then preposition, then article; ال alone last so that a stem
// with its article is preferred.
const Prefix kPrefixes[] = {
    {"\xD9\x88", false},                              // و
    {"\xD9\x81", false},                              // ف
    {"\xD8\xA8", false},                              // ب
    {"\xD9\x84", true},                               // ل
    {"\xD9\x83", false},                              // ك
    {"\xD9\x88\xD8\xA8", false},                      // وب
    {"\xD9\x88\xD9\x84", true},                       // ول
    {"\xD9\x88\xD9\x83", false},                      // وك
    {"\xD9\x81\xD8\xA8", false},                      // فب
    {"\xD9\x81\xD9\x84", true},                       // فل
    {"\xD9\x81\xD9\x83", false},                      // فك
    {"\xD8\xA7\xD9\x84", false},                      // ال
    {"\xD9\x88\xD8\xA7\xD9\x84", false},              // وال
    {"\xD8\xA8\xD8\xA7\xD9\x84", false},              // بال
    {"\xD9\x81\xD8\xA7\xD9\x84", false},              // فال
    {"\xD9\x83\xD8\xA7\xD9\x84", false},              // كال
    {"\xD9\x84\xD9\x84", false},                      // لل
    {"\xD9\x88\xD8\xA8\xD8\xA7\xD9\x84", false},      // وبال
    {"\xD9\x88\xD9\x84\xD9\x84", false},              // ولل
};
const size_t kPrefixCount = sizeof(kPrefixes) / sizeof(kPrefixes[0]);

// Longest first, so that ها is tried before ه.
const std::string_view kSuffixes[] = {
    "\xD9\x87\xD9\x85\xD8\xA7",  // هما
    "\xD9\x83\xD9\x85\xD8\xA7",  // كما
    "\xD9\x87\xD8\xA7",          // ها
    "\xD9\x87\xD9\x85",          // هم
    "\xD9\x87\xD9\x86",          // هن
    "\xD9\x83\xD9\x85",          // كم
    "\xD9\x83\xD9\x86",          // كن
    "\xD9\x86\xD8\xA7",          // نا
    // Not ه alone: folding makes every ta marbuta one (رياضة → رياضه).
};
const size_t kSuffixCount = sizeof(kSuffixes) / sizeof(kSuffixes[0]);

bool LooksArabic(std::string_view word) {
  auto b = static_cast<unsigned char>(word[0]);
  return b == 0xD8 || b == 0xD9;
}

size_t Letters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace clitics_internal

std::string StemForm(std::string_view word, const CliticSplit& split) {
  std::string out;
  if (split.restore_article) out.append(clitics_internal::kAlef);
  std::string_view stem = word.substr(split.prefix, word.size() - split.prefix - split.suffix);
  if (split.restore_ta && stem.size() >= 2) {
    out.append(stem.substr(0, stem.size() - 2));
    out.append(clitics_internal::kHa);
  } else {
    out.append(stem);
  }
  return out;
}

}  // namespace newsgraph::ingest
