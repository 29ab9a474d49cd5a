#include "newsgraph/value.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include "core/date.h"

namespace newsgraph {

std::string Date::ToString() const { return FormatIsoDate(days); }

const char* TypeName(Value::Type t) {
  switch (t) {
    case Value::Type::kNull: return "NULL";
    case Value::Type::kBool: return "BOOLEAN";
    case Value::Type::kInt: return "INTEGER";
    case Value::Type::kDouble: return "FLOAT";
    case Value::Type::kString: return "STRING";
    case Value::Type::kDate: return "DATE";
    case Value::Type::kNode: return "NODE";
    case Value::Type::kRelationship: return "RELATIONSHIP";
    case Value::Type::kPath: return "PATH";
    case Value::Type::kList: return "LIST";
    case Value::Type::kMap: return "MAP";
  }
  return "?";
}

namespace {

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  std::string s = buf;
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

nlohmann::json ToJsonValue(const Value& v) {
  using T = Value::Type;
  switch (v.type()) {
    case T::kNull: return nullptr;
    case T::kBool: return v.AsBool();
    case T::kInt: return v.AsInt();
    case T::kDouble: return v.AsDouble();
    case T::kString: return v.AsString();
    case T::kDate: return v.AsDate().ToString();
    case T::kNode: {
      const Node& n = v.AsNode();
      return {{"id", n.id}, {"key", n.key}, {"name", n.name}, {"type", n.type}};
    }
    case T::kRelationship: {
      const Relationship& r = v.AsRelationship();
      return {{"subject", r.subject_name}, {"predicate", r.predicate}, {"object", r.object_name},
              {"mentions", r.mentions}, {"articles", r.articles}};
    }
    case T::kPath: {
      nlohmann::json nodes = nlohmann::json::array(), rels = nlohmann::json::array();
      const Path& p = v.AsPath();
      for (const auto& n : p.nodes) nodes.push_back(ToJsonValue(Value::FromNode(n)));
      for (const auto& r : p.relationships) rels.push_back(ToJsonValue(Value::FromRelationship(r)));
      return {{"nodes", nodes}, {"relationships", rels}};
    }
    case T::kList: {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& x : v.AsList()) a.push_back(ToJsonValue(x));
      return a;
    }
    case T::kMap: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& [k, x] : v.AsMap()) o[k] = ToJsonValue(x);
      return o;
    }
  }
  return nullptr;
}

int TypeRank(Value::Type t) {
  // Cypher's order across types: map, node, relationship, list, path,
  // string, boolean, number, (temporal), null last.
  using T = Value::Type;
  switch (t) {
    case T::kMap: return 0;
    case T::kNode: return 1;
    case T::kRelationship: return 2;
    case T::kList: return 3;
    case T::kPath: return 4;
    case T::kString: return 5;
    case T::kBool: return 6;
    case T::kInt:
    case T::kDouble: return 7;
    case T::kDate: return 8;
    case T::kNull: return 9;
  }
  return 10;
}

template <class T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace

std::string Value::ToString() const {
  switch (type()) {
    case Type::kNull: return "";
    case Type::kBool: return AsBool() ? "true" : "false";
    case Type::kInt: return std::to_string(AsInt());
    case Type::kDouble: return FormatDouble(AsDouble());
    case Type::kString: return AsString();
    case Type::kDate: return AsDate().ToString();
    case Type::kNode: return AsNode().name.empty() ? AsNode().key : AsNode().name;
    case Type::kRelationship: {
      const Relationship& r = AsRelationship();
      return "(" + r.subject_name + ")-[:" + r.predicate + "]->(" + r.object_name + ")";
    }
    case Type::kPath: {
      const Path& p = AsPath();
      std::string s;
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        if (i > 0) {
          const Relationship& r = p.relationships[i - 1];
          bool forward = r.subject == p.nodes[i - 1].id;
          s += forward ? "-[:" + r.predicate + "]->" : "<-[:" + r.predicate + "]-";
        }
        s += "(" + (p.nodes[i].name.empty() ? p.nodes[i].key : p.nodes[i].name) + ")";
      }
      return s;
    }
    case Type::kList: {
      std::string s = "[";
      const List& l = AsList();
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) s += ", ";
        s += l[i].type() == Type::kString ? "\"" + l[i].AsString() + "\"" : l[i].ToString();
      }
      return s + "]";
    }
    case Type::kMap: {
      std::string s = "{";
      bool first = true;
      for (const auto& [k, v] : AsMap()) {
        if (!first) s += ", ";
        first = false;
        s += k + ": " + (v.type() == Type::kString ? "\"" + v.AsString() + "\"" : v.ToString());
      }
      return s + "}";
    }
  }
  return "";
}

std::string Value::ToJson() const {
  return ToJsonValue(*this).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int Value::Compare(const Value& a, const Value& b) {
  Type ta = a.type(), tb = b.type();
  if (a.IsNumber() && b.IsNumber()) {
    if (ta == Type::kInt && tb == Type::kInt) return Cmp(a.AsInt(), b.AsInt());
    double x = a.AsNumber(), y = b.AsNumber();
    if (std::isnan(x) || std::isnan(y)) return Cmp(std::isnan(x), std::isnan(y));
    return Cmp(x, y);
  }
  if (ta != tb) return Cmp(TypeRank(ta), TypeRank(tb));
  switch (ta) {
    case Type::kNull: return 0;
    case Type::kBool: return Cmp(a.AsBool(), b.AsBool());
    case Type::kString: return a.AsString().compare(b.AsString()) < 0 ? -1 : (a.AsString() == b.AsString() ? 0 : 1);
    case Type::kDate: return Cmp(a.AsDate().days, b.AsDate().days);
    case Type::kNode: return Cmp(a.AsNode().id, b.AsNode().id);
    case Type::kRelationship: {
      const auto &x = a.AsRelationship(), &y = b.AsRelationship();
      return Cmp(std::tie(x.subject, x.predicate_id, x.object), std::tie(y.subject, y.predicate_id, y.object));
    }
    case Type::kPath: {
      const auto &x = a.AsPath(), &y = b.AsPath();
      size_t n = std::min(x.nodes.size(), y.nodes.size());
      for (size_t i = 0; i < n; ++i) {
        if (int c = Cmp(x.nodes[i].id, y.nodes[i].id)) return c;
      }
      return Cmp(x.nodes.size(), y.nodes.size());
    }
    case Type::kList: {
      const auto &x = a.AsList(), &y = b.AsList();
      size_t n = std::min(x.size(), y.size());
      for (size_t i = 0; i < n; ++i) {
        if (int c = Compare(x[i], y[i])) return c;
      }
      return Cmp(x.size(), y.size());
    }
    case Type::kMap: {
      const auto &x = a.AsMap(), &y = b.AsMap();
      size_t n = std::min(x.size(), y.size());
      for (size_t i = 0; i < n; ++i) {
        if (int c = x[i].first.compare(y[i].first)) return c < 0 ? -1 : 1;
        if (int c = Compare(x[i].second, y[i].second)) return c;
      }
      return Cmp(x.size(), y.size());
    }
    default: return 0;
  }
}

size_t Value::Hash() const {
  auto mix = [](size_t h, size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); };
  size_t h = static_cast<size_t>(type() == Type::kDouble ? Type::kInt : type());
  switch (type()) {
    case Type::kNull: return h;
    case Type::kBool: return mix(h, AsBool());
    case Type::kInt: return mix(h, std::hash<double>()(static_cast<double>(AsInt())));
    case Type::kDouble: return mix(h, std::hash<double>()(AsDouble()));
    case Type::kString: return mix(h, std::hash<std::string>()(AsString()));
    case Type::kDate: return mix(h, static_cast<size_t>(AsDate().days));
    case Type::kNode: return mix(h, AsNode().id);
    case Type::kRelationship: {
      const auto& r = AsRelationship();
      return mix(mix(mix(h, r.subject), r.predicate_id), r.object);
    }
    case Type::kPath:
      for (const auto& n : AsPath().nodes) h = mix(h, n.id);
      return h;
    case Type::kList:
      for (const auto& x : AsList()) h = mix(h, x.Hash());
      return h;
    case Type::kMap:
      for (const auto& [k, x] : AsMap()) h = mix(mix(h, std::hash<std::string>()(k)), x.Hash());
      return h;
  }
  return h;
}

namespace {

Value FromJson(const nlohmann::json& j) {
  if (j.is_null()) return Value();
  if (j.is_boolean()) return Value::Bool(j.get<bool>());
  if (j.is_number_integer()) return Value::Int(j.get<int64_t>());
  if (j.is_number()) return Value::Double(j.get<double>());
  if (j.is_string()) return Value::String(j.get<std::string>());
  if (j.is_array()) {
    List l;
    for (const auto& x : j) l.push_back(FromJson(x));
    return Value::FromList(std::move(l));
  }
  Map m;
  for (const auto& [k, x] : j.items()) m.emplace_back(k, FromJson(x));
  return Value::FromMap(std::move(m));
}

}  // namespace

Value ParseParameterValue(const std::string& text) {
  if (text == "null") return Value();
  if (text == "true") return Value::Bool(true);
  if (text == "false") return Value::Bool(false);
  if (text.size() >= 18 && text.starts_with("date(") && text.back() == ')') {
    std::string inner = text.substr(5, text.size() - 6);
    if (inner.size() >= 2 && (inner[0] == '"' || inner[0] == '\'')) inner = inner.substr(1, inner.size() - 2);
    if (auto d = ParseIsoDate(inner)) return Value::FromDate(Date{*d});
  }
  if (!text.empty() && (text[0] == '[' || text[0] == '{' || text[0] == '"' || text[0] == '-' ||
                        (text[0] >= '0' && text[0] <= '9'))) {
    try {
      return FromJson(nlohmann::json::parse(text));
    } catch (const nlohmann::json::exception&) {
      // Not JSON: a plain string.
    }
  }
  return Value::String(text);
}

}  // namespace newsgraph
