#include "core/tbx_reader.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

using testing::Messages;

using testing::ReadShared;

// A TBX v3 document around the given body.
std::string V3(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
)" + body +
         "</body></text></tbx>\n";
}

TEST_CASE("every Okapi file loads with the counts and last ids Okapi expects",
          "[tbx]") {
  std::istringstream expected(
      ReadShared("data/tbx/okapi-lib-terminology/EXPECTED.txt"));
  std::string line;
  int files = 0;
  while (std::getline(expected, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, last_id;
    std::size_t count = 0;
    fields >> file >> count >> last_id;
    INFO(file);
    Diagnostics diags;
    Glossary glossary;
    REQUIRE(ReadTbx(ReadShared("data/tbx/okapi-lib-terminology/" + file), file,
                    diags, &glossary));
    CHECK(diags.errors() == 0);
    CHECK(glossary.concepts.size() == count);
    REQUIRE_FALSE(glossary.concepts.empty());
    CHECK(glossary.concepts.back().id == last_id);
    ++files;
  }
  CHECK(files == 7);
}

TEST_CASE("the windows-1254 file keeps its Turkish characters", "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(
      ReadTbx(ReadShared("data/tbx/okapi-lib-terminology/test02_win1254.tbx"),
              "test02_win1254.tbx", diags, &glossary));
  REQUIRE(glossary.concepts.size() == 1);
  const Concept& entry = glossary.concepts[0];
  REQUIRE(entry.Language("en") != nullptr);
  REQUIRE(entry.Language("tr") != nullptr);
  CHECK(entry.Language("en")->terms.at(0).text ==
        "term with: \u00e9\u00e1 and \u0130\u0131");
  CHECK(entry.Language("tr")->terms.at(0).text ==
        "tr term with: \u00e9\u00e1 and \u0130\u0131");
}

TEST_CASE("the LTAC valid examples load without errors", "[tbx]") {
  for (const char* file : {"TBX-Basic_Example_Astronomy_DCA_VALID.tbx",
                           "TBX-Basic_Example_Astronomy_DCT_VALID.tbx",
                           "TBX-Core_Example_Astronomy_DCA_VALID.tbx",
                           "TBX-Min_Example_Astronomy_DCA_VALID.tbx",
                           "TBX-Min_Example_Astronomy_DCT_VALID.tbx"}) {
    INFO(file);
    Diagnostics diags;
    Glossary glossary;
    REQUIRE(ReadTbx(ReadShared(std::string("data/tbx/ltac-dialects/") + file),
                    file, diags, &glossary));
    CHECK(diags.all().empty());
    CHECK(glossary.concepts.size() == 45);
  }
}

TEST_CASE("DCT style reads into the same model as DCA style", "[tbx]") {
  Diagnostics diags;
  Glossary dca, dct;
  REQUIRE(ReadTbx(
      ReadShared(
          "data/tbx/ltac-dialects/TBX-Basic_Example_Astronomy_DCA_VALID.tbx"),
      "dca", diags, &dca));
  REQUIRE(ReadTbx(
      ReadShared(
          "data/tbx/ltac-dialects/TBX-Basic_Example_Astronomy_DCT_VALID.tbx"),
      "dct", diags, &dct));
  REQUIRE(dca.concepts.size() == dct.concepts.size());
  const Concept& a = dca.concepts[0];
  const Concept& b = dct.concepts[0];
  CHECK(a.subject_fields == b.subject_fields);
  REQUIRE(a.Language("en") != nullptr);
  REQUIRE(b.Language("en") != nullptr);
  REQUIRE(b.Language("en")->definitions.size() == 1);
  CHECK(b.Language("en")->definitions[0].text ==
        a.Language("en")->definitions[0].text);
  CHECK(b.Language("en")->definitions[0].source == "Oxford2007");
  const Term& term = b.Language("en")->terms.at(0);
  CHECK(term.text == "open cluster");
  CHECK(term.part_of_speech == a.Language("en")->terms.at(0).part_of_speech);
  CHECK(term.status == a.Language("en")->terms.at(0).status);
}

TEST_CASE(
    "a term section reads status, type, part of speech, sources and notes",
    "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadTbx(V3(R"(<conceptEntry id="a">
<descrip type="subjectField">finance</descrip>
<ref type="crossReference" target="a">self</ref>
<langSec xml:lang="de">
<descripGrp><descrip type="definition">Eine Definition.</descrip><admin type="source">S1</admin></descripGrp>
<note>Eine Notiz.</note>
<termSec id="t1"><term>Dateninsel</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
<termNote type="termType">fullForm</termNote>
<termNote type="partOfSpeech">noun</termNote>
<termNote type="grammaticalGender">feminine</termNote>
<admin type="source">MERICS</admin>
<descripGrp><descrip type="context">„Dateninseln“</descrip><admin type="source">§2.3</admin></descripGrp>
<note>Plural im Bericht.</note>
</termSec></langSec></conceptEntry>)"),
                  "t.tbx", diags, &glossary));
  CHECK(diags.all().empty());
  REQUIRE(glossary.concepts.size() == 1);
  const Concept& entry = glossary.concepts[0];
  CHECK(entry.subject_fields == std::vector<std::string>{"finance"});
  REQUIRE(entry.cross_references.size() == 1);
  CHECK(entry.cross_references[0].target == "a");
  const LangSection& de = *entry.Language("de");
  CHECK(de.definitions.at(0).text == "Eine Definition.");
  CHECK(de.definitions.at(0).source == "S1");
  CHECK(de.definitions.at(0).xml.empty());
  CHECK(de.notes.at(0).text == "Eine Notiz.");
  const Term& term = de.terms.at(0);
  CHECK(term.id == "t1");
  CHECK(term.text == "Dateninsel");
  CHECK(term.status == TermStatus::kPreferred);
  CHECK(term.type == TermType::kFullForm);
  CHECK(term.part_of_speech == "noun");
  CHECK(term.grammatical_gender == "feminine");
  CHECK(term.sources == std::vector<std::string>{"MERICS"});
  CHECK(term.contexts.at(0).text == "„Dateninseln“");
  CHECK(term.contexts.at(0).source == "§2.3");
  CHECK(term.notes.at(0).text == "Plural im Bericht.");
  CHECK(term.extra.empty());
  CHECK(term.origin.line == 11);
}

TEST_CASE("parallel Chinese sections pair characters and readings", "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadTbx(V3(R"(<conceptEntry id="zhengxin">
<langSec xml:lang="zh-Hans"><termSec><term>征信</term></termSec><termSec><term>征信机构</term></termSec></langSec>
<langSec xml:lang="zh-Hant"><termSec><term>徵信</term></termSec><termSec><term>徵信機構</term></termSec></langSec>
<langSec xml:lang="zh-Latn-pinyin"><termSec><term>zhēngxìn</term></termSec><termSec><term>zhēngxìn jīgòu</term></termSec></langSec>
</conceptEntry>)"),
                  "t.tbx", diags, &glossary));
  std::vector<ChineseForms> forms = ChineseTerms(glossary.concepts.at(0));
  REQUIRE(forms.size() == 2);
  CHECK(forms[1].simplified->text == "征信机构");
  REQUIRE(forms[1].traditional != nullptr);
  CHECK(forms[1].traditional->text == "徵信機構");
  REQUIRE(forms[1].pinyin != nullptr);
  CHECK(forms[1].pinyin->text == "zhēngxìn jīgòu");
}

TEST_CASE("a broken entry is reported and the good ones still load", "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadTbx(
      V3(R"(<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>one</term></termSec></langSec></conceptEntry>
<conceptEntry id="b"><langSec xml:lang="en"><termSec><note>no term here</note></termSec></langSec></conceptEntry>
<conceptEntry id="c"><langSec xml:lang="en"><termSec><term>three</term></termSec></langSec></conceptEntry>
)"),
      "broken.tbx", diags, &glossary));
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "broken.tbx:6:45: error: <termSec> has no <term>"});
  REQUIRE(glossary.concepts.size() == 3);
  CHECK(glossary.concepts[2].Language("en")->terms.at(0).text == "three");
  // Nothing is lost: the broken section is kept for writing back.
  CHECK(
      glossary.concepts[1].Language("en")->extra.elements ==
      std::vector<std::string>{"<termSec><note>no term here</note></termSec>"});
}

TEST_CASE("an unknown language code is reported and its section skipped",
          "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadTbx(V3(R"(<conceptEntry id="a">
<langSec xml:lang="xx"><termSec><term>?</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>one</term></termSec></langSec>
</conceptEntry>)"),
                  "lang.tbx", diags, &glossary));
  CHECK(
      Messages(diags) ==
      std::vector<std::string>{
          "lang.tbx:6:10: error: unknown language code 'xx'; section skipped"});
  CHECK(glossary.concepts.at(0).languages.size() == 1);
  CHECK(glossary.concepts.at(0).extra.elements.size() == 1);
}

TEST_CASE("a duplicate entry id is reported with the first one's line",
          "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadTbx(
      V3(R"(<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>one</term></termSec></langSec></conceptEntry>
<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>two</term></termSec></langSec></conceptEntry>
)"),
      "dup.tbx", diags, &glossary));
  CHECK(Messages(diags) ==
        std::vector<std::string>{"dup.tbx:6:15: error: duplicate entry id 'a' "
                                 "(first used at line 5)"});
  CHECK(glossary.concepts.size() == 2);
}

TEST_CASE("an empty file is an error at 1:1", "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  CHECK_FALSE(ReadTbx("", "empty.tbx", diags, &glossary));
  CHECK(Messages(diags) ==
        std::vector<std::string>{"empty.tbx:1:1: error: file is empty"});
}

TEST_CASE("malformed XML is an error at its line and column", "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  CHECK_FALSE(ReadTbx("<tbx>\n  <text>\n  </txt>\n</tbx>\n", "bad.tbx", diags,
                      &glossary));
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "bad.tbx:3:5: error: malformed XML: start-end tags mismatch"});
}

TEST_CASE("the LISA not-well-formed sample is rejected with its location",
          "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  CHECK_FALSE(ReadTbx(
      ReadShared(
          "data/tbx/lisa-tbx-basic-2009/tbx_basic_sample_notwellformed.tbx"),
      "nwf.tbx", diags, &glossary));
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "nwf.tbx:44:5: error: malformed XML: start-end tags mismatch"});
}

TEST_CASE(
    "invalid UTF-8 is reported at its byte offset and the rest still loads",
    "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  std::string bytes =
      V3(R"(<conceptEntry id="a"><langSec xml:lang="de"><termSec><term>Bonit)"
         "\xE4"
         R"(t</term></termSec></langSec></conceptEntry>)");
  REQUIRE(ReadTbx(bytes, "latin1.tbx", diags, &glossary));
  std::size_t offset = bytes.find('\xE4');
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "latin1.tbx:5:65: error: invalid UTF-8 at byte offset " +
            std::to_string(offset) + " (0xE4)"});
  CHECK(glossary.concepts.at(0).Language("de")->terms.at(0).text ==
        "Bonit\uFFFDt");
}

TEST_CASE("after twenty bad bytes the rest are summed up where they start",
          "[tbx]") {
  // 25 terms in Latin-1, a line each: 20 reported, then one line at the
  // 21st for the rest; check's listing sorted by place keeps that order.
  std::string entries;
  for (int i = 0; i < 25; ++i) {
    entries += "<conceptEntry id=\"c" + std::to_string(i) +
               "\"><langSec xml:lang=\"de\"><termSec><term>Bonit\xE4t " +
               std::to_string(i) +
               "</term></termSec></langSec></conceptEntry>\n";
  }
  const std::string bytes = V3(entries);
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadTbx(bytes, "latin1.tbx", diags, &glossary));
  std::vector<std::string> messages = Messages(diags);
  REQUIRE(messages.size() == 21);
  std::size_t first = bytes.find('\xE4');
  CHECK(messages[0] == "latin1.tbx:5:66: error: invalid UTF-8 at byte offset " +
                           std::to_string(first) + " (0xE4)");
  std::size_t twenty_first = first;
  for (int i = 0; i < 20; ++i)
    twenty_first = bytes.find('\xE4', twenty_first + 1);
  CHECK(messages[20] ==
        "latin1.tbx:25:67: error: more invalid UTF-8 follows "
        "from here (byte offset " +
            std::to_string(twenty_first) + "); not reported");
  CHECK(glossary.concepts.size() == 25);
}

TEST_CASE("an unknown encoding is an error at the declaration", "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  CHECK_FALSE(ReadTbx("<?xml version=\"1.0\" encoding=\"klingon-8\"?>\n<tbx/>",
                      "enc.tbx", diags, &glossary));
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "enc.tbx:1:31: error: unknown encoding 'klingon-8'"});
}

TEST_CASE(
    "bytes the declared encoding cannot decode are an error at their offset",
    "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  CHECK_FALSE(
      ReadTbx("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<tbx>\xFF</tbx>",
              "sjis.tbx", diags, &glossary));
  CHECK(Messages(diags) ==
        std::vector<std::string>{"sjis.tbx:2:6: error: invalid Shift_JIS byte "
                                 "sequence 0xFF at byte offset 48"});
}

TEST_CASE("UTF-16 with a byte order mark is read", "[tbx]") {
  std::string utf8 = V3(
      R"(<conceptEntry id="a"><langSec xml:lang="zh-Hans"><termSec><term>征信</term></termSec></langSec></conceptEntry>)");
  std::string utf16 = "\xFF\xFE";
  for (char32_t c : CodePoints(utf8)) {
    utf16 += static_cast<char>(c & 0xFF);
    utf16 += static_cast<char>(c >> 8);
  }
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadTbx(utf16, "utf16.tbx", diags, &glossary));
  CHECK(diags.all().empty());
  CHECK(glossary.concepts.at(0).Language("zh-Hans")->terms.at(0).text ==
        "征信");
}

TEST_CASE("a document that is not TBX is refused", "[tbx]") {
  Diagnostics diags;
  Glossary glossary;
  CHECK_FALSE(ReadTbx("<html><body/></html>", "page.html", diags, &glossary));
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "page.html:1:1: error: not a TBX file: the root element is "
            "<html>, not <tbx> or <martif>"});
}

}  // namespace
}  // namespace glossa
