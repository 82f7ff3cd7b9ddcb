// The report page's figures and the site's NOTICE.txt, on the built-in
// report: what a reader sees where the text edition has no image, and the
// notice the footer names.

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <string>
#include <vector>

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
        "<span data-ui=\"de\" lang=\"de\">Abbildung 1 ist im Textauszug "
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

}  // namespace
}  // namespace glossa
