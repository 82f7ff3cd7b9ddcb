#include <algorithm>
#include <set>
#include <string>

#include "core/html.h"
#include "core/site/page.h"

namespace glossa::site {
namespace {

// The report as a page: every block with its terms linked to their entries
// (the index's passages), its footnote calls and page numbers.
class ReportWriter {
 public:
  explicit ReportWriter(const SiteContext& site) : site_(site) {}

  std::string Write() {
    Page page = NewPage(site_.document.info.title, "",
                        site_.document.info.language, "report");
    pugi::xml_node article =
        El(page.main, "article", {}, {{"class", "report"}});
    pugi::xml_node header = El(article, "header", {}, {{"id", "title"}});
    if (!site_.document.info.series.empty())
      El(header, "p", site_.document.info.series, {{"class", "series"}});
    if (site_.document.title_source.page > 0)
      PageMark(header, site_.document.title_source.page);
    Content(El(header, "h1"), site_.document.title, "");
    if (!site_.document.subtitle.empty())
      Content(El(header, "p", {}, {{"class", "subtitle"}}),
              site_.document.subtitle, "");
    if (!site_.document.info.authors.empty()) {
      std::string authors;
      for (const std::string& author : site_.document.info.authors)
        authors += (authors.empty() ? "" : ", ") + author;
      El(header, "p", authors, {{"class", "authors"}});
    }
    if (site_.translation != nullptr) TranslationLink(header);
    Nodes(article, site_.document.front, 0);
    Nodes(article, site_.document.body, 0);
    if (!site_.document.notes.empty()) {
      pugi::xml_node notes =
          El(article, "section", {}, {{"class", "notes"}, {"id", "notes"}});
      Ui(El(notes, "h2"), "Anmerkungen", "Notes");
      pugi::xml_node list = El(notes, "ol");
      for (const Note& note : site_.document.notes) {
        std::string n = std::to_string(note.number);
        pugi::xml_node item =
            El(list, "li", {}, {{"id", note.id}, {"value", n}});
        if (note.source.page > 0) PageMark(item, note.source.page);
        El(item, "span", n + " ", {{"class", "fn-number"}});
        Content(item, note.content, "");
        AddText(item, " ");
        El(item, "a", "↩",
           {{"href", "#fnref" + n},
            {"class", "fn-back"},
            {"aria-label", "zurück zum Text / back to the text"}});
      }
    }
    return FinishPage(page, site_.document);
  }

 private:
  // Writes the content of a block with its terms linked (LinkedContent),
  // its footnote calls and its page breaks.
  void Content(pugi::xml_node parent, const glossa::Content& content,
               std::string_view root) {
    LinkedContent(site_, parent, content, root,
                  [this](pugi::xml_node at, const Span& span) {
                    if (span.kind == Span::Kind::kNoteCall)
                      NoteCall(at, span.number);
                    else
                      PageMark(at, span.number);
                  });
  }

  // The way to translation.html, when the site has one.
  void TranslationLink(pugi::xml_node parent) {
    const std::string& lang = site_.translation->target_lang;
    pugi::xml_node p = El(parent, "p", {}, {{"class", "translation-link"}});
    pugi::xml_node a = El(p, "a", {}, {{"href", "translation.html"}});
    Ui(a, "Der Bericht neben seiner Übersetzung (" + lang + ")",
       "The report beside its translation (" + lang + ")");
  }

  void NoteCall(pugi::xml_node parent, int number) {
    std::string n = std::to_string(number);
    pugi::xml_node sup = El(parent, "sup", {}, {{"class", "fn-call"}});
    El(sup, "a", n,
       {{"href", "#fn" + n},
        {"id", "fnref" + n},
        {"data-note", "fn" + n},
        {"aria-expanded", "false"},
        {"aria-label", "Anmerkung " + n}});
  }

  void PageMark(pugi::xml_node parent, int page) {
    std::string n = std::to_string(page);
    if (!pages_seen_.insert(page).second) return;
    pugi::xml_node mark =
        El(parent, "span", {}, {{"class", "page"}, {"id", "page" + n}});
    El(mark, "span", "S. " + n, {{"data-ui", "de"}});
    El(mark, "span", "p. " + n, {{"data-ui", "en"}});
  }

  void Nodes(pugi::xml_node parent, const std::vector<Node>& nodes, int depth) {
    for (const Node& node : nodes) {
      if (node.source.page > 0) PageMark(parent, node.source.page);
      pugi::xml_node element = NodeElement(parent, node, depth);
      if (!node.content.empty()) Content(element, node.content, "");
      Nodes(element, node.children, depth + 1);
      if (node.kind == Node::Kind::kFigure) FigureMissing(element, node);
    }
  }

  // The edition holds a figure's printed words (label, caption, source
  // line) but never its image: says so where the image would stand, with
  // the page of the report's PDF to find it on, so that a figure with no
  // words is not an empty box.
  void FigureMissing(pugi::xml_node figure, const Node& node) {
    std::string page = std::to_string(node.source.page);
    std::string de_pdf = "siehe die PDF-Fassung des Berichts";
    std::string en_pdf = "see the report's PDF";
    if (node.source.page > 0) {
      de_pdf += ", S. " + page;
      en_pdf += ", p. " + page;
    }
    bool words = std::any_of(
        node.children.begin(), node.children.end(),
        [](const Node& child) { return child.kind != Node::Kind::kHead; });
    pugi::xml_node p = El(figure, "p", {}, {{"class", "figure-missing"}});
    if (words || node.n.empty())
      Ui(p, "Die Grafik ist im Textauszug nicht enthalten; " + de_pdf + ".",
         "The graphic is not in the text edition; " + en_pdf + ".");
    else
      Ui(p,
         "Abbildung " + node.n + " ist im Textauszug nicht enthalten; " +
             de_pdf + ".",
         "Figure " + node.n + " is not in the text edition; " + en_pdf + ".");
  }

  pugi::xml_node NodeElement(pugi::xml_node parent, const Node& node,
                             int depth) {
    pugi::xml_node element;
    switch (node.kind) {
      case Node::Kind::kDiv:
        element = El(parent, "section", {},
                     {{"class", node.type.empty() ? "div" : node.type}});
        break;
      case Node::Kind::kHead: {
        std::string_view parent_class = parent.attribute("class").value();
        if (std::string_view(parent.name()) == "figure") {
          element = El(parent, "figcaption");
        } else if (parent_class == "part") {
          element = El(parent, "h4", {}, {{"class", "run-in"}});
        } else {
          int level = std::clamp(depth + 1, 2, 4);
          element = El(parent, "h" + std::to_string(level));
        }
        break;
      }
      case Node::Kind::kParagraph:
        element = El(parent, "p");
        if (!node.type.empty()) SetAttribute(element, "class", node.type);
        break;
      case Node::Kind::kList:
        element = El(parent, "ul", {}, {{"class", "list"}});
        break;
      case Node::Kind::kItem:
        element = El(parent, "li");
        if (!node.n.empty()) El(element, "span", node.n, {{"class", "label"}});
        break;
      case Node::Kind::kQuote:
        element = El(parent, "blockquote", {}, {{"class", "pull"}});
        break;
      case Node::Kind::kFigure:
        // The figure's label ("Abbildung 2") is part of its printed text.
        element = El(parent, "figure");
        break;
      case Node::Kind::kSidebar:
        element = El(parent, "aside", {}, {{"class", "sidebar"}});
        break;
      case Node::Kind::kPageBreak:
        element = El(parent, "span", {}, {{"class", "page-break"}});
        if (!node.n.empty()) PageMark(element, std::atoi(node.n.c_str()));
        break;
    }
    if (!node.id.empty()) SetAttribute(element, "id", node.id);
    return element;
  }

  const SiteContext& site_;
  std::set<int> pages_seen_;  // each page number is marked once
};

}  // namespace

std::string ReportPage(const SiteContext& site) {
  return ReportWriter(site).Write();
}

}  // namespace glossa::site
