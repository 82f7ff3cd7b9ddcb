// The general dictionaries on the site (issues 15 and 16), internal to the
// site: what the report's words need of them, and the reading and meaning
// of each character of the glossary's Chinese terms, as scripts the page
// loads when they are first used (dict.js). A site built without
// dictionaries has none of these files and is as it always was.
//
// Only what a popup shows is carried, so the site stays light: the words of
// the edition's text (report and footnotes) that MarkWords marks around the
// glossary's own matches, each with at most kEntriesPerWord entries, each
// cut to what a popup shows (kSensesPerEntry, kSubEntriesPerEntry,
// kSenseBytes). The format of the data is written once, in
// dict_data.cc's comments, and read by src/assets/js/dict.js alone.

#ifndef GLOSSA_CORE_SITE_DICT_DATA_H_
#define GLOSSA_CORE_SITE_DICT_DATA_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/dictionary.h"
#include "core/file_io.h"
#include "core/site/page.h"

namespace glossa::site {

// How much of a dictionary's answer a popup shows: the first entries (the
// dictionary's order, those headed by the word first) and, of each, the
// first glosses of a CC-CEDICT entry, or the first sub-entries of a Ding
// line (the later ones are mostly its inflected forms and phrases; the
// popup says how many more there are).
inline constexpr std::size_t kEntriesPerWord = 3;
inline constexpr std::size_t kSensesPerEntry = 3;
inline constexpr std::size_t kSubEntriesPerEntry = 1;
// A sense longer than this many bytes is cut after its last "; "-separated
// item that fits.
inline constexpr std::size_t kSenseBytes = 100;

// The files the dictionaries add to the site, for BuildSite:
//   assets/dict-data.js    window.GLOSSA_DICT_DATA: the report's words
//   assets/chars-data.js   window.GLOSSA_CHARS_DATA: the terms' characters
// and `flag`, the statement assets/data.js ends with so that the script
// knows the two files are there (window.GLOSSA_DICT). Empty (no files, no
// flag) when `dictionaries` is empty. The dictionaries must outlive the
// call.
struct DictionarySiteFiles {
  std::vector<SiteFile> files;
  std::string flag;
  std::string notice;  // what NOTICE.txt adds: the dictionaries' licences
};
DictionarySiteFiles DictionaryFiles(
    const SiteContext& site,
    const std::vector<const Dictionary*>& dictionaries);

// The order the site looks words up in: the dictionaries that have the
// edition's language (`lang`, judged by their first entry) first, the
// others after, each group in the order given. So a German report's words
// go to Ding before CC-CEDICT's English glosses can claim „Rot“ as "rot";
// Chinese is segmented over all of them alike.
std::vector<const Dictionary*> WordOrder(
    const std::vector<const Dictionary*>& dictionaries, std::string_view lang);

}  // namespace glossa::site

#endif  // GLOSSA_CORE_SITE_DICT_DATA_H_
