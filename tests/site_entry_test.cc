// The site's entry pages read as the glossary and the report do: every
// keyword-in-context line with the spaces of its sentence, and every http or
// https URL of a source or note a link whose text is the URL.
// tests/browser/entry.test.mjs checks the same pages on a phone.

#include <catch2/catch.hpp>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "core/edition_index.h"
#include "core/site.h"
#include "test_support.h"

namespace glossa {
namespace {

// The <article> of an entry page, as XML (it holds no void elements).
pugi::xml_document Article(const std::string& page) {
  std::size_t begin = page.find("<article class=\"entry\"");
  std::size_t end = page.find("</article>", begin);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  pugi::xml_document article;
  pugi::xml_parse_result parsed = article.load_buffer(
      page.data() + begin, end + 10 - begin,
      pugi::parse_default | pugi::parse_ws_pcdata);  // the space between
                                                     // a term and a span
  INFO(parsed.description());
  REQUIRE(parsed);
  return article;
}

// The text content of a node, as the DOM's textContent is.
std::string Text(pugi::xml_node node) {
  if (node.type() == pugi::node_pcdata) return node.value();
  std::string out;
  for (pugi::xml_node child : node.children()) out += Text(child);
  return out;
}

// The children of an element, text as itself and a link as
// "[href|text]": "See [https://x.org|https://x.org]."
std::string Linked(pugi::xml_node element) {
  std::string out;
  for (pugi::xml_node child : element.children()) {
    if (std::string_view(child.name()) == "a") {
      out += "[" + std::string(child.attribute("href").value()) + "|" +
             Text(child) + "]";
    } else {
      out += Text(child);
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
    pugi::xml_document article =
        Article(built_in.site.at("entries/" + files[i] + ".html"));
    pugi::xpath_node_set items =
        article.select_nodes("//ol[@class='kwic']/li/a[@class='kwic-line']");
    std::vector<Passage> passages = built_in.index->PassagesOf(i);
    REQUIRE(items.size() == passages.size());
    for (std::size_t k = 0; k < passages.size(); ++k, ++lines) {
      std::string line = Text(items[k].node());
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
  pugi::xml_document article = Article(EntryPageOf("dengfeng"));
  pugi::xml_node line =
      article.select_node("//a[@class='kwic-line'][@data-node='s3.2.p7']")
          .node();
  CHECK(Text(line) ==
        "In den Kreisen Sanmen (Provinz Zhejiang) und Dengfeng (Provinz "
        "Henan) kooperieren lokalen Gerichte mit Telekommunikationsf…");
  CHECK(Text(line.child("mark")) == "Dengfeng");
}

TEST_CASE("a URL in a source is a link whose text is the URL", "[site]") {
  pugi::xml_document article = Article(EntryPageOf("wuxi"));
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
        Article(built_in.site.at("entries/" + file + ".html"));
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
  pugi::xml_document article = Article(site.at("entries/x.html"));
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

}  // namespace
}  // namespace glossa
