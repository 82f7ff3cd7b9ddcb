#include "core/site/page.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/html.h"
#include "core/unicode.h"

namespace glossa::site {
namespace {

// Only the site's own files: no inline script or style, nothing remote.
// 'self' does not match file: URLs in every browser, so file: is named too;
// a page served over http cannot load file: URLs anyway.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self' file:; style-src 'self' file:; "
    "img-src 'self' file: data:; base-uri 'none'; form-action 'none'";

void Footer(pugi::xml_node body, const Document& document) {
  pugi::xml_node footer = El(body, "footer", {}, {{"class", "colophon"}});
  pugi::xml_node p = El(footer, "p");
  Ui(p, "Text des Berichts: ", "Report text: ");
  std::string cited = document.info.title;
  if (!document.info.series.empty()) cited += " (" + document.info.series + ")";
  AddText(p, cited);
  if (!document.info.rights.empty()) {
    // The edition's rights statement names its NOTICE; the site carries it
    // as NOTICE.txt (site.cc), so the name becomes a link to it.
    std::string_view rights = document.info.rights;
    std::size_t at = rights.find("NOTICE");
    AddText(p, ". " + std::string(rights.substr(0, at)));
    if (at != std::string_view::npos) {
      std::string root = body.parent().attribute("data-root").value();
      El(p, "a", "NOTICE", {{"href", root + "NOTICE.txt"}});
      AddText(p, rights.substr(at + 6));
    }
  }
  pugi::xml_node glossa = El(footer, "p");
  Ui(glossa, "Glossar, Definitionen und Anmerkungen: glossa. Erstellt mit ",
     "Glossary, definitions and notes: glossa. Built with ");
  El(glossa, "code", "glossa site");
  AddText(glossa, ".");
}

// What a search engine or a link preview shows of a page of kind `kind`
// (NewPage) titled `title`: in German, the language of every page's text.
std::string Description(std::string_view kind, std::string_view title,
                        const Document& document) {
  std::string report = "„" + document.info.title + "“";
  if (!document.info.series.empty())
    report += " (" + document.info.series + ")";
  if (kind == "report")
    return report +
           ", mit Glossar: jeder chinesische Fachbegriff im Text verlinkt, "
           "mit Übersetzungen und Definitionen auf Deutsch und Englisch.";
  if (kind == "glossary")
    return "Glossar zu " + report +
           ": die Begriffe auf Chinesisch mit Pinyin, Deutsch und Englisch, "
           "nach jeder der drei Sprachen geordnet.";
  if (kind == "entry")
    return std::string(title) +
           ": Übersetzungen, Definition und Stellen im Bericht „" +
           document.info.title + "“.";
  return std::string(title) + " – " + report + ", mit Glossar.";
}

// Whether a language tag is Chinese in characters ("zh", "zh-Hans",
// "zh-Hant"), not in letters ("zh-Latn-pinyin").
bool IsChineseInCharacters(std::string_view lang) {
  std::string tag = ToLower(lang);
  if (tag != "zh" && tag.rfind("zh-", 0) != 0) return false;
  return tag.rfind("zh-latn", 0) != 0;
}

// The language in effect at `node`: its nearest lang attribute.
std::string_view EffectiveLang(pugi::xml_node node) {
  for (; node; node = node.parent()) {
    pugi::xml_attribute lang = node.attribute("lang");
    if (lang) return lang.value();
  }
  return {};
}

// Characters that belong to a run of Chinese: Han and the punctuation
// written with it (IsCjk: "，", "。", "《", ...), and curly quotes.
bool InChineseRun(char32_t c) {
  return IsCjk(c) || c == U'“' || c == U'”' || c == U'‘' || c == U'’';
}

// Characters that a run of Chinese holds where Chinese stands on both sides.
bool InsideChinese(char32_t c) {
  return IsDigit(c) || c == U'—' || c == U'–' || c == U'-' || c == U'.' ||
         c == U'/' || c == U':' || c == U'%';
}

// `text` cut into pieces that alternate between other text and runs of
// Chinese (InChineseRun, with at least one Han character); the first piece
// is other text, possibly empty.
std::vector<std::string> SplitChinese(std::string_view text) {
  std::u32string points = CodePoints(text);
  std::vector<std::string> pieces(1);
  std::size_t at = 0;
  while (at < points.size()) {
    std::size_t end = at;
    while (end < points.size() && InChineseRun(points[end])) {
      ++end;
      // Digits and dashes between Chinese belong to it: "（2014—2020年）".
      std::size_t next = end;
      while (next < points.size() && InsideChinese(points[next])) ++next;
      if (next < points.size() && InChineseRun(points[next])) end = next;
    }
    std::string run = FromCodePoints(points.substr(at, end - at));
    if (end > at && ContainsHan(run)) {
      pieces.push_back(std::move(run));
      pieces.emplace_back();
      at = end;
    } else {
      if (end == at) ++end;
      pieces.back() += FromCodePoints(points.substr(at, end - at));
      at = end;
    }
  }
  return pieces;
}

// "zh-Hans" for a run that is its own simplified form, else "zh-Hant".
std::string_view ChineseTag(std::string_view run) {
  return ToSimplified(run) == run ? kSimplifiedChinese : kTraditionalChinese;
}

// Marks the runs of Chinese in the text node `text`, whose language in
// effect is not Chinese: its element gets the lang if the text is one run,
// the element's only child and the element has no lang; else each run is
// wrapped in <span lang>.
void MarkChinese(pugi::xml_node text) {
  std::vector<std::string> pieces = SplitChinese(text.value());
  if (pieces.size() == 1) return;
  pugi::xml_node parent = text.parent();
  if (pieces.size() == 3 && pieces[0].empty() && pieces[2].empty() &&
      !parent.attribute("lang") &&
      parent.first_child() == parent.last_child()) {
    SetAttribute(parent, "lang", ChineseTag(pieces[1]));
    return;
  }
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].empty()) continue;
    pugi::xml_node piece;
    if (i % 2 == 0) {
      piece = parent.insert_child_before(pugi::node_pcdata, text);
      piece.set_value(pieces[i].c_str());
    } else {
      piece = parent.insert_child_before("span", text);
      piece.append_attribute("lang") =
          std::string(ChineseTag(pieces[i])).c_str();
      piece.append_child(pugi::node_pcdata).set_value(pieces[i].c_str());
    }
  }
  parent.remove_child(text);
}

// Elements whose text cannot carry a lang of its own (no child elements
// allowed), or is not HTML's (SVG).
bool KeepsItsText(std::string_view name) {
  return name == "title" || name == "script" || name == "style" ||
         name == "option" || name == "textarea" || name == "svg";
}

void CollectForeignChinese(pugi::xml_node element,
                           std::vector<pugi::xml_node>* texts) {
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_element) {
      if (!KeepsItsText(child.name())) CollectForeignChinese(child, texts);
    } else if (child.type() == pugi::node_pcdata &&
               !IsChineseInCharacters(EffectiveLang(element)) &&
               ContainsHan(child.value())) {
      texts->push_back(child);
    }
  }
}

}  // namespace

void MarkChineseText(pugi::xml_node root) {
  std::vector<pugi::xml_node> texts;
  CollectForeignChinese(root, &texts);
  for (pugi::xml_node text : texts) MarkChinese(text);
}

SiteContext::SiteContext(const EditionIndex& index,
                         std::vector<std::string> files)
    : index(index),
      glossary(index.glossary()),
      document(index.document()),
      files(std::move(files)) {
  for (std::size_t i = 0; i < glossary.concepts.size(); ++i)
    by_id[glossary.concepts[i].id] = i;
}

std::string SiteContext::EntryHref(std::size_t entry,
                                   std::string_view root) const {
  return std::string(root) + "entries/" + files[entry] + ".html";
}

pugi::xml_node TermLink(const SiteContext& site, pugi::xml_node parent,
                        std::string_view text, std::size_t entry,
                        std::string_view root, std::string_view classes) {
  return El(parent, "a", text,
            {{"class", classes},
             {"href", site.EntryHref(entry, root)},
             {"data-entry", site.glossary.concepts[entry].id}});
}

void LinkedContent(const SiteContext& site, pugi::xml_node parent,
                   const Content& content, std::string_view root,
                   const SpanWriter& other) {
  const EditionBlock* block = site.index.BlockOf(content);
  std::vector<const Passage*> matches;  // the top-level ones
  if (block != nullptr) {
    for (const Passage& passage : site.index.PassagesIn(*block))
      if (passage.nested_in < 0) matches.push_back(&passage);
  }
  std::string_view text =
      block != nullptr ? std::string_view(block->text) : std::string_view();
  std::size_t offset = 0;
  std::size_t next = 0;  // the first match not yet written out
  for (const Span& span : content) {
    if (span.kind != Span::Kind::kText) {
      other(parent, span);
      continue;
    }
    const std::size_t begin = offset;
    const std::size_t end = offset + span.text.size();
    std::size_t at = begin;
    while (at < end) {
      while (next < matches.size() && matches[next]->block_end <= at) ++next;
      if (next == matches.size() || matches[next]->block_begin >= end) {
        AddText(parent, std::string_view(span.text).substr(at - begin));
        break;
      }
      const Passage& match = *matches[next];
      if (match.block_begin > at) {
        AddText(parent, text.substr(at, match.block_begin - at));
        at = match.block_begin;
      }
      std::size_t stop = std::min(end, match.block_end);
      TermLink(site, parent, text.substr(at, stop - at),
               static_cast<std::size_t>(match.entry), root);
      at = stop;
    }
    offset = end;
  }
}

// A label in both interface languages; the style sheet shows the one the
// reader chose (html[data-ui]).
void Ui(pugi::xml_node parent, std::string_view german,
        std::string_view english) {
  // A label names its language only where it differs from the one in
  // effect (most labels are German in a German page): ~5,600 pairs on the
  // site, 10 bytes each.
  std::string_view inherited = EffectiveLang(parent);
  for (auto [lang, text] :
       {std::pair{"de", german}, std::pair{"en", english}}) {
    pugi::xml_node span = El(parent, "span", text, {{"data-ui", lang}});
    if (inherited != lang) SetAttribute(span, "lang", lang);
  }
}

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
  pugi::xml_node body = El(html, "body");
  // The first stop of the tab key: past the bar (and the report's table of
  // contents) to the text. Hidden until focused (base.css).
  Ui(El(body, "a", {}, {{"class", "skip"}, {"href", "#main"}}), "Zum Text",
     "Skip to text");
  pugi::xml_node bar = El(body, "header", {}, {{"class", "bar"}});
  pugi::xml_node nav = El(bar, "nav", {}, {{"class", "site-nav"}});
  Ui(El(nav, "a", {}, {{"href", r + "index.html"}}), "Bericht", "Report");
  Ui(El(nav, "a", {}, {{"href", r + "glossary.html"}}), "Glossar", "Glossary");
  Ui(El(nav, "a", {}, {{"href", r + "study.html"}}), "Meine Begriffe",
     "My terms");
  // Search as an ARIA combobox (search.js): focus stays in the field and
  // aria-activedescendant names the option the arrow keys reached; the
  // list is a listbox; the status line, a polite live region, says how
  // much was found.
  pugi::xml_node search =
      El(bar, "form", {}, {{"class", "search"}, {"role", "search"}});
  pugi::xml_node label =
      El(search, "label", {}, {{"for", "search"}, {"id", "search-label"}});
  Ui(label, "Suche", "Search");
  El(search, "input", {},
     {{"id", "search"},
      {"type", "search"},
      {"role", "combobox"},
      {"aria-autocomplete", "list"},
      {"aria-expanded", "false"},
      {"aria-controls", "search-results"},
      {"autocomplete", "off"},
      {"spellcheck", "false"},
      {"placeholder", "征信 · zhengxin · Bonität · Ampel · credit"}});
  El(search, "ul", {},
     {{"id", "search-results"},
      {"class", "search-results"},
      {"role", "listbox"},
      {"aria-labelledby", "search-label"},
      {"hidden", ""}});
  El(search, "p", {},
     {{"id", "search-status"},
      {"class", "search-status"},
      {"role", "status"},
      {"aria-live", "polite"}});
  // The language switch and the font-size control are made by the script
  // (nav.js): they need it to work, so a page without it does not show
  // them, and the pages do not carry them.
  page.main = El(body, "main", {}, {{"id", "main"}});
  return page;
}

void AddDataScript(Page& page, std::string_view file) {
  pugi::xml_node html = page.document.child("html");
  const std::string root = html.attribute("data-root").value();
  pugi::xml_node head = html.child("head");
  pugi::xml_node script = head.insert_child_after(
      "script", head.find_child_by_attribute(
                    "script", "src", (root + "assets/glossa.js").c_str()));
  SetAttribute(script, "src", root + "assets/" + std::string(file));
  SetAttribute(script, "defer", "");
}

std::string FinishPage(Page& page, const Document& document) {
  pugi::xml_node html = page.document.child("html");
  pugi::xml_node viewport =
      html.child("head").find_child_by_attribute("meta", "name", "viewport");
  pugi::xml_node description =
      html.child("head").insert_child_after("meta", viewport);
  SetAttribute(description, "name", "description");
  SetAttribute(description, "content",
               Description(html.attribute("data-page").value(),
                           html.child("head").child_value("title"), document));
  pugi::xml_node body = html.child("body");
  // The popups' data (data.js, ~170 KiB) only where there are popups: a
  // page with term links (a.term, popup.js). The index, the entries and
  // "my terms" have none, and would otherwise load it for nothing.
  if (body.select_node("//a[contains(concat(' ', @class, ' '), ' term ')]"))
    AddDataScript(page, "data.js");
  Footer(body, document);
  MarkChineseText(body);
  return WriteHtml(page.document);
}

}  // namespace glossa::site
