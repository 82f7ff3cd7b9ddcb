#include "core/site.h"

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "core/html.h"
#include "core/lookup.h"
#include "core/site_assets.h"
#include "core/unicode.h"
#include "core/uri.h"

namespace glossa {
namespace {

// Only the site's own files: no inline script or style, nothing remote.
// 'self' does not match file: URLs in every browser, so file: is named too;
// a page served over http cannot load file: URLs anyway.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self' file:; style-src 'self' file:; "
    "img-src 'self' file: data:; base-uri 'none'; form-action 'none'";

// Columns of context on each side of a keyword-in-context line.
constexpr int kContextColumns = 70;

// A label in both interface languages; the style sheet shows the one the
// reader chose (html[data-ui]).
void Ui(pugi::xml_node parent, std::string_view german,
        std::string_view english) {
  El(parent, "span", german, {{"data-ui", "de"}, {"lang", "de"}});
  El(parent, "span", english, {{"data-ui", "en"}, {"lang", "en"}});
}

struct StatusLabel {
  std::string_view german;
  std::string_view english;
};

StatusLabel StatusLabelOf(TermStatus status) {
  switch (status) {
    case TermStatus::kPreferred:
      return {"bevorzugt", "preferred"};
    case TermStatus::kAdmitted:
      return {"zugelassen", "admitted"};
    case TermStatus::kDeprecated:
      return {"abgelehnt", "deprecated"};
    case TermStatus::kSuperseded:
      return {"veraltet", "superseded"};
    case TermStatus::kUnspecified:
      break;
  }
  return {"", ""};
}

std::string LanguageName(std::string_view lang, bool german) {
  if (SameLanguage(lang, "de")) return german ? "Deutsch" : "German";
  if (SameLanguage(lang, "en")) return german ? "Englisch" : "English";
  if (SameLanguage(lang, kSimplifiedChinese))
    return german ? "Chinesisch (Kurzzeichen)" : "Chinese (simplified)";
  if (SameLanguage(lang, kTraditionalChinese))
    return german ? "Chinesisch (Langzeichen)" : "Chinese (traditional)";
  if (SameLanguage(lang, kPinyin)) return "Pinyin";
  return std::string(lang);
}

// The first definition of `lang`: the language section's, else a concept-
// level one.
std::string DefinitionIn(const Concept& concept_entry, std::string_view lang) {
  const LangSection* section = concept_entry.Language(lang);
  if (section != nullptr && !section->definitions.empty())
    return CollapseSpace(section->definitions.front().text);
  return "";
}

// The first letter a term is filed under in an index: its first letter
// without diacritics, upper case; "#" for anything else.
std::string FilingLetter(std::string_view text) {
  std::u32string points = CodePoints(LooseKey(text));
  for (char32_t c : points) {
    if (!IsLetter(c)) continue;
    std::string letter = ToUpper(FromCodePoints(std::u32string(1, c)));
    if (letter.size() == 1 && letter[0] >= 'A' && letter[0] <= 'Z')
      return letter;
    return "#";
  }
  return "#";
}

// A page of the site: the document, and the element content goes into.
struct Page {
  pugi::xml_document document;
  pugi::xml_node main;
};

// A band of the dispersion plot: the part of the report a run of blocks
// belongs to ("KF", "title", "1" ... "4", "fn") and where it runs.
struct Band {
  std::string label;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The band of a block: its top-level section, else the front matter, the
// title or the notes.
std::string BandOf(const Locator& locator) {
  if (locator.place == "footnote") return "fn";
  if (locator.place == "title") return "title";
  if (locator.section.empty()) return "KF";
  return locator.section.substr(0, locator.section.find('.'));
}

class SiteBuilder {
 public:
  explicit SiteBuilder(const EditionIndex& index)
      : index_(index),
        glossary_(index.glossary()),
        document_(index.document()) {
    for (std::size_t i = 0; i < glossary_.concepts.size(); ++i) {
      files_.push_back(EntryFileName(glossary_.concepts[i], i));
      by_id_[glossary_.concepts[i].id] = i;
    }
    for (const EditionBlock& block : index.blocks()) {
      std::string label = BandOf(block.locator);
      if (bands_.empty() || bands_.back().label != label)
        bands_.push_back({label, block.offset, block.offset});
      bands_.back().end = block.offset + block.text.size();
    }
  }

  std::vector<SiteFile> Build() {
    std::vector<SiteFile> out;
    out.push_back({"index.html", Report()});
    out.push_back({"glossary.html", IndexPage()});
    for (std::size_t i = 0; i < glossary_.concepts.size(); ++i)
      out.push_back({"entries/" + files_[i] + ".html", EntryPage(i)});
    out.push_back({"assets/glossa.css", std::string(kGlossaCss)});
    out.push_back({"assets/glossa.js", std::string(kGlossaJs)});
    out.push_back({"assets/data.js", Data()});
    return out;
  }

 private:
  // The skeleton every page shares: head with the policy, the bar with the
  // links, search and the language switch. `root` leads from the page to
  // the site's folder ("" or "../").
  Page NewPage(std::string_view title, std::string_view root,
               std::string_view content_lang, std::string_view kind) {
    Page page;
    pugi::xml_node html = El(page.document, "html", {},
                             {{"lang", content_lang},
                              {"data-ui", "de"},
                              {"data-root", root},
                              {"data-page", kind}});
    pugi::xml_node head = El(html, "head");
    El(head, "meta", {}, {{"charset", "utf-8"}});
    El(head, "meta", {},
       {{"http-equiv", "Content-Security-Policy"},
        {"content", kContentSecurityPolicy}});
    El(head, "meta", {},
       {{"name", "viewport"},
        {"content", "width=device-width, initial-scale=1"}});
    El(head, "meta", {}, {{"name", "referrer"}, {"content", "no-referrer"}});
    El(head, "title", title);
    std::string r(root);
    El(head, "link", {},
       {{"rel", "stylesheet"}, {"href", r + "assets/glossa.css"}});
    // No icon: without this line browsers ask a web server for favicon.ico.
    El(head, "link", {}, {{"rel", "icon"}, {"href", "data:,"}});
    El(head, "script", {}, {{"src", r + "assets/glossa.js"}});
    El(head, "script", {}, {{"src", r + "assets/data.js"}, {"defer", ""}});
    pugi::xml_node body = El(html, "body");
    pugi::xml_node bar = El(body, "header", {}, {{"class", "bar"}});
    pugi::xml_node nav = El(bar, "nav", {}, {{"class", "site-nav"}});
    Ui(El(nav, "a", {}, {{"href", r + "index.html"}}), "Bericht", "Report");
    Ui(El(nav, "a", {}, {{"href", r + "glossary.html"}}), "Glossar",
       "Glossary");
    pugi::xml_node search =
        El(bar, "form", {}, {{"class", "search"}, {"role", "search"}});
    pugi::xml_node label = El(search, "label", {}, {{"for", "search"}});
    Ui(label, "Suche", "Search");
    El(search, "input", {},
       {{"id", "search"},
        {"type", "search"},
        {"autocomplete", "off"},
        {"spellcheck", "false"},
        {"placeholder", "征信 · zhengxin · Dateninseln · credit"},
        {"aria-controls", "search-results"}});
    El(search, "ul", {},
       {{"id", "search-results"}, {"class", "search-results"}, {"hidden", ""}});
    pugi::xml_node toggle =
        El(bar, "button", {},
           {{"type", "button"}, {"id", "ui-switch"}, {"class", "ui-switch"}});
    // The button names the language it switches to.
    El(toggle, "span", "English", {{"data-ui", "de"}, {"lang", "en"}});
    El(toggle, "span", "Deutsch", {{"data-ui", "en"}, {"lang", "de"}});
    page.main = El(body, "main", {}, {{"id", "main"}});
    return page;
  }

  void Footer(pugi::xml_node body) {
    pugi::xml_node footer = El(body, "footer", {}, {{"class", "colophon"}});
    pugi::xml_node p = El(footer, "p");
    Ui(p, "Text des Berichts: ", "Report text: ");
    std::string cited = document_.info.title;
    if (!document_.info.series.empty())
      cited += " (" + document_.info.series + ")";
    AddText(p, cited);
    if (!document_.info.rights.empty())
      AddText(p, ". " + document_.info.rights);
    pugi::xml_node glossa = El(footer, "p");
    Ui(glossa, "Glossar, Definitionen und Anmerkungen: glossa. Erstellt mit ",
       "Glossary, definitions and notes: glossa. Built with ");
    El(glossa, "code", "glossa site");
    AddText(glossa, ".");
  }

  // Writes the content of a block with its terms linked (the index's
  // top-level passages in the block), its footnote calls and its page
  // breaks. A term over a page break is linked in both halves.
  void Content(pugi::xml_node parent, const glossa::Content& content,
               std::string_view root) {
    const EditionBlock* block = index_.BlockOf(content);
    std::vector<Passage> matches;
    if (block != nullptr) {
      for (Passage& passage : index_.PassagesIn(*block))
        if (passage.nested_in < 0) matches.push_back(std::move(passage));
    }
    std::string_view text =
        block != nullptr ? std::string_view(block->text) : std::string_view();
    std::size_t offset = 0;
    std::size_t next = 0;  // the first match not yet written out
    for (const Span& span : content) {
      if (span.kind == Span::Kind::kNoteCall) {
        NoteCall(parent, span.number);
        continue;
      }
      if (span.kind == Span::Kind::kPageBreak) {
        PageMark(parent, span.number);
        continue;
      }
      const std::size_t begin = offset;
      const std::size_t end = offset + span.text.size();
      std::size_t at = begin;
      while (at < end) {
        while (next < matches.size() && matches[next].block_end <= at) ++next;
        if (next == matches.size() || matches[next].block_begin >= end) {
          AddText(parent, span.text.substr(at - begin));
          break;
        }
        const Passage& match = matches[next];
        if (match.block_begin > at) {
          AddText(parent, text.substr(at, match.block_begin - at));
          at = match.block_begin;
        }
        std::size_t stop = std::min(end, match.block_end);
        TermLink(parent, text.substr(at, stop - at),
                 static_cast<std::size_t>(match.entry), root);
        at = stop;
      }
      offset = end;
    }
  }

  void TermLink(pugi::xml_node parent, std::string_view text, std::size_t entry,
                std::string_view root) {
    El(parent, "a", text,
       {{"class", "term"},
        {"href", std::string(root) + "entries/" + files_[entry] + ".html"},
        {"data-entry", glossary_.concepts[entry].id}});
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
    }
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

  std::string Report() {
    Page page =
        NewPage(document_.info.title, "", document_.info.language, "report");
    pugi::xml_node article =
        El(page.main, "article", {}, {{"class", "report"}});
    pugi::xml_node header = El(article, "header", {}, {{"id", "title"}});
    if (!document_.info.series.empty())
      El(header, "p", document_.info.series, {{"class", "series"}});
    if (document_.title_source.page > 0)
      PageMark(header, document_.title_source.page);
    Content(El(header, "h1"), document_.title, "");
    if (!document_.subtitle.empty())
      Content(El(header, "p", {}, {{"class", "subtitle"}}), document_.subtitle,
              "");
    if (!document_.info.authors.empty()) {
      std::string authors;
      for (const std::string& author : document_.info.authors)
        authors += (authors.empty() ? "" : ", ") + author;
      El(header, "p", authors, {{"class", "authors"}});
    }
    Nodes(article, document_.front, 0);
    Nodes(article, document_.body, 0);
    if (!document_.notes.empty()) {
      pugi::xml_node notes =
          El(article, "section", {}, {{"class", "notes"}, {"id", "notes"}});
      Ui(El(notes, "h2"), "Anmerkungen", "Notes");
      pugi::xml_node list = El(notes, "ol");
      for (const Note& note : document_.notes) {
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
    Footer(page.document.child("html").child("body"));
    return WriteHtml(page.document);
  }

  // One list of the index: every entry under the term it is filed by,
  // sorted by the collator, grouped by first letter with jump links.
  void IndexOrder(pugi::xml_node parent, std::string_view key,
                  std::string_view collation, bool by_reading) {
    struct Item {
      std::string sort_key;
      std::string shown;
      std::size_t entry;
      std::string letter;
    };
    auto collator = Collator::Create(collation);
    std::vector<Item> items;
    for (std::size_t i = 0; i < glossary_.concepts.size(); ++i) {
      const Concept& entry = glossary_.concepts[i];
      std::string shown;
      if (by_reading) {
        std::vector<ChineseForms> chinese = ChineseTerms(entry);
        if (!chinese.empty() && chinese.front().pinyin != nullptr)
          shown = CollapseSpace(chinese.front().pinyin->text);
      } else {
        shown = DisplayTerm(entry, key);
      }
      if (shown.empty()) shown = Headline(entry);
      items.push_back(
          {collator->SortKey(shown), shown, i, FilingLetter(shown)});
    }
    std::stable_sort(
        items.begin(), items.end(),
        [](const Item& a, const Item& b) { return a.sort_key < b.sort_key; });
    std::string prefix = std::string(key) + "-";
    pugi::xml_node section = El(parent, "section", {},
                                {{"class", "order"},
                                 {"id", "order-" + std::string(key)},
                                 {"data-order", key}});
    pugi::xml_node letters = El(section, "p", {}, {{"class", "letters"}});
    std::vector<std::string> seen;
    for (const Item& item : items) {
      if (seen.empty() || seen.back() != item.letter) {
        seen.push_back(item.letter);
        El(letters, "a", item.letter, {{"href", "#" + prefix + item.letter}});
        AddText(letters, " ");
      }
    }
    pugi::xml_node list;
    std::string current;
    for (const Item& item : items) {
      if (!list || current != item.letter) {
        current = item.letter;
        El(section, "h3", item.letter, {{"id", prefix + item.letter}});
        list = El(section, "ul", {}, {{"class", "entries"}});
      }
      const Concept& entry = glossary_.concepts[item.entry];
      pugi::xml_node li = El(list, "li", {}, {{"data-entry", entry.id}});
      El(li, "a", item.shown,
         {{"href", "entries/" + files_[item.entry] + ".html"},
          {"lang", by_reading ? "zh-Latn-pinyin" : key}});
      std::string gloss = Headline(entry);
      for (std::string_view lang : {"de", "en"}) {
        if (lang == key) continue;
        std::string term = DisplayTerm(entry, lang);
        if (!term.empty()) gloss += " · " + term;
      }
      El(li, "span", gloss, {{"class", "gloss"}});
      if (entry.IsBackground()) {
        pugi::xml_node tag = El(li, "span", {}, {{"class", "tag"}});
        Ui(tag, "Hintergrund", "background");
      }
    }
  }

  std::string IndexPage() {
    Page page = NewPage("Glossar · Glossary", "", "de", "glossary");
    Ui(El(page.main, "h1"), "Glossar", "Glossary");
    pugi::xml_node count = El(page.main, "p", {}, {{"class", "count"}});
    std::string n = std::to_string(glossary_.concepts.size());
    Ui(count, n + " Einträge", n + " entries");
    pugi::xml_node switcher = El(
        page.main, "nav", {}, {{"class", "orders"}, {"aria-label", "order"}});
    Ui(El(switcher, "a", {}, {{"href", "#order-de"}, {"data-order", "de"}}),
       "Deutsch", "German");
    Ui(El(switcher, "a", {}, {{"href", "#order-en"}, {"data-order", "en"}}),
       "Englisch", "English");
    El(switcher, "a", "Pinyin",
       {{"href", "#order-pinyin"}, {"data-order", "pinyin"}});
    IndexOrder(page.main, "de", "de", false);
    IndexOrder(page.main, "en", "en", false);
    IndexOrder(page.main, "pinyin", "zh@collation=pinyin", true);
    Footer(page.document.child("html").child("body"));
    return WriteHtml(page.document);
  }

  // One row per term; a Chinese term's row holds its traditional form and
  // reading too (the parallel sections), with the sources of all three once.
  void TermTable(pugi::xml_node parent, const Concept& entry) {
    pugi::xml_node table = El(parent, "table", {}, {{"class", "terms"}});
    pugi::xml_node head = El(El(table, "thead"), "tr");
    Ui(El(head, "th"), "Benennung", "Term");
    Ui(El(head, "th"), "Status", "Status");
    Ui(El(head, "th"), "Quelle und Anmerkungen", "Source and notes");
    const bool paired = entry.Language(kSimplifiedChinese) != nullptr;
    for (const LangSection& section : entry.languages) {
      const bool chinese = SameLanguage(section.lang, kSimplifiedChinese);
      if (paired && (SameLanguage(section.lang, kTraditionalChinese) ||
                     SameLanguage(section.lang, kPinyin)))
        continue;
      std::vector<std::vector<std::pair<const Term*, std::string_view>>> rows;
      if (chinese) {
        for (const ChineseForms& forms : ChineseTerms(entry)) {
          rows.emplace_back();
          rows.back().push_back({forms.simplified, kSimplifiedChinese});
          if (forms.traditional != nullptr)
            rows.back().push_back({forms.traditional, kTraditionalChinese});
          if (forms.pinyin != nullptr)
            rows.back().push_back({forms.pinyin, kPinyin});
        }
      } else {
        for (const Term& term : section.terms)
          rows.push_back({{&term, section.lang}});
      }
      if (rows.empty()) continue;
      // A group of rows per language, under one heading.
      pugi::xml_node body = El(table, "tbody", {}, {{"lang", section.lang}});
      pugi::xml_node heading =
          El(El(body, "tr", {}, {{"class", "lang-row"}}), "th", {},
             {{"colspan", "3"}, {"scope", "rowgroup"}});
      Ui(heading,
         chinese ? "Chinesisch (Kurzzeichen, Langzeichen, Pinyin)"
                 : LanguageName(section.lang, true),
         chinese ? "Chinese (simplified, traditional, pinyin)"
                 : LanguageName(section.lang, false));
      for (const auto& forms : rows) {
        const Term& term = *forms.front().first;
        pugi::xml_node row = El(body, "tr");
        pugi::xml_node cell = El(row, "td");
        std::set<std::string> sources;
        for (const auto& [form, form_lang] : forms) {
          El(cell, "span", CollapseSpace(form->text),
             {{"class", "term-text"}, {"lang", form_lang}});
          AddText(cell, " ");
        }
        std::string type(TermTypeName(term.type));
        if (!type.empty()) El(cell, "span", type, {{"class", "term-type"}});
        StatusLabel status = StatusLabelOf(term.status);
        pugi::xml_node status_cell =
            El(row, "td", {}, {{"class", "term-status"}});
        if (!status.german.empty())
          Ui(El(status_cell, "span", {},
                {{"class", "status " + std::string(StatusName(term.status))}}),
             status.german, status.english);
        pugi::xml_node notes = El(row, "td", {}, {{"class", "sources"}});
        for (const auto& [form, form_lang] : forms) {
          for (const std::string& source : form->sources) {
            std::string shown = CollapseSpace(source);
            if (sources.insert(shown).second)
              El(notes, "p", shown, {{"class", "source"}});
          }
          for (const Text& note : form->notes)
            El(notes, "p", CollapseSpace(note.text), {{"class", "note"}});
          for (const Text& context : form->contexts) {
            pugi::xml_node p = El(notes, "p", {}, {{"class", "context"}});
            El(p, "q", CollapseSpace(context.text), {{"lang", form_lang}});
            if (!context.source.empty())
              AddText(p, " (" + CollapseSpace(context.source) + ")");
          }
        }
      }
    }
  }

  void Texts(pugi::xml_node parent, const std::vector<Text>& texts,
             std::string_view lang, std::string_view css) {
    for (const Text& text : texts) {
      pugi::xml_node p =
          El(parent, "p", CollapseSpace(text.text), {{"class", css}});
      if (!lang.empty()) SetAttribute(p, "lang", lang);
      if (!text.source.empty())
        El(p, "span", " — " + CollapseSpace(text.source),
           {{"class", "source"}});
    }
  }

  void Dispersion(pugi::xml_node parent, const std::vector<Passage>& passages) {
    if (index_.length() == 0) return;
    constexpr double kWidth = 600, kHeight = 34, kBand = 22;
    pugi::xml_node svg = El(parent, "svg", {},
                            {{"class", "dispersion"},
                             {"viewBox", "0 0 600 34"},
                             {"role", "img"},
                             {"aria-label", "dispersion plot"}});
    auto x_of = [&](std::size_t offset) {
      return kWidth * static_cast<double>(offset) /
             static_cast<double>(index_.length());
    };
    auto number = [](double value) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.1f", value);
      return std::string(buffer);
    };
    for (std::size_t i = 0; i < bands_.size(); ++i) {
      const Band& part = bands_[i];
      double x = x_of(part.begin);
      double width = x_of(part.end) - x;
      pugi::xml_node rect =
          El(svg, "rect", {},
             {{"x", number(x)},
              {"y", "0"},
              {"width", number(width)},
              {"height", number(kBand)},
              {"class", i % 2 == 0 ? "band even" : "band odd"}});
      std::string label = part.label == "fn"      ? "Anm."
                          : part.label == "KF"    ? "KF"
                          : part.label == "title" ? "T"
                                                  : part.label;
      El(rect, "title", label);
      if (width >= 12)
        El(svg, "text", label,
           {{"x", number(x + width / 2)},
            {"y", number(kHeight - 2)},
            {"class", "band-label"}});
    }
    for (const Passage& passage : passages) {
      double x =
          x_of(index_.blocks()[passage.block].offset + passage.block_begin) +
          0.5;
      El(svg, "line", {},
         {{"x1", number(x)},
          {"x2", number(x)},
          {"y1", "2"},
          {"y2", number(kBand - 2)},
          {"class", "tick"}});
    }
  }

  std::string EntryPage(std::size_t index) {
    const Concept& entry = glossary_.concepts[index];
    std::string headline = Headline(entry);
    Page page = NewPage(headline, "../", "de", "entry");
    pugi::xml_node article =
        El(page.main, "article", {},
           {{"class", "entry"}, {"id", "entry"}, {"data-entry", entry.id}});
    pugi::xml_node h1 = El(article, "h1");
    std::vector<ChineseForms> chinese = ChineseTerms(entry);
    if (!chinese.empty()) {
      const ChineseForms& first = chinese.front();
      El(h1, "span", CollapseSpace(first.simplified->text),
         {{"lang", kSimplifiedChinese}});
      if (first.traditional != nullptr &&
          first.traditional->text != first.simplified->text) {
        AddText(h1, " ");
        El(h1, "span", CollapseSpace(first.traditional->text),
           {{"lang", kTraditionalChinese}});
      }
      if (first.pinyin != nullptr) {
        AddText(h1, " ");
        El(h1, "span", CollapseSpace(first.pinyin->text),
           {{"lang", kPinyin}, {"class", "pinyin"}});
      }
    } else {
      AddText(h1, headline);
    }
    std::string gloss;
    for (std::string_view lang : {"en", "de"}) {
      std::string term = DisplayTerm(entry, lang);
      if (!term.empty() && term != headline)
        gloss += (gloss.empty() ? "" : " · ") + term;
    }
    if (!gloss.empty()) El(article, "p", gloss, {{"class", "gloss"}});
    if (entry.IsBackground()) {
      pugi::xml_node p = El(article, "p", {}, {{"class", "background"}});
      Ui(p,
         "Hintergrund: Der Begriff kommt im Bericht nicht vor; er erklärt "
         "einen, der vorkommt.",
         "Background: the term does not occur in the report; it explains one "
         "that does.");
    }

    pugi::xml_node definitions =
        El(article, "section", {}, {{"class", "definitions"}});
    Ui(El(definitions, "h2"), "Definition", "Definition");
    for (const LangSection& section : entry.languages)
      Texts(definitions, section.definitions, section.lang, "definition");
    Texts(definitions, entry.definitions, "", "definition");

    pugi::xml_node terms = El(article, "section", {}, {{"class", "all-terms"}});
    Ui(El(terms, "h2"), "Benennungen", "Terms");
    TermTable(terms, entry);

    bool has_notes = !entry.notes.empty();
    for (const LangSection& section : entry.languages)
      has_notes = has_notes || !section.notes.empty();
    if (has_notes) {
      pugi::xml_node notes = El(article, "section", {}, {{"class", "notes"}});
      Ui(El(notes, "h2"), "Hinweise für Übersetzer", "Translator's notes");
      Texts(notes, entry.notes, "", "note");
      for (const LangSection& section : entry.languages)
        Texts(notes, section.notes, section.lang, "note");
    }

    if (!entry.cross_references.empty()) {
      pugi::xml_node related =
          El(article, "section", {}, {{"class", "related"}});
      Ui(El(related, "h2"), "Verwandte Einträge", "Related entries");
      pugi::xml_node list = El(related, "ul");
      for (const CrossReference& reference : entry.cross_references) {
        RelationLabel relation = ParseRelation(CollapseSpace(reference.text));
        pugi::xml_node li = El(list, "li");
        std::string word(
            kRelationNames[static_cast<std::size_t>(relation.relation)]);
        if (!word.empty())
          El(li, "span", word, {{"class", "relation " + word}});
        auto target = by_id_.find(reference.target);
        if (target != by_id_.end()) {
          El(li, "a", relation.label,
             {{"href", files_[target->second] + ".html"}});
        } else {
          El(li, "span", relation.label);
        }
      }
    }

    std::vector<Passage> passages = index_.PassagesOf(index);
    const std::vector<KeyPassage>& keys = index_.KeyPassagesOf(index);
    if (!keys.empty()) {
      pugi::xml_node section =
          El(article, "section", {}, {{"class", "key-passages"}});
      Ui(El(section, "h2"), "Schlüsselstellen", "Key passages");
      pugi::xml_node list = El(section, "ul");
      for (const KeyPassage& key : keys) {
        pugi::xml_node li = El(list, "li");
        std::string where =
            key.block ? FormatLocator(key.block->locator) : key.id;
        El(li, "a", where, {{"href", "../index.html#" + key.id}});
        if (!key.description.empty())
          El(li, "span", " " + key.description, {{"class", "description"}});
        if (!key.sentence.empty())
          El(li, "q", key.sentence, {{"lang", "de"}, {"class", "sentence"}});
        if (!key.entry_in_sentence && !key.reason.empty()) {
          pugi::xml_node why = El(li, "p", {}, {{"class", "not-named"}});
          Ui(why, "Hier nicht genannt: ", "Not named here: ");
          El(why, "span", key.reason, {{"class", "reason"}, {"lang", "en"}});
        }
      }
    }

    std::vector<std::pair<std::string, std::string>> links;
    for (const ExternalReference& reference : entry.external_references) {
      if (IsRelativeReference(reference.target)) continue;
      std::string url = SafeUrl(CollapseSpace(reference.target));
      links.push_back(
          {url, CollapseSpace(reference.text.empty() ? reference.target
                                                     : reference.text)});
    }
    if (!links.empty()) {
      pugi::xml_node section = El(article, "section", {}, {{"class", "links"}});
      Ui(El(section, "h2"), "Quellen im Netz", "Sources on the web");
      pugi::xml_node list = El(section, "ul");
      for (const auto& [url, text] : links) {
        pugi::xml_node li = El(list, "li");
        if (url.empty()) {
          El(li, "span", text);
        } else {
          El(li, "a", text, {{"href", url}, {"rel", "noopener noreferrer"}});
        }
      }
    }

    pugi::xml_node section =
        El(article, "section", {}, {{"class", "passages"}, {"id", "passages"}});
    std::string n = std::to_string(passages.size());
    Ui(El(section, "h2"), n + (passages.size() == 1 ? " Stelle" : " Stellen"),
       n + (passages.size() == 1 ? " passage" : " passages"));
    if (!passages.empty()) {
      Dispersion(section, passages);
      pugi::xml_node list = El(section, "ol", {}, {{"class", "kwic"}});
      for (const Passage& passage : passages) {
        pugi::xml_node li = El(list, "li");
        pugi::xml_node link =
            El(li, "a", {},
               {{"href", "../index.html#" + passage.locator.node},
                {"class", "kwic-line"},
                {"data-node", passage.locator.node}});
        Kwic kwic = KwicOf(passage);
        El(link, "span", KeepLastColumns(kwic.left, kContextColumns),
           {{"class", "left"}});
        El(link, "mark", kwic.match);
        El(link, "span", KeepFirstColumns(kwic.right, kContextColumns),
           {{"class", "right"}});
        El(li, "span", FormatLocator(passage.locator), {{"class", "locator"}});
      }
    }
    Footer(page.document.child("html").child("body"));
    return WriteHtml(page.document);
  }

  // Traditional characters the script folds a query's characters with, as
  // ToSimplified does for `glossa lookup`: every Han character of the
  // glossary's terms that has another simplified form, and the traditional
  // form of every simplified one. (A traditional character of no term's
  // simplified character cannot find anything, folded or not.)
  nlohmann::ordered_json SimplifiedMap() const {
    std::map<std::string, std::string> map;
    for (const Concept& entry : glossary_.concepts) {
      for (const LangSection& section : entry.languages) {
        for (const Term& term : section.terms) {
          for (char32_t c : CodePoints(term.text)) {
            if (!IsCjkLetter(c)) continue;
            std::string simplified =
                FromCodePoints(std::u32string(1, SimplifiedCharacter(c)));
            std::string typed = FoldKey(FromCodePoints(std::u32string(1, c)));
            if (typed != simplified) map[typed] = simplified;
            std::string traditional = ToTraditional(simplified);
            if (traditional != simplified &&
                ToSimplified(traditional) == simplified)
              map[traditional] = simplified;
          }
        }
      }
    }
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [from, to] : map) out[from] = to;
    return out;
  }

  // The data the script needs: for each entry what its popup shows; the
  // terms search looks through, each with the keys `glossa lookup` finds
  // it by (KeysOf: the loose key, and the toneless key of a reading); and
  // the characters a query is folded with.
  std::string Data() {
    nlohmann::ordered_json entries = nlohmann::ordered_json::object();
    nlohmann::ordered_json terms = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < glossary_.concepts.size(); ++i) {
      const Concept& entry = glossary_.concepts[i];
      nlohmann::ordered_json item;
      item["url"] = "entries/" + files_[i] + ".html";
      item["headline"] = Headline(entry);
      nlohmann::ordered_json chinese = nlohmann::ordered_json::array();
      for (const ChineseForms& forms : ChineseTerms(entry)) {
        auto text = [](const Term* term) {
          return term == nullptr ? std::string() : CollapseSpace(term->text);
        };
        chinese.push_back({{"simplified", text(forms.simplified)},
                           {"traditional", text(forms.traditional)},
                           {"pinyin", text(forms.pinyin)}});
      }
      item["chinese"] = std::move(chinese);
      for (std::string_view lang : {"de", "en"}) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        if (const LangSection* section = entry.Language(lang)) {
          for (const Term& term : section->terms)
            list.push_back({{"text", CollapseSpace(term.text)},
                            {"status", StatusName(term.status)}});
        }
        item[std::string(lang)] = std::move(list);
      }
      item["definition"] = {{"de", DefinitionIn(entry, "de")},
                            {"en", DefinitionIn(entry, "en")}};
      item["passages"] = index_.CountOf(i);
      item["background"] = entry.IsBackground();
      entries[entry.id] = std::move(item);
      for (const LangSection& section : entry.languages) {
        for (const Term& term : section.terms) {
          TermKeys keys = KeysOf(term.text, section.lang);
          terms.push_back({CollapseSpace(term.text), section.lang, entry.id,
                           keys.loose, keys.pinyin_toneless});
        }
      }
    }
    nlohmann::ordered_json data;
    data["entries"] = std::move(entries);
    data["terms"] = std::move(terms);
    data["simplified"] = SimplifiedMap();
    // JSON is a valid JavaScript expression. '<' only occurs inside JSON
    // strings; written as \u003c it cannot end a script or start a tag
    // even if this text were ever pasted into a page.
    std::string json = data.dump();
    std::string escaped;
    escaped.reserve(json.size());
    for (char c : json) {
      if (c == '<') {
        escaped += "\\u003c";
      } else {
        escaped += c;
      }
    }
    return "window.GLOSSA_DATA = " + escaped + ";\n";
  }

  const EditionIndex& index_;
  const Glossary& glossary_;
  const Document& document_;
  std::vector<std::string> files_;
  std::map<std::string, std::size_t> by_id_;
  std::set<int> pages_seen_;
  std::vector<Band> bands_;
};

}  // namespace

std::string EntryFileName(const Concept& concept_entry, std::size_t index) {
  const std::string& id = concept_entry.id;
  bool safe = !id.empty() && id.size() <= 100 && id[0] != '.';
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    safe = safe && ok;
  }
  return safe ? id : "entry-" + std::to_string(index + 1);
}

std::vector<SiteFile> BuildSite(const EditionIndex& index) {
  return SiteBuilder(index).Build();
}

}  // namespace glossa
