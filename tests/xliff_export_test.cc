#include "core/xliff_export.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/bilingual.h"
#include "core/file_io.h"
#include "core/glossary.h"
#include "core/passages.h"
#include "core/translation.h"
#include "test_support.h"

namespace glossa {
namespace {

// The number of sentences of the built-in edition, counted from its blocks
// as passages cut them.
std::size_t SentenceCount(const EditionIndex& edition) {
  std::size_t count = 0;
  for (const EditionBlock& block : edition.blocks())
    count += Sentences(block.text, "de").size();
  return count;
}

// Writes `contents` to a new temporary file named `name`; returns its path.
std::string TempFile(const std::string& name, const std::string& contents) {
  std::string path = testing::MakeTempDir() + "/" + name;
  std::string error;
  REQUIRE(WriteFileAtomically(path, contents, &error));
  return path;
}

TEST_CASE("translate-toolkit reads one unit per sentence of the edition",
          "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  std::string path = TempFile("report.xlf", WriteXliff(edition, "en"));
  std::string output;
  if (testing::RunCommand(
          "/usr/bin/python3 -c 'import translate.storage.xliff' 2>&1",
          &output) != 0) {
    WARN("skipped: translate-toolkit is not installed: " << output);
    return;
  }
  // What translate-toolkit reads: the units, how many are translated (none),
  // the target language, and the unit of the sentence with „Dateninseln“,
  // found by its location (its id) with its source, note and locator.
  std::string script =
      "import sys\n"
      "from translate.storage import xliff\n"
      "store = xliff.xlifffile.parsefile(sys.argv[1])\n"
      "units = [u for u in store.units if not u.isheader()]\n"
      "print(len(units))\n"
      "print(sum(1 for u in units if u.istranslated()))\n"
      "print(store.gettargetlanguage())\n"
      "u = [u for u in units if u.getlocations() == ['s2.3.p1.s3']][0]\n"
      "print(u.source)\n"
      "print(u.getnotes())\n"
      "print(u.getcontextgroups('locator'))\n";
  std::string script_path = TempFile("read.py", script);
  int status = testing::RunCommand(
      "/usr/bin/python3 " + script_path + " " + path + " 2>&1", &output);
  INFO(output);
  REQUIRE(status == 0);
  CHECK(output == std::to_string(SentenceCount(edition)) + "\n" + "0\n" +
                      "en\n"
                      "Sie beschäftigen sich zum Beispiel damit, dass die "
                      "fehlende zwischenbehördliche Kooperation zum Entstehen "
                      "von „Dateninseln“ (信息孤岛) führt, was die Auswertung "
                      "von Informationen erschwert.\n"
                      "Dateninseln / 信息孤岛 → information islands\n"
                      "[[('x-glossa-locator', '§2.3, p. 7')]]\n");
}

TEST_CASE("a sentence's unit holds its text, locator and glossary terms",
          "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  pugi::xml_document doc;
  std::string xml = WriteXliff(edition, "zh-CN");
  REQUIRE(doc.load_string(xml.c_str()));
  pugi::xml_node file = doc.child("xliff").child("file");
  CHECK(std::string(doc.child("xliff").attribute("xmlns").value()) ==
        "urn:oasis:names:tc:xliff:document:1.2");
  CHECK(std::string(file.attribute("original").value()) ==
        "merics-2017-de.tei.xml");
  CHECK(std::string(file.attribute("source-language").value()) == "de");
  CHECK(std::string(file.attribute("target-language").value()) == "zh-CN");
  pugi::xml_node unit = file.child("body").find_child_by_attribute(
      "trans-unit", "id", "s2.3.p1.s3");
  REQUIRE(unit);
  CHECK(std::string(unit.child("source").attribute("xml:space").value()) ==
        "preserve");
  CHECK(std::string(unit.child_value("source")) ==
        "Sie beschäftigen sich zum Beispiel damit, dass die fehlende "
        "zwischenbehördliche Kooperation zum Entstehen von „Dateninseln“ "
        "(信息孤岛) führt, was die Auswertung von Informationen erschwert.");
  CHECK(std::string(unit.child("note").attribute("from").value()) == "glossa");
  CHECK(std::string(unit.child_value("note")) ==
        "Dateninseln / 信息孤岛 → 信息孤岛");
  CHECK(std::string(unit.child("context-group").child_value("context")) ==
        "§2.3, p. 7");
  CHECK_FALSE(unit.child("target"));
  // A footnote is a unit of its own.
  CHECK(file.child("body").find_child_by_attribute("trans-unit", "id",
                                                   "fn13.s1"));
}

TEST_CASE("unit ids are unique and name a block of the edition",
          "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  std::set<std::string> blocks;
  for (const EditionBlock& block : edition.blocks()) {
    REQUIRE_FALSE(block.locator.node.empty());
    blocks.insert(block.locator.node);
  }
  pugi::xml_document doc;
  std::string xml = WriteXliff(edition, "en");
  REQUIRE(doc.load_string(xml.c_str()));
  std::set<std::string> ids;
  std::size_t units = 0;
  for (pugi::xml_node unit :
       doc.child("xliff").child("file").child("body").children("trans-unit")) {
    std::string id = unit.attribute("id").value();
    ++units;
    CHECK(ids.insert(id).second);
    std::size_t dot = id.rfind(".s");
    REQUIRE(dot != std::string::npos);
    CHECK(blocks.count(id.substr(0, dot)) == 1);
  }
  CHECK(units == SentenceCount(edition));
}

// The <unit> named `id` of an XLIFF 2.0 document.
pugi::xml_node Unit2(const pugi::xml_document& doc, const char* id) {
  return doc.child("xliff").child("file").find_child_by_attribute("unit", "id",
                                                                  id);
}

// A unit's glossary module as a translator's tool shows it: each
// <gls:glossEntry> as "term → translation", "term → " when it has none.
std::vector<std::string> GlossEntries(pugi::xml_node unit) {
  std::vector<std::string> out;
  for (pugi::xml_node entry :
       unit.child("gls:glossary").children("gls:glossEntry")) {
    out.push_back(std::string(entry.child_value("gls:term")) + " → " +
                  entry.child_value("gls:translation"));
  }
  return out;
}

// The names of an element's child elements, in order.
std::vector<std::string> ChildNames(pugi::xml_node node) {
  std::vector<std::string> out;
  for (pugi::xml_node child : node.children()) out.push_back(child.name());
  return out;
}

const char kDateninselnSentence[] =
    "Sie beschäftigen sich zum Beispiel damit, dass die fehlende "
    "zwischenbehördliche Kooperation zum Entstehen von „Dateninseln“ "
    "(信息孤岛) führt, was die Auswertung von Informationen erschwert.";

TEST_CASE("glossa reads the XLIFF 2.0 export as one segment per sentence",
          "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  Diagnostics diags;
  BilingualFile file;
  REQUIRE(ReadBilingual(WriteXliff2(edition, "en"), "report.xlf", "", diags,
                        &file));
  CHECK(testing::Messages(diags).empty());
  CHECK(file.format == "xliff-2.0");
  CHECK(file.source_lang == "de");
  CHECK(file.target_lang == "en");
  std::vector<EditionUnit> units = EditionUnits(edition);
  REQUIRE(file.segments.size() == units.size());
  CHECK(units.size() == SentenceCount(edition));
  for (std::size_t i = 0; i < units.size(); ++i) {
    INFO(units[i].id);
    CHECK(file.segments[i].id == units[i].id + "/1");
    CHECK(file.segments[i].source == units[i].source);
    CHECK(file.segments[i].skipped == SkipReason::kUntranslated);
  }
  auto segment =
      std::find_if(file.segments.begin(), file.segments.end(),
                   [](const Segment& s) { return s.id == "s2.3.p1.s3/1"; });
  REQUIRE(segment != file.segments.end());
  CHECK(segment->source == kDateninselnSentence);
}

TEST_CASE(
    "an XLIFF 2.0 unit holds the sentence's glossary entries, locator "
    "and text, in the order the schema requires",
    "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  pugi::xml_document doc;
  std::string xml = WriteXliff2(edition, "en");
  REQUIRE(doc.load_string(xml.c_str()));
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  pugi::xml_node unit = Unit2(doc, "s2.3.p1.s3");
  pugi::xml_node xliff = doc.child("xliff");
  CHECK(std::string(xliff.attribute("xmlns").value()) ==
        "urn:oasis:names:tc:xliff:document:2.0");
  CHECK(std::string(xliff.attribute("xmlns:gls").value()) ==
        "urn:oasis:names:tc:xliff:glossary:2.0");
  CHECK(std::string(xliff.attribute("version").value()) == "2.0");
  CHECK(std::string(xliff.attribute("srcLang").value()) == "de");
  CHECK(std::string(xliff.attribute("trgLang").value()) == "en");
  CHECK(std::string(xliff.child("file").attribute("id").value()) == "f1");
  CHECK(std::string(xliff.child("file").attribute("original").value()) ==
        "merics-2017-de.tei.xml");
  REQUIRE(unit);
  CHECK(ChildNames(unit) ==
        std::vector<std::string>{"gls:glossary", "notes", "segment"});
  // One glossEntry per form the sentence prints: a glossEntry holds one term.
  CHECK(GlossEntries(unit) ==
        std::vector<std::string>{"Dateninseln → information islands",
                                 "信息孤岛 → information islands"});
  const Concept& islands = *std::find_if(
      edition.glossary().concepts.begin(), edition.glossary().concepts.end(),
      [](const Concept& c) { return c.id == "xinxi-gudao"; });
  std::string definition =
      CollapseSpace(islands.Language("en")->definitions.front().text);
  CHECK(definition.rfind("Databases or information systems, usually run by "
                         "separate government departments",
                         0) == 0);
  for (pugi::xml_node entry :
       unit.child("gls:glossary").children("gls:glossEntry")) {
    CHECK(ChildNames(entry) == std::vector<std::string>{"gls:term",
                                                        "gls:translation",
                                                        "gls:definition"});
    CHECK(entry.child_value("gls:definition") == definition);
  }
  pugi::xml_node note = unit.child("notes").child("note");
  CHECK(std::string(note.attribute("category").value()) == "location");
  CHECK(std::string(note.child_value()) == "§2.3, p. 7");
  pugi::xml_node segment = unit.child("segment");
  CHECK_FALSE(segment.attribute("id"));
  CHECK(ChildNames(segment) == std::vector<std::string>{"source"});
  CHECK(std::string(segment.child("source").attribute("xml:space").value()) ==
        "preserve");
  CHECK(std::string(segment.child_value("source")) == kDateninselnSentence);
  // A sentence without glossary terms has no glossary module.
  pugi::xml_node title = Unit2(doc, "kf.s1");
  CHECK(ChildNames(title) == std::vector<std::string>{"notes", "segment"});
}

TEST_CASE("XLIFF 2.0 for zh-CN gives the glossary entries' Chinese terms",
          "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  pugi::xml_document doc;
  std::string xml = WriteXliff2(edition, "zh-CN");
  REQUIRE(doc.load_string(xml.c_str()));
  CHECK(GlossEntries(Unit2(doc, "s2.3.p1.s3")) ==
        std::vector<std::string>{"Dateninseln → 信息孤岛",
                                 "信息孤岛 → 信息孤岛"});
  pugi::xml_node unit = Unit2(doc, "kf.1.s1");
  CHECK(GlossEntries(unit) ==
        std::vector<std::string>{
            "gesellschaftliches Bonitätssystem → 社会信用体系",
            "Big-Data-gestützte → 大数据"});
  // The glossary defines its entries in German and English only.
  CHECK_FALSE(unit.child("gls:glossary")
                  .child("gls:glossEntry")
                  .child("gls:definition"));
  CHECK(std::string(doc.child("xliff").attribute("trgLang").value()) ==
        "zh-CN");
}

TEST_CASE(
    "XLIFF 2.0 leaves out an entry with neither a term nor a definition "
    "in the target language",
    "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  pugi::xml_document doc;
  std::string xml = WriteXliff2(edition, "fr");
  REQUIRE(doc.load_string(xml.c_str()));
  // XLIFF 1.2's note says "(no fr term)"; the glossary module requires a
  // translation or a definition in a glossEntry, so there is none.
  CHECK(ChildNames(Unit2(doc, "s2.3.p1.s3")) ==
        std::vector<std::string>{"notes", "segment"});
  CHECK(xml.find("gls:glossEntry") == std::string::npos);
}

// The glossary entries of a 1.2 note as the 2.0 glossary module writes
// them: "A / B → x; C → y" gives "A → x", "B → x", "C → y".
std::vector<std::string> NoteAsGlossEntries(const std::string& note) {
  std::vector<std::string> out;
  std::istringstream entries(note);
  for (std::string entry; std::getline(entries, entry, ';');) {
    std::size_t arrow = entry.find(" → ");
    std::string target = entry.substr(arrow + std::string(" → ").size());
    std::istringstream forms(entry.substr(0, arrow));
    for (std::string form; std::getline(forms, form, '/');) {
      form.erase(0, form.find_first_not_of(' '));
      form.erase(form.find_last_not_of(' ') + 1);
      out.push_back(form + " → " + target);
    }
  }
  return out;
}

TEST_CASE(
    "XLIFF 1.2's note and XLIFF 2.0's glossary module name the same "
    "entries with the same renderings",
    "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  pugi::xml_document doc12;
  pugi::xml_document doc20;
  std::string xml12 = WriteXliff(edition, "en");
  std::string xml20 = WriteXliff2(edition, "en");
  REQUIRE(doc12.load_string(xml12.c_str()));
  REQUIRE(doc20.load_string(xml20.c_str()));
  pugi::xml_node unit20 = doc20.child("xliff").child("file").child("unit");
  std::size_t with_terms = 0;
  for (pugi::xml_node unit12 :
       doc12.child("xliff").child("file").child("body").children(
           "trans-unit")) {
    INFO(unit12.attribute("id").value());
    REQUIRE(std::string(unit12.attribute("id").value()) ==
            unit20.attribute("id").value());
    std::vector<std::string> entries = GlossEntries(unit20);
    CHECK(entries == NoteAsGlossEntries(unit12.child_value("note")));
    if (!entries.empty()) ++with_terms;
    unit20 = unit20.next_sibling("unit");
  }
  CHECK_FALSE(unit20);
  CHECK(with_terms == 241);  // changes with the glossary
}

// What a translator's tool does to the unit `id` of an XLIFF 2.0 document:
// a <target> after the segment's <source>, and the segment's state.
void AddTarget(pugi::xml_document& doc, const char* id,
               const std::string& target) {
  pugi::xml_node segment = Unit2(doc, id).child("segment");
  REQUIRE(segment);
  segment.append_attribute("state") = "translated";
  pugi::xml_node node = segment.append_child("target");
  node.append_attribute("xml:space") = "preserve";
  node.text().set(target.c_str());
}

// The translated units of `translation`, by unit id.
std::map<std::string, const TranslatedUnit*> TranslatedById(
    const Translation& translation) {
  std::map<std::string, const TranslatedUnit*> out;
  for (std::size_t i = 0; i < translation.units.size(); ++i) {
    if (!translation.translated[i].target.empty())
      out[translation.units[i].id] = &translation.translated[i];
  }
  return out;
}

TEST_CASE("a translated XLIFF 2.0 export reads back onto the edition's units",
          "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  pugi::xml_document doc;
  std::string exported = WriteXliff2(edition, "en");
  REQUIRE(doc.load_string(exported.c_str()));
  const std::string islands =
      "For example, they deal with the fact that the lack of cooperation "
      "between authorities creates “information islands” (信息孤岛), which "
      "makes it harder to evaluate information.";
  const std::string score =
      "A consistent application of the existing rules and their extension to "
      "further offences are likely to have serious effects, even if the idea "
      "of an all-encompassing social credit score does not prevail.";
  AddTarget(doc, "s2.3.p1.s3", islands);
  AddTarget(doc, "s4.p3.s2", score);  // "Bürgerscores": 信用评分
  AddTarget(doc, "kf.s1", "KEY FINDINGS AND CONCLUSIONS");
  std::ostringstream bytes;
  doc.save(bytes);

  Diagnostics diags;
  Translation translation;
  REQUIRE(ReadTranslation(edition, bytes.str(), "report.en.xlf", diags,
                          &translation));
  CHECK(testing::Messages(diags).empty());
  CHECK(translation.target_lang == "en");
  CHECK(translation.translated_units == 3);
  std::map<std::string, const TranslatedUnit*> by_id =
      TranslatedById(translation);
  REQUIRE(by_id.size() == 3);
  REQUIRE(by_id.count("s2.3.p1.s3") == 1);
  REQUIRE(by_id.count("s4.p3.s2") == 1);
  REQUIRE(by_id.count("kf.s1") == 1);
  CHECK(by_id["s2.3.p1.s3"]->target == islands);
  CHECK(by_id["s4.p3.s2"]->target == score);
  CHECK(by_id["kf.s1"]->target == "KEY FINDINGS AND CONCLUSIONS");

  // The preferred rendering is found, and nothing is wrong with it.
  std::vector<std::string> found;
  for (const FoundTerm& term : by_id["s2.3.p1.s3"]->terms) {
    found.push_back(edition.glossary().concepts[term.entry].id + " " +
                    islands.substr(term.begin, term.end - term.begin));
  }
  CHECK(found == std::vector<std::string>{"xinxi-gudao information islands"});
  CHECK(by_id["s2.3.p1.s3"]->problems.empty());

  // The deprecated one is a problem of its unit, pointing at its words.
  REQUIRE(by_id["s4.p3.s2"]->problems.size() == 1);
  const QaProblem& problem =
      translation.qa.problems[by_id["s4.p3.s2"]->problems[0]];
  CHECK(problem.kind == QaKind::kDeprecated);
  CHECK(problem.segment == "s4.p3.s2");
  CHECK(problem.entry == "xinyong-fen");
  CHECK(score.substr(problem.found_begin,
                     problem.found_end - problem.found_begin) ==
        "social credit score");
}

TEST_CASE("the XLIFF 1.2 and 2.0 are well-formed for xmllint",
          "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  std::string output;
  if (testing::RunCommand("xmllint --version 2>&1", &output) != 0) {
    WARN("skipped: xmllint is not installed");
    return;
  }
  // No XLIFF schema (xliff-core-1.2-strict.xsd, xliff_core_2.0.xsd) is
  // installed on Debian 12 and tests download nothing: well-formedness is
  // what is checked here; translate-toolkit reads the 1.2 above, and a
  // one-off validation of the 2.0 against OASIS's xliff_core_2.0.xsd and
  // modules/glossary.xsd passed (README).
  for (const std::string& xml :
       {WriteXliff(edition, "en"), WriteXliff2(edition, "en")}) {
    std::string path = TempFile("report.xlf", xml);
    CHECK(testing::RunCommand("xmllint --noout " + path + " 2>&1", &output) ==
          0);
    CHECK(output.empty());
  }
}

}  // namespace
}  // namespace glossa
