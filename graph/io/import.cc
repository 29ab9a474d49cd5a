#include "graph/io/import.h"

#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <future>
#include <filesystem>
#include <optional>

#include "graph/io/bulk_loader.h"
#include "graph/io/jsonl_reader.h"
#include "graph/io/line_reader.h"
#include "graph/io/rdf_reader.h"
#include "graph/io/record_set.h"
#include "graph/model/date.h"
#include "graph/store/batch.h"
#include "text/utf8.h"

namespace newsgraph::graph {

// ---- RecordSet ------------------------------------------------------------------

uint64_t FlatIndex::Hash(std::string_view key) {
  // Eight bytes a step with a multiply-xorshift mix: byte-at-a-time hashing
  // cost more than the probe on the import's short keys.
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = key.size() * kMul;
  const char* p = key.data();
  size_t n = key.size();
  auto mix = [&](uint64_t w) {
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  };
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    mix(w);
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    mix(w ^ (uint64_t{n} << 56));
  }
  h ^= h >> 32;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

uint32_t FlatIndex::Find(std::string_view key) const {
  uint64_t h = Hash(key);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.value == kMissing) return kMissing;
    if (Matches(s, h, key)) return s.value;
  }
}

uint32_t FlatIndex::FindOrInsert(std::string_view key, uint32_t value, bool* inserted) {
  if ((count_ + 1) * 2 > slots_.size()) Grow(slots_.size() * 2);
  uint64_t h = Hash(key);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.value == kMissing) {
      s.hash = h;
      s.value = value;
      s.offset = arena_.size();
      s.size = static_cast<uint32_t>(key.size());
      arena_.insert(arena_.end(), key.begin(), key.end());
      ++count_;
      *inserted = true;
      return value;
    }
    if (Matches(s, h, key)) {
      *inserted = false;
      return s.value;
    }
  }
}

void FlatIndex::Reserve(size_t n) {
  size_t slots = slots_.size();
  while (slots < 2 * n) slots *= 2;
  if (slots > slots_.size()) Grow(slots);
}

void FlatIndex::Grow(size_t slots) {
  HugeVector<Slot> old = std::move(slots_);
  slots_.assign(slots, Slot{});
  size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.value == kMissing) continue;
    size_t i = s.hash & mask;
    while (slots_[i].value != kMissing) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

uint32_t RecordSet::AddTerm(TermRecord t) {
  std::string canonical = CanonicalTermKey(t.kind, t.key, t.lang);
  bool inserted;
  uint32_t i = term_index.FindOrInsert(canonical, static_cast<uint32_t>(terms.size()), &inserted);
  if (inserted) {
    terms.push_back(std::move(t));
  } else if (t.kind == TermKind::kEntity) {
    MergeEntity(t, &terms[i]);
  }
  return i;
}

uint32_t RecordSet::AddPlainTerm(TermKind kind, std::string_view key, std::string_view lang) {
  const bool predicate = kind == TermKind::kPredicate;
  if (predicate && last_predicate_.index != FlatIndex::kMissing && key == last_predicate_.key) {
    return last_predicate_.index;
  }
  scratch_.clear();
  scratch_.push_back(static_cast<char>(kind));
  if (kind == TermKind::kString) {
    scratch_.append(lang);
    scratch_.push_back('\0');
  }
  scratch_.append(key);
  bool inserted;
  uint32_t i = term_index.FindOrInsert(scratch_, static_cast<uint32_t>(terms.size()), &inserted);
  if (inserted) {
    TermRecord t;
    t.kind = kind;
    t.key = std::string(key);
    t.lang = std::string(lang);
    terms.push_back(std::move(t));
  }
  if (predicate) {
    last_predicate_.key.assign(key);
    last_predicate_.index = i;
  }
  return i;
}

uint32_t RecordSet::AddArticle(std::string_view key) {
  if (last_article_.index != FlatIndex::kMissing && key == last_article_.key) {
    return last_article_.index;
  }
  bool inserted;
  uint32_t i = article_index.FindOrInsert(key, static_cast<uint32_t>(articles.size()), &inserted);
  if (inserted) {
    articles.emplace_back();
    articles.back().key = std::string(key);
  }
  last_article_.key.assign(key);
  last_article_.index = i;
  return i;
}

DataFormat FormatFromPath(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".nt") return DataFormat::kNTriples;
  if (ext == ".nq") return DataFormat::kNQuads;
  if (ext == ".jsonl" || ext == ".ndjson") return DataFormat::kJsonLines;
  return DataFormat::kAuto;
}

namespace {

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view kSkosPref = "http://www.w3.org/2004/02/skos/core#prefLabel";
constexpr std::string_view kSkosAlt = "http://www.w3.org/2004/02/skos/core#altLabel";

std::string_view LocalName(std::string_view iri) {
  size_t cut = iri.find_last_of("/#");
  if (cut == std::string_view::npos || cut + 1 == iri.size()) return iri;
  return iri.substr(cut + 1);
}

std::string_view StripNs(std::string_view iri, std::string_view ns) {
  if (iri.starts_with(ns) && iri.size() > ns.size()) return iri.substr(ns.size());
  return iri;
}

// Turns parsed RDF statements into records.
class RdfSink {
 public:
  RdfSink(RecordSet* rs, std::string default_article, std::string blank_scope)
      : rs_(rs), default_article_(std::move(default_article)), blank_scope_(std::move(blank_scope)) {}

  // Returns an error message for a statement we cannot take, else empty.
  std::string Add(const RdfStatement& st) {
    std::string_view p = st.p.value;
    if (p == kRdfsLabel || p == kSkosPref || p == kSkosAlt) {
      if (st.o.kind != RdfTerm::kLiteral) return "a label must be a literal";
      TermRecord e = Entity(st.s);
      std::string lang = st.o.lang.empty() ? "en" : std::string(st.o.lang);
      if (p == kSkosAlt) {
        e.aliases[lang].emplace_back(st.o.value);
      } else {
        e.labels[lang] = std::string(st.o.value);
      }
      rs_->AddTerm(std::move(e));
      return {};
    }
    if (p == kRdfType && st.o.kind == RdfTerm::kIri) {
      TermRecord e = Entity(st.s);
      e.type = std::string(LocalName(st.o.value));
      rs_->AddTerm(std::move(e));
      return {};
    }
    if (st.g.kind == RdfTerm::kNone && st.s.kind == RdfTerm::kIri &&
        st.o.kind == RdfTerm::kLiteral) {
      std::string_view name = LocalName(p);
      if (name == "date" || name == "datePublished" || name == "title" || name == "source" ||
          name == "url") {
        // A typed date that is no date fails whichever way the statement is
        // read later, so fail now, while the line is known.
        if (st.o.datatype.starts_with(kXsd) && st.o.datatype.substr(kXsd.size()) == "date" &&
            !ParseIsoDate(st.o.value)) {
          return "\"" + std::string(st.o.value) + "\" is not a valid date";
        }
        // Maybe article metadata: decided once every graph name is known.
        pending_.Add({st.s.value, st.p.value, st.o.value, st.o.lang, st.o.datatype});
        return {};
      }
    }
    return AddFact(st);
  }

  // From now on adds to `rs` (the set its own records were merged into); the
  // undecided article metadata stays here until Finish, instead of being
  // copied to the other sink: a dump keeps it in one place, often at the end.
  void Retarget(RecordSet* rs) { rs_ = rs; }

  // Applies article metadata to the articles named as graphs; the rest become
  // ordinary facts.

  std::string Finish() {
    for (size_t k = 0; k < pending_.size(); ++k) {
      const PendingMeta m = pending_.Get(k);
      uint32_t idx = rs_->FindArticle(StripNs(m.s, kArticleNs));
      if (idx == FlatIndex::kMissing) {
        RdfStatement st;
        st.s.kind = RdfTerm::kIri;
        st.s.value = m.s;
        st.p.kind = RdfTerm::kIri;
        st.p.value = m.p;
        st.o.kind = RdfTerm::kLiteral;
        st.o.value = m.o;
        st.o.lang = m.lang;
        st.o.datatype = m.datatype;
        std::string err = AddFact(st);
        if (!err.empty()) return err;
        continue;
      }
      ArticleRecord& a = rs_->articles[idx];
      std::string_view name = LocalName(m.p);
      if (name == "date" || name == "datePublished") {
        auto d = ParseIsoDate(m.o);
        if (!d) return "article date \"" + std::string(m.o) + "\" is not YYYY-MM-DD";
        a.day = *d;
      } else if (name == "title") {
        a.title = m.o;
      } else if (name == "source") {
        a.source = m.o;
      } else {
        a.url = m.o;
      }
    }
    pending_.Clear();
    return {};
  }

 private:
  TermRecord Entity(const RdfTerm& t) {
    TermRecord e;
    e.kind = TermKind::kEntity;
    e.key = EntityKey(t);
    return e;
  }

  std::string_view EntityKey(const RdfTerm& t) {
    if (t.kind == RdfTerm::kBlank) {
      key_ = "_:" + blank_scope_ + ":" + std::string(t.value);
      return key_;
    }
    std::string_view iri = t.value;
    if (iri.starts_with(kEntityNs) && iri.size() > kEntityNs.size()) iri.remove_prefix(kEntityNs.size());
    return iri;
  }

  std::string AddFact(const RdfStatement& st) {
    RecordSet::Record r{};
    r.s = rs_->AddPlainTerm(TermKind::kEntity, EntityKey(st.s));
    std::string_view pred = st.p.value;
    pred = pred.starts_with(kPredicateNs) && pred.size() > kPredicateNs.size()
               ? pred.substr(kPredicateNs.size())
               : LocalName(pred);
    r.p = rs_->AddPlainTerm(TermKind::kPredicate, pred);
    if (st.o.kind == RdfTerm::kLiteral) {
      TermRecord o;
      o.kind = TermKind::kString;
      o.key = std::string(st.o.value);
      std::string_view dt = st.o.datatype;
      if (dt.starts_with(kXsd)) {
        std::string_view t = std::string_view(dt).substr(kXsd.size());
        if (t == "integer" || t == "int" || t == "long" || t == "short" || t == "byte" ||
            t == "nonNegativeInteger" || t == "positiveInteger" || t == "unsignedInt" ||
            t == "unsignedLong" || t == "negativeInteger" || t == "nonPositiveInteger") {
          o.kind = TermKind::kInteger;
        } else if (t == "decimal" || t == "double" || t == "float") {
          o.kind = TermKind::kDecimal;
        } else if (t == "date") {
          o.kind = TermKind::kDate;
        }
      }
      if (!CanonicaliseLiteral(o.kind, &o.key)) {
        return "\"" + std::string(st.o.value) + "\" is not a valid " + std::string(LocalName(dt));
      }
      if (o.kind == TermKind::kString) o.lang = std::string(st.o.lang);
      r.o = rs_->AddPlainTerm(o.kind, o.key, o.lang);
    } else {
      r.o = rs_->AddPlainTerm(TermKind::kEntity, EntityKey(st.o));
    }
    if (st.g.kind == RdfTerm::kNone) {
      r.article = rs_->AddArticle(default_article_);
    } else if (st.g.kind == RdfTerm::kBlank) {
      r.article = rs_->AddArticle("_:" + blank_scope_ + ":" + std::string(st.g.value));
    } else {
      std::string_view g = st.g.value;
      if (g.starts_with(kArticleNs) && g.size() > kArticleNs.size()) g.remove_prefix(kArticleNs.size());
      r.article = rs_->AddArticle(g);
    }
    rs_->records.push_back(r);
    return {};
  }

  RecordSet* rs_;
  std::string key_;
  std::string default_article_;
  std::string blank_scope_;
  // Fields of one statement that may be article metadata: s, p, o, lang,
  // datatype.
  struct PendingMeta {
    std::string_view s, p, o, lang, datatype;
  };
  // Every pending statement's fields in one buffer: one allocation per many
  // statements instead of five per statement (a news dump has one date line
  // per article).
  class PendingList {
   public:
    void Add(const PendingMeta& m) {
      for (std::string_view f : {m.s, m.p, m.o, m.lang, m.datatype}) {
        text_.insert(text_.end(), f.begin(), f.end());
        ends_.push_back(text_.size());
      }
    }
    size_t size() const { return ends_.size() / 5; }
    PendingMeta Get(size_t k) const {
      auto field = [&](size_t f) {
        size_t i = k * 5 + f;
        size_t begin = i == 0 ? 0 : ends_[i - 1];
        return std::string_view(text_.data() + begin, ends_[i] - begin);
      };
      return PendingMeta{field(0), field(1), field(2), field(3), field(4)};
    }
    void Clear() {
      text_.clear();
      ends_.clear();
    }

   private:
    // On huge pages: a dump's metadata is megabytes, and a string grown by
    // doubling took a page fault per 4 KiB on every copy.
    HugeVector<char> text_;
    HugeVector<size_t> ends_;
  };
  PendingList pending_;
};

// Writes a record set through ordinary batches of `batch_records`.
Status WriteBatches(Store* store, const RecordSet& rs, const ImportOptions& options,
                    ImportStats* stats) {
  std::vector<TermId> gid(rs.terms.size(), kNoTerm);
  std::vector<ArticleId> aid(rs.articles.size(), 0);
  size_t done = 0;
  do {
    Batch batch(store);
    size_t end = std::min(rs.records.size(), done + std::max<size_t>(1, options.batch_records));
    auto term = [&](uint32_t i) -> Result<TermId> {
      if (gid[i] != kNoTerm) return gid[i];
      const TermRecord& t = rs.terms[i];
      Result<TermId> r = t.kind == TermKind::kEntity      ? batch.Entity(t)
                         : t.kind == TermKind::kPredicate ? batch.Predicate(t.key)
                                                          : batch.Literal(t.kind, t.key, t.lang);
      if (r.ok()) gid[i] = *r;
      return r;
    };
    for (size_t i = done; i < end; ++i) {
      const auto& rec = rs.records[i];
      Triple t;
      NG_ASSIGN_OR_RETURN(t.s, term(rec.s));
      NG_ASSIGN_OR_RETURN(t.p, term(rec.p));
      NG_ASSIGN_OR_RETURN(t.o, term(rec.o));
      if (aid[rec.article] == 0) {
        bool is_new;
        NG_ASSIGN_OR_RETURN(aid[rec.article], batch.Article(rs.articles[rec.article], &is_new));
      }
      MentionRecord m;
      m.rule = "import";
      if (rec.mention != RecordSet::kNone) {
        m = rs.mentions[rec.mention];
        auto [att, place] = rs.mention_terms[rec.mention];
        if (att != RecordSet::kNone) {
          NG_ASSIGN_OR_RETURN(m.attributed_to, term(att));
        }
        if (place != RecordSet::kNone) {
          NG_ASSIGN_OR_RETURN(m.place, term(place));
        }
      }
      batch.AddMention(t, aid[rec.article], rec.sentence, std::move(m));
    }
    if (end == rs.records.size()) {
      // Entities that only have names (a lexicon, or an export of one) are in
      // no record; the bulk path stores them, and so must this one.
      for (size_t i = 0; i < rs.terms.size(); ++i) {
        const TermRecord& t = rs.terms[i];
        if (t.kind == TermKind::kEntity && gid[i] == kNoTerm &&
            (!t.type.empty() || !t.labels.empty() || !t.aliases.empty())) {
          NG_RETURN_IF_ERROR(term(static_cast<uint32_t>(i)).status());
        }
      }
    }
    NG_ASSIGN_OR_RETURN(BatchStats b, batch.Commit());
    stats->new_facts += b.new_facts;
    stats->new_mentions += b.new_mentions;
    stats->new_entities += b.new_entities;
    stats->new_articles += b.new_articles;
    done = end;
    if (options.progress &&
        !options.progress(Progress{"write", done, rs.records.size(), "records"})) {
      return Status::Aborted("import stopped after " + std::to_string(done) + " records");
    }
  } while (done < rs.records.size());
  return Status::OK();
}

}  // namespace

namespace {

struct LineError {
  uint64_t line = 0;  // within the part
  size_t column = 0;
  std::string message;
};

// Parses the lines of one part of the input into its own RecordSet.
class PartParser {
 public:
  PartParser(DataFormat format, const std::string& default_article, const std::string& blank_scope,
             bool lenient)
      : format_(format), lenient_(lenient), sink(&rs, default_article, blank_scope) {}

  // Parses lines until the end, the first error (unless lenient), or `flush`
  // asks to stop. `flush` is called whenever the records reach `max_records`
  // and also decides whether to go on.
  void Run(LineReader* r, size_t max_records, const std::function<bool()>& tick,
           const std::function<bool()>& flush) {
    std::string_view line;
    RdfStatement st;
    std::string error;
    size_t column = 0;
    while (r->Next(&line)) {
      ++lines;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      bool ok = true;
      bool empty = false;
      size_t bad = text::FindInvalidUtf8(line, /*reject_nul=*/true);
      if (bad != std::string_view::npos) {
        ok = false;
        column = text::PositionAt(line, bad).column;
        error = line[bad] == '\0' ? "NUL byte (is this a binary file?)"
                                  : "invalid UTF-8 (byte " + std::to_string(r->line_offset() + bad) +
                                        " of the file)";
      } else if (format_ == DataFormat::kJsonLines) {
        ok = line.find_first_not_of(" \t") == std::string_view::npos ||
             ParseJsonLine(line, &rs, &error, &column);
      } else {
        const bool quads = format_ == DataFormat::kNQuads;
        ok = ParseRdfLineFast(line, quads, &st) ||
             ParseRdfLine(line, quads, &st, &empty, &error, &column);
        if (ok && !empty) {
          error = sink.Add(st);
          if (!error.empty()) {
            ok = false;
            column = 1;
          }
        }
      }
      if (!ok) {
        if (!first_error) first_error = LineError{r->line_number(), column, error};
        ++skipped;
        if (!lenient_) return;
      }
      if (rs.records.size() >= max_records && !flush()) return;
      if ((lines & 0x3FFF) == 0 && !tick()) {
        stopped = true;
        return;
      }
    }
  }

  const DataFormat format_;
  const bool lenient_;
  RecordSet rs;
  RdfSink sink;
  uint64_t lines = 0;
  uint64_t skipped = 0;
  bool stopped = false;
  std::optional<LineError> first_error;
};

// Copies the records, terms and articles of `from` into `into`; from's set is
// left for the caller to free. The undecided article metadata stays in
// from's sink, which now adds to into's records.
void Merge(PartParser* from, PartParser* into) {
  RecordSet& a = into->rs;
  RecordSet& b = from->rs;
  std::vector<uint32_t> term(b.terms.size()), article(b.articles.size());
  // Terms and articles touch disjoint parts of a RecordSet: the terms merge
  // on a second thread while this one merges the articles.
  auto terms = std::async(std::launch::async, [&] {
    for (size_t i = 0; i < b.terms.size(); ++i) {
      TermRecord& t = b.terms[i];
      bool described = !t.type.empty() || !t.labels.empty() || !t.aliases.empty() || !t.props.empty();
      term[i] = described ? a.AddTerm(std::move(t)) : a.AddPlainTerm(t.kind, t.key, t.lang);
    }
  });
  for (size_t i = 0; i < b.articles.size(); ++i) {
    ArticleRecord& src = b.articles[i];
    article[i] = a.AddArticle(src.key);
    ArticleRecord& dst = a.articles[article[i]];
    if (dst.title.empty()) dst.title = std::move(src.title);
    if (dst.day == kNoDay) dst.day = src.day;
    if (dst.source.empty()) dst.source = std::move(src.source);
    if (dst.url.empty()) dst.url = std::move(src.url);
    if (dst.lang.empty()) dst.lang = std::move(src.lang);
  }
  terms.get();
  uint32_t mention_base = static_cast<uint32_t>(a.mentions.size());
  for (size_t i = 0; i < b.mentions.size(); ++i) {
    a.mentions.push_back(std::move(b.mentions[i]));
    auto [att, place] = b.mention_terms[i];
    a.mention_terms.emplace_back(att == RecordSet::kNone ? att : term[att],
                                 place == RecordSet::kNone ? place : term[place]);
  }
  a.records.reserve(a.records.size() + b.records.size());
  for (const auto& r : b.records) {
    a.records.push_back(RecordSet::Record{
        term[r.s], term[r.p], term[r.o], article[r.article], r.sentence,
        r.mention == RecordSet::kNone ? r.mention : mention_base + r.mention});
  }
  from->sink.Retarget(&a);
  into->lines += from->lines;
  into->skipped += from->skipped;
}

}  // namespace

Status ImportFile(Store* store, const std::string& path, const ImportOptions& options,
                  ImportStats* stats) {
  if (store->read_only()) return Status::InvalidArgument("the database is open read-only");
  DataFormat format = options.format;
  if (format == DataFormat::kAuto) format = FormatFromPath(path);
  if (format == DataFormat::kAuto) {
    return Status::InvalidArgument("cannot tell the format of " + path +
                                   " from its name; use --format nt|nq|jsonl");
  }
  if (format == DataFormat::kCsv) return Status::NotSupported("CSV import is not supported");

  LineReader reader;
  NG_RETURN_IF_ERROR(LineReader::Open(path, &reader));
  const uint64_t size = reader.size();
  std::string abs = path == "-" ? "stdin" : std::filesystem::absolute(path).lexically_normal().string();
  std::string default_article = "file://" + abs;
  std::string blank_scope = std::to_string(std::hash<std::string>()(abs) & 0xFFFFFFFF);

  std::lock_guard<std::mutex> lock(store->write_mutex());
  bool first_chunk = true;
  // `later`: a sink whose statements followed the part's (the second half's,
  // retargeted to the first's records by Merge); its metadata applies after.
  auto write = [&](PartParser* part, RdfSink* later = nullptr) -> Status {
    std::string err = part->sink.Finish();
    if (err.empty() && later) err = later->Finish();
    if (!err.empty()) return Status::InvalidArgument(reader.name() + ": " + err);
    RecordSet& rs = part->rs;
    stats->records += rs.records.size();
    if (rs.records.empty() && rs.terms.empty()) return Status::OK();
    bool empty_store = store->counters().facts == 0 && store->counters().mentions == 0;
    if (options.bulk == ImportOptions::Bulk::kAlways && !empty_store) {
      return Status::InvalidArgument(
          "the bulk path needs an empty store (it writes sorted files that must not overlap "
          "existing facts); import without --bulk");
    }
    bool bulk = options.bulk == ImportOptions::Bulk::kAlways ||
                (options.bulk == ImportOptions::Bulk::kAuto && empty_store && first_chunk);
    first_chunk = false;
    if (bulk) {
      stats->bulk = true;
      NG_RETURN_IF_ERROR(BulkLoad(store, rs, options, stats));
    } else {
      NG_RETURN_IF_ERROR(WriteBatches(store, rs, options, stats));
    }
    rs.Clear();
    return Status::OK();
  };

  std::atomic<uint64_t> bytes_done{0};
  auto last_report = std::chrono::steady_clock::now();
  auto tick = [&](LineReader* r) {
    stats->bytes = r->bytes_read();
    if (!options.progress) return true;
    auto now = std::chrono::steady_clock::now();
    if (now - last_report < std::chrono::milliseconds(200)) return true;
    last_report = now;
    return options.progress(Progress{"parse", r->bytes_read(), size, "bytes"});
  };
  auto located = [&](const LineError& e, uint64_t line_base) {
    return reader.name() + ":" + std::to_string(line_base + e.line) + ":" +
           std::to_string(e.column) + ": " + e.message;
  };
  auto finish_errors = [&](PartParser* p, uint64_t line_base) -> Status {
    if (!p->first_error) return Status::OK();
    std::string msg = located(*p->first_error, line_base);
    if (!options.lenient) return Status::InvalidArgument(msg);
    if (stats->first_error.empty()) stats->first_error = msg;
    return Status::OK();
  };

  // A file large enough to matter and small enough to hold in memory is
  // parsed in two halves on two threads.
  const uint64_t estimated_records = size / 100;
  const bool split = path != "-" && size >= (uint64_t{16} << 20) &&
                     estimated_records < options.max_records_in_memory;
  auto first = std::make_unique<PartParser>(format, default_article, blank_scope, options.lenient);
  if (!split) {
    if (size > 0) {
      first->rs.records.reserve(std::min<uint64_t>(size / 120 + 16, options.max_records_in_memory));
    }
    Status flush_status;
    first->Run(&reader, options.max_records_in_memory, [&] { return tick(&reader); },
               [&] {
                 if (first->first_error && !options.lenient) return false;
                 flush_status = write(first.get());
                 return flush_status.ok();
               });
    NG_RETURN_IF_ERROR(flush_status);
    NG_RETURN_IF_ERROR(reader.status());
    stats->lines = first->lines;
    stats->skipped = first->skipped;
    stats->bytes = reader.bytes_read();
    NG_RETURN_IF_ERROR(finish_errors(first.get(), 0));
    if (first->stopped) return Status::Aborted("import stopped while reading");
    return write(first.get());
  }

  const uint64_t mid = size / 2;
  LineReader r1, r2;
  NG_RETURN_IF_ERROR(LineReader::OpenRange(path, 0, mid, &r1));
  NG_RETURN_IF_ERROR(LineReader::OpenRange(path, mid, size, &r2));
  auto second = std::make_unique<PartParser>(format, default_article, blank_scope, options.lenient);
  // The first part's room covers both parts, so the merge appends without
  // moving it; untouched room costs address space, not memory.
  first->rs.records.reserve(size / 120 + 16);
  second->rs.records.reserve(size / 240 + 16);
  auto no_flush = [] { return true; };
  auto other = std::async(std::launch::async, [&] {
    second->Run(&r2, SIZE_MAX, [&] { return !first->stopped; }, no_flush);
  });
  first->Run(&r1, SIZE_MAX, [&] { return tick(&r1); }, no_flush);
  if (first->stopped) second->stopped = true;
  other.get();
  NG_RETURN_IF_ERROR(r1.status());
  NG_RETURN_IF_ERROR(r2.status());
  stats->lines = first->lines + second->lines;
  stats->skipped = first->skipped + second->skipped;
  stats->bytes = size;
  if (first->stopped) return Status::Aborted("import stopped while reading");
  NG_RETURN_IF_ERROR(finish_errors(first.get(), 0));
  NG_RETURN_IF_ERROR(finish_errors(second.get(), first->lines));
  (void)bytes_done;
  Merge(second.get(), first.get());
  // Freeing the second half's records and dictionary takes a few hundredths
  // of a second; it runs beside the single-threaded start of the writing.
  auto freed = std::async(std::launch::async, [&] { second->rs.Clear(); });
  Status written = write(first.get(), &second->sink);
  freed.get();
  return written;
}

}  // namespace newsgraph::graph
