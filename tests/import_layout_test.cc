#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/import/layout.h"

namespace glossa::import {
namespace {

std::string RoleName(Role role) {
  switch (role) {
    case Role::kBody:
      return "body";
    case Role::kKeyFindingsHead:
      return "key findings";
    case Role::kBullet:
      return "bullet";
    case Role::kTitle:
      return "title";
    case Role::kSection:
      return "section";
    case Role::kSubsection:
      return "subsection";
    case Role::kRunIn:
      return "run-in";
    case Role::kItem:
      return "item";
    case Role::kNote:
      return "note";
    case Role::kLabel:
      return "label";
    case Role::kSource:
      return "source";
    case Role::kCaption:
      return "caption";
    case Role::kQuote:
      return "quote";
    case Role::kSidebar:
      return "sidebar";
  }
  return "?";
}

std::string KindName(Node::Kind kind) {
  return kind == Node::Kind::kFigure  ? "figure"
         : kind == Node::Kind::kQuote ? "quote"
                                      : "sidebar";
}

// Each block as "FIRST-LAST role", and for a float "[group kind number]".
std::vector<std::string> Recognise(const std::string& text,
                                   const Corrections& corrections = {}) {
  Diagnostics diags;
  std::vector<Line> lines = SplitLines(text, {}, "in.txt", diags);
  Layout layout = RecogniseLayout(lines, corrections, Vocabulary());
  std::vector<std::string> out;
  for (const Block& block : layout.blocks) {
    std::string shown = std::to_string(lines[block.lines.front()].number) +
                        "-" + std::to_string(lines[block.lines.back()].number) +
                        " " + RoleName(block.role);
    if (block.group >= 0) {
      const FloatGroup& group = layout.groups[block.group];
      shown += " [" + std::to_string(block.group) + " " + KindName(group.kind) +
               " " + group.figure + "]";
    }
    out.push_back(shown);
  }
  return out;
}

TEST_CASE("the report's key findings, a figure, the title and section 1",
          "[import]") {
  CHECK(Recognise(" ZENTRALE BEFUNDE UND SCHLUSSFOLGERUNGEN\n"
                  "\n"
                  "\t \xEF\xBF\xBD"
                  "Chinas gesellschaftliches Bonitätssystem ist eine "
                  "ehrgeizige Big-Data-\n"
                  "gestützte Initiative.\n"
                  "\n"
                  "\t \xEF\xBF\xBD"
                  "Die chinesische Regierung stellt das gesellschaftliche "
                  "Bonitätssystem \n"
                  "als Lösung für eine Vielzahl sozialer und ökonomischer "
                  "Probleme dar.\n"
                  " Quelle: www.chinadredit.gov.cn\n"
                  "\n"
                  "Runde 1 (August 2015)\n"
                  "\n"
                  "Experimente mit Zuckerbrot und Peitsche\n"
                  "Lokale und landesweite Umsetzung von Chinas "
                  "gesellschaftlichem Bonitätssystem 1\n"
                  " 1. Das gesellschaftliche Bonitätssystem  \n"
                  "als vielseitiges Werkzeug zur Verhaltens\n"
                  "steuerung\n"
                  "\n"
                  "2014 veröffentlichte die chinesische Regierung einen "
                  "detaillierten Plan.\n") ==
        std::vector<std::string>{"1-1 key findings", "3-4 bullet", "6-7 bullet",
                                 "8-8 source [0 figure ]",
                                 "10-10 caption [0 figure ]", "12-13 title",
                                 "14-16 section", "18-18 body"});
}

TEST_CASE("a pull quote and a figure label interrupt a paragraph", "[import]") {
  CHECK(Recognise(
            "1. Einleitung\n"
            "\n"
            "2. „Bonitätsprüfung Plus“: China geht viel \n"
            "weiter als andere Länder\n"
            "\n"
            "2.1 DIE REGIERUNGSSICHT: GESELLSCHAFTLICHE BONITÄTSPRÜ-\n"
            "FUNGEN LÖSEN VIELE PROBLEME\n"
            "\n"
            "Einzelne, Unternehmen und andere rechtliche Einheiten müssen sich "
            "an ihrem \n"
            "\n"
            "Gesellschaftliche \n"
            "Bonität ist zu \n"
            "einem politischen \n"
            "Modewort in China \n"
            "geworden\n"
            "\n"
            "Abbildung 1\n"
            " Verhalten messen lassen. Die „Schaffung von Vertrauen in das "
            "Recht“ (取法公信) \n"
            "tem in anderen Bereichen formuliert.11\n"
            "\n"
            "2.2 GEFÄLLIGE MEDIENBERICHTE: TECHNOLOGIE SCHAFFT VER-\n"
            "TRAUEN UND INTEGRITÄT\n") ==
        std::vector<std::string>{"1-1 section", "3-4 section", "6-7 subsection",
                                 "9-9 body", "11-15 quote [0 quote ]",
                                 "17-17 label [1 figure 1]", "18-19 body",
                                 "21-22 subsection"});
}

TEST_CASE("sections and subsections are recognised only in order", "[import]") {
  CHECK(Recognise("1. Einleitung\n\n2.1 Die Regierungssicht\n\n"
                  "3. Zu früh\n\n2. „Bonitätsprüfung Plus“\n\n"
                  "2.2 Noch nicht\n\n2.1 Die Regierungssicht\n\n"
                  "2.2 Gefällige Medienberichte\n\n"
                  "3. Stand der Implementierung: Neue Gesetze.\n") ==
        std::vector<std::string>{"1-1 section", "3-3 body", "5-5 body",
                                 "7-7 section", "9-9 body", "11-11 subsection",
                                 "13-13 subsection", "15-15 body"});
}

TEST_CASE("a run-in heading starts with a capital letter", "[import]") {
  CHECK(Recognise("1. Einleitung\n\n"
                  "Kritikpunkt 1: Die Regierung hinkt mit dem Aufbau von "
                  "Infrastruk-\n"
                  "tur hinterher\n\n"
                  "Über die Sache: mehr Text\n\n"
                  "über die Sache: mehr Text\n\n"
                  "aber die Sache: mehr Text\n\n"
                  "Fokus 2: Mechanismen für Strafen und Belohnungen.\n") ==
        std::vector<std::string>{"1-1 section", "3-4 run-in", "6-6 run-in",
                                 "8-8 body", "10-10 body", "12-12 body"});
}

TEST_CASE("a sidebar runs from its capitals heading to the end of its page",
          "[import]") {
  CHECK(Recognise("1. Einleitung\n"
                  "\n"
                  "KEINE EINHEITLICHEN STANDARDS FÜR DIE BONITÄTSREPARATUR  \n"
                  "\n"
                  "Mechanismen zur Bonitätsreparatur – Verfahren, um negative "
                  "Bewertun\n"
                  "gen anzufechten und die eigenen Werte zu verbessern – "
                  "variieren je nach \n"
                  "\n"
                  "Dokument angenommen.\n"
                  " Sektoren auszuweiten. Prioritär behandelt werden "
                  "diejenigen\n") ==
        std::vector<std::string>{"1-1 section", "3-3 sidebar [0 sidebar ]",
                                 "5-6 sidebar [0 sidebar ]",
                                 "8-8 sidebar [0 sidebar ]", "9-9 body"});
}

TEST_CASE("a figure's label, caption and source make one figure", "[import]") {
  CHECK(Recognise("Abbildung 2\n"
                  "\n"
                  "Chinesische Medien beschreiben die Ziele des  \n"
                  "gesellschaftlichen Bonitätssystems\n"
                  "\n"
                  "Quelle: Nachrichtenberichte von Meltwater\n"
                  " denen China sich durchaus als Vorreiter sieht\n"
                  "\n"
                  "Abbildung 3\n"
                  "\n"
                  "Abbildung 4\n") ==
        std::vector<std::string>{
            "1-1 label [0 figure 2]", "3-4 caption [0 figure 2]",
            "6-6 source [0 figure 2]", "7-7 body", "9-9 label [1 figure 3]",
            "11-11 label [2 figure 4]"});
}

TEST_CASE("the corrections file overrides the heuristics", "[import]") {
  // Figure 4's caption stands on the page after its label and source.
  Corrections corrections;
  corrections.regions.push_back({4, 7, Role::kCaption, "4"});
  corrections.regions.push_back({10, 10, Role::kBody, ""});
  CHECK(Recognise("Abbildung 4\n"
                  "\n"
                  "Quelle: Credit China 26\n"
                  " Auf der schwarzen Liste? Pech in der Liebe! \n"
                  "Comic wirbt für Bonitätssystem: Eine potentielle Verehrerin "
                  "\n"
                  "verliert ihr Interesse an einem Mann, als sie von seiner "
                  "schlechten \n"
                  "Bewertung erfährt\n"
                  " Wer auf einer schwarzen Liste landet, muss neben den "
                  "Strafen auch mit Reputa\n"
                  "\n"
                  "Abbildung 6\n",
                  corrections) ==
        std::vector<std::string>{
            "1-1 label [0 figure 4]", "3-3 source [0 figure 4]",
            "4-7 caption [0 figure 4]", "8-8 body", "10-10 body"});
}

TEST_CASE("footnotes start at the first N | line and run to the end",
          "[import]") {
  CHECK(Recognise("1)\t Deutlich mehr Kriterien fließen ein.\n\n"
                  "2)\tDas Spektrum von Sanktionen ist sehr \n"
                  "breit.\n\n"
                  "1 |\t\xEF\xBF\xBD Anhui: Hefei 合肥, Wuhu 芜湖\n\n"
                  "Fortsetzung der Anmerkung\n\n"
                  "2 |\t\xEF\xBF\xBD Meissner, Mirjam.\n") ==
        std::vector<std::string>{"1-1 item", "3-4 item", "6-6 note", "8-8 note",
                                 "10-10 note"});
}

}  // namespace
}  // namespace glossa::import
