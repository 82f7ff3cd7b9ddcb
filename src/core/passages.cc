#include "core/passages.h"

#include <algorithm>

#include "core/glossary_check.h"
#include "core/unicode.h"

namespace glossa {
namespace {

// A block's text, and the pages it runs over by offset.
struct BlockText {
  std::string text;
  std::vector<std::pair<std::size_t, int>>
      pages;  // offset where a page starts, page
};

BlockText TextOf(const Content& content, int first_page) {
  BlockText out;
  out.pages.push_back({0, first_page});
  for (const Span& span : content) {
    if (span.kind == Span::Kind::kText) out.text += span.text;
    if (span.kind == Span::Kind::kPageBreak)
      out.pages.push_back({out.text.size(), span.number});
  }
  return out;
}

int PageAt(const BlockText& block, std::size_t offset) {
  int page = block.pages.front().second;
  for (const auto& [at, number] : block.pages) {
    if (at <= offset) page = number;
  }
  return page;
}

class Finder {
 public:
  Finder(const GlossaryMatcher& matcher, std::string_view language)
      : matcher_(matcher),
        scratch_(matcher.NewScratch()),
        language_(language) {}

  void Block(const Content& content, const Locator& where, int first_page,
             std::vector<Passage>* out) {
    BlockText block = TextOf(content, first_page);
    std::vector<Matcher::Match> matches =
        matcher_.matcher().Find(block.text, *scratch_);
    if (matches.empty()) return;
    std::vector<std::size_t> starts = SentenceStarts(block.text, language_);
    for (const Matcher::Match& match : matches) {
      auto next = std::upper_bound(starts.begin(), starts.end(), match.begin);
      std::size_t begin = *(next - 1);
      std::size_t end = next == starts.end() ? block.text.size() : *next;
      // A match that runs over a sentence break (it should not) keeps its
      // sentences together.
      while (end < match.end && next != starts.end()) {
        ++next;
        end = next == starts.end() ? block.text.size() : *next;
      }
      std::string sentence = block.text.substr(begin, end - begin);
      std::size_t trimmed = sentence.find_last_not_of(" \n\t");
      sentence.resize(trimmed == std::string::npos ? 0 : trimmed + 1);
      Passage passage;
      passage.entry = match.entry;
      passage.form = match.form;
      passage.locator = where;
      passage.locator.page = PageAt(block, match.begin);
      passage.sentence = std::move(sentence);
      passage.match_begin = match.begin - begin;
      passage.match_end = match.end - begin;
      passage.nested_in =
          match.nested_in >= 0 ? matches[match.nested_in].entry : -1;
      out->push_back(std::move(passage));
    }
  }

 private:
  const GlossaryMatcher& matcher_;
  std::unique_ptr<Matcher::Scratch> scratch_;
  std::string language_;
};

// Calls visit(content, locator, first_page) for every block with text, in
// document order: front matter, title, body, footnotes. The locator names
// the block (node, place, section) but not yet the page of a match.
template <typename Visit>
void WalkNodes(const std::vector<Node>& nodes, const Locator& where,
               Visit& visit) {
  for (const Node& node : nodes) {
    Locator here = where;
    switch (node.kind) {
      case Node::Kind::kDiv:
        if (node.type == "section" || node.type == "subsection") {
          here.place = "section";
          here.section = node.n;
          here.part.clear();
          if (!node.children.empty() &&
              node.children[0].kind == Node::Kind::kHead) {
            here.section_title = PlainText(node.children[0].content);
          }
        } else if (node.type == "keyFindings") {
          here.place = "key findings";
        } else if (node.type == "part" && !node.children.empty()) {
          here.part = PlainText(node.children[0].content);
        }
        break;
      case Node::Kind::kFigure:
        here.place = "caption";
        break;
      case Node::Kind::kSidebar:
        here.place = "sidebar";
        break;
      case Node::Kind::kQuote:
        here.place = "quote";
        break;
      default:
        break;
    }
    if (!node.id.empty()) here.node = node.id;
    here.page = node.source.page;
    visit(node.content, here, node.source.page);
    WalkNodes(node.children, here, visit);
  }
}

template <typename Visit>
void Walk(const Document& document, Visit&& visit) {
  Locator front;
  front.place = "front";
  WalkNodes(document.front, front, visit);
  if (!document.title.empty() || !document.subtitle.empty()) {
    Locator title;
    title.place = "title";
    title.node = "title";
    title.page = document.title_source.page;
    visit(document.title, title, document.title_source.page);
    visit(document.subtitle, title, document.title_source.page);
  }
  WalkNodes(document.body, Locator(), visit);
  for (const Note& note : document.notes) {
    Locator where;
    where.place = "footnote";
    where.footnote = note.number;
    where.node = note.id;
    where.page = note.source.page;
    visit(note.content, where, note.source.page);
  }
}

}  // namespace

std::string FormatLocator(const Locator& locator) {
  std::string out;
  if (locator.place == "footnote") {
    out = "fn. " + std::to_string(locator.footnote);
  } else if (locator.place == "key findings" || locator.place == "title") {
    out = locator.place;
  } else {
    out = locator.section.empty() ? "" : "§" + locator.section;
    if (locator.place == "caption" || locator.place == "sidebar" ||
        locator.place == "quote") {
      out += (out.empty() ? "" : " ") + locator.place;
    }
  }
  if (locator.page > 0)
    out += (out.empty() ? "" : ", ") + ("p. " + std::to_string(locator.page));
  return out;
}

std::vector<Passage> FindPassages(const Document& document,
                                  const GlossaryMatcher& matcher) {
  std::string language =
      document.info.language.empty() ? "de" : document.info.language;
  Finder finder(matcher, language);
  std::vector<Passage> out;
  Walk(document,
       [&](const Content& content, const Locator& where, int first_page) {
         if (!content.empty()) finder.Block(content, where, first_page, &out);
       });
  return out;
}

std::vector<Passage> PassagesOf(const std::vector<Passage>& all,
                                std::size_t entry) {
  std::vector<Passage> out;
  for (const Passage& passage : all) {
    if (passage.entry == static_cast<int>(entry)) out.push_back(passage);
  }
  return out;
}

std::optional<Block> LocateBlock(const Document& document,
                                 std::string_view id) {
  std::optional<Block> found;
  Walk(document, [&](const Content& content, const Locator& where, int) {
    if (!found && where.node == id) found = Block{where, PlainText(content)};
  });
  // A container (the sidebar, a section): the text of what it holds.
  const Node* node =
      found && found->text.empty() ? FindNode(document, id) : nullptr;
  if (node != nullptr) {
    std::vector<const Node*> path;
    ForEachNode(
        node->children,
        [&](const Node& child, const std::vector<const Node*>&) {
          std::string text = PlainText(child.content);
          if (text.empty()) return;
          if (!found->text.empty()) found->text += ' ';
          found->text += text;
        },
        &path);
  }
  return found;
}

std::vector<KeyPassage> KeyPassages(const Concept& concept_entry,
                                    const EditionContext& context) {
  std::vector<KeyPassage> out;
  for (const ExternalReference& reference : concept_entry.external_references) {
    std::size_t hash = reference.target.find('#');
    if (hash == std::string::npos || !IsRelativeReference(reference.target))
      continue;
    KeyPassage passage;
    passage.id = reference.target.substr(hash + 1);
    passage.description = reference.text;
    if (context.edition != nullptr)
      passage.block = LocateBlock(*context.edition, passage.id);
    if (passage.block && context.passages != nullptr) {
      for (const Passage& found : *context.passages) {
        if (found.locator.node == passage.id) {
          passage.sentence = found.sentence;
          break;
        }
      }
    }
    if (passage.block && passage.sentence.empty()) {
      const std::string& text = passage.block->text;
      std::vector<std::size_t> starts = SentenceStarts(text, "de");
      std::size_t end = starts.size() > 1 ? starts[1] : text.size();
      passage.sentence = text.substr(0, end);
    }
    passage.sentence = CollapseSpace(passage.sentence);
    out.push_back(std::move(passage));
  }
  return out;
}

}  // namespace glossa
