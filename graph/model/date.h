// Dates in the graph model: see core/date.h.
#pragma once

#include "core/date.h"

namespace newsgraph::graph {
using newsgraph::CivilFromDays;
using newsgraph::DaysFromCivil;
using newsgraph::FormatIsoDate;
using newsgraph::kNoDay;
using newsgraph::ParseIsoDate;
}  // namespace newsgraph::graph
