// The in-memory dictionary (dictionary_memory.h) segments Chinese by the
// forms as written, as the compiled index does: both ways give a text's
// characters the same entries.

#include "core/dictionary_memory.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/cedict.h"
#include "core/dictionary_index.h"
#include "test_support.h"

namespace glossa {
namespace {

// Lines of CC-CEDICT (CC BY-SA 4.0, ../shared/data/dict/cedict_ts.u8): 于
// is the simplified form of 於 "in, at" only; the surname 於 and 於 "Oh!"
// are written 於 in both scripts. 跤 "a fall" is no form of 交.
const char kCedict[] =
    "于 于 [Yu2] /surname Yu/\n"
    "于 于 [yu2] /to go/to take/sentence-final interrogative particle/"
    "variant of 於|于[yu2]/\n"
    "於 于 [yu2] /in/at/to/from/by/than/out of/\n"
    "於 於 [Yu1] /surname Yu/Taiwan pr. [Yu2]/\n"
    "於 於 [wu1] /(literary) Oh!/Ah!/\n"
    "交 交 [jiao1] /to hand over/to deliver/\n"
    "跤 跤 [jiao1] /a tumble/a fall/\n";

std::vector<Concept> Entries() {
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadCedict(kCedict, "t.u8", diags, &glossary));
  REQUIRE(glossary.concepts.size() == 7);
  return std::move(glossary.concepts).Take();
}

// The length LongestChinesePrefix takes of `text`, and the ids of the
// entries it gives: "3 cedict-1 cedict-2".
std::string Prefix(const Dictionary& dictionary, std::string_view text) {
  std::vector<std::size_t> entries;
  std::string out =
      std::to_string(dictionary.LongestChinesePrefix(text, &entries));
  for (std::size_t entry : entries) out += " " + dictionary.EntryId(entry);
  return out;
}

TEST_CASE(
    "in memory, 于 segments to the entries written 于, not to 於's own (a "
    "fold to simplified added them)",
    "[dictionary]") {
  MemoryDictionary memory({"CC-CEDICT", "CC BY-SA 4.0", "t.u8"}, Entries());
  std::string error;
  std::unique_ptr<MappedDictionary> index = MappedDictionary::FromBytes(
      BuildDictionaryIndex(Entries(), ContentHash{1, 2}), ContentHash{1, 2},
      {"CC-CEDICT", "CC BY-SA 4.0", "t.u8"}, &error);
  REQUIRE(error == "");
  for (const Dictionary* dictionary :
       {static_cast<const Dictionary*>(&memory),
        static_cast<const Dictionary*>(index.get())}) {
    INFO((dictionary == &memory ? "in memory" : "the index"));
    CHECK(Prefix(*dictionary, "于是") == "3 cedict-1 cedict-2 cedict-3");
    CHECK(Prefix(*dictionary, "於是") == "3 cedict-3 cedict-4 cedict-5");
    CHECK(Prefix(*dictionary, "交给") == "3 cedict-6");
    CHECK(Prefix(*dictionary, "跤") == "3 cedict-7");
  }
}

TEST_CASE(
    "a headword of 20,000 characters is found whole, and its prefixes lead "
    "to the shorter entries only",
    "[dictionary]") {
  // Every prefix of a Chinese form is indexed; each was hashed anew, which
  // was quadratic in the form's length (fuzz/regressions/dictionary).
  std::string chang;
  for (int i = 0; i < 20000; ++i) chang += "长";
  Diagnostics diags;
  Glossary glossary;
  REQUIRE(ReadCedict("长 长 [chang2] /long/\n" + chang + " " + chang +
                         " [x] /a headword of 20,000 characters/\n",
                     "t.u8", diags, &glossary));
  REQUIRE(glossary.concepts.size() == 2);
  const std::vector<Concept> entries = std::move(glossary.concepts).Take();
  MemoryDictionary memory({"CC-CEDICT", "CC BY-SA 4.0", "t.u8"}, entries);
  std::string error;
  std::unique_ptr<MappedDictionary> index = MappedDictionary::FromBytes(
      BuildDictionaryIndex(entries, ContentHash{1, 2}), ContentHash{1, 2},
      {"CC-CEDICT", "CC BY-SA 4.0", "t.u8"}, &error);
  REQUIRE(error == "");
  std::string shorter = chang.substr(3);
  for (const Dictionary* dictionary :
       {static_cast<const Dictionary*>(&memory),
        static_cast<const Dictionary*>(index.get())}) {
    INFO((dictionary == &memory ? "in memory" : "the index"));
    CHECK(Prefix(*dictionary, chang + "了") == "60000 cedict-2");
    CHECK(Prefix(*dictionary, shorter) == "3 cedict-1");
  }
}

}  // namespace
}  // namespace glossa
