// glossa read --translation and glossa site --translation, run as a user
// runs them, on a translation made from the edition's own XLIFF export.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "test_support.h"

namespace glossa {
namespace {

// The built-in report exported as XLIFF for English, with kf.1's two
// sentences translated (the second with the deprecated "social credit
// score"), written to a temporary file; returns its path.
std::string TranslationFile() {
  testing::RunResult exported =
      testing::RunGlossa({"export", "--format", "xliff", "--target", "en"});
  REQUIRE(exported.status == 0);
  std::string xml = exported.out;
  auto translate = [&](const std::string& id, const std::string& target) {
    std::size_t unit = xml.find("<trans-unit id=\"" + id + "\">");
    REQUIRE(unit != std::string::npos);
    std::size_t end = xml.find("</source>", unit);
    REQUIRE(end != std::string::npos);
    xml.insert(end + 9, "<target>" + target + "</target>");
  };
  translate("kf.1.s1",
            "China's Social Credit System is an ambitious initiative built "
            "on big data.");
  translate("kf.1.s2",
            "The state wants to pool data on citizens and companies, give "
            "them a social credit score and steer behaviour through rewards "
            "and punishments.");
  std::string path = testing::MakeTempDir() + "/report.en.xlf";
  std::string error;
  REQUIRE(WriteFileAtomically(path, xml, &error));
  return path;
}

TEST_CASE("glossa read --translation shows each block under the German",
          "[translation][cli]") {
  std::string path = TranslationFile();
  testing::RunResult run =
      testing::RunGlossa({"read", "--translation", path, "--section", "kf"});
  CHECK(run.err.empty());
  CHECK(run.status == 0);
  CHECK(run.out ==
        "key findings, p. 1 · kf.1\n"
        "de  Chinas gesellschaftliches Bonitätssystem ist eine ehrgeizige\n"
        "    Big-Data-gestützte Initiative. Der Staat will einen zentralen "
        "Pool von Daten\n"
        "    der Bürger und Unternehmen schaffen, um diese zu überwachen, zu "
        "bewerten und\n"
        "    Verhalten durch Belohnungen oder Sanktionen zu beeinflussen.\n"
        "en  China's Social Credit System is an ambitious initiative built on "
        "big data.\n"
        "    The state wants to pool data on citizens and companies, give them "
        "a social\n"
        "    credit score and steer behaviour through rewards and "
        "punishments.\n"
        "!   segment kf.1.s2: [missing] bewerten → expected \"credit "
        "evaluation\" (or:\n"
        "    \"credit assessment\"); target has none\n"
        "!   segment kf.1.s2: [deprecated] \"social credit score\" "
        "(Bonitätswert, not in\n"
        "    the source) is to avoid: implies one nationwide score per "
        "person, which does\n"
        "    not exist; China Law Translate treats point systems as "
        "peripheral, and the\n"
        "    report itself doubts an all-embracing citizen score (§4).\n"
        "\n" +
            path + ": 2 of 365 sentences translated, 2 qa findings\n");
}

TEST_CASE("glossa read --translation shows only the blocks translated",
          "[translation][cli]") {
  std::string path = TranslationFile();
  testing::RunResult whole =
      testing::RunGlossa({"read", "--translation", path});
  testing::RunResult section =
      testing::RunGlossa({"read", "--translation", path, "--section", "kf"});
  CHECK(whole.status == 0);
  CHECK(whole.out == section.out);
  testing::RunResult none =
      testing::RunGlossa({"read", "--translation", path, "--section", "2.1"});
  CHECK(none.status == 0);
  CHECK(none.out ==
        "\n" + path + ": 2 of 365 sentences translated, 2 qa findings\n");
}

TEST_CASE("glossa read --translation reads the XLIFF 2.0 export back",
          "[translation][cli]") {
  testing::RunResult exported =
      testing::RunGlossa({"export", "--format", "xliff2", "--target", "zh"});
  REQUIRE(exported.status == 0);
  std::string xml = exported.out;
  CHECK(xml.find("trgLang=\"zh-CN\"") != std::string::npos);
  std::size_t unit = xml.find("<unit id=\"kf.1.s1\">");
  REQUIRE(unit != std::string::npos);
  std::size_t end = xml.find("</source>", unit) + 9;
  xml.insert(end,
             "<target>中国的社会信用体系是一项以大数据为基础的举措。</target>");
  std::string path = testing::MakeTempDir() + "/report.zh.xlf";
  std::string error;
  REQUIRE(WriteFileAtomically(path, xml, &error));
  testing::RunResult run =
      testing::RunGlossa({"read", "--translation", path, "--section", "kf.1"});
  CHECK(run.err.empty());
  CHECK(run.status == 0);
  CHECK(run.out.find(
            "\nzh-CN  中国的社会信用体系是一项以大数据为基础的举措。\n") !=
        std::string::npos);
  CHECK(run.out.substr(run.out.rfind('\n', run.out.size() - 2) + 1) ==
        path + ": 1 of 365 sentences translated, 0 qa findings\n");
}

TEST_CASE("glossa read and site refuse a translation they cannot read",
          "[translation][cli]") {
  std::string dir = testing::MakeTempDir();
  SECTION("a missing file") {
    testing::RunResult read =
        testing::RunGlossa({"read", "--translation", dir + "/none.xlf"});
    CHECK(read.status == 2);
    CHECK(read.err == "glossa: error: cannot open '" + dir +
                          "/none.xlf': No such file or directory\n");
    testing::RunResult site = testing::RunGlossa(
        {"site", "--translation", dir + "/none.xlf", "-o", dir + "/site"});
    CHECK(site.status == 2);
    CHECK(site.err == "glossa: error: cannot open '" + dir +
                          "/none.xlf': No such file or directory\n"
                          "glossa: error: the translation cannot be read; the "
                          "site was not built\n");
  }
  SECTION("malformed XML") {
    std::string path = dir + "/bad.xlf";
    std::string error;
    REQUIRE(WriteFileAtomically(
        path, "<xliff version=\"1.2\"><file source-language=\"de\"", &error));
    testing::RunResult run = testing::RunGlossa(
        {"site", "--translation", path, "-o", dir + "/site"});
    CHECK(run.status == 2);
    CHECK(run.err.rfind(path + ":1:", 0) == 0);
    CHECK(run.err.find(": error: ") != std::string::npos);
    CHECK(run.out.empty());
  }
  SECTION("--json") {
    testing::RunResult run = testing::RunGlossa(
        {"read", "--json", "--translation", TranslationFile()});
    CHECK(run.status == 2);
    CHECK(run.err ==
          "glossa: error: read: --json and --translation cannot be combined; "
          "glossa qa --json gives the translation's findings\n");
  }
}

}  // namespace
}  // namespace glossa
