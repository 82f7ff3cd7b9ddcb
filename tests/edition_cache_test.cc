#include "core/edition_cache.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli.h"
#include "core/file_io.h"
#include "core/glossary_codec.h"
#include "core/little_endian.h"
#include "core/tbx_writer.h"
#include "core/tei.h"
#include "test_support.h"

namespace glossa {
namespace {

// Every field of every passage and the passages of every block: what two
// indexes must agree on for every view to print the same.
std::string Describe(const EditionIndex& index) {
  std::ostringstream out;
  for (const EditionBlock& block : index.blocks())
    out << "block " << block.locator.node << " " << block.first_passage << "-"
        << block.end_passage << "\n";
  for (const Passage& p : index.passages()) {
    out << p.entry << " " << p.form << " " << p.block << " " << p.block_begin
        << "-" << p.block_end << " " << p.match_begin << "-" << p.match_end
        << " " << p.nested_in << " " << FormatLocator(p.locator) << " "
        << p.locator.node << " " << p.locator.section_title << " | "
        << p.sentence << "\n";
  }
  // The term index, as its table and as it answers.
  out << "term index " << HashContent(index.terms().table()).Hex() << "\n";
  for (const char* query : {"zhengxin", "Bonitaet", "徵信", "laolai"}) {
    for (const Hit& hit : index.Find(query))
      out << query << ": " << hit.concept_index << " " << hit.term << "\n";
  }
  for (std::size_t e = 0; e < index.glossary().concepts.size(); ++e) {
    for (const KeyPassage& k : index.KeyPassagesOf(e)) {
      out << "key " << e << " " << k.reference << " " << k.id << " | "
          << k.quote << " | " << k.description << " | " << k.reason << " | "
          << (k.block ? FormatLocator(k.block->locator) + " " +
                            k.block->text.substr(0, 20)
                      : "no block")
          << " | " << k.sentence << " | " << k.entry_in_sentence << " "
          << static_cast<int>(k.problem) << " " << k.target_error << "\n";
    }
  }
  return out.str();
}

const ContentHash kKey =
    EditionKey({HashContent("glossary")}, HashContent("edition"), "build 1");

std::string PathOf(const DictionaryCache& cache, const ContentHash& key) {
  return cache.dir + "/" + key.Hex() + ".edition";
}

// Opens the built-in glossary and edition through `cache` under `key`,
// checks that the glossary is the built-in one and that the index has the
// passages FindPassages finds, and returns what was reported.
std::vector<std::string> OpenAndCompare(const DictionaryCache& cache,
                                        const ContentHash& key = kKey) {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  Glossary glossary;
  Diagnostics reported, diags;
  std::unique_ptr<EditionIndex> index = OpenEdition(
      key, {"social-credit.tbx"}, built_in.document,
      [&](Glossary* out, Diagnostics*) {
        *out = built_in.glossary;
        return true;
      },
      cache, &glossary, &reported, diags);
  REQUIRE(index != nullptr);
  CHECK(WriteTbx(glossary) == WriteTbx(built_in.glossary));
  CHECK(Describe(*index) == Describe(*built_in.index));
  CHECK(reported.all().empty());
  return testing::Messages(diags);
}

void Overwrite(const std::string& path, const std::string& bytes) {
  std::string error;
  REQUIRE(WriteFileAtomically(path, bytes, &error));
}

// The cache file `good` with `body` after its header, and the checksum
// that fits it: damage only the decoders can find.
std::string Resealed(const std::string& good, const std::string& body) {
  std::string file = good.substr(0, 32);
  const ContentHash checksum = HashContent(body);
  AppendLittle64(checksum.low, &file);
  AppendLittle64(checksum.high, &file);
  return file + body;
}

std::string Read(const std::string& path) {
  std::string bytes, error;
  REQUIRE(ReadFile(path, &bytes, &error));
  return bytes;
}

TEST_CASE("the edition cache gives back the passages FindPassages finds",
          "[edition_cache]") {
  REQUIRE(testing::BuiltIn().index->passages().size() == 721);
  DictionaryCache cache{testing::MakeTempDir()};
  CHECK(OpenAndCompare(cache).empty());  // found, and stored
  REQUIRE(std::filesystem::exists(PathOf(cache, kKey)));
  const std::string stored = Read(PathOf(cache, kKey));
  CHECK(stored.substr(0, 8) == "GLOSSAED");
  CHECK(OpenAndCompare(cache).empty());  // read
  CHECK(Read(PathOf(cache, kKey)) == stored);
  std::filesystem::remove_all(cache.dir);
}

// A cache folder with the built-in edition stored in it, as a first run
// leaves it: the folder, the edition's file and its bytes.
struct Stored {
  DictionaryCache cache;
  std::string path;
  std::string good;
};
Stored StoreEdition() {
  Stored stored{DictionaryCache{testing::MakeTempDir()}, "", ""};
  stored.path = PathOf(stored.cache, kKey);
  CHECK(OpenAndCompare(stored.cache).empty());
  stored.good = Read(stored.path);
  return stored;
}

// The edition in `cache`, opened as a later run opens it, where reading
// the glossary afresh would fail: only a file that is trusted opens.
std::unique_ptr<EditionIndex> OpenTrusted(const DictionaryCache& cache,
                                          Glossary* glossary) {
  Diagnostics reported, diags;
  std::unique_ptr<EditionIndex> index = OpenEdition(
      kKey, {"social-credit.tbx"}, testing::BuiltIn().document,
      [](Glossary*, Diagnostics*) { return false; }, cache, glossary, &reported,
      diags);
  REQUIRE(index != nullptr);
  CHECK(diags.all().empty());
  return index;
}

// Checks that `touch` throws DamagedCacheFile with `what`, naming `path`
// (for glossa to remove: cli.cc), and again when called again.
void CheckDamaged(const std::function<void()>& touch, const std::string& what,
                  const std::string& path) {
  for (int ask = 0; ask < 2; ++ask) {
    try {
      touch();
      FAIL("no DamagedCacheFile");
    } catch (const DamagedCacheFile& e) {
      CHECK(e.what() == what);
      CHECK(e.path() == path);
    }
  }
}

TEST_CASE(
    "an entry that does not decode behind a right checksum is found when "
    "the entry is first touched, and throws",
    "[edition_cache]") {
  const auto [cache, path, good] = StoreEdition();
  // The first entry: its size, its counts of terms and references, then
  // its id, as a u64 length and the bytes (glossary_codec.h).
  const std::string& id = testing::BuiltIn().glossary.concepts.front().id;
  std::string body = good.substr(48), length;
  AppendLittle64(id.size(), &length);
  // One reference more than it has (one term more the term index's check
  // would refuse at once).
  const std::size_t references_at = body.find(length + id) - 8;
  REQUIRE(ReadLittle64(body, references_at) ==
          testing::BuiltIn().glossary.concepts.ReferenceCountOf(0));
  body[references_at] = static_cast<char>(body[references_at] + 1);
  Overwrite(path, Resealed(good, body));
  Glossary glossary;
  // Trusted: the counts are all that was read.
  std::unique_ptr<EditionIndex> index = OpenTrusted(cache, &glossary);
  CHECK(index->glossary().concepts.IdOf(0) == id);
  CheckDamaged([&] { (void)index->glossary().concepts[0]; },
               "cached entry " + id +
                   " does not decode (an entry that does not have the "
                   "terms or references counted)",
               path);
  CHECK(index->glossary().concepts[1].id ==
        testing::BuiltIn().glossary.concepts[1].id);
  std::filesystem::remove_all(cache.dir);
}

TEST_CASE(
    "an edition cache file that cannot be trusted is rebuilt, with a "
    "warning",
    "[edition_cache]") {
  const auto [cache, path, good] = StoreEdition();
  std::string why;
  SECTION("a byte changed") {
    std::string bad = good;
    bad[bad.size() - 3] ^= 1;
    Overwrite(path, bad);
    why = "checksum mismatch";
  }
  SECTION("truncated in the header") {
    Overwrite(path, good.substr(0, 20));
    why = "not an edition cache file";
  }
  SECTION("truncated in the passages") {
    Overwrite(path, good.substr(0, good.size() / 2));
    why = "checksum mismatch";
  }
  SECTION("another format version") {
    std::string other = good;
    other[8] = static_cast<char>(kEditionCacheVersion + 1);
    Overwrite(path, other);
    why = "another format version";
  }
  SECTION("made for another key") {
    const ContentHash other =
        EditionKey({HashContent("glossary")}, HashContent("edition"), "2");
    CHECK(OpenAndCompare(cache, other).empty());
    Overwrite(path, Read(PathOf(cache, other)));
    why = "made for another glossary, edition or glossa";
  }
  // The layout edition_cache.h gives: the header (48 bytes), the glossary,
  // the term index and the key passages (each a u64 size, then its bytes),
  // then the passages.
  std::string body = good.substr(48);
  const std::uint64_t glossary_size = ReadLittle64(body, 0);
  const std::size_t key_passages =
      8 + glossary_size + 8 + ReadLittle64(body, 8 + glossary_size);
  const std::uint64_t key_passages_size = ReadLittle64(body, key_passages);
  SECTION("passages that do not fit the edition, with a right checksum") {
    const std::size_t passages = key_passages + 8 + key_passages_size;
    body[passages + 8 + 4 * 4] = '\xff';      // the first passage's match ends
    body[passages + 8 + 4 * 4 + 1] = '\xff';  // past its block
    Overwrite(path, Resealed(good, body));
    why = "passage 1 does not fit the edition";
  }
  SECTION("a glossary with a byte too many, with a right checksum") {
    body.insert(8 + glossary_size, "x");
    std::string size;
    AppendLittle64(glossary_size + 1, &size);
    body.replace(0, 8, size);
    Overwrite(path, Resealed(good, body));
    why = "glossary: bytes after the end";
  }
  SECTION("a term index with two rows swapped, with a right checksum") {
    const std::size_t rows = 8 + glossary_size + 8 + 8;  // its first row
    std::swap_ranges(body.begin() + rows, body.begin() + rows + 20,
                     body.begin() + rows + 20);
    Overwrite(path, Resealed(good, body));
    why = "term index: rows out of order";
  }
  SECTION("key passages with a byte too many, with a right checksum") {
    body.insert(key_passages + 8 + key_passages_size, "x");
    std::string size;
    AppendLittle64(key_passages_size + 1, &size);
    body.replace(key_passages, 8, size);
    Overwrite(path, Resealed(good, body));
    why = "key passages: bytes after the end";
  }
  CHECK(OpenAndCompare(cache) ==
        std::vector<std::string>{path +
                                 ": warning: edition cache not trusted (" +
                                 why + "); rebuilt"});
  CHECK(Read(path) == good);  // rewritten
  CHECK(OpenAndCompare(cache).empty());
  std::filesystem::remove_all(cache.dir);
}

TEST_CASE(
    "the edition key changes with each glossary file, the edition and "
    "the build",
    "[edition_cache]") {
  const ContentHash a = HashContent("a"), b = HashContent("b");
  const ContentHash key = EditionKey({a}, b, "1");
  CHECK(EditionKey({a}, b, "1") == key);
  CHECK_FALSE(EditionKey({b}, b, "1") == key);
  CHECK_FALSE(EditionKey({a, a}, b, "1") == key);
  CHECK_FALSE(EditionKey({a}, a, "1") == key);
  CHECK_FALSE(EditionKey({a}, b, "2") == key);
}

TEST_CASE(
    "without a writable cache folder the passages are found, and "
    "nothing is said",
    "[edition_cache]") {
  CHECK(OpenAndCompare(DictionaryCache{}).empty());
  CHECK(OpenAndCompare(DictionaryCache{"/dev/null/glossa"}).empty());
}

TEST_CASE("DecodePassages rejects passages of another edition",
          "[edition_cache]") {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  const std::string bytes =
      EncodePassages(built_in.index->blocks(), built_in.index->passages());
  EditionPassages found;
  std::string why;
  CHECK(DecodePassages(bytes, built_in.document, built_in.glossary, &found,
                       &why));
  CHECK(found.passages.size() == built_in.index->passages().size());
  Document other;
  CHECK_FALSE(DecodePassages(bytes, other, built_in.glossary, &found, &why));
  CHECK(why == "another number of blocks than the edition has");
  CHECK_FALSE(DecodePassages(bytes.substr(0, bytes.size() - 1),
                             built_in.document, built_in.glossary, &found,
                             &why));
  CHECK(why == "the passages are cut short or too long");
}

// Runs glossa in process, with the cache folder `cache` ("": none), in
// `working_dir`.
testing::RunResult RunCached(
    const std::vector<std::string>& args, const std::string& cache,
    const std::string& working_dir = GLOSSA_SOURCE_DIR) {
  Environment env;
  env.dictionary_cache = cache;
  env.data_dir = testing::DataDir();
  env.working_dir = working_dir;
  env.build = "test";
  std::ostringstream out, err;
  testing::RunResult result;
  result.status = Run(args, out, err, env);
  result.out = out.str();
  result.err = err.str();
  return result;
}

// Runs `args` twice through `cache` (the first run stores the edition, the
// second reads it) and checks that both print what `plain` printed.
void CheckSameCached(const std::vector<std::string>& args,
                     const testing::RunResult& plain,
                     const std::string& cache) {
  for (int run = 0; run < 2; ++run) {
    const testing::RunResult cached = RunCached(args, cache);
    CHECK(cached.status == plain.status);
    CHECK(cached.out == plain.out);
    CHECK(cached.err == plain.err);
  }
}

TEST_CASE(
    "key passages that do not decode behind a right checksum are found when "
    "their entry's are first asked for, and throw at every ask",
    "[edition_cache]") {
  const auto [cache, path, good] = StoreEdition();
  // The key passages' part (edition_cache.h), then its lists, each after
  // its size (glossary_codec.h); a list is a table of file names (none,
  // a u64 0), its length, then its passages, each first its reference.
  std::string body = good.substr(48);
  const std::uint64_t glossary_size = ReadLittle64(body, 0);
  std::size_t at =
      8 + glossary_size + 8 + ReadLittle64(body, 8 + glossary_size);
  at += 8 + 8;  // the part's size, the number of lists
  const testing::BuiltInData& built_in = testing::BuiltIn();
  std::size_t entry = 0;
  while (built_in.index->KeyPassagesOf(entry).empty()) {
    at += 8 + ReadLittle64(body, at);
    ++entry;
  }
  const std::size_t reference_at = at + 8 + 8 + 8;
  REQUIRE(ReadLittle64(body, reference_at) ==
          built_in.index->KeyPassagesOf(entry).front().reference);
  body[reference_at] = static_cast<char>(
      built_in.glossary.concepts.ReferenceCountOf(entry));  // one too far
  Overwrite(path, Resealed(good, body));
  Glossary glossary;
  // Trusted: the lists were only found.
  std::unique_ptr<EditionIndex> index = OpenTrusted(cache, &glossary);
  CheckDamaged([&] { (void)index->KeyPassagesOf(entry); },
               "cached key passages of " +
                   built_in.glossary.concepts[entry].id +
                   " do not decode (a reference the entry does not have)",
               path);
  for (std::size_t other = entry + 1; other < glossary.concepts.size();
       ++other) {
    const std::vector<KeyPassage>& got = index->KeyPassagesOf(other);
    const std::vector<KeyPassage>& expected =
        built_in.index->KeyPassagesOf(other);
    REQUIRE(got.size() == expected.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
      CHECK(got[k].sentence == expected[k].sentence);
      CHECK(got[k].block.has_value() == expected[k].block.has_value());
    }
  }
  std::filesystem::remove_all(cache.dir);
}

TEST_CASE(
    "a command that meets a damaged cached entry names the file and removes "
    "it, and the next run rebuilds it",
    "[edition_cache][cli]") {
  const std::string cache = testing::MakeTempDir();
  const std::vector<std::string> args{"lookup", "老赖"};
  const testing::RunResult plain = RunCached(args, cache);  // stores it
  REQUIRE(plain.status == 0);
  std::string path;
  for (const auto& file : std::filesystem::directory_iterator(cache))
    if (file.path().extension() == ".edition") path = file.path().string();
  REQUIRE(!path.empty());
  // The entry the lookup shows gets one reference more than it has, behind
  // a checksum that fits (as in the test above).
  const Glossary& glossary = testing::BuiltIn().glossary;
  const std::size_t entry =
      testing::BuiltIn().index->Find("老赖").front().concept_index;
  const std::string& id = glossary.concepts[entry].id;
  const std::string good = Read(path);
  // Its counts of terms and references, then its id (glossary_codec.h):
  // the id alone is also where other entries name it.
  std::string body = good.substr(48), shape;
  AppendLittle64(glossary.concepts.TermCountOf(entry), &shape);
  AppendLittle64(glossary.concepts.ReferenceCountOf(entry), &shape);
  AppendLittle64(id.size(), &shape);
  const std::size_t references_at = body.find(shape + id) + 8;
  REQUIRE(references_at != std::string::npos + 8);
  body[references_at] = static_cast<char>(body[references_at] + 1);
  Overwrite(path, Resealed(good, body));

  const testing::RunResult damaged = RunCached(args, cache);
  CHECK(damaged.status == 2);
  CHECK(damaged.err == "glossa: " + path + ": cached entry " + id +
                           " does not decode (an entry that does not have "
                           "the terms or references counted); the file is "
                           "removed, and the next run rebuilds it\n");
  CHECK_FALSE(std::filesystem::exists(path));
  const testing::RunResult again = RunCached(args, cache);
  CHECK(again.status == 0);
  CHECK(again.out == plain.out);
  CHECK(again.err == plain.err);
  CHECK(Read(path) == good);  // rebuilt as it was
  std::filesystem::remove_all(cache);
}

TEST_CASE(
    "lookup and passages print the same with the edition cache, on its "
    "first and its second run",
    "[edition_cache][cli]") {
  const std::string cache = testing::MakeTempDir();
  for (std::vector<std::string> args :
       {std::vector<std::string>{"lookup", "老赖"},
        {"lookup", "schwarzen Listen"},
        {"lookup", "--json", "Bonität"},
        {"passages", "zhengxin"}}) {
    INFO(args[1]);
    CheckSameCached(args, testing::RunGlossa(args), cache);
  }
  // One edition, its document, and the record of the glossary file's hash
  // (dictionary_cache.h) through which later runs find it unread.
  std::vector<std::string> kinds;
  for (const auto& file : std::filesystem::directory_iterator(cache))
    kinds.push_back(file.path().extension().string());
  std::sort(kinds.begin(), kinds.end());
  CHECK(kinds == std::vector<std::string>{".document", ".edition", ".source"});
  std::filesystem::remove_all(cache);
}

TEST_CASE(
    "an edition of the reader's own, read from the document cache, warns as "
    "when it was read, naming the file as the command line does now",
    "[edition_cache][cli]") {
  const std::string cache = testing::MakeTempDir();
  const std::string dir = testing::MakeTempDir();
  std::string tei = testing::ReadOrFail(testing::DataDir() +
                                        "/sources/merics-2017-de.tei.xml");
  tei.insert(tei.find("<body>") + 6, "<marginalia/>");
  std::string error;
  REQUIRE(WriteFileAtomically(dir + "/mine.xml", tei, &error));
  // Run in `dir`, which shows the file as "mine.xml".
  const std::vector<std::string> args = {"--document", dir + "/mine.xml",
                                         "passages", "zhengxin"};
  const testing::RunResult plain = RunCached(args, "", dir);
  INFO(plain.err);
  REQUIRE(plain.status == 0);
  REQUIRE(plain.err.rfind("mine.xml:", 0) == 0);
  CHECK(plain.err.find(": warning: <marginalia> is not part of an edition; "
                       "skipped\n") != std::string::npos);
  for (int run = 0; run < 2; ++run) {
    const testing::RunResult cached = RunCached(args, cache, dir);
    CHECK(cached.status == plain.status);
    CHECK(cached.out == plain.out);
    CHECK(cached.err == plain.err);
  }
  // Run elsewhere, which shows it by its whole path.
  const testing::RunResult elsewhere = RunCached(args, cache);
  CHECK(elsewhere.out == plain.out);
  CHECK(elsewhere.err == dir + "/" + plain.err);
  std::size_t documents = 0;
  for (const auto& file : std::filesystem::directory_iterator(cache))
    documents += file.path().extension() == ".document";
  CHECK(documents == 1);
  std::filesystem::remove_all(cache);
  std::filesystem::remove_all(dir);
}

TEST_CASE(
    "qa and export print the same with the glossary cache, on its first and "
    "its second run, warnings and errors included",
    "[edition_cache][cli]") {
  const std::string cache = testing::MakeTempDir();
  const std::string tbx = "data/tbx/okapi-lib-terminology/";
  const std::string lisa = "data/tbx/lisa-tbx-basic-2009/";
  for (std::vector<std::string> args :
       {std::vector<std::string>{
            "qa",
            testing::SharedPath("data/qa/xliff12/symfony-validators.de.xlf")},
        // Warnings: "<ntig> has an empty <term>; skipped".
        {"--glossary", testing::SharedPath(tbx + "sdl_tbx.tbx"), "export",
         "--format", "csv"},
        // Errors: nothing written.
        {"--glossary",
         testing::SharedPath(lisa + "tbx_basic_sample_badelementorder.tbx"),
         "export", "--format", "tbx2008"},
        // Not XML: read at every run, never stored.
        {"--glossary",
         testing::SharedPath(lisa + "tbx_basic_sample_notwellformed.tbx"),
         "export", "--format", "csv"}}) {
    INFO(args[1]);
    const testing::RunResult plain = testing::RunGlossa(args);
    CHECK(plain.err.empty() == (args[0] == "qa"));
    CheckSameCached(args, plain, cache);
  }
  std::vector<std::string> kinds;
  for (const auto& file : std::filesystem::directory_iterator(cache))
    kinds.push_back(file.path().extension().string());
  std::sort(kinds.begin(), kinds.end());
  CHECK(kinds == std::vector<std::string>{".glossary", ".glossary", ".glossary",
                                          ".source", ".source", ".source",
                                          ".source"});
  std::filesystem::remove_all(cache);
}

TEST_CASE(
    "the glossary cache gives back what reading gave, and rebuilds a file "
    "it cannot trust, with a warning",
    "[edition_cache]") {
  DictionaryCache cache{testing::MakeTempDir()};
  const testing::BuiltInData& built_in = testing::BuiltIn();
  const ContentHash key = GlossaryKey({HashContent("glossary")}, "build 1");
  const std::string path = cache.dir + "/" + key.Hex() + ".glossary";
  int reads = 0;
  auto open = [&](const ContentHash& with) {
    Glossary glossary;
    Diagnostics reported, diags;
    REQUIRE(OpenGlossary(
        with, {"now.tbx"},
        [&](Glossary* out, Diagnostics* report) {
          ++reads;
          *out = built_in.glossary;
          report->Warning({"now.tbx", 3, 1}, "a warning of the reader");
          return true;
        },
        cache, &glossary, &reported, diags));
    CHECK(WriteTbx(glossary) == WriteTbx(built_in.glossary));
    CHECK(testing::Messages(reported) ==
          std::vector<std::string>{
              "now.tbx:3:1: warning: a warning of the reader"});
    return testing::Messages(diags);
  };
  CHECK(open(key).empty());
  CHECK(open(key).empty());
  CHECK(reads == 1);  // the second from the cache
  const std::string good = Read(path);
  std::string why;
  SECTION("a byte changed") {
    std::string bad = good;
    bad[bad.size() - 3] ^= 1;
    Overwrite(path, bad);
    why = "checksum mismatch";
  }
  SECTION("an edition cache file in its place") {
    Overwrite(path, "GLOSSAED" + good.substr(8));
    why = "not a glossary cache file";
  }
  SECTION("made for another glossa") {
    const ContentHash other = GlossaryKey({HashContent("glossary")}, "2");
    CHECK(open(other).empty());
    Overwrite(path, Read(cache.dir + "/" + other.Hex() + ".glossary"));
    why = "made for another glossary, edition or glossa";
  }
  SECTION("a byte after the glossary, with a right checksum") {
    Overwrite(path, Resealed(good, good.substr(48) + "x"));
    why = "bytes after the glossary";
  }
  SECTION("cut in the glossary's size, with a right checksum") {
    Overwrite(path, Resealed(good, good.substr(48, 5)));
    why = "cut short";
  }
  const int before = reads;
  CHECK(open(key) == std::vector<std::string>{
                         path + ": warning: glossary cache not trusted (" +
                         why + "); rebuilt"});
  CHECK(reads == before + 1);
  CHECK(Read(path) == good);  // rewritten
  std::filesystem::remove_all(cache.dir);
}

TEST_CASE(
    "the document cache gives back what reading the edition gave, and "
    "rebuilds a file it cannot trust, with a warning",
    "[edition_cache]") {
  DictionaryCache cache{testing::MakeTempDir()};
  const Document& built_in = testing::BuiltIn().document;
  const ContentHash key = DocumentKey(HashContent("edition"), "build 1");
  const std::string path = cache.dir + "/" + key.Hex() + ".document";
  int reads = 0;
  auto open = [&](const ContentHash& with) {
    Document document;
    Diagnostics reported, diags;
    REQUIRE(OpenDocument(
        with, "now.xml",
        [&](Document* out, Diagnostics* report) {
          ++reads;
          *out = built_in;
          report->Warning({"now.xml", 3, 1}, "a warning of the reader");
          return true;
        },
        cache, &document, &reported, diags));
    CHECK(WriteTei(document) == WriteTei(built_in));
    CHECK(testing::Messages(reported) ==
          std::vector<std::string>{
              "now.xml:3:1: warning: a warning of the reader"});
    return testing::Messages(diags);
  };
  CHECK(open(key).empty());
  CHECK(open(key).empty());
  CHECK(reads == 1);  // the second from the cache
  const std::string good = Read(path);
  CHECK(good.substr(0, 8) == "GLOSSADO");
  std::string why;
  SECTION("a byte changed") {
    std::string bad = good;
    bad[bad.size() - 3] ^= 1;
    Overwrite(path, bad);
    why = "checksum mismatch";
  }
  SECTION("a glossary cache file in its place") {
    Overwrite(path, "GLOSSAGL" + good.substr(8));
    why = "not a document cache file";
  }
  SECTION("made for another glossa") {
    const ContentHash other = DocumentKey(HashContent("edition"), "2");
    CHECK(open(other).empty());
    Overwrite(path, Read(cache.dir + "/" + other.Hex() + ".document"));
    why = "made for another glossary, edition or glossa";
  }
  SECTION("a byte after the document, with a right checksum") {
    Overwrite(path, Resealed(good, good.substr(48) + "x"));
    why = "bytes after the document";
  }
  SECTION("the document cut, with a right checksum") {
    std::string body = good.substr(48);
    body.resize(body.size() - 100);
    std::string size;
    AppendLittle64(body.size() - 8, &size);
    body.replace(0, 8, size);
    Overwrite(path, Resealed(good, body));
    why = "document: a text longer than the file";
  }
  const int before = reads;
  CHECK(open(key) == std::vector<std::string>{
                         path + ": warning: document cache not trusted (" +
                         why + "); rebuilt"});
  CHECK(reads == before + 1);
  CHECK(Read(path) == good);  // rewritten
  std::filesystem::remove_all(cache.dir);
}

// How many .edition files the cache folder holds.
std::size_t Editions(const std::string& cache) {
  std::size_t count = 0;
  for (const auto& file : std::filesystem::directory_iterator(cache))
    count += file.path().extension() == ".edition" ? 1 : 0;
  return count;
}

TEST_CASE(
    "an edition found in the cache is marked used, and a folder keeps the "
    "eight used last",
    "[edition_cache]") {
  DictionaryCache cache{testing::MakeTempDir()};
  const std::string path = PathOf(cache, kKey);
  CHECK(OpenAndCompare(cache).empty());
  const auto long_ago =
      std::filesystem::file_time_type::clock::now() - std::chrono::days(40);
  std::filesystem::last_write_time(path, long_ago);
  CHECK(OpenAndCompare(cache).empty());  // found: marked used
  CHECK(std::filesystem::last_write_time(path) >
        std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
  // Eight more glossa builds: the first edition is the one used least
  // recently when the ninth is written, and goes.
  for (int build = 2; build <= 9; ++build) {
    CHECK(OpenAndCompare(cache, EditionKey({HashContent("glossary")},
                                           HashContent("edition"),
                                           "build " + std::to_string(build)))
              .empty());
  }
  CHECK(Editions(cache.dir) == 8);
  CHECK(!std::filesystem::exists(path));
  std::filesystem::remove_all(cache.dir);
}

TEST_CASE(
    "a coloured read underlines its terms from the edition cache, as it "
    "does without one",
    "[edition_cache][cli]") {
  const std::string cache = testing::MakeTempDir();
  const std::vector<std::string> args = {"--color", "always", "read",
                                         "--section", "2.1"};
  const testing::RunResult plain = testing::RunGlossa(args);
  REQUIRE(plain.status == 0);
  REQUIRE(plain.out.find("\x1b[4m") != std::string::npos);  // underlined
  CheckSameCached(args, plain, cache);
  CHECK(Editions(cache) == 1);  // the read stored it
  std::filesystem::remove_all(cache);
}

TEST_CASE(
    "annotate marks text with the glossary of the edition cache, and "
    "still ignores --document",
    "[edition_cache][cli]") {
  const std::string cache = testing::MakeTempDir();
  const std::string folder = testing::MakeTempDir();
  const std::string text = folder + "/input.txt";
  Overwrite(text, "Die Dateninseln und das Sozialkreditsystem\n");
  for (std::vector<std::string> args :
       {std::vector<std::string>{"annotate", text},
        {"annotate", "--json", text},
        {"--document", text, "annotate", text}}) {
    INFO(args[0]);
    const testing::RunResult plain = testing::RunGlossa(args);
    REQUIRE(plain.status == 0);
    CheckSameCached(args, plain, cache);
    CHECK(Editions(cache) == 1);  // the built-in edition's, each time
  }
  CHECK(testing::RunGlossa({"annotate", text}).out ==
        "Die [[Dateninseln|xinxi-gudao]] und das "
        "[[Sozialkreditsystem|shehui-xinyong-tixi]]\n");
  std::filesystem::remove_all(folder);
  std::filesystem::remove_all(cache);
}

TEST_CASE(
    "a glossary file is found by its recorded hash while unchanged, and "
    "read again once it changes",
    "[edition_cache][cli]") {
  const std::string cache = testing::MakeTempDir();
  const std::string folder = testing::MakeTempDir();
  const std::string tbx = folder + "/g.tbx";
  auto write = [&](const std::string& term) {
    Glossary glossary;
    Concept entry;
    entry.id = "c1";
    LangSection de;
    de.lang = "de";
    de.terms.emplace_back().text = term;
    entry.languages.push_back(de);
    glossary.concepts.push_back(entry);
    Overwrite(tbx, WriteTbx(glossary));
    // A file is recorded once it has not changed for
    // DictionaryCache::settle_ns (2 s), its change time included, which
    // no call can set back: wait.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  };
  const std::vector<std::string> args = {"--glossary", tbx, "lookup", "--json",
                                         "Ampelkarte"};
  write("Ampelkarte");
  CHECK(RunCached(args, cache).status == 0);
  std::string record;
  for (const auto& file : std::filesystem::directory_iterator(cache)) {
    if (file.path().extension() == ".source") record = file.path().string();
  }
  REQUIRE(!record.empty());
  const std::string ampel_record = Read(record);
  write("Bonitätskarte");
  CHECK(RunCached(args, cache).status == 1);  // changed: read again
  const std::string changed_record = Read(record);
  REQUIRE(changed_record != ampel_record);
  // Found through the record, unread: a record that names the hash of the
  // earlier bytes for the file as it is now is believed (as make and git
  // believe a file's times), and the earlier edition is shown.
  Overwrite(record, changed_record.substr(0, changed_record.size() - 33) +
                        ampel_record.substr(ampel_record.size() - 33));
  CHECK(RunCached(args, cache).status == 0);
  std::filesystem::remove_all(cache);
  std::filesystem::remove_all(folder);
}

TEST_CASE(
    "a glossary's warnings come from the edition cache as reading it gave "
    "them, naming the file as the command line does",
    "[edition_cache][cli]") {
  // SDL's sample file: 44 warnings (elements TBX-Basic does not know).
  const std::string folder =
      testing::SharedPath("data/tbx/okapi-lib-terminology");
  const std::string cache = testing::MakeTempDir();
  for (const std::string& working_dir : {folder, std::string("/")}) {
    INFO(working_dir);
    const std::vector<std::string> args = {
        "--glossary", folder + "/sdl_tbx.tbx", "lookup", "zzz"};
    const testing::RunResult plain = RunCached(args, "", working_dir);
    const std::string shown =
        working_dir == "/" ? folder + "/sdl_tbx.tbx" : "sdl_tbx.tbx";
    CHECK(plain.err.rfind(shown + ":", 0) == 0);
    for (int run = 0; run < 2; ++run) {
      const testing::RunResult cached = RunCached(args, cache, working_dir);
      CHECK(cached.status == plain.status);
      CHECK(cached.out == plain.out);
      CHECK(cached.err == plain.err);
    }
  }
  std::filesystem::remove_all(cache);
}

}  // namespace
}  // namespace glossa
