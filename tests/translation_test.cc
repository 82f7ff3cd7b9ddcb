#include "core/translation.h"

#include <catch2/catch.hpp>
#include <map>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/bilingual.h"
#include "core/xliff_export.h"
#include "test_support.h"

namespace glossa {
namespace {

const EditionIndex& Edition() { return *testing::BuiltIn().index; }

// The edition's XLIFF for `target_lang` with the targets given, by unit id,
// as a translator's tool would write them.
std::string Translated(const std::string& target_lang,
                       const std::map<std::string, std::string>& targets) {
  pugi::xml_document doc;
  std::string xml = WriteXliff(Edition(), target_lang);
  REQUIRE(doc.load_string(xml.c_str()));
  std::size_t filled = 0;
  for (pugi::xml_node unit :
       doc.child("xliff").child("file").child("body").children("trans-unit")) {
    auto target = targets.find(unit.attribute("id").value());
    if (target == targets.end()) continue;
    unit.insert_child_after("target", unit.child("source"))
        .text()
        .set(target->second.c_str());
    ++filled;
  }
  REQUIRE(filled == targets.size());
  std::ostringstream out;
  doc.save(out, "  ");
  return out.str();
}

std::size_t UnitIndex(const std::vector<EditionUnit>& units,
                      const std::string& id) {
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].id == id) return i;
  }
  FAIL("no unit " << id);
  return 0;
}

std::size_t UnitIndex(const Translation& translation, const std::string& id) {
  return UnitIndex(translation.units, id);
}

std::string EntryId(const FoundTerm& term) {
  return Edition().glossary().concepts[term.entry].id;
}

TEST_CASE("the edition's units are the XLIFF export's trans-units",
          "[translation]") {
  std::vector<EditionUnit> units = EditionUnits(Edition());
  BilingualFile file;
  Diagnostics diags;
  REQUIRE(ReadBilingual(WriteXliff(Edition(), "en"), "report.xlf", "", diags,
                        &file));
  REQUIRE(file.segments.size() == units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    CHECK(file.segments[i].id == units[i].id);
    CHECK(file.segments[i].source == units[i].source);
  }
  const EditionUnit& dateninseln =
      units[UnitIndex(Translation{"", "", units, {}, 0, {}}, "s2.3.p1.s3")];
  CHECK(dateninseln.source.rfind("Sie beschäftigen sich zum Beispiel", 0) == 0);
  CHECK(FormatLocator(dateninseln.locator) == "§2.3, p. 7");
  CHECK(Edition().blocks()[dateninseln.block].locator.node == "s2.3.p1");
  CHECK(std::string_view(Edition().blocks()[dateninseln.block].text)
            .substr(dateninseln.begin, dateninseln.end - dateninseln.begin) ==
        dateninseln.source);
}

TEST_CASE("a translated XLIFF lands on the edition's sentences",
          "[translation]") {
  std::string xml = Translated(
      "en",
      {{"kf.1.s1",
        "China's Social Credit System is an ambitious initiative built on "
        "big data."},
       {"kf.1.s2",
        "The state wants to pool data on citizens and companies, give them a "
        "social credit score and steer behaviour through rewards and "
        "punishments."}});
  Translation translation;
  Diagnostics diags;
  REQUIRE(
      ReadTranslation(Edition(), xml, "report.en.xlf", diags, &translation));
  CHECK(testing::Messages(diags).empty());
  CHECK(translation.target_lang == "en");
  CHECK(translation.translated_units == 2);
  CHECK(translation.units.size() == EditionUnits(Edition()).size());
  const TranslatedUnit& first =
      translation.translated[UnitIndex(translation, "kf.1.s1")];
  CHECK(first.target ==
        "China's Social Credit System is an ambitious initiative built on big "
        "data.");
  REQUIRE(first.terms.size() == 2);
  CHECK(EntryId(first.terms[0]) == "shehui-xinyong-tixi");
  CHECK(first.target.substr(first.terms[0].begin,
                            first.terms[0].end - first.terms[0].begin) ==
        "Social Credit System");
  CHECK_FALSE(first.terms[0].deprecated);

  // The planted deprecated rendering: one finding, placed on its unit, its
  // bytes in the target; and in the block's joined text.
  std::size_t second = UnitIndex(translation, "kf.1.s2");
  const TranslatedUnit& unit = translation.translated[second];
  std::vector<const QaProblem*> deprecated;
  for (std::size_t p : unit.problems) {
    if (translation.qa.problems[p].kind == QaKind::kDeprecated)
      deprecated.push_back(&translation.qa.problems[p]);
  }
  REQUIRE(deprecated.size() == 1);
  CHECK(deprecated[0]->segment == "kf.1.s2");
  CHECK(deprecated[0]->entry == "xinyong-fen");
  CHECK(unit.target.substr(
            deprecated[0]->found_begin,
            deprecated[0]->found_end - deprecated[0]->found_begin) ==
        "social credit score");
  BlockTranslation block =
      TranslationOf(translation, translation.units[second].block);
  CHECK(block.units == 2);
  REQUIRE(block.parts.size() == 2);
  CHECK(block.text == first.target + " " + unit.target);
  CHECK(block.parts[1].begin == first.target.size() + 1);
  REQUIRE(block.marks.size() == 1);
  CHECK(block.text.substr(block.marks[0].begin,
                          block.marks[0].end - block.marks[0].begin) ==
        "social credit score");
  bool deprecated_term = false;
  for (const FoundTerm& term : block.terms) {
    if (term.deprecated)
      deprecated_term = block.text.substr(term.begin, term.end - term.begin) ==
                        "social credit score";
  }
  CHECK(deprecated_term);
}

TEST_CASE("a Chinese translation joins a block's sentences without a space",
          "[translation]") {
  std::string xml = Translated(
      "zh-CN", {{"kf.1.s1",
                 "中国的社会信用体系是一项雄心勃勃的、"
                 "以大数据为基础的举措。"},
                {"kf.1.s2", "国家要建立公民和企业数据的中央数据库。"}});
  Translation translation;
  Diagnostics diags;
  REQUIRE(
      ReadTranslation(Edition(), xml, "report.zh.xlf", diags, &translation));
  BlockTranslation block = TranslationOf(
      translation, translation.units[UnitIndex(translation, "kf.1.s1")].block);
  CHECK(block.text ==
        "中国的社会信用体系是一项雄心勃勃的、以大数据为基础的举措。"
        "国家要建立公民和企业数据的中央数据库。");
  REQUIRE_FALSE(block.terms.empty());
  CHECK(EntryId(block.terms[0]) == "shehui-xinyong-tixi");
  CHECK(block.text.substr(block.terms[0].begin,
                          block.terms[0].end - block.terms[0].begin) ==
        "社会信用体系");
}

TEST_CASE("a unit the edition lacks and a changed source are warnings",
          "[translation]") {
  std::string xml = Translated("en", {{"kf.1.s1", "China's system."}});
  std::string unknown =
      "<trans-unit id=\"s9.p1.s1\"><source>Neu.</source>"
      "<target>New.</target></trans-unit>";
  xml.insert(xml.find("<trans-unit"), unknown);
  std::string changed =
      "Chinas gesellschaftliches Bonitätssystem ist eine "
      "ehrgeizige Big-Data-gestützte Initiative.";
  xml.replace(xml.find(changed), changed.size(), "Chinas System.");
  Translation translation;
  Diagnostics diags;
  REQUIRE(ReadTranslation(Edition(), xml, "old.xlf", diags, &translation));
  std::vector<std::string> messages = testing::Messages(diags);
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].rfind("old.xlf:", 0) == 0);
  CHECK(messages[0].find(": warning: unit 's9.p1.s1' is not a sentence of "
                         "the edition; its translation is left out") !=
        std::string::npos);
  CHECK(messages[1].find(": warning: the source of unit 'kf.1.s1' is not "
                         "the edition's sentence (did the edition change "
                         "since the export?); the edition has: " +
                         changed) != std::string::npos);
  CHECK(translation.translated_units == 1);
}

TEST_CASE("a unit that appears twice is used once", "[translation]") {
  std::string xml = Translated(
      "en",
      {{"kf.1.s2", "The state wants to give them a social credit score."}});
  std::size_t unit = xml.find("<trans-unit id=\"kf.1.s2\"");
  std::size_t end = xml.find("</trans-unit>", unit) + 13;
  std::string twice = xml.substr(unit, end - unit);
  std::string target = "give them a social credit score";
  twice.replace(twice.find(target), target.size(), "score them");
  xml.insert(end, twice);
  Translation translation;
  Diagnostics diags;
  REQUIRE(ReadTranslation(Edition(), xml, "twice.xlf", diags, &translation));
  std::vector<std::string> messages = testing::Messages(diags);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].find(": warning: unit 'kf.1.s2' appears more than once; "
                         "the first is used") != std::string::npos);
  std::size_t index = UnitIndex(translation, "kf.1.s2");
  CHECK(translation.translated[index].target ==
        "The state wants to give them a social credit score.");
  // The findings are the first unit's, placed in its text.
  BlockTranslation block =
      TranslationOf(translation, translation.units[index].block);
  REQUIRE(block.marks.size() == 1);
  CHECK(block.text.substr(block.marks[0].begin,
                          block.marks[0].end - block.marks[0].begin) ==
        "social credit score");
}

TEST_CASE("a translation that is not of the edition is refused",
          "[translation]") {
  Translation translation;
  SECTION("another format") {
    Diagnostics diags;
    CHECK_FALSE(ReadTranslation(Edition(),
                                "msgid \"\"\nmsgstr \"Language: de\\n\"\n",
                                "x.po", diags, &translation));
    CHECK(testing::Messages(diags) ==
          std::vector<std::string>{
              "x.po: error: a translation of the report is read from XLIFF "
              "(as glossa export --format xliff writes it), not from po"});
  }
  SECTION("units of another document") {
    Diagnostics diags;
    std::string xml =
        testing::ReadShared("data/qa/xliff12/symfony-validators.de.xlf");
    CHECK_FALSE(
        ReadTranslation(Edition(), xml, "validators.xlf", diags, &translation));
    std::vector<std::string> messages = testing::Messages(diags);
    REQUIRE_FALSE(messages.empty());
    CHECK(messages.back().rfind("validators.xlf: error: none of the file's ",
                                0) == 0);
    CHECK(messages.back().find(" units is a sentence of the edition") !=
          std::string::npos);
  }
  SECTION("a target language the glossary does not hold") {
    Diagnostics diags;
    CHECK_FALSE(ReadTranslation(Edition(),
                                Translated("fr", {{"kf.1.s1", "La Chine."}}),
                                "report.fr.xlf", diags, &translation));
    CHECK(testing::Messages(diags) ==
          std::vector<std::string>{
              "report.fr.xlf: error: the glossary has no terms in 'fr' (the "
              "file's target language)"});
  }
}

}  // namespace
}  // namespace glossa
