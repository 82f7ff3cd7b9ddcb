#include "core/lookup.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/tbx_reader.h"
#include "test_support.h"

namespace glossa {
namespace {

const char kGlossary[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="zhengxin">
<langSec xml:lang="zh-Hans"><termSec><term>征信</term></termSec></langSec>
<langSec xml:lang="zh-Hant"><termSec><term>徵信</term></termSec></langSec>
<langSec xml:lang="zh-Latn-pinyin"><termSec><term>zhēngxìn</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>credit reporting</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="shehui-xinyong">
<langSec xml:lang="zh-Hans"><termSec><term>社会信用</term></termSec></langSec>
<langSec xml:lang="zh-Latn-pinyin"><termSec><term>shèhuì xìnyòng</term></termSec></langSec>
<langSec xml:lang="de"><termSec><term>gesellschaftliche Bonität</term></termSec>
<termSec><term>gesellschaftlichen Bonität</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="xinxi-gudao">
<langSec xml:lang="de"><termSec><term>Dateninseln</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>information islands</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
)";

class LookupFixture {
 public:
  LookupFixture() {
    Diagnostics diags;
    REQUIRE(ReadTbx(kGlossary, "t.tbx", diags, &glossary_));
    index_ = std::make_unique<Index>(glossary_);
  }
  // The ids of the entries the query finds, best first.
  std::vector<std::string> Find(const std::string& query) const {
    std::vector<std::string> ids;
    for (const Hit& hit : index_->Find(query)) {
      ids.push_back(glossary_.concepts[hit.concept_index].id);
    }
    return ids;
  }
  const Index& index() const { return *index_; }
  const Glossary& glossary() const { return glossary_; }

 private:
  Glossary glossary_;
  std::unique_ptr<Index> index_;
};

using Ids = std::vector<std::string>;

TEST_CASE_METHOD(LookupFixture, "lookup finds 征信 by toneless pinyin",
                 "[lookup]") {
  CHECK(Find("zhengxin") == Ids{"zhengxin"});
  CHECK(Find("Zhengxin") == Ids{"zhengxin"});
}

TEST_CASE_METHOD(LookupFixture,
                 "lookup finds 征信 by pinyin with tone marks or numbers",
                 "[lookup]") {
  CHECK(Find("zhēngxìn") == Ids{"zhengxin"});
  CHECK(Find("zheng1xin4") == Ids{"zhengxin"});
  CHECK(Find("zheng1 xin4") == Ids{"zhengxin"});
  CHECK(Find("zheng4xin4").empty());  // a wrong tone is not a match
}

TEST_CASE_METHOD(LookupFixture,
                 "lookup finds an entry by traditional characters",
                 "[lookup]") {
  CHECK(Find("徵信") == Ids{"zhengxin"});
  CHECK(Find("社會信用") == Ids{"shehui-xinyong"});
}

TEST_CASE_METHOD(LookupFixture, "lookup ignores case, width and diacritics",
                 "[lookup]") {
  CHECK(Find("DATENINSELN") == Ids{"xinxi-gudao"});
  CHECK(Find("Information Islands") == Ids{"xinxi-gudao"});
  CHECK(Find("gesellschaftliche bonitat") == Ids{"shehui-xinyong"});
  CHECK(Find("ｃｒｅｄｉｔ ｒｅｐｏｒｔｉｎｇ") == Ids{"zhengxin"});
}

TEST_CASE_METHOD(LookupFixture,
                 "lookup finds Bonität typed without umlauts as Bonitaet",
                 "[lookup]") {
  CHECK(Find("gesellschaftliche Bonitaet") == Ids{"shehui-xinyong"});
  CHECK(Find("GESELLSCHAFTLICHEN BONITAET") == Ids{"shehui-xinyong"});
  // A pinyin ü is no German umlaut: "lue" is not "lü".
  CHECK(KeysOf("lǜshī", "zh-Latn-pinyin").transcribed == "");
  CHECK(KeysOf("credit", "en").transcribed == "");
}

TEST_CASE_METHOD(LookupFixture,
                 "lookup finds German inflected forms the glossary lists",
                 "[lookup]") {
  CHECK(Find("gesellschaftlichen Bonität") == Ids{"shehui-xinyong"});
}

TEST_CASE_METHOD(LookupFixture,
                 "lookup by pinyin of several words ignores the spaces",
                 "[lookup]") {
  CHECK(Find("shehui xinyong") == Ids{"shehui-xinyong"});
  CHECK(Find("shehuixinyong") == Ids{"shehui-xinyong"});
  CHECK(Find("she4hui4 xin4yong4") == Ids{"shehui-xinyong"});
}

TEST_CASE_METHOD(LookupFixture, "lookup finds an entry by its id", "[lookup]") {
  CHECK(Find("xinxi-gudao") == Ids{"xinxi-gudao"});
}

TEST_CASE_METHOD(LookupFixture,
                 "a lookup that finds nothing suggests near spellings",
                 "[lookup]") {
  CHECK(Find("zhengxn").empty());
  std::vector<Suggestion> suggestions = index().Suggest("zhengxn", 3);
  REQUIRE(suggestions.size() == 1);
  CHECK(glossary().concepts[suggestions[0].concept_index].id == "zhengxin");
  CHECK(suggestions[0].term == "zhēngxìn");
  CHECK(index().Suggest("Dateninsel", 3).at(0).term == "Dateninseln");
  CHECK(index().Suggest("xyz", 3).empty());
}

// The hits of `index` for `query`, as "entry kind term" lines.
std::vector<std::string> Described(const Index& index,
                                   const std::string& query) {
  std::vector<std::string> out;
  for (const Hit& hit : index.Find(query))
    out.push_back(std::to_string(hit.concept_index) + " " +
                  std::to_string(static_cast<int>(hit.kind)) + " " + hit.term);
  for (const Suggestion& s : index.Suggest(query, 3))
    out.push_back("~" + std::to_string(s.concept_index) + " " + s.term + " " +
                  std::to_string(s.distance));
  return out;
}

TEST_CASE(
    "an index opened from its table finds and suggests what the built one "
    "does, and holds the table's bytes",
    "[lookup]") {
  const Glossary& glossary = testing::BuiltIn().glossary;
  const Index built(glossary);
  auto bytes = std::make_shared<const std::string>(built.table());
  std::string why;
  std::optional<Index> opened = Index::Open(glossary, *bytes, bytes, &why);
  REQUIRE(opened);
  CHECK(why.empty());
  bytes.reset();  // the index keeps them
  std::vector<std::string> queries = {"zhengxin",
                                      "zheng1xin4",
                                      "征信",
                                      "徵信",
                                      "Bonitaet",
                                      "bonitat",
                                      "shehui-xinyong-tixi",
                                      "Dateninsel",
                                      "xinyong pingfen",
                                      "laolai"};
  for (const Concept& concept_entry : glossary.concepts) {
    queries.push_back(concept_entry.id);
    for (const LangSection& section : concept_entry.languages) {
      for (const Term& term : section.terms) queries.push_back(term.text);
    }
  }
  std::size_t found = 0;
  for (const std::string& query : queries) {
    INFO(query);
    const std::vector<std::string> want = Described(built, query);
    CHECK(Described(*opened, query) == want);
    found += want.empty() ? 0 : 1;
  }
  CHECK(found == queries.size());
}

TEST_CASE_METHOD(LookupFixture,
                 "an index table that does not fit its glossary is refused, "
                 "saying why",
                 "[lookup]") {
  const std::string table(index().table());
  auto refused = [&](std::string bytes) {
    auto keep = std::make_shared<const std::string>(std::move(bytes));
    std::string why;
    if (Index::Open(glossary(), *keep, keep, &why))
      return std::string("opened");
    return why;
  };
  auto with = [&](std::size_t at, std::uint32_t value) {
    std::string bytes = table;
    for (int i = 0; i < 4; ++i)
      bytes[at + i] = static_cast<char>(value >> (8 * i));
    return bytes;
  };
  constexpr std::size_t kRow = 8, kRowBytes = 20;
  CHECK(refused(table) == "opened");
  CHECK(refused("") == "term index: empty");
  CHECK(refused(table.substr(0, 6)) == "term index: cut short");
  CHECK(refused(with(0, 0xFFFFFFFF)) == "term index: a count past the end");
  CHECK(refused(with(4, 3)) == "term index: not one row per term");
  CHECK(refused(with(kRow, 9)) == "term index: a key of no kind");
  CHECK(refused(with(kRow + 8, 1 << 20)) == "term index: a key past the end");
  CHECK(refused(with(kRow + 12, 99)) ==
        "term index: an entry the glossary does not have");
  std::string swapped = table;
  std::swap_ranges(swapped.begin() + kRow, swapped.begin() + kRow + kRowBytes,
                   swapped.begin() + kRow + kRowBytes);
  CHECK(refused(swapped) == "term index: rows out of order");
  // The last row is a term's (ids sort first): give it another entry's.
  const std::size_t rows = table[0] | (table[1] << 8);
  const std::size_t last = kRow + (rows - 1) * kRowBytes;
  const std::uint32_t other =
      (static_cast<unsigned char>(table[last + 12]) + 1) % 3;
  CHECK(refused(with(last + 12, other)) ==
        "term index: a term the entry does not have");
}

TEST_CASE("edit distance counts insertions, deletions and substitutions",
          "[lookup]") {
  CHECK(EditDistance(U"zhengxin", U"zhengxin", 3) == 0);
  CHECK(EditDistance(U"zhengxn", U"zhengxin", 3) == 1);
  CHECK(EditDistance(U"征信", U"诚信", 3) == 1);
  CHECK(EditDistance(U"abcdef", U"", 2) == 3);  // gives up past the limit
}

}  // namespace
}  // namespace glossa
