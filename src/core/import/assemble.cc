#include "core/import/assemble.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>

#include "core/import/join.h"
#include "core/import/patterns.h"

namespace glossa::import {
namespace {

constexpr std::string_view kBulletGlyph = "\xE2\x80\xA2";  // •

Provenance SourceOf(const std::vector<Line>& lines, const Block& block) {
  const Line& first = lines[block.lines.front()];
  return {first.page, first.number, lines[block.lines.back()].number};
}

// A figure, pull quote or sidebar: a quote's text is its own; a figure has
// its label as head, its caption paragraphs, then its source; a sidebar's
// first block is its head.
Node MakeFloat(const std::vector<Line>& lines, const Layout& layout,
               const FloatGroup& group, const Vocabulary& vocabulary) {
  Node node;
  node.kind = group.kind;
  node.n = group.figure;
  const Block& first = layout.blocks[group.blocks.front()];
  node.source = SourceOf(lines, first);
  node.source.last_line = node.source.first_line;
  if (group.kind == Node::Kind::kQuote) node.type = "pull";
  Node head, source;
  std::vector<Node> parts;
  for (std::size_t b : group.blocks) {
    const Block& block = layout.blocks[b];
    Node part;
    part.kind = Node::Kind::kParagraph;
    part.source = SourceOf(lines, block);
    node.source.last_line =
        std::max(node.source.last_line, part.source.last_line);
    std::string text = JoinLines(vocabulary, lines, block.lines);
    AppendText(&part.content, text);
    if (group.kind == Node::Kind::kQuote) {
      AppendText(&node.content, text);
    } else if (block.role == Role::kLabel) {
      part.kind = Node::Kind::kHead;
      head = std::move(part);
    } else if (block.role == Role::kSource) {
      part.type = "source";
      source = std::move(part);
    } else if (group.kind == Node::Kind::kSidebar && parts.empty() &&
               head.content.empty()) {
      part.kind = Node::Kind::kHead;
      head = std::move(part);
    } else {
      parts.push_back(std::move(part));
    }
  }
  if (!head.content.empty()) node.children.push_back(std::move(head));
  for (Node& part : parts) node.children.push_back(std::move(part));
  if (!source.content.empty()) node.children.push_back(std::move(source));
  return node;
}

// Adds an item to the list at the end of `nodes`, or to a new one; a page
// break between two items goes into the list with them.
void AddItem(Node item, std::vector<Node>* nodes) {
  std::size_t last = nodes->size();
  while (last > 0 && (*nodes)[last - 1].kind == Node::Kind::kPageBreak) --last;
  if (last > 0 && last < nodes->size() &&
      (*nodes)[last - 1].kind == Node::Kind::kList) {
    Node& list = (*nodes)[last - 1];
    for (std::size_t i = last; i < nodes->size(); ++i)
      list.children.push_back(std::move((*nodes)[i]));
    nodes->resize(last);
  }
  if (nodes->empty() || nodes->back().kind != Node::Kind::kList) {
    Node list;
    list.kind = Node::Kind::kList;
    list.source = item.source;
    nodes->push_back(std::move(list));
  }
  Node& list = nodes->back();
  list.source.last_line = item.source.last_line;
  list.children.push_back(std::move(item));
}

// The text being built: a paragraph, item, key finding or footnote.
struct OpenText {
  bool open = false;
  Node node;             // paragraphs and items
  bool is_note = false;  // a footnote: goes to Document::notes
  Note note;
  std::string text;  // the text of the current run (since the last break)
  bool trailing_space = false;  // of the last line added
};

// Builds the document block by block. What it keeps between blocks is the
// open text, the page breaks and floats waiting for it to end, and where
// new nodes go (the front or the body, and the path of open divisions).
class Assembler {
 public:
  Assembler(const std::vector<Line>& lines, const Layout& layout,
            const Vocabulary& vocabulary, std::string_view name,
            Diagnostics& diags)
      : lines_(lines),
        layout_(layout),
        vocabulary_(vocabulary),
        name_(name),
        diags_(diags) {}

  Document Run() {
    std::vector<bool> placed(layout_.groups.size(), false);
    int previous_page = 0;
    std::size_t next_line = 0;
    for (const Block& block : layout_.blocks) {
      // Front matter opens before its page breaks are placed.
      bool front_matter = block.role == Role::kKeyFindingsHead ||
                          block.role == Role::kTitle ||
                          (block.role == Role::kBullet && doc_.body.empty());
      if (front_matter && !in_front_) EnterFront();
      // Page starts: blank page-start lines before this block, and its own.
      for (std::size_t i = next_line; i <= block.lines.front(); ++i) {
        const Line& line = lines_[i];
        if (line.page_start && line.page != previous_page) {
          previous_page = line.page;
          if (block.role != Role::kNote) Place(PageBreak(line));
        }
      }
      next_line = block.lines.back() + 1;
      Add(block, &placed);
    }
    CloseText();
    return std::move(doc_);
  }

 private:
  void Add(const Block& block, std::vector<bool>* placed) {
    switch (block.role) {
      case Role::kNote:
        return AddNotes(block);
      case Role::kKeyFindingsHead:
        EnterFront();
        return OpenDiv("keyFindings", "", Joined(block), block, 0);
      case Role::kBullet:
      case Role::kItem:
        return AddItemBlock(block);
      case Role::kTitle:
        return AddTitle(block);
      case Role::kSection:
        EnterBody();
        return OpenNumbered(block, "section", ParseSection, 0);
      case Role::kSubsection:
        return OpenNumbered(block, "subsection", ParseSubsection, 1);
      case Role::kRunIn:
        // A run-in part sits in the innermost numbered division.
        return OpenDiv("part", "", Joined(block), block, NumberedDepth());
      case Role::kLabel:
      case Role::kSource:
      case Role::kCaption:
      case Role::kQuote:
      case Role::kSidebar:
        if (block.group < 0 || (*placed)[block.group]) return;
        (*placed)[block.group] = true;
        return Place(MakeFloat(lines_, layout_, layout_.groups[block.group],
                               vocabulary_));
      case Role::kBody:
        return AddBody(block);
    }
  }

  std::string Joined(const Block& block) const {
    return JoinLines(vocabulary_, lines_, block.lines);
  }

  // The open divisions belong to the root they were opened in: the front
  // and the body change only here, with the path.
  void SetRoot(bool front) {
    in_front_ = front;
    path_.clear();
  }

  void EnterFront() {
    CloseText();
    SetRoot(true);
  }

  // The first section ends the front matter: what is open there (a key
  // finding, the floats and page breaks waiting for it) closes there.
  void EnterBody() {
    if (!in_front_) return;
    CloseText();
    SetRoot(false);
  }

  // Where new nodes go: the innermost open division.
  std::vector<Node>* Container() {
    std::vector<Node>* nodes = in_front_ ? &doc_.front : &doc_.body;
    for (std::size_t index : path_) nodes = &(*nodes)[index].children;
    return nodes;
  }

  // How many of the open divisions are numbered ones (sections and
  // subsections): the depth a run-in part opens at.
  std::size_t NumberedDepth() {
    std::vector<Node>* nodes = in_front_ ? &doc_.front : &doc_.body;
    std::size_t numbered = 0;
    for (std::size_t d = 0; d < path_.size(); ++d) {
      const Node& div = (*nodes)[path_[d]];
      if (div.type == "section" || div.type == "subsection") numbered = d + 1;
      nodes = &(*nodes)[path_[d]].children;
    }
    return numbered;
  }

  // A page break or float: after the open text when there is one, else here.
  void Place(Node node) {
    if (open_.open) {
      pending_.push_back(std::move(node));
    } else {
      Container()->push_back(std::move(node));
    }
  }

  static Node PageBreak(const Line& line) {
    Node node;
    node.kind = Node::Kind::kPageBreak;
    node.n = std::to_string(line.page);
    node.source = {line.page, line.number, line.number};
    return node;
  }

  void OpenDiv(const std::string& type, std::string_view n,
               std::string_view heading, const Block& block,
               std::size_t depth) {
    CloseText();
    while (path_.size() > depth) path_.pop_back();
    Node div;
    div.kind = Node::Kind::kDiv;
    div.type = type;
    div.n = n;
    div.source = SourceOf(lines_, block);
    Node head;
    head.kind = Node::Kind::kHead;
    head.source = div.source;
    AppendText(&head.content, heading);
    div.children.push_back(std::move(head));
    std::vector<Node>* nodes = Container();
    nodes->push_back(std::move(div));
    path_.push_back(nodes->size() - 1);
  }

  // A section or subsection: its number as printed on its first line, its
  // heading the text after the number.
  void OpenNumbered(const Block& block, const std::string& type,
                    std::optional<Numbered> (*parse)(std::string_view),
                    std::size_t depth) {
    std::string text = Joined(block);
    std::optional<Numbered> number =
        parse(TrimLeft(lines_[block.lines.front()].text));
    std::optional<Numbered> heading = parse(text);
    OpenDiv(type, number ? number->digits : "", heading ? heading->text : text,
            block, depth);
  }

  // Opens a text at `line`; its content starts with `text`.
  void Open(const Line& line, std::string_view text) {
    open_ = OpenText();
    open_.open = true;
    open_.text = TrimLeft(text);
    open_.trailing_space = line.trailing_space;
  }

  void StartText(Node::Kind kind, std::string_view text, const Line& line) {
    Open(line, text);
    open_.node.kind = kind;
    open_.node.source = {line.page, line.number, line.number};
  }

  void StartNote(int number, std::string_view text, const Line& line) {
    Open(line, text);
    open_.is_note = true;
    open_.note.number = number;
    open_.note.source = {line.page, line.number, line.number};
  }

  Content& OpenContent() {
    return open_.is_note ? open_.note.content : open_.node.content;
  }
  Provenance& OpenSource() {
    return open_.is_note ? open_.note.source : open_.node.source;
  }

  void AddLine(const Line& line) {
    // Page breaks waiting since the last line go inside the text, where it
    // crossed them; the floats keep waiting. (Entries before
    // pending_checked_ are floats: this loop took the page breaks out.)
    std::vector<int> pages;
    std::size_t kept = pending_checked_;
    for (std::size_t i = pending_checked_; i < pending_.size(); ++i) {
      if (pending_[i].kind == Node::Kind::kPageBreak) {
        pages.push_back(pending_[i].source.page);
      } else {
        if (kept != i) pending_[kept] = std::move(pending_[i]);
        ++kept;
      }
    }
    pending_.resize(kept);
    pending_checked_ = kept;
    Join join =
        DecideJoin(vocabulary_, open_.text, open_.trailing_space, line.text);
    if (pages.empty()) {
      ApplyJoin(join, line.text, &open_.text);
    } else {
      // Flush the run before the break, keeping the join's effect on it.
      EndBeforeJoin(join, &open_.text);
      AppendText(&OpenContent(), open_.text);
      for (int page : pages)
        OpenContent().push_back({Span::Kind::kPageBreak, "", page});
      open_.text = TrimLeft(line.text);
    }
    open_.trailing_space = line.trailing_space;
    OpenSource().last_line = line.number;
  }

  // Whether `text` continues the open text across blank lines, a page
  // break or floats: unless the open text ended a sentence and `text`
  // starts one.
  bool Continues(std::string_view text) const {
    return open_.open && !(EndsSentence(open_.text) && StartsSentence(text));
  }

  void FinishText() {
    if (!open_.open) return;
    AppendText(&OpenContent(), open_.text);
    if (open_.is_note) {
      doc_.notes.push_back(std::move(open_.note));
    } else if (open_.node.kind == Node::Kind::kItem) {
      AddItem(std::move(open_.node), Container());
    } else {
      Container()->push_back(std::move(open_.node));
    }
    open_ = OpenText();
  }

  void FlushPending() {
    for (Node& node : pending_) Container()->push_back(std::move(node));
    pending_.clear();
    pending_checked_ = 0;
  }

  void CloseText() {
    FinishText();
    FlushPending();
  }

  void AddItemBlock(const Block& block) {
    CloseText();
    const Line& first = lines_[block.lines.front()];
    std::string_view text = TrimLeft(first.text);
    std::string label;
    // A bullet glyph marks the item; it is not its text. (A lost one, U+FFFD,
    // is gone already: RepairLine removes it.)
    if (block.role == Role::kBullet && text.starts_with(kBulletGlyph))
      text = TrimLeft(text.substr(kBulletGlyph.size()));
    if (block.role == Role::kItem) {
      if (std::optional<Numbered> item = ParseItem(text)) {
        label = std::string(item->digits) + ")";
        text = item->text;
      }
    }
    StartText(Node::Kind::kItem, text, first);
    open_.node.n = label;
    for (std::size_t k = 1; k < block.lines.size(); ++k)
      AddLine(lines_[block.lines[k]]);
  }

  void AddTitle(const Block& block) {
    // What waited for the last key finding to end (the page before the
    // title) stands beside the key findings, not in them.
    FinishText();
    SetRoot(true);
    FlushPending();
    const Line& first = lines_[block.lines.front()];
    AppendText(&doc_.title, TrimLeft(first.text));
    AppendText(&doc_.subtitle, JoinLines(vocabulary_, lines_,
                                         std::span(block.lines).subspan(1)));
    doc_.title_source = SourceOf(lines_, block);
  }

  void AddBody(const Block& block) {
    for (std::size_t k = 0; k < block.lines.size(); ++k) {
      const Line& line = lines_[block.lines[k]];
      if (k > 0 || Continues(line.text)) {
        AddLine(line);
      } else {
        CloseText();
        StartText(Node::Kind::kParagraph, line.text, line);
      }
    }
  }

  void AddNotes(const Block& block) {
    for (std::size_t index : block.lines) {
      const Line& line = lines_[index];
      if (std::optional<Numbered> note = ParseNote(line.text)) {
        CloseText();
        StartNote(note->number, note->text, line);
      } else if (open_.open && open_.is_note) {
        AddLine(line);
      } else {
        diags_.Warning({std::string(name_), line.number, 1},
                       "text in the notes that belongs to no footnote; kept "
                       "as a paragraph");
        CloseText();
        StartText(Node::Kind::kParagraph, line.text, line);
      }
    }
  }

  const std::vector<Line>& lines_;
  const Layout& layout_;
  const Vocabulary& vocabulary_;
  std::string_view name_;
  Diagnostics& diags_;

  Document doc_;
  OpenText open_;
  std::vector<Node> pending_;  // page breaks and floats waiting for open_
  std::size_t pending_checked_ = 0;
  // Indexes of the open divisions, from the root in_front_ names (SetRoot
  // keeps the two together); nodes are only appended to a root, so they stay
  // valid while it is the root.
  std::vector<std::size_t> path_;
  bool in_front_ = false;  // front matter: key findings, the title
};

}  // namespace

Document Assemble(const std::vector<Line>& lines, const Layout& layout,
                  const Vocabulary& vocabulary, std::string_view name,
                  Diagnostics& diags) {
  return Assembler(lines, layout, vocabulary, name, diags).Run();
}

}  // namespace glossa::import
