// The pipeline behind newsgraph::Extractor: normalise, segment, recognise,
// resolve, relate.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "ingest/lexicon/lexicon.h"
#include "ingest/normalise/normaliser.h"
#include "ingest/normalise/segmenter.h"
#include "ingest/recognize/recognizer.h"
#include "ingest/relate/pattern.h"
#include "ingest/relate/relation_extractor.h"
#include "ingest/resolve/resolver.h"
#include "newsgraph/extract.h"
#include "text/fold.h"

namespace newsgraph {

namespace {

uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string Hex16(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string KeyOf(const ingest::NormalisedText& title, const ingest::NormalisedText& body) {
  uint64_t h = Fnv1a(title.folded());
  h = Fnv1a("\n", h);
  return Hex16(Fnv1a(body.folded(), h));
}

// Per-thread scratch space, so that Extract allocates little per article.
struct Scratch {
  ingest::NormalisedText text[2];
  std::vector<ingest::Token> tokens[2];
  std::vector<ingest::Sentence> sentences[2];
  std::vector<ingest::Candidate> candidates;
};

}  // namespace

std::string MatchingForm(std::string_view text) { return text::Fold(text); }

std::string Article::Key() const {
  ingest::NormalisedText t, b;
  t.Assign(title);
  b.Assign(text);
  return KeyOf(t, b);
}

struct Extractor::Impl {
  ExtractorOptions options;
  std::unique_ptr<ingest::Lexicon> lexicon;
  std::unique_ptr<ingest::Segmenter> segmenter;
  std::unique_ptr<ingest::EntityRecognizer> recognizer;
  std::unique_ptr<ingest::EntityResolver> resolver;
  ingest::PatternSet patterns;
  std::vector<PredicateInfo> predicates;
  std::unique_ptr<ingest::RelationExtractor> relations;
  LexiconStats stats;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> dirs;
  if (options.builtin_lexicon) dirs.push_back(ingest::BuiltinLexiconDir());
  dirs.insert(dirs.end(), options.lexicon_dirs.begin(), options.lexicon_dirs.end());
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  NG_ASSIGN_OR_RETURN(impl->lexicon, ingest::Lexicon::Load(dirs));
  const ingest::Lexicon* lex = impl->lexicon.get();
  impl->segmenter = std::make_unique<ingest::Segmenter>(&lex->vocab());
  impl->recognizer = std::make_unique<ingest::EntityRecognizer>(lex, options.provisional_entities);
  impl->resolver = std::make_unique<ingest::EntityResolver>(lex);
  for (const auto& d : dirs) {
    NG_RETURN_IF_ERROR(ingest::LoadPredicates(d, &impl->predicates));
    NG_RETURN_IF_ERROR(impl->patterns.LoadDir(d));
  }
  impl->patterns.Finish();
  for (const auto& p : impl->patterns.patterns()) {
    if (p.attribution) continue;
    bool known = false;
    for (const auto& info : impl->predicates) known |= info.name == p.predicate;
    if (!known) {
      return Status::InvalidArgument(p.file + ": pattern " + p.id + ": unknown predicate \"" +
                                     p.predicate + "\" (see predicates.json)");
    }
  }
  impl->relations = std::make_unique<ingest::RelationExtractor>(lex, &impl->patterns,
                                                               &impl->predicates);
  size_t live = 0;
  for (const auto& e : lex->entities()) live += !e.replaced;
  impl->stats.entities = live;
  impl->stats.names = lex->name_count();
  impl->stats.titles = lex->titles().size();
  impl->stats.words = lex->vocab().size();
  impl->stats.patterns = impl->patterns.patterns().size();
  impl->stats.predicates = impl->predicates.size();
  impl->stats.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

const LexiconStats& Extractor::lexicon_stats() const { return impl_->stats; }

const std::vector<PredicateInfo>& Extractor::predicates() const { return impl_->predicates; }

Result<EntityDescription> Extractor::DescribeEntity(const std::string& key) const {
  const ingest::Lexicon& lex = *impl_->lexicon;
  int32_t i = lex.FindEntity(key);
  if (i < 0) return Status::NotFound("no lexicon entity \"" + key + "\"");
  const ingest::LexEntity& e = lex.entities()[i];
  EntityDescription d;
  d.key = e.key;
  d.type = ingest::EntityTypeName(e.type);
  for (const auto& n : e.names) {
    if (n.kind == ingest::LexName::kLabel && !d.labels.count(n.lang)) {
      d.labels[n.lang] = n.text;
      continue;
    }
    auto& list = n.kind == ingest::LexName::kDemonym ? d.demonyms[n.lang] : d.aliases[n.lang];
    if (std::find(list.begin(), list.end(), n.text) == list.end()) list.push_back(n.text);
  }
  if (!e.sector.empty()) d.props["sector"] = e.sector;
  if (!e.country.empty()) d.props["country"] = e.country;
  if (!e.capital_of.empty()) d.props["capital_of"] = e.capital_of;
  return d;
}

Result<Extraction> Extractor::Extract(const Article& article) const {
  thread_local Scratch s;
  Extraction out;
  try {
    s.candidates.clear();
    const std::string* fields[2] = {&article.text, &article.title};
    ingest::FieldView views[2];
    for (uint8_t f = 0; f < 2; ++f) {
      s.text[f].Assign(*fields[f]);
      impl_->segmenter->Segment(s.text[f], &s.tokens[f], &s.sentences[f]);
      impl_->recognizer->Recognize(s.text[f], s.tokens[f], f, &s.candidates);
      views[f] = ingest::FieldView{&s.text[f], &s.tokens[f]};
    }
    out.article_key = KeyOf(s.text[1], s.text[0]);
    out.lang = article.lang;
    impl_->resolver->Resolve(views, &s.candidates, &out);
    const std::vector<ingest::Sentence>* sentences[2] = {&s.sentences[0], &s.sentences[1]};
    impl_->relations->Extract(views, sentences, article.date, &out);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("extract: ") + e.what());
  }
  return out;
}

}  // namespace newsgraph
