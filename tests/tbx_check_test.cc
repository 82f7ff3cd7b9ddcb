#include "core/tbx_check.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace glossa {
namespace {

struct Checked {
  CheckResult result;
  std::vector<std::string> messages;
  int errors = 0;
  int warnings = 0;
};

Checked CheckBytes(const std::string& bytes, const std::string& name) {
  Diagnostics diags;
  Checked checked;
  checked.result = CheckTbx(bytes, name, diags);
  for (const Diagnostic& d : diags.all())
    checked.messages.push_back(FormatDiagnostic(d));
  std::sort(checked.messages.begin(), checked.messages.end());
  checked.errors = diags.errors();
  checked.warnings = diags.warnings();
  return checked;
}

Checked CheckShared(const std::string& relative, const std::string& name) {
  return CheckBytes(testing::ReadShared(relative), name);
}

bool Has(const Checked& checked, const std::string& message) {
  return std::find(checked.messages.begin(), checked.messages.end(), message) !=
         checked.messages.end();
}

TEST_CASE("the LTAC valid examples check clean", "[check]") {
  for (const char* file : {"TBX-Basic_Example_Astronomy_DCA_VALID.tbx",
                           "TBX-Basic_Example_Astronomy_DCT_VALID.tbx",
                           "TBX-Core_Example_Astronomy_DCA_VALID.tbx",
                           "TBX-Min_Example_Astronomy_DCA_VALID.tbx",
                           "TBX-Min_Example_Astronomy_DCT_VALID.tbx"}) {
    Checked checked =
        CheckShared(std::string("data/tbx/ltac-dialects/") + file, file);
    INFO(file);
    CHECK(checked.messages.empty());
    CHECK(checked.result.readable);
    CHECK(checked.result.entries == 45);
  }
}

TEST_CASE("the built-in glossary checks clean", "[check]") {
  Checked checked =
      CheckBytes(testing::ReadOrFail(testing::DataDir() + "/social-credit.tbx"),
                 "glossary/social-credit.tbx");
  CHECK(checked.messages.empty());
  CHECK(checked.result.entries >= 4);
}

TEST_CASE("basic_bad.tbx shows the five errors its header lists", "[check]") {
  Checked checked =
      CheckShared("data/tbx/ltac-test-files/basic_bad.tbx", "basic_bad.tbx");
  // "source" at concept level, not nested in a descripGrp
  CHECK(Has(
      checked,
      "basic_bad.tbx:24:5: error: a source at concept level must stand in a "
      "<descripGrp> with the definition it documents"));
  // <transac> of @type other than "transactionType"
  CHECK(
      Has(checked,
          "basic_bad.tbx:26:15: error: 'theWrongType' is not a TBX-Basic data "
          "category for <transac> (allowed: transactionType)"));
  // "partOfSpeech" value not adhering to picklist
  CHECK(Has(checked,
            "basic_bad.tbx:69:7: error: 'nominal' is not an allowed value of "
            "partOfSpeech in TBX-Basic (allowed: adjective, noun, other, verb, "
            "adverb)"));
  // "definition" declared at term level
  CHECK(Has(
      checked,
      "basic_bad.tbx:97:7: error: definition is not allowed at term level in "
      "TBX-Basic (allowed at: concept, language)"));
  // <transacNote> of @type other than "responsibility"
  CHECK(Has(checked,
            "basic_bad.tbx:140:19: error: 'wrongType' is not a TBX-Basic data "
            "category for <transacNote> (allowed: responsibility)"));
}

TEST_CASE(
    "basic_bad.tbx and basic_good.tbx differ by exactly the five listed errors",
    "[check]") {
  // Both files use the transaction type "creation", which TBX-Basic's
  // picklist (origination, modification) does not have; every other error
  // in basic_bad.tbx is one of its five listed ones.
  Checked good =
      CheckShared("data/tbx/ltac-test-files/basic_good.tbx", "x.tbx");
  Checked bad = CheckShared("data/tbx/ltac-test-files/basic_bad.tbx", "x.tbx");
  CHECK(bad.errors ==
        good.errors + 5 - 1);  // basic_bad replaces one "creation"
  for (const std::string& message : good.messages) {
    INFO(message);
    CHECK(
        message.find("'creation' is not an allowed value of transactionType") !=
        std::string::npos);
  }
}

TEST_CASE("min_bad.tbx shows the three errors its header lists", "[check]") {
  Checked checked =
      CheckShared("data/tbx/ltac-test-files/min_bad.tbx", "min_bad.tbx");
  CHECK(checked.messages ==
        std::vector<std::string>{"min_bad.tbx:21:12: error: 'source' is not a "
                                 "TBX-Min data category for <admin> "
                                 "(allowed: customerSubset)",
                                 "min_bad.tbx:41:13: error: 'error' is not a "
                                 "TBX-Min data category for <xref> "
                                 "(allowed: externalCrossReference)",
                                 "min_bad.tbx:803:7: error: 'not an allowed "
                                 "value' is not an allowed value of "
                                 "usageStatus in TBX-Min (allowed: preferred, "
                                 "admitted, deprecated, notRecommended, "
                                 "obsolete)"});
  Checked good =
      CheckShared("data/tbx/ltac-test-files/min_good.tbx", "min_good.tbx");
  CHECK(good.messages.empty());
}

TEST_CASE("each LISA bad sample is rejected with a located message",
          "[check]") {
  const std::string dir = "data/tbx/lisa-tbx-basic-2009/";
  CHECK(CheckShared(dir + "tbx_basic_sample_badattribute.tbx", "a.tbx")
            .messages ==
        std::vector<std::string>{
            "a.tbx:37:13: error: 'origin' is not a TBX-Basic data category for "
            "<admin> "
            "(allowed: customerSubset, projectSubset, source)",
            "a.tbx:89:17: error: 'pos' is not a TBX-Basic data category for "
            "<termNote> "
            "(allowed: administrativeStatus, partOfSpeech, geographicalUsage, "
            "grammaticalGender, termLocation, termType)"});
  CHECK(
      CheckShared(dir + "tbx_basic_sample_badelement.tbx", "e.tbx").messages ==
      std::vector<std::string>{
          "e.tbx:104:7: error: <comment> is not a TBX element",
          "e.tbx:37:5: error: <transacGrp> has no <transac>",
          "e.tbx:38:6: error: <transaction> is not a TBX element"});
  CHECK(CheckShared(dir + "tbx_basic_sample_badelementcontent.tbx", "c.tbx")
            .messages == std::vector<std::string>{
                             "c.tbx:107:8: error: 'deletion' is not an allowed "
                             "value of transactionType in "
                             "TBX-Basic (allowed: origination, modification)",
                             "c.tbx:57:7: error: 'preposition' is not an "
                             "allowed value of partOfSpeech in "
                             "TBX-Basic (allowed: noun, verb, adjective, "
                             "adverb, properNoun, other)"});
  CHECK(CheckShared(dir + "tbx_basic_sample_badelementorder.tbx", "o.tbx")
            .messages ==
        std::vector<std::string>{
            "o.tbx:63:7: error: <termNote> must come before <descripGrp> in "
            "<tig>",
            "o.tbx:76:6: error: <term> is not allowed in <langSet>",
            "o.tbx:80:6: error: <tig> has no <term>"});
  Checked not_well_formed =
      CheckShared(dir + "tbx_basic_sample_notwellformed.tbx", "n.tbx");
  CHECK(not_well_formed.messages ==
        std::vector<std::string>{
            "n.tbx:44:5: error: malformed XML: start-end tags mismatch"});
  CHECK_FALSE(not_well_formed.result.readable);
  CHECK(CheckShared(dir + "TBX-basic-samples.tbx", "ok.tbx").messages.empty());
}

TEST_CASE("core structure errors are located", "[check]") {
  Checked checked = CheckShared(
      "data/tbx/ltac-test-files/core_structure_bad.tbx", "core.tbx");
  CHECK(Has(
      checked,
      "core.tbx:15:4: error: text is not allowed directly in <sourceDesc>"));
  CHECK(Has(checked, "core.tbx:21:3: error: <admin> is not allowed in <text>"));
  CHECK(Has(checked, "core.tbx:27:7: error: <admin> has no type"));
  CHECK(Has(
      checked,
      "core.tbx:28:7: error: <term> must come before <admin> in <termSec>"));
  CHECK(Has(checked,
            "core.tbx:32:7: error: <term> may stand only once in <termSec>"));
  CHECK(Has(
      checked,
      "core.tbx:46:8: error: <descrip> may stand only once in <descripGrp>"));
  Checked good = CheckShared("data/tbx/ltac-test-files/core_structure_good.tbx",
                             "good.tbx");
  CHECK(good.messages.empty());
}

// A TBX-Basic file with one entry holding `concept_data` before its
// language section.
std::string OneEntry(const std::string& concept_data) {
  return "<?xml version=\"1.0\"?>\n"
         "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" "
         "xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
         "<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc>"
         "</tbxHeader>\n"
         "<text><body><conceptEntry id=\"a\">\n" +
         concept_data +
         "\n<langSec xml:lang=\"en\"><termSec><term>a</term></termSec>"
         "</langSec></conceptEntry></body></text></tbx>\n";
}

TEST_CASE("a reference to a missing id is an error", "[check]") {
  Checked checked = CheckBytes(
      OneEntry("<ref type=\"crossReference\" target=\"nowhere\">x</ref>"),
      "ref.tbx");
  CHECK(checked.messages ==
        std::vector<std::string>{
            "ref.tbx:5:28: error: target 'nowhere' is neither an id in this "
            "file nor an http(s) URL"});
}

TEST_CASE("an xref points at a URL or a relative reference", "[check]") {
  // Relative references are resolved by glossary_check (a test there).
  Checked oracle = CheckShared("data/tbx/okapi-lib-terminology/oracle_TBX.tbx",
                               "oracle.tbx");
  CHECK(oracle.messages.empty());
  Checked bad = CheckBytes(OneEntry("<xref type=\"externalCrossReference\" "
                                    "target=\"mailto:x@example.org\">x</xref>"),
                           "xref.tbx");
  CHECK(bad.messages ==
        std::vector<std::string>{
            "xref.tbx:5:37: error: target 'mailto:x@example.org' is neither an "
            "http(s) URL nor a relative reference"});
}

TEST_CASE("the Okapi files count their entries", "[check]") {
  Checked sdl =
      CheckShared("data/tbx/okapi-lib-terminology/sdl_tbx.tbx", "sdl.tbx");
  CHECK(sdl.result.entries == 223);
  CHECK(sdl.errors == 0);
  CHECK(sdl.warnings == 44);  // 44 German terms are empty <term/> elements
  CHECK(sdl.messages.front() ==
        "sdl.tbx:1163:21: warning: <ntig> has an empty <term>; skipped");
}

TEST_CASE("duplicate ids anywhere in the file are errors", "[check]") {
  Checked checked = CheckBytes(R"(<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="a"><langSec xml:lang="en"><termSec id="a"><term>x</term></termSec></langSec></conceptEntry>
</body></text></tbx>)",
                               "ids.tbx");
  CHECK(checked.messages ==
        std::vector<std::string>{
            "ids.tbx:5:54: error: duplicate id 'a' (first used at line 5)"});
}

TEST_CASE("a date must be an XML Schema date or date-time", "[check]") {
  Checked checked = CheckBytes(R"(<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="a">
<transacGrp><transac type="transactionType">origination</transac><date>2017-12-12</date></transacGrp>
<transacGrp><transac type="transactionType">modification</transac><date>2017-12-12T10:57:25Z</date></transacGrp>
<transacGrp><transac type="transactionType">modification</transac><date>20010507T10:57:25Z</date></transacGrp>
<langSec xml:lang="en"><termSec><term>x</term></termSec></langSec></conceptEntry>
</body></text></tbx>)",
                               "d.tbx");
  CHECK(checked.messages ==
        std::vector<std::string>{
            "d.tbx:8:67: error: '20010507T10:57:25Z' is not a date TBX v3 "
            "accepts (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss)"});
}

// A TBX v3 entry with one transaction per date.
std::string WithDates(const std::vector<std::string>& dates) {
  std::string tbx = R"(<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="a">
)";
  for (const std::string& date : dates) {
    tbx +=
        "<transacGrp><transac type=\"transactionType\">modification"
        "</transac><date>" +
        date + "</date></transacGrp>\n";
  }
  return tbx +
         "<langSec xml:lang=\"en\"><termSec><term>x</term></termSec></langSec>"
         "</conceptEntry>\n</body></text></tbx>";
}

TEST_CASE("dates with a fraction or a time zone are XML Schema dates",
          "[check]") {
  Checked checked = CheckBytes(
      WithDates({"2017-12-12Z", "2017-12-12+08:00", "2017-12-12T10:57:25.5",
                 "2017-12-12T10:57:25.123-05:00", "2017-12-12T10:57:25Z"}),
      "d.tbx");
  CHECK(checked.messages == std::vector<std::string>{});
}

TEST_CASE("a date is rejected for each part out of shape", "[check]") {
  Checked checked = CheckBytes(
      WithDates({"2017-1-12", "17-12-12", "2017-12-12T10:57Z",
                 "2017-12-12T10:57:25.", "2017-12-12+0800", "2017-12-12 ",
                 "2017-12-12T10:57:25ZZ", "12.12.2017"}),
      "d.tbx");
  std::vector<std::string> expected;
  int line = 6;
  for (const char* date :
       {"2017-1-12", "17-12-12", "2017-12-12T10:57Z", "2017-12-12T10:57:25.",
        "2017-12-12+0800", "2017-12-12 ", "2017-12-12T10:57:25ZZ",
        "12.12.2017"}) {
    expected.push_back("d.tbx:" + std::to_string(line++) + ":67: error: '" +
                       date +
                       "' is not a date TBX v3 accepts (YYYY-MM-DD or "
                       "YYYY-MM-DDThh:mm:ss)");
  }
  std::sort(expected.begin(), expected.end());
  CHECK(checked.messages == expected);
}

TEST_CASE(
    "a date with a fraction of 100,000 digits is checked, where it "
    "crashed",
    "[check]") {
  std::string fraction(100000, '7');
  CHECK(
      CheckBytes(WithDates({"2017-12-12T10:57:25." + fraction + "Z"}), "d.tbx")
          .messages == std::vector<std::string>{});
  Checked bad =
      CheckBytes(WithDates({"2017-12-12T10:57:25." + fraction + "x"}), "d.tbx");
  CHECK(bad.messages ==
        std::vector<std::string>{
            "d.tbx:6:67: error: '2017-12-12T10:57:25." + fraction +
            "x' is not a date TBX v3 accepts (YYYY-MM-DD or "
            "YYYY-MM-DDThh:mm:ss)"});
}

TEST_CASE("inline markup nested to the limit is checked to its innermost",
          "[check]") {
  // <descrip> stands at level 5; the <x> at 256, glossa's limit.
  std::string descrip = "<descrip type=\"definition\">" +
                        testing::NestedElements("hi", 250, "<x>deep</x>") +
                        "</descrip>";
  CHECK(CheckBytes(testing::TbxEntryHolding(descrip), "deep.tbx").messages ==
        std::vector<std::string>{
            "deep.tbx:5:1028: error: <x> is not a TBX element"});
}

TEST_CASE("parallel Chinese sections must have as many terms as zh-Hans",
          "[check]") {
  Checked checked = CheckBytes(R"(<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="a">
<langSec xml:lang="zh-Hans"><termSec><term>征信</term></termSec></langSec>
<langSec xml:lang="zh-Latn-pinyin"><termSec><term>zhēngxìn</term></termSec><termSec><term>zhēngxìn jīgòu</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>)",
                               "p.tbx");
  CHECK(checked.messages ==
        std::vector<std::string>{
            "p.tbx:7:1: warning: zh-Latn-pinyin has 2 term(s) but zh-Hans "
            "has 1; they pair by position, term for term"});
}

TEST_CASE(
    "any cut or damaged copy of a real file gives located errors, never a "
    "crash",
    "[check]") {
  std::string bytes =
      testing::ReadShared("data/tbx/lisa-tbx-basic-2009/TBX-basic-samples.tbx");
  for (std::size_t cut = 0; cut < bytes.size(); cut += 97) {
    std::string damaged = bytes.substr(0, cut);
    if (cut % 3 == 0 && !damaged.empty()) damaged[damaged.size() / 2] = '\xFF';
    Diagnostics diags;
    CheckResult result = CheckTbx(damaged, "cut.tbx", diags);
    INFO("cut at " << cut);
    if (!result.readable) {
      REQUIRE_FALSE(diags.all().empty());
      CHECK(diags.all().front().location.line > 0);
    }
  }
}

}  // namespace
}  // namespace glossa
