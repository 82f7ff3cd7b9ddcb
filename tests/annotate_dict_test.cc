// annotate --dict on real text: the JSON a regulation gets is pinned byte for
// byte (the golden was made before annotate --dict was made faster), read
// into memory and through the cached index. What makes --dict fast (ids
// read without the entries, no allocation per character, smaller
// stretches) must not change a byte of it.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "test_support.h"

namespace glossa {
namespace {

using testing::RunResult;

// Runs glossa on `input` with the dictionary at `dictionary`; `cache`: the
// index folder, empty to read the dictionary into memory.
RunResult RunWithDictionary(const std::string& dictionary,
                            const std::vector<std::string>& args,
                            const std::string& input,
                            const std::string& cache) {
  Environment env;
  env.dictionary_cache = cache;
  env.data_dir = testing::DataDir();
  env.working_dir = GLOSSA_SOURCE_DIR;
  std::istringstream in(input);
  env.in = &in;
  std::vector<std::string> all = {"--dict", dictionary};
  all.insert(all.end(), args.begin(), args.end());
  std::ostringstream out, err;
  RunResult result;
  result.status = Run(all, out, err, env);
  result.out = out.str();
  result.err = err.str();
  return result;
}

// The same with CC-CEDICT from ../shared.
RunResult RunWithCedict(const std::vector<std::string>& args,
                        const std::string& input, const std::string& cache) {
  return RunWithDictionary(testing::SharedPath("data/dict/cedict_ts.u8"), args,
                           input, cache);
}

const std::string kRegulation = "data/zh/zhengxinye-guanli-tiaoli_2013.md";

TEST_CASE(
    "annotate --dict --json marks the first two articles of a regulation as "
    "pinned",
    "[cli][dictionary][annotate]") {
  std::string text = testing::ReadShared(kRegulation);
  text = text.substr(0, text.find("第三条"));
  RunResult memory = RunWithCedict({"annotate", "--json", "-"}, text, "");
  CHECK(memory.status == 0);
  CHECK(memory.err.empty());
  // 168 lines: 19 of the glossary's, 149 of CC-CEDICT's; "业" has two
  // entries, "年" three.
  testing::CheckGolden("annotate_dict_regulation.jsonl", memory.out);
  CHECK(memory.out.find(
            "{\"begin\":29,\"end\":32,\"entry\":\"cedict-35553\",\"term\":"
            "\"年\",\"surface\":\"年\",\"nested_in\":null,\"dictionary\":"
            "\"CC-CEDICT\",\"entries\":[\"cedict-35553\",\"cedict-35554\","
            "\"cedict-76043\"]}\n") != std::string::npos);
}

TEST_CASE(
    "annotate --dict through the cached index writes the pinned bytes, as "
    "JSON and as text",
    "[cli][dictionary][annotate]") {
  // The way a large dictionary is read (and the benchmark measures): ids
  // come from the index (Dictionary::EntryId), not from entries built in
  // memory.
  std::string whole = testing::ReadShared(kRegulation);
  std::string text = whole.substr(0, whole.find("第三条"));
  const std::string cache = testing::MakeTempDir();
  RunResult indexed = RunWithCedict({"annotate", "--json", "-"}, text, cache);
  CHECK(indexed.status == 0);
  CHECK(indexed.err.empty());
  testing::CheckGolden("annotate_dict_regulation.jsonl", indexed.out);
  // The whole regulation is marked alike both ways. 于 gets CC-CEDICT's
  // three entries written 于; in memory, a fold to simplified once added
  // two of 於 (the surname and "Oh!", written 於 in simplified too).
  RunResult memory = RunWithCedict({"annotate", "-"}, whole, "");
  RunResult indexed_text = RunWithCedict({"annotate", "-"}, whole, cache);
  CHECK(indexed_text.status == 0);
  CHECK(indexed_text.out == memory.out);
  CHECK(indexed_text.out.find("[[年|CC-CEDICT:cedict-35553 cedict-35554 "
                              "cedict-76043]]") != std::string::npos);
  CHECK(indexed_text.out.find("[[于|CC-CEDICT:cedict-4577 cedict-4578 "
                              "cedict-48921]]") != std::string::npos);
}

TEST_CASE(
    "annotate --dict run twice in one process with two dictionaries gives "
    "each run its own dictionary's ids",
    "[cli][dictionary][annotate]") {
  // The writers keep each word's rendering per thread; a second command in
  // the same process, its dictionary perhaps at the first one's address,
  // must not print the first one's ids for the same word. One thread: the
  // calling thread renders, and it outlives the command (workers do not).
  const std::string folder = testing::MakeTempDir();
  const std::string own = folder + "/own.u8";
  {
    std::ofstream file(own);
    file << "# CC-CEDICT\n# A dictionary of our own, two entries long.\n"
            "紅綠燈 红绿灯 [hong2 lu:4 deng1] /traffic light/\n"
            "和 和 [he2] /and/\n";
  }
  const std::string text = "红绿灯和红绿灯";
  const std::string ours =
      "{\"begin\":0,\"end\":9,\"entry\":\"cedict-3\",\"term\":\"红绿灯\","
      "\"surface\":\"红绿灯\",\"nested_in\":null,\"dictionary\":\"CC-CEDICT\","
      "\"entries\":[\"cedict-3\"]}\n";
  const std::string cedicts =
      "{\"begin\":0,\"end\":9,\"entry\":\"cedict-79252\",\"term\":"
      "\"红绿灯\",\"surface\":\"红绿灯\",\"nested_in\":null,\"dictionary\":"
      "\"CC-CEDICT\",\"entries\":[\"cedict-79252\"]}\n";
  for (const std::string& cache : {std::string(), folder + "/cache"}) {
    RunResult first = RunWithCedict(
        {"annotate", "--threads", "1", "--json", "-"}, text, cache);
    CHECK(first.out.substr(0, cedicts.size()) == cedicts);
    RunResult second = RunWithDictionary(
        own, {"annotate", "--threads", "1", "--json", "-"}, text, cache);
    CHECK(second.err == "");
    CHECK(second.out.substr(0, ours.size()) == ours);
    CHECK(
        RunWithDictionary(own, {"annotate", "--threads", "1", "-"}, text, cache)
            .out ==
        "[[红绿灯|CC-CEDICT:cedict-3]][[和|CC-CEDICT:cedict-4]]"
        "[[红绿灯|CC-CEDICT:cedict-3]]");
    const std::string marked = "[[红绿灯|CC-CEDICT:cedict-79252]]";
    CHECK(RunWithCedict({"annotate", "--threads", "1", "-"}, text, cache)
              .out.substr(0, marked.size()) == marked);
  }
}

}  // namespace
}  // namespace glossa
