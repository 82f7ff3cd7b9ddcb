#include "core/xml_input.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "test_support.h"

namespace glossa {
namespace {

std::string Nested(int levels) {
  return testing::NestedElements("a", levels, "word");
}

TEST_CASE("elements nested exactly 256 levels deep load", "[xml]") {
  Diagnostics diags;
  std::unique_ptr<XmlFile> file = LoadXml(Nested(kMaxXmlDepth), "d.xml", diags);
  REQUIRE(file != nullptr);
  CHECK(diags.all().empty());
  pugi::xml_node deepest = file->root();
  for (int level = 1; level < kMaxXmlDepth; ++level)
    deepest = deepest.first_child();
  CHECK(std::string(deepest.text().get()) == "word");
  CHECK(file->Where(deepest).column == 3 * (kMaxXmlDepth - 1) + 1);
}

TEST_CASE("the element past the limit is found after text and siblings",
          "[xml]") {
  std::string xml = "<r>" + Nested(kMaxXmlDepth - 1) + "\n<b>text <c>" +
                    Nested(kMaxXmlDepth - 2) + "</c></b></r>";
  Diagnostics diags;
  CHECK(LoadXml(xml, "s.xml", diags) == nullptr);
  CHECK(testing::Messages(diags) ==
        std::vector<std::string>{
            "s.xml:2:" + std::to_string(12 + 3 * (kMaxXmlDepth - 3)) +
            ": error: <a> is nested 257 elements deep; glossa reads at most "
            "256"});
}

TEST_CASE(
    "100,000 nested elements are refused at the first past the limit, "
    "without recursion",
    "[xml]") {
  Diagnostics diags;
  CHECK(LoadXml(Nested(100000), "deep.xml", diags) == nullptr);
  CHECK(testing::Messages(diags) ==
        std::vector<std::string>{"deep.xml:1:769: error: <a> is nested 257 "
                                 "elements deep; glossa reads at most 256"});
}

}  // namespace
}  // namespace glossa
