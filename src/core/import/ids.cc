#include "core/import/ids.h"

#include <string>

namespace glossa::import {
namespace {

// How many of each kind a scope has numbered so far.
struct Counters {
  int paragraphs = 0, items = 0, quotes = 0, figures = 0, sidebars = 0,
      parts = 0, lists = 0;
};

void Name(Node& node, const std::string& scope, Counters* counters) {
  auto id = [&](const char* kind, int n) {
    return (scope.empty() ? std::string("s0") : scope) + "." + kind +
           std::to_string(n);
  };
  switch (node.kind) {
    case Node::Kind::kDiv: {
      if (node.type == "section" || node.type == "subsection") {
        node.id = "s" + node.n;
        Counters inner;
        for (Node& child : node.children) Name(child, node.id, &inner);
        return;
      }
      if (node.type == "keyFindings") {
        node.id = "kf";
        for (Node& child : node.children) Name(child, "kf", counters);
        return;
      }
      node.id = id("d", ++counters->parts);
      for (Node& child : node.children) Name(child, scope, counters);
      return;
    }
    case Node::Kind::kParagraph:
      node.id = id("p", ++counters->paragraphs);
      return;
    case Node::Kind::kList:
      node.id = id("l", ++counters->lists);
      for (Node& child : node.children) Name(child, scope, counters);
      return;
    case Node::Kind::kItem:
      node.id = scope == "kf" ? "kf." + std::to_string(++counters->items)
                              : id("i", ++counters->items);
      return;
    case Node::Kind::kQuote:
      node.id = id("q", ++counters->quotes);
      return;
    case Node::Kind::kFigure:
      node.id = node.n.empty() ? id("f", ++counters->figures) : "fig" + node.n;
      return;
    case Node::Kind::kSidebar:
      node.id = id("box", ++counters->sidebars);
      return;
    case Node::Kind::kHead:
    case Node::Kind::kPageBreak:
      return;
  }
}

}  // namespace

void AssignIds(Document* doc) {
  for (Note& note : doc->notes) note.id = "fn" + std::to_string(note.number);
  Counters front;
  for (Node& node : doc->front) Name(node, "front", &front);
  Counters body;
  for (Node& node : doc->body) Name(node, "", &body);
}

}  // namespace glossa::import
