#include "core/xliff_export.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "core/passages.h"
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

TEST_CASE("the XLIFF is well-formed for xmllint", "[export][xliff]") {
  const EditionIndex& edition = *testing::BuiltIn().index;
  std::string path = TempFile("report.xlf", WriteXliff(edition, "en"));
  std::string output;
  if (testing::RunCommand("xmllint --version 2>&1", &output) != 0) {
    WARN("skipped: xmllint is not installed");
    return;
  }
  // No XLIFF 1.2 schema (xliff-core-1.2-strict.xsd) is installed on Debian
  // 12 with translate-toolkit or OmegaT, so well-formedness is what is
  // checked here; translate-toolkit reading it is the test above.
  CHECK(testing::RunCommand("xmllint --noout " + path + " 2>&1", &output) == 0);
  CHECK(output.empty());
}

}  // namespace
}  // namespace glossa
