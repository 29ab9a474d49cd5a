// Reading report specs. nlohmann::json throws; every exception stops here
// and becomes a Status naming the file.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tools/newsgraph/report.h"

namespace newsgraph::cli {

namespace {

using nlohmann::json;

// A value given as text (on the command line, or a date default), typed as
// the parameter is declared.
Result<Value> Typed(const ReportParameter& p, const std::string& text) {
  if (p.type == "string") return Value::String(text);
  if (p.type == "date") {
    Value v = ParseParameterValue(text.starts_with("date(") ? text : "date(\"" + text + "\")");
    if (v.type() != Value::Type::kDate) return Status::InvalidArgument("parameter " + p.name + ": \"" + text + "\" is not a date (YYYY-MM-DD)");
    return v;
  }
  Value v = ParseParameterValue(text);
  bool ok = (p.type == "integer" && v.type() == Value::Type::kInt) ||
            (p.type == "float" && v.IsNumber()) || (p.type == "boolean" && v.type() == Value::Type::kBool) ||
            (p.type == "list" && v.type() == Value::Type::kList) || p.type == "any";
  if (!ok) return Status::InvalidArgument("parameter " + p.name + ": \"" + text + "\" is not of type " + p.type);
  if (p.type == "float" && v.type() == Value::Type::kInt) v = Value::Double(static_cast<double>(v.AsInt()));
  return v;
}

std::string Display(const Value& v) { return v.type() == Value::Type::kString ? v.AsString() : v.ToString(); }

std::string Str(const json& o, const char* key, const std::string& fallback = "") {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return fallback;
  if (!it->is_string()) throw std::runtime_error(std::string("\"") + key + "\" must be a string");
  return it->get<std::string>();
}

Status Parse(const json& j, const std::filesystem::path& dir, ReportSpec* spec) {
  if (!j.is_object()) return Status::InvalidArgument("the spec must be a JSON object");
  spec->title = Str(j, "title");
  if (spec->title.empty()) return Status::InvalidArgument("the spec needs a \"title\"");
  spec->description = Str(j, "description");
  spec->lang = Str(j, "lang");
  if (auto it = j.find("parameters"); it != j.end()) {
    if (!it->is_object()) return Status::InvalidArgument("\"parameters\" must be an object of NAME: {\"default\": …}");
    for (const auto& [name, d] : it->items()) {
      ReportParameter p;
      p.name = name;
      json def = d;
      if (d.is_object()) {
        p.type = Str(d, "type", "string");
        p.description = Str(d, "description");
        def = d.contains("default") ? d["default"] : json();
      } else if (!d.is_string()) {
        p.type = d.is_number_integer() ? "integer" : d.is_number() ? "float" : d.is_boolean() ? "boolean" : "any";
      }
      static const char* kTypes[] = {"string", "integer", "float", "boolean", "date", "list", "any"};
      if (std::find(std::begin(kTypes), std::end(kTypes), p.type) == std::end(kTypes)) {
        return Status::InvalidArgument("parameter " + name + ": unknown type \"" + p.type + "\"");
      }
      if (def.is_string()) {
        NG_ASSIGN_OR_RETURN(p.value, Typed(p, def.get<std::string>()));
      } else {
        p.value = ParseParameterValue(def.dump());  // the JSON reading --param uses
      }
      p.display = Display(p.value);
      spec->parameters.push_back(std::move(p));
    }
  }
  auto secs = j.find("sections");
  if (secs == j.end() || !secs->is_array() || secs->empty()) {
    return Status::InvalidArgument("the spec needs \"sections\": a list of {\"heading\", \"query\"}");
  }
  for (size_t i = 0; i < secs->size(); ++i) {
    const json& s = (*secs)[i];
    std::string where = "section " + std::to_string(i + 1);
    if (!s.is_object()) return Status::InvalidArgument(where + " must be an object");
    ReportSection sec;
    sec.heading = Str(s, "heading");
    sec.text = Str(s, "text");
    sec.query = Str(s, "query");
    sec.format = Str(s, "format", "table");
    sec.picture = Str(s, "picture", "auto");
    sec.empty = Str(s, "empty", "No rows.");
    if (std::string file = Str(s, "query_file"); !file.empty()) {
      std::ifstream in(dir / file, std::ios::binary);
      if (!in) return Status::InvalidArgument(where + ": cannot read " + (dir / file).string());
      std::stringstream ss;
      ss << in.rdbuf();
      sec.query = ss.str();
    }
    if (sec.heading.empty()) return Status::InvalidArgument(where + " needs a \"heading\"");
    if (sec.query.empty()) return Status::InvalidArgument(where + " needs a \"query\" or \"query_file\"");
    if (sec.format != "table" && sec.format != "list" && sec.format != "none") {
      return Status::InvalidArgument(where + ": \"format\" is table, list or none");
    }
    if (sec.picture != "auto" && sec.picture != "none" && sec.picture != "dot" && sec.picture != "sfdp") {
      return Status::InvalidArgument(where + ": \"picture\" is auto, none, dot or sfdp");
    }
    spec->sections.push_back(std::move(sec));
  }
  return Status::OK();
}

}  // namespace

Result<ReportSpec> LoadReportSpec(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  ReportSpec spec;
  try {
    json j = json::parse(in);
    Status s = Parse(j, std::filesystem::path(path).parent_path(), &spec);
    if (!s.ok()) return s.WithContext(path);
  } catch (const std::exception& e) {
    return Status::InvalidArgument(path + ": " + e.what());
  }
  return spec;
}

Status OverrideParameter(ReportSpec* spec, const std::string& assignment) {
  size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) return Status::InvalidArgument("--param needs NAME=VALUE, got \"" + assignment + "\"");
  std::string name = assignment.substr(0, eq), text = assignment.substr(eq + 1);
  for (auto& p : spec->parameters) {
    if (p.name != name) continue;
    NG_ASSIGN_OR_RETURN(p.value, Typed(p, text));
    p.display = Display(p.value);
    return Status::OK();
  }
  // An undeclared parameter is passed on as given: the queries may use it.
  ReportParameter p;
  p.name = name;
  p.type = "any";
  p.value = ParseParameterValue(text);
  p.display = Display(p.value);
  spec->parameters.push_back(std::move(p));
  return Status::OK();
}

}  // namespace newsgraph::cli
