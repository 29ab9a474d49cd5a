#include "api/ingest_writer.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include "core/date.h"

namespace newsgraph::api_internal {

namespace {

bool HasArabic(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) return true;
  }
  return false;
}

}  // namespace

Status IngestWriter::RegisterPredicates(graph::Batch* batch) {
  for (const auto& p : ex_.predicates()) {
    graph::TermRecord r;
    r.kind = graph::TermKind::kPredicate;
    r.key = p.name;
    if (!p.inverse.empty()) r.props["inverse"] = p.inverse;
    if (p.symmetric) r.props["symmetric"] = "true";
    if (!p.cameo.empty()) r.props["cameo"] = p.cameo;
    if (!p.plover.empty()) r.props["plover"] = p.plover;
    NG_RETURN_IF_ERROR(batch->Predicate(r).status());
  }
  return Status::OK();
}

Result<graph::TermId> IngestWriter::EntityId(graph::Batch* batch, const EntityRef& e) {
  if (auto it = batch_ids_.find(e.key); it != batch_ids_.end()) return it->second;
  graph::TermRecord r;
  r.kind = graph::TermKind::kEntity;
  r.key = e.key;
  if (!described_.count(e.key)) {
    // Every name the lexicon has, so that queries find it by any alias.
    auto d = e.provisional ? Result<EntityDescription>(Status::NotFound("provisional"))
                           : ex_.DescribeEntity(e.key);
    if (d.ok()) {
      r.type = d->type;
      r.labels = std::move(d->labels);
      r.aliases = std::move(d->aliases);
      r.props = std::move(d->props);
    } else {
      r.type = e.type;
      if (!e.label.empty()) r.labels[HasArabic(e.label) ? "ar" : "en"] = e.label;
      if (e.provisional) r.props["provisional"] = "true";
    }
    described_pending_.insert(e.key);
  }
  NG_ASSIGN_OR_RETURN(graph::TermId id, batch->Entity(r));
  batch_ids_[e.key] = id;
  return id;
}

Status IngestWriter::AddArticle(graph::Batch* batch, const Article& a, const Extraction& x) {
  graph::ArticleRecord rec;
  rec.key = x.article_key;
  rec.title = a.title;
  rec.day = a.date.empty() ? kNoDay : ParseIsoDate(a.date).value_or(kNoDay);
  rec.source = a.source;
  rec.url = a.url;
  rec.lang = x.lang.empty() ? a.lang : x.lang;
  if (options_.store_text) rec.text = a.text;
  if (batch_articles_.count(rec.key)) {
    ++stats_->unchanged;
    return Status::OK();
  }
  bool is_new = false;
  NG_ASSIGN_OR_RETURN(graph::ArticleId aid, batch->Article(rec, &is_new));
  if (!is_new) {
    ++stats_->unchanged;
    return Status::OK();
  }
  batch_articles_.insert(rec.key);
  for (const ExtractedFact& f : x.facts) {
    if (f.negated && !options_.store_negated) continue;
    if (f.subject.key.empty() || (!f.literal() && f.object.key.empty()) || f.predicate.empty()) continue;
    graph::Triple t;
    NG_ASSIGN_OR_RETURN(t.s, EntityId(batch, f.subject));
    NG_ASSIGN_OR_RETURN(t.p, batch->Predicate(f.predicate));
    if (f.literal()) {
      if (f.object.label.empty()) continue;
      NG_ASSIGN_OR_RETURN(t.o, batch->Literal(graph::TermKind::kString, f.object.label,
                                              f.literal_lang));
    } else {
      NG_ASSIGN_OR_RETURN(t.o, EntityId(batch, f.object));
    }
    graph::MentionRecord m;
    m.start = static_cast<uint32_t>(f.start);
    m.end = static_cast<uint32_t>(f.end);
    m.rule = f.rule;
    m.confidence = static_cast<uint8_t>(std::clamp(std::lround(f.confidence * 100), 0L, 100L));
    m.negated = f.negated;
    if (!f.attributed_to.key.empty()) {
      NG_ASSIGN_OR_RETURN(m.attributed_to, EntityId(batch, f.attributed_to));
    }
    if (!f.place.key.empty()) {
      NG_ASSIGN_OR_RETURN(m.place, EntityId(batch, f.place));
    }
    m.count = f.count;
    // Spans of title facts point into the title, which is not the stored
    // text: the mention keeps its sentence.
    if (f.in_title || !options_.store_text) m.evidence = f.evidence;
    uint32_t sentence = static_cast<uint32_t>(f.sentence) + (f.in_title ? kTitleSentenceBase : 0);
    batch->AddMention(t, aid, sentence, std::move(m));
    ++stats_->facts_extracted;
  }
  return Status::OK();
}

Status IngestWriter::Flush() {
  if (pending_.empty() && predicates_done_) return Status::OK();
  std::lock_guard<std::mutex> lock(store_->write_mutex());
  graph::Batch batch(store_);
  batch_ids_.clear();
  batch_articles_.clear();
  described_pending_.clear();
  if (!predicates_done_) NG_RETURN_IF_ERROR(RegisterPredicates(&batch));
  for (const auto& [a, x] : pending_) NG_RETURN_IF_ERROR(AddArticle(&batch, a, x));
  NG_ASSIGN_OR_RETURN(graph::BatchStats bs, batch.Commit());
  predicates_done_ = true;
  described_.insert(described_pending_.begin(), described_pending_.end());
  stats_->new_articles += bs.new_articles;
  stats_->new_facts += bs.new_facts;
  stats_->new_mentions += bs.new_mentions;
  stats_->new_entities += bs.new_entities;
  ++stats_->batches;
  pending_.clear();
  return Status::OK();
}

}  // namespace newsgraph::api_internal
