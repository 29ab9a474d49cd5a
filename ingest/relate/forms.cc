#include "ingest/relate/forms.h"

namespace newsgraph::ingest {

namespace {

// Folded Arabic letters used below (two UTF-8 bytes each).
constexpr std::string_view kYa = "\xD9\x8A", kTa = "\xD8\xAA", kNun = "\xD9\x86",
                           kAlef = "\xD8\xA7", kWaw = "\xD9\x88", kHa = "\xD9\x87",
                           kSin = "\xD8\xB3", kFa = "\xD9\x81", kLam = "\xD9\x84",
                           kAl = "\xD8\xA7\xD9\x84";

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

std::string Cat(std::string_view a, std::string_view b, std::string_view c = {}) {
  std::string s(a);
  s.append(b);
  s.append(c);
  return s;
}

void Push(std::vector<Form>* out, std::string s, bool future = false, bool conj = false) {
  for (const auto& f : *out) {
    if (f.text == s) return;
  }
  out->push_back(Form{std::move(s), future, conj});
}

// Weak final letter (folded ى is ي): دعا، التقى، يلتقي، يدعو.
bool WeakFinal(std::string_view s) {
  return EndsWith(s, kYa) || EndsWith(s, kAlef) || EndsWith(s, kWaw);
}

}  // namespace

const std::vector<std::string_view>& ArabicProclitics(bool verbal) {
  static const std::vector<std::string_view> kAll = {
      "\xD9\x88\xD8\xA8", "\xD9\x88\xD9\x84", "\xD9\x88\xD9\x83", "\xD9\x81\xD8\xA8",
      "\xD9\x81\xD9\x84", "\xD9\x81\xD9\x83", kWaw, kFa, "\xD8\xA8", kLam, "\xD9\x83"};
  static const std::vector<std::string_view> kVerbal = {"\xD9\x88\xD9\x84", "\xD9\x81\xD9\x84",
                                                        kWaw, kFa, kLam};
  return verbal ? kVerbal : kAll;
}

void ArabicVerbForms(std::string_view past, std::string_view present,
                     const std::vector<std::string>& extra, std::vector<Form>* out) {
  std::vector<std::string> plain, imperfect;
  if (!past.empty()) {
    std::string p(past);
    plain.push_back(p);
    // زارت، زارا، زارتا، زاروا، زرن
    for (const std::string& suf : std::vector<std::string>{std::string(kTa), std::string(kAlef),
                                                           Cat(kTa, kAlef), Cat(kWaw, kAlef),
                                                           std::string(kNun)}) {
      plain.push_back(Cat(p, suf));
    }
    if (WeakFinal(p) && p.size() > 2) {
      std::string stem = p.substr(0, p.size() - 2);
      plain.push_back(Cat(stem, kTa));                    // التقت، دعت
      plain.push_back(Cat(stem, kWaw, kAlef));            // التقوا، دعوا
      plain.push_back(Cat(stem, kTa, kAlef));             // التقتا
      plain.push_back(Cat(stem, kYa, kAlef));             // التقيا
    }
  }
  if (present.size() > 2) {
    std::string y(present);
    std::string rest = y.substr(2);  // without ي
    for (std::string_view pre : {kYa, kTa, kNun, kAlef}) {
      std::string base = Cat(pre, rest);
      imperfect.push_back(base);
      imperfect.push_back(Cat(base, kAlef, kNun));  // يزوران
      imperfect.push_back(Cat(base, kWaw, kNun));   // يزورون
      imperfect.push_back(Cat(base, kWaw, kAlef));  // لم يزوروا
      imperfect.push_back(Cat(base, kAlef));        // لن يزورا
      imperfect.push_back(Cat(base, kNun));         // يزرن
      if (WeakFinal(base) && base.size() > 4) {
        std::string stem = base.substr(0, base.size() - 2);
        imperfect.push_back(stem);                    // لم يلتق
        imperfect.push_back(Cat(stem, kWaw, kNun));   // يلتقون، يدعون
        imperfect.push_back(Cat(stem, kWaw, kAlef));  // لم يلتقوا
        imperfect.push_back(Cat(stem, kYa, Cat(kAlef, kNun)));  // يلتقيان
      }
    }
  }
  for (const auto& x : extra) imperfect.push_back(x);
  const std::string_view pre[] = {"", kWaw, kFa};
  for (const auto& f : plain) {
    for (auto p : pre) Push(out, Cat(p, f), false, !p.empty());
  }
  for (const auto& f : imperfect) {
    for (auto p : pre) {
      Push(out, Cat(p, f), false, !p.empty());
      Push(out, Cat(p, kLam, f), false, !p.empty());  // ليزور، وليزور
      Push(out, Cat(p, kSin, f), true, !p.empty());   // سيزور، وسيزور
    }
  }
}

void ArabicNounForms(std::string_view noun, std::vector<Form>* out) {
  std::string n(noun);
  Push(out, n);
  if (n.substr(0, kAl.size()) != kAl) Push(out, Cat(kAl, n));
  // The accusative with tanween: هجوما، دعما.
  if (!EndsWith(n, kHa) && !EndsWith(n, kAlef) && !EndsWith(n, kYa)) Push(out, Cat(n, kAlef));
  // Construct state with a pronoun: زيارة → زيارته، زيارتها، زيارتهم.
  if (EndsWith(n, kHa) && n.size() > 4) {
    std::string stem = Cat(n.substr(0, n.size() - 2), kTa);
    for (const std::string& suf : std::vector<std::string>{std::string(kHa), Cat(kHa, kAlef),
                                                           Cat(kHa, "\xD9\x85"),
                                                           Cat(kHa, "\xD9\x85\xD8\xA7")}) {
      Push(out, Cat(stem, suf));
    }
  }
}

namespace {
bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// ban → bann-: a three-letter consonant-vowel-consonant verb doubles its last
// letter (not w, x, y).
bool Doubles(std::string_view b) {
  return b.size() == 3 && !IsVowel(b[0]) && IsVowel(b[1]) && !IsVowel(b[2]) && b[2] != 'w' &&
         b[2] != 'x' && b[2] != 'y';
}
}  // namespace

std::string EnglishParticiple(std::string_view base, std::string_view participle) {
  if (!participle.empty()) return std::string(participle);
  std::string b(base);
  if (EndsWith(b, "e")) return b + "d";
  if (b.size() > 1 && b.back() == 'y' && !IsVowel(b[b.size() - 2])) return b.substr(0, b.size() - 1) + "ied";
  if (Doubles(b)) return b + b.back() + "ed";
  return b + "ed";
}

void EnglishVerbForms(std::string_view base, std::string_view past, std::string_view participle,
                      std::string_view ing, std::vector<Form>* out) {
  std::string b(base);
  Push(out, b);
  if (EndsWith(b, "s") || EndsWith(b, "x") || EndsWith(b, "z") || EndsWith(b, "ch") ||
      EndsWith(b, "sh") || EndsWith(b, "o")) {
    Push(out, b + "es");
  } else if (b.size() > 1 && b.back() == 'y' && !IsVowel(b[b.size() - 2])) {
    Push(out, b.substr(0, b.size() - 1) + "ies");
  } else {
    Push(out, b + "s");
  }
  Push(out, past.empty() ? EnglishParticiple(b, {}) : std::string(past));
  Push(out, EnglishParticiple(b, participle));
  if (!ing.empty()) {
    Push(out, std::string(ing));
  } else if (EndsWith(b, "ie")) {
    Push(out, b.substr(0, b.size() - 2) + "ying");
  } else if (EndsWith(b, "e") && !EndsWith(b, "ee") && b.size() > 2) {
    Push(out, b.substr(0, b.size() - 1) + "ing");
  } else if (Doubles(b)) {
    Push(out, b + b.back() + "ing");
  } else {
    Push(out, b + "ing");
  }
}

void EnglishNounForms(std::string_view noun, std::vector<Form>* out) {
  std::string n(noun);
  Push(out, n);
  if (n.find(' ') != std::string::npos) return;
  if (EndsWith(n, "s") || EndsWith(n, "x") || EndsWith(n, "ch") || EndsWith(n, "sh")) {
    Push(out, n + "es");
  } else if (n.size() > 1 && n.back() == 'y' && !IsVowel(n[n.size() - 2])) {
    Push(out, n.substr(0, n.size() - 1) + "ies");
  } else {
    Push(out, n + "s");
  }
}

}  // namespace newsgraph::ingest
