// The static site, read as the HTML it is: what links where, in what order,
// and that nothing from the data arrives unescaped. tests/browser/ checks
// the same site in a real browser.

#include "core/site.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <tuple>

#include "core/edition_index.h"
#include "core/tbx_reader.h"
#include "core/tei.h"
#include "test_support.h"

namespace glossa {
namespace {

// The built-in glossary and report, and their site.
struct BuiltIn {
  const Glossary& glossary;
  const EditionIndex* index;
  const std::map<std::string, std::string>& files;
};

BuiltIn Site() {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  return {built_in.glossary, built_in.index.get(), built_in.site};
}

// The site of a glossary without a report to read.
std::vector<SiteFile> SiteOf(const Glossary& glossary) {
  Document nothing;
  return BuildSite(EditionIndex(glossary, nothing));
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1))
    ++n;
  return n;
}

Term MakeTerm(std::string text, TermStatus status = TermStatus::kPreferred) {
  Term term;
  term.text = std::move(text);
  term.status = status;
  return term;
}

Concept MakeConcept(std::string id, std::string german, std::string english,
                    std::string hans, std::string pinyin) {
  Concept entry;
  entry.id = std::move(id);
  LangSection de{"de", {}, {}, {MakeTerm(std::move(german))}, {}, {}};
  LangSection en{"en", {}, {}, {MakeTerm(std::move(english))}, {}, {}};
  LangSection zh{"zh-Hans", {}, {}, {MakeTerm(std::move(hans))}, {}, {}};
  LangSection py{
      "zh-Latn-pinyin", {}, {}, {MakeTerm(std::move(pinyin))}, {}, {}};
  entry.languages = {zh, py, en, de};
  return entry;
}

TEST_CASE("the site has the report, the index, a page per entry and assets",
          "[site]") {
  const BuiltIn site = Site();
  CHECK(site.files.size() == site.glossary.concepts.size() + 10);
  for (const char* path :
       {"index.html", "glossary.html", "study.html", "entries/zhengxin.html",
        "entries/xinxi-gudao.html", "assets/glossa.js", "assets/glossa.css",
        "assets/data.js", "assets/search-data.js", "assets/study-data.js",
        "assets/export-data.js", "NOTICE.txt"})
    CHECK(site.files.count(path) == 1);
  CHECK(site.files.at("assets/data.js").rfind("window.GLOSSA_DATA = {", 0) ==
        0);
}

TEST_CASE("every page carries the policy and loads only its own files",
          "[site]") {
  std::regex script("<script[^>]*>");
  std::regex remote("(src|href)=\"(https?:)?//");
  for (const auto& [path, contents] : Site().files) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    INFO(path);
    CHECK(contents.rfind("<!DOCTYPE html>\n<html lang=", 0) == 0);
    CHECK(
        Count(contents,
              "<meta http-equiv=\"Content-Security-Policy\" "
              "content=\"default-src &#39;none&#39;; script-src &#39;self&#39;"
              " file:;") == 1);
    // glossa.js; the popups' data (data.js) on the report only, the one
    // page with term popups; study.html its own data. All files, none with
    // inline code.
    bool popups = path == "index.html";
    CHECK((Count(contents, "<a class=\"term") > 0) == popups);
    CHECK(Count(contents, "assets/data.js\" defer=\"\"></script>") ==
          (popups ? 1 : 0));
    CHECK(Count(contents, "<script") ==
          static_cast<std::size_t>(1 + (popups ? 1 : 0) +
                                   (path == "study.html" ? 1 : 0)));
    for (auto it =
             std::sregex_iterator(contents.begin(), contents.end(), script);
         it != std::sregex_iterator(); ++it) {
      std::string tag = it->str();
      CHECK(tag.find(" src=\"") != std::string::npos);
      CHECK(contents.substr(it->position() + it->length(), 9) == "</script>");
    }
    // Links out of the site are only in entries' "sources on the web"; no
    // page loads anything from elsewhere.
    CHECK(Count(contents, "<link ") == 2);  // the style sheet; no icon
    CHECK(Count(contents, "<link rel=\"icon\" href=\"data:,\">") == 1);
    CHECK(Count(contents, "<img") == 0);
    CHECK(Count(contents, "<iframe") == 0);
  }
}

TEST_CASE("the report links every term to its entry page", "[site]") {
  const BuiltIn site = Site();
  const std::string& report = site.files.at("index.html");
  CHECK(Count(report,
              "<a class=\"term\" href=\"entries/xinxi-gudao.html\" "
              "data-entry=\"xinxi-gudao\">Dateninseln</a>") >= 1);
  // As many links as `glossa passages` finds places with top-level matches
  // (a term split by a page break or footnote call is linked in two pieces;
  // a form of two entries, "Creditworthy", is one link, to the first).
  const std::vector<Passage>& passages = site.index->passages();
  std::set<std::tuple<std::string, std::string, std::size_t>> places;
  for (const Passage& passage : passages) {
    if (passage.nested_in < 0)
      places.insert({passage.locator.node, std::string(passage.sentence),
                     passage.match_begin});
  }
  const std::size_t top_level = places.size();
  CHECK(top_level > 450);
  std::size_t links = Count(report, "<a class=\"term\" ");
  CHECK(links >= top_level);
  CHECK(links <= top_level + 5);
  // Each link holds the text of a match (a Chinese one marked as Chinese) (or a
  // piece of one, where a page break or a footnote call splits it) and links to
  // that match's entry.
  std::set<std::string> matched;
  for (const Passage& passage : passages) {
    if (passage.nested_in >= 0) continue;
    matched.insert(
        site.glossary.concepts[passage.entry].id + " " +
        std::string(passage.sentence.substr(
            passage.match_begin, passage.match_end - passage.match_begin)));
  }
  std::regex term_link(
      "<a class=\"term\" href=\"entries/[^\"]+\" data-entry=\"([^\"]+)\""
      "(?: lang=\"zh-Hans\")?>"
      "([^<]*)</a>");
  std::size_t checked = 0;
  for (auto it = std::sregex_iterator(report.begin(), report.end(), term_link);
       it != std::sregex_iterator(); ++it, ++checked) {
    std::string piece = (*it)[1].str() + " ";
    std::string text = (*it)[2].str();
    bool found = std::any_of(
        matched.begin(), matched.end(), [&](const std::string& match) {
          return match.rfind(piece, 0) == 0 &&
                 match.find(text, piece.size()) != std::string::npos;
        });
    INFO(piece << text);
    CHECK(found);
  }
  CHECK(checked == links);
  // Every block a passage names is there to land on.
  for (const Passage& passage : passages) {
    INFO(passage.locator.node);
    CHECK(Count(report, " id=\"" + passage.locator.node + "\"") == 1);
  }
  // Footnote calls link to their notes and back.
  CHECK(Count(report, "<a href=\"#fn9\" id=\"fnref9\" data-note=\"fn9\"") == 1);
  CHECK(Count(report, "<li id=\"fn9\" value=\"9\">") == 1);
  CHECK(Count(report, "<span class=\"page\" id=\"page16\">") == 1);
}

TEST_CASE("an entry page lists every passage of the entry in report order",
          "[site]") {
  const BuiltIn site = Site();
  std::vector<std::string> expected;
  for (const Passage& passage : site.index->passages()) {
    if (site.glossary.concepts[passage.entry].id == "zhengxin")
      expected.push_back(passage.locator.node);
  }
  REQUIRE(expected.size() >= 5);
  const std::string& page = site.files.at("entries/zhengxin.html");
  // The links of the keyword-in-context list (the key passages before it
  // link the same way).
  const std::string kwic = page.substr(page.find("<ol class=\"kwic\">"));
  std::regex link("<li><a href=\"\\.\\./index\\.html#([^\"]+)\">");
  std::vector<std::string> listed;
  for (auto it = std::sregex_iterator(kwic.begin(), kwic.end(), link);
       it != std::sregex_iterator(); ++it)
    listed.push_back((*it)[1]);
  CHECK(listed == expected);
  CHECK(Count(page,
              "<h1><span lang=\"zh-Hans\">征信</span> <span "
              "lang=\"zh-Hant\">徵信</span> <span lang=\"zh-Latn-pinyin\" "
              "class=\"pinyin\">zhēngxìn</span></h1>") == 1);
  CHECK(Count(page, "<svg class=\"dispersion\"") == 1);
  CHECK(Count(page, "<path d=\"M") == 1);
  CHECK(Count(page, " 2v18") == expected.size());
  CHECK(Count(page, "<span data-ui=\"en\" lang=\"en\">" +
                        std::to_string(expected.size()) + " passages</span>") ==
        1);
}

TEST_CASE("the index sorts by each language's collation", "[site]") {
  const std::string& index = Site().files.at("glossary.html");
  std::size_t pinyin = index.find("id=\"order-pinyin\"");
  REQUIRE(pinyin != std::string::npos);
  std::size_t chengxin = index.find("data-entry=\"chengxin\"", pinyin);
  std::size_t zhengxin = index.find("data-entry=\"zhengxin\"", pinyin);
  REQUIRE(chengxin != std::string::npos);
  REQUIRE(zhengxin != std::string::npos);
  CHECK(chengxin < zhengxin);
  CHECK(index.find("<h3 id=\"pinyin-C\">C</h3>", pinyin) < chengxin);

  Glossary glossary;
  glossary.concepts = {
      MakeConcept("zug", "Zug", "train", "火车", "huǒchē"),
      MakeConcept("buerger", "Bürger", "citizen", "公民", "gōngmín"),
      MakeConcept("aerger", "Ärger", "anger", "生气", "shēngqì"),
      MakeConcept("bonitaet", "Bonität", "creditworthiness", "信用", "xìnyòng"),
      MakeConcept("apfel", "Apfel", "apple", "苹果", "píngguǒ")};
  std::string page;
  for (const SiteFile& file : SiteOf(glossary))
    if (file.path == "glossary.html") page = file.contents;
  std::size_t german = page.find("id=\"order-de\"");
  std::size_t english = page.find("id=\"order-en\"");
  std::vector<std::size_t> at;
  for (const char* id : {"apfel", "aerger", "bonitaet", "buerger", "zug"})
    at.push_back(page.find(std::string("data-entry=\"") + id + "\"", german));
  CHECK(std::is_sorted(at.begin(), at.end()));
  CHECK(at.back() < english);
  // Ä is filed under A: the letters are A, B, Z.
  CHECK(page.find("<p class=\"letters\"><a href=\"#de-A\">A</a> <a "
                  "href=\"#de-B\">B</a> <a href=\"#de-Z\">Z</a> </p>",
                  german) < english);
}

TEST_CASE("text from the glossary reaches the page only as text", "[site]") {
  Glossary glossary;
  Concept evil =
      MakeConcept("x\"><script>alert(1)</script>", "<script>alert(1)</script>",
                  "\"><img src=x onerror=alert(1)>", "<b>坏</b>", "huài");
  evil.languages[2].definitions.push_back(
      {"<svg onload=alert(1)> javascript:alert(1)", "", ""});
  evil.external_references.push_back(
      {"externalCrossReference", "javascript:alert(1)", "click me", {}});
  evil.cross_references.push_back({"javascript:alert(1)", "related: x", {}});
  glossary.concepts = {evil};
  for (const SiteFile& file : SiteOf(glossary)) {
    INFO(file.path);
    if (file.path == "assets/glossa.js") continue;
    CHECK(file.path.find('<') == std::string::npos);
    CHECK(Count(file.contents, "<script>") == 0);
    CHECK(Count(file.contents, "<img") == 0);
    CHECK(Count(file.contents, "<svg onload") == 0);
    CHECK(Count(file.contents, "href=\"javascript:") == 0);
  }
  std::map<std::string, std::string> files;
  for (SiteFile& file : SiteOf(glossary))
    files[file.path] = std::move(file.contents);
  REQUIRE(files.count("entries/entry-1.html") == 1);
  const std::string& page = files["entries/entry-1.html"];
  CHECK(Count(page, "&lt;svg onload=alert(1)&gt; javascript:alert(1)") == 1);
  CHECK(Count(page, "<li><span>click me</span></li>") == 1);
}

TEST_CASE("every entry has its own page, whatever its id", "[site]") {
  Glossary glossary;
  // Position 2 holds an id that is no file name; "entry-2" and "entry-3"
  // are real ids; "Apfel" and "apfel" differ only in case; "apfel" comes
  // twice.
  for (const char* id :
       {"Apfel", "a/b", "entry-2", "apfel", "entry-3", "", "apfel"})
    glossary.concepts.push_back(
        MakeConcept(id, "Apfel", "apple", "苹果", "píngguǒ"));
  CHECK(EntryFileNames(glossary) ==
        std::vector<std::string>{"Apfel", "entry-4", "entry-2", "entry-5",
                                 "entry-3", "entry-6", "entry-7"});
  std::set<std::string> pages;
  for (const SiteFile& file : SiteOf(glossary))
    if (file.path.starts_with("entries/")) pages.insert(file.path);
  CHECK(pages.size() == glossary.concepts.size());
}

}  // namespace
}  // namespace glossa
