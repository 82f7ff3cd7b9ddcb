#include "cli/cli.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/edition_index.h"
#include "core/export.h"
#include "core/file_io.h"
#include "core/tbx_reader.h"
#include "core/tbx_writer.h"
#include "core/tei.h"
#include "core/unicode.h"
#include "core/xliff_export.h"
#include "test_support.h"

namespace glossa {
namespace {

using testing::CheckGolden;
using testing::RunGlossa;
using testing::RunResult;

const std::string kTryHelp = "Try 'glossa --help' for more information.\n";

std::string FirstLine(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

std::string LastLine(const std::string& text) {
  std::string trimmed = text.substr(0, text.find_last_not_of('\n') + 1);
  return trimmed.substr(trimmed.find_last_of('\n') + 1);
}

std::string WriteTemp(const std::string& name, const std::string& contents) {
  std::string path = testing::MakeTempDir() + "/" + name;
  std::string error;
  REQUIRE(WriteFileAtomically(path, contents, &error));
  return path;
}

TEST_CASE("glossa lookup 诚信 shows the whole entry", "[cli]") {
  RunResult result = RunGlossa({"lookup", "诚信"});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CheckGolden("lookup_chengxin.txt", result.out);
}

TEST_CASE(
    "pinyin, traditional characters and the German and English renderings find "
    "one entry",
    "[cli]") {
  RunResult by_pinyin = RunGlossa({"lookup", "zhengxin"});
  CHECK(by_pinyin.status == 0);
  CHECK(FirstLine(by_pinyin.out).rfind("征信 徵信 zhēngxìn", 0) == 0);
  for (const char* query :
       {"徵信", "zheng1xin4", "zheng1 xin4", "zhēngxìn", "征信"}) {
    INFO(query);
    RunResult result = RunGlossa({"lookup", query});
    CHECK(result.status == 0);
    CHECK(result.out == by_pinyin.out);
  }
  RunResult islands = RunGlossa({"lookup", "Dateninseln"});
  CHECK(islands.status == 0);
  CHECK(FirstLine(islands.out).rfind("信息孤岛 信息孤島 xìnxī gūdǎo", 0) == 0);
  CHECK(RunGlossa({"lookup", "information islands"}).out == islands.out);
  CHECK(RunGlossa({"lookup", "information", "islands"}).out == islands.out);
  CHECK(RunGlossa({"lookup", "DATENINSELN"}).out == islands.out);
}

TEST_CASE("inflected forms as the report prints them find their entry",
          "[cli]") {
  RunResult lists = RunGlossa({"lookup", "schwarzen Listen"});
  CHECK(lists.status == 0);
  CHECK(FirstLine(lists.out) ==
        "黑名单 黑名單 hēimíngdān  blacklist · schwarze Liste");
  CHECK(RunGlossa({"lookup", "schwarze Liste"}).out == lists.out);
  RunResult json =
      RunGlossa({"lookup", "--json", "gesellschaftlichen Bonitätssystems"});
  CHECK(json.status == 0);
  nlohmann::json parsed = nlohmann::json::parse(json.out);
  REQUIRE(parsed["entries"].size() == 1);
  CHECK(parsed["entries"][0]["id"] == "shehui-xinyong-tixi");
  CHECK(parsed["entries"][0]["match"]["kind"] == "inflected-form");
  CHECK(parsed["entries"][0]["match"]["term"] ==
        "gesellschaftliches Bonitätssystem");
  RunResult passages = RunGlossa({"passages", "schwarzen Listen"});
  CHECK(passages.status == 0);
  CHECK(FirstLine(passages.out) == "黑名单 黑名單 hēimíngdān  12 passages");
  // A word that only contains a term is not an inflected form of it.
  RunResult none = RunGlossa({"lookup", "Listenplatz"});
  CHECK(none.status == 1);
  CHECK(FirstLine(none.err) == "glossa: no entry for 'Listenplatz'");
}

TEST_CASE("glossa site builds the site and says where to open it", "[cli]") {
  std::string dir = testing::MakeTempDir() + "/site";
  RunResult built = RunGlossa({"site", "-o", dir});
  CHECK(built.status == 0);
  CHECK(built.err.empty());
  std::istringstream lines(built.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  CHECK(first.rfind("glossa: wrote 167 files (", 0) == 0);
  CHECK(first.substr(first.size() - dir.size() - 5) == ") to " + dir);
  CHECK(second == "Open file://" + dir + "/index.html in a browser.");
  CHECK(testing::ReadOrFail(dir + "/index.html").find("Dateninseln") !=
        std::string::npos);
  // The report's „soziales Vertrauen“: to avoid, and printed in the report.
  CHECK(testing::ReadOrFail(dir + "/entries/shehui-chengxin.html")
            .find("<span class=\"term-text\" lang=\"de\">soziales "
                  "Vertrauen</span> </td><td class=\"term-status\"><span "
                  "class=\"status deprecated\"><span data-ui=\"de\">"
                  "abgelehnt</span><span data-ui=\"en\" "
                  "lang=\"en\">deprecated</span></span> <span "
                  "class=\"in-report\"><span data-ui=\"de\">"
                  "im Bericht</span><span data-ui=\"en\" "
                  "lang=\"en\">in the report</span></span></td>") !=
        std::string::npos);

  // A glossary with errors builds nothing and leaves the old site alone.
  std::string bad = WriteTemp("bad.tbx", "<tbx><text><body>");
  RunResult failed = RunGlossa({"--glossary", bad, "site", "--out", dir});
  CHECK(failed.status == 2);
  CHECK(LastLine(failed.err) ==
        "glossa: error: the glossary has errors; the site was not built");
  CHECK(testing::ReadOrFail(dir + "/index.html").find("Dateninseln") !=
        std::string::npos);
  RunResult dash = RunGlossa({"site", "-o", "-"});
  CHECK(dash.status == 2);
  CHECK(dash.err ==
        "glossa: error: site: a site is a folder of files and cannot go to "
        "standard output; give the folder's name\n");
  RunResult no_out = RunGlossa({"site"});
  CHECK(no_out.status == 2);
  CHECK(FirstLine(no_out.err) == "glossa: error: site: --output is required");
}

TEST_CASE("glossa site takes -o and --output, and --out as an alias", "[cli]") {
  std::string dir = testing::MakeTempDir();
  for (const char* name : {"-o", "--output", "--out"}) {
    std::string site = dir + "/site" + name;
    RunResult built = RunGlossa({"site", name, site});
    CHECK(built.status == 0);
    std::string first = FirstLine(built.out);
    CHECK(first.substr(first.find(") to ")) == ") to " + site);
  }
  std::string help = RunGlossa({"site", "--help"}).out;
  CHECK(help.find("\n  -o,--output,--out DIR REQUIRED\n"
                  "                              The folder to build it in: a "
                  "new or empty one, or a site glossa built (replaced as a "
                  "whole once the new site is complete; a folder holding "
                  "other files is refused); --out is an alias of --output\n") !=
        std::string::npos);
}

TEST_CASE("glossa site never replaces a folder of the user's files", "[cli]") {
  // `glossa site --out "$PWD"` once deleted the working folder.
  std::string dir = testing::MakeTempDir();
  std::string thesis = dir + "/thesis.txt";
  std::string error;
  REQUIRE(WriteFileAtomically(thesis, "two years of work", &error));
  RunResult refused = RunGlossa({"site", "--out", dir});
  CHECK(refused.status == 2);
  CHECK(refused.err == "glossa: error: cannot write '" + dir + "': it holds '" +
                           thesis +
                           "', which glossa did not write; give a new or "
                           "empty folder, or move that file away first\n");
  CHECK(refused.out.empty());
  CHECK(testing::ReadOrFail(thesis) == "two years of work");
  // A site glossa built is rebuilt in place.
  std::string site = dir + "/site";
  REQUIRE(RunGlossa({"site", "-o", site}).status == 0);
  RunResult again = RunGlossa({"site", "-o", site});
  CHECK(again.status == 0);
  CHECK(again.err.empty());
}

TEST_CASE("glossa lookup --json prints the entry as JSON", "[cli]") {
  RunResult result = RunGlossa({"lookup", "--json", "zheng xin"});
  CHECK(result.status == 0);
  CheckGolden("lookup_zhengxin.json", result.out);
  nlohmann::json json = nlohmann::json::parse(result.out);
  CHECK(json["query"] == "zheng xin");
  REQUIRE(json["entries"].size() == 1);
  const nlohmann::json& entry = json["entries"][0];
  CHECK(entry["id"] == "zhengxin");
  CHECK(entry["match"]["kind"] == "pinyin-without-tones");
  CHECK(entry["chinese"][0]["simplified"] == "征信");
  CHECK(entry["chinese"][0]["traditional"] == "徵信");
  CHECK(entry["chinese"][0]["pinyin"] == "zhēngxìn");
  CHECK(entry["languages"]["en"]["definitions"].size() == 1);
  CHECK(entry["languages"]["de"]["definitions"].size() == 1);
  CHECK(nlohmann::json::parse(RunGlossa({"lookup", "--json", "zhengxin"})
                                  .out)["entries"][0]["match"]["kind"] == "id");
}

TEST_CASE("a lookup that finds nothing says so and exits 1", "[cli]") {
  RunResult result = RunGlossa({"lookup", "xyzzy"});
  CHECK(result.status == 1);
  CHECK(result.out.empty());
  CHECK(result.err == "glossa: no entry for 'xyzzy'\n");
}

TEST_CASE("a lookup with a typo suggests the nearest entries", "[cli]") {
  RunResult result = RunGlossa({"lookup", "zhengxn"});
  CHECK(result.status == 1);
  CHECK(result.err ==
        "glossa: no entry for 'zhengxn'\ndid you mean 'zhēngxìn' (征信 徵信 "
        "zhēngxìn)?\n");
  RunResult json = RunGlossa({"lookup", "--json", "zhengxn"});
  CHECK(json.status == 1);
  CHECK(nlohmann::json::parse(json.out)["suggestions"][0]["id"] == "zhengxin");
}

TEST_CASE("glossa check passes on the built-in glossary", "[cli]") {
  RunResult result = RunGlossa({"check"});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(result.out ==
        "glossary/social-credit.tbx: 157 entries, 0 errors, 0 warnings\n");
}

TEST_CASE(
    "glossa check finds the LTAC valid example valid, with one Spanish "
    "section that recommends no term",
    "[cli]") {
  // Valid TBX-Basic; entry c41's Spanish terms carry a status, none of them
  // preferred, which glossa's content rules warn about (exit 1).
  std::string path = testing::SharedPath(
      "data/tbx/ltac-dialects/TBX-Basic_Example_Astronomy_DCA_VALID.tbx");
  testing::ReadOrFail(path);
  RunResult result = RunGlossa({"check", path});
  CHECK(result.status == 1);
  CHECK(result.out == path +
                          ":3636:5: warning: entry 'c41' in 'es' has no "
                          "preferred term; mark the rendering to use "
                          "preferredTerm-admn-sts\n" +
                          path + ": 45 entries, 0 errors, 1 warning\n");
}

TEST_CASE("glossa check prints each problem and exits 1", "[cli]") {
  std::string path =
      testing::SharedPath("data/tbx/ltac-test-files/min_bad.tbx");
  testing::ReadOrFail(path);
  RunResult result = RunGlossa({"check", path});
  CHECK(result.status == 1);
  CHECK(result.out ==
        path +
            ":21:12: error: 'source' is not a TBX-Min data category for "
            "<admin> (allowed: "
            "customerSubset)\n" +
            path +
            ":41:13: error: 'error' is not a TBX-Min data category for <xref> "
            "(allowed: "
            "externalCrossReference)\n" +
            path +
            ":803:7: error: 'not an allowed value' is not an allowed value of "
            "usageStatus in TBX-Min (allowed: preferred, admitted, deprecated, "
            "notRecommended, obsolete)\n" +
            path +
            ":858:5: warning: entry 'c41' in 'es' has no preferred term; mark "
            "the rendering to use preferredTerm-admn-sts\n" +
            path + ": 45 entries, 3 errors, 1 warning\n");
}

TEST_CASE("glossa check on a missing file exits 2", "[cli]") {
  RunResult result = RunGlossa({"check", "/nonexistent/x.tbx"});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "glossa: error: cannot open '/nonexistent/x.tbx': No such file or "
        "directory\n");
}

TEST_CASE("glossa check on a directory exits 2", "[cli]") {
  std::string dir = testing::MakeTempDir();
  RunResult result = RunGlossa({"check", dir});
  CHECK(result.status == 2);
  CHECK(result.err ==
        "glossa: error: cannot read '" + dir + "': Is a directory\n");
}

TEST_CASE("glossa check on an empty file exits 2", "[cli]") {
  std::string path = WriteTemp("empty.tbx", "");
  RunResult result = RunGlossa({"check", path});
  CHECK(result.status == 2);
  CHECK(result.out == path + ":1:1: error: file is empty\n" + path +
                          ": 0 entries, 1 error, 0 warnings\n");
}

TEST_CASE(
    "a --glossary that cannot be read does not hide what is wrong with the "
    "others",
    "[cli]") {
  // Before, the run stopped at the missing file, and the malformed one was
  // named only once the first was fixed: a run per problem.
  const std::string bad =
      WriteTemp("bad.tbx", "<?xml version=\"1.0\"?>\n<tbx>\n<text>\n</tbx>\n");
  for (const char* command : {"lookup", "passages"}) {
    INFO(command);
    RunResult result = RunGlossa(
        {"--glossary", "/nonexistent/x.tbx", "--glossary", bad, command, "x"});
    CHECK(result.status == 2);
    CHECK(result.out == "");
    CHECK(result.err ==
          "glossa: error: cannot open '/nonexistent/x.tbx': No such file or "
          "directory\n" +
              bad + ":4:3: error: malformed XML: start-end tags mismatch\n");
  }
}

TEST_CASE(
    "glossa check and export refuse 20,000 nested elements, where check "
    "crashed",
    "[cli]") {
  // Export wrote 800 MB of indentation for 20,000 levels.
  std::string path = WriteTemp(
      "deep.tbx",
      testing::TbxEntryHolding("<descrip type=\"definition\">" +
                               testing::NestedElements("hi", 20000, "deep") +
                               "</descrip>"));
  std::string error = path +
                      ":5:1032: error: <hi> is nested 257 elements deep; "
                      "glossa reads at most 256\n";
  RunResult check = RunGlossa({"check", path});
  CHECK(check.status == 2);
  CHECK(check.out == error + path + ": 0 entries, 1 error, 0 warnings\n");
  RunResult exported = RunGlossa({"--glossary", path, "export"});
  CHECK(exported.status == 2);
  CHECK(exported.out.empty());
  CHECK(exported.err == error);
}

TEST_CASE("glossa check accepts a date with 100,000 fraction digits", "[cli]") {
  // std::regex recursed once per digit and crashed from 30,000 on.
  std::string path =
      WriteTemp("date.tbx",
                testing::TbxEntryHolding(
                    "<transacGrp><transac type=\"transactionType\">origination"
                    "</transac><date>2017-12-12T10:57:25." +
                    std::string(100000, '7') + "Z</date></transacGrp>"));
  RunResult check = RunGlossa({"check", path});
  CHECK(check.status == 0);
  CHECK(check.out == path + ": 1 entry, 0 errors, 0 warnings\n");
}

TEST_CASE(
    "every command that reads an edition refuses 20,000 nested divisions, "
    "where they crashed",
    "[cli]") {
  std::string path = WriteTemp("deep.xml", testing::NestedEdition(20000));
  std::string error = path +
                      ":256:1: error: <div> is nested 257 elements deep; "
                      "glossa reads at most 256\n";
  std::string site = testing::MakeTempDir() + "/site";
  const std::vector<std::vector<std::string>> commands = {
      {"passages", "zhengxin"}, {"lookup", "zhengxin"}, {"read"}};
  for (std::vector<std::string> args : commands) {
    INFO(args[0]);
    args.insert(args.begin(), {"--document", path});
    RunResult result = RunGlossa(args);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err == error);
  }
  RunResult built = RunGlossa({"--document", path, "site", "-o", site});
  CHECK(built.status == 2);
  CHECK(built.err ==
        error +
            "glossa: error: the document has errors; the site was not "
            "built\n");
}

TEST_CASE("an edition nested to the limit is read, searched and built",
          "[cli]") {
  // TEI, text, body and 252 divisions: the paragraph stands at level 256.
  std::string path = WriteTemp("limit.xml", testing::NestedEdition(252));
  RunResult passages = RunGlossa({"--document", path, "passages", "zhengxin"});
  CHECK(passages.status == 0);
  CHECK(passages.err.empty());
  CHECK(passages.out ==
        "征信 徵信 zhēngxìn  1 passage\n"
        "                                 [Zhengxin] wird hier erklärt.        "
        "        §252\n"
        "§252: 1\n");
  RunResult read = RunGlossa({"--document", path, "read"});
  CHECK(read.status == 0);
  CHECK(read.out == "      Zhengxin wird hier erklärt.\n");
  std::string site = testing::MakeTempDir() + "/site";
  RunResult built = RunGlossa({"--document", path, "site", "-o", site});
  CHECK(built.status == 0);
  CHECK(built.err.empty());
  std::string report = testing::ReadOrFail(site + "/index.html");
  CHECK(report.find("<section class=\"section\" id=\"s252\"><p "
                    "id=\"deep\">") != std::string::npos);
  CHECK(report.find(">Zhengxin</a> wird hier erklärt.</p>") !=
        std::string::npos);
}

TEST_CASE(
    "the --glossary option may stand before or after the command and repeat",
    "[cli]") {
  std::string astronomy = testing::SharedPath(
      "data/tbx/ltac-dialects/TBX-Basic_Example_Astronomy_DCA_VALID.tbx");
  std::string medtronic =
      testing::SharedPath("data/tbx/okapi-lib-terminology/medtronic_TBX.tbx");
  RunResult before =
      RunGlossa({"--glossary", astronomy, "lookup", "open cluster"});
  CHECK(before.status == 0);
  CHECK(FirstLine(before.out) == "open cluster");
  RunResult after =
      RunGlossa({"lookup", "open cluster", "--glossary", astronomy});
  CHECK(after.out == before.out);
  // The built-in glossary is not loaded when --glossary is given.
  CHECK(RunGlossa({"lookup", "zhengxin", "--glossary", astronomy}).status == 1);
  RunResult both = RunGlossa({"--glossary", astronomy, "--glossary", medtronic,
                              "lookup", "open cluster"});
  CHECK(both.status == 0);
  CHECK(RunGlossa({"--glossary", astronomy, "--glossary", medtronic, "check"})
            .out == astronomy +
                        ":3636:5: warning: entry 'c41' in 'es' has no "
                        "preferred term; mark the rendering to use "
                        "preferredTerm-admn-sts\n" +
                        astronomy + ": 45 entries, 0 errors, 1 warning\n" +
                        medtronic +
                        ":624:17: warning: entry 'c7333' in 'en' has 2 "
                        "preferred terms ('clinician notification', 'silent "
                        "alert'); keep one, the rendering to use, and make "
                        "the others admitted\n" +
                        medtronic + ": 3 entries, 0 errors, 1 warning\n");
}

TEST_CASE("a lookup in a glossary that cannot be read exits 2", "[cli]") {
  RunResult missing =
      RunGlossa({"lookup", "x", "--glossary", "/nonexistent/x.tbx"});
  CHECK(missing.status == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err ==
        "glossa: error: cannot open '/nonexistent/x.tbx': No such file or "
        "directory\n");
  std::string not_tbx = WriteTemp("page.xml", "<html/>\n");
  RunResult wrong = RunGlossa({"lookup", "x", "--glossary", not_tbx});
  CHECK(wrong.status == 2);
  CHECK(wrong.err == not_tbx +
                         ":1:1: error: not a TBX file: the root element is "
                         "<html>, not <tbx> or <martif>\n");
}

TEST_CASE("a glossary with a broken entry still loads, and the run exits 2",
          "[cli]") {
  std::string path = WriteTemp("broken.tbx", R"(<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>good</term></termSec></langSec></conceptEntry>
<conceptEntry id="b"><langSec xml:lang="qq"><termSec><term>bad</term></termSec></langSec></conceptEntry>
</body></text></tbx>
)");
  RunResult result = RunGlossa({"lookup", "good", "--glossary", path});
  CHECK(result.status == 2);
  CHECK(FirstLine(result.out) == "good");
  CHECK(result.err ==
        path + ":6:31: error: unknown language code 'qq'; section skipped\n");
}

TEST_CASE("an unknown option is an error with a suggestion", "[cli]") {
  RunResult result = RunGlossa({"lookup", "--jsn", "zhengxin"});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "glossa: error: unknown option '--jsn'; did you mean '--json'?\n" +
            kTryHelp);
  CHECK(RunGlossa({"--glosary", "x", "check"}).err ==
        "glossa: error: unknown option '--glosary'; did you mean "
        "'--glossary'?\n" +
            kTryHelp);
  CHECK(RunGlossa({"lookup", "--frobnicate", "x"}).err ==
        "glossa: error: unknown option '--frobnicate'\n" + kTryHelp);
}

TEST_CASE("an unknown command is an error with a suggestion", "[cli]") {
  RunResult result = RunGlossa({"lokup", "诚信"});
  CHECK(result.status == 2);
  CHECK(result.err ==
        "glossa: error: unknown command 'lokup'; did you mean 'lookup'?\n" +
            kTryHelp);
}

TEST_CASE("no command, or a command without its argument, is a usage error",
          "[cli]") {
  RunResult none = RunGlossa({});
  CHECK(none.status == 2);
  CHECK(none.err ==
        "glossa: error: no command given (lookup, passages, annotate, read, "
        "site, check, export, qa, import)\n" +
            kTryHelp);
  RunResult no_query = RunGlossa({"lookup"});
  CHECK(no_query.status == 2);
  CHECK(no_query.err ==
        "glossa: error: lookup: QUERY is required\n" + kTryHelp);
  RunResult bad_value = RunGlossa({"--color", "sometimes", "lookup", "x"});
  CHECK(bad_value.status == 2);
  CHECK(bad_value.err.rfind("glossa: error: --color: sometimes not in {", 0) ==
        0);
}

TEST_CASE("glossa --help lists the commands and options", "[cli]") {
  RunResult result = RunGlossa({"--help"});
  CHECK(result.status == 0);
  CheckGolden("help.txt", result.out);
  RunResult version = RunGlossa({"--version"});
  CHECK(version.status == 0);
  CHECK(version.out.rfind("glossa ", 0) == 0);
}

TEST_CASE(
    "the README lists the commands in the order glossa --help and the "
    "no-command message do",
    "[cli]") {
  std::istringstream help(RunGlossa({"--help"}).out);
  std::vector<std::string> from_help;
  std::string line;
  while (std::getline(help, line) && line != "Subcommands:") {
  }
  while (std::getline(help, line) && !line.empty())
    from_help.push_back(line.substr(2, line.find(' ', 2) - 2));
  std::string names;
  for (const std::string& name : from_help)
    names += (names.empty() ? "" : ", ") + name;
  CHECK(RunGlossa({}).err ==
        "glossa: error: no command given (" + names + ")\n" + kTryHelp);

  std::string readme =
      testing::ReadOrFail(std::string(GLOSSA_SOURCE_DIR) + "/README.md");
  const std::string heading = "## Commands\n\n```\n";
  std::size_t list = readme.find(heading);
  REQUIRE(list != std::string::npos);
  std::istringstream lines(readme.substr(list + heading.size()));
  std::vector<std::string> from_readme;
  while (std::getline(lines, line) && line != "```")
    from_readme.push_back(line.substr(7, line.find(' ', 7) - 7));
  CHECK(from_readme == from_help);
}

TEST_CASE("colour is used only when asked for or on a terminal", "[cli]") {
  CHECK(RunGlossa({"lookup", "诚信"}).out.find("\x1b[") == std::string::npos);
  CHECK(
      RunGlossa({"--color", "always", "lookup", "诚信"}).out.find("\x1b[1m") !=
      std::string::npos);
  Environment env;
  env.data_dir = testing::DataDir();
  env.out_is_terminal = true;
  std::ostringstream out, err;
  Run({"lookup", "诚信"}, out, err, env);
  CHECK(out.str().find("\x1b[1m") != std::string::npos);
  env.no_color = true;  // NO_COLOR wins over the terminal
  std::ostringstream plain, err2;
  Run({"lookup", "诚信"}, plain, err2, env);
  CHECK(plain.str().find("\x1b[") == std::string::npos);
}

TEST_CASE("glossa read underlines the glossary's terms on a coloured terminal",
          "[cli]") {
  RunResult run = RunGlossa({"--color", "always", "read", "--section",
                             "s2.1.p2", "--pages", "none", "--notes", "none"});
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  // 社会信用体系 as the report prints it, and the quoted goal, a term too.
  CHECK(run.out.rfind("Das \x1b[4mgesellschaftliche\x1b[24m "
                      "\x1b[4mBonitätssystem\x1b[24m kombiniert "
                      "wirtschaftliche und\n",
                      0) == 0);
  // As many underlined words as the index has top-level passages' words in
  // the block (a term of several words is underlined word by word).
  const EditionIndex& index = *testing::BuiltIn().index;
  std::size_t words = 0;
  for (const EditionBlock& block : index.blocks()) {
    if (block.locator.node != "s2.1.p2") continue;
    for (const Passage& passage : index.PassagesIn(block)) {
      if (passage.nested_in >= 0) continue;
      std::string match = CollapseSpace(block.text.substr(
          passage.block_begin, passage.block_end - passage.block_begin));
      words += 1 + static_cast<std::size_t>(
                       std::count(match.begin(), match.end(), ' '));
    }
  }
  std::size_t marks = 0;
  for (std::size_t at = run.out.find("\x1b[4m"); at != std::string::npos;
       at = run.out.find("\x1b[4m", at + 1))
    ++marks;
  CHECK(marks == words);
  // Without colour the text is plain.
  CHECK(RunGlossa({"read", "--section", "s2.1.p2"}).out.find("\x1b[") ==
        std::string::npos);
}

TEST_CASE("glossa export writes TBX v3 to standard output or a file", "[cli]") {
  RunResult to_stdout = RunGlossa({"export", "--format", "tbx"});
  CHECK(to_stdout.status == 0);
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(
      ReadTbx(testing::ReadOrFail(testing::DataDir() + "/social-credit.tbx"),
              "social-credit.tbx", diags, &glossary));
  CHECK(to_stdout.out == WriteTbx(glossary));
  std::string path = testing::MakeTempDir() + "/out.tbx";
  RunResult to_file = RunGlossa({"export", "-o", path});
  CHECK(to_file.status == 0);
  CHECK(to_file.out.empty());
  CHECK(testing::ReadOrFail(path) == to_stdout.out);
}

TEST_CASE("glossa export writes each format as the core writes it",
          "[cli][export]") {
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(
      ReadTbx(testing::ReadOrFail(testing::DataDir() + "/social-credit.tbx"),
              "social-credit.tbx", diags, &glossary));
  ExportOptions zh_de;
  zh_de.source = "zh";
  zh_de.target = "de";
  std::string dir = testing::MakeTempDir();
  RunResult tsv = RunGlossa({"export", "--format", "tsv", "--source", "zh",
                             "--target", "de", "-o", dir + "/glossary.utf8"});
  CHECK(tsv.status == 0);
  CHECK(testing::ReadOrFail(dir + "/glossary.utf8") ==
        WriteOmegaTsv(glossary, zh_de));
  ExportOptions german_english;
  german_english.languages = {"de", "en"};
  german_english.chinese_tags = ExportOptions::ChineseTags::kScript;
  CHECK(RunGlossa({"export", "--format", "tbx2008", "--langs", "de,en",
                   "--chinese-tags", "script"})
            .out == WriteTbx2008(glossary, german_english));
  CHECK(RunGlossa({"export", "--format", "csv"}).out == WriteCsv(glossary, {}));

  // Anki's notes quote the report, read from the built-in edition.
  std::string tei = testing::DataDir() + "/sources/merics-2017-de.tei.xml";
  Document document;
  REQUIRE(ReadTei(testing::ReadOrFail(tei), tei, diags, &document));
  const EditionIndex index(glossary, document);
  CHECK(RunGlossa({"export", "--format", "anki"}).out ==
        WriteAnkiText(glossary, &index, {}));
  CHECK(RunGlossa({"export", "--format", "xliff", "--target", "zh"}).out ==
        WriteXliff(index, "zh-CN", "merics-2017-de.tei.xml"));

  RunResult stardict =
      RunGlossa({"export", "--format", "stardict", "-o", dir + "/dict"});
  CHECK(stardict.status == 0);
  for (const auto& [name, contents] : WriteStarDict(glossary, {}, "dict"))
    CHECK(testing::ReadOrFail(dir + "/dict/" + name) == contents);
}

TEST_CASE("glossa export refuses what it cannot write", "[cli][export]") {
  RunResult folder = RunGlossa({"export", "--format", "stardict"});
  CHECK(folder.status == 2);
  CHECK(folder.err ==
        "glossa: error: export: a StarDict dictionary is a folder of files "
        "and cannot go to standard output; give the folder with -o DIR\n");
  RunResult language = RunGlossa({"export", "--langs", "de,fr"});
  CHECK(language.status == 2);
  CHECK(language.err.rfind("glossa: error: --langs: fr not in {de,en,zh}\n",
                           0) == 0);
}

TEST_CASE("glossa export converts a martif file", "[cli]") {
  std::string path =
      testing::SharedPath("data/tbx/okapi-lib-terminology/test02_win1254.tbx");
  RunResult result = RunGlossa({"export", "--glossary", path});
  CHECK(result.status == 0);
  CHECK(result.out.find("<term id=\"t1\">term with: éá and İı</term>") !=
        std::string::npos);
}

TEST_CASE("a failed export leaves the existing file untouched", "[cli]") {
  std::string out_path = WriteTemp("existing.tbx", "old contents\n");
  std::string bad = WriteTemp("bad.tbx", "<tbx>\n<text>\n</tbx>\n");
  RunResult result = RunGlossa({"export", "--glossary", bad, "-o", out_path});
  CHECK(result.status == 2);
  CHECK(result.err ==
        bad + ":3:3: error: malformed XML: start-end tags mismatch\n");
  CHECK(testing::ReadOrFail(out_path) == "old contents\n");
  RunResult nowhere = RunGlossa({"export", "-o", "/nonexistent/dir/out.tbx"});
  CHECK(nowhere.status == 2);
  CHECK(nowhere.err ==
        "glossa: error: cannot write '/nonexistent/dir/out.tbx': No such file "
        "or directory\n");
}

TEST_CASE("export refuses to write a glossary that has errors", "[cli]") {
  std::string out_path = WriteTemp("existing.tbx", "old contents\n");
  std::string broken = WriteTemp("broken.tbx", R"(<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="a"><langSec xml:lang="en"><termSec><note>x</note></termSec></langSec></conceptEntry>
</body></text></tbx>
)");
  RunResult result =
      RunGlossa({"export", "--glossary", broken, "-o", out_path});
  CHECK(result.status == 2);
  CHECK(result.err == broken + ":5:45: error: <termSec> has no <term>\n" +
                          "glossa: error: nothing written, because the "
                          "glossary has errors (see "
                          "above)\n");
  CHECK(testing::ReadOrFail(out_path) == "old contents\n");
}

// --- glossa read and glossa import -----------------------------------------

TEST_CASE("glossa read --section prints one section with its notes",
          "[cli][read]") {
  RunResult result = RunGlossa({"read", "--section", "2.3"});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CheckGolden("read_section_2.3.txt", result.out);
}

TEST_CASE("glossa read prints the whole report with every footnote",
          "[cli][read]") {
  RunResult result = RunGlossa({"read"});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(result.out.rfind("p.1   ZENTRALE BEFUNDE UND SCHLUSSFOLGERUNGEN\n",
                         0) == 0);
  for (const char* heading :
       {"1  Das gesellschaftliche Bonitätssystem als vielseitiges "
        "Werkzeug zur\n",
        "2.1  DIE REGIERUNGSSICHT: GESELLSCHAFTLICHE BONITÄTSPRÜFUNGEN "
        "LÖSEN VIELE\n",
        "      Kritikpunkt 3: Das System lässt sich (vermutlich) austricksen\n",
        "4  Das gesellschaftliche Bonitätssystem wird China grundlegend "
        "verändern\n"}) {
    INFO(heading);
    CHECK(result.out.find(heading) != std::string::npos);
  }
  for (int n = 1; n <= 31; ++n) {
    std::string label =
        "        " + std::to_string(n) + (n < 10 ? "   " : "  ");
    INFO(label);
    CHECK(result.out.find("\n" + label) != std::string::npos);
  }
  // Wrapped to 80 columns, CJK characters counting two.
  std::size_t start = 0;
  while (start < result.out.size()) {
    std::size_t end = result.out.find('\n', start);
    std::string line = result.out.substr(start, end - start);
    INFO(line);
    CHECK(DisplayWidth(line) <= 80);
    start = end + 1;
  }
}

TEST_CASE("glossa read puts the footnotes where asked and pages inline",
          "[cli][read]") {
  RunResult end = RunGlossa({"read", "--notes", "end", "--pages", "none"});
  CHECK(end.status == 0);
  CHECK(end.out.find("\nNotes\n") == end.out.rfind("\nNotes\n"));
  CHECK(end.out.find("Lucy Hornby") > end.out.find("grundlegend verändern"));
  RunResult inline_pages =
      RunGlossa({"read", "--section", "kf", "--pages", "inline"});
  CheckGolden("read_key_findings_inline.txt", inline_pages.out);
  RunResult none = RunGlossa({"read", "--section", "2.1", "--notes", "none"});
  CHECK(none.out.find("Notes") == std::string::npos);
  CHECK(none.out.find("⁹") == std::string::npos);
}

TEST_CASE("glossa read --section with an unknown section lists the sections",
          "[cli][read]") {
  RunResult result = RunGlossa({"read", "--section", "9"});
  CHECK(result.status == 2);
  CHECK(result.err ==
        "glossa: error: no section '9' (sections: 1, 2, 2.1, 2.2, 2.3, 3, 3.1, "
        "3.2, 4)\n");
}

TEST_CASE("glossa read --json prints the structure with ids, pages and notes",
          "[cli][read]") {
  RunResult result = RunGlossa({"read", "--json"});
  CHECK(result.status == 0);
  nlohmann::json json = nlohmann::json::parse(result.out);
  CHECK(json["info"]["title"] == "Experimente mit Zuckerbrot und Peitsche");
  CHECK(json["info"]["authors"].size() == 3);
  CHECK(json["notes"].size() == 31);
  CHECK(json["notes"][8]["id"] == "fn9");
  CHECK(json["notes"][8]["page"] == 16);
  CHECK(json["notes"][8]["lines"] == "861-862");
  std::vector<std::string> sections;
  for (const auto& node : json["body"]) {
    if (node["type"] != "section") continue;
    sections.push_back(node["n"]);
  }
  CHECK(sections == std::vector<std::string>{"1", "2", "3", "4"});
  RunResult section = RunGlossa({"read", "--json", "--section", "2.1"});
  nlohmann::json part = nlohmann::json::parse(section.out);
  const auto& paragraph = part["body"][0]["children"][2];
  CHECK(paragraph["id"] == "s2.1.p2");
  CHECK(paragraph["page"] == 5);
  std::string text = paragraph["text"];
  std::size_t offset = paragraph["note_calls"][1]["offset"];
  CHECK(paragraph["note_calls"][1]["n"] == 9);
  CHECK(text.substr(offset - 9, 9) == "(征信),");
  CHECK(part["notes"].size() == 4);  // the notes this section calls: 8 to 11
}

TEST_CASE("glossa import makes the shipped edition from the extraction",
          "[cli][import]") {
  std::string seed = testing::SharedPath("seed/000_7d62b1a0f379215d.txt");
  std::string out = testing::MakeTempDir() + "/edition.xml";
  RunResult result = RunGlossa(
      {"import", seed, "--corrections",
       testing::DataDir() + "/sources/merics-2017-de.corrections", "-o", out});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  // The edition names its input as the shipped one was made: from the top
  // of the checkout.
  std::string shipped = testing::ReadOrFail(testing::DataDir() +
                                            "/sources/merics-2017-de.tei.xml");
  std::string named =
      "<idno type=\"file\">../shared/seed/000_7d62b1a0f379215d.txt</idno>";
  REQUIRE(shipped.find(named) != std::string::npos);
  shipped.replace(shipped.find(named), named.size(),
                  "<idno type=\"file\">" + seed + "</idno>");
  CHECK(testing::ReadOrFail(out) == shipped);
}

TEST_CASE("glossa import refuses binary input and reports plain text's layout",
          "[cli][import]") {
  std::string binary = WriteTemp("x.pdf", std::string("%PDF-1.4\n\0\0", 11));
  RunResult refused = RunGlossa({"import", binary});
  CHECK(refused.status == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err == binary +
                           ":2:1: error: binary input: a NUL byte at byte "
                           "offset 9; expected text\n");
  std::string text = WriteTemp("notes.txt", "Ein Absatz.\n\nNoch einer.\n");
  RunResult plain = RunGlossa({"import", text});
  CHECK(plain.status == 0);
  CHECK(plain.err ==
        text +
            ":1:1: warning: no page starts found (lines that begin with one "
            "space); "
            "the text is one page\n" +
            text +
            ":1:1: warning: no numbered sections found (\"1. Title\"); the "
            "text is "
            "imported as paragraphs\n" +
            text + ":1:1: warning: no footnotes found (lines \"N | text\")\n");
  CHECK(plain.out.find(
            "<p xml:id=\"s0.p2\" g:page=\"1\" g:lines=\"3\">Noch einer.</p>") !=
        std::string::npos);
  RunResult no_words =
      RunGlossa({"import", text, "--wordlist", "/nonexistent/words"});
  CHECK(no_words.status == 2);
  CHECK(no_words.err ==
        "glossa: error: cannot open '/nonexistent/words': No such file or "
        "directory\n");
}

// --- glossa passages and glossa annotate -----------------------------------

std::string Terms() {
  return std::string(GLOSSA_TEST_DATA) + "/report-terms.tbx";
}

TEST_CASE("glossa passages prints a concordance with locators and counts",
          "[cli][passages]") {
  RunResult result = RunGlossa({"passages", "--glossary", Terms(), "诚信上海"});
  CHECK(result.status == 0);
  CHECK(result.out ==
        "诚信上海 誠信上海 Chéngxìn Shànghǎi  2 passages\n"
        "…biltelefon-App namens „[Ehrliches Shanghai]“ (诚信上海) begonnen.    "
        " §3.2, p. 14\n"
        "… „Ehrliches Shanghai“ ([诚信上海]) begonnen.                         "
        " §3.2, p. 14\n"
        "§3.2: 2\n");
  RunResult sorted = RunGlossa({"passages", "--glossary", Terms(), "--sort",
                                "right", "--context", "20", "schwarze Liste"});
  CHECK(sorted.status == 0);
  CheckGolden("passages_schwarze_liste_right.txt", sorted.out);
}

TEST_CASE(
    "a form the report prints but the glossary does not recommend is found, "
    "shown as in the report, and not preferred",
    "[cli][passages]") {
  // tests/data/report-forms.tbx: the report's „soziales Vertrauen“ is
  // deprecated and marked as printed; „Vertrauen in das Recht“ is deprecated
  // and not marked, so it is a rendering to avoid and not looked for.
  std::string fixture = std::string(GLOSSA_TEST_DATA) + "/report-forms.tbx";
  RunResult lookup = RunGlossa({"--glossary", fixture, "lookup", "社会诚信"});
  CHECK(lookup.status == 0);
  CHECK(lookup.out.find("German\n"
                        "  gesellschaftliche Integrität  preferred\n"
                        "  soziales Vertrauen            deprecated, in the "
                        "report\n") != std::string::npos);
  CHECK(lookup.out.find("  社会诚信                      preferred, in the "
                        "report\n") != std::string::npos);

  RunResult json =
      RunGlossa({"--glossary", fixture, "lookup", "--json", "社会诚信"});
  nlohmann::json entry = nlohmann::json::parse(json.out)["entries"][0];
  CHECK(entry["chinese"][0]["in_report"] == true);
  const auto& german = entry["languages"]["de"]["terms"];
  CHECK(german[0]["term"] == "gesellschaftliche Integrität");
  CHECK(german[0]["in_report"] == false);
  CHECK(german[1]["term"] == "soziales Vertrauen");
  CHECK(german[1]["status"] == "deprecated");
  CHECK(german[1]["in_report"] == true);

  RunResult found = RunGlossa({"--glossary", fixture, "passages", "社会诚信"});
  CHECK(found.out ==
        "社会诚信  2 passages\n"
        " …文化) zu schaffen und „[soziales Vertrauen]“ (社会诚信) "
        "wiederherzu…  §2.2, p. 6\n"
        "…d „soziales Vertrauen“ ([社会诚信]) wiederherzustellen.          "
        "      §2.2, p. 6\n"
        "§2.2: 2\n");
  RunResult avoided =
      RunGlossa({"--glossary", fixture, "passages", "司法公信"});
  CHECK(avoided.out ==
        "司法公信  1 passage\n"
        "…von Vertrauen in das Recht“ ([司法公信]) wird als Vorbedingung "
        "für e…  §2.1, p. 6\n"
        "§2.1: 1\n");
}

TEST_CASE("glossa passages --json lists every passage of the entry",
          "[cli][passages]") {
  RunResult result = RunGlossa({"passages", "--json", "征信"});
  CHECK(result.status == 0);
  nlohmann::json json = nlohmann::json::parse(result.out);
  CHECK(json["entry"]["id"] == "zhengxin");
  std::vector<std::string> where;
  for (const auto& passage : json["passages"]) {
    std::string footnote =
        passage["footnote"].is_null()
            ? ""
            : "fn" + std::to_string(passage["footnote"].get<int>());
    where.push_back(passage["paragraph"].get<std::string>() + " " + footnote +
                    " " + passage["match"].get<std::string>());
  }
  CHECK(where == std::vector<std::string>{
                     "s2.1.p2  finanzielle Kreditinformationen",
                     "s2.1.p2  征信", "fn9 fn9 Zhengxin", "fn9 fn9 征信",
                     "fn10 fn10 征信", "fn10 fn10 征信", "fn13 fn13 征信",
                     "fn31 fn31 征信"});
  const auto& first = json["passages"][0];
  CHECK(first["section"] == "2.1");
  CHECK(first["page"] == 5);
  CHECK(first["nested_in"].is_null());
  std::string sentence = first["sentence"];
  CHECK(sentence.substr(first["match_offset"].get<std::size_t>(), 31) ==
        "finanzielle Kreditinformationen");
}

TEST_CASE("glossa passages for a query that finds nothing suggests entries",
          "[cli][passages]") {
  RunResult result = RunGlossa({"passages", "zhengxn"});
  CHECK(result.status == 1);
  CHECK(result.err ==
        "glossa: no entry for 'zhengxn'\ndid you mean 'zhēngxìn' (征信 徵信 "
        "zhēngxìn)?\n");
}

RunResult Annotate(const std::vector<std::string>& extra,
                   const std::string& bytes) {
  std::string path = WriteTemp("input.txt", bytes);
  std::vector<std::string> args = {"annotate", "--glossary", Terms(), path};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunGlossa(args);
}

TEST_CASE("glossa annotate marks terms in plain text when not on a terminal",
          "[cli][annotate]") {
  RunResult result = Annotate({},
                              "Das gesellschaftliche\nBonitätssystem "
                              "(社会信用体\n系) und 诚 信上海.\n");
  CHECK(result.status == 0);
  CHECK(result.out ==
        "Das [[gesellschaftliche\nBonitätssystem|shehui-xinyong-tixi]] "
        "([[社会信用体\n系|shehui-xinyong-tixi]]) und [[诚 "
        "信上海|chengxin-shanghai]].\n");
}

TEST_CASE("glossa annotate --json prints one match per line with byte offsets",
          "[cli][annotate]") {
  RunResult result = Annotate({"--json"}, "Ein 社会信用体系.");
  CHECK(result.status == 0);
  CHECK(result.out ==
        "{\"begin\":4,\"end\":22,\"entry\":\"shehui-xinyong-tixi\",\"term\":"
        "\"社会信用体系\","
        "\"surface\":\"社会信用体系\",\"nested_in\":null}\n"
        "{\"begin\":4,\"end\":16,\"entry\":\"shehui-xinyong\",\"term\":"
        "\"社会信用\","
        "\"surface\":\"社会信用\",\"nested_in\":\"shehui-xinyong-tixi\"}\n"
        "{\"begin\":10,\"end\":16,\"entry\":\"xinyong\",\"term\":\"信用\","
        "\"surface\":\"信用\","
        "\"nested_in\":\"shehui-xinyong-tixi\"}\n");
}

TEST_CASE("glossa annotate --format tei marks terms with <term ref>",
          "[cli][annotate]") {
  RunResult result =
      Annotate({"--format", "tei"}, "a < b & 征信\n\nEine schwarze Liste.\n");
  CHECK(result.status == 0);
  CHECK(result.out.find(
            "<p>a &lt; b &amp; <term ref=\"#zhengxin\">征信</term></p>\n"
            "      <p>Eine <term ref=\"#heimingdan\">schwarze "
            "Liste</term>.</p>\n") != std::string::npos);
}

TEST_CASE(
    "glossa annotate --format tei writes nothing for an input it refuses and "
    "a whole document for one it stops in",
    "[cli][annotate]") {
  // Refused before anything is annotated: no <TEI> head left open.
  for (const std::string& bytes : {std::string(""), std::string("abc\xFF\xFE"
                                                                "def\n")}) {
    RunResult refused = Annotate({"--format", "tei"}, bytes);
    CHECK(refused.status == 2);
    CHECK(refused.out == "");
  }
  // Stopped at a bad byte: what came before, in a document that parses.
  RunResult stopped =
      Annotate({"--format", "tei", "--encoding", "UTF-8"}, "征信 ok\n\n\xFF");
  CHECK(stopped.status == 2);
  pugi::xml_document document;
  CHECK(document.load_string(stopped.out.c_str()));
  CHECK(std::string(document.select_node("//*[local-name()='term']")
                        .node()
                        .attribute("ref")
                        .value()) == "#zhengxin");
}

TEST_CASE("glossa annotate --format tei keeps a match that spans a blank line",
          "[cli][annotate]") {
  RunResult result = Annotate({"--format", "tei"},
                              "Das 社会信用体\n\n系 hier.\n\nNoch 征信.\n");
  CHECK(result.status == 0);
  CHECK(
      result.out.find("    <body>\n"
                      "      <p>Das <term "
                      "ref=\"#shehui-xinyong-tixi\">社会信用体\n\n系</term> "
                      "hier.</p>\n"
                      "      <p>Noch <term ref=\"#zhengxin\">征信</term>.</p>\n"
                      "    </body>\n") != std::string::npos);
}

TEST_CASE(
    "glossa annotate --format tei marks every top-level match --json finds "
    "in the report's extraction",
    "[cli][annotate]") {
  // The extraction has blank lines inside 社会信用体系 and
  // 社会信用体系建设部际联席会议. A form of two entries ("Creditworthy")
  // is one top-level match per entry in --json and one <term> that points
  // at both in TEI.
  std::string extraction = testing::SharedPath("seed/000_7d62b1a0f379215d.txt");
  RunResult json = RunGlossa({"annotate", "--json", extraction});
  INFO(json.err);
  REQUIRE(json.status == 0);
  std::vector<std::string> from_json;
  std::istringstream lines(json.out);
  std::string line;
  while (std::getline(lines, line)) {
    nlohmann::json match = nlohmann::json::parse(line);
    if (match["nested_in"].is_null()) from_json.push_back(match["entry"]);
  }
  RunResult tei = RunGlossa({"annotate", "--format", "tei", extraction});
  REQUIRE(tei.status == 0);
  std::vector<std::string> from_tei;
  const std::string ref = "<term ref=\"";
  std::size_t shared = 0;
  for (std::size_t at = tei.out.find(ref); at != std::string::npos;
       at = tei.out.find(ref, at + 1)) {
    std::size_t begin = at + ref.size();
    std::istringstream refs(
        tei.out.substr(begin, tei.out.find('"', begin) - begin));
    std::size_t count = 0;
    for (std::string pointer; refs >> pointer; ++count)
      from_tei.push_back(pointer.substr(1));
    if (count > 1) ++shared;
  }
  CHECK(from_json.size() == 493);  // changes with the glossary
  CHECK(shared == 1);
  CHECK(from_tei.size() > 400);
  CHECK(from_tei == from_json);
}

TEST_CASE("glossa annotate reads UTF-8 with a BOM, UTF-16, GB18030 and Big5",
          "[cli][annotate]") {
  CHECK(Annotate({}, "\xEF\xBB\xBF征信").out == "[[征信|zhengxin]]");
  CHECK(Annotate({}, std::string("\xFF\xFE\x81\x5F\xE1\x4F", 6)).out ==
        "[[征信|zhengxin]]");
  // GB18030, detected: the Shanghai regulation, converted here. Every
  // 社会信用 of the original is found (none is split by white space there).
  auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos;
         at = text.find(what, at + what.size())) {
      ++n;
    }
    return n;
  };
  std::string regulation =
      testing::ReadShared("data/zh/shanghai-shehui-xinyong-tiaoli_2017.md");
  std::string gb18030, error;
  REQUIRE(EncodeFromUtf8(regulation, "GB18030", &gb18030, &error));
  RunResult gb = RunGlossa({"annotate", "--glossary", Terms(), "--json",
                            WriteTemp("shanghai.gb18030.txt", gb18030)});
  CHECK(gb.status == 0);
  CHECK(gb.err == "");
  std::size_t social_credit = count(gb.out, "\"surface\":\"社会信用\"");
  CHECK(social_credit == count(regulation, "社会信用"));
  CHECK(social_credit > 40);
  // Big5 for 徵信, named.
  CHECK(Annotate({"--encoding", "Big5"}, "\xBC\x78\xAB\x48").out ==
        "[[徵信|zhengxin]]");
}

TEST_CASE(
    "glossa annotate refuses what it cannot decode, naming the byte offset",
    "[cli][annotate]") {
  RunResult result = Annotate({"--encoding", "UTF-8"}, "征信 ok \xFF more");
  CHECK(result.status == 2);
  CHECK(result.err.find("input.txt:1:7: error: invalid UTF-8 at byte offset "
                        "10 (0xFF)\n") != std::string::npos);
  CHECK(result.out == "[[征信|zhengxin]] ok ");  // what came before, only
  // Behind a byte order mark, the offset is still the file's.
  RunResult bom = Annotate({}, "\xEF\xBB\xBF征信 \xFF");
  CHECK(bom.status == 2);
  CHECK(bom.err.find("input.txt:1:4: error: invalid UTF-8 at byte offset 10 "
                     "(0xFF)\n") != std::string::npos);
  // Deep in a large input, found by one of the workers: the offset is
  // exact, and nothing after it is written.
  const std::string line = "Das 征信 steht hier.\n";
  std::string big;
  while (big.size() < 3000000) big += line;
  std::size_t bad = big.size() + 4;
  const std::size_t big_lines = big.size() / line.size();
  big += "Das \xE5\xBE 征信.\n";
  for (int i = 0; i < 50000; ++i) big += line;
  RunResult deep = Annotate({"--json"}, big);
  CHECK(deep.status == 2);
  // Line and column: after every copy of `line`, the fifth character.
  CHECK(deep.err.find("input.txt:" + std::to_string(big_lines + 1) +
                      ":5: error: invalid UTF-8 at byte offset " +
                      std::to_string(bad) + " (0xE5)\n") != std::string::npos);
  std::size_t lines = std::count(deep.out.begin(), deep.out.end(), '\n');
  CHECK(lines == bad / line.size());
  RunResult unknown = Annotate({"--encoding", "klingon-8"}, "x");
  CHECK(unknown.status == 2);
  CHECK(unknown.err == "glossa: error: unknown encoding 'klingon-8'\n");
  RunResult empty = Annotate({}, "");
  CHECK(empty.status == 2);
  CHECK(empty.err.find(": the input is empty\n") != std::string::npos);
  RunResult directory = RunGlossa({"annotate", testing::MakeTempDir()});
  CHECK(directory.status == 2);
  CHECK(directory.err.find("Is a directory\n") != std::string::npos);
}

TEST_CASE(
    "glossa annotate refuses the report with a stray byte rather than read it "
    "as Latin-1",
    "[cli][annotate]") {
  // Detected, not named: ICU alone takes the report with one bad byte for
  // windows-1252, and annotate printed "BonitÃ¤tssystem" with exit 0.
  const std::string report =
      testing::ReadShared("seed/000_7d62b1a0f379215d.txt");
  const std::size_t at = report.find('\n', 20000) + 1;
  const std::string path = WriteTemp(
      "damaged.txt", report.substr(0, at) + "\xFF" + report.substr(at));
  RunResult result = RunGlossa({"annotate", path});
  CHECK(result.status == 2);
  const auto line = std::count(report.begin(), report.begin() + at, '\n') + 1;
  CHECK(result.err == path + ":" + std::to_string(line) +
                          ":1: error: invalid UTF-8 at byte offset " +
                          std::to_string(at) + " (0xFF)\n");
  // What comes before the byte is annotated as UTF-8, and nothing after.
  CHECK(result.out.find("Bonitätssystem") != std::string::npos);
  CHECK(result.out.find("Ã") == std::string::npos);
  RunResult before =
      RunGlossa({"annotate", WriteTemp("before.txt", report.substr(0, at))});
  CHECK(before.status == 0);
  CHECK(result.out == before.out);
}

TEST_CASE("glossa annotate refuses binary input unless its encoding is named",
          "[cli][annotate]") {
  // The start of an ELF executable, and a file of zeros (which is valid
  // UTF-8): refused, nothing written.
  RunResult elf = Annotate({}, std::string("\x7F"
                                           "ELF\x02\x01\x01\0\0\0",
                                           10));
  CHECK(elf.status == 2);
  CHECK(elf.out == "");
  CHECK(elf.err.find("input.txt:1:8: error: binary input: a NUL byte at byte "
                     "offset 7; expected text (name its encoding with "
                     "--encoding if it is)\n") != std::string::npos);
  RunResult zeros = Annotate({}, std::string(100, '\0'));
  CHECK(zeros.status == 2);
  CHECK(zeros.out == "");
  CHECK(zeros.err.find("input.txt:1:1: error: binary input: a NUL byte at "
                       "byte offset 0;") != std::string::npos);
  // Named, NUL bytes are what the encoding says: UTF-16LE without a mark
  // ("征信 X"), and UTF-8 with a NUL in it.
  RunResult named = Annotate({"--encoding", "UTF-16LE"},
                             std::string("\x81\x5F\xE1\x4F \0X\0", 8));
  CHECK(named.status == 0);
  CHECK(named.out == "[[征信|zhengxin]] X");
  RunResult nul = Annotate({"--encoding", "UTF-8"}, std::string("a\0b", 3));
  CHECK(nul.status == 0);
  CHECK(nul.out == std::string("a\0b", 3));
}

TEST_CASE("glossa annotate says when it cannot tell the encoding",
          "[cli][annotate]") {
  RunResult result = Annotate({},
                              "abc\xFF\xFE"
                              "def\n");
  CHECK(result.status == 2);
  CHECK(result.out == "");
  CHECK(result.err.find(
            "input.txt: cannot tell the encoding of the input; give it with "
            "--encoding\n") != std::string::npos);
  CHECK(result.err.rfind("glossa: error: ", 0) == 0);
}

TEST_CASE("glossa annotate reads standard input and colours only on request",
          "[cli][annotate]") {
  Environment env;
  env.data_dir = testing::DataDir();
  std::istringstream in("Zhengxin und Integrität");
  env.in = &in;
  std::ostringstream out, err;
  CHECK(Run({"annotate", "--color", "always"}, out, err, env) == 0);
  CHECK(out.str() ==
        "\x1b[1;33mZhengxin\x1b[0m\x1b[2m[zhengxin]\x1b[0m und "
        "\x1b[1;33mIntegrität\x1b[0m\x1b[2m[chengxin]\x1b[0m");
}

}  // namespace
}  // namespace glossa
