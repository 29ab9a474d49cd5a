// Recognition and resolution on short sentences, through the public API.
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "newsgraph/extract.h"

namespace newsgraph {
namespace {

class ingestRecognizer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ex = Extractor::Create(ExtractorOptions());
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    extractor_ = std::move(*ex).release();
  }
  static void TearDownTestSuite() { delete extractor_; }

  // "text|key|type|rule" per mention of the body.
  static std::vector<std::string> Mentions(const std::string& body, const std::string& title = "") {
    Article a;
    a.title = title;
    a.text = body;
    auto r = extractor_->Extract(a);
    EXPECT_TRUE(r.ok());
    std::vector<std::string> out;
    for (const auto& m : r->mentions) {
      if (m.rule == "demonym") continue;
      const std::string& field = m.in_title ? a.title : a.text;
      EXPECT_EQ(field.substr(m.start, m.end - m.start), m.text);
      out.push_back(m.text + "|" + m.entity.key + "|" + m.entity.type + "|" + m.rule);
    }
    return out;
  }

  static Extractor* extractor_;
};

Extractor* ingestRecognizer::extractor_ = nullptr;

using ::testing::ElementsAre;

TEST_F(ingestRecognizer, LexiconNamesLongestMatchWithClitics) {
  EXPECT_THAT(Mentions("وصل الوفد إلى بنغازي في ليبيا، وقالت وزارة الدفاع الروسية إنه التقى بحفتر."),
              ElementsAre("بنغازي|benghazi|City|lexicon", "ليبيا|libya|Country|lexicon",
                          "وزارة الدفاع الروسية|russian-ministry-of-defence|Organization|lexicon",
                          "حفتر|khalifa-haftar|Person|lexicon"));
}

// سورية is the country and the feminine nisba "Syrian": context decides.
TEST_F(ingestRecognizer, CountryNameThatIsAlsoANisbaReadsByContext) {
  EXPECT_THAT(Mentions("قالت مصادر سورية إن قافلة سورية دخلت شمال سورية، وسورية جارة لبنان."),
              ElementsAre("سورية|syria|Country|lexicon", "سورية|syria|Country|lexicon",
                          "لبنان|lebanon|Country|lexicon"));
  EXPECT_THAT(Mentions("زار الرئيس الفرنسي إيمانويل ماكرون سورية."),
              ElementsAre("إيمانويل ماكرون|emmanuel-macron|Person|title.lexicon", "سورية|syria|Country|lexicon"));
}

TEST_F(ingestRecognizer, TitleAnnouncesAPersonInNoLexicon) {
  EXPECT_THAT(Mentions("وصل وزير الخارجية الروسي كامل تيموروف إلى طرابلس. وقال تيموروف إن الزيارة ناجحة."),
              ElementsAre("كامل تيموروف|~kaml-tymwrwf|Person|title.person",
                          "طرابلس|tripoli|City|lexicon",
                          "تيموروف|~kaml-tymwrwf|Person|coref.surname"));
}

TEST_F(ingestRecognizer, AmbiguousGivenNameNeedsAnotherNameWord) {
  EXPECT_THAT(Mentions("ووضعت على الطاولة خرائط."), ElementsAre());
}

TEST_F(ingestRecognizer, SurnameAndAnaphorResolveWithinTheArticle) {
  EXPECT_THAT(Mentions("استقبل خليفة حفتر الوفد. وأعلنت وزارة الدفاع الروسية الخبر، وقالت الوزارة إن لحفتر دورا."),
              ElementsAre("خليفة حفتر|khalifa-haftar|Person|lexicon",
                          "وزارة الدفاع الروسية|russian-ministry-of-defence|Organization|lexicon",
                          "الوزارة|russian-ministry-of-defence|Organization|coref.anaphor",
                          "حفتر|khalifa-haftar|Person|lexicon"));
}

TEST_F(ingestRecognizer, OneEntityAcrossLanguages) {
  auto ar = Mentions("التقى حفتر بالوفد.");
  auto en = Mentions("Haftar met the delegation in Benghazi.");
  ASSERT_EQ(ar.size(), 1u);
  EXPECT_EQ(ar[0], "حفتر|khalifa-haftar|Person|lexicon");
  EXPECT_THAT(en, ElementsAre("Haftar|khalifa-haftar|Person|lexicon", "Benghazi|benghazi|City|lexicon"));
}

TEST_F(ingestRecognizer, EnglishTitlesAndCase) {
  EXPECT_THAT(Mentions("Deputy Defence Minister Yunus-Bek Yevkurov arrived in Libya. Turkey said it would help, "
                       "but the turkey was cold."),
              ElementsAre("Yunus-Bek Yevkurov|yunus-bek-yevkurov|Person|title.lexicon",
                          "Libya|libya|Country|lexicon", "Turkey|turkey|Country|lexicon"));
}

TEST_F(ingestRecognizer, RegionListAfterAPluralHead) {
  EXPECT_THAT(Mentions("فوق مقاطعات روستوف وفولغوغراد."),
              ElementsAre("روستوف|rostov-oblast|Region|lexicon.list",
                          "فولغوغراد|volgograd-oblast|Region|lexicon.list"));
}

TEST_F(ingestRecognizer, SpeakingCapitalIsItsCountry) {
  EXPECT_THAT(Mentions("كما تقول موسكو."), ElementsAre("موسكو|russia|Country|metonymy.capital"));
}

TEST_F(ingestRecognizer, TitleMentionsAreMarked) {
  Article a;
  a.title = "حفتر يستقبل الوفد";
  a.text = "نص.";
  auto r = extractor_->Extract(a);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->mentions.size(), 1u);
  EXPECT_TRUE(r->mentions[0].in_title);
  EXPECT_EQ(r->mentions[0].start, 0u);
  EXPECT_EQ(r->mentions[0].end, std::string("حفتر").size());
  EXPECT_EQ(r->article_key, a.Key());
}

// "text|type" per mention of the body, rules aside.
std::vector<std::string> Typed(const std::vector<std::string>& mentions) {
  std::vector<std::string> out;
  for (const auto& m : mentions) {
    size_t a = m.find('|'), b = m.find('|', a + 1), c = m.find('|', b + 1);
    out.push_back(m.substr(0, a) + "|" + m.substr(b + 1, c - b - 1));
  }
  return out;
}

TEST_F(ingestRecognizer, OrdinalAfterANameMakesARuler) {
  // A given name, or any bare word (an indefinite word cannot take a definite
  // adjective), followed by an ordinal.
  EXPECT_THAT(Typed(Mentions("توج لويس الرابع عشر ملكا بعد وفاة أبيه.")),
              ElementsAre("لويس الرابع عشر|Person"));
  EXPECT_THAT(Typed(Mentions("وفي عهد كونراد الثالث انطلقت الحملة.")),
              ElementsAre("كونراد الثالث|Person"));
  // An ordinal after a definite noun is an adjective.
  EXPECT_THAT(Mentions("وفي الفصل الثالث من الكتاب."), ElementsAre());
}

TEST_F(ingestRecognizer, DefiniteHeadWordDoesNotStartAName) {
  // نادي برشلونة names a club; النادي ضم… is "the club signed…".
  EXPECT_THAT(Mentions("وأعلن النادي ضم مهاجم جديد."), ElementsAre());
}

TEST_F(ingestRecognizer, AdjectiveAfterAHeadWordIsNotAName) {
  EXPECT_THAT(Mentions("أسس المهندسون شركة ناشئة في المدينة."), ElementsAre());
  EXPECT_THAT(Mentions("ظهرت حركة فكرية جديدة."), ElementsAre());
}

TEST_F(ingestRecognizer, ConstructChainAfterAHeadWord) {
  EXPECT_THAT(Typed(Mentions("وشارك اتحاد كرة اليد في الاجتماع.")),
              ElementsAre("اتحاد كرة اليد|Organization"));
}

TEST_F(ingestRecognizer, CompetitionNamesHoldTheirPlace) {
  // كأس فرنسا is a competition (an Event); France inside it is not a mention.
  EXPECT_THAT(Typed(Mentions("وفاز الفريق بكأس فرنسا مرتين.")), ElementsAre("كأس فرنسا|Event"));
}

TEST_F(ingestRecognizer, ConjunctionBeforeANameKnownInsideLongerNames) {
  // وأيرلندا is also a word of the United Kingdom's full name.
  EXPECT_THAT(Typed(Mentions("زار الوفد فرنسا وأيرلندا.")),
              ElementsAre("فرنسا|Country", "أيرلندا|Country"));
}

TEST_F(ingestRecognizer, ConjunctionBeforeAHamzaWordEndsAName) {
  // وأستطاع is و + a verb the splitter does not know; كريم alone is too weak.
  EXPECT_THAT(Mentions("وصل كريم وأستطاع الفوز."), ElementsAre());
  // A proclitic written apart is a function word, not a name word.
  EXPECT_THAT(Mentions("وصل كريم و سافر."), ElementsAre());
}

TEST_F(ingestRecognizer, NounInTaMarbutaIsNotASurname) {
  // "ماركو رمية" is taken as a name (one unknown word may follow a given
  // name), but رمية alone later is not the same person.
  for (const auto& m : Typed(Mentions("نفذ ماركو رمية حرة. وكانت رمية موفقة."))) {
    EXPECT_NE(m, "رمية|Person");
  }
}

TEST_F(ingestRecognizer, ArticleBeforeANameWithoutOneIsAnotherWord) {
  // الحماس is "the enthusiasm"; حماس alone is the movement.
  EXPECT_THAT(Mentions("وساد الحماس بين اللاعبين."), ElementsAre());
  EXPECT_THAT(Typed(Mentions("وقالت حماس إن الوفد وصل.")), ElementsAre("حماس|Organization"));
}

TEST_F(ingestRecognizer, InstitutionsAreNotPeople) {
  for (const auto& m : Typed(Mentions("درس الطب في جامعة دمشق."))) {
    EXPECT_EQ(m.find("|Person"), std::string::npos) << m;
  }
}

TEST_F(ingestRecognizer, ProcliticBeforeANameKnownInsideLongerNames) {
  // بليبيا is a word of "أنصار الشريعة بليبيا" and للجيش of a commander's
  // title; alone they are ب + Libya and لل + the army's name.
  EXPECT_THAT(Typed(Mentions("وصل الوفد بليبيا.")), ElementsAre("ليبيا|Country"));
  auto army = Mentions("وقدمت روسيا الدعم للجيش الوطني الليبي.");
  EXPECT_THAT(army, ::testing::Contains(::testing::HasSubstr("|libyan-national-army|")));
  // A one-word name is never split: كندا is not ك + ندا.
  EXPECT_THAT(Typed(Mentions("وصل الوفد إلى كندا.")), ElementsAre("كندا|Country"));
}

TEST_F(ingestRecognizer, FuzzyKeyDoesNotJoinADifferentName) {
  // الأول shrinks to one consonant, as "Ali" does: أحمد الأول is no
  // lexicon person reached through the Latin skeleton.
  for (const auto& m : Mentions("وقال السلطان أحمد الأول إن الحرب انتهت.")) {
    EXPECT_EQ(m.find("fuzzy"), std::string::npos) << m;
  }
}

TEST_F(ingestRecognizer, OrdinalBelongsToTheNameAfterATitle) {
  EXPECT_THAT(Typed(Mentions("وحكم السلطان محمد الثاني البلاد.")),
              ElementsAre("محمد الثاني|Person"));
}

TEST_F(ingestRecognizer, EnglishPossessiveAndCountryNamedLikeAGivenName) {
  EXPECT_THAT(Typed(Mentions("Jordan and Egypt signed a deal. Later Egypt's president met Russia's envoy.")),
              ElementsAre("Jordan|Country", "Egypt|Country", "Egypt|Country", "Russia|Country"));
  // A surname after the word makes it a person's given name.
  EXPECT_THAT(Typed(Mentions("Jordan Henderson scored twice.")),
              ElementsAre("Jordan Henderson|Person"));
}

TEST_F(ingestRecognizer, WordShapedTokensEndAName) {
  // An imperfect verb (يستعيد), a clitic before a hamza (بأفضل), a pronoun
  // suffix (يملكه) or an indefinite noun in ة (رمية) is no surname.
  EXPECT_THAT(Mentions("وجعل اللقب ماركو يستعيد الثقة."), ElementsAre());
  EXPECT_THAT(Mentions("وفاز كارلوس بأفضل هدف."), ElementsAre());
  EXPECT_THAT(Mentions("وبنى الملعب ماركو صاحبه."), ElementsAre());
  EXPECT_THAT(Mentions("ونفذ كارلوس رمية طويلة."), ElementsAre());
  // A foreign surname still follows a given name.
  EXPECT_THAT(Typed(Mentions("وسجل ماركو بودولسكي هدفين.")), ElementsAre("ماركو بودولسكي|Person"));
}

TEST_F(ingestRecognizer, ConnectorChainsStayWhole) {
  EXPECT_THAT(Typed(Mentions("وكتب ابن أبي أصيبعة كتابا.")), ElementsAre("ابن أبي أصيبعة|Person"));
}

TEST_F(ingestRecognizer, GivenNamesWithTheArticleAreWords) {
  // الوسام is "the medal", not ال + the given name وسام.
  EXPECT_THAT(Mentions("ونال اللاعب الوسام الشرفي."), ElementsAre());
}

TEST_F(ingestRecognizer, MoreGivenNamesStartNames) {
  // Given names of names/given_world.ar.txt, with a surname in no lexicon.
  EXPECT_THAT(Typed(Mentions("وقال مارسيلو تيكسيرا إن الفريق جاهز.")),
              ElementsAre("مارسيلو تيكسيرا|Person"));
  EXPECT_THAT(Typed(Mentions("وتولى معاوية الدمشقي الأمر.")),
              ElementsAre("معاوية الدمشقي|Person"));
}

TEST_F(ingestRecognizer, TownNameAfterAGivenNameIsASurname) {
  // فيغو is also a Spanish town; a capital after a given name is not taken.
  EXPECT_THAT(Typed(Mentions("وانتقل لويس فيغو إلى الفريق.")), ElementsAre("لويس فيغو|Person"));
  for (const auto& m : Typed(Mentions("وزار ماركو باريس أمس."))) {
    EXPECT_NE(m, "ماركو باريس|Person");
  }
}

TEST_F(ingestRecognizer, GivenNameAndAWordSeenOnceJoinTheArticlesPerson) {
  // راؤول is Raul Gonzalez here, named so three times; "راؤول كسر" is the
  // given name and a verb, not a second person.
  auto ms = Mentions("لعب راؤول غونزاليز في الدوري. وسجل راؤول هدفين. ثم راؤول كسر الرقم. وعاد راؤول غونزاليز.");
  EXPECT_THAT(ms, ::testing::Contains(::testing::StartsWith("راؤول|raul-gonzalez|Person|coref.given")));
  for (const auto& m : ms) EXPECT_EQ(m.find("كسر"), std::string::npos) << m;
}

TEST_F(ingestRecognizer, TitleInALexiconAliasIsNotPartOfTheMention) {
  EXPECT_THAT(Mentions("وزار الإمام الحسين كربلاء."),
              ::testing::Contains(::testing::StartsWith("الحسين|husayn-ibn-ali|Person|")));
}

TEST_F(ingestRecognizer, LaqabIsAPersonUnlessTheTextSaysPlace) {
  // صلاح الدين is also an Iraqi province: a place after في or محافظة.
  EXPECT_THAT(Typed(Mentions("وحاصر صلاح الدين المدينة.")), ElementsAre("صلاح الدين|Person"));
  EXPECT_THAT(Typed(Mentions("وقتل جنديان في صلاح الدين.")), ElementsAre("صلاح الدين|Region"));
  EXPECT_THAT(Typed(Mentions("وحكم عضد الدولة البويهي بغداد.")),
              ElementsAre("عضد الدولة البويهي|Person", "بغداد|City"));
  // A pronoun suffix makes a noun (دولتهم), whatever follows.
  EXPECT_THAT(Typed(Mentions("وكانت دولتهم الدولة الأقوى.")), ElementsAre());
}

TEST_F(ingestRecognizer, RegnalNameAfterARulersTitle) {
  // After الخليفة or السلطان one ال-word is the regnal name, and it names
  // the ruler alone later; a nisba after it (العباسي) is a description.
  EXPECT_THAT(Typed(Mentions("وأمر الخليفة المستنصر ببناء المسجد. ومات المستنصر بعد ذلك.")),
              ElementsAre("المستنصر|Person", "المستنصر|Person"));
  EXPECT_THAT(Typed(Mentions("وكان الخليفة العباسي حاضرا.")), ElementsAre());
}

TEST_F(ingestRecognizer, RegnalNamesWithAllah) {
  EXPECT_THAT(Typed(Mentions("وفي عهد المسترشد بالله بني المسجد.")),
              ElementsAre("المسترشد بالله|Person"));
  EXPECT_THAT(Typed(Mentions("وحكم العاضد لدين الله مصر.")),
              ElementsAre("العاضد لدين الله|Person", "مصر|Country"));
  // A plural before بالله is a population, not a ruler.
  EXPECT_THAT(Mentions("وقال المؤمنين بالله ذلك."), ElementsAre());
}

TEST_F(ingestRecognizer, TribesAndDynastiesAreGroups) {
  EXPECT_THAT(Typed(Mentions("وكان بني أمية أقوياء.")), ElementsAre("بني أمية|Group"));
  // بني before a definite noun is the passive verb "was built".
  EXPECT_THAT(Mentions("وبعد ذلك بني المسجد."), ElementsAre());
}

TEST_F(ingestRecognizer, FrenchNamesEndingInYehKeepTheirSurname) {
  // …يه is not the pronoun suffix ه (ريميه، ديدييه).
  EXPECT_THAT(Typed(Mentions("وأسس جول ريميه البطولة.")), ElementsAre("جول ريميه|Person"));
}

TEST_F(ingestRecognizer, ArticleWordAfterAConnectorStaysInTheName) {
  // الحكم after بن is split as ال + a known word; it is still the father's name.
  EXPECT_THAT(Typed(Mentions("وتولى مروان بن الحكم الخلافة.")), ElementsAre("مروان بن الحكم|Person"));
}

TEST_F(ingestRecognizer, ProphetIsATitle) {
  EXPECT_THAT(Typed(Mentions("وهاجر النبي محمد إلى يثرب.")),
              ::testing::Contains(::testing::StartsWith("محمد|")));
}

TEST_F(ingestRecognizer, RegnalOrdinalSurvivesItsUseAsAnAdjective) {
  // الأول is also an adjective in the article (الفصل الأول), yet it stays
  // part of the king's name.
  EXPECT_THAT(Typed(Mentions("وفي الفصل الأول أمر الملك فؤاد الأول بإعداد مشروع.")),
              ElementsAre("فؤاد الأول|Person"));
}

TEST_F(ingestRecognizer, NasabChainsStayOneName) {
  // Connectors do not count towards the five name words.
  EXPECT_THAT(Typed(Mentions("وقال محمد بن عبد الله بن عبد الحكم ذلك.")),
              ElementsAre("محمد بن عبد الله بن عبد الحكم|Person"));
}

TEST_F(ingestRecognizer, LexiconPersonFollowedByBinIsALongerName) {
  // الإمام علي is a lexicon person; الإمام علي بن موسى is someone else.
  auto ms = Mentions("وعقد ولاية العهد للإمام علي بن موسى الرضا.");
  EXPECT_THAT(ms, ::testing::Contains(::testing::StartsWith("علي بن موسى|")));
}

TEST_F(ingestRecognizer, GivenNameWithAPronounSuffixIsANoun) {
  EXPECT_THAT(Mentions("وكانت دولتهم الكبرى قوية."), ElementsAre());
}

TEST_F(ingestRecognizer, NoUnknownWordAfterANasab) {
  // واستمرار after هشام بن عبد الملك is the text going on, not a surname.
  EXPECT_THAT(Typed(Mentions("وفي عهد هشام بن عبد الملك واستمرار حكمه.")),
              ElementsAre("هشام بن عبد الملك|Person"));
}

}  // namespace
}  // namespace newsgraph
