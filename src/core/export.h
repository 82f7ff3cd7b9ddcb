// Exports of the glossary for the tools translators and students use, each
// written for the languages the user chooses. Which tool reads which format,
// and how, is in the README ("glossa export").
//
//   ExportOptions options;  // de -> en, every language, zh-CN / zh-TW
//   std::string tsv = WriteOmegaTsv(glossary, options);
//
// Chinese. The glossary holds Chinese in three parallel sections (glossary.h:
// zh-Hans, zh-Hant, zh-Latn-pinyin). An export names the language "zh" for
// all three: the simplified term is the term, the traditional one its
// counterpart, the pinyin a reading shown beside it, never a term of its
// own. Matching forms (termType variant: inflected forms the report prints)
// may trigger a match as source terms but are never offered as targets, and
// deprecated and superseded terms are never offered as targets.

#ifndef GLOSSA_CORE_EXPORT_H_
#define GLOSSA_CORE_EXPORT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/glossary.h"
#include "core/passages.h"

namespace glossa {

class EditionIndex;

struct ExportOptions {
  // tsv, anki: one direction, each "de", "en" or "zh" (Chinese: simplified,
  // traditional and pinyin together).
  std::string source = "de";
  std::string target = "en";
  // tbx2008, csv, stardict: the languages to write ("de", "en", "zh");
  // empty means every language of the glossary.
  std::vector<std::string> languages;
  // tbx2008, csv: how Chinese is tagged for CAT tools: kRegion writes zh-CN
  // (simplified) and zh-TW (traditional), what memoQ, Trados and OmegaT
  // expect; kScript writes zh-Hans and zh-Hant.
  enum class ChineseTags { kRegion, kScript };
  ChineseTags chinese_tags = ChineseTags::kRegion;
};

// TBX-Basic in the TBX 2008 <martif> layout (LISA, 2009): what OmegaT,
// translate-toolkit and CAT tools that predate TBX v3 read. Valid against
// TBXBasicRNGV02.rng.
std::string WriteTbx2008(const Glossary& glossary,
                         const ExportOptions& options);

// OmegaT's glossary: UTF-8, three tab-separated columns (source term, target
// term, comment), no header row.
std::string WriteOmegaTsv(const Glossary& glossary,
                          const ExportOptions& options);

// A spreadsheet for memoQ, MultiTerm Convert, Phrase and Matecat: a header
// row of language codes, one row per concept and, after it, a row per term
// to avoid, flagged TRUE in the first column ("Forbidden", Matecat's
// convention); RFC 4180 quoting.
std::string WriteCsv(const Glossary& glossary, const ExportOptions& options);

// WriteCsv's file in parts, for a view that writes the rows of some entries
// only (the site's "my terms" export): the file is `head`, then the rows of
// the entries written, in the glossary's order.
struct CsvParts {
  std::string head;  // the byte order mark and the header row, CRLF-ended
  // By entry (as glossary.concepts): its row and its rows of terms to avoid,
  // each CRLF-ended; "" for an entry with no term in the languages asked.
  std::vector<std::string> rows;
};
CsvParts CsvPartsOf(const Glossary& glossary, const ExportOptions& options);

// A StarDict dictionary named `name`: the files (name.ifo, name.idx,
// name.dict) with their contents, for a folder. One plain-text article per
// concept (sametypesequence=m, .dict not dictzipped), under its simplified
// Chinese term (else its term in the first language); every other term,
// traditional form and pinyin (with and without tones) is another word of
// the .idx that points at the same article. No .syn (stardict.cc says why).
std::vector<std::pair<std::string, std::string>> WriteStarDict(
    const Glossary& glossary, const ExportOptions& options,
    const std::string& name);
// The files a StarDict reader adds beside the dictionary `name` from it
// alone: sdcv's offset cache NAME.idx.oft, written the first time it opens
// the folder. A new export may replace them (WriteDirectoryAtomically).
std::vector<std::string> StarDictReaderCaches(const std::string& name);

// Anki's text import (with its #-headers): one note per concept, the report's
// sentence as context when `edition` is given (else none). A note of Anki's
// built-in type "Basic": Front is the term of `options.source`, Back the
// term of `options.target` and the rest (anki_export.cc), then the tags.
// `edition`, if given, must have been built on `glossary`.
std::string WriteAnkiText(const Glossary& glossary, const EditionIndex* edition,
                          const ExportOptions& options);

// WriteAnkiText's file in parts, as CsvParts: the file is `head`, then the
// notes of the entries written, in the glossary's order, each followed by
// "\n".
struct AnkiParts {
  std::string head;                // the #-headers, each "\n"-ended
  std::vector<std::string> notes;  // by entry: its note, one line, no "\n"
};
AnkiParts AnkiPartsOf(const Glossary& glossary, const EditionIndex* edition,
                      const ExportOptions& options);

// The report's sentence a student learns entry `entry` by (the Anki note's
// context, the site's flashcard cue): the entry's first key passage that
// resolves, else the first place it stands; nullopt when it has neither.
struct StudySentence {
  std::string text;  // white space collapsed, a long one cut (ShowSentence)
  Locator locator;   // where it stands; locator.node is its block's id
};
std::optional<StudySentence> StudySentenceOf(const EditionIndex& edition,
                                             std::size_t entry);

}  // namespace glossa

#endif  // GLOSSA_CORE_EXPORT_H_
