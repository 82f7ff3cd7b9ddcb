// The parts every page of the site shares, for site.cc and the page
// builders in this folder (internal to the site): what the builders know of
// the site, the skeleton of a page, and labels in both interface languages.
// Each page is built by one function from a SiteContext alone, so pages can
// be built in any order.

#ifndef GLOSSA_CORE_SITE_PAGE_H_
#define GLOSSA_CORE_SITE_PAGE_H_

#include <cstddef>
#include <functional>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/edition_index.h"
#include "core/translation.h"

namespace glossa::site {

struct CharacterTable;  // dict_data.h

// What every page builder reads: the index (glossary, report, passages),
// the entry pages' file names and the translation, if any. The index and
// the translation must outlive it.
struct SiteContext {
  // `files` names each entry's page (EntryFileNames, site.h), by entry.
  SiteContext(const EditionIndex& index, std::vector<std::string> files);
  // The link from a page `root` away from the site's folder ("" or "../")
  // to the page of entry `entry`.
  std::string EntryHref(std::size_t entry, std::string_view root) const;

  const EditionIndex& index;
  const Glossary& glossary;
  const Document& document;
  std::vector<std::string> files;            // EntryFileNames, by entry
  std::map<std::string, std::size_t> by_id;  // entry index, by id
  const Translation* translation = nullptr;  // translation.html's, or none
  // The characters of the glossary's Chinese terms as the general
  // dictionaries give them (dict_data.h), which entry pages show under
  // their heading; none without dictionaries. Must outlive the context.
  const CharacterTable* characters = nullptr;
};

// Appends a label in both interface languages; the style sheet shows the
// one the reader chose (html[data-ui]). Each span carries lang only where
// the language in effect at `parent` is another: build the label where it
// stays (a label moved to a part in another language would be mislabelled).
void Ui(pugi::xml_node parent, std::string_view german,
        std::string_view english);

// Appends a link to entry `entry`'s page around `text`, as every page links
// a term and the script finds it for its popup: <a class="term"
// href="ROOTentries/ID.html" data-entry="ID">; `classes` replaces "term"
// ("term deprecated"). Returns the link.
pugi::xml_node TermLink(const SiteContext& site, pugi::xml_node parent,
                        std::string_view text, std::size_t entry,
                        std::string_view root,
                        std::string_view classes = "term");

// What a page writes for a footnote call or a page break (Span::kNoteCall,
// Span::kPageBreak) where it stands in a block's content.
using SpanWriter = std::function<void(pugi::xml_node parent, const Span&)>;

// Appends `content`, a block's content in the index's Document, with its
// terms linked (TermLink) where the index's top-level passages in the block
// stand, and hands each footnote call and page break to `other`. A term
// split by one is linked in both halves. Content the index holds no block
// for (no text) gets its spans written, unlinked.
void LinkedContent(const SiteContext& site, pugi::xml_node parent,
                   const Content& content, std::string_view root,
                   const SpanWriter& other);

// A page of the site: the document, and the element content goes into.
struct Page {
  pugi::xml_document document;
  pugi::xml_node main;
};

// The skeleton every page shares: the head with the policy, the bar with
// the links, search and the language switch. `root` leads from the page to
// the site's folder ("" or "../"); `kind` names the page for the script.
Page NewPage(std::string_view title, std::string_view root,
             std::string_view content_lang, std::string_view kind);

// Marks every run of Chinese characters under `root` that stands in text of
// another language (the nearest lang attribute is not zh-Hans, zh-Hant or
// zh): the run, with the CJK punctuation and curly quotes around it, is
// wrapped in <span lang="zh-Hans"> ("zh-Hant" if ToSimplified changes it);
// a text that is one run alone in an element without lang gives its element
// the lang instead. <title>, <script>, <style>, <option>, <textarea> and SVG
// are left alone, as are attribute values, which cannot carry a language.
//   <p lang="de">Der Begriff 信用 ist</p>
//   -> <p lang="de">Der Begriff <span lang="zh-Hans">信用</span> ist</p>
void MarkChineseText(pugi::xml_node root);

// Adds <script src="ROOTassets/FILE" defer> after glossa.js, ROOT being
// the page's data-root: a data file the page's script reads at start.
void AddDataScript(Page& page, std::string_view file);

// Adds the footer (the report's source and rights), marks the Chinese in
// it (MarkChineseText) and writes the page.
std::string FinishPage(Page& page, const Document& document);

// The pages and the script's data (each in its own file of this folder).
std::string ReportPage(const SiteContext& site);    // index.html
std::string GlossaryPage(const SiteContext& site);  // glossary.html
// translation.html; site.translation must be set.
std::string TranslationPage(const SiteContext& site);
std::string EntryPage(const SiteContext& site, std::size_t entry);
std::string SiteData(const SiteContext& site);    // data.js
std::string SearchData(const SiteContext& site);  // search-data.js
std::string StudyPage(const SiteContext& site);   // study.html
std::string StudyData(const SiteContext& site);   // study-data.js
std::string ExportData(const SiteContext& site);  // export-data.js

// A script that sets window.<variable> to `json`, with every '<' written as
// \u003c, so that no text in the data can end a script or start a tag:
// DataScript("GLOSSA_DATA", "{\"a\":\"</script>\"}") ==
// "window.GLOSSA_DATA = {\"a\":\"\\u003c/script>\"};\n".
std::string DataScript(std::string_view variable, std::string_view json);

}  // namespace glossa::site

#endif  // GLOSSA_CORE_SITE_PAGE_H_
