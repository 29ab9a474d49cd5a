// The tasks of `newsgraph eval` besides ner.
#pragma once

#include <string>
#include <vector>

#include "tools/newsgraph/cli.h"

namespace newsgraph::cli {

// `eval facts GOLD.json…` (eval_facts.cc).
int RunEvalFacts(const Args& args, const std::vector<std::string>& files);
// `eval plover FILE` (eval_plover.cc).
int RunEvalPlover(const Args& args, const std::vector<std::string>& files);

}  // namespace newsgraph::cli
