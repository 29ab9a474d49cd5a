#include "graph/io/export.h"

#include <nlohmann/json.hpp>

#include <unordered_map>
#include <unordered_set>

#include "graph/io/import.h"
#include "graph/io/rdf_reader.h"
#include "graph/model/sentence.h"
#include "graph/store/key_codec.h"

namespace newsgraph::graph {

namespace {

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

bool LooksLikeIri(std::string_view key) {
  size_t colon = key.find(':');
  return colon != std::string_view::npos && colon > 0 && key.find(' ') == std::string_view::npos &&
         !key.starts_with("_:");
}

class Exporter {
 public:
  Exporter(const ReadView& v, std::ostream& out, const ExportOptions& o) : v_(v), out_(out), o_(o) {}

  Status Run() {
    switch (o_.format) {
      case DataFormat::kNTriples:
      case DataFormat::kNQuads:
        return Rdf(o_.format == DataFormat::kNQuads);
      case DataFormat::kJsonLines:
        return Jsonl();
      case DataFormat::kCsv:
        return Csv();
      default:
        return Status::InvalidArgument("choose an export format: nt, nq, jsonl or csv");
    }
  }

 private:
  Result<const TermRecord*> Term(TermId id) {
    auto it = terms_.find(id);
    if (it != terms_.end()) return &it->second;
    if (terms_.size() > 2000000) terms_.clear();
    NG_ASSIGN_OR_RETURN(TermRecord t, v_.GetTerm(id));
    return &terms_.emplace(id, std::move(t)).first->second;
  }

  Result<const ArticleRecord*> Article(ArticleId id) {
    auto it = articles_.find(id);
    if (it != articles_.end()) return &it->second;
    if (articles_.size() > 500000) articles_.clear();
    NG_ASSIGN_OR_RETURN(ArticleRecord a, v_.GetArticle(id));
    // The text stays out of this cache, which keeps every article seen; JSON
    // Lines keeps it in the small one, so the first evidence needs no re-read.
    if (o_.format == DataFormat::kJsonLines) KeepText(id, std::move(a.text));
    a.text.clear();
    return &articles_.emplace(id, std::move(a)).first->second;
  }

  // Texts are large and mentions come in fact order, not article order: a
  // bounded cache, refilled as needed.
  Result<const std::string*> Text(ArticleId id) {
    auto it = texts_.find(id);
    if (it != texts_.end()) return &it->second;
    NG_ASSIGN_OR_RETURN(ArticleRecord a, v_.GetArticle(id));
    return KeepText(id, std::move(a.text));
  }

  const std::string* KeepText(ArticleId id, std::string text) {
    if (texts_.size() >= 4096) texts_.clear();
    return &texts_.insert_or_assign(id, std::move(text)).first->second;
  }

  void EntityIri(std::string* out, TermId id, const TermRecord& t) {
    if (t.key.starts_with("_:")) {
      out->append("_:b" + std::to_string(id));
    } else if (LooksLikeIri(t.key)) {
      AppendIri(out, t.key);
    } else {
      AppendIri(out, std::string(kEntityNs) + t.key);
    }
  }

  void ArticleIri(std::string* out, ArticleId id, const ArticleRecord& a) {
    if (a.key.starts_with("_:")) {
      out->append("_:a" + std::to_string(id));
    } else if (LooksLikeIri(a.key)) {
      AppendIri(out, a.key);
    } else {
      AppendIri(out, std::string(kArticleNs) + a.key);
    }
  }

  void Object(std::string* out, TermId id, const TermRecord& t) {
    switch (t.kind) {
      case TermKind::kEntity:
      case TermKind::kPredicate:
        EntityIri(out, id, t);
        return;
      case TermKind::kString:
        AppendLiteral(out, t.key);
        if (!t.lang.empty()) out->append("@" + t.lang);
        return;
      case TermKind::kInteger:
        AppendLiteral(out, t.key);
        out->append("^^<" + std::string(kXsd) + "integer>");
        return;
      case TermKind::kDecimal:
        AppendLiteral(out, t.key);
        out->append("^^<" + std::string(kXsd) + "decimal>");
        return;
      case TermKind::kDate:
        AppendLiteral(out, t.key);
        out->append("^^<" + std::string(kXsd) + "date>");
        return;
    }
  }

  // Labels and types of every entity, in the default graph.
  Status Descriptions(std::string* buf) {
    auto c = v_.Cursor(Cf::kTerms);
    for (; c->Valid(); c->Next()) {
      uint64_t id;
      TermRecord t;
      if (!DecodeIdKey(c->key(), &id) || !DecodeTerm(c->value(), &t)) {
        return Status::Corruption("undecodable term");
      }
      if (t.kind != TermKind::kEntity) continue;
      auto line = [&](std::string_view pred, auto obj) {
        EntityIri(buf, id, t);
        buf->push_back(' ');
        AppendIri(buf, pred);
        buf->push_back(' ');
        obj();
        buf->append(" .\n");
      };
      for (const auto& entry : t.labels) {
        const std::string& lang = entry.first;
        const std::string& label = entry.second;
        line("http://www.w3.org/2000/01/rdf-schema#label", [&] {
          AppendLiteral(buf, label);
          if (!lang.empty()) buf->append("@" + lang);
        });
      }
      for (const auto& entry : t.aliases) {
        const std::string& lang = entry.first;
        for (const auto& n : entry.second) {
          line("http://www.w3.org/2004/02/skos/core#altLabel", [&] {
            AppendLiteral(buf, n);
            if (!lang.empty()) buf->append("@" + lang);
          });
        }
      }
      if (!t.type.empty()) {
        line("http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
             [&] { AppendIri(buf, std::string(kTypeNs) + t.type); });
      }
      Flush(buf, false);
    }
    return c->status();
  }

  void Flush(std::string* buf, bool force) {
    if (force || buf->size() > (1 << 20)) {
      out_.write(buf->data(), static_cast<std::streamsize>(buf->size()));
      buf->clear();
    }
  }

  Status Rdf(bool quads) {
    std::string buf;
    NG_RETURN_IF_ERROR(Descriptions(&buf));
    if (!quads) {
      auto c = v_.Scan({});
      for (; c->Valid(); c->Next()) {
        NG_RETURN_IF_ERROR(Triple(&buf, c->triple()));
        buf.append(" .\n");
        Flush(&buf, false);
      }
      NG_RETURN_IF_ERROR(c->status());
    } else {
      auto a = v_.Cursor(Cf::kArticles);
      for (; a->Valid(); a->Next()) {
        uint64_t id;
        ArticleRecord rec;
        if (!DecodeIdKey(a->key(), &id) || !DecodeArticle(a->value(), &rec)) {
          return Status::Corruption("undecodable article");
        }
        auto meta = [&](std::string_view name, std::string_view value, bool date) {
          if (value.empty()) return;
          ArticleIri(&buf, id, rec);
          buf.push_back(' ');
          AppendIri(&buf, std::string(kPredicateNs) + std::string(name));
          buf.push_back(' ');
          AppendLiteral(&buf, value);
          if (date) buf.append("^^<" + std::string(kXsd) + "date>");
          buf.append(" .\n");
        };
        meta("date", FormatIsoDate(rec.day), true);
        meta("title", rec.title, false);
        meta("source", rec.source, false);
        meta("url", rec.url, false);
        Flush(&buf, false);
      }
      NG_RETURN_IF_ERROR(a->status());
      auto m = v_.Cursor(Cf::kMentions);
      for (; m->Valid(); m->Next()) {
        graph::Triple t;
        ArticleId art;
        uint32_t sentence;
        if (!DecodeMentionKey(m->key(), &t, &art, &sentence)) return Status::Corruption("bad mention key");
        NG_RETURN_IF_ERROR(Triple(&buf, t));
        buf.push_back(' ');
        NG_ASSIGN_OR_RETURN(const ArticleRecord* ar, Article(art));
        ArticleIri(&buf, art, *ar);
        buf.append(" .\n");
        Flush(&buf, false);
      }
      NG_RETURN_IF_ERROR(m->status());
    }
    Flush(&buf, true);
    return out_.good() ? Status::OK() : Status::IOError("writing the export failed");
  }

  Status Triple(std::string* buf, const graph::Triple& t) {
    NG_ASSIGN_OR_RETURN(const TermRecord* s, Term(t.s));
    EntityIri(buf, t.s, *s);
    buf->push_back(' ');
    NG_ASSIGN_OR_RETURN(const TermRecord* p, Term(t.p));
    AppendIri(buf, std::string(kPredicateNs) + p->key);
    buf->push_back(' ');
    NG_ASSIGN_OR_RETURN(const TermRecord* o, Term(t.o));
    Object(buf, t.o, *o);
    return Status::OK();
  }

  nlohmann::json EntityJson(TermId id, const TermRecord& t) {
    if (!described_.insert(id).second) return t.key;
    nlohmann::json j = {{"key", t.key}};
    if (!t.type.empty()) j["type"] = t.type;
    if (!t.labels.empty()) j["labels"] = t.labels;
    if (!t.aliases.empty()) j["aliases"] = t.aliases;
    return j;
  }

  Status Jsonl() {
    std::string buf;
    auto m = v_.Cursor(Cf::kMentions);
    for (; m->Valid(); m->Next()) {
      graph::Triple t;
      ArticleId art;
      uint32_t sentence;
      MentionRecord rec;
      if (!DecodeMentionKey(m->key(), &t, &art, &sentence) || !DecodeMention(m->value(), &rec)) {
        return Status::Corruption("undecodable mention");
      }
      NG_ASSIGN_OR_RETURN(const TermRecord* s, Term(t.s));
      NG_ASSIGN_OR_RETURN(const TermRecord* p, Term(t.p));
      NG_ASSIGN_OR_RETURN(const TermRecord* o, Term(t.o));
      NG_ASSIGN_OR_RETURN(const ArticleRecord* a, Article(art));
      nlohmann::json j;
      j["subject"] = EntityJson(t.s, *s);
      j["predicate"] = p->key;
      if (o->kind == TermKind::kEntity) {
        j["object"] = EntityJson(t.o, *o);
      } else {
        nlohmann::json lit = {{"value", o->key}, {"datatype", TermKindName(o->kind)}};
        if (!o->lang.empty()) lit["lang"] = o->lang;
        j["object"] = lit;
      }
      j["article"] = a->key;
      if (described_articles_.insert(art).second) {
        if (!a->title.empty()) j["title"] = a->title;
        if (a->day != kNoDay) j["date"] = FormatIsoDate(a->day);
        if (!a->source.empty()) j["source"] = a->source;
        if (!a->url.empty()) j["url"] = a->url;
        if (!a->lang.empty()) j["lang"] = a->lang;
      }
      if (sentence) j["sentence"] = sentence;
      if (rec.rule != "import") {
        j["rule"] = rec.rule;
        j["start"] = rec.start;
        j["end"] = rec.end;
        j["confidence"] = rec.confidence / 100.0;
      }
      if (rec.negated) j["negated"] = true;
      if (rec.count >= 0) j["count"] = rec.count;
      if (rec.day != kNoDay) j["event_date"] = FormatIsoDate(rec.day);
      if (rec.attributed_to) {
        NG_ASSIGN_OR_RETURN(const TermRecord* at, Term(rec.attributed_to));
        j["attributed_to"] = at->key;
      }
      if (rec.place) {
        NG_ASSIGN_OR_RETURN(const TermRecord* pl, Term(rec.place));
        j["place"] = pl->key;
      }
      // The sentence travels with the mention: a store loaded from this file
      // has no article texts to cut it from.
      if (!rec.evidence.empty()) {
        j["evidence"] = rec.evidence;
      } else if (rec.rule != "import") {
        NG_ASSIGN_OR_RETURN(const std::string* text, Text(art));
        std::string sentence = graph::SentenceAround(*text, rec.start, rec.end);
        if (!sentence.empty()) j["evidence"] = std::move(sentence);
      }
      buf += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      buf.push_back('\n');
      Flush(&buf, false);
    }
    NG_RETURN_IF_ERROR(m->status());
    Flush(&buf, true);
    return out_.good() ? Status::OK() : Status::IOError("writing the export failed");
  }

  static void CsvField(std::string* out, std::string_view s) {
    bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
    if (!quote) {
      out->append(s);
      return;
    }
    out->push_back('"');
    for (char c : s) {
      if (c == '"') out->push_back('"');
      out->push_back(c);
    }
    out->push_back('"');
  }

  Status Csv() {
    std::string buf = "subject,subject_name,predicate,object,object_name,mentions,articles,first_seen,last_seen\n";
    auto c = v_.Cursor(Cf::kSpo);
    for (; c->Valid(); c->Next()) {
      graph::Triple t;
      FactSummary sum;
      if (!DecodeTripleKey(IndexOrder::kSpo, c->key(), &t) || !DecodeSummary(c->value(), &sum)) {
        return Status::Corruption("undecodable fact");
      }
      NG_ASSIGN_OR_RETURN(const TermRecord* s, Term(t.s));
      NG_ASSIGN_OR_RETURN(const TermRecord* p, Term(t.p));
      NG_ASSIGN_OR_RETURN(const TermRecord* o, Term(t.o));
      CsvField(&buf, s->key);
      buf.push_back(',');
      CsvField(&buf, s->Name(o_.lang));
      buf.push_back(',');
      CsvField(&buf, p->key);
      buf.push_back(',');
      CsvField(&buf, o->key);
      buf.push_back(',');
      CsvField(&buf, o->Name(o_.lang));
      buf += "," + std::to_string(sum.mentions) + "," + std::to_string(sum.articles) + "," +
             FormatIsoDate(sum.first_day) + "," + FormatIsoDate(sum.last_day) + "\n";
      Flush(&buf, false);
    }
    NG_RETURN_IF_ERROR(c->status());
    Flush(&buf, true);
    return out_.good() ? Status::OK() : Status::IOError("writing the export failed");
  }

  const ReadView& v_;
  std::ostream& out_;
  const ExportOptions& o_;
  std::unordered_map<TermId, TermRecord> terms_;
  std::unordered_map<ArticleId, ArticleRecord> articles_;
  std::unordered_map<ArticleId, std::string> texts_;
  std::unordered_set<TermId> described_;
  std::unordered_set<ArticleId> described_articles_;
};

}  // namespace

Status ExportStore(const ReadView& view, std::ostream& out, const ExportOptions& options) {
  return Exporter(view, out, options).Run();
}

}  // namespace newsgraph::graph
