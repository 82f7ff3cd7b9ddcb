// The compiled dictionary index (dictionary_index.h) against a plain
// reference built from DictionaryKeys over every entry's terms, on CC-CEDICT
// and on small dictionaries of our own; and the cache around it
// (dictionary_cache.h): built once, mapped afterwards, rebuilt when it
// cannot be trusted.

#include "core/dictionary_index.h"

#include <xxhash.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/cedict.h"
#include "core/dictionary_cache.h"
#include "core/mapped_file.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

// What the index must answer, computed the obvious way.
class Reference {
 public:
  explicit Reference(const std::vector<Concept>& entries) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      for (const LangSection& section : entries[i].languages) {
        for (const Term& term : section.terms) {
          for (const auto& [kind, key] :
               DictionaryKeys(term.text, section.lang)) {
            auto& list = keys_[{kind, key}];
            if (list.empty() || list.back().first != i)
              list.emplace_back(i, term.text);
          }
        }
      }
      for (const LangSection& section : entries[i].languages) {
        if (!SameLanguage(section.lang, kSimplifiedChinese) &&
            !SameLanguage(section.lang, kTraditionalChinese))
          continue;
        for (const Term& term : section.terms) {
          auto& list = chinese_[term.text];
          if (list.empty() || list.back() != i) list.push_back(i);
          longest_ = std::max(longest_, term.text.size());
        }
      }
    }
  }

  std::vector<DictionaryHit> Find(std::string_view query) const {
    std::vector<DictionaryHit> hits;
    std::set<std::size_t> seen;
    auto keys = DictionaryQueryKeys(query);
    for (int k = 0; k <= static_cast<int>(MatchKind::kInflected); ++k) {
      std::vector<std::pair<std::size_t, std::string>> found;
      for (const auto& [kind, key] : keys) {
        auto list = keys_.find({kind, key});
        if (static_cast<int>(kind) == k && list != keys_.end())
          found.insert(found.end(), list->second.begin(), list->second.end());
      }
      std::stable_sort(found.begin(), found.end(),
                       [](auto& a, auto& b) { return a.first < b.first; });
      for (auto& [entry, term] : found) {
        if (seen.insert(entry).second)
          hits.push_back({entry, static_cast<MatchKind>(k), term});
      }
    }
    return hits;
  }

  std::size_t LongestChinesePrefix(std::string_view text,
                                   std::vector<std::size_t>* entries) const {
    entries->clear();
    for (std::size_t n = std::min(longest_, text.size()); n > 0; --n) {
      auto found = chinese_.find(std::string(text.substr(0, n)));
      if (found != chinese_.end()) {
        *entries = found->second;
        return n;
      }
    }
    return 0;
  }

 private:
  std::map<std::pair<MatchKind, std::string>,
           std::vector<std::pair<std::size_t, std::string>>>
      keys_;
  std::unordered_map<std::string, std::vector<std::size_t>> chinese_;
  std::size_t longest_ = 0;
};

// Hits as lines, so that a failure shows them.
std::vector<std::string> Lines(const std::vector<DictionaryHit>& hits) {
  std::vector<std::string> out;
  for (const DictionaryHit& hit : hits) {
    out.push_back(std::to_string(hit.entry) + " " +
                  std::to_string(static_cast<int>(hit.kind)) + " " + hit.term);
  }
  return out;
}

// CC-CEDICT, read once per test process, its index and the reference.
struct Cedict {
  std::vector<Concept> entries;
  std::string index;
  std::unique_ptr<MappedDictionary> dictionary;
  std::unique_ptr<Reference> reference;
};
const Cedict& LoadCedict() {
  static const Cedict* cedict = [] {
    auto* out = new Cedict;
    Diagnostics diags;
    Glossary glossary;
    REQUIRE(ReadCedict(testing::ReadShared("data/dict/cedict_ts.u8"),
                       "cedict_ts.u8", diags, &glossary));
    out->entries = std::move(glossary.concepts).Take();
    out->index = BuildDictionaryIndex(out->entries, ContentHash{1, 2});
    std::string error;
    out->dictionary = MappedDictionary::FromBytes(
        out->index, ContentHash{1, 2},
        {"CC-CEDICT", "CC BY-SA 4.0", "cedict_ts.u8"}, &error);
    REQUIRE(error == "");
    out->reference = std::make_unique<Reference>(out->entries);
    return out;
  }();
  return *cedict;
}

std::string Headline(const Dictionary& dictionary, std::size_t entry) {
  return glossa::Headline(dictionary.Entry(entry));
}

TEST_CASE("HashContent equals XXH3-128 of libxxhash whatever code computes it",
          "[index]") {
  // On a processor with AVX2, HashContent computes XXH3 with its own AVX2
  // code (xxh3_avx2.h); every cache file name and checksum depends on it
  // giving what libxxhash gives. Lengths around XXH3's own boundaries
  // (16, 128, 240 bytes; a stripe of 64, a block of 1024), and 1 MiB.
  std::string bytes;
  std::uint64_t x = 0x2545F4914F6CDD1DULL;
  while (bytes.size() < (std::size_t{1} << 20) + 7) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    bytes.push_back(static_cast<char>(x));
  }
  for (std::size_t size : {0, 1, 3, 16, 17, 128, 129, 240, 241, 1000, 1024,
                           1025, 4096, 65536 + 63, (1 << 20) + 7}) {
    CAPTURE(size);
    const XXH128_hash_t expected = XXH3_128bits(bytes.data(), size);
    const ContentHash got =
        HashContent(std::string_view(bytes).substr(0, size));
    CHECK(got.low == expected.low64);
    CHECK(got.high == expected.high64);
  }
}

TEST_CASE(
    "the CC-CEDICT index finds 老赖, 红绿灯 and 区块链 as the reference does",
    "[dictionary-index]") {
  const Cedict& cedict = LoadCedict();
  const Dictionary& index = *cedict.dictionary;
  REQUIRE(index.Size() == cedict.entries.size());
  for (std::string query : {"老赖",
                            "老賴",
                            "红绿灯",
                            "紅綠燈",
                            "区块链",
                            "區塊鏈",
                            "traffic light",
                            "traffic lights",
                            "lao lai",
                            "lao3lai4",
                            "lǎolài",
                            "laolai",
                            "lao4lai4",
                            "hong2 lu:4 deng1",
                            "hónglǜdēng",
                            "blockchain (computing)",
                            "debt dodger",
                            "(coll.) debt dodger",
                            "surname Lai",
                            "",
                            " ",
                            "x"}) {
    INFO(query);
    CHECK(Lines(index.Find(query)) == Lines(cedict.reference->Find(query)));
  }
  std::vector<DictionaryHit> hits = index.Find("老赖");
  REQUIRE(hits.size() == 1);
  CHECK(Headline(index, hits[0].entry) == "老赖 老賴 lǎo lài");
  CHECK(hits[0].kind == MatchKind::kFolded);
  CHECK(hits[0].term == "老赖");
  // The first of the entry's terms with the key: its simplified form.
  CHECK(index.Find("區塊鏈")[0].term == "区块链");
  CHECK(Headline(index, index.Find("區塊鏈")[0].entry) ==
        "区块链 區塊鏈 qū kuài liàn");
  // CC-CEDICT's glosses are definitions, not terms: English finds
  // nothing until a reader makes terms of them (as for Ding's English).
  CHECK(index.Find("traffic light").empty());
  hits = index.Find("lao3lai4");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == MatchKind::kPinyinTones);
  CHECK(hits[0].term == "lǎo lài");
  CHECK(index.Find("lao4lai4").empty());
}

TEST_CASE(
    "the CC-CEDICT index finds every 37th entry's terms and glosses "
    "as the reference",
    "[dictionary-index]") {
  const Cedict& cedict = LoadCedict();
  std::size_t queries = 0;
  for (std::size_t i = 0; i < cedict.entries.size(); i += 37) {
    for (const LangSection& section : cedict.entries[i].languages) {
      for (const Term& term : section.terms) {
        INFO(term.text);
        std::vector<DictionaryHit> hits = cedict.dictionary->Find(term.text);
        CHECK(Lines(hits) == Lines(cedict.reference->Find(term.text)));
        // A term finds its own entry.
        CHECK(std::any_of(hits.begin(), hits.end(),
                          [i](auto& hit) { return hit.entry == i; }));
        ++queries;
      }
      for (const Text& gloss : section.definitions) {
        INFO(gloss.text);
        CHECK(Lines(cedict.dictionary->Find(gloss.text)) ==
              Lines(cedict.reference->Find(gloss.text)));
        ++queries;
      }
    }
  }
  CHECK(queries > 15000);
}

TEST_CASE("the CC-CEDICT index rebuilds each entry as the reader read it",
          "[dictionary-index]") {
  const Cedict& cedict = LoadCedict();
  for (std::size_t i = 0; i < cedict.entries.size(); i += 13) {
    const Concept& read = cedict.entries[i];
    Concept rebuilt = cedict.dictionary->Entry(i);
    INFO(read.id);
    CHECK(rebuilt.id == read.id);
    CHECK(rebuilt.origin.file == "cedict_ts.u8");
    CHECK(rebuilt.origin.line == read.origin.line);
    REQUIRE(rebuilt.languages.size() == read.languages.size());
    for (std::size_t s = 0; s < read.languages.size(); ++s) {
      const LangSection& a = read.languages[s];
      const LangSection& b = rebuilt.languages[s];
      CHECK(b.lang == a.lang);
      REQUIRE(b.terms.size() == a.terms.size());
      for (std::size_t t = 0; t < a.terms.size(); ++t) {
        CHECK(b.terms[t].text == a.terms[t].text);
        CHECK(b.terms[t].sources == a.terms[t].sources);
      }
      REQUIRE(b.definitions.size() == a.definitions.size());
      for (std::size_t d = 0; d < a.definitions.size(); ++d) {
        CHECK(b.definitions[d].text == a.definitions[d].text);
        CHECK(b.definitions[d].source == a.definitions[d].source);
      }
    }
  }
}

TEST_CASE(
    "the CC-CEDICT index segments the Chinese regulations as the "
    "reference",
    "[dictionary-index]") {
  const Cedict& cedict = LoadCedict();
  std::string text =
      testing::ReadShared("data/zh/shanghai-shehui-xinyong-tiaoli_2017.md");
  text += testing::ReadShared("data/zh/zhengxinye-guanli-tiaoli_2013.md");
  std::vector<std::size_t> got, want;
  std::size_t matched = 0;
  // At every character, not only where a segmentation would stop.
  for (std::size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    std::string_view rest = std::string_view(text).substr(at);
    std::size_t length = cedict.dictionary->LongestChinesePrefix(rest, &got);
    REQUIRE(length == cedict.reference->LongestChinesePrefix(rest, &want));
    REQUIRE(got == want);
    if (length > 0) ++matched;
  }
  CHECK(matched > 10000);
  std::vector<std::size_t> entries;
  CHECK(cedict.dictionary->LongestChinesePrefix("社会主义市场经济体制",
                                                &entries) ==
        std::string_view("社会主义").size());
  REQUIRE(entries.size() == 1);
  CHECK(Headline(*cedict.dictionary, entries[0]) ==
        "社会主义 社會主義 shè huì zhǔ yì");
  CHECK(cedict.dictionary->LongestChinesePrefix("老賴們", &entries) ==
        std::string_view("老賴").size());
  CHECK(Headline(*cedict.dictionary, entries[0]) == "老赖 老賴 lǎo lài");
  // CC-CEDICT has Latin forms ("A"), but none for "Ä".
  CHECK(cedict.dictionary->LongestChinesePrefix("Ärger", &entries) == 0);
  CHECK(entries.empty());
}

// A small dictionary of our own, with every field the index keeps.
std::vector<Concept> SmallEntries() {
  auto term = [](std::string text) {
    Term out;
    out.text = std::move(text);
    return out;
  };
  auto section = [](std::string lang, std::vector<Term> terms) {
    LangSection out;
    out.lang = std::move(lang);
    out.terms = std::move(terms);
    return out;
  };
  std::vector<Concept> entries(4);
  entries[0].id = "lights";
  entries[0].languages = {section("en", {term("traffic lights")}),
                          section("de", {term("schwarzen Listen")})};
  entries[1].id = "light";
  entries[1].origin = {"small", 7, 3};
  entries[1].subject_fields = {"traffic"};
  entries[1].definitions = {{"a signal", "ours", "<x/>"}};
  entries[1].notes = {{"a note", "", ""}};
  Term ampel = term("Ampel");
  ampel.status = TermStatus::kPreferred;
  ampel.type = TermType::kFullForm;
  ampel.part_of_speech = "noun";
  ampel.grammatical_gender = "feminine";
  ampel.geographical_usage = "DE";
  ampel.sources = {"Ding"};
  ampel.notes = {{"pl. Ampeln", "Ding", ""}};
  entries[1].languages = {section("de", {ampel}),
                          section("en", {term("traffic light")}),
                          section("zh-Hans", {term("红绿灯"), term("红灯")}),
                          section("zh-Hant", {term("紅綠燈"), term("紅燈")})};
  entries[1].languages[0].definitions = {{"Lichtsignal", "", ""}};
  entries[2].languages = {section("zh-Hans", {term("红")}),
                          section("zh-Latn-pinyin", {term("hóng")})};
  LangSection gloss;
  gloss.lang = "en";
  gloss.definitions = {{"Traffic Light", "", ""}};
  entries[3].languages = {section("zh-Hans", {term("红绿灯")}), gloss};
  return entries;
}

std::unique_ptr<MappedDictionary> SmallIndex() {
  std::string error;
  auto out = MappedDictionary::FromBytes(
      BuildDictionaryIndex(SmallEntries(), ContentHash{}), std::nullopt,
      {"small", "", "small.txt"}, &error);
  REQUIRE(error == "");
  return out;
}

TEST_CASE("an index finds folded forms first, then stems, each in file order",
          "[dictionary-index]") {
  auto index = SmallIndex();
  CHECK(Lines(index->Find("Traffic light")) ==
        std::vector<std::string>{"1 1 traffic light", "0 5 traffic lights"});
  CHECK(Lines(index->Find("schwarze Liste")) ==
        std::vector<std::string>{"0 5 schwarzen Listen"});
  CHECK(Lines(index->Find("AMPEL")) == std::vector<std::string>{"1 1 Ampel"});
  CHECK(Lines(index->Find("紅綠燈")) ==
        std::vector<std::string>{"1 1 红绿灯", "3 1 红绿灯"});
  CHECK(Lines(index->Find("hong2")) == std::vector<std::string>{"2 3 hóng"});
  CHECK(Lines(index->Find("hong")) == std::vector<std::string>{"2 2 hóng"});
  CHECK(index->Find("Fahrrad").empty());
  auto reference = Reference(SmallEntries());
  for (const char* query :
       {"Traffic light", "schwarze Liste", "AMPEL", "紅綠燈", "hong"})
    CHECK(Lines(index->Find(query)) == Lines(reference.Find(query)));
}

TEST_CASE("an index rebuilds an entry with every field it keeps",
          "[dictionary-index]") {
  auto index = SmallIndex();
  REQUIRE(index->Size() == 4);
  Concept entry = index->Entry(1);
  CHECK(entry.id == "light");
  CHECK(entry.origin.file == "small.txt");
  CHECK(entry.origin.line == 7);
  CHECK(entry.origin.column == 3);
  CHECK(entry.subject_fields == std::vector<std::string>{"traffic"});
  REQUIRE(entry.definitions.size() == 1);
  CHECK(entry.definitions[0].text == "a signal");
  CHECK(entry.definitions[0].source == "ours");
  CHECK(entry.definitions[0].xml == "");  // not kept
  REQUIRE(entry.notes.size() == 1);
  CHECK(entry.notes[0].text == "a note");
  REQUIRE(entry.languages.size() == 4);
  CHECK(entry.languages[0].lang == "de");
  CHECK(entry.languages[0].definitions[0].text == "Lichtsignal");
  const Term& ampel = entry.languages[0].terms.at(0);
  CHECK(ampel.text == "Ampel");
  CHECK(ampel.status == TermStatus::kPreferred);
  CHECK(ampel.type == TermType::kFullForm);
  CHECK(ampel.part_of_speech == "noun");
  CHECK(ampel.grammatical_gender == "feminine");
  CHECK(ampel.geographical_usage == "DE");
  CHECK(ampel.sources == std::vector<std::string>{"Ding"});
  CHECK(ampel.notes.at(0).text == "pl. Ampeln");
  CHECK(entry.languages[3].terms.at(1).text == "紅燈");
  CHECK(index->Entry(0).origin.file == "");  // no line: not from a file
  CHECK(index->Entry(4).languages.empty());  // past the end: empty
}

TEST_CASE(
    "an index finds the longest Chinese form, simplified or "
    "traditional",
    "[dictionary-index]") {
  auto index = SmallIndex();
  std::vector<std::size_t> entries;
  CHECK(index->LongestChinesePrefix("红绿灯亮了", &entries) == 9);
  CHECK(entries == std::vector<std::size_t>{1, 3});
  CHECK(index->LongestChinesePrefix("紅綠燈", &entries) == 9);
  CHECK(entries == std::vector<std::size_t>{1});
  CHECK(index->LongestChinesePrefix("红绿", &entries) == 3);
  CHECK(entries == std::vector<std::size_t>{2});
  CHECK(index->LongestChinesePrefix("紅", &entries) == 0);
  CHECK(entries.empty());
  CHECK(index->LongestChinesePrefix(std::string_view("红\0绿", 5), &entries) ==
        3);
  CHECK(index->LongestChinesePrefix("", &entries) == 0);
}

TEST_CASE("an index of no entries answers nothing", "[dictionary-index]") {
  std::string error;
  auto index =
      MappedDictionary::FromBytes(BuildDictionaryIndex({}, {}), {}, {}, &error);
  REQUIRE(index);
  CHECK(index->Size() == 0);
  CHECK(index->Find("红").empty());
  std::vector<std::size_t> entries{7};
  CHECK(index->LongestChinesePrefix("红", &entries) == 0);
  CHECK(entries.empty());
}

TEST_CASE("an index that cannot be trusted is refused with the reason",
          "[dictionary-index]") {
  const std::string good = BuildDictionaryIndex(SmallEntries(), {5, 6});
  auto why = [](std::string bytes,
                std::optional<ContentHash> expected = ContentHash{5, 6}) {
    std::string error;
    auto index =
        MappedDictionary::FromBytes(std::move(bytes), expected, {}, &error);
    CHECK((index == nullptr) == !error.empty());
    return error;
  };
  CHECK(why(good) == "");
  CHECK(why("") == "not a glossa dictionary index");
  CHECK(why(std::string(100, 'x')) == "not a glossa dictionary index");
  CHECK(why(good.substr(0, 100)) ==
        "truncated (100 of " + std::to_string(good.size()) + " bytes)");
  CHECK(why(good + "x") == "too long (" + std::to_string(good.size() + 1) +
                               " of " + std::to_string(good.size()) +
                               " bytes)");
  std::string other_version = good;
  other_version[8] = 1;  // the format before the trie stepped by character
  CHECK(why(other_version) == "format version 1, not 2");
  CHECK(why(good, ContentHash{5, 7}) == "built from another source");
  CHECK(why(good, std::nullopt) == "");
  for (std::size_t at : {std::size_t{64}, std::size_t{200}, good.size() - 1}) {
    std::string flipped = good;
    flipped[at] ^= 0x10;
    CHECK(why(flipped) == "checksum does not match");
  }
  std::string outside = good;
  outside[64 + 3 * 16 + 15] = 0x7F;  // the key directory's size
  SealDictionaryIndex(&outside);
  CHECK(why(outside) == "section 3 lies outside the file");
}

// The cache, with a CC-CEDICT source of a few lines, one of them broken,
// in a file, opened as OpenDictionary opens one: by the source's key, else
// by reading and hashing it.
struct CacheFixture {
  std::string dir = testing::MakeTempDir();
  // Records are written however fresh the source is (the tests write it
  // and open it at once); one test puts the default back.
  DictionaryCache cache{dir + "/glossa", false, 0};
  std::string file = dir + "/small.u8";
  std::string bytes =
      "# CC-CEDICT\n"
      "紅綠燈 红绿灯 [hong2 lu:4 deng1] /traffic light/traffic signal/\n"
      "老賴 老赖 [lao3 lai4] /(coll.) debt dodger/\n"
      "broken\n"
      "區塊鏈 区块链 [qu1 kuai4 lian4] /blockchain (computing)/\n";
  int reads = 0;   // the source's entries read: an index built
  int hashes = 0;  // the source read and hashed
  std::string written;

  std::unique_ptr<Dictionary> Open(Diagnostics& diags) {
    if (written != bytes) {
      std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
      written = bytes;
    }
    DictionarySource source{"CC-CEDICT", "CC BY-SA 4.0", "small.u8"};
    std::optional<SourceKey> key = KeySource(file);
    REQUIRE(key);
    if (auto cached = OpenByKey(*key, source, cache, diags)) return cached;
    ++hashes;
    std::string read = testing::ReadOrFail(file);
    return OpenIndexed(
        read,
        [this, read](Diagnostics& d, const AddEntry& add) {
          ++reads;
          Glossary glossary;
          if (!ReadCedict(read, "small.u8", d, &glossary)) return false;
          for (const Concept& entry : glossary.concepts) add(entry);
          return true;
        },
        source, cache, diags, &*key);
  }
  std::vector<std::string> Open() {
    Diagnostics diags;
    auto dictionary = Open(diags);
    REQUIRE(dictionary);
    REQUIRE(dictionary->Size() == 3);
    auto hits = dictionary->Find("lao lai");
    REQUIRE(hits.size() == 1);
    CHECK(glossa::Headline(dictionary->Entry(hits[0].entry)) ==
          "老赖 老賴 lǎo lài");
    return testing::Messages(diags);
  }
  // Moves the source's modification time by `seconds` (into the past: a
  // time to come is never settled), its bytes unchanged.
  void Touch(int seconds = -10) {
    std::filesystem::last_write_time(
        file,
        std::filesystem::last_write_time(file) + std::chrono::seconds(seconds));
  }
  std::string IndexPath() const {
    return cache.dir + "/" + HashContent(bytes).Hex() + ".index";
  }
  std::string RecordName() const {
    return HashContent(std::filesystem::canonical(file).string()).Hex() +
           ".source";
  }
  std::vector<std::string> Files() const {
    std::vector<std::string> out;
    for (const auto& file : std::filesystem::directory_iterator(cache.dir))
      out.push_back(file.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

const std::string kBrokenLine =
    "small.u8:4:1: warning: not a CC-CEDICT line (TRAD SIMP [pin1 yin1] "
    "/gloss/); skipped";

TEST_CASE_METHOD(CacheFixture,
                 "the index is built at first use and then mapped without "
                 "reading the source",
                 "[dictionary-index]") {
  CHECK(Open() == std::vector<std::string>{kBrokenLine});
  CHECK(reads == 1);
  std::vector<std::string> files{HashContent(bytes).Hex() + ".index",
                                 RecordName()};
  std::sort(files.begin(), files.end());
  CHECK(Files() == files);
  // The broken line is reported again, from the index, which is found by
  // the source's key: the source is neither read nor hashed.
  CHECK(Open() == std::vector<std::string>{kBrokenLine});
  CHECK(reads == 1);
  CHECK(hashes == 1);
  CHECK(testing::ReadOrFail(cache.dir + "/" + RecordName()) ==
        "glossa dictionary source 1\n" + KeySource(file)->path + "\n" +
            std::to_string(KeySource(file)->device) + " " +
            std::to_string(KeySource(file)->inode) + " " +
            std::to_string(bytes.size()) + " " +
            std::to_string(KeySource(file)->mtime_ns) + " " +
            std::to_string(KeySource(file)->ctime_ns) + "\n" +
            HashContent(bytes).Hex() + "\n");
}

TEST_CASE_METHOD(CacheFixture,
                 "a touched source is hashed once and its index reused",
                 "[dictionary-index]") {
  Open();
  Touch();
  CHECK(Open() == std::vector<std::string>{kBrokenLine});
  CHECK(hashes == 2);
  CHECK(reads == 1);
  Open();
  CHECK(hashes == 2);
}

TEST_CASE_METHOD(CacheFixture,
                 "a source changed in place with its modification time put "
                 "back is noticed by its change time",
                 "[dictionary-index]") {
  Open();
  // Past the clock tick of the first write, so that the change time moves.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto mtime = std::filesystem::last_write_time(file);
  bytes.replace(bytes.find("debt"), 4, "DEBT");
  // The same size, the same inode, the same modification time.
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  written = bytes;
  std::filesystem::last_write_time(file, mtime);
  Diagnostics diags;
  auto dictionary = Open(diags);
  CHECK(hashes == 2);
  CHECK(reads == 2);
  Concept entry = dictionary->Entry(dictionary->Find("lao lai").at(0).entry);
  CHECK(entry.Language("en")->definitions.at(0).text == "(coll.) DEBT dodger");
}

TEST_CASE_METHOD(CacheFixture,
                 "a source changed less than two seconds ago is hashed again "
                 "at every run",
                 "[dictionary-index]") {
  CHECK(DictionaryCache{}.settle_ns == 2'000'000'000);
  cache.settle_ns = 200'000'000;  // the rule, with a shorter wait
  Open();
  Open();
  CHECK(hashes == 2);
  CHECK(reads == 1);
  CHECK(Files() ==
        std::vector<std::string>{HashContent(bytes).Hex() + ".index"});
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Open();  // settled: its key is recorded
  Open();
  CHECK(hashes == 3);
}

TEST_CASE_METHOD(CacheFixture,
                 "an index reached by its source's key is checked for its "
                 "structure, and for its checksum when the source is hashed",
                 "[dictionary-index]") {
  Open();
  std::string flipped = testing::ReadOrFail(IndexPath());
  flipped[flipped.size() / 2] ^= 1;
  std::ofstream(IndexPath(), std::ios::binary | std::ios::trunc) << flipped;
  Open();  // bounds-checked reads of a damaged body: no crash
  CHECK(hashes == 1);
  Touch();
  CHECK(Open().front() == IndexPath() +
                              ": warning: dictionary index not trusted "
                              "(checksum does not match); rebuilt from "
                              "'small.u8'");
  CHECK(reads == 2);
  CHECK(hashes == 2);
}

// How long ago `path` was modified, in whole days.
long DaysSinceModified(const std::string& path) {
  return std::chrono::duration_cast<std::chrono::hours>(
             std::filesystem::file_time_type::clock::now() -
             std::filesystem::last_write_time(path))
             .count() /
         24;
}

// Sets `path`'s modification time `hours` into the past.
void Age(const std::string& path, int hours) {
  std::filesystem::last_write_time(
      path, std::filesystem::file_time_type::clock::now() -
                std::chrono::hours(hours));
}

TEST_CASE_METHOD(CacheFixture,
                 "an index and a record found in the cache are marked used, "
                 "so that pruning keeps them",
                 "[dictionary-index]") {
  Open();
  const std::string record = cache.dir + "/" + RecordName();
  Age(IndexPath(), 40 * 24);
  Age(record, 40 * 24);
  Open();  // found by the record: both are used
  CHECK(reads == 1);
  CHECK(DaysSinceModified(IndexPath()) == 0);
  CHECK(DaysSinceModified(record) == 0);
  // Used less than a day ago: left alone (one metadata write a day at most).
  Age(IndexPath(), 20);
  Open();
  CHECK(DaysSinceModified(IndexPath()) == 0);
  CHECK(std::filesystem::last_write_time(IndexPath()) <
        std::filesystem::file_time_type::clock::now() - std::chrono::hours(19));
}

TEST_CASE_METHOD(CacheFixture,
                 "building an index removes glossa's cache files unused for "
                 "30 days, and nothing else",
                 "[dictionary-index]") {
  const std::string hex(32, 'a');
  auto make = [this](const std::string& name, int hours) {
    const std::string path = cache.dir + "/" + name;
    std::filesystem::create_directories(cache.dir);
    std::ofstream(path) << "x";
    Age(path, hours);
  };
  make(std::string(32, '1') + ".index", 31 * 24);         // removed
  make(std::string(32, '2') + ".index", 29 * 24);         // kept: used
  make(std::string(32, '3') + ".source", 31 * 24);        // removed
  make(std::string(32, '4') + ".edition", 31 * 24);       // removed
  make(std::string(32, '9') + ".document", 31 * 24);      // removed
  make(std::string(32, '0') + ".document", 1);            // kept: used
  make(std::string(32, '5') + ".index.tmp-Ab12Cd", 25);   // removed
  make(std::string(32, '6') + ".index.tmp-Ab12Cd", 2);    // kept: under way
  make("notes.txt", 100 * 24);                            // kept: not ours
  make(std::string(32, 'A') + ".index", 100 * 24);        // kept: not our name
  make(std::string(32, '7') + ".edition.bak", 100 * 24);  // kept
  make(std::string(31, '8') + ".index", 100 * 24);        // kept
  Open();  // builds the index: a write, after which the folder is pruned
  std::vector<std::string> want{std::string(32, '0') + ".document",
                                std::string(32, '2') + ".index",
                                std::string(32, '6') + ".index.tmp-Ab12Cd",
                                "notes.txt",
                                std::string(32, 'A') + ".index",
                                std::string(32, '7') + ".edition.bak",
                                std::string(31, '8') + ".index",
                                HashContent(bytes).Hex() + ".index",
                                RecordName()};
  std::sort(want.begin(), want.end());
  CHECK(Files() == want);
}

TEST_CASE(
    "pruning keeps the eight editions, the eight glossaries and the eight "
    "documents used last, the new file counted",
    "[dictionary-index]") {
  const std::string dir = testing::MakeTempDir();
  std::vector<std::string> editions;
  for (int i = 0; i < 10; ++i) {
    // Named so that their order by name is not their order by use.
    editions.push_back(dir + "/" + std::string(31, 'a') +
                       static_cast<char>('9' - i) + ".edition");
    std::ofstream(editions.back()) << "x";
    Age(editions.back(), i + 1);  // editions[0] used last
  }
  std::vector<std::string> glossaries;  // counted apart from the editions
  for (int i = 0; i < 9; ++i) {
    glossaries.push_back(dir + "/" + std::string(31, 'd') +
                         static_cast<char>('1' + i) + ".glossary");
    std::ofstream(glossaries.back()) << "x";
    Age(glossaries.back(), i + 1);
  }
  std::vector<std::string> documents;  // and from the glossaries
  for (int i = 0; i < 10; ++i) {
    documents.push_back(dir + "/" + std::string(31, 'e') +
                        static_cast<char>('0' + i) + ".document");
    std::ofstream(documents.back()) << "x";
    Age(documents.back(), 20 - i);  // documents[9] used last
  }
  const std::string index = dir + "/" + std::string(32, 'b') + ".index";
  std::ofstream(index) << "x";
  Age(index, 100);
  const std::string written = dir + "/" + std::string(32, 'c') + ".edition";
  std::ofstream(written) << "x";
  Age(written, 200);  // however old: it was just written
  PruneCache(dir, written, NowNanoseconds());
  for (int i = 0; i < 10; ++i) {
    INFO(editions[i]);
    CHECK(std::filesystem::exists(editions[i]) == (i < 7));
  }
  CHECK(std::filesystem::exists(written));
  CHECK(std::filesystem::exists(index));  // only editions are counted
  for (int i = 0; i < 9; ++i) {
    INFO(glossaries[i]);
    CHECK(std::filesystem::exists(glossaries[i]) == (i < 8));
  }
  for (int i = 0; i < 10; ++i) {
    INFO(documents[i]);
    CHECK(std::filesystem::exists(documents[i]) == (i >= 2));
  }
  PruneCache(dir, index, NowNanoseconds());
  // The new file is an index: the eight editions used last stay.
  CHECK(std::filesystem::exists(written));
  for (int i = 0; i < 7; ++i) CHECK(std::filesystem::exists(editions[i]));
  std::filesystem::remove_all(dir);
}

TEST_CASE_METHOD(CacheFixture, "a changed source gets an index of its own",
                 "[dictionary-index]") {
  Open();
  std::string old_index = IndexPath();
  bytes += "紅 红 [hong2] /red/\n";
  Diagnostics diags;
  auto dictionary = Open(diags);
  CHECK(reads == 2);
  CHECK(dictionary->Size() == 4);
  CHECK(Files().size() == 3);  // two indexes, one record
  CHECK(std::filesystem::exists(old_index));
  Open(diags);
  CHECK(reads == 2);
  CHECK(hashes == 2);
}

TEST_CASE_METHOD(CacheFixture,
                 "a truncated, damaged or foreign index is rebuilt with a "
                 "warning",
                 "[dictionary-index]") {
  Open();
  const std::string good = testing::ReadOrFail(IndexPath());
  auto replace = [this](const std::string& contents) {
    std::ofstream(IndexPath(), std::ios::binary | std::ios::trunc) << contents;
  };
  auto warning = [this](const std::string& why) {
    return IndexPath() + ": warning: dictionary index not trusted (" + why +
           "); rebuilt from 'small.u8'";
  };
  replace(good.substr(0, good.size() / 2));
  CHECK(Open() == std::vector<std::string>{
                      warning("truncated (" + std::to_string(good.size() / 2) +
                              " of " + std::to_string(good.size()) + " bytes)"),
                      kBrokenLine});
  CHECK(reads == 2);
  CHECK(testing::ReadOrFail(IndexPath()) == good);
  CHECK(Open() == std::vector<std::string>{kBrokenLine});
  CHECK(reads == 2);

  // A damaged body is caught when the source is hashed (the next test
  // says when); the other cases are caught at every open.
  std::string flipped = good;
  flipped[good.size() / 2] ^= 1;
  replace(flipped);
  Touch();
  CHECK(Open().front() == warning("checksum does not match"));
  CHECK(reads == 3);

  std::string old_version = good;
  old_version[8] = 0;
  replace(old_version);
  CHECK(Open().front() == warning("format version 0, not 2"));
  CHECK(reads == 4);

  replace(BuildDictionaryIndex({}, HashContent("another file")));
  CHECK(Open().front() == warning("built from another source"));
  CHECK(reads == 5);

  replace("");
  CHECK(Open().front() == warning("not a glossa dictionary index"));
  CHECK(reads == 6);
  CHECK(testing::ReadOrFail(IndexPath()) == good);
}

TEST_CASE_METHOD(CacheFixture,
                 "an unwritable cache falls back to an index in memory with "
                 "one warning",
                 "[dictionary-index]") {
  // A file where the cache's parent folder should be: not even root can
  // write below it.
  std::ofstream(dir + "/file") << "x";
  cache.dir = dir + "/file/glossa";
  CHECK(Open() ==
        std::vector<std::string>{
            kBrokenLine,
            "glossa: warning: cannot create '" + cache.dir +
                "': Not a directory; dictionary indexes are kept in memory "
                "and built again at every run"});
  CHECK(Open() == std::vector<std::string>{kBrokenLine});
  CHECK(reads == 2);
  cache = DictionaryCache{""};
  CHECK(Open()[1] ==
        "glossa: warning: no cache folder (neither $XDG_CACHE_HOME nor $HOME "
        "is set); dictionary indexes are kept in memory and built again at "
        "every run");
}

TEST_CASE_METHOD(CacheFixture, "a source that cannot be read opens nothing",
                 "[dictionary-index]") {
  bytes = "\xff\xfe";
  Diagnostics diags;
  CHECK(Open(diags) == nullptr);
  CHECK(testing::Messages(diags) ==
        std::vector<std::string>{
            "small.u8:1:1: error: invalid UTF-8 at byte offset 0"});
  CHECK(!std::filesystem::exists(IndexPath()));
}

TEST_CASE("the cache folder follows the XDG rule", "[dictionary-index]") {
  CHECK(DictionaryCacheDir("/x/cache", "/home/a") == "/x/cache/glossa");
  CHECK(DictionaryCacheDir("", "/home/a") == "/home/a/.cache/glossa");
  CHECK(DictionaryCacheDir("relative", "/home/a") == "/home/a/.cache/glossa");
  CHECK(DictionaryCacheDir("", "") == "");
}

}  // namespace
}  // namespace glossa
