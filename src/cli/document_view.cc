#include "cli/document_view.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "core/edition_index.h"
#include "core/unicode.h"

namespace glossa {
namespace {

constexpr int kGutter = 6;  // "p.12  "

std::string Superscript(int number) {
  static const char* const kDigits[] = {"⁰", "¹", "²", "³", "⁴",
                                        "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : std::to_string(number)) out += kDigits[c - '0'];
  return out;
}

// Writes blocks of wrapped text, with page numbers in a left margin.
class Writer {
 public:
  Writer(const ReadOptions& options, std::ostream& out)
      : options_(options), out_(out) {}

  void Blank() {
    if (!at_blank_ && wrote_) out_ << '\n';
    at_blank_ = true;
  }

  void PageBreak(int page) {
    if (options_.pages == "none") return;
    if (options_.pages == "inline") {
      pending_inline_.push_back(page);
      return;
    }
    marker_ = page;
  }

  // Writes content wrapped: the first line starts with `first`, the others
  // with `rest` (both count in the width). `code` colours the text; on a
  // coloured terminal, the glossary's terms in it are underlined.
  void Block(const std::string& first, const std::string& rest,
             const Content& content, std::string_view code = {}) {
    std::vector<Word> words = Words(content);
    int width =
        options_.style.width - (options_.pages == "margin" ? kGutter : 0);
    int room = width - std::max(DisplayWidth(first), DisplayWidth(rest));
    words = BreakLongWords(std::move(words), room);
    std::string line = first;
    int column = DisplayWidth(first);
    int line_marker = marker_;
    marker_ = 0;
    bool empty_line = true;
    auto flush = [&]() {
      Emit(line_marker, line, code);
      line_marker = 0;
      line = rest;
      column = DisplayWidth(rest);
      empty_line = true;
    };
    for (const Word& word : words) {
      int w = DisplayWidth(word.text);
      if (!empty_line && column + 1 + w > width) flush();
      if (word.marker != 0) {
        // A break inside the text shows on the line where it happens; if
        // that line already has a marker, on the next one.
        if (line_marker == 0) {
          line_marker = word.marker;
        } else {
          marker_ = word.marker;
        }
      }
      if (!empty_line) {
        line += ' ';
        ++column;
      }
      line += Marked(word);
      column += w;
      empty_line = false;
    }
    if (!empty_line || words.empty()) Emit(line_marker, line, code);
  }

  // Notes stand outside the page flow: a page marker waiting for the next
  // line of text waits through them.
  int TakeMarker() {
    int marker = marker_;
    marker_ = 0;
    return marker;
  }
  void RestoreMarker(int marker) { marker_ = marker; }

  std::set<int> TakeCalls() {
    std::set<int> calls = std::move(calls_);
    calls_.clear();
    return calls;
  }

 private:
  // A word as it will be written: its text, the byte ranges of it that are
  // a glossary term, and the page whose marker shows on its line.
  struct Word {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> terms;
    int marker = 0;
  };

  // The top-level matches of the index in `content`, as byte ranges of its
  // text spans joined; none without an index or colour.
  std::vector<std::pair<std::size_t, std::size_t>> Terms(
      const Content& content) const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (options_.index == nullptr || !options_.style.color) return out;
    const EditionBlock* block = options_.index->BlockOf(content);
    if (block == nullptr) return out;
    for (const Passage& passage : options_.index->PassagesIn(*block)) {
      if (passage.nested_in < 0)
        out.push_back({passage.block_begin, passage.block_end});
    }
    return out;
  }

  // The content cut into words at spaces, with footnote calls as
  // superscripts and page breaks as markers (or inline, as asked).
  std::vector<Word> Words(const Content& content) {
    std::vector<std::pair<std::size_t, std::size_t>> terms = Terms(content);
    std::vector<Word> words;
    int pending_marker = 0;
    auto add_word = [&](std::string text) {
      words.push_back({std::move(text), {}, pending_marker});
      pending_marker = 0;
    };
    for (int page : pending_inline_)
      add_word("[p." + std::to_string(page) + "]");
    pending_inline_.clear();
    bool glue = false;     // the next piece continues the last word
    std::size_t base = 0;  // where the span starts in the joined text
    for (const Span& span : content) {
      switch (span.kind) {
        case Span::Kind::kText: {
          std::size_t i = 0;
          const std::string& text = span.text;
          while (i < text.size()) {
            if (text[i] == ' ') {
              glue = false;
              ++i;
              continue;
            }
            std::size_t j = text.find(' ', i);
            if (j == std::string::npos) j = text.size();
            if (!glue || words.empty()) add_word("");
            Word& word = words.back();
            for (const auto& [begin, end] : terms) {
              std::size_t from = std::max(begin, base + i);
              std::size_t to = std::min(end, base + j);
              if (from < to)
                word.terms.push_back({word.text.size() + from - base - i,
                                      word.text.size() + to - base - i});
            }
            word.text += text.substr(i, j - i);
            glue = j == text.size();
            i = j;
          }
          base += text.size();
          break;
        }
        case Span::Kind::kNoteCall:
          if (options_.notes != "none") {
            if (words.empty()) add_word("");
            words.back().text += Superscript(span.number);
            calls_.insert(span.number);
          }
          glue = true;
          break;
        case Span::Kind::kPageBreak:
          if (options_.pages == "inline") {
            add_word("[p." + std::to_string(span.number) + "]");
            glue = false;
          } else if (options_.pages == "margin") {
            pending_marker = span.number;
          }
          break;
      }
    }
    if (pending_marker != 0 && options_.pages == "margin")
      marker_ = pending_marker;
    return words;
  }

  // Words longer than `room` columns (a URL) broken where a line ends.
  static std::vector<Word> BreakLongWords(std::vector<Word> words, int room) {
    std::vector<Word> out;
    for (Word& word : words) {
      std::u32string rest = CodePoints(word.text);
      while (room > 10 && DisplayWidth(FromCodePoints(rest)) > room) {
        std::size_t cut = 0;
        int used = 0;
        while (cut < rest.size()) {
          int w = DisplayWidth(FromCodePoints(rest.substr(cut, 1)));
          if (used + w > room) break;
          used += w;
          ++cut;
        }
        Word piece{FromCodePoints(rest.substr(0, cut)), {}, word.marker};
        const std::size_t bytes = piece.text.size();
        std::vector<std::pair<std::size_t, std::size_t>> later;
        for (const auto& [begin, end] : word.terms) {
          if (begin < bytes)
            piece.terms.push_back({begin, std::min(end, bytes)});
          if (end > bytes)
            later.push_back({std::max(begin, bytes) - bytes, end - bytes});
        }
        word.terms = std::move(later);
        word.marker = 0;
        out.push_back(std::move(piece));
        rest = rest.substr(cut);
      }
      word.text = FromCodePoints(rest);
      out.push_back(std::move(word));
    }
    return out;
  }

  // The word with its terms underlined (SGR 4 and 24, which leave the
  // line's bold or dim as it is).
  static std::string Marked(const Word& word) {
    if (word.terms.empty()) return word.text;
    std::string out;
    std::size_t at = 0;
    for (const auto& [begin, end] : word.terms) {
      out += word.text.substr(at, begin - at);
      out += kUnderline;
      out += word.text.substr(begin, end - begin);
      out += kUnderlineOff;
      at = end;
    }
    return out + word.text.substr(at);
  }

  void Emit(int marker, const std::string& text, std::string_view code) {
    if (options_.pages == "margin") {
      std::string gutter = marker != 0 ? "p." + std::to_string(marker) : "";
      gutter.resize(kGutter, ' ');
      out_ << Paint(options_.style, kDim, gutter);
    }
    out_ << Paint(options_.style, code, text) << '\n';
    at_blank_ = false;
    wrote_ = true;
  }

  const ReadOptions& options_;
  std::ostream& out_;
  bool at_blank_ = true;
  bool wrote_ = false;
  int marker_ = 0;
  std::vector<int> pending_inline_;
  std::set<int> calls_;
};

Content Text(std::string_view text) {
  Content content;
  AppendText(&content, text);
  return content;
}

void RenderNode(const Node& node, Writer& writer, int depth);

void RenderNode(const Node& node, Writer& writer, int depth) {
  switch (node.kind) {
    case Node::Kind::kPageBreak:
      writer.PageBreak(std::atoi(node.n.c_str()));
      return;
    case Node::Kind::kDiv: {
      writer.Blank();
      bool first = true;
      for (const Node& child : node.children) {
        if (first && child.kind == Node::Kind::kHead) {
          std::string number = node.n.empty() ? "" : node.n + "  ";
          writer.Block(number, std::string(number.size(), ' '), child.content,
                       kBold);
          if (depth == 0 && node.type == "section") writer.Blank();
        } else {
          RenderNode(child, writer, depth + 1);
        }
        first = false;
      }
      return;
    }
    case Node::Kind::kHead:
      writer.Blank();
      writer.Block("", "", node.content, kBold);
      return;
    case Node::Kind::kParagraph:
      writer.Blank();
      writer.Block("", "", node.content);
      return;
    case Node::Kind::kList:
      writer.Blank();
      for (const Node& item : node.children) {
        if (item.kind == Node::Kind::kPageBreak) {
          RenderNode(item, writer, depth);
          continue;
        }
        std::string label = item.n.empty() ? "•" : item.n;
        std::string first = "  " + label + " ";
        writer.Block(first, std::string(DisplayWidth(first), ' '),
                     item.content);
      }
      return;
    case Node::Kind::kItem:
      writer.Block("  • ", "    ", node.content);
      return;
    case Node::Kind::kQuote:
      writer.Blank();
      writer.Block("    » ", "      ", node.content, kDim);
      return;
    case Node::Kind::kFigure: {
      writer.Blank();
      for (const Node& part : node.children) {
        if (part.kind == Node::Kind::kHead) {
          Content label = part.content;
          AppendText(&label, "]");
          writer.Block("  [", "   ", label, kDim);
        } else {
          writer.Block("   ", "   ", part.content, kDim);
        }
      }
      if (node.children.empty()) writer.Block("  [figure]", "", {}, kDim);
      return;
    }
    case Node::Kind::kSidebar: {
      writer.Blank();
      for (const Node& part : node.children) {
        if (part.kind == Node::Kind::kHead) {
          writer.Block("  ┃ ", "  ┃ ", part.content, kBold);
        } else {
          writer.Block("  ┃ ", "  ┃ ", part.content);
        }
      }
      return;
    }
  }
}

void RenderNotes(const Document& document, const std::set<int>& calls,
                 Writer& writer) {
  if (calls.empty()) return;
  int marker = writer.TakeMarker();
  writer.Blank();
  writer.Block("", "", Text("Notes"), kBold);
  for (int number : calls) {
    const Note* note = FindNote(document, number);
    if (note == nullptr) continue;
    std::string label = std::to_string(number);
    label.resize(std::max<std::size_t>(label.size() + 2, 4), ' ');
    writer.Block("  " + label, std::string(label.size() + 2, ' '),
                 note->content);
  }
  writer.RestoreMarker(marker);
}

void RenderTitle(const Document& document, Writer& writer) {
  writer.Blank();
  writer.Block("", "", document.title, kBold);
  if (!document.subtitle.empty())
    writer.Block("", "", document.subtitle, kBold);
}

// ---------------------------------------------------------------------------
// JSON

// Text, footnote calls and page breaks, with the byte offsets of the calls
// and breaks in the text.
void ContentJson(const Content& content, nlohmann::ordered_json* out) {
  std::string text;
  nlohmann::ordered_json calls = nlohmann::ordered_json::array();
  nlohmann::ordered_json breaks = nlohmann::ordered_json::array();
  for (const Span& span : content) {
    switch (span.kind) {
      case Span::Kind::kText:
        text += span.text;
        break;
      case Span::Kind::kNoteCall:
        calls.push_back({{"n", span.number}, {"offset", text.size()}});
        break;
      case Span::Kind::kPageBreak:
        breaks.push_back({{"page", span.number}, {"offset", text.size()}});
        break;
    }
  }
  (*out)["text"] = text;
  (*out)["note_calls"] = std::move(calls);
  if (!breaks.empty()) (*out)["page_breaks"] = std::move(breaks);
}

nlohmann::ordered_json NodeJson(const Node& node) {
  nlohmann::ordered_json out;
  static const char* const kKinds[] = {"div",    "head",    "paragraph",
                                       "list",   "item",    "quote",
                                       "figure", "sidebar", "pagebreak"};
  std::string kind = kKinds[static_cast<int>(node.kind)];
  if (node.kind == Node::Kind::kDiv)
    kind = node.type.empty() ? "div" : node.type;
  out["type"] = kind;
  if (!node.id.empty()) out["id"] = node.id;
  if (!node.n.empty())
    out[node.kind == Node::Kind::kPageBreak ? "page" : "n"] = node.n;
  if (node.kind == Node::Kind::kParagraph && !node.type.empty())
    out["role"] = node.type;
  if (node.kind != Node::Kind::kPageBreak) {
    out["page"] = node.source.page;
    out["lines"] = FormatLines(node.source);
  }
  if (!node.content.empty()) ContentJson(node.content, &out);
  if (!node.children.empty()) {
    nlohmann::ordered_json children = nlohmann::ordered_json::array();
    for (const Node& child : node.children) children.push_back(NodeJson(child));
    out["children"] = std::move(children);
  }
  return out;
}

void CollectCalls(const Node& node, std::set<int>* calls) {
  for (const Span& span : node.content) {
    if (span.kind == Span::Kind::kNoteCall) calls->insert(span.number);
  }
  for (const Node& child : node.children) CollectCalls(child, calls);
}

nlohmann::ordered_json NoteJson(const Note& note) {
  nlohmann::ordered_json out;
  out["n"] = note.number;
  out["id"] = note.id;
  out["page"] = note.source.page;
  out["lines"] = FormatLines(note.source);
  ContentJson(note.content, &out);
  return out;
}

}  // namespace

void RenderDocument(const Document& document, const ReadOptions& options,
                    std::ostream& out) {
  Writer writer(options, out);
  std::set<int> all_calls;
  auto finish_part = [&]() {
    std::set<int> calls = writer.TakeCalls();
    if (options.notes == "section") {
      RenderNotes(document, calls, writer);
    } else {
      all_calls.insert(calls.begin(), calls.end());
    }
  };
  if (!options.section.empty()) {
    const Node* section = FindSection(document, options.section);
    if (section == nullptr) section = FindNode(document, options.section);
    if (section != nullptr) {
      writer.PageBreak(section->source.page);
      RenderNode(*section, writer, 0);
      finish_part();
    }
  } else {
    bool title_written = document.title.empty();
    for (const Node& node : document.front) {
      if (!title_written &&
          node.source.first_line > document.title_source.first_line) {
        RenderTitle(document, writer);
        title_written = true;
      }
      RenderNode(node, writer, 0);
    }
    if (!title_written) RenderTitle(document, writer);
    finish_part();
    for (const Node& node : document.body) {
      RenderNode(node, writer, 0);
      if (node.kind == Node::Kind::kDiv) finish_part();
    }
    finish_part();
  }
  if (options.notes == "end") RenderNotes(document, all_calls, writer);
}

nlohmann::ordered_json DocumentJson(const Document& document,
                                    const std::string& section) {
  nlohmann::ordered_json out;
  nlohmann::ordered_json info;
  info["title"] = document.info.title;
  info["subtitle"] = document.info.subtitle;
  info["authors"] = document.info.authors;
  info["series"] = document.info.series;
  info["publisher"] = document.info.publisher;
  info["language"] = document.info.language;
  info["original_title"] = document.info.original_title;
  info["original_date"] = document.info.original_date;
  info["uncertain"] = document.info.notes;
  out["info"] = std::move(info);
  std::set<int> calls;
  if (!section.empty()) {
    const Node* node = FindSection(document, section);
    if (node == nullptr) node = FindNode(document, section);
    nlohmann::ordered_json body = nlohmann::ordered_json::array();
    if (node != nullptr) {
      body.push_back(NodeJson(*node));
      CollectCalls(*node, &calls);
    }
    out["body"] = std::move(body);
  } else {
    nlohmann::ordered_json title;
    ContentJson(document.title, &title);
    out["title"] = std::move(title);
    nlohmann::ordered_json subtitle;
    ContentJson(document.subtitle, &subtitle);
    out["subtitle"] = std::move(subtitle);
    nlohmann::ordered_json front = nlohmann::ordered_json::array();
    for (const Node& node : document.front) front.push_back(NodeJson(node));
    out["front"] = std::move(front);
    nlohmann::ordered_json body = nlohmann::ordered_json::array();
    for (const Node& node : document.body) body.push_back(NodeJson(node));
    out["body"] = std::move(body);
  }
  nlohmann::ordered_json notes = nlohmann::ordered_json::array();
  for (const Note& note : document.notes) {
    if (section.empty() || calls.count(note.number) > 0)
      notes.push_back(NoteJson(note));
  }
  out["notes"] = std::move(notes);
  return out;
}

}  // namespace glossa
