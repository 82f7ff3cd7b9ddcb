// The language of every piece of text on the site's pages: Chinese marked as
// Chinese wherever it stands in German or English text, and the glossary
// index listing each entry under its accepted names without repeating one.

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/html.h"
#include "core/site/page.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

bool IsChineseTag(const std::string& lang) {
  std::string tag = ToLower(lang);
  return (tag == "zh" || tag.rfind("zh-", 0) == 0) &&
         tag.rfind("zh-latn", 0) != 0;
}

// Han characters in the text of a page written by WriteHtml (every
// non-void element closed, attribute values quoted and escaped) whose
// language in effect, the nearest lang attribute, is not Chinese. The head
// (<title>) is not counted: it cannot carry a language of its own.
std::size_t UnmarkedHan(const std::string& page) {
  static const std::set<std::string> kVoid = {
      "area",  "base", "br",   "col",    "embed", "hr", "img",
      "input", "link", "meta", "source", "track", "wbr"};
  static const std::regex kTag(R"(<(/?)([a-zA-Z0-9]+)([^>]*)>)");
  static const std::regex kLang(R"(\slang="([^"]*)\")");
  std::vector<std::pair<std::string, std::string>> open;  // name, lang
  std::size_t han = 0;
  std::size_t at = page.find("<body");
  REQUIRE(at != std::string::npos);
  std::string::const_iterator from = page.begin() + at;
  std::smatch tag;
  while (std::regex_search(from, page.cend(), tag, kTag)) {
    std::string text(from, tag[0].first);
    std::string lang;
    for (auto it = open.rbegin(); it != open.rend(); ++it)
      if (!it->second.empty()) {
        lang = it->second;
        break;
      }
    if (!IsChineseTag(lang))
      for (char32_t c : CodePoints(text))
        if (ContainsHan(FromCodePoints(std::u32string(1, c)))) ++han;
    std::string name = ToLower(tag[2].str());
    if (tag[1].length() > 0) {
      if (!open.empty()) open.pop_back();
    } else if (kVoid.count(name) == 0) {
      std::smatch lang_match;
      std::string attributes = tag[3].str();
      std::string value = std::regex_search(attributes, lang_match, kLang)
                              ? lang_match[1].str()
                              : "";
      // Present but empty means "unknown", which is not Chinese either.
      open.push_back(
          {name, value.empty() && attributes.find(" lang=") != std::string::npos
                     ? "und"
                     : value});
    }
    from = tag[0].second;
  }
  return han;
}

TEST_CASE(
    "no Chinese on any page of the site stands in text of another "
    "language",
    "[site]") {
  const auto& site = testing::BuiltIn().site;
  std::size_t pages = 0;
  for (const auto& [path, contents] : site) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    ++pages;
    INFO(path);
    CHECK(UnmarkedHan(contents) == 0);
  }
  // All but the script, the style, the four data files and NOTICE.txt.
  CHECK(pages == site.size() - 7);
}

std::string Marked(const std::string& xml) {
  pugi::xml_document document;
  REQUIRE(document.load_string(xml.c_str(),
                               pugi::parse_default | pugi::parse_ws_pcdata));
  site::MarkChineseText(document);
  std::ostringstream out;
  document.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

TEST_CASE("Chinese in German text gets a span with its script's lang",
          "[site]") {
  CHECK(Marked("<p lang=\"de\">Der Begriff 社会信用（“诚信”）ist weit; "
               "徵信 auch.</p>") ==
        "<p lang=\"de\">Der Begriff <span lang=\"zh-Hans\">社会信用（“诚信”）"
        "</span>ist weit; <span lang=\"zh-Hant\">徵信</span> auch.</p>");
  CHECK(Marked("<a lang=\"de\">纲要（2014—2020年）任务 2017</a>") ==
        "<a lang=\"de\"><span lang=\"zh-Hans\">纲要（2014—2020年）任务</span> "
        "2017</a>");
  // Alone in an element without lang, the element takes it.
  CHECK(Marked("<p lang=\"en\"><a href=\"x\">信用</a> · <q lang=\"zh-Hans\">"
               "信用</q> <span lang=\"zh-Latn-pinyin\">信</span></p>") ==
        "<p lang=\"en\"><a href=\"x\" lang=\"zh-Hans\">信用</a> · <q "
        "lang=\"zh-Hans\">信用</q> <span lang=\"zh-Latn-pinyin\"><span "
        "lang=\"zh-Hans\">信</span></span></p>");
  // Titles and attribute values cannot carry a language; SVG is not HTML.
  const std::string kept =
      "<div lang=\"de\"><title>征信</title><input placeholder=\"征信\"/>"
      "<svg><text>征信</text></svg></div>";
  CHECK(Marked(kept) == kept);
}

// The <li> lines of one order of glossary.html.
std::vector<std::string> Lines(const std::string& order) {
  const std::string& page = testing::BuiltIn().site.at("glossary.html");
  std::size_t begin = page.find("<section class=\"order\" id=\"order-" + order);
  std::size_t end = page.find("</section>", begin);
  REQUIRE(end != std::string::npos);
  std::vector<std::string> lines;
  for (std::size_t at = page.find("<li ", begin); at < end;
       at = page.find("<li ", at + 1))
    lines.push_back(page.substr(at, page.find("</li>", at) + 5 - at));
  return lines;
}

std::vector<std::string> LinesOf(const std::string& order,
                                 const std::string& attributes) {
  std::vector<std::string> found;
  for (const std::string& line : Lines(order))
    if (line.rfind("<li " + attributes + ">", 0) == 0) found.push_back(line);
  return found;
}

TEST_CASE("the glossary index names Anqing once per language in each order",
          "[site]") {
  const std::string gloss =
      "<span class=\"gloss\"><span lang=\"zh-Hans\">安庆</span> <span "
      "lang=\"zh-Hant\">安慶</span>";
  CHECK(LinesOf("de", "data-entry=\"anqing\"") ==
        std::vector<std::string>{
            "<li data-entry=\"anqing\"><a "
            "href=\"entries/anqing.html\">Anqing</a>" +
            gloss +
            " <span lang=\"zh-Latn-pinyin\">Ānqìng</span></span></li>"});
  CHECK(LinesOf("en", "data-entry=\"anqing\"") ==
        std::vector<std::string>{
            "<li data-entry=\"anqing\"><a "
            "href=\"entries/anqing.html\">Anqing</a>" +
            gloss +
            " <span lang=\"zh-Latn-pinyin\">Ānqìng</span></span></li>"});
  CHECK(LinesOf("pinyin", "data-entry=\"anqing\"") ==
        std::vector<std::string>{
            "<li data-entry=\"anqing\"><a "
            "href=\"entries/anqing.html\">Ānqìng</a>" +
            gloss + " · <span lang=\"de\">Anqing</span></span></li>"});
  // The names filed carry their language once, on their order.
  const std::string& page = testing::BuiltIn().site.at("glossary.html");
  for (std::string order :
       {"de\" data-order=\"de\" lang=\"de\"",
        "en\" data-order=\"en\" lang=\"en\"",
        "pinyin\" data-order=\"pinyin\" lang=\"zh-Latn-pinyin\""})
    CHECK(page.find("<section class=\"order\" id=\"order-" + order + ">") !=
          std::string::npos);
}

TEST_CASE("the glossary index lists an entry under its other accepted names",
          "[site]") {
  const std::string see = "data-entry=\"shehui-xinyong-tixi\" class=\"see\"";
  std::vector<std::string> german = LinesOf("de", see);
  CHECK(std::count(german.begin(), german.end(),
                   "<li " + see +
                       "><a href=\"entries/shehui-xinyong-tixi.html\">"
                       "Sozialkreditsystem</a> → gesellschaftliches "
                       "Bonitätssystem</li>") == 1);
  // A variant (an inflected form) and a deprecated form are not names to
  // look an entry up by.
  for (const std::string& line : german) {
    CHECK(line.find(">Sozialkredit-System<") == std::string::npos);
    CHECK(line.find(">gesellschaftlichen Bonitätssystems<") ==
          std::string::npos);
  }
  CHECK(
      LinesOf("en", see) ==
      std::vector<std::string>{"<li " + see +
                               "><a href=\"entries/shehui-xinyong-tixi.html\">"
                               "SCS</a> → Social Credit System</li>"});
}

TEST_CASE("no line of the glossary index repeats a name", "[site]") {
  static const std::regex kText(">([^<]+)<");
  for (const std::string order : {"de", "en", "pinyin"}) {
    for (const std::string& line : Lines(order)) {
      std::vector<std::string> names;
      for (std::sregex_iterator text(line.begin(), line.end(), kText), end;
           text != end; ++text) {
        std::string piece = (*text)[1].str() + " · ";
        for (std::size_t at = 0, next;
             (next = piece.find(" · ", at)) != std::string::npos;
             at = next + 4) {
          std::string name = piece.substr(at, next - at);
          if (name.rfind(" → ", 0) == 0) name = name.substr(5);
          name.erase(0, name.find_first_not_of(' '));
          if (!name.empty() && name != "→") names.push_back(name);
        }
      }
      std::set<std::string> distinct(names.begin(), names.end());
      INFO(line);
      CHECK(distinct.size() == names.size());
    }
  }
}

TEST_CASE("notes on Chinese terms are marked as the glossary's language",
          "[site]") {
  // The glossary writes its notes on Chinese terms in English (its root
  // xml:lang); they used to inherit zh-Hans from the term group and were
  // drawn with the Chinese font.
  const std::string& page = testing::BuiltIn().site.at("entries/zhengxin.html");
  CHECK(page.find("<tbody lang=") == std::string::npos);
  std::size_t chinese =
      page.find("<span class=\"term-text\" lang=\"zh-Hans\">征信");
  REQUIRE(chinese != std::string::npos);
  std::size_t cell = page.find("<td class=\"sources\"", chinese);
  REQUIRE(cell != std::string::npos);
  const std::string english = "<td class=\"sources\" lang=\"en\">";
  CHECK(page.compare(cell, english.size(), english) == 0);
}

}  // namespace
}  // namespace glossa
