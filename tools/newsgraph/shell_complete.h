// TAB completion for the shell: keywords and functions, relationship types
// after `[:` or `|`, entity types after `(x:`, entity names inside quotes (any
// language, through Database::CompleteEntityNames), $parameters, and
// dot-commands with their arguments.
#pragma once

#include <string>
#include <vector>

namespace newsgraph::cli {

class Shell;

// What may replace `word`, the text being completed, given the text of the
// statement before it (earlier lines included) and `quote`, the quote
// character `word` is inside of ('\0' for none). In the order to show.
std::vector<std::string> CompletionCandidates(Shell* shell, const std::string& before, const std::string& word,
                                              char quote);

// Points readline's completion at `shell`. `pending` returns the lines of
// the statement typed so far (the context of a completion on a later line).
void InstallCompletion(Shell* shell, const std::string* pending);

}  // namespace newsgraph::cli
