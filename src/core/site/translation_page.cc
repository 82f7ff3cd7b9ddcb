// translation.html: the report and a translation of it side by side, one
// row per block that has a translated sentence. The German side is linked
// as the report page links it (LinkedContent); the target side shows the
// facts of the Translation (translation.h: TranslationOf): its terms, the
// deprecated renderings qa found, and each finding after its sentence. The
// page computes none of them, so it agrees with `glossa read --translation`
// and `glossa qa`.

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/html.h"
#include "core/passages.h"
#include "core/site/page.h"

namespace glossa::site {
namespace {

std::string FindingId(std::size_t problem) {
  return "qa-" + std::to_string(problem);
}

std::string UnitId(std::string_view unit) { return "u-" + std::string(unit); }

std::string SourceLang(const Document& document) {
  return document.info.language.empty() ? "de" : document.info.language;
}

std::string_view KindClass(QaKind kind) {
  switch (kind) {
    case QaKind::kMissing:
      return "finding finding-missing";
    case QaKind::kDeprecated:
      return "finding finding-deprecated";
    case QaKind::kInconsistent:
      break;
  }
  return "finding finding-inconsistent";
}

// A finding: a sign and a word for its kind, so that neither colour nor a
// tooltip alone says what it is, then qa's message (in English, as `glossa
// qa` prints it).
void Finding(pugi::xml_node parent, const QaProblem& problem) {
  pugi::xml_node label = El(parent, "span", {}, {{"class", "qa-label"}});
  El(label, "span", "⚠", {{"class", "qa-sign"}, {"aria-hidden", "true"}});
  AddText(label, " ");
  switch (problem.kind) {
    case QaKind::kMissing:
      Ui(label, "Begriff fehlt:", "Missing term:");
      break;
    case QaKind::kDeprecated:
      Ui(label, "Zu vermeiden:", "Deprecated:");
      break;
    case QaKind::kInconsistent:
      Ui(label, "Uneinheitlich:", "Inconsistent:");
      break;
  }
  AddText(parent, " ");
  El(parent, "span", problem.message,
     {{"class", "qa-message"}, {"lang", "en"}});
}

void Header(const SiteContext& site, pugi::xml_node article) {
  const Translation& translation = *site.translation;
  pugi::xml_node header = El(article, "header");
  Ui(El(header, "h1"), "Der Bericht und seine Übersetzung",
     "The report and its translation");
  El(header, "p", site.document.info.title,
     {{"class", "subtitle"}, {"lang", SourceLang(site.document)}});
  const std::string n = std::to_string(translation.translated_units);
  const std::string m = std::to_string(translation.units.size());
  const std::size_t findings = translation.qa.problems.size();
  const std::string k = std::to_string(findings);
  pugi::xml_node summary = El(header, "p", {}, {{"class", "summary"}});
  Ui(summary,
     n + " von " + m + " Sätzen übersetzt, " + k +
         (findings == 1 ? " QA-Befund" : " QA-Befunde"),
     n + " of " + m + " sentences translated, " + k +
         (findings == 1 ? " qa finding" : " qa findings"));
  // The file's name without its folders, which mean nothing to a reader of
  // a published site.
  std::string_view file = translation.file;
  AddText(summary, " · ");
  El(summary, "code", file.substr(file.find_last_of("/\\") + 1));
  AddText(summary, " · ");
  Ui(summary, "Zielsprache ", "target language ");
  El(summary, "code", translation.target_lang);
}

// The findings about the whole file (a concept rendered several ways), each
// with a link to the sentence where it is first seen.
void FileFindings(pugi::xml_node article, const Translation& translation) {
  pugi::xml_node list;
  for (std::size_t p = 0; p < translation.qa.problems.size(); ++p) {
    const QaProblem& problem = translation.qa.problems[p];
    if (problem.kind != QaKind::kInconsistent) continue;
    if (!list) {
      pugi::xml_node section =
          El(article, "section", {},
             {{"class", "file-findings"}, {"aria-labelledby", "file-wide"}});
      Ui(El(section, "h2", {}, {{"id", "file-wide"}}),
         "Befunde zur ganzen Datei", "Findings across the file");
      list = El(section, "ul");
    }
    pugi::xml_node item =
        El(list, "li", {},
           {{"class", KindClass(problem.kind)}, {"id", FindingId(p)}});
    Finding(item, problem);
    AddText(item, " ");
    pugi::xml_node first =
        El(item, "a", {}, {{"href", "#" + UnitId(problem.segment)}});
    Ui(first, "zuerst in " + problem.segment, "first in " + problem.segment);
  }
}

// Writes text[begin, end) of a block's translation with its terms linked;
// a term the range cuts is linked in the piece inside it.
void TargetText(const SiteContext& site, pugi::xml_node parent,
                const BlockTranslation& block, std::size_t begin,
                std::size_t end) {
  std::string_view text = block.text;
  std::size_t at = begin;
  for (const FoundTerm& term : block.terms) {
    if (term.end <= at || term.begin >= end) continue;
    std::size_t from = std::max(at, term.begin);
    std::size_t to = std::min(end, term.end);
    AddText(parent, text.substr(at, from - at));
    TermLink(site, parent, text.substr(from, to - from), term.entry, "",
             term.deprecated ? "term deprecated" : "term");
    at = to;
  }
  AddText(parent, text.substr(at, end - at));
}

// One translated sentence, its deprecated renderings marked (one mark for
// a rendering deprecated for several concepts), then a note for each of its
// findings.
void Sentence(const SiteContext& site, pugi::xml_node parent,
              const BlockTranslation& block,
              const BlockTranslation::Part& part) {
  const Translation& translation = *site.translation;
  pugi::xml_node unit =
      El(parent, "span", {},
         {{"class", "unit"}, {"id", UnitId(translation.units[part.unit].id)}});
  std::size_t at = part.begin;
  for (const BlockTranslation::Mark& mark : block.marks) {
    if (mark.end <= at || mark.begin >= part.end) continue;
    const std::size_t from = std::max(at, mark.begin);
    std::string ids, messages;
    for (const BlockTranslation::Mark& same : block.marks) {
      if (same.begin != mark.begin || same.end != mark.end) continue;
      ids += (ids.empty() ? "" : " ") + FindingId(same.problem);
      messages += (messages.empty() ? "" : "\n") +
                  translation.qa.problems[same.problem].message;
    }
    TargetText(site, unit, block, at, from);
    pugi::xml_node marked = El(unit, "mark", {},
                               {{"class", "qa qa-deprecated"},
                                {"title", messages},
                                {"aria-describedby", ids}});
    TargetText(site, marked, block, from, mark.end);
    at = mark.end;
  }
  TargetText(site, unit, block, at, part.end);
  for (std::size_t p : translation.translated[part.unit].problems) {
    const QaProblem& problem = translation.qa.problems[p];
    Finding(El(parent, "span", {},
               {{"class", KindClass(problem.kind)},
                {"id", FindingId(p)},
                {"role", "note"}}),
            problem);
  }
}

void SourceSide(const SiteContext& site, pugi::xml_node row,
                const EditionBlock& block) {
  const std::string lang = SourceLang(site.document);
  pugi::xml_node side =
      El(row, "div", {}, {{"class", "side source"}, {"lang", lang}});
  El(side, "span", lang, {{"class", "side-lang"}});
  pugi::xml_node text = El(side, "p");
  if (block.content == nullptr) {
    AddText(text, block.text);
    return;
  }
  // Footnote calls lead to the note in the report; the row's locator gives
  // the page.
  LinkedContent(
      site, text, *block.content, "", [](pugi::xml_node at, const Span& span) {
        if (span.kind != Span::Kind::kNoteCall) return;
        std::string n = std::to_string(span.number);
        El(El(at, "sup", {}, {{"class", "fn-call"}}), "a", n,
           {{"href", "index.html#fn" + n}, {"aria-label", "Anmerkung " + n}});
      });
}

void TargetSide(const SiteContext& site, pugi::xml_node row,
                const BlockTranslation& block) {
  const std::string& lang = site.translation->target_lang;
  pugi::xml_node side =
      El(row, "div", {}, {{"class", "side target"}, {"lang", lang}});
  El(side, "span", lang, {{"class", "side-lang"}});
  pugi::xml_node text = El(side, "p");
  std::size_t at = 0;
  for (const BlockTranslation::Part& part : block.parts) {
    AddText(text, std::string_view(block.text).substr(at, part.begin - at));
    Sentence(site, text, block, part);
    at = part.end;
  }
  if (block.parts.size() == block.units) return;
  const std::string missing = std::to_string(block.units - block.parts.size());
  const std::string all = std::to_string(block.units);
  Ui(El(side, "p", {}, {{"class", "untranslated"}}),
     missing + " von " + all + " Sätzen nicht übersetzt",
     missing + " of " + all + " sentences not translated");
}

// A block and its translation. The row is named by the block's id, or by
// its first translated sentence's where an earlier row has the block's id
// (the paragraphs of a sidebar carry the sidebar's).
void Row(const SiteContext& site, pugi::xml_node rows,
         const EditionBlock& block, const BlockTranslation& target,
         std::set<std::string>* ids) {
  const std::string& node = block.locator.node;
  const std::string id = !node.empty() && ids->insert(node).second
                             ? node
                             : site.translation->units[target.parts[0].unit].id;
  pugi::xml_node row = El(rows, "div", {}, {{"class", "pair"}, {"id", id}});
  pugi::xml_node where = El(row, "p", {}, {{"class", "locator"}});
  if (node.empty()) {
    AddText(where, FormatLocator(block.locator));
  } else {
    El(where, "a", FormatLocator(block.locator) + " · " + node,
       {{"href", "index.html#" + node}});
  }
  SourceSide(site, row, block);
  TargetSide(site, row, target);
}

}  // namespace

std::string TranslationPage(const SiteContext& site) {
  const Translation& translation = *site.translation;
  Page page = NewPage("Übersetzung / translation (" + translation.target_lang +
                          "): " + site.document.info.title,
                      "", SourceLang(site.document), "translation");
  SetAttribute(page.main, "class", "wide");
  pugi::xml_node article =
      El(page.main, "article", {}, {{"class", "translation"}});
  Header(site, article);
  FileFindings(article, translation);
  pugi::xml_node rows = El(article, "div", {}, {{"class", "pairs"}});
  std::set<std::string> ids;
  for (std::size_t b = 0; b < site.index.blocks().size(); ++b) {
    BlockTranslation target = TranslationOf(translation, b);
    if (!target.parts.empty())
      Row(site, rows, site.index.blocks()[b], target, &ids);
  }
  return FinishPage(page, site.document);
}

}  // namespace glossa::site
