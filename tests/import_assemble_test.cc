#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/import/assemble.h"
#include "core/import/join.h"
#include "core/tei.h"

namespace glossa::import {
namespace {

// The document made of `text`, as its TEI <text> element shows it.
std::string Assembled(const std::string& text, Diagnostics* diags,
                      const Vocabulary& vocabulary = Vocabulary(),
                      const Corrections& corrections = Corrections()) {
  std::vector<Line> lines = RepairLines(SplitLines(text, {}, "in.txt", *diags),
                                        vocabulary, "in.txt", *diags);
  Layout layout = RecogniseLayout(lines, corrections, vocabulary);
  std::string tei =
      WriteTei(Assemble(lines, layout, vocabulary, "in.txt", *diags));
  std::size_t start = tei.find("  <text>");
  std::size_t end = tei.find("</text>");
  return tei.substr(start, end + 7 - start);
}

TEST_CASE("a paragraph runs on across a sidebar, a quote, a figure and a page",
          "[import]") {
  Diagnostics diags;
  CHECK(
      Assembled(
          "1. Einleitung\n"
          "\n"
          "Ähnlich wie bei anderen politischen Entscheidungsabläufen wurden "
          "auch für \n"
          "das gesellschaftliche Bonitätssystem Branchen definiert, in denen "
          "das System zu\n"
          "erst getestet wird. Die Erfahrungen sollen später helfen, das "
          "System auf weitere \n"
          "\n"
          "KEINE EINHEITLICHEN STANDARDS FÜR DIE BONITÄTSREPARATUR  \n"
          "\n"
          "Mechanismen zur Bonitätsreparatur – Verfahren, um negative "
          "Bewertun\n"
          "gen anzufechten und die eigenen Werte zu verbessern.\n"
          "\n"
          "Pilotprojekte \n"
          "geben Hinweise \n"
          "darauf, wie sich das \n"
          "System entwickeln \n"
          "könnte\n"
          "\n"
          "Abbildung 5\n"
          " Sektoren auszuweiten. Prioritär behandelt werden diejenigen.\n"
          "\n"
          "Die nächste Seite.\n",
          &diags) ==
      "  <text>\n"
      "    <front/>\n"
      "    <body>\n"
      "      <div type=\"section\" n=\"1\" g:page=\"1\" g:lines=\"1\">\n"
      "        <head g:page=\"1\" g:lines=\"1\">Einleitung</head>\n"
      "        <p g:page=\"1\" g:lines=\"3-19\">Ähnlich wie bei anderen "
      "politischen Entscheidungsabläufen wurden auch für das gesellschaftliche "
      "Bonitätssystem Branchen definiert, in denen das System zuerst getestet "
      "wird. Die Erfahrungen sollen später helfen, das System auf weitere <pb "
      "n=\"2\"/>Sektoren auszuweiten. Prioritär behandelt werden "
      "diejenigen.</p>\n"
      "        <floatingText type=\"sidebar\" g:page=\"1\" g:lines=\"7-10\">\n"
      "          <body>\n"
      "            <head g:page=\"1\" g:lines=\"7\">KEINE EINHEITLICHEN "
      "STANDARDS FÜR DIE BONITÄTSREPARATUR</head>\n"
      "            <p g:page=\"1\" g:lines=\"9-10\">Mechanismen zur "
      "Bonitätsreparatur – Verfahren, um negative Bewertungen anzufechten und "
      "die eigenen Werte zu verbessern.</p>\n"
      "          </body>\n"
      "        </floatingText>\n"
      "        <quote type=\"pull\" g:page=\"1\" "
      "g:lines=\"12-16\">Pilotprojekte geben Hinweise darauf, wie sich das "
      "System entwickeln könnte</quote>\n"
      "        <figure n=\"5\" g:page=\"1\" g:lines=\"18\">\n"
      "          <head g:page=\"1\" g:lines=\"18\">Abbildung 5</head>\n"
      "        </figure>\n"
      "        <p g:page=\"2\" g:lines=\"21\">Die nächste Seite.</p>\n"
      "      </div>\n"
      "    </body>\n"
      "  </text>");
  CHECK(diags.all().empty());
}

TEST_CASE("numbered items make one list, with the page break between them",
          "[import]") {
  Diagnostics diags;
  CHECK(Assembled("1)\t Deutlich mehr Kriterien fließen in die Bewertung der "
                  "Kreditwürdigkeit ein.\n"
                  "\n"
                  " 2)\tDas Spektrum von Sanktionen, die bei Fehlverhalten "
                  "verhängt werden, ist sehr \n"
                  "breit.\n"
                  "\n"
                  "Im Finanzsektor reduzieren Kreditbewertungssysteme "
                  "Transaktionskosten.\n",
                  &diags) ==
        "  <text>\n"
        "    <front/>\n"
        "    <body>\n"
        "      <list g:page=\"1\" g:lines=\"1-4\">\n"
        "        <item n=\"1)\" g:page=\"1\" g:lines=\"1\">Deutlich mehr "
        "Kriterien fließen in die Bewertung der Kreditwürdigkeit ein.</item>\n"
        "        <pb n=\"2\" g:line=\"3\"/>\n"
        "        <item n=\"2)\" g:page=\"2\" g:lines=\"3-4\">Das Spektrum von "
        "Sanktionen, die bei Fehlverhalten verhängt werden, ist sehr "
        "breit.</item>\n"
        "      </list>\n"
        "      <p g:page=\"2\" g:lines=\"6\">Im Finanzsektor reduzieren "
        "Kreditbewertungssysteme Transaktionskosten.</p>\n"
        "    </body>\n"
        "  </text>");
}

TEST_CASE("the key findings and the title are front matter", "[import]") {
  // The first key finding goes on across a blank line inside a word.
  Diagnostics diags;
  CHECK(Assembled(" ZENTRALE BEFUNDE UND SCHLUSSFOLGERUNGEN\n"
                  "\n"
                  "\t \xEF\xBF\xBD"
                  "In mehreren Pilotprojekten werden derzeit neue Ansätze zur "
                  "Daten\n"
                  "\n"
                  "erhebung und -nutzung getestet.\n"
                  "\n"
                  "\t \xEF\xBF\xBD"
                  "Noch ist das gesellschaftliche Bonitätssystem nicht "
                  "vollständig umge-\n"
                  "setzt.\n"
                  "\n"
                  "Experimente mit Zuckerbrot und Peitsche\n"
                  "Lokale und landesweite Umsetzung von Chinas "
                  "gesellschaftlichem Bonitätssystem 1\n"
                  " 1. Das gesellschaftliche Bonitätssystem  \n",
                  &diags) ==
        "  <text>\n"
        "    <front>\n"
        "      <pb n=\"1\" g:line=\"1\"/>\n"
        "      <div type=\"keyFindings\" g:page=\"1\" g:lines=\"1\">\n"
        "        <head g:page=\"1\" g:lines=\"1\">ZENTRALE BEFUNDE UND "
        "SCHLUSSFOLGERUNGEN</head>\n"
        "        <list g:page=\"1\" g:lines=\"3-8\">\n"
        "          <item g:page=\"1\" g:lines=\"3-5\">In mehreren "
        "Pilotprojekten werden derzeit neue Ansätze zur Datenerhebung und "
        "-nutzung getestet.</item>\n"
        "          <item g:page=\"1\" g:lines=\"7-8\">Noch ist das "
        "gesellschaftliche Bonitätssystem nicht vollständig umgesetzt.</item>\n"
        "        </list>\n"
        "      </div>\n"
        "      <docTitle g:page=\"1\" g:lines=\"10-11\">\n"
        "        <titlePart type=\"main\">Experimente mit Zuckerbrot und "
        "Peitsche</titlePart>\n"
        "        <titlePart type=\"sub\">Lokale und landesweite Umsetzung von "
        "Chinas gesellschaftlichem Bonitätssystem 1</titlePart>\n"
        "      </docTitle>\n"
        "      <pb n=\"2\" g:line=\"12\"/>\n"
        "    </front>\n"
        "    <body>\n"
        "      <div type=\"section\" n=\"1\" g:page=\"2\" g:lines=\"12\">\n"
        "        <head g:page=\"2\" g:lines=\"12\">Das gesellschaftliche "
        "Bonitätssystem</head>\n"
        "      </div>\n"
        "    </body>\n"
        "  </text>");
}

TEST_CASE(
    "a section right after the key findings closes them where they stand, "
    "where it wrote through a stale position",
    "[import]") {
  // The open key finding and the page break waiting for it went to the
  // body, at the position of the key findings' division in the front: out
  // of bounds of an empty body.
  Diagnostics diags;
  CHECK(Assembled("ZENTRALE BEFUNDE UND ERGEBNISSE\n"
                  "\n"
                  "\t\xE2\x80\xA2 Erster Punkt der Befunde.\n"
                  "\n"
                  " 1. Einleitung\n"
                  "\n"
                  "Text des Abschnitts.\n",
                  &diags) ==
        "  <text>\n"
        "    <front>\n"
        "      <div type=\"keyFindings\" g:page=\"1\" g:lines=\"1\">\n"
        "        <head g:page=\"1\" g:lines=\"1\">ZENTRALE BEFUNDE UND "
        "ERGEBNISSE</head>\n"
        "        <list g:page=\"1\" g:lines=\"3\">\n"
        "          <item g:page=\"1\" g:lines=\"3\">Erster Punkt der "
        "Befunde.</item>\n"
        "        </list>\n"
        "        <pb n=\"2\" g:line=\"5\"/>\n"
        "      </div>\n"
        "    </front>\n"
        "    <body>\n"
        "      <div type=\"section\" n=\"1\" g:page=\"2\" g:lines=\"5\">\n"
        "        <head g:page=\"2\" g:lines=\"5\">Einleitung</head>\n"
        "        <p g:page=\"2\" g:lines=\"7\">Text des Abschnitts.</p>\n"
        "      </div>\n"
        "    </body>\n"
        "  </text>");
  CHECK(diags.all().empty());
}

TEST_CASE(
    "a section after a title among the sections leaves the title's part in "
    "the front matter",
    "[import]") {
  // The same stale position after a title the corrections place among the
  // sections: the open paragraph of the part under the title went to the
  // body, into the division at the part's position in the front.
  Diagnostics diags;
  Corrections title;
  title.regions.push_back({5, 5, Role::kTitle, ""});
  CHECK(Assembled("1. Eins\n"
                  "\n"
                  "Text eins.\n"
                  "\n"
                  "Zwischentitel\n"
                  "\n"
                  "Kritikpunkt 1: Die Regierung hinkt hinterher\n"
                  "\n"
                  "Text im Teil.\n"
                  "\n"
                  "2. Zwei\n",
                  &diags, Vocabulary(), title) ==
        "  <text>\n"
        "    <front>\n"
        "      <docTitle g:page=\"1\" g:lines=\"5\">\n"
        "        <titlePart type=\"main\">Zwischentitel</titlePart>\n"
        "      </docTitle>\n"
        "      <div type=\"part\" g:page=\"1\" g:lines=\"7\">\n"
        "        <head g:page=\"1\" g:lines=\"7\">Kritikpunkt 1: Die "
        "Regierung hinkt hinterher</head>\n"
        "        <p g:page=\"1\" g:lines=\"9\">Text im Teil.</p>\n"
        "      </div>\n"
        "    </front>\n"
        "    <body>\n"
        "      <div type=\"section\" n=\"1\" g:page=\"1\" g:lines=\"1\">\n"
        "        <head g:page=\"1\" g:lines=\"1\">Eins</head>\n"
        "        <p g:page=\"1\" g:lines=\"3\">Text eins.</p>\n"
        "      </div>\n"
        "      <div type=\"section\" n=\"2\" g:page=\"1\" g:lines=\"11\">\n"
        "        <head g:page=\"1\" g:lines=\"11\">Zwei</head>\n"
        "      </div>\n"
        "    </body>\n"
        "  </text>");
}

TEST_CASE("a run-in heading opens a part of its subsection", "[import]") {
  Diagnostics diags;
  CHECK(
      Assembled("1. Stand der Implementierung\n"
                "\n"
                "1.1 MEDIENKRITIK\n"
                "\n"
                "Kritikpunkt 1: Die Regierung hinkt mit dem Aufbau von "
                "Infrastruk-\n"
                "tur hinterher\n"
                "\n"
                "Die Zentralregierung hat eine Plattform geschaffen.\n"
                "\n"
                "1.2 PILOTPROGRAMME\n"
                "\n"
                "Die chinesische Führung fördert aktiv Pilotprojekte.\n",
                &diags) ==
      "  <text>\n"
      "    <front/>\n"
      "    <body>\n"
      "      <div type=\"section\" n=\"1\" g:page=\"1\" g:lines=\"1\">\n"
      "        <head g:page=\"1\" g:lines=\"1\">Stand der "
      "Implementierung</head>\n"
      "        <div type=\"subsection\" n=\"1.1\" g:page=\"1\" g:lines=\"3\">\n"
      "          <head g:page=\"1\" g:lines=\"3\">MEDIENKRITIK</head>\n"
      "          <div type=\"part\" g:page=\"1\" g:lines=\"5-6\">\n"
      "            <head g:page=\"1\" g:lines=\"5-6\">Kritikpunkt 1: Die "
      "Regierung hinkt mit dem Aufbau von Infrastruktur hinterher</head>\n"
      "            <p g:page=\"1\" g:lines=\"8\">Die Zentralregierung hat eine "
      "Plattform geschaffen.</p>\n"
      "          </div>\n"
      "        </div>\n"
      "        <div type=\"subsection\" n=\"1.2\" g:page=\"1\" "
      "g:lines=\"10\">\n"
      "          <head g:page=\"1\" g:lines=\"10\">PILOTPROGRAMME</head>\n"
      "          <p g:page=\"1\" g:lines=\"12\">Die chinesische Führung "
      "fördert aktiv Pilotprojekte.</p>\n"
      "        </div>\n"
      "      </div>\n"
      "    </body>\n"
      "  </text>");
}

TEST_CASE("footnotes collect their lines, page starts in them included",
          "[import]") {
  Diagnostics diags;
  CHECK(Assembled("Text.\n"
                  "\n"
                  "1 |\tAnhui: Hefei 合肥, Wuhu 芜湖, Anqing 安庆; \n"
                  "Beijing: Haidian District 海淀区\n"
                  "\n"
                  "2 |\tMeissner, Mirjam. China’s Social Credit System: A "
                  "big-data enabled approach to market \n"
                  "regulation. \n"
                  " 3 |\tEbenda.\n",
                  &diags) ==
        "  <text>\n"
        "    <front/>\n"
        "    <body>\n"
        "      <p g:page=\"1\" g:lines=\"1\">Text.</p>\n"
        "    </body>\n"
        "    <back>\n"
        "      <div type=\"notes\">\n"
        "        <note xml:id=\"\" n=\"1\" place=\"end\" g:page=\"1\" "
        "g:lines=\"3-4\">Anhui: Hefei 合肥, Wuhu 芜湖, Anqing 安庆; Beijing: "
        "Haidian District 海淀区</note>\n"
        "        <note xml:id=\"\" n=\"2\" place=\"end\" g:page=\"1\" "
        "g:lines=\"6-7\">Meissner, Mirjam. China’s Social Credit System: A "
        "big-data enabled approach to market regulation.</note>\n"
        "        <note xml:id=\"\" n=\"3\" place=\"end\" g:page=\"2\" "
        "g:lines=\"8\">Ebenda.</note>\n"
        "      </div>\n"
        "    </back>\n"
        "  </text>");
  CHECK(diags.all().empty());
}

}  // namespace
}  // namespace glossa::import
