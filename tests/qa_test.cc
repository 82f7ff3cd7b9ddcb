#include "core/qa.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/tbx_reader.h"
#include "test_support.h"

namespace glossa {
namespace {

// The fixture glossary of software messages (tests/data/qa-glossary.tbx).
const Glossary& Terms() {
  static const Glossary* glossary = [] {
    auto* g = new Glossary();
    Diagnostics diags;
    REQUIRE(ReadTbx(
        testing::ReadOrFail(std::string(GLOSSA_TEST_DATA) + "/qa-glossary.tbx"),
        "qa-glossary.tbx", diags, g));
    REQUIRE(diags.all().empty());
    return g;
  }();
  return *glossary;
}

const Glossary& BuiltIn() { return testing::BuiltInGlossary(); }

struct Pair {
  std::string source;
  std::string target;
  SkipReason skipped = SkipReason::kNone;
};

// A file "t.xlf" whose n-th segment (id "n", from 1) has its source on line
// 3n and its target on line 3n + 1, both at column 5.
BilingualFile File(std::string source_lang, std::string target_lang,
                   const std::vector<Pair>& pairs) {
  BilingualFile file;
  file.name = "t.xlf";
  file.format = "xliff-1.2";
  file.source_lang = std::move(source_lang);
  file.target_lang = std::move(target_lang);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    Segment segment;
    int n = static_cast<int>(i) + 1;
    segment.id = std::to_string(n);
    segment.source = pairs[i].source;
    segment.target = pairs[i].target;
    segment.source_at = {"t.xlf", 3 * n, 5};
    segment.target_at = {"t.xlf", 3 * n + 1, 5};
    segment.skipped = pairs[i].skipped;
    file.segments.push_back(std::move(segment));
  }
  return file;
}

// The problems as `glossa qa` prints them.
std::vector<std::string> Lines(const QaReport& report) {
  std::vector<std::string> out;
  for (const QaProblem& problem : report.problems)
    out.push_back(
        FormatDiagnostic({problem.at, Severity::kWarning, problem.message}));
  return out;
}

std::vector<std::string> Check(const Glossary& glossary,
                               const BilingualFile& file) {
  Diagnostics diags;
  QaReport report = CheckTranslation(glossary, file, {}, diags);
  CHECK(testing::Messages(diags) == std::vector<std::string>{});
  return Lines(report);
}

TEST_CASE("qa finds German terms inflected and a term the target lacks",
          "[qa]") {
  BilingualFile file = File(
      "en", "de",
      {{"The values are invalid.", "Die Werte sind ungültig."},
       {"The type of the value is wrong.", "Der Typ des Wertes ist falsch."},
       {"This file is not readable.", "Dieses Dokument ist nicht lesbar."}});
  CHECK(Check(Terms(), file) ==
        std::vector<std::string>{
            "t.xlf:10:5: warning: segment 3: [missing] file → expected "
            "\"Datei\"; target has none"});
}

TEST_CASE("qa reads a German rendering inside a compound", "[qa]") {
  BilingualFile file =
      File("en", "de",
           {{"The project file is open.", "Die Projektdatei ist offen."},
            {"Copy the glossary files.", "Kopieren Sie die Glossardateien."},
            {"The file format is unknown.", "Das Dateiformat ist unbekannt."},
            {"The file type is wrong.", "Der Dateityp ist falsch."},
            {"The value is rated.", "Die Wertung ist hoch."},
            {"The values are invalid.", "Die Wertigkeiten sind ungültig."}});
  // A head or a first part of four letters or more before a part of four
  // or more holds the term; "Dateityp" (three letters after) does not,
  // nor a derivation („Wertung“), nor a word that is itself a term
  // („Wertigkeiten“, deprecated for value).
  std::vector<std::string> lines = Check(Terms(), file);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] ==
        "t.xlf:13:5: warning: segment 4: [missing] file → expected "
        "\"Datei\"; target has none");
  CHECK(lines[1].find("segment 5: [missing] value") != std::string::npos);
  CHECK(lines[2].find("segment 6: [missing] values") != std::string::npos);
  CHECK(lines[3].find("segment 6: [deprecated] \"Wertigkeiten\"") !=
        std::string::npos);
}

TEST_CASE("qa matches case-insensitively on both sides", "[qa]") {
  BilingualFile file =
      File("EN", "DE",
           {{"THIS VALUE IS TOO LONG.", "DIESER WERT IST ZU LANG."},
            {"this file is empty", "diese datei ist leer"}});
  CHECK(Check(Terms(), file) == std::vector<std::string>{});
}

TEST_CASE("qa finds Chinese terms without spaces and names what it expects",
          "[qa]") {
  BilingualFile file = File("en", "zh_CN",
                            {{"The file is too large.", "文件太大。"},
                             {"This value is not valid.", "该变量无效。"},
                             {"Invalid characters.", "无效的字符。"}});
  CHECK(Check(Terms(), file) ==
        std::vector<std::string>{
            "t.xlf:7:5: warning: segment 2: [missing] value → expected "
            "\"值\" (or: \"数值\"); target has none"});
}

TEST_CASE("qa checks a zh-TW target against the traditional terms", "[qa]") {
  BilingualFile file = File("en-US", "zh-TW",
                            {{"The file could not be found.", "找不到檔案。"},
                             {"Too many characters.", "字元太多。"},
                             {"This value is not valid.", "無效。"}});
  CHECK(Check(Terms(), file) ==
        std::vector<std::string>{
            "t.xlf:10:5: warning: segment 3: [missing] value → expected "
            "\"值\" (or: \"數值\"); target has none"});
}

TEST_CASE(
    "qa asks only for the longest term: no 'character' in 'character set'",
    "[qa]") {
  BilingualFile file =
      File("en", "de",
           {{"The character set is invalid.", "Der Zeichensatz ist ungültig."},
            {"The character set is invalid.", "Die Kodierung ist ungültig."}});
  CHECK(Check(Terms(), file) ==
        std::vector<std::string>{
            "t.xlf:7:5: warning: segment 2: [missing] character set → "
            "expected \"Zeichensatz\"; target has none"});
}

TEST_CASE("qa counts skipped segments and does not check them", "[qa]") {
  BilingualFile file =
      File("en", "de",
           {{"The file is empty.", "Die Datei ist leer."},
            {"The value is empty.", "", SkipReason::kUntranslated},
            {"The value is empty.", "Leer.", SkipReason::kFuzzy},
            {"The file is gone.", "Weg.", SkipReason::kObsolete},
            {"%s", "%s", SkipReason::kNotTranslatable}});
  Diagnostics diags;
  QaReport report = CheckTranslation(Terms(), file, {}, diags);
  CHECK(report.checked == 1);
  CHECK(report.skipped == 4);
  CHECK(Lines(report) == std::vector<std::string>{});
}

TEST_CASE("qa reports a deprecated rendering with the glossary's reason",
          "[qa]") {
  BilingualFile file =
      File("en", "de",
           {{"This value is not valid.", "Diese Wertigkeit ist ungültig."},
            {"The file is empty.", "Die Datei hat keine Wertigkeit."}});
  Diagnostics diags;
  QaReport report = CheckTranslation(Terms(), file, {}, diags);
  CHECK(Lines(report) ==
        std::vector<std::string>{
            "t.xlf:4:5: warning: segment 1: [missing] value → expected "
            "\"Wert\" (or: \"Zahlenwert\", \"Eingabewert\"); target has none",
            "t.xlf:4:5: warning: segment 1: [deprecated] \"Wertigkeit\" "
            "(value) is to avoid: „Wertigkeit“ ist der Rang oder die Valenz "
            "einer Sache, nicht der Inhalt eines Eingabefelds.",
            "t.xlf:7:5: warning: segment 2: [deprecated] \"Wertigkeit\" "
            "(value, not in the source) is to avoid: „Wertigkeit“ ist der "
            "Rang oder die Valenz einer Sache, nicht der Inhalt eines "
            "Eingabefelds."});
  REQUIRE(report.problems.size() == 3);
  const QaProblem& deprecated = report.problems[1];
  CHECK(deprecated.kind == QaKind::kDeprecated);
  CHECK(deprecated.entry == "value");
  CHECK(deprecated.source_term == "value");
  CHECK(deprecated.found == "Wertigkeit");
  CHECK(deprecated.expected ==
        std::vector<std::string>{"Wert", "Zahlenwert", "Eingabewert"});
  CHECK(deprecated.why ==
        "„Wertigkeit“ ist der Rang oder die Valenz einer Sache, nicht der "
        "Inhalt eines Eingabefelds. Symfony schreibt „Wert“.");
  CHECK(report.problems[2].source_term == "");
}

TEST_CASE("qa reports a concept rendered two ways, with counts and segments",
          "[qa]") {
  BilingualFile file =
      File("en", "de",
           {{"This value is too long.", "Dieser Wert ist zu lang."},
            {"This value should be positive.",
             "Dieser Zahlenwert sollte positiv sein."},
            {"This value is too short.", "Dieser Wert ist zu kurz."},
            {"The file is empty.", "Die Datei ist leer."}});
  Diagnostics diags;
  QaReport report = CheckTranslation(Terms(), file, {}, diags);
  CHECK(Lines(report) ==
        std::vector<std::string>{
            "t.xlf:4:5: warning: [inconsistent] value rendered 2 ways: "
            "\"Wert\" ×2 (preferred; segments 1, 3), \"Zahlenwert\" ×1 "
            "(segment 2)"});
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].kind == QaKind::kInconsistent);
  CHECK(report.problems[0].segment == "1");
  CHECK(report.problems[0].found == "\"Wert\" ×2, \"Zahlenwert\" ×1");
  CHECK(report.checked == 4);
}

TEST_CASE("qa counts 值 inside 数值 as one rendering, 数值", "[qa]") {
  BilingualFile file =
      File("en", "zh-Hans",
           {{"This value should be positive.", "数值应为正数。"},
            {"This value should be negative.", "数值应为负数。"},
            {"This value is not valid.", "该值无效。"}});
  CHECK(Check(Terms(), file) ==
        std::vector<std::string>{
            "t.xlf:4:5: warning: [inconsistent] value rendered 2 ways: "
            "\"数值\" ×2 (segments 1, 2), \"值\" ×1 (preferred; segment 3)"});
}

TEST_CASE("qa names the preferred rendering when no segment uses it", "[qa]") {
  BilingualFile file =
      File("en", "de",
           {{"This value is too large.", "Dieser Zahlenwert ist zu groß."},
            {"The value is wrong.", "Der Eingabewert ist falsch."},
            {"The values are too large.", "Die Zahlenwerte sind zu groß."}});
  CHECK(Check(Terms(), file) ==
        std::vector<std::string>{
            "t.xlf:4:5: warning: [inconsistent] value rendered 2 ways: "
            "\"Zahlenwert\" ×2 (segments 1, 3), \"Eingabewert\" ×1 (segment "
            "2); the glossary prefers \"Wert\""});
  file.segments[1].target = "Der Zahlenwert ist falsch.";
  CHECK(Check(Terms(), file) == std::vector<std::string>{});
}

TEST_CASE("qa reports a language the glossary does not hold, at the file",
          "[qa]") {
  BilingualFile file = File("en", "fr", {{"The file.", "Le fichier."}});
  Diagnostics diags;
  QaReport report = CheckTranslation(Terms(), file, {}, diags);
  CHECK(testing::Messages(diags) ==
        std::vector<std::string>{"t.xlf: error: the glossary has no terms in "
                                 "'fr' (the file's target language)"});
  CHECK(report.checked == 0);
  CHECK(report.problems.empty());

  Diagnostics more;
  file.source_lang = "";
  CheckTranslation(Terms(), file, {"e n", "de"}, more);
  CHECK(
      testing::Messages(more) ==
      std::vector<std::string>{"t.xlf: error: unknown source language 'e n'"});

  Diagnostics none;
  CheckTranslation(Terms(), file, {}, none);
  CHECK(testing::Messages(none) ==
        std::vector<std::string>{
            "t.xlf: error: the file does not name its source language; give "
            "it with --source",
            "t.xlf: error: the glossary has no terms in 'fr' (the file's "
            "target language)"});
}

TEST_CASE("qa names the file of a language error when it has no segments",
          "[qa]") {
  BilingualFile file;
  Diagnostics diags;
  REQUIRE(
      ReadBilingual("<xliff version=\"1.2\"><file source-language=\"en\" "
                    "target-language=\"fr\"><body/></file></xliff>",
                    "empty.xlf", "", diags, &file));
  CHECK(file.name == "empty.xlf");
  CHECK(file.segments.empty());
  CheckTranslation(Terms(), file, {}, diags);
  CHECK(testing::Messages(diags) ==
        std::vector<std::string>{"empty.xlf: error: the glossary has no terms "
                                 "in 'fr' (the file's target language)"});
}

TEST_CASE("qa takes the languages from the options over the file's", "[qa]") {
  BilingualFile file = File("fr", "", {{"The file.", "Die Datei."}});
  Diagnostics diags;
  QaReport report = CheckTranslation(Terms(), file, {"en", "de-CH"}, diags);
  CHECK(testing::Messages(diags) == std::vector<std::string>{});
  CHECK(report.checked == 1);
  CHECK(Lines(report) == std::vector<std::string>{});
}

TEST_CASE("qa counts a rendering once, for the concept it renders best",
          "[qa]") {
  // "Credit" inside "Social Credit System" is not a rendering of
  // Kreditwürdigkeit, and "creditworthiness" (preferred for Kreditwürdigkeit,
  // admitted for Integrität) renders Kreditwürdigkeit where the source has
  // both: neither makes a second rendering of a concept.
  BilingualFile file =
      File("de", "en",
           {{"Das gesellschaftliche Bonitätssystem soll Kreditwürdigkeit "
             "beurteilen.",
             "The Social Credit System is to assess creditworthiness."},
            {"Die Pläne nennen Integrität und Kreditwürdigkeit.",
             "The plans name integrity and creditworthiness."},
            {"Integrität ist das Ziel.", "Integrity is the aim."}});
  CHECK(Check(BuiltIn(), file) == std::vector<std::string>{});
  // A second rendering standing on its own still counts.
  file.segments[2].target = "Honesty is the aim.";
  CHECK(Check(BuiltIn(), file) ==
        std::vector<std::string>{
            "t.xlf:7:5: warning: [inconsistent] Integrität rendered 2 ways: "
            "\"integrity\" ×1 (preferred; segment 2), \"honesty\" ×1 "
            "(segment 3)"});
}

TEST_CASE("qa checks a German to English translation of the report", "[qa]") {
  BilingualFile file =
      File("de", "en",
           {{"Die Dateninseln erschweren die Auswertung.",
             "The information islands make evaluation harder."},
            {"Die Medien schreiben vom Sozialkreditsystem.",
             "The media write about a social credit score."}});
  CHECK(Check(BuiltIn(), file) ==
        std::vector<std::string>{
            "t.xlf:7:5: warning: segment 2: [missing] Sozialkreditsystem → "
            "expected \"Social Credit System\" (or: \"social credit system\", "
            "\"SCS\"); target has none",
            "t.xlf:7:5: warning: segment 2: [deprecated] \"social credit "
            "score\" (Bonitätswert, not in the source) is to avoid: "
            "implies one nationwide score per person, which does "
            "not exist; China Law Translate treats point systems as "
            "peripheral, and the report itself doubts an all-embracing "
            "citizen score (§4)."});
}

TEST_CASE("qa does not flag a deprecated word inside an accepted rendering",
          "[qa]") {
  // "credit" is deprecated for 诚信, but here part of "social credit system".
  BilingualFile file =
      File("de", "en",
           {{"Das gesellschaftliche Bonitätssystem wächst.",
             "The social credit system grows."},
            {"Das Sozialpunktesystem wächst.", "The SCS grows."}});
  CHECK(Check(BuiltIn(), file) ==
        std::vector<std::string>{
            "t.xlf:4:5: warning: [inconsistent] gesellschaftliches "
            "Bonitätssystem rendered 2 ways: \"Social Credit System\" ×1 "
            "(preferred; segment 1), \"SCS\" ×1 (segment 2)"});
}

}  // namespace
}  // namespace glossa
