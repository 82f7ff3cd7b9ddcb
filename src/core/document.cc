#include "core/document.h"

namespace glossa {
namespace {

const Node* Find(const std::vector<Node>& nodes, std::string_view id) {
  for (const Node& node : nodes) {
    if (node.id == id) return &node;
    if (const Node* found = Find(node.children, id)) return found;
  }
  return nullptr;
}

const Node* FindDiv(const std::vector<Node>& nodes, std::string_view number) {
  for (const Node& node : nodes) {
    if (node.kind != Node::Kind::kDiv) continue;
    if (node.n == number &&
        (node.type == "section" || node.type == "subsection")) {
      return &node;
    }
    if (const Node* found = FindDiv(node.children, number)) return found;
  }
  return nullptr;
}

}  // namespace

std::string FormatLines(const Provenance& source) {
  if (source.first_line <= 0) return "";
  std::string out = std::to_string(source.first_line);
  if (source.last_line > source.first_line)
    out += "-" + std::to_string(source.last_line);
  return out;
}

std::string PlainText(const Content& content) {
  std::string out;
  for (const Span& span : content) {
    if (span.kind == Span::Kind::kText) out += span.text;
  }
  return out;
}

void AppendText(Content* content, std::string_view text) {
  if (text.empty()) return;
  if (!content->empty() && content->back().kind == Span::Kind::kText) {
    content->back().text += text;
  } else {
    content->push_back({Span::Kind::kText, std::string(text), 0});
  }
}

const Node* FindSection(const Document& document, std::string_view number) {
  return FindDiv(document.body, number);
}

const Node* FindNode(const Document& document, std::string_view id) {
  if (const Node* found = Find(document.front, id)) return found;
  return Find(document.body, id);
}

const Note* FindNote(const Document& document, int number) {
  for (const Note& note : document.notes) {
    if (note.number == number) return &note;
  }
  return nullptr;
}

}  // namespace glossa
