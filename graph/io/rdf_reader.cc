#include "graph/io/rdf_reader.h"

#include <array>
#include <cctype>
#include <cstring>

#include "text/utf8.h"

namespace newsgraph::graph {

namespace {

class LineParser {
 public:
  LineParser(std::string_view line, std::string* error) : s_(line), error_(error) {}

  size_t pos() const { return i_; }
  size_t error_pos() const { return err_pos_; }

  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  bool AtEnd() {
    SkipSpace();
    return i_ >= s_.size() || s_[i_] == '#';
  }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }

  bool Fail(std::string msg, size_t at) {
    if (error_->empty()) {
      *error_ = std::move(msg);
      err_pos_ = at;
    }
    return false;
  }

  bool Term(RdfTerm* t, bool allow_literal, bool allow_blank, const char* what) {
    SkipSpace();
    t->lang = {};
    t->datatype = {};
    t->value = {};
    char c = Peek();
    if (c == '<') {
      t->kind = RdfTerm::kIri;
      return Iri(&t->value, &t->buf[0]);
    }
    if (c == '_' && allow_blank) {
      t->kind = RdfTerm::kBlank;
      return Blank(&t->value);
    }
    if (c == '"' && allow_literal) {
      t->kind = RdfTerm::kLiteral;
      return Literal(t);
    }
    if (i_ >= s_.size()) return Fail(std::string("expected ") + what + ", found the end of the line", i_);
    std::string expected = allow_literal ? "an IRI <…>, a blank node _:x or a literal \"…\""
                           : allow_blank ? "an IRI <…> or a blank node _:x"
                                         : "an IRI <…>";
    return Fail(std::string("expected ") + what + " (" + expected + ")", i_);
  }

  // Sets *out to the IRI between < and >; decodes into *buf only when the IRI
  // holds escapes.
  bool Iri(std::string_view* out, std::string* buf) {
    size_t start = i_;
    ++i_;  // '<'
    size_t first = i_;
    bool escaped = false;
    while (i_ < s_.size() && s_[i_] != '>') {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '\\') {
        if (!escaped) {
          buf->assign(s_.substr(first, i_ - first));
          escaped = true;
        }
        if (!Uchar(buf)) return false;
        continue;
      }
      if (c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
          c == '`') {
        return Fail("character not allowed in an IRI", i_);
      }
      if (escaped) buf->push_back(static_cast<char>(c));
      ++i_;
    }
    if (i_ >= s_.size()) return Fail("unterminated IRI: expected '>'", start);
    *out = escaped ? std::string_view(*buf) : s_.substr(first, i_ - first);
    ++i_;
    if (out->find(':') == std::string_view::npos) {
      return Fail("relative IRI <" + std::string(*out) + "> (an absolute IRI has a scheme)", start);
    }
    return true;
  }

  bool Blank(std::string_view* out) {
    size_t start = i_;
    if (i_ + 1 >= s_.size() || s_[i_ + 1] != ':') return Fail("expected '_:' to start a blank node", i_);
    i_ += 2;
    size_t first = i_;
    while (i_ < s_.size() && s_[i_] != ' ' && s_[i_] != '\t' && s_[i_] != '<' && s_[i_] != '"') {
      ++i_;
    }
    // A '.' may sit inside a label but not end it: it ends the statement.
    while (i_ > first && s_[i_ - 1] == '.') --i_;
    if (i_ == first) return Fail("empty blank node label", start);
    *out = s_.substr(first, i_ - first);
    return true;
  }

  bool Literal(RdfTerm* t) {
    size_t start = i_;
    ++i_;  // '"'
    size_t first = i_;
    bool escaped = false;
    std::string& out = t->buf[0];
    for (;;) {
      if (i_ >= s_.size()) return Fail("unterminated literal: expected '\"'", start);
      char c = s_[i_];
      if (c == '"') break;
      if (c == '\\') {
        if (!escaped) {
          out.assign(s_.substr(first, i_ - first));
          escaped = true;
        }
        if (i_ + 1 >= s_.size()) return Fail("unterminated escape", i_);
        char e = s_[i_ + 1];
        switch (e) {
          case 't': out.push_back('\t'); i_ += 2; continue;
          case 'b': out.push_back('\b'); i_ += 2; continue;
          case 'n': out.push_back('\n'); i_ += 2; continue;
          case 'r': out.push_back('\r'); i_ += 2; continue;
          case 'f': out.push_back('\f'); i_ += 2; continue;
          case '"': out.push_back('"'); i_ += 2; continue;
          case '\'': out.push_back('\''); i_ += 2; continue;
          case '\\': out.push_back('\\'); i_ += 2; continue;
          case 'u': case 'U':
            if (!Uchar(&out)) return false;
            continue;
          default:
            return Fail(std::string("unknown escape \\") + e, i_);
        }
      }
      if (escaped) out.push_back(c);
      ++i_;
    }
    t->value = escaped ? std::string_view(out) : s_.substr(first, i_ - first);
    ++i_;  // closing quote
    if (Peek() == '@') {
      size_t at = i_++;
      std::string& lang = t->buf[1];
      lang.clear();
      while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-')) {
        lang.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s_[i_]))));
        ++i_;
      }
      if (lang.empty() || !std::isalpha(static_cast<unsigned char>(lang[0]))) {
        return Fail("bad language tag", at);
      }
      t->lang = lang;
    } else if (Peek() == '^') {
      if (i_ + 1 >= s_.size() || s_[i_ + 1] != '^') return Fail("expected '^^' before a datatype", i_);
      i_ += 2;
      if (Peek() != '<') return Fail("expected a datatype IRI <…> after '^^'", i_);
      if (!Iri(&t->datatype, &t->buf[2])) return false;
    }
    return true;
  }

  bool Uchar(std::string* out) {
    size_t start = i_;
    char kind = i_ + 1 < s_.size() ? s_[i_ + 1] : '\0';
    size_t n = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
    if (n == 0) return Fail("expected \\u or \\U escape", start);
    if (i_ + 2 + n > s_.size()) return Fail("truncated \\u escape", start);
    uint32_t cp = 0;
    for (size_t k = 0; k < n; ++k) {
      char h = s_[i_ + 2 + k];
      int d = (h >= '0' && h <= '9') ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10
              : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
      if (d < 0) return Fail("bad hex digit in escape", i_ + 2 + k);
      cp = cp * 16 + static_cast<uint32_t>(d);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return Fail("escape is not a Unicode scalar value", start);
    text::AppendUtf8(out, cp);
    i_ += 2 + n;
    return true;
  }

  bool Dot() {
    SkipSpace();
    if (Peek() != '.') return Fail("expected '.' to end the statement", i_);
    ++i_;
    if (!AtEnd()) return Fail("unexpected text after '.'", i_);
    return true;
  }

 private:
  std::string_view s_;
  std::string* error_;
  size_t i_ = 0;
  size_t err_pos_ = 0;
};

size_t ColumnOf(std::string_view line, size_t byte) {
  return text::PositionAt(line, byte).column;
}

// Bytes that end the fast scan of an IRI: '>' closes it; the others are not
// allowed in an IRI, or ('\\') start an escape the full parser decodes.
constexpr std::array<bool, 256> kIriStop = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c <= 0x20; ++c) t[c] = true;
  for (unsigned char c : std::string_view("<>\"{}|^`\\")) t[c] = true;
  return t;
}();

// *i is at '<'.
bool FastIri(std::string_view s, size_t* i, std::string_view* out) {
  size_t first = *i + 1;
  size_t j = first;
  while (j < s.size() && !kIriStop[static_cast<unsigned char>(s[j])]) ++j;
  if (j >= s.size() || s[j] != '>') return false;
  std::string_view iri = s.substr(first, j - first);
  if (iri.find(':') == std::string_view::npos) return false;
  *out = iri;
  *i = j + 1;
  return true;
}

// *i is at the opening '"'.
bool FastLiteral(std::string_view s, size_t* i, RdfTerm* t) {
  size_t first = *i + 1;
  const void* quote = std::memchr(s.data() + first, '"', s.size() - first);
  if (!quote) return false;
  size_t end = static_cast<size_t>(static_cast<const char*>(quote) - s.data());
  if (std::memchr(s.data() + first, '\\', end - first)) return false;
  t->value = s.substr(first, end - first);
  size_t j = end + 1;
  if (j < s.size() && s[j] == '@') {
    size_t tag = j + 1;
    for (j = tag; j < s.size(); ++j) {
      char c = s[j];
      if (c >= 'A' && c <= 'Z') return false;  // the full parser lowercases it
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) break;
    }
    if (j == tag || !(s[tag] >= 'a' && s[tag] <= 'z')) return false;
    t->lang = s.substr(tag, j - tag);
  } else if (j < s.size() && s[j] == '^') {
    if (j + 2 >= s.size() || s[j + 1] != '^' || s[j + 2] != '<') return false;
    j += 2;
    if (!FastIri(s, &j, &t->datatype)) return false;
  }
  *i = j;
  return true;
}

}  // namespace

bool ParseRdfLineFast(std::string_view s, bool quads, RdfStatement* out) {
  size_t i = 0;
  auto space = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) ++i;
  };
  auto iri = [&](RdfTerm* t) {
    if (i >= s.size() || s[i] != '<') return false;
    t->kind = RdfTerm::kIri;
    t->lang = {};
    t->datatype = {};
    return FastIri(s, &i, &t->value);
  };
  if (!iri(&out->s)) return false;
  space();
  if (!iri(&out->p)) return false;
  space();
  if (i < s.size() && s[i] == '"') {
    out->o.kind = RdfTerm::kLiteral;
    out->o.lang = {};
    out->o.datatype = {};
    if (!FastLiteral(s, &i, &out->o)) return false;
  } else if (!iri(&out->o)) {
    return false;
  }
  space();
  out->g.kind = RdfTerm::kNone;
  out->g.value = {};
  if (i < s.size() && s[i] != '.') {
    if (!quads || !iri(&out->g)) return false;
    space();
  }
  if (i >= s.size() || s[i] != '.') return false;
  ++i;
  space();
  return i == s.size() || s[i] == '#';
}

bool ParseRdfLine(std::string_view line, bool quads, RdfStatement* out, bool* empty,
                  std::string* error, size_t* column) {
  error->clear();
  *empty = false;
  LineParser p(line, error);
  if (p.AtEnd()) {
    *empty = true;
    return true;
  }
  bool ok = p.Term(&out->s, false, true, "a subject") && p.Term(&out->p, false, false, "a predicate") &&
            p.Term(&out->o, true, true, "an object");
  if (ok) {
    p.SkipSpace();
    out->g.kind = RdfTerm::kNone;
    out->g.value = {};
    if (p.Peek() != '.') {
      if (p.AtEnd()) {
        // Nothing follows the object: the dot is missing, whatever the format.
        ok = p.Fail("expected '.' to end the statement", p.pos());
      } else if (!quads) {
        ok = p.Fail("expected '.' to end the triple (a graph name needs N-Quads)", p.pos());
      } else {
        ok = p.Term(&out->g, false, true, "a graph name");
      }
    }
  }
  ok = ok && p.Dot();
  if (!ok) *column = ColumnOf(line, p.error_pos());
  return ok;
}

void AppendIri(std::string* out, std::string_view iri) {
  out->push_back('<');
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : iri) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
  out->push_back('>');
}

void AppendLiteral(std::string* out, std::string_view text) {
  out->push_back('"');
  for (char c : text) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: out->push_back(c);
    }
  }
  out->push_back('"');
}

}  // namespace newsgraph::graph
