#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/import/note_calls.h"

namespace glossa::import {
namespace {

// Content as text with calls shown as [N] and page breaks as <N>.
std::string Shown(const Content& content) {
  std::string out;
  for (const Span& span : content) {
    if (span.kind == Span::Kind::kText) out += span.text;
    if (span.kind == Span::Kind::kNoteCall)
      out += "[" + std::to_string(span.number) + "]";
    if (span.kind == Span::Kind::kPageBreak)
      out += "<" + std::to_string(span.number) + ">";
  }
  return out;
}

// `text` with its calls split out, expecting footnote `expected` next of
// footnotes 1 to 31; also returns the next expected.
std::string Split(const std::string& text, int expected, int* next = nullptr) {
  std::set<int> numbers;
  for (int n = 1; n <= 31; ++n) numbers.insert(n);
  Content content;
  SplitCalls(text, numbers, &expected, &content);
  if (next != nullptr) *next = expected;
  return Shown(content);
}

Node Paragraph(int line, const std::string& text) {
  Node node;
  node.kind = Node::Kind::kParagraph;
  node.source = {1, line, line};
  AppendText(&node.content, text);
  return node;
}

TEST_CASE("a number glued to a word or full stop is the next footnote's call",
          "[import]") {
  int next = 0;
  CHECK(Split("bewertet und durch ein System aus Strafen und Belohnungen "
              "beeinflusst.2 Das",
              2, &next) ==
        "bewertet und durch ein System aus Strafen und Belohnungen "
        "beeinflusst.[2] Das");
  CHECK(next == 3);
  CHECK(Split("Firmen einschließen.3 Die Tatsache", 3) ==
        "Firmen einschließen.[3] Die Tatsache");
  CHECK(Split("„Kultur der Integrität“10 und", 10) ==
        "„Kultur der Integrität“[10] und");
  CHECK(Split("am 27. November 2017", 27) == "am 27. November 2017");
}

TEST_CASE("a call may follow a bracket and a comma with a space", "[import]") {
  CHECK(Split("nicht nur auf finanzielle Kreditinformationen (征信), 9 sondern "
              "auch",
              9) ==
        "nicht nur auf finanzielle Kreditinformationen (征信),[9] sondern "
        "auch");
  CHECK(Split("Lokale und landesweite Umsetzung von Chinas gesellschaftlichem "
              "Bonitätssystem 1",
              1) ==
        "Lokale und landesweite Umsetzung von Chinas gesellschaftlichem "
        "Bonitätssystem[1]");
  CHECK(Split("Bonitätssystem 1 und mehr", 1) == "Bonitätssystem 1 und mehr");
}

TEST_CASE("two calls in a row lose the comma between them", "[import]") {
  int next = 0;
  CHECK(Split("Alibaba gehört.4, 5 ", 4, &next) == "Alibaba gehört.[4][5] ");
  CHECK(next == 6);
  CHECK(Split("gehört.4,5", 4) == "gehört.[4][5]");
}

TEST_CASE("a number that is not the next footnote stays text", "[import]") {
  int next = 0;
  CHECK(Split("Es gibt 43 Städte.2 Und 1000 Punkte.1", 1, &next) ==
        "Es gibt 43 Städte.2 Und 1000 Punkte.[1]");
  CHECK(next == 2);
  CHECK(Split("weniger als 2000 Beiträge", 20) == "weniger als 2000 Beiträge");
  CHECK(Split("Stand.2a weiter", 2) == "Stand.2a weiter");
  CHECK(Split("Plan (2014-2020). Dieser", 20) == "Plan (2014-2020). Dieser");
}

TEST_CASE("a number in full-width digits is text, where it made import fail",
          "[import]") {
  // std::stoi threw on "１２" ("internal error: stoi").
  CHECK(Split("Wort１２ gab es im Jahr ２０１７.", 12) ==
        "Wort１２ gab es im Jahr ２０１７.");
}

TEST_CASE("the calls of a paragraph of a megabyte are all found", "[import]") {
  // 300 calls, glued or after "), ", among other numbers, full-width digits
  // and CJK, in one text read as UTF-8 (it was copied into four-byte
  // characters).
  std::set<int> numbers;
  std::string text, expected;
  for (int n = 1; n <= 300; ++n) {
    numbers.insert(n);
    std::string filler;
    while (filler.size() < 3400)
      filler += "im Jahr 2017 und ２０１７ 社会信用 ";
    std::string call = n % 2 == 0 ? "gehört." : "(征信), ";
    std::string shown = n % 2 == 0 ? "gehört." : "(征信),";
    text += filler + call + std::to_string(n) + " ";
    expected += filler + shown + "[" + std::to_string(n) + "] ";
  }
  int next = 1;
  Content content;
  SplitCalls(text, numbers, &next, &content);
  CHECK(text.size() > 1000000);
  CHECK(next == 301);
  CHECK(content.size() == 600 + 1);
  std::string shown = Shown(content);
  CHECK(shown.size() == expected.size());
  CHECK((shown == expected));
}

TEST_CASE("calls are found in reading order, not in figure labels",
          "[import]") {
  Document doc;
  AppendText(&doc.title, "Experimente mit Zuckerbrot und Peitsche");
  AppendText(&doc.subtitle, "Umsetzung von Chinas Bonitätssystem 1");
  doc.title_source = {3, 87, 88};
  Node figure;
  figure.kind = Node::Kind::kFigure;
  figure.source = {5, 229, 229};
  Node label;
  label.kind = Node::Kind::kHead;
  label.source = figure.source;
  AppendText(&label.content, "Abbildung 2");
  figure.children.push_back(label);
  doc.body.push_back(Paragraph(116, "beeinflusst.2 Das"));
  doc.body.push_back(figure);
  doc.body.push_back(Paragraph(93, "Regierung einen Plan.3"));
  for (int n : {1, 2, 3, 4}) {
    Note note;
    note.number = n;
    note.source = {16, 800 + n, 800 + n};
    doc.notes.push_back(note);
  }
  Diagnostics diags;
  FindNoteCalls("in.txt", diags, &doc);
  CHECK(Shown(doc.subtitle) == "Umsetzung von Chinas Bonitätssystem[1]");
  // Texts are read in the order of their lines: the "3" of line 93 comes
  // before footnote 2 is called (line 116), so it is text.
  CHECK(Shown(doc.body[2].content) == "Regierung einen Plan.3");
  CHECK(Shown(doc.body[0].content) == "beeinflusst.[2] Das");
  CHECK(Shown(doc.body[1].children[0].content) == "Abbildung 2");
  std::vector<std::string> messages;
  for (const Diagnostic& d : diags.all())
    messages.push_back(FormatDiagnostic(d));
  CHECK(messages == std::vector<std::string>{
                        "in.txt:803:1: warning: footnote 3 is never called in "
                        "the text",
                        "in.txt:804:1: warning: footnote 4 is never called in "
                        "the text"});
}

}  // namespace
}  // namespace glossa::import
