#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/html.h"
#include "core/site/page.h"
#include "core/unicode.h"

namespace glossa::site {
namespace {

// The section key (SectionKey, passages.h) the passages of a division's own
// text are counted under: "§2.1", "key findings"; "" for a division that
// has none (a run-in part counts under its section).
std::string KeyOf(const Node& div) {
  if (div.type == "keyFindings") return "key findings";
  if ((div.type == "section" || div.type == "subsection") && !div.n.empty())
    return "§" + div.n;
  return "";
}

// The name a section's list of terms shows an entry by: its German term
// (the report's language), else its headline.
std::string SectionTermName(const SiteContext& site, std::size_t entry) {
  const Concept& concept_entry = site.glossary.concepts[entry];
  std::string name = DisplayTerm(concept_entry, site.document.info.language);
  return name.empty() ? Headline(concept_entry) : name;
}

// The entries that stand in each section and how often, by section key:
// the index's counts (EditionIndex::CountsOf) turned round, most frequent
// first, then in German order of the name shown.
using SectionTerms =
    std::map<std::string, std::vector<std::pair<std::size_t, int>>>;
SectionTerms TermsBySection(const SiteContext& site) {
  SectionTerms terms;
  for (std::size_t entry = 0; entry < site.glossary.concepts.size(); ++entry)
    for (const auto& [key, count] : site.index.CountsOf(entry))
      terms[key].push_back({entry, count});
  std::unique_ptr<Collator> collator = Collator::Create("de");
  for (auto& [key, list] : terms) {
    std::vector<std::string> sort_keys(site.glossary.concepts.size());
    for (const auto& [entry, count] : list)
      sort_keys[entry] = collator->SortKey(SectionTermName(site, entry));
    std::stable_sort(list.begin(), list.end(),
                     [&](const auto& a, const auto& b) {
                       if (a.second != b.second) return a.second > b.second;
                       return sort_keys[a.first] < sort_keys[b.first];
                     });
  }
  return terms;
}

// The report as a page: every block with its terms linked to their entries
// (the index's passages), its footnote calls and page numbers.
class ReportWriter {
 public:
  explicit ReportWriter(const SiteContext& site)
      : site_(site), terms_(TermsBySection(site)) {}

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
    TableOfContents(article);
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

  // The report's divisions with a heading, as links, in a <details> that
  // a phone shows closed above the text and a wide screen beside it
  // (report.css, nav.js).
  void TableOfContents(pugi::xml_node article) {
    pugi::xml_node nav =
        El(article, "nav", {},
           {{"class", "toc"}, {"aria-labelledby", "toc-title"}});
    pugi::xml_node details = El(nav, "details", {}, {{"id", "toc"}});
    Ui(El(details, "summary", {}, {{"id", "toc-title"}}), "Inhalt", "Contents");
    pugi::xml_node list = El(details, "ol");
    ContentsOf(list, site_.document.front);
    ContentsOf(list, site_.document.body);
    if (!site_.document.notes.empty())
      Ui(El(El(list, "li"), "a", {}, {{"href", "#notes"}}), "Anmerkungen",
         "Notes");
  }

  void ContentsOf(pugi::xml_node list, const std::vector<Node>& nodes) {
    for (const Node& div : nodes) {
      if (div.kind != Node::Kind::kDiv || div.id.empty()) continue;
      auto head = std::find_if(
          div.children.begin(), div.children.end(),
          [](const Node& child) { return child.kind == Node::Kind::kHead; });
      if (head == div.children.end()) continue;
      pugi::xml_node item = El(list, "li");
      std::string title = PlainText(head->content);
      if (!div.n.empty()) title = div.n + " " + title;
      El(item, "a", title, {{"href", "#" + div.id}});
      if (std::any_of(
              div.children.begin(), div.children.end(),
              [](const Node& child) { return child.kind == Node::Kind::kDiv; }))
        ContentsOf(El(item, "ol"), div.children);
      if (!item.child("ol").first_child()) item.remove_child("ol");
    }
  }

  // After a section's heading (none without one), the entries its own
  // text uses (not its numbered subsections': they have their own list),
  // linked to their pages, with the number of passages: the index's counts.
  void TermsOf(pugi::xml_node section, const Node& div) {
    auto found = terms_.find(KeyOf(div));
    if (found == terms_.end()) return;
    pugi::xml_node heading = section.find_child([](pugi::xml_node child) {
      std::string_view name = child.name();
      return name.size() == 2 && name[0] == 'h' && name[1] >= '1' &&
             name[1] <= '6';
    });
    if (!heading) return;  // the list belongs under a heading
    pugi::xml_node details = section.insert_child_after("details", heading);
    SetAttribute(details, "class", "section-terms");
    std::string n = std::to_string(found->second.size());
    std::string where = div.n.empty() ? "" : " " + div.n;
    auto first_sub = std::find_if(
        div.children.begin(), div.children.end(), [](const Node& child) {
          return child.kind == Node::Kind::kDiv && child.type == "subsection";
        });
    std::string de = n + " Begriffe in " +
                     (div.n.empty() ? "diesem Teil" : "Abschnitt" + where);
    std::string en =
        n + " terms in " + (div.n.empty() ? "this part" : "section" + where);
    if (first_sub != div.children.end()) {
      de += " vor " + first_sub->n;
      en += " before " + first_sub->n;
    }
    Ui(El(details, "summary"), de, en);
    pugi::xml_node list = El(details, "ul");
    for (const auto& [entry, count] : found->second) {
      pugi::xml_node item = El(list, "li");
      El(item, "a", SectionTermName(site_, entry),
         {{"href", site_.EntryHref(entry, "")}});
      std::vector<ChineseForms> chinese =
          ChineseTerms(site_.glossary.concepts[entry]);
      if (!chinese.empty() && chinese.front().simplified != nullptr) {
        std::string zh = CollapseSpace(chinese.front().simplified->text);
        if (zh != item.child("a").child_value()) AddText(item, " " + zh);
      }
      El(item, "span", std::to_string(count) + "×", {{"class", "n"}});
    }
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
    // A list may hold only items: a page mark goes into the item, and a
    // page break between items into the item after it.
    const bool in_list = std::string_view(parent.name()) == "ul";
    int pending = 0;
    for (const Node& node : nodes) {
      if (in_list && node.kind == Node::Kind::kPageBreak) {
        pending = std::atoi(node.n.c_str());
        continue;
      }
      if (node.source.page > 0 && !in_list) PageMark(parent, node.source.page);
      pugi::xml_node element = NodeElement(parent, node, depth);
      if (in_list) {
        if (node.source.page > 0) PageMark(element, node.source.page);
        if (pending > 0) PageMark(element, pending);
        pending = 0;
      }
      if (!node.content.empty()) Content(element, node.content, "");
      Nodes(element, node.children, depth + 1);
      if (node.kind == Node::Kind::kFigure) FigureMissing(element, node);
      if (node.kind == Node::Kind::kDiv) TermsOf(element, node);
    }
    if (pending > 0 && parent.last_child())
      PageMark(parent.last_child(), pending);
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
  const SectionTerms terms_;
  std::set<int> pages_seen_;  // each page number is marked once
};

}  // namespace

std::string ReportPage(const SiteContext& site) {
  return ReportWriter(site).Write();
}

}  // namespace glossa::site
