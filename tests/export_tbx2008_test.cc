#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/export.h"
#include "core/file_io.h"
#include "core/tbx2008_writer.h"
#include "core/tbx_reader.h"
#include "core/tbx_writer.h"
#include "test_support.h"

namespace glossa {
namespace {

const Glossary& BuiltIn() { return testing::BuiltInGlossary(); }

// The export written to a fresh folder as glossary.tbx, beside a link to
// the built-in glossary's sources/ folder, so that its relative links
// resolve as they do beside the glossary.
std::string WriteExport(const std::string& contents) {
  std::string dir = testing::MakeTempDir();
  std::filesystem::create_directory_symlink(testing::DataDir() + "/sources",
                                            dir + "/sources");
  std::string path = dir + "/glossary.tbx";
  std::string error;
  REQUIRE(WriteFileAtomically(path, contents, &error));
  return path;
}

// The lines of `text` that contain `needle`.
std::vector<std::string> LinesWith(const std::string& text,
                                   const std::string& needle) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(needle) != std::string::npos) out.push_back(line);
  }
  return out;
}

std::string Validate(const std::string& path, int* status) {
  std::string schema =
      testing::SharedPath("data/tbx/lisa-tbx-basic-2009/TBXBasicRNGV02.rng");
  testing::ReadOrFail(schema);
  std::string printed;
  *status = testing::RunCommand(
      "xmllint --noout --relaxng '" + schema + "' '" + path + "'", &printed);
  return printed;
}

TEST_CASE("the TBX 2008 export validates against LISA's TBX-Basic schema",
          "[export][tbx2008]") {
  ExportOptions everything;
  ExportOptions german_english;
  german_english.languages = {"de", "en"};
  ExportOptions script;
  script.chinese_tags = ExportOptions::ChineseTags::kScript;
  for (const ExportOptions* options : {&everything, &german_english, &script}) {
    std::string path = WriteExport(WriteTbx2008(BuiltIn(), *options));
    int status = 0;
    std::string printed = Validate(path, &status);
    INFO(printed);
    CHECK(status == 0);
    CHECK(printed.find(path + " validates") != std::string::npos);
  }
}

TEST_CASE("glossa check finds no error in the TBX 2008 export",
          "[export][tbx2008]") {
  std::string path = WriteExport(WriteTbx2008(BuiltIn(), {}));
  testing::RunResult result = testing::RunGlossa({"check", path});
  INFO(result.out << result.err);
  std::vector<std::string> summary = LinesWith(result.out, "glossary.tbx: ");
  REQUIRE(summary.size() == 1);
  CHECK(summary[0].find(": 157 entries, 0 errors, 0 warnings") !=
        std::string::npos);
}

TEST_CASE("the TBX 2008 export tags Chinese for CAT tools, pinyin on the term",
          "[export][tbx2008]") {
  std::string region = WriteTbx2008(BuiltIn(), {});
  CHECK(LinesWith(region, "<langSet xml:lang=\"zh-CN\">").size() == 157);
  CHECK(LinesWith(region, "<langSet xml:lang=\"zh-TW\">").size() == 157);
  CHECK(LinesWith(region, "<langSet xml:lang=\"zh-Hans\">").empty());
  CHECK(LinesWith(region, "<langSet xml:lang=\"zh-Latn-pinyin\">").empty());
  // One reading per simplified term, on that term. (A note of the
  // glossary's own that begins "Pinyin: " has no mark and stays a note.)
  CHECK(
      LinesWith(region, "<note xml:lang=\"zh-Latn-pinyin\">Pinyin: ").size() ==
      257);
  std::string tig = region.substr(region.find("<term>社会信用</term>"));
  tig = tig.substr(0, tig.find("</tig>"));
  CHECK(LinesWith(tig, "Pinyin") ==
        std::vector<std::string>{
            "            <note xml:lang=\"zh-Latn-pinyin\">Pinyin: shèhuì "
            "xìnyòng</note>"});
  CHECK(LinesWith(tig, "<admin type=\"source\" xml:lang=\"zh-Latn-pinyin\">")
            .size() == 1);
  CHECK(LinesWith(tig, "<admin type=\"projectSubset\">report</admin>").size() ==
        1);

  ExportOptions script;
  script.chinese_tags = ExportOptions::ChineseTags::kScript;
  std::string scripts = WriteTbx2008(BuiltIn(), script);
  CHECK(LinesWith(scripts, "<langSet xml:lang=\"zh-Hans\">").size() == 157);
  CHECK(LinesWith(scripts, "<langSet xml:lang=\"zh-Hant\">").size() == 157);
  CHECK(LinesWith(scripts, "zh-CN").empty());
}

TEST_CASE("the TBX 2008 export keeps status, languages chosen, in their order",
          "[export][tbx2008]") {
  std::string all = WriteTbx2008(BuiltIn(), {});
  CHECK(LinesWith(all, "deprecatedTerm-admn-sts").size() ==
        LinesWith(WriteTbx(BuiltIn()), "deprecatedTerm-admn-sts").size());
  CHECK(LinesWith(all, "<admin type=\"projectSubset\">report</admin>").size() ==
        LinesWith(WriteTbx(BuiltIn()), ">report</admin>").size());

  ExportOptions german_english;
  german_english.languages = {"de", "en"};
  std::string two = WriteTbx2008(BuiltIn(), german_english);
  CHECK(LinesWith(two, "<langSet xml:lang=\"de\">").size() == 157);
  CHECK(LinesWith(two, "<langSet xml:lang=\"en\">").size() == 157);
  CHECK(LinesWith(two, "<langSet xml:lang=\"zh").empty());
  CHECK(LinesWith(two, "Pinyin: ").empty());
  // German first, as asked for.
  CHECK(two.find("<langSet xml:lang=\"de\">") <
        two.find("<langSet xml:lang=\"en\">"));
}

// Reading the export back and restoring glossa's conventions gives the
// glossary it came from. One difference cannot be undone: TBX 2008 requires
// fileDesc's parts in the order titleStmt, publicationStmt, sourceDesc, and
// the built-in glossary's header has publicationStmt first. So the header
// is compared line by line in any order, and the rest byte for byte.
TEST_CASE("the TBX 2008 export read back and restored loses nothing",
          "[export][tbx2008]") {
  std::string exported = WriteTbx2008(BuiltIn(), {});
  Diagnostics diags;
  Glossary read;
  REQUIRE(ReadTbx(exported, "export.tbx", diags, &read));
  CHECK(testing::Messages(diags) == std::vector<std::string>{});
  RestoreFromTbx2008(&read);
  std::string original = WriteTbx(BuiltIn());
  std::string restored = WriteTbx(read);
  std::size_t body = original.find("  <text>");
  REQUIRE(body != std::string::npos);
  CHECK(restored.substr(restored.find("  <text>")) == original.substr(body));
  auto header_lines = [](const std::string& xml) {
    std::vector<std::string> lines =
        LinesWith(xml.substr(0, xml.find("  <text>")), "");
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  CHECK(header_lines(restored) == header_lines(original));
}

TEST_CASE("RestoreFromTbx2008 gives readings their notes and sources back",
          "[export][tbx2008]") {
  Glossary glossary;
  Concept& entry = glossary.concepts.emplace_back();
  entry.id = "x";
  auto add = [&](const char* lang, const char* text) -> Term& {
    LangSection& section = entry.languages.emplace_back();
    section.lang = lang;
    Term& term = section.terms.emplace_back();
    term.text = text;
    return term;
  };
  add("zh-Hans", "海淀区").notes.push_back({"a note on the term", "", ""});
  add("zh-Hant", "海澱區");
  Term& reading = add("zh-Latn-pinyin", "Hǎidiàn Qū");
  reading.notes.push_back({"a note on the reading", "", ""});
  reading.sources.push_back("CC-CEDICT");
  add("en", "Haidian");

  std::string exported = WriteTbx2008(glossary, {});
  CHECK(LinesWith(exported, "xml:lang=\"zh-Latn-pinyin\"") ==
        std::vector<std::string>{
            "            <note xml:lang=\"zh-Latn-pinyin\">Pinyin: Hǎidiàn "
            "Qū</note>",
            "            <note xml:lang=\"zh-Latn-pinyin\">a note on the "
            "reading</note>",
            "            <admin type=\"source\" "
            "xml:lang=\"zh-Latn-pinyin\">CC-CEDICT</admin>"});
  Diagnostics diags;
  Glossary read;
  REQUIRE(ReadTbx(exported, "export.tbx", diags, &read));
  RestoreFromTbx2008(&read);
  CHECK(WriteTbx(read) == WriteTbx(glossary));
}

// OmegaT reads TBX 2008 only; it pairs every source-language term of an
// entry with every target-language term, whatever their status (it shows
// the termNotes, "deprecatedTerm-admn-sts" among them, in the comment).
std::vector<std::string> OmegaTPairs(const std::string& path,
                                     const std::string& source,
                                     const std::string& target,
                                     std::string* count, bool* skipped) {
  std::string printed;
  int status = testing::RunCommand(
      std::string(GLOSSA_SOURCE_DIR) + "/tests/omegat-probe.sh '" +
          testing::MakeTempDir() + "' tbx '" + path + "' " + source + " " +
          target + " 100000 2>&1",
      &printed);
  *skipped = status == 77;
  if (*skipped) return {};
  INFO(printed.substr(0, 2000));
  REQUIRE(status == 0);
  std::vector<std::string> pairs;
  std::istringstream lines(printed);
  std::string line;
  std::getline(lines, *count);
  while (std::getline(lines, line)) {
    std::size_t second_tab = line.find('\t', line.find('\t') + 1);
    pairs.push_back(line.substr(0, second_tab));
  }
  return pairs;
}

bool HasHan(const std::string& text) {
  // The CJK Unified Ideographs (U+4E00..U+9FFF) begin with the bytes
  // E4..E9 in UTF-8.
  for (unsigned char c : text) {
    if (c >= 0xE4 && c <= 0xE9) return true;
  }
  return false;
}

std::vector<std::string> PairsOf(const std::vector<std::string>& pairs,
                                 const std::string& source) {
  std::vector<std::string> out;
  for (const std::string& pair : pairs) {
    if (pair.rfind(source + "\t", 0) == 0) out.push_back(pair);
  }
  return out;
}

TEST_CASE("OmegaT reads the TBX 2008 export", "[export][tbx2008]") {
  std::string path = WriteExport(WriteTbx2008(BuiltIn(), {}));
  std::string count;
  bool skipped = false;
  std::vector<std::string> de_en =
      OmegaTPairs(path, "de", "en", &count, &skipped);
  if (skipped) {
    WARN("skipped: OmegaT is not installed (scripts/install-deps --test)");
    return;
  }
  WARN("OmegaT de -> en: " << count);
  CHECK(count == "entries: 775");
  CHECK(PairsOf(de_en, "Dateninseln") ==
        std::vector<std::string>{"Dateninseln\tinformation islands",
                                 "Dateninseln\tinformation silos"});
  CHECK(PairsOf(de_en, "Sozialkreditsystem") ==
        std::vector<std::string>{"Sozialkreditsystem\tSocial Credit System",
                                 "Sozialkreditsystem\tsocial credit system",
                                 "Sozialkreditsystem\tSCS"});
  for (const std::string& pair : de_en) {
    INFO(pair);
    CHECK_FALSE(HasHan(pair));
  }

  std::vector<std::string> zh_de =
      OmegaTPairs(path, "zh-CN", "de", &count, &skipped);
  WARN("OmegaT zh-CN -> de: " << count);
  CHECK(count == "entries: 962");
  // Simplified and traditional terms are both source terms; no reading is.
  CHECK(PairsOf(zh_de, "信息孤岛") ==
        std::vector<std::string>{"信息孤岛\tDateninsel",
                                 "信息孤岛\tDateninseln"});
  CHECK(PairsOf(zh_de, "信息孤島") ==
        std::vector<std::string>{"信息孤島\tDateninsel",
                                 "信息孤島\tDateninseln"});
  std::set<std::string> latin;
  for (const std::string& pair : zh_de) {
    INFO(pair);
    std::string source = pair.substr(0, pair.find('\t'));
    if (!HasHan(source)) latin.insert(source);
    CHECK_FALSE(HasHan(pair.substr(pair.find('\t') + 1)));
  }
  CHECK(latin == std::set<std::string>{"FICO", "SCHUFA"});

  std::vector<std::string> de_zh =
      OmegaTPairs(path, "de", "zh-CN", &count, &skipped);
  WARN("OmegaT de -> zh-CN: " << count);
  CHECK(count == "entries: 962");
  // Chinese targets are characters; the Latin ones are names the Chinese
  // text writes in Latin letters, never a reading.
  latin.clear();
  for (const std::string& pair : de_zh) {
    std::string target = pair.substr(pair.find('\t') + 1);
    if (!HasHan(target)) latin.insert(target);
  }
  CHECK(latin == std::set<std::string>{"FICO", "SCHUFA"});
}

TEST_CASE("translate-toolkit reads the TBX 2008 export", "[export][tbx2008]") {
  ExportOptions german_english;
  german_english.languages = {"de", "en"};
  std::string path = WriteExport(WriteTbx2008(BuiltIn(), german_english));
  std::string printed;
  int status = testing::RunCommand(
      "/usr/bin/python3 -c 'import sys\n"
      "from translate.storage import tbx\n"
      "s = tbx.tbxfile.parsefile(open(sys.argv[1], \"rb\"))\n"
      "print(len(s.units))\n"
      "for u in s.units:\n"
      "    if u.getid() == \"xinxi-gudao\": print(u.source + \" -> \" + "
      "u.target)' '" +
          path + "' 2>&1",
      &printed);
  if (status != 0 && printed.find("No module named") != std::string::npos) {
    WARN("skipped: translate-toolkit is not installed: " << printed);
    return;
  }
  WARN("translate-toolkit: " << printed);
  CHECK(status == 0);
  CHECK(printed == "157\nDateninsel -> information islands\n");
}

}  // namespace
}  // namespace glossa
