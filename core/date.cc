#include "core/date.h"

#include <charconv>
#include <cstdio>

namespace newsgraph {

// Howard Hinnant's days_from_civil.
int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(int32_t z, int* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yoe) + era * 400 + (*m <= 2);
}

std::optional<int32_t> ParseIsoDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::from_chars(s.data(), s.data() + 4, y).ptr != s.data() + 4) return std::nullopt;
  if (std::from_chars(s.data() + 5, s.data() + 7, m).ptr != s.data() + 7) return std::nullopt;
  if (std::from_chars(s.data() + 8, s.data() + 10, d).ptr != s.data() + 10) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  int32_t days = DaysFromCivil(y, m, d);
  int yy;
  unsigned mm, dd;
  CivilFromDays(days, &yy, &mm, &dd);
  if (mm != m || dd != d) return std::nullopt;  // 2023-02-30
  return days;
}

std::string FormatIsoDate(int32_t days) {
  if (days == kNoDay) return {};
  int y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

}  // namespace newsgraph
