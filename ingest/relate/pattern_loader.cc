// Reading lexicon/patterns/*.jsonl: trigger classes and patterns, one JSON
// object a line; blank lines and lines starting with # or // are comments.
// Errors name the file and line, and for pattern text the column.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ingest/relate/forms.h"
#include "ingest/relate/pattern.h"
#include "text/fold.h"

namespace newsgraph::ingest {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

std::string Str(const Json& j, const char* field) {
  auto it = j.find(field);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Status Strings(const Json& j, const char* field, std::vector<std::string>* out) {
  out->clear();
  auto it = j.find(field);
  if (it == j.end()) return Status::OK();
  if (!it->is_array()) return Status::InvalidArgument(std::string("\"") + field + "\" must be a list of strings");
  for (const auto& v : *it) {
    if (!v.is_string()) return Status::InvalidArgument(std::string("\"") + field + "\" must be a list of strings");
    out->push_back(v.get<std::string>());
  }
  return Status::OK();
}

std::vector<std::string> SplitSlash(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t sl = s.find('/', i);
    if (sl == std::string::npos) sl = s.size();
    out.push_back(text::Fold(s.substr(i, sl - i)));
    i = sl + 1;
  }
  return out;
}

Status LoadClass(const Json& j, const std::string& lang, PatternSet* set) {
  std::string name = Str(j, "class");
  if (name.empty()) return Status::InvalidArgument("\"class\" must be a non-empty string");
  uint32_t cls = set->Class(lang, name);
  std::vector<std::string> verbs, nouns, words, participles;
  NG_RETURN_IF_ERROR(Strings(j, "verbs", &verbs));
  NG_RETURN_IF_ERROR(Strings(j, "nouns", &nouns));
  NG_RETURN_IF_ERROR(Strings(j, "words", &words));
  NG_RETURN_IF_ERROR(Strings(j, "participles", &participles));
  std::vector<Form> forms;
  auto add = [&](TriggerPos pos) {
    for (auto& f : forms) set->AddForm(lang, std::move(f.text), TriggerForm{cls, pos, f.future, f.conj});
    forms.clear();
  };
  const bool arabic = lang == "ar";
  for (const auto& v : verbs) {
    std::vector<std::string> parts = SplitSlash(v);
    if (parts[0].empty()) return Status::InvalidArgument("empty verb in class \"" + name + "\"");
    if (arabic) {
      std::vector<std::string> extra(parts.begin() + std::min<size_t>(2, parts.size()), parts.end());
      ArabicVerbForms(parts[0], parts.size() > 1 ? parts[1] : "", extra, &forms);
    } else {
      auto part = [&](size_t i) { return i < parts.size() ? std::string_view(parts[i]) : std::string_view(); };
      EnglishVerbForms(part(0), part(1), part(2), part(3), &forms);
      // The participle also serves passives ("was attacked by").
      set->AddForm(lang, EnglishParticiple(part(0), part(2)), TriggerForm{cls, TriggerPos::kParticiple});
    }
    add(TriggerPos::kVerb);
  }
  for (const auto& n : nouns) {
    std::string f = text::Fold(n);
    if (f.empty()) continue;
    if (arabic) ArabicNounForms(f, &forms);
    else EnglishNounForms(f, &forms);
    add(TriggerPos::kNoun);
  }
  for (const auto& w : words) {
    std::string f = text::Fold(w);
    if (!f.empty()) forms.push_back(Form{f});
    add(TriggerPos::kWord);
  }
  for (const auto& w : participles) {
    std::string f = text::Fold(w);
    if (!f.empty()) forms.push_back(Form{f});
    add(TriggerPos::kParticiple);
  }
  return Status::OK();
}

Status LoadPattern(const Json& j, const std::string& lang, const std::string& where,
                   PatternSet* set) {
  Pattern p;
  p.id = Str(j, "id");
  p.lang = lang;
  p.file = where;
  p.predicate = Str(j, "predicate");
  if (p.id.empty()) return Status::InvalidArgument("a pattern needs an \"id\"");
  if (auto c = j.find("confidence"); c != j.end()) {
    if (!c->is_number() || c->get<double>() <= 0 || c->get<double>() > 1) {
      return Status::InvalidArgument("pattern " + p.id + ": \"confidence\" must be a number in (0, 1]");
    }
    p.confidence = c->get<double>();
  }
  auto filler = [&](const char* field, Filler* out) -> Status {
    std::string v = Str(j, field);
    if (v.empty() || v == "slot") *out = Filler::kSlot;
    else if (v == "clause") *out = Filler::kClause;
    else if (v == "title") *out = Filler::kTitle;
    else return Status::InvalidArgument("pattern " + p.id + ": \"" + field + "\" is slot, clause or title");
    return Status::OK();
  };
  NG_RETURN_IF_ERROR(filler("subject", &p.subject));
  NG_RETURN_IF_ERROR(filler("object", &p.object));
  if (p.subject == Filler::kTitle) return Status::InvalidArgument("pattern " + p.id + ": a title is an object");
  auto flag = [&](const char* field, bool* out) {
    if (auto f = j.find(field); f != j.end() && f->is_boolean()) *out = f->get<bool>();
  };
  flag("attribution", &p.attribution);
  flag("realis", &p.realis);
  if (p.predicate.empty() && !p.attribution) {
    return Status::InvalidArgument("pattern " + p.id + " needs a \"predicate\"");
  }
  std::string text = Str(j, "pattern");
  if (text.empty()) return Status::InvalidArgument("pattern " + p.id + " needs a \"pattern\"");
  Status s = ParsePatternText(text, set, &p);
  if (!s.ok()) return s.WithContext("pattern " + p.id);
  // A verb or verbal noun with its subject gives the clause its subject.
  const Element& a = p.elements[p.anchor];
  bool verbal = a.kind == ElementKind::kTrigger &&
                (a.pos_mask & ((1u << static_cast<int>(TriggerPos::kVerb)) |
                               (1u << static_cast<int>(TriggerPos::kNoun))));
  p.sets_clause = verbal && p.subject == Filler::kSlot && !p.attribution;
  flag("clause", &p.sets_clause);
  set->AddPattern(std::move(p));
  return Status::OK();
}

}  // namespace

Status PatternSet::LoadDir(const std::string& dir) {
  fs::path root = fs::path(dir) / "patterns";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Status::OK();
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    if (e.is_regular_file(ec) && e.path().extension() == ".jsonl") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::string base = fs::path(path).filename().string();
    std::string file_lang = base.substr(0, base.find('.'));
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IOError(path + ": cannot open");
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::string where = path + ":" + std::to_string(n);
      size_t b = line.find_first_not_of(" \t\r");
      if (b == std::string::npos || line[b] == '#' || line.compare(b, 2, "//") == 0) continue;
      Json j;
      try {
        j = Json::parse(line);
      } catch (const Json::exception& e) {
        std::string what = e.what();
        size_t cut = what.find("parse error");
        return Status::InvalidArgument(where + ": " + (cut == std::string::npos ? what : what.substr(cut)));
      }
      if (!j.is_object()) return Status::InvalidArgument(where + ": a line is one JSON object");
      std::string lang = Str(j, "lang");
      if (lang.empty()) lang = file_lang;
      Status s = j.contains("class") ? LoadClass(j, lang, this)
                 : j.contains("id")  ? LoadPattern(j, lang, where, this)
                                     : Status::InvalidArgument(
                                          "a line defines a trigger class (\"class\") or a "
                                          "pattern (\"id\")");
      if (!s.ok()) return s.WithContext(where);
    }
  }
  return Status::OK();
}

}  // namespace newsgraph::ingest
