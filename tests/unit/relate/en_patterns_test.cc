// English relation patterns (lexicon/patterns/en.jsonl): the constructions
// of the Arabic tests as English news writes them, on sentences written for
// these tests about actors the built-in lexicon knows.
#include <gtest/gtest.h>

#include "tests/unit/relate/relate_test_util.h"

namespace newsgraph {
namespace {

using testing::CountPredicate;
using testing::FactsOf;
using testing::Find;
using testing::Show;

TEST(relateEnglish, SubjectVerbArrivalAndVisit) {
  auto facts = FactsOf("Libyan Prime Minister Abdul Hamid Dbeibah arrived in Cairo on Sunday for talks.", "en");
  EXPECT_FACT(a, facts, "abdul-hamid-dbeibah", "visited", "cairo");
  EXPECT_EQ(a->rule, "en.visited.arrive");
  EXPECT_EQ(a->date, "2024-03-05");
  auto visit = FactsOf("Dbeibah visited Rome on Tuesday.", "en");
  EXPECT_FACT(v, visit, "abdul-hamid-dbeibah", "visited", "rome");
}

TEST(relateEnglish, ClauseSubjectCarriedIntoLaterClauses) {
  auto facts = FactsOf(
      "Dbeibah arrived in Ankara on Monday and met Turkish President Recep Tayyip Erdogan.", "en");
  EXPECT_FACT(a, facts, "abdul-hamid-dbeibah", "visited", "ankara");
  EXPECT_FACT(m, facts, "abdul-hamid-dbeibah", "met_with", "recep-tayyip-erdogan");
  EXPECT_EQ(m->rule, "en.met.meet_clause");
  auto later = FactsOf("Dbeibah arrived in Ankara on Monday and later visited Istanbul.", "en");
  EXPECT_FACT(i, later, "abdul-hamid-dbeibah", "visited", "istanbul");
}

TEST(relateEnglish, VerbalNouns) {
  auto facts = FactsOf("Dbeibah's visit to Tunisia is part of a regional tour.", "en");
  EXPECT_FACT(v, facts, "abdul-hamid-dbeibah", "visited", "tunisia");
  EXPECT_EQ(v->rule, "en.visited.visit_noun");
}

TEST(relateEnglish, AtTheInvitationOfInvitesTheClauseSubject) {
  auto facts = FactsOf(
      "Mohamed al-Menfi travelled to Paris at the invitation of French President Emmanuel Macron.", "en");
  EXPECT_FACT(v, facts, "mohamed-al-menfi", "visited", "paris");
  EXPECT_FACT(i, facts, "emmanuel-macron", "invited", "mohamed-al-menfi");
  EXPECT_EQ(i->rule, "en.invited.at_invitation");
}

TEST(relateEnglish, LedByLeads) {
  auto facts = FactsOf("The Government of National Unity, led by Abdul Hamid Dbeibah, met in Tripoli.", "en");
  EXPECT_FACT(f, facts, "abdul-hamid-dbeibah", "leads", "government-of-national-unity");
}

TEST(relateEnglish, PlaceInPlaceIsLocatedIn) {
  auto in = FactsOf("Fighting broke out in Misrata in Libya on Friday.", "en");
  EXPECT_FACT(a, in, "misrata", "located_in", "libya");
  auto comma = FactsOf("The delegation landed in Tripoli, Libya on Friday.", "en");
  EXPECT_FACT(b, comma, "tripoli", "located_in", "libya");
  EXPECT_EQ(b->rule, "en.located.comma");
}

TEST(relateEnglish, Capital) {
  auto nisba = FactsOf("Officials met in the Egyptian capital, Cairo, on Monday.", "en");
  EXPECT_FACT(a, nisba, "cairo", "capital_of", "egypt");
  EXPECT_EQ(a->rule, "en.capital.nisba_capital");
  auto of = FactsOf("The talks were held in Cairo, the capital of Egypt.", "en");
  EXPECT_FACT(b, of, "cairo", "capital_of", "egypt");
}

TEST(relateEnglish, AppositionLeadsAndRepresents) {
  auto appos = FactsOf("Khalifa Haftar, the leader of the Libyan National Army, welcomed the talks.", "en");
  EXPECT_FACT(a, appos, "khalifa-haftar", "leads", "libyan-national-army");
  auto before = FactsOf("The Libyan National Army commander Khalifa Haftar welcomed the talks.", "en");
  EXPECT_FACT(b, before, "khalifa-haftar", "leads", "libyan-national-army");
  auto rep = FactsOf("Ahmed Abu Shahma, a spokesman for the Libyan National Army, spoke to reporters.", "en");
  EXPECT_FACT(r, rep, "ahmed-abu-shahma", "represents", "libyan-national-army");
}

TEST(relateEnglish, NisbaBeforeTitleIsAffiliation) {
  auto facts = FactsOf("Russian Foreign Minister Sergei Lavrov said Moscow wanted stability.", "en");
  EXPECT_FACT(a, facts, "sergei-lavrov", "affiliated_with", "russia");
  EXPECT_EQ(a->rule, "en.affiliated.nisba_title_person");
  EXPECT_FACT(p, facts, "sergei-lavrov", "holds_position", "Minister of Foreign Affairs");
}

TEST(relateEnglish, CoordinationGivesOneFactEach) {
  auto objects = FactsOf("Dbeibah visited Misrata, Sirte and Benghazi during the week.", "en");
  EXPECT_FACT(a, objects, "abdul-hamid-dbeibah", "visited", "misrata");
  EXPECT_FACT(b, objects, "abdul-hamid-dbeibah", "visited", "sirte");
  EXPECT_FACT(c, objects, "abdul-hamid-dbeibah", "visited", "benghazi");
  EXPECT_EQ(CountPredicate(objects, "visited"), 3u) << Show(objects);
  auto subjects = FactsOf("Russia, Turkey and Egypt support Haftar.", "en");
  EXPECT_FACT(d, subjects, "russia", "supports", "khalifa-haftar");
  EXPECT_FACT(e, subjects, "turkey", "supports", "khalifa-haftar");
  EXPECT_FACT(f, subjects, "egypt", "supports", "khalifa-haftar");
}

TEST(relateEnglish, NamesJoinedByACommaAloneAreNoList) {
  // The speaker after the comma is not a second object, and the source of
  // "according to" is not a second subject.
  auto said = FactsOf("The Libyan National Army attacked Misrata, Ahmed al-Mismari said.", "en");
  EXPECT_FACT(a, said, "libyan-national-army", "attacked", "misrata");
  EXPECT_EQ(CountPredicate(said, "attacked"), 1u) << Show(said);
  auto according = FactsOf("According to Turkey, the Libyan National Army attacked Misrata.", "en");
  EXPECT_EQ(Find(according, "turkey", "attacked", "misrata"), nullptr) << Show(according);
}

TEST(relateEnglish, OneOfTheMainBackers) {
  auto facts = FactsOf("The United Arab Emirates is one of the main backers of Haftar.", "en");
  EXPECT_FACT(a, facts, "united-arab-emirates", "supports", "khalifa-haftar");
  auto allies = FactsOf("The United Arab Emirates is among the staunchest allies of Khalifa Haftar.", "en");
  EXPECT_FACT(b, allies, "united-arab-emirates", "supports", "khalifa-haftar");
}

TEST(relateEnglish, PassiveWithAgent) {
  auto facts = FactsOf("Misrata was attacked by the Libyan National Army on Friday.", "en");
  EXPECT_FACT(a, facts, "libyan-national-army", "attacked", "misrata");
  EXPECT_EQ(a->rule, "en.attacked.passive");
}

TEST(relateEnglish, NegationMarksTheEventOnly) {
  auto facts = FactsOf("Egyptian President Abdel Fattah el-Sisi did not visit Libya last year.", "en");
  EXPECT_FACT(v, facts, "abdel-fattah-el-sisi", "visited", "libya");
  EXPECT_TRUE(v->negated);
  EXPECT_FACT(p, facts, "abdel-fattah-el-sisi", "holds_position", "President");
  EXPECT_FALSE(p->negated);
  auto future = FactsOf("Sisi will visit Libya next month.", "en");
  EXPECT_EQ(CountPredicate(future, "visited"), 0u) << Show(future);
}

TEST(relateEnglish, AttributionKeepsWhoClaimsIt) {
  auto said = FactsOf("The Libyan National Army attacked Misrata, Ahmed al-Mismari said.", "en");
  EXPECT_FACT(a, said, "libyan-national-army", "attacked", "misrata");
  EXPECT_EQ(a->attributed_to.key, "ahmed-al-mismari");
  auto according = FactsOf("According to Turkey, the Libyan National Army attacked Misrata.", "en");
  EXPECT_FACT(b, according, "libyan-national-army", "attacked", "misrata");
  EXPECT_EQ(b->attributed_to.key, "turkey");
}

TEST(relateEnglish, DetainWithAQuantityBeforeTheObject) {
  auto facts = FactsOf("Turkish police detained more than 40 Kurds on Monday.", "en");
  EXPECT_FACT(a, facts, "turkey", "arrested", "kurds");
  EXPECT_EQ(a->rule, "en.arrested.arrest");
  EXPECT_EQ(a->count, 40);
}

TEST(relateEnglish, KidnapActiveAndPassive) {
  auto active = FactsOf("Islamic State kidnapped dozens of Yazidis.", "en");
  EXPECT_FACT(a, active, "islamic-state", "arrested", "yazidis");
  EXPECT_EQ(a->rule, "en.arrested.abduct");
  auto passive = FactsOf("Dozens of Kurds were abducted by Islamic State last year.", "en");
  EXPECT_FACT(b, passive, "islamic-state", "arrested", "kurds");
  EXPECT_EQ(b->rule, "en.arrested.abduct_passive");
}

TEST(relateEnglish, DeportAndExpelAreSanctions) {
  auto deport = FactsOf("Egypt deported 300 Syrians in March.", "en");
  EXPECT_FACT(a, deport, "egypt", "sanctioned", "syria-people");
  EXPECT_EQ(a->rule, "en.sanctioned.expel");
  auto passive = FactsOf("Hundreds of Syrians were expelled by Egypt.", "en");
  EXPECT_FACT(b, passive, "egypt", "sanctioned", "syria-people");
  EXPECT_EQ(b->rule, "en.sanctioned.expel_passive");
}

TEST(relateEnglish, BanAndOutlawAreSanctions) {
  auto ban = FactsOf("The Egyptian government banned the Muslim Brotherhood in 2013.", "en");
  EXPECT_FACT(a, ban, "egypt", "sanctioned", "muslim-brotherhood");
  EXPECT_EQ(a->rule, "en.sanctioned.ban");
  auto passive = FactsOf("The Muslim Brotherhood was outlawed by Egypt.", "en");
  EXPECT_FACT(b, passive, "egypt", "sanctioned", "muslim-brotherhood");
  EXPECT_EQ(b->rule, "en.sanctioned.ban_passive");
  // The noun is no event.
  EXPECT_EQ(CountPredicate(FactsOf("Egypt lifted a ban on the Muslim Brotherhood.", "en"), "sanctioned"), 0u)
      << Show(FactsOf("Egypt lifted a ban on the Muslim Brotherhood.", "en"));
}

TEST(relateEnglish, WoundAndTortureAreAttacks) {
  auto wound = FactsOf("Israeli troops wounded three Palestinians near Nablus.", "en");
  EXPECT_FACT(a, wound, "israel", "attacked", "palestine-people");
  EXPECT_EQ(a->rule, "en.attacked.wound");
  EXPECT_EQ(a->place.key, "nablus");
  auto torture = FactsOf("Iraqi police have tortured hundreds of Kurds.", "en");
  EXPECT_FACT(b, torture, "iraq", "attacked", "kurds");
  auto passive = FactsOf("Two Kurds were wounded by Turkish soldiers.", "en");
  EXPECT_FACT(c, passive, "turkey", "attacked", "kurds");
  EXPECT_EQ(c->rule, "en.attacked.wound_passive");
  // The adjective is no event: Egypt treated the wounded, it did not wound them.
  auto adjective = FactsOf("Egypt received wounded Palestinians at the Rafah crossing.", "en");
  EXPECT_EQ(CountPredicate(adjective, "attacked"), 0u) << Show(adjective);
}

TEST(relateEnglish, BeatUpButNotBeatInAVote) {
  auto up = FactsOf("Turkish soldiers beat up Syrians at the border.", "en");
  EXPECT_FACT(a, up, "turkey", "attacked", "syria-people");
  EXPECT_EQ(a->rule, "en.attacked.beat_up");
  auto passive = FactsOf("Syrians were beaten by Turkish police.", "en");
  EXPECT_FACT(b, passive, "turkey", "attacked", "syria-people");
  EXPECT_EQ(b->rule, "en.attacked.beaten_by");
  auto defeat = FactsOf("Egypt beat Algeria in the final, and Libya was beaten by Tunisia.", "en");
  EXPECT_EQ(CountPredicate(defeat, "attacked"), 0u) << Show(defeat);
}

TEST(relateEnglish, ShellAndBombAreAttacks) {
  auto shell = FactsOf("Syrian government forces shelled Idlib on Sunday.", "en");
  EXPECT_FACT(a, shell, "syrian-arab-army", "attacked", "idlib");
  auto passive = FactsOf("Misrata was bombed by the Libyan National Army.", "en");
  EXPECT_FACT(b, passive, "libyan-national-army", "attacked", "misrata");
}

TEST(relateEnglish, AnAdjectiveBetweenNisbaAndActorHead) {
  auto riot = FactsOf("Libyan riot police beat up Egyptians in Tripoli.", "en");
  EXPECT_FACT(b, riot, "libya", "attacked", "egypt-people");
  EXPECT_EQ(b->place.key, "tripoli");
}

TEST(relateEnglish, StagedProtestsAgainst) {
  auto facts = FactsOf(
      "The Muslim Brotherhood organised demonstrations in Alexandria against the Egyptian army.", "en");
  EXPECT_FACT(a, facts, "muslim-brotherhood", "protested", "egyptian-armed-forces");
  EXPECT_EQ(a->rule, "en.protested.stage_protest");
  EXPECT_EQ(a->place.key, "alexandria");
}

TEST(relateEnglish, InProtestAgainst) {
  auto facts = FactsOf("Kurds went on a hunger strike in protest against Turkey.", "en");
  EXPECT_FACT(a, facts, "kurds", "protested", "turkey");
  EXPECT_EQ(a->rule, "en.protested.in_protest");
}

}  // namespace
}  // namespace newsgraph
