// The report page on the built-in report: its figures and the site's
// NOTICE.txt (what a reader sees where the text edition has no image, and
// the notice the footer names), and its navigation: the table of contents,
// each section's terms against the EditionIndex, the skip link and the
// description every page carries.

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/site.h"
#include "test_support.h"

namespace glossa {
namespace {

const std::map<std::string, std::string>& Files() {
  return testing::BuiltIn().site;
}

// Every <figure>...</figure> in `page`, whole (figures do not nest).
std::vector<std::string> Figures(const std::string& page) {
  std::vector<std::string> figures;
  std::regex figure("<figure[ >][\\s\\S]*?</figure>");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), figure);
       it != std::sregex_iterator(); ++it)
    figures.push_back(it->str());
  return figures;
}

// The text a reader sees in `html`: its tags taken out, its whitespace
// trimmed.
std::string TextOf(const std::string& html) {
  std::string text = std::regex_replace(html, std::regex("<[^>]*>"), "");
  std::size_t first = text.find_first_not_of(" \n\t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \n\t") - first + 1);
}

// The figure with id `id` in the report.
std::string FigureById(const std::string& id) {
  for (const std::string& figure : Figures(Files().at("index.html")))
    if (figure.find("id=\"" + id + "\"") != std::string::npos) return figure;
  FAIL("no figure " << id << " in index.html");
  return "";
}

TEST_CASE("the site carries the built-in data's NOTICE as NOTICE.txt",
          "[site]") {
  REQUIRE(Files().count("NOTICE.txt") == 1);
  const std::string& notice = Files().at("NOTICE.txt");
  CHECK(notice.substr(0, notice.find('\n')) == "glossa's built-in data");
  CHECK(notice ==
        testing::ReadOrFail(testing::DataDir() + "/NOTICE") + "\n" +
            testing::ReadOrFail(testing::DataDir() + "/sources/NOTICE"));
}

TEST_CASE("the footer's mention of the NOTICE links to NOTICE.txt", "[site]") {
  const std::string link = "see <a href=\"NOTICE.txt\">NOTICE</a> in this";
  CHECK(Files().at("index.html").find(link) != std::string::npos);
  CHECK(Files().at("glossary.html").find(link) != std::string::npos);
  CHECK(Files()
            .at("entries/zhengxin.html")
            .find("see <a href=\"../NOTICE.txt\">NOTICE</a> in this") !=
        std::string::npos);
}

TEST_CASE(
    "figures 1 and 5, printed as a label alone, say in words that "
    "the text edition lacks them and where the PDF has them",
    "[site]") {
  CHECK(FigureById("fig1") ==
        "<figure id=\"fig1\"><figcaption>Abbildung 1</figcaption>"
        "<p class=\"figure-missing\">"
        "<span data-ui=\"de\">Abbildung 1 ist im Textauszug "
        "nicht enthalten; siehe die PDF-Fassung des Berichts, S. 5.</span>"
        "<span data-ui=\"en\" lang=\"en\">Figure 1 is not in the text "
        "edition; see the report's PDF, p. 5.</span></p>\n</figure>");
  CHECK(TextOf(FigureById("fig5")) ==
        "Abbildung 5"
        "Abbildung 5 ist im Textauszug nicht enthalten; siehe die "
        "PDF-Fassung des Berichts, S. 13."
        "Figure 5 is not in the text edition; see the report's PDF, p. 13.");
}

TEST_CASE("a figure with a printed caption says that its graphic is missing",
          "[site]") {
  std::string figure = FigureById("fig2");
  std::string note = figure.substr(figure.find("<p class=\"figure-missing\">"));
  CHECK(TextOf(note) ==
        "Die Grafik ist im Textauszug nicht enthalten; siehe die "
        "PDF-Fassung des Berichts, S. 6."
        "The graphic is not in the text edition; see the report's PDF, p. 6.");
}

TEST_CASE("no figure in the report is an empty box or its label alone",
          "[site]") {
  std::vector<std::string> figures = Figures(Files().at("index.html"));
  CHECK(figures.size() == 6);
  std::regex caption("<figcaption>[\\s\\S]*?</figcaption>");
  for (const std::string& figure : figures) {
    INFO(figure);
    CHECK(TextOf(std::regex_replace(figure, caption, "")) != "");
  }
}

// The part of `page` from the first `begin` to the `end` after it.
std::string Cut(const std::string& page, const std::string& begin,
                const std::string& end) {
  std::size_t from = page.find(begin);
  if (from == std::string::npos) return "";
  std::size_t to = page.find(end, from);
  return page.substr(from,
                     to == std::string::npos ? to : to + end.size() - from);
}

// Every match of `pattern`'s groups in `text`, group by group.
std::vector<std::vector<std::string>> MatchesOf(const std::string& text,
                                                const std::string& pattern) {
  std::vector<std::vector<std::string>> found;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re);
       it != std::sregex_iterator(); ++it) {
    std::vector<std::string> groups;
    for (std::size_t i = 1; i < it->size(); ++i) groups.push_back((*it)[i]);
    found.push_back(groups);
  }
  return found;
}

TEST_CASE(
    "the report's table of contents links every division with a heading, "
    "in order, and the notes",
    "[site]") {
  std::string toc =
      Cut(Files().at("index.html"), "<nav class=\"toc\"", "</nav>");
  REQUIRE(toc.rfind("<nav class=\"toc\" aria-labelledby=\"toc-title\">"
                    "<details id=\"toc\"><summary id=\"toc-title\">"
                    "<span data-ui=\"de\">Inhalt</span>"
                    "<span data-ui=\"en\" lang=\"en\">Contents</span>"
                    "</summary>",
                    0) == 0);
  std::vector<std::string> links;
  for (const auto& link :
       MatchesOf(toc, "<a href=\"#([^\"]+)\">([\\s\\S]*?)</a>"))
    links.push_back(link[0] + " " + TextOf(link[1]));
  CHECK(
      links ==
      std::vector<std::string>{
          "kf ZENTRALE BEFUNDE UND SCHLUSSFOLGERUNGEN",
          "s1 1 Das gesellschaftliche Bonitätssystem als vielseitiges Werkzeug "
          "zur Verhaltenssteuerung",
          "s2 2 „Bonitätsprüfung Plus“: China geht viel weiter als andere "
          "Länder",
          "s2.1 2.1 DIE REGIERUNGSSICHT: GESELLSCHAFTLICHE BONITÄTSPRÜFUNGEN "
          "LÖSEN VIELE PROBLEME",
          "s2.2 2.2 GEFÄLLIGE MEDIENBERICHTE: TECHNOLOGIE SCHAFFT VERTRAUEN "
          "UND "
          "INTEGRITÄT",
          "s2.3 2.3 MEDIENKRITIK: BEWERTUNGSSYSTEME KOMMERZIELLER ANBIETER IM "
          "FOKUS",
          "s2.3.d1 Kritikpunkt 1: Die Regierung hinkt mit dem Aufbau von "
          "Infrastruktur hinterher",
          "s2.3.d2 Kritikpunkt 2: Die erhobenen Daten sind zur "
          "Bonitätsbewertung "
          "nicht geeignet",
          "s2.3.d3 Kritikpunkt 3: Das System lässt sich (vermutlich) "
          "austricksen",
          "s2.3.d4 Kritikpunkt 4: Mangelnde Vertrauenswürdigkeit kommerzieller "
          "Anbieter",
          "s3 3 Stand der Implementierung: Neue Gesetze und Experimente mit "
          "Pilotprojekten",
          "s3.1 3.1 IM FOKUS DER ZENTRALREGIERUNG: ZUSAMMENARBEIT VEREINFACHEN "
          "UND "
          "SCHWARZE LISTEN DURCHSETZEN",
          "s3.1.d1 Fokus 1: Unterschiedliche Akteure zum Teilen von Daten "
          "bewegen",
          "s3.1.d2 Fokus 2: Mechanismen für Strafen und Belohnungen",
          "s3.2 3.2 PILOTPROGRAMME: EHRGEIZIGE BETATESTS FÜR DAS SYSTEM",
          "s3.2.d1 Lokale und sektorale Pilotversuche: Prototypen für "
          "landesweite "
          "Maßnahmen",
          "s3.2.d2 Kommerzielle Pilotversuche: Fortgeschritten, aber zu "
          "gewagt?",
          "s4 4 Das gesellschaftliche Bonitätssystem wird China grundlegend "
          "verändern",
          "notes AnmerkungenNotes"});
}

// The entries a section lists after its heading: {file name, count}, in
// the page's order, by the id of the section.
std::map<std::string, std::vector<std::pair<std::string, int>>> Lists() {
  std::map<std::string, std::vector<std::pair<std::string, int>>> lists;
  const std::string& page = Files().at("index.html");
  std::regex section("<section class=\"[^\"]+\" id=\"([^\"]+)\">");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), section);
       it != std::sregex_iterator(); ++it) {
    std::size_t at = it->position() + it->length();
    std::size_t next =
        std::min(page.find("<section", at), page.find("</section>", at));
    std::string own = page.substr(at, next - at);
    std::string list =
        Cut(own, "<details class=\"section-terms\">", "</details>");
    if (list.empty()) continue;
    auto& items = lists[(*it)[1]];
    for (const auto& item :
         MatchesOf(list,
                   "<li><a href=\"entries/([^\"]+)\\.html\"[^>]*>[^<]*</a>"
                   "[^<]*(?:<span lang=\"zh-Han[st]\">[^<]*</span>)?"
                   "<span class=\"n\">(\\d+)×</span></li>"))
      items.push_back({item[0], std::stoi(item[1])});
    INFO(list);
    CHECK(items.size() == MatchesOf(list, "<li>").size());
  }
  return lists;
}

TEST_CASE(
    "each section lists the entries its own text uses, with the index's "
    "counts, most frequent first",
    "[site]") {
  const testing::BuiltInData& data = testing::BuiltIn();
  std::vector<std::string> files = EntryFileNames(data.glossary);
  // What the index counts, by section key.
  std::map<std::string, std::set<std::pair<std::string, int>>> counted;
  for (std::size_t entry = 0; entry < files.size(); ++entry)
    for (const auto& [key, count] : data.index->CountsOf(entry))
      counted[key].insert({files[entry], count});
  const std::map<std::string, std::string> key_of = {
      {"kf", "key findings"}, {"s1", "§1"},     {"s2", "§2"}, {"s2.1", "§2.1"},
      {"s2.2", "§2.2"},       {"s2.3", "§2.3"}, {"s3", "§3"}, {"s3.1", "§3.1"},
      {"s3.2", "§3.2"},       {"s4", "§4"}};
  auto lists = Lists();
  std::set<std::string> listed;
  for (const auto& [id, items] : lists) listed.insert(id);
  std::set<std::string> expected;
  for (const auto& [id, key] : key_of)
    if (counted.count(key)) expected.insert(id);
  CHECK(listed == expected);
  for (const auto& [id, items] : lists) {
    INFO(id);
    REQUIRE(key_of.count(id) == 1);
    std::set<std::pair<std::string, int>> shown(items.begin(), items.end());
    CHECK(shown == counted[key_of.at(id)]);
    CHECK(std::is_sorted(
        items.begin(), items.end(),
        [](const auto& a, const auto& b) { return a.second > b.second; }));
  }
  // The key findings name the system ten times; §2's own text (before
  // §2.1) says what its list covers.
  CHECK(lists.at("kf").front() ==
        std::pair<std::string, int>{"shehui-xinyong-tixi", 10});
  CHECK(lists.at("s2").size() == 7);
  CHECK(
      Files()
          .at("index.html")
          .find(
              "<details class=\"section-terms\"><summary>"
              "<span data-ui=\"de\">7 Begriffe in Abschnitt 2 vor "
              "2.1</span><span data-ui=\"en\" lang=\"en\">7 terms in section 2 "
              "before 2.1</span></summary>") != std::string::npos);
}

TEST_CASE("a list in the report holds only items: a page mark goes inside one",
          "[site]") {
  const std::string& page = Files().at("index.html");
  CHECK(MatchesOf(page, "<ul class=\"list\">\\s*<(?!li)").empty());
  CHECK(MatchesOf(page, "</li>\\s*<(?!li|/ul)[a-z]").empty());
}

TEST_CASE("every page opens with a skip link to its text and has a description",
          "[site]") {
  for (const auto& [path, contents] : Files()) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    INFO(path);
    CHECK(contents.find("<body><a class=\"skip\" href=\"#main\">"
                        "<span data-ui=\"de\">Zum Text</span>"
                        "<span data-ui=\"en\" lang=\"en\">Skip to text</span>"
                        "</a>") != std::string::npos);
    CHECK(MatchesOf(contents, "<main id=\"main\"[ >]").size() == 1);
    CHECK(MatchesOf(contents,
                    "<meta name=\"description\" content=\"[^\"]{40,}\">")
              .size() == 1);
  }
  CHECK(Cut(Files().at("entries/zhengxin.html"), "<meta name=\"description\"",
            ">") ==
        "<meta name=\"description\" content=\"征信 徵信 zhēngxìn: "
        "Übersetzungen, Definition und Stellen im Bericht „Experimente mit "
        "Zuckerbrot und Peitsche“.\">");
}

}  // namespace
}  // namespace glossa
