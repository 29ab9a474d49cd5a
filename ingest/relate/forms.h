// Surface forms of trigger words: Arabic and English conjugations generated
// from the few forms a pattern file gives, so that users write "زار/يزور"
// or "visit" and the matcher knows زارت، يزورون، سيزور، visited, visiting.
// All forms are in the matching form (text::Fold).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::ingest {

struct Form {
  std::string text;
  bool future = false;  // carries the future prefix س
  bool conj = false;    // carries the conjunction و or ف
};

// Arabic verb: past and present of the third person masculine singular
// (folded; the present starts with ي), plus any irregular forms (the jussive
// of hollow verbs, يزر). Gives third-person past and present forms of both
// genders, dual and plural, with the proclitics و ف ل س.
void ArabicVerbForms(std::string_view past, std::string_view present,
                     const std::vector<std::string>& extra, std::vector<Form>* out);

// Arabic noun (a verbal noun or a word): the word, with the article, and
// with a pronoun suffix (زيارته). Proclitics (و ف ب ل ك) are stripped when
// matching, not generated.
void ArabicNounForms(std::string_view noun, std::vector<Form>* out);

// English verb: base, and optionally past, past participle and -ing form
// where they are irregular. Gives base, -s, past, participle, -ing.
void EnglishVerbForms(std::string_view base, std::string_view past, std::string_view participle,
                      std::string_view ing, std::vector<Form>* out);
// The past participle alone (for passives), regular unless given.
std::string EnglishParticiple(std::string_view base, std::string_view participle);

// English noun: singular and plural.
void EnglishNounForms(std::string_view noun, std::vector<Form>* out);

// The proclitic letters a folded Arabic word may start with before a trigger
// (و ف ب ل ك and pairs), longest first; `verbal` limits them to those verbs
// take (و ف ل).
const std::vector<std::string_view>& ArabicProclitics(bool verbal);

}  // namespace newsgraph::ingest
