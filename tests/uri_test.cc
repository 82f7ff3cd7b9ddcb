#include "core/uri.h"

#include <catch2/catch.hpp>

#include "core/html.h"

namespace glossa {
namespace {

TEST_CASE("relative references are URI references without a scheme", "[uri]") {
  CHECK(IsRelativeReference("sources/merics-2017-de.tei.xml#fn9"));
  CHECK(IsRelativeReference("#fn9"));
  CHECK(IsRelativeReference("xx"));
  CHECK(IsRelativeReference("a/b:c"));   // the colon is not in a scheme
  CHECK(IsRelativeReference("1abc:x"));  // a scheme starts with a letter
  CHECK_FALSE(IsRelativeReference("https://example.org/"));
  CHECK_FALSE(IsRelativeReference("mailto:x@example.org"));
  CHECK(UriScheme("HTTPS://example.org/") == "https");
  CHECK(UriScheme("vbscript:x") == "vbscript");
  CHECK(UriScheme("a+b.c-d:x") == "a+b.c-d");
}

TEST_CASE("a linked file stays in the glossary's folder or below it", "[uri]") {
  for (const char* path : {"sources/merics-2017-de.tei.xml", "x.png", "a/../b",
                           "./a", "a//b", "a/b/../../c"}) {
    INFO(path);
    CHECK(StaysInFolder(path));
  }
  for (const char* path : {"", "/dev/zero", "..", "../x", "a/../../b", "./../x",
                           "a/b/../../../c"}) {
    INFO(path);
    CHECK_FALSE(StaysInFolder(path));
  }
}

TEST_CASE("the site links only what the glossary's checker calls safe",
          "[uri]") {
  // One reading of schemes for both: what IsRelativeReference calls
  // relative, SafeUrl keeps.
  for (const char* url : {"sources/x.xml#fn9", "a/b:c", "1abc:x", "#top"}) {
    INFO(url);
    CHECK(IsRelativeReference(url));
    CHECK(SafeUrl(url) == url);
  }
  CHECK(SafeUrl("JavaScript:alert(1)") == "");
  CHECK(SafeUrl("https://www.gov.cn/x") == "https://www.gov.cn/x");
}

TEST_CASE("a key-passage target names a block and may quote a sentence",
          "[uri]") {
  EditionTarget plain =
      ParseEditionTarget("sources/merics-2017-de.tei.xml#s2.1.p4");
  CHECK(plain.file == "sources/merics-2017-de.tei.xml");
  CHECK(plain.has_fragment);
  CHECK(plain.id == "s2.1.p4");
  CHECK(plain.quote.empty());
  CHECK(plain.error.empty());

  EditionTarget quoted = ParseEditionTarget(
      "sources/x.xml#s2.3.p13:~:text=Auf%20Frage%2D%20und%20Antwort%2D"
      "Plattformen");
  CHECK(quoted.id == "s2.3.p13");
  CHECK(quoted.quote == "Auf Frage- und Antwort-Plattformen");
  CHECK(quoted.fragment ==
        "s2.3.p13:~:text=Auf%20Frage%2D%20und%20Antwort%2DPlattformen");

  CHECK(ParseEditionTarget("x.xml#fn9:~:text=Bonit%C3%A4t").quote == "Bonität");
  CHECK(ParseEditionTarget("x.xml#fn9:~:text=万存知").quote == "万存知");

  EditionTarget none = ParseEditionTarget("picture.png");
  CHECK(none.file == "picture.png");
  CHECK_FALSE(none.has_fragment);
}

TEST_CASE("a text directive glossa cannot read is an error with the reason",
          "[uri]") {
  CHECK(ParseEditionTarget("x#fn9:~:text=a-,b").error ==
        "glossa reads only text=START, without a prefix, an end, a suffix or "
        "a second directive: 'text=a-,b'");
  CHECK(ParseEditionTarget("x#fn9:~:text=a&text=b").error ==
        "glossa reads only text=START, without a prefix, an end, a suffix or "
        "a second directive: 'text=a&text=b'");
  CHECK(ParseEditionTarget("x#fn9:~:note=a").error ==
        "glossa reads only a text directive (text=...), not 'note=a'");
  CHECK(ParseEditionTarget("x#fn9:~:text=50%").error ==
        "bad percent escape in '50%'");
  CHECK(ParseEditionTarget("x#fn9:~:text=%E4").error ==
        "the text directive '%E4' does not decode to UTF-8");
  CHECK(ParseEditionTarget("x#fn9:~:text=").error ==
        "the text directive is empty");
  // The block is still named.
  CHECK(ParseEditionTarget("x#fn9:~:text=").id == "fn9");
}

}  // namespace
}  // namespace glossa
