// The general dictionaries on the site (issues 15 and 16), internal to the
// site: what the report's words need of them, and the reading and meaning
// of each character of the glossary's Chinese terms, as scripts the page
// loads when they are first used (dict.js); and the characters' lines of
// an entry page, written into it from the same table. A site built
// without dictionaries has none of these files and no such lines.
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
#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
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

// Who made a dictionary, under which licence, and where it lives: what a
// licence line on the site shows ("CC-CEDICT, MDBG and the CC-CEDICT
// contributors · CC BY-SA 4.0 · https://cc-cedict.org/").
struct DictionaryCredit {
  std::string name;
  std::string by;
  std::string licence;
  std::string home;
};

// One reading of a character: the traditional character it is read for
// where that differs ("" else), the pinyin ("" when the dictionary has
// none) and its short meaning. A simplified character may stand for two
// traditional ones with meanings of their own: 征 is 征 "journey; trip;
// expedition" and 徵 "to invite; to recruit; to levy (taxes)".
struct CharacterReading {
  std::string traditional;
  std::string reading;
  std::string meaning;
};

// What the site says of one Han character of the glossary's terms: the
// dictionary it comes from (an index into CharacterTable::sources) and its
// readings.
struct CharacterInfo {
  std::size_t source = 0;
  std::vector<CharacterReading> readings;
};

// Every Han character of the glossary's simplified Chinese terms that a
// dictionary knows, computed once per site: assets/chars-data.js carries it
// for the popups (dict.js), and each entry page shows its headword's lines
// in its own markup (EntryCharacters), so that they are there at first
// paint and without the script. Empty without a Chinese dictionary.
struct CharacterTable {
  std::vector<DictionaryCredit> sources;
  std::map<std::string, CharacterInfo> chars;  // by character (UTF-8)
};

// Appends to `parent` the lines of the Han characters of `text` that
// `table` knows, each once, in order, as dict.js draws them in a popup,
// with the licence line of their dictionaries:
//   <div class="entry-chars"><ul class="chars" ...>
//     <li class="char-line" lang="zh-Hans"><span class="hans">信</span>
//       <span class="pinyin">xìn</span> <span class="char-meaning">letter;
//       mail; to trust</span></li>...</ul>
//   <p class="dict-licence">Zeichen: CC-CEDICT, ...</p></div>
// Appends nothing when it knows none of them: no empty box.
void EntryCharacters(pugi::xml_node parent, const CharacterTable& table,
                     std::string_view text);

// The files the dictionaries add to the site, for BuildSite:
//   assets/dict-data.js    window.GLOSSA_DICT_DATA: the report's words
//   assets/chars-data.js   window.GLOSSA_CHARS_DATA: the terms' characters
// and `flag`, the statement assets/data.js ends with so that the script
// knows the two files are there (window.GLOSSA_DICT). Empty (no files, no
// flag) when `dictionaries` is empty. The dictionaries must outlive the
// call. `characters` is the table chars-data.js is written from, for the
// entry pages (SiteContext::characters).
struct DictionarySiteFiles {
  std::vector<SiteFile> files;
  std::string flag;
  std::string notice;  // what NOTICE.txt adds: the dictionaries' licences
  CharacterTable characters;
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
