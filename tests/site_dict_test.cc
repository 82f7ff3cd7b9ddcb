// The general dictionaries on the site: which entries assets/dict-data.js
// carries for the report's words, the characters of assets/chars-data.js,
// the licences, and a site without dictionaries as it always was.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/dictionary_open.h"
#include "core/site.h"
#include "core/site/dict_data.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

using Json = nlohmann::json;

std::map<std::string, std::string> Files(std::vector<SiteFile> files) {
  std::map<std::string, std::string> out;
  for (SiteFile& file : files) out[file.path] = std::move(file.contents);
  return out;
}

// The JSON a data script sets `variable` to (DataScript's output).
Json ScriptData(const std::string& script, const std::string& variable) {
  const std::string head = "window." + variable + " = ";
  REQUIRE(script.rfind(head, 0) == 0);
  REQUIRE(script.size() > head.size() + 2);
  REQUIRE(script.substr(script.size() - 2) == ";\n");
  return Json::parse(
      script.substr(head.size(), script.size() - head.size() - 2));
}

std::unique_ptr<Dictionary> Open(const std::string& name,
                                 const DictionaryPlaces& places = {}) {
  Diagnostics diags;
  std::unique_ptr<Dictionary> dictionary = OpenDictionary(name, places, diags);
  REQUIRE(dictionary);
  return dictionary;
}

// The entries dict-data.js gives the word `key` in `map` ("words", "zh").
std::vector<Json> EntriesOf(const Json& data, const std::string& map,
                            const std::string& key) {
  std::vector<Json> out;
  if (!data[map].contains(key)) return out;
  for (const Json& id : data[map][key])
    out.push_back(data["entries"][id.get<std::size_t>()]);
  return out;
}

std::string SourceName(const Json& data, const Json& entry) {
  return data["sources"][entry["d"].get<std::size_t>()]["name"];
}

TEST_CASE(
    "a site built without dictionaries has no dictionary data, and data.js "
    "and NOTICE.txt are as before",
    "[site][dictionary]") {
  const EditionIndex& index = *testing::BuiltIn().index;
  std::map<std::string, std::string> plain = Files(BuildSite(index));
  std::map<std::string, std::string> none =
      Files(BuildSite(index, nullptr, {}));
  CHECK(plain == none);
  CHECK(plain.count("assets/dict-data.js") == 0);
  CHECK(plain.count("assets/chars-data.js") == 0);
  CHECK(plain["NOTICE.txt"].find("General dictionaries") == std::string::npos);
  CHECK(plain["assets/data.js"].find("GLOSSA_DICT") == std::string::npos);
  CHECK(plain == testing::BuiltIn().site);
}

TEST_CASE(
    "the site carries the Ding and CC-CEDICT entries of the report's words, "
    "not of its terms (CC-CEDICT from ../shared, Ding from a fixture)",
    "[site][dictionary]") {
  std::unique_ptr<Dictionary> cedict =
      Open(testing::SharedPath("data/dict/cedict_ts.u8"));
  std::unique_ptr<Dictionary> ding = Open(GLOSSA_TEST_DATA "/ding-sample.txt");
  const EditionIndex& index = *testing::BuiltIn().index;
  // CC-CEDICT first, as the defaults give them: the German words still go
  // to Ding (WordOrder), CC-CEDICT's English glosses do not claim them.
  std::map<std::string, std::string> site =
      Files(BuildSite(index, nullptr, {cedict.get(), ding.get()}));
  REQUIRE(site.count("assets/dict-data.js") == 1);
  Json data = ScriptData(site["assets/dict-data.js"], "GLOSSA_DICT_DATA");

  // §3.2: „bei Rot über die Ampel geht“.
  std::vector<Json> ampel = EntriesOf(data, "words", "ampel");
  REQUIRE(ampel.size() == 1);
  CHECK(SourceName(data, ampel[0]) == "Ding");
  CHECK(ampel[0]["p"][0] ==
        Json::array({"Ampel {f}; Verkehrsampel {f}",
                     "traffic light; traffic signal [Am.]"}));
  // Its first sub-entry; the plural and the phrase are counted, not shown.
  CHECK(ampel[0]["p"].size() == 1);
  CHECK(ampel[0]["m"] == 2);
  // Fn. 14's title: 谋破互金“信息孤岛” 地方协会引入区块链建新型共享系统.
  // 信息孤岛 and 区块链 are terms of the glossary and keep their own popup;
  // the words around them are segmented by CC-CEDICT's longest forms.
  std::vector<Json> association = EntriesOf(data, "zh", "协会");
  REQUIRE(association.size() == 1);
  CHECK(SourceName(data, association[0]) == "CC-CEDICT");
  CHECK(association[0]["z"] == Json::array({"协会", "協會", "xié huì"}));
  CHECK(association[0]["g"] ==
        Json::array({"an association", "a society", "CL:個|个[ge4],家[jia1]"}));
  for (const char* form : {"地方", "引入", "建", "新型", "共享", "系统"})
    CHECK(EntriesOf(data, "zh", form).size() >= 1);
  CHECK(EntriesOf(data, "zh", "区块链").empty());
  CHECK(EntriesOf(data, "zh", "信息孤岛").empty());
  // Fn. 29's title: 专属彩铃让老赖闻“声”丧胆; 老赖 is a term too.
  std::vector<Json> ringtone = EntriesOf(data, "zh", "彩铃");
  REQUIRE(ringtone.size() == 1);
  CHECK(ringtone[0]["g"] ==
        Json::array({"caller ring-back tone (CRBT)", "ring-back tone (RBT)"}));
  CHECK(EntriesOf(data, "zh", "老赖").empty());
  // Only the dictionaries used are named, each with its licence line, in
  // the order the report first needs them.
  CHECK(data["sources"] == Json::parse(R"([
          {"name":"CC-CEDICT","licence":"CC BY-SA 4.0",
           "home":"https://cc-cedict.org/",
           "by":"MDBG and the CC-CEDICT contributors"},
          {"name":"Ding","licence":"GPL-2.0-or-later",
           "home":"https://dict.tu-chemnitz.de/",
           "by":"Frank Richter, TU Chemnitz"}])"));

  // data.js tells the script where the two files are.
  CHECK(
      site["assets/data.js"].substr(site["assets/data.js"].rfind("window.")) ==
      "window.GLOSSA_DICT = "
      "{\"words\":\"assets/dict-data.js\",\"chars\":\"assets/"
      "chars-data.js\"};\n");
  // NOTICE names both licences after the built-in data's NOTICE.
  const std::string& notice = site["NOTICE.txt"];
  const std::string& plain = testing::BuiltIn().site.at("NOTICE.txt");
  CHECK(notice.rfind(plain, 0) == 0);
  CHECK(notice.find("- Ding, by Frank Richter, TU Chemnitz "
                    "(https://dict.tu-chemnitz.de/).\n  Licence: "
                    "GPL-2.0-or-later (GNU General Public License") !=
        std::string::npos);
  CHECK(notice.find("- CC-CEDICT, by MDBG and the CC-CEDICT contributors "
                    "(https://cc-cedict.org/).\n  Licence: CC BY-SA 4.0 "
                    "(Creative Commons Attribution-ShareAlike 4.0") !=
        std::string::npos);
}

TEST_CASE(
    "the characters of the glossary's Chinese terms carry their readings and "
    "short meanings from CC-CEDICT's single-character entries",
    "[site][dictionary]") {
  std::unique_ptr<Dictionary> cedict =
      Open(testing::SharedPath("data/dict/cedict_ts.u8"));
  const EditionIndex& index = *testing::BuiltIn().index;
  std::map<std::string, std::string> site =
      Files(BuildSite(index, nullptr, {cedict.get()}));
  Json data = ScriptData(site["assets/chars-data.js"], "GLOSSA_CHARS_DATA");
  // 信 has a surname entry and a measure word (CL:封[feng1]); neither is
  // a meaning.
  CHECK(data["chars"]["信"] ==
        Json::parse(R"({"d":0,"r":[["xìn","letter; mail; to trust"]]})"));
  CHECK(
      data["chars"]["用"] ==
      Json::parse(R"({"d":0,"r":[["yòng","to use; to employ; to have to"]]})"));
  // The traditional form where it differs, for each reading: 征 stands for
  // two traditional characters, each with meanings of its own (it showed
  // 徵 beside 征's "journey; trip; expedition").
  CHECK(data["chars"]["评"]["r"][0][2] == "評");
  // (The delimiter j: the meaning holds ')"'.)
  Json zheng = Json::parse(
      R"j({"d":0,"r":[["zhēng","journey; trip; expedition"],)j"
      R"j(["zhēng","to invite; to recruit; to levy (taxes)","徵"]]})j");
  CHECK(data["chars"]["征"] == zheng);
  CHECK(data["sources"].size() == 1);
  CHECK(data["sources"][0]["name"] == "CC-CEDICT");
  // Every character of every simplified term, and nothing else.
  std::set<std::string> expected;
  for (const Concept& entry : index.glossary().concepts)
    for (const ChineseForms& forms : ChineseTerms(entry))
      for (char32_t c : CodePoints(forms.simplified->text))
        if (IsCjkLetter(c)) expected.insert(FromCodePoints({&c, 1}));
  std::set<std::string> carried;
  for (auto& [c, item] : data["chars"].items()) carried.insert(c);
  CHECK(carried.size() <= expected.size());
  for (const std::string& c : carried) CHECK(expected.count(c) == 1);
  CHECK(carried.size() + 5 >= expected.size());  // CC-CEDICT knows nearly all
}

// Every file under `dir`, by path relative to it.
std::map<std::string, std::string> ReadTree(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& file : std::filesystem::recursive_directory_iterator(dir)) {
    if (!file.is_regular_file()) continue;
    out[std::filesystem::relative(file.path(), dir).string()] =
        testing::ReadOrFail(file.path().string());
  }
  return out;
}

TEST_CASE(
    "glossa site --dict adds the dictionaries' data; --dict none builds the "
    "site the command built before it had dictionaries",
    "[cli][site][dictionary]") {
  const std::string dir = testing::MakeTempDir();
  testing::RunResult with =
      testing::RunGlossa({"--dict", GLOSSA_TEST_DATA "/ding-sample.txt", "site",
                          "-o", dir + "/with"});
  CHECK(with.status == 0);
  testing::RunResult none =
      testing::RunGlossa({"--dict", "none", "site", "-o", dir + "/none"});
  CHECK(none.status == 0);
  // Without an installed dictionary (as in tests), the default is none.
  testing::RunResult plain = testing::RunGlossa({"site", "-o", dir + "/plain"});
  CHECK(plain.status == 0);
  std::map<std::string, std::string> with_files = ReadTree(dir + "/with");
  std::map<std::string, std::string> none_files = ReadTree(dir + "/none");
  CHECK(none_files == ReadTree(dir + "/plain"));
  CHECK(none_files.count("assets/dict-data.js") == 0);
  // The same site, plus the two files, the flag and the licence.
  for (auto& [file, contents] : none_files) {
    INFO(file);
    if (file == ".glossa-site") continue;  // the list of files, below
    // Entry pages too: Ding has no Chinese, so no characters' lines.
    if (file == "assets/data.js" || file == "NOTICE.txt")
      CHECK(with_files[file].rfind(contents, 0) == 0);
    else
      CHECK(with_files[file] == contents);
  }
  CHECK(with_files[".glossa-site"].find("assets/chars-data.js\n") !=
        std::string::npos);
  CHECK(with_files.size() == none_files.size() + 2);
  CHECK(with_files["NOTICE.txt"].find("- Ding, by Frank Richter") !=
        std::string::npos);
  Json data = ScriptData(with_files["assets/dict-data.js"], "GLOSSA_DICT_DATA");
  CHECK(data["words"].contains("ampel"));
  CHECK(data["zh"].empty());
}

TEST_CASE(
    "the site looks a word up in the dictionaries of the edition's language "
    "first, and segments Chinese over all of them",
    "[site][dictionary]") {
  std::unique_ptr<Dictionary> cedict =
      Open(testing::SharedPath("data/dict/cedict_ts.u8"));
  std::unique_ptr<Dictionary> ding = Open(GLOSSA_TEST_DATA "/ding-sample.txt");
  CHECK(site::WordOrder({cedict.get(), ding.get()}, "de") ==
        std::vector<const Dictionary*>{ding.get(), cedict.get()});
  CHECK(site::WordOrder({ding.get(), cedict.get()}, "de") ==
        std::vector<const Dictionary*>{ding.get(), cedict.get()});
  // English: both have it; the order given stands.
  CHECK(site::WordOrder({cedict.get(), ding.get()}, "en") ==
        std::vector<const Dictionary*>{cedict.get(), ding.get()});
}

TEST_CASE(
    "the installed Ding and CC-CEDICT give „Ampel“ its traffic light and "
    "the footnotes' Chinese titles their words",
    "[site][dictionary]") {
  std::optional<DictionaryPlaces> installed =
      testing::InstalledDictionaryPlaces();
  if (!installed) return;
  const DictionaryPlaces& places = *installed;
  std::unique_ptr<Dictionary> cedict = Open("cedict", places);
  std::unique_ptr<Dictionary> ding = Open("ding", places);
  std::map<std::string, std::string> site = Files(BuildSite(
      *testing::BuiltIn().index, nullptr, {cedict.get(), ding.get()}));
  Json data = ScriptData(site["assets/dict-data.js"], "GLOSSA_DICT_DATA");
  std::vector<Json> ampel = EntriesOf(data, "words", "ampel");
  REQUIRE(ampel.size() == 2);
  CHECK(SourceName(data, ampel[1]) == "Ding");
  CHECK(ampel[1]["p"][0] ==
        Json::array({"Ampel {f}; Verkehrsampel {f}; Lichtsignalanlage {f}",
                     "traffic light; traffic lights; robot [South Africa]"}));
  std::vector<Json> association = EntriesOf(data, "zh", "协会");
  REQUIRE(association.size() == 1);
  CHECK(SourceName(data, association[0]) == "CC-CEDICT");
  CHECK(association[0]["z"] == Json::array({"协会", "協會", "xié huì"}));
  CHECK(EntriesOf(data, "zh", "彩铃").size() == 1);
  // A German word that is an English one too gets Ding's German entries,
  // the one headed by the word first.
  std::vector<Json> die = EntriesOf(data, "words", "die");
  REQUIRE(!die.empty());
  CHECK(die[0]["p"][0] == Json::array({"die {art} (der; die; der)", "the"}));
  std::vector<Json> red = EntriesOf(data, "words", "rot");
  REQUIRE(!red.empty());
  CHECK(red[0]["p"][0] == Json::array({"Rot {n} (Farbe)", "red (colour)"}));
  Json chars = ScriptData(site["assets/chars-data.js"], "GLOSSA_CHARS_DATA");
  CHECK(chars["chars"]["信"]["r"][0][0] == "xìn");
  CHECK(chars["chars"]["用"]["r"][0][0] == "yòng");
}

}  // namespace
}  // namespace glossa
