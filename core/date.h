// Calendar dates as day numbers (days since 1970-01-01, proleptic Gregorian).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph {

// Marks "no date" in records and summaries.
inline constexpr int32_t kNoDay = INT32_MIN;

int32_t DaysFromCivil(int y, unsigned m, unsigned d);
void CivilFromDays(int32_t days, int* y, unsigned* m, unsigned* d);

// Parses "YYYY-MM-DD" (also "YYYY-MM-DDThh:mm…", the time ignored). Rejects
// impossible dates such as 2023-02-30.
std::optional<int32_t> ParseIsoDate(std::string_view s);
// "YYYY-MM-DD"; empty for kNoDay.
std::string FormatIsoDate(int32_t days);

}  // namespace newsgraph
