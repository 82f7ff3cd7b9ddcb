#include "core/site.h"

#include <string>
#include <utility>
#include <vector>

#include "core/site/page.h"
#include "core/site_assets.h"

namespace glossa {

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
  std::vector<std::string> files;
  for (std::size_t i = 0; i < index.glossary().concepts.size(); ++i)
    files.push_back(EntryFileName(index.glossary().concepts[i], i));
  const site::SiteContext site(index, std::move(files));
  std::vector<SiteFile> out;
  out.push_back({"index.html", site::ReportPage(site)});
  out.push_back({"glossary.html", site::GlossaryPage(site)});
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i)
    out.push_back(
        {"entries/" + site.files[i] + ".html", site::EntryPage(site, i)});
  out.push_back({"assets/glossa.css", std::string(kGlossaCss)});
  out.push_back({"assets/glossa.js", std::string(kGlossaJs)});
  out.push_back({"assets/data.js", site::SiteData(site)});
  return out;
}

}  // namespace glossa
