// The rules for names that no lexicon holds whole: titles, given names,
// head words, capitalised Latin runs.
#include <algorithm>

#include "ingest/recognize/recognizer_run.h"

namespace newsgraph::ingest {

namespace {
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال
constexpr uint32_t kEndsName = kStopWord | kTimeWord | kSpeechVerb | kCommonWord;
constexpr std::string_view kYa = "\xD9\x8A";  // ي
constexpr std::string_view kYaHa = "\xD9\x8A\xD9\x87";  // يه: folded ية
constexpr std::string_view kTaMarbuta = "\xD8\xA9";  // ة, in the original text

// An imperfect verb's shape (يصل، تبدو، نرى): a name that starts a run after
// a title never has it unless it is a known name.
bool VerbShaped(std::string_view w) {
  if (w.size() < 6) return false;  // three letters at least
  auto a = static_cast<unsigned char>(w[0]), b = static_cast<unsigned char>(w[1]);
  bool ya_or_nun = a == 0xD9 && (b == 0x8A || b == 0x86);
  bool ta = a == 0xD8 && b == 0xAA;
  return ya_or_nun || ta;
}
constexpr uint32_t kNameLike = kGivenName | kNameConnector | kNamePart | kNisbaSurname;
}  // namespace

bool RecognizerRun::IsLatin(const Token& t) const {
  auto c = static_cast<unsigned char>(text_.folded()[t.fb]);
  return c < 0x80 && c >= 'a' && c <= 'z';
}

bool RecognizerRun::ConjunctionShaped(const Token& t) const {
  // و before a hamza-initial word (وأستطاع، وإن): no name is written so, but
  // the splitter leaves it whole when the rest is not a known word.
  std::string_view o = text_.original().substr(t.start, t.end - t.start);
  if (o.size() < 4 || o.substr(0, 2) != "\xD9\x88") return false;
  std::string_view h = o.substr(2, 2);
  return h == "\xD8\xA3" || h == "\xD8\xA5" || h == "\xD8\xA2";  // أ إ آ
}

bool RecognizerRun::WordShaped(const Token& t) const {
  // Shapes that a word takes and a name after a first name does not: a
  // proclitic before a hamza (بأفخم، لإدخال), an imperfect verb in ي (يحرز،
  // يستعيد; يو… starts foreign names: يوستاس), a pronoun suffix (يملكه،
  // أنشأها), an indefinite noun in ة (رمية).
  std::string_view o = text_.original().substr(t.start, t.end - t.start);
  if (o.size() < 6) return false;
  std::string_view c0 = o.substr(0, 2), c1 = o.substr(2, 2);
  bool clitic = c0 == "\xD8\xA8" || c0 == "\xD9\x84" || c0 == "\xD9\x81" || c0 == "\xD9\x83";
  if (clitic && (c1 == "\xD8\xA3" || c1 == "\xD8\xA5" || c1 == "\xD8\xA2")) return true;
  if (c0 == "\xD9\x8A" && c1 != "\xD9\x88" && o.size() >= 8) return true;  // ي, not يو
  auto ends = [&](std::string_view suf) {
    return o.size() > suf.size() + 4 && o.substr(o.size() - suf.size()) == suf;
  };
  // ه, not the …يه of French and Persian names (ريميه، سيبويه)
  if (ends("\xD9\x87") && !ends("\xD9\x8A\xD9\x87")) return true;
  if (ends("\xD9\x87\xD8\xA7") || ends("\xD9\x87\xD9\x85")) return true;     // ها هم
  return EndsInTaMarbuta(t);
}

bool RecognizerRun::EndsInTaMarbuta(const Token& t) const {
  std::string_view orig = text_.original();
  return t.end - t.start >= kTaMarbuta.size() &&
         orig.substr(t.end - kTaMarbuta.size(), kTaMarbuta.size()) == kTaMarbuta;
}

uint32_t RecognizerRun::OrdinalTail(uint32_t i, uint32_t end) const {
  // لويس التاسع، الحادي عشر: at most two ordinal words.
  for (int n = 0; n < 2 && end < toks_.size() && SameSentence(i, end); ++n) {
    const Token& t = toks_[end];
    // الأول may be split as ال + أول; only the whole form counts.
    bool article_only = t.se == t.fe && t.sb == t.fb + kAl.size() &&
                        std::string_view(text_.folded()).substr(t.fb, kAl.size()) == kAl;
    if (t.kind != TokenKind::kWord || (t.split() && !article_only) || !vocab_.Has(t.id, kOrdinal))
      break;
    // The first ordinal has the article: خمسة عشر is a number.
    if (n == 0 && !StartsWithArticle(t)) break;
    ++end;
  }
  return end;
}

uint32_t RecognizerRun::GodTail(uint32_t i, uint32_t end) const {
  // بالله، or a word with ب or ل and then الله (لدين الله، بأمر الله).
  auto word = [&](uint32_t k) {
    return std::string_view(text_.folded().data() + toks_[k].fb, toks_[k].fe - toks_[k].fb);
  };
  auto ok = [&](uint32_t k) {
    return k < toks_.size() && SameSentence(i, k) && toks_[k].kind == TokenKind::kWord;
  };
  constexpr std::string_view kBillah = "\xD8\xA8\xD8\xA7\xD9\x84\xD9\x84\xD9\x87";  // بالله
  constexpr std::string_view kAllah = "\xD8\xA7\xD9\x84\xD9\x84\xD9\x87";             // الله
  if (ok(end) && word(end) == kBillah) return end + 1;
  if (ok(end) && ok(end + 1) && word(end + 1) == kAllah) {
    auto c = word(end).substr(0, 2);
    if (c == "\xD8\xA8" || c == "\xD9\x84") return end + 2;  // ب، ل
  }
  return end;
}

uint32_t RecognizerRun::GodNameRule(uint32_t i) {
  // Abbasid and Fatimid regnal names: an ال-word and بالله, or a clitic word
  // and الله (المسترشد بالله، العاضد لدين الله، الحاكم بأمر الله).
  const Token& t = toks_[i];
  if (t.split() || !StartsWithArticle(t) || EndsInTaMarbuta(t) || i + 1 >= toks_.size() ||
      !SameSentence(i, i + 1))
    return i;
  if (vocab_.Classes(t.id) & (kEndsName | kTitleWord | kHeadWord | kOrdinal)) return i;
  std::string_view form(text_.folded().data() + t.sb, t.se - t.sb);
  auto ends = [&](std::string_view suf) {
    return form.size() > suf.size() && form.substr(form.size() - suf.size()) == suf;
  };
  if (ends("\xD9\x88\xD9\x86") || ends("\xD9\x8A\xD9\x86")) return i;  // plurals in ون، ين
  uint32_t end = GodTail(i, i + 1);
  if (end == i + 1) return i;
  Candidate& c = Emit(CandidateKind::kProvisional, i, end, EntityType::kPerson, "regnal", 0.6f);
  c.name = FoldedSpan(i, end);
  return end;
}

uint32_t RecognizerRun::TribeRule(uint32_t i) {
  // بنو أمية، بني هاشم: a tribe or dynasty, a named population. بني before
  // a definite noun is the passive verb (بني المسجد), so the name has no ال.
  const Token& t = toks_[i];
  if (t.split() || i + 1 >= toks_.size() || !SameSentence(i, i + 1)) return i;
  std::string_view w(text_.folded().data() + t.fb, t.fe - t.fb);
  if (w != "\xD8\xA8\xD9\x86\xD9\x8A" && w != "\xD8\xA8\xD9\x86\xD9\x88") return i;  // بني بنو
  const Token& n = toks_[i + 1];
  if (n.kind != TokenKind::kWord || n.split() || IsLatin(n) || StartsWithArticle(n) ||
      n.se < n.fe || ConjunctionShaped(n) ||
      VerbShaped(std::string_view(text_.folded().data() + n.fb, n.fe - n.fb)))
    return i;
  if (vocab_.Classes(n.id) & (kEndsName | kTitleWord | kHeadWord | kOrdinal | kNameConnector)) return i;
  if (FirstOfKind(i + 1, {MatchKind::kName}).end > i + 1) return i;  // بني وليد: a lexicon place
  Candidate& c = Emit(CandidateKind::kProvisional, i, i + 2, EntityType::kGroup, "tribe", 0.6f);
  c.name = FoldedSpan(i, i + 2);
  return i + 2;
}

uint32_t RecognizerRun::RegnalRule(uint32_t i) {
  // An indefinite word cannot take a definite adjective, so a bare word
  // before الثاني، التاسع is a name (كونراد الثالث، رمسيس الثاني).
  const Token& t = toks_[i];
  if (t.split() || IsLatin(t) || StartsWithArticle(t)) return i;
  // Words the splitter did not know: والعنصر is و + ال + a noun, بيته and
  // انتصارهم carry a pronoun.
  std::string_view whole(text_.folded().data() + t.fb, t.fe - t.fb);
  for (std::string_view pre : {"\xD9\x88\xD8\xA7\xD9\x84", "\xD9\x81\xD8\xA7\xD9\x84",
                               "\xD8\xA8\xD8\xA7\xD9\x84", "\xD9\x84\xD9\x84"}) {
    if (whole.substr(0, pre.size()) == pre) return i;  // وال فال بال لل
  }
  std::string_view orig = text_.original().substr(t.start, t.end - t.start);
  for (std::string_view suf : {"\xD9\x87", "\xD9\x87\xD9\x85", "\xD9\x87\xD8\xA7"}) {
    if (orig.size() > suf.size() && orig.substr(orig.size() - suf.size()) == suf) return i;
  }
  constexpr uint32_t kNotName = kEndsName | kTitleWord | kHeadWord | kOrdinal | kNameConnector |
                                kPlaceCue | kMetonymyCue;
  if (vocab_.Classes(t.id) & kNotName) return i;
  uint32_t end = OrdinalTail(i, i + 1);
  if (end == i + 1) return i;
  Candidate& c = Emit(CandidateKind::kProvisional, i, end, EntityType::kPerson, "regnal", 0.6f);
  c.name = FoldedSpan(i, end);
  return end;
}

bool RecognizerRun::StartsWithArticle(const Token& t) const {
  if (t.restore_article) return true;
  return std::string_view(text_.folded()).substr(t.sb, kAl.size()) == kAl;
}

uint32_t RecognizerRun::NisbaTail(uint32_t i, uint32_t end) const {
  for (int n = 0; n < 2 && end < toks_.size() && SameSentence(i, end); ++n) {
    const Token& t = toks_[end];
    if (t.kind != TokenKind::kWord || t.split() || !StartsWithArticle(t)) break;
    std::string_view form(text_.folded().data() + t.sb, t.se - t.sb);
    // Masculine (الوطني) or feminine (الوطنية, folded to …يه) nisba.
    if (form.substr(form.size() - kYa.size()) != kYa &&
        form.substr(form.size() - kYaHa.size()) != kYaHa)
      break;
    if (vocab_.Classes(t.id) & (kStopWord | kTimeWord | kOrdinal)) break;
    if (FirstOfKind(end, {MatchKind::kDemonym, MatchKind::kName}).end > end) break;
    ++end;
  }
  return end;
}

bool RecognizerRun::DescribedAfter(uint32_t i) const {
  if (i >= toks_.size() || !SameSentence(i - 1, i)) return false;
  const Token& t = toks_[i];
  if (t.kind != TokenKind::kWord || t.split() || !StartsWithArticle(t)) return false;
  return !(vocab_.Classes(t.id) & (kStopWord | kTimeWord));
}

std::string RecognizerRun::FoldedSpan(uint32_t first, uint32_t last) const {
  std::string out;
  if (toks_[first].restore_article) out = "\xD8\xA7";
  out.append(text_.folded(), toks_[first].sb, toks_[last - 1].se - toks_[first].sb);
  return out;
}

uint32_t RecognizerRun::QuotedRun(uint32_t i) const {
  if (i >= toks_.size() || toks_[i].kind != TokenKind::kPunct ||
      text_.folded()[toks_[i].fb] != '"')
    return i;
  for (uint32_t k = i + 1; k < toks_.size() && k <= i + 7 && SameSentence(i, k); ++k) {
    if (toks_[k].kind == TokenKind::kPunct && text_.folded()[toks_[k].fb] == '"') {
      return k > i + 1 ? k + 1 : i;
    }
  }
  return i;
}

// Name-like tokens: not function, time, title or common words, not the start
// of another lexicon entity; the first token without ال unless it is a known
// name part. Returns the end token; *count gets the number of words.
uint32_t RecognizerRun::NameRun(uint32_t i, bool relaxed) const {
  // At most five name words; connectors (بن، عبد) do not count, so that a
  // nasab chain (محمد بن عبد الله بن عبد الحكم) stays one name.
  uint32_t count = 0, named = 0, end = i, k = i, unknown = 0;
  bool seen_connector = false;
  while (k < toks_.size() && named < 5 && SameSentence(i, k)) {
    const Token& t = toks_[k];
    if (t.kind == TokenKind::kPunct) {
      if (count > 0 && t.transparent && text_.folded()[t.fb] == '-') {
        ++k;
        continue;
      }
      break;
    }
    if (t.kind != TokenKind::kWord || IsLatin(t) != IsLatin(toks_[i])) break;
    bool after_connector =
        count > 0 && (vocab_.Classes(toks_[k - 1].id) & kNameConnector) != 0;
    // و… starts another phrase; the article alone (بن الحكم) does not.
    bool article_only = t.se == t.fe && t.sb == t.fb + kAl.size() &&
                        std::string_view(text_.folded()).substr(t.fb, kAl.size()) == kAl;
    if (count > 0 && t.split() && !(after_connector && article_only)) break;
    if (!t.split() && ConjunctionShaped(t)) break;
    uint32_t cls = vocab_.Classes(count == 0 ? t.stem_id : t.id);
    if (after_connector) {
      // بن الخطاب، أبي طالب، عبد الله، بن علي: anything but a function word.
      if ((cls & kStopWord) && !(cls & kGivenName)) break;
    } else {
      if (count > 0 && (cls & kStopWord)) break;  // على is not علي here
      if ((cls & kEndsName) && !(cls & (kGivenName | kNameConnector | kNisbaSurname))) break;
      std::string_view form(text_.folded().data() + t.sb, t.se - t.sb);
      if (count == 0 && !relaxed && !(cls & kNameLike) &&
          (StartsWithArticle(t) || VerbShaped(form)))
        break;
      // After the first word, a word with ال is a nisba surname (العمامي،
      // الأيوبي) or a known name part; other ال-words are common nouns.
      if (count > 0 && StartsWithArticle(t) && !(cls & kNameLike) &&
          form.substr(form.size() - kYa.size()) != kYa)
        break;
    }
    if (count == 0 && (cls & kNameConnector) && !relaxed) break;
    // Title and head words never start a name; an ambiguous given name that
    // is also a function word (على) does not either.
    if (count == 0 && !relaxed && (cls & (kTitleWord | kHeadWord)) && !(cls & kGivenName)) break;
    // …unless بن follows: على بن is not Arabic, علي بن موسى is a name.
    if (count == 0 && (cls & kStopWord) && (cls & kAmbiguousGiven)) {
      bool bin = k + 1 < toks_.size() && SameSentence(k, k + 1) &&
                 std::string_view(text_.folded()).substr(toks_[k + 1].fb, toks_[k + 1].fe - toks_[k + 1].fb) ==
                     "\xD8\xA8\xD9\x86";  // بن
      if (!bin) break;
    }
    if (count > 0 && (cls & kHeadWord) && !(cls & kNameLike)) break;
    // After the first word, one word that is not known to be a name part
    // (a surname: رونالدو، بودولسكي) may follow; a second one is taken to
    // be the text going on (يحب، ربح).
    if (count > 0 && !after_connector && !(cls & kNameLike) && !StartsWithArticle(t)) {
      // After a nasab (هشام بن عبد الملك) only name words go on; the one
      // unknown word allowed is a foreign surname right after a given name.
      if (WordShaped(t) || seen_connector || ++unknown > 1) break;
    }
    if (count > 0 && !after_connector) {
      Match m = FirstOfKind(k, {MatchKind::kName, MatchKind::kDemonym, MatchKind::kTitle});
      if (m.end > k) {
        bool person = false, town = m.end == k + 1 && count == 1 &&
                                   (vocab_.Classes(toks_[i].stem_id) & kGivenName);
        for (const Payload& p : lex_.trie().Payloads(m.node)) {
          if (p.kind != MatchKind::kName) continue;
          const LexEntity& e = lex_.entities()[p.index];
          person |= e.type == EntityType::kPerson;
          // لويس فيغو: right after a given name, a town's name is a surname;
          // capitals, countries and regions are not (زار محمد باريس).
          town &= e.type == EntityType::kCity && e.capital_of.empty();
        }
        if (!person && !town) break;
      }
    }
    ++count;
    if (!(vocab_.Classes(t.id) & kNameConnector)) ++named;
    else seen_connector = true;
    ++k;
    end = k;
  }
  // A name does not end on a connector (بن، أبو, al).
  while (end > i && (vocab_.Classes(toks_[end - 1].id) & kNameConnector) &&
         !(vocab_.Classes(toks_[end - 1].id) & kGivenName)) {
    --end;
  }
  return end;
}

uint32_t RecognizerRun::LatinNameRun(uint32_t i) const {
  uint32_t end = i, k = i;
  uint32_t words = 0;
  while (k < toks_.size() && words < 5 && SameSentence(i, k)) {
    const Token& t = toks_[k];
    if (t.kind == TokenKind::kPunct) {
      if (words > 0 && t.transparent && text_.folded()[t.fb] == '-') {
        ++k;
        continue;
      }
      break;
    }
    if (t.kind != TokenKind::kWord || !IsLatin(t)) break;
    uint32_t cls = vocab_.Classes(t.id);
    bool connector = (cls & kNameConnector) && !t.upper;
    if (!t.upper && !connector) break;
    if (t.upper && (cls & (kStopWord | kTitleWord | kTimeWord)) && !(cls & kGivenName)) break;
    if (connector && words == 0) break;
    ++k;
    if (!connector) {
      ++words;
      end = k;
    }
  }
  return end;
}

uint32_t RecognizerRun::TitleRule(uint32_t i, uint32_t title_end, uint32_t title) {
  uint32_t j = title_end;
  // Qualifiers between the title and the name: a demonym, an organisation or
  // place, a further title (نائب وزير الدفاع الروسي، قائد قوات الشرق الليبي).
  for (int q = 0; q < 3 && j < toks_.size() && SameSentence(i, j); ++q) {
    thread_local std::vector<Match> ms;
    MatchesAt(j, &ms);
    std::vector<Match> local(ms.begin(), ms.end());
    bool found = false;
    for (const Match& m : local) {
      std::vector<uint32_t> ents = Targets(m, j, MatchKind::kName);
      if (!ents.empty()) {
        EntityType type = lex_.entities()[ents[0]].type;
        Candidate& c = Emit(CandidateKind::kLexicon, j, m.end, type,
                            type == EntityType::kPerson ? "title.lexicon" : "lexicon", 1.0f);
        c.entities = std::move(ents);
        if (type == EntityType::kPerson) {
          c.title = static_cast<int32_t>(title);
          return m.end;
        }
        j = m.end;
        found = true;
        break;
      }
      std::vector<uint32_t> dem = Targets(m, j, MatchKind::kDemonym);
      if (!dem.empty()) {
        Candidate& c = Emit(CandidateKind::kDemonym, j, m.end, lex_.entities()[dem[0]].type,
                            "demonym", 0.6f);
        c.entities = std::move(dem);
        j = m.end;
        found = true;
        break;
      }
      std::vector<uint32_t> more = Targets(m, j, MatchKind::kTitle);
      if (!more.empty()) {
        title = more[0];
        j = m.end;
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  if (!provisional_ || j >= toks_.size() || !SameSentence(i, j) ||
      toks_[j].kind != TokenKind::kWord) {
    return j;
  }
  if (lex_.titles()[title].regnal && !IsLatin(toks_[j])) {
    if (uint32_t r = RegnalName(j); r > j) {
      Candidate& c = Emit(CandidateKind::kProvisional, j, r, EntityType::kPerson, "title.regnal", 0.7f);
      c.name = FoldedSpan(j, r);
      c.title = static_cast<int32_t>(title);
      return r;
    }
  }
  uint32_t end = IsLatin(toks_[j]) ? LatinNameRun(j) : NameRun(j, false);
  // السلطان أحمد الأول: the ordinal belongs to the name after a title too.
  if (end > j && !IsLatin(toks_[j])) end = OrdinalTail(j, end);
  uint32_t words = 0;
  for (uint32_t k = j; k < end; ++k) words += toks_[k].kind == TokenKind::kWord;
  if (words == 0) return j;
  uint32_t cls = vocab_.Classes(toks_[j].stem_id);
  bool single_ok = IsLatin(toks_[j]) ||
                   ((cls & (kGivenName | kNamePart | kNisbaSurname)) && !(cls & kAmbiguousGiven));
  if (words == 1 && !single_ok) return j;
  Candidate& c = Emit(CandidateKind::kProvisional, j, end, EntityType::kPerson, "title.person",
                      words >= 2 ? 0.8f : 0.6f);
  c.name = FoldedSpan(j, end);
  c.title = static_cast<int32_t>(title);
  return end;
}

uint32_t RecognizerRun::RegnalName(uint32_t j) const {
  // A caliph's or sultan's regnal name is one ال-word (المستنصر، الرشيد),
  // optionally with بالله or لدين الله: a word the lists do not know as an
  // ordinary word, with no clitic, suffix or feminine ending.
  const Token& t = toks_[j];
  if (t.kind != TokenKind::kWord || t.split() || !StartsWithArticle(t) || EndsInTaMarbuta(t))
    return j;
  if (vocab_.Classes(t.id) & (kEndsName | kTitleWord | kHeadWord | kOrdinal)) return j;
  if (FirstOfKind(j, {MatchKind::kDemonym, MatchKind::kName}).end > j) return j;
  std::string_view form(text_.folded().data() + t.sb, t.se - t.sb);
  // Nisba adjectives (العباسي، الفاطمي) describe the ruler, they do not name him.
  if (form.substr(form.size() - kYa.size()) == kYa || form.substr(form.size() - kYaHa.size()) == kYaHa)
    return j;
  return GodTail(j, j + 1);
}

bool RecognizerRun::HeadRule(uint32_t i, uint32_t head_end, uint32_t h, uint32_t* next) {
  const ingest::HeadRule& rule = lex_.heads()[h];
  uint32_t j = head_end;
  if (j >= toks_.size() || !SameSentence(i, j)) return false;
  uint32_t from = rule.keep_head ? i : j;
  // Quoted text: صحيفة "المرصد"، ميليشيا "فاجنر".
  uint32_t q = QuotedRun(j);
  if (q > j) {
    Match m = FirstOfKind(j + 1, {MatchKind::kName});
    if (m.end == q - 1) {
      Candidate& c = Emit(CandidateKind::kLexicon, j + 1, m.end, EntityType::kOther, "lexicon", 1.0f);
      c.entities = Targets(m, j + 1, MatchKind::kName);
      c.type = lex_.entities()[c.entities[0]].type;
      *next = q;
      return true;
    }
    if (!provisional_) return false;
    Candidate& c = Emit(CandidateKind::kProvisional, rule.keep_head ? i : j + 1,
                        rule.keep_head ? q : q - 1, rule.type, "head.quoted", 0.7f);
    c.name = FoldedSpan(c.first, c.last);
    *next = q;
    return true;
  }
  // A lexicon entity or a demonym: منتخب البرتغال، المنتخب البرتغالي، مدينة حلب.
  Match m = FirstOfKind(j, {MatchKind::kName, MatchKind::kDemonym});
  if (m.end > j) {
    std::vector<uint32_t> ents = Targets(m, j, MatchKind::kName);
    bool demonym = ents.empty();
    if (!rule.keep_head && !demonym) {
      Candidate& c = Emit(CandidateKind::kLexicon, j, m.end, lex_.entities()[ents[0]].type,
                          "lexicon", 1.0f);
      c.entities = std::move(ents);
      *next = m.end;
      return true;
    }
    if (!demonym && lex_.entities()[ents[0]].type == rule.type) return false;  // the name itself
    if (!provisional_) return false;
    uint32_t end = NisbaTail(i, m.end);
    Candidate& c = Emit(CandidateKind::kProvisional, i, end, rule.type, "head.entity", 0.7f);
    c.name = FoldedSpan(i, end);
    *next = end;
    return true;
  }
  if (!provisional_) return false;
  // النادي، المنتخب with ال refer back or describe (النادي ضم رونالدو); only
  // a head in the construct state (نادي برشلونة) starts a new name.
  if (StartsWithArticle(toks_[i])) return false;
  const Token& t = toks_[j];
  if (t.kind != TokenKind::kWord || t.split()) return false;
  uint32_t cls = vocab_.Classes(t.id);
  if (rule.complement != "noun" && !IsLatin(t) && !StartsWithArticle(t) && EndsInTaMarbuta(t)) {
    // An indefinite word in ة after the head is an adjective (شركة واحدة،
    // حركة عمرانية) unless a definite noun follows it: then it is the first
    // noun of a construct chain (اتحاد كرة القدم).
    uint32_t k = j + 1;
    if (k >= toks_.size() || !SameSentence(i, k) || toks_[k].kind != TokenKind::kWord ||
        toks_[k].split() || !StartsWithArticle(toks_[k]) ||
        (vocab_.Classes(toks_[k].id) & (kEndsName | kOrdinal)) ||
        (cls & (kStopWord | kTimeWord | kSpeechVerb | kCommonWord)))
      return false;
    uint32_t end = rule.keep_head ? NisbaTail(i, k + 1) : k + 1;
    Candidate& c = Emit(CandidateKind::kProvisional, from, end, rule.type, "head.construct", 0.6f);
    c.name = FoldedSpan(from, end);
    *next = end;
    return true;
  }
  if (rule.complement == "noun") {
    // وزارة الدفاع، مجلس الأمن: the head governs a definite noun.
    if (cls & (kStopWord | kTimeWord | kSpeechVerb | kCommonWord)) return false;
    if (!IsLatin(t) && !StartsWithArticle(t)) return false;
    uint32_t end = j + 1;
    Match q2 = end < toks_.size() && SameSentence(i, end)
                   ? FirstOfKind(end, {MatchKind::kName, MatchKind::kDemonym})
                   : Match{0, 0};
    if (q2.end > end) {
      bool place = !Targets(q2, end, MatchKind::kDemonym).empty();
      for (uint32_t e : Targets(q2, end, MatchKind::kName)) place |= IsPlace(lex_.entities()[e].type);
      if (place) end = q2.end;
    }
    Candidate& c = Emit(CandidateKind::kProvisional, from, end, rule.type, "head.noun", 0.6f);
    c.name = FoldedSpan(from, end);
    *next = end;
    return true;
  }
  // A place head (مدينة X) takes a name as a person's would; others take
  // definite words too (حركة النهضة، جامع الأزهر).
  uint32_t end = IsLatin(t) ? LatinNameRun(j) : NameRun(j, rule.keep_head);
  if (end <= j) return false;
  if (!IsLatin(t) && (cls & kCommonWord)) return false;
  if (rule.keep_head) end = NisbaTail(i, end);
  // قوات الشرق الليبي: a demonym after the name belongs to it.
  if (end < toks_.size() && SameSentence(i, end)) {
    Match d = FirstOfKind(end, {MatchKind::kDemonym});
    if (d.end > end) end = d.end;
  }
  Candidate& c = Emit(CandidateKind::kProvisional, from, end, rule.type, "head.name", 0.6f);
  c.name = FoldedSpan(from, end);
  *next = end;
  return true;
}

uint32_t RecognizerRun::GivenNameRule(uint32_t i) {
  const Token& t = toks_[i];
  uint32_t cls = vocab_.Classes(t.stem_id);
  bool connector = (cls & kNameConnector) && !(cls & kGivenName);
  if (!(cls & kGivenName) && !connector) return i;
  if (t.se < t.fe) return i;  // دولتهم: a noun with a pronoun, not the name دولت
  // A given name does not take the article: الوسام is "the medal".
  if (t.sb >= t.fb + kAl.size() && !t.restore_article &&
      std::string_view(text_.folded()).substr(t.sb - kAl.size(), kAl.size()) == kAl)
    return i;
  if (connector) {
    // أبو بكر، ابن خلدون، عبد الفتاح السيسي، معاوية بن أبي سفيان: a connector
    // and a name word, then further connector-word pairs and a nisba.
    auto word_at = [&](uint32_t k) {
      if (k >= toks_.size() || !SameSentence(i, k) || toks_[k].kind != TokenKind::kWord) return false;
      const Token& w = toks_[k];
      // The article split off (الحكم) is still a name word; و, ب or a
      // pronoun suffix (بيته) is not.
      bool article_only = w.se == w.fe && w.sb == w.fb + kAl.size() &&
                          std::string_view(text_.folded()).substr(w.fb, kAl.size()) == kAl;
      return (!w.split() || article_only) && !ConjunctionShaped(w) &&
             !(vocab_.Classes(w.id) & kStopWord);
    };
    // Connectors may follow each other: ابن أبي أصيبعة، أبو عبد الله.
    uint32_t w = i + 1;
    while (w < i + 3 && word_at(w + 1) && (vocab_.Classes(toks_[w].id) & kNameConnector) &&
           !(vocab_.Classes(toks_[w].id) & kGivenName))
      ++w;
    if (!word_at(w)) return i;
    if (StartsWithArticle(toks_[w]) && !(vocab_.Classes(toks_[w].id) & kNameLike)) return i;
    uint32_t end = w + 1;
    while (word_at(end + 1) && (vocab_.Classes(toks_[end].id) & kNameConnector)) end += 2;
    // A kunya before the name proper: أبو بكر محمد بن زكريا الرازي.
    if (end < toks_.size() && SameSentence(i, end) &&
        (vocab_.Classes(toks_[end].id) & kGivenName) &&
        !(vocab_.Classes(toks_[end].id) & kAmbiguousGiven)) {
      uint32_t more = NameRun(end, false);
      if (more > end + 1) end = more;
    }
    Candidate& c = Emit(CandidateKind::kProvisional, i, end, EntityType::kPerson, "given_name", 0.6f);
    c.name = FoldedSpan(i, end);
    return end;
  }
  // A laqab (صلاح الدين، نور الدين، عضد الدولة) names a person by itself,
  // and a nisba may follow it (صلاح الدين الأيوبي).
  if (i + 2 <= toks_.size() && SameSentence(i, i + 1) && LaqabShaped(i)) {
    uint32_t end = NisbaTail(i, i + 2);
    Candidate& c = Emit(CandidateKind::kProvisional, i, end, EntityType::kPerson, "laqab", 0.7f);
    c.name = FoldedSpan(i, end);
    return end;
  }
  uint32_t end = NameRun(i, false);
  if (uint32_t ord = OrdinalTail(i, end); ord > end && !(cls & kStopWord)) {
    Candidate& c = Emit(CandidateKind::kProvisional, i, ord, EntityType::kPerson, "given_name", 0.7f);
    c.name = FoldedSpan(i, ord);
    return ord;
  }
  uint32_t words = end - i;
  if (cls & kAmbiguousGiven) {
    // علي is also على after folding: only a further name word makes it one.
    if (words < 2) return i;
    if (!(vocab_.Classes(toks_[i + 1].id) & (kGivenName | kNameConnector | kNisbaSurname))) return i;
  }
  // A given name alone is too weak (باسم، أسماء); the resolver still joins it
  // to a full name of the same article.
  if (words < 2) return i;
  Candidate& c = Emit(CandidateKind::kProvisional, i, end, EntityType::kPerson, "given_name", 0.7f);
  c.name = FoldedSpan(i, end);
  return end;
}

uint32_t RecognizerRun::LatinRunRule(uint32_t i) {
  const Token& t = toks_[i];
  if (!t.upper) return i;
  uint32_t cls = vocab_.Classes(t.stem_id);
  if (cls & kGivenName) {
    uint32_t end = LatinNameRun(i);
    uint32_t words = 0;
    for (uint32_t k = i; k < end; ++k) words += toks_[k].kind == TokenKind::kWord;
    if (words >= 2) {
      Candidate& c = Emit(CandidateKind::kProvisional, i, end, EntityType::kPerson, "given_name", 0.7f);
      c.name = FoldedSpan(i, end);
      return end;
    }
  }
  // A capitalised run that ends in an English suffix head word: "Labour Party".
  uint32_t k = i, last_upper = i;
  while (k < toks_.size() && k < i + 8 && SameSentence(i, k)) {
    const Token& u = toks_[k];
    if (u.kind != TokenKind::kWord || !IsLatin(u)) break;
    if (!u.upper) {
      if (!(vocab_.Classes(u.id) & (kStopWord | kNameConnector))) break;
    } else {
      last_upper = k + 1;
    }
    ++k;
  }
  if (last_upper <= i + 1) return i;
  Match m = FirstOfKind(last_upper - 1, {MatchKind::kHead});
  if (m.end == last_upper) {
    for (uint32_t h : Targets(m, last_upper - 1, MatchKind::kHead)) {
      if (!lex_.heads()[h].suffix_en) continue;
      Candidate& c = Emit(CandidateKind::kProvisional, i, last_upper, lex_.heads()[h].type,
                          "head.suffix", 0.6f);
      c.name = FoldedSpan(i, last_upper);
      return last_upper;
    }
  }
  return i;
}

}  // namespace newsgraph::ingest
