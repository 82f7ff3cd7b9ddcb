// One truth for every view. For every entry of the built-in glossary, what
// `glossa lookup --json`, `glossa passages --json`, the terminal entry, the
// site's entry page and its popup say about the entry's passages and key
// passages is compared: they must be the same lists and the same sentences,
// since all of them ask one EditionIndex. (The site once listed, as a key
// passage, the first sentence of the block where any entry stood.)

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/render.h"
#include "core/edition_index.h"
#include "core/site.h"
#include "test_support.h"

namespace glossa {
namespace {

struct Views {
  const Glossary& glossary;
  const EditionIndex* index;
  const std::map<std::string, std::string>& site;
  nlohmann::json data;  // the site's assets/data.js
};

const Views& BuiltIn() {
  static const Views* views = [] {
    const testing::BuiltInData& built_in = testing::BuiltIn();
    auto* out =
        new Views{built_in.glossary, built_in.index.get(), built_in.site, {}};
    const std::string& data = out->site.at("assets/data.js");
    const std::string prefix = "window.GLOSSA_DATA = ";
    REQUIRE(data.rfind(prefix, 0) == 0);
    out->data = nlohmann::json::parse(
        data.substr(prefix.size(), data.rfind(';') - prefix.size()));
    return out;
  }();
  return *views;
}

// What the views say of one entry: `glossa passages --json`, `glossa
// lookup --json` (by its id) and the entry page.
struct EntryViews {
  nlohmann::ordered_json passages;
  nlohmann::ordered_json lookup;  // the one entry lookup found
  const std::string* page;
};

EntryViews ViewsOf(const Views& views, std::size_t i) {
  const Concept& entry = views.glossary.concepts[i];
  EntryViews out;
  out.passages = PassagesJson(*views.index, i);
  nlohmann::ordered_json lookup =
      LookupJson(*views.index, entry.id, views.index->Find(entry.id), {});
  REQUIRE(lookup["entries"].size() == 1);
  out.lookup = lookup["entries"][0];
  out.page =
      &views.site.at("entries/" + EntryFileNames(views.glossary)[i] + ".html");
  return out;
}

// "node | match | locator" for each passage of a JSON list.
std::vector<std::string> FromJson(const nlohmann::ordered_json& passages) {
  std::vector<std::string> out;
  for (const auto& passage : passages) {
    out.push_back(passage["paragraph"].get<std::string>() + " | " +
                  CollapseSpace(passage["match"].get<std::string>()) + " | " +
                  passage["locator"].get<std::string>());
  }
  return out;
}

// The block a link leads to: "s2.1.p2" of "../index.html#s2.1.p2".
std::string Fragment(std::string_view href) {
  return std::string(href.substr(href.find('#') + 1));
}

// The same for each keyword-in-context line of an entry page.
std::vector<std::string> FromPage(const pugi::xml_document& article) {
  std::vector<std::string> out;
  for (pugi::xpath_node li : article.select_nodes("//ol[@class='kwic']/li")) {
    pugi::xml_node link = li.node().child("a");
    out.push_back(Fragment(link.attribute("href").value()) + " | " +
                  testing::TextContent(link.child("mark")) + " | " +
                  testing::TextContent(li.node().find_child_by_attribute(
                      "span", "class", "locator")));
  }
  return out;
}

// "id | locator | sentence | reason" for each key passage.
std::vector<std::string> KeysFromJson(const nlohmann::ordered_json& keys) {
  std::vector<std::string> out;
  for (const auto& key : keys) {
    out.push_back(
        key["id"].get<std::string>() + " | " +
        (key["locator"].is_null() ? "" : key["locator"].get<std::string>()) +
        " | " +
        (key["sentence"].is_null() ? "" : key["sentence"].get<std::string>()) +
        " | " +
        (key["why_not_in_sentence"].is_null()
             ? ""
             : key["why_not_in_sentence"].get<std::string>()));
  }
  return out;
}

std::vector<std::string> KeysFromPage(const pugi::xml_document& article) {
  std::vector<std::string> out;
  for (pugi::xpath_node li :
       article.select_nodes("//section[@class='key-passages']/ul/li")) {
    std::string href = li.node().child("a").attribute("href").value();
    std::string reason = testing::TextContent(
        li.node()
            .find_child_by_attribute("p", "class", "not-named")
            .find_child_by_attribute("span", "class", "reason"));
    out.push_back(href.substr(href.find('#') + 1) + " | " +
                  testing::TextContent(li.node().child("a")) + " | " +
                  testing::TextContent(li.node().child("q")) + " | " + reason);
  }
  return out;
}

TEST_CASE(
    "every entry's passages are one list in lookup, passages, the entry page "
    "and the popup",
    "[views]") {
  const Views& views = BuiltIn();
  std::size_t entries_with_passages = 0;
  for (std::size_t i = 0; i < views.glossary.concepts.size(); ++i) {
    const Concept& entry = views.glossary.concepts[i];
    INFO("entry " << entry.id);
    EntryViews seen = ViewsOf(views, i);
    std::vector<std::string> listed = FromJson(seen.passages["passages"]);
    const auto& found = seen.lookup;
    CHECK(found["id"] == entry.id);
    CHECK(found["passages"]["count"] == listed.size());
    std::vector<std::string> first = FromJson(found["passages"]["first"]);
    CHECK(first == std::vector<std::string>(
                       listed.begin(),
                       listed.begin() + static_cast<std::ptrdiff_t>(std::min(
                                            listed.size(), kPassagesInEntry))));
    pugi::xml_document article = testing::EntryArticle(*seen.page);
    CHECK(FromPage(article) == listed);
    // The dispersion plot: one stroke ("M… 2v18") per passage.
    std::string ticks =
        article.select_node("//svg[@class='dispersion']/path[@class='ticks']")
            .node()
            .attribute("d")
            .value();
    CHECK(static_cast<std::size_t>(
              std::count(ticks.begin(), ticks.end(), 'M')) == listed.size());
    CHECK(views.data["entries"][entry.id]["passages"] == listed.size());
    if (!listed.empty()) ++entries_with_passages;
  }
  // Every entry stands in the report but the background ones.
  std::size_t background = 0;
  for (const Concept& entry : views.glossary.concepts)
    background += entry.IsBackground() ? 1 : 0;
  CHECK(background > 0);
  CHECK(entries_with_passages == views.glossary.concepts.size() - background);
}

TEST_CASE(
    "every key passage shows the same sentence in every view, and the "
    "sentence holds its entry or says why not",
    "[views]") {
  const Views& views = BuiltIn();
  std::size_t keys = 0, explained = 0;
  for (std::size_t i = 0; i < views.glossary.concepts.size(); ++i) {
    const Concept& entry = views.glossary.concepts[i];
    INFO("entry " << entry.id);
    EntryViews seen = ViewsOf(views, i);
    const nlohmann::ordered_json& passages = seen.passages;
    std::vector<std::string> from_lookup =
        KeysFromJson(seen.lookup["key_passages"]);
    CHECK(KeysFromJson(passages["entry"]["key_passages"]) == from_lookup);
    CHECK(KeysFromPage(testing::EntryArticle(*seen.page)) == from_lookup);
    std::ostringstream terminal;
    RenderEntry(*views.index, i, Style{false, 100000}, terminal);
    for (const auto& key : seen.lookup["key_passages"]) {
      ++keys;
      std::string sentence = key["sentence"].get<std::string>();
      INFO("key passage " << key["id"] << ": " << sentence);
      CHECK(terminal.str().find("„" + sentence + "“") != std::string::npos);
      // The sentence is one where `glossa passages` finds the entry, or the
      // key passage says why it is not.
      bool stands = false;
      for (const auto& passage : passages["passages"]) {
        stands =
            stands ||
            (passage["paragraph"] == key["id"] &&
             CollapseSpace(passage["sentence"].get<std::string>()) == sentence);
      }
      CHECK(key["entry_in_sentence"] == stands);
      if (!stands) {
        ++explained;
        REQUIRE(key["why_not_in_sentence"].is_string());
        CHECK(terminal.str().find(
                  "not named here: " +
                  key["why_not_in_sentence"].get<std::string>()) !=
              std::string::npos);
      } else {
        CHECK(key["why_not_in_sentence"].is_null());
      }
    }
  }
  // As many as the glossary's xrefs into the edition, and as many reasons
  // as their texts give.
  std::size_t targets = 0, reasons = 0;
  for (const Concept& entry : views.glossary.concepts) {
    for (const ExternalReference& reference : entry.external_references) {
      if (reference.target.find(".tei.xml#") == std::string::npos) continue;
      ++targets;
      if (reference.text.find("[not named: ") != std::string::npos) ++reasons;
    }
  }
  CHECK(targets > 200);
  CHECK(keys == targets);
  CHECK(explained == reasons);
}

TEST_CASE("the command line prints what the views test compares", "[views]") {
  const Views& views = BuiltIn();
  for (const char* id : {"zhengxin", "shehui-chengxin", "diliusheng"}) {
    INFO(id);
    const std::size_t entry = static_cast<std::size_t>(
        FindConcept(views.glossary, id) - views.glossary.concepts.data());
    testing::RunResult lookup = testing::RunGlossa({"lookup", id, "--json"});
    CHECK(lookup.out ==
          LookupJson(*views.index, id, views.index->Find(id), {}).dump(2) +
              "\n");
    testing::RunResult passages =
        testing::RunGlossa({"passages", id, "--json"});
    CHECK(passages.out == PassagesJson(*views.index, entry).dump(2) + "\n");
  }
}

}  // namespace
}  // namespace glossa
