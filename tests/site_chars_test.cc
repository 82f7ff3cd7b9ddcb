// The lines of a term's characters on its entry page: in the page's own
// markup, the same facts assets/chars-data.js gives the popups, and nothing
// where no dictionary knows the characters. Under the heading, the box the
// study buttons go into. tests/browser/entry.test.mjs checks that nothing
// there moves once the page is drawn.

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/dictionary_open.h"
#include "core/site.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

using Json = nlohmann::json;

std::string Markup(pugi::xml_node node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw);
  return out.str();
}

// The site of the built-in data with CC-CEDICT (from ../shared), built
// once: its files by path.
const std::map<std::string, std::string>& CedictSite() {
  static const std::map<std::string, std::string> site = [] {
    Diagnostics diags;
    std::unique_ptr<Dictionary> cedict = OpenDictionary(
        testing::SharedPath("data/dict/cedict_ts.u8"), {}, diags);
    REQUIRE(cedict);
    std::map<std::string, std::string> files;
    for (SiteFile& file :
         BuildSite(*testing::BuiltIn().index, nullptr, {cedict.get()}))
      files[file.path] = std::move(file.contents);
    return files;
  }();
  return site;
}

// The lines chars-data.js makes of `simplified`, as dict.js writes them:
// "征 zhēng journey; … · 徵 zhēng to invite; …".
std::vector<std::string> LinesFromData(const Json& chars,
                                       const std::string& simplified) {
  std::vector<std::string> lines;
  std::vector<std::string> seen;
  for (char32_t point : CodePoints(simplified)) {
    std::string c = FromCodePoints({&point, 1});
    if (!chars.contains(c) ||
        std::find(seen.begin(), seen.end(), c) != seen.end())
      continue;
    seen.push_back(c);
    const Json& item = chars[c];
    std::string line = c;
    bool first = true;
    for (const Json& reading : item["r"]) {
      line += first ? " " : " · ";
      first = false;
      if (reading.size() == 3) line += reading[2].get<std::string>() + " ";
      if (!reading[0].get<std::string>().empty())
        line += reading[0].get<std::string>() + " ";
      line += reading[1].get<std::string>();
    }
    lines.push_back(line);
  }
  return lines;
}

TEST_CASE(
    "every entry page shows its headword's characters exactly as "
    "chars-data.js gives them to the popups, and does not load that file",
    "[site][dictionary]") {
  const std::map<std::string, std::string>& site = CedictSite();
  const std::string& script = site.at("assets/chars-data.js");
  const std::string head = "window.GLOSSA_CHARS_DATA = ";
  REQUIRE(script.rfind(head, 0) == 0);
  Json chars = Json::parse(
      script.substr(head.size(), script.size() - head.size() - 2))["chars"];
  const Glossary& glossary = testing::BuiltIn().glossary;
  std::vector<std::string> files = EntryFileNames(glossary);
  std::size_t with_lines = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& page = site.at("entries/" + files[i] + ".html");
    INFO(files[i]);
    CHECK(page.find("chars-data.js") == std::string::npos);
    std::vector<ChineseForms> chinese = ChineseTerms(glossary.concepts[i]);
    std::vector<std::string> expected =
        chinese.empty()
            ? std::vector<std::string>{}
            : LinesFromData(chars,
                            CollapseSpace(chinese.front().simplified->text));
    pugi::xml_document article = testing::EntryArticle(page);
    std::vector<std::string> shown;
    for (pugi::xpath_node li : article.select_nodes(
             "/article/div[@class='entry-chars']/ul[@class='chars']/li"))
      shown.push_back(testing::TextContent(li.node()));
    CHECK(shown == expected);
    // No empty box: the part is there only with lines in it.
    CHECK(bool(article.select_node("//div[@class='entry-chars']")) ==
          !expected.empty());
    with_lines += !expected.empty();
  }
  CHECK(with_lines > 100);
}

TEST_CASE(
    "征信's entry page: under the heading its two characters, their "
    "licence, then the study buttons' box",
    "[site][dictionary]") {
  pugi::xml_document article =
      testing::EntryArticle(CedictSite().at("entries/zhengxin.html"));
  std::vector<std::string> children;
  for (pugi::xpath_node child : article.select_nodes("/article/*"))
    children.push_back(std::string(child.node().name()) + "." +
                       child.node().attribute("class").value());
  REQUIRE(children.size() > 4);
  CHECK(std::vector<std::string>(children.begin(), children.begin() + 4) ==
        std::vector<std::string>{"h1.", "div.entry-chars", "div.study-actions",
                                 "p.gloss"});
  pugi::xml_node part =
      article.select_node("//div[@class='entry-chars']").node();
  CHECK(
      Markup(part.child("ul").first_child()) ==
      "<li class=\"char-line\" lang=\"zh-Hans\"><span class=\"hans\">征</span> "
      "<span class=\"pinyin\" lang=\"zh-Latn-pinyin\">zhēng</span> <span "
      "class=\"char-meaning\" lang=\"en\">journey; trip; expedition</span> · "
      "<span class=\"hant\" lang=\"zh-Hant\">徵</span> <span class=\"pinyin\" "
      "lang=\"zh-Latn-pinyin\">zhēng</span> <span class=\"char-meaning\" "
      "lang=\"en\">to invite; to recruit; to levy (taxes)</span></li>");
  CHECK(Markup(part.child("p")) ==
        "<p class=\"dict-licence\"><span data-ui=\"de\">Zeichen: </span><span "
        "data-ui=\"en\" lang=\"en\">Characters: </span>CC-CEDICT, MDBG and the "
        "CC-CEDICT contributors · CC BY-SA 4.0 · https://cc-cedict.org/</p>");
  // The list is named by the label in the reader's language.
  CHECK(std::string(part.child("ul").attribute("aria-labelledby").value()) ==
        "entry-chars-label");
  CHECK(testing::TextContent(
            article.select_node("//*[@id='entry-chars-label']").node()) ==
        "SchriftzeichenCharacters");
}

TEST_CASE(
    "without a Chinese dictionary an entry page has no characters' part, and "
    "the study buttons' box is empty for the script to fill",
    "[site]") {
  for (const char* file : {"entries/zhengxin.html", "entries/wuxi.html"}) {
    INFO(file);
    const std::string& page = testing::BuiltIn().site.at(file);
    CHECK(page.find("entry-chars") == std::string::npos);
    pugi::xml_document article = testing::EntryArticle(page);
    pugi::xpath_node_set boxes =
        article.select_nodes("/article/div[@class='study-actions']");
    REQUIRE(boxes.size() == 1);
    CHECK(!boxes.first().node().first_child());
    CHECK(article.select_node("/article/h1/following-sibling::*[1]").node() ==
          boxes.first().node());
  }
}

}  // namespace
}  // namespace glossa
