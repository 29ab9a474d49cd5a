// Keys and records: decoding arbitrary bytes never crashes, and what
// decodes re-encodes to the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "graph/store/coding.h"
#include "graph/store/key_codec.h"
#include "graph/store/records.h"

using namespace newsgraph::graph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  for (IndexOrder o : {IndexOrder::kSpo, IndexOrder::kPos, IndexOrder::kOsp}) {
    Triple t, again;
    // Ids written with leading zero bytes decode too; what they decode to
    // must survive a round trip through the canonical encoding.
    if (DecodeTripleKey(o, in, &t) && (!DecodeTripleKey(o, TripleKey(o, t), &again) || !(again == t))) {
      std::abort();
    }
  }
  Triple t;
  ArticleId a;
  uint32_t sentence;
  if (DecodeMentionKey(in, &t, &a, &sentence)) {
    Triple t2;
    ArticleId a2;
    uint32_t s2;
    if (!DecodeMentionKey(MentionKey(t, a, sentence), &t2, &a2, &s2) || !(t2 == t) || a2 != a) std::abort();
  }
  TermRecord term;
  if (DecodeTerm(in, &term)) {
    TermRecord again;
    if (!DecodeTerm(EncodeTerm(term), &again) || EncodeTerm(again) != EncodeTerm(term)) std::abort();
  }
  MentionRecord m;
  if (DecodeMention(in, &m)) {
    MentionRecord again;
    if (!DecodeMention(EncodeMention(m), &again) || again.rule != m.rule || again.start != m.start) std::abort();
  }
  ArticleRecord art;
  if (DecodeArticle(in, &art)) {
    ArticleRecord again;
    if (!DecodeArticle(EncodeArticle(art), &again) || again.key != art.key || again.text != art.text) std::abort();
  }
  FactSummary sum;
  if (DecodeSummary(in, &sum)) {
    FactSummary again;
    if (!DecodeSummary(EncodeSummary(sum), &again) || again.mentions != sum.mentions) std::abort();
  }
  return 0;
}
