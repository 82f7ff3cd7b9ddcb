#include "core/glossary_check.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/tbx_check.h"
#include "test_support.h"

namespace glossa {
namespace {

// Reads the TBX file at `path` (shown as `name`) and checks its content;
// the messages, sorted.
std::vector<std::string> CheckContent(const std::string& path,
                                      const std::string& name) {
  Diagnostics reading, diags;
  Glossary glossary;
  CheckTbx(testing::ReadOrFail(path), name, reading, &glossary);
  CheckGlossaryContent(glossary, path, diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) out.push_back(FormatDiagnostic(d));
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("relative references are URI references without a scheme",
          "[glossary-check]") {
  CHECK(IsRelativeReference("sources/merics-2017-de.tei.xml#fn9"));
  CHECK(IsRelativeReference("#fn9"));
  CHECK(IsRelativeReference("xx"));
  CHECK(IsRelativeReference("a/b:c"));  // the colon is not in a scheme
  CHECK_FALSE(IsRelativeReference("https://example.org/"));
  CHECK_FALSE(IsRelativeReference("mailto:x@example.org"));
}

TEST_CASE("key passages, background marks and relations are checked",
          "[glossary-check]") {
  std::string path = std::string(GLOSSA_TEST_DATA) + "/key-passages.tbx";
  CHECK(CheckContent(path, "k.tbx") ==
        std::vector<std::string>{
            "k.tbx:10:9: error: target "
            "'../../glossary/sources/merics-2017-de.tei.xml#fn99': the edition "
            "has no block 'fn99'",
            "k.tbx:11:9: error: target "
            "'../../glossary/sources/nothing.tei.xml#fn9': cannot open '" +
                testing::DataDir() +
                "/sources/nothing.tei.xml': No such file or directory",
            "k.tbx:12:9: error: target 'missing.png': no file '" +
                std::string(GLOSSA_TEST_DATA) + "/missing.png'",
            "k.tbx:17:9: warning: unknown relation 'wider' in the "
            "cross-reference to 'background-ok' (known: broader, narrower, "
            "related, contrast)",
            "k.tbx:20:7: warning: entry 'mondkalb' does not occur in the "
            "edition and is not marked background (<admin "
            "type=\"projectSubset\">background</admin>)",
            "k.tbx:21:9: warning: cross-reference 'broader' to 'zhengxin' is "
            "answered by 'related' (line 8), not 'narrower'",
            "k.tbx:24:7: warning: entry 'bonitaet' is marked background but "
            "occurs in the edition 6 times (first: §2.1, p. 5)",
            "k.tbx:8:9: warning: cross-reference 'related' to 'mondkalb' is "
            "answered by 'broader' (line 21), not 'related'",
        });
}

TEST_CASE("a relative xref target must name a file beside the glossary",
          "[glossary-check]") {
  // Oracle's export points two corpus traces at 'xx', which is not there.
  std::string path =
      testing::SharedPath("data/tbx/okapi-lib-terminology/oracle_TBX.tbx");
  std::string folder = path.substr(0, path.rfind('/'));
  CHECK(
      CheckContent(path, "oracle.tbx") ==
      std::vector<std::string>{
          "oracle.tbx:28:17: error: target 'xx': no file '" + folder + "/xx'",
          "oracle.tbx:72:17: error: target 'xx': no file '" + folder + "/xx'"});
}

TEST_CASE("the built-in glossary's content checks clean", "[glossary-check]") {
  CHECK(CheckContent(testing::DataDir() + "/social-credit.tbx",
                     "glossary/social-credit.tbx")
            .empty());
}

}  // namespace
}  // namespace glossa
