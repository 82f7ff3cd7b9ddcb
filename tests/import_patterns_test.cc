#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "core/import/patterns.h"

namespace glossa::import {
namespace {

// The parts of a numbered line, as "digits|number|sub|text", or "none".
std::string Parts(const std::optional<Numbered>& parsed) {
  if (!parsed) return "none";
  return std::string(parsed->digits) + "|" + std::to_string(parsed->number) +
         "|" + std::to_string(parsed->sub) + "|" + std::string(parsed->text);
}

// A megabyte of German text without a full stop.
std::string Megabyte() {
  std::string text;
  while (text.size() < 1000000) text += "über die Sache und ihre Größe ";
  return text;
}

TEST_CASE("section headings are a number, a full stop, space and text",
          "[import]") {
  CHECK(Parts(ParseSection("1. Das gesellschaftliche Bonitätssystem  ")) ==
        "1|1|0|Das gesellschaftliche Bonitätssystem  ");
  CHECK(Parts(ParseSection("2. „Bonitätsprüfung Plus“: China geht viel")) ==
        "2|2|0|„Bonitätsprüfung Plus“: China geht viel");
  CHECK(Parts(ParseSection("12.\tTitel")) == "12|12|0|Titel");
  CHECK(Parts(ParseSection("2014 veröffentlichte die chinesische")) == "none");
  CHECK(Parts(ParseSection("123. Titel")) == "none");
  CHECK(Parts(ParseSection("1.5 Titel")) == "none");
  CHECK(Parts(ParseSection("1.Titel")) == "none");
  CHECK(Parts(ParseSection("1.  ")) == "none");
  CHECK(Parts(ParseSection("Medien vom 1. Januar")) == "none");
}

TEST_CASE("subsection headings are two numbers, space and text", "[import]") {
  CHECK(Parts(ParseSubsection(
            "2.1 DIE REGIERUNGSSICHT: GESELLSCHAFTLICHE BONITÄTSPRÜ-")) ==
        "2.1|2|1|DIE REGIERUNGSSICHT: GESELLSCHAFTLICHE BONITÄTSPRÜ-");
  CHECK(Parts(ParseSubsection("3.12  X")) == "3.12|3|12|X");
  CHECK(Parts(ParseSubsection("2.1")) == "none");
  CHECK(Parts(ParseSubsection("2. DIE")) == "none");
  CHECK(Parts(ParseSubsection("2.123 DIE")) == "none");
}

TEST_CASE("list items are a number, a bracket and text", "[import]") {
  CHECK(Parts(ParseItem("1)\t Deutlich mehr Kriterien fließen in die "
                        "Bewertung der Kreditwürdigkeit ein.")) ==
        "1|1|0|Deutlich mehr Kriterien fließen in die Bewertung der "
        "Kreditwürdigkeit ein.");
  CHECK(Parts(ParseItem("2)Das Spektrum")) == "2|2|0|Das Spektrum");
  CHECK(Parts(ParseItem("2) ")) == "none");
  CHECK(Parts(ParseItem("(2) Das")) == "none");
}

TEST_CASE("footnotes are a number and a bar, with or without text",
          "[import]") {
  CHECK(Parts(ParseNote("9 |\tZhengxin 征信 wird für die systematische")) ==
        "9|9|0|Zhengxin 征信 wird für die systematische");
  CHECK(Parts(ParseNote(" 12 |")) == "12|12|0|");
  CHECK(Parts(ParseNote("31|x")) == "31|31|0|x");
  CHECK(Parts(ParseNote("1234 | x")) == "none");
  CHECK(Parts(ParseNote("9 sondern | x")) == "none");
}

TEST_CASE("a figure label is the whole line", "[import]") {
  CHECK(FigureLabel("Abbildung 1") == std::optional<std::string_view>("1"));
  CHECK(FigureLabel("Abb. 12") == std::optional<std::string_view>("12"));
  CHECK(FigureLabel("Table  3") == std::optional<std::string_view>("3"));
  CHECK(FigureLabel("Abbildung 1 zeigt") == std::nullopt);
  CHECK(FigureLabel("Abbildung") == std::nullopt);
  CHECK(FigureLabel("Abbildung 123") == std::nullopt);
  CHECK(FigureLabel("(siehe Abb. 1).7") == std::nullopt);
}

TEST_CASE("a source line starts with Quelle or Source and a colon",
          "[import]") {
  CHECK(IsSourceLine("Quelle: Nachrichtenberichte von Meltwater"));
  CHECK(IsSourceLine("Quellen: MERICS"));
  CHECK(IsSourceLine("Sources:\tMERICS"));
  CHECK_FALSE(IsSourceLine("Quelle:"));
  CHECK_FALSE(IsSourceLine("Quelle:MERICS"));
  CHECK_FALSE(IsSourceLine("Die Quelle: MERICS"));
}

TEST_CASE("a run-in heading starts with a capital letter, not a byte of one",
          "[import]") {
  CHECK(
      IsRunInHeading("Kritikpunkt 1: Die Regierung hinkt mit dem Aufbau "
                     "von Infrastruk-"));
  CHECK(IsRunInHeading("Über die Sache: mehr Text"));
  CHECK(IsRunInHeading("Ärger: mehr Text"));
  // Before, [A-ZÄÖÜ] took the first byte of "ü" for a capital.
  CHECK_FALSE(IsRunInHeading("über die Sache: mehr Text"));
  CHECK_FALSE(IsRunInHeading("aber die Sache: mehr Text"));
  CHECK_FALSE(IsRunInHeading("Ein Satz. Dann: mehr Text"));
  CHECK_FALSE(IsRunInHeading("Fokus 1:  zwei Leerzeichen"));
  CHECK_FALSE(IsRunInHeading("Fokus 1:"));
  CHECK_FALSE(IsRunInHeading("F: zu kurz"));
  // Up to 45 characters, umlauts counting one each, between the capital and
  // the colon.
  std::string umlauts;
  for (int i = 0; i < 45; ++i) umlauts += "ä";
  CHECK(IsRunInHeading("Ä" + umlauts + ": x"));
  CHECK_FALSE(IsRunInHeading("Ä" + umlauts + "ä: x"));
}

TEST_CASE("a sentence ends with its punctuation, a quote and calls after it",
          "[import]") {
  CHECK(EndsSentence("beeinflusst."));
  CHECK(EndsSentence("beeinflusst.2"));
  CHECK(EndsSentence("Alibaba gehört.4, 5 "));
  CHECK(EndsSentence("Alibaba gehört.4,5"));
  CHECK(EndsSentence("weiter:"));
  CHECK(EndsSentence("„erfolgreich“ erweisen?"));
  CHECK(EndsSentence("zu schaffen.“10"));
  CHECK(EndsSentence("(vgl. Abb. 2)."));
  CHECK(EndsSentence("Lebens…"));
  CHECK_FALSE(EndsSentence("(征信)"));
  CHECK_FALSE(EndsSentence("im Jahr 2014"));
  CHECK_FALSE(EndsSentence("Seite 12"));
  CHECK_FALSE(EndsSentence("Ende.2014"));
  CHECK_FALSE(EndsSentence("Ende., 5"));
  CHECK_FALSE(EndsSentence(""));
  CHECK_FALSE(EndsSentence(" "));
  CHECK_FALSE(EndsSentence("1, 2"));
  // Before, the classes matched single bytes: the last byte of 一 (0x80)
  // was taken for the middle byte of "…", and the last of “ for a quote.
  CHECK_FALSE(EndsSentence("一"));
  CHECK_FALSE(EndsSentence("Wort“"));
  CHECK_FALSE(EndsSentence("„Kultur der Integrität“"));
  // At most ten calls are looked past.
  CHECK(EndsSentence("Ende.1, 2, 3, 4, 5, 6, 7, 8, 9, 10"));
  CHECK_FALSE(EndsSentence("Ende.1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11"));
}

TEST_CASE("a sentence starts with a capital, digit, quote or CJK character",
          "[import]") {
  CHECK(StartsSentence("Das gesellschaftliche"));
  CHECK(StartsSentence("  Über"));
  CHECK(StartsSentence("2014 veröffentlichte"));
  CHECK(StartsSentence("„Ehrliches Shanghai“"));
  CHECK(StartsSentence("(征信)"));
  CHECK(StartsSentence("社会信用"));
  CHECK_FALSE(StartsSentence("über"));
  CHECK_FALSE(StartsSentence("erhebung und -nutzung"));
  CHECK_FALSE(StartsSentence(""));
}

TEST_CASE("a line in capitals has two words and eight letters", "[import]") {
  CHECK(AllCapsLine("ZENTRALE BEFUNDE UND SCHLUSSFOLGERUNGEN"));
  CHECK(AllCapsLine("KEINE EINHEITLICHEN STANDARDS FÜR DIE BONITÄTSREPARATUR"));
  CHECK_FALSE(AllCapsLine("SCHLUSSFOLGERUNGEN"));
  CHECK_FALSE(AllCapsLine("DIE NDRC"));
  CHECK_FALSE(AllCapsLine("NDRC-Vizedirektor Lian Weiliang"));
}

TEST_CASE("a bullet is white space, then a lost glyph or a bullet",
          "[import]") {
  CHECK(
      IsBulletLine("\t \xEF\xBF\xBD"
                   "Chinas gesellschaftliches Bonitätssystem"));
  CHECK(IsBulletLine("  • Punkt"));
  CHECK_FALSE(
      IsBulletLine("\xEF\xBF\xBD"
                   "Chinas"));
  CHECK_FALSE(IsBulletLine("\t Chinas"));
}

TEST_CASE("trimming, head and tail keep whole characters", "[import]") {
  CHECK(TrimLeft("\t \xEF\xBF\xBD"
                 "Chinas ") ==
        "\xEF\xBF\xBD"
        "Chinas ");
  CHECK(TrimRight("umge- \t\r") == "umge-");
  CHECK(TrimRight(" \t") == "");
  CHECK(Head("Bonität", 6) == "Bonitä");
  CHECK(Head("征信", 5) == "征信");
  CHECK(Tail("社会信用体", 2) == "用体");
  CHECK(Tail("Bonität", 0) == "");
}

TEST_CASE("the patterns take a line of a megabyte, where std::regex crashed",
          "[import]") {
  std::string text = Megabyte();
  CHECK(ParseSection("1. " + text)->text.size() == text.size());
  CHECK(ParseSubsection("2.1 " + text)->text.size() == text.size());
  CHECK(ParseItem("1) " + text)->text.size() == text.size());
  CHECK(ParseNote("12 | " + text)->text.size() == text.size());
  CHECK(IsSourceLine("Quelle: " + text));
  CHECK(IsRunInHeading("Fokus 1: " + text));
  CHECK_FALSE(IsRunInHeading(text));
  CHECK_FALSE(EndsSentence(text));
  CHECK(EndsSentence(text + "."));
  CHECK_FALSE(AllCapsLine(text));
  CHECK(FigureLabel(text) == std::nullopt);
}

}  // namespace
}  // namespace glossa::import
