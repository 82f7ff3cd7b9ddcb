// The reader as a static web site: the report with every glossary term
// linked, an index of the entries in German, English and pinyin order, a
// page per entry with every passage, and search — all files, no server.
//
// BuildSite() makes every file in memory; WriteSite() (file_io.h's
// WriteDirectoryAtomically) puts them in place. The pages are built as
// trees (html.h), so nothing from the glossary or the document reaches the
// page unescaped, and each carries a Content-Security-Policy that allows
// only the site's own script and style files. The script reads the data it
// needs from scripts written here, because a page opened from disk (file://)
// may not fetch JSON: assets/data.js (popups) on every page,
// assets/search-data.js (search) only once the reader starts searching,
// and with general dictionaries assets/dict-data.js and chars-data.js only
// once a word or a term's characters are first shown.
//
//   std::vector<SiteFile> files = BuildSite(EditionIndex(glossary, document));
//   WriteDirectoryAtomically("site", files, &error);

#ifndef GLOSSA_CORE_SITE_H_
#define GLOSSA_CORE_SITE_H_

#include <string>
#include <vector>

#include "core/dictionary.h"
#include "core/edition_index.h"
#include "core/file_io.h"
#include "core/glossary.h"
#include "core/translation.h"

namespace glossa {

// The site's files, paths relative to its folder: index.html (the report),
// glossary.html (the index), entries/<id>.html, assets/glossa.css,
// assets/glossa.js, assets/data.js, assets/search-data.js, and NOTICE.txt (the
// built-in data's NOTICE, compiled in, whatever `index` holds). Every fact
// about where an entry stands in the report (the linked terms, the passages,
// the key passages, the counts) comes from `index`.
//
// With `translation` (a translation of the same edition, translation.h;
// must outlive the call), the site also has translation.html: the report
// and the translation side by side, block by block, with the qa findings
// marked; index.html links to it. Without, the site is as it always was.
//
// With `dictionaries` (general dictionaries, dictionary.h; they must
// outlive the call), any word of the report that is not a term can be
// looked up too: the site also has assets/dict-data.js (the entries the
// report's words need) and assets/chars-data.js (reading and meaning of
// each character of the glossary's Chinese terms), data.js says so, and
// NOTICE.txt names the dictionaries' licences. Without, not a byte
// changes.
std::vector<SiteFile> BuildSite(
    const EditionIndex& index, const Translation* translation = nullptr,
    const std::vector<const Dictionary*>& dictionaries = {});

// The file names (without ".html") of the entries' pages, by entry, all
// different even on a file system that ignores case: an entry's id when
// that is a safe file name (letters, digits, '-', '_', '.', not starting
// with '.', at most 100 bytes) and no earlier entry's name already takes it
// (compared in ASCII lower case), else "entry-<n>" with n the entry's
// position in the glossary, from 1, or the next n that is free.
std::vector<std::string> EntryFileNames(const Glossary& glossary);

}  // namespace glossa

#endif  // GLOSSA_CORE_SITE_H_
