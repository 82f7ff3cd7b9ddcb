#include "core/tei.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace glossa {
namespace {

std::string Shipped() {
  return testing::ReadOrFail(testing::DataDir() +
                             "/sources/merics-2017-de.tei.xml");
}

TEST_CASE("the shipped edition reads back and writes out unchanged", "[tei]") {
  Diagnostics diags;
  Document document;
  REQUIRE(ReadTei(Shipped(), "merics-2017-de.tei.xml", diags, &document));
  CHECK(diags.all().empty());
  CHECK(WriteTei(document) == Shipped());
}

TEST_CASE("the edition's header carries the bibliographic record", "[tei]") {
  Diagnostics diags;
  Document document;
  REQUIRE(ReadTei(Shipped(), "e.xml", diags, &document));
  const DocumentInfo& info = document.info;
  CHECK(info.title == "Experimente mit Zuckerbrot und Peitsche");
  CHECK(info.subtitle ==
        "Lokale und landesweite Umsetzung von Chinas gesellschaftlichem "
        "Bonitätssystem");
  CHECK(info.authors == std::vector<std::string>{"Mareike Ohlberg",
                                                 "Shazeda Ahmed",
                                                 "Bertram Lang"});
  CHECK(info.series == "MERICS China Monitor");
  CHECK(info.original_title ==
        "Central planning, local experiments: The complex implementation of "
        "China's Social "
        "Credit System");
  CHECK(info.original_date == "2017-12-12");
  CHECK(info.language == "de");
  CHECK(info.notes.size() >= 3);
}

TEST_CASE("footnote calls and page breaks are TEI elements inside the text",
          "[tei]") {
  std::string tei = Shipped();
  CHECK(tei.find("Belohnungen beeinflusst.<ref type=\"noteAnchor\" "
                 "target=\"#fn2\" n=\"2\">2</ref> "
                 "Das gesellschaftliche") != std::string::npos);
  CHECK(
      tei.find("müssen sich an ihrem <pb n=\"6\"/>Verhalten messen lassen.") !=
      std::string::npos);
  CHECK(tei.find("<note xml:id=\"fn9\" n=\"9\" place=\"end\" g:page=\"16\" "
                 "g:lines=\"861-862\">"
                 "Zhengxin 征信 wird") != std::string::npos);
}

TEST_CASE("white space between inline elements survives a round trip",
          "[tei]") {
  Document document;
  Node paragraph;
  paragraph.kind = Node::Kind::kParagraph;
  paragraph.id = "p1";
  paragraph.content = {{Span::Kind::kText, "a", 0},
                       {Span::Kind::kNoteCall, "", 4},
                       {Span::Kind::kText, " ", 0},
                       {Span::Kind::kNoteCall, "", 5}};
  document.body.push_back(paragraph);
  Note four{4, "fn4", {{Span::Kind::kText, "four", 0}}, {}};
  document.notes.push_back(four);
  std::string tei = WriteTei(document);
  Diagnostics diags;
  Document read;
  REQUIRE(ReadTei(tei, "t.xml", diags, &read));
  REQUIRE(read.body.size() == 1);
  REQUIRE(read.body[0].content.size() == 4);
  CHECK(read.body[0].content[2].text == " ");
  CHECK(WriteTei(read) == tei);
}

TEST_CASE("a document that is not TEI is refused", "[tei]") {
  Diagnostics diags;
  Document document;
  CHECK_FALSE(ReadTei("<html/>", "x.html", diags, &document));
  REQUIRE(diags.all().size() == 1);
  CHECK(FormatDiagnostic(diags.all()[0]) ==
        "x.html:1:1: error: not a TEI document: the root element is <html>, "
        "not <TEI>");
}

TEST_CASE(
    "an edition with 20,000 nested divisions is refused, where it crashed",
    "[tei]") {
  Diagnostics diags;
  Document document;
  CHECK_FALSE(
      ReadTei(testing::NestedEdition(20000), "deep.xml", diags, &document));
  // TEI, text and body are levels 1 to 3; the n-th <div> starts line n + 2.
  CHECK(testing::Messages(diags) ==
        std::vector<std::string>{"deep.xml:256:1: error: <div> is nested 257 "
                                 "elements deep; glossa reads at most 256"});
}

TEST_CASE("an edition nested to the limit is read, searched and written back",
          "[tei]") {
  // TEI, text, body, 252 divisions: the paragraph is at level 256.
  Diagnostics diags;
  Document document;
  REQUIRE(ReadTei(testing::NestedEdition(252), "limit.xml", diags, &document));
  CHECK(diags.all().empty());
  const Node* deep = FindNode(document, "deep");
  REQUIRE(deep != nullptr);
  CHECK(PlainText(deep->content) == "Zhengxin wird hier erklärt.");
  REQUIRE(FindSection(document, "252") != nullptr);
  CHECK(FindSection(document, "252")->children.size() == 1);
  std::string written = WriteTei(document);
  Document again;
  REQUIRE(ReadTei(written, "written.xml", diags, &again));
  CHECK(WriteTei(again) == written);
}

}  // namespace
}  // namespace glossa
