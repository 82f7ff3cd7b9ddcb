#include "core/tei.h"

#include <cstring>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/xml_input.h"

namespace glossa {
namespace {

constexpr const char* kTeiNamespace = "http://www.tei-c.org/ns/1.0";
constexpr const char* kGlossaNamespace = "urn:x-glossa:edition";

// What the importer repairs, stated once in every edition's header.
constexpr const char* kEditorialDeclaration =
    "Imported from text extracted from the PDF by glossa import. Words split "
    "over line breaks "
    "were joined (a hyphen at a line end kept only where it belongs to the "
    "word); characters "
    "lost from ligatures (U+FFFD) were restored as the ligature that makes a "
    "word; bullets and "
    "footnote markers were removed; spaces between CJK characters were "
    "removed; footnote "
    "numbers in the text became references to the notes; pull quotes, figure "
    "texts and the "
    "sidebar were taken out of the paragraphs they interrupted and follow "
    "them. Corrections "
    "the heuristics needed are listed in the corrections file beside the "
    "edition. g:page and "
    "g:lines give each block's page in the extraction and its lines in the "
    "imported text.";

void SetProvenance(pugi::xml_node element, const Provenance& source) {
  if (source.page > 0) element.append_attribute("g:page") = source.page;
  std::string lines = FormatLines(source);
  if (!lines.empty()) element.append_attribute("g:lines") = lines.c_str();
}

void SetAttribute(pugi::xml_node element, const char* name,
                  const std::string& value) {
  if (!value.empty()) element.append_attribute(name) = value.c_str();
}

void WriteContent(pugi::xml_node element, const Content& content) {
  for (const Span& span : content) {
    switch (span.kind) {
      case Span::Kind::kText:
        element.append_child(pugi::node_pcdata).set_value(span.text.c_str());
        break;
      case Span::Kind::kNoteCall: {
        pugi::xml_node ref = element.append_child("ref");
        ref.append_attribute("type") = "noteAnchor";
        ref.append_attribute("target") =
            ("#fn" + std::to_string(span.number)).c_str();
        ref.append_attribute("n") = span.number;
        ref.text().set(span.number);
        break;
      }
      case Span::Kind::kPageBreak:
        element.append_child("pb").append_attribute("n") = span.number;
        break;
    }
  }
}

pugi::xml_node Element(pugi::xml_node parent, const char* name,
                       const Node& node) {
  pugi::xml_node element = parent.append_child(name);
  SetAttribute(element, "xml:id", node.id);
  return element;
}

void WriteNode(pugi::xml_node parent, const Node& node) {
  pugi::xml_node element;
  switch (node.kind) {
    case Node::Kind::kDiv:
      element = Element(parent, "div", node);
      SetAttribute(element, "type", node.type);
      SetAttribute(element, "n", node.n);
      break;
    case Node::Kind::kHead:
      element = Element(parent, "head", node);
      break;
    case Node::Kind::kParagraph:
      element = Element(parent, "p", node);
      SetAttribute(element, "type", node.type);
      break;
    case Node::Kind::kList:
      element = Element(parent, "list", node);
      break;
    case Node::Kind::kItem:
      element = Element(parent, "item", node);
      SetAttribute(element, "n", node.n);
      break;
    case Node::Kind::kQuote:
      element = Element(parent, "quote", node);
      SetAttribute(element, "type", node.type);
      break;
    case Node::Kind::kFigure:
      element = Element(parent, "figure", node);
      SetAttribute(element, "n", node.n);
      break;
    case Node::Kind::kSidebar: {
      element = Element(parent, "floatingText", node);
      element.append_attribute("type") = "sidebar";
      SetProvenance(element, node.source);
      pugi::xml_node body = element.append_child("body");
      for (const Node& child : node.children) WriteNode(body, child);
      return;
    }
    case Node::Kind::kPageBreak:
      element = parent.append_child("pb");
      element.append_attribute("n") = node.n.c_str();
      if (node.source.first_line > 0)
        element.append_attribute("g:line") = node.source.first_line;
      return;
  }
  SetProvenance(element, node.source);
  WriteContent(element, node.content);
  for (const Node& child : node.children) WriteNode(element, child);
}

void WriteDocTitle(pugi::xml_node front, const Document& document) {
  pugi::xml_node title = front.append_child("docTitle");
  SetProvenance(title, document.title_source);
  pugi::xml_node main = title.append_child("titlePart");
  main.append_attribute("type") = "main";
  WriteContent(main, document.title);
  if (!document.subtitle.empty()) {
    pugi::xml_node sub = title.append_child("titlePart");
    sub.append_attribute("type") = "sub";
    WriteContent(sub, document.subtitle);
  }
}

void WriteHeader(pugi::xml_node tei, const DocumentInfo& info) {
  pugi::xml_node header = tei.append_child("teiHeader");
  pugi::xml_node file = header.append_child("fileDesc");
  pugi::xml_node title_statement = file.append_child("titleStmt");
  pugi::xml_node main = title_statement.append_child("title");
  main.append_attribute("type") = "main";
  main.text().set(info.title.c_str());
  if (!info.subtitle.empty()) {
    pugi::xml_node sub = title_statement.append_child("title");
    sub.append_attribute("type") = "sub";
    sub.text().set(info.subtitle.c_str());
  }
  for (const std::string& author : info.authors) {
    title_statement.append_child("author").text().set(author.c_str());
  }
  pugi::xml_node resp = title_statement.append_child("respStmt");
  resp.append_child("resp").text().set("TEI edition, imported with");
  resp.append_child("name").text().set("glossa");

  pugi::xml_node publication = file.append_child("publicationStmt");
  publication.append_child("publisher").text().set(info.publisher.c_str());
  if (!info.rights.empty()) {
    publication.append_child("availability")
        .append_child("p")
        .text()
        .set(info.rights.c_str());
  }
  if (!info.series.empty()) {
    file.append_child("seriesStmt")
        .append_child("title")
        .text()
        .set(info.series.c_str());
  }
  if (!info.notes.empty()) {
    pugi::xml_node notes = file.append_child("notesStmt");
    for (const std::string& note : info.notes) {
      pugi::xml_node element = notes.append_child("note");
      element.append_attribute("type") = "uncertain";
      element.text().set(note.c_str());
    }
  }
  pugi::xml_node source = file.append_child("sourceDesc");
  if (!info.original_title.empty()) {
    pugi::xml_node original = source.append_child("bibl");
    original.append_attribute("type") = "original";
    original.append_attribute("xml:lang") = "en";
    original.append_child("title").text().set(info.original_title.c_str());
    if (!info.original_date.empty()) {
      pugi::xml_node date = original.append_child("date");
      date.append_attribute("when") = info.original_date.c_str();
      date.text().set(info.original_date.c_str());
    }
  }
  pugi::xml_node extraction = source.append_child("bibl");
  extraction.append_attribute("type") = "extraction";
  pugi::xml_node idno = extraction.append_child("idno");
  idno.append_attribute("type") = "file";
  idno.text().set(info.source_file.c_str());
  pugi::xml_node extent = extraction.append_child("extent");
  pugi::xml_node bytes = extent.append_child("measure");
  bytes.append_attribute("unit") = "byte";
  bytes.append_attribute("quantity") = info.source_bytes;
  pugi::xml_node lines = extent.append_child("measure");
  lines.append_attribute("unit") = "line";
  lines.append_attribute("quantity") = info.source_lines;

  header.append_child("encodingDesc")
      .append_child("editorialDecl")
      .append_child("p")
      .text()
      .set(kEditorialDeclaration);
  if (!info.language.empty()) {
    header.append_child("profileDesc")
        .append_child("langUsage")
        .append_child("language")
        .append_attribute("ident") = info.language.c_str();
  }
}

// ---------------------------------------------------------------------------
// Reading

class Reader {
 public:
  Reader(const XmlFile& file, Diagnostics& diags)
      : file_(file), diags_(diags) {}

  bool Read(Document* out) {
    pugi::xml_node tei = file_.root();
    if (std::string_view(tei.name()) != "TEI") {
      diags_.Error(file_.Where(tei),
                   "not a TEI document: the root element is <" +
                       std::string(tei.name()) + ">, not <TEI>");
      return false;
    }
    ReadHeader(tei.child("teiHeader"), &out->info);
    pugi::xml_node text = tei.child("text");
    for (pugi::xml_node child : text.child("front").children()) {
      if (child.type() != pugi::node_element) continue;
      if (std::string_view(child.name()) == "docTitle") {
        out->title_source = ProvenanceOf(child);
        for (pugi::xml_node part : child.children("titlePart")) {
          Content* target =
              std::string_view(part.attribute("type").value()) == "sub"
                  ? &out->subtitle
                  : &out->title;
          ReadContent(part, target);
        }
        continue;
      }
      if (std::optional<Node> node = ReadNode(child))
        out->front.push_back(std::move(*node));
    }
    for (pugi::xml_node child : text.child("body").children()) {
      if (child.type() != pugi::node_element) continue;
      if (std::optional<Node> node = ReadNode(child))
        out->body.push_back(std::move(*node));
    }
    for (pugi::xml_node div : text.child("back").children("div")) {
      for (pugi::xml_node element : div.children("note")) {
        Note note;
        note.id = element.attribute("xml:id").value();
        note.number = element.attribute("n").as_int();
        note.source = ProvenanceOf(element);
        ReadContent(element, &note.content);
        out->notes.push_back(std::move(note));
      }
    }
    return true;
  }

 private:
  static Provenance ProvenanceOf(pugi::xml_node element) {
    Provenance source;
    source.page = element.attribute("g:page").as_int();
    std::string lines = element.attribute("g:lines").value();
    if (!lines.empty()) {
      std::size_t dash = lines.find('-');
      source.first_line = std::atoi(lines.substr(0, dash).c_str());
      source.last_line = dash == std::string::npos
                             ? source.first_line
                             : std::atoi(lines.substr(dash + 1).c_str());
    }
    return source;
  }

  void ReadContent(pugi::xml_node element, Content* out) {
    for (pugi::xml_node child : element.children()) {
      if (child.type() == pugi::node_pcdata ||
          child.type() == pugi::node_cdata) {
        AppendText(out, child.value());
      } else if (child.type() == pugi::node_element) {
        std::string_view name = child.name();
        if (name == "ref" &&
            std::string_view(child.attribute("type").value()) == "noteAnchor") {
          out->push_back(
              {Span::Kind::kNoteCall, "", child.attribute("n").as_int()});
        } else if (name == "pb") {
          out->push_back(
              {Span::Kind::kPageBreak, "", child.attribute("n").as_int()});
        } else if (!IsBlock(name)) {
          diags_.Warning(
              file_.Where(child),
              "<" + std::string(name) + "> inside a text is read as its text");
          AppendText(out, child.text().get());
        }
      }
    }
  }

  static bool IsBlock(std::string_view name) {
    for (const char* block : {"div", "head", "p", "list", "item", "quote",
                              "figure", "floatingText", "body"}) {
      if (name == block) return true;
    }
    return false;
  }

  std::optional<Node> ReadNode(pugi::xml_node element) {
    std::string_view name = element.name();
    Node node;
    node.id = element.attribute("xml:id").value();
    node.type = element.attribute("type").value();
    node.n = element.attribute("n").value();
    node.source = ProvenanceOf(element);
    if (name == "div") {
      node.kind = Node::Kind::kDiv;
    } else if (name == "head") {
      node.kind = Node::Kind::kHead;
    } else if (name == "p") {
      node.kind = Node::Kind::kParagraph;
    } else if (name == "list") {
      node.kind = Node::Kind::kList;
    } else if (name == "item") {
      node.kind = Node::Kind::kItem;
    } else if (name == "quote") {
      node.kind = Node::Kind::kQuote;
    } else if (name == "figure") {
      node.kind = Node::Kind::kFigure;
    } else if (name == "floatingText") {
      node.kind = Node::Kind::kSidebar;
      node.type.clear();
      for (pugi::xml_node child : element.child("body").children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::optional<Node> part = ReadNode(child))
          node.children.push_back(std::move(*part));
      }
      return node;
    } else if (name == "pb") {
      node.kind = Node::Kind::kPageBreak;
      node.source = {std::atoi(node.n.c_str()),
                     element.attribute("g:line").as_int(),
                     element.attribute("g:line").as_int()};
      return node;
    } else {
      diags_.Warning(
          file_.Where(element),
          "<" + std::string(name) + "> is not part of an edition; skipped");
      return std::nullopt;
    }
    bool has_blocks = false;
    for (pugi::xml_node child : element.children()) {
      has_blocks = has_blocks || (child.type() == pugi::node_element &&
                                  IsBlock(child.name()));
    }
    if (has_blocks) {
      for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::optional<Node> part = ReadNode(child))
          node.children.push_back(std::move(*part));
      }
    } else {
      ReadContent(element, &node.content);
    }
    return node;
  }

  void ReadHeader(pugi::xml_node header, DocumentInfo* info) {
    pugi::xml_node file = header.child("fileDesc");
    for (pugi::xml_node title : file.child("titleStmt").children("title")) {
      (std::string_view(title.attribute("type").value()) == "sub"
           ? info->subtitle
           : info->title) = title.text().get();
    }
    for (pugi::xml_node author : file.child("titleStmt").children("author")) {
      info->authors.push_back(author.text().get());
    }
    info->publisher =
        file.child("publicationStmt").child("publisher").text().get();
    info->rights = file.child("publicationStmt")
                       .child("availability")
                       .child("p")
                       .text()
                       .get();
    info->series = file.child("seriesStmt").child("title").text().get();
    for (pugi::xml_node note : file.child("notesStmt").children("note")) {
      info->notes.push_back(note.text().get());
    }
    for (pugi::xml_node bibl : file.child("sourceDesc").children("bibl")) {
      std::string_view type = bibl.attribute("type").value();
      if (type == "original") {
        info->original_title = bibl.child("title").text().get();
        info->original_date = bibl.child("date").attribute("when").value();
      } else if (type == "extraction") {
        info->source_file = bibl.child("idno").text().get();
        for (pugi::xml_node measure :
             bibl.child("extent").children("measure")) {
          std::string_view unit = measure.attribute("unit").value();
          if (unit == "byte")
            info->source_bytes = measure.attribute("quantity").as_llong();
          if (unit == "line")
            info->source_lines = measure.attribute("quantity").as_int();
        }
      }
    }
    info->language = header.child("profileDesc")
                         .child("langUsage")
                         .child("language")
                         .attribute("ident")
                         .value();
  }

  const XmlFile& file_;
  Diagnostics& diags_;
};

// Indents block elements: an element whose children are all elements gets
// each child on a line of its own. Text and inline elements are left as
// they are, so no white space enters the text (pugixml's own indentation
// would put some between inline elements).
void Indent(pugi::xml_node root) {
  std::vector<std::pair<pugi::xml_node, int>> pending = {{root, 1}};
  while (!pending.empty()) {
    auto [element, depth] = pending.back();
    pending.pop_back();
    bool only_elements = element.first_child() != nullptr;
    for (pugi::xml_node child : element.children()) {
      only_elements = only_elements && child.type() == pugi::node_element;
    }
    if (!only_elements) continue;
    std::string indent = "\n" + std::string(2 * depth, ' ');
    for (pugi::xml_node child : element.children()) {
      element.insert_child_before(pugi::node_pcdata, child)
          .set_value(indent.c_str());
      pending.emplace_back(child, depth + 1);
    }
    indent.resize(indent.size() - 2);
    element.append_child(pugi::node_pcdata).set_value(indent.c_str());
  }
}

}  // namespace

std::string WriteTei(const Document& document) {
  pugi::xml_document xml;
  pugi::xml_node tei = xml.append_child("TEI");
  tei.append_attribute("xmlns") = kTeiNamespace;
  tei.append_attribute("xmlns:g") = kGlossaNamespace;
  if (!document.info.language.empty()) {
    tei.append_attribute("xml:lang") = document.info.language.c_str();
  }
  WriteHeader(tei, document.info);
  pugi::xml_node text = tei.append_child("text");
  pugi::xml_node front = text.append_child("front");
  bool title_written = document.title.empty();
  for (const Node& node : document.front) {
    if (!title_written &&
        node.source.first_line > document.title_source.first_line) {
      WriteDocTitle(front, document);
      title_written = true;
    }
    WriteNode(front, node);
  }
  if (!title_written) WriteDocTitle(front, document);
  pugi::xml_node body = text.append_child("body");
  for (const Node& node : document.body) WriteNode(body, node);
  if (!document.notes.empty()) {
    pugi::xml_node notes = text.append_child("back").append_child("div");
    notes.append_attribute("type") = "notes";
    for (const Note& note : document.notes) {
      pugi::xml_node element = notes.append_child("note");
      element.append_attribute("xml:id") = note.id.c_str();
      element.append_attribute("n") = note.number;
      element.append_attribute("place") = "end";
      SetProvenance(element, note.source);
      WriteContent(element, note.content);
    }
  }
  Indent(tei);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml.save(out, "", pugi::format_raw | pugi::format_no_declaration,
           pugi::encoding_utf8);
  out << '\n';
  return out.str();
}

bool ReadTei(std::string_view bytes, std::string_view name, Diagnostics& diags,
             Document* out) {
  *out = Document();
  // White space between inline elements ("<ref>4</ref> <ref>5</ref>") is
  // text; block elements ignore the white space that indents them.
  std::unique_ptr<XmlFile> file =
      LoadXml(bytes, name, diags, pugi::parse_default | pugi::parse_ws_pcdata);
  if (!file) return false;
  return Reader(*file, diags).Read(out);
}

}  // namespace glossa
