// Value: one cell of a query result, or a query parameter.
//
// Values are typed as in openCypher: null, boolean, integer, float, string,
// date, node (an entity), relationship (a fact), path, list and map. A fact
// whose object is a literal (holds_position "Deputy Minister of Defence")
// yields that literal as a string, integer, float or date value.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace newsgraph {

struct Date {
  int32_t days = 0;  // since 1970-01-01
  std::string ToString() const;  // YYYY-MM-DD
  bool operator==(const Date&) const = default;
};

// An entity. `key` is its stable slug, `name` its display label, `type` one
// of Person, Organization, Country, City, Region, Facility, Group, Event,
// Other (or a type imported with the data).
struct Node {
  uint64_t id = 0;
  std::string key;
  std::string name;
  std::string type;
};

// A fact: subject -[predicate]-> object, with how often it was reported.
struct Relationship {
  uint64_t subject = 0;    // node id
  uint64_t predicate_id = 0;
  uint64_t object = 0;     // node id, or the id of a literal
  std::string predicate;   // "supports"
  std::string subject_name;
  std::string object_name;
  uint64_t mentions = 0;   // sightings
  uint64_t articles = 0;   // distinct articles: the fact's weight
  int32_t first_day = INT32_MIN;  // days since 1970-01-01 of the first and last
  int32_t last_day = INT32_MIN;   // article dates; INT32_MIN when unknown
  bool has_summary = false;       // the counts and days above are filled
};

class Value;
using List = std::vector<Value>;
using Map = std::vector<std::pair<std::string, Value>>;  // in insertion order

struct Path {
  std::vector<Node> nodes;
  std::vector<Relationship> relationships;  // nodes.size() - 1 of them
};

class Value {
 public:
  enum class Type { kNull, kBool, kInt, kDouble, kString, kDate, kNode, kRelationship, kPath, kList, kMap };

  Value() = default;
  static Value Bool(bool b) { return Value(Rep(b)); }
  static Value Int(int64_t i) { return Value(Rep(i)); }
  static Value Double(double d) { return Value(Rep(d)); }
  static Value String(std::string s) { return Value(Rep(std::move(s))); }
  static Value FromDate(Date d) { return Value(Rep(d)); }
  static Value FromNode(Node n) { return Value(Rep(std::make_shared<Node>(std::move(n)))); }
  static Value FromRelationship(Relationship r) {
    return Value(Rep(std::make_shared<Relationship>(std::move(r))));
  }
  static Value FromPath(Path p) { return Value(Rep(std::make_shared<Path>(std::move(p)))); }
  static Value FromList(List l) { return Value(Rep(std::make_shared<List>(std::move(l)))); }
  static Value FromMap(Map m) { return Value(Rep(std::make_shared<Map>(std::move(m)))); }

  Type type() const { return static_cast<Type>(rep_.index()); }
  bool is_null() const { return type() == Type::kNull; }

  // REQUIRES: the matching type().
  bool AsBool() const { return std::get<bool>(rep_); }
  int64_t AsInt() const { return std::get<int64_t>(rep_); }
  double AsDouble() const { return std::get<double>(rep_); }
  const std::string& AsString() const { return std::get<std::string>(rep_); }
  Date AsDate() const { return std::get<Date>(rep_); }
  const Node& AsNode() const { return *std::get<std::shared_ptr<Node>>(rep_); }
  const Relationship& AsRelationship() const { return *std::get<std::shared_ptr<Relationship>>(rep_); }
  const Path& AsPath() const { return *std::get<std::shared_ptr<Path>>(rep_); }
  const List& AsList() const { return *std::get<std::shared_ptr<List>>(rep_); }
  const Map& AsMap() const { return *std::get<std::shared_ptr<Map>>(rep_); }
  // A number as double (int or float). REQUIRES: IsNumber().
  double AsNumber() const { return type() == Type::kInt ? static_cast<double>(AsInt()) : AsDouble(); }
  bool IsNumber() const { return type() == Type::kInt || type() == Type::kDouble; }

  // Mutable access for the engine, which fills node names lazily.
  Node* MutableNode() { return std::get<std::shared_ptr<Node>>(rep_).get(); }
  Relationship* MutableRelationship() { return std::get<std::shared_ptr<Relationship>>(rep_).get(); }

  // Plain text for tables: strings as they are, null as "", nodes by name,
  // lists as [a, b], maps as {k: v}.
  std::string ToString() const;
  // JSON text of the value (nodes and relationships as objects).
  std::string ToJson() const;

  // A total order for ORDER BY and DISTINCT: null sorts last; numbers compare
  // by value across int and float; other types by type first.
  static int Compare(const Value& a, const Value& b);
  bool operator==(const Value& o) const { return Compare(*this, o) == 0; }
  size_t Hash() const;

 private:
  using Rep = std::variant<std::monostate, bool, int64_t, double, std::string, Date,
                           std::shared_ptr<Node>, std::shared_ptr<Relationship>,
                           std::shared_ptr<Path>, std::shared_ptr<List>, std::shared_ptr<Map>>;
  explicit Value(Rep r) : rep_(std::move(r)) {}
  Rep rep_;
};

const char* TypeName(Value::Type t);

// Parses a parameter given on a command line: integers, decimals, true,
// false, null, "quoted strings", date("YYYY-MM-DD") and JSON lists/maps;
// anything else is taken as a plain string.
Value ParseParameterValue(const std::string& text);

}  // namespace newsgraph
