#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/import/unrecognised.h"
#include "test_support.h"

namespace glossa::import {
namespace {

using testing::Messages;

std::vector<Line> Lines(int count, int page_start_at) {
  std::vector<Line> lines(count);
  for (int i = 0; i < count; ++i) {
    lines[i].number = i + 1;
    lines[i].page_start = i + 1 == page_start_at;
  }
  return lines;
}

TEST_CASE("a plain text is told it has no pages, sections or footnotes",
          "[import]") {
  Document doc;
  doc.body.resize(1);
  Diagnostics diags;
  // A page start on the first line does not count: every text has a page.
  ReportUnrecognised(doc, Lines(3, 1), Corrections(), "in.txt", "c.txt", diags);
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "in.txt:1:1: warning: no page starts found (lines that begin with "
            "one space); the text is one page",
            "in.txt:1:1: warning: no numbered sections found (\"1. Title\"); "
            "the text is imported as paragraphs",
            "in.txt:1:1: warning: no footnotes found (lines \"N | text\")"});
}

TEST_CASE("footnotes out of order and corrections past the end are reported",
          "[import]") {
  Document doc;
  Node section;
  section.kind = Node::Kind::kDiv;
  section.type = "section";
  doc.body.push_back(section);
  for (int n : {1, 2, 4, 3}) {
    Note note;
    note.number = n;
    note.source = {16, 900 + n, 900 + n};
    doc.notes.push_back(note);
  }
  Corrections corrections;
  corrections.regions.push_back({2, 3, Role::kBody, ""});
  corrections.regions.push_back({12, 14, Role::kQuote, "", 4});
  Diagnostics diags;
  ReportUnrecognised(doc, Lines(10, 5), corrections, "in.txt", "c.txt", diags);
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "in.txt:904:1: warning: footnote 4 follows footnote 2",
            "in.txt:903:1: warning: footnote 3 follows footnote 4",
            "c.txt:4:1: warning: lines 12-14 are past the end of the input"});
}

}  // namespace
}  // namespace glossa::import
