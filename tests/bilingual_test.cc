#include "core/bilingual.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "test_support.h"

namespace glossa {
namespace {

struct Read {
  bool ok = false;
  BilingualFile file;
  std::vector<std::string> messages;
};

Read ReadBytes(const std::string& bytes, const std::string& name,
               const std::string& target = "") {
  Read read;
  Diagnostics diags;
  read.ok = ReadBilingual(bytes, name, target, diags, &read.file);
  read.messages = testing::Messages(diags);
  return read;
}

// A real file in ../shared/data/qa/, read in place.
Read ReadQa(const std::string& relative) {
  return ReadBytes(testing::ReadShared("data/qa/" + relative), relative);
}

// A fixture of ours in tests/data/bilingual/.
Read ReadFixture(const std::string& name, const std::string& target = "") {
  return ReadBytes(
      testing::ReadOrFail(std::string(GLOSSA_TEST_DATA) + "/bilingual/" + name),
      name, target);
}

// How many segments each reason skipped; kNone counts the checked ones.
std::map<SkipReason, int> Counts(const BilingualFile& file) {
  std::map<SkipReason, int> counts;
  for (const Segment& segment : file.segments) ++counts[segment.skipped];
  return counts;
}

// id, source, target, where the target starts, why it is skipped.
std::string Show(const Segment& segment) {
  static const char* const kReasons[] = {
      "", " (untranslated)", " (not translatable)", " (fuzzy)", " (obsolete)"};
  return "[" + segment.id + "] " + segment.source + " => " + segment.target +
         " @" + std::to_string(segment.target_at.line) + ":" +
         std::to_string(segment.target_at.column) +
         kReasons[static_cast<int>(segment.skipped)];
}

std::vector<std::string> ShowAll(const BilingualFile& file) {
  std::vector<std::string> shown;
  for (const Segment& segment : file.segments) shown.push_back(Show(segment));
  return shown;
}

using Counted = std::map<SkipReason, int>;

TEST_CASE("Symfony's validators XLIFF 1.2, en to de", "[bilingual]") {
  Read read = ReadQa("xliff12/symfony-validators.de.xlf");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.format == "xliff-1.2");
  CHECK(read.file.source_lang == "en");
  CHECK(read.file.target_lang == "de");
  // PROVENANCE: 116 trans-units (its "6 needs-translation" are in the
  // zh_CN file; this one has no state attribute at all).
  CHECK(Counts(read.file) == Counted{{SkipReason::kNone, 116}});
  CHECK(Show(read.file.segments[0]) ==
        "[1] This value should be false. => Dieser Wert sollte false sein. "
        "@7:25");
  CHECK(Show(read.file.segments[4]) ==
        "[5] The value you selected is not a valid choice. => Sie haben "
        "einen ungültigen Wert ausgewählt. @23:25");
}

TEST_CASE("Symfony's validators XLIFF 1.2, en to zh_CN", "[bilingual]") {
  Read read = ReadQa("xliff12/symfony-validators.zh_CN.xlf");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.target_lang == "zh-CN");
  // 116 trans-units; the 6 state="needs-translation" targets (copies of the
  // English source) and the 9 "needs-review-translation" are checked: a
  // non-empty target is a translation whatever its state.
  CHECK(Counts(read.file) == Counted{{SkipReason::kNone, 116}});
  CHECK(Show(read.file.segments[0]) ==
        "[1] This value should be false. => 该变量的值应为 false 。 @7:25");
  CHECK(Show(read.file.segments.back()) ==
        "[119] This value should not be after week \"{{ max }}\". => This "
        "value should not be after week \"{{ max }}\". @467:51");
}

TEST_CASE("Okapi's XLIFF 2.0 structure test: segments of units in groups",
          "[bilingual]") {
  Read read = ReadQa("xliff20/okapi-xliff2-test01.xlf");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.format == "xliff-2.0");
  CHECK(read.file.source_lang == "en");
  CHECK(read.file.target_lang == "fr");
  // 4 units, 5 segments, 2 targets; <file translate="no"> is overridden
  // by the units' and the group's translate="yes"; <ignorable> is no
  // segment.
  CHECK(ShowAll(read.file) ==
        std::vector<std::string>{
            "[tu1/1] Sample segment. => Exemple de segment. @21:23",
            "[tu1/2] Segment's content. => Contenu du segment. @28:43",
            "[tu3/1] Bolded text =>  @0:0 (untranslated)",
            "[tu3end/1] Extra stuff =>  @0:0 (untranslated)",
            "[tu2/s1] special text and more\n. =>  @0:0 (untranslated)"});
}

TEST_CASE("OmegaT's tutorial TMX 1.4, EN/en-US to DE/de, alternatives",
          "[bilingual]") {
  Read read = ReadQa("tmx/omegat-beginners.de.tmx");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.format == "tmx");
  CHECK(read.file.source_lang == "EN");
  CHECK(read.file.target_lang == "DE");
  // 1,070 TUs, 67 of them with 2 or more DE variants: 1,143 DE variants
  // (1,117 "DE" and 26 "de"), one segment each, all translated.
  CHECK(Counts(read.file) == Counted{{SkipReason::kNone, 1143}});
  std::vector<std::string> third;
  for (const Segment& segment : read.file.segments)
    if (segment.id == "tu 3") third.push_back(Show(segment));
  CHECK(third ==
        std::vector<std::string>{
            "[tu 3] Select Glossary Directory => Verzeichnis für Glossare "
            "auswählen @43:18",
            "[tu 3] Select Glossary Directory => Flossarverzeichnis auswählen "
            "@47:18",
            "[tu 3] Select Glossary Directory => Glossarverzeichnis auswählen "
            "@51:18"});
  bool found_lower_case = false;
  for (const Segment& segment : read.file.segments) {
    if (segment.target_at.line == 247) {
      CHECK(Show(segment) ==
            "[" + segment.id +
                "] Robert Corner, Institut Laue-Langevin, France => Robert "
                "Corner, Institut Laue-Langevin, Frankreich @247:18");
      found_lower_case = true;
    }
  }
  CHECK(found_lower_case);
}

TEST_CASE("OmegaT's TMX 1.1 with lang=, en-US to zh-CN", "[bilingual]") {
  Read read = ReadQa("tmx/omegat-beginners.zh_CN.tmx");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.source_lang == "en-US");
  CHECK(read.file.target_lang == "zh-CN");
  CHECK(Counts(read.file) == Counted{{SkipReason::kNone, 39}});
  CHECK(Show(read.file.segments[0]) ==
        "[tu 1] * [[Issued shares]] is the sum of shares outstanding and "
        "treasury shares. => *[[发行股份]]是未付余额和股份份额的总和。 "
        "@12:14");
  CHECK(Show(read.file.segments[2]) ==
        "[tu 3] * [[Treasury share]]s are authorized, issued, and held by the "
        "company itself. => *[[财务分享]]是由公司本身核准、发放和持有的。 "
        "@28:14");
}

TEST_CASE("lxterminal's German PO: 103 messages, all translated",
          "[bilingual]") {
  Read read = ReadQa("po/lxterminal.de.po");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.format == "po");
  CHECK(read.file.source_lang == "en");
  CHECK(read.file.target_lang == "de");
  CHECK(Counts(read.file) == Counted{{SkipReason::kNone, 103}});
  CHECK(Show(read.file.segments[0]) == "[_File] _File => _Datei @25:9");
  CHECK(Show(read.file.segments[1]) == "[_Edit] _Edit => _Bearbeiten @29:9");
}

TEST_CASE("lxterminal's zh_CN PO: fuzzy, obsolete and untranslated entries",
          "[bilingual]") {
  Read read = ReadQa("po/lxterminal.zh_CN.po");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.target_lang == "zh-CN");
  CHECK(Counts(read.file) == Counted{{SkipReason::kNone, 66},
                                     {SkipReason::kUntranslated, 33},
                                     {SkipReason::kFuzzy, 4},
                                     {SkipReason::kObsolete, 40}});
  std::vector<std::string> shown = ShowAll(read.file);
  CHECK(shown[0] == "[_File] _File => 文件(_F) @19:9");
  CHECK(std::count(shown.begin(), shown.end(),
                   "[Open _URL] Open _URL => 复制 _URL @113:9 (fuzzy)") == 1);
  CHECK(std::count(shown.begin(), shown.end(),
                   "[West European] West European => 西欧 @439:12 "
                   "(obsolete)") == 1);
}

TEST_CASE("XLIFF 1.2 inline markup: text kept, codes dropped", "[bilingual]") {
  Read read = ReadFixture("inline12.xlf");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.target_lang == "en-GB");
  CHECK(ShowAll(read.file) ==
        std::vector<std::string>{
            "[p1] Das Sozialkreditsystem wirkt. => The social credit system "
            "works. @7:44",
            "[code] ZX-81 => ZX-81 @12:19 (not translatable)",
            "[empty] Leer =>  @17:9 (untranslated)",
            "[none] Ohne =>  @0:0 (untranslated)"});
}

TEST_CASE("XLIFF 2.0 inline markup: text kept, codes dropped", "[bilingual]") {
  Read read = ReadFixture("inline20.xlf");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.source_lang == "de");
  CHECK(read.file.target_lang == "zh-CN");
  CHECK(ShowAll(read.file) ==
        std::vector<std::string>{
            "[u1/s1] Bonität und Kredit! => 信用和征信！ @8:29",
            "[u1/2] Offen =>  @12:9 (untranslated)",
            "[u2/1] ZX-81 => ZX-81 @19:19 (not translatable)"});
}

TEST_CASE("PO: context, plural forms, multi-line strings, escapes",
          "[bilingual]") {
  Read read = ReadFixture("features.po");
  REQUIRE(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.target_lang == "zh-TW");
  CHECK(ShowAll(read.file) ==
        std::vector<std::string>{
            "[menu|Open] Open => 開啟 @11:9", "[verb|Open] Open => 打開 @15:9",
            "[%d score[0]] %d score => %d 分 @19:12",
            "[%d score[1]] %d scores => %d 個分數 @20:12",
            "[A long message] A long message => 一條長消息 @27:2",
            "[Tab\there, \"quoted\"\nnext line \\ done] Tab\there, "
            "\"quoted\"\nnext line \\ done => 制表\t此處，「\"引」\n下一行 \\ "
            "完 @31:9",
            "[Credit] Credit => 信用 @35:9 (fuzzy)",
            "[Untranslated] Untranslated =>  @38:9 (untranslated)",
            "[Old] Old => 舊 @41:12 (obsolete)"});
  CHECK(read.file.segments[3].source_at.line == 18);
  CHECK(read.file.segments[3].source_at.column == 15);
}

TEST_CASE("a PO syntax error is located and the rest is read", "[bilingual]") {
  Read read = ReadFixture("syntax-error.po");
  CHECK(read.ok);
  CHECK(read.messages ==
        std::vector<std::string>{
            "syntax-error.po:5:8: error: the string has no closing quote",
            "syntax-error.po:7:13: error: unknown escape sequence '\\q' in a "
            "string",
            "syntax-error.po:8:1: error: unknown keyword 'msgstrx'"});
  CHECK(read.file.segments.size() == 3);
  CHECK(Show(read.file.segments[0]) == "[One] One => Eins @2:9");
}

TEST_CASE("a PO message without msgstr is located at its msgid",
          "[bilingual]") {
  Read read =
      ReadBytes("msgid \"a\"\nmsgid \"b\"\nmsgstr \"B\"\n\"c\" x\n", "m.po");
  CHECK(read.messages ==
        std::vector<std::string>{
            "m.po:1:1: error: msgid without msgstr",
            "m.po:4:5: error: text after the string's closing quote"});
  CHECK(ShowAll(read.file) == std::vector<std::string>{"[b] b => Bc @3:9"});
}

TEST_CASE("malformed XML is a located error", "[bilingual]") {
  Read read = ReadFixture("malformed.xlf");
  CHECK_FALSE(read.ok);
  CHECK(read.messages ==
        std::vector<std::string>{
            "malformed.xlf:7:23: error: malformed XML: start-end tags "
            "mismatch"});
}

TEST_CASE("an XLIFF without target-language", "[bilingual]") {
  Read read = ReadFixture("no-target-language.xlf");
  CHECK(read.ok);
  CHECK(read.messages ==
        std::vector<std::string>{
            "no-target-language.xlf:3:3: error: <file> has no "
            "target-language attribute; name the target language with "
            "--target"});
  CHECK(read.file.target_lang.empty());
  CHECK(ShowAll(read.file) ==
        std::vector<std::string>{"[1] Value => Wert @7:17"});
  // Named by the caller, the language is no longer missing.
  CHECK(ReadFixture("no-target-language.xlf", "de").messages.empty());
}

TEST_CASE("TSV: a line with one column is not translatable", "[bilingual]") {
  Read read = ReadFixture("one-column.tsv");
  CHECK(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.file.format == "tsv");
  CHECK(read.file.source_lang.empty());
  CHECK(ShowAll(read.file) ==
        std::vector<std::string>{"[1] credit => Kredit @1:8",
                                 "[2] header only =>  @0:0 (not translatable)",
                                 "[4] score => Punktzahl @4:7",
                                 "[5] untranslated =>  @5:14 (untranslated)"});
}

TEST_CASE("an empty file is refused", "[bilingual]") {
  Read read = ReadFixture("empty.tsv");
  CHECK_FALSE(read.ok);
  CHECK(read.messages ==
        std::vector<std::string>{"empty.tsv:1:1: error: file is empty"});
}

TEST_CASE("invalid UTF-8 in a PO file is a located error", "[bilingual]") {
  Read read = ReadFixture("invalid-utf8.po");
  CHECK_FALSE(read.ok);
  CHECK(read.messages ==
        std::vector<std::string>{
            "invalid-utf8.po:2:10: error: invalid UTF-8 at byte offset 22 "
            "(0xE9); a PO file is read as UTF-8 unless its header names a "
            "charset"});
}

TEST_CASE("an unknown charset in a PO header is an error at its name",
          "[bilingual]") {
  // Line 2, after `msgstr "Content-Type: text/plain; charset=` (42
  // characters).
  Read read = ReadBytes(
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=klingon-8\\n\"\n"
      "\nmsgid \"value\"\nmsgstr \"Wert\"\n",
      "klingon.po");
  CHECK_FALSE(read.ok);
  CHECK(read.messages ==
        std::vector<std::string>{"klingon.po:2:43: error: unknown charset "
                                 "'klingon-8' in the PO header's "
                                 "Content-Type"});
}

TEST_CASE("a PO in the charset its header names is decoded", "[bilingual]") {
  Read read = ReadBytes(
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n"
      "\nmsgid \"value\"\nmsgstr \"W\xe9rt\"\n",
      "latin1.po");
  CHECK(read.messages.empty());
  REQUIRE(read.file.segments.size() == 1);
  CHECK(Show(read.file.segments[0]) == "[value] value => Wért @5:9");
}

TEST_CASE("TMX: several target languages need --target", "[bilingual]") {
  Read read = ReadFixture("three-languages.tmx");
  CHECK_FALSE(read.ok);
  CHECK(read.messages ==
        std::vector<std::string>{
            "three-languages.tmx:2:1: error: the TMX holds several target "
            "languages (en, zh-Hans); choose one with --target"});

  Read chinese = ReadFixture("three-languages.tmx", "zh-Hans");
  CHECK(chinese.ok);
  CHECK(chinese.file.target_lang == "zh-Hans");
  CHECK(ShowAll(chinese.file) ==
        std::vector<std::string>{"[credit] Kredit => 信用 @8:49",
                                 "[tu 2] Bonität =>  @0:0 (untranslated)"});
  Read english = ReadFixture("three-languages.tmx", "en");
  CHECK(ShowAll(english.file) ==
        std::vector<std::string>{"[credit] Kredit => credit @7:31",
                                 "[tu 2] Bonität => credit rating @12:31"});
}

TEST_CASE("an unknown root element or XLIFF version is refused",
          "[bilingual]") {
  CHECK(ReadBytes("<?xml version=\"1.0\"?>\n<html/>", "x.xml").messages ==
        std::vector<std::string>{
            "x.xml:2:1: error: not a bilingual file: the root element is "
            "<html>, not <xliff> or <tmx>"});
  CHECK(ReadBytes("<xliff version=\"3.0\"/>", "v.xlf").messages ==
        std::vector<std::string>{
            "v.xlf:1:8: error: XLIFF version 3.0 is not read; glossa reads "
            "XLIFF 1.2 and 2.0"});
}

}  // namespace
}  // namespace glossa
