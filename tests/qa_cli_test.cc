// glossa qa on the real bilingual files in ../shared/data/qa/, with the
// small glossary of their domain (tests/data/qa-glossary.tbx).

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace glossa {
namespace {

std::string Fixture() {
  return std::string(GLOSSA_TEST_DATA) + "/qa-glossary.tbx";
}

std::vector<std::string> LinesOf(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_CASE("glossa qa finds the terms Symfony's German messages leave out",
          "[qa][cli]") {
  std::string de =
      testing::SharedPath("data/qa/xliff12/symfony-validators.de.xlf");
  testing::ReadOrFail(de);
  testing::RunResult run =
      testing::RunGlossa({"--glossary", Fixture(), "qa", de});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  std::vector<std::string> lines = LinesOf(run.out);
  REQUIRE(lines.size() == 9);
  // „Der Dateityp ist ungültig … Erlaubte Dateitypen …“ holds "Datei" as the
  // first part of a compound: not missing (README: qa, What it checks).
  CHECK(lines.front() ==
        de + ":79:25: warning: segment 19: [missing] value → expected "
             "\"Wert\" (or: \"Zahlenwert\", \"Eingabewert\"); target has "
             "none");
  // „Diese Zahl sollte positiv sein.“ renders "This value" with „Zahl“.
  CHECK(lines[2] == de + ":343:25: warning: segment 88: [missing] value → "
                         "expected \"Wert\" (or: \"Zahlenwert\", "
                         "\"Eingabewert\"); target has none");
  // "character encoding" is „Zeichensatz“, another entry of the glossary:
  // a word that is a term is not read as a compound of another.
  CHECK(lines[7] == de + ":435:25: warning: segment 111: [missing] character "
                         "→ expected \"Zeichen\"; target has none");
  CHECK(lines.back() == de + ": 116 segments checked, 0 skipped, 8 problems");
}

TEST_CASE("glossa qa asks for --source and --target where a TSV cannot say",
          "[qa][cli]") {
  const std::string path = testing::MakeTempDir() + "/pairs.tsv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "social credit system\tgesellschaftliches Bonitätssystem\n"
           "blacklist\tSchwarze Liste\n";
  }
  testing::RunResult bare = testing::RunGlossa({"qa", path});
  CHECK(bare.status == 2);
  CHECK(bare.err ==
        path +
            ": error: the file does not name its source language; give it "
            "with --source\n" +
            path +
            ": error: the file does not name its target language; give it "
            "with --target\n");
  testing::RunResult named =
      testing::RunGlossa({"qa", "--source", "en", "--target", "de", path});
  CHECK(named.status == 0);
  CHECK(named.out == path + ": 2 segments checked, 0 skipped, 0 problems\n");
}

TEST_CASE("glossa qa reads German compounds in OmegaT's German tutorial",
          "[qa][cli]") {
  std::string de = testing::SharedPath("data/qa/tmx/omegat-beginners.de.tmx");
  testing::ReadOrFail(de);
  testing::RunResult run =
      testing::RunGlossa({"--glossary", Fixture(), "qa", de});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  std::vector<std::string> lines = LinesOf(run.out);
  // „Projektdateien“, „Glossardateien“, „Dateiformat“ hold "Datei"; what
  // is left are real departures: „Eingabedati“ (a typo), „Dokumente“ for
  // files, a sentence that drops the word.
  CHECK(lines.back() == de + ": 1143 segments checked, 0 skipped, 21 problems");
  auto has = [&](const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  CHECK(has(de + ":3607:18: warning: segment tu 342: [missing] file → "
                 "expected \"Datei\"; target has none"));  // Eingabedati
  CHECK(has(de + ":1673:18: warning: segment tu 157: [missing] files → "
                 "expected \"Datei\"; target has none"));  // Dokumente
  for (const std::string& line : lines) {
    // tu 2: „OmegaT Projektdateien:“; tu 1010: „Projektdateien“.
    CHECK(line.find("segment tu 2:") == std::string::npos);
    CHECK(line.find("segment tu 1010:") == std::string::npos);
  }
}

TEST_CASE("glossa qa finds nothing missing in lxterminal's German PO",
          "[qa][cli]") {
  std::string de = testing::SharedPath("data/qa/po/lxterminal.de.po");
  testing::ReadOrFail(de);
  testing::RunResult run =
      testing::RunGlossa({"--glossary", Fixture(), "qa", de});
  CHECK(run.status == 0);
  CHECK(run.out == de + ": 103 segments checked, 0 skipped, 0 problems\n");
}

TEST_CASE("glossa qa finds the two renderings of 'value' in Symfony's Chinese",
          "[qa][cli]") {
  std::string zh =
      testing::SharedPath("data/qa/xliff12/symfony-validators.zh_CN.xlf");
  testing::ReadOrFail(zh);
  testing::RunResult run =
      testing::RunGlossa({"--glossary", Fixture(), "qa", zh});
  CHECK(run.status == 1);
  std::vector<std::string> lines = LinesOf(run.out);
  REQUIRE(lines.size() >= 2);
  CHECK(lines[lines.size() - 2] ==
        zh + ":7:25: warning: [inconsistent] value rendered 2 ways: \"值\" ×49 "
             "(preferred; segments 1, 2, 4, 5, 8, 11, 12, 13, 18, 20 and 39 "
             "more), \"数值\" ×5 (segments 88, 89, 90, 91, 94)");
  CHECK(lines.back() == zh + ": 116 segments checked, 0 skipped, 17 problems");
}

TEST_CASE(
    "glossa qa counts what a PO file leaves untranslated, fuzzy or "
    "obsolete, and checks the other files when one cannot be",
    "[qa][cli]") {
  std::string po = testing::SharedPath("data/qa/po/lxterminal.zh_CN.po");
  std::string fr =
      testing::SharedPath("data/qa/xliff20/okapi-xliff2-test01.xlf");
  std::string tmx =
      testing::SharedPath("data/qa/tmx/omegat-beginners.zh_CN.tmx");
  testing::RunResult run =
      testing::RunGlossa({"--glossary", Fixture(), "qa", po, fr, tmx});
  CHECK(run.status == 2);
  CHECK(run.err == fr + ": error: the glossary has no terms in 'fr' (the "
                        "file's target language)\n");
  CHECK(LinesOf(run.out) ==
        std::vector<std::string>{
            po + ": 66 segments checked, 77 skipped, 0 problems",
            tmx + ":172:14: warning: segment tu 13: [missing] file → "
                  "expected \"文件\"; target has none",
            tmx + ": 39 segments checked, 0 skipped, 1 problem",
        });

  testing::RunResult json = testing::RunGlossa(
      {"--glossary", Fixture(), "qa", "--json", po, fr, tmx});
  CHECK(json.status == 2);
  nlohmann::json out = nlohmann::json::parse(json.out);
  CHECK(out["summary"] == nlohmann::json{{"files", 3},
                                         {"read", 2},
                                         {"checked", 105},
                                         {"skipped", 77},
                                         {"problems", 1}});
  CHECK(out["files"][1]["read"] == false);
  CHECK(out["files"][2]["format"] == "tmx");
  const auto& problem = out["problems"][0];
  CHECK(problem["file"] == tmx);
  CHECK(problem["line"] == 172);
  CHECK(problem["column"] == 14);
  CHECK(problem["segment"] == "tu 13");
  CHECK(problem["kind"] == "missing");
  CHECK(problem["expected"] == nlohmann::json::array({"文件"}));
}

}  // namespace
}  // namespace glossa
