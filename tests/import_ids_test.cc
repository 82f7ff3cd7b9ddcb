#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/import/ids.h"

namespace glossa::import {
namespace {

Node Make(Node::Kind kind, const std::string& type = "",
          const std::string& n = "", std::vector<Node> children = {}) {
  Node node;
  node.kind = kind;
  node.type = type;
  node.n = n;
  node.children = std::move(children);
  return node;
}

Node P() { return Make(Node::Kind::kParagraph); }
Node Head() { return Make(Node::Kind::kHead); }

// Every id in reading order, "-" for nodes without one.
std::vector<std::string> Ids(const Document& doc) {
  std::vector<std::string> ids;
  std::vector<const Node*> path;
  auto visit = [&](const Node& node, const std::vector<const Node*>&) {
    ids.push_back(node.id.empty() ? "-" : node.id);
  };
  ForEachNode(doc.front, visit, &path);
  ForEachNode(doc.body, visit, &path);
  for (const Note& note : doc.notes) ids.push_back(note.id);
  return ids;
}

TEST_CASE("ids count blocks within their section, as the glossary cites them",
          "[import]") {
  using K = Node::Kind;
  Document doc;
  doc.front = {Make(K::kPageBreak),
               Make(K::kDiv, "keyFindings", "",
                    {Head(), Make(K::kList, "", "",
                                  {Make(K::kItem), Make(K::kPageBreak),
                                   Make(K::kItem)})}),
               Make(K::kFigure)};
  doc.body = {
      P(), Make(K::kDiv, "section", "1", {Head(), P(), Make(K::kQuote), P()}),
      Make(K::kDiv, "section", "2",
           {Head(), P(),
            Make(K::kDiv, "subsection", "2.1",
                 {Head(), P(), P(), P(), P(), Make(K::kFigure, "", "1")}),
            Make(K::kDiv, "subsection", "2.3",
                 {Head(), P(),
                  Make(K::kDiv, "part", "", {Head(), P(), Make(K::kSidebar)}),
                  Make(K::kDiv, "part", "",
                       {Head(), Make(K::kList, "", "", {Make(K::kItem)}),
                        Make(K::kFigure)})})})};
  doc.notes.resize(2);
  doc.notes[0].number = 1;
  doc.notes[1].number = 9;
  AssignIds(&doc);
  CHECK(Ids(doc) ==
        std::vector<std::string>{
            "-",         "kf",       "-",       "kf.l1",   "kf.1",    "-",
            "kf.2",      "front.f1", "s0.p1",   "s1",      "-",       "s1.p1",
            "s1.q1",     "s1.p2",    "s2",      "-",       "s2.p1",   "s2.1",
            "-",         "s2.1.p1",  "s2.1.p2", "s2.1.p3", "s2.1.p4", "fig1",
            "s2.3",      "-",        "s2.3.p1", "s2.3.d1", "-",       "s2.3.p2",
            "s2.3.box1", "s2.3.d2",  "-",       "s2.3.l1", "s2.3.i1", "s2.3.f1",
            "fn1",       "fn9"});
}

}  // namespace
}  // namespace glossa::import
