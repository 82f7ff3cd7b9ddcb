#include "core/site.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/site/dict_data.h"
#include "core/site/page.h"
#include "core/site_assets.h"

namespace glossa {

namespace {

bool IsSafeFileName(std::string_view id) {
  if (id.empty() || id.size() > 100 || id[0] == '.') return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

}  // namespace

std::vector<std::string> EntryFileNames(const Glossary& glossary) {
  const Concepts& entries = glossary.concepts;
  // Safe ids claim their names first, so an entry called "entry-2" keeps its
  // name and the unsafe id at position 2 moves on to a free one.
  std::vector<std::string> names(entries.size());
  std::set<std::string> taken;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (IsSafeFileName(entries[i].id) &&
        taken.insert(AsciiLower(entries[i].id)).second)
      names[i] = entries[i].id;
  }
  std::size_t next = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!names[i].empty()) continue;
    for (std::size_t n = std::max(next, i + 1);; ++n) {
      std::string name = "entry-" + std::to_string(n);
      if (taken.insert(name).second) {
        names[i] = std::move(name);
        next = n + 1;
        break;
      }
    }
  }
  return names;
}

std::vector<SiteFile> BuildSite(
    const EditionIndex& index, const Translation* translation,
    const std::vector<const Dictionary*>& dictionaries) {
  site::SiteContext site(index, EntryFileNames(index.glossary()));
  site.translation = translation;
  // Made first: entry pages show their characters.
  site::DictionarySiteFiles dictionary =
      site::DictionaryFiles(site, dictionaries);
  site.characters = &dictionary.characters;
  std::vector<SiteFile> out;
  out.push_back({"index.html", site::ReportPage(site)});
  if (translation != nullptr)
    out.push_back({"translation.html", site::TranslationPage(site)});
  out.push_back({"glossary.html", site::GlossaryPage(site)});
  out.push_back({"study.html", site::StudyPage(site)});
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i)
    out.push_back(
        {"entries/" + site.files[i] + ".html", site::EntryPage(site, i)});
  out.push_back({"assets/glossa.css", std::string(kGlossaCss)});
  out.push_back({"assets/glossa.js", std::string(kGlossaJs)});
  out.push_back({"assets/data.js", site::SiteData(site) + dictionary.flag});
  out.push_back({"assets/search-data.js", site::SearchData(site)});
  out.push_back({"assets/study-data.js", site::StudyData(site)});
  out.push_back({"assets/export-data.js", site::ExportData(site)});
  for (SiteFile& file : dictionary.files) out.push_back(std::move(file));
  // Plain text, named .txt so that a browser shows it as text from file://
  // and from any server; a bare NOTICE may be offered as a download.
  out.push_back({"NOTICE.txt", std::string(kGlossaNotice) + dictionary.notice});
  return out;
}

}  // namespace glossa
