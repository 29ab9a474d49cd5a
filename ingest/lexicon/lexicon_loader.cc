// Loading lexicon folders: JSON Lines of entities and titles, head-word
// rules, and plain word lists. Names are folded and tokenised exactly as text
// is, then indexed in the trie.
#include <algorithm>
#include <atomic>
#include <thread>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ingest/lexicon/lexicon.h"
#include "ingest/normalise/segmenter.h"
#include "text/fold.h"
#include "text/slug.h"
#include "text/utf8.h"

namespace newsgraph::ingest {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

struct PendingName {
  uint32_t target;
  MatchKind kind;
  std::string name;
};

std::vector<std::string> FilesIn(const fs::path& dir, std::string_view ext) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file(ec) && e.path().extension() == ext) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Status ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::IOError(path + ": cannot open");
  // Sized read: a stringstream would copy the 7 MB of entity files twice.
  auto size = static_cast<std::streamoff>(in.tellg());
  in.seekg(0);
  out->resize(static_cast<size_t>(size));
  if (size > 0 && !in.read(out->data(), size)) return Status::IOError(path + ": cannot read");
  size_t bad = text::FindInvalidUtf8(*out, true);
  if (bad != std::string::npos) {
    return Status::InvalidArgument(path + ": invalid UTF-8 at " +
                                   text::DescribePosition(text::PositionAt(*out, bad)));
  }
  return Status::OK();
}

// Calls fn(json, line_number) for each non-blank line; a malformed line
// fails with file, line and column.
template <class Fn>
Status ForEachJsonLine(const std::string& path, Fn&& fn) {
  std::string data;
  NG_RETURN_IF_ERROR(ReadWhole(path, &data));
  size_t pos = 0, line = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    size_t end = nl == std::string::npos ? data.size() : nl;
    ++line;
    std::string_view text(data.data() + pos, end - pos);
    if (text.find_first_not_of(" \t\r") != std::string_view::npos) {
      Json j;
      try {
        j = Json::parse(text.begin(), text.end());
      } catch (const Json::exception& e) {
        std::string what = e.what();
        size_t cut = what.find("parse error");
        return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " +
                                       (cut == std::string::npos ? what : what.substr(cut)));
      }
      Status s = fn(j, line);
      if (!s.ok()) return s.WithContext(path + ":" + std::to_string(line));
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return Status::OK();
}

std::string GetString(const Json& j, const char* field) {
  auto it = j.find(field);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Every string of a {"lang": [..]} or {"lang": ".."} object, with its language.
template <class Fn>
void ForEachName(const Json& j, const char* field, Fn&& fn) {
  auto it = j.find(field);
  if (it == j.end() || !it->is_object()) return;
  for (auto l = it->begin(); l != it->end(); ++l) {
    if (l->is_string()) {
      fn(l.key(), l->get<std::string>());
    } else if (l->is_array()) {
      for (const auto& v : *l) {
        if (v.is_string()) fn(l.key(), v.get<std::string>());
      }
    }
  }
}

bool IsAcronym(std::string_view name) {
  size_t letters = 0;
  for (unsigned char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.' && c != '&' && c != '-' && !(c >= '0' && c <= '9')) return false;
  }
  return letters >= 2 && letters <= 6;
}

bool IsLatinName(std::string_view name) {
  for (unsigned char c : name) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
    if (c >= 0x80) return false;
  }
  return false;
}

}  // namespace

class LexiconBuilder {
 public:
  explicit LexiconBuilder(Lexicon* lex) : lex_(lex) {}

  Status LoadDir(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": no such lexicon folder");
    fs::path root(dir);
    NG_RETURN_IF_ERROR(LoadEntityFiles(FilesIn(root / "entities", ".jsonl")));
    for (const auto& f : FilesIn(root / "titles", ".jsonl")) NG_RETURN_IF_ERROR(LoadTitles(f));
    for (const auto& f : FilesIn(root / "rules", ".jsonl")) NG_RETURN_IF_ERROR(LoadHeads(f));
    for (const auto& f : FilesIn(root / "names", ".txt")) NG_RETURN_IF_ERROR(LoadWords(f));
    for (const auto& f : FilesIn(root / "words", ".txt")) NG_RETURN_IF_ERROR(LoadWords(f));
    return Status::OK();
  }

  void Finish() {
    lex_->trie_.Reserve(names_.size() * 2);
    lex_->vocab_.Reserve(names_.size());
    for (const auto& p : names_) {
      if (p.kind == MatchKind::kName || p.kind == MatchKind::kDemonym) {
        if (lex_->entities_[p.target].replaced) continue;
      }
      AddName(p.name, p.kind, p.target);
    }
    for (auto& e : lex_->entities_) {
      if (e.replaced) continue;
      std::string ar = text::Fold(e.label_ar);
      size_t sp = ar.find(' ');
      if (sp != std::string::npos) e.heads.push_back(ar.substr(0, sp));
    }
  }

 private:
  // One entity line, parsed without touching the lexicon (files are parsed
  // on several threads, then merged in order).
  struct ParsedEntity {
    LexEntity e;
    std::vector<std::pair<MatchKind, std::string>> names;
    std::vector<std::string> fuzzy;
  };

  static Status ParseEntities(const std::string& path, std::vector<ParsedEntity>* out) {
    return ForEachJsonLine(path, [&](const Json& j, size_t) -> Status {
      ParsedEntity pe;
      LexEntity& e = pe.e;
      e.key = GetString(j, "key");
      if (e.key.empty()) return Status::InvalidArgument("entity without a \"key\"");
      std::string type = GetString(j, "type");
      if (!ParseEntityType(type, &e.type)) {
        return Status::InvalidArgument("entity \"" + e.key + "\" has unknown type \"" + type + "\"");
      }
      if (auto l = j.find("labels"); l != j.end() && l->is_object()) {
        e.label_en = GetString(*l, "en");
        e.label_ar = GetString(*l, "ar");
      }
      e.country = GetString(j, "country");
      e.sector = GetString(j, "sector");
      if (auto p = j.find("population"); p != j.end() && p->is_number()) {
        e.population = p->get<uint64_t>();
      }
      if (auto r = j.find("relations"); r != j.end() && r->is_array()) {
        for (const auto& rel : *r) {
          if (GetString(rel, "p") == "capital_of") e.capital_of = GetString(rel, "o");
        }
      }
      auto add = [&](MatchKind k) {
        return [&pe, k](const std::string& lang, const std::string& n) {
          pe.names.emplace_back(k, n);
          LexName::Kind kind = k == MatchKind::kDemonym ? LexName::kDemonym : LexName::kAlias;
          pe.e.names.push_back(LexName{lang, n, kind});
        };
      };
      ForEachName(j, "labels", add(MatchKind::kName));
      for (auto& n : e.names) n.kind = LexName::kLabel;
      ForEachName(j, "aliases", add(MatchKind::kName));
      ForEachName(j, "demonyms", add(MatchKind::kDemonym));
      if (e.type == EntityType::kPerson || e.type == EntityType::kOrganization) {
        for (const auto& [kind, n] : pe.names) {
          if (kind != MatchKind::kName || !IsLatinName(n)) continue;
          std::string f = text::FuzzyKey(n);
          if (f.size() >= 3) pe.fuzzy.push_back(std::move(f));
        }
      }
      out->push_back(std::move(pe));
      return Status::OK();
    });
  }

  Status LoadEntityFiles(const std::vector<std::string>& files) {
    std::vector<std::vector<ParsedEntity>> parsed(files.size());
    std::vector<Status> status(files.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < files.size(); i = next++) status[i] = ParseEntities(files[i], &parsed[i]);
    };
    unsigned threads = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), 4);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    size_t entities = lex_->entities_.size(), names = names_.size();
    for (size_t f = 0; f < files.size(); ++f) {
      entities += parsed[f].size();
      for (const auto& pe : parsed[f]) names += pe.names.size();
    }
    lex_->entities_.reserve(entities);
    names_.reserve(names);
    for (size_t f = 0; f < files.size(); ++f) {
      NG_RETURN_IF_ERROR(status[f]);
      for (auto& pe : parsed[f]) {
        auto index = static_cast<uint32_t>(lex_->entities_.size());
        auto [it, inserted] = lex_->by_key_.emplace(pe.e.key, index);
        if (!inserted) {
          lex_->entities_[it->second].replaced = true;
          it->second = index;
        }
        for (auto& [kind, n] : pe.names) names_.push_back({index, kind, std::move(n)});
        for (auto& f2 : pe.fuzzy) {
          auto& v = lex_->fuzzy_[f2];
          if (std::find(v.begin(), v.end(), index) == v.end()) v.push_back(index);
        }
        lex_->entities_.push_back(std::move(pe.e));
      }
    }
    return Status::OK();
  }

  Status LoadTitles(const std::string& path) {
    return ForEachJsonLine(path, [&](const Json& j, size_t) -> Status {
      LexTitle t;
      t.key = GetString(j, "key");
      t.kind = GetString(j, "kind");
      t.org = GetString(j, "org");
      if (auto r = j.find("regnal"); r != j.end() && r->is_boolean()) t.regnal = r->get<bool>();
      if (auto l = j.find("labels"); l != j.end() && l->is_object()) t.label_en = GetString(*l, "en");
      if (t.key.empty()) return Status::InvalidArgument("title without a \"key\"");
      auto index = static_cast<uint32_t>(lex_->titles_.size());
      ForEachName(j, "labels", [&](const std::string&, const std::string& n) {
        names_.push_back({index, MatchKind::kTitle, n});
      });
      ForEachName(j, "aliases", [&](const std::string&, const std::string& n) {
        names_.push_back({index, MatchKind::kTitle, n});
      });
      lex_->titles_.push_back(std::move(t));
      return Status::OK();
    });
  }

  // {"key","type","complement","keep_head","suffix_en","ar":[…],"en":[…]}
  Status LoadHeads(const std::string& path) {
    return ForEachJsonLine(path, [&](const Json& j, size_t) -> Status {
      HeadRule h;
      h.key = GetString(j, "key");
      std::string type = GetString(j, "type");
      if (!ParseEntityType(type, &h.type)) {
        return Status::InvalidArgument("head rule \"" + h.key + "\" has unknown type \"" + type + "\"");
      }
      if (auto c = GetString(j, "complement"); !c.empty()) h.complement = c;
      if (auto k = j.find("keep_head"); k != j.end() && k->is_boolean()) h.keep_head = k->get<bool>();
      if (auto s = j.find("suffix_en"); s != j.end() && s->is_boolean()) h.suffix_en = s->get<bool>();
      bool anaphora = true;
      if (auto a = j.find("anaphora"); a != j.end() && a->is_boolean()) anaphora = a->get<bool>();
      auto index = static_cast<uint32_t>(lex_->heads_.size());
      for (const char* lang : {"ar", "en"}) {
        auto it = j.find(lang);
        if (it == j.end() || !it->is_array()) continue;
        for (const auto& v : *it) {
          if (!v.is_string()) continue;
          std::string form = v.get<std::string>();
          std::string folded = text::Fold(form);
          names_.push_back({index, MatchKind::kHead, form});
          if (std::string_view(lang) == "ar") {
            if (folded.rfind("\xD8\xA7\xD9\x84", 0) == 0) folded = folded.substr(4);
            h.head_forms.push_back(folded);
            names_.push_back({index, MatchKind::kHead, "\xD8\xA7\xD9\x84" + folded});
            if (anaphora && folded.find(' ') == std::string::npos) {
              names_.push_back({index, MatchKind::kAnaphor, "\xD8\xA7\xD9\x84" + folded});
            }
          } else {
            h.head_forms.push_back(folded);
            if (anaphora && folded.find(' ') == std::string::npos) {
              names_.push_back({index, MatchKind::kAnaphor, "the " + folded});
            }
          }
        }
      }
      lex_->heads_.push_back(std::move(h));
      return Status::OK();
    });
  }

  // One word a line; "#" starts a comment; a trailing " ?" marks a given name
  // that is also a common word. The file name gives the class:
  // given.*, stop.*, common.*, speech.*, time.*, connectors.*, ordinal.*.
  Status LoadWords(const std::string& path) {
    std::string base = fs::path(path).filename().string();
    if (base.rfind("plural_heads", 0) == 0) return LoadPlurals(path);
    uint32_t cls = 0;
    static const struct {
      const char* prefix;
      uint32_t cls;
    } kFiles[] = {{"given", kGivenName}, {"stop", kStopWord}, {"common", kCommonWord},
                  {"speech", kSpeechVerb}, {"time", kTimeWord}, {"connectors", kNameConnector},
                  {"nisba", kNisbaSurname},
                  {"metonymy", kMetonymyCue}, {"placecue", kPlaceCue},
                  {"ordinal", kOrdinal}};
    for (const auto& f : kFiles) {
      if (base.rfind(f.prefix, 0) == 0) cls = f.cls;
    }
    if (cls == 0) return Status::OK();  // not a word list this version knows
    std::string data;
    NG_RETURN_IF_ERROR(ReadWhole(path, &data));
    std::istringstream in(data);
    std::string line;
    while (std::getline(in, line)) {
      size_t hash = line.find('#');
      if (hash != std::string::npos) line.resize(hash);
      uint32_t extra = 0;
      std::string folded = text::Fold(line);
      if (folded.size() > 2 && folded.compare(folded.size() - 2, 2, " ?") == 0) {
        extra = kAmbiguousGiven;
        folded.resize(folded.size() - 2);
      }
      if (folded.empty()) continue;
      uint32_t id = lex_->vocab_.Intern(folded);
      lex_->vocab_.AddClass(id, cls | extra);
    }
    return Status::OK();
  }

  // "plural singular" a line.
  Status LoadPlurals(const std::string& path) {
    std::string data;
    NG_RETURN_IF_ERROR(ReadWhole(path, &data));
    std::istringstream in(data);
    std::string line;
    while (std::getline(in, line)) {
      size_t hash = line.find('#');
      if (hash != std::string::npos) line.resize(hash);
      std::string folded = text::Fold(line);
      size_t sp = folded.find(' ');
      if (sp == std::string::npos) continue;
      uint32_t plural = lex_->vocab_.Intern(folded.substr(0, sp));
      lex_->singular_[plural] = lex_->vocab_.Intern(folded.substr(sp + 1));
    }
    return Status::OK();
  }

  void AddName(const std::string& name, MatchKind kind, uint32_t target) {
    std::string folded = text::Fold(name);
    thread_local std::vector<std::string_view> toks;
    toks.clear();
    Segmenter::NameTokens(folded, &toks);
    if (toks.empty()) return;
    size_t letters = 0;
    for (unsigned char c : folded) letters += (c & 0xC0) != 0x80 && c != ' ';
    if (letters < 2) return;
    std::vector<uint32_t> ids;
    ids.reserve(toks.size());
    // Only tokens of people's names make a word name-like: tokens of places
    // and organisations are ordinary words too often (الوطني، الدفاع).
    uint32_t cls = 0;
    if (kind == MatchKind::kTitle) cls = kTitleWord;
    if (kind == MatchKind::kName && lex_->entities_[target].type == EntityType::kPerson) {
      cls = kNamePart;
    }
    for (auto t : toks) {
      uint32_t id = lex_->vocab_.Intern(t);
      if (cls) lex_->vocab_.AddClass(id, cls);
      // The first word of a head rule (وزارة of "وزارة الخارجية") marks it.
      if (kind == MatchKind::kHead && ids.empty()) lex_->vocab_.AddClass(id, kHeadWord);
      ids.push_back(id);
    }
    Payload p{target, kind, 0, 0};
    if (IsLatinName(name)) {
      p.flags |= kNeedsUpper;
      if (IsAcronym(name)) {
        p.flags |= kExactCase;
        p.exact = static_cast<uint32_t>(lex_->exact_forms_.size());
        std::string letters_only;
        for (char c : name) {
          if (std::isalnum(static_cast<unsigned char>(c))) letters_only.push_back(c);
        }
        lex_->exact_forms_.push_back(letters_only);
      }
    }
    if (kind == MatchKind::kName && ids.size() == 1) lex_->vocab_.AddClass(ids[0], kWholeName);
    lex_->trie_.Add(ids, p);
    ++lex_->name_count_;
  }

  Lexicon* lex_;
  std::vector<PendingName> names_;
};

Result<std::unique_ptr<Lexicon>> Lexicon::Load(const std::vector<std::string>& dirs) {
  auto lex = std::make_unique<Lexicon>();
  LexiconBuilder b(lex.get());
  try {
    for (const auto& d : dirs) NG_RETURN_IF_ERROR(b.LoadDir(d));
    b.Finish();
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("lexicon: ") + e.what());
  }
  return lex;
}

int32_t Lexicon::FindEntity(std::string_view key) const {
  auto it = by_key_.find(std::string(key));
  return it == by_key_.end() ? -1 : static_cast<int32_t>(it->second);
}

const std::vector<uint32_t>* Lexicon::FindFuzzy(const std::string& fuzzy) const {
  auto it = fuzzy_.find(fuzzy);
  return it == fuzzy_.end() ? nullptr : &it->second;
}

const char* EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "Person";
    case EntityType::kOrganization: return "Organization";
    case EntityType::kCountry: return "Country";
    case EntityType::kCity: return "City";
    case EntityType::kRegion: return "Region";
    case EntityType::kFacility: return "Facility";
    case EntityType::kGroup: return "Group";
    case EntityType::kEvent: return "Event";
    case EntityType::kOther: return "Other";
  }
  return "Other";
}

bool ParseEntityType(std::string_view name, EntityType* out) {
  for (int i = 0; i <= static_cast<int>(EntityType::kOther); ++i) {
    auto t = static_cast<EntityType>(i);
    if (name == EntityTypeName(t)) {
      *out = t;
      return true;
    }
  }
  return false;
}

std::string BuiltinLexiconDir() {
  if (const char* env = std::getenv("NEWSGRAPH_LEXICON"); env && *env) return env;
#ifdef NEWSGRAPH_LEXICON_DIR
  return NEWSGRAPH_LEXICON_DIR;
#else
  return "lexicon";
#endif
}

}  // namespace newsgraph::ingest
