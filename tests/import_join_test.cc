#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/import/join.h"
#include "test_support.h"

namespace glossa::import {
namespace {

using testing::Messages;

Vocabulary Words(const std::vector<std::string>& words) {
  Vocabulary vocabulary;
  for (const std::string& word : words) vocabulary.AddWord(word);
  return vocabulary;
}

// The two lines joined as DecideJoin decides.
std::string Joined(const Vocabulary& vocabulary, std::string before,
                   bool trailing_space, const std::string& next) {
  ApplyJoin(DecideJoin(vocabulary, before, trailing_space, next), next,
            &before);
  return before;
}

std::string Repaired(const std::string& text, const Vocabulary& vocabulary,
                     Diagnostics* diags) {
  return RepairLine(text, vocabulary, {"in.txt", 7, 1}, *diags);
}

TEST_CASE("a hyphen at a line end goes when the joined word is a word",
          "[import]") {
  Vocabulary words = Words({"umgesetzt"});
  CHECK(DecideJoin(words,
                   "\t \xEF\xBF\xBD"
                   "Noch ist das gesellschaftliche Bonitätssystem nicht "
                   "vollständig umge-",
                   false,
                   "setzt, doch in vielen Bereichen") == Join::kDropHyphen);
  CHECK(Joined(words, "Noch ist es nicht umge-", false, "setzt, doch bald.") ==
        "Noch ist es nicht umgesetzt, doch bald.");
  CHECK(Joined(Vocabulary(), "Das gesellschaft-", false,
               "liche Bonitätssys-") == "Das gesellschaftliche Bonitätssys-");
}

TEST_CASE("a hyphen stays in compounds, URLs and before a conjunction",
          "[import]") {
  Vocabulary none;
  CHECK(Joined(none, "eine ehrgeizige Big-Data-", false,
               "gestützte Initiative.") ==
        "eine ehrgeizige Big-Data-gestützte Initiative.");
  CHECK(Joined(none, "bei Sesame Credit: Kautionsfrei-", false,
               "es Anmieten von Wohnungen.") ==
        "bei Sesame Credit: Kautionsfreies Anmieten von Wohnungen.");
  CHECK(Joined(none, "Grundstücken, sozialen Netz- ", true,
               "werken und Subventionen.") ==
        "Grundstücken, sozialen Netzwerken und Subventionen.");
  CHECK(Joined(none, "2.1 DIE REGIERUNGSSICHT: GESELLSCHAFTLICHE BONITÄTSPRÜ-",
               false, "FUNGEN LÖSEN VIELE PROBLEME") ==
        "2.1 DIE REGIERUNGSSICHT: GESELLSCHAFTLICHE BONITÄTSPRÜ-FUNGEN LÖSEN "
        "VIELE PROBLEME");
  CHECK(Joined(Words({"BONITÄTSPRÜFUNGEN"}), "GESELLSCHAFTLICHE BONITÄTSPRÜ-",
               false,
               "FUNGEN LÖSEN") == "GESELLSCHAFTLICHE BONITÄTSPRÜFUNGEN LÖSEN");
  CHECK(Joined(none,
               "http://www.npr.org/sections/parallels/2017/01/03/507983933/"
               "whats-your-public-credit-",
               false, "score-the-shanghai-government-can-tell-you.") ==
        "http://www.npr.org/sections/parallels/2017/01/03/507983933/"
        "whats-your-public-credit-score-the-shanghai-government-can-tell-you.");
  CHECK(
      Joined(none, "mangelnde Lebens-", false, "und Arzneimittelsicherheit") ==
      "mangelnde Lebens- und Arzneimittelsicherheit");
}

TEST_CASE("a word split without a hyphen is joined", "[import]") {
  CHECK(Joined(Words({"Verhalten", "und", "zu"}),
               "zu überwachen, zu bewerten und Verhal", false,
               "ten durch Belohnungen") ==
        "zu überwachen, zu bewerten und Verhalten durch Belohnungen");
  CHECK(Joined(Words({"Bonität"}),
               "In den chinesischen Medien ist „gesellschaftliche Bo", false,
               "nität“ (社会信用) zu einem") ==
        "In den chinesischen Medien ist „gesellschaftliche Bonität“ (社会信用) "
        "zu einem");
  // Two words that are words, and not one together, stay apart.
  CHECK(Joined(Words({"in", "dem"}), "veränderten dann die Profile, in", false,
               "dem sie") == "veränderten dann die Profile, in dem sie");
  // A capital after a small letter starts a new word.
  CHECK(Joined(Vocabulary(), "wirft auch Fragen", false, "Dienstleistungen") ==
        "wirft auch Fragen Dienstleistungen");
}

TEST_CASE("a space at the line end keeps two words apart", "[import]") {
  Vocabulary words = Words({"in", "dem", "indem"});
  CHECK(Joined(words, "veränderten dann die Profile, in ", true,
               "dem sie beispielsweise") ==
        "veränderten dann die Profile, in dem sie beispielsweise");
  CHECK(Joined(words, "veränderten dann die Profile, in", false,
               "dem sie beispielsweise") ==
        "veränderten dann die Profile, indem sie beispielsweise");
  // ... unless both sides are fragments of one word.
  CHECK(Joined(Words({"Verhalten"}), "und Verhal ", true, "ten durch") ==
        "und Verhalten durch");
}

TEST_CASE("no line break survives between CJK characters", "[import]") {
  CHECK(DecideJoin(Vocabulary(), "(Social Credit System, 社会信用体", false,
                   "系). Dieses") == Join::kNoSpace);
  CHECK(Joined(Vocabulary(), "Bonitätssystems“ 国务", false,
               "院关于印发社会信用体系建设规划纲要") ==
        "Bonitätssystems“ 国务院关于印发社会信用体系建设规划纲要");
}

TEST_CASE("a token longer than a word can be is no fragment of one",
          "[import]") {
  std::string letters(kLongestWord + 1, 'a');
  CHECK(DecideJoin(Vocabulary(), "x " + letters, false, "ten") == Join::kSpace);
  CHECK(DecideJoin(Vocabulary(), "Verhal", false, letters) == Join::kSpace);
  CHECK(DecideJoin(Vocabulary(), "x " + letters.substr(1), false, "ten") ==
        Join::kNoSpace);
}

TEST_CASE("each join ends the text before the break its own way", "[import]") {
  std::string text = "umge- ";
  EndBeforeJoin(Join::kDropHyphen, &text);
  CHECK(text == "umge");
  text = "Big-Data- \t";
  EndBeforeJoin(Join::kNoSpace, &text);
  CHECK(text == "Big-Data-");
  text = "Lebens-";
  EndBeforeJoin(Join::kKeepHyphenSpace, &text);
  CHECK(text == "Lebens- ");
  text = "Daten ";
  EndBeforeJoin(Join::kSpace, &text);
  CHECK(text == "Daten ");
}

TEST_CASE("lines join into one text by the same rule", "[import]") {
  // The pull quote of lines 155-159 of the report.
  std::vector<Line> lines;
  for (const char* text :
       {"Das gesellschaft-", "liche Bonitätssys-", "tem berührt fast",
        "alle Bereiche des", "täglichen Lebens"}) {
    Line line;
    line.text = text;
    line.blank = false;
    line.trailing_space =
        line.text.ends_with("fast") || line.text.ends_with("des");
    lines.push_back(line);
  }
  std::vector<std::size_t> all = {0, 1, 2, 3, 4};
  CHECK(JoinLines(Vocabulary(), lines, all) ==
        "Das gesellschaftliche Bonitätssystem berührt fast alle Bereiche des "
        "täglichen Lebens");
  std::vector<std::size_t> last_two = {3, 4};
  CHECK(JoinLines(Vocabulary(), lines, last_two) ==
        "alle Bereiche des täglichen Lebens");
  CHECK(JoinLines(Vocabulary(), lines, {}) == "");
}

TEST_CASE("a paragraph of a megabyte joins line by line", "[import]") {
  std::vector<Line> lines;
  std::vector<std::size_t> indexes;
  for (int i = 0; i < 20000; ++i) {
    Line line;
    line.text = "Das gesellschaftliche Bonitätssystem berührt fast alle";
    line.trailing_space = true;
    line.blank = false;
    lines.push_back(line);
    indexes.push_back(indexes.size());
  }
  std::string text = JoinLines(Vocabulary(), lines, indexes);
  CHECK(text.size() == 20000 * (lines[0].text.size() + 1) - 1);
}

TEST_CASE("a lost ligature becomes the one that makes a word", "[import]") {
  Diagnostics diags;
  CHECK(Repaired("zu ö\xEF\xBF\xBD"
                 "entlichen Ausschreibungen",
                 Words({"öffentlichen"}),
                 &diags) == "zu öffentlichen Ausschreibungen");
  CHECK(Repaired("die o\xEF\xBF\xBD"
                 "ziellen Dokumente",
                 Words({"offiziellen"}),
                 &diags) == "die offiziellen Dokumente");
  CHECK(Repaired("au\xEF\xBF\xBD"
                 "orderungen, Unternehmensmitarbeiter ",
                 Words({"auf", "Forderungen"}),
                 &diags) == "aufforderungen, Unternehmensmitarbeiter");
  CHECK(diags.all().empty());
}

TEST_CASE("a lost character no ligature explains becomes fi, with a warning",
          "[import]") {
  Diagnostics diags;
  CHECK(Repaired("eine Ko\xEF\xBF\xBD"
                 "xqz hier",
                 Vocabulary(), &diags) == "eine Kofixqz hier");
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "in.txt:7:8: warning: no ligature makes 'Ko\xEF\xBF\xBD"
            "xqz' a word; wrote 'fi' for U+FFFD"});
  // A token too long to be a word is not looked up.
  std::string o(kLongestWord - 2, 'o');
  Diagnostics longest;
  CHECK(Repaired("f\xEF\xBF\xBD" + o, Words({"fff" + o}), &longest) ==
        "fff" + o);
  CHECK(longest.all().empty());
  Diagnostics too_long;
  CHECK(Repaired("f\xEF\xBF\xBD" + o + "o", Words({"fff" + o + "o"}),
                 &too_long) == "ffi" + o + "o");
  CHECK(too_long.all().size() == 1);
}

TEST_CASE("bullets and markers are removed, spaces collapsed, CJK closed up",
          "[import]") {
  Diagnostics diags;
  CHECK(Repaired("\t \xEF\xBF\xBD"
                 "Chinas gesellschaftliches Bonitätssystem",
                 Vocabulary(),
                 &diags) == "Chinas gesellschaftliches Bonitätssystem");
  CHECK(Repaired("Das System \xEF\xBF\xBD beeinflusst  Verhalten", Vocabulary(),
                 &diags) == "Das System beeinflusst Verhalten");
  CHECK(Repaired("„Ehrliches Shanghai“ (诚 信上海) begonnen.", Vocabulary(),
                 &diags) == "„Ehrliches Shanghai“ (诚信上海) begonnen.");
  CHECK(diags.all().empty());
}

TEST_CASE("repaired lines keep their place, and warnings their column",
          "[import]") {
  std::vector<Line> lines(2);
  lines[0].number = 4;
  lines[0].page_start = true;
  lines[0].blank = false;
  lines[0].text =
      "Ko\xEF\xBF\xBD"
      "xqz";
  lines[1].number = 5;
  Diagnostics diags;
  lines = RepairLines(std::move(lines), Vocabulary(), "in.txt", diags);
  CHECK(lines[0].text == "Kofixqz");
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "in.txt:4:4: warning: no ligature makes 'Ko\xEF\xBF\xBD"
            "xqz' a word; wrote 'fi' for U+FFFD"});
}

TEST_CASE("the document's words are the ones inside its lines", "[import]") {
  std::vector<Line> lines(1);
  lines[0].blank = false;
  lines[0].text =
      "und Unternehmen schaffen, um diese zu überwachen, zu bewerten und "
      "Verhal";
  Vocabulary words = DocumentVocabulary(Words({"Bonität"}), lines);
  CHECK(words.Knows("Bonität", false));
  CHECK(words.Knows("Unternehmen", false));
  CHECK(words.Knows("schaffen", false));
  CHECK(words.Knows("überwachen", false));
  CHECK_FALSE(words.Knows("Verhal", false));
  CHECK_FALSE(words.Knows("schaffen,", false));
  // A token longer than a word can be is no word.
  std::string long_token(kLongestWord + 1, 'a');
  lines[0].text = "die " + long_token + " " + long_token.substr(1) + " und";
  Vocabulary longest = DocumentVocabulary(Vocabulary(), lines);
  CHECK_FALSE(longest.Knows(long_token, false));
  CHECK(longest.Knows(long_token.substr(1), false));
}

TEST_CASE("a line of a megabyte is repaired whole", "[import]") {
  // Each piece has a lost ligature, a tab, a run of spaces and CJK split by
  // a space; the line was once copied into four-byte characters three times
  // over (16 bytes of memory per byte of input).
  const std::string piece =
      "zu \xC3\xB6\xEF\xBF\xBD"
      "entlichen\tAusschreibungen  (诚 信上海) ";
  const std::string repaired = "zu öffentlichen Ausschreibungen (诚信上海) ";
  std::string line, expected;
  while (line.size() < 1000000) {
    line += piece;
    expected += repaired;
  }
  expected.pop_back();
  Diagnostics diags;
  std::string out = Repaired(line, Words({"öffentlichen"}), &diags);
  CHECK(out.size() == expected.size());
  CHECK((out == expected));
  CHECK(diags.all().empty());
}

}  // namespace
}  // namespace glossa::import
