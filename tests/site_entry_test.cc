// The site's entry pages read as the glossary and the report do: meaning
// first (the definition in the reader's language, the passages), the
// terminologist's detail below; every keyword-in-context line with the
// spaces of its sentence, and every http or https URL of a source or note a
// link whose text is the URL. Also what the popup of an entry is given
// (data.js). tests/browser/entry.test.mjs checks the same pages on a phone.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/edition_index.h"
#include "core/site.h"
#include "test_support.h"

namespace glossa {
namespace {

// The children of an element, text as itself and a link as
// "[href|text]": "See [https://x.org|https://x.org]."
std::string Linked(pugi::xml_node element) {
  std::string out;
  for (pugi::xml_node child : element.children()) {
    if (std::string_view(child.name()) == "a") {
      out += "[" + std::string(child.attribute("href").value()) + "|" +
             testing::TextContent(child) + "]";
    } else {
      out += testing::TextContent(child);
    }
  }
  return out;
}

// `text` without the "…" that marks a cut at its start and its end.
std::string_view WithoutCuts(std::string_view text) {
  constexpr std::string_view kEllipsis = "…";
  if (text.substr(0, kEllipsis.size()) == kEllipsis)
    text.remove_prefix(kEllipsis.size());
  if (text.size() >= kEllipsis.size() &&
      text.substr(text.size() - kEllipsis.size()) == kEllipsis)
    text.remove_suffix(kEllipsis.size());
  return text;
}

// An element as the page holds it: "<li>…</li>".
std::string Markup(pugi::xml_node node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw);
  return out.str();
}

// A heading as the German interface shows it: "h2 Definition".
std::string Heading(pugi::xml_node heading) {
  pugi::xml_node german = heading.find_child_by_attribute("data-ui", "de");
  return std::string(heading.name()) + " " +
         testing::TextContent(german ? german : heading);
}

// The popup's data of every entry (assets/data.js), by id.
nlohmann::json PopupData(const std::map<std::string, std::string>& site) {
  const std::string& data = site.at("assets/data.js");
  const std::string prefix = "window.GLOSSA_DATA = ";
  REQUIRE(data.rfind(prefix, 0) == 0);
  return nlohmann::json::parse(
      data.substr(prefix.size(), data.rfind(';') - prefix.size()))["entries"];
}

const std::string& EntryPageOf(std::string_view id) {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  std::vector<std::string> files = EntryFileNames(built_in.glossary);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (built_in.glossary.concepts[i].id == id)
      return built_in.site.at("entries/" + files[i] + ".html");
  }
  FAIL("no entry " << id);
  throw;
}

TEST_CASE(
    "every keyword-in-context line reads as its sentence does, spaces "
    "around the keyword included",
    "[site]") {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  std::vector<std::string> files = EntryFileNames(built_in.glossary);
  std::size_t lines = 0;
  std::vector<std::string> wrong;
  for (std::size_t i = 0; i < files.size(); ++i) {
    pugi::xml_document article = testing::EntryArticle(
        built_in.site.at("entries/" + files[i] + ".html"));
    pugi::xpath_node_set items =
        article.select_nodes("//ol[@class='kwic']/li/a");
    std::vector<Passage> passages = built_in.index->PassagesOf(i);
    REQUIRE(items.size() == passages.size());
    for (std::size_t k = 0; k < passages.size(); ++k, ++lines) {
      std::string line = testing::TextContent(items[k].node());
      std::string sentence = CollapseSpace(ShowSentence(passages[k]).text);
      if (sentence.find(WithoutCuts(line)) == std::string::npos)
        wrong.push_back(files[i] + ": " + line + "\n  sentence: " + sentence);
    }
  }
  INFO(wrong.size() << " of " << lines << " lines differ from their sentence"
                    << (wrong.empty() ? "" : "; the first: " + wrong[0]));
  CHECK(wrong.empty());
  CHECK(lines == built_in.index->passages().size());
}

TEST_CASE(
    "the keyword-in-context line of Dengfeng is not undDengfeng(Provinz "
    "Henan)",
    "[site]") {
  pugi::xml_document article = testing::EntryArticle(EntryPageOf("dengfeng"));
  pugi::xml_node line =
      article
          .select_node(
              "//ol[@class='kwic']/li/a[@href='../index.html#s3.2.p7']")
          .node();
  CHECK(testing::TextContent(line) ==
        "In den Kreisen Sanmen (Provinz Zhejiang) und Dengfeng (Provinz "
        "Henan) kooperieren lokalen Gerichte mit Telekommunikationsf…");
  CHECK(testing::TextContent(line.child("mark")) == "Dengfeng");
}

TEST_CASE("a URL in a source is a link whose text is the URL", "[site]") {
  pugi::xml_document article = testing::EntryArticle(EntryPageOf("wuxi"));
  CHECK(Linked(article
                   .select_node("//td[@class='sources']/p[@class='source']"
                                "[contains(., 'wikipedia')]")
                   .node()) ==
        "[https://en.m.wikipedia.org/wiki/Wuxi|"
        "https://en.m.wikipedia.org/wiki/Wuxi]");
  const pugi::xml_node link =
      article.select_node("//p[@class='source']/a").node();
  CHECK(std::string(link.attribute("rel").value()) == "noopener noreferrer");
}

TEST_CASE("every http or https URL in a source, note or definition is a link",
          "[site]") {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  std::size_t links = 0;
  std::vector<std::string> unlinked;
  for (const std::string& file : EntryFileNames(built_in.glossary)) {
    pugi::xml_document article =
        testing::EntryArticle(built_in.site.at("entries/" + file + ".html"));
    for (pugi::xpath_node text : article.select_nodes(
             "//*[contains(@class, 'source') or contains(@class, 'note') or "
             "contains(@class, 'definition') or @class='context']//text()"
             "[not(ancestor::a)]")) {
      std::string_view value = text.node().value();
      if (value.find("http://") != std::string_view::npos ||
          value.find("https://") != std::string_view::npos)
        unlinked.push_back(file + ": " + std::string(value));
    }
    links += article.select_nodes("//p//a[starts-with(@href, 'http')]").size();
  }
  INFO(unlinked.size() << " texts hold a URL that is not a link"
                       << (unlinked.empty() ? ""
                                            : "; the first: " + unlinked[0]));
  CHECK(unlinked.empty());
  CHECK(links > 800);
}

TEST_CASE(
    "a URL in a note ends before the punctuation after it; other schemes stay "
    "text",
    "[site]") {
  Glossary glossary;
  Concept entry;
  entry.id = "x";
  Term term;
  term.text = "Beispiel";
  term.sources = {"Wikipedia (https://de.wikipedia.org/wiki/A_(B)), 2024."};
  term.notes = {
      {"See https://example.org/a?b=1&c=2. Also (http://x.org/y), "
       "javascript:alert(1), ftp://x.org, xhttps://no and "
       "https:// alone; end.",
       "", ""}};
  entry.languages = {{"de", {}, {}, {term}, {}, {}}};
  entry.notes = {{"Quelle: https://example.org/n;", "", ""}};
  glossary.concepts = {entry};
  Document nothing;
  std::map<std::string, std::string> site;
  for (SiteFile& file : BuildSite(EditionIndex(glossary, nothing)))
    site[file.path] = std::move(file.contents);
  pugi::xml_document article = testing::EntryArticle(site.at("entries/x.html"));
  CHECK(Linked(article.select_node("//p[@class='source']").node()) ==
        "Wikipedia ([https://de.wikipedia.org/wiki/A_(B)|"
        "https://de.wikipedia.org/wiki/A_(B)]), 2024.");
  CHECK(Linked(article.select_node("//td//p[@class='note']").node()) ==
        "See [https://example.org/a?b=1&c=2|https://example.org/a?b=1&c=2]. "
        "Also ([http://x.org/y|http://x.org/y]), javascript:alert(1), "
        "ftp://x.org, xhttps://no and https:// alone; end.");
  CHECK(Linked(article.select_node("//section[@class='notes']/p").node()) ==
        "Quelle: [https://example.org/n|https://example.org/n];");
}

TEST_CASE(
    "an entry page gives the definition and the passages first, the "
    "terminologist's detail below under a heading of its own",
    "[site]") {
  pugi::xml_document article =
      testing::EntryArticle(EntryPageOf("xinyong-fen"));
  std::vector<std::string> headings;
  for (pugi::xpath_node heading : article.select_nodes("//h1 | //h2 | //h3"))
    headings.push_back(Heading(heading.node()));
  CHECK(headings == std::vector<std::string>{
                        "h1 信用评分 信用評分 xìnyòng píngfēn",
                        "h2 Definition",
                        "h2 Schlüsselstellen",
                        "h2 9 Stellen",
                        "h2 Verwandte Einträge",
                        "h2 Für Terminologen und Übersetzer",
                        "h3 Quellen der Definition",
                        "h3 Benennungen",
                        "h3 Hinweise für Übersetzer",
                    });
  std::vector<std::string> sections;
  for (pugi::xpath_node section : article.select_nodes("/article/section"))
    sections.push_back(section.node().attribute("class").value());
  CHECK(sections == std::vector<std::string>{"definitions", "key-passages",
                                             "passages", "related", "detail"});
  CHECK(article.select_nodes("//section[@class='detail']/section").size() == 3);
}

TEST_CASE(
    "an entry page shows the definition in the reader's language, the "
    "other's in the page for the switch",
    "[site]") {
  const Concept* entry =
      FindConcept(testing::BuiltIn().glossary, "xinxi-gudao");
  REQUIRE(entry != nullptr);
  pugi::xml_document article =
      testing::EntryArticle(EntryPageOf("xinxi-gudao"));
  pugi::xpath_node_set shown =
      article.select_nodes("//section[@class='definitions']/p");
  REQUIRE(shown.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    std::string lang = i == 0 ? "en" : "de";  // the glossary's order
    INFO(lang);
    pugi::xml_node p = shown[i].node();
    CHECK(std::string(p.attribute("lang").value()) == lang);
    CHECK(std::string(p.attribute("data-ui").value()) == lang);
    std::string definition =
        CollapseSpace(entry->Language(lang)->definitions.front().text);
    CHECK(testing::TextContent(p) == definition);
  }
  // Their sources are the terminologist's detail, in the glossary's
  // language (English), each shown with its definition.
  pugi::xpath_node_set sources = article.select_nodes(
      "//section[@class='detail']/section[@class='definition-sources']/p");
  REQUIRE(sources.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    std::string lang = i == 0 ? "en" : "de";
    INFO(lang);
    CHECK(std::string(sources[i].node().attribute("lang").value()) == "en");
    CHECK(std::string(sources[i].node().attribute("data-ui").value()) == lang);
    CHECK(testing::TextContent(sources[i].node()) ==
          CollapseSpace(entry->Language(lang)->definitions.front().source));
  }
  // The heading's renderings, German and English (the style sheet puts the
  // reader's first).
  CHECK(Markup(article.select_node("/article/p[@class='gloss']").node()) ==
        "<p class=\"gloss\"><span lang=\"de\">Dateninsel</span><span "
        "lang=\"en\">information islands</span></p>");
}

TEST_CASE(
    "a related entry shows its rendering in both interface languages, not "
    "bare Chinese characters",
    "[site]") {
  pugi::xml_document article =
      testing::EntryArticle(EntryPageOf("xinxi-gudao"));
  std::vector<std::string> groups;
  for (pugi::xpath_node p :
       article.select_nodes("//section[@class='related']/p"))
    groups.push_back(Markup(p.node()));
  CHECK(groups == std::vector<std::string>{
                      "<p class=\"relation related\"><span data-ui=\"de\">"
                      "verwandt</span><span data-ui=\"en\" "
                      "lang=\"en\">related</span></p>",
                      "<p class=\"relation contrast\"><span data-ui=\"de\">"
                      "Gegensatz</span><span data-ui=\"en\" "
                      "lang=\"en\">contrast</span></p>"});
  pugi::xpath_node_set related =
      article.select_nodes("//section[@class='related']/ul[1]/li");
  REQUIRE(related.size() == 8);
  CHECK(Markup(related[0].node()) ==
        "<li><a href=\"shehui-xinyong.html\"><span "
        "lang=\"zh-Hans\">社会信用</span> <span data-ui=\"de\">"
        "gesellschaftliche Bonität</span><span data-ui=\"en\" "
        "lang=\"en\">social credit</span></a></li>");
  CHECK(
      testing::TextContent(
          article.select_node("//section[@class='related']/ul[2]/li").node()) ==
      "信息共享 Datenaustauschinformation sharing");
  // A name that is its own rendering is not repeated.
  pugi::xml_document score = testing::EntryArticle(EntryPageOf("xinyong-fen"));
  CHECK(Markup(score.select_node("//li[a/@href='fico.html']/a").node()) ==
        "<a href=\"fico.html\"><span>FICO</span></a>");
}

TEST_CASE(
    "the dispersion plot draws the passages as the strokes of one path, not "
    "a line each",
    "[site]") {
  pugi::xml_document article =
      testing::EntryArticle(EntryPageOf("xinxi-gudao"));
  CHECK(article.select_nodes("//svg//line").size() == 0);
  pugi::xpath_node_set paths = article.select_nodes("//svg/path");
  REQUIRE(paths.size() == 1);
  CHECK(std::string(paths[0].node().attribute("d").value()) ==
        "M168 2v18M168.2 2v18M548.8 2v18");
  CHECK(std::string(paths[0].node().attribute("class").value()) == "ticks");
}

TEST_CASE(
    "the popup of 信用评分 is given its renderings, the other forms for one "
    "line and a status only where it warns",
    "[site]") {
  nlohmann::json entries = PopupData(testing::BuiltIn().site);
  const nlohmann::json& score = entries["xinyong-fen"];
  CHECK(score["de"].dump() ==
        R"({"also":["Punkt","Basispunktzahl","Score","Bürgerscore"],)"
        R"("term":"Bonitätswert"})");
  CHECK(score["en"].dump() ==
        R"({"also":["score"],"term":"credit score",)"
        R"("warn":[{"status":"deprecated","text":"social credit score"}]})");
  CHECK(score["chinese"].dump() ==
        R"([{"pinyin":"xìnyòng píngfēn","simplified":"信用评分",)"
        R"("traditional":"信用評分"},)"
        R"({"pinyin":"xìnyòngfēn","simplified":"信用分"}])");
  CHECK(score["definition"]["de"].get<std::string>().rfind(
            "Eine Zahl, die die ermittelte Kreditwürdigkeit", 0) == 0);
  CHECK(score["passages"] == 9);
  // In every entry: a status only where it warns, and every term once.
  std::size_t warned = 0;
  for (const Concept& entry : testing::BuiltIn().glossary.concepts) {
    INFO(entry.id);
    const nlohmann::json& data = entries[entry.id];
    for (std::string lang : {"de", "en"}) {
      std::set<std::string> terms;
      for (const Term& term : entry.Language(lang)->terms)
        terms.insert(CollapseSpace(term.text));
      std::set<std::string> listed = {data[lang]["term"]};
      for (const auto& also : data[lang].value("also", nlohmann::json::array()))
        CHECK(listed.insert(also.get<std::string>()).second);
      for (const auto& warn :
           data[lang].value("warn", nlohmann::json::array())) {
        CHECK(warn["status"] == "deprecated");
        CHECK(listed.insert(warn["text"].get<std::string>()).second);
        ++warned;
      }
      CHECK(listed == terms);
      CHECK_FALSE(data[lang].contains("status"));
    }
    for (const auto& forms : data["chinese"])
      if (forms.contains("status")) CHECK(forms["status"] == "deprecated");
  }
  CHECK(warned == 50);
}

TEST_CASE(
    "an entry whose only German rendering is deprecated shows it with its "
    "status",
    "[site]") {
  Glossary glossary;
  Concept entry;
  entry.id = "x";
  Term old;
  old.text = "Sozialpunkte";
  old.status = TermStatus::kDeprecated;
  Term preferred;
  preferred.text = "social credit";
  preferred.status = TermStatus::kPreferred;
  Term superseded = preferred;
  superseded.text = "social  credit\nscore";  // shown with its spaces collapsed
  superseded.status = TermStatus::kSuperseded;
  entry.languages = {{"de", {}, {}, {old}, {}, {}},
                     {"en", {}, {}, {preferred, superseded}, {}, {}}};
  glossary.concepts = {entry};
  Document nothing;
  std::map<std::string, std::string> site;
  for (SiteFile& file : BuildSite(EditionIndex(glossary, nothing)))
    site[file.path] = std::move(file.contents);
  nlohmann::json data = PopupData(site)["x"];
  CHECK(data["de"].dump() ==
        R"({"status":"deprecated","term":"Sozialpunkte"})");
  CHECK(data["en"].dump() ==
        R"({"term":"social credit",)"
        R"("warn":[{"status":"superseded","text":"social credit score"}]})");
  CHECK(data["chinese"].dump() == "[]");
}

}  // namespace
}  // namespace glossa
