#include "core/lookup.h"

#include <catch2/catch.hpp>
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

TEST_CASE("edit distance counts insertions, deletions and substitutions",
          "[lookup]") {
  CHECK(EditDistance(U"zhengxin", U"zhengxin", 3) == 0);
  CHECK(EditDistance(U"zhengxn", U"zhengxin", 3) == 1);
  CHECK(EditDistance(U"征信", U"诚信", 3) == 1);
  CHECK(EditDistance(U"abcdef", U"", 2) == 3);  // gives up past the limit
}

}  // namespace
}  // namespace glossa
