// The structured edition of a document: the report glossa annotates.
//
// A Document is a tree shaped like the TEI it is stored as (tei.h): front
// matter (the title, the key findings), a body of numbered sections with
// their subsections and run-in parts, and the footnotes. Text lives in
// Content: runs of text with footnote calls and page breaks between them.
// Every node knows where it came from (the page, and the lines of the input
// it was imported from), so a locator can always point back to the source.
//
// Ids are stable and readable: "s2.1" is section 2.1, "s2.1.p3" its third
// paragraph, "fn9" footnote 9, "kf.2" the second key finding. They are what
// locators, links and the reader's --section use.

#ifndef GLOSSA_CORE_DOCUMENT_H_
#define GLOSSA_CORE_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

namespace glossa {

// A run of text, a footnote call or a page break, in reading order.
struct Span {
  enum class Kind { kText, kNoteCall, kPageBreak };
  Kind kind = Kind::kText;
  std::string text;  // kText: the text
  int number = 0;    // kNoteCall: the footnote; kPageBreak: the page
};
using Content = std::vector<Span>;

// Where a node came from: the page it starts on and the 1-based lines of
// the imported text it was made from (0 when unknown).
struct Provenance {
  int page = 0;
  int first_line = 0;
  int last_line = 0;
};

struct Node {
  enum class Kind {
    kDiv,        // type: "keyFindings", "section", "subsection", "part"
                 // (a run-in heading's division); n: "2.1"
    kHead,       // the heading of a div, figure or sidebar
    kParagraph,  // type: "" or "source" (a figure's "Quelle:" line)
    kList,
    kItem,       // n: the label as printed, e.g. "1)"
    kQuote,      // type "pull": a pull quote in the margin
    kFigure,     // n: the figure number ("3" for "Abbildung 3"), may be empty
    kSidebar,    // a box set apart from the text
    kPageBreak,  // n: the page that starts here
  };
  Kind kind = Kind::kParagraph;
  std::string id;
  std::string type;
  std::string n;
  Content content;  // heads, paragraphs, items, quotes
  std::vector<Node> children;
  Provenance source;
};

// A footnote: its number, its text, where it came from.
struct Note {
  int number = 0;
  std::string id;  // "fn9"
  Content content;
  Provenance source;
};

// The bibliographic record of the edition (the TEI header).
struct DocumentInfo {
  std::string title;  // as the document prints it
  std::string subtitle;
  std::vector<std::string> authors;
  std::string series;  // "MERICS China Monitor"
  std::string publisher;
  std::string language;            // BCP 47, "de"
  std::vector<std::string> notes;  // what is uncertain about the record
  std::string original_title;      // the English original, if a translation
  std::string original_date;       // ISO 8601
  std::string rights;              // who holds the rights, and on what terms
  std::string source_file;         // what it was imported from
  long long source_bytes = 0;      // its size
  int source_lines = 0;            // and its number of lines
};

struct Document {
  DocumentInfo info;
  Content title;  // the title as printed, with its footnote call
  Content subtitle;
  Provenance title_source;
  std::vector<Node> front;  // key findings
  std::vector<Node> body;   // sections, in order
  std::vector<Note> notes;  // footnotes, by number
};

// The lines of a provenance as written in the edition and shown to users:
// "89", "89-91", or "" when unknown.
std::string FormatLines(const Provenance& source);

// The text of content without calls and page breaks.
std::string PlainText(const Content& content);

// Appends text to content, merging with a text span at its end.
void AppendText(Content* content, std::string_view text);

// The division with n == `number` ("2.3"), searching the body; nullptr if
// there is none.
const Node* FindSection(const Document& document, std::string_view number);

// The node with the given id anywhere in the front or body; nullptr if none.
const Node* FindNode(const Document& document, std::string_view id);

// The footnote with the given number, or nullptr.
const Note* FindNote(const Document& document, int number);

// Calls `visit(node, path)` for every node of the front and body in reading
// order; `path` holds the node's ancestors, outermost first.
template <typename Visit>
void ForEachNode(const std::vector<Node>& nodes, Visit&& visit,
                 std::vector<const Node*>* path) {
  for (const Node& node : nodes) {
    visit(node, *path);
    path->push_back(&node);
    ForEachNode(node.children, visit, path);
    path->pop_back();
  }
}

}  // namespace glossa

#endif  // GLOSSA_CORE_DOCUMENT_H_
