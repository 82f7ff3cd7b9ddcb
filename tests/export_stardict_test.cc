// The StarDict export (export.h), read back by Debian's sdcv.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/cedict.h"
#include "core/export.h"
#include "core/file_io.h"
#include "core/tbx_reader.h"
#include "test_support.h"

namespace glossa {
namespace {

const char kGlossary[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc>
<publicationStmt><p>Licence: CC BY-SA 4.0.</p></publicationStmt>
<titleStmt><title>Test &amp; glossary</title></titleStmt>
<sourceDesc><p>Annotates a <hi>report</hi>.</p></sourceDesc>
</fileDesc></tbxHeader>
<text><body>
<conceptEntry id="shehui-xinyong">
<ref type="crossReference" target="xinyong">broader: 信用</ref>
<note>The umbrella notion. Its financial side is 征信.</note>
<langSec xml:lang="zh-Hans"><termSec><term>社会信用</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="zh-Hant"><termSec><term>社會信用</term></termSec></langSec>
<langSec xml:lang="zh-Latn-pinyin"><termSec><term>shèhuì xìnyòng</term></termSec></langSec>
<langSec xml:lang="de">
<descripGrp><descrip type="definition">Ein Schlagwort.</descrip></descripGrp>
<termSec><term>gesellschaftliche Bonität</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
<admin type="projectSubset">report</admin></termSec>
<termSec><term>gesellschaftlichen Bonität</term>
<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
<termNote type="termType">variant</termNote>
<admin type="projectSubset">report</admin></termSec>
<termSec><term>Sozialkredit</term>
<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
<note>Ein Kredit ist kein Vertrauen. Mehr dazu im Bericht.</note></termSec>
</langSec>
<langSec xml:lang="en"><termSec><term>social credit</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="xinyong">
<langSec xml:lang="zh-Hans"><termSec><term>信用</term></termSec></langSec>
<langSec xml:lang="zh-Hant"><termSec><term>信用</term></termSec></langSec>
<langSec xml:lang="zh-Latn-pinyin"><termSec><term>xìnyòng</term></termSec></langSec>
<langSec xml:lang="de"><termSec><term>Ärger</term></termSec>
<termSec><term>Kredit</term></termSec><termSec><term>kredit</term></termSec>
<termSec><term>Zutrauen</term></termSec><termSec><term>Kredit</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>credit</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="dateninseln">
<langSec xml:lang="de"><termSec><term>Dateninseln</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
)";

Glossary Read(const char* text) {
  Glossary glossary;
  Diagnostics diags;
  REQUIRE(ReadTbx(text, "t.tbx", diags, &glossary));
  REQUIRE(testing::Messages(diags).empty());
  return glossary;
}

std::string FileOf(
    const std::vector<std::pair<std::string, std::string>>& files,
    const std::string& name) {
  for (const auto& [file, contents] : files) {
    if (file == name) return contents;
  }
  FAIL("no file " << name);
  return "";
}

std::uint32_t BigEndian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
  return value;
}

// The words of a .idx (with 2 numbers after each) or .syn (1 number), each
// with its numbers.
std::vector<std::pair<std::string, std::vector<std::uint32_t>>> Words(
    const std::string& bytes, int numbers) {
  std::vector<std::pair<std::string, std::vector<std::uint32_t>>> out;
  std::size_t at = 0;
  while (at < bytes.size()) {
    std::size_t end = bytes.find('\0', at);
    REQUIRE(end != std::string::npos);
    std::vector<std::uint32_t> values;
    for (int i = 0; i < numbers; ++i)
      values.push_back(BigEndian(bytes, end + 1 + 4 * i));
    out.emplace_back(bytes.substr(at, end - at), values);
    at = end + 1 + 4 * numbers;
  }
  return out;
}

// The article of each word of the .idx: "word -> its first line".
std::vector<std::string> WordLines(
    const std::vector<std::pair<std::string, std::string>>& files,
    const std::string& name) {
  std::string dict = FileOf(files, name + ".dict");
  std::vector<std::string> out;
  for (const auto& [word, span] : Words(FileOf(files, name + ".idx"), 2)) {
    std::string article = dict.substr(span.at(0), span.at(1));
    out.push_back(word + " -> " + article.substr(0, article.find('\n')));
  }
  return out;
}

std::string ArticleOf(
    const std::vector<std::pair<std::string, std::string>>& files,
    const std::string& name, const std::string& headword) {
  std::string dict = FileOf(files, name + ".dict");
  for (const auto& [word, span] : Words(FileOf(files, name + ".idx"), 2)) {
    if (word == headword) return dict.substr(span.at(0), span.at(1));
  }
  FAIL("no headword " << headword);
  return "";
}

TEST_CASE("stardict: the .ifo names the glossary, its counts and licence",
          "[export][stardict]") {
  auto files = WriteStarDict(Read(kGlossary), ExportOptions{}, "t");
  std::vector<std::string> names;
  for (const auto& file : files) names.push_back(file.first);
  // No .syn: Debian 12's sdcv reads a whole .syn into memory at every
  // start (30 times slower on the CC-CEDICT export); each form is a word
  // of the .idx instead.
  CHECK(names == std::vector<std::string>{"t.ifo", "t.idx", "t.dict"});
  CHECK(FileOf(files, "t.ifo") ==
        "StarDict's dict ifo file\n"
        "version=2.4.2\n"
        "bookname=Test & glossary\n"
        "wordcount=18\n"
        "idxfilesize=" +
            std::to_string(FileOf(files, "t.idx").size()) +
            "\n"
            "description=Test &amp; glossary<br>Annotates a report.<br>"
            "Licence: CC BY-SA 4.0.\n"
            "sametypesequence=m\n");
}

TEST_CASE(
    "stardict: words are sorted by stardict_strcmp, ASCII case folded first, "
    "then bytes",
    "[export][stardict]") {
  auto files = WriteStarDict(Read(kGlossary), ExportOptions{}, "t");
  CHECK(WordLines(files, "t") ==
        std::vector<std::string>{
            "credit -> 信用 xìnyòng",
            "Dateninseln -> Dateninseln",
            "gesellschaftliche Bonität -> 社会信用 社會信用 shèhuì xìnyòng",
            "gesellschaftlichen Bonität -> 社会信用 社會信用 shèhuì xìnyòng",
            "Kredit -> 信用 xìnyòng",
            "kredit -> 信用 xìnyòng",
            "shehui xinyong -> 社会信用 社會信用 shèhuì xìnyòng",
            "shehuixinyong -> 社会信用 社會信用 shèhuì xìnyòng",
            "shèhuì xìnyòng -> 社会信用 社會信用 shèhuì xìnyòng",
            "social credit -> 社会信用 社會信用 shèhuì xìnyòng",
            "Sozialkredit -> 社会信用 社會信用 shèhuì xìnyòng",
            "xinyong -> 信用 xìnyòng",
            "xìnyòng -> 信用 xìnyòng",
            "Zutrauen -> 信用 xìnyòng",
            "Ärger -> 信用 xìnyòng",
            "信用 -> 信用 xìnyòng",
            "社会信用 -> 社会信用 社會信用 shèhuì xìnyòng",
            "社會信用 -> 社会信用 社會信用 shèhuì xìnyòng",
        });
}

TEST_CASE("stardict: an article shows terms, status, definitions and notes",
          "[export][stardict]") {
  auto files = WriteStarDict(Read(kGlossary), ExportOptions{}, "t");
  CHECK(ArticleOf(files, "t", "社会信用") ==
        "社会信用 社會信用 shèhuì xìnyòng\n"
        "Chinese: 社会信用 社會信用 shèhuì xìnyòng (preferred)\n"
        "German: gesellschaftliche Bonität (preferred, in the report); "
        "gesellschaftlichen Bonität (admitted, inflected form, in the "
        "report); Sozialkredit (deprecated)\n"
        "Definition (German): Ein Schlagwort.\n"
        "Avoid Sozialkredit: Ein Kredit ist kein Vertrauen. …\n"
        "English: social credit\n"
        "Note: The umbrella notion. …\n"
        "Related: broader: 信用");
}

TEST_CASE("stardict: the selected languages alone give headwords and words",
          "[export][stardict]") {
  ExportOptions options;
  options.languages = {"en", "de"};
  auto files = WriteStarDict(Read(kGlossary), options, "t");
  CHECK(WordLines(files, "t") ==
        std::vector<std::string>{
            "credit -> credit",
            "Dateninseln -> Dateninseln",
            "gesellschaftliche Bonität -> social credit",
            "gesellschaftlichen Bonität -> social credit",
            "Kredit -> credit",
            "kredit -> credit",
            "social credit -> social credit",
            "Sozialkredit -> social credit",
            "Zutrauen -> credit",
            "Ärger -> credit",
        });
  CHECK(ArticleOf(files, "t", "credit") ==
        "credit\n"
        "English: credit\n"
        "German: Ärger; Kredit; kredit; Zutrauen; Kredit");
}

// Writes the dictionary into a fresh folder, as a user copies it.
std::string WriteFolder(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::string dir = testing::MakeTempDir();
  for (const auto& [name, contents] : files) {
    std::string error;
    REQUIRE(WriteFileAtomically(dir + "/" + name, contents, &error));
  }
  return dir;
}

std::string ShellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// What sdcv finds for each of `words` in the dictionaries of `dir`: its
// JSON output, for each word an array of {dict, word, definition}, one per
// article. -0 and -1 (UTF-8 out and in) make it independent of the locale.
std::vector<nlohmann::json> Sdcv(const std::string& dir,
                                 const std::vector<std::string>& words) {
  std::string command =
      "sdcv --data-dir " + ShellQuoted(dir) + " -x -n -e -j -0 -1 --";
  for (const std::string& word : words) command += " " + ShellQuoted(word);
  std::string output;
  int status = testing::RunCommand(command + " 2>&1", &output);
  INFO(output.substr(0, 2000));
  REQUIRE(status == 0);
  std::vector<nlohmann::json> out;
  for (std::size_t at = 0; at < output.size();) {
    std::size_t end = output.find('\n', at);
    if (end == std::string::npos) end = output.size();
    out.push_back(nlohmann::json::parse(output.substr(at, end - at)));
    at = end + 1;
  }
  REQUIRE(out.size() == words.size());
  return out;
}

nlohmann::json Sdcv(const std::string& dir, const std::string& word) {
  return Sdcv(dir, std::vector<std::string>{word}).front();
}

bool SdcvMissing() {
  std::string output;
  if (testing::RunCommand("command -v sdcv", &output) == 0) return false;
  WARN("skipped: sdcv is not installed (Debian: apt-get install sdcv)");
  return true;
}

TEST_CASE("sdcv finds 征信 by its Chinese, pinyin, English and German words",
          "[export][stardict]") {
  if (SdcvMissing()) return;
  auto files = WriteStarDict(testing::BuiltIn().glossary, ExportOptions{},
                             "social-credit");
  std::string ifo = FileOf(files, "social-credit.ifo");
  // 157 entries under 1,668 words: each entry's headword and every other
  // form (traditional characters, pinyin with and without tones, German
  // and English terms).
  CHECK(ifo.find("\nwordcount=1668\nidxfilesize=") != std::string::npos);
  std::string dir = WriteFolder(files);
  for (const char* word : {"征信", "徵信", "zhengxin", "zhēngxìn",
                           "credit reporting", "Kreditauskunft"}) {
    INFO(word);
    nlohmann::json found = Sdcv(dir, word);
    REQUIRE(found.size() == 1);
    CHECK(found[0]["dict"] ==
          "glossa: social credit glossary (German, English, Chinese)");
    CHECK(found[0]["word"] == word);
    // sdcv puts a line break before the article.
    std::string definition = found[0]["definition"];
    CHECK(definition.substr(0, definition.find("\nEnglish:")) ==
          "\n征信 徵信 zhēngxìn\n"
          "Chinese: 征信 徵信 zhēngxìn (preferred, in the report)");
  }
  // A deprecated term finds its entry, which says to avoid it and why.
  nlohmann::json found = Sdcv(dir, "Sozialpunktesystem");
  REQUIRE(found.size() == 1);
  std::string definition = found[0]["definition"];
  CHECK(definition.substr(0, definition.find('\n', 1)) ==
        "\n社会信用体系 社會信用體系 shèhuì xìnyòng tǐxì");
  CHECK(definition.find("\nAvoid Sozialpunktesystem: Zu vermeiden: Das Wort "
                        "legt eine einzige landesweite Punktzahl nahe. …\n") !=
        std::string::npos);
  CHECK(Sdcv(dir, "Sozialkreditpunkte-Lotterie") == nlohmann::json::array());
}

TEST_CASE("sdcv finds every word of the built-in glossary's export",
          "[export][stardict]") {
  // sdcv looks words up by binary search: a word out of stardict_strcmp
  // order is not found.
  if (SdcvMissing()) return;
  auto files = WriteStarDict(testing::BuiltIn().glossary, ExportOptions{},
                             "social-credit");
  std::string dict = FileOf(files, "social-credit.dict");
  std::vector<std::string> words;
  std::vector<std::vector<std::string>> articles;  // of each word
  for (const auto& [word, span] :
       Words(FileOf(files, "social-credit.idx"), 2)) {
    if (words.empty() || words.back() != word) {
      words.push_back(word);
      articles.emplace_back();
    }
    articles.back().push_back("\n" + dict.substr(span.at(0), span.at(1)));
  }
  std::vector<nlohmann::json> found = Sdcv(WriteFolder(files), words);
  std::vector<std::string> lost;
  std::vector<std::string> several;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::vector<std::string>& expected = articles[i];
    if (expected.size() > 1) several.push_back(words[i]);
    bool right = found[i].size() == 1;
    for (const nlohmann::json& item : found[i]) {
      right = right && std::find(expected.begin(), expected.end(),
                                 item["definition"]) != expected.end();
    }
    if (!right) lost.push_back(words[i]);
  }
  CHECK(words.size() == 1664);
  CHECK(lost == std::vector<std::string>{});
  // Four words name two entries each; Debian 12's sdcv (0.5.2) shows one of
  // them (newer sdcv, GoldenDict and KOReader show both). "credit" is
  // deprecated for 诚信 and admitted for 信用, "creditworthiness" preferred
  // for 信用, "Bonitätssystem" deprecated for 个人征信 and admitted for
  // 社会信用体系; "trustworthiness" is admitted for both.
  CHECK(several == std::vector<std::string>{"Bonitätssystem", "credit",
                                            "creditworthiness",
                                            "trustworthiness"});
}

TEST_CASE(
    "sdcv finds 老赖 in the CC-CEDICT export by characters and pinyin, with "
    "no .syn to load",
    "[export][stardict]") {
  // A regression: with its 410,509 other forms in a .syn, Debian 12's sdcv
  // (0.5.2), which reads a whole .syn into a map at every start, took
  // 157 ms of CPU and 38 MiB for this lookup, against 4-5 ms and 6 MiB on
  // stardict-tools' conversion of the same file.
  if (SdcvMissing()) return;
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadCedict(testing::ReadShared("data/dict/cedict_ts.u8"),
                     "cedict_ts.u8", diags, &glossary));
  auto files = WriteStarDict(glossary, ExportOptions{}, "cedict");
  std::vector<std::string> names;
  for (const auto& file : files) names.push_back(file.first);
  CHECK(names ==
        std::vector<std::string>{"cedict.ifo", "cedict.idx", "cedict.dict"});
  // 116,937 entries under their simplified form, and 410,509 other forms.
  CHECK(FileOf(files, "cedict.ifo").find("\nwordcount=527446\n") !=
        std::string::npos);
  std::vector<std::string> words = {"老赖", "老賴", "lǎo lài"};
  std::vector<nlohmann::json> found = Sdcv(WriteFolder(files), words);
  for (std::size_t i = 0; i < words.size(); ++i) {
    INFO(words[i]);
    REQUIRE(found[i].size() == 1);
    CHECK(found[i][0]["word"] == words[i]);
    CHECK(found[i][0]["definition"] ==
          "\n老赖 老賴 lǎo lài\n"
          "Chinese: 老赖 老賴 lǎo lài\n"
          "Definition (English): (coll.) debt dodger");
  }
}

TEST_CASE("an export sdcv has opened is exported again over its offset cache",
          "[export][stardict][cli]") {
  if (SdcvMissing()) return;
  std::string dir = testing::MakeTempDir() + "/social-credit";
  REQUIRE(testing::RunGlossa({"export", "--format", "stardict", "-o", dir})
              .status == 0);
  // sdcv writes its offset cache beside the .idx the first time.
  REQUIRE(Sdcv(dir, "征信").size() == 1);
  REQUIRE(std::filesystem::exists(dir + "/social-credit.idx.oft"));
  testing::RunResult again =
      testing::RunGlossa({"export", "--format", "stardict", "-o", dir});
  CHECK(again.err == "");
  CHECK(again.status == 0);
  CHECK_FALSE(std::filesystem::exists(dir + "/social-credit.idx.oft"));
  CHECK(Sdcv(dir, "征信").size() == 1);
}

}  // namespace
}  // namespace glossa
