// The site's search data, assets/search-data.js: the keys are lookup's, the
// report's printed forms and sentences are the index's, and the popups'
// data.js no longer carries any of it. tests/browser/search.test.mjs
// searches with it in a real browser.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/lookup.h"
#include "core/site.h"
#include "core/site/page.h"
#include "core/translation.h"
#include "test_support.h"

namespace glossa {
namespace {

// The value a site script assigns to window.<variable>.
nlohmann::json ScriptData(const std::string& script,
                          const std::string& variable) {
  const std::string prefix = "window." + variable + " = ";
  REQUIRE(script.rfind(prefix, 0) == 0);
  REQUIRE(script.size() >= prefix.size() + 2);
  REQUIRE(script.substr(script.size() - 2) == ";\n");
  return nlohmann::json::parse(
      script.substr(prefix.size(), script.size() - prefix.size() - 2));
}

std::string Text(const nlohmann::json& value) {
  return value.get<std::string>();
}

const nlohmann::json& SearchData() {
  static const nlohmann::json data =
      ScriptData(testing::BuiltIn().site.at("assets/search-data.js"),
                 "GLOSSA_SEARCH_DATA");
  return data;
}

TEST_CASE("search data gives every term the keys glossa lookup finds it by",
          "[site][search]") {
  const Glossary& glossary = testing::BuiltIn().glossary;
  nlohmann::json expected = nlohmann::json::array();
  for (const Concept& entry : glossary.concepts) {
    for (const LangSection& section : entry.languages) {
      for (const Term& term : section.terms) {
        TermKeys keys = KeysOf(term.text, section.lang);
        // Only a status to warn of; preferred and admitted terms say "".
        bool warn = term.status == TermStatus::kDeprecated ||
                    term.status == TermStatus::kSuperseded;
        expected.push_back({CollapseSpace(term.text), section.lang, entry.id,
                            keys.loose, keys.pinyin_toneless,
                            warn ? StatusName(term.status) : ""});
      }
    }
  }
  CHECK(expected.size() > 1400);
  CHECK(SearchData()["terms"] == expected);
  // Two rows, as the script reads them.
  CHECK(SearchData()["terms"][2].dump() ==
        R"(["shèhuì xìnyòng","zh-Latn-pinyin","shehui-xinyong",)"
        R"("shehui xinyong","shehuixinyong",""])");
  nlohmann::json sozialpunkte;
  for (const nlohmann::json& row : SearchData()["terms"])
    if (row[0] == "Sozialpunktesystem") sozialpunkte = row;
  CHECK(sozialpunkte.dump() ==
        R"(["Sozialpunktesystem","de","shehui-xinyong-tixi",)"
        R"("sozialpunktesystem","","deprecated"])");
}

TEST_CASE("search data holds every form the report prints of 黑名单",
          "[site][search]") {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  std::vector<std::string> forms;
  for (const nlohmann::json& row : SearchData()["forms"]) {
    if (row[1] != "heimingdan") continue;
    forms.push_back(Text(row[0]));
    CHECK(row[3] == "");  // a form of a preferred term: nothing to warn of
  }
  // The glossary's term is „schwarze Liste“; the report prints these
  // spellings of it (glossa passages heimingdan), in this order.
  CHECK(forms == std::vector<std::string>{"schwarzen Listen", "SCHWARZE LISTEN",
                                          "Schwarze Listen",
                                          "schwarzen Liste"});
  // Every printed form of every entry, against the index's passages.
  std::set<std::pair<std::string, std::string>> printed;  // (id, loose key)
  for (const Passage& passage : built_in.index->passages()) {
    const EditionBlock& block = built_in.index->blocks()[passage.block];
    std::string text = CollapseSpace(block.text.substr(
        passage.block_begin, passage.block_end - passage.block_begin));
    printed.insert({built_in.glossary.concepts[passage.entry].id,
                    KeysOf(text, "de").loose});
  }
  // (id, loose key) and (id, text).
  using Key = std::pair<std::string, std::string>;
  std::set<Key> terms;
  for (const nlohmann::json& row : SearchData()["terms"])
    terms.insert(Key(Text(row[2]), Text(row[3])));
  std::set<Key> shipped = terms;
  std::set<Key> spellings;
  for (const nlohmann::json& row : SearchData()["forms"]) {
    INFO(row.dump());
    CHECK(row[2] == KeysOf(row[0].get<std::string>(), "de").loose);
    CHECK(terms.count(Key(Text(row[1]), Text(row[2]))) ==
          0);  // a term finds it already
    CHECK(spellings.insert(Key(Text(row[1]), Text(row[0])))
              .second);  // each spelling once
    shipped.insert(Key(Text(row[1]), Text(row[2])));
  }
  for (const auto& form : printed) {
    INFO(form.first << " " << form.second);
    CHECK(shipped.count(form) == 1);
  }
}

TEST_CASE("search data holds every sentence of the report with its locator",
          "[site][search]") {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  std::vector<EditionUnit> units = EditionUnits(*built_in.index);
  const nlohmann::json& sentences = SearchData()["sentences"];
  REQUIRE(sentences.size() == units.size());
  const std::string& report = built_in.site.at("index.html");
  for (std::size_t i = 0; i < units.size(); ++i) {
    INFO(units[i].id);
    CHECK(sentences[i][0] == units[i].id);
    CHECK(sentences[i][6] == units[i].source);
    const std::string anchor = sentences[i][1];
    if (!anchor.empty())
      CHECK(report.find(" id=\"" + anchor + "\"") != std::string::npos);
  }
  // „Ampel“, a word of the report that is no term, in its one sentence.
  nlohmann::json ampel;
  for (const nlohmann::json& row : sentences)
    if (row[6].get<std::string>().find("Ampel") != std::string::npos)
      ampel.push_back(row);
  CHECK(ampel.dump() ==
        R"([["s3.2.p6.s2","s3.2.p6","section","3.2",0,14,)"
        R"("Wer zum Beispiel bei Rot über die Ampel geht, bekommt Punkte )"
        R"(abgezogen; für „gutes“ Verhalten wie ehrenamtliches Engagement )"
        R"(gibt es Pluspunkte."]])");
}

TEST_CASE("search data shows each entry by its headline and its meanings",
          "[site][search]") {
  const Glossary& glossary = testing::BuiltIn().glossary;
  const nlohmann::json& entries = SearchData()["entries"];
  REQUIRE(entries.size() == glossary.concepts.size());
  for (const Concept& entry : glossary.concepts) {
    INFO(entry.id);
    const nlohmann::json& item = entries[entry.id];
    std::string joined;
    for (const nlohmann::json& run : item["head"])
      joined += (joined.empty() ? "" : " ") + run[0].get<std::string>();
    CHECK(joined == Headline(entry));
    CHECK(item["de"][0] == DisplayTerm(entry, "de"));
    CHECK(item["en"][0] == DisplayTerm(entry, "en"));
  }
  const nlohmann::json& blacklist = entries["heimingdan"];
  CHECK(blacklist["url"] == "entries/heimingdan.html");
  CHECK(blacklist["head"].dump() ==
        R"([["黑名单","zh-Hans"],["黑名單","zh-Hant"],)"
        R"(["hēimíngdān","zh-Latn-pinyin"]])");
  CHECK(blacklist["de"][0] == "schwarze Liste");
  CHECK(blacklist["en"][0] == "blacklist");
  // A gloss is the definition's first sentence, cut at a word to at most
  // 120 columns.
  CHECK(blacklist["de"][1] ==
        "Von einer Behörde oder einem Gericht geführte und meist "
        "veröffentlichte Liste von Personen und Unternehmen, die gegen…");
}

TEST_CASE("data.js keeps the popups' data; search has its own file",
          "[site][search]") {
  const std::map<std::string, std::string>& site = testing::BuiltIn().site;
  nlohmann::json data = ScriptData(site.at("assets/data.js"), "GLOSSA_DATA");
  std::vector<std::string> keys;
  for (const auto& [key, value] : data.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"entries"});
  std::vector<std::string> search_keys;
  for (const auto& [key, value] : SearchData().items())
    search_keys.push_back(key);
  // nlohmann::json (not ordered) lists keys sorted.
  CHECK(search_keys == std::vector<std::string>{"entries", "forms", "lang",
                                                "sentences", "simplified",
                                                "terms"});
  CHECK(SearchData()["lang"] == "de");
  CHECK(SearchData()["simplified"]["徵"] == "征");
}

TEST_CASE("a data script cannot end a script element", "[site][search]") {
  CHECK(site::DataScript("GLOSSA_DATA", R"({"a":"</script><b>"})") ==
        "window.GLOSSA_DATA = {\"a\":\"\\u003c/script>\\u003cb>\"};\n");
}

}  // namespace
}  // namespace glossa
