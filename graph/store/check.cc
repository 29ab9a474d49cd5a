#include "graph/store/check.h"

#include <rocksdb/db.h>

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "graph/store/coding.h"
#include "graph/store/key_codec.h"
#include "graph/store/store.h"

namespace newsgraph::graph {

std::string HexKey(std::string_view key) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : key) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

namespace {

std::string Show(const Triple& t) {
  return "(" + std::to_string(t.s) + ", " + std::to_string(t.p) + ", " + std::to_string(t.o) + ")";
}

class Checker {
 public:
  Checker(const ReadView& v, CheckReport* r, size_t max) : v_(v), r_(r), max_(max) {}

  void Problem(std::string msg) {
    if (r_->problems.size() < max_) {
      r_->problems.push_back(std::move(msg));
    } else {
      ++r_->more_problems;
    }
  }

  bool Exists(Cf cf, std::string_view key) {
    auto c = v_.Cursor(cf, key);
    return c->Valid() && c->key() == key;
  }

  Status Run() {
    // Block checksums first: a flipped byte in an SST file would otherwise
    // surface as an odd read error halfway through, or not at all in blocks
    // that no scan below touches. RocksDB's message names the file.
    rocksdb::Status cs = v_.store().db()->VerifyChecksum();
    if (!cs.ok()) {
      Problem("damaged file: " + cs.ToString() +
              " (the store cannot be trusted; restore it or re-import its data)");
      return Status::OK();
    }
    NG_RETURN_IF_ERROR(Terms());
    NG_RETURN_IF_ERROR(Articles());
    NG_RETURN_IF_ERROR(Facts());
    NG_RETURN_IF_ERROR(Siblings(Cf::kPos, IndexOrder::kPos));
    NG_RETURN_IF_ERROR(Siblings(Cf::kOsp, IndexOrder::kOsp));
    NG_RETURN_IF_ERROR(Mentions());
    NG_RETURN_IF_ERROR(ArticleFacts());
    Counters();
    return Status::OK();
  }

 private:
  Status Terms() {
    auto c = v_.Cursor(Cf::kTerms);
    for (; c->Valid(); c->Next()) {
      uint64_t id;
      TermRecord t;
      if (!DecodeIdKey(c->key(), &id) || !DecodeTerm(c->value(), &t)) {
        Problem("terms: undecodable entry at key " + HexKey(c->key()));
        continue;
      }
      ++r_->terms;
      terms_.insert(id);
      if (t.kind == TermKind::kEntity) ++entities_;
      auto found = v_.FindTerm(t.kind, t.key, t.lang);
      if (!found.ok()) return found.status();
      if (!found->has_value() || **found != id) {
        Problem("term " + std::to_string(id) + " (\"" + t.key + "\") does not round-trip through term_keys");
      }
    }
    NG_RETURN_IF_ERROR(c->status());
    auto k = v_.Cursor(Cf::kTermKeys);
    for (; k->Valid(); k->Next()) {
      std::string_view val = k->value();
      uint64_t id;
      if (!GetVarint(&val, &id)) {
        Problem("term_keys: undecodable value at key " + HexKey(k->key()));
        continue;
      }
      if (!k->key().empty() && k->key()[0] == '\x10') continue;  // article names: checked below
      if (!terms_.count(id)) {
        Problem("term_keys entry " + HexKey(k->key()) + " points to missing term " + std::to_string(id));
      }
    }
    return k->status();
  }

  Status Articles() {
    auto c = v_.Cursor(Cf::kArticles);
    for (; c->Valid(); c->Next()) {
      uint64_t id;
      ArticleRecord a;
      if (!DecodeIdKey(c->key(), &id) || !DecodeArticle(c->value(), &a)) {
        Problem("articles: undecodable entry at key " + HexKey(c->key()));
        continue;
      }
      ++r_->articles;
      articles_.insert(id);
      auto found = v_.FindArticle(a.key);
      if (!found.ok()) return found.status();
      if (!found->has_value() || **found != id) {
        Problem("article " + std::to_string(id) + " (\"" + a.key + "\") does not round-trip through its name");
      }
      if (a.day != kNoDay && !Exists(Cf::kByDate, ByDateKey(a.day, id))) {
        Problem("article " + std::to_string(id) + " has no by_date entry");
      }
    }
    return c->status();
  }

  Status Facts() {
    auto c = v_.Cursor(Cf::kSpo);
    for (; c->Valid(); c->Next()) {
      Triple t;
      FactSummary sum;
      if (!DecodeTripleKey(IndexOrder::kSpo, c->key(), &t) || !DecodeSummary(c->value(), &sum)) {
        Problem("spo: undecodable entry at key " + HexKey(c->key()));
        continue;
      }
      ++r_->facts;
      auto& ps = stats_[t.p];
      ++ps.facts;
      ps.mentions += sum.mentions;
      if (sp_.insert({t.s, t.p}).second) ++ps.subjects;
      if (po_.insert({t.p, t.o}).second) ++ps.objects;
      for (TermId id : {t.s, t.p, t.o}) {
        if (!terms_.count(id)) Problem("fact " + Show(t) + " names missing term " + std::to_string(id));
      }
      if (!Exists(Cf::kPos, TripleKey(IndexOrder::kPos, t))) Problem("fact " + Show(t) + " has no pos entry");
      if (!Exists(Cf::kOsp, TripleKey(IndexOrder::kOsp, t))) Problem("fact " + Show(t) + " has no osp entry");
      uint64_t mentions = 0;
      std::set<ArticleId> arts;
      auto m = v_.Cursor(Cf::kMentions, MentionPrefix(t));
      for (; m->Valid(); m->Next()) {
        Triple mt;
        ArticleId a;
        uint32_t sentence;
        if (DecodeMentionKey(m->key(), &mt, &a, &sentence) && mt == t) {
          ++mentions;
          arts.insert(a);
        }
      }
      NG_RETURN_IF_ERROR(m->status());
      if (mentions == 0) Problem("fact " + Show(t) + " has no mention");
      if (mentions != sum.mentions || arts.size() != sum.articles) {
        Problem("fact " + Show(t) + " summary says " + std::to_string(sum.mentions) + " mentions in " +
                std::to_string(sum.articles) + " articles; the store holds " + std::to_string(mentions) +
                " in " + std::to_string(arts.size()));
      }
    }
    return c->status();
  }

  Status Siblings(Cf cf, IndexOrder order) {
    auto c = v_.Cursor(cf);
    for (; c->Valid(); c->Next()) {
      Triple t;
      if (!DecodeTripleKey(order, c->key(), &t)) {
        Problem(std::string(CfName(cf)) + ": undecodable key " + HexKey(c->key()));
        continue;
      }
      if (!Exists(Cf::kSpo, TripleKey(IndexOrder::kSpo, t))) {
        Problem(std::string(CfName(cf)) + " entry " + Show(t) + " has no spo entry");
      }
    }
    return c->status();
  }

  Status Mentions() {
    auto c = v_.Cursor(Cf::kMentions);
    Triple last{};
    bool last_ok = false;
    for (; c->Valid(); c->Next()) {
      Triple t;
      ArticleId a;
      uint32_t sentence;
      MentionRecord m;
      if (!DecodeMentionKey(c->key(), &t, &a, &sentence) || !DecodeMention(c->value(), &m)) {
        Problem("mentions: undecodable entry at key " + HexKey(c->key()));
        continue;
      }
      ++r_->mentions;
      if (!(t == last)) {
        last = t;
        last_ok = Exists(Cf::kSpo, TripleKey(IndexOrder::kSpo, t));
      }
      if (!last_ok) Problem("mention of " + Show(t) + " in article " + std::to_string(a) + " has no fact");
      if (!articles_.count(a)) Problem("mention of " + Show(t) + " names missing article " + std::to_string(a));
      if (!Exists(Cf::kArticleFacts, ArticleFactKey(a, t))) {
        Problem("mention of " + Show(t) + " in article " + std::to_string(a) + " has no article_facts entry");
      }
    }
    return c->status();
  }

  Status ArticleFacts() {
    auto c = v_.Cursor(Cf::kArticleFacts);
    for (; c->Valid(); c->Next()) {
      ArticleId a;
      Triple t;
      if (!DecodeArticleFactKey(c->key(), &a, &t)) {
        Problem("article_facts: undecodable entry at key " + HexKey(c->key()));
        continue;
      }
      uint64_t n = 0;
      auto m = v_.Cursor(Cf::kMentions, MentionPrefix(t, a));
      for (; m->Valid(); m->Next()) ++n;
      NG_RETURN_IF_ERROR(m->status());
      uint64_t stored;
      if (n == 0) {
        Problem("article_facts entry " + std::to_string(a) + " " + Show(t) + " has no mention in that article");
      } else if (!v_.HasArticleFactCounts()) {
        // A version-1 store opened read-only keeps no counts.
      } else if (!DecodeArticleFactCount(c->value(), &stored)) {
        Problem("article_facts entry " + std::to_string(a) + " " + Show(t) + ": undecodable mention count");
      } else if (stored != n) {
        Problem("article_facts entry " + std::to_string(a) + " " + Show(t) + " counts " + std::to_string(stored) +
                " mentions; the article has " + std::to_string(n));
      }
    }
    return c->status();
  }

  void Counters() {
    graph::Counters c = v_.GetCounters();
    auto cmp = [&](const char* what, uint64_t stored, uint64_t counted) {
      if (stored != counted) {
        Problem(std::string("counter ") + what + " is " + std::to_string(stored) + "; the store holds " +
                std::to_string(counted));
      }
    };
    cmp("facts", c.facts, r_->facts);
    cmp("mentions", c.mentions, r_->mentions);
    cmp("articles", c.articles, r_->articles);
    cmp("entities", c.entities, entities_);
    for (const auto& [p, want] : stats_) {
      auto got = v_.GetPredicateStats(p);
      if (!got.ok()) continue;
      if (got->facts != want.facts || got->mentions != want.mentions ||
          got->subjects != want.subjects || got->objects != want.objects) {
        Problem("statistics of predicate " + std::to_string(p) + " say " + std::to_string(got->facts) + " facts, " +
                std::to_string(got->mentions) + " mentions, " + std::to_string(got->subjects) + " subjects, " +
                std::to_string(got->objects) + " objects; the indexes hold " + std::to_string(want.facts) +
                ", " + std::to_string(want.mentions) + ", " + std::to_string(want.subjects) + ", " +
                std::to_string(want.objects));
      }
    }
  }

  const ReadView& v_;
  CheckReport* r_;
  size_t max_;
  std::unordered_set<uint64_t> terms_, articles_;
  uint64_t entities_ = 0;
  std::map<TermId, PredicateStats> stats_;
  std::set<std::pair<TermId, TermId>> sp_, po_;
};

}  // namespace

Status CheckStore(const ReadView& view, CheckReport* report, size_t max_problems) {
  return Checker(view, report, max_problems).Run();
}

}  // namespace newsgraph::graph
