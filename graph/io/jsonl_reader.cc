#include "graph/io/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "graph/model/date.h"
#include "text/utf8.h"

namespace newsgraph::graph {

namespace {

using json = nlohmann::json;

struct LineError {
  std::string message;
};

std::string GetString(const json& j, const char* field) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_string()) throw LineError{std::string("field \"") + field + "\" must be a string"};
  return it->get<std::string>();
}

void ReadNames(const json& j, const char* field, TermRecord* t, bool labels) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_object()) throw LineError{std::string("field \"") + field + "\" must be an object of languages"};
  for (const auto& [lang, v] : it->items()) {
    if (labels) {
      if (!v.is_string()) throw LineError{std::string("\"") + field + "." + lang + "\" must be a string"};
      t->labels[lang] = v.get<std::string>();
    } else {
      if (!v.is_array()) throw LineError{std::string("\"") + field + "." + lang + "\" must be an array"};
      for (const auto& n : v) {
        if (!n.is_string()) throw LineError{std::string("\"") + field + "." + lang + "\" must hold strings"};
        t->aliases[lang].push_back(n.get<std::string>());
      }
    }
  }
}

uint32_t EntityRef(const json& j, const char* field, RecordSet* rs) {
  TermRecord t;
  t.kind = TermKind::kEntity;
  if (j.is_string()) {
    t.key = j.get<std::string>();
  } else if (j.is_object()) {
    t.key = GetString(j, "key");
    t.type = GetString(j, "type");
    std::string label = GetString(j, "label");
    std::string lang = GetString(j, "lang");
    if (!label.empty()) t.labels[lang.empty() ? "en" : lang] = label;
    ReadNames(j, "labels", &t, true);
    ReadNames(j, "aliases", &t, false);
  } else {
    throw LineError{std::string("field \"") + field + "\" must be an entity key or object"};
  }
  if (t.key.empty()) throw LineError{std::string("field \"") + field + "\" has no key"};
  return rs->AddTerm(std::move(t));
}

uint32_t ObjectRef(const json& j, RecordSet* rs) {
  if (j.is_object() && j.contains("value")) {
    TermRecord t;
    const json& v = j["value"];
    std::string dt = GetString(j, "datatype");
    if (v.is_number_integer() && dt.empty()) dt = "integer";
    if (v.is_number_float() && dt.empty()) dt = "decimal";
    if (dt.empty() || dt == "string") {
      t.kind = TermKind::kString;
    } else if (dt == "integer") {
      t.kind = TermKind::kInteger;
    } else if (dt == "decimal") {
      t.kind = TermKind::kDecimal;
    } else if (dt == "date") {
      t.kind = TermKind::kDate;
    } else {
      throw LineError{"unknown datatype \"" + dt + "\" (string, integer, decimal, date)"};
    }
    t.key = v.is_string() ? v.get<std::string>() : v.dump();
    if (!CanonicaliseLiteral(t.kind, &t.key)) {
      throw LineError{"\"" + t.key + "\" is not a valid " + dt};
    }
    if (t.kind == TermKind::kString) t.lang = GetString(j, "lang");
    return rs->AddTerm(std::move(t));
  }
  return EntityRef(j, "object", rs);
}

void ParseLine(const json& j, RecordSet* rs) {
  if (!j.is_object()) throw LineError{"a line must hold one JSON object"};
  for (const char* f : {"subject", "predicate", "object"}) {
    if (!j.contains(f)) throw LineError{std::string("missing field \"") + f + "\""};
  }
  RecordSet::Record r{};
  r.s = EntityRef(j["subject"], "subject", rs);
  std::string p = GetString(j, "predicate");
  if (p.empty()) throw LineError{"empty predicate"};
  TermRecord pt;
  pt.kind = TermKind::kPredicate;
  pt.key = p;
  r.p = rs->AddTerm(std::move(pt));
  r.o = ObjectRef(j["object"], rs);

  std::string article = GetString(j, "article");
  if (article.empty()) throw LineError{"missing field \"article\" (every fact needs a source)"};
  r.article = rs->AddArticle(article);
  ArticleRecord& a = rs->articles[r.article];
  auto fill = [&](std::string& dst, const char* field) {
    std::string v = GetString(j, field);
    if (!v.empty() && dst.empty()) dst = v;
  };
  fill(a.title, "title");
  fill(a.source, "source");
  fill(a.url, "url");
  fill(a.lang, "lang");
  std::string date = GetString(j, "date");
  if (!date.empty()) {
    auto d = ParseIsoDate(date);
    if (!d) throw LineError{"\"date\" must be YYYY-MM-DD, got \"" + date + "\""};
    a.day = *d;
  }

  MentionRecord m;
  m.rule = "import";
  bool has_provenance = false;
  auto num = [&](const char* field, double lo, double hi) -> std::optional<double> {
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) throw LineError{std::string("field \"") + field + "\" must be a number"};
    double v = it->get<double>();
    if (!(v >= lo && v <= hi)) throw LineError{std::string("field \"") + field + "\" is out of range"};
    has_provenance = true;
    return v;
  };
  if (auto v = num("sentence", 0, 4294967295.0)) r.sentence = static_cast<uint32_t>(*v);
  if (auto v = num("start", 0, 4294967295.0)) m.start = static_cast<uint32_t>(*v);
  if (auto v = num("end", 0, 4294967295.0)) m.end = static_cast<uint32_t>(*v);
  if (auto v = num("confidence", 0, 1)) m.confidence = static_cast<uint8_t>(std::lround(*v * 100));
  if (auto v = num("count", 0, 9e15)) m.count = static_cast<int64_t>(*v);
  std::string rule = GetString(j, "rule");
  if (!rule.empty()) {
    m.rule = rule;
    has_provenance = true;
  }
  if (auto it = j.find("negated"); it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) throw LineError{"field \"negated\" must be true or false"};
    m.negated = it->get<bool>();
    has_provenance = true;
  }
  m.evidence = GetString(j, "evidence");
  if (!m.evidence.empty()) has_provenance = true;
  std::string event_date = GetString(j, "event_date");
  if (!event_date.empty()) {
    auto d = ParseIsoDate(event_date);
    if (!d) throw LineError{"\"event_date\" must be YYYY-MM-DD"};
    m.day = *d;
    has_provenance = true;
  }
  uint32_t attributed = RecordSet::kNone, place = RecordSet::kNone;
  if (auto it = j.find("attributed_to"); it != j.end() && !it->is_null()) {
    attributed = EntityRef(*it, "attributed_to", rs);
    has_provenance = true;
  }
  if (auto it = j.find("place"); it != j.end() && !it->is_null()) {
    place = EntityRef(*it, "place", rs);
    has_provenance = true;
  }
  if (has_provenance) {
    r.mention = static_cast<uint32_t>(rs->mentions.size());
    rs->mentions.push_back(std::move(m));
    rs->mention_terms.emplace_back(attributed, place);
  }
  rs->records.push_back(r);
}

}  // namespace

bool ParseJsonLine(std::string_view line, RecordSet* rs, std::string* error, size_t* column) {
  json j;
  try {
    j = json::parse(line);
  } catch (const json::out_of_range& e) {
    // Numbers too large for a double ("9e999") are refused while parsing.
    *column = 1;
    *error = std::string("invalid JSON: ") + e.what();
    return false;
  } catch (const json::parse_error& e) {
    // nlohmann reports the byte after the error, 1-based.
    size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    *column = text::PositionAt(line, std::min(byte, line.size())).column;
    std::string what = e.what();
    size_t cut = what.find("parse error");
    *error = "invalid JSON: " + (cut == std::string::npos ? what : what.substr(cut));
    return false;
  }
  try {
    ParseLine(j, rs);
  } catch (const LineError& e) {
    *error = e.message;
    *column = 1;
    return false;
  } catch (const json::exception& e) {
    *error = e.what();
    *column = 1;
    return false;
  }
  return true;
}

}  // namespace newsgraph::graph
