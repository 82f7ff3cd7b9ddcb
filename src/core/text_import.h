// Importing plain text extracted from a PDF into a structured Document.
//
// PDF extraction leaves a text full of defects: words split over line
// breaks with and without hyphens, ligatures lost as U+FFFD, CJK words
// split by line breaks or stray spaces, margin quotes and figure text mixed
// into the body, footnote numbers glued to words. The importer repairs what
// it can decide from evidence, and reports what it could not:
//
//   - Pages: a line that begins with exactly one space starts a page.
//   - Split words: a line break without a trailing space inside a word is
//     joined ("Verhal" + "ten"); a hyphen at a line end is dropped when the
//     joined word is a word ("umge-" + "setzt") and kept when it is part of
//     a compound written with hyphens ("Big-Data-" + "gestützte"). The
//     judge is a Vocabulary: a German word list plus the words of the
//     document itself (those inside lines, never split).
//   - Lost ligatures: U+FFFD inside a word becomes the ligature (ff, fi, fl,
//     ffi, ffl) that makes it a word; elsewhere (bullets, footnote markers)
//     it is removed.
//   - CJK: no space or line break survives between two CJK characters.
//   - Footnote calls: a number glued to a word or sentence ("beeinflusst.2",
//     "(征信), 9 sondern") is a call when it is the next footnote in order.
//   - Structure: numbered sections "1." and subsections "2.1", run-in
//     headings ("Kritikpunkt 1: ..."), numbered list items "1)", bulleted
//     key findings, footnotes "N |", figure labels ("Abbildung 3"), figure
//     sources ("Quelle: ..."), pull quotes (blocks of short lines in the
//     margin), sidebars (a heading in capitals), and the title. Floating
//     material is taken out of the paragraph it interrupts and placed after
//     it, so no sentence is broken by it.
//
// What the heuristics get wrong is fixed in a corrections file (see
// ImportOptions::corrections); it is applied before them.
//
// ImportText is a pipeline of stages, each a function from a value to a
// value in src/core/import/: corrections.h (the corrections file), lines.h
// (lines, page starts, replacements), join.h (line repair, and how lines
// join), layout.h (blocks, roles, floats), assemble.h (the document tree),
// note_calls.h (footnote calls), ids.h (ids) and unrecognised.h (warnings
// for what was not found). Each stage is linear in its input.
//
//   Vocabulary words;
//   words.AddWordList(word_list);  // e.g. /usr/share/dict/ngerman
//   ImportOptions options;
//   options.name = "report.txt";
//   options.vocabulary = &words;
//   Document document;
//   if (ImportText(text, options, diags, &document))
//     std::string tei = WriteTei(document);

#ifndef GLOSSA_CORE_TEXT_IMPORT_H_
#define GLOSSA_CORE_TEXT_IMPORT_H_

#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/vocabulary.h"

namespace glossa {

struct ImportOptions {
  // The name of the input, for messages and the edition's header.
  std::string name;
  // The word list(s) to judge words with; the importer adds the document's
  // own words to a copy. Must not be null.
  const Vocabulary* vocabulary = nullptr;
  // The contents and name of a corrections file; empty for none.
  //
  // One directive per line; "#" starts a comment. LINES is N or N-M, input
  // lines counted from 1, each at most 999999999 (import::kMaxLineNumber):
  //   LINES title          the document's title (first line) and subtitle
  //   LINES figure [N]     these lines are one figure, number N
  //   LINES caption N      these lines belong to figure N's caption
  //   LINES quote          a pull quote
  //   LINES sidebar        a sidebar: its first line is its heading
  //   LINES body           body text, whatever the heuristics think
  //   replace N "A" "B"    replace the text A by B on input line N
  //   meta KEY "VALUE"     the bibliographic record the text lacks: author
  //                        (repeatable), series, publisher, language,
  //                        original-title, original-date, rights, note
  //                        (repeatable: what is uncertain about the record)
  std::string corrections;
  std::string corrections_name;
};

// Imports `bytes`, text extracted from a PDF, into *out. Returns false,
// after reporting the reason, when the input is refused: empty, binary (a
// NUL byte), or not valid UTF-8 (reported with its byte offset). Otherwise
// returns true; problems it worked around are warnings.
bool ImportText(std::string_view bytes, const ImportOptions& options,
                Diagnostics& diags, Document* out);

}  // namespace glossa

#endif  // GLOSSA_CORE_TEXT_IMPORT_H_
