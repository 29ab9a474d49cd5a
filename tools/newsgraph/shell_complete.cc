#include "tools/newsgraph/shell_complete.h"

#include <readline/readline.h>
#include <strings.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "tools/newsgraph/shell.h"

namespace newsgraph::cli {

namespace {

const std::vector<std::string> kKeywords = {
    "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "DISTINCT", "ORDER", "BY", "SKIP", "LIMIT", "UNION",
    "ALL", "AS", "AND", "OR", "XOR", "NOT", "IN", "STARTS", "ENDS", "CONTAINS", "IS", "NULL", "TRUE",
    "FALSE", "CALL", "YIELD", "EXPLAIN", "PROFILE", "CASE", "WHEN", "THEN", "ELSE", "END", "ASC", "DESC",
    "shortestPath", "allShortestPaths"};

const std::vector<std::string> kFunctions = {
    "type", "id", "labels", "name", "date", "count", "sum", "min", "max", "avg", "collect", "size",
    "length", "toLower", "toUpper", "trim", "toString", "toInteger", "toFloat", "coalesce", "nodes",
    "relationships", "startNode", "endNode", "evidence", "abs", "round", "floor", "ceil", "keys", "head",
    "last", "substring", "replace", "split", "mentions", "articles", "degree", "db.predicates", "db.stats"};

const std::vector<std::string> kProperties = {"name", "key", "type", "name_ar", "name_en", "aliases",
                                              "count", "articles", "first_seen", "last_seen", "confidence"};

const std::vector<std::string> kDotCommands = {".help", ".mode", ".output", ".once", ".read", ".timer",
                                               ".param", ".schema", ".stats", ".explain", ".wrap",
                                               ".width", ".lang", ".quit", ".exit"};

const std::vector<std::string> kModes = {"table", "box", "csv", "tsv", "json", "jsonl", "markdown", "html",
                                         "graphml", "gexf", "dot", "jsongraph", "nquads"};

const std::vector<std::string> kEntityTypes = {"Person", "Organization", "Country", "City", "Region",
                                               "Facility", "Group", "Event", "Other"};

bool StartsWithNoCase(const std::string& s, const std::string& prefix) {
  return s.size() >= prefix.size() && strncasecmp(s.c_str(), prefix.c_str(), prefix.size()) == 0;
}

void AddMatching(const std::vector<std::string>& from, const std::string& word, const std::string& prefix,
                 std::vector<std::string>* out) {
  for (const auto& s : from) {
    if (StartsWithNoCase(s, word)) out->push_back(prefix + s);
  }
}

// The innermost bracket not yet closed in `text` ('(', '[', '{' or '\0'),
// skipping strings.
char OpenBracket(const std::string& text) {
  std::string stack;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      stack.push_back(c);
    } else if ((c == ')' || c == ']' || c == '}') && !stack.empty()) {
      stack.pop_back();
    }
  }
  return stack.empty() ? '\0' : stack.back();
}

// Names that come from the store are read once a session.
struct Cache {
  std::optional<std::vector<std::string>> relationship_types;
  std::optional<std::vector<std::string>> entity_types;
};
Cache& GetCache() {
  static Cache cache;
  return cache;
}

const std::vector<std::string>& RelationshipTypes(Database* db) {
  auto& c = GetCache().relationship_types;
  if (!c) {
    auto r = db->RelationshipTypes();
    c = r.ok() ? *r : std::vector<std::string>{};
  }
  return *c;
}

const std::vector<std::string>& EntityTypes(Database* db) {
  auto& c = GetCache().entity_types;
  if (!c) {
    c = kEntityTypes;
    auto cur = db->Query("MATCH (n) RETURN DISTINCT n.type");
    Row row;
    while (cur.ok() && (*cur)->Next(&row)) {
      if (row[0].type() == Value::Type::kString && std::find(c->begin(), c->end(), row[0].AsString()) == c->end()) {
        c->push_back(row[0].AsString());
      }
    }
  }
  return *c;
}

}  // namespace

std::vector<std::string> CompletionCandidates(Shell* shell, const std::string& before, const std::string& word,
                                              char quote) {
  std::vector<std::string> out;
  std::string head = before;
  head.erase(0, std::min(head.find_first_not_of(" \t\n"), head.size()));
  if (head.empty() && word.starts_with(".")) {
    AddMatching(kDotCommands, word, "", &out);
    return out;
  }
  if (head.starts_with(".")) {
    std::vector<std::string> words = SplitWords(head);
    const std::string cmd = words.empty() ? "" : words[0];
    if (words.size() == 1) {
      if (cmd == ".mode") AddMatching(kModes, word, "", &out);
      else if (cmd == ".timer" || cmd == ".wrap") AddMatching({"on", "off"}, word, "", &out);
      else if (cmd == ".lang") AddMatching({"en", "ar"}, word, "", &out);
      else if (cmd == ".param") AddMatching({"set", "unset", "list", "clear"}, word, "", &out);
      else if (cmd == ".help") AddMatching(kDotCommands, word, "", &out);
    } else if (cmd == ".param" && words.size() == 2 && (words[1] == "unset" || words[1] == "set")) {
      for (const auto& [name, v] : shell->params()) {
        if (name.starts_with(word)) out.push_back(name);
      }
    }
    return out;
  }
  Database* db = shell->db();
  if (quote == '"' || quote == '\'') {
    auto names = db->CompleteEntityNames(word, 200);
    if (names.ok()) out = *names;
    return out;
  }
  if (quote) return out;
  if (word.starts_with("$")) {
    for (const auto& [name, v] : shell->params()) {
      if (name.starts_with(word.substr(1))) out.push_back("$" + name);
    }
    return out;
  }
  if (size_t dot = word.rfind('.'); dot != std::string::npos && dot > 0 && !word.starts_with("db.")) {
    AddMatching(kProperties, word.substr(dot + 1), word.substr(0, dot + 1), &out);
    return out;
  }
  size_t last = before.find_last_not_of(" \t\n");
  char prev = last == std::string::npos ? '\0' : before[last];
  char bracket = OpenBracket(before);
  if ((prev == ':' || prev == '|') && bracket == '[') {
    AddMatching(RelationshipTypes(db), word, "", &out);
    return out;
  }
  if (prev == ':' && bracket == '(') {
    AddMatching(EntityTypes(db), word, "", &out);
    return out;
  }
  if (bracket == '{' && (prev == '{' || prev == ',')) {
    AddMatching(kProperties, word, "", &out);
    return out;
  }
  if (word.empty()) return out;  // every keyword is no help
  AddMatching(kKeywords, word, "", &out);
  AddMatching(kFunctions, word, "", &out);
  return out;
}

namespace {

Shell* g_shell = nullptr;
const std::string* g_pending = nullptr;

// The longest common prefix of the candidates, cut to a whole UTF-8
// character.
std::string CommonPrefix(const std::vector<std::string>& c) {
  std::string p = c[0];
  for (const auto& s : c) {
    size_t n = 0;
    while (n < p.size() && n < s.size() && p[n] == s[n]) ++n;
    p.resize(n);
  }
  while (!p.empty() && (static_cast<unsigned char>(p.back()) & 0xC0) == 0x80) p.pop_back();
  if (!p.empty() && static_cast<unsigned char>(p.back()) >= 0xC0) p.pop_back();
  return p;
}

char** Attempt(const char* text, int start, int /*end*/) {
  rl_attempted_completion_over = 1;
  std::string line(rl_line_buffer, static_cast<size_t>(start));
  std::string head = line;
  head.erase(0, std::min(head.find_first_not_of(" \t"), head.size()));
  bool first_line = g_pending == nullptr || g_pending->empty();
  if (first_line && (head.starts_with(".read ") || head.starts_with(".output ") || head.starts_with(".once "))) {
    rl_attempted_completion_over = 0;  // readline's own file name completion
    return nullptr;
  }
  std::string before = (first_line ? std::string() : *g_pending) + line;
  char quote = static_cast<char>(rl_completion_quote_character);
  std::vector<std::string> c = CompletionCandidates(g_shell, before, text, quote);
  if (c.empty()) return nullptr;
  // A type or a property is followed by `]`, `)`, `}` or an operator, not
  // by a space.
  size_t last = before.find_last_not_of(" \t\n");
  char prev = last == std::string::npos ? '\0' : before[last];
  if (!quote && (prev == ':' || prev == '|' || (text[0] != '.' && std::strchr(text, '.') != nullptr))) {
    rl_completion_suppress_append = 1;
  }
  // Candidates may differ from the typed text in case or in Arabic letter
  // forms; when their common part is shorter, keep what was typed.
  std::string lcd = c.size() == 1 ? c[0] : CommonPrefix(c);
  if (lcd.size() < std::strlen(text)) lcd = text;
  auto** matches = static_cast<char**>(std::malloc(sizeof(char*) * (c.size() + 2)));
  size_t n = 0;
  matches[n++] = strdup(lcd.c_str());
  if (c.size() > 1) {
    for (const auto& s : c) matches[n++] = strdup(s.c_str());
  }
  matches[n] = nullptr;
  return matches;
}

}  // namespace

void InstallCompletion(Shell* shell, const std::string* pending) {
  g_shell = shell;
  g_pending = pending;
  rl_readline_name = "newsgraph";
  rl_attempted_completion_function = Attempt;
  rl_completer_word_break_characters = " \t\n()[]{},;:=<>|+-*/%^~!";
  rl_completer_quote_characters = "\"'";
  rl_basic_word_break_characters = " \t\n()[]{},;:=<>|+-*/%^~!";
}

}  // namespace newsgraph::cli
