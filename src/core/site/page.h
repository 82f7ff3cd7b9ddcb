// The parts every page of the site shares, for site.cc and the page
// builders in this folder (internal to the site): what the builders know of
// the site, the skeleton of a page, and labels in both interface languages.
// Each page is built by one function from a SiteContext alone, so pages can
// be built in any order.

#ifndef GLOSSA_CORE_SITE_PAGE_H_
#define GLOSSA_CORE_SITE_PAGE_H_

#include <cstddef>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/edition_index.h"

namespace glossa::site {

// What every page builder reads: the index (glossary, report, passages)
// and the entry pages' file names. The index must outlive it.
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
};

// Appends a label in both interface languages; the style sheet shows the
// one the reader chose (html[data-ui]).
void Ui(pugi::xml_node parent, std::string_view german,
        std::string_view english);

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

// Adds the footer (the report's source and rights) and writes the page.
std::string FinishPage(Page& page, const Document& document);

// The pages and the script's data (each in its own file of this folder).
std::string ReportPage(const SiteContext& site);    // index.html
std::string GlossaryPage(const SiteContext& site);  // glossary.html
std::string EntryPage(const SiteContext& site, std::size_t entry);
std::string SiteData(const SiteContext& site);  // data.js

}  // namespace glossa::site

#endif  // GLOSSA_CORE_SITE_PAGE_H_
